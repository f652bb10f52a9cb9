"""Fiscal years and other spans across two calendar years (issue 16): "July-June 2023-24", "fiscal year
2018-19", "the first eight months of the current fiscal year", "July–January". A period is a part of one calendar
year, so such a span is named but not resolved: the figure it dates stays unresolved, never given the calendar year
it shares a number with, nor the period carried from before. Every sentence here is invented for the test."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _spans(text: str) -> list[tuple[str, str | None]]:
    return [(pm.text, pm.period) for pm in find_periods(text, ref_year=2022, context_year=2021)]


def test_split_years_and_fiscal_years_are_spans_without_a_calendar_period() -> None:
    assert _spans("Exports were $1.2 billion in July-March 2020-21.") == [("July-March 2020-21", None)]
    assert _spans("Imports reached $3 billion in fiscal year 2020-21.") == [("fiscal year 2020-21", None)]
    assert _spans("in FY2021 and in fiscal 2020") == [("FY2021", None), ("fiscal 2020", None)]
    assert _spans("in the first five months of the current fiscal year") == [
        ("the first five months of the current fiscal year", None)]
    # a month range that wraps round the year end is no January–July
    assert _spans("in July–January") == [("July–January", None)]
    assert [pm.relative for pm in find_periods("in July–January")] == ["span"]


def test_what_is_not_a_span() -> None:
    # the same months in order, a date, two years that do not follow each other, and "fiscal" on its own
    assert _spans("in January–July 2021") == [("January–July 2021", "2021-01/2021-07")]
    assert _spans("on 2021-12-10") == []
    assert _spans("between 2019-2021") == []
    assert _spans("the fiscal deficit widened") == []


def test_a_figure_dated_by_a_fiscal_span_is_unresolved_not_the_calendar_year() -> None:
    t = ("Ruritania's exports to China rose 20.5 percent to $1.46 billion in July-April 2020-21, the statistics "
         "bureau said. Imports from China were $9.3 billion in July-June 2019-20.\n\n"
         "In March 2021 alone, exports to China were $0.15 billion.")
    claims = extract_claims(t)
    got = {c.value_usd: c for c in claims if c.value_usd}
    assert got[1.46e9].period is None and got[9.3e9].period is None
    assert [c.period for c in claims if c.growth_pct == 20.5] == [None]
    # a calendar month after the span is read as before
    assert got[0.15e9].period == "2021-03"


def test_a_comparison_with_the_year_before_a_fiscal_span_is_unresolved() -> None:
    t = ("Ruritania's imports from China fell to $6.1 billion in July-February 2019-20 from $7.2 billion a year "
         "earlier.")
    got = {c.value_usd: c for c in extract_claims(t) if c.value_usd}
    assert got[6.1e9].period is None and got[7.2e9].period is None
