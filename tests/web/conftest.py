"""Fixtures for the dashboard and API: a store copy, a TestClient, a real uvicorn server, a browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def assert_error(resp: Any, status: int) -> dict[str, Any]:
    """Every API error has one shape: {"ok": false, "error": "...", "status": N}."""
    assert resp.status_code == status, resp.text[:500]
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


@pytest.fixture(scope="session")
def web_store(embedded_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session copy of the embedded store for read-only web tests."""
    p = tmp_path_factory.mktemp("web") / "web.duckdb"
    shutil.copy(embedded_store_path, p)
    return p


@pytest.fixture(scope="session")
def client(web_store: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from mirrortrade.report.web.app import create_app

    with TestClient(create_app(web_store)) as c:
        yield c


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], url: str, db: Path) -> None:
        self.proc, self.url, self.db = proc, url, db


def start_server(db: Path, port: int | None = None, extra: list[str] | None = None, timeout: float = 30.0,
                 cmd: list[str] | None = None, env: dict[str, str] | None = None) -> Server:
    """``mirrortrade serve`` in a subprocess (or ``cmd``, given the port at its ``{port}``); returns when
    /healthz answers."""
    port = port or free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    if cmd is None:
        cmd = [sys.executable, "-m", "mirrortrade.cli", "serve", "--port", str(port), "--db", str(db), *(extra or [])]
    else:
        cmd = [c.replace("{port}", str(port)) for c in cmd]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            close_pipes(proc)
            raise RuntimeError(f"server exited with {proc.returncode}: {out}")
        try:
            if httpx.get(url + "/healthz", timeout=1.0).status_code == 200:
                return Server(proc, url, db)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    proc.wait()
    close_pipes(proc)
    raise RuntimeError("server did not start in time")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(timeout=10)
    close_pipes(server.proc)


def close_pipes(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Close a finished child's pipes (left open, each is a ResourceWarning when collected)."""
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


@pytest.fixture(scope="session")
def server(embedded_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real uvicorn server (``mirrortrade serve``) on a free port on 127.0.0.1, on its own store copy."""
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    shutil.copy(embedded_store_path, db)
    srv = start_server(db)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Debian's headless Chromium driven by Playwright (never Playwright's own download). Module scope:
    Playwright's sync API allows one running instance, and tests/test_report.py starts its own."""
    if not Path(CHROMIUM).exists():
        # CI installs Debian's chromium (.ci/run): there a missing browser is a failure, not a skip
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records console errors, page errors and every request it makes."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def screenshot(pg: Any, name: str, *, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), full_page=full_page)
    return path
