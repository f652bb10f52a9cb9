"""Periods across sentences and paragraphs (issue 16): which period mention governs the figures after it. A period
that only dates a comparison base is a look back, never the period the text goes on about. Every sentence here is
invented for the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.own_periods import own_periods
from mirrortrade.claims.periods import find_periods


def _read(sentence: str, context: str | None) -> list[tuple[str | None, bool]]:
    ms = own_periods(find_periods(sentence, context_period=context), sentence, sentence, True, context)
    return [(pm.period, pm.base) for pm in ms]


def _bases(text: str, **kw: object) -> list[tuple[str | None, bool]]:
    return [(pm.period, pm.base) for pm in find_periods(text, **kw)]  # type: ignore[arg-type]


def test_the_period_of_an_amount_after_than_the_is_a_base() -> None:
    assert _bases("Shipments were 15 percent lower than the $2.4 billion registered during 2016.") == [("2016", True)]
    assert _bases("Turnover ended 9% above than the 810 million dollars seen in 2011.") == [("2011", True)]
    # a bound is no comparison: "more than $5 billion in 2023" is the figure's own year
    assert _bases("Exports came to more than $5 billion in 2023.") == [("2023", False)]
    # a rate compared with a rate: its period is that rate's own, no base of the amount
    assert _bases("Growth was faster than the 3.1 percent recorded in 2019.") == [("2019", False)]


def test_a_base_year_is_not_carried_to_the_next_paragraph() -> None:
    text = ("Armenia's trade with Iran rose to $720 million last year, Armenia's Statistical Committee said.\n\n"
            "Turnover was 8 percent more than the $667 million reported in 2019. Armenian exports to Iran came to "
            "$110 million.\n\n"
            "Imports from Iran reached $610 million.")
    got = {c.text: c.period for c in extract_claims(text, article_date=date(2021, 3, 1))}
    assert got["$720 million"] == "2020"
    assert got["$667 million"] == "2019"
    assert got["8 percent"] == "2020"
    assert got["$110 million"] == "2020"
    assert got["$610 million"] == "2020"


def test_a_base_year_after_than_in_the_lead_paragraph() -> None:
    text = ("Chile's exports to Peru grew 14 percent in 2015 to 2.9 billion dollars, customs data show. The total was "
            "higher than the 2.5 billion dollars booked for 2014, and imports from Peru reached 1.4 billion dollars.\n\n"
            "Copper led the shipments.\n\n"
            "Chile's imports of Peruvian fuel fell.")
    claims = extract_claims(text)
    got = {c.text: c.period for c in claims}
    assert got["2.9 billion dollars"] == "2015"
    assert got["2.5 billion dollars"] == "2014"
    assert got["1.4 billion dollars"] == "2015"


def test_the_same_span_last_year_heading_a_clause_is_its_figures_period() -> None:
    text = ("Georgia's exports to Turkey reached $410 million in January-March 2019, according to Geostat.\n\n"
            "In the same period last year, exports to Turkey stood at $380 million.\n\n"
            "Imports from Turkey came to $520 million.")
    got = {c.text: c.period for c in extract_claims(text, article_date=date(2019, 4, 20))}
    assert got["$380 million"] == "2018-Q1"
    # a look back: the paragraphs after it go on about the period in context
    assert got["$520 million"] == "2019-Q1"
    assert _read("Sales were $3 billion; during the corresponding months of last year, they were 2 billion dollars.",
                 "2016-01/2016-05") == [("2015-01/2015-05", False)]
    # with no period in context, the span a year before is not said
    assert _read("In the same period last year, sales were $2 billion.", None) == [(None, False)]


def test_the_same_span_last_year_after_a_figure_is_its_base() -> None:
    text = ("Kenya's imports from India were $1.9 billion in the first half of 2022, the statistics bureau said, "
            "compared with $1.6 billion in the same period last year.")
    got = {c.text: c.period for c in extract_claims(text, article_date=date(2022, 8, 30))}
    assert got["$1.9 billion"] == "2022-H1"
    assert got["$1.6 billion"] == "2021-H1"
    assert all(base for _, base in _read("Exports rose, up 7 percent on the same period last year.", "2020-Q3"))
    assert all(base for _, base in _read("Exports rose 7 percent over the same period last year.", "2020-Q3"))
