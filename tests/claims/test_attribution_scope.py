"""Whose statistics a figure is (issue 16, branch i16-whose): the attribution scope of the paragraph walk. An agency
named governs the figures after it until another agency is named, one whose country nothing tells included (its
figures are left unresolved); a flow whose partner is not named is seen from the reporter's side; a country's total
with the world is never its trade with China. Sentences written for these tests (invented figures and countries'
figures of no real release; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.sources import _find_sources, dateline_country


def _rows(text: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    return [(c.text, c.reporter, c.partner, c.flow, c.resolved) for c in extract_claims(text)]


def test_a_countrys_imports_larger_than_its_trade_with_china_are_with_the_world() -> None:
    text = ("Tajikistan's statistics agency reported that Tajik-Chinese trade reached $2.1 billion in 2022, and "
            "exports to China came to $0.3 billion. Tajikistan's imports reached $5.6 billion in 2022.")
    rows = _rows(text)
    assert rows[:2] == [("$2.1 billion", "TJK", "CHN", "T", True), ("$0.3 billion", "TJK", "CHN", "X", True)]
    # a part cannot exceed the whole: $5.6 billion is Tajikistan's imports from everyone, never from China
    assert rows[2][:4] == ("$5.6 billion", "TJK", "WLD", "M")
    assert rows[2][4] is False


def test_total_merchandise_imports_are_with_the_world_not_flipped_into_chinas_exports() -> None:
    text = ("Chinese customs put trade between China and Nepal at $1.9 billion in the first half of 2021. "
            "Nepal's total merchandise imports in the same months grew to $7.4 billion.")
    rows = _rows(text)
    assert rows[0] == ("$1.9 billion", "CHN", "NPL", "T", True)
    text2, rep, par, flow, _ = rows[1]
    assert (text2, par) == ("$7.4 billion", "WLD")
    assert (rep, flow) != ("CHN", "X")


def test_an_agency_of_no_known_country_ends_the_scope_before_it() -> None:
    text = ("China's customs said trade between China and Peru reached $30 billion in 2021.\n\n"
            "A commerce department official said the bilateral trade deficit had grown to $4 billion in 2021.")
    rows = _rows(text)
    assert rows[0] == ("$30 billion", "CHN", "PER", "T", True)
    # "a trade department official": neither country is said; the customs scope is over, and no reporter is guessed
    assert rows[1][0] == "$4 billion" and rows[1][4] is False


def test_a_ministry_speaks_of_its_own_country_in_the_possessive() -> None:
    text = "China stayed Nepal's largest partner in 2021 even though trade fell by 12 percent, the Ministry of Commerce said."
    srcs = [(s.reporter, s.kind) for s in _find_sources(text, lx.find_countries(text), 0, None, None)]
    assert srcs == [("NPL", "commerce")]
    text2 = "China's exports to Nepal rose 12 percent in 2021, the Ministry of Commerce said."
    assert [s.reporter for s in _find_sources(text2, lx.find_countries(text2), 0, None, None)] == ["CHN"]


def test_a_turnover_with_one_country_leaves_the_reporter_as_the_other_side() -> None:
    text = ("Mongolia's statistics office said turnover with China reached $9 billion in 2021: imports came to "
            "$2 billion and exports to $7 billion.")
    assert _rows(text) == [("$9 billion", "MNG", "CHN", "T", True), ("$2 billion", "MNG", "CHN", "M", True),
                           ("$7 billion", "MNG", "CHN", "X", True)]


def test_another_country_supplying_is_the_reporters_imports_from_it() -> None:
    text = ("According to Armenia's statistics committee, imports rose in 2021. "
            "Georgia supplied $400 million of goods in 2021, more than Iran.")
    rows = _rows(text)
    assert rows[-1] == ("$400 million", "ARM", "GEO", "M", True)


def test_a_partners_exports_under_chinas_customs_are_chinas_imports() -> None:
    # (held before this branch too: a guard that the reporter's-view partner rule keeps it)
    text = ("China's customs put its trade with Kazakhstan at $50 billion in 2021. Kazakh exports made up $20 billion "
            "of that amount.")
    rows = _rows(text)
    assert rows[1] == ("$20 billion", "CHN", "KAZ", "M", True)


def test_a_dateline_ending_in_a_colon_places_the_story() -> None:
    assert dateline_country("ISLAMABAD: Trade with China fell in the quarter, the ministry said.") == "PAK"
    assert dateline_country("UPDATE: Trade with China fell.") is None


def test_a_speaker_in_the_sentence_beats_customs_named_in_a_later_paragraph() -> None:
    text = ("BISHKEK, March 2, 2022 – Trade between Kyrgyzstan and China grew by more than 30 percent last year, "
            "Kyrgyz President Sadyr Japarov said.\n\n"
            "Chinese customs, whose numbers are higher, put the two countries' trade at $7.5 billion for 2021.")
    rows = _rows(text)
    assert rows[0][:4] == ("30 percent", "KGZ", "CHN", "T")
    assert rows[1][:4] == ("$7.5 billion", "CHN", "KGZ", "T")
