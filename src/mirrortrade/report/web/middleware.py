"""What wraps every answer of the dashboard: the body size cap (413), the security headers, and the error
handlers that give every 4xx/5xx one shape — ``{"ok": false, "error": ..., "status": ...}`` from the API,
an error page for a browser asking for HTML."""

from __future__ import annotations

import json
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mirrortrade.errors import MirrortradeError, StoreError
from mirrortrade.report import derived
from mirrortrade.report.web.params import ApiError
from mirrortrade.report.web.pool import JobTimeout, PoolFull, WorkerDied

#: largest request body accepted (the article checker); larger gets 413
MAX_BODY = 1_000_000
#: where the API lives
API = "/api/v1"

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def json_response(data: Any, status: int = 200) -> JSONResponse:
    """``data`` as JSON (dates, NaN and numpy values made plain by :func:`derived.jsonable`)."""
    return JSONResponse(derived.jsonable(data), status_code=status)


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
    body = json.dumps({"ok": False, "error": error, "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def add_middleware(app: FastAPI) -> None:
    """The size cap inside the security headers: the last added middleware is the outermost, so the headers
    go on every answer, the 413 included."""
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(SecurityHeaders)


def add_error_handlers(app: FastAPI, env: jinja2.Environment) -> None:
    """Answer every error in one shape: JSON from the API, the error page (rendered by ``env``) to a browser."""

    def wants_html(request: Request) -> bool:
        return (not request.url.path.startswith(API) and request.url.path not in ("/openapi.json", "/healthz")
                and "text/html" in request.headers.get("accept", ""))

    def error_response(request: Request, status: int, error: str, errors: list[Any] | None = None,
                       headers: dict[str, str] | None = None) -> Response:
        resp: Response
        if wants_html(request):
            html = env.get_template("error.html.j2").render(status=status, error=error, nav="")
            resp = HTMLResponse(html, status_code=status)
        else:
            body: dict[str, Any] = {"ok": False, "error": error, "status": status}
            if errors:
                body["errors"] = errors
            resp = json_response(body, status)
        for k, v in (headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.error, exc.errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such page or endpoint: {request.url.path}"
        if exc.status_code == 405:
            msg = f"method {request.method} not allowed on {request.url.path} (the API is read-only except POST {API}/check)"
        return error_response(request, exc.status_code, msg, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()))
            errors.append({"field": loc, "message": e.get("msg", "")})
        text = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5]) or "invalid request"
        return error_response(request, 422, f"bad parameter — {text}", errors)

    @app.exception_handler(PoolFull)
    async def _pool_full(request: Request, exc: PoolFull) -> Response:
        return error_response(request, 503, str(exc), headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(JobTimeout)
    async def _job_timeout(request: Request, exc: JobTimeout) -> Response:
        return error_response(request, 504, str(exc))

    @app.exception_handler(WorkerDied)
    async def _worker_died(request: Request, exc: WorkerDied) -> Response:
        return error_response(request, 503, str(exc), headers={"Retry-After": "1"})

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(MirrortradeError)
    async def _mt_error(request: Request, exc: MirrortradeError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"internal error: {type(exc).__name__}")
