"""Cumulative parts of a year (issue 16, session 18): how a months-to-date period is said ("through September",
"by the end of September 2024", "as of October 1", "results of 10 months of 2023", "nine-month trade", "1-3Q 2025",
"the January-September period of 2022", "since the beginning of the year", "2025 so far") and how it is carried (a
bare year later in the text about a part of that year is that part, never the full year). Sentences are our own;
the figures are real: China customs on China-Russia trade (January-August 2024: $158.47 billion, via TASS
2024-09-10; January-September 2023: $176.4 billion, via Sputnik 2023-10-13), Uzbekistan's Statistics Agency on
trade with China (January-June 2024: $5.8 billion, exports $994.7 million, via Trend 2024-07-25), the Chinese
ambassador on China-Kazakhstan trade (January-October 2023: $32.7 billion, via bne IntelliNews)."""

from __future__ import annotations

from datetime import date

import pytest

from mirrortrade.claims.claim import FLAGGABLE, Claim
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods

OCT_2025 = date(2025, 10, 20)


def _own(text: str, ref_date: date | None = OCT_2025) -> list[tuple[str | None, bool]]:
    return [(p.period, p.full_year) for p in find_periods(text, ref_year=2025, ref_date=ref_date) if not p.base]


@pytest.mark.parametrize(("text", "period"), [
    ("By the end of September 2024, trade between China and Russia came to $176.4 billion.", "2024-01/2024-09"),
    ("Through August, China-Russia trade reached $158.47 billion.", "2025-01/2025-08"),
    ("As of end-September, China-Russia trade stood at $176.4 billion.", "2025-01/2025-09"),
    ("As of October 1, 2023, China-Russia trade had reached $176.4 billion.", "2023-01/2023-09"),
    ("According to the results of 10 months of 2023, China-Kazakhstan trade was $32.7 billion.", "2023-01/2023-10"),
    ("Trade in the January-September period of 2023 amounted to $176.4 billion.", "2023-01/2023-09"),
    ("China-Russia trade reached $176.4 billion in 1-3Q 2023.", "2023-01/2023-09"),
])
def test_a_cumulative_period_is_read_as_its_months(text: str, period: str) -> None:
    assert _own(text) == [(period, False)]


def test_a_day_that_does_not_open_a_month_names_no_calendar_period() -> None:
    assert _own("As of October 15, 2023, China-Russia trade had passed $176 billion.") == [(None, False)]


def test_a_nine_month_modifier_is_the_months_to_date() -> None:
    assert _own("China's nine-month trade with Russia rose 29.5% to $176.4 billion.") == [("2025-01/2025-09", False)]
    # ... and a "nine-month high" is no period
    assert _own("Exports to Russia hit a nine-month high of $9 billion.") == []


def test_a_part_and_a_bare_year_in_one_sentence_are_that_part_of_that_year() -> None:
    got = _own("China-Russia trade through August reached $158.47 billion in 2024.")
    assert got == [("2024-01/2024-08", False), ("2024-01/2024-08", False)]
    # a sentence that says the whole year keeps it
    got = _own("Trade through August reached $158.47 billion, after $240.11 billion for the full year 2023.")
    assert ("2023", True) in got or ("2023", False) not in got


@pytest.mark.parametrize("text", [
    "Since the beginning of the year, China-Russia trade has reached $158.47 billion.",
    "Since the start of 2024, China-Russia trade has reached $158.47 billion.",
    "China-Russia trade in 2024 so far has reached $158.47 billion.",
])
def test_the_year_to_date_without_its_months_is_never_the_full_year(text: str) -> None:
    assert _own(text) == [(None, False)]


def test_so_far_this_year_takes_the_span_the_sentence_names_after_it() -> None:
    got = _own("Trade has grown 1.9% so far this year, to $158.47 billion in the eight months through August.")
    assert got == [("2025-01/2025-08", False), ("2025-01/2025-08", False)]


def _by_text(text: str, when: date | None) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text, article_date=when)}


UZB = ("Uzbekistan-China trade\n\n"
       "TASHKENT, July 25. Uzbekistan's trade with China reached $5.8 billion from January through June 2024, the "
       "Statistics Agency said.\n\n"
       "In 2024, Uzbek exports to China have slipped to $994.7 million.\n")


def test_a_bare_year_after_a_part_of_it_is_that_part_before_the_year_ends() -> None:
    c = _by_text(UZB, date(2024, 7, 25))["$994.7 million"]
    assert c.period in ("2024-01/2024-06", "2024-H1")
    assert c.slots["period"] < FLAGGABLE  # a reading, never flagged on it


def test_a_bare_year_after_a_part_of_it_right_after_the_year_end_is_not_said() -> None:
    c = _by_text(UZB.replace("July 25", "January 10"), date(2025, 1, 10))["$994.7 million"]
    assert c.period is None or c.slots["period"] < FLAGGABLE


def test_so_far_this_year_before_its_span_then_over_this_time() -> None:
    t = ("Russia-China trade\n\n"
         "BEIJING, September 10. Trade between China and Russia has grown 1.9% so far this year, to $158.47 billion "
         "in the eight months through August, China's customs said.\n\n"
         "Over this time, China's exports to Russia edged up 0.4% to $71.91 billion.\n")
    cs = _by_text(t, date(2024, 9, 10))
    assert cs["$158.47 billion"].period == "2024-01/2024-08"
    assert cs["$71.91 billion"].period == "2024-01/2024-08"
