"""A partner named by its state form alone ("the Sultanate", "the Kingdom", "the Islamic Republic") is the one
country of the article's pair whose state has that form; with two of the pair's countries of that form, or none, the
party stays unknown and the figure is not read surely. Texts written for these tests (invented figures; no store, no
network)."""

from __future__ import annotations

from _claim_rows import surely_read_rows as _rows
from mirrortrade.claims import extract_claims


def test_the_emirate_is_the_pairs_qatar() -> None:
    text = ("NEW DELHI, April 4, 2023. India and Qatar: trade in 2022.\n\n"
            "India's trade with Qatar reached $19.4 billion in 2022, according to India's Ministry of Commerce. "
            "India's imports from the Emirate rose 12 percent to $16.8 billion.")
    rows = _rows(text)
    assert ("$16.8 billion", "level", "IND", "QAT", "M", "2022") in rows
    assert (12.0, "growth", "IND", "QAT", "M", "2022") in rows


def test_the_grand_duchy_beside_a_kingdom_is_luxembourg() -> None:
    text = ("BRUSSELS, March 8, 2023. Belgium and Luxembourg: trade in 2022.\n\n"
            "Belgium's trade with Luxembourg came to $21 billion in 2022, the National Bank of Belgium said. "
            "Belgium's exports to the Grand Duchy grew by 6.5 percent to $13.9 billion.")
    rows = _rows(text)
    assert ("$13.9 billion", "level", "BEL", "LUX", "X", "2022") in rows


def test_the_kingdom_is_the_pairs_saudi_arabia() -> None:
    text = ("TOKYO, May 10, 2023. Japan and Saudi Arabia: trade in 2022.\n\n"
            "Japan's trade with Saudi Arabia came to $52 billion in 2022, Japan's Ministry of Finance said. "
            "Japanese purchases from the Kingdom climbed to $46.1 billion, mostly crude oil.")
    rows = _rows(text)
    assert ("$46.1 billion", "level", "JPN", "SAU", "M", "2022") in rows


def test_the_kingdoms_exports_are_saudi_arabias() -> None:
    text = ("TOKYO, May 10, 2023. Japan and Saudi Arabia: trade in 2022.\n\n"
            "Japan's trade with Saudi Arabia came to $52 billion in 2022, Japan's Ministry of Finance said. "
            "The Kingdom's exports to Japan rose 9 percent to $45.3 billion.")
    rows = _rows(text)
    assert ("$45.3 billion", "level", "JPN", "SAU", "M", "2022") in rows


def test_a_form_two_of_the_pair_share_stays_unknown() -> None:
    text = ("ISLAMABAD, June 2, 2023. Pakistan and Iran: trade in 2022.\n\n"
            "Pakistan's trade with Iran reached $2.3 billion in 2022, the State Bank of Pakistan said. "
            "Exports to the Islamic Republic rose to $0.9 billion.")
    claims = [c for c in extract_claims(text) if c.text == "$0.9 billion"]
    assert claims and all(c.missing for c in claims)


def test_a_form_none_of_the_pair_has_names_no_party_of_the_pair() -> None:
    text = ("ASTANA, March 1, 2023. Kazakhstan and China: trade in 2022.\n\n"
            "Kazakhstan's trade with China reached $24 billion in 2022, the Bureau of National Statistics said. "
            "Kazakh exports to the Emirate came to $0.4 billion.")
    rows = _rows(text)
    assert not any(r[0] == "$0.4 billion" and "CHN" in (r[2], r[3]) for r in rows)
