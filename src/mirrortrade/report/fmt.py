"""Formatting figures for people: '$22.0bn', 'under $22.0bn', '$560M', '61%', 'at least 100%'.

One formatting for the whole tool, the checks' own (they come before report/ in the data flow): every
function takes None, NaN, 0 and ±∞ and says them in words ('—', 'unbounded', 'at least …'), never 'inf'.
"""

from __future__ import annotations

import math

from mirrortrade.checks.finding import UNBOUNDED, gap_text, money, money_exact, pct, pct_range, plural

__all__ = ["UNBOUNDED", "fmt_gap", "fmt_gap_pct", "fmt_interval", "fmt_pct", "fmt_pct_range", "fmt_usd", "plural"]


def fmt_usd(value: float | None, qualifier: str = "exact") -> str:
    """22e9 -> '$22.0bn'; 5.6e8 -> '$560M'; with the qualifier's words in front ('more than $22.0bn')."""
    return money(value, qualifier)


def fmt_pct(value: float | None, digits: int = 0, *, signed: bool = False) -> str:
    """61.2 → '61%' ('+61%' signed); '—' when missing, 'unbounded' when infinite."""
    return pct(value, digits, signed=signed)


def fmt_pct_range(low: float | None, high: float | None, digits: int = 0, *, signed: bool = False) -> str:
    return pct_range(low, high, digits, signed=signed)


def fmt_interval(low: float | None, high: float | None) -> str:
    """'[$21.9bn, $22.1bn]', '[$22.0bn, unbounded)'; '—' when an end is missing or NaN."""
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return "—"
    left = "(unbounded" if math.isinf(low) else f"[{money_exact(low)}"
    right = f"{UNBOUNDED})" if math.isinf(high) else f"{money_exact(high)}]"
    return f"{left}, {right}"


def fmt_gap(a: float | None, b: float | None, a_name: str, b_name: str) -> str:
    """'CHN − TJK = +$1.4bn (+38% of CHN's)': see :func:`mirrortrade.checks.finding.gap_text`."""
    return gap_text(a, b, a_name, b_name)


def fmt_gap_pct(gap_pct: float | None, a_name: str, b_name: str, *, what: str = "figure", digits: int = 1) -> str:
    """A gap of A's figure against B's, in % of B's, with what its sign means:
    '-73.6% (KGZ's figure below CHN's)', '+12.3% (KGZ's turnover above CHN's)'; '—' when missing or unbounded.
    The pair page's gap tables, the gap chart's tooltip and the Excel sheets all say a gap this way."""
    if gap_pct is None or math.isnan(gap_pct) or math.isinf(gap_pct):
        return "—"
    text = pct(gap_pct, digits, signed=True)
    if float(text.rstrip("%")) == 0:
        return f"{pct(0.0, digits)} ({a_name}'s {what} equal to {b_name}'s)"
    return f"{text} ({a_name}'s {what} {'above' if gap_pct > 0 else 'below'} {b_name}'s)"
