"""The dashboard and REST API: FastAPI over an on-disk snapshot of the store, read through DuckDB queries.

``create_app(db_path)`` builds the app; ``mirrortrade serve`` runs it with uvicorn on 127.0.0.1 through
:func:`run_server`. The app is put together from:

- :mod:`~mirrortrade.report.web.pages`: the HTML pages (overview, pair, findings, checker, figures, /docs);
- :mod:`~mirrortrade.report.web.api`: the REST API under ``/api/v1``, schema at ``/openapi.json``;
- :mod:`~mirrortrade.report.web.params`: the checked parameters (a bad one is 422);
- :mod:`~mirrortrade.report.web.middleware`: the body cap (:data:`MAX_BODY` bytes, articles of at most
  :data:`MAX_ARTICLE_CHARS` characters; larger: 413), security headers, and the one error shape
  ``{"ok": false, "error": ..., "status": ...}``;
- :mod:`~mirrortrade.report.web.service`: the state the two routers share.

CPU-bound work (claim checks, the findings, uncached pair pages and the overview) runs in a
bounded pool of worker processes (:mod:`mirrortrade.report.web.pool`) with a time limit per job:
a full pool answers 503 with ``Retry-After``, a job over its limit is stopped and answered 504.
Each uncached page is computed once however many requests ask for it at the same time (single
flight), and ``/healthz`` is answered on the event loop without touching the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from mirrortrade.report.html import package_version, template_env
from mirrortrade.report.web import api, jobs, pages
from mirrortrade.report.web.middleware import MAX_BODY, add_error_handlers, add_middleware
from mirrortrade.report.web.params import MAX_ARTICLE_CHARS
from mirrortrade.report.web.pool import (
    DEFAULT_QUEUE,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    SingleFlight,
    WorkerPool,
)
from mirrortrade.report.web.service import Dashboard
from mirrortrade.report.web.snapshot import SnapshotHolder

__all__ = ["GRACEFUL_SHUTDOWN", "JOBS_MODULE", "MAX_ARTICLE_CHARS", "MAX_BODY", "create_app", "run_server",
           "warm_up"]

#: the module of the jobs run in the workers (``create_app(jobs_module=...)`` names another, e.g. in tests)
JOBS_MODULE = "mirrortrade.report.web.jobs"
#: seconds the server waits for running requests after SIGTERM/SIGINT before it cancels them
GRACEFUL_SHUTDOWN = 2.0
WEB_DIR = Path(__file__).resolve().parent


def create_app(db_path: str | os.PathLike[str], *, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE,
               timeout: float = DEFAULT_TIMEOUT, jobs_module: str = JOBS_MODULE) -> FastAPI:
    """The dashboard + API over the store at ``db_path`` (read through on-disk snapshots), with ``workers``
    worker processes, ``queue`` waiting places and ``timeout`` seconds per computation."""
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
        version=package_version(),
        description="Mirror trade statistics with provenance: both sides of each flow, reconciled estimates, "
                    "findings, and an article claim checker. Read-only except POST /api/v1/check.",
        openapi_url="/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.holder = holder
    app.state.pool = pool
    app.state.flight = flight
    app.state.close = close
    app.state.dashboard = Dashboard(holder, pool, flight, env, jobs_module)

    add_error_handlers(app, env)
    app.mount("/static/app", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    add_middleware(app)
    return app


def run_server(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``app`` with uvicorn until SIGTERM/SIGINT. Requests still running after
    :data:`GRACEFUL_SHUTDOWN` seconds are cancelled and the workers killed, so the process ends within
    a few seconds even while a long check runs."""
    app.state.serving = True  # the lifespan's shutdown stops the workers (uvicorn re-raises the signal after it)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                    timeout_graceful_shutdown=GRACEFUL_SHUTDOWN)
    finally:
        app.state.close()


def warm_up() -> None:
    """Build the Vega bundle in the background so the first page with a chart does not wait for it."""
    # altair and the Vega bundle load only for the server, not for every import of the app
    from mirrortrade.report.charts import vega_bundle

    threading.Thread(target=vega_bundle, name="vega-bundle", daemon=True).start()
