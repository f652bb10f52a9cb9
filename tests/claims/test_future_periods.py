"""A figure read for a period that had not ended when the article was published is a forecast, a target or a
misread period: its period is left unresolved (issue 16, precision first). Figures: China's customs for India-China
trade in January-October 2004, $10.84 billion, and the officials' "around $12 billion" for 2004 (The Economic Times,
November 2004)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims

NOV_2004 = date(2004, 11, 22)


def _levels(text: str, when: date | None = None) -> dict[float, object]:
    return {c.value_usd: c for c in extract_claims(text, article_date=when) if c.kind == "level"}


def test_a_figure_for_a_year_not_over_is_unresolved() -> None:
    text = "According to China's customs, trade between China and India is heading for around $12 billion in 2004."
    (full_year,) = _levels(text, NOV_2004).values()
    assert full_year.period == "2004" and "period" in full_year.missing  # type: ignore[attr-defined]


def test_a_span_that_ended_before_publication_stays_resolved() -> None:
    text = "According to China's customs, trade between China and India came to $10.84 billion in January-October 2004."
    (ten_months,) = _levels(text, NOV_2004).values()
    assert ten_months.period == "2004-01/2004-10" and not ten_months.missing  # type: ignore[attr-defined]


def test_the_same_year_read_after_it_ended_stays_resolved() -> None:
    text = "According to China's customs, trade between China and India came to $13.6 billion in 2004."
    (c,) = _levels(text, date(2005, 2, 1)).values()
    assert c.period == "2004" and "period" not in c.missing  # type: ignore[attr-defined]


def test_no_article_date_changes_nothing() -> None:
    text = "According to China's customs, trade between China and India is heading for around $12 billion in 2004."
    for c in _levels(text).values():
        assert "period" not in c.missing  # type: ignore[attr-defined]
