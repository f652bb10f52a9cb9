"""source_conflict: two publications of the same figure from the same statistics that differ
beyond rounding.

The same number rounded to the same digit prints the same digits, so China's 2025 exports to
Central Asia published as $71.3bn and as $71.2bn (both citing China's customs) are two
different numbers, even though the rounding intervals [71.25, 71.35] and [71.15, 71.25] touch
at 71.25. For a regional total the finding also says whether each version agrees with the
sum of the country figures.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase
from mirrortrade.checks.finding import Finding, Rule, money, money_range
from mirrortrade.checks.sum_consistency import regional_check
from mirrortrade.checks.unit_error import is_unit_slip

ID = "source_conflict"
SEVERITY = "low"
TEMPLATE = ("{what} is published as {a} ({pub_a}) and {b} ({pub_b}): the same statistics ({source}), "
            "{diff} apart, more than rounding to the printed digit allows")


def _pub(f: Fig) -> str:
    return f"“{f.title}”" if f.title else f.publisher or f.source_id


def check(ctx: CheckContext) -> list[Finding]:
    groups: dict[tuple, list[Fig]] = {}
    for f in ctx.figs:
        if ctx.in_scope(f.period):
            groups.setdefault((f.source_id, f.reporter, f.partner, f.flow, f.period, f.product), []).append(f)
    out = []
    for (src, rep, par, flow, period, _), fs in sorted(groups.items()):
        for a, b in combinations(sorted(fs, key=lambda f: (f.title, f.figure_id)), 2):
            if a.key_id == b.key_id or is_unit_slip(a.value, b.value):
                continue
            same_prec = a.precision == b.precision and a.qualifier == b.qualifier == "exact"
            same = iv.same_figure(a.interval, b.interval, same_precision=same_prec, values_differ=a.value != b.value)
            what = f"{flow_phrase(rep, par, flow)} in {period}"
            ev: dict[str, Any] = {"key": f"{a.figure_id}~{b.figure_id}", "source_id": src,
                                  "figures": [a.evidence(), b.evidence()], "slack": iv.slack(a.interval, b.interval),
                                  "overlap": iv.intersect(a.interval, b.interval), "same_precision": same_prec,
                                  "difference_usd": a.value - b.value}
            ids = [a.figure_id, b.figure_id]
            tails = []
            for f in (a, b):
                res = regional_check(ctx, f)
                if res is None:
                    continue
                c, parts = res
                ids += [i for p in parts for i in p.all_ids]
                ev.setdefault("regional_sum", []).append({"figure_id": f.figure_id, **c.to_dict()})
                tails.append(f"{f.text()} is {'consistent' if c.consistent else 'inconsistent'} with the five "
                             f"country figures, which sum to {money_range(c.computed)}")
            tail = (" " + "; ".join(tails) + ".") if tails else ""
            if same:
                msg = (f"{what} appears as {a.text()} ({_pub(a)}) and {b.text()} ({_pub(b)}), both from {src}: "
                       f"the same within rounding.{tail}")
                out.append(Finding(ID, "info", "consistent", rep, par, flow, period, msg, ev, ids))
                continue
            touch = ev["slack"] == 0
            why = (f"the rounding intervals {money_range(a.interval)} and {money_range(b.interval)} share only "
                   f"{money(ev['overlap'][0])}, and one number rounded to one digit cannot print as both"
                   if touch else f"{money(-ev['slack'])} beyond what rounding allows")
            msg = (f"{what} appears as {a.text()} ({_pub(a)}) and as {b.text()} ({_pub(b)}), both citing "
                   f"{src}: two versions of the same statistic, {money(abs(a.value - b.value))} apart; {why}.{tail}")
            out.append(Finding(ID, SEVERITY, "conflict", rep, par, flow, period, msg, ev, ids))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "two publications of one statistic that differ beyond rounding", check)
