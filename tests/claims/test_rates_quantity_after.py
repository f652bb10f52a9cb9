"""A rate that leads to a physical quantity ("grew 21 percent to 4.5 million tonnes") is that quantity's rate, not a trade
value's. Sentences invented for the test; figures from Kazinform (rail freight, January-April 2024) and China's
customs (2023)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims


def test_a_rate_that_leads_to_a_tonnage_is_the_quantitys_not_a_trade_value() -> None:
    # Kazinform's rail freight figures for January-April 2024 (10.1 million tonnes, +14%; Kazakh exports +21% to 4.5
    # million tonnes), then China's customs' 2023 turnover with Kazakhstan ($41 billion)
    text = ("ASTANA, May 22, 2024 – Kazakhstan's exports to China by rail grew 21 percent to 4.5 million tonnes in "
            "January–April. Chinese customs recorded $41 billion of trade with Kazakhstan last year.")
    claims = extract_claims(text, article_date=date(2024, 5, 22))
    assert not [c for c in claims if c.growth_pct is not None and abs(c.growth_pct) == 21.0]
    level = next(c for c in claims if c.value_usd and abs(c.value_usd - 41e9) < 1e6)
    assert (level.reporter, level.partner, level.period) == ("CHN", "KAZ", "2023")
    # a rate that leads to a value is kept
    kept = extract_claims("ASTANA, May 22, 2024 – Kazakhstan's exports to China grew 21 percent to $4.5 billion in "
                          "January–April.", article_date=date(2024, 5, 22))
    assert [c.growth_pct for c in kept if c.growth_pct is not None] == [21.0]
