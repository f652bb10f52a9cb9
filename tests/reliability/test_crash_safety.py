"""Crash safety: a SIGKILLed ingest leaves the store with the whole file or none of it, and usable;
a fetch killed mid-download leaves no cache entry, and the rerun downloads it whole.

The ingest is the real CLI (``python -m mirrortrade.cli ingest FILE``) in a child process,
killed once the store file or its WAL has changed (the ingest transaction has started writing).
Rows: ``MIRRORTRADE_CRASH_ROWS`` (default 400,000: ingest is fast enough that smaller files finish before a kill lands; the 2.5M-row run of
issue 10 is ``MIRRORTRADE_CRASH_ROWS=2500000``: passed in under 5 minutes on a 2-core machine).
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mirrortrade.store import Store

from ._helpers import copy_store, subprocess_env

CRASH_ROWS = int(os.environ.get("MIRRORTRADE_CRASH_ROWS", "400000"))
CODES = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "TUR", "IND", "DEU",
         "USA", "JPN", "KOR", "IRN", "AFG", "PAK", "MNG", "AZE", "GEO", "ARM")


def big_parquet(path: Path, n: int) -> Path:
    """n distinct monthly product-level figures (20 reporters x 19 partners x 2 flows x 24 months x products)."""
    i = np.arange(n)
    nr, npart, months = len(CODES), len(CODES) - 1, 24
    rep = i % nr
    par = (i // nr) % npart
    par = np.where(par >= rep, par + 1, par)
    flow = (i // (nr * npart)) % 2
    mon = (i // (nr * npart * 2)) % months
    prod = i // (nr * npart * 2 * months)
    codes = np.array(CODES)
    periods = np.array([f"{2024 + m // 12}-{m % 12 + 1:02d}" for m in range(months)])
    table = pa.table({
        "reporter": codes[rep], "partner": codes[par], "flow": np.array(["X", "M"])[flow], "period": periods[mon],
        "product": np.char.add("HS", np.char.zfill(prod.astype(str), 4)),
        "value_usd": (1000 + (i * 7919) % 10_000_000).astype(float),
        "source_id": np.full(n, "UN-COMTRADE"),
    })
    pq.write_table(table, path)
    return path


def _state(db: Path) -> tuple[int, ...]:
    s = db.stat()
    wal = db.with_name(db.name + ".wal")
    return (s.st_size, s.st_mtime_ns, wal.stat().st_size if wal.exists() else -1)


def _consistency(store: Store) -> tuple[int, int]:
    """(observations, ingests); asserts every row belongs to a recorded ingest with the recorded count."""
    con = store.con
    orphans = con.execute(
        "SELECT count(*) FROM observations WHERE ingest_id NOT IN (SELECT ingest_id FROM ingests)"
    ).fetchone()[0]
    assert orphans == 0
    mismatched = con.execute(
        """SELECT count(*) FROM ingests i LEFT JOIN (SELECT ingest_id, count(*) AS n FROM observations GROUP BY 1) o
           USING (ingest_id) WHERE i.kind LIKE '%:observations' AND coalesce(o.n, 0) <> i.added"""
    ).fetchone()[0]
    assert mismatched == 0
    # every stored figure row is visible (none belongs to an ingest that was never recorded)
    assert con.execute("SELECT count(*) FROM obs_rows").fetchone()[0] == store.count()
    return store.count(), int(con.execute("SELECT count(*) FROM ingests").fetchone()[0])


def _ingest_and_kill(data: Path, db: Path, delay: float) -> bool:
    """Run the CLI ingest of ``data`` into ``db`` and SIGKILL it ``delay`` s after the store file or WAL
    first changes. True if it was killed before it reported success."""
    start = _state(db)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mirrortrade.cli", "ingest", str(data), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env(),
    )
    try:
        deadline = time.monotonic() + 240 + CRASH_ROWS / 10_000
        while _state(db) == start and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        assert _state(db) != start or proc.poll() is not None, "the ingest never started writing"
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        out, _ = proc.communicate()  # waits, reads what it printed, closes the pipes
    return proc.returncode == -signal.SIGKILL and b"rows read" not in out


@pytest.mark.slow
@pytest.mark.timeout(300 + CRASH_ROWS // 2000)
def test_sigkill_mid_ingest_leaves_all_or_nothing(embedded_store_path: Path, tmp_path: Path) -> None:
    """Kills timed from the first write to a little later (the write phase of a fast ingest is short):
    whatever the instant, the reopened store holds all of the file or none of it, and the same file
    then ingests to completion. At least one kill must land before the ingest reported success."""
    data = big_parquet(tmp_path / "big.parquet", CRASH_ROWS)
    killed_mid_ingest = 0
    for attempt, delay in enumerate((0.0, 0.02, 0.1)):
        db = copy_store(embedded_store_path, tmp_path / f"store-{attempt}.duckdb")
        with Store(db) as s:
            n0, ingests0 = _consistency(s)
        killed_mid_ingest += _ingest_and_kill(data, db, delay)
        with Store(db) as s:  # reopening replays or discards the WAL
            n1, ingests1 = _consistency(s)
            assert (n1 - n0, ingests1 - ingests0) in ((0, 0), (CRASH_ROWS, 1)), (delay, n1 - n0, ingests1 - ingests0)
            # usable: the same file ingests again, completing whatever the kill interrupted
            res = s.ingest_file(data)
            assert res.rows == CRASH_ROWS
            assert res.added == (CRASH_ROWS if n1 == n0 else 0)
            n2, _ = _consistency(s)
            assert n2 == n0 + CRASH_ROWS
            # spot-check one figure against the generator: row 0 is CHN->KAZ X 2024-01 HS0000 = 1000 USD
            df = s.observations(reporter="CHN", partner="KAZ", flow="X", period="2024-01", product="HS0000")
            assert df["value_usd"].tolist() == [1000.0]
    assert killed_mid_ingest >= 1, "no kill landed before the ingest finished: raise MIRRORTRADE_CRASH_ROWS"


def test_rows_of_an_unrecorded_ingest_are_dropped_on_open(store: Store, tmp_path: Path) -> None:
    """What a kill at the instant of commit can leave (figure rows without their ``ingests`` row) is
    invisible to readers and removed when the store is next opened for writing; the file then ingests."""
    data = big_parquet(tmp_path / "small.parquet", 200)
    n0 = store.count()
    store.ingest_file(data)
    store.con.execute("DELETE FROM ingests WHERE ingest_id = (SELECT max(ingest_id) FROM ingests)")
    assert store.count() == n0  # the view shows no figure of an unrecorded ingest
    assert store.con.execute("SELECT count(*) FROM obs_rows").fetchone()[0] == n0 + 200
    path = store.path
    store.close()
    with Store(path) as s:
        assert s.con.execute("SELECT count(*) FROM obs_rows").fetchone()[0] == n0
        assert s.ingest_file(data).added == 200
        assert s.count() == n0 + 200


# ---- a fetch killed mid-download -------------------------------------------------------

BODY = json.dumps({"data": [{"reporterISO": "KAZ", "partnerISO": "CHN", "primaryValue": 1000 + i} for i in range(4000)]})
BODY_BYTES = BODY.encode()


class _SlowServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    stall = True  # send half the body, then wait until released
    half_sent = threading.Event()
    release = threading.Event()
    ranges: list[str | None] = []  # the Range header of each request


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    server: _SlowServer

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        rng = self.headers.get("Range")
        self.server.ranges.append(rng)
        if rng and not self.server.stall:  # honour "bytes=N-" with the rest of the body
            start = int(rng.removeprefix("bytes=").removesuffix("-"))
            self.send_response(206)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Range", f"bytes {start}-{len(BODY_BYTES) - 1}/{len(BODY_BYTES)}")
            self.send_header("Content-Length", str(len(BODY_BYTES) - start))
            self.end_headers()
            self.wfile.write(BODY_BYTES[start:])
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY_BYTES)))
        self.end_headers()
        half = len(BODY_BYTES) // 2
        try:
            if self.server.stall:
                self.wfile.write(BODY_BYTES[:half])
                self.wfile.flush()
                self.server.half_sent.set()
                self.server.release.wait(20)
                self.wfile.write(BODY_BYTES[half:])
            else:
                self.wfile.write(BODY_BYTES)
        except (BrokenPipeError, ConnectionResetError):
            pass


FETCH_CHILD = """
import sys
from mirrortrade.sources.http import Cache, Fetcher, Request, RetryPolicy
req = Request("UN-COMTRADE", sys.argv[1], expect="json")
with Fetcher(cache=Cache(sys.argv[2]), policy=RetryPolicy(max_attempts=1, min_interval=0, timeout=30)) as f:
    f.fetch(req)
print("fetched")
"""


@pytest.mark.timeout(60)
def test_fetch_killed_mid_download_leaves_no_entry(tmp_path: Path) -> None:
    import hashlib

    from mirrortrade.sources.http import Cache, Fetcher, Request, RetryPolicy

    server = _SlowServer(("127.0.0.1", 0), _SlowHandler)
    server.half_sent = threading.Event()
    server.release = threading.Event()
    server.ranges = []
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/data/v1/get/C/A/HS"
    cache_root = tmp_path / "cache"
    req = Request("UN-COMTRADE", url, expect="json")
    cache = Cache(cache_root)

    def parts() -> list[Path]:  # the child's private .<key>.body.*.part file
        return list(cache_root.rglob(".*.part"))

    try:
        proc = subprocess.Popen([sys.executable, "-c", FETCH_CHILD, url, str(cache_root)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env())
        assert server.half_sent.wait(30), proc.stderr.read() if proc.poll() is not None else "no request"
        # the child has started writing the body into the cache directory
        deadline = time.monotonic() + 10
        while not (parts() and parts()[0].stat().st_size) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert parts() and parts()[0].stat().st_size
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)  # waits, and closes the pipes
        assert proc.returncode == -signal.SIGKILL
        server.release.set()

        assert cache.get(req) is None
        assert not list(cache_root.rglob("*.body")) and not list(cache_root.rglob("*.json"))
        # what reached the disk is only the killed child's private temporary file: a prefix of the body
        kept = parts()[0].read_bytes()
        assert 0 < len(kept) <= len(BODY_BYTES) // 2 and BODY_BYTES.startswith(kept)

        # rerun: the whole body again; it is cached with the whole body's checksum
        server.stall = False
        with Fetcher(cache=cache, policy=RetryPolicy(max_attempts=2, min_interval=0, timeout=10)) as f:
            raw = f.fetch(req)
        assert server.ranges == [None, None]
        assert raw.read_bytes() == BODY_BYTES and not raw.from_cache
        assert raw.sha256 == hashlib.sha256(BODY_BYTES).hexdigest()
        hit = cache.get(req)
        assert hit is not None and hit.sha256 == raw.sha256
        assert len(hit.json()["data"]) == 4000
        # the killed child's temporary file is swept once it is older than a day
        swept = Cache(cache_root, stale_after=0.0)
        assert swept.get(req) is not None and parts() == []
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
