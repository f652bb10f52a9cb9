"""A list of one country's partners whose members carry a bracketed part ("trade with A came to $x ($y of exports),
with B $z ..."): the bracket is the member before it (its parties; its own flow word sets only its own flow), its
flow never carries on to the next member's total, and each member's partner is the name that opens it — also in the
same list without brackets. Every sentence here is invented for the test (no store, no network)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, float | None]]:
    return [(c.reporter, c.partner, c.flow, c.value_usd) for c in extract_claims(text)
            if c.kind == "level" and not c.missing]


def test_flow_noun_after_figure_in_bracket_stays_with_its_member() -> None:
    t = ("According to Brazil's foreign trade secretariat, Brazil's trade with Argentina came to $28.3bn in 2022 "
         "($15.4bn of exports), with Paraguay $5.7bn ($3.6bn of exports) and with Uruguay $4.8bn.")
    assert _levels(t) == [("BRA", "ARG", "T", 28.3e9), ("BRA", "ARG", "X", 15.4e9), ("BRA", "PRY", "T", 5.7e9),
                          ("BRA", "PRY", "X", 3.6e9), ("BRA", "URY", "T", 4.8e9)]


def test_flow_word_before_figure_in_bracket_names_no_later_member() -> None:
    t = ("According to Indonesia's statistics agency, Indonesia's trade with Vietnam reached $7.9 billion in "
         "2021 (imports $5.1 billion), with Thailand $11.2 billion (imports $7.6 billion) and with Malaysia "
         "$9.3 billion.")
    assert _levels(t) == [("IDN", "VNM", "T", 7.9e9), ("IDN", "VNM", "M", 5.1e9), ("IDN", "THA", "T", 11.2e9),
                          ("IDN", "THA", "M", 7.6e9), ("IDN", "MYS", "T", 9.3e9)]


def test_bracket_flow_does_not_carry_to_next_total() -> None:
    t = ("Statistics Sweden said Sweden's trade with Finland amounted to $22.5 billion in 2019 (exports "
         "$12.8 billion), with Poland $9.1 billion.")
    flows = {c.text: c.flow for c in extract_claims(t) if c.kind == "level"}
    assert flows == {"$22.5 billion": "T", "$12.8 billion": "X", "$9.1 billion": "T"}


def test_plain_list_each_member_opens_with_its_partner() -> None:
    t = ("According to Kenya's national statistics bureau, Kenya's trade with Uganda totalled $1.4 billion in "
         "2020, with Tanzania $0.9 billion and with Rwanda $0.3 billion.")
    assert _levels(t) == [("KEN", "UGA", "T", 1.4e9), ("KEN", "TZA", "T", 0.9e9), ("KEN", "RWA", "T", 0.3e9)]



def test_bracket_with_both_flows_is_its_member_and_next_member_opens_anew() -> None:
    t = ("According to Peru's customs agency, Peru's trade with Ecuador reached $3.9 billion in 2022 ($2.4 billion "
         "in exports and $1.5 billion in imports), with Colombia $4.6 billion.")
    assert _levels(t) == [("PER", "ECU", "T", 3.9e9), ("PER", "ECU", "X", 2.4e9), ("PER", "ECU", "M", 1.5e9),
                          ("PER", "COL", "T", 4.6e9)]
