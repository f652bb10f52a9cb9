"""A flow noun followed by "of <demonym> goods" and its verb ("purchases of Turkish goods jumped 40 percent to ...")
is the whole flow from that country, not a product's: the "of" phrase ends at the verb of change or amount, so the
verb is no word of what was traded. A real product before the verb ("imports of Turkish steel soared") still makes the
figure a product's. Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from _claim_rows import surely_read_rows as _rows

LEAD_GEO = "TBILISI, February 9, 2023. Georgia's National Statistics Office published its figures for 2022.\n\n"


def test_purchases_of_demonym_goods_with_a_verb_of_rise_are_the_imports() -> None:
    text = LEAD_GEO + "Georgian purchases of Turkish goods soared 31 percent to $2.7 billion in 2022."
    rows = _rows(text)
    assert ("$2.7 billion", "level", "GEO", "TUR", "M", "2022") in rows
    assert (31.0, "growth", "GEO", "TUR", "M", "2022") in rows


def test_a_second_clause_about_goods_of_the_partner_takes_the_subject_before() -> None:
    text = LEAD_GEO + ("Georgia's exports to Armenia came to $690 million in 2022, while purchases of Armenian goods "
                       "climbed 12 percent to $410 million.")
    rows = _rows(text)
    assert ("$410 million", "level", "GEO", "ARM", "M", "2022") in rows
    assert (12.0, "growth", "GEO", "ARM", "M", "2022") in rows


def test_went_up_ends_the_object_of_imports() -> None:
    text = LEAD_GEO + "Georgia's imports of Russian products went up 9 percent over the year, reaching $1.8 billion."
    assert ("$1.8 billion", "level", "GEO", "RUS", "M", "2022") in _rows(text)


def test_a_product_before_the_verb_is_still_a_product() -> None:
    text = LEAD_GEO + "Georgian imports of Turkish steel soared 31 percent to $270 million in 2022."
    assert not any(r[0] == "$270 million" for r in _rows(text))


def test_a_product_named_after_goods_is_still_a_product() -> None:
    text = LEAD_GEO + "Georgia's exports of Georgian wine jumped 18 percent to $240 million in 2022."
    assert not any(r[0] == "$240 million" for r in _rows(text))
