"""mirror_gap: the two sides of a flow disagree by more than CIF/FOB valuation and noise allow.

The importer's record (CIF) against the exporter's (FOB) for the same period, as intervals:
``r = ln(M/X) − ln(1 + cif)`` must lie within the normal band (:mod:`mirrortrade.checks.band`).
A flow a publication does not print but implies (imports = turnover − exports) is used when the
flow itself is not published, and said so. Direction:

* importer lower — *importer under-records* (unrecorded or undervalued imports; Tajikistan), or,
  when the exporter's figure is at least half the importer's GDP, *exporter books transit as
  exports* (goods declared for the country pass through it; Kyrgyzstan);
* importer higher — *importer over-records* (or the exporter under-records; origin attributed
  to goods shipped via third countries).

A gap inside the pair's own historical band (the gap it shows every year) but beyond CIF valuation
is a *persistent* gap: still a conflict between the two statistics (severity by its size beyond CIF, as any gap;
turnover low), explained as the pair's usual gap, never called agreement.

Turnover against turnover differs by design (each side's imports are CIF): it is a conflict when
the two differ beyond rounding and one of its component flows is a conflict, consistent when
the components agree.
"""

from __future__ import annotations

import math
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.band import BandEstimator, MirrorBand, prior_band
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, is_aggregate, name
from mirrortrade.checks.finding import Finding, Rule, gap_text, money, pct, share_range
from mirrortrade.checks.unit_error import is_unit_slip

ID = "mirror_gap"
SEVERITY = "medium"
TEMPLATE = ("{importer_phrase} are {gap} ({gap_pct}) {direction_word} than {exporter_phrase} in {period}: "
            "{importer_value} against {exporter_value}, beyond the normal band ({band}); {reading}")
#: |r| at or beyond these is medium / high
MEDIUM_LOG = math.log(1.15)
HIGH_LOG = math.log(1.5)
#: an exporter's figure above this share of the importer's GDP points to transit, not unrecorded imports
TRANSIT_GDP_SHARE = 0.5

READINGS = {
    "importer_under_records": ("imports that enter {importer} unrecorded or undervalued are the usual reading; goods "
                               "the exporter declares for {importer} that end up elsewhere are the other"),
    "exporter_books_transit": ("the exporter's figure is at least half the importer's GDP: goods declared for "
                               "{importer} that pass through it (transit, re-export) are the likelier reading"),
    "importer_over_records": ("the importer records more than the exporter: origin attributed to goods shipped via "
                              "third countries, or exports the exporter under-records"),
    "closer_than_usual": ("the importer still records less than the exporter, but far less below it than in this "
                          "pair's other years: a change in what either side covers or declares (transit, re-exports, "
                          "unrecorded imports), not the pair's usual disagreement"),
}


def compare(x: Fig, m: Fig, band: MirrorBand) -> dict[str, Any]:
    """The arithmetic of one mirror pair: ratio and CIF-adjusted log gap as intervals, and the verdict."""
    ratio = iv.ratio(m.interval, x.interval)
    lr = iv.log_ratio(m.interval, x.interval)
    r = (lr[0] - band.centre, lr[1] - band.centre)
    h = band.half_width
    if r[0] > h:
        side = "higher"
    elif r[1] < -h:
        side = "lower"
    else:
        side = ""
    excess = (r[0] - h) if side == "higher" else ((-r[1] - h) if side == "lower" else 0.0)
    return {
        "exporter_figure": x.evidence(), "importer_figure": m.evidence(),
        "ratio_importer_to_exporter": list(ratio), "log_ratio": list(lr), "cif_adjusted_log_gap": list(r),
        "band": band.to_dict(), "outside": side, "excess_log": excess,
        "gap_usd": m.value - x.value, "gap_interval": list(iv.sub(m.interval, x.interval)),
        "expected_importer_value": x.value * math.exp(band.centre),
        "cif_adjusted_gap_usd": m.value / math.exp(band.centre) - x.value,
    }


def _severity(ev: dict[str, Any]) -> str:
    r = ev["cif_adjusted_log_gap"]
    mag = r[0] if ev["outside"] == "higher" else -r[1]
    if mag >= HIGH_LOG:
        return "high"
    if mag >= MEDIUM_LOG:
        return "medium"
    return "low"


def _pick(ctx: CheckContext, reporter: str, partner: str, flow: str, period: str) -> list[Fig]:
    pub = ctx.find(reporter=reporter, partner=partner, flow=flow, period=period)
    return pub or ctx.implied(reporter, partner, flow, period)


def _direction(ctx: CheckContext, x: Fig, m: Fig, side: str) -> tuple[str, dict[str, Any]]:
    if side == "higher":
        # above the band, yet below the exporter's figure: only a history band centred far below one does that
        return ("closer_than_usual" if m.interval[1] < x.interval[0] else "importer_over_records"), {}
    gdp, note = ctx.gdp_for(m.reporter, x.p.year)
    extra: dict[str, Any] = {}
    if gdp is not None and gdp.high > 0 and not math.isinf(gdp.high):
        share = iv.share(x.interval, gdp.interval)
        extra = {"exporter_figure_share_of_importer_gdp": list(share), "gdp_figure": gdp.evidence(), "gdp_note": note}
        if share[0] >= TRANSIT_GDP_SHARE:
            return "exporter_books_transit", extra
    return "importer_under_records", extra


def directional(ctx: CheckContext, bands: BandEstimator) -> list[tuple[Fig, Fig, dict[str, Any], Finding]]:
    """Every exporter→importer pair with both sides in the same period."""
    out = []
    seen = set()
    for f in ctx.figs:
        if f.flow not in ("X", "M") or is_aggregate(f.reporter) or is_aggregate(f.partner):
            continue
        exporter, importer = (f.reporter, f.partner) if f.flow == "X" else (f.partner, f.reporter)
        key = (exporter, importer, f.period)
        if key in seen or not ctx.in_scope(f.period):
            continue
        seen.add(key)
        xs = _pick(ctx, exporter, importer, "X", f.period)
        ms = _pick(ctx, importer, exporter, "M", f.period)
        for x in xs:
            for m in ms:
                if x.derivation and m.derivation:
                    continue
                if is_unit_slip(m.value, x.value):
                    continue  # the unit rule reports it
                band = bands.band(exporter, importer, x.p.year)
                ev = compare(x, m, band)
                out.append((x, m, ev, _finding(ctx, x, m, ev)))
    return out


def _finding(ctx: CheckContext, x: Fig, m: Fig, ev: dict[str, Any]) -> Finding:
    period = x.period
    ex_phrase = flow_phrase(x.reporter, x.partner, "X")
    im_phrase = flow_phrase(m.reporter, m.partner, "M")
    lo, hi = ev["band"]["ratio_band"]
    band_txt = f"{m.reporter}'s figure {share_range(lo, hi)} of {x.reporter}'s, {ev['band']['source']}"
    ids = [*x.all_ids, *m.all_ids]
    ev = {**ev, "exporter": x.reporter, "importer": m.reporter, "key": f"{x.reporter}>{m.reporter}"}
    how_m = f" ({m.derivation})" if m.derivation else ""
    how_x = f" ({x.derivation})" if x.derivation else ""
    persistent: dict[str, Any] | None = None
    if ev["band"]["source"] == "history":
        cif = compare(x, m, prior_band())
        if not ev["outside"] and cif["outside"]:
            # inside the pair's own band but beyond CIF valuation: the pair's usual gap, still a gap
            persistent = cif
            ev.update(persistent=True, outside=cif["outside"], cif_band=cif["band"],
                      cif_adjusted_gap_usd=cif["cif_adjusted_gap_usd"])
        elif ev["outside"] and not cif["outside"]:
            # a history band explains a gap as the pair's usual one; it never makes two figures that agree
            # within CIF/FOB valuation a finding (a pair whose other years disagree narrows it away from 1)
            ev = {**ev, **cif, "history_band": ev["band"]}
            lo, hi = ev["band"]["ratio_band"]
            hlo, hhi = ev["history_band"]["ratio_band"]
            band_txt = (f"{m.reporter}'s figure {share_range(lo, hi)} of {x.reporter}'s, prior; this pair's other "
                        f"years put it at {share_range(hlo, hhi)}, history")
    if not ev["outside"]:
        ev["direction"] = ""
        msg = (f"{im_phrase} in {period}, {m.text()}{how_m} [{m.source_id}], and {ex_phrase}, {x.text()}{how_x} "
               f"[{x.source_id}], agree within CIF/FOB valuation and rounding: {m.reporter}'s figure is "
               f"{share_range(*ev['ratio_importer_to_exporter'], digits=1)} of {x.reporter}'s, normal band {band_txt}.")
        return Finding(ID, "info", "consistent", m.reporter, m.partner, "M", period, msg, ev, ids)
    direction, extra = _direction(ctx, x, m, ev["outside"])
    ev.update(extra, direction=direction)
    # the importer's figure against the exporter's as printed (outside a history band the other way, it is still
    # lower: "lower than ..., but less so than usual")
    word = "lower" if ev["outside"] == "lower" or direction == "closer_than_usual" else "higher"
    reading = READINGS[direction].format(importer=name(m.reporter))
    head = (f"{im_phrase} in {period} are {word} in {m.source_id} data ({m.text()}{how_m}) than {ex_phrase} in "
            f"{x.source_id} data ({x.text()}{how_x}): {gap_text(x.value, m.value, x.reporter, m.reporter)}, ")
    if persistent is not None:
        msg = (f"{head}beyond CIF valuation (valued FOB, the gap is {money(abs(ev['cif_adjusted_gap_usd']))}). A "
               f"persistent gap: the pair shows one of this size in its other years ({band_txt}), so it is the two "
               f"statistics' usual disagreement, not agreement: {reading}.")
        # the size beyond CIF valuation sets the severity, as for any gap: usual for the pair, not small
        return Finding(ID, _severity(persistent), "conflict", m.reporter, m.partner, "M", period, msg, ev, ids)
    if ev["band"]["source"] == "history":
        expect = (f"where this pair's own other years put the importer's figure at a median "
                  f"{math.exp(ev['band']['centre_log']):.0%} of the exporter's (measured that way, the gap is "
                  f"{money(abs(ev['cif_adjusted_gap_usd']))})")
    else:
        expect = (f"where CIF valuation would make {m.reporter}'s figure about {ev['band']['cif_rate']:.1%} higher "
                  f"(valued FOB, the gap is {money(abs(ev['cif_adjusted_gap_usd']))})")
    msg = (f"{head}{expect}; beyond the normal band ({band_txt}) and beyond rounding: {reading}.")
    return Finding(ID, _severity(ev), "conflict", m.reporter, m.partner, "M", period, msg, ev, ids)


def turnover(ctx: CheckContext, bands: BandEstimator, comps: list[tuple[Fig, Fig, dict[str, Any], Finding]]) -> list[Finding]:
    out = []
    done = set()
    # the directional findings of each pair and period, grouped once (not scanned again for every turnover pair)
    by_pair: dict[tuple[frozenset[str], str], list[tuple[Fig, Fig, dict[str, Any], Finding]]] = {}
    for c in comps:
        by_pair.setdefault((frozenset((c[0].reporter, c[1].reporter)), c[0].period), []).append(c)
    for t1 in ctx.find(flow="T"):
        if is_aggregate(t1.reporter) or is_aggregate(t1.partner) or not ctx.in_scope(t1.period):
            continue
        a, b = sorted((t1.reporter, t1.partner))
        if (a, b, t1.period) in done:
            continue
        done.add((a, b, t1.period))
        ta = ctx.find(reporter=a, partner=b, flow="T", period=t1.period)
        tb = ctx.find(reporter=b, partner=a, flow="T", period=t1.period)
        for fa in ta:
            for fb in tb:
                if min(fa.value, fb.value) <= 0:  # a gap in percent of zero cannot be computed
                    ctx.skip(ID, fa if fa.value <= 0 else fb, "a turnover of zero has no relative gap")
                    continue
                mine = by_pair.get((frozenset((fa.reporter, fb.reporter)), fa.period), [])
                out.append(_turnover_finding(ctx, bands, fa, fb, mine))
    return out


def _turnover_finding(ctx: CheckContext, bands: BandEstimator, fa: Fig, fb: Fig,
                      mine: list[tuple[Fig, Fig, dict[str, Any], Finding]]) -> Finding:
    """``mine``: the directional findings of the same pair and period."""
    period = fa.period
    sl = iv.slack(fa.interval, fb.interval)
    diff = fb.value - fa.value
    ev: dict[str, Any] = {
        "key": f"T:{fa.reporter}<>{fb.reporter}", "turnover_figures": [fa.evidence(), fb.evidence()],
        "difference_usd": diff, "difference_of": f"{fb.reporter} minus {fa.reporter}", "slack_usd": sl,
        "components": [{"finding_id": c[3].id, "status": c[3].status, "exporter": c[0].reporter,
                        "importer": c[1].reporter, "gap_usd": c[2]["gap_usd"]} for c in mine],
    }
    ids = [fa.figure_id, fb.figure_id] + [i for c in mine for i in c[3].figure_ids]
    reporter, partner = fb.reporter, fa.reporter  # the later code reports; fixed order keeps ids stable
    a_txt = f"{fa.text()} per {fa.source_id}"
    b_txt = f"{fb.text()} per {fb.source_id}"
    pair = f"{name(fa.reporter)}–{name(fb.reporter)} trade in {period}"
    if sl >= 0:
        msg = f"{pair} is {a_txt} and {b_txt}: the same within rounding (slack {money(sl)})."
        return Finding(ID, "info", "consistent", reporter, partner, "T", period, msg, ev, ids)
    conflicts = [c for c in mine if c[3].status == "conflict"]
    rel = abs(diff) / min(fa.value, fb.value)
    if conflicts:
        parts = []
        for c in conflicts:
            x, m = c[0], c[1]
            parts.append(f"{flow_phrase(m.reporter, m.partner, 'M')} {m.text()} [{m.source_id}] against "
                         f"{flow_phrase(x.reporter, x.partner, 'X')} {x.text()} [{x.source_id}]")
        agree = [c for c in mine if c[3].status == "consistent"]
        agree_txt = ""
        if agree:
            c = agree[0]
            agree_txt = (f" The other direction agrees after CIF ({flow_phrase(c[1].reporter, c[1].partner, 'M')} "
                         f"{c[1].text()}{' — ' + c[1].derivation if c[1].derivation else ''}, against "
                         f"{c[0].text()}).")
        explained = sum(abs(c[2]["gap_usd"]) for c in conflicts)
        if len({c[0].reporter for c in mine}) == 1 and explained < abs(diff) / 2:
            where = (f"Of it, {money(explained)} sits in {'; '.join(parts)}; the other {money(abs(diff) - explained)} "
                     "sits in the other direction, which only one side publishes.")
        else:
            where = f"The gap sits in {'; '.join(parts)}."
        msg = (f"{pair} conflicts between the two statistics: {a_txt}, {b_txt}, {money(abs(diff))} ({pct(100 * rel)}) "
               f"apart, {money(-sl)} beyond what rounding allows. {where}{agree_txt}")
        ev["explained_by"] = [c[3].id for c in conflicts]
        return Finding(ID, "low", "conflict", reporter, partner, "T", period, msg, ev, ids)
    # the components explain the turnover gap only when both directions are published (one agreeing direction
    # says nothing about the other, where the gap must then sit)
    if len({c[0].reporter for c in mine}) == 2:
        msg = (f"{pair} is {a_txt} and {b_txt}, {money(abs(diff))} apart, more than rounding allows, but "
               f"the component flows agree after CIF/FOB valuation: each side counts its own imports CIF.")
        return Finding(ID, "info", "consistent", reporter, partner, "T", period, msg, ev, ids)
    band = bands.band(fa.reporter, fb.reporter, fa.p.year)
    lr = iv.log_ratio(fb.interval, fa.interval)
    h = band.half_width + band.centre  # either side's imports may carry the CIF margin
    ev["band"] = band.to_dict()
    ev["log_ratio"] = list(lr)
    if lr[0] > h or lr[1] < -h:
        msg = (f"{pair} conflicts between the two statistics: {a_txt}, {b_txt}, {money(abs(diff))} "
               f"({pct(100 * rel)}) apart, beyond rounding and beyond CIF valuation of either side's imports "
               f"({band.source} band); {_components_say(mine)}")
        return Finding(ID, "low", "conflict", reporter, partner, "T", period, msg, ev, ids)
    if band.source == "history":
        cif = prior_band()
        hc = cif.half_width + cif.centre
        if lr[0] > hc or lr[1] < -hc:
            ev["persistent"] = True
            msg = (f"{pair} conflicts between the two statistics: {a_txt}, {b_txt}, {money(abs(diff))} "
                   f"({pct(100 * rel)}) apart, beyond rounding and beyond CIF valuation of either side's imports. "
                   f"A persistent gap: the pair shows one of this size in its other years ({band.detail}); "
                   f"{_components_say(mine)}")
            return Finding(ID, "low", "conflict", reporter, partner, "T", period, msg, ev, ids)
    msg = (f"{pair} is {a_txt} and {b_txt}, {money(abs(diff))} apart: within CIF valuation of either side's "
           f"imports ({band.source} band).")
    return Finding(ID, "info", "consistent", reporter, partner, "T", period, msg, ev, ids)


def _components_say(mine: list[tuple[Fig, Fig, dict[str, Any], Finding]]) -> str:
    """What the published component flows say about where a turnover gap sits."""
    if not mine:
        return "the component flows are not published to say which."
    x, m = mine[0][0], mine[0][1]
    return (f"of the component flows only {flow_phrase(m.reporter, m.partner, 'M')} against "
            f"{flow_phrase(x.reporter, x.partner, 'X')} is published by both sides ({mine[0][3].status}), so the "
            "rest of the gap sits in the other direction.")


def check(ctx: CheckContext) -> list[Finding]:
    bands = ctx.bands
    comps = directional(ctx, bands)
    return [c[3] for c in comps] + turnover(ctx, bands, comps)


RULE = Rule(ID, SEVERITY, TEMPLATE, "the two sides of a flow differ beyond CIF/FOB valuation and reporter noise", check)
