"""Interval arithmetic on plain tuples (the claim checker uses the same helpers)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirrortrade.checks import intervals as iv
from mirrortrade.model import value_interval

B = 1e9


def test_kazakh_sum_is_consistent_with_slack() -> None:
    # seed 000: "turnover growing by 11 percent to $48.7 billion. Kazakh imports ($29.7 billion) ... exports ($19 billion)"
    # hand: parts [29.65+18.5, 29.75+19.5] = [48.15, 49.25]; total [48.65, 48.75]; slack = min(49.25-48.65, 48.75-48.15) = 0.6
    ok, slack = iv.sum_consistent([value_interval(29.7 * B, 0.1 * B), value_interval(19 * B, B)],
                                  value_interval(48.7 * B, 0.1 * B))
    assert ok is True
    assert slack == pytest.approx(0.6 * B)


def test_sum_beyond_rounding_is_inconsistent() -> None:
    # hand calculation: 29.7 + 19.0 printed against a total of 50.0 (all to 0.1bn except 19 to 1bn):
    # parts [48.15, 49.25], total [49.95, 50.05] -> apart by 49.95 - 49.25 = 0.7
    ok, slack = iv.sum_consistent([value_interval(29.7 * B, 0.1 * B), value_interval(19 * B, B)],
                                  value_interval(50.0 * B, 0.1 * B))
    assert ok is False
    assert slack == pytest.approx(-0.7 * B)


def test_growth_consistent_turkmenistan() -> None:
    # seed 000: "declined by 5.6 percent in 2025 to $10 billion"; 2024's $10.6bn is the level it implies
    g = iv.growth_interval(-5.6, 0.1)
    assert iv.growth_consistent(g, value_interval(10.6 * B, 0.1 * B), value_interval(10 * B, B))[0] is True
    prev = iv.implied_previous(value_interval(10 * B, B), g)
    # hand: [9.5 / 0.9445, 10.5 / 0.9435] = [10.058, 11.129]
    assert prev[0] == pytest.approx(9.5 * B / 0.9445)
    assert prev[1] == pytest.approx(10.5 * B / 0.9435)
    assert prev[0] < 10.6 * B < prev[1]


def test_growth_inconsistent() -> None:
    # hand: 12.0bn -> 10bn allows [9.5/12.05 - 1, 10.5/11.95 - 1] = [-21.2%, -12.1%]: -5.6% is 6.5 points off
    ok, slack = iv.growth_consistent(iv.growth_interval(-5.6, 0.1), value_interval(12 * B, 0.1 * B),
                                     value_interval(10 * B, B))
    assert ok is False
    # slack = (upper end the levels allow) - (lower end of the printed rate) = -12.13 - (-5.65)
    assert slack == pytest.approx(100 * (10.5 / 11.95 - 1) + 5.65, abs=1e-6)


def test_same_figure_rounding_rule() -> None:
    # seeds 000 and 004: China's exports to Central Asia, $71.3bn and $71.2bn: touching intervals, same digits
    a, b = value_interval(71.3 * B, 0.1 * B), value_interval(71.2 * B, 0.1 * B)
    assert iv.slack(a, b) == pytest.approx(0.0, abs=1e-3)
    assert iv.same_figure(a, b, same_precision=True, values_differ=True) is False
    # seeds 000 and 004: imports $35.1bn in both
    c = value_interval(35.1 * B, 0.1 * B)
    assert iv.same_figure(c, c, same_precision=True, values_differ=False) is True
    # hand: 71.3 against a coarser "71" (to 1bn): [70.5, 71.5] contains [71.25, 71.35]
    assert iv.same_figure(a, value_interval(71 * B, B), same_precision=False, values_differ=True) is True


def test_ratio_and_share_with_bounds() -> None:
    # seed 000: China's exports to Kyrgyzstan "more than $22 billion"; Kyrgyz GDP "under $22 billion"
    share = iv.share(value_interval(22 * B, B, "lower"), value_interval(22 * B, B, "upper"))
    assert share[0] == pytest.approx(1.0)
    assert math.isinf(share[1])


def test_near_power_of_thousand() -> None:
    # hand: 29.7bn against 29.7M is 1,000x; 524M against 524 is 1,000,000x; 560/524 is not
    assert iv.near_power_of_thousand(29.7e9 / 29.7e6) == 3
    assert iv.near_power_of_thousand(524e6 / 524) == 6
    assert iv.near_power_of_thousand(560 / 524) is None


def test_mirror_consistent_on_plain_intervals() -> None:
    # seed 000, Tajikistan 2025: GACC exports 3.7 vs Tajik imports 2.3 (to 0.1bn) -> far below the CIF band
    ok, excess = iv.mirror_consistent(value_interval(3.7 * B, 0.1 * B), value_interval(2.3 * B, 0.1 * B))
    # hand: ln(2.35/3.65) - ln(1.033) + 1.645*0.03 = -0.4404 - 0.0325 + 0.0493 = -0.4235
    assert ok is False and excess == pytest.approx(math.log(2.35 / 3.65) - math.log(1.033) + 1.6448536269514722 * 0.03)
    # seed 000: Tajik exports $524M vs China's imports $560M -> within the band
    assert iv.mirror_consistent(value_interval(524e6, 1e6), value_interval(560e6, 1e6)) == (True, 0.0)

PRECISIONS = st.sampled_from([1e6, 1e7, 1e8, 1e9])


def _published(v: float, prec: float) -> float:
    return round(v / prec) * prec


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1e11), PRECISIONS), min_size=2, max_size=6), PRECISIONS)
def test_rounding_alone_is_never_flagged(parts, total_prec) -> None:
    # property: true values rounded to their printed digit always add up within their rounding intervals
    printed = [value_interval(_published(v, p), p) for v, p in parts]
    total = sum(v for v, _ in parts)
    assert iv.sum_consistent(printed, value_interval(_published(total, total_prec), total_prec))[0]


@settings(max_examples=300, deadline=None)
@given(st.floats(1e6, 1e11), st.floats(-90, 500), PRECISIONS, PRECISIONS)
def test_rounded_growth_is_never_flagged(prev, growth, p_prev, p_cur) -> None:
    # property: a growth rate printed to 0.1 point between two levels printed to their digits is always consistent
    cur = prev * (1 + growth / 100)
    prev_p, cur_p = value_interval(_published(prev, p_prev), p_prev), value_interval(_published(cur, p_cur), p_cur)
    if prev_p[0] <= 0:
        return
    g = iv.growth_interval(round(growth, 1), 0.1)
    assert iv.growth_consistent(g, prev_p, cur_p)[0]
