"""Interrupted downloads resume (``Range``/``If-Range``), stale temporary files are swept, and two
fetchers of one request do not corrupt each other. A real local server (tests/sources/conftest.py).

The body is a recorded UN Comtrade answer (tests/data/PROVENANCE.md); its checksum is computed here
with hashlib, independently of the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mirrortrade.errors import SourceError
from mirrortrade.sources.http import Cache, Fetcher, Request, RetryPolicy

from .conftest import DATA, FakeServer, Reply, Sleeps

BODY = (DATA / "comtrade" / "data_v1_C_A_HS_CHN_2010_partners_ARG_DDR_DEU.json").read_bytes()
K = 1000  # the server cuts the first answer after this many bytes
ONE_SHOT = RetryPolicy(max_attempts=1, timeout=2.0, min_interval=0.0, sleep=lambda _s: None)


def _req(server: FakeServer) -> Request:
    return Request("UN-COMTRADE", server.base + "/data", (("reporterCode", "156"),))


def _ranged(server: FakeServer, *, validators: dict[str, str] | None = None, honour: bool = True,
            later: Callable[[str | None], Reply] | None = None) -> None:
    """First answer: 200 cut after K bytes (connection closed). Then: ``later(range)`` if given, else
    206 with the rest when ``honour`` and a ``bytes=N-`` Range came, else the whole body with 200."""
    v = validators if validators is not None else {"ETag": '"v1"'}

    def fn(_path: str) -> Reply:
        rng = server.seen[-1].headers.get("range")
        if len(server.seen) == 1:
            return Reply(200, BODY[:K], headers=dict(v), content_length=len(BODY))
        if later is not None:
            return later(rng)
        if honour and rng:
            n = int(rng.removeprefix("bytes=").removesuffix("-"))
            return Reply(206, BODY[n:], headers={**v, "Content-Range": f"bytes {n}-{len(BODY) - 1}/{len(BODY)}"})
        return Reply(200, BODY, headers=dict(v))

    server.fn = fn


def _cut_first(server: FakeServer, cache: Cache) -> Path:
    """Run the first, cut download; return the part it leaves."""
    with Fetcher(cache=cache, policy=ONE_SHOT) as f, pytest.raises(SourceError, match="gave up after 1 attempts"):
        f.fetch(_req(server))
    part, _ = cache.part_paths(_req(server))
    assert part.read_bytes() == BODY[:K]
    assert cache.get(_req(server)) is None  # no entry from a half download
    return part


def _entry_meta(cache: Cache, req: Request) -> dict[str, object]:
    body, meta = cache._paths(req)
    return json.loads(meta.read_text())


def test_cut_download_rerun_sends_range_and_caches_the_whole_body(server: FakeServer, cache: Cache) -> None:
    _ranged(server)
    part = _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        raw = f.fetch(_req(server))
    assert server.seen[1].headers["range"] == f"bytes={K}-"
    assert server.seen[1].headers["if-range"] == '"v1"'
    assert raw.read_bytes() == BODY and raw.status == 200
    assert raw.sha256 == hashlib.sha256(BODY).hexdigest()
    meta = _entry_meta(cache, _req(server))
    assert meta["sha256"] == hashlib.sha256(BODY).hexdigest() and meta["bytes"] == len(BODY)
    assert meta["resumed_from_byte"] == K
    assert not part.exists() and not cache.part_paths(_req(server))[1].exists()
    assert cache.get(_req(server)) is not None


def test_a_retry_within_one_fetch_resumes(server: FakeServer, fetcher: Fetcher, sleeps: Sleeps) -> None:
    _ranged(server)
    raw = fetcher.fetch(_req(server))
    assert [s.headers.get("range") for s in server.seen] == [None, f"bytes={K}-"]
    assert raw.read_bytes() == BODY and sleeps.calls == [1.0]


def test_a_server_ignoring_range_gives_the_whole_body_once(server: FakeServer, cache: Cache) -> None:
    _ranged(server, honour=False)
    _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        raw = f.fetch(_req(server))
    assert server.seen[1].headers["range"] == f"bytes={K}-"
    assert raw.read_bytes() == BODY  # restarted at byte 0, not appended after the first K bytes
    assert raw.sha256 == hashlib.sha256(BODY).hexdigest() and "resumed_from_byte" not in _entry_meta(cache, _req(server))


@pytest.mark.parametrize(("validators", "if_range"), [
    ({"ETag": '"abc"', "Last-Modified": "Wed, 01 Oct 2025 10:00:00 GMT"}, '"abc"'),
    ({"Last-Modified": "Wed, 01 Oct 2025 10:00:00 GMT"}, "Wed, 01 Oct 2025 10:00:00 GMT"),
    ({"ETag": 'W/"weak"'}, None),  # If-Range takes a strong validator only
    ({}, None),
])
def test_if_range_carries_the_recorded_validator(server: FakeServer, cache: Cache, validators: dict[str, str],
                                                if_range: str | None) -> None:
    _ranged(server, validators=validators)
    _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        assert f.fetch(_req(server)).read_bytes() == BODY
    assert server.seen[1].headers["range"] == f"bytes={K}-"
    assert server.seen[1].headers.get("if-range") == if_range


def test_refresh_does_not_continue_an_older_part(server: FakeServer, cache: Cache) -> None:
    _ranged(server)
    part = _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT, refresh=True) as f:
        raw = f.fetch(_req(server))
    assert server.seen[1].headers.get("range") is None
    assert raw.read_bytes() == BODY and not part.exists()


def test_416_starts_over_from_byte_0(server: FakeServer, cache: Cache) -> None:
    _ranged(server, later=lambda rng: Reply(416, b"", "text/plain") if rng else Reply(200, BODY))
    _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:  # one attempt: the restart is part of it
        raw = f.fetch(_req(server))
    assert [s.headers.get("range") for s in server.seen] == [None, f"bytes={K}-", None]
    assert raw.read_bytes() == BODY and raw.sha256 == hashlib.sha256(BODY).hexdigest()


@pytest.mark.parametrize("content_range", [
    f"bytes 0-{len(BODY) - 1}/{len(BODY)}",  # not where the part ends
    f"bytes {K}-{len(BODY) + 99}/{len(BODY) + 100}",  # another total: the resource changed
    f"bytes {K}-{K + 9}/{len(BODY)}",  # only a piece of the rest
    f"bytes */{len(BODY)}",
])
def test_a_mismatched_content_range_starts_over(server: FakeServer, cache: Cache, content_range: str) -> None:
    _ranged(server, later=lambda rng: Reply(206, BODY[K:], headers={"Content-Range": content_range}) if rng
            else Reply(200, BODY))
    _cut_first(server, cache)
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        raw = f.fetch(_req(server))
    assert [s.headers.get("range") for s in server.seen] == [None, f"bytes={K}-", None]
    assert raw.read_bytes() == BODY


def test_a_gzip_encoded_part_is_not_resumed(server: FakeServer, cache: Cache) -> None:
    """Range offsets count encoded bytes; the part holds decoded ones, so it is no resume point."""
    gz = gzip.compress(BODY)
    _ranged(server, later=lambda _rng: Reply(200, BODY))
    first = server.fn
    assert first is not None
    server.fn = lambda p: (Reply(200, gz[: len(gz) // 2], headers={"Content-Encoding": "gzip"}, content_length=len(gz))
                           if not server.seen[:-1] else first(p))
    with Fetcher(cache=cache, policy=ONE_SHOT) as f, pytest.raises(SourceError):
        f.fetch(_req(server))
    assert cache.get(_req(server)) is None
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        raw = f.fetch(_req(server))
    assert server.seen[1].headers.get("range") is None and raw.read_bytes() == BODY


def test_a_refused_body_is_no_resume_point(server: FakeServer, cache: Cache) -> None:
    server.script("/data", [Reply(200, b"<html><body>Service down</body></html>", "text/html")])
    with Fetcher(cache=cache, policy=ONE_SHOT) as f, pytest.raises(SourceError, match="HTML page"):
        f.fetch(_req(server))
    assert not any(p.is_file() for p in cache.root.rglob("*"))


def test_stale_random_part_files_are_swept(server: FakeServer, cache: Cache) -> None:
    req = _req(server)
    body, _ = cache._paths(req)
    body.parent.mkdir(parents=True)
    old = body.parent / f".{body.name}.k1l2m3.part"  # left by a killed process two days ago
    fresh = body.parent / f".{body.name}.n4o5p6.part"  # another process may be writing this one
    other = body.parent / "unrelated.txt"
    for p in (old, fresh, other):
        p.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    os.utime(other, (two_days_ago, two_days_ago))
    server.script("/data", [Reply(200, BODY)])
    with Fetcher(cache=cache, policy=ONE_SHOT) as f:
        assert f.fetch(req).read_bytes() == BODY
    assert not old.exists() and fresh.exists() and other.exists()
    # a lookup alone sweeps too (a fresh Cache: each directory is swept once per Cache)
    os.utime(fresh, (two_days_ago, two_days_ago))
    assert Cache(cache.root).get(req) is not None and not fresh.exists()


def test_a_part_held_by_another_process_is_left_alone(server: FakeServer, cache: Cache) -> None:
    import fcntl

    req = _req(server)
    part, _ = cache.part_paths(req)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"another process's bytes")
    with part.open("r+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        server.script("/data", [Reply(200, BODY)])
        with Fetcher(cache=cache, policy=ONE_SHOT) as f:
            raw = f.fetch(req)  # downloads into its own temporary file instead
        assert server.seen[0].headers.get("range") is None
        assert raw.read_bytes() == BODY and part.read_bytes() == b"another process's bytes"
    names = sorted(p.name for p in part.parent.iterdir())
    assert names == sorted([part.name, f"{req.cache_key}.body", f"{req.cache_key}.json"])  # no temp file left


def test_two_fetchers_of_one_request_at_once(server: FakeServer, cache: Cache) -> None:
    both_in = threading.Barrier(2, timeout=10)

    def fn(_path: str) -> Reply:
        both_in.wait()  # both requests are in flight (each has opened its file) before either answers
        return Reply(200, BODY)

    server.fn = fn
    results: list[bytes] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with Fetcher(cache=Cache(cache.root), policy=ONE_SHOT) as f:
                results.append(f.fetch(_req(server)).read_bytes())
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert errors == [] and results == [BODY, BODY]
    hit = cache.get(_req(server))
    assert hit is not None and hit.sha256 == hashlib.sha256(BODY).hexdigest()
    leftovers = [p.name for p in cache.root.rglob("*") if p.is_file() and ".part" in p.name]
    assert leftovers == []
