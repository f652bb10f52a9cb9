"""Figures that refer back (issue 16): "it" after a sentence naming the trade beside a country that is no party of it
("The drought in Thailand has pushed the trade up. It amounted to ..."), and a list of countries' own figures of the
statistic just given ("Chile's figure went from $A to $B, Peru's from $C to $D"). Sentences written for these tests
(invented figures; no store, no network)."""

from __future__ import annotations

from _claim_rows import surely_read_rows as _rows
from mirrortrade.claims import extract_claims

LEAD_VNM = ("Vietnam and Cambodia trade climbs\n\nHANOI, May 3, 2024. Trade between Vietnam and Cambodia grew 6% to "
            "$10.2 billion in 2023, according to Vietnam's General Department of Customs.\n\n")


def test_it_after_a_cause_naming_another_country_is_the_pairs_trade() -> None:
    text = LEAD_VNM + ("The drought in Thailand has pushed the trade higher. It amounted to $7.4 billion in 2020 and "
                       "reached $8.8 billion in 2021.")
    rows = _rows(text)
    assert ("$7.4 billion", "level", "VNM", "KHM", "T", "2020") in rows
    assert ("$8.8 billion", "level", "VNM", "KHM", "T", "2021") in rows
    assert not any("THA" in (r[2], r[3]) for r in rows)


def test_sanctions_on_a_country_make_it_no_party_either() -> None:
    text = ("Armenia and Georgia trade rises\n\nYEREVAN, June 1, 2023. Trade between Armenia and Georgia reached "
            "$1.3 billion in 2022, Armenia's Statistical Committee said.\n\n"
            "Sanctions on Iran have steered the trade upward. It stood at $0.9 billion in 2020.")
    assert ("$0.9 billion", "level", "ARM", "GEO", "T", "2020") in _rows(text)


def test_a_country_named_as_a_party_beside_the_cause_keeps_the_sentence_unread() -> None:
    # Thailand is a party here (trade with Thailand), not a circumstance: "it" has no clear frame to take
    text = LEAD_VNM + ("The drought in Thailand has cut trade with Thailand. It amounted to $7.4 billion in 2020.")
    rows = _rows(text)
    assert not any(r[0] == "$7.4 billion" and {r[2], r[3]} == {"VNM", "KHM"} for r in rows)


LEAD_BRA = ("Brazil's trade with South America\n\nBRASILIA, March 4, 2024. Brazil's trade with its neighbours rose "
            "in 2023, figures of the Brazilian Ministry of Development, Industry and Trade show.\n\n"
            "The strongest growth came with Argentina, where turnover went from $26.4 billion in 2022 to "
            "$28.1 billion in 2023.\n\n")


def test_each_owner_of_a_figure_list_gets_its_own_two_levels() -> None:
    text = LEAD_BRA + ("Chile's figure went from $11.9 billion to $12.6 billion, Peru's from $4.1 billion to "
                       "$4.7 billion and Colombia's from $5.2 billion to $5.5 billion.")
    rows = _rows(text)
    for fig, partner, period in (("$11.9 billion", "CHL", "2022"), ("$12.6 billion", "CHL", "2023"),
                                 ("$4.1 billion", "PER", "2022"), ("$4.7 billion", "PER", "2023"),
                                 ("$5.2 billion", "COL", "2022"), ("$5.5 billion", "COL", "2023")):
        assert (fig, "level", "BRA", partner, "T", period) in rows


def test_an_owners_figure_with_a_verb_of_amount() -> None:
    text = LEAD_BRA + "Uruguay's total came to $3.8 billion in 2023, and Paraguay's to $4.4 billion."
    rows = _rows(text)
    assert ("$3.8 billion", "level", "BRA", "URY", "T", "2023") in rows


def test_an_owners_figure_is_no_rival_count_of_the_statistic() -> None:
    text = LEAD_BRA + "Bolivia's figure was $2.1 billion in 2023."
    got = [c for c in extract_claims(text) if c.text == "$2.1 billion"]
    assert got and got[0].partner == "BOL" and got[0].slots["reporter"] >= 0.5
    assert (got[0].how or {}).get("reporter") != "rival-count"


def test_it_after_the_rate_of_a_deficit_is_a_deficit() -> None:
    text = ("Kenya's deficit with India narrows\n\nNAIROBI, April 9, 2024. Kenya's exports to India came to $0.4 "
            "billion in 2023, according to the Kenya National Bureau of Statistics, and its imports from India to "
            "$2.9 billion.\n\nThe deficit with India thus narrowed by 5.1 percent in 2023. It stood at $2.5 billion, "
            "against $2.63 billion in 2022.")
    got = {c.text: c for c in extract_claims(text) if not c.missing}
    assert got["$2.5 billion"].flow == "B" and got["$2.5 billion"].value_usd == -2.5e9


def test_it_after_the_rate_of_a_surplus_stays_a_surplus() -> None:
    text = ("Chile's surplus with Japan\n\nSANTIAGO, May 2, 2024. Chile's exports to Japan came to $8.1 billion in "
            "2023, the Central Bank of Chile said, and its imports from Japan to $2.6 billion.\n\n"
            "The surplus with Japan widened by 4.2 percent in 2023. It stood at $5.5 billion.")
    got = {c.text: c for c in extract_claims(text) if not c.missing}
    assert got["$5.5 billion"].value_usd == 5.5e9


def test_that_is_a_rise_of_is_the_growth_of_the_figure_before() -> None:
    text = ("Kazakhstan's trade with Turkey\n\nASTANA, February 2, 2024. Kazakhstan's trade with Turkey reached "
            "$6.4 billion in 2023, Kazakhstan's Bureau of National Statistics said. That was an increase of 7.6% "
            "year on year.")
    assert ("7.6%", "growth", "KAZ", "TUR", "T", "2023") in _rows(text)


def test_this_marks_a_decline_of_after_an_export_figure() -> None:
    text = ("Ghana's exports to China fall\n\nACCRA, March 12, 2024. Ghana's exports to China fell to $1.7 billion "
            "in 2023, the Ghana Statistical Service said. This marks a decline of 12% on 2022.")
    rows = _rows(text)
    assert ("12%", "growth", "GHA", "CHN", "X", "2023") in rows
