"""Comparison bases and the context they lean on (issue 16, branch i16-context): a dollar figure put as the base of a
comparison ("less than the previous year's $B", "against $B a year earlier", "(… $B in January–June 2023)") is a
level of its own with the main figure's frame, for the base period, never the main period; a rate stated beside
both levels must fit them within rounding. Every sentence here is invented for the test (no store, no network);
the arithmetic in the rate tests is worked out in the comments."""

from __future__ import annotations

from mirrortrade.claims import context as cx
from mirrortrade.claims.claim import FLAGGABLE
from mirrortrade.claims.extract import extract_claims


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, str | None, float | None, bool]]:
    return [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.resolved) for c in extract_claims(text)
            if c.kind == "level"]


def test_rate_fits_within_rounding() -> None:
    # 110 / 100 - 1 = 10 percent: "10.0 percent" fits; 25 percent does not
    assert cx.rate_fits((109.95, 110.05), (99.95, 100.05), (9.95, 10.05))
    assert not cx.rate_fits((109.95, 110.05), (99.95, 100.05), (24.95, 25.05))
    # a rate cut instead of rounded: 2.7442 / 3.2330 - 1 = -15.12 percent printed as "15.11": within the slack
    assert cx.rate_fits((2744.2405, 2744.2415), (3233.0455, 3233.0465), (-15.115, -15.105))


def test_year_on_year_span() -> None:
    assert cx.year_on_year_span("2024") and cx.year_on_year_span("2024-01/2024-05")
    assert cx.year_on_year_span("2024-07/2025-01", fiscal_start=7)
    assert not cx.year_on_year_span("2024-06")  # a month may be compared with the month before
    assert not cx.year_on_year_span("2024-04/2024-06")  # a later quarter likewise
    assert cx.year_before("2024-07/2025-01") == "2023-07/2024-01"


def test_previous_years_possessive_base_is_the_year_before() -> None:
    t = ("KARACHI, July 20, 2024 – Pakistan's commerce ministry said on Saturday that in fiscal year 2023-24 imports from "
         "China came to $12.400 billion, 20.00 percent less than the previous year's $15.500 billion.")
    lv = _levels(t)
    # 12.4 / 15.5 - 1 = -20 percent: the rate fits, the base is the fiscal year before, both resolved
    assert ("PAK", "CHN", "M", "2023-07/2024-06", 12.4e9, True) in lv
    assert ("PAK", "CHN", "M", "2022-07/2023-06", 15.5e9, True) in lv


def test_base_whose_rate_does_not_fit_is_unresolved() -> None:
    t = ("TASHKENT, June 3, 2025 – Uzbekistan's exports to China came to $900 million in January–April 2025, "
         "40 percent more than the $800 million recorded in the same period of 2024.")
    base = next(c for c in extract_claims(t) if c.value_usd == 800e6)
    # 900 / 800 - 1 = 12.5 percent, not 40: which period the $800 million is for is not clear
    assert "period" in base.missing


def test_bracketed_base_after_a_figure_that_refers_back() -> None:
    t = ("TASHKENT, July 25, 2024 – Uzbekistan's trade with China came to $7.1 billion in January–June 2024, the "
         "Statistics Agency said. This figure is 12 percent higher than a year earlier ($6.3 billion in "
         "January–June 2023).")
    lv = _levels(t)
    assert ("UZB", "CHN", "T", "2023-H1", 6.3e9, True) in lv
    base = next(c for c in extract_claims(t) if c.value_usd == 6.3e9)
    assert not base.flaggable and base.slots["period"] < FLAGGABLE  # a base level: shown, never flagged


def test_base_a_year_earlier_follows_the_main_figures_month() -> None:
    t = ("NEW DELHI, Feb 15, 2025 – India's commerce ministry said exports to China were $1.20 billion in January 2025, "
         "down from $1.50 billion a year earlier.")
    assert ("IND", "CHN", "X", "2024-01", 1.5e9, True) in _levels(t)


def test_base_is_never_the_main_period() -> None:
    t = ("MOSCOW, Jan 14, 2025 – Russian customs said trade with China came to $200 billion in 2024, against "
         "$210 billion in 2024 by another count.")
    base = next(c for c in extract_claims(t) if c.value_usd == 210e9)
    assert not base.resolved
