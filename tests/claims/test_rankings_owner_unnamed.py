"""A ranking that names no owner of its own (:mod:`mirrortrade.claims.rankings`): a paragraph opening with "Among
partners, the biggest share belongs to China - 21.2%" goes on about the previous paragraph's one topic country, and
"the republic's foreign trade" at the head of a ranking is the country the lead is about. Figures: Tajikistan's
national statistics for the first half of 2011 as printed by China Daily (2011-08-01: Turkey 39.4% and China 25.2% of
Tajik exports, Russia 30.9% of imports, trade with Turkey $306.9 million, exports $686.4 million); Uzbekistan's State
Statistics Committee for January-May 2020 as printed by News Front (2020-06-19: turnover $12.9 billion, China 17.9%,
Russia 16.9%, Kazakhstan 8.4%). Sentences our own."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def _frame(c: Claim) -> tuple[str | None, str | None, str | None, str]:
    return c.reporter, c.partner, c.flow, c.kind


def test_paragraph_opening_with_a_ranking_goes_on_about_the_previous_paragraphs_country() -> None:
    text = ("Trade between Tajikistan and Turkey reached $306.9 million in the first half of 2011, the Tajik statistics "
            "agency said.\n\n"
            "Tajikistan's exports came to $686.4 million in the six months.\n\n"
            "Among export partners, the largest share went to Turkey - 39.4 percent, then China - 25.2 percent.")
    got = _read(text)
    assert _frame(got["39.4 percent"]) == ("TJK", "TUR", "X", "share")
    assert _frame(got["25.2 percent"]) == ("TJK", "CHN", "X", "share")


def test_no_owner_when_the_lead_is_about_another_country() -> None:
    text = ("Tajikistan's foreign trade came to $2.2 billion in the first half of 2011.\n\n"
            "Uzbekistan's foreign trade reached $12.9 billion in January-May 2020.\n\n"
            "Among partners, the biggest share belongs to China - 17.9%, then Russia - 16.9%.")
    got = _read(text)
    # two countries' trade spoken of: whose partners these are is not sure, so no share is read as either's surely
    for f in ("17.9%", "16.9%"):
        c = got.get(f)
        assert c is None or c.missing or c.reporter not in ("TJK", "UZB")


def test_the_republics_trade_at_the_head_of_a_ranking_is_the_leads_country() -> None:
    text = ("Uzbekistan's foreign trade turnover reached $12.9 billion in January-May 2020, the State Statistics "
            "Committee said.\n\n"
            "In the republic's foreign trade the biggest share belonged to China with 17.9%, followed by Russia with "
            "16.9% and Kazakhstan with 8.4%.")
    got = _read(text)
    assert [_frame(got[f]) for f in ("17.9%", "16.9%", "8.4%")] == [
        ("UZB", "CHN", "T", "share"), ("UZB", "RUS", "T", "share"), ("UZB", "KAZ", "T", "share")]
