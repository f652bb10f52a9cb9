"""Lists that leave words out (issue 16, kind 1): a gapped rate list ("fell by 20 percent, with Uzbekistan by 10,3
percent") and "that with <country>" for the flow just named. Sentences written for these tests (invented figures; no
store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = "DUSHANBE, January 3, 2024. According to the Statistics Agency, from January through November 2023 "


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow, c.kind, c.growth_pct) for c in extract_claims(text)]


def test_gapped_rate_list_takes_the_first_rates_sign_and_flow() -> None:
    text = LEAD + ("trade with Kazakhstan fell by 18 percent, with Uzbekistan by 9,5 percent and with Kyrgyzstan "
                   "by 20.5 percent.")
    assert _rows(text) == [
        ("18 percent", "TJK", "KAZ", "T", "growth", -18.0),
        ("9,5 percent", "TJK", "UZB", "T", "growth", -9.5),
        ("20.5 percent", "TJK", "KGZ", "T", "growth", -20.5),
    ]


def test_a_rate_with_no_verb_and_no_list_before_it_is_no_claim() -> None:
    text = LEAD + "trade with Kazakhstan came to $1.1 billion, with Uzbekistan by 9.5 percent."
    assert [r[0] for r in _rows(text)] == ["$1.1 billion"]


def test_that_with_a_country_is_the_flow_just_named_for_that_country() -> None:
    text = LEAD + "trade with Turkmenistan exceeded $45 million, while that with Kyrgyzstan dropped to $12 million."
    assert [(r[0], r[2], r[3]) for r in _rows(text)] == [("$45 million", "TKM", "T"), ("$12 million", "KGZ", "T")]
