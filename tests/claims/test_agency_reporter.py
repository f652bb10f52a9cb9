"""Whose statistics a figure is when the agency is named in ways the extractor did not know (issue 16, the reporter
slot): an agency's full capitalised name, an agency referred back to by a description ("the customs agency"), a
diplomat's full title, and a first agency that sets its figures against those stated before it."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _one(text: str, figure: str):
    got = [c for c in extract_claims(text) if c.text == figure]
    assert len(got) == 1, [(c.text, c.reporter) for c in extract_claims(text)]
    return got[0]


def test_a_ministrys_full_name_is_no_plan() -> None:
    # "Planning" is a word of the ministry's name, not a target the sentence sets
    c = _one("Peru's Ministry of Economy and Budget Planning puts bilateral trade with Chile in 2019 at $3.2 billion.",
             "$3.2 billion")
    assert (c.reporter, c.partner, c.flow, c.period) == ("PER", "CHL", "T", "2019")
    assert c.missing == []


def test_the_customs_agency_is_the_customs_named_before() -> None:
    text = ("Peru's Ministry of Foreign Trade puts bilateral trade with Chile in 2019 at $3.2 billion.\n\n"
            "Chile's Customs Service arrives at a higher total. By the customs agency's count Peru sold Chile goods "
            "worth $1.1 billion in 2019 and bought $0.9 billion.")
    sold = _one(text, "$1.1 billion")
    bought = _one(text, "$0.9 billion")
    # Peru's sales to Chile in Chile's customs are Chile's imports
    assert (sold.reporter, sold.partner, sold.flow) == ("CHL", "PER", "M")
    assert (bought.reporter, bought.partner, bought.flow) == ("CHL", "PER", "X")
    assert sold.source == "CL-CUSTOMS"


def test_the_ministry_is_the_last_ministry_named() -> None:
    text = ("Japan's Ministry of Finance and Korea's customs count the two countries' trade differently. Korea's customs "
            "put Korean exports to Japan at $25 billion in 2020. According to the ministry, Japanese exports to Korea "
            "came to $42 billion in 2020.")
    c = _one(text, "$42 billion")
    assert (c.reporter, c.partner, c.flow) == ("JPN", "KOR", "X")
    # with no ministry named before, "the ministry" refers to nothing the text has named: the sentence's own reading
    text = ("Peru's customs put trade with Chile at $3.2 billion in 2019. According to the ministry, Peruvian exports "
            "to Chile came to $1.1 billion in 2019.")
    assert _one(text, "$1.1 billion").reporter == "PER"


def test_an_ambassador_with_his_full_title_speaks_for_his_country() -> None:
    c = _one("Trade between Peru and Chile reached $3.1 billion in 2021, Chile's Ambassador Extraordinary and "
             "Plenipotentiary to Peru Ana Ruiz said.", "$3.1 billion")
    assert (c.reporter, c.partner) == ("CHL", "PER")
    assert c.missing == []


def test_figures_set_against_a_later_agencys_are_the_other_sides() -> None:
    text = ("Peru and Chile: a year of growth\n\n"
            "LIMA, March 3, 2022. Peru and Chile signed three agreements on Tuesday.\n\n"
            "In 2021, Peru's trade with Chile amounted to $3.1 billion. Peruvian exports rose to $1.7 billion.\n\n"
            "Chile's customs put bilateral trade for 2021 considerably higher, at $3.9 billion.")
    first = _one(text, "$3.1 billion")
    assert (first.reporter, first.partner, first.flow) == ("PER", "CHL", "T")
    assert first.missing == []
    assert first.how["reporter"] == "contrast-other-side"
    assert _one(text, "$3.9 billion").reporter == "CHL"
    # a figure whose flow statement leads with the agency's own country is not settled by the contrast
    text = text.replace("Peru's trade with Chile", "trade between Chile and Peru")
    assert "reporter" in _one(text, "$3.1 billion").missing



def test_a_minister_of_no_country_speaks_for_the_country_his_sentence_names() -> None:
    # no dateline, no country before the title: the one country his sentence names in the possessive (as a ministry)
    text = ("Peru's trade deficit with Chile reached $1.5 billion in 2021, Trade and Tourism Minister Ana Ruiz told "
            "parliament.")
    c = _one(text, "$1.5 billion")
    assert (c.reporter, c.how["reporter"]) == ("PER", "speaker")
    assert c.missing == []
    # the possessive of another sentence is no evidence ("at a meeting with Chile's ambassador")
    text = ("Exports of copper through Peru have doubled, Prime Minister Ana Ruiz said at a meeting with Chile's "
            "ambassador. Trade between Peru and Chile grew to $3.1 billion in 2021, the minister said.")
    assert "reporter" in _one(text, "$3.1 billion").missing


def test_a_statistics_office_by_its_short_name() -> None:
    # its country from its own words, then the short name alone refers back to it
    text = ("Georgia's statistics office Geostat said trade with Armenia reached $1.2 billion in 2022.\n\n"
            "Trade with Turkey came to $2.5 billion in 2022, according to Geostat.")
    assert (_one(text, "$1.2 billion").reporter, _one(text, "$1.2 billion").source) == ("GEO", "GE-STAT")
    assert _one(text, "$2.5 billion").reporter == "GEO"
    # in a Tbilisi dispatch, a short name with no country of its own is the dispatch's country's when the sentence
    # speaks of no other country than as a partner ...
    text = "TBILISI, March 3, 2023 – Trade with Armenia reached $1.2 billion in 2022, according to Geostat."
    assert _one(text, "$1.2 billion").reporter == "GEO"
    # ... and nobody's when it does, or when there is no dispatch (either side could be its name's)
    text = ("TBILISI, March 3, 2023 – Trade with Armenia reached $1.2 billion in 2022.\n\n"
            "Separately, Armstat put Armenian exports to Georgia at $0.4 billion in 2022.")
    assert "reporter" in _one(text, "$0.4 billion").missing
    text = "Trade between Armenia and Georgia reached $1.2 billion in 2022, according to Geostat."
    assert "reporter" in _one(text, "$1.2 billion").missing


def test_an_official_titled_in_lower_case() -> None:
    text = ("Trade between Peru and Chile reached $3.1 billion in 2021, Chile's first deputy minister of foreign affairs "
            "Ana Ruiz said.\n\nTrade between Peru and Chile reached $3.2 billion in 2021, Ana Ruiz, Chile's first "
            "deputy minister of foreign affairs, said.")
    for figure in ("$3.1 billion", "$3.2 billion"):
        c = _one(text, figure)
        assert (c.reporter, c.partner, c.how["reporter"]) == ("CHL", "PER", "speaker")
    # "the minister" is the official named before, not a minister of no country
    text = ("Chile's Trade Minister Ana Ruiz met Peru's ambassador on Monday. Trade between Peru and Chile reached "
            "$3.1 billion in 2021, the minister said.")
    assert _one(text, "$3.1 billion").reporter == "CHL"


def test_a_countrys_own_figures_named_by_ellipsis() -> None:
    text = ("Peru's statistics office put trade with Chile at $3.1 billion in 2021. The figures are close to Chile's "
            "own, published in January, which put trade with Peru at $3.0 billion in 2021.")
    c = _one(text, "$3.0 billion")
    assert (c.reporter, c.partner, c.flow) == ("CHL", "PER", "T")


def test_a_dateline_closed_by_a_full_stop() -> None:
    text = "TBILISI. Trade with Armenia reached $1.2 billion in 2022, according to Geostat."
    assert _one(text, "$1.2 billion").reporter == "GEO"


def test_the_government_is_the_last_officials() -> None:
    text = ("Trade between Peru and Chile could reach $5 billion in the coming years, Chile's Prime Minister Ana Ruiz "
            "said at a meeting in Lima.\n\nBuilding up trade is a priority, Ruiz noted, according to the government's "
            "press service. In 2021 trade between the countries amounted to $3.1 billion.")
    c = _one(text, "$3.1 billion")
    assert (c.reporter, c.partner) == ("CHL", "PER")
    assert c.missing == []
