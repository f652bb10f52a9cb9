"""A figure in a bracketed aside before a comparison cue is not the figure the base belongs to
(:mod:`mirrortrade.claims.levels`): "grew by 5.3% (against 22.9% in 2022), from $9.38 billion to $9.88 billion" compares
the 5.3% year's levels. Figures: Uzbekistan's Statistics Agency for 2023 as printed by Gazeta.uz (trade with Russia
+5.3% after +22.9% in 2022, from $9.38 billion to $9.88 billion). Sentences our own."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def test_a_bracketed_aside_rate_is_not_the_main_figure_of_the_base() -> None:
    got = _read("Uzbekistan's foreign trade grew in 2023, the Statistics Agency of Uzbekistan said.\n\n"
                "Russia slid to second place. Trade with it grew by 5.3% (against 22.9% in 2022), from $9.38 billion "
                "to $9.88 billion.")
    assert (got["$9.38 billion"].partner, got["$9.38 billion"].period) == ("RUS", "2022")
    assert (got["$9.88 billion"].partner, got["$9.88 billion"].period) == ("RUS", "2023")
    assert (got["5.3%"].partner, got["5.3%"].period) == ("RUS", "2023")
