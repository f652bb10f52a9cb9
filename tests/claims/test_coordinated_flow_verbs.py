"""A flow verb joined by "and", "while" or "but" to an earlier flow verb of the sentence, with no new subject between,
shares that verb's subject, not the first country of the clause (a capital standing for its country, or a country
named before a colon or dash break). With no country after such a break, the subject before it carries on ("its
exports"). Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from _claim_rows import surely_read_rows as _rows

LEAD_GEO = "TBILISI, February 9, 2023. Georgia's National Statistics Office published its figures for 2022.\n\n"
LEAD_MNG = "ULAANBAATAR, March 3, 2022. Mongolia's National Statistics Office published its figures for 2021.\n\n"


def test_a_capital_before_a_colon_is_not_the_second_verbs_subject() -> None:
    text = LEAD_GEO + ("Baku kept its surplus with Tbilisi: Georgia bought $1.2 billion worth of Azerbaijani goods "
                       "and sold $480 million.")
    rows = _rows(text)
    assert ("$1.2 billion", "level", "GEO", "AZE", "M", "2022") in rows
    assert ("$480 million", "level", "GEO", "AZE", "X", "2022") in rows


def test_a_country_before_a_dash_is_not_the_second_verbs_subject() -> None:
    text = LEAD_GEO + ("For Armenia the year was a quiet one – Georgia imported $730 million of Armenian goods and "
                       "then exported $290 million.")
    rows = _rows(text)
    assert ("$290 million", "level", "GEO", "ARM", "X", "2022") in rows
    assert not any(r[0] == "$290 million" and r[4] == "M" for r in rows)


def test_a_verb_after_but_shares_the_subject() -> None:
    text = LEAD_MNG + ("Beijing remained the main buyer: Mongolia shipped $6.1 billion worth of goods to China but "
                       "bought only $2.2 billion.")
    rows = _rows(text)
    assert ("$6.1 billion", "level", "MNG", "CHN", "X", "2021") in rows
    assert ("$2.2 billion", "level", "MNG", "CHN", "M", "2021") in rows


def test_a_verb_after_while_shares_the_subject() -> None:
    text = LEAD_MNG + ("Moscow again sold more than it bought: Mongolia took in $1.4 billion worth of Russian goods, "
                       "while selling $75 million.")
    rows = _rows(text)
    assert ("$1.4 billion", "level", "MNG", "RUS", "M", "2021") in rows
    assert ("$75 million", "level", "MNG", "RUS", "X", "2021") in rows


def test_its_after_a_break_with_no_country_keeps_the_subject_before() -> None:
    text = LEAD_MNG + ("Mongolia ran a surplus in its trade with Russia again: its exports there came to "
                       "$180 million.")
    rows = _rows(text)
    assert ("$180 million", "level", "MNG", "RUS", "X", "2021") in rows
