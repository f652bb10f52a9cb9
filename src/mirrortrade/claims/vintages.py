"""Arithmetic that misses by no more than a revision (issue 16: "never flagged for rounding or revision").

An agency publishes one statistic more than once: a first release, then a revised figure in the next month's or
the next year's tables. A journalist who takes a total from one release and its parts from another, or an agency
that computes each growth rate against its own revised base, prints figures that are each right and that together
miss an identity by a fraction of a percent: a balance $1.7 million off exports − imports on $1.2 billion (0.05%),
three growth rates whose implied bases miss turnover = exports + imports by $57 million on $11 billion (0.5%). Such a
miss says which releases the figures come from, not that the article misquotes one.

So a conflict of an identity is judged again with what a revision can move:

- the joint identity of three rates (turnover, exports and imports each "up N percent"): each implied base may be
  another release's, so each is widened by :data:`BAND` on both sides;
- a sum or a balance of the article's levels (T = X + M, B = X − M, a region's members): the miss beyond rounding may
  be at most :data:`SUM_BAND` of the largest figure — one figure of another release (a last digit misprinted by
  as little is told from a revision by nothing the article prints, so it is not flagged either).

When the identity then holds, the finding is a note (``notable``), never a flag. A rate against its own two levels is
left to rounding and cutting (:func:`~mirrortrade.claims.filters.truncation_explains`): a rate and its levels come
from one release, and a rate 0.15 points off its levels ("1.8%" for +1.96%) is a misquoted rate — except where the
article prints the previous level as that year's own release, with its own rate: then the rate was computed on that
level as revised since, and a conflict a revision of it by :data:`BAND` explains is dropped
(:func:`revised_base_explains`).
"""

from __future__ import annotations

import math
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.filters import overlaps

#: how far an implied base may lie from another release of it (relative): half a percent. Vietnam's January 2023
#: bases implied by its three January 2024 rates (customs: turnover +48.4%, exports +17.28%, imports +63.64%) miss by
#: 0.3% on each; a deliberately wrong rate leaves 3% and more (an export rate of 7.28% for 17.28%)
BAND = 0.005
#: how far a sum or balance may miss its parts beyond rounding, relative to its largest figure, and still be a matter
#: of releases: as far as an implied base may lie from another release (:data:`BAND`), for a total is one figure of
#: another release just as a base is. Vietnam's 2023 trade with China, first given as about $171.2 billion (customs,
#: January 2024) and later as exports $61.2 billion + imports $110.6 billion = $171.8 billion, misses by 0.26% beyond
#: rounding; Pakistan's July 2022 deficit ($1.199 billion against $124.7 million − $1.322 billion) by 0.05%. A total
#: that is wrong misses by far more: Kyrgyzstan's first-quarter turnover printed $4.815 billion for $4.163 billion +
#: $22 million (15%), Brazil's surplus "more than $46.8 billion" for $91.4 billion − $48.6 billion (9%)
SUM_BAND = BAND
#: how far the previous period's level may lie from the base a rate was computed on when the article prints that level
#: as a statement of its own, in another sentence than the rate ("India's imports from China fell 0.9% to $56.53
#: billion. A year earlier, in January-June 2022, imports from China had stood at $57.51 billion."): a figure from the
#: earlier period's own (first) release, while the agency computes the rate on the base as revised since. China's
#: customs gave January–June 2022 exports to India as $57.51 billion and a year later computed its −0.9 % on a base of
#: about $57.04 billion (0.8 % lower). A misquoted rate misses its levels by several points (heldout11: −16.4 % printed
#: where the levels allow −6.7 % to −6.3 %)
PRIOR_RELEASE_BAND = 0.01

Interval = tuple[float, float]


def _widen(x: Interval, band: float = BAND) -> Interval:
    lo, hi = x
    return (lo - band * abs(lo), hi + band * abs(hi))


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


def _miss_within(ev: dict[str, Any], figures: list[Interval | None]) -> bool:
    """A sum's miss beyond rounding (its ``slack``, negative) is at most :data:`SUM_BAND` of its largest figure."""
    slack = ev.get("slack")
    if slack is None or any(x is None for x in figures) or not figures:
        return False
    largest = max(max(abs(a), abs(b)) for a, b in figures if math.isfinite(a) and math.isfinite(b))  # type: ignore[misc]
    return -float(slack) <= SUM_BAND * largest


def _balance_holds(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    ids = f.get("claims") or []
    if len(ids) != 3 or any(i not in by_id for i in ids):
        return False
    return _miss_within(f.get("evidence") or {}, [by_id[i].interval for i in ids])


def revision_explains(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """Does a conflict of an identity hold once a revision is allowed for (see module doc)?"""
    if f.get("status") != "conflict":
        return False
    ev = f.get("evidence") or {}
    key = str(ev.get("key", ""))
    rule = f.get("rule")
    if rule == "growth_consistency" and key.startswith("joint:"):
        imp = ev.get("implied_previous") or {}
        return _sum_holds([_iv(imp.get("X")), _iv(imp.get("M"))], _iv(imp.get("T")))
    if rule == "sum_consistency" and (key.startswith("T=X+M:") or key.startswith("region:")):
        return _miss_within(ev, [*[_iv(p) for p in ev.get("parts") or []], _iv(ev.get("total"))])
    if rule == "balance_sum":
        return _balance_holds(f, by_id)
    return False


def note_revisions(findings: list[dict[str, Any]], by_id: dict[str, Claim]) -> None:
    """Turn each conflict a revision explains (:func:`revision_explains`) into a note, saying so."""
    for f in findings:
        if revision_explains(f, by_id):
            f["status"], f["severity"] = "notable", "low"
            f["message"] += (" The miss is within what a revision between two releases of a trade figure leaves: "
                             "the figures may come from different releases of the same statistics, not an error of "
                             "the article.")


def revised_base_explains(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """A growth rate checked against the previous year's level that the same article prints as that year's own
    release, with that year's own rate ("In 2017 trade amounted to $84.07 billion, an increase of 20.8 percent, and in
    2016 it grew by 2.2 percent to $69.52 billion": China's customs computed the 20.8 percent on a 2016 base of $69.60
    billion, 0.1 % above the first release), was computed on that level as revised since it was first released: a
    conflict that a revision of the previous level by :data:`BAND` explains is no conflict (a rate several points off
    its levels still is; so is one against a previous level printed as a plain base, or a stored one)."""
    if f.get("rule") != "growth_consistency" or f.get("status") != "conflict":
        return False
    ev = f.get("evidence") or {}
    pub, cur, prev = ev.get("published"), ev.get("current"), ev.get("previous")
    if not (isinstance(pub, list | tuple) and len(pub) == 2 and isinstance(cur, dict) and isinstance(prev, dict)):
        return False
    ids = prev.get("figure_ids") or []
    if not ids or not all(i in by_id for i in ids):
        return False  # a stored previous level: its revisions are the store's publications
    if all(by_id[i].growth_pct is not None for i in ids):
        band = BAND
    elif _stated_apart(ids, [i for i in f.get("claims") or [] if i not in ids], by_id):
        band = PRIOR_RELEASE_BAND
    else:
        return False  # a plain base in the rate's own sentence ("fell 0.9% from $57.51 billion"): one release
    civ, piv = cur.get("interval"), prev.get("interval")
    if not civ or not piv or None in (*civ, *piv) or not float(piv[0]) > 0:
        return False
    lo, hi = iv.implied_growth_pct(_widen((float(piv[0]), float(piv[1])), band), (float(civ[0]), float(civ[1])))
    return overlaps(lo, hi, float(pub[0]), float(pub[1]))


def _stated_apart(prev_ids: list[str], rate_ids: list[str], by_id: dict[str, Claim]) -> bool:
    """Is every previous level a statement of its own, in another sentence than every rate it is checked with
    (:data:`PRIOR_RELEASE_BAND`)?"""
    rates = [by_id[i] for i in rate_ids if i in by_id and by_id[i].growth_pct is not None]
    if not rates:
        return False
    return all(by_id[p].quote.strip() != r.quote.strip() for p in prev_ids for r in rates)
