"""Explanations: for one pair and year, the chain from the published figures to the likely causes.

``explain(store, "KGZ", "CHN", 2025)`` gives, in plain sentences with figure ids:

1. the figures from each side, with citations (the latest earlier year when a side has none);
2. the CIF-adjusted mirror gap of each flow (from the ``mirror_gap`` rule);
3. the rules that fired for the pair, with their arithmetic;
4. the candidate causes — CIF/FOB valuation, timing/period, transit and re-export, unrecorded or
   undervalued imports, rerouting, data error — ranked by the evidence for and against each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, name
from mirrortrade.checks.finding import Finding, _jsonable, money, pct, severity_rank, share_range
from mirrortrade.checks.run import run_checks
from mirrortrade.model import check_code

CAUSES: dict[str, str] = {
    "cif_fob": "CIF/FOB valuation",
    "timing": "Timing and period coverage",
    "transit": "Transit and re-export",
    "unrecorded": "Unrecorded or undervalued imports",
    "rerouting": "Rerouting of goods to a third country",
    "data_error": "Data error (publication, units, transcription)",
}


@dataclass
class Point:
    """One piece of evidence for or against a cause, with the figures it rests on."""

    text: str
    weight: int
    figure_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "weight": self.weight, "figure_ids": self.figure_ids}


@dataclass
class Cause:
    id: str
    title: str
    pro: list[Point] = field(default_factory=list)
    con: list[Point] = field(default_factory=list)

    @property
    def score(self) -> int:
        return sum(p.weight for p in self.pro) - sum(p.weight for p in self.con)

    def to_dict(self) -> dict[str, Any]:
        return {"cause": self.id, "title": self.title, "score": self.score,
                "for": [p.to_dict() for p in self.pro], "against": [p.to_dict() for p in self.con]}


@dataclass
class Explanation:
    reporter: str
    partner: str
    year: int
    figures: dict[str, list[Fig]]
    figure_notes: dict[str, str]
    mirror: list[Finding]
    history: list[Finding]
    fired: list[Finding]
    consistent: list[Finding]
    causes: list[Cause]
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        r, p, y = self.reporter, self.partner, self.year
        lines = [f"{name(r)} and {name(p)}, {y}: what each side publishes, where they differ, and why they might."]
        lines.append("")
        lines.append("1. The figures")
        for side in (r, p):
            figs = self.figures.get(side, [])
            note = self.figure_notes.get(side, "")
            if not figs:
                lines.append(f"   {name(side)}: {note}")
                continue
            head = f"   {name(side)} ({', '.join(sorted({f.source_id for f in figs}))})" + (f" — {note}" if note else "") + ":"
            lines.append(head)
            for f in figs:
                lines.append(f"   - {flow_phrase(f.reporter, f.partner, f.flow)}, {f.p.label()}: {f.text()} — {f.cite()}")
        lines.append("")
        lines.append("2. The mirror gap, after CIF/FOB valuation")
        if self.mirror:
            for f in self.mirror:
                lines.append(f"   - {f.message} [{', '.join(f.figure_ids)}]")
        else:
            lines.append(f"   No flow for {y} is published by both sides, so no mirror gap can be computed for {y}.")
        for f in self.history:
            lines.append(f"   - Earlier, {f.period}: {f.message} [{', '.join(f.figure_ids)}]")
        lines.append("")
        lines.append("3. What the checks found")
        if not self.fired:
            lines.append("   No problem found for this pair and year.")
        for f in self.fired:
            lines.append(f"   - [{f.severity}] {f.rule}: {f.message} [{', '.join(f.figure_ids)}]")
        if self.consistent:
            lines.append(f"   Consistent ({len(self.consistent)}):")
            for f in self.consistent:
                lines.append(f"   - {f.rule}: {f.message}")
        lines.append("")
        lines.append("4. Candidate causes, most likely first")
        if not self.causes:
            lines.append("   None ranked: there are no figures to weigh.")
        for i, c in enumerate(self.causes, 1):
            lines.append(f"   {i}. {c.title} (score {c.score:+d})")
            for pt in c.pro:
                lines.append(f"      for: {pt.text}" + (f" [{', '.join(pt.figure_ids)}]" if pt.figure_ids else ""))
            for pt in c.con:
                lines.append(f"      against: {pt.text}" + (f" [{', '.join(pt.figure_ids)}]" if pt.figure_ids else ""))
            if not c.pro and not c.con:
                lines.append("      no evidence either way among the figures in the store")
        if self.notes:
            lines.append("")
            lines.append("Notes: " + " ".join(self.notes))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON: an unbounded interval end is None, as in every finding's evidence."""
        return _jsonable({
            "reporter": self.reporter, "partner": self.partner, "year": self.year,
            "figures": {side: [{**f.evidence(), "reporter": f.reporter, "partner": f.partner, "flow": f.flow,
                                "text": f.text(), "citation": f.cite(), "quote": f.quote} for f in figs]
                        for side, figs in self.figures.items()},
            "figure_notes": self.figure_notes,
            "mirror": [f.to_dict() for f in self.mirror],
            "history": [f.to_dict() for f in self.history],
            "findings": [f.to_dict() for f in self.fired],
            "consistent": [f.to_dict() for f in self.consistent],
            "causes": [c.to_dict() for c in self.causes],
            "notes": self.notes,
        })


def _year_of(f: Finding) -> int:
    return int(str(f.period)[:4])


def _smaller_economy(ctx: CheckContext, a: str, b: str, year: int) -> str:
    """The pair member with the smaller GDP: the possible transit country (the partner when unknown)."""
    ga, _ = ctx.gdp_for(a, year)
    gb, _ = ctx.gdp_for(b, year)
    if ga is None or gb is None:
        return b if ga is not None else a
    return a if ga.value <= gb.value else b


def _side_figures(ctx: CheckContext, reporter: str, partner: str, year: int) -> tuple[list[Fig], str]:
    figs = [f for f in ctx.figs if f.reporter == reporter and f.partner == partner]
    this = [f for f in figs if f.p.year == year]
    if this:
        return sorted(this, key=lambda f: (f.flow, f.period, f.title)), ""
    earlier = [f for f in figs if f.p.year < year]
    if not earlier:
        return [], f"no figures of its own for {year} or earlier in the store"
    last = max(f.p.year for f in earlier)
    return (sorted([f for f in earlier if f.p.year == last], key=lambda f: (f.flow, f.period)),
            f"no figures of its own for {year} in the store; its latest are for {last}")


def explain(store: Any, reporter: str, partner: str, year: int, *, findings: list[Finding] | None = None) -> Explanation:
    """The evidence chain for one pair and year (see the module docstring)."""
    reporter = check_code(reporter, field_name="reporter", allow_aggregate=False)
    partner = check_code(partner, field_name="partner")
    year = int(year)
    ctx = CheckContext(store)
    all_f = findings if findings is not None else run_checks(store)
    pair = {reporter, partner}

    hub = _smaller_economy(ctx, reporter, partner, year)

    def mine(f: Finding) -> bool:
        if f.rule == "rerouting_signal":
            return f.reporter == hub or {f.reporter, f.partner} == pair
        if f.rule == "exceeds_gdp" and f.status == "consistent" and f.evidence.get("country") != hub:
            return False  # a large economy's imports from a small partner say nothing here
        return {f.reporter, f.partner} == pair

    figures, notes_f = {}, {}
    for a, b in ((reporter, partner), (partner, reporter)):
        figures[a], notes_f[a] = _side_figures(ctx, a, b, year)
    pair_f = [f for f in all_f if mine(f)]
    this_year = [f for f in pair_f if _year_of(f) == year]
    mirror = [f for f in this_year if f.rule == "mirror_gap"]
    mirror.sort(key=lambda f: (f.flow == "T", -severity_rank(f.severity)))
    history: list[Finding] = []
    if not mirror:
        earlier = [f for f in pair_f if f.rule == "mirror_gap" and _year_of(f) < year]
        if earlier:
            last = max(_year_of(f) for f in earlier)
            history = [f for f in earlier if _year_of(f) == last]
    fired = [f for f in this_year if f.is_problem]
    consistent = [f for f in this_year if not f.is_problem and f.rule != "mirror_gap"]
    notes = list(dict.fromkeys(ctx.bands.notes)) if mirror or history else []
    if any(figures.values()):
        causes = _rank(ctx, reporter, partner, year, this_year, history, figures)
    else:
        causes = []
        notes.append(f"No trade figures for {name(reporter)} and {name(partner)} in the store: nothing to explain.")
    return Explanation(reporter, partner, year, figures, notes_f, mirror, history, fired, consistent, causes, notes)


def _rank(ctx: CheckContext, reporter: str, partner: str, year: int, fs: list[Finding], history: list[Finding],
          figures: dict[str, list[Fig]]) -> list[Cause]:
    c = {k: Cause(k, t) for k, t in CAUSES.items()}
    gaps = [f for f in fs if f.rule == "mirror_gap" and f.flow != "T"]
    conflicts = [f for f in gaps if f.status == "conflict"]
    agree = [f for f in gaps if f.status == "consistent"]
    gdp = [f for f in fs if f.rule == "exceeds_gdp"]
    gdp_hit = [f for f in gdp if f.status in ("implausible", "notable")]
    surges = [f for f in fs if f.rule == "surge"]
    rer = [f for f in fs if f.rule == "rerouting_signal"]
    periods = [f for f in fs if f.rule == "period_mismatch"]
    data_bad = [f for f in fs if f.rule in ("unit_error", "source_conflict", "sum_consistency", "growth_consistency")
                and f.status in ("conflict", "implausible")]
    sums_ok = [f for f in fs if f.rule == "sum_consistency" and f.status == "consistent"]

    # CIF/FOB valuation
    for f in agree:
        c["cif_fob"].pro.append(Point(f"{f.message}", 1, f.figure_ids))
    for f in conflicts:
        e = f.evidence
        band = e.get("band", {})
        rng = e.get("ratio_importer_to_exporter", [None, None])
        c["cif_fob"].con.append(Point(
            f"{flow_phrase(f.reporter, f.partner, 'M')} is {share_range(rng[0], rng[1])} of the exporter's figure; "
            f"valuation alone puts it at {share_range(*band.get('ratio_band', [0, 0]))} ({band.get('source')} band)",
            2, f.figure_ids))
    for f in gdp_hit:
        c["cif_fob"].con.append(Point("a few percent of freight and insurance cannot bring imports to "
                                      f"{pct(100 * f.evidence['share'][0])} of GDP", 1, f.figure_ids))
    if not gaps:
        c["cif_fob"].con.append(Point(f"no flow for {year} is published by both sides, so valuation cannot be the "
                                      f"story of any gap that year", 0))
    # timing / period
    # figures covering different months are one kind of evidence however many such pairs a year holds (a part-year
    # release adds one per flow), and none for a gap between figures of the same months (mirror_gap compares those)
    for i, f in enumerate(periods):
        c["timing"].pro.append(Point(f.message, 0 if i or conflicts else 2, f.figure_ids))
    all_figs = [g for figs in figures.values() for g in figs]
    if all_figs and all(g.p.is_full_year for g in all_figs) and not periods:
        c["timing"].con.append(Point("every figure covers the full calendar year; year-end timing shifts move a few "
                                     "percent at most", 1, [g.figure_id for g in all_figs]))
    partial: dict[str, list[Fig]] = {}
    for g in all_figs:
        if "partial" in g.quote.lower():
            partial.setdefault(g.quote, []).append(g)
    for quote, gs in partial.items():
        c["timing"].pro.append(Point(f"the article calls {gs[0].source_id}'s numbers “partial” (they may not cover "
                                     f"the whole year): “{quote}”", 1, [g.figure_id for g in gs]))
    for f in conflicts:
        if f.severity in ("medium", "high"):
            c["timing"].con.append(Point(f"a gap of {money(abs(f.evidence['gap_usd']))} is far more than goods in "
                                         f"transit at the turn of the year", 1, f.figure_ids))
    # transit and re-export
    for f in gdp_hit:
        w = 3 if f.status == "implausible" else 2
        c["transit"].pro.append(Point(f.message, w, f.figure_ids))
        c["data_error"].pro.append(Point(f"imports of {pct(100 * f.evidence['share'][0])} or more of GDP: if the goods "
                                         f"do not move on, one of the figures is wrong", 1, f.figure_ids))
    for f in conflicts:
        if f.evidence.get("direction") == "exporter_books_transit":
            c["transit"].pro.append(Point(f.message, 2, f.figure_ids))
    for f in surges:
        c["transit"].pro.append(Point(f"{f.message} A surge this steep suggests goods passing through rather than "
                                      f"new production.", 1, f.figure_ids))
    for f in gdp:
        if f.status == "consistent" and f.evidence["share"][1] is not None and f.evidence["share"][1] < 0.5:
            c["transit"].con.append(Point(f"imports stay below half of GDP ({f.message})", 1, f.figure_ids))
    # unrecorded / undervalued imports
    for f in conflicts:
        d = f.evidence.get("direction")
        if d == "importer_under_records":
            c["unrecorded"].pro.append(Point(f.message, 3, f.figure_ids))
        elif d == "importer_over_records":
            c["unrecorded"].con.append(Point(f"the importer records more, not less: {f.message}", 2, f.figure_ids))
    for f in agree if not conflicts else []:
        c["unrecorded"].con.append(Point(f"{flow_phrase(f.reporter, f.partner, 'M')} matches the exporter's figure "
                                         f"after CIF", 1, f.figure_ids))
    if not gaps:
        c["unrecorded"].con.append(Point(f"cannot be tested for {year}: the importer's own figure is not in the store",
                                         0))
    # rerouting
    for f in rer:
        if f.status == "notable" and f.severity != "info":
            c["rerouting"].pro.append(Point(f.message, 3, f.figure_ids))
        elif f.status == "notable":
            c["rerouting"].con.append(Point(f"cannot be tested from totals. {f.evidence.get('data_needed', '')}", 0))
        else:
            c["rerouting"].con.append(Point(f.message, 1, f.figure_ids))
    for f in gdp_hit:
        c["rerouting"].pro.append(Point("imports beyond what the economy can absorb must go somewhere; rerouting is one "
                                        "possibility, transit for ordinary trade another", 1, f.figure_ids))
    # data error
    for f in data_bad:
        w = 3 if f.rule == "unit_error" else (1 if f.rule == "source_conflict" else 2)
        c["data_error"].pro.append(Point(f.message, w, f.figure_ids))
    if sums_ok:
        ids = list(dict.fromkeys(i for f in sums_ok for i in f.figure_ids))
        c["data_error"].con.append(Point(f"the published figures add up within rounding ({len(sums_ok)} sum check"
                                         f"{'s' if len(sums_ok) > 1 else ''}, see sum_consistency)", 1, ids))
    order = list(CAUSES)
    return sorted(c.values(), key=lambda x: (-x.score, -len(x.pro), order.index(x.id)))

