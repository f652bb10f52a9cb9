"""Formatting figures for people: '$22.0bn', 'under $22.0bn', '$560M'."""

from __future__ import annotations

import math

_QUAL_PREFIX = {
    "exact": "",
    "approx": "about ",
    "upper": "under ",
    "lower": "over ",
    "near_upper": "just under ",
    "near_lower": "just over ",
}


def fmt_usd(value: float | None, qualifier: str = "exact", *, dollar: bool = True) -> str:
    """22e9 -> '$22.0bn'; 5.6e8 -> '$560M'; with the qualifier's words in front."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    sign = "-" if value < 0 else ""
    v = abs(value)
    cur = "$" if dollar else ""
    if v >= 1e9:
        body = f"{v / 1e9:.1f}bn"
    elif v >= 1e6:
        body = f"{v / 1e6:.0f}M"
    elif v >= 1e3:
        body = f"{v / 1e3:.0f}k"
    else:
        body = f"{v:.0f}"
    return f"{_QUAL_PREFIX.get(qualifier, '')}{sign}{cur}{body}"


def fmt_pct(value: float | None, digits: int = 0, *, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    s = f"{value:+.{digits}f}%" if signed else f"{value:.{digits}f}%"
    return s


def fmt_interval(low: float, high: float) -> str:
    if math.isinf(high):
        return f"[{fmt_usd(low)}, ∞)"
    return f"[{fmt_usd(low)}, {fmt_usd(high)}]"
