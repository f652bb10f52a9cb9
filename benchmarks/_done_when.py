"""Issue 17's Done-when for the anomaly rules, pooled: the findings of the three anomaly rules (phantom export,
under-recording, unit error) over every seed, precision strict and net of the chance-only look-alikes (cells that
missing declarations, thresholds or confidential products alone make look exactly like a planted phantom: no
rule can tell them apart, so findings on them are left out of the denominator), recall over every planted
anomaly of the three kinds, and all findings per 100k declarations on the worlds with nothing planted.

Read from the per-seed scores of ``accuracy.py`` (``ev["anomalies"]["rules"]`` and ``["kinds"]``,
``ev["clean"]``); nothing here knows how a rule is called beyond :func:`accuracy.rule_kind`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

#: the issue's target: precision (net of chance look-alikes) at recall, and findings per 100k with nothing planted
PRECISION, RECALL, CLEAN_PER_100K = 0.7, 0.9, 1.0


def pooled(evs: list[dict], kinds: tuple[str, ...], rule_kind: Callable[[str], str | None]) -> dict[str, object]:
    """Counts over the seeds: per anomaly kind and all kinds together."""
    per: dict[str, dict[str, float]] = {
        k: {"findings": 0.0, "hits": 0.0, "look_alike_hits": 0.0, "recalled": 0.0, "planted": 0.0} for k in kinds
    }
    for ev in evs:
        a = ev["anomalies"]
        for kind in kinds:
            per[kind]["planted"] += a["kinds"][kind]["planted"]
            per[kind]["recalled"] += a["kinds"][kind]["found_by_rule"]
        for rule, r in a["rules"].items():
            kind = rule_kind(rule)
            if kind in per:
                per[kind]["findings"] += r["findings"]
                per[kind]["hits"] += r["hits"]
                per[kind]["look_alike_hits"] += r["chance_look_alike_hits"]
    total = {c: sum(p[c] for p in per.values()) for c in ("findings", "hits", "look_alike_hits", "recalled", "planted")}
    clean = sum(sum(ev["clean"]["by_rule"].values()) for ev in evs)
    clean_rows = sum(ev["clean"]["rows"] for ev in evs)
    return {"per": per, "total": total, "clean": clean, "clean_rows": clean_rows, "seeds": len(evs)}


def scores(c: dict[str, float]) -> tuple[float, float, float]:
    """(strict precision, precision net of chance look-alikes, recall) of one set of counts."""
    strict = c["hits"] / c["findings"] if c["findings"] else math.nan
    net_n = c["findings"] - c["look_alike_hits"]
    net = c["hits"] / net_n if net_n > 0 else math.nan
    recall = c["recalled"] / c["planted"] if c["planted"] else math.nan
    return strict, net, recall


def met(p: dict[str, object]) -> bool:
    _, net, recall = scores(p["total"])  # type: ignore[arg-type]
    per100k = p["clean"] / p["clean_rows"] * 1e5 if p["clean_rows"] else math.nan  # type: ignore[operator]
    return bool(net >= PRECISION and recall >= RECALL and per100k <= CLEAN_PER_100K)


def line(p: dict[str, object]) -> str:
    """The measured values: pooled, then per kind, then the clean worlds."""

    def f(v: float) -> str:
        return "n/a" if v != v else f"{v:.3f}"

    t = p["total"]
    strict, net, recall = scores(t)  # type: ignore[arg-type]
    out = (f"precision {f(strict)} ({int(t['hits'])}/{int(t['findings'])}), net of chance look-alikes {f(net)} "  # type: ignore[index]
           f"({int(t['hits'])}/{int(t['findings'] - t['look_alike_hits'])}), recall {f(recall)} "  # type: ignore[index]
           f"({int(t['recalled'])}/{int(t['planted'])})")  # type: ignore[index]
    parts = []
    for kind, c in p["per"].items():  # type: ignore[attr-defined]
        s, n, r = scores(c)
        parts.append(f"{kind} {f(s)}/{f(n)}/{f(r)} ({int(c['recalled'])}/{int(c['planted'])})")
    per100k = p["clean"] / p["clean_rows"] * 1e5 if p["clean_rows"] else math.nan  # type: ignore[operator]
    return (out + "; per kind precision/net/recall: " + ", ".join(parts)
            + f"; nothing planted: {per100k:.1f} per 100k ({p['clean']:,} in {p['clean_rows']:,})")
