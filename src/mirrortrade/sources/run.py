"""One call per source: build the requests, fetch them (cached), parse, ingest in one transaction.

These are what ``mirrortrade fetch ...`` and ``mirrortrade ingest-national`` call; each returns
a :class:`FetchSummary` (rows added per source and vintage, what was split or skipped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mirrortrade.model import Indicator, Observation
from mirrortrade.sources import comtrade, imf, national, worldbank
from mirrortrade.sources.http import Fetcher, Raw, Request
from mirrortrade.sources.ingest import ingest_indicators, ingest_observations
from mirrortrade.store import IngestResult, Store

#: progress hooks: total(n) once the requests are known, then step(label) after each one
Progress = tuple[Callable[[int], None], Callable[[str], None]]


@dataclass
class FetchSummary:
    source_id: str
    requests: int
    cached: int
    fetched: int
    rows: int
    result: IngestResult
    vintages: dict[str, int] = field(default_factory=dict)  # vintage -> rows parsed
    notes: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def _label(requests: Sequence[Request]) -> str:
    if not requests:
        return ""
    first = requests[0].full_url
    return first if len(requests) == 1 else f"{first} (+{len(requests) - 1} more requests)"


def _fetch_each(fetcher: Fetcher, requests: Sequence[Request], progress: Progress | None) -> list[Raw]:
    if fetcher.offline:
        fetcher.require_cached(requests)
    if progress:
        progress[0](len(requests))
    out = []
    for r in requests:
        out.append(fetcher.fetch(r))
        if progress:
            progress[1](r.label or r.full_url)
    return out


def _summary(source_id: str, fetcher: Fetcher, before: dict[str, int], requests: Sequence[Request], records: Sequence[Observation | Indicator],
             result: IngestResult, notes: list[str]) -> FetchSummary:
    return FetchSummary(
        source_id=source_id, requests=len(requests), cached=fetcher.stats["cached"] - before["cached"],
        fetched=fetcher.stats["fetched"] - before["fetched"], rows=len(records), result=result,
        vintages=dict(Counter(r.vintage for r in records)), notes=notes, urls=[r.full_url for r in requests],
    )


def run_comtrade(store: Store, query: comtrade.ComtradeQuery, fetcher: Fetcher, progress: Progress | None = None) -> FetchSummary:
    before = dict(fetcher.stats)
    plan = comtrade.build(query)
    q = comtrade.check(query)
    if fetcher.offline:
        fetcher.require_cached(plan.requests)
    if progress:
        progress[0](len(plan.requests))
    done: list[Request] = []

    def on_done(req: Request, raw: Raw) -> None:
        done.append(req)
        if progress:
            progress[1](req.label or req.full_url)

    raws = comtrade.fetch_all(plan, fetcher, cap=q.row_cap, on_done=on_done)
    obs: list[Observation] = []
    notes = list(plan.notes)
    dropped = 0
    for raw in raws:
        rep = comtrade.parse_report(raw)
        obs.extend(rep.observations)
        dropped += rep.dropped_areas
    if dropped:
        notes.append(f"{dropped} rows with Comtrade area/group partner codes dropped (never bilateral)")
    if not q.api_key:
        notes.append("no COMTRADE_API_KEY: used the public preview endpoint (500 rows per call)")
    result = ingest_observations(store, obs, file=_label(done))
    return _summary(comtrade.SOURCE_ID, fetcher, before, done, obs, result, notes)


def run_imf(store: Store, query: imf.ImfQuery, fetcher: Fetcher, progress: Progress | None = None) -> FetchSummary:
    before = dict(fetcher.stats)
    reqs = imf.build(query)
    raws = _fetch_each(fetcher, reqs, progress)
    obs: list[Observation] = []
    notes: list[str] = []
    for raw in raws:
        rep = imf.parse_report(raw)
        obs.extend(rep.observations)
        if rep.skipped_series:
            notes.append(f"skipped {len(rep.skipped_series)} series: {'; '.join(rep.skipped_series[:5])}")
    result = ingest_observations(store, obs, file=_label(reqs))
    return _summary(imf.SOURCE_ID, fetcher, before, reqs, obs, result, notes)


def run_worldbank(store: Store, query: worldbank.WbQuery, fetcher: Fetcher, progress: Progress | None = None) -> FetchSummary:
    before = dict(fetcher.stats)
    first = worldbank.build(query)
    if fetcher.offline:
        fetcher.require_cached(first)
    if progress:
        progress[0](1)
    raws = worldbank.fetch_all(query, fetcher)
    if progress:
        progress[1](first[0].label)
    inds: list[Indicator] = [i for raw in raws for i in worldbank.parse(raw)]
    reqs = [r.request for r in raws if r.request is not None]
    result = ingest_indicators(store, inds, file=_label(reqs))
    return _summary(worldbank.SOURCE_ID, fetcher, before, reqs, inds, result, [])


def run_national(store: Store, path: str | Path, country: str, *, flow: str | None = None, vintage: str = "") -> FetchSummary:
    q = national.check(national.NationalQuery(Path(path), country.strip().upper(), flow, vintage))
    req = national.build(q)
    raw = national.fetch(req)
    rep = national.parse(q, raw)
    notes = list(rep.notes)
    if rep.skipped:
        names = sorted(set(rep.skipped))
        notes.append(f"left out {len(rep.skipped)} total/group/unallocated rows: {', '.join(n.replace(chr(10), ' ') for n in names[:12])}"
                     + (" ..." if len(names) > 12 else ""))
    result = ingest_observations(store, rep.observations, file=str(path))
    return FetchSummary(req.source_id, 1, 1, 0, len(rep.observations), result,
                        dict(Counter(o.vintage for o in rep.observations)), notes, [req.url])
