"""Comparison bases stated after the figure (issue 16, kind 3): "rose 35.1 percent to $168.5 million from $124.7
million" (the "from" level is the period a year before) and "lower than a year before, when trade stood at $1.448
billion" (a "when" clause on the base). Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = ("ISLAMABAD, August 21, 2023. Pakistan's trade with China came to $1.2 billion in July 2023, the Ministry "
        "of Commerce of Pakistan reported.\n\n")


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.flow, c.period) for c in extract_claims(text)]


def test_from_level_after_the_to_level_is_the_year_before() -> None:
    text = LEAD + "Exports to China rose 30 percent to $160.5 million from $123.4 million."
    assert _rows(text)[1:] == [("$160.5 million", "X", "2023-07"), ("$123.4 million", "X", "2022-07")]


def test_level_in_a_when_clause_on_the_base_is_the_bases() -> None:
    text = LEAD + "The figure was 15.5 percent lower than a year before, when trade stood at $1.42 billion."
    rows = _rows(text)
    assert ("$1.42 billion", "T", "2022-07") in rows
    assert ("$1.42 billion", "T", "2023-07") not in rows


def test_when_clause_without_a_base_keeps_the_period() -> None:
    text = LEAD + "In July, when exports slowed, trade stood at $1.2 billion."
    assert ("$1.2 billion", "T", "2023-07") in _rows(text)


def test_from_level_after_the_to_level_needs_the_rate_between_them() -> None:
    # 12 percent is not the change from $123.4 million to $160.5 million: the "from" level's span is not said
    text = LEAD + "Exports to China rose 12 percent to $160.5 million from $123.4 million."
    assert ("$123.4 million", "X", "2022-07") not in _rows(text)
