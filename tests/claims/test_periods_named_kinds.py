"""Period kinds read wrong before session 19 (issue 16): "in May" after a preposition (never the verb "may"), "the
three quarters of 2023" without "first", "the year through September" (the year to date or the twelve months to it),
"over the period" (the period just named), "the last year before ..." (a year described, not last year), a compared
figure dated by "of" ("the $366.5 million of January-April 2022"), and "N percent smaller than a year before".

The sentences are ours; the numbers are real: China's customs monthly trade with the US, January-May 2009 (Reuters
table of 2009-06-11), China-Russia and China-US trade in January-September 2023 (GACC, as Sputnik reported on
2023-10-13), China-Russia trade in 2021 ($146.88 billion, GACC) and Uzbekistan's trade with Kazakhstan in
January-April 2023 (Uzbekistan's Statistics Agency, as Kazinform relayed on 2023-05-22)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.claim import FLAGGABLE, Claim
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _by_text(text: str, day: date | None = None) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text, article_date=day)}


def test_in_may_after_a_preposition_is_the_month_not_the_verb() -> None:
    t = ("According to Chinese customs, China's shipments to the United States were $17.2 billion in April, down 15.7 "
         "percent, and in May they were $16.7 billion, down 16.9 percent.")
    cs = _by_text(t, date(2009, 6, 11))
    assert cs["$17.2 billion"].period == "2009-04"
    assert cs["$16.7 billion"].period == "2009-05"
    assert (cs["$16.7 billion"].reporter, cs["$16.7 billion"].partner, cs["$16.7 billion"].flow) == ("CHN", "USA", "X")
    # the verb stays a verb: "may" in lower case names no month
    assert find_periods("Exports may rise to $20 billion.", ref_year=2009) == []


def test_the_three_quarters_of_a_year_are_january_to_september() -> None:
    t = ("China's General Administration of Customs said its trade with Russia reached $176.4 billion in the three "
         "quarters of 2023, up 29.5 percent.")
    c = _by_text(t)["$176.4 billion"]
    assert (c.reporter, c.partner, c.flow, c.period, c.growth_pct) == ("CHN", "RUS", "T", "2023-01/2023-09", 29.5)
    # a fraction of a year's total is no period
    assert [p.period for p in find_periods("Russia took three quarters of 2023's total.", ref_year=2023)] == ["2023"]
    # "in the three quarters": the quarters of the year in context
    pm = find_periods("Imports rose 12.7 percent in the three quarters.", ref_year=2023, context_year=2023)
    assert [p.period for p in pm] == ["2023-01/2023-09"]


def test_the_year_through_a_month_is_unsaid_unless_the_article_states_those_months() -> None:
    alone = ("According to China's customs, trade with the United States fell 14 percent to $495.9 billion in the year "
             "through September 2023.")
    c = _by_text(alone)["$495.9 billion"]
    assert c.period is None and "period" in c.missing  # January-September or October-September: not said
    stated = ("According to China's customs, trade with Russia rose 29.5 percent to $176.4 billion in January-September "
              "2023. In the year through September 2023, trade with the United States fell 14 percent to $495.9 "
              "billion.")
    c = _by_text(stated)["$495.9 billion"]
    assert (c.partner, c.period, c.growth_pct) == ("USA", "2023-01/2023-09", -14.0)
    assert c.slots["period"] >= FLAGGABLE
    # the twelve months named as such stay the twelve months
    pm = find_periods("in the 12 months through September 2023", ref_year=2023)
    assert [p.period for p in pm] == ["2022-10/2023-09"]


def test_over_the_period_is_the_period_just_named() -> None:
    t = ("China-Russia trade\n\n"
         "China's customs said trade with Russia grew 29.5 percent to $176.4 billion in January-September 2023.\n\n"
         "Over the period, China's imports from Russia rose 12.7 percent to $94.9 billion.\n")
    c = _by_text(t)["$94.9 billion"]
    assert (c.reporter, c.partner, c.flow, c.period) == ("CHN", "RUS", "M", "2023-01/2023-09")
    assert c.slots["period"] >= FLAGGABLE
    # "the period" that opens a span of its own is no reference back
    pm = find_periods("over the period 2019-2023", ref_year=2023, context_period="2023-01/2023-09")
    assert all(p.relative != "context" for p in pm)


def test_the_last_year_before_an_event_is_a_year_described_not_last_year() -> None:
    t = ("China's customs put trade with Russia at $176.4 billion in January-September 2023. In 2021, the last year "
         "before the war, it was $146.88 billion.")
    c = _by_text(t, date(2023, 10, 13))["$146.88 billion"]
    assert c.period == "2021"
    pm = find_periods("the last year before the pandemic", ref_year=2023)
    assert pm == []
    assert [p.period for p in find_periods("Trade grew last year.", ref_year=2023)] == ["2022"]


def test_a_compared_figure_dated_with_of_is_a_base_and_not_carried() -> None:
    t = ("TASHKENT, May 22, 2023 - Uzbekistan's Statistics Agency said trade with Kazakhstan reached $1.5 billion in "
         "January-April 2023. Exports to Kazakhstan were $426.8 million, 16.4 percent above the $366.5 million of "
         "January-April 2022. Imports from Kazakhstan came to $1.08 billion.")
    cs = _by_text(t, date(2023, 5, 22))
    assert cs["$426.8 million"].period == "2023-01/2023-04"
    assert cs["$366.5 million"].period == "2022-01/2022-04"
    # the next sentence goes on about the lead's months, not the base's
    assert cs["$1.08 billion"].period == "2023-01/2023-04"


def test_a_rate_smaller_than_a_year_before_is_a_fall() -> None:
    t = ("According to Chinese customs, China's exports to the United States were 16.9 percent smaller than a year "
         "before in May 2009, at $16.7 billion.")
    c = _by_text(t)["$16.7 billion"]
    assert (c.period, c.growth_pct) == ("2009-05", -16.9)
    other = ("According to Uzbekistan's Statistics Agency, trade with Kazakhstan was $1.5 billion in January-April "
             "2023, 30 percent smaller than Kazakhstan's own figure.")
    assert _by_text(other)["$1.5 billion"].growth_pct is None
