"""Months counted without a year in an article that keeps a fiscal year (issue 16, session 15): after the article
stated "July–September 2021-22" (a July–June year), "the first three months", "the three months", "during the
three months" are those fiscal months, never January–March; a year-on-year month comparison in between ("in
September ... compared with September 2020") does not move them. When the article stated the calendar's months too,
which is meant is not said: unresolved. (Left open: "against $B a year earlier" right after a paragraph about one
month still shifts that month, not the span the sentence names.) A rate stated with the two levels it went between ("rose 12 percent, from
$A in P0 to $B in P1") is the "to" level's period. Every sentence here is invented for the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods
from mirrortrade.claims.provenance import LABELS

_BANGLA = (
    "Bangladesh's exports to Japan rose by 7.4 percent during the first three months of the current fiscal year "
    "(2021-22), Bangladesh Bank said.\n\n"
    "Exports to Japan stood at $412.5 million in July-September (2021-22), against $384.1 million in "
    "July-September (2020-21).\n\n"
    "Imports from Japan during the three months came to $655.3 million against $702.9 million a year earlier.\n\n"
    "On a year-on-year basis, exports to Japan grew by 9.2 percent, from $120.4 million in September 2020 to "
    "$131.5 million in September 2021.\n\n"
    "The country's shipments to Japan in the first three months made up a small part of the total.\n"
)


def _claims(text: str, when: date | None = date(2021, 10, 20)) -> list:  # type: ignore[type-arg]
    return extract_claims(text, article_date=when)


def _by_value(claims: list, v: float):  # type: ignore[no-untyped-def, type-arg]
    (c,) = [c for c in claims if (c.value_usd and abs(c.value_usd - v) < 1) or c.growth_pct == v]
    return c


def test_the_months_counted_are_the_fiscal_span_stated_not_january() -> None:
    cs = _claims(_BANGLA)
    assert _by_value(cs, 655.3e6).period == "2021-Q3"
    # the level compared "a year earlier" is the same fiscal months a year before
    assert _by_value(cs, 702.9e6).period == "2020-Q3"


def test_a_rate_between_two_dated_levels_is_the_later_levels_period() -> None:
    cs = _claims(_BANGLA)
    assert _by_value(cs, 9.2).period == "2021-09"
    assert _by_value(cs, 9.2).how["period"] in LABELS["period"]
    assert _by_value(cs, 120.4e6).period == "2020-09"


def test_a_rate_from_to_with_other_wording_and_quarters() -> None:
    text = ("According to Turkstat, Turkey's imports from Georgia jumped 31 percent, from $210 million in the first "
            "quarter of 2022 to $275 million in the first quarter of 2023.")
    cs = _claims(text, None)
    assert _by_value(cs, 31.0).period == "2023-Q1"
    assert _by_value(cs, 275e6).period == "2023-Q1"


def test_months_counted_are_unsaid_when_both_calendars_were_stated() -> None:
    pms = find_periods("Exports rose in the first two months.", ref_year=2024, context_year=2024, fiscal_start=4,
                       stated=["2024-04/2024-05", "2024-01/2024-02"])
    assert [(pm.period, pm.relative) for pm in pms] == [(None, "span")]


def test_months_counted_take_the_fiscal_span_the_context_lies_in() -> None:
    stated = ["2023-04/2023-05", "2022-04/2022-05"]
    pms = find_periods("Imports fell during the first two months.", ref_year=2023, context_year=2023,
                       context_period="2023-05", fiscal_start=4, stated=stated)
    assert [pm.period for pm in pms] == ["2023-04/2023-05"]
    # a fiscal article that stated no such span: the calendar's months, as before
    pms = find_periods("Imports fell during the first two months.", ref_year=2023, context_year=2023,
                       fiscal_start=4, stated=["2023-04/2023-08"])
    assert [pm.period for pm in pms] == ["2023-01/2023-02"]
