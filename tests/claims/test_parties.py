"""Who and whom (issue 16, kinds 1, 6, 7): reporters, partners and flows read as structures, on sentences written
for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.sources import dateline_country


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.text, c.reporter, c.partner, c.flow)


# ---- the statistics agency ------------------------------------------------------------------------------------
def test_dateline_city_names_its_country() -> None:
    assert dateline_country("BISHKEK, February 12, 2019 – Trade rose.") == "KGZ"
    assert dateline_country("Headline\n\nTASHKENT, Uzbekistan, April 21, 2024. Trade rose.") == "UZB"
    assert dateline_country("URUMQI, May 2023 – Trade rose.") is None  # a city we do not know: no guess
    assert dateline_country("Trade between China and Kyrgyzstan rose.") is None


def test_agency_without_country_is_the_datelines_not_china() -> None:
    # the sentence names China first, but a statistics committee is never China's (China reports through customs)
    text = ("BISHKEK, March 2, 2021 – Trade between China and Kyrgyzstan came to $1.7 billion in 2020, an official "
            "of the National Statistical Committee told reporters.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.flow, c.period) == ("KGZ", "CHN", "T", "2020")


def test_agency_without_country_and_no_country_in_its_sentence() -> None:
    text = ("TASHKENT, May 3, 2022 – Uzbekistan's trade with China came to $1.9 billion in the first quarter of 2022.\n\n"
            "According to the Statistics Agency, exports to China reached $310 million in the quarter.")
    cs = extract_claims(text)
    assert [(c.reporter, c.partner) for c in cs] == [("UZB", "CHN"), ("UZB", "CHN")]
    assert cs[1].source == "UZ-STAT"


def test_agency_named_in_an_earlier_paragraph_governs_until_another_is_named() -> None:
    text = ("According to China's customs, trade between China and Kyrgyzstan reached $3.1 billion in the first "
            "quarter of 2023.\n\n"
            "The Kyrgyz side counts differently. The National Statistical Committee of the Kyrgyz Republic put "
            "turnover with China at $1.2 billion in the quarter.\n\n"
            "Trade with Russia reached $640 million in January-March.")
    cs = extract_claims(text)
    assert _row(cs[-1]) == ("$640 million", "KGZ", "RUS", "T")
    assert cs[-1].resolved


def test_carried_agency_does_not_govern_a_paragraph_about_other_countries() -> None:
    # an overview going country by country: the Tajik customs named in one paragraph says nothing of Turkmenistan
    text = ("Trade between China and Tajikistan reached $2.1 billion in 2023, according to Chinese customs. Tajikistan's "
            "customs agency put imports from China at $1.4 billion.\n\n"
            "Turkmenistan's trade with China fell 4 percent to $10.2 billion in 2023.")
    c = [c for c in extract_claims(text) if c.text == "$10.2 billion"][0]
    assert (c.reporter, c.partner) == ("CHN", "TKM")


def test_customs_department_with_a_modifier_is_a_source() -> None:
    text = "Trade between Russia and China grew to $91.4 billion in January–May 2021, figures from China's main customs department show."
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.source) == ("CHN", "RUS", "CN-GACC")


def test_the_month_may_in_a_dateline_is_no_modal_verb() -> None:
    # "May" (the month) before a figure made it read as a target ("trade may reach ...")
    (c,) = extract_claims("TASHKENT, May 3, 2022 – Uzbekistan's trade with China came to $1.9 billion in 2021.")
    assert (c.reporter, c.partner, c.period) == ("UZB", "CHN", "2021")
    assert extract_claims("Officials said trade may reach $1.9 billion in 2021.") == []


# ---- names and flow words ----------------------------------------------------------------------------------------
def test_other_names_of_china() -> None:
    text = "According to Uzstat, Uzbekistan sold goods worth $412 million to the Celestial Empire in 2019."
    (c,) = extract_claims(text)
    assert _row(c) == ("$412 million", "UZB", "CHN", "X")
    (c,) = extract_claims("According to Uzstat, Uzbekistan bought goods worth $2.6 billion from the Middle Kingdom in 2019.")
    assert (c.reporter, c.partner, c.flow) == ("UZB", "CHN", "M")


def test_imports_and_exports_together_are_trade() -> None:
    text = "BEIJING, June 8, 2022 – China's imports and exports with Kazakhstan reached $9.3 billion in January–May."
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.flow) == ("CHN", "KAZ", "T")


def test_respectively_over_a_list_of_flow_words() -> None:
    for text in (
        "According to Kazakhstan's statistics bureau, exports to and imports from China came to $5.1 billion and "
        "$7.8 billion respectively in 2023.",
        "According to Kazakhstan's statistics bureau, its exports and imports with China came to $5.1 billion and "
        "$7.8 billion respectively in 2023.",
    ):
        cs = extract_claims(text)
        assert [_row(c) for c in cs] == [("$5.1 billion", "KAZ", "CHN", "X"), ("$7.8 billion", "KAZ", "CHN", "M")]


# ---- anaphora and the article's pair -----------------------------------------------------------------------------
def test_the_figure_takes_the_parties_of_the_figure_before() -> None:
    text = ("ASTANA, November 3, 2021 – Last year, Kazakh-Chinese trade turnover rose 9 percent to $21.4 billion, "
            "the Bureau of National Statistics said. The figure grew 12 percent to $17.2 billion in the first nine "
            "months of this year.")
    cs = extract_claims(text)
    assert [(c.text, c.reporter, c.partner, c.flow, c.period, c.growth_pct) for c in cs] == [
        ("$21.4 billion", "KAZ", "CHN", "T", "2020", 9.0),
        ("$17.2 billion", "KAZ", "CHN", "T", "2021-01/2021-09", 12.0),
    ]


def test_this_indicator_growth_keeps_the_referents_flow_and_period() -> None:
    text = ("According to Uzstat, Uzbekistan's imports from China reached $3.1 billion in the first quarter of 2022; "
            "this indicator increased by 11.2 percent year on year.")
    cs = extract_claims(text)
    g = [c for c in cs if c.growth_pct is not None]
    assert len(g) == 1
    assert (g[0].reporter, g[0].partner, g[0].flow, g[0].period, g[0].growth_pct) == ("UZB", "CHN", "M", "2022-Q1", 11.2)


def test_a_different_value_for_the_same_figure_is_someone_elses_unresolved() -> None:
    text = ("According to China's customs, bilateral trade with Kazakhstan reached $28.1 billion in January–October "
            "2022. Kazakh media put the figure for the period at $19.9 billion.")
    cs = extract_claims(text)
    first, second = cs
    assert first.resolved and (first.reporter, first.partner) == ("CHN", "KAZ")
    assert not second.resolved and "reporter" in second.missing


def test_of_this_continues_the_series_of_the_paragraph() -> None:
    text = ("BISHKEK, February 2, 2020 – Trade between China and Kyrgyzstan came to $1.4 billion in 2019, the National "
            "Statistical Committee said.\n\n"
            "Of this, imports accounted for $1.3 billion and exports for $72.5 million. Imports grew by 8 percent on "
            "2018, while exports fell by 11 percent.")
    cs = extract_claims(text)
    rows = [(c.text, c.reporter, c.partner, c.flow, c.period) for c in cs]
    assert ("$1.3 billion", "KGZ", "CHN", "M", "2019") in rows
    assert ("$72.5 million", "KGZ", "CHN", "X", "2019") in rows
    growth = {(c.flow, c.growth_pct) for c in cs if c.kind == "growth"}
    assert growth == {("M", 8.0), ("X", -11.0)}
    assert all(c.resolved for c in cs)


def test_a_bare_flow_does_not_reach_into_a_paragraph_about_another_country() -> None:
    text = ("Tajikistan's trade with China rose to $1.9 billion in 2023, according to Chinese customs.\n\n"
            "Turkmenistan ran a surplus with China. But bilateral trade declined by 3 percent to $9.8 billion in 2023.")
    c = [c for c in extract_claims(text) if c.text == "$9.8 billion"][0]
    assert {c.reporter, c.partner} != {"TJK", "CHN"}


def test_our_countries_in_a_quote_is_the_articles_pair() -> None:
    text = ("Kazakhstan and China discuss trade\n\n"
            "ASTANA, June 2, 2023 – \"Trade between our countries reached $31.5 billion last year,\" the prime "
            "minister said.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.flow, c.period) == ("KAZ", "CHN", "T", "2022")


def test_the_five_countries_are_the_region_never_one_of_them() -> None:
    text = ("China's trade with Central Asia grew in 2024, according to China's customs. Kazakhstan came first with "
            "$43.8 billion. Trade between China and the five countries totalled $94.8 billion over the year.")
    c = [c for c in extract_claims(text) if c.text == "$94.8 billion"][0]
    assert (c.reporter, c.partner, c.flow) == ("CHN", "CA5", "T")


# ---- small readings that decide the parties' figures -----------------------------------------------------------
def test_made_up_is_no_increase() -> None:
    (c,) = extract_claims("According to Uzstat, Uzbekistan's exports to China made up $1.1 billion in 2021.")
    assert c.kind == "level" and c.value_usd == 1.1e9 and c.change_usd is None


def test_a_goal_named_after_the_figure_is_no_level() -> None:
    text = ("According to China's customs, trade with Russia rose 26.3% to $240.1 billion in 2023, passing the "
            "$200 billion goal the two leaders had set.")
    assert [c.text for c in extract_claims(text)] == ["$240.1 billion"]


def test_the_period_just_before_a_figure_beats_the_next_clauses() -> None:
    text = ("According to China's customs, bilateral trade with Russia had grown by 29.3% in 2022, to $190 billion, and "
            "accelerated further in 2023.")
    (c,) = extract_claims(text)
    assert (c.partner, c.period) == ("RUS", "2022")


# ---- product-level figures ----------------------------------------------------------------------------------------
def test_a_flow_verb_whose_object_is_a_product_is_no_total() -> None:
    text = ("According to China's customs, China bought farm products worth 3.2 billion yuan from Kazakhstan in "
            "January–April 2024, 14.5 percent more than a year earlier.")
    assert extract_claims(text) == []


def test_goods_worth_is_total_trade() -> None:
    text = ("According to Uzstat, Uzbekistan sold goods worth $512 million to China in 2019 and imported seven times "
            "as much ($3.6 billion).")
    rows = [(c.text, c.reporter, c.partner, c.flow) for c in extract_claims(text)]
    assert rows == [("$512 million", "UZB", "CHN", "X"), ("$3.6 billion", "UZB", "CHN", "M")]


# ---- shares in lists and rankings --------------------------------------------------------------------------------
def _shares(text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow) for c in extract_claims(text) if c.kind == "share"]


def test_a_list_of_shares_in_brackets_after_the_largest_share() -> None:
    text = ("TASHKENT, March 1, 2023 – Uzbekistan's trade with China reached $8.1 billion in 2022, the Statistics "
            "Agency said. China held the largest share of its foreign trade (18.2%), followed by Russia (17.5%), "
            "Kazakhstan (8.9%) and Türkiye (5.1%).")
    assert _shares(text) == [("18.2%", "UZB", "CHN", "T"), ("17.5%", "UZB", "RUS", "T"),
                             ("8.9%", "UZB", "KAZ", "T"), ("5.1%", "UZB", "TUR", "T")]


def test_possessive_shares_continue_the_paragraphs_share() -> None:
    text = ("Russia was Uzbekistan's main partner in 2021 with 17.9% of the republic's turnover, the State Committee on "
            "Statistics reported. China's share was 17.1%, Kazakhstan's 7.6% and Turkey's 6.0%.")
    assert _shares(text) == [("17.9%", "UZB", "RUS", "T"), ("17.1%", "UZB", "CHN", "T"),
                             ("7.6%", "UZB", "KAZ", "T"), ("6.0%", "UZB", "TUR", "T")]


def test_shares_after_dashes_and_elided_verbs_keep_the_flow() -> None:
    text = ("According to Tajstat, imports came mainly from Russia – 28.1% of total imports, China – 17.3%, and "
            "Kazakhstan – 14.2%.")
    assert _shares(text) == [("28.1%", "TJK", "RUS", "M"), ("17.3%", "TJK", "CHN", "M"), ("14.2%", "TJK", "KAZ", "M")]


def test_a_share_with_its_own_whole_is_no_list_member() -> None:
    text = ("According to Tajstat, imports came mainly from Russia – 28.1% of total imports. Russia took 5% of the goods "
            "the republic sold abroad.")
    assert [s for s in _shares(text) if s[0] == "5%" and s[3] == "M"] == []


def test_a_scale_abbreviation_closing_a_figure_ends_the_sentence() -> None:
    text = ("According to Tajstat, exports to Russia came to $36.1 mln. China was second, its turnover rising 19.7% to "
            "$548.7 mln in January–April 2024.")
    c = [c for c in extract_claims(text) if c.text == "$548.7 mln"][0]
    assert (c.reporter, c.partner, c.flow) == ("TJK", "CHN", "T")


def test_a_country_named_as_a_comparison_is_no_party() -> None:
    text = "According to Tajstat, Kazakhstan came next after Russia: turnover edged up 8.4% to $391.2 mln in 2023."
    c = [c for c in extract_claims(text) if c.text == "$391.2 mln"][0]
    assert (c.reporter, c.partner) == ("TJK", "KAZ")


# ---- respectively with rates and shares; rankings -------------------------------------------------------------
def test_respectively_rates_follow_their_levels() -> None:
    text = ("According to China's Ministry of Commerce, trade with Kyrgyzstan and Tajikistan came to $5.2 billion and "
            "$1.9 billion respectively in 2014, up 3.5 percent and 4.4 percent.")
    cs = extract_claims(text)
    assert [(c.partner, c.value_usd, c.growth_pct) for c in cs] == [("KGZ", 5.2e9, 3.5), ("TJK", 1.9e9, 4.4)]


def test_respectively_shares_of_listed_countries() -> None:
    text = ("According to Tajstat, the shares of Russia and China in the country's total trade were 27.1 percent and "
            "21.6 percent respectively in 2023.")
    assert _shares(text) == [("27.1 percent", "TJK", "RUS", "T"), ("21.6 percent", "TJK", "CHN", "T")]


def test_rankings_with_dashes_brackets_and_a_country_compared_with() -> None:
    text = ("According to China's customs, China's trade with Kazakhstan reached $31.5 billion in 2023. Kyrgyzstan came "
            "second – $19.8 billion, Uzbekistan was third ($14.1 billion) and Turkmenistan followed Uzbekistan with "
            "$10.4 billion.")
    rows = [(c.text, c.reporter, c.partner) for c in extract_claims(text)]
    assert rows == [("$31.5 billion", "CHN", "KAZ"), ("$19.8 billion", "CHN", "KGZ"), ("$14.1 billion", "CHN", "UZB"),
                    ("$10.4 billion", "CHN", "TKM")]


def test_a_dollar_figure_attached_to_a_share_is_the_holders_trade() -> None:
    text = ("According to Kazakhstan's Bureau of National Statistics, China accounted for 20.4 percent of Kazakhstan's "
            "foreign trade in 2022, worth $24.1 billion. Russia's share was 19.1 percent ($26.2 billion).")
    rows = [(c.kind, c.text, c.reporter, c.partner, c.flow) for c in extract_claims(text)]
    assert rows == [("share", "20.4 percent", "KAZ", "CHN", "T"), ("level", "$24.1 billion", "KAZ", "CHN", "T"),
                    ("share", "19.1 percent", "KAZ", "RUS", "T"), ("level", "$26.2 billion", "KAZ", "RUS", "T")]


# ---- sources cited and world totals --------------------------------------------------------------------------
def test_a_news_agency_citing_customs_is_not_the_reporter() -> None:
    text = ("Trade between Russia and China grew by 24.1% in January–June and reached 114.5 billion dollars, the "
            "Russian agency TASS reported, citing a statement by China Customs.")
    cs = extract_claims(text)
    assert {(c.reporter, c.partner, c.source) for c in cs} == {("CHN", "RUS", "CN-GACC")}


def test_its_share_is_of_the_possessor_named_before() -> None:
    text = ("According to the National Statistical Committee of the Kyrgyz Republic, China accounted for 27.2 percent "
            "of Kyrgyzstan's foreign trade in 2019 and 35.1 percent of its imports.")
    assert _shares(text) == [("27.2 percent", "KGZ", "CHN", "T"), ("35.1 percent", "KGZ", "CHN", "M")]


def test_a_countrys_total_exports_are_with_the_world() -> None:
    text = ("According to China's customs, trade with the United States fell 10.1 percent in 2023. China's total exports "
            "decreased by 3.9 percent over the year.")
    g = [c for c in extract_claims(text) if c.text == "3.9 percent"][0]
    assert (g.reporter, g.partner, g.flow, g.growth_pct) == ("CHN", "WLD", "X", -3.9)


def test_the_statistics_cited_beat_the_messenger_cited() -> None:
    text = ("Trade between Kazakhstan and China reached $25.2 billion in 2021, Kazinform reported, citing the press "
            "service of the Kazakh embassy in Beijing and China's customs statistics.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.source) == ("CHN", "KAZ", "CN-GACC")


def test_an_official_of_a_country_speaks_for_its_figures() -> None:
    text = "In Bishkek this week, a Chinese official told reporters that trade with Kyrgyzstan amounted to $15.5 billion in 2022."
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner) == ("CHN", "KGZ")


def test_a_provinces_trade_is_no_national_claim() -> None:
    text = ("Mongolia becomes Inner Mongolia's top partner\n\n"
            "HOHHOT, July 30, 2016 – Inner Mongolia's trade with Russia came to 6.9 billion yuan in the first half.\n\n"
            "The region's total imports and exports reached 35.2 billion yuan in the six months.")
    cs = extract_claims(text)
    assert cs and not any(c.resolved for c in cs)
    assert all("MNG" not in (c.reporter, c.partner) for c in cs)  # "Inner Mongolia" is not Mongolia


def test_a_flow_phrase_stops_at_the_next_flow_word() -> None:
    text = ("According to Tajstat, imports from Russia amounted to $702.5 million and exports to Russia to about "
            "$48.2 million in January–May 2023.")
    rows = [(c.text, c.reporter, c.partner, c.flow) for c in extract_claims(text)]
    assert rows == [("$702.5 million", "TJK", "RUS", "M"), ("$48.2 million", "TJK", "RUS", "X")]


def test_the_countrys_total_in_a_share_is_the_reporters() -> None:
    text = ("According to Uzstat, Uzbekistan's trade with China reached $12.9 billion in 2022. China's share in the "
            "country's total trade turnover stands at 17.8 percent.")
    assert _shares(text) == [("17.8 percent", "UZB", "CHN", "T")]


def test_exports_of_a_product_are_no_total() -> None:
    text = ("According to China's customs, trade with Central Asia grew 22 percent in 2023. Exports of machinery and "
            "electrical products grew 41.2 percent, and imports of farm produce rose 30.5 percent.")
    assert [c.text for c in extract_claims(text)] == ["22 percent"]


def test_a_list_of_changes_replaces_the_one_party_named() -> None:
    text = ("According to China's customs, trade grew with Kazakhstan (+$3.1 billion), Kyrgyzstan (+$2.2 billion) and "
            "Turkmenistan (+$48 million) in 2023. China's trade with the whole world reached $5.94 trillion.")
    rows = [(c.text, c.reporter, c.partner) for c in extract_claims(text)]
    assert rows == [("$3.1 billion", "CHN", "KAZ"), ("$2.2 billion", "CHN", "KGZ"), ("$48 million", "CHN", "TKM"),
                    ("$5.94 trillion", "CHN", "WLD")]


def test_a_share_held_by_two_countries_together_is_no_ones() -> None:
    text = "According to Tajstat, China and Russia account for half of Tajikistan's trade in 2024."
    (c,) = extract_claims(text)
    assert c.kind == "share" and not c.resolved and "partner" in c.missing
