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
         "40 percent more than the $800 million a year earlier.")
    base = next(c for c in extract_claims(t) if c.value_usd == 800e6)
    # 900 / 800 - 1 = 12.5 percent, not 40: the derived period (a year before) is not sure
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


SERIES = ("ISLAMABAD, Aug 2, 2024 – Pakistan's exports to China reached $2.600 billion in fiscal year 2023-24, the "
          "State Bank of Pakistan said.\n\n"
          "In June 2024 alone they stood at $150.000 million, up 20.00 percent from $125.000 million in June 2023.")


def test_they_continues_the_series_of_exports() -> None:
    # "they" stands for the exports of the sentence before; the period and values are the sentence's own
    lv = _levels(SERIES)
    assert ("PAK", "CHN", "X", "2024-06", 150e6, True) in lv
    # 150 / 125 - 1 = 20 percent: the base of June 2024 is June 2023
    assert ("PAK", "CHN", "X", "2023-06", 125e6, True) in lv


def test_they_never_stands_for_trade() -> None:
    t = ("BEIJING, Jan 13, 2025 – China's customs said trade with Kazakhstan reached $43.8 billion in 2024.\n\n"
         "In December alone they stood at $4.1 billion.")
    assert not any(c.value_usd == 4.1e9 and c.resolved for c in extract_claims(t))


def test_series_breaks_when_the_paragraph_names_another_country() -> None:
    t = ("BEIJING, Jan 13, 2025 – China's customs said trade with Kazakhstan reached $43.8 billion in 2024.\n\n"
         "Trade with Uzbekistan was smaller. It amounted to $13.7 billion.")
    assert not any(c.value_usd == 13.7e9 and c.partner == "KAZ" and c.resolved for c in extract_claims(t))


def test_series_keeps_no_weakly_read_frame() -> None:
    weak = cx.Series()
    c = extract_claims(SERIES)[0]
    c.slots["partner"] = 0.55  # resolved, but only by a weak default
    weak.note([c])
    assert weak.last is None and weak.antecedent(1, set()) is None
    sure = cx.Series()
    sure.note([extract_claims(SERIES)[0]])
    assert sure.antecedent(1, {"PAK", "CHN"}) is not None
    assert sure.antecedent(1, {"PAK", "CHN", "IND"}) is None


def test_base_period_printed_is_not_the_main_figures_carried_period() -> None:
    t = ("BEIJING, Jan 13, 2025 – Chinese customs said exports to Russia grew 5%, compared with 54% growth in 2023.\n\n"
         "In dollar terms, trade came to $245 billion, against $240 billion in 2023.")
    main = next(c for c in extract_claims(t) if c.value_usd == 245e9)
    # the period in context is 2023 (the last one named), but "in 2023" is the base's: the main's period is unclear
    assert "period" in main.missing
