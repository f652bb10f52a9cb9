"""Figures whose subject refers back to a statistic named before (issue 16): "it" after a clause about prices or
costs ("Higher oil prices have lifted it: in 2021 it reached ..."), "the total was 9% higher", and another agency's
"much lower total" for the same pair and year. Sentences written for these tests (invented figures; no store, no
network)."""

from __future__ import annotations

from _claim_rows import surely_read_rows as _rows

LEAD_MNG = ("ULAANBAATAR, March 2, 2022. According to Mongolia's National Statistics Office, trade between Mongolia "
            "and Russia reached $1.9 billion in 2019, up 8 percent on the year before. ")


def test_it_after_a_clause_about_prices_is_the_trade_figure() -> None:
    text = LEAD_MNG + ("Dearer fuel costs have since pushed it up: in 2021 it stood at $2.4 billion, "
                       "up 15 percent on 2020.")
    rows = _rows(text)
    assert ("$2.4 billion", "level", "MNG", "RUS", "T", "2021") in rows
    assert (15.0, "growth", "MNG", "RUS", "T", "2021") in rows


def test_a_price_figure_itself_is_still_no_trade_figure() -> None:
    # the amount is the price's own (its clause names it): no trade claim
    text = LEAD_MNG + "Fuel prices have since risen to $2.4 billion a year for the state budget."
    assert all(r[0] != "$2.4 billion" for r in _rows(text))


def test_the_total_was_higher_is_the_growth_of_the_level_before() -> None:
    text = ("SOFIA, February 9, 2024 - Bulgaria's trade with Turkey came to $9.6 billion in 2023, according to "
            "Bulgaria's National Statistical Institute.\n\nThe total was 7% higher than in 2022, the institute said.")
    assert ("7%", "growth", "BGR", "TUR", "T", "2023") in _rows(text)


def test_another_agencys_higher_total_is_its_count_of_the_same_flow() -> None:
    text = ("Two counts of one trade\n\n"
            "Chile's Central Bank puts trade with Peru in 2018 at $3.1 billion. Of this, Chile's exports made up "
            "$1.9 billion and its imports $1.2 billion.\n\n"
            "Peru's customs service arrives at a much higher total, $3.6 billion, up 6 percent on 2017.")
    rows = _rows(text)
    assert ("$3.6 billion", "level", "PER", "CHL", "T", "2018") in rows
    assert (6.0, "growth", "PER", "CHL", "T", "2018") in rows


def test_a_higher_total_without_an_agency_is_a_rival_count_left_unread() -> None:
    # no agency named for the other count: whose statistics it is stays unsaid
    text = ("Chile's Central Bank puts trade with Peru in 2018 at $3.1 billion.\n\n"
            "Some analysts arrive at a much higher total, $3.6 billion.")
    assert all(r[0] != "$3.6 billion" for r in _rows(text))


def test_it_as_a_country_is_no_statistic() -> None:
    text = LEAD_MNG + "It signed supply contracts worth $600 million with Moscow in 2021."
    assert all(r[0] != "$600 million" for r in _rows(text))


def test_a_total_after_two_totals_of_other_pairs_is_unclear() -> None:
    # two totals of different pairs equally near: the total referred to is unclear, nothing is read surely
    text = ("In 2018 Chile's trade with Peru came to $3.1 billion and its trade with Bolivia to $1.4 billion, the "
            "Central Bank said.\n\nThe total was 6% higher than a year before.")
    assert all(r[0] != "6%" for r in _rows(text))


def test_a_total_after_a_world_total_is_not_read() -> None:
    text = ("SANTIAGO, March 1, 2019. Chile's foreign trade with the world came to $150 billion in 2018, the Central "
            "Bank said. The total was 6% higher than in 2017.")
    # a country's world total is no bilateral series: the rate is not read as one of a pair
    assert not any(r[0] == "6%" and r[3] != "WLD" for r in _rows(text))


LEAD_NOR = ("OSLO, April 4, 2020. Statistics Norway published its yearly figures on trade between Norway and Iceland "
            "on Friday.\n\n")


def test_it_after_a_statistic_named_without_a_figure_takes_its_parties() -> None:
    text = LEAD_NOR + ("Trade between Norway and Iceland has expanded quickly over the decade. It stood at $900 million "
                       "in 2019, according to Statistics Norway.")
    assert ("$900 million", "level", "NOR", "ISL", "T", "2019") in _rows(text)


def test_it_after_a_sentence_naming_another_country_beside_the_trade_is_not_read() -> None:
    # the country named is no party of the trade: the article is about Norway and Iceland
    text = LEAD_NOR + ("The crisis in Greenland has pushed the trade up. It stood at $900 million in 2019, according to "
                       "Statistics Norway.")
    assert not any(r[0] == "$900 million" and "GRL" in (r[2], r[3]) for r in _rows(text))


def test_it_after_two_flows_named_is_unclear() -> None:
    text = LEAD_NOR + ("Norway's exports to Iceland rose while its imports from Iceland fell. It stood at $900 million "
                       "in 2019, according to Statistics Norway.")
    assert all(r[0] != "$900 million" for r in _rows(text))
