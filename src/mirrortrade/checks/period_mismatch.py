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

from typing import Any

from mirrortrade.checks.context import CheckContext, Fig, flow_phrase
from mirrortrade.checks.finding import Finding, Rule, money
from mirrortrade.errors import PeriodMismatch
from mirrortrade.model import MIRROR_FLOW, Period

ID = "period_mismatch"
SEVERITY = "low"
TEMPLATE = ("{a} ({a_period}) and {b} ({b_period}) cover different months and cannot be compared; "
            "fair comparison: {fair}")
#: the mirror of each flow; a balance has none (the other side's balance is its negative, not the same statistic)
MIRROR = {k: v for k, v in MIRROR_FLOW.items() if k != "B"}
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
    same = shorter.shifted(longer.year - shorter.year)  # the shorter span's months in the longer one's (first) year
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


def _candidates(ctx: CheckContext, f: Fig) -> list[tuple[str, Fig]]:
    """The figures someone would set beside ``f`` although they cover other months: the mirror side's
    figure for a longer span of the same year when the mirror side has none for ``f``'s months, and the
    previous year's figure of the same series when that year has none for the same months."""
    out: list[tuple[str, Fig]] = []
    p = f.p
    mirror = [g for g in ctx.find(reporter=f.partner, partner=f.reporter, flow=MIRROR.get(f.flow, ""))
              if g.product == f.product and g.p.year == p.year]
    if mirror and not any(g.p.comparable(p) for g in mirror):
        longer = [g for g in mirror if g.p.contains(p) and g.p.n_months > p.n_months]
        if longer:
            out.append(("mirror", max(longer, key=lambda g: g.p.n_months)))
    if not p.is_full_year:
        prev = [g for g in ctx.find(reporter=f.reporter, partner=f.partner, flow=f.flow)
                if g.product == f.product and g.p.year == p.year - 1]
        if prev and not any(g.p.comparable(p) for g in prev):
            out.append(("same series, previous year", max(prev, key=lambda g: g.p.n_months)))
    return out


def check(ctx: CheckContext) -> list[Finding]:
    out = []
    for short in ctx.figs:
        if short.p.is_full_year or not ctx.in_scope(short.period):
            continue
        for kind, long_ in _candidates(ctx, short):
            fc = fair_comparison(short.p, long_.p)
            if kind == "mirror":
                same = str(short.p)
                offer_side = long_
            else:
                same = str(short.p.same_span_previous_year())
                offer_side = long_
            offer = [h for h in ctx.find(reporter=offer_side.reporter, partner=offer_side.partner,
                                         flow=offer_side.flow, period=same) if h.product == offer_side.product]
            same_label = Period.parse(same).label()
            ids = [short.figure_id, long_.figure_id]
            if offer:
                fair = (f"{flow_phrase(offer[0].reporter, offer[0].partner, offer[0].flow)} for {same_label}, "
                        f"{offer[0].text()} [{offer[0].source_id}], is in the store: compare that")
                ids.append(offer[0].figure_id)
            else:
                ann = annualised(short.value, short.p)
                fair = (f"the same months on both sides ({same_label} — not in the store), or "
                        f"{short.p.label()} annualised, about {money(ann)} ({ANNUALISE_CAVEAT})")
                fc["annualised_value"] = ann
            fc["same_months"] = same
            fc["same_months_label"] = same_label
            msg = (f"{flow_phrase(short.reporter, short.partner, short.flow)}, {short.text()} for {short.p.label()} "
                   f"({short.p.n_months} months) [{short.source_id}], and "
                   f"{flow_phrase(long_.reporter, long_.partner, long_.flow)}, {long_.text()} for {long_.p.label()} "
                   f"({long_.p.n_months} months) [{long_.source_id}], cover different months: comparing them directly "
                   f"is not fair. Fair comparison: {fair}.")
            ev = {"key": f"{short.figure_id}|{long_.figure_id}", "kind": kind, **fc,
                  "figures": [short.evidence(), long_.evidence()]}
            out.append(Finding(ID, SEVERITY, "notable", short.reporter, short.partner, short.flow, short.period,
                               msg, ev, ids))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "comparisons of figures for non-comparable periods", check)
