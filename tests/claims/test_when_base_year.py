"""A rate over a stated base year, then that year's level in a "when" clause (issue 16, heldout14/08 retired: "total
trade ... in 2022 at $11.18 billion, an increase of 52% over 2021, when it stood at $7.35 billion"): the level is the
base year's, and the rate is the level's before it, never the base's. The sentences are our own; the figures are
China's customs figures for China-Turkmenistan trade (2022 $11.18 billion, up 52%; 2021 $7.35 billion) as Atavatan
Turkmenistan reported them from TASS, and for China-Russia trade (2023 more than $240 billion, up 26.3%; 2022 $190.27
billion) as AFP and RT reported them."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple[str | None, str | None, str | None, str | None, float | None, float | None, bool]]:
    return [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct, c.resolved) for c in extract_claims(text)]


def test_when_clause_after_a_base_year_dates_the_base_level() -> None:
    text = ("Headline\n\nChina's customs put trade between China and Turkmenistan in 2022 at $11.18 billion, an increase "
            "of 52% over 2021, when it stood at $7.35 billion.")
    assert _rows(text) == [
        ("CHN", "TKM", "T", "2022", 11.18e9, 52.0, True),
        ("CHN", "TKM", "T", "2021", 7.35e9, None, True),
    ]


def test_rate_never_goes_to_the_base_level() -> None:
    text = ("Headline\n\nAccording to China's customs, trade between China and Russia reached $240 billion in 2023, up "
            "26.3 percent over 2022, when it stood at $190.27 billion.")
    rows = _rows(text)
    assert ("CHN", "RUS", "T", "2022", 190.27e9, None, True) in rows
    assert all(r[5] is None for r in rows if r[3] == "2022")
