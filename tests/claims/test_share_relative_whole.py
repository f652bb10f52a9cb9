"""A share whose whole is a free relative (:mod:`mirrortrade.claims.shares`): "17.9 percent of everything the United
States imported" is the United States' imports, the relative's subject the whole's country and its verb the flow; a
whole naming a partner after its verb ("of what the EU sold to China": a product's share of a bilateral flow) or no
country ("of what it bought") gives no partner's share. Figures: US Census Bureau goods trade for 2021 as summarised
on calendar-australia.com (8.6% of US exports went to China, 17.9% of US imports came from China); Eurostat's 2024
EU-China trade as printed by AnewZ (machinery and vehicles 51% of EU exports to China). Sentences our own."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def test_share_of_everything_a_country_imported_is_of_its_imports() -> None:
    got = _read("China supplied 17.9 percent of everything the United States imported in 2021, according to the US "
                "Census Bureau.")
    c = got["17.9 percent"]
    assert (c.kind, c.reporter, c.partner, c.flow, c.period, c.share_pct) == ("share", "USA", "CHN", "M", "2021", 17.9)


def test_share_of_what_a_country_exported_is_of_its_exports() -> None:
    got = _read("China took 8.6 percent of what the United States exported in 2021, according to the US Census Bureau.")
    c = got["8.6 percent"]
    assert (c.kind, c.reporter, c.partner, c.flow) == ("share", "USA", "CHN", "X")


def test_no_partner_share_of_a_bilateral_flow_or_an_unnamed_whole() -> None:
    got = _read("EU exports to China fell in 2024. Machinery and vehicles accounted for 51% of what the EU sold to China.")
    c = got.get("51%")
    assert c is None or c.kind != "share" or c.partner in (None, "EUU") or "partner" in c.missing
    got = _read("Imports from China grew in 2024, and China supplied 21% of what it bought.")
    c = got.get("21%")
    assert c is None or c.missing
