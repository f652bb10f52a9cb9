"""Targets stated as rates (issue 16, kind 4): "the goal of doubling trade", "trade is expected to grow 10 percent"
are no claims; a rate stated as fact is. Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = "BEIJING, October 1, 2024. According to Chinese customs, trade between China and Russia grew 12 percent in 2023. "


def test_a_goal_of_doubling_is_no_growth_claim() -> None:
    cs = extract_claims(LEAD + "The leaders set the goal of doubling trade by 2030.")
    assert [c.growth_pct for c in cs] == [12.0]


def test_an_expected_rate_is_no_growth_claim() -> None:
    cs = extract_claims(LEAD + "Trade is expected to grow 8 percent this year.")
    assert [c.growth_pct for c in cs] == [12.0]
