"""The dashboard's HTML pages: ``/`` overview (the five states and the region, latest year),
``/pair/{country}/{partner}`` (the report's charts, interactive), ``/findings`` (filterable), ``/check``
(article checker), ``/figures/{id}`` (provenance), ``/docs`` (the API from its own OpenAPI schema), the
static files and ``/healthz`` (answered on the event loop without touching the store)."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from mirrortrade.errors import MirrortradeError
from mirrortrade.report import derived
from mirrortrade.report.fmt import fmt_interval, fmt_usd
from mirrortrade.report.html import figure_rows, template_text
from mirrortrade.report.pair import _figures, parse_years
from mirrortrade.report.web.jobs import fig_href
from mirrortrade.report.web.params import ApiError, codes, periods, words
from mirrortrade.report.web.service import Dashboard, dashboard, filter_findings

router = APIRouter(include_in_schema=False)
Dash = Annotated[Dashboard, Depends(dashboard)]

_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "info": 3}
_EXAMPLES = {
    "/api/v1/observations": "/api/v1/observations?reporter=CHN&partner=KGZ&limit=10",
    "/api/v1/estimates": "/api/v1/estimates?exporter=KGZ&importer=CHN",
    "/api/v1/findings": "/api/v1/findings?country=KGZ&problems_only=true",
    "/api/v1/pairs": "/api/v1/pairs?exporter=CHN&limit=10",
    "/api/v1/reliability": "/api/v1/reliability",
    "/api/v1/status": "/api/v1/status",
}


# ---- static ----


@router.get("/static/vega-bundle.js")
def vega_js() -> Response:
    # altair and the Vega bundle load only when a page first draws a chart
    from mirrortrade.report.charts import vega_bundle

    return Response(vega_bundle(), media_type="text/javascript",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/static/embed.js")
def embed_js() -> Response:
    return Response(template_text("embed.js"), media_type="text/javascript")


@router.get("/static/style.css")
def style_css() -> Response:
    return Response(template_text("style.css"), media_type="text/css")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, dash: Dash) -> HTMLResponse:
    """The API described from its own OpenAPI schema, served locally (no CDN-hosted Swagger UI)."""
    return dash.page("api.html.j2", nav="api", ops=_operations(request.app.openapi()))


@router.get("/healthz")
async def healthz() -> PlainTextResponse:
    return PlainTextResponse("ok")


# ---- pages ----


@router.get("/", response_class=HTMLResponse)
async def overview(dash: Dash) -> HTMLResponse:
    snap = await dash.current()
    raw, fs = await dash.both_findings(snap)
    html = await dash.computed(snap, "overview_html", "overview", "overview_html", snap.generation, raw, fs)
    return HTMLResponse(html)


@router.get("/pair/{country}/{partner}", response_class=HTMLResponse)
async def pair_page(dash: Dash, country: str, partner: str, years: str = "2015-2025") -> HTMLResponse:
    c = codes(country, "country", aggregates=False)
    p = codes(partner, "partner", aggregates=False)
    if not c or not p or len(c) != 1 or len(p) != 1:
        raise ApiError(422, "give one country and one partner, e.g. /pair/KGZ/CHN")
    if c == p:
        raise ApiError(422, f"country and partner are both {c[0]}: a pair needs two countries")
    try:
        window = parse_years(years)
    except MirrortradeError as e:
        raise ApiError(422, str(e)) from None
    snap = await dash.current()
    key = ("pair", c[0], p[0], window)
    hit, html = snap.peek(key)
    if not hit:
        raw, fs = await dash.both_findings(snap)
        html = await dash.computed(snap, key, "pair", "pair_html", c[0], p[0], window, raw, fs)
    return HTMLResponse(html)


@router.get("/findings", response_class=HTMLResponse)
async def findings_page(
    dash: Dash, country: str | None = None, rule: str | None = None, severity: str | None = None,
    status: str | None = None, period: str | None = None, show: str = "problems",
) -> HTMLResponse:
    snap = await dash.current()
    fs = await dash.findings(snap)
    options = {k: sorted({str(f.get(k)) for f in fs if f.get(k)}) for k in ("rule", "severity", "status")}
    selected = filter_findings(fs, country=codes(country, "country"), rule=words(rule, "rule"),
                               severity=words(severity, "severity"), status=words(status, "status"),
                               period=periods(period), problems_only=(show != "all"))
    figs_by_id: dict[str, Any] = {}
    if selected:
        ids = sorted({i for f in selected for i in f.get("figure_ids") or []})

        def figure_lookup() -> dict[str, Any]:
            with dash.holder.store(snap) as store:
                return {r["figure_id"]: r for r in figure_rows(_figures(store, ids))}
        figs_by_id = await run_in_threadpool(figure_lookup)
    return dash.page("findings.html.j2", nav="findings", findings=selected, total=len(fs),
                     options=options, q={"country": country or "", "rule": rule or "", "severity": severity or "",
                                         "status": status or "", "period": period or "", "show": show},
                     fig_href=fig_href, figures_by_id=figs_by_id)


@router.get("/check", response_class=HTMLResponse)
async def check_form(dash: Dash) -> HTMLResponse:
    return await _checker(dash, None)


@router.post("/check", response_class=HTMLResponse)
async def check_submit(dash: Dash, text: Annotated[str, Form()] = "",
                       article_date: Annotated[str, Form()] = "") -> HTMLResponse:
    d = None
    if article_date.strip():
        try:
            d = date.fromisoformat(article_date.strip())
        except ValueError:
            raise ApiError(422, f"article date {article_date!r} is not YYYY-MM-DD") from None
    return await _checker(dash, text, d)


@router.get("/figures/{figure_id}", response_class=HTMLResponse)
def figure_page(dash: Dash, figure_id: str) -> HTMLResponse:
    return dash.page("figure.html.j2", nav="", f=dash.figure(figure_id))


# ---- helpers ----


async def _checker(dash: Dashboard, text: str | None, article_date: date | None = None) -> HTMLResponse:
    result = None
    segments: list[dict[str, Any]] = []
    if text is not None and text.strip():
        result = await dash.check_article(text, article_date)
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
    return dash.page("check.html.j2", nav="check", text=text or "", result=result, segments=segments,
                     counts=counts,
                     problems=sorted((f for f in (result or {}).get("findings", []) if derived.is_problem(f)),
                                     key=lambda f: _SEVERITY_RANK.get(str(f.get("severity")), 9)))


def _status_class(status: Any) -> str:
    s = re.sub(r"[^a-z_-]", "", str(status or "claim").lower())
    return f"st-{s or 'claim'}"


def _claim_value(c: dict[str, Any]) -> str:
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
