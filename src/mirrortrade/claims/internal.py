"""Claims of one article checked against each other, for the statements the store's rules do not read.

    findings = check_internal(claims, indicators=())

:func:`mirrortrade.claims.verify.check_claims` runs the shared rules of :mod:`mirrortrade.checks`
(sums, growth rates, the same figure twice, mirror gaps, GDP, surges) over the article's levels and
then appends these findings; it is also the one place that turns findings into claim statuses.
What is left here are statements that are not levels, so the store never holds them:

* ``balance_sum``: a stated balance B = X − M for the same reporter, partner, period and source
  (the shared ``sum_consistency`` checks T = X + M only);
* ``change_vs_levels``: "up $1.5 billion" against the two stated levels it compares;
* ``share_vs_levels``: "18% of its foreign trade" against the part and the total (partner ``WLD``);
* ``difference_vs_levels``: "a gap of $1.1 billion" against two levels of the same flow and period it
  can be between (the two sides of a mirror pair, or two sources of the same figure);
* ``relative_statement``: "nearly quadrupled" against the two indicator levels it compares (ranges of
  :mod:`mirrortrade.checks.relative`).

All arithmetic is interval arithmetic from :mod:`mirrortrade.checks.intervals`: every printed figure is
an interval from its precision and qualifier, and a statement holds when what it says overlaps what
the levels allow. Each finding is a dict ``{"rule", "severity", "status", "claims", "message",
"evidence"}`` (plus ``"about"`` — reporter, partner, flow, period — when it concerns one flow, so that a
conflict marks the claims about that flow rather than those used as evidence). ``status`` is
``consistent`` (severity ``info``) or ``conflict`` (``medium``); ``evidence`` is the JSON of
:class:`mirrortrade.checks.intervals.Consistency` (``computed`` from the levels, ``published`` as
stated, ``slack``) plus what else the rule used.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import flow_phrase
from mirrortrade.checks.finding import money, money_exact
from mirrortrade.checks.relative import RelativeStatement, check_relative
from mirrortrade.claims.extract import Claim
from mirrortrade.claims.indicators import IndicatorFigure
from mirrortrade.model import MIRROR_FLOW, Period

Interval = iv.Interval


def check_internal(claims: Sequence[Claim], indicators: Sequence[IndicatorFigure] = ()) -> list[dict[str, Any]]:
    """Findings from the claims (and indicator figures) of one article checked against each other."""
    levels = [c for c in claims if c.kind == "level" and c.interval is not None
              and c.reporter and c.partner and c.flow and c.period]
    by_key: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for c in levels:
        by_key[(c.reporter, c.partner, c.flow, c.period, c.source)].append(c)
    return [*_balances(by_key), *_changes(claims, by_key), *_shares(claims, by_key),
            *_differences(claims, levels), *_relative(indicators)]


# ---- helpers ----------------------------------------------------------------------------------


def _agree(computed: Interval, published: Interval) -> iv.Consistency:
    """Do what the levels allow and what the article says overlap (up to floating-point noise)?"""
    sl = iv.slack(computed, published)
    m = max((abs(x) for x in (*computed, *published) if math.isfinite(x)), default=0.0)
    return iv.Consistency(sl >= -iv.REL_EPS * max(m, 1.0), sl, computed, published)


def _merged(group: Sequence[Claim]) -> Interval:
    """One figure stated several times: the intersection of its intervals (the first if they are disjoint;
    the shared ``source_conflict`` rule reports that)."""
    ivs = [c.interval for c in group if c.interval is not None]
    out: Interval | None = ivs[0]
    for x in ivs[1:]:
        if out is None:
            break
        out = iv.intersect(out, x)
    return out if out is not None else ivs[0]


_DECIMALS = re.compile(r"\d[.,]\d")
#: the largest rounding unit, relative to the figure, of a whole number that may have been cut: three digits or more
_WHOLE_CUT = 0.01


def cut_interval(x: Interval, c: Claim, *, whole: bool = False) -> Interval:
    """An exact figure printed with decimals ("$3.86 billion" shortened to "$3.8 billion", "$2.19 billion" for
    $2,195.5 million) may be cut to its digits as well as rounded: [v − p/2, v + p). A round number ("$19
    billion") is taken as rounded, unless ``whole``: a total the press gives in whole units of three digits or more
    ("trade touched $125 billion" for $125.66 billion: one unit is under 1% of it) may be cut as well; a round
    number of one or two digits ("$2 billion") stays rounded. A cut goes toward zero: a negative figure (a deficit,
    a fall) widens down."""
    lo, hi = x
    if c.qualifier != "exact" or not (math.isfinite(lo) and math.isfinite(hi)):
        return x
    long_whole = whole and hi - lo <= _WHOLE_CUT * max(abs(lo), abs(hi))
    if not (long_whole or _DECIMALS.search(c.text or "")):
        return x
    if lo >= 0:
        return (lo, hi + (hi - lo) / 2)
    if hi <= 0:
        return (lo - (hi - lo) / 2, hi)
    return x


def _about(c: Claim) -> dict[str, Any]:
    return {"reporter": c.reporter, "partner": c.partner, "flow": c.flow, "period": c.period}


def _finding(rule: str, c: iv.Consistency, ids: Sequence[str], message: str, *,
             about: dict[str, Any] | None = None) -> dict[str, Any]:
    f: dict[str, Any] = {"rule": rule, "severity": "info" if c.consistent else "medium",
                         "status": "consistent" if c.consistent else "conflict",
                         "claims": list(dict.fromkeys(ids)), "message": message, "evidence": c.to_dict()}
    if about is not None:
        f["about"] = about
    return f


def _usd(iv_: Interval) -> str:
    """An interval of dollars, signs and all: '$0.305bn to $1.895bn', '-$5.5bn to -$4.5bn'."""
    return " to ".join(money(x) if math.isinf(x) else money_exact(x) for x in iv_)


def _comparable(a: str | None, b: str | None) -> bool:
    try:
        return a is not None and b is not None and Period.parse(a).comparable(Period.parse(b))
    except Exception:  # noqa: BLE001 - an unparseable period compares with nothing
        return False


def _pct(iv_: Interval) -> str:
    hi = "∞" if math.isinf(iv_[1]) else f"{iv_[1]:.1f}%"
    return f"{iv_[0]:.1f}% to {hi}"


# ---- rules ------------------------------------------------------------------------------------


def _balances(by_key: dict[tuple[Any, ...], list[Claim]]) -> list[dict[str, Any]]:
    """B = X − M within rounding."""
    out = []
    for (rep, par, flow, per, src), group in by_key.items():
        xs, ms = by_key.get((rep, par, "X", per, src)), by_key.get((rep, par, "M", per, src))
        if flow != "B" or not xs or not ms:
            continue
        b, x, m = group[0], xs[0], ms[0]
        c = _agree(iv.sub(cut_interval(_merged(xs), x), cut_interval(_merged(ms), m)), cut_interval(_merged(group), b))
        verdict = "agrees with" if c.consistent else "does not equal"
        out.append(_finding(
            "balance_sum", c, [b.id, x.id, m.id],
            f"{flow_phrase(rep, par, 'B')} in {per}, {money(b.value_usd)} (printed {b.text}), {verdict} exports "
            f"{x.text} − imports {m.text}: {_usd(c.computed)} given rounding.", about=_about(b)))
    return out


def _changes(claims: Sequence[Claim], by_key: dict[tuple[Any, ...], list[Claim]]) -> list[dict[str, Any]]:
    """An absolute change ("up $1.5 billion") against the two levels it compares."""
    out = []
    for c in claims:
        if c.change_low is None or c.change_high is None or not _comparable(c.period, c.growth_base):
            continue
        cur = by_key.get((c.reporter, c.partner, c.flow, c.period, c.source))
        prev = by_key.get((c.reporter, c.partner, c.flow, c.growth_base, c.source))
        if not cur or not prev:
            continue
        k = _agree(iv.sub(cut_interval(_merged(cur), cur[0]), cut_interval(_merged(prev), prev[0])),
                   cut_interval((c.change_low, c.change_high), c))
        verdict = "agrees" if k.consistent else "does not agree"
        out.append(_finding(
            "change_vs_levels", k, [c.id, cur[0].id, prev[0].id],
            f"{flow_phrase(c.reporter or '', c.partner or '', c.flow or '')}: a change of {money(c.change_usd)} from "
            f"{c.growth_base} to {c.period} {verdict} with the levels {prev[0].text} and {cur[0].text}: they allow "
            f"{_usd(k.computed)}.", about=_about(c)))
    return out


def _shares(claims: Sequence[Claim], by_key: dict[tuple[Any, ...], list[Claim]]) -> list[dict[str, Any]]:
    """A partner's share of the reporter's trade against the part and the total (partner WLD)."""
    out = []
    for c in claims:
        if c.kind != "share" or c.share_low is None or c.share_high is None:
            continue
        part = by_key.get((c.reporter, c.partner, c.flow, c.period, c.source))
        total = by_key.get((c.reporter, "WLD", c.flow, c.period, c.source))
        if not part or not total:
            continue
        # a share and its levels are often printed cut to their digits, not rounded: allow either
        r = iv.share(cut_interval(_merged(part), part[0]), cut_interval(_merged(total), total[0]))
        k = _agree((100 * r[0], 100 * r[1]), cut_interval((c.share_low, c.share_high), c))
        verdict = "agrees" if k.consistent else "does not agree"
        out.append(_finding(
            "share_vs_levels", k, [c.id, part[0].id, total[0].id],
            f"{c.partner}'s share of {c.reporter}'s {c.share_of or 'trade'} stated as {c.text} {verdict} with "
            f"{part[0].text} of {total[0].text} ({_pct(k.computed)} given rounding).", about=_about(c)))
    return out


def _gap(a: Claim, b: Claim) -> Interval:
    """|a − b| as an interval, the larger printed figure first."""
    ia, ib = a.interval, b.interval
    assert ia is not None and ib is not None
    return iv.sub(ia, ib) if ia[0] + ia[1] >= ib[0] + ib[1] else iv.sub(ib, ia)


def _differences(claims: Sequence[Claim], levels: list[Claim]) -> list[dict[str, Any]]:
    """A stated gap against the two levels it can be between; consistent if any such pair fits."""
    out = []
    for d in claims:
        if d.kind != "difference" or d.difference_low is None or d.difference_high is None:
            continue
        named = {x for x in (d.reporter, d.partner) if x}
        pairs = []
        for a, b in combinations(levels, 2):
            if a.period != b.period or (d.period and a.period != d.period):
                continue
            same = (a.reporter, a.partner, a.flow) == (b.reporter, b.partner, b.flow) and a.source != b.source
            mirrored = (a.reporter, a.partner) == (b.partner, b.reporter) and MIRROR_FLOW.get(a.flow or "") == b.flow
            if (same or mirrored) and {a.reporter, a.partner} >= named:
                pairs.append((a, b))
        if not pairs:
            continue
        stated = (d.difference_low, d.difference_high)
        checked = [(a, b, _agree(_gap(a, b), stated)) for a, b in pairs]
        fits = [t for t in checked if t[2].consistent]
        a, b, k = (fits or checked)[0]
        if k.consistent:
            msg = (f"The stated gap of {d.text} matches {a.text} ({a.reporter} {a.flow}) against {b.text} "
                   f"({b.reporter} {b.flow}), {a.period}: {_usd(k.computed)} given rounding.")
        else:
            msg = (f"The stated gap of {d.text} fits no two figures the article gives for {a.period} "
                   f"(e.g. {a.text} against {b.text}: {_usd(k.computed)}).")
        out.append(_finding("difference_vs_levels", k, [d.id, a.id, b.id], msg))
    return out


def _relative(indicators: Sequence[IndicatorFigure]) -> list[dict[str, Any]]:
    """ "Nearly quadrupled" against the indicator's two levels."""
    out = []
    for f in indicators:
        if f.relation is None or f.previous_low is None or f.previous_high is None:
            continue
        assert f.relation_low is not None and f.relation_high is not None
        kind = "growth" if re.search(r"%|percent|per cent", f.relation) else "multiple"
        st = RelativeStatement(f.relation, kind, f.relation_low, f.relation_high)
        rc = check_relative(st, (f.value_low, f.value_high), (f.previous_low, f.previous_high))
        k = iv.Consistency(rc.consistent, iv.slack((rc.ratio_low, rc.ratio_high), (st.low, st.high)),
                           (rc.ratio_low, rc.ratio_high), (st.low, st.high))
        what = (f"{f.indicator} {f.country} ({f.partner}), {f.text} ({f.period}) over {f.previous_value:,.0f} "
                f"({f.previous_period})")
        out.append(_finding("relative_statement", k, [f.id] + ([f.previous_id] if f.previous_id else []),
                            rc.message(what)))
    return out
