"""A rate printed with a level the store holds is held to the rate the store holds with that level (issue 16:
wrong figures must be found; precision first: rounding, cutting, a revision and the yuan/dollar basis never flag).

Figures, by source (the embedded store): China's customs, 2025, exports to Central Asia $71.2 billion, +11.0%
("China Central Asia trade tops $100bn in 2025"); 2023, trade with Kazakhstan $41.0 billion, +32.0% (the release of
2024-02-02) and $41.02 billion, +32.2% (a later publication). Yuan against the dollar: the ECB cross rates of
``mirrortrade/data/cny_usd_monthly.csv`` (2023 mean 7.08 yuan per dollar, 2022 mean 6.73: +5.2%)."""

from __future__ import annotations

from typing import Any

from mirrortrade.claims.restated_rates import REVISION_PP, _currency_allowance
from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def _rate_findings(res: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in res["findings"] if f["rule"] == "rate_conflict"]


def _claim(res: dict[str, Any], value: float) -> dict[str, Any]:
    (c,) = [c for c in res["claims"] if c.get("value_usd") == value]
    return c


def test_a_rate_the_stored_rate_rules_out_is_flagged(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("China's General Administration of Customs said on Sunday that the country's exports to "
                        "Central Asia grew 17% to $71.2 billion in 2025.", store)
    (f,) = _rate_findings(res)
    assert f["status"] == "conflict"
    # +17% (16-18 rounded or cut) against the stored +11.0%: 5 points apart, a 2025 yuan basis allows 0.1
    assert f["evidence"]["stored"][0] < 11.0 < f["evidence"]["stored"][1]
    assert _claim(res, 71.2e9)["status"] == "conflict"


def test_the_stored_rate_itself_is_consistent(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("China's General Administration of Customs said on Sunday that the country's exports to "
                        "Central Asia grew 11% to $71.2 billion in 2025.", store)
    assert _rate_findings(res) == []
    assert _claim(res, 71.2e9)["status"] not in FLAGS


def test_the_ministry_of_commerce_quotes_the_customs_rates(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("China's Ministry of Commerce said, citing customs statistics, that exports to Central Asia "
                        "grew 17% to $71.2 billion in 2025.", store)
    assert [f["status"] for f in _rate_findings(res)] == ["conflict"]


def test_a_rate_in_yuan_is_within_the_currency_allowance(store) -> None:  # type: ignore[no-untyped-def]
    # in 2023 the yuan fell 5.2% against the dollar: a rate in yuan runs about (1 + g) x 5.2% above the dollar rate
    allow = _currency_allowance("2023", 36.0)
    assert 6.5 < allow < 7.5
    res = check_article("China's customs said its trade with Kazakhstan rose 36% in 2023 to $41 billion.", store)
    assert _rate_findings(res) == []
    # a rate well beyond the allowance is flagged: +70% against +32.0%, 37 points apart, 9 allowed (45% would be
    # Uzbekistan's stored 2023 rate: set aside as a possibly misread partner, never flagged)
    res = check_article("China's customs said its trade with Kazakhstan rose 70% in 2023 to $41 billion.", store)
    assert [f["status"] for f in _rate_findings(res)] == ["conflict"]


def test_a_revision_of_the_rate_is_no_conflict(store) -> None:  # type: ignore[no-untyped-def]
    # the store's two publications say +32.0% and +32.2%: +32.5% is within REVISION_PP of them
    assert REVISION_PP >= 0.3
    res = check_article("China's customs said its trade with Kazakhstan rose 32.5% in 2023 to $41 billion.", store)
    assert _rate_findings(res) == []


def test_a_level_the_store_does_not_hold_is_left_alone(store) -> None:  # type: ignore[no-untyped-def]
    # $70.9 billion is no stored publication of 2025's exports: its rate is held to nothing
    res = check_article("China's General Administration of Customs said on Sunday that the country's exports to "
                        "Central Asia grew 17% to $70.9 billion in 2025.", store)
    assert _rate_findings(res) == []
