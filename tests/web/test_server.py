"""A real uvicorn server (``mirrortrade serve``) on a free port on 127.0.0.1, and an ingest in another
process while it serves."""

from __future__ import annotations

import time

import httpx
import pandas as pd

from mirrortrade.store import Store
from web.conftest import Server, assert_error


def test_serves_pages_and_api(server: Server) -> None:
    r = httpx.get(server.url + "/", headers={"accept": "text/html"}, timeout=60)  # the first page starts the workers
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "Kyrgyzstan: China&#39;s exports exceed its GDP." in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    api = httpx.get(server.url + "/api/v1/observations", params={"reporter": "CHN", "partner": "CA5", "flow": "X",
                                                                    "period": "2025"})
    # two publications of China's 2025 exports to the region: $71.2bn (seed 004) and $71.3bn (seed 000)
    assert sorted(r["value_usd"] for r in api.json()["rows"]) == [71.2e9, 71.3e9]
    assert_error(httpx.get(server.url + "/api/v1/observations", params={"period": "2025-Q5"}), 422)
    assert_error(httpx.post(server.url + "/api/v1/check", content=b"x" * 1_000_001,
                            headers={"content-type": "application/json"}), 413)
    bundle = httpx.get(server.url + "/static/vega-bundle.js", timeout=60)
    assert bundle.status_code == 200 and "vegaEmbed" in bundle.text and len(bundle.content) > 100_000


def test_binds_localhost_by_default() -> None:
    import typer.main

    from mirrortrade.cli import app

    cmd = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    host = next(p for p in cmd.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_ingest_in_another_process_while_serving(server: Server) -> None:
    """The server process holds no lock on the file: this process opens it for writing and ingests, the
    server keeps answering from its snapshot meanwhile, then shows the new figures."""
    url = server.url + "/api/v1/observations"
    q = {"reporter": "TKM", "partner": "CHN", "limit": 1}
    assert httpx.get(url, params=q).json()["total"] == 0  # seed 000: no Turkmen figures of their own
    frame = pd.DataFrame({
        "reporter": ["TKM", "TKM"], "partner": ["CHN", "CHN"], "flow": ["X", "M"], "period": ["2024", "2024"],
        "value_usd": [9.0e9, 1.0e9], "source_id": ["USER", "USER"], "title": ["test batch"] * 2,
    })
    with Store(server.db, wait=10.0) as w:
        w.ingest_frame(frame, file="tkm-test")
        r = httpx.get(url, params=q)  # the writer holds the file right now
        assert r.status_code == 200 and r.json()["total"] == 0
    deadline = time.monotonic() + 10
    total = 0
    while time.monotonic() < deadline:
        total = httpx.get(url, params=q).json()["total"]
        if total == 2:
            break
        time.sleep(0.1)
    assert total == 2
