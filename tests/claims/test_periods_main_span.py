"""The period carried between paragraphs (issue 16): an article has a main span (its lead's); a paragraph that opens
with a part of it (one month of the months to date, one quarter of the year) is a side look, and the paragraphs after
it go back to the main span, never surely enough to flag. Every text here is invented for the test."""

from __future__ import annotations

from mirrortrade.claims.claim import FLAGGABLE, RESOLVED, Claim
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _by_text(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def _main_span_not_flaggable(c: Claim, period: str) -> None:
    """The main span is the guess kept, but nothing says the part has ended: the claim is unresolved (period?)."""
    assert c.period == period
    assert c.slots["period"] < RESOLVED < FLAGGABLE
    assert "period" in c.missing


def test_a_month_paragraph_under_a_months_to_date_lead_is_a_side_look() -> None:
    t = ("Mongolia and Russia trade up\n\n"
         "ULAANBAATAR, August 20, 2021 - Trade between Mongolia and Russia reached $1.1 billion in January-July 2021, "
         "up 30 percent year on year, Mongolian customs said.\n\n"
         "In July 2021 alone trade came to $180 million, against $150 million in July 2020.\n\n"
         "Mongolian exports to Russia were $60 million, while imports from Russia were $1.04 billion.\n")
    cs = _by_text(t)
    assert cs["$180 million"].period == "2021-07"
    assert cs["$150 million"].period == "2020-07"
    _main_span_not_flaggable(cs["$60 million"], "2021-01/2021-07")
    _main_span_not_flaggable(cs["$1.04 billion"], "2021-01/2021-07")


def test_a_quarter_paragraph_under_a_year_lead_then_a_paragraph_without_period() -> None:
    t = ("Chile-Peru trade\n\n"
         "SANTIAGO, February 3, 2023 - Chile's trade with Peru totalled $4.2 billion in 2022, the central bank said.\n\n"
         "Trade in the fourth quarter of 2022 was $1.3 billion, up from $1.1 billion a year earlier. It was the "
         "strongest quarter on record.\n\n"
         "Imports from Peru stood at $2.6 billion.\n")
    cs = _by_text(t)
    assert cs["$1.3 billion"].period == "2022-Q4"
    _main_span_not_flaggable(cs["$2.6 billion"], "2022")


def test_the_side_paragraph_itself_goes_on_about_its_part() -> None:
    t = ("Armenia and Iran trade grows\n\n"
         "YEREVAN, October 5, 2022 - Armenia's trade with Iran reached $510 million in the first nine months of "
         "2022, the Statistical Committee of Armenia said.\n\n"
         "In September 2022 trade stood at $70 million. Armenian exports to Iran came to $22 million.\n\n"
         "Over the period, Armenian imports from Iran came to $390 million.\n")
    cs = _by_text(t)
    # the same paragraph: the nearest preceding claim period, as before
    assert cs["$22 million"].period == "2022-09"
    assert cs["$22 million"].slots["period"] >= FLAGGABLE
    _main_span_not_flaggable(cs["$390 million"], "2022-01/2022-09")


def test_a_comparison_after_a_month_paragraph_is_the_main_span_a_year_before() -> None:
    t = ("Georgia's trade with Turkey\n\n"
         "TBILISI, July 14, 2019 - Georgia's trade with Turkey was $830 million in the first half of 2019, Geostat "
         "said.\n\n"
         "In June 2019 trade with Turkey stood at $160 million.\n\n"
         "Exports to Turkey came to $95 million against $88 million a year earlier.\n")
    cs = _by_text(t)
    assert cs["$95 million"].period == "2019-H1"
    assert cs["$88 million"].period == "2018-H1"


def test_a_paragraph_on_a_span_outside_the_main_one_still_carries() -> None:
    # a later span is no part of the lead's: the paragraphs after it go on about it, as before
    t = ("Egypt-Jordan trade\n\n"
         "AMMAN, May 2, 2024 - Jordan's trade with Egypt reached $700 million in 2023, the Department of Statistics "
         "said.\n\n"
         "In January-March 2024 trade with Egypt rose to $210 million.\n\n"
         "Exports to Egypt were $40 million.\n")
    c = _by_text(t)["$40 million"]
    assert c.period == "2024-Q1"
    assert c.slots["period"] >= FLAGGABLE


def test_a_headline_year_is_no_main_span() -> None:
    # the headline names the year; the lead's part of it is the main span, carried as before
    t = ("Belarus-Poland trade in 2018\n\n"
         "MINSK, June 2, 2018 - Belarus's trade with Poland amounted to $950 million in January-April 2018, Belstat "
         "said.\n\n"
         "Exports to Poland were $410 million.\n")
    c = _by_text(t)["$410 million"]
    assert c.period == "2018-01/2018-04"
    assert c.slots["period"] >= FLAGGABLE


def test_the_first_months_of_a_fiscal_year_are_the_span_in_context() -> None:
    # a July-June year: "the first three months" after July-September is that span, never January-March
    ms = find_periods("Overall exports fell by 4 percent in the first three months.", context_year=2021,
                      context_period="2021-07/2021-09", carried=True, fiscal_start=7)
    assert [pm.period for pm in ms] == ["2021-Q3"]
    # a span in context of another length does not say which months are meant
    ms = find_periods("Overall exports fell by 4 percent in the first two months.", context_year=2021,
                      context_period="2021-07/2021-09", carried=True, fiscal_start=7)
    assert [pm.period for pm in ms] == [None]


def test_a_month_paragraph_in_a_fiscal_article_then_the_first_months() -> None:
    t = ("Bangladesh's exports to India rise\n\n"
         "DHAKA: Bangladesh's exports to India rose 6 percent to $410 million in July-September of the 2021-22 "
         "fiscal year (July-June), the Export Promotion Bureau said.\n\n"
         "In September 2021 exports to India were $150 million, against $120 million in September 2020.\n\n"
         "Imports from India in the first three months were $3.1 billion against $2.2 billion a year earlier.\n")
    cs = _by_text(t)
    assert cs["$3.1 billion"].period == "2021-Q3"
    assert cs["$2.2 billion"].period == "2020-Q3"


def test_a_flow_word_naming_an_institution_is_no_flow() -> None:
    assert extract_claims("The biggest lender is the Export-Import Bank of Korea, which is owed $2.3 billion.") == []
    assert extract_claims("Its debt to the Foreign Trade Bank of Laos stood at $410 million at the end of 2022.") == []
    # a flow word at the head of a sentence is still one
    (c,) = extract_claims("Exports to Peru came to $2 billion in 2021, the Export Credit Agency said.")
    assert (c.flow, c.period) == ("X", "2021")


def test_the_main_span_label_is_in_the_vocabulary() -> None:
    from mirrortrade.claims.provenance import LABELS

    t = ("Latvia-Norway trade\n\n"
         "RIGA, May 9, 2020 - Latvia's trade with Norway was $640 million in January-April 2020, the Central "
         "Statistical Bureau said.\n\n"
         "In April 2020 trade dropped to $120 million.\n\n"
         "Exports to Norway totalled $300 million.\n")
    c = _by_text(t)["$300 million"]
    assert c.how["period"] == "main-span"
    assert c.how["period"] in LABELS["period"]
