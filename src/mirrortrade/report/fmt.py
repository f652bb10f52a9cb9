"""Formatting figures for people: '$22.0bn', 'under $22.0bn', '$560M'."""

from __future__ import annotations

import math


def fmt_usd(value: float | None, qualifier: str = "exact") -> str:
    """22e9 -> '$22.0bn'; 5.6e8 -> '$560M'; with the qualifier's words in front ('more than $22.0bn').

    One formatting for the whole tool: the checks' own (they come before report/ in the data flow)."""
    from mirrortrade.checks.finding import money

    return money(value, qualifier)


def fmt_pct(value: float | None, digits: int = 0, *, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    s = f"{value:+.{digits}f}%" if signed else f"{value:.{digits}f}%"
    return s


def fmt_interval(low: float, high: float) -> str:
    if math.isinf(high):
        return f"[{fmt_usd(low)}, ∞)"
    return f"[{fmt_usd(low)}, {fmt_usd(high)}]"
