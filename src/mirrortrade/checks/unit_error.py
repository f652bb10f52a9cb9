"""unit_error: two figures for the same thing a factor of about 1,000 or 1,000,000 apart.

Thousands entered as dollars (or millions as thousands) between the two sides of a mirror pair,
between vintages of one figure, or between publications of one statistic. "About" is within
half a decade (:func:`mirrortrade.checks.intervals.near_power_of_thousand`).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, is_aggregate
from mirrortrade.checks.finding import Finding, Rule, money

ID = "unit_error"
SEVERITY = "high"
TEMPLATE = ("{what}: {a} against {b}, a ratio of {ratio:,.0f} — close to {power}: one of them is probably "
            "in {unit} entered as dollars")
UNITS = {3: "thousands", 6: "millions"}


def is_unit_slip(a: float, b: float) -> bool:
    """True when ``a / b`` is within half a decade of 10³ or 10⁶ (either way)."""
    if not (a and b) or a <= 0 or b <= 0:
        return False
    return iv.near_power_of_thousand(a / b) is not None


def _finding(kind: str, f1: Fig, f2: Fig, ctx_text: str) -> Finding | None:
    if not is_unit_slip(f1.value, f2.value):
        return None
    big, small = (f1, f2) if f1.value >= f2.value else (f2, f1)
    r = big.value / small.value
    k = iv.near_power_of_thousand(r)
    ev: dict[str, Any] = {"key": f"{kind}:{f1.figure_id}:{f2.figure_id}", "kind": kind, "ratio": r, "decades": k,
                          "larger": big.evidence(), "smaller": small.evidence(),
                          "corrected_smaller": small.value * 10**k, "corrected_larger": big.value / 10**k}
    msg = (f"{ctx_text}: {money(big.value)} [{big.source_id}] against {money(small.value)} [{small.source_id}], "
           f"{r:,.0f} times apart — close to {10**k:,}: one of them is probably in {UNITS[k]} entered as dollars "
           f"(read as {UNITS[k]}, {money(small.value)} would be {money(small.value * 10**k)}).")
    return Finding(ID, SEVERITY, "implausible", f1.reporter, f1.partner, f1.flow, f1.period, msg, ev,
                   [big.figure_id, small.figure_id])


def check(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def add(f: Finding | None) -> None:
        if f is not None and tuple(sorted(f.figure_ids)) not in seen:
            seen.add(tuple(sorted(f.figure_ids)))
            out.append(f)

    figs = [f for f in ctx.figs if ctx.in_scope(f.period)]
    # the two sides of a mirror pair
    for f in figs:
        if f.flow != "X" or is_aggregate(f.reporter) or is_aggregate(f.partner):
            continue
        for m in ctx.find(reporter=f.partner, partner=f.reporter, flow="M", period=f.period):
            add(_finding("mirror", f, m, f"{flow_phrase(f.reporter, f.partner, 'X')} and "
                                       f"{flow_phrase(m.reporter, m.partner, 'M')} in {f.period}"))
    # publications of the same statistic
    groups: dict[tuple, list[Fig]] = {}
    for f in figs:
        groups.setdefault((f.reporter, f.partner, f.flow, f.period, f.product), []).append(f)
    for (rep, par, flow, period, _), fs in groups.items():
        for a, b in combinations(fs, 2):
            add(_finding("publication", a, b, f"{flow_phrase(rep, par, flow)} in {period} in two publications"))
    # vintages of one figure
    allv = ctx.obs_all_vintages
    counts = allv["key_id"].value_counts()
    allv = allv[allv["key_id"].isin(counts[counts > 1].index)]
    for _, g in allv.groupby("key_id"):
        fs = [Fig.from_row(r) for r in g.sort_values("vintage").to_dict("records")]
        if not ctx.in_scope(fs[0].period):
            continue
        for a, b in zip(fs, fs[1:], strict=False):
            add(_finding("vintage", a, b, f"{flow_phrase(a.reporter, a.partner, a.flow)} in {a.period}, "
                                          f"vintage {a.vintage[:10]} and vintage {b.vintage[:10]}"))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "figures for the same thing about 1,000 or 1,000,000 times apart", check)
