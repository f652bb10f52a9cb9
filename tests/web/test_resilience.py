"""The server stays up (issue 19, item 4): an article size cap with a clear 413 carrying the security
headers; CPU-bound work in a bounded pool of worker processes (503 + Retry-After when full, 504 and the
worker stopped past the time limit); one computation per uncached page however many ask; ``/healthz``
answers while a maximum-size check runs; the process ends within 5 s of SIGTERM/SIGINT during a long
check; ``/api/v1/status`` names the store's file, not its absolute path.

Real servers on 127.0.0.1 in subprocesses, real HTTP requests; the long checks come from the jobs of
``slowjobs.py`` (the real job, then a CPU-bound hold), so the tests do not depend on how fast the claim
checker is. Every wait is bounded. Latency numbers are measured in benchmarks/bench_server.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from mirrortrade.report.web.app import MAX_ARTICLE_CHARS, MAX_BODY
from web.conftest import Server, assert_error, close_pipes, start_server, stop_server

HERE = Path(__file__).resolve().parent
FIGURE = "China's exports to Kyrgyzstan reached $22 billion in 2025. "
PROSE = "The delegation discussed roads, rail links and the new border crossing near the mountain pass. "


def article(chars: int, hold: float | None = None) -> str:
    """An article of exactly ``chars`` characters: prose with a figure sentence in every tenth place."""
    head = f"HOLD {hold}\n" if hold is not None else ""
    parts, size, i = [head], len(head), 0
    while size < chars:
        s = FIGURE if i % 10 == 0 else PROSE
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)[:chars]


@pytest.fixture()
def db(store_file: Path) -> Path:
    return store_file


@pytest.fixture()
def slow(db: Path, tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Start the dashboard with the slow jobs: ``slow(workers=1, queue=0, timeout=30)``; stopped at the end."""
    started: list[Server] = []

    def start(workers: int = 1, queue: int = 0, timeout: float = 30.0) -> Server:
        jobs_dir = tmp_path / f"jobs-{len(started)}"
        jobs_dir.mkdir()
        cmd = [sys.executable, str(HERE / "serve_slow.py"), str(db), "{port}", str(workers), str(queue), str(timeout)]
        srv = start_server(db, cmd=cmd, env={"SLOWJOBS_DIR": str(jobs_dir)})
        srv.jobs_dir = jobs_dir  # type: ignore[attr-defined]
        started.append(srv)
        return srv

    yield start
    for srv in started:
        if srv.proc.poll() is None:
            stop_server(srv)
        else:
            close_pipes(srv.proc)


def status(srv: Server) -> dict[str, Any]:
    return httpx.get(srv.url + "/api/v1/status", timeout=10).json()  # type: ignore[no-any-return]


def wait_for(cond: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


def pids(srv: Server, what: str) -> list[int]:
    return [int(p.name.rsplit("-", 1)[1]) for p in srv.jobs_dir.glob(f"{what}-*")]  # type: ignore[attr-defined]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def post_check(srv: Server, text: str, timeout: float = 120) -> httpx.Response:
    return httpx.post(srv.url + "/api/v1/check", json={"text": text}, timeout=timeout)


def in_background(fn: Callable[[], Any]) -> tuple[ThreadPoolExecutor, Future[Any]]:
    ex = ThreadPoolExecutor(1)
    return ex, ex.submit(fn)


# ---- size cap and status ---------------------------------------------------------------------


def test_413_is_clear_and_carries_the_security_headers(server: Server) -> None:
    too_big = httpx.post(server.url + "/api/v1/check", content=b"x" * (MAX_BODY + 1),
                         headers={"content-type": "application/json"})
    long_article = post_check(server, article(MAX_ARTICLE_CHARS + 1))  # under the body limit, over the article cap
    for r in (too_big, long_article):
        assert_error(r, 413)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert f"over the limit of {MAX_ARTICLE_CHARS:,} characters" in long_article.json()["error"]
    form = httpx.post(server.url + "/check", data={"text": article(MAX_ARTICLE_CHARS + 1)},
                      headers={"accept": "text/html"})
    assert form.status_code == 413 and "text/html" in form.headers["content-type"]
    assert "default-src 'self'" in form.headers["content-security-policy"]
    assert form.headers["x-frame-options"] == "DENY"


def test_status_names_the_store_file_not_its_path(server: Server) -> None:
    r = httpx.get(server.url + "/api/v1/status")
    assert r.json()["store"] == server.db.name
    assert str(server.db.parent) not in r.text


# ---- the worker pool -------------------------------------------------------------------------


def test_full_pool_answers_503_with_retry_after(slow: Callable[..., Server]) -> None:
    srv = slow(workers=1, queue=0, timeout=30)
    ex, long = in_background(lambda: post_check(srv, article(2000, hold=20)))
    try:
        assert wait_for(lambda: status(srv)["workers"]["busy"] == 1, 30)
        r = post_check(srv, FIGURE)
        assert_error(r, 503)
        assert int(r.headers["retry-after"]) > 0
        assert "busy" in r.json()["error"]
        assert status(srv)["workers"]["refused"] == 1
        assert httpx.get(srv.url + "/healthz").status_code == 200
    finally:
        stop_server(srv)
        ex.shutdown(wait=True)
    assert long.exception() is not None or long.result().status_code != 200  # the held check never finished


def test_check_over_the_time_limit_is_stopped(slow: Callable[..., Server]) -> None:
    srv = slow(workers=1, queue=0, timeout=3)
    t0 = time.monotonic()
    r = post_check(srv, article(2000, hold=60))
    assert_error(r, 504)
    assert "longer than 3 s" in r.json()["error"]
    assert time.monotonic() - t0 < 30  # answered at the limit (plus start-up), not after the 60 s hold
    (pid,) = pids(srv, "check")
    assert wait_for(lambda: not alive(pid), 5), "the worker of an abandoned check still runs"
    # a fresh worker took its place
    ok = post_check(srv, FIGURE)
    assert ok.status_code == 200 and any(c["value_usd"] == 22e9 for c in ok.json()["claims"])
    assert status(srv)["workers"]["timed_out"] == 1


def test_one_computation_per_uncached_page(slow: Callable[..., Server]) -> None:
    """20 concurrent requests for a page nobody asked for yet: the page is computed once (each pair page
    holds its worker 1 s, so the requests surely overlap) and every request gets it."""
    srv = slow(workers=2, queue=2, timeout=60)
    n = 20

    async def fetch_all(path: str) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=srv.url, timeout=60) as c:
            return await asyncio.gather(*(c.get(path, headers={"accept": "text/html"}) for _ in range(n)))

    rs = asyncio.run(fetch_all("/pair/KGZ/CHN"))
    assert [r.status_code for r in rs] == [200] * n  # none refused, though the queue has 2 places
    assert len({r.text for r in rs}) == 1 and "Kyrgyzstan" in rs[0].text
    assert status(srv)["computations"]["pair"] == 1
    assert len(pids(srv, "pair")) == 1
    rs = asyncio.run(fetch_all("/pair/TJK/CHN"))  # another page: one more computation
    assert all(r.status_code == 200 for r in rs)
    assert status(srv)["computations"]["pair"] == 2


def test_healthz_answers_while_a_max_size_check_runs(slow: Callable[..., Server]) -> None:
    srv = slow(workers=1, queue=0, timeout=20)
    text = article(MAX_ARTICLE_CHARS, hold=8)
    assert len(text) == MAX_ARTICLE_CHARS
    ex, long = in_background(lambda: post_check(srv, text))
    try:
        assert wait_for(lambda: bool(pids(srv, "check")), 30)
        latencies = []
        for _ in range(20):
            t0 = time.perf_counter()
            r = httpx.get(srv.url + "/healthz", timeout=10)
            latencies.append(time.perf_counter() - t0)
            assert r.status_code == 200 and r.text == "ok"
            time.sleep(0.05)
        assert status(srv)["workers"]["busy"] == 1  # the check was running all along
        assert max(latencies) < 1.0, latencies  # generous: bench_server.py measures the real figure
    finally:
        stop_server(srv)
        ex.shutdown(wait=True)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_exits_within_5_s_of_a_signal_during_a_long_check(slow: Callable[..., Server], sig: int) -> None:
    srv = slow(workers=1, queue=0, timeout=300)
    ex, long = in_background(lambda: post_check(srv, article(2000, hold=120)))
    try:
        assert wait_for(lambda: bool(pids(srv, "check")), 30)
        (pid,) = pids(srv, "check")
        t0 = time.monotonic()
        srv.proc.send_signal(sig)
        srv.proc.wait(timeout=15)
        took = time.monotonic() - t0
        assert took < 5.0, f"the server took {took:.1f} s to stop"
        assert wait_for(lambda: not alive(pid), 5), "the worker outlived the server"
    finally:
        if srv.proc.poll() is None:
            srv.proc.kill()
        ex.shutdown(wait=True)
