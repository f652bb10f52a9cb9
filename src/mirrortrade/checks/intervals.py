"""Interval arithmetic over published figures: the same arithmetic for the store and for claims.

A published figure is an interval of true values (:func:`mirrortrade.model.value_interval`):
"$71.3 billion" is [71.25e9, 71.35e9], "more than $22 billion" is [22e9, ∞). Every rule
compares intervals, so rounding is never an error: 29.7 + 19.0 against 48.7 is consistent,
with the slack (how far the printed total could move before the sum stops holding) reported.

The helpers take plain ``(low, high)`` tuples, so the claim checker can apply them to numbers
read from an article.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mirrortrade.model import value_interval

Interval = tuple[float, float]


def interval(value: float, precision: float = 0.0, qualifier: str = "exact", *, nonnegative: bool = False) -> Interval:
    """Shorthand for :func:`mirrortrade.model.value_interval` (``nonnegative`` for a level: the low end stops at 0)."""
    return value_interval(value, precision, qualifier, nonnegative=nonnegative)


def add(parts: Sequence[Interval]) -> Interval:
    """Sum of intervals: ``[Σ low, Σ high]``; an unbounded end stays unbounded (never NaN, never an
    overflow to a finite number)."""
    return (_sum_end([p[0] for p in parts]), _sum_end([p[1] for p in parts]))


def _sum_end(xs: Sequence[float]) -> float:
    if any(x == math.inf for x in xs):
        return -math.inf if any(x == -math.inf for x in xs) else math.inf
    if any(x == -math.inf for x in xs):
        return -math.inf
    try:
        return math.fsum(xs)
    except OverflowError:  # finite parts whose sum is beyond a float
        return math.inf if sum(xs) > 0 else -math.inf


def _minus(a: float, b: float) -> float:
    """``a − b`` for interval ends: ∞ − ∞ (both unbounded the same way) is left unbounded in ``a``'s direction."""
    if math.isinf(a) and math.isinf(b) and (a > 0) == (b > 0):
        return a
    return a - b


def sub(a: Interval, b: Interval) -> Interval:
    """``a − b``: ``[a.low − b.high, a.high − b.low]`` (unbounded ends stay unbounded)."""
    return (_minus(a[0], b[1]) if not math.isinf(b[1]) else -math.inf,
            _minus(a[1], b[0]) if not math.isinf(b[0]) else math.inf)


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The common part of two intervals, or None when they are disjoint."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def slack(a: Interval, b: Interval) -> float:
    """How far either interval could shift before the two stop overlapping.

    Positive: they overlap with that much to spare; zero: they touch at one point; negative:
    they are apart by that much (the part rounding cannot explain).
    """
    return min(_minus(a[1], b[0]), _minus(b[1], a[0]))


def distance(a: Interval, b: Interval) -> float:
    """The gap between two intervals (0 when they overlap)."""
    return max(0.0, _minus(a[0], b[1]), _minus(b[0], a[1]))


def ratio(num: Interval, den: Interval) -> Interval:
    """``num / den`` for non-negative intervals: ``[num.low / den.high, num.high / den.low]``.

    A zero or unbounded divisor leaves that end open (0 below, ∞ above); the result is never NaN.
    """
    lo = _div(max(num[0], 0.0), den[1], unknown=0.0)
    hi = _div(num[1], den[0], unknown=math.inf)
    return (max(lo, 0.0), max(hi, 0.0))


def _div(a: float, b: float, *, unknown: float) -> float:
    """``a / b`` for interval ends; ``unknown`` (0 for a lower end, ∞ for an upper one) where the quotient
    says nothing (a zero or negative divisor, ∞/∞, NaN)."""
    if math.isnan(a) or math.isnan(b) or b <= 0 or (math.isinf(a) and math.isinf(b)):
        return unknown
    if math.isinf(b):
        return 0.0
    try:
        return a / b
    except OverflowError:
        return math.inf


def is_bounded(a: Interval) -> bool:
    """Both ends finite."""
    return math.isfinite(a[0]) and math.isfinite(a[1])


def usable(a: Interval) -> bool:
    """An interval a rule can compute with: no NaN, low ≤ high, and not (−∞, ∞) (which says nothing)."""
    lo, hi = a
    return not (math.isnan(lo) or math.isnan(hi)) and lo <= hi and not (lo == -math.inf and hi == math.inf)


def scale(a: Interval, k: float) -> Interval:
    """``k · a`` for ``k > 0`` (annualising a part-year figure), overflowing to ∞ rather than raising."""
    return (_mul(a[0], k), _mul(a[1], k))


def _mul(x: float, k: float) -> float:
    if x == 0 or k == 0:
        return 0.0
    try:
        return x * k
    except OverflowError:
        return math.inf if (x > 0) == (k > 0) else -math.inf


def log_ratio(num: Interval, den: Interval) -> Interval:
    """``ln(num / den)`` as an interval (−∞/∞ where a bound is 0 or unbounded)."""
    lo, hi = ratio(num, den)
    return (math.log(lo) if lo > 0 else -math.inf, math.log(hi) if 0 < hi < math.inf else math.inf)


def growth_interval(growth_pct: float, growth_precision: float = 0.0) -> Interval:
    """A printed growth rate in percent as an interval: "−5.6%" → [−5.65, −5.55]."""
    half = abs(growth_precision) / 2.0
    return (growth_pct - half, growth_pct + half)


def implied_growth_pct(prev: Interval, cur: Interval) -> Interval:
    """The growth in percent that two levels allow: ``100·(cur/prev − 1)``."""
    lo, hi = ratio(cur, prev)
    return (_mul(lo - 1.0, 100.0), _mul(hi - 1.0, 100.0))


def implied_previous(cur: Interval, growth_pct: Interval) -> Interval:
    """The previous level a current level and a growth rate imply: ``cur / (1 + g/100)``."""
    f_lo, f_hi = 1.0 + growth_pct[0] / 100.0, 1.0 + growth_pct[1] / 100.0
    if not f_hi > 0:
        raise ValueError(f"growth {growth_pct} of −100% or less implies no previous level")
    return ratio(cur, (max(f_lo, 0.0), f_hi))


@dataclass(frozen=True)
class Consistency:
    """Result of a consistency test between what was published and what arithmetic allows."""

    consistent: bool
    slack: float
    computed: Interval
    published: Interval

    def to_dict(self) -> dict[str, object]:
        return {
            "consistent": self.consistent,
            "slack": _j(self.slack),
            "computed": [_j(self.computed[0]), _j(self.computed[1])],
            "published": [_j(self.published[0]), _j(self.published[1])],
        }


def sum_consistent(parts: Sequence[Interval], total: Interval) -> tuple[bool, float]:
    """Can the parts add up to the total within their rounding? Returns ``(consistent, slack)``.

    >>> ok, s = sum_consistent([(29.65, 29.75), (18.5, 19.5)], (48.65, 48.75))
    >>> ok, round(s, 2)
    (True, 0.6)
    """
    c = sum_check(parts, total)
    return c.consistent, c.slack


#: relative tolerance for floating-point noise in interval bounds (never for rounding: that is in the bounds)
REL_EPS = 1e-9


def _tol(*ivs: Interval) -> float:
    m = max((abs(x) for iv in ivs for x in iv if not math.isinf(x)), default=0.0)
    return REL_EPS * max(m, 1.0)


def sum_check(parts: Sequence[Interval], total: Interval) -> Consistency:
    s = add(parts)
    sl = slack(s, total)
    return Consistency(sl >= -_tol(s, total), sl, s, total)


def growth_consistent(growth_pct: Interval, prev: Interval, cur: Interval) -> tuple[bool, float]:
    """Is a published growth rate (percent, as an interval) consistent with two levels?

    Returns ``(consistent, slack)`` with the slack in percentage points.

    >>> growth_consistent((-5.65, -5.55), (10.55e9, 10.65e9), (9.5e9, 10.5e9))[0]
    True
    """
    c = growth_check(growth_pct, prev, cur)
    return c.consistent, c.slack


def growth_check(growth_pct: Interval, prev: Interval, cur: Interval) -> Consistency:
    implied = implied_growth_pct(prev, cur)
    sl = slack(implied, growth_pct)
    return Consistency(sl >= -_tol(implied, growth_pct), sl, implied, growth_pct)


def same_figure(a: Interval, b: Interval, *, same_precision: bool = False, values_differ: bool = False) -> bool:
    """Can two publications of one statistic be the same number?

    Two intervals that overlap with positive width can; two that only touch cannot, when both
    print the same number of digits (the same number rounded to the same digit prints the
    same digits: 71.2 and 71.3 share only 71.25, which no single rounding rule sends to both).
    """
    sl = slack(a, b)
    if sl < 0:
        return False
    if same_precision and values_differ:
        return False
    return sl > 0 or a == b


def share(part: Interval, whole: Interval) -> Interval:
    """``part / whole`` as an interval (a share of GDP, say)."""
    return ratio(part, whole)


#: the documented prior band of a mirror pair (see :mod:`mirrortrade.checks.band`): BACI's mean CIF margin
#: 3.3% ± 1.645 × 0.03
PRIOR_CIF_RATE = 0.033
PRIOR_HALF_WIDTH = 1.6448536269514722 * 0.03


def mirror_consistent(
    exporter_fob: Interval, importer_cif: Interval, *, cif_rate: float = PRIOR_CIF_RATE,
    half_width: float = PRIOR_HALF_WIDTH,
) -> tuple[bool, float]:
    """Do the two sides of a flow agree after CIF/FOB valuation? Returns ``(consistent, excess)``, the
    excess being how far (in log terms) the CIF-adjusted gap ``ln(M/X) − ln(1 + cif)`` lies beyond the
    band ``±half_width`` (0 when consistent; negative when the importer records less).

    >>> mirror_consistent((3.65e9, 3.75e9), (2.25e9, 2.35e9))[0]   # Tajikistan 2025: 3.7 vs 2.3
    False
    >>> mirror_consistent((523.5e6, 524.5e6), (559.5e6, 560.5e6))[0]   # 524 vs 560
    True
    """
    lo, hi = log_ratio(importer_cif, exporter_fob)
    c = math.log1p(cif_rate)
    if lo - c > half_width:
        return False, lo - c - half_width
    if hi - c < -half_width:
        return False, hi - c + half_width
    return True, 0.0


def near_power_of_thousand(r: float, *, tolerance_decades: float = 0.5) -> int | None:
    """3 or 6 when ``r`` (or 1/r) is within ``tolerance_decades`` of 10³ or 10⁶, else None."""
    if not (r > 0) or math.isinf(r):
        return None
    d = abs(math.log10(r))
    for k in (3, 6):
        if abs(d - k) <= tolerance_decades:
            return k
    return None


def _j(x: float) -> float | None:
    """JSON-safe float: ∞ becomes None."""
    return None if x is None or math.isinf(x) or math.isnan(x) else float(x)
