"""Truncation in every rule's comparison (issue 16, precision first): the press cuts figures to their printed digits
as often as it rounds them, so a conflict that disappears once the article's figures may be cut is no conflict —
for sums (already), growth rates against their two levels, and two publications of one statistic. Every article
and number here is invented for the test; the arithmetic is worked in the comments."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.internal import check_internal
from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def _growth(rate: str) -> str:
    # 244.81 / 240.11 − 1 = +1.957% (levels rounded to the cent of a billion: +1.953% to +1.962%)
    return (f"China's customs said trade with Russia rose {rate} to $244.81 billion in 2031. China's customs put "
            "trade with Russia at $240.11 billion in 2030.")


def _level(res: dict, value: float) -> dict:
    (c,) = [c for c in res["claims"] if c["value_usd"] == value and c["kind"] == "level"]
    return c


def test_a_growth_rate_cut_to_one_decimal_fits_its_levels() -> None:
    res = check_article(_growth("1.9%"), None)
    c = _level(res, 244.81e9)
    assert c["growth_pct"] == 1.9 and c["status"] not in FLAGS
    # rounded, "1.9%" is 1.85-1.95 and misses +1.96%; cut, it is 1.9-2.0 and holds
    assert not [f for f in res["findings"] if f["rule"] == "growth_consistency" and f["status"] in FLAGS]


def test_a_growth_rate_that_no_cutting_explains_is_still_a_conflict() -> None:
    # "1.8%" cut is below 1.9%, still short of the +1.953% the levels allow at the least (even cut themselves); the
    # base is printed in the rate's own sentence, so both come from one release (a base stated apart may be an
    # earlier release of it: tests/claims/test_prior_release_bases.py)
    res = check_article("China's customs said trade with Russia rose 1.8% to $244.81 billion in 2031, up from $240.11 "
                        "billion in 2030.", None)
    assert _level(res, 244.81e9)["status"] == "conflict"


def test_a_fall_is_cut_toward_zero() -> None:
    # 235.41 / 240.11 − 1 = −1.957% (−1.962% to −1.953%): "fell 1.9%" rounded is −1.95 to −1.85 and misses;
    # cut toward zero it is −2.0 to −1.9 and holds
    text = ("China's customs said trade with Russia fell 1.9% to $235.41 billion in 2031. China's customs put "
            "trade with Russia at $240.11 billion in 2030.")
    res = check_article(text, None)
    c = _level(res, 235.41e9)
    assert c["growth_pct"] == -1.9 and c["status"] not in FLAGS


def _stored(store, value: float, precision: float, publisher: str) -> None:
    store.ingest_frame(pd.DataFrame([{
        "reporter": "UZB", "partner": "CHN", "flow": "X", "period": "2031", "value_usd": value,
        "precision_usd": precision, "source_id": "UZ-STAT", "publisher": publisher, "title": publisher,
        "vintage": "2032-01-20", "qualifier": "exact"}]))


TEXT = "Uzbekistan's statistics agency said exports to China were $2.4 billion in 2031."


def test_two_roundings_of_one_statistic_with_no_full_figure_stay_a_conflict(store) -> None:
    # "$2.4 billion" against another outlet's "$2.5 billion", nothing finer stored: one of them misquotes
    _stored(store, 2.5e9, 1e8, "outlet A")
    assert _level(check_article(TEXT, store), 2.4e9)["status"] == "conflict"


def test_a_figure_cut_from_the_agencys_full_number_restates_it(store) -> None:
    # the agency's $2,486.6 million (precision 0) prints "$2.5 billion" rounded (outlet A) and "$2.4 billion" cut
    _stored(store, 2.5e9, 1e8, "outlet A")
    _stored(store, 2_486_557_000.0, 0.0, "the agency")
    res = check_article(TEXT, store)
    assert _level(res, 2.4e9)["status"] == "consistent"
    assert any(f["rule"] == "store_match" for f in res["findings"])
    # "$2.3 billion" is neither a cut nor a rounding of $2,486.6 million
    assert _level(check_article(TEXT.replace("2.4", "2.3"), store), 2.3e9)["status"] == "conflict"


def _internal(text: str, rule: str) -> list[str]:
    return [f["status"] for f in check_internal(extract_claims(text)) if f["rule"] == rule]


def test_a_change_cut_to_its_digits_fits_its_levels() -> None:
    # 20.56 − 20.08 = 0.48 (0.475-0.485 rounded): "$0.4 billion" rounded (0.35-0.45) misses, cut (0.4-0.5) holds
    text = "Kazakh imports from China rose by {} to $20.56 billion in 2025, from $20.08 billion in 2024."
    assert _internal(text.format("$0.4 billion"), "change_vs_levels") == ["consistent"]
    # "$0.3 billion" is at most 0.4 even cut
    assert _internal(text.format("$0.3 billion"), "change_vs_levels") == ["conflict"]


def test_a_deficit_is_cut_toward_zero() -> None:
    # 15.27 − 20.14 = −4.87 (−4.88 to −4.86 rounded): "a deficit of $4.8 billion" rounded (−4.85 to −4.75)
    # misses, cut toward zero (−4.9 to −4.8) holds
    text = ("Kazakhstan's Bureau of National Statistics said Kazakh exports to China were $15.27 billion in 2025 and "
            "imports from China $20.14 billion, a trade deficit of {}.")
    assert _internal(text.format("$4.8 billion"), "balance_sum") == ["consistent"]
    assert _internal(text.format("$4.6 billion"), "balance_sum") == ["conflict"]
