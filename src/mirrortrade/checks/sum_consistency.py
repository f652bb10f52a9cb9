"""sum_consistency: turnover = exports + imports, and a regional total = the sum of its countries.

Interval arithmetic over published precision, so rounding is never an error: China's 2025
trade with Kazakhstan, 29.7 + 19.0 against 48.7, is consistent with $0.6bn of slack (the sum
of the parts may lie anywhere in [48.15, 49.25], the total in [48.65, 48.75]).

Consistent results are findings too (severity ``info``, status ``consistent``), with the slack.
"""

from __future__ import annotations

import math
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, is_aggregate, name
from mirrortrade.checks.finding import Finding, Rule, money, money_range
from mirrortrade.model import AGGREGATE_MEMBERS

ID = "sum_consistency"
SEVERITY = "medium"
TEMPLATE = ("{what} {verdict}: {parts} = {sum} against {total}; rounding allows {allowed}, "
            "{slack_words}")
FLOW_WORD = {"X": "exports", "M": "imports", "T": "turnover"}


def _severity(distance: float, total: float) -> str:
    rel = distance / total if total else math.inf
    return "high" if rel >= 0.05 else ("medium" if rel >= 0.01 else "low")


def _verdict(c: iv.Consistency) -> tuple[str, str]:
    if c.consistent:
        sl = "with no room to spare (the intervals touch)" if c.slack == 0 else (
            "however the total is read" if math.isinf(c.slack) else f"with {money(c.slack)} of slack")
        return "adds up", sl
    return "does not add up", f"{money(-c.slack)} beyond what rounding allows"


def _printed_sum(parts: list[Fig]) -> str:
    return " + ".join(p.text() for p in parts)


def identity_findings(ctx: CheckContext) -> list[Finding]:
    out = []
    groups: dict[tuple, dict[str, Fig]] = {}
    for f in ctx.figs:
        if ctx.in_scope(f.period) and f.flow in ("X", "M", "T"):
            groups.setdefault((f.reporter, f.partner, f.period, f.publication), {})[f.flow] = f
    for (rep, par, period, _), by in sorted(groups.items(), key=lambda kv: kv[0][:3]):
        if not {"X", "M", "T"} <= set(by):
            continue
        x, m, t = by["X"], by["M"], by["T"]
        c = iv.sum_check([x.interval, m.interval], t.interval)
        verdict, sl = _verdict(c)
        printed = x.value + m.value
        msg = (f"{flow_phrase(rep, par, 'T')} in {period} {verdict} [{t.source_id}]: exports {x.text()} + imports "
               f"{m.text()} = {money(printed)} against turnover {t.text()}; rounding allows the parts to sum to "
               f"{money_range(c.computed)} and the total to be {money_range(c.published)}, {sl}.")
        ev: dict[str, Any] = {"key": f"T=X+M:{t.figure_id}", "identity": "T = X + M", **c.to_dict(),
                              "printed_sum": printed, "parts": [x.evidence(), m.evidence()], "total": t.evidence()}
        ids = [x.figure_id, m.figure_id, t.figure_id]
        if c.consistent:
            out.append(Finding(ID, "info", "consistent", rep, par, "T", period, msg, ev, ids))
        else:
            out.append(Finding(ID, _severity(-c.slack, t.value), "conflict", rep, par, "T", period, msg, ev, ids))
    return out


def _publications(ctx: CheckContext, total: Fig, member: str) -> list[Fig]:
    """Every publication of a member's figure of the total's statistics: same reporter, flow, period and source."""
    return [f for f in ctx.find(reporter=total.reporter, partner=member, flow=total.flow, period=total.period)
            if f.source_id == total.source_id]


def regional_parts(ctx: CheckContext, total: Fig, *, partial: bool = False) -> list[Fig] | None:
    """The member figures that should sum to an aggregate figure: same reporter, flow, period and
    statistics (source), one per member, preferring the same publication; one-sided figures are
    narrowed by their publication's T = X + M. None when a member is missing (with ``partial``, the
    members that are there)."""
    members = AGGREGATE_MEMBERS.get(total.partner)
    if not members:
        return None
    parts = []
    for mbr in members:
        cands = _publications(ctx, total, mbr)
        if not cands:
            if partial:
                continue
            return None
        same = [f for f in cands if f.publication == total.publication]
        parts.append(ctx.tightened((same or cands)[0]))
    return parts


def member_intervals(ctx: CheckContext, total: Fig, parts: list[Fig]) -> list[tuple[float, float]]:
    """Each part's interval for the sum: a part from the total's own publication as printed; otherwise every
    publication of that member's statistic may be the one the total was built from, so the hull of all of them
    (two publications of one figure make a source_conflict, never a sum that does not add up)."""
    out = []
    for p in parts:
        if p.publication == total.publication:
            out.append(p.interval)
            continue
        cands = [ctx.tightened(f).interval for f in _publications(ctx, total, p.partner)]
        out.append((min(c[0] for c in cands), max(c[1] for c in cands)) if cands else p.interval)
    return out


def partial_finding(ctx: CheckContext, t: Fig) -> Finding | None:
    """A regional total below the sum of only some of its countries (the others count as [0, ∞)): a
    conflict whatever the missing countries are. None when the members present leave room."""
    if t.flow not in FLOW_WORD:
        return None  # a balance can be negative: its missing countries are not [0, ∞)
    parts = regional_parts(ctx, t, partial=True)
    if not parts:
        return None
    c = iv.sum_check(member_intervals(ctx, t, parts) + [(0.0, math.inf)], t.interval)
    if c.consistent:
        return None
    printed = sum(p.value for p in parts)
    msg = (f"{flow_phrase(t.reporter, t.partner, t.flow)} in {t.period}, {t.text()} in “{t.title}”, is less than "
           f"the sum of only {len(parts)} of its countries: {_printed_sum(parts)} = {money(printed)}; rounding "
           f"allows at least {money(c.computed[0])}, {money(-c.slack)} more than the total can be.")
    ev = {"key": f"region-partial:{t.figure_id}", "identity": f"{t.partner} >= sum of the members stated",
          **c.to_dict(), "printed_sum": printed, "parts": [p.evidence() for p in parts], "total": t.evidence()}
    ids = [t.figure_id] + [i for p in parts for i in p.all_ids]
    return Finding(ID, _severity(-c.slack, t.value), "conflict", t.reporter, t.partner, t.flow, t.period, msg, ev, ids)


def regional_check(ctx: CheckContext, total: Fig) -> tuple[iv.Consistency, list[Fig]] | None:
    parts = regional_parts(ctx, total)
    if parts is None:
        return None
    return iv.sum_check(member_intervals(ctx, total, parts), total.interval), parts


def regional_findings(ctx: CheckContext) -> list[Finding]:
    out = []
    for t in ctx.figs:
        if not (is_aggregate(t.partner) and t.partner in AGGREGATE_MEMBERS and ctx.in_scope(t.period)):
            continue
        res = regional_check(ctx, t)
        if res is None:
            pf = partial_finding(ctx, t)
            if pf is not None:
                out.append(pf)
            continue
        c, parts = res
        verdict, sl = _verdict(c)
        narrowed = [p for p in parts if p.derivation]
        note = "".join(f" ({name(p.partner)}: {p.derivation}, {money_range(p.interval)})" for p in narrowed)
        msg = (f"{flow_phrase(t.reporter, t.partner, t.flow)} in {t.period}, {t.text()} in “{t.title}”, {verdict} "
               f"with its five countries: {_printed_sum(parts)} = {money(sum(p.value for p in parts))}; rounding "
               f"allows the countries to sum to {money_range(c.computed)}, {sl}.{note}")
        ev = {"key": f"region:{t.figure_id}", "identity": f"{t.partner} = sum of members", **c.to_dict(),
              "printed_sum": sum(p.value for p in parts), "parts": [p.evidence() for p in parts], "total": t.evidence()}
        ids = [t.figure_id] + [i for p in parts for i in p.all_ids]
        if c.consistent:
            out.append(Finding(ID, "info", "consistent", t.reporter, t.partner, t.flow, t.period, msg, ev, ids))
        else:
            out.append(Finding(ID, _severity(-c.slack, t.value), "conflict", t.reporter, t.partner, t.flow,
                               t.period, msg, ev, ids))
    return out


def check(ctx: CheckContext) -> list[Finding]:
    return identity_findings(ctx) + regional_findings(ctx)


RULE = Rule(ID, SEVERITY, TEMPLATE, "turnover = exports + imports; a regional total = the sum of its countries", check)
