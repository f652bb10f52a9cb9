"""A Chinese growth rate printed beside dollar levels may be the rate China's customs computed in yuan (issue 16:
precision first; the yuan/dollar basis never flags a rate against its levels, a rate neither basis allows does).

Figures, by source (the embedded store): China's customs, trade with Kazakhstan $41.0 billion in 2023 (+32.0%, the
release of 2024-02-02) and $31.2 billion in 2022. Yuan against the dollar: the ECB cross rates of
``mirrortrade/data/cny_usd_monthly.csv`` (means: 2023 7.08 yuan per dollar, 2022 6.73, +5.2%; 2021 6.45, 2020 6.90,
−6.6%)."""

from __future__ import annotations

from typing import Any

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.filters import yuan_rate_explains
from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def _growth_conflicts(res: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in res["findings"] if f["rule"] == "growth_consistency" and f["status"] in FLAGS]


def test_a_yuan_rate_beside_dollar_levels_is_not_flagged(store) -> None:  # type: ignore[no-untyped-def]
    # $41.0bn against $31.2bn allow +29.6% to +33.2% in dollars; in yuan about 5.2% more of (1 + g): +36% fits
    res = check_article("China's customs said its trade with Kazakhstan rose 36% in 2023 to $41 billion.", store)
    assert _growth_conflicts(res) == []
    (c,) = res["claims"]
    assert c["growth_pct"] == 36.0 and c["status"] not in FLAGS


def test_a_rate_neither_basis_allows_is_flagged(store) -> None:  # type: ignore[no-untyped-def]
    for rate in (52, 18):  # above the yuan rate (+36.4 to +40.1%), below the dollar rate (+29.6 to +33.2%)
        res = check_article(f"China's customs said its trade with Kazakhstan rose {rate}% in 2023 to $41 billion.",
                            store)
        assert [f["status"] for f in _growth_conflicts(res)] == ["conflict"], rate
        assert res["claims"][0]["status"] == "conflict"


def _claim(reporter: str, period: str, growth: float) -> Claim:
    return Claim(id="c1", quote="", start=0, end=0, reporter=reporter, partner="KAZ", flow="T", period=period,
                 value_usd=1e9, growth_pct=growth)


def _conflict(reporter: str, period: str, computed: list[float], published: list[float]) -> dict[str, Any]:
    return {"rule": "growth_consistency", "status": "conflict", "claims": ["c1"],
            "evidence": {"key": "level:f0", "computed": computed, "published": published},
            "about": {"reporter": reporter, "partner": "KAZ", "flow": "T", "period": period}}


def test_the_yuan_basis_moves_the_rate_one_way() -> None:
    # 2021: the yuan rose 6.6% against the dollar, so a rate in yuan runs below the dollar rate: levels allowing
    # +20% to +22% in dollars allow +12.1% to +14.0% in yuan; +25% is neither, nor is +17.5%, between the two
    by_id = {"c1": _claim("CHN", "2021", 13.0)}
    assert yuan_rate_explains(_conflict("CHN", "2021", [20.0, 22.0], [12.5, 13.5]), by_id)
    for rate in (25.0, 17.5):
        by_id = {"c1": _claim("CHN", "2021", rate)}
        assert not yuan_rate_explains(_conflict("CHN", "2021", [20.0, 22.0], [rate - 0.5, rate + 0.5]), by_id)


def test_only_chinas_rates_have_a_yuan_basis() -> None:
    by_id = {"c1": _claim("KAZ", "2021", 13.0)}
    assert not yuan_rate_explains(_conflict("KAZ", "2021", [20.0, 22.0], [12.5, 13.5]), by_id)
    # a period the table has no rates for: the basis cannot be bounded, the conflict stands
    by_id = {"c1": _claim("CHN", "1990", 13.0)}
    assert not yuan_rate_explains(_conflict("CHN", "1990", [20.0, 22.0], [12.5, 13.5]), by_id)
