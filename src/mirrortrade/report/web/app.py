"""The dashboard and REST API: FastAPI over an on-disk snapshot of the store, read through DuckDB queries.

``create_app(db_path)`` builds the app; ``mirrortrade serve`` runs it with uvicorn on 127.0.0.1.

Pages: ``/`` overview (the five states and the region, latest year), ``/pair/{country}/{partner}``
(the report's charts, interactive), ``/findings`` (filterable), ``/check`` (article checker),
``/figures/{id}`` (provenance). API under ``/api/v1``: ``observations``, ``pairs``, ``estimates``,
``reliability``, ``findings``, ``figures/{id}``, ``POST check``; schema at ``/openapi.json``.

Every 4xx/5xx from the API is one JSON shape ``{"ok": false, "error": ..., "status": ...}``.
Only ``POST /api/v1/check`` (and the checker form) accept a body, at most :data:`MAX_BODY` bytes,
with an article of at most :data:`MAX_ARTICLE_CHARS` characters (larger: 413, with the same
security headers as every other answer).

CPU-bound work (claim checks, the findings, uncached pair pages and the overview) runs in a
bounded pool of worker processes (:mod:`mirrortrade.report.web.pool`) with a time limit per job:
a full pool answers 503 with ``Retry-After``, a job over its limit is stopped and answered 504.
Each uncached page is computed once however many requests ask for it at the same time (single
flight), and ``/healthz`` is answered on the event loop without touching the store.
SQL is never built from user input: filters go in as parameters, table and column names come
from the app's own lists.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, FastAPI, Form, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mirrortrade.errors import MirrortradeError, StoreError
from mirrortrade.model import SOURCES, check_code, check_flow, check_period, country_name
from mirrortrade.report import derived
from mirrortrade.report.web import jobs
from mirrortrade.report.web.pool import (
    DEFAULT_QUEUE,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    JobTimeout,
    PoolFull,
    SingleFlight,
    WorkerDied,
    WorkerPool,
)
from mirrortrade.report.web.snapshot import Snap, SnapshotHolder

#: largest request body accepted (the article checker); larger gets 413
MAX_BODY = 1_000_000
#: longest article the checker takes, in characters (~25 times a long news article); longer gets 413
MAX_ARTICLE_CHARS = 250_000
#: the module of the jobs run in the workers (``create_app(jobs_module=...)`` names another, e.g. in tests)
JOBS_MODULE = "mirrortrade.report.web.jobs"
#: largest page of rows an API call returns
MAX_LIMIT = 1000
API = "/api/v1"
WEB_DIR = Path(__file__).resolve().parent

#: derived tables served by the API, with the columns a client may filter on
TABLE_FILTERS: dict[str, tuple[str, ...]] = {
    "pairs": ("exporter", "importer", "year", "product"),
    "estimates": ("exporter", "importer", "year", "product", "method"),
    "reliability": ("country", "role"),
}

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

_CODES_RE = r"^[A-Za-z0-9 ,]{0,200}$"
_FIGURE_ID_RE = re.compile(r"^[0-9a-f]{16}$")


class ApiError(Exception):
    """An error to answer with the API's one JSON shape."""

    def __init__(self, status: int, error: str, errors: list[Any] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.errors = errors


class CheckRequest(BaseModel):
    """An article to check: its text (at most ~1 MB) and, optionally, its publication date."""

    text: str = Field(..., description=f"The article's plain text (at most {MAX_ARTICLE_CHARS:,} characters).")
    article_date: date | None = Field(None, description="Publication date (resolves 'last year', 'this year').")


# ---- body size limit -------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413 before the app reads them."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        cl = headers.get(b"content-length")
        if cl is not None:
            try:
                n = int(cl)
            except ValueError:
                await _send_json(send, 400, "bad Content-Length header")
                return
            if n > self.limit:
                await _send_json(send, 413, f"request body of {n} bytes is over the limit of {self.limit} bytes")
                return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE") and cl is None:
            await self.app(scope, receive, send)
            return
        # read the whole body (bounded), then replay it: a chunked upload cannot sneak past the limit
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.limit:
                await _send_json(send, 413, f"request body is over the limit of {self.limit} bytes")
                return
            chunks.append(body)
            more = msg.get("more_body", False)
        data = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """nosniff and no-referrer everywhere; a Content-Security-Policy and DENY framing on HTML pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if ctype.startswith(b"text/html"):
                    extra += [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY")]
                headers += [(k, v) for k, v in extra if k not in names]
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, send_with_headers)


async def _send_json(send: Send, status: int, error: str) -> None:
    import json

    body = json.dumps({"ok": False, "error": error, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# ---- helpers ---------------------------------------------------------------------------------


def _codes(value: str | None, field: str, *, aggregates: bool = True) -> list[str] | None:
    if value is None or not value.strip():
        return None
    try:
        return [check_code(v, field_name=field, allow_aggregate=aggregates) for v in value.split(",") if v.strip()] or None
    except MirrortradeError as e:
        raise ApiError(422, str(e)) from None


def _flows(value: str | None) -> list[str] | None:
    if value is None or not value.strip():
        return None
    try:
        return [check_flow(v) for v in value.split(",") if v.strip()] or None
    except MirrortradeError as e:
        raise ApiError(422, str(e)) from None


def _periods(value: str | None) -> list[str] | None:
    if value is None or not value.strip():
        return None
    try:
        return [check_period(v) for v in value.split(",") if v.strip()] or None
    except MirrortradeError as e:
        raise ApiError(422, str(e)) from None


def _words(value: str | None, field: str) -> list[str] | None:
    if value is None or not value.strip():
        return None
    out = [v.strip() for v in value.split(",") if v.strip()]
    for v in out:
        if not re.fullmatch(r"[A-Za-z0-9_.\-]{1,64}", v):
            raise ApiError(422, f"bad {field} {v!r} (letters, digits, _ . - only)")
    return out or None


def _page(rows: list[dict[str, Any]], total: int, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    return {"ok": True, "total": total, "limit": limit, "offset": offset, "count": len(rows), **extra, "rows": rows}


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(derived.jsonable(data), status_code=status)


def _cached_json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _article_size(text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise ApiError(413, f"article of {len(text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,} "
                            "characters (check it in parts)")


def _status_class(status: Any) -> str:
    s = re.sub(r"[^a-z_-]", "", str(status or "claim").lower())
    return f"st-{s or 'claim'}"


# ---- the app ---------------------------------------------------------------------------------


def create_app(db_path: str | os.PathLike[str], *, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE,
               timeout: float = DEFAULT_TIMEOUT, jobs_module: str = JOBS_MODULE) -> FastAPI:
    """The dashboard + API over the store at ``db_path`` (read through on-disk snapshots), with ``workers``
    worker processes, ``queue`` waiting places and ``timeout`` seconds per computation."""
    from mirrortrade.report.html import template_env

    holder = SnapshotHolder(db_path)
    pool = WorkerPool(workers, queue, timeout, preload=(*jobs.PRELOAD, jobs_module))
    pool.start()  # the workers import what they need while the app starts up
    flight = SingleFlight()
    env = template_env(WEB_DIR / "templates")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool.start()  # again after close(): fresh workers
        try:
            yield
        finally:
            if getattr(app.state, "serving", False):
                close()

    def close() -> None:
        """Stop the workers (running jobs are abandoned) and remove the snapshot files, when the server run
        by :func:`run_server` shuts down. (In-process test clients run the lifespan around single requests:
        there the workers are left running and end with the interpreter.)"""
        pool.close()
        holder.close()

    app = FastAPI(
        lifespan=lifespan,
        title="mirrortrade",
        version=_version(),
        description="Mirror trade statistics with provenance: both sides of each flow, reconciled estimates, "
                    "findings, and an article claim checker. Read-only except POST /api/v1/check.",
        openapi_url="/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.holder = holder
    app.state.pool = pool
    app.state.flight = flight
    app.state.close = close

    # ---- errors: one shape ----
    def _wants_html(request: Request) -> bool:
        return (not request.url.path.startswith(API) and request.url.path not in ("/openapi.json", "/healthz")
                and "text/html" in request.headers.get("accept", ""))

    def _error_response(request: Request, status: int, error: str, errors: list[Any] | None = None) -> Response:
        if _wants_html(request):
            html = env.get_template("error.html.j2").render(status=status, error=error, nav="")
            return HTMLResponse(html, status_code=status)
        body: dict[str, Any] = {"ok": False, "error": error, "status": status}
        if errors:
            body["errors"] = errors
        return _json(body, status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error_response(request, exc.status, exc.error, exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such page or endpoint: {request.url.path}"
        if exc.status_code == 405:
            msg = f"method {request.method} not allowed on {request.url.path} (the API is read-only except POST {API}/check)"
        resp = _error_response(request, exc.status_code, msg)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()))
            errors.append({"field": loc, "message": e.get("msg", "")})
        text = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5]) or "invalid request"
        return _error_response(request, 422, f"bad parameter — {text}", errors)

    @app.exception_handler(PoolFull)
    async def _pool_full(request: Request, exc: PoolFull) -> Response:
        resp = _error_response(request, 503, str(exc))
        resp.headers["Retry-After"] = str(exc.retry_after)
        return resp

    @app.exception_handler(JobTimeout)
    async def _job_timeout(request: Request, exc: JobTimeout) -> Response:
        return _error_response(request, 504, str(exc))

    @app.exception_handler(WorkerDied)
    async def _worker_died(request: Request, exc: WorkerDied) -> Response:
        resp = _error_response(request, 503, str(exc))
        resp.headers["Retry-After"] = "1"
        return resp

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        return _error_response(request, 503, str(exc))

    @app.exception_handler(MirrortradeError)
    async def _mt_error(request: Request, exc: MirrortradeError) -> Response:
        return _error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return _error_response(request, 500, f"internal error: {type(exc).__name__}")

    # ---- cached results per snapshot, computed in the worker pool, once per key (single flight) ----
    async def current() -> Snap:
        """The current snapshot (a changed store is copied in a thread, never on the event loop)."""
        return await run_in_threadpool(holder.current)

    async def computed(snap: Snap, key: Any, kind: str, job: str, *args: Any) -> Any:
        hit, value = snap.peek(key)
        if hit:
            return value

        async def compute() -> Any:
            hit, value = snap.peek(key)
            if hit:
                return value
            return snap.put(key, await pool.run(job, str(snap.file), holder.path.name, *args))
        return await flight.run((snap.generation, key), kind, compute)

    async def both_findings(snap: Snap) -> tuple[list[Any] | None, list[dict[str, Any]] | None]:
        result: tuple[list[Any] | None, list[dict[str, Any]] | None] = await computed(
            snap, "findings", "findings", f"{jobs_module}:findings")
        return result

    async def findings(snap: Snap) -> list[dict[str, Any]] | None:
        return (await both_findings(snap))[1]

    def page(name: str, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx))

    def fig_href(fid: str) -> str:
        return f"/figures/{fid}"

    # ---- static ----
    app.mount("/static/app", StaticFiles(directory=str(WEB_DIR / "static")), name="static")

    @app.get("/static/vega-bundle.js", include_in_schema=False)
    def vega_js() -> Response:
        from mirrortrade.report.charts import vega_bundle

        return Response(vega_bundle(), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/embed.js", include_in_schema=False)
    def embed_js() -> Response:
        from mirrortrade.report.html import template_text

        return Response(template_text("embed.js"), media_type="text/javascript")

    @app.get("/static/style.css", include_in_schema=False)
    def style_css() -> Response:
        from mirrortrade.report.html import template_text

        return Response(template_text("style.css"), media_type="text/css")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """The API described from its own OpenAPI schema, served locally (no CDN-hosted Swagger UI)."""
        return page("api.html.j2", nav="api", ops=_operations(app.openapi()))

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    # ---- pages ----
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def overview() -> HTMLResponse:
        snap = await current()
        raw, fs = await both_findings(snap)
        html = await computed(snap, "overview_html", "overview", f"{jobs_module}:overview_html",
                              snap.generation, raw, fs)
        return HTMLResponse(html)

    @app.get("/pair/{country}/{partner}", response_class=HTMLResponse, include_in_schema=False)
    async def pair_page(country: str, partner: str, years: str = "2015-2025") -> HTMLResponse:
        from mirrortrade.report.pair import parse_years

        c = _codes(country, "country", aggregates=False)
        p = _codes(partner, "partner", aggregates=False)
        if not c or not p or len(c) != 1 or len(p) != 1:
            raise ApiError(422, "give one country and one partner, e.g. /pair/KGZ/CHN")
        if c == p:
            raise ApiError(422, f"country and partner are both {c[0]}: a pair needs two countries")
        try:
            window = parse_years(years)
        except MirrortradeError as e:
            raise ApiError(422, str(e)) from None
        snap = await current()
        key = ("pair", c[0], p[0], window)
        hit, html = snap.peek(key)
        if not hit:
            raw, fs = await both_findings(snap)
            html = await computed(snap, key, "pair", f"{jobs_module}:pair_html",
                                  c[0], p[0], window, raw, fs)
        return HTMLResponse(html)

    @app.get("/findings", response_class=HTMLResponse, include_in_schema=False)
    async def findings_page(
        country: str | None = None, rule: str | None = None, severity: str | None = None,
        status: str | None = None, period: str | None = None, show: str = "problems",
    ) -> HTMLResponse:
        snap = await current()
        fs = await findings(snap)
        selected = None
        options: dict[str, list[str]] = {"rule": [], "severity": [], "status": []}
        if fs is not None:
            for k in options:
                options[k] = sorted({str(f.get(k)) for f in fs if f.get(k)})
            selected = _filter_findings(fs, country=_codes(country, "country"), rule=_words(rule, "rule"),
                                        severity=_words(severity, "severity"), status=_words(status, "status"),
                                        period=_periods(period), problems_only=(show != "all"))
        figs_by_id: dict[str, Any] = {}
        if selected:
            ids = sorted({i for f in selected for i in f.get("figure_ids") or []})

            def figure_lookup() -> dict[str, Any]:
                from mirrortrade.report.html import figure_rows
                from mirrortrade.report.pair import _figures

                with holder.store(snap) as store:
                    return {r["figure_id"]: r for r in figure_rows(_figures(store, ids))}
            figs_by_id = await run_in_threadpool(figure_lookup)
        return page("findings.html.j2", nav="findings", findings=selected, total=None if fs is None else len(fs),
                    options=options, q={"country": country or "", "rule": rule or "", "severity": severity or "",
                                        "status": status or "", "period": period or "", "show": show},
                    fig_href=fig_href, figures_by_id=figs_by_id)

    async def check_article(text: str, article_date: date | None) -> dict[str, Any]:
        _article_size(text)
        snap = await current()
        result: dict[str, Any] = await pool.run(f"{jobs_module}:check", str(snap.file), holder.path.name, text,
                                                article_date)
        return result

    async def _checker(text: str | None, article_date: date | None = None) -> HTMLResponse:
        result = None
        segments: list[dict[str, Any]] = []
        if text is not None and text.strip():
            result = await check_article(text, article_date)
            segments = derived.highlight_segments(text, result["claims"])
            for s in segments:
                if s.get("claim") is not None:
                    s["cls"] = _status_class(s.get("status"))
            for c in result["claims"]:
                c["cls"] = _status_class(c.get("status"))
                c["value_text"] = _claim_value(c)
        counts: dict[str, int] = {}
        for c in (result or {}).get("claims", []):
            counts[str(c.get("status"))] = counts.get(str(c.get("status")), 0) + 1
        return page("check.html.j2", nav="check", text=text or "", result=result, segments=segments,
                    counts=counts, mode=derived.claims_mode(), no_claims=derived.NO_CLAIMS,
                    problems=sorted((f for f in (result or {}).get("findings", []) if derived.is_problem(f)),
                                    key=lambda f: _SEVERITY_RANK.get(str(f.get("severity")), 9)))

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_form() -> HTMLResponse:
        return await _checker(None)

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_submit(text: Annotated[str, Form()] = "", article_date: Annotated[str, Form()] = "") -> HTMLResponse:
        d = None
        if article_date.strip():
            try:
                d = date.fromisoformat(article_date.strip())
            except ValueError:
                raise ApiError(422, f"article date {article_date!r} is not YYYY-MM-DD") from None
        return await _checker(text, d)

    @app.get("/figures/{figure_id}", response_class=HTMLResponse, include_in_schema=False)
    def figure_page(figure_id: str) -> HTMLResponse:
        fig = _figure(figure_id)
        return page("figure.html.j2", nav="", f=fig)

    def _figure(figure_id: str) -> dict[str, Any]:
        if not _FIGURE_ID_RE.fullmatch(figure_id):
            raise ApiError(422, f"bad figure id {figure_id!r} (16 hex digits, e.g. f1ed5cf24a7ed6f5)")
        snap = holder.current()
        with holder.store(snap) as store:
            row = store.figure(figure_id)
        if row is None:
            raise ApiError(404, f"no figure {figure_id} in the store")
        row = derived.jsonable(row)
        row["citation"] = {k: row.get(c) or "" for k, c in
                           (("publisher", "publisher"), ("title", "title"), ("date", "pub_date"), ("url", "url"),
                            ("quote", "quote"))}
        row["source_name"] = SOURCES.get(row.get("source_id") or "", "")
        if row["table"] == "observations":
            row["what"] = f"{country_name(row['reporter'])} {_FLOW_WORDS.get(row['flow'], row['flow'])} {country_name(row['partner'])}"
            from mirrortrade.report.fmt import fmt_usd

            row["value_text"] = fmt_usd(row.get("value_usd"), row.get("qualifier") or "exact")
        else:
            from mirrortrade.report.html import value_text

            row["what"] = f"{country_name(row['country'])}: {row['indicator']}" + (
                f" ({country_name(row['partner'])})" if row.get("partner") else "")
            row["value_text"] = value_text(row.get("value"), row.get("unit") or "", row.get("qualifier") or "exact")
        return row

    # ---- API ----
    @app.get(f"{API}/observations", tags=["figures"])
    def api_observations(
        reporter: Annotated[str | None, Query(pattern=_CODES_RE, description="ISO3 codes, comma-separated")] = None,
        partner: Annotated[str | None, Query(pattern=_CODES_RE, description="ISO3 codes (WLD, CA5 too)")] = None,
        flow: Annotated[str | None, Query(max_length=40, description="X, M, RX, RM, T, B (comma-separated)")] = None,
        period: Annotated[str | None, Query(max_length=200, description="e.g. 2025, 2025-H1 (comma-separated)")] = None,
        source_id: Annotated[str | None, Query(max_length=200, description="e.g. CN-GACC,UZ-STAT")] = None,
        product: Annotated[str | None, Query(max_length=200, description="TOTAL or HS codes")] = None,
        as_of: Annotated[date | None, Query(description="vintages current on this date")] = None,
        all_vintages: bool = False,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    ) -> JSONResponse:
        """Published trade figures with their provenance (latest vintage per figure unless as_of/all_vintages)."""
        filters = dict(reporter=_codes(reporter, "reporter"), partner=_codes(partner, "partner"), flow=_flows(flow),
                       period=_periods(period), source_id=_words(source_id, "source_id"),
                       product=_words(product, "product"))
        snap = holder.current()
        key = ("observations", tuple((k, tuple(v) if v else None) for k, v in filters.items()), as_of,
               all_vintages, limit, offset)

        def compute() -> bytes:
            with holder.store(snap) as store:
                df, total = store.observations_page(**filters, as_of=as_of.isoformat() if as_of else None,
                                                    all_vintages=all_vintages, limit=limit, offset=offset)
            return _json(_page(derived.frame_records(df), total, limit, offset)).body
        return _cached_json(snap.cached(key, compute))

    def _table_endpoint(name: str) -> Callable[..., JSONResponse]:
        cols = TABLE_FILTERS[name]

        def endpoint(
            exporter: Annotated[str | None, Query(pattern=_CODES_RE, description="ISO3 codes")] = None,
            importer: Annotated[str | None, Query(pattern=_CODES_RE, description="ISO3 codes")] = None,
            country: Annotated[str | None, Query(pattern=_CODES_RE, description="ISO3 codes")] = None,
            year: Annotated[str | None, Query(pattern=r"^[0-9, ]{0,100}$", description="years, comma-separated")] = None,
            product: Annotated[str | None, Query(max_length=200)] = None,
            limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
            offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
        ) -> JSONResponse:
            given = {"exporter": _codes(exporter, "exporter"), "importer": _codes(importer, "importer"),
                     "country": _codes(country, "country"),
                     "year": [y.strip() for y in year.split(",") if y.strip()] if year else None,
                     "product": _words(product, "product")}
            snap = holder.current()
            key = (name, tuple((k, tuple(v) if v else None) for k, v in given.items()), limit, offset)
            return _cached_json(snap.cached(key, lambda: query(snap, given, limit, offset)))

        def query(snap: Snap, given: dict[str, list[str] | None], limit: int, offset: int) -> bytes:
            with holder.store(snap) as store:
                if not store.has_table(name):
                    return _json(_page([], 0, limit, offset, computed=False, note=derived.NOT_RECONCILED)).body
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
            return _json(_page(rows, total, limit, offset, computed=True)).body

        endpoint.__name__ = f"api_{name}"
        endpoint.__doc__ = {
            "pairs": "Mirror pairs: both sides of each exporter→importer flow (written by `mirrortrade reconcile`).",
            "estimates": "Reconciled best estimates with 90% intervals (written by `mirrortrade reconcile`).",
            "reliability": "Reporter reliability (written by `mirrortrade reconcile`).",
        }[name]
        del cols
        return endpoint

    for _name in TABLE_FILTERS:
        app.get(f"{API}/{_name}", tags=["reconciliation"])(_table_endpoint(_name))

    @app.get(f"{API}/findings", tags=["checks"])
    async def api_findings(
        country: Annotated[str | None, Query(pattern=_CODES_RE, description="reporter or partner, ISO3")] = None,
        reporter: Annotated[str | None, Query(pattern=_CODES_RE)] = None,
        partner: Annotated[str | None, Query(pattern=_CODES_RE)] = None,
        rule: Annotated[str | None, Query(max_length=200)] = None,
        severity: Annotated[str | None, Query(max_length=100, description="info, low, medium, high")] = None,
        status: Annotated[str | None, Query(max_length=100)] = None,
        period: Annotated[str | None, Query(max_length=200)] = None,
        problems_only: bool = False,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
    ) -> JSONResponse:
        """Findings of the plausibility checks (each with message, evidence and the figure ids it rests on)."""
        fs = await findings(await current())
        if fs is None:
            return _json(_page([], 0, limit, offset, computed=False, note=derived.NO_CHECKS))
        sel = _filter_findings(fs, country=_codes(country, "country"), reporter=_codes(reporter, "reporter"),
                               partner=_codes(partner, "partner"), rule=_words(rule, "rule"),
                               severity=_words(severity, "severity"), status=_words(status, "status"),
                               period=_periods(period), problems_only=problems_only)
        return _json(_page(sel[offset:offset + limit], len(sel), limit, offset, computed=True))

    @app.get(f"{API}/figures/{{figure_id}}", tags=["figures"])
    def api_figure(figure_id: str) -> JSONResponse:
        """One published figure (any vintage) with its citation: publisher, title, date, URL, quote."""
        return _json({"ok": True, "figure": _figure(figure_id)})

    @app.post(f"{API}/check", tags=["claims"])
    async def api_check(req: Annotated[CheckRequest, Body()]) -> JSONResponse:
        """Check an article: every trade claim with its verdict against the store, and the findings. An
        article over the size limit gets 413; a busy server 503 with Retry-After; a check over the time
        limit 504."""
        result = await check_article(req.text, req.article_date)
        return _json({"ok": True, **result})

    @app.get(f"{API}/status", tags=["meta"])
    def api_status() -> JSONResponse:
        """What the server is reading: the store (its file name), the snapshot generation, which results are
        computed, and the worker pool (size, busy, waiting, time limit; jobs started, timed out, refused)."""
        snap = holder.current()
        with holder.store(snap) as store:
            counts = {t: store.count(t) for t in snap.tables if re.fullmatch(r"[A-Za-z0-9_]+", t)}
        return _json({"ok": True, "store": holder.path.name, "generation": snap.generation, "tables": counts,
                      "reconciled": all(t in snap.tables for t in derived.RECONCILE_TABLES),
                      "checks": derived.checks_available(), "claims": derived.claims_mode(),
                      "last_refresh_error": holder.last_error,
                      "workers": {"size": pool.size, "busy": pool.busy, "waiting": pool.waiting,
                                  "queue": pool.queue, "timeout_s": pool.timeout, "started": pool.started,
                                  "timed_out": pool.timed_out, "refused": pool.refused},
                      "computations": dict(flight.computations)})

    # the last added middleware is the outermost: the headers go on every answer, the 413 included
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)
    return app


#: seconds the server waits for running requests after SIGTERM/SIGINT before it cancels them
GRACEFUL_SHUTDOWN = 2.0


def run_server(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` with uvicorn until SIGTERM/SIGINT. Requests still running after
    :data:`GRACEFUL_SHUTDOWN` seconds are cancelled and the workers killed, so the process ends within
    a few seconds even while a long check runs."""
    import uvicorn

    app.state.serving = True  # the lifespan's shutdown stops the workers (uvicorn re-raises the signal after it)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                    timeout_graceful_shutdown=GRACEFUL_SHUTDOWN)
    finally:
        app.state.close()


def _count(holder: SnapshotHolder, snap: Snap, name: str, where: list[str], params: list[Any]) -> int:
    sql = f'SELECT count(*) FROM "{name}"' + (" WHERE " + " AND ".join(where) if where else "")
    with holder.store(snap) as store:
        return int(store.con.execute(sql, params).fetchone()[0])


_EXAMPLES = {
    "/api/v1/observations": "/api/v1/observations?reporter=CHN&partner=KGZ&limit=10",
    "/api/v1/estimates": "/api/v1/estimates?exporter=KGZ&importer=CHN",
    "/api/v1/findings": "/api/v1/findings?country=KGZ&problems_only=true",
    "/api/v1/pairs": "/api/v1/pairs?exporter=CHN&limit=10",
    "/api/v1/reliability": "/api/v1/reliability",
    "/api/v1/status": "/api/v1/status",
}


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI document, flattened for the API page."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema", {})
                typ = sch.get("type") or " | ".join(str(a.get("type") or a.get("format") or "")
                                                    for a in sch.get("anyOf", []) if a.get("type") != "null")
                params.append({"name": p["name"], "where": p.get("in", ""), "required": p.get("required", False),
                               "type": typ, "description": p.get("description") or sch.get("description") or ""})
            body = None
            if "requestBody" in op:
                ref = op["requestBody"]["content"]["application/json"]["schema"].get("$ref", "")
                model = spec.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[-1], {})
                body = ", ".join(f"{k}: {v.get('description', '')}" for k, v in model.get("properties", {}).items())
            out.append({"method": method.upper(), "path": path, "id": op.get("operationId", ""),
                        "summary": op.get("description", ""), "description": "",
                        "params": params, "body": body, "example": _EXAMPLES.get(path)})
    return out


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "info": 3}
_FLOW_WORDS = {"X": "exports to", "M": "imports from", "RX": "re-exports to", "RM": "re-imports from",
               "T": "trade with", "B": "balance with"}


def _filter_findings(
    fs: list[dict[str, Any]], *, country: list[str] | None = None, reporter: list[str] | None = None,
    partner: list[str] | None = None, rule: list[str] | None = None, severity: list[str] | None = None,
    status: list[str] | None = None, period: list[str] | None = None, problems_only: bool = False,
) -> list[dict[str, Any]]:
    out = []
    for f in fs:
        if problems_only and not derived.is_problem(f):
            continue
        if country and not ({f.get("reporter"), f.get("partner")} & set(country)):
            continue
        if reporter and f.get("reporter") not in reporter:
            continue
        if partner and f.get("partner") not in partner:
            continue
        if rule and f.get("rule") not in rule:
            continue
        if severity and f.get("severity") not in severity:
            continue
        if status and f.get("status") not in status:
            continue
        if period and f.get("period") not in period:
            continue
        out.append(f)
    return out


def _claim_value(c: dict[str, Any]) -> str:
    from mirrortrade.report.fmt import fmt_interval, fmt_usd

    v = c.get("value_usd")
    if v is None:
        return "—"
    text = fmt_usd(float(v), c.get("qualifier") or "exact")
    lo, hi = c.get("value_low"), c.get("value_high")
    if lo is not None and hi is not None and not (isinstance(hi, float) and math.isnan(hi)):
        text += f" {fmt_interval(float(lo), float(hi))}"
    elif lo is not None and hi is None:
        text += f" [{fmt_usd(float(lo))}, ∞)"
    return text


def warm_up() -> None:
    """Build the Vega bundle in the background so the first page with a chart does not wait for it."""
    import threading

    from mirrortrade.report.charts import vega_bundle

    threading.Thread(target=vega_bundle, name="vega-bundle", daemon=True).start()


def _version() -> str:
    from mirrortrade.report.html import package_version

    return package_version()
