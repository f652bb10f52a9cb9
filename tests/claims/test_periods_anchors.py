"""What dates a period when the figure's own words do not (issue 16, the period slot on unseen articles):

* a date alone on the article's last line dates its relative periods as a dateline would;
* a part of a year counted from January with no year printed, after a whole year, in an undated article, is that
  year's or the next one's: not said, so the figure stays unresolved (never guessed);
* the period that dates the figure a comparison starts from ("from $0.4 billion in 1994 to ...", "compared with
  41.2% growth in 2021") is a base, never the period the text goes on about;
* "over the two months" after a span of two months is that span (a fiscal July-August, not January-February); a
  fiscal quarter written with its months in brackets is those months; a sentence whose only period looks back ("a
  year earlier") does not change the period the next sentences go on about.

Every sentence here is invented for the test; the numbers are made up for the shape."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.anchors import closing_date, dates_compared_figure
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods, infer_reference_year, reference_date, reference_year


def _by_value(text: str, article_date: date | None = None) -> dict[float, object]:
    out: dict[float, object] = {}
    for c in extract_claims(text, article_date=article_date):
        for v in (c.value_usd, c.growth_pct):
            if v is not None:
                out[round(v, 3)] = c
    return out


def _resolved_period(c: object) -> str | None:
    return None if "period" in c.missing else c.period  # type: ignore[attr-defined]


# ---- a date on the last line ---------------------------------------------------------------------------------
def test_a_date_alone_on_the_last_line_dates_the_article() -> None:
    t = ("Trade between China and Mongolia rose 12.5 percent in the first five months of this year, customs said.\n\n"
         + "More lorries now cross at the border post, and the queues of trucks are shorter than they were. " * 4
         + "\n\nOct. 4, 2017\n")  # far below the top, where a dateline would stand
    assert closing_date(t) == date(2017, 10, 4)
    assert reference_date(t, None) == date(2017, 10, 4)
    assert reference_year(t, None) == 2017
    c = _by_value(t)[12.5]
    assert _resolved_period(c) == "2017-01/2017-05"


def test_a_date_inside_the_text_is_no_closing_date() -> None:
    assert closing_date("Trade grew 3 percent.\n\nThe talks on Oct. 4, 2017 went well.") is None
    assert closing_date("Oct. 4, 2017") is None  # a text of one line: nothing it closes
    assert closing_date("Trade grew 3 percent.\n\nPublished 4 October 2017") == date(2017, 10, 4)


def test_a_full_date_is_the_year_it_was_written_not_a_year_looked_back_on() -> None:
    # a whole year of data mentioned: written the year after; a day of a year: written in that year
    assert infer_reference_year("Trade reached $3 billion in 2016.") == 2017
    assert infer_reference_year("The ministers met on March 3, 2016 in Astana.") == 2016


# ---- a part of a year with no year printed after a whole year ------------------------------------------------
def test_first_months_after_a_whole_year_in_an_undated_article_stay_unresolved() -> None:
    got = find_periods("In the first nine months, exports totaled 8.1 billion dollars.", context_year=2015,
                       context_period="2015")
    assert [(pm.period, pm.relative) for pm in got] == [(None, "span")]
    t = ("ROME, May 2 -- Trade between Italy and Kazakhstan reached 4.4 billion U.S. dollars in 2015, up 9.2 percent "
         "from a year earlier. In the first quarter, trade came to 1.3 billion dollars, up 5.5 percent.")
    got_c = _by_value(t)
    assert _resolved_period(got_c[4.4e9]) == "2015"
    assert _resolved_period(got_c[1.3e9]) is None
    assert _resolved_period(got_c[5.5]) is None


def test_first_months_after_a_whole_year_are_dated_by_the_publication_when_known() -> None:
    t = ("Trade between Italy and Kazakhstan reached 4.4 billion U.S. dollars in 2015. In the first quarter, trade "
         "came to 1.3 billion dollars.")
    assert _resolved_period(_by_value(t, date(2016, 5, 2))[1.3e9]) == "2016-Q1"


def test_first_months_after_a_part_of_a_year_keep_its_year() -> None:
    got = find_periods("From January to May, imports rose 4 percent.", context_year=2015,
                       context_period="2015-01/2015-09", carried=True)
    assert [pm.period for pm in got] == ["2015-01/2015-05"]
    # a later part of the year named without its year is no count from January: unchanged
    got = find_periods("In the fourth quarter, imports rose 4 percent.", context_year=2015, context_period="2015")
    assert [pm.period for pm in got] == ["2015-Q4"]


# ---- the period of a figure a comparison starts from ---------------------------------------------------------
def test_the_period_of_a_from_figure_is_a_base() -> None:
    got = find_periods("Trade grew from $0.4 billion in 1994 to $31.5 billion in 2019.")
    assert [(pm.text, pm.base) for pm in got] == [("1994", True), ("2019", False)]
    for before in ("exports rose 3.1%, compared with 41.2% growth in ", "a slowdown from the 17.4 percent gain recorded in ",
                   "up 4 percent against 2.6 billion dollars in "):
        assert dates_compared_figure(before, len(before))
    # a period after a plain figure, or after a "from" that names no figure, is the figure's own
    for before in ("exports rose 3.1 percent in ", "imports from Kazakhstan in ", "rose 2 percent from "):
        assert not dates_compared_figure(before, len(before))


def test_a_from_to_span_leaves_the_end_year_in_context() -> None:
    t = ("Trade between China and Georgia grew from $0.4 billion in 1994 to $31.5 billion in 2019. "
         "The trade rose 18 percent year on year.")
    got = _by_value(t)
    assert _resolved_period(got[0.4e9]) == "1994"
    assert _resolved_period(got[31.5e9]) == "2019"
    assert _resolved_period(got[18.0]) == "2019"


def test_a_rate_compared_with_another_years_rate() -> None:
    t = ("LIMA, Jan 20, 2022 - Peru's trade with China reached $38 billion in 2021. "
         "Exports to China grew 3.1% in dollar terms, compared with 41.2% growth in 2020, while imports rose 2%.")
    got = _by_value(t)
    assert _resolved_period(got[3.1]) == "2021"
    assert _resolved_period(got[2.0]) == "2021"
    assert got[41.2].period == "2020"  # type: ignore[attr-defined]


# ---- fiscal spans --------------------------------------------------------------------------------------------
def test_the_n_months_after_a_span_of_n_months_are_that_span() -> None:
    got = find_periods("Imports shrank 9 percent over the two months.", context_year=2021,
                       context_period="2021-07/2021-08", fiscal_start=7)
    assert [pm.period for pm in got] == ["2021-07/2021-08"]
    # months counted in a fiscal context that are not the span said: which ones is not said
    got = find_periods("Imports shrank 9 percent over the four months.", context_year=2021,
                       context_period="2021-07/2021-08", fiscal_start=7)
    assert [(pm.period, pm.relative) for pm in got] == [(None, "span")]


def test_a_fiscal_quarter_with_its_months_in_brackets() -> None:
    got = find_periods("in the second quarter (October–December) of fiscal year 2019-20", fiscal_start=7)
    assert [pm.period for pm in got] == ["2019-Q4"]


def test_a_look_back_does_not_move_the_period_in_context() -> None:
    t = ("KARACHI, November 2, 2021. Pakistan's trade with China rose 12.5 percent in the first quarter "
         "(July–September) of fiscal year 2021-22, the Ministry of Commerce said. Trade grew to $4.1 billion in the "
         "quarter from $3.6 billion a year earlier. Pakistan's deficit with China widened to $3.3 billion.")
    got = _by_value(t)
    assert _resolved_period(got[12.5]) == "2021-Q3"
    assert _resolved_period(got[4.1e9]) == "2021-Q3"
    assert got[3.6e9].period == "2020-Q3"  # type: ignore[attr-defined]
    assert _resolved_period(got[-3.3e9]) == "2021-Q3"
