"""Periods (issue 16): the figure's own period, its comparison base, and the period a text goes on about.
Every sentence here is invented for the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods, reference_date


def _own(text: str, **kw: object) -> list[str | None]:
    return [pm.period for pm in find_periods(text, **kw) if not pm.base]  # type: ignore[arg-type]


def test_over_at_the_head_of_a_clause_is_the_period_not_a_base() -> None:
    t = "Over January–March, however, exports fell by $0.4 billion compared with the same period of 2021."
    ms = find_periods(t, context_year=2022)
    assert [(pm.period, pm.base) for pm in ms] == [("2022-Q1", False), ("2021", True)]
    # after a change, "over" names what it is compared with
    assert [pm.base for pm in find_periods("Imports rose 12 percent over 2021 to $3 billion.")] == [True]
    assert [pm.base for pm in find_periods("an increase of $2 billion over 2020")] == [True]


def test_the_months_to_date_without_first() -> None:
    assert _own("In the seven months exports reached $1 billion.", context_year=2021) == ["2021-01/2021-07"]
    assert _own("Over the four months imports were $2 billion.", context_year=2018) == ["2018-01/2018-04"]
    # "the seven months" with nothing before it is no period of its own
    assert _own("The seven months were hard.", context_year=2021) == []


def test_during_this_period_is_the_period_in_context() -> None:
    ms = find_periods("During this period, exports grew 5 percent.", context_period="2022-H1")
    assert [(pm.period, pm.base, pm.relative) for pm in ms] == [("2022-H1", False, "context")]
    # with no period in context it cannot be resolved
    assert [pm.period for pm in find_periods("During this period, exports grew 5 percent.")] == [None]
    # "the same period of the previous year" is the comparison base, not the claim's period
    ms = find_periods("up 9 percent on the same period of the previous year", context_period="2022-H1")
    assert all(pm.base for pm in ms)


def test_in_comparison_last_year_is_the_year_before_the_data_year() -> None:
    # an article written in 2023 about 2021: "last year" from the date would be 2022
    ms = find_periods("In comparison, last year trade came to $4 billion.", ref_year=2023, context_year=2021)
    assert [pm.period for pm in ms] == ["2020"]
    assert [pm.period for pm in find_periods("Last year trade came to $4 billion.", ref_year=2023,
                                             context_year=2021)] == ["2022"]


def test_since_a_year_is_not_the_base_of_one_years_growth() -> None:
    (pm,) = find_periods("exports are up 80 percent since 2015")
    assert pm.base and pm.relative == "since"
    # "the first fall since 2015" ranks the fall: the year is neither the figure's period nor its base
    assert find_periods("trade fell 3 percent, the first fall since 2015") == []


def test_the_previous_year_is_the_year_before_the_one_just_named() -> None:
    ms = find_periods("exports were $2 billion in 2018, up 4 percent on the previous year", ref_year=2021,
                      context_year=2020)
    assert [(pm.period, pm.base) for pm in ms] == [("2018", False), ("2017", True)]
    # "than in the same period" is a year-on-year base, not the period in context
    ms = find_periods("exports were 3 percent lower than in the same period", context_period="2019-H1")
    assert [(pm.period, pm.base, pm.relative) for pm in ms] == [(None, True, "yoy")]


def test_a_full_date_is_no_period() -> None:
    assert find_periods("LIMA, Oct. 3, 2018. Trade rose.") == []
    assert reference_date("LIMA, Oct. 3, 2018. Trade rose.", None) == date(2018, 10, 3)
    assert reference_date("Trade rose.", date(2020, 1, 2)) == date(2020, 1, 2)


def test_a_part_year_without_its_year_is_dated_by_the_publication() -> None:
    # published in May 2019: January–April is this year's; published in February, last year's
    assert _own("Exports were $1 billion in January–April.", ref_date=date(2019, 5, 9), context_year=2017,
                carried=False) == ["2019-01/2019-04"]
    assert _own("Exports were $1 billion in January–April.", ref_date=date(2019, 2, 9), context_year=2017,
                carried=False) == ["2018-01/2018-04"]
    # a part-year carried from the text before wins over the date
    assert _own("Exports were $1 billion in January–April.", ref_date=date(2019, 5, 9), context_year=2017) == [
        "2017-01/2017-04"]


def test_a_bracketed_base_level_does_not_become_the_period_of_the_text() -> None:
    t = "This is 7 percent more year on year ($2.1 billion in January–June 2020)."
    assert _own(t) == []


ARTICLE = """Gondwana's trade with Laurasia grows

ORBIS, August 2, 2021 – Gondwana's trade with Laurasia reached $3.3 billion in January–June 2021, Gondwana's \
statistics agency said.

Laurasia took first place with $3.3 billion. Exports to Laurasia were $1.1 billion.

In the previous year, trade between the two was about $6 billion.

Imports from Laurasia came to $2.2 billion.
"""


def test_the_lead_period_carries_into_later_paragraphs() -> None:
    claims = extract_claims(ARTICLE.replace("Gondwana", "Uzbekistan").replace("Laurasia", "China"))
    by_value = {c.value_usd: c for c in claims if c.value_usd}
    # the lead's period goes on in the next paragraphs, a side remark about the previous year does not
    assert by_value[1.1e9].period == "2021-H1" and by_value[2.2e9].period == "2021-H1"
    assert by_value[6e9].period == "2020"
    assert all(c.slots["period"] >= 0.6 for c in claims if c.value_usd in (1.1e9, 2.2e9))


def test_competing_periods_in_one_clause_leave_the_period_unresolved() -> None:
    t = ("According to China's customs, trade with Kazakhstan last year amounted to $30 billion in the first "
         "four months of this year.")
    c30 = next(c for c in extract_claims(t, article_date=date(2021, 6, 1)) if c.value_usd == 30e9)
    assert "period" in c30.missing
    # a period after a conjunction opens the next clause, about its own figure (branch i16-periods): the period
    # before the figure in its clause is the figure's own
    t = ("According to China's customs, trade with Kazakhstan last year amounted to $30 billion and in the first "
         "four months of this year it came to $11 billion.")
    got = {c.value_usd: c for c in extract_claims(t, article_date=date(2021, 6, 1))}
    assert got[30e9].period == "2020" and "period" not in got[30e9].missing
    assert got[11e9].period == "2021-01/2021-04"
    # a period right after the previous figure is that figure's: no rival for the next one
    t = ("According to China's customs, Kazakh exports to China rose from $1 billion in 2018 to $2.5 billion in "
         "2019.")
    got = {c.value_usd: c for c in extract_claims(t)}
    assert got[2.5e9].period == "2019" and not got[2.5e9].missing


def test_for_the_full_year_takes_the_year_named_before_it() -> None:
    ms = find_periods("$1.8 billion in January–November 2020 and $2.1 billion for the full year", context_year=2022)
    assert [pm.period for pm in ms] == ["2020-01/2020-11", "2020"]


def test_a_level_followed_by_a_year_on_year_base_is_the_base_periods_level() -> None:
    t = ("According to Mongolia's statistics office, exports to China were $2.1 billion in January–March 2022, "
         "against $1.7 billion in the same period of the previous year.")
    got = {c.value_usd: c.period for c in extract_claims(t)}
    assert got == {2.1e9: "2022-Q1", 1.7e9: "2021-Q1"}
    t = ("According to Mongolia's statistics office, exports to China were $2.1 billion in January–March 2022, "
         "up from $1.7 billion a year earlier.")
    assert {c.value_usd: c.period for c in extract_claims(t)} == {2.1e9: "2022-Q1", 1.7e9: "2021-Q1"}
    # a change "over 2021" is not the 2021 level
    t = ("According to Mongolia's statistics office, trade with China reached $13.1 billion in 2022, an increase of "
         "$2.3 billion over 2021.")
    change = next(c for c in extract_claims(t) if c.change_usd)
    assert change.period == "2022" and change.growth_base == "2021"


def test_a_month_year_dateline_is_no_period() -> None:
    t = ("BISHKEK, May 2023 – Kyrgyzstan's National Statistical Committee said trade with China reached $3.4 billion "
         "last year.")
    (c,) = extract_claims(t)
    assert c.period == "2022" and not c.missing


def test_the_same_period_of_a_year_is_those_months_of_it_and_never_flaggable() -> None:
    t = ("According to Mongolia's statistics office, exports to China were $2.1 billion in January–March 2022, "
         "against $1.7 billion in the same period of 2021.")
    got = {c.value_usd: c for c in extract_claims(t)}
    assert got[1.7e9].period == "2021-Q1" and got[2.1e9].period == "2022-Q1"
    # a period derived from a comparison phrase is enough to show the figure, not to flag it
    assert not got[1.7e9].flaggable and got[2.1e9].flaggable


def test_the_month_may_is_no_modal_verb() -> None:
    t = "In May 2023, Kyrgyz exports to China reached $50 million, Kyrgyzstan's National Statistical Committee said."
    assert [(c.value_usd, c.period) for c in extract_claims(t)] == [(5e7, "2023-05")]
    # "may reach" is a forecast, no claim
    assert extract_claims("Kyrgyzstan's National Statistical Committee said exports to China may reach $90 million "
                          "this year.") == []


def test_a_month_and_year_dateline_dates_the_article() -> None:
    t = "A headline\n\nORBIS, July 2025 – In January–May trade came to $5 billion."
    assert reference_date(t, None) == date(2025, 7, 1)
    # a month and year in running text is a period, not a dateline
    assert reference_date("In July 2025 trade rose.", None) is None
