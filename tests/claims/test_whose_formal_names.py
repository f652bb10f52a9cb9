"""Whose statistics a figure is and with whom, in more of the ways articles name them (issue 16, the reporter and
partner slots): a state's formal name ("the Republic of X"), a flow noun's holder after "of" ("the trade turnover of
X with Y"), a ministry's full name ending in its country, a count before a region ("with the five Central Asian
states"), and a country's national figure in an article about one of its provinces."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims import lexicon as lx


def _one(text: str, figure: str):
    got = [c for c in extract_claims(text) if c.text == figure]
    assert len(got) == 1, [(c.text, c.reporter, c.partner) for c in extract_claims(text)]
    return got[0]


def test_formal_state_names_cover_their_words() -> None:
    refs = lx.find_countries("talks between the Islamic Republic of Iran and the Republic of Armenia")
    assert [(r.code, r.text) for r in refs] == [("IRN", "Islamic Republic of Iran"), ("ARM", "Republic of Armenia")]


def test_turnover_of_a_formal_state_with_another() -> None:
    c = _one("In 2021, the foreign trade turnover of the Republic of Armenia with the Russian Federation amounted to "
             "$2.6 billion.", "$2.6 billion")
    assert (c.reporter, c.partner, c.flow) == ("ARM", "RUS", "T")


def test_trade_deficit_of_a_country_with_another() -> None:
    c = _one("Last year the trade deficit of Vietnam with South Korea reached $34 billion.", "$34 billion")
    assert (c.reporter, c.partner, c.flow) == ("VNM", "KOR", "B")


def test_trade_of_goods_from_a_country_is_no_holder() -> None:
    # "of Turkish goods": the goods' origin, not whose trade it is
    c = _one("In 2020 Georgia's trade of Turkish goods with Azerbaijan reached $150 million.", "$150 million")
    assert c.reporter != "TUR"


def test_a_ministrys_full_name_ends_in_its_country() -> None:
    c = _one("TBILISI, March 3. Trade between Armenia and Iran rose 11 percent in 2022 to $710 million, according to "
             "the Ministry of Economy and Sustainable Development of Armenia.", "$710 million")
    assert (c.reporter, c.partner, c.flow) == ("ARM", "IRN", "T")
    assert c.missing == []


def test_a_ministrys_full_name_with_a_formal_state() -> None:
    c = _one("Exports to India reached $420 million in 2023, the Ministry of Industry and Trade of the Republic of "
             "Belarus reported.", "$420 million")
    assert c.reporter == "BLR" and c.missing == []


def test_a_count_before_a_region_is_no_word_of_it() -> None:
    text = ("Central Asia in focus\n\nAccording to Russian customs, Russia's trade with the five Central Asian "
            "republics reached $44 billion in 2023, and Uzbekistan took a third of it.")
    c = _one(text, "$44 billion")
    assert (c.reporter, c.partner) == ("RUS", "CA5")


def test_the_nation_as_a_whole_after_a_province() -> None:
    text = ("Heilongjiang's trade with Russia jumps\n\n"
            "HARBIN. Heilongjiang province traded goods worth 190 billion yuan with Russia in 2022, according to "
            "Harbin customs.\n\n"
            "According to China's General Administration of Customs, nationwide trade with Russia reached $190 "
            "billion in 2022.")
    national = _one(text, "$190 billion")
    assert (national.reporter, national.partner) == ("CHN", "RUS")
    assert "reporter" not in national.missing
    province = _one(text, "190 billion yuan")
    assert "reporter" in province.missing


def test_a_province_figure_stays_unplaced_even_beside_the_nation() -> None:
    text = ("Yunnan's trade with Laos grows\n\n"
            "KUNMING. Yunnan's trade with Laos as a whole came to $3 billion in 2023, according to Kunming customs.")
    c = _one(text, "$3 billion")
    assert "reporter" in c.missing


def test_passing_a_round_milestone_is_a_lower_bound() -> None:
    c = _one("According to Chinese customs, trade between China and Brazil rose in 2023, passing $200 billion.",
             "$200 billion")
    assert c.qualifier == "lower"
    # a figure that is no round milestone is passed only just
    c = _one("According to Chinese customs, trade between China and Brazil rose in 2023, crossing $157 billion.",
             "$157 billion")
    assert c.qualifier == "near_lower"
