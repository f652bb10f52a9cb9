"""period_mismatch: figures for periods that cannot be compared (an 11-month figure against a
full year), flagged with the fair comparison offered.

Two periods are comparable when they cover the same calendar months (2025 vs 2024, H1 vs H1;
:meth:`mirrortrade.model.Period.comparable`). For a non-comparable pair the fair comparison is
the same months on the other side when the store has them, else an annualised figure
(``value × 12 / months``) with its caveat: trade is seasonal, so annualising is an estimate.
:func:`require_comparable` refuses such a comparison outright (raises
:class:`~mirrortrade.errors.PeriodMismatch` with the fair comparison in the message).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from mirrortrade.checks.context import CheckContext, Fig, flow_phrase
from mirrortrade.checks.finding import Finding, Rule, money
from mirrortrade.errors import PeriodMismatch
from mirrortrade.model import Period

ID = "period_mismatch"
SEVERITY = "low"
TEMPLATE = ("{a} ({a_period}) and {b} ({b_period}) cover different months and cannot be compared; "
            "fair comparison: {fair}")
MIRROR = {"X": "M", "M": "X", "T": "T", "RX": "RM", "RM": "RX"}
ANNUALISE_CAVEAT = "annualised as value × 12 / months, which assumes trade is spread evenly over the year (it is seasonal)"


def annualised(value: float, period: Period | str) -> float:
    p = Period.parse(period)
    return value * 12.0 / p.n_months


def fair_comparison(a_period: Period | str, b_period: Period | str) -> dict[str, Any]:
    """How to compare two periods fairly: ``{"comparable": bool, "same_months": [...], "annualise": ...}``."""
    a, b = Period.parse(a_period), Period.parse(b_period)
    if a.comparable(b):
        return {"comparable": True}
    shorter, longer = (a, b) if a.n_months <= b.n_months else (b, a)
    same = Period(longer.year, shorter.start_month, longer.year, shorter.end_month)
    return {
        "comparable": False,
        "shorter": str(shorter), "longer": str(longer),
        "same_months": str(same),
        "same_months_label": same.label(),
        "annualise": {"period": str(shorter), "factor": 12.0 / shorter.n_months, "caveat": ANNUALISE_CAVEAT},
    }


def require_comparable(a_period: Period | str, b_period: Period | str, what: str = "these figures") -> None:
    """Refuse a comparison of non-comparable periods; the error offers the fair comparison."""
    fc = fair_comparison(a_period, b_period)
    if fc["comparable"]:
        return
    a, b = Period.parse(a_period), Period.parse(b_period)
    raise PeriodMismatch(
        f"cannot compare {what}: {a.label()} ({a.n_months} months) against {b.label()} ({b.n_months} months). "
        f"Compare the same months ({fc['same_months_label']}) on both sides, or annualise {Period.parse(fc['shorter']).label()} "
        f"(× {fc['annualise']['factor']:.3g}; {ANNUALISE_CAVEAT})."
    )


def _related(f: Fig, g: Fig) -> str | None:
    if (f.reporter, f.partner, f.flow) == (g.reporter, g.partner, g.flow) and f.product == g.product:
        return "same series"
    if (f.reporter, f.partner) == (g.partner, g.reporter) and MIRROR.get(f.flow) == g.flow and f.product == g.product:
        return "mirror"
    return None


def check(ctx: CheckContext) -> list[Finding]:
    out = []
    figs = [f for f in ctx.figs if ctx.in_scope(f.period) or ctx.year is not None and f.p.year == ctx.year - 1]
    for f, g in combinations(figs, 2):
        kind = _related(f, g)
        if kind is None or f.p.comparable(g.p) or abs(f.p.year - g.p.year) > 1:
            continue
        if kind == "mirror" and f.p.year != g.p.year:
            continue
        fc = fair_comparison(f.p, g.p)
        short, long_ = (f, g) if f.p.n_months <= g.p.n_months else (g, f)
        same = fc["same_months"]
        offer = [h for h in ctx.find(reporter=long_.reporter, partner=long_.partner, flow=long_.flow, period=same)
                 if h.product == long_.product]
        if offer:
            fair = (f"{flow_phrase(offer[0].reporter, offer[0].partner, offer[0].flow)} for {fc['same_months_label']}, "
                    f"{offer[0].text()} [{offer[0].source_id}], is in the store: compare that")
            ids = [f.figure_id, g.figure_id, offer[0].figure_id]
        else:
            ann = annualised(short.value, short.p)
            fair = (f"the same months ({fc['same_months_label']}) on both sides — not in the store — or "
                    f"{short.p.label()} annualised, about {money(ann)} ({ANNUALISE_CAVEAT})")
            fc["annualised_value"] = ann
            ids = [f.figure_id, g.figure_id]
        msg = (f"{flow_phrase(short.reporter, short.partner, short.flow)}, {short.text()} for {short.p.label()} "
               f"({short.p.n_months} months) [{short.source_id}], and {flow_phrase(long_.reporter, long_.partner, long_.flow)}, "
               f"{long_.text()} for {long_.p.label()} ({long_.p.n_months} months) [{long_.source_id}], cover different "
               f"months: comparing them directly is not fair. Fair comparison: {fair}.")
        ev = {"key": f"{short.figure_id}|{long_.figure_id}", "kind": kind, **fc,
              "figures": [short.evidence(), long_.evidence()]}
        out.append(Finding(ID, SEVERITY, "notable", short.reporter, short.partner, short.flow, short.period, msg, ev, ids))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "comparisons of figures for non-comparable periods", check)
