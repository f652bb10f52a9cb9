"""A balance held by a partner in a clause that ranks it among the reporter's partners (issue 16, heldout14/14 retired:
"Last year Indonesia ran a trade surplus of US$2.92 billion with China and rose to become Beijing's third-biggest
trading partner in ASEAN"): the ranking reframes the figure as the owner's (China's) balance with the member, and the
member's surplus is the owner's deficit, so the amount changes sign with the side. The sentences are our own; the
figures are China's customs figures for 2021 with Angola as Macao News and Voice of America reported them in February
2022 (trade $23 billion, Angola's exports to China $21 billion, so Angola's surplus about $19 billion)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims import extract_claims

TEXT = ("Angola's oil keeps its trade with China in surplus\n\n"
        "Last year Angola ran a trade surplus of about $19 billion with China and remained Beijing's third-biggest "
        "trading partner in Africa.\n\n"
        "\"Our oil sales to China had a very good year,\" said Angola's ambassador in Beijing.\n\n"
        "Going by China's customs figures, trade between the two countries reached $23 billion in 2021, the "
        "ambassador said.")


def test_members_surplus_is_the_owners_deficit() -> None:
    rows = [(c.reporter, c.partner, c.flow, c.period, c.value_usd)
            for c in extract_claims(TEXT, article_date=date(2022, 2, 11))]
    assert ("CHN", "AGO", "B", "2021", -19e9) in rows
    assert ("CHN", "AGO", "B", "2021", 19e9) not in rows
    assert ("CHN", "AGO", "T", "2021", 23e9) in rows


def test_owners_own_surplus_keeps_its_sign() -> None:
    # the holder is the owner itself: no change of side, no change of sign
    text = ("Headline\n\nLast year China ran a trade deficit of about $19 billion with Angola, Beijing's third-biggest "
            "trading partner in Africa, according to China's customs.")
    rows = [(c.reporter, c.partner, c.flow, c.value_usd) for c in extract_claims(text, article_date=date(2022, 2, 11))]
    assert ("CHN", "AGO", "B", -19e9) in rows
