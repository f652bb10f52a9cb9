"""A rate list with its verb left out (issue 16): after a rate of the sentence (its own claim or a level's), a clause
that names only its own party ("and with Peru by 3%", "and Chile's by 7%") or its own flow ("and imports from Peru by
9%") before "by" and a rate repeats that rate's verb and sign; a level right after the rate in that clause ("by 3% to
$2 billion", "by 3%, amounting to $2 billion") is that clause's party's figure and carries the rate. Every sentence
here is invented for the test."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims

LEAD = "Brazil's trade with South America grew in 2021, according to Brazil's Ministry of Development.\n\n"


def _rows(text: str) -> list[tuple]:
    return [(c.reporter, c.partner, c.flow, c.period, c.kind, c.value_usd, c.growth_pct)
            for c in extract_claims(text) if c.paragraph == 1]


def test_gapped_rate_with_level_after_a_level_with_its_rate() -> None:
    rows = _rows(LEAD + "Trade with Argentina rose by 14.5% to $26.3 billion, and with Chile by 6.8% to $9.1 billion.")
    assert rows == [
        ("BRA", "ARG", "T", "2021", "level", 26.3e9, 14.5),
        ("BRA", "CHL", "T", "2021", "level", 9.1e9, 6.8),
    ]


def test_gapped_rate_keeps_a_decline_sign_and_its_own_flow_noun() -> None:
    rows = _rows(LEAD + "Trade with Paraguay decreased by 4.4% to $4.2 billion, and trade with Peru by 2.9%, amounting "
                        "to $3.7 billion.")
    assert rows == [
        ("BRA", "PRY", "T", "2021", "level", 4.2e9, -4.4),
        ("BRA", "PER", "T", "2021", "level", 3.7e9, -2.9),
    ]


def test_gapped_possessive_replaces_the_partner_named_before() -> None:
    t = ("Peru's trade with China in 2019, according to China's General Administration of Customs.\n\n"
         "Chile's trade with China increased by 12.3 percent to $41 billion in 2019, and Colombia's by 8.5 percent "
         "to $15.2 billion.")
    rows = _rows(t)
    assert ("CHN", "COL", "T", "2019", "level", 15.2e9, 8.5) in rows
    assert not any(r[1] == "CHL" and r[5] == 15.2e9 for r in rows)


def test_gapped_rate_of_the_other_flow_for_the_same_partner() -> None:
    rows = _rows(LEAD + "Brazil's exports to Uruguay rose 11% in 2021, and imports from Uruguay by 3.5%.")
    assert ("BRA", "URY", "X", "2021", "growth", None, 11.0) in rows
    assert ("BRA", "URY", "M", "2021", "growth", None, 3.5) in rows


def test_gapped_possessive_of_the_reporter_is_no_new_partner() -> None:
    # "Brazil's exports rose 11%, and Chile's by 3%": the possessor replaced is the reporter, not the partner: Chile's
    # rate is no figure of Brazil's statistics
    rows = _rows(LEAD + "Brazil's exports to Bolivia rose 11% in 2021, and Chile's by 3%.")
    assert not any(r[6] == 3.0 and r[0] == "BRA" for r in rows)


def test_gapped_flow_word_against_its_preposition_is_no_claim() -> None:
    # "imports to Uruguay" is no import from it: the clause is not read as Brazil's imports
    rows = _rows(LEAD + "Brazil's exports to Uruguay rose 11% in 2021, and imports to Uruguay by 3.5%.")
    assert not any(r[6] == 3.5 for r in rows)
