"""Network faults against a real local HTTP server (a thread on 127.0.0.1): connection reset, 502/503,
Retry-After capped, slow trickle (steady vs stalled), and a fetch that fails half-way ingesting
nothing. Retries are bounded; waits are injected (recorded, not slept) so the tests stay fast.

Already covered by tests/sources/test_sources_http.py and not repeated here: 429 + Retry-After then
200, 500s with backoff, the retry bound, timeout then success, truncated bodies, HTML/JSON/SDMX
error bodies, wrong content type.
"""

from __future__ import annotations

import http.server
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mirrortrade.errors import SourceError
from mirrortrade.sources.http import Cache, Fetcher, Request, RetryPolicy

from ._helpers import ROOT, copy_store, sha256

#: a recorded UN Comtrade answer (CHN 2010 with ARG, DDR, DEU; tests/data/PROVENANCE.md)
RECORDED = ROOT / "tests" / "data" / "comtrade" / "data_v1_C_A_HS_CHN_2010_partners_ARG_DDR_DEU.json"


@dataclass
class Reply:
    """What the fake server does for one request."""

    kind: str = "ok"  # ok | status | reset | trickle | stall
    status: int = 200
    body: bytes = b'{"data": [], "error": ""}'
    headers: dict[str, str] = field(default_factory=dict)
    gap: float = 0.0  # trickle: seconds between chunks; stall: seconds of silence half-way
    chunks: int = 1


class FaultServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.replies: dict[str, list[Reply]] = {}
        self.seen: list[str] = []
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def script(self, prefix: str, replies: list[Reply]) -> None:
        self.replies[prefix] = list(replies)

    def next_reply(self, path: str) -> Reply:
        with self.lock:
            self.seen.append(path)
            for prefix, queue in self.replies.items():
                if path.startswith(prefix) and queue:
                    return queue.pop(0) if len(queue) > 1 else queue[0]  # the last reply repeats
        return Reply("status", 404, b'{"error": "not scripted"}')


class _Handler(http.server.BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        r = self.server.next_reply(self.path)
        try:
            if r.kind == "reset":  # RST instead of an answer
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            self.send_response(r.status)
            self.send_header("Content-Type", r.headers.pop("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(r.body)))
            for k, v in r.headers.items():
                self.send_header(k, v)
            self.end_headers()
            if r.kind == "trickle":
                step = max(1, len(r.body) // r.chunks)
                for i in range(0, len(r.body), step):
                    self.wfile.write(r.body[i:i + step])
                    self.wfile.flush()
                    time.sleep(r.gap)
            elif r.kind == "stall":
                half = len(r.body) // 2
                self.wfile.write(r.body[:half])
                self.wfile.flush()
                time.sleep(r.gap)
                self.wfile.write(r.body[half:])
            else:
                self.wfile.write(r.body)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True


@pytest.fixture()
def server() -> Iterator[FaultServer]:
    s = FaultServer()
    t = threading.Thread(target=s.serve_forever, daemon=True)
    t.start()
    yield s
    s.shutdown()
    s.server_close()


@pytest.fixture()
def waits() -> list[float]:
    return []


@pytest.fixture()
def fetcher(tmp_path: Path, waits: list[float]) -> Iterator[Fetcher]:
    policy = RetryPolicy(max_attempts=3, base_wait=0.01, max_wait=0.05, timeout=0.4, min_interval=0.0,
                         sleep=waits.append)
    with Fetcher(cache=Cache(tmp_path / "cache"), policy=policy) as f:
        yield f


def _req(server: FaultServer, path: str = "/data") -> Request:
    return Request("UN-COMTRADE", server.base + path, expect="json")


def _cache_files(f: Fetcher) -> list[Path]:
    return [p for p in f.cache.root.rglob("*") if p.is_file() and not p.name.endswith(".part")]


def test_connection_reset_is_retried_then_one_clear_error(server: FaultServer, fetcher: Fetcher, waits: list[float]) -> None:
    server.script("/data", [Reply("reset")])
    with pytest.raises(SourceError) as info:
        fetcher.fetch(_req(server))
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(server.base + "/data: gave up after 3 attempts")
    assert "connection" in msg.lower() or "broken" in msg.lower()
    assert len(server.seen) == 3 and waits == [0.01, 0.02]  # exponential backoff, bounded
    assert _cache_files(fetcher) == []


def test_connection_reset_then_success(server: FaultServer, fetcher: Fetcher, waits: list[float]) -> None:
    body = RECORDED.read_bytes()
    server.script("/data", [Reply("reset"), Reply("ok", body=body)])
    raw = fetcher.fetch(_req(server))
    assert raw.read_bytes() == body and len(server.seen) == 2 and waits == [0.01]


def test_502_and_503_are_retried(server: FaultServer, fetcher: Fetcher, waits: list[float]) -> None:
    body = RECORDED.read_bytes()
    server.script("/data", [Reply("status", 502, b"bad gateway"), Reply("status", 503, b"unavailable"),
                            Reply("ok", body=body)])
    raw = fetcher.fetch(_req(server))
    assert raw.json()["count"] == 4 and waits == [0.01, 0.02]


def test_retry_after_is_capped_and_the_last_status_is_named(server: FaultServer, fetcher: Fetcher, waits: list[float]) -> None:
    server.script("/data", [Reply("status", 503, b"maintenance", headers={"Retry-After": "3600"})])
    with pytest.raises(SourceError, match=r"gave up after 3 attempts: HTTP 503"):
        fetcher.fetch(_req(server))
    assert waits == [0.05, 0.05]  # an hour asked for, max_wait granted: the CLI never hangs for an hour


def test_slow_but_steady_trickle_completes(server: FaultServer, fetcher: Fetcher, waits: list[float]) -> None:
    body = RECORDED.read_bytes()
    # 10 chunks 0.1 s apart: the whole body takes ~1 s, longer than the 0.4 s timeout, but no read waits that long
    server.script("/data", [Reply("trickle", body=body, chunks=10, gap=0.1)])
    raw = fetcher.fetch(_req(server))
    assert raw.read_bytes() == body and waits == []


def test_trickle_that_stalls_times_out_and_caches_nothing(server: FaultServer, tmp_path: Path) -> None:
    body = RECORDED.read_bytes()
    server.script("/data", [Reply("stall", body=body, gap=1.0)])
    waits: list[float] = []
    policy = RetryPolicy(max_attempts=2, base_wait=0.01, max_wait=0.05, timeout=0.3, min_interval=0.0, sleep=waits.append)
    with Fetcher(cache=Cache(tmp_path / "c"), policy=policy) as f:
        with pytest.raises(SourceError, match=r"gave up after 2 attempts: timeout"):
            f.fetch(_req(server))
        # no entry and no partial body: what arrived before the stall is discarded
        assert _cache_files(f) == [] and f.cache.get(_req(server)) is None
        assert not list(f.cache.root.rglob("*.part"))
    assert len(server.seen) == 2


def test_fetch_failing_half_way_ingests_nothing_and_rerun_completes(
    server: FaultServer, fetcher: Fetcher, embedded_store_path: Path, tmp_path: Path
) -> None:
    """Two requests: the first answers, the second keeps failing. The store is byte-identical after the
    error; the rerun takes the first answer from the cache, fetches only the second, and ingests both."""
    from mirrortrade.sources import comtrade
    from mirrortrade.sources.run import run_comtrade
    from mirrortrade.store import Store

    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("ARG", "DEU"), years=tuple(range(2000, 2015)),
                               flows=("X", "M"), base=server.base)
    plan = comtrade.build(q)
    assert len(plan.requests) == 2
    first, second = (r.full_url.removeprefix(server.base) for r in plan.requests)
    server.script(first, [Reply("ok", body=RECORDED.read_bytes())])
    server.script(second, [Reply("status", 500, b"internal error")])
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    with Store(db) as store:
        with pytest.raises(SourceError, match="HTTP 500"):
            run_comtrade(store, q, fetcher)
    assert sha256(db) == before

    server.seen.clear()
    server.script(second, [Reply("ok", body=b'{"elapsedTime": "0.1 secs", "count": 0, "data": [], "error": ""}')])
    with Store(db) as store:
        summary = run_comtrade(store, q, fetcher)
        assert server.seen == [second]  # the first answer came from the cache
        # the recorded answer: CHN exports to DEU in 2010 were 68,047,133,397 USD
        df = store.observations(reporter="CHN", partner="DEU", flow="X", period="2010", source_id="UN-COMTRADE")
        assert df["value_usd"].tolist() == [68047133397.0]
        assert summary.result.added == 4
