"""An article's claims checked against each other, with interval arithmetic.

    findings = check_internal(claims, indicators=())
    apply_status(claims, findings)

Each finding is a dict ``{"rule", "severity", "claims": [ids], "message", "evidence": {...}}``;
``evidence["verdict"]`` is ``consistent``, ``conflict`` or ``implausible``. Severity is ``info``
for a consistent finding, ``low`` / ``medium`` / ``high`` for problems.

Rules (every published figure is an interval from its printed precision and qualifier):

* ``turnover_sum``: T = X + M for the same reporter, partner, period and source;
* ``balance_sum``: B = X - M likewise;
* ``regional_sum``: a CA5 figure = the sum of the five countries' (when all five are stated);
  a partial sum above the regional figure is a conflict too;
* ``growth_vs_levels``: a stated growth rate against the two stated levels it compares;
  ``change_vs_levels`` likewise for "up $1.5 billion";
* ``same_figure``: the same figure stated twice (or by two articles checked together): disjoint
  intervals conflict; different printed values whose intervals only touch are flagged ``low``;
* ``mirror_in_article``: both sides of one flow stated in the article: the importer's figure
  (CIF) should be 0.95-1.20 times the exporter's (FOB), turnover 0.90-1.20 times;
* ``trade_vs_gdp_in_article``: one partner's exports to (or imports from) a country of 75 % of that
  country's stated GDP or more are implausible;
* ``surge``: a level that more than triples (or falls below a third) from one year to the next;
* ``relative_statement``: "nearly quadrupled", "grew by nearly 50 percent" against the two levels
  stated (ranges of :mod:`mirrortrade.checks.relative`);
* ``share_vs_levels``: a share against the part and the total when both are stated;
* ``difference_vs_levels``: a stated gap ("a gap of $1.1 billion") against the two levels of the
  same flow and period it can be between (mirror figures or two sources of the same figure).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from mirrortrade.claims.extract import Claim
from mirrortrade.claims.indicators import IndicatorFigure
from mirrortrade.model import AGGREGATE_MEMBERS, Period

Interval = tuple[float, float]

#: importer's figure / exporter's figure allowed for a mirror pair (CIF/FOB margin, timing, rounding)
MIRROR_RATIO = (0.95, 1.20)
MIRROR_RATIO_TURNOVER = (0.90, 1.20)
#: one partner's trade at or above this share of the country's GDP is implausible
GDP_SHARE_IMPLAUSIBLE = 0.75
#: year-on-year ratios outside [1/SURGE, SURGE] are surges
SURGE = 3.0
_EPS = 1e-9


def _add(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


def _sub(a: Interval, b: Interval) -> Interval:
    return (a[0] - b[1], a[1] - b[0])


def _ratio(a: Interval, b: Interval) -> Interval:
    """a / b for positive intervals."""
    lo = a[0] / b[1] if b[1] > 0 else math.inf
    hi = a[1] / b[0] if b[0] > 0 else math.inf
    return (lo, hi)


def _overlap(a: Interval, b: Interval) -> bool:
    tol = _EPS * max(1.0, *(abs(x) for x in (*a, *b) if math.isfinite(x)))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def _fmt(x: float) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    ax = abs(x)
    if ax >= 1e9:
        return f"${x / 1e9:,.3f}bn"
    if ax >= 1e6:
        return f"${x / 1e6:,.2f}mn"
    return f"{x:,.4g}"


def _fi(iv: Interval) -> str:
    return f"[{_fmt(iv[0])}, {_fmt(iv[1])}]"


def _ev(verdict: str, **kw: object) -> dict[str, object]:
    out: dict[str, object] = {"verdict": verdict}
    for k, v in kw.items():
        if isinstance(v, tuple):
            v = [None if (isinstance(x, float) and not math.isfinite(x)) else x for x in v]
        elif isinstance(v, float) and not math.isfinite(v):
            v = None
        out[k] = v
    return out


def _finding(rule: str, severity: str, ids: Iterable[str], message: str, evidence: dict[str, object]) -> dict:
    return {"rule": rule, "severity": severity, "claims": list(ids), "message": message, "evidence": evidence}


def _levels(claims: Sequence[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind == "level" and c.value_usd is not None and c.interval is not None
            and c.reporter and c.partner and c.flow and c.period]


def _merged(group: list[Claim]) -> Interval:
    """The intersection of the intervals of the same figure stated several times (or the first if disjoint)."""
    ivs = [c.interval for c in group if c.interval is not None]
    lo = max(iv[0] for iv in ivs)
    hi = min(iv[1] for iv in ivs)
    if lo <= hi:
        return (lo, hi)
    return ivs[0]


def check_internal(claims: Sequence[Claim], indicators: Sequence[IndicatorFigure] = ()) -> list[dict]:
    """Findings from the claims (and indicator figures) of one article checked against each other."""
    levels = _levels(claims)
    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    for c in levels:
        by_key[(c.reporter, c.partner, c.flow, c.period, c.source)].append(c)
    out: list[dict] = []
    out += _same_figure(by_key)
    out += _sums(by_key)
    out += _regional(by_key)
    out += _growth(claims, by_key)
    out += _mirror(by_key)
    out += _surge(by_key)
    out += _gdp(levels, indicators)
    out += _shares(claims, by_key)
    out += _relative(indicators)
    out += _differences(claims, levels)
    return out


def _differences(claims: Sequence[Claim], levels: list[Claim]) -> list[dict]:
    out = []
    mirror = {"X": "M", "M": "X", "T": "T", "B": "B"}
    for d in claims:
        if d.kind != "difference" or d.difference_low is None or d.difference_high is None:
            continue
        pairs = []
        for a, b in combinations(levels, 2):
            if a.period != b.period or (d.period and a.period != d.period):
                continue
            same = (a.reporter, a.partner, a.flow) == (b.reporter, b.partner, b.flow) and a.source != b.source
            mirrored = (a.reporter, a.partner) == (b.partner, b.reporter) and mirror.get(a.flow or "") == b.flow
            if (same or mirrored) and {a.reporter, a.partner} >= {x for x in (d.reporter, d.partner) if x}:
                pairs.append((a, b))
        if not pairs:
            continue
        stated = (d.difference_low, d.difference_high)
        fits = []
        for a, b in pairs:
            ia, ib = a.interval, b.interval
            assert ia is not None and ib is not None
            gap = _sub(ia, ib) if ia[0] + ia[1] >= ib[0] + ib[1] else _sub(ib, ia)
            if _overlap(gap, stated):
                fits.append((a, b, gap))
        if fits:
            a, b, gap = fits[0]
            out.append(_finding("difference_vs_levels", "info", [d.id, a.id, b.id],
                                f"The stated gap of {d.text} matches {a.text} ({a.reporter} {a.flow}) against {b.text} "
                                f"({b.reporter} {b.flow}), {a.period}: {_fi(gap)}.",
                                _ev("consistent", stated=stated, computed=gap)))
        else:
            a, b = pairs[0]
            ia, ib = a.interval, b.interval
            assert ia is not None and ib is not None
            gap = _sub(ia, ib) if ia[0] + ia[1] >= ib[0] + ib[1] else _sub(ib, ia)
            out.append(_finding("difference_vs_levels", "medium", [d.id, a.id, b.id],
                                f"The stated gap of {d.text} fits no two figures the article gives for {a.period} "
                                f"(e.g. {a.text} against {b.text}: {_fi(gap)}).",
                                _ev("conflict", stated=stated, computed=gap)))
    return out


# ---- rules ------------------------------------------------------------------------------------


def _same_figure(by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    for key, group in by_key.items():
        for a, b in combinations(group, 2):
            ia, ib = a.interval, b.interval
            assert ia is not None and ib is not None
            what = f"{key[0]} {key[2]} {key[1]} {key[3]}"
            if not _overlap(ia, ib):
                out.append(_finding("same_figure", "medium", [a.id, b.id],
                                    f"{what} is stated as {a.text} and as {b.text}: the two cannot both hold "
                                    f"({_fi(ia)} vs {_fi(ib)}).", _ev("conflict", a=ia, b=ib)))
            elif a.value_usd != b.value_usd and a.qualifier == b.qualifier == "exact":
                out.append(_finding("same_figure", "low", [a.id, b.id],
                                    f"{what} is printed as {a.text} and as {b.text}; their rounding intervals only "
                                    f"touch ({_fi(ia)} vs {_fi(ib)}): one of them is a revision or a misprint.",
                                    _ev("conflict", a=ia, b=ib)))
            else:
                out.append(_finding("same_figure", "info", [a.id, b.id],
                                    f"{what} is stated twice ({a.text}, {b.text}) and the statements agree.",
                                    _ev("consistent", a=ia, b=ib)))
    return out


def _sums(by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    for (rep, par, flow, per, src), group in by_key.items():
        if flow not in ("T", "B"):
            continue
        xs = by_key.get((rep, par, "X", per, src))
        ms = by_key.get((rep, par, "M", per, src))
        if not xs or not ms:
            continue
        whole = _merged(group)
        ix, im = _merged(xs), _merged(ms)
        parts = _add(ix, im) if flow == "T" else _sub(ix, im)
        ids = [group[0].id, xs[0].id, ms[0].id]
        rule = "turnover_sum" if flow == "T" else "balance_sum"
        op = "+" if flow == "T" else "-"
        what = f"{rep}–{par} {per}"
        if _overlap(whole, parts):
            out.append(_finding(rule, "info", ids,
                                f"{what}: {flow} {group[0].text} agrees with X {op} M = {xs[0].text} {op} {ms[0].text} "
                                f"({_fi(parts)} overlaps {_fi(whole)}).", _ev("consistent", stated=whole, computed=parts)))
        else:
            out.append(_finding(rule, "medium", ids,
                                f"{what}: {flow} {group[0].text} does not equal X {op} M = {xs[0].text} {op} {ms[0].text} "
                                f"({_fi(parts)} vs {_fi(whole)}).", _ev("conflict", stated=whole, computed=parts)))
    return out


def _regional(by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    for (rep, par, flow, per, src), group in by_key.items():
        members = AGGREGATE_MEMBERS.get(par or "")
        if not members:
            continue
        found = {m: by_key[(rep, m, flow, per, src)] for m in members if (rep, m, flow, per, src) in by_key}
        if not found:
            continue
        whole = _merged(group)
        total = (0.0, 0.0)
        for g in found.values():
            total = _add(total, _merged(g))
        ids = [group[0].id] + [g[0].id for g in found.values()]
        names = " + ".join(f"{m} {g[0].text}" for m, g in found.items())
        what = f"{rep} {flow} {par} {per}"
        if len(found) == len(members):
            if _overlap(whole, total):
                out.append(_finding("regional_sum", "info", ids,
                                    f"{what} {group[0].text} agrees with the sum of the countries ({names} = {_fi(total)}).",
                                    _ev("consistent", stated=whole, computed=total)))
            else:
                out.append(_finding("regional_sum", "medium", ids,
                                    f"{what} {group[0].text} does not equal the sum of the countries "
                                    f"({names} = {_fi(total)}).", _ev("conflict", stated=whole, computed=total)))
        elif total[0] > whole[1] * (1 + _EPS):
            out.append(_finding("regional_sum", "medium", ids,
                                f"{what} {group[0].text} is less than the sum of only {len(found)} of its countries "
                                f"({names} = {_fi(total)}).", _ev("conflict", stated=whole, computed=total)))
    return out


def _growth(claims: Sequence[Claim], by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    for c in claims:
        if c.growth_pct is None and c.change_usd is None:
            continue
        if not (c.period and c.reporter and c.partner and c.flow):
            continue
        base = c.growth_base
        if base is None:
            continue
        cur_group = by_key.get((c.reporter, c.partner, c.flow, c.period, c.source))
        base_group = by_key.get((c.reporter, c.partner, c.flow, base, c.source))
        if not cur_group or not base_group:
            continue
        try:
            if not Period.parse(c.period).comparable(Period.parse(base)):
                continue
        except Exception:  # noqa: BLE001 - an unparseable base is no comparison
            continue
        cur, prev = _merged(cur_group), _merged(base_group)
        ids = [c.id] + [x.id for x in (cur_group[0], base_group[0]) if x.id != c.id]
        if c.growth_pct is not None and c.growth_low is not None and c.growth_high is not None:
            r = _ratio(cur, prev)
            implied = ((r[0] - 1) * 100, (r[1] - 1) * 100)
            stated = (c.growth_low, c.growth_high)
            ok = _overlap(implied, stated)
            msg = (f"{c.reporter} {c.flow} {c.partner}: growth {c.growth_pct:+g}% {c.period} over {base} "
                   f"{'agrees' if ok else 'does not agree'} with the levels {cur_group[0].text} and {base_group[0].text} "
                   f"(implied {implied[0]:+.1f}% to {implied[1]:+.1f}%).")
            out.append(_finding("growth_vs_levels", "info" if ok else "medium", ids, msg,
                                _ev("consistent" if ok else "conflict", stated_pct=stated, implied_pct=implied)))
        if c.change_usd is not None and c.change_low is not None and c.change_high is not None:
            implied = _sub(cur, prev)
            stated = (c.change_low, c.change_high)
            ok = _overlap(implied, stated)
            out.append(_finding("change_vs_levels", "info" if ok else "medium", ids,
                                f"{c.reporter} {c.flow} {c.partner}: a change of {_fmt(c.change_usd)} "
                                f"{'agrees' if ok else 'does not agree'} with the levels (implied {_fi(implied)}).",
                                _ev("consistent" if ok else "conflict", stated=stated, implied=implied)))
    return out


def _mirror(by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    seen = set()
    for (rep, par, flow, per, src), group in by_key.items():
        if flow not in ("X", "M", "T") or par in AGGREGATE_MEMBERS or par == "WLD":
            continue
        mflow = {"X": "M", "M": "X", "T": "T"}[flow]
        for (rep2, par2, flow2, per2, src2), group2 in by_key.items():
            if (rep2, par2, flow2, per2) != (par, rep, mflow, per) or src2 == src:
                continue
            pair = frozenset([(rep, flow), (rep2, flow2)])
            if (pair, per) in seen:
                continue
            seen.add((pair, per))
            if flow == "T":
                imp, exp_, lim = _merged(group), _merged(group2), MIRROR_RATIO_TURNOVER
                a, b = group[0], group2[0]
            elif flow == "M":
                imp, exp_, lim = _merged(group), _merged(group2), MIRROR_RATIO
                a, b = group[0], group2[0]
            else:
                imp, exp_, lim = _merged(group2), _merged(group), MIRROR_RATIO
                a, b = group2[0], group[0]
            r = _ratio(imp, exp_)
            ok = _overlap(r, lim)
            what = (f"{a.reporter}'s {'turnover with' if flow == 'T' else 'imports from'} {a.partner} ({a.text}, {a.source}) "
                    f"vs {b.reporter}'s {'turnover with' if flow == 'T' else 'exports to'} {b.partner} ({b.text}, {b.source}), {per}")
            msg = (f"{what}: ratio {r[0]:.2f}–{r[1]:.2f}, "
                   + ("within" if ok else "outside") + f" the {lim[0]:.2f}–{lim[1]:.2f} a CIF/FOB margin explains.")
            out.append(_finding("mirror_in_article", "info" if ok else "medium", [a.id, b.id], msg,
                                _ev("consistent" if ok else "conflict", ratio=r, allowed=lim)))
    return out


def _surge(by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    series: dict[tuple, dict[int, list[Claim]]] = defaultdict(dict)
    for (rep, par, flow, per, src), group in by_key.items():
        try:
            p = Period.parse(per)
        except Exception:  # noqa: BLE001
            continue
        if p.is_full_year and flow in ("X", "M", "T"):
            series[(rep, par, flow, src)][p.year] = group
    for key, years in series.items():
        for y in sorted(years):
            if y - 1 not in years:
                continue
            cur, prev = _merged(years[y]), _merged(years[y - 1])
            r = _ratio(cur, prev)
            if r[0] > SURGE or r[1] < 1 / SURGE:
                a, b = years[y - 1][0], years[y][0]
                word = "surged" if r[0] > SURGE else "collapsed"
                out.append(_finding("surge", "medium", [a.id, b.id],
                                    f"{key[0]} {key[2]} {key[1]} {word} from {a.text} ({y - 1}) to {b.text} ({y}): "
                                    f"×{r[0]:.1f}–{r[1]:.1f} in one year; worth checking what is behind it.",
                                    _ev("implausible", ratio=r, threshold=SURGE)))
    return out


def _gdp(levels: list[Claim], indicators: Sequence[IndicatorFigure]) -> list[dict]:
    out = []
    gdps = [f for f in indicators if f.indicator == "gdp_usd" and f.country]
    for g in gdps:
        giv = (max(g.value_low, 0.0), g.value_high)
        for c in levels:
            if c.period != g.period or c.flow not in ("X", "M"):
                continue
            if g.country not in (c.reporter, c.partner):
                continue
            civ = c.interval
            assert civ is not None
            r = _ratio(civ, giv)
            if r[0] >= GDP_SHARE_IMPLAUSIBLE:
                side = {"X": "exports to", "M": "imports from"}[c.flow]
                out.append(_finding("trade_vs_gdp_in_article", "high", [c.id, g.id],
                                    f"{c.reporter}'s {side} {c.partner} in {c.period} ({c.text}) are at least "
                                    f"{r[0]:.0%} of {g.country}'s GDP as stated in the article ({g.text}, {g.qualifier}): "
                                    f"one partner's trade that large is implausible; one of the figures is wrong.",
                                    _ev("implausible", ratio=r, threshold=GDP_SHARE_IMPLAUSIBLE)))
    return out


def _shares(claims: Sequence[Claim], by_key: dict[tuple, list[Claim]]) -> list[dict]:
    out = []
    for c in claims:
        if c.kind != "share" or c.share_low is None or c.share_high is None:
            continue
        part = by_key.get((c.reporter, c.partner, c.flow, c.period, c.source))
        total = by_key.get((c.reporter, "WLD", c.flow, c.period, c.source))
        if not part or not total:
            continue
        r = _ratio(_merged(part), _merged(total))
        implied = (r[0] * 100, r[1] * 100)
        ok = _overlap(implied, (c.share_low, c.share_high))
        out.append(_finding("share_vs_levels", "info" if ok else "medium", [c.id, part[0].id, total[0].id],
                            f"{c.partner}'s share of {c.reporter}'s {c.share_of or 'trade'} stated as {c.text} "
                            f"{'agrees' if ok else 'does not agree'} with the levels ({implied[0]:.1f}–{implied[1]:.1f}%).",
                            _ev("consistent" if ok else "conflict", stated_pct=(c.share_low, c.share_high),
                                implied_pct=implied)))
    return out


def _relative(indicators: Sequence[IndicatorFigure]) -> list[dict]:
    out = []
    for f in indicators:
        if f.relation is None or f.previous_low is None or f.previous_high is None:
            continue
        assert f.relation_low is not None and f.relation_high is not None
        r = _ratio((f.value_low, f.value_high), (f.previous_low, f.previous_high))
        allowed = (f.relation_low, f.relation_high)
        ok = _overlap(r, allowed)
        ids = [f.id] + ([f.previous_id] if f.previous_id else [])
        hi = "∞" if not math.isfinite(allowed[1]) else f"{allowed[1]:.3f}"
        out.append(_finding("relative_statement", "info" if ok else "medium", ids,
                            f"{f.indicator} {f.country} ({f.partner}): “{f.relation}” allows a ratio in "
                            f"[{allowed[0]:.3f}, {hi}]; {f.text} ({f.period}) over {f.previous_value:,.0f} "
                            f"({f.previous_period}) is {r[0]:.3f}–{r[1]:.3f}: {'consistent' if ok else 'NOT consistent'}.",
                            _ev("consistent" if ok else "conflict", ratio=r, allowed=allowed)))
    return out


# ---- statuses ---------------------------------------------------------------------------------


def apply_status(claims: Sequence[Claim], findings: Sequence[dict]) -> None:
    """Set each claim's status from the findings naming it: implausible > conflict > consistent;
    a claim no finding names stays ``unverifiable``. Also attaches the findings to ``claim.findings``."""
    rank = {"unverifiable": 0, "consistent": 1, "conflict": 2, "implausible": 3}
    by_id = {c.id: c for c in claims}
    for f in findings:
        verdict = str(f.get("evidence", {}).get("verdict", ""))
        if f.get("severity") == "low":
            continue  # printed differently within rounding: worth a note, not a verdict
        for cid in f["claims"]:
            c = by_id.get(cid)
            if c is None or verdict not in rank:
                continue
            c.findings.append(f)
            if rank[verdict] > rank.get(c.status, 0):
                c.status = verdict
