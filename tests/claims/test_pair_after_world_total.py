"""A pair phrase after a world total (issue 16, the partner slot): "trade between the two countries", "bilateral
trade" names the article's pair, never the world, even when the figure just before it is one country's exports to
the world (:meth:`mirrortrade.claims.anaphora` ``_bare_flow_parties``). The sentences are written for these tests;
the figures are China's customs' (GACC): 2023 China-Russia turnover $240.1 billion, 2022 $190.27 billion; China's
2023 exports to the world down 4.6%, its total trade $5.94 trillion, down 5.0% (reported by Reuters, 2024-01-12)."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims

_HEAD = ("Russia-China trade hits record\n\n"
         "Two-way trade between China and Russia grew to a record $240.1 billion in 2023, China's customs said.\n\n"
         "China's global exports fell 4.6% over the year.\n\n")


@pytest.mark.parametrize("last", [
    "In 2022, trade between the two neighbours had come to $190.27 billion.",
    "In 2022, bilateral trade had come to $190.27 billion.",
    "In 2022, the two countries' trade had come to $190.27 billion.",
])
def test_a_pair_phrase_after_a_world_figure_is_the_pair(last: str) -> None:
    (c,) = [c for c in extract_claims(_HEAD + last) if c.value_usd == 190.27e9]
    assert {c.reporter, c.partner} == {"CHN", "RUS"} and (c.flow, c.period) == ("T", "2022")


def test_a_pair_word_that_qualifies_no_flow_leaves_the_world_series() -> None:
    # "bilateral frictions" are no flow of the pair: the overall trade goes on with the world figure before it
    text = ("China's exports to the world fell 4.6% in 2023.\n\n"
            "Overall trade, weighed down by bilateral frictions, shrank 5.0% to $5.94 trillion.")
    (c,) = [c for c in extract_claims(text) if c.value_usd == 5.94e12]
    assert "RUS" not in (c.reporter, c.partner) and c.partner in ("WLD", None)
