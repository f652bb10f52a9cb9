"""Arithmetic that misses by no more than a revision (issue 16: "never flagged for rounding or revision").

An agency publishes one statistic more than once: a first release, then a revised figure in the next month's or
the next year's tables. A journalist who takes a total from one release and its parts from another, or an agency
that computes a growth rate against its revised base while the store keeps the first release, prints figures that
are each right and that together miss an identity by a fraction of a percent: a balance $1.7 million off
exports − imports on $1.2 billion, three growth rates whose implied bases miss turnover = exports + imports by
$57 million on $11 billion, a rate of 20.8% where the stored levels allow 20.93%. Such a miss says which releases
the figures come from, not that the article misquotes one.

So a conflict of an arithmetic identity (a sum, a balance, a rate against its two levels, the joint identity of
three rates) is judged again with each level widened to the interval a revision can move it in (:data:`BAND`, on
both sides: either release may be the one printed): when the identity then holds, the finding is a note
(``notable``), never a flag. Misses beyond a revision stay conflicts.
"""

from __future__ import annotations

import math
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.claims.claim import Claim

#: how far one release of a trade total may lie from another of the same statistic (relative), on each level. Half a
#: percent: the misses between releases the development corpus shows are well inside it (Russia–China 2016 printed as
#: $69.52 billion beside a 2017 rate of 20.8% that implies a base of $69.57–69.63 billion: 0.1%; Vietnam's January
#: 2023 bases implied by three rates of January 2024: 0.3%; Pakistan's July 2022 balance against its parts: 0.05%),
#: while the deliberate errors of its growth rates (1.8 percentage points and more: a fall of 12.4% printed for
#: 14.2%) stay outside. A larger revision (Uzbekistan's 2023 imports from China, $11.2 billion first released and
#: $11,339.1 million a year later: 1.2%) still shows as a conflict: the band errs on the side of the rule.
BAND = 0.005

Interval = tuple[float, float]


def _widen(x: Interval) -> Interval:
    lo, hi = x
    return (lo - BAND * abs(lo), hi + BAND * abs(hi))


def _iv(ev: Any) -> Interval | None:
    """The interval of a figure's evidence (``{"interval": [lo, hi]}``) or of a pair ``[lo, hi]``; an open end is
    infinite."""
    x = ev.get("interval") if isinstance(ev, dict) else ev
    if not isinstance(x, list | tuple) or len(x) != 2 or (x[0] is None and x[1] is None):
        return None
    # an open end ("more than $4.5 billion") is printed as null
    lo = -math.inf if x[0] is None else float(x[0])
    hi = math.inf if x[1] is None else float(x[1])
    return None if math.isnan(lo) or math.isnan(hi) else (lo, hi)


def _sum_holds(parts: list[Interval | None], total: Interval | None, signs: list[float] | None = None) -> bool:
    if total is None or not parts or any(p is None for p in parts):
        return False
    signs = signs or [1.0] * len(parts)
    terms = [_widen(p) if s > 0 else (-_widen(p)[1], -_widen(p)[0])  # type: ignore[arg-type]
             for p, s in zip(parts, signs, strict=True)]
    return iv.sum_check(terms, _widen(total)).consistent


def _growth_holds(ev: dict[str, Any]) -> bool:
    pub, cur, prev = _iv(ev.get("published") or ev.get("growth_pct")), _iv(ev.get("current")), _iv(ev.get("previous"))
    if pub is None or cur is None or prev is None or not prev[0] > 0:
        return False
    return iv.growth_check(pub, _widen(prev), _widen(cur)).consistent


def _balance_holds(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    ids = f.get("claims") or []
    if len(ids) != 3 or any(i not in by_id for i in ids):
        return False
    b, x, m = (by_id[i].interval for i in ids)
    return _sum_holds([x, m], b, [1.0, -1.0])


def revision_explains(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """Does a conflict of an arithmetic identity hold once each of its levels may be another release's?"""
    if f.get("status") != "conflict":
        return False
    ev = f.get("evidence") or {}
    key = str(ev.get("key", ""))
    rule = f.get("rule")
    if rule == "growth_consistency" and key.startswith("level:"):
        return _growth_holds(ev)
    if rule == "growth_consistency" and key.startswith("joint:"):
        imp = ev.get("implied_previous") or {}
        return _sum_holds([_iv(imp.get("X")), _iv(imp.get("M"))], _iv(imp.get("T")))
    if rule == "sum_consistency" and (key.startswith("T=X+M:") or key.startswith("region:")):
        return _sum_holds([_iv(p) for p in ev.get("parts") or []], _iv(ev.get("total")))
    if rule == "balance_sum":
        return _balance_holds(f, by_id)
    return False


def note_revisions(findings: list[dict[str, Any]], by_id: dict[str, Claim]) -> None:
    """Turn each conflict a revision explains (:func:`revision_explains`) into a note, saying so."""
    for f in findings:
        if revision_explains(f, by_id):
            f["status"], f["severity"] = "notable", "low"
            f["message"] += (f" The miss is within what a revision between two releases moves a trade figure "
                             f"(±{BAND * 100:g}% on each level): the figures may come from different releases of "
                             "the same statistics, not an error of the article.")
