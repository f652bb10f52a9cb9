"""An agency named without its country in an article about one country's trade with many partners (issue 16, the
reporter slot, "unplaced-source"): the agency is that country's (a partner reports only its own trade with it, never a
list of its partners); in an article about two countries, or one where two countries hold trade, it stays unplaced.
A sentence that sums up ("In all, ...") with no partner named is a total with the world, not the last partner's."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.lexicon import find_countries
from mirrortrade.claims.scope import trade_owner


def _one(text: str, figure: str):
    got = [c for c in extract_claims(text) if c.text == figure]
    assert len(got) == 1, [(c.text, c.reporter) for c in extract_claims(text)]
    return got[0]


_ARMENIA = (
    "Iran and Georgia trail Russia in Armenia's trade\n\n"
    "Armenia's trade with Russia reached $2.9 billion in January–June 2022, keeping Moscow far ahead of the rest.\n\n"
    "Iran is the second buyer of Armenian goods and Georgia the third, the Ministry of Economy reported on Monday.\n\n"
    "Exports to Iran amounted to $61.5 million in the period, while imports from it came to $214.3 million.\n\n"
    "Goods also went to Georgia and Iraq in smaller amounts."
)


def test_an_article_about_one_countrys_partners_has_one_owner() -> None:
    assert trade_owner(_ARMENIA, find_countries(_ARMENIA)) == "ARM"


def test_the_ministry_of_a_one_country_article_is_that_countrys() -> None:
    x = _one(_ARMENIA, "$61.5 million")
    m = _one(_ARMENIA, "$214.3 million")
    assert (x.reporter, x.partner, x.flow) == ("ARM", "IRN", "X")
    assert (m.reporter, m.partner, m.flow) == ("ARM", "IRN", "M")
    assert x.missing == [] and m.missing == []
    assert x.how["reporter"] != "unplaced-source"


def test_a_customs_service_in_an_adjective_owned_article() -> None:
    text = (
        "Mongolian exports to Japan, Korea and Germany\n\n"
        "Mongolian exports to Japan rose to $84.2 million in 2021, the customs service said.\n\n"
        "Shipments to South Korea and Germany were smaller."
    )
    c = _one(text, "$84.2 million")
    assert (c.reporter, c.partner, c.flow, c.period) == ("MNG", "JPN", "X", "2021")
    assert c.missing == []


def test_two_holders_of_trade_leave_the_agency_unplaced() -> None:
    text = (
        "Brazilian exports and Chilean imports\n\n"
        "Brazilian exports to Peru and Uruguay grew, while Chile's imports from Paraguay fell.\n\n"
        "Exports to Argentina came to $9.8 billion in 2020, the Ministry of Economy said."
    )
    assert trade_owner(text, find_countries(text)) is None
    c = _one(text, "$9.8 billion")
    assert "reporter" in c.missing


def test_an_article_about_two_countries_has_no_owner() -> None:
    text = ("Peru's exports to Chile reached $1.4 billion in 2019, the ministry said. Chilean firms bought more copper "
            "ore than a year before.")
    assert trade_owner(text, find_countries(text)) is None


def test_a_chinese_owner_takes_no_statistics_office() -> None:
    text = (
        "China's trade with Laos, Cambodia, Myanmar and Thailand\n\n"
        "Chinese exports to Laos came to $2.1 billion in 2020, the Ministry of Economy and Planning said."
    )
    assert trade_owner(text, find_countries(text)) == "CHN"
    c = _one(text, "$2.1 billion")
    assert c.reporter != "CHN"  # a ministry China does not publish its trade through: not China's


def test_a_sum_up_sentence_is_with_the_world() -> None:
    text = (
        "Kenya's trade with Uganda reached $800 million in 2021, the Kenya National Bureau of Statistics said.\n\n"
        "Trade with Tanzania was worth $420 million.\n\n"
        "All told, the country exported goods worth $6.7 billion in the year."
    )
    c = _one(text, "$6.7 billion")
    assert c.partner == "WLD"
