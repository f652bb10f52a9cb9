"""A balance one of the article's pair holds "with its neighbour" (a relation, not a name) is with the pair's other
country; with no pair to take it from, it stays unnamed."""

from __future__ import annotations

from mirrortrade.claims.reading import read_article


def _balance(text: str) -> tuple[str | None, list[str]]:
    c = next(c for c in read_article(text, None).claims if c.flow == "B")
    return c.partner, c.missing


def test_surplus_with_its_southern_neighbour_is_with_the_pair() -> None:
    text = ("Thailand's customs department said exports to Malaysia rose to $1.4 billion in March 2024, while imports "
            "from Malaysia came to $1.1 billion.\n\nThailand's total exports reached $24 billion.\n\n"
            "As a result Thailand ran a trade surplus of $300 million with its southern neighbour, the department said.")
    assert _balance(text) == ("MYS", [])


def test_deficit_with_the_neighbouring_partner_other_wording() -> None:
    text = ("According to Chile's central bank, Chile's imports from Argentina totalled $5.2 billion in 2022 and its "
            "exports to Argentina $1.9 billion.\n\nChile's shipments of copper abroad set a record.\n\n"
            "Chile thus ran a deficit of $3.3 billion with its eastern neighbour.")
    partner, missing = _balance(text)
    assert partner == "ARG" and "partner" not in missing


def test_no_pair_leaves_the_neighbour_unnamed() -> None:
    text = ("According to Chile's central bank, Chile's imports from Argentina, Peru and Bolivia grew in 2022.\n\n"
            "Chile ran a deficit of $3.3 billion with its eastern neighbour.")
    partner, missing = _balance(text)
    assert partner != "ARG" or "partner" in missing
