"""A comparison base in brackets after "the same months of <year>" (issue 16, dev/392): the base's period is the span
the compared figure is of, moved to that year, never the whole year. The sentences are our own; the figures are Uzbekistan's
Statistics Agency's as Trend reported them on 2024-06-30 (trade with Russia, January-May 2024: $4.7 billion, 23.6
percent above January-May 2023's $3.8 billion)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, str | None, float | None, bool]]:
    return [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.resolved) for c in extract_claims(text)
            if c.kind == "level"]


def test_same_months_of_a_year_take_the_compared_span() -> None:
    text = ("TASHKENT, June 30, 2024 – Uzbekistan's trade with Russia reached $4.7 billion in January-May 2024, 23.6 "
            "percent more than in the same months of 2023 ($3.8 billion), the Statistics Agency said.")
    assert _levels(text) == [
        ("UZB", "RUS", "T", "2024-01/2024-05", 4.7e9, True),
        ("UZB", "RUS", "T", "2023-01/2023-05", 3.8e9, True),
    ]


def test_same_period_of_a_year_after_a_whole_year_is_that_year() -> None:
    # 4.7 / 3.8 - 1 = 23.7 percent (the 23.6 printed is within rounding of the unrounded levels)
    text = ("TASHKENT, January 20, 2025 – Uzbekistan's trade with Russia reached $4.7 billion in 2024, 23.6 percent "
            "more than in the same period of 2023 ($3.8 billion), the Statistics Agency said.")
    assert ("UZB", "RUS", "T", "2023", 3.8e9, True) in _levels(text)

