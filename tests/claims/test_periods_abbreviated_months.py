"""Months abbreviated as outlets' house styles abbreviate them ("Jan. 2019", "Sept. 2023", "Jan.–Nov.", "In Nov.
alone", "Dec.'s exports") are the same months as when spelled out (issue 16; found by benchmarks/house_styles.py,
whose month-abbrev style lost the month or dated "In Jan. 2019" as the year 2019). Every phrase here is invented."""

from __future__ import annotations

from datetime import date

import pytest

from mirrortrade.claims.periods import find_periods

_CTX = dict(ref_year=2024, context_year=2023, ref_date=date(2024, 3, 5))
_FULL = {"Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September", "Sep.": "September",
         "Oct.": "October", "Nov.": "November", "Dec.": "December"}


def _periods(text: str) -> list[str | None]:
    return [pm.period for pm in find_periods(text, **_CTX)]  # type: ignore[arg-type]


@pytest.mark.parametrize("phrase", [
    "In {m} 2019, exports reached $1.2 billion.",
    "Exports reached $1.2 billion in {m} 2021.",
    "In {m} alone, imports were $310 million.",
    "{m}'s exports came to $2 billion.",
    "Trade in Jan.–{m} 2022 was $9 billion.",
])
@pytest.mark.parametrize("abbrev", sorted(_FULL))
def test_an_abbreviated_month_reads_as_the_month_spelled_out(phrase: str, abbrev: str) -> None:
    full = _FULL[abbrev]
    spelled = phrase.replace("Jan.–", "January–").format(m=full)
    short = phrase.format(m=abbrev)
    assert _periods(spelled), spelled
    assert _periods(short) == _periods(spelled), (short, spelled)


def test_the_abbreviations_full_stop_never_leaves_a_bare_year() -> None:
    # before: "In Jan" was read as a month of the reference year and "2019" as the whole year 2019
    assert _periods("In Jan. 2019, exports reached $1.2 billion.") == ["2019-01"]
    assert _periods("in Sept. 2023 exports reached $2.1 billion") == ["2023-09"]
    assert _periods("They may alone decide.") == []  # the verb "may" is still no month
