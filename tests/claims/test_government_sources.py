"""Reporters named only as a government body or a diplomat (issue 16, kind 1): "the Ministry of Commerce", "the
Ministry of Industry and Trade", "the General Department of Customs" are the government's of the place the dispatch is
from; an ambassador is a source only as the speaker. Sentences written for these tests (invented figures; no store,
no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow, c.period) for c in extract_claims(text)]


def test_ministry_without_country_is_the_datelines() -> None:
    text = ("ISLAMABAD, August 21, 2023. Pakistan's trade deficit with China fell to $801 million in July 2023, "
            "the Ministry of Commerce reported.\n\n"
            "Exports to China rose to $170.2 million, while imports from China came to $971.5 million.")
    assert _rows(text) == [
        ("$801 million", "PAK", "CHN", "B", "2023-07"),
        ("$170.2 million", "PAK", "CHN", "X", "2023-07"),
        ("$971.5 million", "PAK", "CHN", "M", "2023-07"),
    ]


def test_ministry_in_a_sentence_not_naming_the_datelines_country_is_nobodys() -> None:
    # an Astana dispatch quoting "the Ministry of Commerce" about China's trade: whose ministry is not said
    text = ("ASTANA, March 3, 2024. China's exports to Russia rose to $9.1 billion in January 2024, the Ministry of "
            "Commerce said.")
    (c,) = extract_claims(text)
    assert c.source is None


def test_department_of_customs_is_the_datelines_not_the_possessive_partners() -> None:
    # "in China's favour" is no owner of the department (whose it is is not said: no source, no guess); the
    # figure after it is Vietnam's by its own subject
    text = ("HANOI, February 6, 2024. Trade with China grew at the start of the year, with the balance in China's "
            "favour, the General Department of Customs reported. Vietnam shipped $4.1 billion of goods to China in "
            "January.")
    assert _rows(text) == [("$4.1 billion", "VNM", "CHN", "X", "2024-01")]


def test_ambassador_is_a_source_as_the_speaker() -> None:
    text = ("ASHGABAT, January 9, 2017. The Chinese ambassador Li Ming told a local newspaper that trade between "
            "Turkmenistan and China reached $4.9 billion in January–November 2016.")
    assert _rows(text) == [("$4.9 billion", "CHN", "TKM", "T", "2016-01/2016-11")]


def test_ambassador_met_is_no_source() -> None:
    text = ("ASTANA, September 1, 2023. Trade between Kazakhstan and China grew 20 percent to $13.2 billion in the "
            "first half of 2023, Prime Minister Ivan Petrov said at a meeting with Chinese Ambassador Li Ming.")
    (c,) = extract_claims(text)
    assert c.source is None  # no statistics named: the diplomat met is not one (the reporter stays a guess)
    assert c.slots["reporter"] < 1.0


def test_a_year_earlier_after_a_fiscal_year_is_the_fiscal_year_before() -> None:
    # Pakistan's fiscal year runs July-June (claims/fiscal.py): "a year earlier" after fiscal 2022-23 is fiscal
    # 2021-22, never the calendar year before the dispatch; the figures after it keep the fiscal year
    text = ("ISLAMABAD, July 24, 2023. Trade between Pakistan and China fell 30 percent in fiscal year 2022-23, "
            "the Ministry of Commerce said. Provisional data put it at $13.5 billion, against $19.3 billion a year "
            "earlier.\n\n"
            "Pakistan's exports to China declined to $2.5 billion.")
    periods = [c.period for c in extract_claims(text) if c.kind == "level"]
    assert periods == ["2022-07/2023-06", "2021-07/2022-06", "2022-07/2023-06"]


def test_a_product_that_tops_a_flow_is_no_trade_claim_a_country_is() -> None:
    text = ("HANOI, May 12, 2009. Trade between Vietnam and China reached $5.1 billion in January-April 2009, the "
            "Ministry of Industry and Trade said. Machinery topped the import list at $1.2 billion, while minerals "
            "led exports at $480 million.")
    assert [c.text for c in extract_claims(text)] == ["$5.1 billion"]


def test_a_central_bank_is_a_source_of_its_own() -> None:
    # a central bank's trade figures are its own publication (balance-of-payments basis), not the statistics office's
    text = ("ISLAMABAD, July 20, 2022. Imports from China rose to $1.1 billion in June 2022, according to the State "
            "Bank of Pakistan.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.flow, c.source) == ("PAK", "CHN", "M", "PK-CB")
    text = "MOSCOW, May 5, 2023. Russia's exports to China reached $9 billion in March 2023, the Central Bank of Russia said."
    (c,) = extract_claims(text)
    assert (c.reporter, c.source) == ("RUS", "RU-CB")
