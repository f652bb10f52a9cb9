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
        cons = iv.sum_check([(float(x.value_low), float(x.value_high)), (float(m.value_low), float(m.value_high))],
                            c.interval)  # type: ignore[arg-type]
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
