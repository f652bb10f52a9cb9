"""growth_consistency: a published growth rate against the levels it implies.

With the previous level in the store (same reporter, partner, flow and months, the year
before) the growth the two levels allow must contain the published rate, within rounding of
both. Without it, what can be checked is: the previous level the rate implies (Turkmenistan's
2025 turnover "down 5.6% to $10bn" implies 2024 ≈ $10.6bn, $10.1bn–$11.1bn given rounding),
and whether the rates printed for turnover, exports and imports together imply previous levels
that still add up (T = X + M a year earlier). Consistent results are ``info`` findings.
"""

from __future__ import annotations

from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase
from mirrortrade.checks.finding import Finding, Rule, money, money_range, number, pct_range

ID = "growth_consistency"
SEVERITY = "medium"
TEMPLATE = ("{series}: {growth} to {level} in {period} {verdict} with {prev} in {prev_period} "
            "(the levels allow {allowed})")


def _g(f: Fig) -> tuple[float, float]:
    return iv.growth_interval(float(f.growth_pct), f.growth_precision)


def _gtxt(g: float) -> str:
    return f"{number(g, signed=True)}%"


def _previous(ctx: CheckContext, f: Fig) -> list[Fig]:
    p = f.p.same_span_previous_year()
    prev = [g for g in ctx.find(reporter=f.reporter, partner=f.partner, flow=f.flow, period=str(p))
            if g.product == f.product]
    same_src = [g for g in prev if g.source_id == f.source_id]
    return same_src or prev


def level_findings(ctx: CheckContext) -> list[Finding]:
    out = []
    for f in ctx.figs:
        if f.growth_pct is None or not ctx.in_scope(f.period):
            continue
        g = _g(f)
        series = flow_phrase(f.reporter, f.partner, f.flow)
        cur = ctx.tightened(f)
        prevs = _previous(ctx, f)
        prev_p = f.p.same_span_previous_year()
        if prevs:
            for p in prevs:
                c = iv.growth_check(g, p.interval, cur.interval)
                allowed = pct_range(*c.computed, 1, signed=True)
                ev: dict[str, Any] = {"key": f"level:{p.figure_id}", "growth_pct": list(g), "current": cur.evidence(),
                                      "previous": p.evidence(), **c.to_dict()}
                ids = [*cur.all_ids, p.figure_id]
                if c.consistent:
                    msg = (f"{series} [{f.source_id}]: {_gtxt(f.growth_pct)} to {f.text()} in {f.period} is consistent "
                           f"with {p.text()} in {p.period} [{p.source_id}]: the two levels allow {allowed}.")
                    out.append(Finding(ID, "info", "consistent", f.reporter, f.partner, f.flow, f.period, msg, ev, ids))
                else:
                    gap = -c.slack
                    msg = (f"{series} [{f.source_id}]: {_gtxt(f.growth_pct)} to {f.text()} in {f.period} does not fit "
                           f"{p.text()} in {p.period} [{p.source_id}]: the two levels allow only {allowed}, "
                           f"{number(gap, 1)} percentage points away from the published rate even after rounding.")
                    sev = "high" if gap >= 10 else ("medium" if gap >= 2 else "low")
                    out.append(Finding(ID, sev, "conflict", f.reporter, f.partner, f.flow, f.period, msg, ev, ids))
            continue
        if not g[1] > -100:
            ctx.skip(ID, f, f"a growth of {_gtxt(f.growth_pct)} leaves no previous level")
            continue
        implied = iv.implied_previous(cur.interval, g)
        point = f.value / (1 + f.growth_pct / 100.0) if f.growth_pct > -100 else None
        ev = {"key": f"implied:{f.figure_id}", "growth_pct": list(g), "current": cur.evidence(),
              "implied_previous": list(implied), "implied_previous_point": point, "previous_period": str(prev_p),
              "previous_in_store": False}
        extra = ""
        if f.flow == "T":
            by = {h.flow: h for h in ctx.find(reporter=f.reporter, partner=f.partner, period=f.period)
                  if h.publication == f.publication}
            if "X" in by and "M" in by:
                c = iv.sum_check([by["X"].interval, by["M"].interval], f.interval)
                ev["same_year_identity"] = c.to_dict()
                extra = (f" What can be checked holds: {f.p.label()} exports {by['X'].text()} + imports "
                         f"{by['M'].text()} = {money(by['X'].value + by['M'].value)} against {f.text()}"
                         + (" (within rounding)." if c.consistent else " — which does NOT add up (see sum_consistency)."))
        msg = (f"{series} [{f.source_id}]: {_gtxt(f.growth_pct)} to {f.text()} in {f.p.label()} implies "
               f"{prev_p.label()} at {'about ' + money(point) + ' (' if point is not None else '('}"
               f"{money_range(implied)} given rounding); no "
               f"{prev_p.label()} figure in the store to check it against.{extra}")
        out.append(Finding(ID, "info", "consistent", f.reporter, f.partner, f.flow, f.period, msg, ev, list(cur.all_ids)))
    return out


def joint_findings(ctx: CheckContext) -> list[Finding]:
    """Rates printed for T, X and M in one publication: their implied previous levels must add up."""
    out = []
    groups: dict[tuple, dict[str, Fig]] = {}
    for f in ctx.figs:
        if f.growth_pct is not None and ctx.in_scope(f.period):
            groups.setdefault((f.reporter, f.partner, f.period, f.publication), {})[f.flow] = f
    for (rep, par, period, _), by in groups.items():
        if not {"X", "M", "T"} <= set(by):
            continue
        if any(not _g(by[k])[1] > -100 for k in ("X", "M", "T")):
            ctx.skip(ID, by["T"], "a growth of −100% or less leaves no previous level to add up")
            continue
        imp = {k: iv.implied_previous(by[k].interval, _g(by[k])) for k in ("X", "M", "T")}
        c = iv.sum_check([imp["X"], imp["M"]], imp["T"])
        prev_label = by["T"].p.same_span_previous_year().label()
        ev = {"key": f"joint:{by['T'].figure_id}", "implied_previous": {k: list(v) for k, v in imp.items()}, **c.to_dict()}
        ids = [by[k].figure_id for k in ("X", "M", "T")]
        rates = ", ".join(f"{w} {_gtxt(by[k].growth_pct)} to {by[k].text()}"
                          for k, w in (("T", "turnover"), ("X", "exports"), ("M", "imports")))
        if c.consistent:
            msg = (f"{flow_phrase(rep, par, 'T')} [{by['T'].source_id}]: the growth rates ({rates}) imply {prev_label} "
                   f"exports {money_range(imp['X'])} + imports {money_range(imp['M'])} against turnover "
                   f"{money_range(imp['T'])}: consistent.")
            out.append(Finding(ID, "info", "consistent", rep, par, "T", period, msg, ev, ids))
        else:
            msg = (f"{flow_phrase(rep, par, 'T')} [{by['T'].source_id}]: the growth rates ({rates}) imply {prev_label} "
                   f"exports {money_range(imp['X'])} + imports {money_range(imp['M'])} that cannot add up to the "
                   f"implied turnover {money_range(imp['T'])}: {money(-c.slack)} beyond rounding.")
            out.append(Finding(ID, "medium", "conflict", rep, par, "T", period, msg, ev, ids))
    return out


def check(ctx: CheckContext) -> list[Finding]:
    return level_findings(ctx) + joint_findings(ctx)


RULE = Rule(ID, SEVERITY, TEMPLATE, "a published growth rate against the levels it implies", check)
