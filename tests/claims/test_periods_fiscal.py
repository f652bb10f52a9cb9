"""Fiscal years and other spans across two calendar years (issue 16): "July-June 2023-24", "fiscal year
2018-19", "the first eight months of the current fiscal year", "April 2024-January 2025", "the 12 months through
March". A span across a year end is a period of its own (``2023-07/2024-06``) when its months are known: written
out ("July-April 2020-21"), or from the fiscal calendar the article uses (a whole fiscal year written as months, a
year "that ended in March", the one country with a known fiscal calendar it names). Otherwise it stays named but
unresolved: never the calendar year it shares a number with, nor the period carried from before. Every sentence
here is invented for the test."""

from __future__ import annotations

from datetime import date

import pytest

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.fiscal import fiscal_period, fiscal_start_month, trailing, wrapped_range
from mirrortrade.claims.periods import find_periods
from mirrortrade.model import Period


def _spans(text: str, **kw: object) -> list[tuple[str, str | None]]:
    return [(pm.text, pm.period) for pm in find_periods(text, ref_year=2022, context_year=2021, **kw)]  # type: ignore[arg-type]


def test_a_month_range_that_wraps_round_the_year_end_with_its_years_is_resolved() -> None:
    assert _spans("Exports were $1.2 billion in July-March 2020-21.") == [("July-March 2020-21", "2020-07/2021-03")]
    assert _spans("in July–June 2019-20") == [("July–June 2019-20", "2019-07/2020-06")]
    # months in order within a split year need the fiscal calendar: which of the two years is not written
    assert _spans("in July-September 2020-21") == [("July-September 2020-21", None)]
    assert _spans("in July-September 2020-21", fiscal_start=7) == [("July-September 2020-21", "2020-Q3")]
    assert _spans("in January-March 2020-21", fiscal_start=4) == [("January-March 2020-21", "2021-Q1")]


def test_fiscal_years_without_a_known_calendar_stay_unresolved() -> None:
    assert _spans("Imports reached $3 billion in fiscal year 2020-21.") == [("fiscal year 2020-21", None)]
    assert _spans("in FY2021 and in fiscal 2020") == [("FY2021", None), ("fiscal 2020", None)]
    assert _spans("in the first five months of the current fiscal year") == [
        ("the first five months of the current fiscal year", None)]
    assert [pm.relative for pm in find_periods("in July–January")] == ["span"]  # no publication date: no year


@pytest.mark.parametrize(("phrase", "start", "period"), [
    ("in fiscal year 2020-21", 7, "2020-07/2021-06"),
    ("in the 2024/25 fiscal year", 4, "2024-04/2025-03"),
    ("in FY2024/25", 4, "2024-04/2025-03"),
    ("in FY25", 4, "2024-04/2025-03"),  # named by the year it ends in
    ("in fiscal 2024", 7, "2023-07/2024-06"),
    ("in the first ten months of 2024-25", 4, "2024-04/2025-01"),
    ("in the first three months of the current fiscal year 2023-24", 7, "2023-Q3"),
    ("in the third quarter of fiscal year 2023-24", 7, "2024-Q1"),
    ("in the first half of FY2024", 7, "2023-H2"),
])
def test_fiscal_years_in_a_known_calendar(phrase: str, start: int, period: str) -> None:
    got = [pm.period for pm in find_periods(phrase, fiscal_start=start)]
    assert got == [period]
    p = Period.parse(period)
    assert not p.is_full_year  # never a calendar year


def test_current_and_last_fiscal_year_are_dated_by_the_publication() -> None:
    may, nov = date(2024, 5, 30), date(2023, 11, 7)
    assert fiscal_period("the first ten months of the current fiscal year", 7, may) == "2023-07/2024-04"
    assert fiscal_period("the first three months of the current fiscal year", 7, nov) == "2023-Q3"
    assert fiscal_period("the last fiscal year", 7, nov) == "2022-07/2023-06"
    assert fiscal_period("the current financial year", 4, date(2025, 2, 24)) == "2024-04/2025-03"
    assert fiscal_period("the current fiscal year", 7, None) is None  # no publication date: not said


def test_the_fiscal_calendar_is_what_the_article_says() -> None:
    assert fiscal_start_month("Exports to China were $2.7 billion in July-June 2023-24.") == 7
    assert fiscal_start_month("The deficit in the fiscal year that ended in March was $99 billion.") == 4
    assert fiscal_start_month("Pakistan's exports to China rose in the current fiscal year.") == 7
    assert fiscal_start_month("India's imports from China rose in FY25.") == 4
    # two calendars named, none said: not a guess; a country without one: none
    assert fiscal_start_month("India and Pakistan both reported trade with China.") is None
    assert fiscal_start_month("Kazakhstan's trade with China rose in 2024.") is None
    # what the article writes out wins over the country's usual calendar
    assert fiscal_start_month("India's exports in April-March 2023-24 and in FY2024/25.") == 4


def test_month_year_ranges_and_trailing_windows_across_a_year_end() -> None:
    assert _spans("between April 2024 and January 2025") == [("between April 2024 and January 2025", "2024-04/2025-01")]
    assert _spans("in April 2023-January 2024") == [("April 2023-January 2024", "2023-04/2024-01")]
    # more than twelve months is no period of a claim: named, unresolved
    assert _spans("from January 2023 to March 2025") == [("from January 2023 to March 2025", None)]
    apr = date(2025, 4, 16)
    assert _spans("in the 12 months through March", ref_date=apr) == [("the 12 months through March", "2024-04/2025-03")]
    assert _spans("in the year to June 2024") == [("the year to June 2024", "2023-07/2024-06")]
    assert trailing(3, 2, None, apr) == "2024-12/2025-02"
    assert wrapped_range(7, 1, date(2019, 3, 1)) == "2018-07/2019-01"


def test_a_month_inside_a_carried_span_takes_the_spans_year() -> None:
    ctx = dict(ref_year=2025, context_year=2024, context_period="2024-04/2025-01", ref_date=date(2025, 2, 24))
    assert [pm.period for pm in find_periods("In January alone, imports came to $10.5 billion.", **ctx)] == ["2025-01"]
    assert [pm.period for pm in find_periods("May's exports were $1.1 billion.", **ctx)] == ["2024-05"]


def test_a_year_earlier_after_a_fiscal_span_is_the_same_months_a_year_before() -> None:
    t = "Imports from Ruritania fell to $6.1 billion in July-February 2019-20 from $7.2 billion a year earlier."
    assert [(pm.text, pm.period) for pm in find_periods(t)] == [
        ("July-February 2019-20", "2019-07/2020-02"), ("a year earlier", "2018-07/2019-02")]


def test_in_the_month_after_a_span_is_not_the_span() -> None:
    assert [(pm.period, pm.relative) for pm in find_periods(
        "Exports in the month fell 14.5 percent.", context_period="2024-04/2025-03")] == [(None, "span")]
    assert [pm.period for pm in find_periods(
        "Exports in the month fell 14.5 percent.", context_period="2025-03")] == ["2025-03"]


def test_what_is_not_a_span() -> None:
    # the same months in order, a date, two years that do not follow each other, and "fiscal" on its own
    assert _spans("in January–July 2021") == [("January–July 2021", "2021-01/2021-07")]
    assert _spans("on 2021-12-10") == []
    # several years at once: no period of the schema (a figure it dates stays unresolved)
    assert _spans("between 2019-2021") == [("2019-2021", None)]
    assert _spans("the fiscal deficit widened") == []


def test_a_figure_dated_by_a_fiscal_span_gets_its_months_never_the_calendar_year() -> None:
    t = ("Ruritania's exports to China rose 20.5 percent to $1.46 billion in July-April 2020-21, the statistics "
         "bureau said. Imports from China were $9.3 billion in July-June 2019-20.\n\n"
         "In March 2021 alone, exports to China were $0.15 billion.")
    claims = extract_claims(t)
    got = {c.value_usd: c for c in claims if c.value_usd}
    assert got[1.46e9].period == "2020-07/2021-04" and got[9.3e9].period == "2019-07/2020-06"
    assert [c.period for c in claims if c.growth_pct == 20.5] == ["2020-07/2021-04"]
    # a calendar month after the span is read as before
    assert got[0.15e9].period == "2021-03"


def test_a_fiscal_year_unknown_leaves_the_figure_unresolved() -> None:
    t = "Ruritania's imports from China reached $3.3 billion in fiscal year 2020-21, the statistics bureau said."
    got = {c.value_usd: c for c in extract_claims(t) if c.value_usd}
    assert got[3.3e9].period is None
