"""Blocs and continents as partners (issue 16): "China-Africa trade", "exports to ASEAN", "the bloc" referring back.

Figures: China-Africa trade in 2023 $282.1bn, exports $173bn (+7.5%), imports $109bn (China's Ministry of Commerce
and customs, January 2024); China-ASEAN trade January-July 2024 3.92 trillion yuan ($546.6bn, +10.5%), exports
2.36 trillion yuan (+13.7%) (China's General Administration of Customs, as reported by VNA, August 2024); South
Africa's exports to China (our own sentence, no figure checked)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims import lexicon as lx
from mirrortrade.model import AGGREGATES


def _slots(text: str, **kw: object) -> dict[str | None, tuple[str | None, str | None, str | None]]:
    return {c.text: (c.reporter, c.partner, c.flow) for c in extract_claims(text, **kw)}  # type: ignore[arg-type]


def test_a_continent_and_a_bloc_are_partners_never_countries() -> None:
    got = _slots("Trade between China and Africa came to $282.1 billion in 2023, China's Ministry of Commerce said. "
                 "Chinese exports to Africa grew 7.5% to $173 billion last year.")
    assert got["$282.1 billion"] == ("CHN", "AFR", "T") and got["$173 billion"] == ("CHN", "AFR", "X")
    assert {"AFR", "ASN", "LAC", "SCO", "EUU"} <= set(lx.BLOCS) and set(lx.BLOCS) <= set(AGGREGATES)


def test_a_country_or_a_part_of_the_continent_is_not_the_continent() -> None:
    assert [r.code for r in lx.find_countries("South African exports to China fell.")] == ["ZAF", "CHN"]
    assert [r.code for r in lx.find_countries("Trade with North Africa and sub-Saharan Africa grew.")] == []


def test_the_bloc_refers_back_to_the_one_bloc_the_article_names() -> None:
    text = ("Two-way trade between China and ASEAN amounted to 3.92 trillion yuan ($546.6 billion) in January-July "
            "2024, 10.5% more than a year earlier. China's exports to the bloc made up 2.36 trillion yuan of that sum, "
            "up 13.7%.")
    got = {c.value_cny: (c.partner, c.flow, c.period) for c in extract_claims(text)}
    assert got[2.36e12] == ("ASN", "X", "2024-01/2024-07")
    # "the continent" fits Africa only; with two blocs named, "the bloc" is no one's
    refs = lx.find_countries("ASEAN and the EU")
    assert lx.article_bloc(refs) is None
    assert lx.bloc_anaphors("exports to the continent", [], "ASN") == []
    assert [r.code for r in lx.bloc_anaphors("exports to the continent", [], "AFR")] == ["AFR"]
