"""Whose statistics and whose share beside China (issue 16, branch i16-shares4): a government department named by a
portfolio China never publishes its trade through ("the Ministry of Industry and Trade", "the Ministry of Economy")
is, in an article about China and one other country, that other country's; and a share after a role noun whose
holder is "the country's" or a possessive country ("China remained the country's biggest supplier, accounting for
N% of its imports") is the share of the holder's trade, the role's bearer its partner. Sentences written for these
tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple[str, str, str | None, str | None, str | None, bool]]:
    return [(c.text, c.kind, c.reporter, c.partner, c.flow, c.resolved) for c in extract_claims(text)]


# ---- a ministry that is not China's --------------------------------------------------------------------------
def test_a_ministry_of_industry_beside_china_is_the_other_countrys() -> None:
    text = ("Trade between Mongolia and China reached $9.1 billion in 2023, according to the Ministry of Industry and "
            "Trade.\n\nChina buys most of Mongolia's copper.")
    assert ("$9.1 billion", "level", "MNG", "CHN", "T", True) in _rows(text)


def test_a_ministry_of_economy_beside_china_is_the_other_countrys() -> None:
    text = ("Figures from the Ministry of Economy show that Armenia bought goods worth $610 million from China "
            "in 2022.\n\nChina is now a bigger partner for Armenia than Iran.")
    rows = _rows(text)
    assert ("$610 million", "level", "ARM", "CHN", "M", True) in rows


def test_a_commerce_ministry_beside_china_stays_unplaced() -> None:
    # China publishes through its Ministry of Commerce: whose ministry this is, the text does not say
    text = ("Trade between China and Chile reached $57 billion in 2022, the Ministry of Commerce said.\n\n"
            "China buys copper and fruit from Chile.")
    rows = _rows(text)
    assert not any(r[0] == "$57 billion" and r[5] for r in rows)


def test_a_ministry_of_economy_in_an_article_about_two_other_countries_stays_unplaced() -> None:
    text = ("Trade between Georgia and Armenia reached $840 million in 2022, the Ministry of Economy said.\n\n"
            "Armenia sells brandy to Georgia, and Georgia sells fuel to Armenia.")
    rows = _rows(text)
    assert not any(r[0] == "$840 million" and r[5] for r in rows)


# ---- whose share after a role noun ------------------------------------------------------------------------------
_LAOS = ("Laos's imports from China rose in 2023, according to the Ministry of Industry and Commerce of Laos.\n\n")


def test_a_share_of_its_imports_after_the_countrys_supplier_is_the_holders() -> None:
    text = _LAOS + ("China stayed the country's largest supplier in 2023, accounting for 41.2% of its total "
                    "imports.")
    rows = _rows(text)
    assert ("41.2%", "share", "LAO", "CHN", "M", True) in rows


def test_a_share_of_its_exports_after_a_possessive_buyer_is_the_holders() -> None:
    text = _LAOS + "Thailand was Laos's biggest buyer in 2023, taking 37.5% of its exports."
    rows = _rows(text)
    assert ("37.5%", "share", "LAO", "THA", "X", True) in rows


def test_a_share_after_the_republics_supplier_is_the_reporting_countrys() -> None:
    text = ("Kazakh customs data show trade with China grew in 2023.\n\n"
            "China remained the republic's main supplier last year, making up 36.3 percent of its imports.")
    assert ("36.3 percent", "share", "KAZ", "CHN", "M", True) in _rows(text)


def test_a_level_after_the_republics_supplier_is_the_holders_imports() -> None:
    text = ("Kazakhstan's trade with China grew in 2023, the Ministry of Trade and Integration said.\n\n"
            "China remained the republic's main supplier last year, with $16.2 billion of goods.")
    assert ("$16.2 billion", "level", "KAZ", "CHN", "M", True) in _rows(text)


def test_a_generic_holder_that_nothing_places_is_no_role() -> None:
    # two countries besides China, no statistics named: whose supplier "the country's" is, is not said
    text = ("Nepal and Bhutan both trade more with China each year.\n\n"
            "China remained the country's largest supplier in 2023, accounting for 18.4% of its imports.")
    assert [r for r in _rows(text) if r[0] == "18.4%" and r[5]] == []
