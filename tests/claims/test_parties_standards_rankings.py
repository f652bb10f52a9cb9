"""Parties that are not the figure's (issue 16, the partner slot), on sentences written for these tests:

- a flow word inside the standard of a comparison ("2.3 points above that of China's overall foreign trade") is
  another statistic, never the figure's flow: its world partner is not the figure's;
- a ranking member's figure ("Brazil rose to ninth place, with $11.3 billion") continues the last turnover with the
  member in its partner's place, but when that turnover's reporter is only the order a pair was named in ("trade
  between South Korea and Russia") the ranking's owner is unknown: no reading.

Figures: China's customs (GACC), China-Central Asia trade 312.04 billion yuan in 2013 and 674.15 billion yuan in 2024,
7.3% a year, 2.3 points above China's overall trade; RIA Novosti's calculations from national statistics, 2023 trade
with Russia: South Korea $15 billion, Germany $12.2 billion, Brazil $11.3 billion."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def test_a_flow_in_a_comparisons_standard_is_not_the_figures() -> None:
    text = ("China's trade with the five Central Asian states has doubled in a decade, customs data show.\n\n"
            "The value went from 312.04 billion yuan in 2013 to 674.15 billion yuan in 2024, a yearly pace 2.3 "
            "percentage points above that of China's overall foreign trade.")
    got = [c for c in extract_claims(text) if c.value_cny in (312.04e9, 674.15e9)]
    assert all(c.partner != "WLD" for c in got)


def test_a_ranking_after_a_pair_named_in_no_order_has_no_owner() -> None:
    text = ("Russia's trading partners were reshuffled in 2023, according to RIA Novosti calculations based on "
            "national statistics.\n\n"
            "Trade between South Korea and Russia came to $15 billion in 2023, and trade between Germany and Russia "
            "to $12.2 billion. Brazil climbed to ninth place, with $11.3 billion.")
    got = {c.value_usd: c for c in extract_claims(text)}
    assert 11.3e9 not in got or {got[11.3e9].reporter, got[11.3e9].partner} != {"KOR", "BRA"}
    assert (got[15e9].reporter, got[15e9].partner) == ("KOR", "RUS")
    assert (got[12.2e9].reporter, got[12.2e9].partner) == ("DEU", "RUS")

