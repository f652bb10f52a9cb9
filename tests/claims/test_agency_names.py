"""Agencies whose proper name alone tells their country among the article's two (:mod:`mirrortrade.claims.agency_names`).
Figures: Uzbekistan's Statistics Agency for January–April 2023 as relayed by Trend and Kazinform (turnover with
Kazakhstan $1.5 billion, +7%; Uzbek exports $426.8 million); Kyrgyzstan's National Statistical Committee for 2023 as
relayed by Trend (turnover with Kazakhstan $1.317 billion)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.agency_names import name_country
from mirrortrade.claims.extract import extract_claims


def test_a_name_one_country_of_the_pair_has() -> None:
    assert name_country("the Statistics Agency", ("UZB", "KAZ")) == "UZB"
    assert name_country("the National Statistical Committee", ("KGZ", "KAZ")) == "KGZ"
    assert name_country("the General Department of Customs", ("VNM", "CHN")) == "VNM"
    assert name_country("the Federal Customs Service", ("UZB", "RUS")) == "RUS"


def test_a_name_both_or_neither_have_tells_nothing() -> None:
    assert name_country("the State Committee on Statistics", ("UZB", "TKM")) is None  # both have had one
    assert name_country("the Statistics Agency", ("KGZ", "KAZ")) is None  # neither
    assert name_country("the statistics agency", ("UZB", "RUS")) is None  # a description, no proper name


def test_an_astana_dispatch_quoting_tashkents_agency() -> None:
    text = ("ASTANA, May 22, 2023. Trade between Uzbekistan and Kazakhstan rose 7 percent year on year to $1.5 billion "
            "in January-April 2023, the Statistics Agency reported. Uzbek exports to Kazakhstan amounted to $426.8 "
            "million.")
    got = [(c.reporter, c.partner, c.flow) for c in extract_claims(text) if c.value_usd is not None]
    assert got == [("UZB", "KAZ", "T"), ("UZB", "KAZ", "X")]  # not Kazakhstan's, as the dateline would have it


def test_the_name_stands_beside_the_sentences_own_reading() -> None:
    text = ("Turnover between Kyrgyzstan and Kazakhstan reached $1.317 billion in 2023, the National Statistical "
            "Committee reported.")
    (c,) = [c for c in extract_claims(text, article_date=date(2024, 5, 24)) if c.value_usd is not None]
    assert (c.reporter, c.partner) == ("KGZ", "KAZ")
