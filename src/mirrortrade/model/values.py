"""Published precision and qualifiers -> intervals; units of a value column."""

from __future__ import annotations

import math
import re

from mirrortrade.errors import CodeError, ParseError

#: qualifier -> what the published words mean
QUALIFIERS: dict[str, str] = {
    "exact": "as printed, within rounding of the last digit",
    "approx": "about / roughly / around: within APPROX_TOLERANCE either side",
    "upper": "under / less than / below: an upper bound",
    "lower": "over / more than / above: a lower bound",
    "near_upper": "almost / nearly / just under: below the figure, within APPROX_TOLERANCE",
    "near_lower": "just over / topping: above the figure, within APPROX_TOLERANCE",
}
APPROX_TOLERANCE = 0.05


def precision_of(text: str, scale: float = 1.0) -> float:
    """The unit of the last printed digit of a number as written, times ``scale``.

    ``precision_of("71.3", 1e9) == 1e8``; ``precision_of("560", 1e6) == 1e6``;
    ``precision_of("22", 1e9) == 1e9``; ``precision_of("9,252") == 1``.
    """
    t = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
        raise ParseError(f"{text!r} is not a plain number")
    decimals = len(t.split(".", 1)[1]) if "." in t else 0
    return scale * 10.0 ** (-decimals)


def value_interval(
    value: float, precision: float = 0.0, qualifier: str = "exact", *, nonnegative: bool = False
) -> tuple[float, float]:
    """The closed interval of true values a published figure allows.

    ``precision`` is the unit of the last printed digit (1e8 for "$71.3 billion"); rounding
    gives +/- half of it. Qualifiers widen or bound the interval (see :data:`QUALIFIERS`).
    ``nonnegative``: the statistic cannot be below 0 (a trade flow, a level, an amount), so the low
    end stops at 0 ("about $0" is [0, half a unit]); a signed one (a balance, a growth rate) keeps it.
    A negative value is never clamped (its interval would be empty): it is left as printed.
    """
    lo, hi = _interval(value, precision, qualifier)
    return (0.0, hi) if nonnegative and lo < 0.0 <= value else (lo, hi)


def _interval(value: float, precision: float, qualifier: str) -> tuple[float, float]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (math.nan, math.nan)
    half = abs(precision) / 2.0
    tol = abs(value) * APPROX_TOLERANCE
    if qualifier == "exact":
        return (value - half, value + half)
    if qualifier == "approx":
        return (value - tol - half, value + tol + half)
    if qualifier == "upper":
        return (0.0 if value >= 0 else -math.inf, value)
    if qualifier == "lower":
        return (value, math.inf)
    if qualifier == "near_upper":
        return (value - tol - half, value)
    if qualifier == "near_lower":
        return (value, value + tol + half)
    raise CodeError(f"unknown qualifier {qualifier!r} (expected one of {', '.join(QUALIFIERS)})", column="qualifier")


def check_qualifier(q: object) -> str:
    s = str(q).strip().lower() if q is not None and q == q else "exact"
    if s in ("", "none", "nan"):
        return "exact"
    if s not in QUALIFIERS:
        raise CodeError(f"unknown qualifier {q!r} (expected one of {', '.join(QUALIFIERS)})", column="qualifier")
    return s


UNIT_SCALES: dict[str, float] = {
    "usd": 1.0,
    "us$": 1.0,
    "thousand usd": 1e3,
    "usd thousand": 1e3,
    "thousand us$": 1e3,
    "million usd": 1e6,
    "usd million": 1e6,
    "billion usd": 1e9,
    "usd billion": 1e9,
}


def unit_scale(unit: object) -> float:
    u = " ".join(str(unit).strip().lower().split()) if unit is not None and unit == unit else "usd"
    if u in ("", "none", "nan"):
        return 1.0
    if u not in UNIT_SCALES:
        raise CodeError(f"unknown unit {unit!r} (expected one of {', '.join(sorted(set(UNIT_SCALES)))})", column="unit")
    return UNIT_SCALES[u]
