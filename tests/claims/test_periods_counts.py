"""Periods counted in quarters or months without "the" (issue 16): "the first three quarters" is January–September,
"up 29.5% in nine months" the nine months to date. Every sentence here is invented for the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _own(text: str, **kw: object) -> list[str | None]:
    return [pm.period for pm in find_periods(text, **kw) if not pm.base]  # type: ignore[arg-type]


def test_the_first_n_quarters() -> None:
    assert _own("Exports fell 12 percent in the first three quarters.", context_year=2015) == ["2015-01/2015-09"]
    assert _own("in the first two quarters of 2016") == ["2016-H1"]
    # one quarter is "the first quarter", read as before; four is no part of a year
    assert _own("in the first quarter of 2016") == ["2016-Q1"]
    assert _own("in the first four quarters", context_year=2016) == []


def test_months_to_date_without_the() -> None:
    assert _own("Trade rose 7 percent in eight months.", context_year=2017) == ["2017-01/2017-08"]
    # dated by the publication when no year is in context: the latest such span that ended by then
    assert _own("up 4 percent in five months", ref_date=date(2018, 7, 2)) == ["2018-01/2018-05"]
    # what a superlative ranks against is no period
    assert _own("Exports rose 9 percent in April, the biggest gain in nine months.", context_year=2018) == ["2018-04"]
    assert _own("the highest monthly level in six months", context_year=2018) == []


def test_a_headline_in_quarters_dates_its_figures() -> None:
    t = ("Freedonia-China trade down 20% in first three quarters\n\n"
         "BEIJING, October 20, 2015. Trade between China and Freedonia fell 20 percent to $8.1 billion in the first "
         "three quarters, the customs administration said.")
    periods = {c.period for c in extract_claims(t) if c.value_usd == 8.1e9}
    assert periods == {"2015-01/2015-09"}


def test_a_month_alone() -> None:
    assert _own("March alone brought $2 billion of trade.", context_year=2019) == ["2019-03"]
    # "May alone" stays out: "may" is also the verb
    assert _own("Exports may alone decide it.", context_year=2019) == []


def test_the_paragraph_after_a_dateline_sentence_sets_the_period_for_the_next() -> None:
    # a headline's "this year" (a target) does not govern the article once the lead names its period
    t = ("Freedonia-China trade could pass $90 billion this year\n\n"
         "BEIJING, June 12, 2017. Customs data show trade between China and Freedonia at $31.5 billion in the first "
         "five months.\n\n"
         "China's exports to Freedonia rose 8 percent to $12.2 billion.")
    got = {c.value_usd: c for c in extract_claims(t) if c.value_usd}
    assert got[31.5e9].period == "2017-01/2017-05"
    assert got[12.2e9].period == "2017-01/2017-05"
