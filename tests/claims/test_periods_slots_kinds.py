"""Period slots of four shapes (issue 16, session 17): a span of several years ("From 2021 to 2024 ... from $A to
$B"; "since ... in 2013"), a year compared with ("in comparison with 2017") beside the year a reported clause opens
with, a part of the year said before it ("this year: in the first quarter"), and "the previous month". Every sentence
here is invented for the test; its numbers are made up."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.claim import RESOLVED
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _claims(text: str, when: date | None = None) -> dict[str, tuple[str | None, bool, str | None]]:
    """figure text -> (period, period resolved, growth base)"""
    return {c.text: (c.period, c.slots.get("period", 0.0) >= RESOLVED, c.growth_base)
            for c in extract_claims(text, article_date=when)}


# ---- (a) a span of several years ------------------------------------------------------------------------------------

def test_a_span_of_several_years_is_one_mention_with_no_year_of_its_own() -> None:
    got = [(pm.text, pm.period, pm.relative) for pm in find_periods("From 2016 to 2020 exports doubled; over 2011–2019 "
                                                                    "they fell; for 2012-2015 they rose.")]
    assert got == [("From 2016 to 2020", None, "years"), ("2011–2019", None, "years"), ("2012-2015", None, "years")]
    # two consecutive years are no span: the usual readings (a base year and the year after; a split year)
    assert [(pm.period, pm.base) for pm in find_periods("From 2019 to 2020 exports fell.")] == [("2019", True),
                                                                                               ("2020", False)]
    assert find_periods("It peaked in 2019-2020.")[0].relative == "span"


def test_the_levels_of_a_change_over_a_span_of_years_are_its_first_and_last_years() -> None:
    text = ("From 2016 to 2020, Mongolia's imports from China rose from $1.1 billion to $1.9 billion, an increase of "
            "73%; in the first half of 2021 they grew another 12% to $1.2 billion.")
    got = _claims(text, date(2021, 9, 1))
    assert got["$1.1 billion"][:2] == ("2016", True)
    assert got["$1.9 billion"][:2] == ("2020", True)
    # the rate over four years is no claim (not one year's growth); the next clause's rate is its own period's,
    # compared with the same half a year before, never with a level of the other clause
    assert "73%" not in got and all(c.growth_pct != 73.0 for c in extract_claims(text, article_date=date(2021, 9, 1)))
    assert got["$1.2 billion"] == ("2021-H1", True, "2020-H1")


def test_a_figure_over_a_span_of_years_has_no_period() -> None:
    got = _claims("Over 2011–2019 Mongolia's deficit with China added up to $9.4 billion.", date(2020, 3, 1))
    assert got["$9.4 billion"][1] is False
    # a growth stated over the span is no claim
    text = "For 2012-2016 Mongolia's trade with China increased 1.5 times."
    assert all(c.kind != "growth" for c in extract_claims(text, article_date=date(2017, 3, 1)))


def test_a_span_of_years_aside_or_in_the_next_clause_dates_no_figure() -> None:
    # the clause's own year before the figure: the span is an aside
    text = "In 2022, Mongolia's trade with China, which grew over 2015–2021, reached $12.1 billion and rose 10 percent."
    (c,) = extract_claims(text, article_date=date(2023, 2, 1))
    assert (c.period, c.value_usd, c.growth_pct, c.growth_base) == ("2022", 12.1e9, 10.0, "2021")
    # a span after a conjunction is the next clause's
    got = _claims("Mongolia's exports to China reached $9.3 billion in 2022, and from 2015 to 2021 they doubled.",
                  date(2023, 2, 1))
    assert got["$9.3 billion"][:2] == ("2022", True)
    # a span right after a rate is the rate's: several years' growth, no claim
    text = "Mongolia's trade with China rose 85 percent from 2016 to 2021, customs data show."
    assert all(c.kind != "growth" for c in extract_claims(text, article_date=date(2022, 2, 1)))


def test_a_year_inside_a_since_clause_starts_a_span_and_a_level_noun_names_its_own_year() -> None:
    s = ("Trade between the two countries has tripled in the nine years since the corridor was opened in 2014, "
         "and the 2022 total, $6.6 billion, was a record.")
    assert [(pm.period, pm.base, pm.relative) for pm in find_periods(s)] == [("2014", True, "since"),
                                                                             ("2022", False, None)]
    got = _claims("Mongolia's customs office gave the figures. " + s, date(2023, 2, 1))
    assert got["$6.6 billion"][:2] == ("2022", True)
    # a level noun the figure is compared with stays a base: "three times the 2014 figure"
    assert find_periods("Exports reached three times the 2014 figure.")[0].base is True
    assert find_periods("Exports reached double the 2014 level.")[0].base is True


# ---- (b) a year compared with, beside the year a reported clause opens with ------------------------------------------

def test_in_comparison_with_a_year_is_a_base() -> None:
    assert [(pm.period, pm.base) for pm in find_periods("Exports fell 12 percent in comparison with 2019.")] == [
        ("2019", True)]


def test_the_year_a_reported_clause_opens_with_dates_the_clauses_after_it() -> None:
    text = ("Earlier Mongolia's National Statistics Office reported that in 2020 the import from China made $1.6 "
            "billion, having decreased by 9 percent, while the export to China made $5.2 billion and increased by "
            "4 percent in comparison with 2019.")
    got = _claims(text, date(2021, 2, 1))
    assert got["$1.6 billion"] == ("2020", True, "2019")
    assert got["$5.2 billion"] == ("2020", True, "2019")


# ---- (c) a part of the year said before it ---------------------------------------------------------------------------

def test_a_part_of_the_year_said_before_it_is_the_period_of_a_figure_referring_back() -> None:
    text = ("Last year Mongolia's trade with China reached $12.1 billion, according to Mongolian customs.\n\n"
            "The trend held this year: in the first quarter the same figure rose 17 percent year on year.")
    got = _claims(text, date(2022, 5, 20))
    assert got["$12.1 billion"][:2] == ("2021", True)
    assert got["17 percent"] == ("2022-Q1", True, "2021-Q1")


def test_a_part_of_the_year_after_the_figure_narrows_the_year_before_it() -> None:
    text = ("Mongolia's trade with China reached $12.1 billion last year, according to Mongolian customs. This year "
            "Mongolia's exports to China rose 17 percent in the first quarter.")
    got = _claims(text, date(2022, 5, 20))
    assert got["17 percent"][:2] == ("2022-Q1", True)


# ---- (d) the previous month ------------------------------------------------------------------------------------------

def test_the_previous_month_is_the_month_before_the_one_named() -> None:
    got = [(pm.text, pm.period) for pm in find_periods("Exports fell in March, after 9% growth the previous month.",
                                                       ref_date=date(2023, 4, 20), ref_year=2023)]
    assert got == [("in March", "2023-03"), ("the previous month", "2023-02")]
    # January: the December before
    got = [pm.period for pm in find_periods("Exports fell in January 2023, after a rise a month earlier.")]
    assert got == ["2023-01", "2022-12"]
    # after a year, which month is not said: no calendar period
    pm = find_periods("Exports rose in 2022, and fell the month before.")[1]
    assert (pm.period, pm.relative) == (None, "span")


def test_a_rate_of_the_previous_month_takes_that_month() -> None:
    text = ("China's exports to Mongolia fell in March, after 9% growth the previous month, Chinese customs data "
            "showed.")
    got = _claims(text, date(2023, 4, 20))
    assert got["9%"] == ("2023-02", True, "2022-02")
    # a rate noun with its month named: the month is the rate's, though the clause's verb is another month's
    got = _claims("China's exports to Mongolia fell in March, after a 9% rise in February, Chinese customs data "
                  "showed.", date(2023, 4, 20))
    assert got["9%"][:2] == ("2023-02", True)


# ---- a compared amount "last year" after a part of a year -------------------------------------------------------------

def test_an_amount_compared_last_year_after_a_part_of_a_year_is_those_months_a_year_before() -> None:
    s = "Imports from China were $612 million against $700 million last year."
    pm = find_periods(s, ref_year=2021, context_year=2021, context_period="2020-07/2021-02")[0]
    assert (pm.period, pm.relative, pm.confidence < 0.6) == ("2019-07/2020-02", "year", True)
    # after a whole year in context, "last year" keeps its reading by the article's year
    pm = find_periods(s, ref_year=2021, context_year=2020, context_period="2020")[0]
    assert pm.period == "2020"
    # heading its own clause it is no compared amount's
    pm = find_periods("Last year imports were $700 million.", ref_year=2021, context_period="2020-07/2021-02")[0]
    assert pm.period == "2020"
