"""Amounts written in two scales (issue 16, session 15): "2 billion 415 million dollars", "$4 billion 96.3 million",
"1 billion 7 million US dollars" are one figure, the sum, as precise as its last part; never the last part alone.
Without a currency they are no money. Every sentence here is invented for the test."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.numbers import find_money


def _money(text: str) -> list[tuple[str, float, float]]:
    return [(m.text, m.value, m.precision) for m in find_money(text, yuan=True)]


def test_two_scale_amounts_are_one_figure() -> None:
    assert _money("trade came to 2 billion 415 million dollars") == [
        ("2 billion 415 million dollars", 2_415_000_000.0, 1e6)]
    assert _money("grew to $4 billion 96.3 million last year") == [("$4 billion 96.3 million", 4_096_300_000.0, 1e5)]
    assert _money("reaching 1 billion 7 million US dollars.") == [("1 billion 7 million US dollars", 1_007_000_000.0, 1e6)]


def test_two_scale_amounts_beside_others_keep_their_order() -> None:
    got = _money("from $22.5 million in 2005 to $3 billion 18 million in 2015 and $6 billion in 2020")
    assert [t for t, _, _ in got] == ["$22.5 million", "$3 billion 18 million", "$6 billion"]


def test_no_currency_or_a_part_too_large_is_no_compound() -> None:
    assert _money("some 3 billion 200 million tonnes") == []
    # the second part is no smaller scale: two figures, as printed
    assert [t for t, _, _ in _money("$2 billion 1500 million dollars")] != ["$2 billion 1500 million dollars"]


def test_a_compound_level_is_read_as_a_claim() -> None:
    text = ("According to the National Statistics Committee of Kyrgyzstan, in the first half of 2019 trade between "
            "Kyrgyzstan and Turkey amounted to 1 billion 214 million dollars.")
    (c,) = [c for c in extract_claims(text) if c.value_usd]
    assert c.value_usd == 1_214_000_000.0
    assert (c.reporter, c.partner, c.flow, c.period) == ("KGZ", "TUR", "T", "2019-H1")
