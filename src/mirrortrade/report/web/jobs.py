"""The dashboard's CPU-bound jobs, run in the worker processes of :mod:`mirrortrade.report.web.pool`.

Each job gets the path of the snapshot file (see :mod:`mirrortrade.report.web.snapshot`) and reads
it through a read-only connection kept per worker process (one file at a time: a job on a newer
snapshot closes the older connection). Arguments and results are plain picklable values; pages come
back as HTML text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from mirrortrade.model import CENTRAL_ASIA, country_name
from mirrortrade.report import derived
from mirrortrade.report.html import pair_view, story_view, template_env
from mirrortrade.report.pair import pair_data
from mirrortrade.report.web.snapshot import open_snapshot, store_over
from mirrortrade.store import Store

WEB_DIR = Path(__file__).resolve().parent
_cons: dict[str, duckdb.DuckDBPyConnection] = {}
_env: Any = None

#: modules a worker imports when it starts, so its first job does not pay for them
PRELOAD = ("mirrortrade.report.web.jobs", "mirrortrade.report.html", "mirrortrade.report.pair",
           "mirrortrade.checks", "mirrortrade.claims")


def _store(file: str, store_name: str) -> Store:
    con = _cons.get(file)
    if con is None:
        for old in list(_cons):
            _cons.pop(old).close()
        con = _cons[file] = open_snapshot(Path(file))
    return store_over(con.cursor(), Path(store_name))


def _template(name: str) -> Any:
    global _env
    if _env is None:
        _env = template_env(WEB_DIR / "templates")
    return _env.get_template(name)


def fig_href(fid: str) -> str:
    return f"/figures/{fid}"


def pair_href(country: str) -> str:
    return f"/pair/{country}/CHN"


def findings(file: str, store_name: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """The checks' findings over the snapshot: the raw :class:`Finding` objects and their dicts."""
    store = _store(file, store_name)
    raw = derived.run_findings_raw(store)
    return raw, derived.run_findings(None, raw)


def check(file: str, store_name: str, text: str, article_date: date | None) -> dict[str, Any]:
    """The claim checker's JSON for an article (see :func:`derived.check_article_json`)."""
    return derived.check_article_json(text, _store(file, store_name), article_date)


def overview_html(file: str, store_name: str, generation: int, raw: list[Any],
                  fs: list[dict[str, Any]]) -> str:
    """The overview page."""
    store = _store(file, store_name)
    story = story_view(store, findings=fs, pair_href=pair_href, findings_href=lambda c: f"/findings?country={c}")
    est = store.count("estimates") if store.has_table("estimates") else None
    n_obs, n_ind = store.count("observations"), store.count("indicators")
    problems = sum(derived.is_problem(f) for f in fs)
    return str(_template("overview.html.j2").render(
        nav="overview", story=story, fig_href=fig_href, n_obs=n_obs, n_ind=n_ind, n_estimates=est,
        n_problems=problems, not_reconciled=derived.NOT_RECONCILED,
        pairs=[(c, country_name(c)) for c in CENTRAL_ASIA], generation=generation, pair_href=pair_href))


def pair_html(file: str, store_name: str, country: str, partner: str, window: tuple[int, int],
              raw: list[Any] | None, fs: list[dict[str, Any]] | None) -> str:
    """The page of one country pair over a window of years."""
    store = _store(file, store_name)
    view = pair_view(pair_data(store, country, partner, window, findings=fs, raw_findings=raw))
    return str(_template("pair.html.j2").render(
        nav="pair", p=view, fig_href=fig_href, years=f"{window[0]}-{window[1]}",
        pairs=[(x, country_name(x)) for x in CENTRAL_ASIA]))
