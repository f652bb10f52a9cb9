"""Partner and period slots on unseen text (issue 16, session 12, branch i16-parties): a ranking paragraph's new
subject trades with the hub the paragraph names, not with the paragraph's first country; a total "with the region"
has no country as its partner; a month named without its year beside the same month printed only as a comparison
base ("up 30% on March 2021") is the month a year after. Sentences written for these tests (invented figures)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.own_periods import base_months
from mirrortrade.claims.spokes import ranking_hub, region_partner


def _rows(text: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    return [(c.text, c.reporter, c.partner, c.period, c.resolved) for c in extract_claims(text)]


def test_a_new_subject_of_a_ranking_paragraph_trades_with_the_hub_it_names() -> None:
    text = ("In 2021 Turkey's trade with the Balkan states rose to $14 billion, according to its statistics office.\n\n"
            "Serbia became Turkey's largest partner in the region, with turnover up 8% on 2020 to $3.1 billion. "
            "Albania came second, its trade up 1.2 times last year to $1.4 billion.")
    rows = {r[0]: r for r in _rows(text)}
    assert rows["$3.1 billion"][2] in ("TUR", "SRB")
    albania = rows["$1.4 billion"]
    # Albania's trade in Turkey's ranking is with Turkey, never with Serbia (the paragraph's first country)
    assert albania[2] != "SRB"
    assert {albania[1], albania[2]} == {"ALB", "TUR"} or not albania[4]


def test_a_total_with_the_region_has_no_country_partner() -> None:
    text = ("Russia's trade with the countries of the near abroad in Asia rose to a record $56 billion in 2021, "
            "according to RIA calculations.\n\n"
            "Total turnover with the region grew by 9% to $14 billion from $12.8 billion a year earlier. Georgia "
            "remained Russia's main partner there: trade with it stayed at $3.1 billion over the year.")
    rows = {r[0]: r for r in _rows(text)}
    # the region's total is not Georgia's (named later in the paragraph): its partner is unresolved, not guessed
    for figure in ("$14 billion", "$12.8 billion"):
        assert rows[figure][2] != "GEO"
        assert rows[figure][4] is False
    assert rows["$3.1 billion"][1:3] == ("GEO", "RUS")


def test_region_partner_and_ranking_hub_helpers() -> None:
    assert region_partner("Total turnover with the region grew by 9%")
    assert region_partner("trade with the countries of the region reached $5 billion")
    assert not region_partner("Serbia became Turkey's largest partner in the region")
    assert ranking_hub({"ALB"}, "SRB", "TUR", ["SRB", "TUR", "ALB"]) == "TUR"
    assert ranking_hub({"ALB"}, "SRB", "TUR", ["SRB", "ALB"]) is None  # the hub unnamed in the paragraph
    assert ranking_hub({"TUR"}, "SRB", "TUR", ["SRB", "TUR"]) is None


def test_a_bare_month_beside_the_same_month_as_a_base_is_the_year_after() -> None:
    text = ("Thailand-Malaysia trade tops $2.1 billion in March\n\n"
            "Trade between Thailand and Malaysia rose to $2.1 billion in March, official data show.\n\n"
            "Overall bilateral trade came to $2.1 billion, up 30% on March 2021, Thailand's customs department said.")
    periods = {c.period for c in extract_claims(text) if c.text == "$2.1 billion"}
    assert periods == {"2022-03"}


def test_base_months_ignores_a_month_also_printed_as_a_claims_own() -> None:
    assert base_months("exports rose 5% on March 2021 to $4 billion") == frozenset({(2021, 3)})
    assert base_months("in March 2021 exports were $3 billion; in May they rose 5% on March 2021") == frozenset()


def test_a_days_date_on_its_own_line_is_no_period_for_the_figures_after_it() -> None:
    text = ("Georgia-Turkey trade up in first half\n\n"
            "TBILISI, 9 August 2022. Trade between Georgia and Turkey reached $1.2 billion in the first half of 2022, "
            "Geostat reports.\n\n"
            "Georgia's imports from Turkey came to $0.9 billion, up 12% on the previous year.")
    periods = {c.text: c.period for c in extract_claims(text)}
    assert periods["$1.2 billion"] == "2022-H1"
    assert periods["$0.9 billion"] != "2022-08"


def test_a_year_earlier_in_a_later_clause_is_a_later_figures_base_not_this_ones_period() -> None:
    text = ("In 2021 Turkey's trade with the Balkan states rose to a record $14 billion, according to its statistics "
            "office.\n\n"
            "Serbia remained Turkey's main partner in the region: trade with it stayed at $3.1 billion over the year, "
            "though Serbia's share slipped to 22% from almost 25% a year earlier.")
    periods = {c.text: c.period for c in extract_claims(text)}
    assert periods["$3.1 billion"] == "2021"


def test_a_figure_restated_for_an_earlier_year_does_not_date_the_sentences_after_it() -> None:
    from datetime import date

    text = ("Thailand is our largest trading partner. In January-October of last year trade between the two countries "
            "exceeded $9 billion, according to the statistics office of Laos. In 2016 this figure was only $2.1 "
            "billion. Thailand's share in Laos's total foreign trade has reached 41.5 percent.")
    periods = {c.text: c.period for c in extract_claims(text, article_date=date(2018, 1, 20))}
    assert periods["$2.1 billion"] == "2016"
    assert periods["41.5 percent"] == "2017-01/2017-10"


#: a ranking of partners whose bracket gives a share and a level for each (modelled on a Georgian statistics release)
_GEORGIA_RANKING = (
    "Georgia's foreign trade reached $1.9 billion in March 2023, according to Georgia's statistics office.\n\n"
    "The biggest turnover was recorded with Turkey (16.1 percent or $305.2 million), Russia (12.8 percent or "
    "$243.9 million) and China (9.7 percent or $184.6 million).")


def test_a_ranking_list_of_share_or_level_brackets_gives_each_figure_the_country_before_its_bracket() -> None:
    partners = {c.text: c.partner for c in extract_claims(_GEORGIA_RANKING) if c.kind == "level"}
    assert partners["$305.2 million"] == "TUR"
    assert partners["$243.9 million"] == "RUS"
    assert partners["$184.6 million"] == "CHN"


def test_a_share_printed_before_its_level_in_one_bracket_is_that_partners_share() -> None:
    shares = {c.text: (c.reporter, c.partner, c.flow) for c in extract_claims(_GEORGIA_RANKING) if c.kind == "share"}
    assert shares == {"16.1 percent": ("GEO", "TUR", "T"), "12.8 percent": ("GEO", "RUS", "T"),
                      "9.7 percent": ("GEO", "CHN", "T")}
