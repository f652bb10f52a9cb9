"""What the pages and the API share: the store's snapshots, the worker pool, single flight and the templates,
held by one :class:`Dashboard` per app (``app.state.dashboard``, handed to the routes by :func:`dashboard`).

Results are cached per snapshot and computed in the worker pool once per key (single flight); the findings,
a claim check and a figure with its citation are read here for both the HTML pages and ``/api/v1``."""

from __future__ import annotations

from datetime import date
from typing import Any

import jinja2
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from mirrortrade.model import SOURCES, country_name
from mirrortrade.report import derived
from mirrortrade.report.fmt import fmt_usd
from mirrortrade.report.html import value_text
from mirrortrade.report.web.params import ApiError, article_size, figure_id
from mirrortrade.report.web.pool import SingleFlight, WorkerPool
from mirrortrade.report.web.snapshot import Snap, SnapshotHolder

_FLOW_WORDS = {"X": "exports to", "M": "imports from", "RX": "re-exports to", "RM": "re-imports from",
               "T": "trade with", "B": "balance with"}


class Dashboard:
    """The state of one app: snapshots of the store (``holder``), the worker ``pool`` running the jobs of
    ``jobs_module``, the single ``flight`` of each uncached computation, and the template ``env``."""

    def __init__(self, holder: SnapshotHolder, pool: WorkerPool, flight: SingleFlight, env: jinja2.Environment,
                 jobs_module: str) -> None:
        self.holder = holder
        self.pool = pool
        self.flight = flight
        self.env = env
        self.jobs_module = jobs_module

    async def current(self) -> Snap:
        """The current snapshot (a changed store is copied in a thread, never on the event loop)."""
        return await run_in_threadpool(self.holder.current)

    async def computed(self, snap: Snap, key: Any, kind: str, job: str, *args: Any) -> Any:
        """The result of ``job`` (a function of the jobs module) for ``snap``: cached, else computed once in
        the pool however many requests ask for it at the same time."""
        hit, value = snap.peek(key)
        if hit:
            return value

        async def compute() -> Any:
            hit, value = snap.peek(key)
            if hit:
                return value
            return snap.put(key, await self.pool.run(f"{self.jobs_module}:{job}", str(snap.file),
                                                     self.holder.path.name, *args))
        return await self.flight.run((snap.generation, key), kind, compute)

    async def both_findings(self, snap: Snap) -> tuple[list[Any], list[dict[str, Any]]]:
        """The findings of ``snap`` as the checks return them and as records."""
        result: tuple[list[Any], list[dict[str, Any]]] = await self.computed(
            snap, "findings", "findings", "findings")
        return result

    async def findings(self, snap: Snap) -> list[dict[str, Any]]:
        """The findings of ``snap`` as records."""
        return (await self.both_findings(snap))[1]

    async def check_article(self, text: str, article_date: date | None) -> dict[str, Any]:
        """Check an article in the pool: its claims with their verdicts, and the findings."""
        article_size(text)
        snap = await self.current()
        result: dict[str, Any] = await self.pool.run(f"{self.jobs_module}:check", str(snap.file),
                                                     self.holder.path.name, text, article_date)
        return result

    def figure(self, fid: str) -> dict[str, Any]:
        """One published figure (any vintage) with its citation and a readable line of what it is."""
        figure_id(fid)
        snap = self.holder.current()
        with self.holder.store(snap) as store:
            row = store.figure(fid)
        if row is None:
            raise ApiError(404, f"no figure {fid} in the store")
        row = derived.jsonable(row)
        row["citation"] = {k: row.get(c) or "" for k, c in
                           (("publisher", "publisher"), ("title", "title"), ("date", "pub_date"), ("url", "url"),
                            ("quote", "quote"))}
        row["source_name"] = SOURCES.get(row.get("source_id") or "", "")
        if row["table"] == "observations":
            row["what"] = f"{country_name(row['reporter'])} {_FLOW_WORDS.get(row['flow'], row['flow'])} {country_name(row['partner'])}"
            row["value_text"] = fmt_usd(row.get("value_usd"), row.get("qualifier") or "exact")
        else:
            row["what"] = f"{country_name(row['country'])}: {row['indicator']}" + (
                f" ({country_name(row['partner'])})" if row.get("partner") else "")
            row["value_text"] = value_text(row.get("value"), row.get("unit") or "", row.get("qualifier") or "exact")
        return row

    def page(self, name: str, **ctx: Any) -> HTMLResponse:
        """The template ``name`` rendered with ``ctx``."""
        return HTMLResponse(self.env.get_template(name).render(**ctx))


def dashboard(request: Request) -> Dashboard:
    """The app's :class:`Dashboard` (a FastAPI dependency)."""
    state: Dashboard = request.app.state.dashboard
    return state


def filter_findings(
    fs: list[dict[str, Any]], *, country: list[str] | None = None, reporter: list[str] | None = None,
    partner: list[str] | None = None, rule: list[str] | None = None, severity: list[str] | None = None,
    status: list[str] | None = None, period: list[str] | None = None, problems_only: bool = False,
) -> list[dict[str, Any]]:
    """The findings that match every given filter (``country``: reporter or partner)."""
    wanted = {"reporter": reporter, "partner": partner, "rule": rule, "severity": severity, "status": status,
              "period": period}
    out = []
    for f in fs:
        if problems_only and not derived.is_problem(f):
            continue
        if country and not ({f.get("reporter"), f.get("partner")} & set(country)):
            continue
        if any(vals and f.get(k) not in vals for k, vals in wanted.items()):
            continue
        out.append(f)
    return out
