"""Reconcile the store: pick one declaration per reporter, partner, flow and year from the
official statistics it holds, reconcile them, and write the results back as derived tables.

Which figures: the latest vintage of each figure (the store's default view), product ``TOTAL``,
flows ``X`` and ``M``, full calendar years, two countries (never ``WLD``/``CA5``), from official
statistics (``PRESS`` figures without a named statistical source are left out). When several
publications give the same reporter/partner/flow/year, the most authoritative source wins — the
reporter's own statistics office or customs, then the international compilations of the
reporter's declarations (UN Comtrade, WITS, IMF IMTS), then the reporter's government, then
anything else — and within a source the latest vintage (then a named publisher, then the
figure id, so the choice is deterministic). Values are never averaged across publications:
the chosen figure keeps its figure id as provenance in ``pairs`` and ``estimates``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from mirrortrade.errors import MirrortradeError
from mirrortrade.model import AGGREGATES
from mirrortrade.reconcile.engine import reconcile

if TYPE_CHECKING:
    from mirrortrade.reconcile.engine import ReconcileResult
    from mirrortrade.store import Store

#: sources that are not official statistics
NON_OFFICIAL = frozenset({"PRESS"})
#: international compilations of each reporter's own declarations
COMPILATIONS = ("UN-COMTRADE", "WITS", "IMF-IMTS")
#: derived store tables written by :func:`reconcile_store`
STORE_TABLES = {"pairs": "pairs", "reliability": "reliability", "estimates": "estimates", "findings": "findings_reconcile"}


@lru_cache(maxsize=512)
def _iso2(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c else ""


def source_rank(source_id: str, reporter: str) -> int:
    """0 = the reporter's statistics office/customs, 1 = an international compilation,
    2 = the reporter's government, 3 = anything else."""
    prefix = source_id.split("-", 1)[0]
    own = prefix == _iso2(reporter) and prefix != ""
    if own and not source_id.endswith("-GOV"):
        return 0
    if source_id in COMPILATIONS:
        return 1
    if own:
        return 2
    return 3


def declarations_from_store(store: Store, *, as_of: str | None = None) -> pd.DataFrame:
    """One declaration per reporter, partner, flow and year from the store's official statistics:
    columns reporter, partner, flow, year, product, value, figure_id, source_id."""
    obs = store.observations(flow=["X", "M"], product="TOTAL", as_of=as_of)
    cols = ["reporter", "partner", "flow", "year", "product", "value", "figure_id", "source_id"]
    if obs.empty:
        return pd.DataFrame(columns=cols)
    aggs = tuple(AGGREGATES)
    keep = (
        (obs["period_kind"] == "year")
        & obs["value_usd"].notna()
        & ~obs["source_id"].isin(NON_OFFICIAL)
        & ~obs["partner"].isin(aggs)
        & ~obs["reporter"].isin(aggs)
        & (obs["reporter"] != obs["partner"])
    )
    d = obs[keep].copy()
    if d.empty:
        return pd.DataFrame(columns=cols)
    d["year"] = d["period"].astype(str).str[:4].astype("int64")
    d["_rank"] = [source_rank(s, r) for s, r in zip(d["source_id"], d["reporter"], strict=True)]
    publisher = d["publisher"].fillna("").astype(str)
    d["_unnamed"] = publisher.eq("") | publisher.str.contains("not named", case=False)
    d = d.sort_values(
        ["reporter", "partner", "flow", "year", "_rank", "vintage", "_unnamed", "figure_id"],
        ascending=[True, True, True, True, True, False, True, True],
        kind="stable",
    )
    d = d.drop_duplicates(["reporter", "partner", "flow", "year"], keep="first")
    d = d.rename(columns={"value_usd": "value"})
    return d[cols].reset_index(drop=True)


def reconcile_store(
    store: Store,
    *,
    backend: str = "duckdb",
    on_duplicate: str = "error",
    spark_master: str | None = None,
    output: str | os.PathLike[str] | None = None,
    pairs: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    **kwargs: Any,
) -> ReconcileResult:
    """Reconcile the store's official declarations and replace the derived tables ``pairs``,
    ``reliability``, ``estimates`` and ``findings_reconcile`` (and write estimates, reliability and
    findings as Parquet to ``output``, with pairs too when ``pairs`` is true)."""
    decl = declarations_from_store(store)
    if decl.empty:
        raise MirrortradeError(
            "the store holds no bilateral full-year export/import figures from official statistics to reconcile"
        )
    result = reconcile(
        decl.drop(columns=["source_id"]), backend=backend, on_duplicate=on_duplicate,
        spark_master=spark_master, progress=progress, **kwargs,
    )
    store.replace_table(STORE_TABLES["pairs"], result.pairs)
    store.replace_table(STORE_TABLES["reliability"], result.reliability)
    store.replace_table(STORE_TABLES["estimates"], result.estimates)
    store.replace_table(STORE_TABLES["findings"], result.findings)
    if output is not None:
        result.write(output, pairs=pairs)
    return result
