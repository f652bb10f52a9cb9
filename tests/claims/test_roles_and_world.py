"""Flow and partner from structures (issue 16, branch i16-flows): role nouns that carry a flow ("X's biggest buyer" =
X's exports, "its main supplier" = its imports, a ranking that goes on in the role's flow), the world named as a class
of parties ("all foreign partners", "all countries", "the outside world": a total, never a bilateral claim), and a
product or a sector as the subject of a figure ("the main export item", "on the import side ... led with"), which is
no country's total. Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple[str, str, str | None, str | None, str | None, bool]]:
    return [(c.text, c.kind, c.reporter, c.partner, c.flow, c.resolved) for c in extract_claims(text)]


_LEAD = "Indonesia's statistics bureau BPS released the figures on Monday.\n\n"


# ---- roles ------------------------------------------------------------------------------------------------------
def test_a_buyer_of_the_holder_takes_its_exports_and_the_ranking_goes_on_in_that_flow() -> None:
    text = _LEAD + ("Exports to Japan reached $4.1 billion in the first quarter of 2024. The US remained Indonesia's "
                    "biggest buyer, taking $6.2 billion worth of goods, followed by India with $5.3 billion.")
    rows = _rows(text)
    assert ("$6.2 billion", "level", "IDN", "USA", "X", True) in rows
    assert ("$5.3 billion", "level", "IDN", "IND", "X", True) in rows


def test_an_export_destination_for_the_holder_lends_its_parties_to_a_flow_word_that_names_none() -> None:
    text = _LEAD + ("Peru was the 41st-largest export destination for Indonesia in 2023, with outbound shipments "
                    "worth $0.9 billion.")
    rows = _rows(text)
    assert rows == [("$0.9 billion", "level", "IDN", "PER", "X", True)]


def test_a_supplier_of_the_holder_sends_its_imports() -> None:
    text = _LEAD + "Australia remained Indonesia's second-largest supplier in 2023, with $3.4 billion."
    assert _rows(text) == [("$3.4 billion", "level", "IDN", "AUS", "M", True)]


def test_a_share_after_a_role_is_the_holders_whole() -> None:
    # the agency is of no known country (the reporter stays unresolved), but the share's whole is the holder's
    text = "Singapore is the main buyer of Indonesian goods, with 14.2 percent of all exports in 2023, the trade " \
           "ministry told local media."
    rows = _rows(text)
    assert rows[0][:5] == ("14.2 percent", "share", "IDN", "SGP", "X")


# ---- the world named as a class of parties ----------------------------------------------------------------------
def test_trade_with_all_foreign_partners_is_the_world_and_so_are_its_parts() -> None:
    text = _LEAD + ("Indonesia's exports to Malaysia reached $2.2 billion in January–April 2024.\n\n"
                    "Indonesia's trade with all foreign partners came to $161 billion in the four months, with "
                    "exports of $83.5 billion and imports of $77.5 billion.")
    rows = _rows(text)
    assert rows[0] == ("$2.2 billion", "level", "IDN", "MYS", "X", True)
    # named, not a default: the world totals are resolved (and never checked as bilateral figures)
    assert [(r[0], r[3], r[5]) for r in rows[1:]] == [("$161 billion", "WLD", True), ("$83.5 billion", "WLD", True),
                                                      ("$77.5 billion", "WLD", True)]


def test_a_flow_word_inside_the_world_phrase_is_no_flow_of_its_own() -> None:
    text = _LEAD + ("Indonesia's exports to Malaysia reached $2.2 billion in January–April 2024. Indonesia's trade "
                    "with all its trading partners came to $161 billion in the four months.")
    assert _rows(text)[1][:5] == ("$161 billion", "level", "IDN", "WLD", "T")


def test_all_countries_and_the_outside_world_are_the_world() -> None:
    text = _LEAD + ("Indonesia's imports from Malaysia reached $1.7 billion in 2023. Indonesia's exports to all "
                    "countries came to $259 billion in 2023, and its trade with the outside world to $481 billion.")
    rows = _rows(text)
    assert rows[0][3] == "MYS"
    assert {r[0]: r[3] for r in rows[1:]} == {"$259 billion": "WLD", "$481 billion": "WLD"}


# ---- a product or a sector as the subject ------------------------------------------------------------------------
def test_a_figure_of_an_export_item_or_of_a_side_led_by_a_sector_is_no_countrys_total() -> None:
    text = _LEAD + ("Exports to Italy rose to $0.4 billion in the first half of 2024.\n\n"
                    "Palm oil was again the main export item: despite a 6.1% drop it brought in $1.9bn. On the import "
                    "side machinery led with $3.3bn.")
    rows = _rows(text)
    assert [r[0] for r in rows] == ["$0.4 billion"]


def test_goods_shipped_to_a_country_are_a_participle_not_a_product_object() -> None:
    text = _LEAD + ("Trade between Indonesia and Vietnam reached $7.6 billion in 2023. Vietnamese goods shipped to "
                    "Indonesia made up $3.9 billion of that figure. Thailand came second at $6.9 billion.")
    rows = _rows(text)
    assert ("$3.9 billion", "level", "IDN", "VNM", "M", True) in rows
    # the ranking goes on in the turnover, not in the part of it just given
    assert ("$6.9 billion", "level", "IDN", "THA", "T", True) in rows


# ---- verbs of selling and buying --------------------------------------------------------------------------------
_KZ = "Kenya's statistics bureau published the data on Monday.\n\n"


def test_present_and_progressive_verbs_of_selling_and_buying_carry_a_flow() -> None:
    text = _KZ + ("In 2023 Kenya sells Uganda goods worth $0.9 billion a year. In 2023 Kenya sourced $1.1 billion of "
                  "goods from India. In 2023 Kenya shipped out goods worth $0.4 billion to Egypt and took in "
                  "$0.2 billion.")
    rows = _rows(text)
    assert ("$0.9 billion", "level", "KEN", "UGA", "X", True) in rows
    assert ("$1.1 billion", "level", "KEN", "IND", "M", True) in rows
    assert ("$0.4 billion", "level", "KEN", "EGY", "X", True) in rows
    assert ("$0.2 billion", "level", "KEN", "EGY", "M", True) in rows


def test_a_flow_noun_after_a_figure_is_its_own_after_a_verbs_figure() -> None:
    # "buying" is the partner's purchase (Kenya's exports); "$0.3bn of imports" is Kenya's imports, same period
    text = _KZ + ("Egypt, for its part, stayed a key market for Kenyan goods in 2023, buying $0.6bn worth of them "
                  "against $0.3bn of imports.")
    rows = _rows(text)
    assert ("$0.6bn", "level", "KEN", "EGY", "X", True) in rows
    assert [r[:5] for r in rows if r[0] == "$0.3bn"] == [("$0.3bn", "level", "KEN", "EGY", "M")]


def test_a_rate_of_a_flow_verb_followed_by_what_was_traded_is_a_products_growth() -> None:
    text = _KZ + ("In 2023 Kenya bought 31% more steel and tyres from India, 12.5% more textiles and 8% more "
                  "machinery. In 2023 Kenya bought 6% more goods from Egypt.")
    rows = _rows(text)
    assert [r[:5] for r in rows] == [("6%", "growth", "KEN", "EGY", "M")]


def test_a_coordinated_infinitive_shares_the_forecast_it_depends_on() -> None:
    text = _KZ + ("Exports to Uganda reached $0.8 billion in 2023. For 2024 Kenya expects to sell about $0.9 billion of "
                  "goods to Uganda and to spend $0.3 billion on imports from its neighbour.")
    assert [r[0] for r in _rows(text)] == ["$0.8 billion"]


def test_a_verb_left_out_after_and_takes_a_new_subject_when_no_partner_was_named() -> None:
    text = _KZ + "On the import side India is far ahead. In 2023 China supplied $3.1 billion and Japan $0.7 billion."
    rows = _rows(text)
    assert ("$3.1 billion", "level", "KEN", "CHN", "M", True) in rows
    assert ("$0.7 billion", "level", "KEN", "JPN", "M", True) in rows
