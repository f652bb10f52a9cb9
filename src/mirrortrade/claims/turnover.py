"""A turnover claim checked against the same statistics' stored exports and imports, when the store holds no
turnover of its own for them (issue 16): "trade reached $4.3 billion" per China's customs against China's stored
exports + imports to that partner for that period, within rounding.

    findings = turnover_vs_parts(claims, store_obs)

Claims are looked up by key (reporter, partner, period, source): one pass over the claims and one over the
store's figures, so the check stays linear in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import flow_phrase
from mirrortrade.checks.finding import money, money_range
from mirrortrade.claims.extract import Claim
from mirrortrade.claims.internal import cut_interval

RULE = "turnover_vs_parts"


def turnover_vs_parts(claims: Sequence[Claim], store_obs: pd.DataFrame) -> list[dict[str, Any]]:
    """Findings for resolved level turnover claims whose statistics have X and M but no T in the store."""
    wanted = {(c.reporter, c.partner, c.period, c.source): c for c in claims
              if c.kind == "level" and c.flow == "T" and c.source and c.interval is not None and not c.missing}
    if not wanted or store_obs is None or store_obs.empty:
        return []
    keys = {k[:3] for k in wanted}
    obs = store_obs[store_obs["reporter"].isin({k[0] for k in keys}) & store_obs["product"].eq("TOTAL")]
    by: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in obs.itertuples(index=False):
        k = (r.reporter, r.partner, r.period, r.source_id)
        if k in wanted:
            by.setdefault(k, {})[r.flow] = r
    out: list[dict[str, Any]] = []
    for k, c in wanted.items():
        got = by.get(k, {})
        if "T" in got or "X" not in got or "M" not in got:
            continue
        x, m = got["X"], got["M"]
        parts = iv.add([(float(x.value_low), float(x.value_high)), (float(m.value_low), float(m.value_high))])
        # the article's turnover may be cut to its digits as well as rounded; the stored parts are rounded
        cons = iv.sum_check([(float(x.value_low), float(x.value_high)), (float(m.value_low), float(m.value_high))],
                            cut_interval(c.interval, c))  # type: ignore[arg-type]
        what = f"{flow_phrase(c.reporter or '', c.partner or '', 'T')} in {c.period}"
        if cons.consistent:
            status, sev = "consistent", "info"
            msg = (f"{what}, {c.text or money(c.value_usd)}, matches {c.source}'s stored exports {money(x.value_usd)} + "
                   f"imports {money(m.value_usd)} = {money_range(parts)} within rounding.")
        else:
            status, sev = "conflict", "medium"
            msg = (f"{what} is stated as {c.text or money(c.value_usd)}, but {c.source}'s stored exports "
                   f"{money(x.value_usd)} + imports {money(m.value_usd)} come to {money_range(parts)}, beyond rounding.")
        out.append({"rule": RULE, "severity": sev, "status": status, "claims": [c.id], "message": msg,
                    "evidence": {"figure_ids": [str(x.figure_id), str(m.figure_id)], **cons.to_dict()},
                    "about": {"reporter": c.reporter, "partner": c.partner, "flow": "T", "period": c.period}})
    return out


CHANGE_RULE = "change_vs_store"


def change_vs_store(claims: Sequence[Claim], store_obs: pd.DataFrame, done: set[str]) -> list[dict[str, Any]]:
    """A stated change ("up $1.7 billion") against the same statistics' levels for its two periods: the article's
    own level for its period when it prints one, else the store's; the base period's from the store. A change
    that fits one publication of each level is consistent (revisions and two outlets' roundings); one that fits
    none is a conflict. Claims in ``done`` were already checked against the article's own two levels."""
    todo = [c for c in claims if c.change_low is not None and c.change_high is not None and c.growth_base
            and c.source and c.period and not c.missing and c.id not in done]
    if not todo or store_obs is None or store_obs.empty:
        return []
    keys = {(c.reporter, c.partner, c.flow, c.source) for c in todo}
    obs = store_obs[store_obs["reporter"].isin({k[0] for k in keys}) & store_obs["product"].eq("TOTAL")]
    levels: dict[tuple[Any, ...], list[Any]] = {}
    for r in obs.itertuples(index=False):
        if (r.reporter, r.partner, r.flow, r.source_id) in keys:
            levels.setdefault((r.reporter, r.partner, r.flow, r.source_id, r.period), []).append(r)
    out: list[dict[str, Any]] = []
    for c in todo:
        k = (c.reporter, c.partner, c.flow, c.source)
        bases = levels.get((*k, c.growth_base), [])
        if c.value_low is not None and c.value_high is not None and c.kind in ("level", "growth"):
            currents: list[tuple[tuple[float, float], str]] = [(cut_interval((c.value_low, c.value_high), c),
                                                                 c.text or c.id)]
        else:
            currents = [((float(r.value_low), float(r.value_high)), money(r.value_usd))
                        for r in levels.get((*k, c.period), [])]
        if not bases or not currents:
            continue
        stated = cut_interval((float(c.change_low), float(c.change_high)), c)  # type: ignore[arg-type]
        tried = [(iv.sub(cur, (float(b.value_low), float(b.value_high))), cur_txt, b)
                 for cur, cur_txt in currents for b in bases]
        fit = next((t for t in tried if t[0][0] <= stated[1] and stated[0] <= t[0][1]), None)
        allowed, cur_txt, b = fit or tried[0]
        what = flow_phrase(c.reporter or "", c.partner or "", c.flow or "")
        head = (f"{what}: a change of {money(c.change_usd)} from {c.growth_base} to {c.period} [{c.source}], against "
                f"{cur_txt} and {c.source}'s stored {money(b.value_usd)} for {c.growth_base}")
        if fit:
            status, sev, msg = "consistent", "info", f"{head}: they allow {money_range(allowed)}, which holds it."
        else:
            status, sev = "conflict", "medium"
            msg = f"{head}: they allow only {money_range(allowed)}, beyond rounding."
        out.append({"rule": CHANGE_RULE, "severity": sev, "status": status, "claims": [c.id], "message": msg,
                    "evidence": {"figure_ids": [str(b.figure_id)], "stated": list(stated), "allowed": list(allowed),
                                 "tried": len(tried)},
                    "about": {"reporter": c.reporter, "partner": c.partner, "flow": c.flow, "period": c.period}})
    return out
