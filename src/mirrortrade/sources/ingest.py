"""Fetched figures -> the store, one transaction per fetch, without spurious vintages.

A source stamps each figure with the date it was retrieved (Comtrade, IMF) or published
(World Bank ``lastupdated``, the BNS cover date). Refetching an unchanged figure on another
day would otherwise look like a new vintage, so a figure whose value equals the latest stored
value of the same key keeps the stored vintage (and is then "already in the store"). A
changed value keeps its new vintage and the store adds it next to the old one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mirrortrade.model import Indicator, Observation, key_id
from mirrortrade.store import IngestResult, Store
from mirrortrade.store.staging import observations_rows


def _latest(store: Store, table: str, key_ids: list[str]) -> dict[str, tuple[Any, ...]]:
    if not key_ids:
        return {}
    value_col = "value_usd" if table == "observations" else "value"
    prec_col = "precision_usd" if table == "observations" else "precision"
    rows = store.con.execute(
        f"""SELECT key_id, {value_col}, {prec_col}, qualifier, CAST(vintage AS VARCHAR) FROM {table}
            WHERE key_id IN (SELECT unnest(?::VARCHAR[]))
            QUALIFY row_number() OVER (PARTITION BY key_id ORDER BY vintage DESC, ingested_at DESC, figure_id DESC) = 1""",
        [key_ids],
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def ingest_observations(store: Store, observations: Sequence[Observation], *, file: str) -> IngestResult:
    """Ingest in one transaction; unchanged figures keep their stored vintage."""
    obs = list(observations)
    if not obs:
        return IngestResult(0, 0, 0, 0, 0)
    latest = _latest(store, "observations", sorted({o.key_id for o in obs}))
    out = []
    for o in obs:
        cur = latest.get(o.key_id)
        if cur is not None and cur[0] == o.value_usd and cur[1] == o.precision_usd and cur[2] == o.qualifier:
            o = replace(o, vintage=cur[3])
        out.append(o)

    # the parser read the unit from the publisher's file: the store's mixed-thousands heuristic (meant for
    # hand-made canonical files) would refuse real swings such as KAZ->CYP exports 2022 -> 2023 (1/731)
    return store.ingest_frame(observations_rows(out), file=file, kind="fetch", check_units=False)


def ingest_indicators(store: Store, indicators: Sequence[Indicator], *, file: str) -> IngestResult:
    inds = list(indicators)
    if not inds:
        return IngestResult(0, 0, 0, 0, 0, "indicators")
    keys = [indicator_key(i) for i in inds]
    latest = _latest(store, "indicators", sorted(set(keys)))
    out = []
    for ind, key in zip(inds, keys, strict=True):
        cur = latest.get(key)
        if cur is not None and cur[0] == ind.value and cur[1] == ind.precision and cur[2] == ind.qualifier:
            ind = replace(ind, vintage=cur[3])
        out.append(ind)
    return store.ingest_indicators(out, file=file, kind="fetch")


def indicator_key(ind: Indicator) -> str:
    """The store's key of an indicator (as ``store.staging.indicators_frame`` computes it in SQL)."""
    c = ind.citation
    return key_id(ind.source_id, c.publisher, c.title, ind.country, ind.partner, ind.indicator, ind.period, ind.unit)
