"""A rate parted from its level by an attribution in commas ("$240 billion in 2023, Chinese customs data showed on
Friday, an increase of 26.3 percent") is the level's rate, as a rate right after it is. Figures: China's customs (GACC),
China-Russia trade 2023, as reported on 2024-01-12 (over $240 billion, +26.3%, against $190.27 billion in 2022)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims


def _rates(text: str) -> dict[str, float | None]:
    return {c.text: c.growth_pct for c in extract_claims(text, article_date=date(2024, 1, 12))}


def test_a_rate_after_an_attribution_in_commas_is_the_level_s() -> None:
    got = _rates("Trade between China and Russia reached more than $240 billion in 2023, Chinese customs data showed "
                 "on Friday, an increase of 26.3 percent over 2022, when it stood at $190.27 billion.")
    assert got == {"$240 billion": 26.3, "$190.27 billion": None}


def test_a_long_stretch_without_an_attribution_still_parts_them() -> None:
    got = _rates("Trade between China and Russia reached more than $240 billion in 2023, driven by energy, cars and "
                 "machinery sold across the long border, an increase of 26.3 percent over 2022.")
    assert got.get("$240 billion") is None
