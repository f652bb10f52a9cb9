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
