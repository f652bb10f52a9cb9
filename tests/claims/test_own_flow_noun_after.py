"""A figure's own flow noun right after it ("$2.5 billion of exports", "$640 million in imports", "$2.2 billion worth
of exports") is its flow, not the flow word before it: neither a total's ("trade ... reached $4.2 billion: $2.5 billion
of exports") nor the previous figure's own flow noun ("... of exports and $1.7 billion of imports"). The figure is a
part of the total before it, between the total's parties (issue 16, the flow slot)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _slots(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {c.text: (c.reporter, c.partner, c.flow) for c in extract_claims(text)}


def test_of_exports_and_of_imports_after_a_total() -> None:
    got = _slots(
        "Chile and Peru\n\n"
        "Chile's trade with Peru reached $4.2 billion in 2021, according to Chile's central bank: $2.5 billion of exports"
        " and $1.7 billion of imports."
    )
    assert got["$4.2 billion"] == ("CHL", "PER", "T")
    assert got["$2.5 billion"] == ("CHL", "PER", "X")
    assert got["$1.7 billion"] == ("CHL", "PER", "M")


def test_in_exports_and_in_imports_after_with() -> None:
    got = _slots(
        "Kenya and Uganda\n\n"
        "Kenya's trade with Uganda totalled $910 million in 2020, with $640 million in exports and $270 million in "
        "imports, the Kenya National Bureau of Statistics said."
    )
    assert got["$640 million"] == ("KEN", "UGA", "X")
    assert got["$270 million"] == ("KEN", "UGA", "M")


def test_worth_of_imports_first() -> None:
    got = _slots(
        "Norway and Poland\n\n"
        "Norway's turnover with Poland came to $3.6 billion in 2019, Statistics Norway said, made up of $1.4 billion "
        "worth of imports and $2.2 billion worth of exports."
    )
    assert got["$1.4 billion"] == ("NOR", "POL", "M")
    assert got["$2.2 billion"] == ("NOR", "POL", "X")


def test_each_partner_total_split_into_its_own_flows() -> None:
    got = _slots(
        "Ecuador's neighbours\n\n"
        "Ecuador's central bank said the country's trade with Colombia came to $2.9 billion in 2019: $1.1 billion of "
        "exports and $1.8 billion of imports, while trade with Peru came to $1.6 billion: $0.9 billion of exports and "
        "$0.7 billion of imports."
    )
    assert got["$1.8 billion"] == ("ECU", "COL", "M")
    assert got["$1.6 billion"] == ("ECU", "PER", "T")
    assert got["$0.9 billion"] == ("ECU", "PER", "X")
    assert got["$0.7 billion"] == ("ECU", "PER", "M")


def test_a_flow_word_before_each_figure_still_governs() -> None:
    got = _slots(
        "Ghana and Togo\n\n"
        "Ghana's trade with Togo stood at $520 million in 2018, the Ghana Statistical Service said, with exports "
        "accounting for $410 million and imports for $110 million."
    )
    assert got["$410 million"] == ("GHA", "TGO", "X")
    assert got["$110 million"] == ("GHA", "TGO", "M")


def test_a_flow_verb_keeps_its_own_view_before_an_own_flow_noun() -> None:
    """After a verb's figure ("Japan bought $900 million of Thai goods"), the next figure's own flow noun is seen from
    the reporter's side: the verb's subject is not carried onto it."""
    c = next(c for c in extract_claims(
        "Thailand and Japan\n\n"
        "Thailand's commerce ministry said Japan bought $900 million worth of Thai goods in March, against $1.2 billion "
        "of imports from Japan."
    ) if c.text == "$1.2 billion")
    assert (c.reporter, c.partner, c.flow) == ("THA", "JPN", "M")
