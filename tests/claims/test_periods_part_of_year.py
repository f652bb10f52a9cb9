"""A relative mention of the whole current year ("this year", "the current fiscal year", "this fiscal", "so far this
year", "year to date") in a text about a part of that year counted from its start means that part: the span the
sentence named before it, else the span in context, read at a confidence below what flags a figure (never the full
year, which would check a correct figure against a twelve-month statistic). About another part of that year (one
month), or "so far" with no span to go by: no calendar period. A month range "of"/"in" a fiscal year is one mention,
those months of that fiscal year. Every sentence here is invented for the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods
from mirrortrade.claims.relative_periods import PART_FROM_CONTEXT, PART_PINNED


def _read(text: str, **kw: object) -> list[tuple[str, str | None, float]]:
    return [(pm.text, pm.period, pm.confidence) for pm in find_periods(text, **kw)  # type: ignore[arg-type]
            if not pm.base]


def test_the_current_fiscal_year_after_its_months_to_date_is_those_months_read_with_doubt() -> None:
    got = _read("Egypt's deficit with Turkey widened to $1.9 billion in the current fiscal year.", fiscal_start=7,
                ref_date=date(2023, 5, 20), context_period="2022-07/2023-02")
    assert got == [("the current fiscal year", "2022-07/2023-02", PART_FROM_CONTEXT)]
    assert 0.5 <= PART_FROM_CONTEXT < 0.6
    # an Indian (April–March) year, "this fiscal" as a noun
    got = _read("Shipments to Japan this fiscal stood at $4.4 billion.", fiscal_start=4, ref_date=date(2021, 1, 9),
                context_period="2020-04/2020-11")
    assert got == [("this fiscal", "2020-04/2020-11", PART_FROM_CONTEXT)]


def test_the_current_year_after_another_part_of_it_is_left_without_a_period() -> None:
    # one month of the fiscal year in context: which months "the current fiscal year" covers is not said
    got = _read("Egypt's deficit with Turkey widened to $1.9 billion in the current fiscal year.", fiscal_start=7,
                ref_date=date(2023, 5, 20), context_period="2023-02")
    assert got == [("the current fiscal year", None, 1.0)]
    got = _read("Ruritania's exports this year came to $640 million.", ref_year=2019, context_year=2019,
                context_period="2019-Q2")
    assert got == [("this year", None, 1.0)]


def test_the_current_year_without_a_part_in_context_stays_the_whole_year() -> None:
    assert _read("Egypt's deficit with Turkey widened to $1.9 billion in the current fiscal year.", fiscal_start=7,
                 ref_date=date(2023, 5, 20)) == [("the current fiscal year", "2022-07/2023-06", 1.0)]
    # a part of another year in context: "this year" is still the article's year
    assert _read("Ruritania's exports this year came to $640 million.", ref_year=2019, context_year=2018,
                 context_period="2018-01/2018-10") == [("this year", "2019", 1.0)]


def test_this_year_and_year_to_date_after_a_calendar_span_to_date() -> None:
    assert _read("Ruritania's exports this year came to $640 million.", ref_year=2019, context_year=2019,
                 context_period="2019-01/2019-05") == [("this year", "2019-01/2019-05", PART_FROM_CONTEXT)]
    assert _read("Year-to-date imports reached 3.1 billion euros.", ref_year=2016, context_year=2016,
                 context_period="2016-H1") == [("Year-to-date", "2016-H1", PART_FROM_CONTEXT)]
    # "so far", with no span to go by: a part of the year, which one is not said (never the whole year)
    assert _read("Imports so far this year total $2 billion.", ref_year=2016) == [("this year", None, 1.0)]
    assert _read("Imports this year so far total $2 billion.", ref_year=2016) == [("this year", None, 1.0)]


def test_a_span_the_sentence_named_before_pins_the_current_year() -> None:
    got = _read("Sales to Chile came to $310 million in January-July 2022, and purchases from Chile this year to "
                "$95 million.", ref_year=2022)
    assert got == [("January-July 2022", "2022-01/2022-07", 1.0), ("this year", "2022-01/2022-07", PART_PINNED)]
    assert PART_PINNED >= 0.6


def test_a_month_range_of_a_fiscal_year_is_one_mention() -> None:
    assert _read("Jute exports in October-December of fiscal year 2021-22 rose.", fiscal_start=7) == [
        ("October-December of fiscal year 2021-22", "2021-Q4", 1.0)]
    assert _read("Tea sales in January–March of FY2023 fell.", fiscal_start=7) == [
        ("January–March of FY2023", "2023-Q1", 1.0)]
    assert _read("Rice exports in April-June in fiscal 2020 climbed.", fiscal_start=4) == [
        ("April-June in fiscal 2020", "2019-Q2", 1.0)]
    # months that do not lie in order inside that fiscal year, or an unknown fiscal calendar: no period
    assert _read("Tea sales in March-August of fiscal year 2021-22 fell.", fiscal_start=7) == [
        ("March-August of fiscal year 2021-22", None, 1.0)]
    assert _read("Tea sales in October-December of fiscal year 2021-22 fell.") == [
        ("October-December of fiscal year 2021-22", None, 1.0)]


def test_a_figure_dated_by_the_current_fiscal_year_after_its_months_is_shown_never_flaggable() -> None:
    t = ("Bangladesh's imports from China came to $8.1 billion in the first nine months (July-March) of the current "
         "fiscal year 2021-22, Bangladesh Bank said.\n\n"
         "Exports to China were $1.4 billion over the same months. Bangladesh's trade deficit with China thus stood "
         "at $6.7 billion in the current fiscal year.")
    got = {c.value_usd: c for c in extract_claims(t, article_date=date(2022, 5, 2)) if c.value_usd}
    deficit = got[-6.7e9]
    assert deficit.period == "2021-07/2022-03"
    assert 0.5 <= deficit.slots["period"] < 0.6
    assert got[8.1e9].period == "2021-07/2022-03" and got[8.1e9].slots["period"] == 1.0
