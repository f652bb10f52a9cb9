"""surge: a flow that at least doubles from one year to the next (same months), above a level floor.

Each series is one reporter, partner, flow and statistics (source), compared over the same
calendar months of consecutive years. A step is a surge when even the least favourable reading
of the rounding intervals at least doubles (:data:`SURGE_RATIO`) and the later level clears
:data:`LEVEL_FLOOR` with an increase of at least :data:`INCREASE_FLOOR` ($1M → $5M is not
news). A surge and the years of continued strong growth after it (each at least
:data:`CONTINUE_RATIO`) are one finding: Kyrgyz exports to China, $80M in 2023 → $2.8bn in
2024 → $5.2bn in 2025.
"""

from __future__ import annotations

from typing import Any

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, flow_phrase, is_aggregate, name
from mirrortrade.checks.finding import Finding, Rule

ID = "surge"
SEVERITY = "medium"
TEMPLATE = "{series} rose from {first} in {start} to {last} in {end}: ×{ratio} ({steps})"
SURGE_RATIO = 2.0
CONTINUE_RATIO = 1.25
LEVEL_FLOOR = 100e6
INCREASE_FLOOR = 100e6
#: ×10 or more over the run is high severity
HIGH_RATIO = 10.0


def step_ratio(prev: Fig, cur: Fig) -> tuple[float, float]:
    return iv.ratio(cur.interval, prev.interval)


def is_surge(prev: Fig, cur: Fig, *, ratio: float = SURGE_RATIO) -> bool:
    lo, _ = step_ratio(prev, cur)
    return lo >= ratio and cur.low >= LEVEL_FLOOR and (cur.low - prev.high) >= INCREASE_FLOOR


def series(ctx: CheckContext) -> dict[tuple, list[Fig]]:
    out: dict[tuple, list[Fig]] = {}
    for f in ctx.figs:
        if f.flow in ("X", "M", "T", "RX", "RM"):
            p = f.p
            out.setdefault((f.reporter, f.partner, f.flow, f.source_id, p.start_month, p.end_month), []).append(f)
    for k, fs in out.items():
        by_year: dict[int, Fig] = {}
        for f in sorted(fs, key=lambda f: f.vintage):
            by_year[f.p.year] = f  # one per year: the latest publication
        out[k] = [by_year[y] for y in sorted(by_year)]
    return out


def check(ctx: CheckContext) -> list[Finding]:
    out = []
    for (rep, par, flow, src, _, _), fs in series(ctx).items():
        i = 0
        while i < len(fs) - 1:
            prev, cur = fs[i], fs[i + 1]
            if cur.p.year != prev.p.year + 1 or not is_surge(prev, cur):
                i += 1
                continue
            run = [prev, cur]
            j = i + 1
            while j < len(fs) - 1 and fs[j + 1].p.year == fs[j].p.year + 1 and (
                    step_ratio(fs[j], fs[j + 1])[0] >= CONTINUE_RATIO):
                run.append(fs[j + 1])
                j += 1
            i = j
            last = run[-1]
            if not (ctx.year is None or any(f.p.year == ctx.year for f in run[1:])):
                continue
            total = iv.ratio(last.interval, run[0].interval)
            steps = [{"from": a.period, "to": b.period, "ratio": list(step_ratio(a, b)),
                      "from_value": a.value, "to_value": b.value} for a, b in zip(run, run[1:], strict=False)]
            path = " → ".join(f"{f.text()} in {f.p.label()}" for f in run)
            ratio_txt = f"×{last.value / run[0].value:,.0f}" if last.value / run[0].value >= 10 else (
                f"×{last.value / run[0].value:.1f}")
            mirror = {"X": "M", "M": "X"}.get(flow)
            seen_as = (f" ({flow_phrase(par, rep, mirror)} as {name(rep)} records them)"
                       if mirror and not is_aggregate(par) else "")
            msg = (f"{flow_phrase(rep, par, flow)}{seen_as} [{src}] surged: {path} — {ratio_txt} in "
                   f"{len(run) - 1} year{'s' if len(run) > 2 else ''}.")
            ev: dict[str, Any] = {"key": f"{src}:{run[0].period}", "start_period": run[0].period, "end_period": last.period,
                                  "values": [f.evidence() for f in run], "steps": steps, "ratio": list(total),
                                  "thresholds": {"surge_ratio": SURGE_RATIO, "continue_ratio": CONTINUE_RATIO,
                                                 "level_floor_usd": LEVEL_FLOOR, "increase_floor_usd": INCREASE_FLOOR}}
            sev = "high" if total[0] >= HIGH_RATIO else "medium"
            out.append(Finding(ID, sev, "notable", rep, par, flow, last.period, msg, ev, [f.figure_id for f in run]))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "a flow that at least doubles in a year, above a level floor", check)
