"""Source tests: no network (non-loopback sockets and DNS fail the test), a local fake HTTP server,
fast retry settings, and a fresh cache per test."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mirrortrade.sources.http import Cache, Fetcher, RetryPolicy

DATA = Path(__file__).resolve().parent.parent / "data"

_LOOPBACK = ("127.0.0.1", "::1", "localhost", "")
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(host: object) -> bool:
    return isinstance(host, str) and (host.startswith("127.") or host in _LOOPBACK)


def _check(sock: socket.socket, address: object) -> None:
    if sock.family == socket.AF_UNIX:
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_loopback(host):
        pytest.fail(f"a source test opened a non-loopback socket: {address!r}")


def _connect(self: socket.socket, address: object) -> None:  # type: ignore[override]
    _check(self, address)
    return _real_connect(self, address)


def _connect_ex(self: socket.socket, address: object) -> int:  # type: ignore[override]
    _check(self, address)
    return _real_connect_ex(self, address)


def _getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host is not None and not _is_loopback(host if isinstance(host, str) else host.decode()):
        pytest.fail(f"a source test tried to resolve a network host: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def _sources_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _getaddrinfo)


@pytest.fixture(autouse=True)
def _no_comtrade_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests decide about the key themselves; a developer's key or config file must not leak in."""
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    monkeypatch.setattr("mirrortrade.sources.comtrade.config_file", lambda: tmp_path / "no-config.toml")


# --------------------------------------------------------------------------------------------
# fake server
# --------------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_length: int | None = None  # larger than len(body): a truncated body


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class FakeServer:
    """A real HTTP server on 127.0.0.1; ``script(path_prefix, [Reply, ...])`` queues replies, the
    last reply repeats. ``handler(fn)`` answers with ``fn(path) -> Reply`` instead."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[Reply]] = {}
        self.fn: Callable[[str], Reply] | None = None
        self.seen: list[Seen] = []
        server = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                reply = server._reply(self.path)
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                n = reply.content_length if reply.content_length is not None else len(reply.body)
                self.send_header("Content-Length", str(n))
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if reply.content_length is not None:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _reply(self, path: str) -> Reply:
        if self.fn is not None:
            return self.fn(path)
        for prefix, replies in self.scripts.items():
            if path.startswith(prefix):
                return replies.pop(0) if len(replies) > 1 else replies[0]
        return Reply(404, b'{"error": "no such path in the fake server"}')

    def script(self, prefix: str, replies: list[Reply]) -> None:
        self.scripts[prefix] = list(replies)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server() -> Iterator[FakeServer]:
    s = FakeServer()
    yield s
    s.close()


@dataclass
class Sleeps:
    calls: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture()
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture()
def fast_policy(sleeps: Sleeps) -> RetryPolicy:
    """Retries without waiting: the waits are recorded, not slept; short timeouts."""
    return RetryPolicy(max_attempts=4, base_wait=1.0, max_wait=30.0, timeout=0.5, min_interval=0.0, sleep=sleeps)


@pytest.fixture()
def cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache")


@pytest.fixture()
def fetcher(cache: Cache, fast_policy: RetryPolicy) -> Iterator[Fetcher]:
    f = Fetcher(cache=cache, policy=fast_policy)
    yield f
    f.close()


@pytest.fixture()
def new_fetcher(cache: Cache, fast_policy: RetryPolicy) -> Iterator[Callable[..., Fetcher]]:
    """Fetchers on the test's cache and fast policy (``refresh=True``, ``offline=True`` as asked), each closed at the
    end of the test: an unclosed one leaves its connection to the fake server for the garbage collector."""
    made: list[Fetcher] = []

    def make(**options: bool) -> Fetcher:
        made.append(Fetcher(cache=cache, policy=fast_policy, **options))
        return made[-1]

    yield make
    for f in made:
        f.close()
