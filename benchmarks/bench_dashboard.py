"""Dashboard latency under load: p50/p95 of the overview page and /api/v1/estimates with 50 concurrent
clients on localhost, against a baseline measured in the same run (the static /healthz endpoint).

    python benchmarks/bench_dashboard.py            # default: 50 clients x 20 requests, 1M-row store
    python benchmarks/bench_dashboard.py --smoke    # 50 clients x 4 requests, 50k-row store
    python benchmarks/bench_dashboard.py --full     # 50 clients x 60 requests, 5M-row store

A real ``mirrortrade serve`` runs in a subprocess on a free port over a copy of the embedded store,
reconciled first so the estimates endpoint has rows, then over a large store (the embedded data plus
synthetic HS-6 rows ingested from Parquet; 5M rows in the full run). Each client is its own ``httpx.AsyncClient``
opening its connection first (not measured), then all send their requests one after another
at once; the run is bounded by ``--max-seconds`` per endpoint.
Also usable from ``run_all.py`` through :func:`run` (``run(mode, work) -> Section``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import PYTHON, Section, ratio  # noqa: E402

CLIENTS = 50
REQUESTS = {"smoke": 4, "default": 20, "full": 60}
ENDPOINTS = [
    ("/healthz", "baseline: static text"),
    ("/", "overview page (HTML)"),
    ("/api/v1/estimates?limit=100", "estimates API (JSON, 100 rows)"),
    ("/api/v1/observations?reporter=KGZ&partner=CHN&limit=100", "observations API (JSON, filtered)"),
]
#: the overview should stay interactive under this load
#: issue 9: p95 < 100 ms on the embedded dataset, for the overview page and /api/v1/estimates
TARGET_P95 = 0.100
#: ... and < 300 ms on a store of 5M rows (smaller in the smoke and default runs, which judge no target)
TARGET_P95_LARGE = 0.300
LARGE_ROWS = {"smoke": 50_000, "default": 1_000_000, "full": 5_000_000}
#: the two endpoints issue 9 sets targets for
TARGETED = ("/", "/api/v1/estimates?limit=100")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prepare_store(work: Path) -> Path:
    db = work / "dashboard.duckdb"
    if db.exists():
        db.unlink()
    env = {**os.environ, "MIRRORTRADE_DB": str(db)}
    subprocess.run([PYTHON, "-m", "mirrortrade.cli", "init"], check=True, env=env, capture_output=True)
    subprocess.run([PYTHON, "-m", "mirrortrade.cli", "reconcile"], check=True, env=env, capture_output=True)
    return db


def _large_store(work: Path, rows: int) -> Path:
    """The embedded store plus ``rows`` synthetic HS-6 figures (100 reporters x 99 partners x X/M x 10 years x
    products), ingested from Parquet with `mirrortrade ingest`, then reconciled; re-used when present."""
    import duckdb

    from mirrortrade.model import _iso3_codes

    db = work / f"dashboard-large-{rows}.duckdb"
    if db.exists():
        return db
    tmp = db.with_suffix(".tmp.duckdb")
    tmp.unlink(missing_ok=True)
    data = work / f"dashboard-large-{rows}.parquet"
    codes = sorted(_iso3_codes())[:100]
    con = duckdb.connect()
    con.execute(
        f"""COPY (SELECT c[1 + i % 100] AS reporter, c[1 + (i % 100 + 1 + (i // 100) % 99) % 100] AS partner,
                  ['X', 'M'][1 + (i // 9900) % 2] AS flow, CAST(2015 + (i // 19800) % 10 AS VARCHAR) AS period,
                  lpad(CAST(i // 198000 AS VARCHAR), 6, '0') AS product, 1000.0 + (i * 7919) % 10000000 AS value_usd,
                  'UN-COMTRADE' AS source_id
            FROM range({int(rows)}) AS r(i), (SELECT ?::VARCHAR[] AS c))
            TO '{data}' (FORMAT parquet)""",
        [codes],
    )
    con.close()
    env = {**os.environ, "MIRRORTRADE_DB": str(tmp)}
    for cmd in (["init"], ["ingest", str(data)], ["reconcile"]):
        subprocess.run([PYTHON, "-m", "mirrortrade.cli", *cmd], check=True, env=env, capture_output=True)
    data.unlink()
    tmp.rename(db)
    return db


def _start(db: Path, *serve_args: str) -> tuple[subprocess.Popen[bytes], str]:
    """``mirrortrade serve`` on a free port (with ``serve_args``), once ``/healthz`` answers."""
    import httpx

    port = _free_port()
    proc = subprocess.Popen([PYTHON, "-m", "mirrortrade.cli", "serve", "--port", str(port), "--db", str(db),
                             *serve_args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the dashboard did not start within 60 s")


async def _load(url: str, clients: int, per_client: int, max_seconds: float) -> tuple[list[float], int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + max_seconds + 0.5

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(timeout=30) as c:
            await c.get(url)  # open the connection first: connection setup is not what is measured
            await ready.wait()
            for _ in range(per_client):
                if time.perf_counter() > stop_at:
                    return
                t = time.perf_counter()
                r = await c.get(url)
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    errors += 1

    ready = asyncio.Event()
    tasks = [asyncio.create_task(client()) for _ in range(clients)]
    await asyncio.sleep(0.5)  # every client connected and waiting: then all start at once
    latencies.clear()
    ready.set()
    await asyncio.gather(*tasks)
    return latencies, errors


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (Linux /proc), 0 where unreadable."""
    def rss(p: int) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    try:
        kids = [int(k) for k in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        kids = []
    return rss(pid) + sum(_tree_rss(k) for k in kids)


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    return statistics.quantiles(xs, n=100, method="inclusive")[q - 1] if len(xs) > 1 else xs[0]


def _measure(section: Section, db: Path, label: str, per_client: int, max_seconds: float, target: float | None,
             judge: bool) -> None:
    """Serve ``db`` and load each endpoint with the clients; rows and targets go into ``section``."""
    import httpx

    proc, base = _start(db)
    try:
        for path, _ in ENDPOINTS:  # warm the per-snapshot caches and the Vega bundle once
            httpx.get(base + path, timeout=300)
        baseline: tuple[float, float] | None = None
        for path, what in ENDPOINTS:
            t = time.perf_counter()
            lat, errors = asyncio.run(_load(base + path, CLIENTS, per_client, max_seconds))
            wall = time.perf_counter() - t
            p50, p95 = _pct(lat, 50), _pct(lat, 95)
            if baseline is None:
                baseline = (p50, p95)
            r50, r95 = ratio(p50, baseline[0]), ratio(p95, baseline[1])
            print(f"  [{label}] {path}: p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms, {len(lat) / wall:.0f} req/s, "
                  f"{errors} errors -> ratio to /healthz p50 {r50}, p95 {r95}", flush=True)
            section.rows.append([label, f"`{path}`", what, str(len(lat)), f"{1000 * p50:.1f}", f"{1000 * p95:.1f}",
                                 f"{len(lat) / wall:.0f}", r50, r95, str(errors)])
            if target is not None and path in TARGETED:
                section.target(f"`{path}` p95 < {1000 * target:.0f} ms under {CLIENTS} clients ({label})",
                               (p95 < target and errors == 0) if judge else None, f"{1000 * p95:.0f} ms")
        rss = _tree_rss(proc.pid)
        print(f"  [{label}] server RSS (server + workers): {rss / 1e6:.0f} MB", flush=True)
        section.rows.append([label, "server RSS", "server + worker processes, after the load", "", "", "", "", "", "",
                             f"{rss / 1e6:.0f} MB"])
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def run(mode: str = "default", work: Path | None = None, *, max_seconds: float = 30.0) -> Section:
    per_client = REQUESTS.get(mode, REQUESTS["default"])
    large = LARGE_ROWS.get(mode, LARGE_ROWS["default"])
    tmp = None
    if work is None:
        tmp = Path(tempfile.mkdtemp(prefix="mt-bench-dash-"))
        work = tmp
    work.mkdir(parents=True, exist_ok=True)
    section = Section(
        title="Dashboard latency (50 concurrent clients, localhost)",
        how=(f"`mirrortrade serve` on the embedded store (reconciled) and on a store of {large:,} more rows "
             f"(synthetic HS-6 figures ingested from Parquet, then reconciled), {CLIENTS} concurrent httpx clients × "
             f"{per_client} sequential requests per endpoint; ratios are to the static /healthz endpoint "
             "measured in the same run on the same server."),
        header=["store", "endpoint", "what", "requests", "p50 ms", "p95 ms", "req/s", "p50 ratio", "p95 ratio", "errors"],
    )
    print(f"dashboard: {CLIENTS} clients x {per_client} requests per endpoint", flush=True)
    try:
        _measure(section, _prepare_store(work), "embedded", per_client, max_seconds, TARGET_P95, judge=True)
        t = time.perf_counter()
        reused = (work / f"dashboard-large-{large}.duckdb").exists()
        db = _large_store(work, large)
        how = "re-used from an earlier run" if reused else f"ingested and reconciled in {time.perf_counter() - t:.1f} s"
        print(f"  large store: {large:,} rows, {how} ({db.stat().st_size / 1e6:.0f} MB)", flush=True)
        _measure(section, db, f"{large / 1e6:g}M rows", per_client, max_seconds, TARGET_P95_LARGE,
                 judge=large >= 5_000_000)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    section.notes.append("The overview and pair pages are rendered once per store snapshot (in a worker process, "
                         "once however many ask) and then served from memory; the API queries the server's own "
                         "on-disk copy of the store through DuckDB (filtered and paged in SQL, buffer pool capped), "
                         "never the store file. The first request after a store changes pays for the snapshot "
                         "(seconds for millions of rows); it is made before the timed load (the warm-up). "
                         "`server RSS` is the resident memory of the server and its workers after the load.")
    return section


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--smoke", action="store_true", help=f"{CLIENTS} clients x {REQUESTS['smoke']} requests")
    g.add_argument("--full", action="store_true", help=f"{CLIENTS} clients x {REQUESTS['full']} requests, 5M rows")
    ap.add_argument("--max-seconds", type=float, default=30.0, help="upper bound per endpoint")
    args = ap.parse_args(argv)
    section = run("smoke" if args.smoke else "full" if args.full else "default", max_seconds=args.max_seconds)
    print()
    print(section.markdown())
    return 0 if all(m is not False for _, m, _ in section.targets) else 1


if __name__ == "__main__":
    sys.exit(main())
