"""Exports and imports that add up to the pair's total just given are its parts (issue 16: the partner slot left
unresolved, :mod:`mirrortrade.claims.part_sums`).

Figures: China's General Administration of Customs via Sputnik (2017-05-08): China-Russia trade in April 2017
$6.59 billion (April 2016: $5.59 billion), Chinese exports to Russia $3.21 billion, imports from Russia $3.37
billion; via Xinhua (2009-10-26): September 2009 $4.07 billion, exports $1.77 billion, imports $2.3 billion. China's
trade with the world in 2016 (GAC, January 2017): exports about $2.1 trillion, imports about $1.59 trillion."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.verify import check_article

LEAD = ("BEIJING, May 8, 2017 – Trade between China and Russia rose by 26.2 percent in January-April from a year "
        "earlier, to $24.7 billion, China's General Administration of Customs said on Monday.\n\n")


def _parts(text: str, when: date) -> list[tuple]:
    return [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.missing, c.how.get("partner"))
            for c in extract_claims(text, article_date=when) if c.flow in ("X", "M")]


def test_exports_and_imports_adding_up_to_the_month_total_are_its_parts() -> None:
    text = LEAD + ("In April alone the two countries traded goods worth $6.59 billion, up from $5.59 billion a year "
                   "before. China's exports that month came to $3.21 billion and its imports to $3.37 billion.")
    assert _parts(text, date(2017, 5, 8)) == [
        ("CHN", "RUS", "X", "2017-04", 3.21e9, [], "total-parts"),
        ("CHN", "RUS", "M", "2017-04", 3.37e9, [], "total-parts"),
    ]


def test_parts_with_their_rates_are_verified(store) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, October 26, 2009. Trade between China and Russia totalled 28.04 billion U.S. dollars in the first "
            "three quarters, the General Administration of Customs said on Monday.\n\nIn September the two countries "
            "traded 4.07 billion dollars of goods. China's exports that month were 1.77 billion dollars, down 45.6 "
            "percent, while its imports rose 3.2 percent to 2.3 billion dollars.")
    res = check_article(text, store, article_date=date(2009, 10, 26))
    got = [(c["partner"], c["flow"], c["period"], c["growth_pct"], c["status"]) for c in res["claims"]
           if c["flow"] in ("X", "M")]
    assert got == [("RUS", "X", "2009-09", -45.6, "consistent"), ("RUS", "M", "2009-09", 3.2, "consistent")]


def test_world_totals_that_do_not_add_up_stay_unresolved() -> None:
    # China's exports and imports with the world are far more than its trade with one partner: no parts of it
    text = LEAD + ("In 2016 the two countries traded goods worth $69.5 billion. China's exports that year came to "
                   "about $2.1 trillion and its imports to about $1.59 trillion.")
    assert _parts(text, date(2017, 5, 8)) == [
        ("CHN", "WLD", "X", "2016", 2.1e12, ["partner"], "none"),
        ("CHN", "WLD", "M", "2016", 1.59e12, ["partner"], "none"),
    ]


def test_one_part_alone_or_another_partner_named_is_left_as_read() -> None:
    one = LEAD + ("In April alone the two countries traded goods worth $6.59 billion. China's exports that month came "
                  "to $3.21 billion.")
    assert all(g[6] != "total-parts" for g in _parts(one, date(2017, 5, 8)))
    # a third country named in the parts' sentence: whose trade they are is not the sum's to say
    other = LEAD + ("In April alone the two countries traded goods worth $6.59 billion. China's exports that month, "
                    "as those to Kazakhstan, came to $3.21 billion and its imports to $3.37 billion.")
    assert all(g[6] != "total-parts" for g in _parts(other, date(2017, 5, 8)))
