"""A run of rates after one plural sign word ("increases of 14 percent and 9.3 percent respectively") pairs with the
sentence's levels in order, as a run with a sign word each does: the first rate is not the nearest level's
(issue 16, "respectively"). Invented sentences of the shape of heldout7/01 (retired; modelled on a CACI Analyst
article)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _growth(text: str) -> dict[str, tuple[str | None, float | None]]:
    return {c.text: (c.flow, c.growth_pct) for c in extract_claims(text) if c.kind == "level"}


def test_plural_increases_pair_with_two_flows_in_order() -> None:
    text = ("According to Mongolia's customs office, Mongolia sold China goods worth $12.1 billion and bought "
            "$4.3 billion in 2022, increases of 31 percent and 8.5 percent respectively.")
    got = _growth(text)
    assert got["$12.1 billion"] == ("X", 31.0)
    assert got["$4.3 billion"] == ("M", 8.5)


def test_plural_declines_carry_their_sign_to_every_rate_of_the_run() -> None:
    text = ("According to Mongolia's customs office, Mongolia's exports to Russia came to $0.1 billion in 2016 and its "
            "imports from Russia to $0.8 billion, declines of 12 percent and 5 percent respectively.")
    got = _growth(text)
    assert got["$0.1 billion"] == ("X", -12.0)
    assert got["$0.8 billion"] == ("M", -5.0)


def test_a_run_longer_than_the_levels_pairs_nothing() -> None:
    text = ("According to Mongolia's customs office, Mongolia sold China goods worth $12.1 billion in 2022, "
            "increases of 31 percent and 8.5 percent respectively.")
    assert _growth(text)["$12.1 billion"][1] != 8.5
