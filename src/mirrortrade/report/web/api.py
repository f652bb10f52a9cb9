"""The REST API under ``/api/v1``: ``observations``, ``pairs``, ``estimates``, ``reliability``, ``findings``,
``figures/{id}``, ``POST check`` and ``status``; the schema is at ``/openapi.json``.

Every answer is JSON; a page of rows is ``{"ok": true, "total", "limit", "offset", "count", "rows"}``.
SQL is never built from user input: filters go in as parameters, table and column names come from
:data:`TABLE_FILTERS` and the table's own columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from mirrortrade.report import derived
from mirrortrade.report.web.middleware import API, json_response
from mirrortrade.report.web.params import (
    CODES_RE,
    MAX_ARTICLE_CHARS,
    MAX_LIMIT,
    ApiError,
    codes,
    flows,
    periods,
    words,
    years,
)
from mirrortrade.report.web.service import Dashboard, dashboard, filter_findings
from mirrortrade.report.web.snapshot import Snap, SnapshotHolder

router = APIRouter(prefix=API)
Dash = Annotated[Dashboard, Depends(dashboard)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10**9)]

#: derived tables served by the API, with the columns a client may filter on
TABLE_FILTERS: dict[str, tuple[str, ...]] = {
    "pairs": ("exporter", "importer", "year", "product"),
    "estimates": ("exporter", "importer", "year", "product", "method"),
    "reliability": ("country", "role"),
}
_TABLE_DOCS = {
    "pairs": "Mirror pairs: both sides of each exporter→importer flow (written by `mirrortrade reconcile`).",
    "estimates": "Reconciled best estimates with 90% intervals (written by `mirrortrade reconcile`).",
    "reliability": "Reporter reliability (written by `mirrortrade reconcile`).",
}


class CheckRequest(BaseModel):
    """An article to check: its text (at most ~1 MB) and, optionally, its publication date."""

    text: str = Field(..., description=f"The article's plain text (at most {MAX_ARTICLE_CHARS:,} characters).")
    article_date: date | None = Field(None, description="Publication date (resolves 'last year', 'this year').")


def _page(rows: list[dict[str, Any]], total: int, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    return {"ok": True, "total": total, "limit": limit, "offset": offset, "count": len(rows), **extra, "rows": rows}


def _cached_json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _key(given: dict[str, list[str] | None]) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """The filters as a hashable part of a cache key."""
    return tuple((k, tuple(v) if v else None) for k, v in given.items())


@router.get("/observations", tags=["figures"])
def api_observations(
    dash: Dash,
    reporter: Annotated[str | None, Query(pattern=CODES_RE, description="ISO3 codes, comma-separated")] = None,
    partner: Annotated[str | None, Query(pattern=CODES_RE, description="ISO3 codes (WLD, CA5 too)")] = None,
    flow: Annotated[str | None, Query(max_length=40, description="X, M, RX, RM, T, B (comma-separated)")] = None,
    period: Annotated[str | None, Query(max_length=200, description="e.g. 2025, 2025-H1 (comma-separated)")] = None,
    source_id: Annotated[str | None, Query(max_length=200, description="e.g. CN-GACC,UZ-STAT")] = None,
    product: Annotated[str | None, Query(max_length=200, description="TOTAL or HS codes")] = None,
    as_of: Annotated[date | None, Query(description="vintages current on this date")] = None,
    all_vintages: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Published trade figures with their provenance (latest vintage per figure unless as_of/all_vintages)."""
    filters = dict(reporter=codes(reporter, "reporter"), partner=codes(partner, "partner"), flow=flows(flow),
                   period=periods(period), source_id=words(source_id, "source_id"),
                   product=words(product, "product"))
    holder = dash.holder
    snap = holder.current()
    key = ("observations", _key(filters), as_of, all_vintages, limit, offset)

    def compute() -> bytes:
        with holder.store(snap) as store:
            df, total = store.observations_page(**filters, as_of=as_of.isoformat() if as_of else None,
                                                all_vintages=all_vintages, limit=limit, offset=offset)
        return json_response(_page(derived.frame_records(df), total, limit, offset)).body
    return _cached_json(snap.cached(key, compute))


def _table_endpoint(name: str) -> Callable[..., Response]:
    """The endpoint of the derived table ``name``, filtered on the columns it has."""

    def endpoint(
        dash: Dash,
        exporter: Annotated[str | None, Query(pattern=CODES_RE, description="ISO3 codes")] = None,
        importer: Annotated[str | None, Query(pattern=CODES_RE, description="ISO3 codes")] = None,
        country: Annotated[str | None, Query(pattern=CODES_RE, description="ISO3 codes")] = None,
        year: Annotated[str | None, Query(pattern=r"^[0-9, ]{0,100}$", description="years, comma-separated")] = None,
        product: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        given = {"exporter": codes(exporter, "exporter"), "importer": codes(importer, "importer"),
                 "country": codes(country, "country"), "year": years(year), "product": words(product, "product")}
        snap = dash.holder.current()
        key = (name, _key(given), limit, offset)
        return _cached_json(snap.cached(key, lambda: _table_query(dash.holder, snap, name, given, limit, offset)))

    endpoint.__name__ = f"api_{name}"
    endpoint.__doc__ = _TABLE_DOCS[name]
    return endpoint


def _table_query(holder: SnapshotHolder, snap: Snap, name: str, given: dict[str, list[str] | None],
                 limit: int, offset: int) -> bytes:
    with holder.store(snap) as store:
        if not store.has_table(name):
            return json_response(_page([], 0, limit, offset, computed=False, note=derived.NOT_RECONCILED)).body
        table_cols = [r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [name]).fetchall()]
        where, params = [], []
        for col, vals in given.items():
            if not vals:
                continue
            if col not in table_cols:
                raise ApiError(422, f"{name} has no column {col!r} to filter on (it has: {', '.join(table_cols)})")
            where.append(f'CAST("{col}" AS VARCHAR) IN ({", ".join("?" for _ in vals)})')
            params.extend(vals)
        order = [f'"{c}"' for c in ("exporter", "importer", "country", "year", "product") if c in table_cols]
        sql = f'SELECT *, count(*) OVER () AS _total FROM "{name}"'
        if where:
            sql += " WHERE " + " AND ".join(where)
        if order:
            sql += " ORDER BY " + ", ".join(order)
        sql += " LIMIT ? OFFSET ?"
        df = store.con.execute(sql, [*params, limit, offset]).df()
    total = int(df["_total"].iloc[0]) if len(df) else (0 if offset == 0 else _count(holder, snap, name, where, params))
    rows = derived.frame_records(df.drop(columns=["_total"]))
    return json_response(_page(rows, total, limit, offset, computed=True)).body


def _count(holder: SnapshotHolder, snap: Snap, name: str, where: list[str], params: list[Any]) -> int:
    sql = f'SELECT count(*) FROM "{name}"' + (" WHERE " + " AND ".join(where) if where else "")
    with holder.store(snap) as store:
        return int(store.con.execute(sql, params).fetchone()[0])


for _name in TABLE_FILTERS:
    router.get(f"/{_name}", tags=["reconciliation"])(_table_endpoint(_name))


@router.get("/findings", tags=["checks"])
async def api_findings(
    dash: Dash,
    country: Annotated[str | None, Query(pattern=CODES_RE, description="reporter or partner, ISO3")] = None,
    reporter: Annotated[str | None, Query(pattern=CODES_RE)] = None,
    partner: Annotated[str | None, Query(pattern=CODES_RE)] = None,
    rule: Annotated[str | None, Query(max_length=200)] = None,
    severity: Annotated[str | None, Query(max_length=100, description="info, low, medium, high")] = None,
    status: Annotated[str | None, Query(max_length=100)] = None,
    period: Annotated[str | None, Query(max_length=200)] = None,
    problems_only: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """Findings of the plausibility checks (each with message, evidence and the figure ids it rests on)."""
    fs = await dash.findings(await dash.current())
    sel = filter_findings(fs, country=codes(country, "country"), reporter=codes(reporter, "reporter"),
                          partner=codes(partner, "partner"), rule=words(rule, "rule"),
                          severity=words(severity, "severity"), status=words(status, "status"),
                          period=periods(period), problems_only=problems_only)
    return json_response(_page(sel[offset:offset + limit], len(sel), limit, offset, computed=True))


@router.get("/figures/{figure_id}", tags=["figures"])
def api_figure(dash: Dash, figure_id: str) -> JSONResponse:
    """One published figure (any vintage) with its citation: publisher, title, date, URL, quote."""
    return json_response({"ok": True, "figure": dash.figure(figure_id)})


@router.post("/check", tags=["claims"])
async def api_check(dash: Dash, req: Annotated[CheckRequest, Body()]) -> JSONResponse:
    """Check an article: every trade claim with its verdict against the store, and the findings. An
    article over the size limit gets 413; a busy server 503 with Retry-After; a check over the time
    limit 504."""
    result = await dash.check_article(req.text, req.article_date)
    return json_response({"ok": True, **result})


@router.get("/status", tags=["meta"])
def api_status(dash: Dash) -> JSONResponse:
    """What the server is reading: the store (its file name), the snapshot generation, which results are
    computed, and the worker pool (size, busy, waiting, time limit; jobs started, timed out, refused)."""
    holder, pool = dash.holder, dash.pool
    snap = holder.current()
    with holder.store(snap) as store:
        counts = {t: store.count(t) for t in snap.tables if re.fullmatch(r"[A-Za-z0-9_]+", t)}
    return json_response({"ok": True, "store": holder.path.name, "generation": snap.generation, "tables": counts,
                          "reconciled": all(t in snap.tables for t in derived.RECONCILE_TABLES),
                          "checks": True, "claims": "check",
                          "last_refresh_error": holder.last_error,
                          "workers": {"size": pool.size, "busy": pool.busy, "waiting": pool.waiting,
                                      "queue": pool.queue, "timeout_s": pool.timeout, "started": pool.started,
                                      "timed_out": pool.timed_out, "refused": pool.refused},
                          "computations": dict(dash.flight.computations)})
