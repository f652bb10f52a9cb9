"""A figure a verb of wanting governs is a goal, not trade that happened (issue 16, dev/392's headline "Uzbekistan wants
$20 billion of trade with Russia"). The sentences are our own; the figures are from Trend's report of 2024-05-27
(Mirziyoyev's $20 billion target; Uzbekistan's Statistics Agency: trade with Russia $3.8 billion in January-April 2024)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def test_wanted_amount_is_no_claim() -> None:
    text = ("Uzbekistan wants $20 billion of trade with Russia\n\n"
            "TASHKENT, May 27, 2024 – Uzbekistan's trade with Russia came to $3.8 billion in January-April 2024, the "
            "Statistics Agency said. Tashkent wanted $20 billion a year, the president told his Russian counterpart.")
    values = [c.value_usd for c in extract_claims(text)]
    assert 20e9 not in values
    assert 3.8e9 in values
