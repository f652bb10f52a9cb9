"""Compact period codes read as a reader would (issue 16): "9M 2024" is January–September (never the year 2024),
"Q1-Q3 2024" is January–September (never the third quarter alone), "in H1" is the first half of the year in
context; "$9M" stays money. Every phrase here is invented for the test."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from mirrortrade.claims.periods import find_periods
from mirrortrade.model import Period

_CTX = dict(ref_year=2024, context_year=2024, ref_date=date(2024, 11, 5))


def _read(text: str) -> list[tuple[str, str | None]]:
    return [(pm.text, pm.period) for pm in find_periods(text, **_CTX)]  # type: ignore[arg-type]


def test_months_codes_are_the_first_months_not_the_year() -> None:
    assert _read("Trade rose 3 percent in 9M 2024.") == [("9M 2024", "2024-01/2024-09")]
    assert _read("In 9M24 trade was $5 billion.") == [("9M24", "2024-01/2024-09")]
    assert _read("Imports of $9M 2024 goods") == [("2024", "2024")]  # "$9M" is money, not nine months


def test_a_range_of_quarters_is_the_months_they_span() -> None:
    assert _read("Trade reached $3 billion in Q1-Q3 2024.") == [("Q1-Q3 2024", "2024-01/2024-09")]
    assert _read("In Q1–Q3 trade reached $3 billion.") == [("Q1–Q3", "2024-01/2024-09")]
    assert _read("in Q2-Q3 2023") == [("Q2-Q3 2023", "2023-04/2023-09")]


def test_a_bare_half_is_the_half_of_the_year_in_context() -> None:
    assert _read("In H1, trade reached $2 billion.") == [("In H1", "2024-H1")]
    assert _read("in H1 2023") == [("H1 2023", "2023-H1")]
    assert _read("H1N1 cases") == []


@given(st.integers(1, 11), st.integers(2000, 2030))
def test_a_count_of_months_is_never_a_full_year(n: int, year: int) -> None:
    (pm,) = find_periods(f"Trade reached $1 billion in {n}M {year}.")
    p = Period.parse(pm.period)
    assert p.n_months == n and not p.is_full_year and p.year == year
