"""A level followed by its share of a whole ("$21.7 billion ..., or 21.3 percent of the country's foreign trade"): the
share's trade noun names the whole, not the level's flow; the level is no world total. Sentences invented for the
test; figures from Kazakhstan's Bureau of National Statistics (intellinews) and China's envoy (January-October 2023)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims


def test_a_shares_trade_noun_after_a_level_is_not_the_levels_flow() -> None:
    # Kazakhstan's Bureau of National Statistics: $21.7 billion of trade with China in January-September 2023, 21.3
    # percent of Kazakhstan's foreign trade (intellinews): the level is no world total
    text = ("ASTANA, November 29, 2023 – Beijing's envoy put bilateral trade for the first ten months at $32.7 billion. "
            "Kazakhstan's own Bureau of National Statistics counted $21.7 billion over the first nine months, or 21.3 "
            "percent of the country's foreign trade.")
    claims = extract_claims(text, article_date=date(2023, 11, 29))
    assert not [c for c in claims if c.partner == "WLD"]
    share = next(c for c in claims if c.share_pct is not None)
    assert (share.reporter, share.period, share.share_pct) == ("KAZ", "2023-01/2023-09", 21.3)
