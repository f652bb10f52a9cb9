"""exceeds_gdp: a country's imports from one partner above a share of its GDP.

Imports as the country reports them, or as the partner reports its exports to it (mirror),
against the country's GDP for the same year, else the latest earlier year (said so). Bounds are
respected: "more than $22bn" of imports against a GDP "under $22bn" is at least 100% of GDP.
At or above :data:`IMPLAUSIBLE_SHARE` the finding is ``implausible`` (high); at or above
:data:`NOTABLE_SHARE`, ``notable`` (medium). The lower end of the share interval must clear the
threshold, so rounding never triggers it.
"""

from __future__ import annotations

from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, is_aggregate, name
from mirrortrade.checks.finding import Finding, Rule, pct, share_range
from mirrortrade.checks.period_mismatch import ANNUALISE_CAVEAT
from mirrortrade.model import Period

ID = "exceeds_gdp"
SEVERITY = "high"
TEMPLATE = ("{imports} in {year} ({value}, {source}) are {share} of {country}'s GDP ({gdp}, {gdp_note}): "
            "{verdict}")
IMPLAUSIBLE_SHARE = 1.0
NOTABLE_SHARE = 0.5


def check(ctx: CheckContext, *, implausible: float = IMPLAUSIBLE_SHARE, notable: float = NOTABLE_SHARE) -> list[Finding]:
    out = []
    for f0 in ctx.figs:
        if not ctx.in_scope(f0.period) or is_aggregate(f0.reporter) or is_aggregate(f0.partner):
            continue
        if f0.flow == "M":
            country, side = f0.reporter, "reported"
        elif f0.flow == "X":
            country, side = f0.partner, "mirror"
        else:
            continue
        f = ctx.tightened(f0)
        gdp, note = ctx.gdp_for(country, f.p.year)
        if gdp is None:
            continue
        # GDP is for a whole year: a figure for part of a year is annualised (never compared as it stands)
        months = f.p.n_months
        flow_iv = f.interval if months == 12 else iv.scale(f.interval, 12 / months)
        sh = iv.share(flow_iv, gdp.interval)
        if sh[0] == 0 and sh[1] == float("inf"):
            ctx.skip(ID, f, f"its share of {name(country)}'s GDP ({gdp.text()}) has no bound on either side")
            continue
        imports = (f"{name(country)}'s imports from {name(f.partner if side == 'reported' else f.reporter)}"
                   + ("" if side == "reported" else f" as {name(f.reporter)} reports them ({flow_phrase(f.reporter, f.partner, 'X')})"))
        share_txt = share_range(*sh, digits=0 if sh[0] >= 0.01 else 2)
        ev: dict[str, Any] = {"key": f"{side}:{f.figure_id}", "side": side, "country": country, "imports": f.evidence(),
                              "gdp": gdp.evidence(), "gdp_note": note, "share": list(sh),
                              "thresholds": {"implausible": implausible, "notable": notable}}
        ids = [*f.all_ids, gdp.figure_id]
        period = f.period
        how = f" ({f.derivation})" if f.derivation else ""
        if months != 12:
            how += f" ({months} months, {ANNUALISE_CAVEAT})"
            ev["annualised"] = {"months": months, "interval": list(flow_iv)}
        gnote = "" if gdp.p.year == f.p.year else f"; {note}"
        base = (f"{imports} in {period}, {f.text()}{how} [{f.source_id}], are {share_txt} of {name(country)}'s GDP "
                f"({gdp.text()}, {gdp.source_id} {gdp.period}{gnote})")
        if sh[0] >= notable:
            alt = _other_gdp(ctx, country, gdp)
            if alt is not None:
                ash = iv.share(f.interval, alt.interval)
                ev["other_gdp"] = {"gdp": alt.evidence(), "share": list(ash)}
                ids.append(alt.figure_id)
                base += (f"; against {alt.source_id}'s GDP for {alt.period} ({alt.text()}) the share is "
                         f"{share_range(*ash)}")
        if sh[0] >= implausible:
            msg = (base + ": imports from a single partner cannot plausibly exceed the whole economy unless most of "
                   "them move on (transit, re-export) or one of the figures is wrong.")
            out.append(Finding(ID, "high", "implausible", f.reporter, f.partner, f.flow, period, msg, ev, ids))
        elif sh[0] >= notable:
            msg = base + f": more than {pct(100 * notable)} of GDP from one partner is rare and worth checking."
            out.append(Finding(ID, "medium", "notable", f.reporter, f.partner, f.flow, period, msg, ev, ids))
        else:
            msg = base + f": below the {pct(100 * notable)} mark."
            out.append(Finding(ID, "info", "consistent", f.reporter, f.partner, f.flow, period, msg, ev, ids))
    return out


def _other_gdp(ctx: CheckContext, country: str, used: Fig) -> Fig | None:
    """The latest exact GDP figure from another source than the one used (a cross-check for bounds)."""
    y = Period.parse(used.period).year
    cand = [r for r in ctx.gdp_rows(country) if r.source_id != used.source_id and r.qualifier == "exact" and r.year <= y]
    if not cand:
        return None
    r = sorted(cand, key=lambda x: (x.year, x.vintage))[-1]
    fig, _ = ctx.gdp_for(country, int(r.year))
    return fig if fig is not None and fig.figure_id == r.figure_id else None


RULE = Rule(ID, SEVERITY, TEMPLATE, "imports from one partner above a share of the importer's GDP", check)
