"""Parties (issue 16, branch i16-parties): an agency's country read from its name with the country lexicon (a
central bank "of Pakistan", "Russia's central bank", a ministry named by its portfolio first, "commerce ministry
data"), a balance named "the deficit in trade with", and a partner filled only by a weak default left unresolved.
Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, WEAK
from mirrortrade.claims.sources import _find_sources


def _sources(text: str, home: str | None = None) -> list[tuple[str, str]]:
    return [(s.reporter, text[s.start:s.end]) for s in _find_sources(text, lx.find_countries(text), 0, None, home)]


def test_a_central_bank_is_the_country_its_name_says() -> None:
    assert _sources("the State Bank of Pakistan said on Monday") == [("PAK", "State Bank of Pakistan")]
    assert _sources("the Central Bank of Russia said") == [("RUS", "Central Bank of Russia")]
    assert _sources("Mongolia's central bank said") == [("MNG", "Mongolia's central bank")]
    # a bank named without its country is nobody's (no guess)
    assert _sources("the central bank said") == []


def test_a_portfolio_ministry_without_article_is_the_datelines_when_its_sentence_names_it() -> None:
    text = "India ran a deficit with China, according to commerce ministry data."
    assert _sources(text, home="IND") == [("IND", "commerce ministry")]
    assert _sources(text, home=None) == []


def test_figures_after_a_central_bank_are_its_countrys() -> None:
    text = ("KARACHI, June 3, 2025. Pakistan's exports to China rose in the first ten months of the fiscal year, "
            "the State Bank of Pakistan said.\n\n"
            "Exports to China amounted to $2.417 billion in July-April 2024-25. Imports from China came to "
            "$9.877 billion over the same months.")
    rows = [(c.text, c.reporter, c.partner, c.flow, c.resolved) for c in extract_claims(text)]
    assert rows == [("$2.417 billion", "PAK", "CHN", "X", True), ("$9.877 billion", "PAK", "CHN", "M", True)]


def test_the_deficit_in_trade_with_a_country_is_a_balance() -> None:
    text = ("ISLAMABAD, May 2, 2025. The deficit in trade with China widened to $4.3 billion in July-March 2024-25, "
            "the State Bank of Pakistan said.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.flow) == ("PAK", "CHN", "B")


def test_weak_default_is_below_resolved() -> None:
    assert WEAK < RESOLVED


def test_a_partner_taken_only_from_an_earlier_sentence_of_the_article_is_unresolved() -> None:
    # "the country's exports" with no partner in its paragraph: a partner borrowed from the paragraphs before is a
    # weak default, so the claim is shown unresolved (partner named as missing) and never verified
    text = ("TASHKENT, March 4, 2025 – Uzbekistan's foreign trade turnover came to $70.1 billion in 2024, the "
            "Statistics Agency said.\n\n"
            "The largest shares of the turnover were held by China (20.4 percent) and Russia (16.0 percent). Trade "
            "with China alone reached $14.3 billion.\n\n"
            "The country's exports increased by 10.1 percent to $26.9 billion.")
    last = extract_claims(text)[-1]
    assert last.text == "$26.9 billion"
    assert last.missing == ["partner"]
    assert last.slots["partner"] == WEAK


def test_a_quoted_official_is_his_governments_speaker() -> None:
    from mirrortrade.claims.sources import speaker_country

    before = ("ALMATY, May 5, 2025 – Kazakh Deputy Prime Minister Serik Zhumangarin met Chinese Vice Minister of "
              "Commerce Ling Ji on Monday.\n\n")
    # the official named by his surname: his title's country, not the last official named
    assert speaker_country(before, "Trade grew to $40 billion last year, Zhumangarin said.", "KAZ") == "KAZ"
    assert speaker_country(before, "Trade grew to $40 billion last year, Ling said.", "KAZ") == "CHN"
    # a title with no country: the dateline's
    assert speaker_country("", "Trade grew to $40 billion, the Deputy Minister of Trade said.", "KGZ") == "KGZ"
    # no speech, or a speaker never named with a title: no speaker
    assert speaker_country(before, "Trade grew to $40 billion last year.", "KAZ") is None
    assert speaker_country(before, "Trade grew to $40 billion last year, Petrov said.", "KAZ") is None


def test_figures_of_a_quoted_official_are_resolved_but_never_flaggable() -> None:
    text = ("BISHKEK, June 2, 2025 – Kyrgyz-Chinese trade keeps growing, Deputy Minister of Economy Aibek Osmonov "
            "said at a forum with a delegation from Urumqi.\n\n"
            "Trade between China and Kyrgyzstan reached $4.1 billion in 2024, Osmonov said.")
    (c,) = extract_claims(text)
    assert (c.reporter, c.partner, c.resolved, c.flaggable) == ("KGZ", "CHN", True, False)
