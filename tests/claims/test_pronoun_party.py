""""Trade with it" (:func:`mirrortrade.claims.epithets.pronoun_party_refs`): the pronoun is the country the paragraph's
previous sentence is about, when that sentence names that one country as its subject. Figures: Tajikistan's statistics
agency for 2023 as printed by TASS (2024-01-23: trade with Kazakhstan fell by nearly 20%). Sentences our own."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.epithets import pronoun_party_refs
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def test_trade_with_it_is_the_previous_sentences_subject() -> None:
    got = _read("Tajikistan's foreign trade grew in 2023, the Statistics Agency under the President of Tajikistan said.\n\n"
                "Kazakhstan ranked second among the country's partners. Trade with it fell by nearly 20% in 2023.")
    c = got["20%"]
    assert (c.partner, c.flow, c.period) == ("KAZ", "T", "2023")
    assert c.growth_pct is not None and c.growth_pct < 0


def test_no_pronoun_party_when_the_previous_sentence_names_two_countries_or_a_possessive() -> None:
    text = "Trade with it fell by nearly 20% in 2023."
    assert pronoun_party_refs(text, "Kazakhstan ranked second after Russia.", []) == []
    assert pronoun_party_refs(text, "Kazakhstan's share fell to 13.8%.", []) == []
    assert pronoun_party_refs(text, "In 2023 Kazakhstan ranked second.", []) == []
    assert [r.code for r in pronoun_party_refs(text, "Kazakhstan ranked second.", [])] == ["KAZ"]
