"""Concurrency: a second writer fails with one clear line or, with ``wait=``, serialises behind the
first; the dashboard (``mirrortrade serve``, a real server process, which by default listens on
127.0.0.1 only) keeps answering while an ingest runs in another process, and every answer shows
the old state or the new one."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mirrortrade.errors import StoreError
from mirrortrade.store import Store

from ._helpers import copy_store, free_port, listeners, run_cli, sha256, subprocess_env
from .test_crash_safety import big_parquet

HOLDER = """
import sys
from mirrortrade.store import Store
with Store(sys.argv[1]) as s:
    print("holding", flush=True)
    sys.stdin.readline()
    res = s.ingest_file(sys.argv[2])
    print(res.summary(), flush=True)
"""


def _good_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("reporter,partner,flow,period,value_usd,source_id\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def holder(embedded_store_path: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """A process that holds the store open (as a long ingest would) until it is sent a line."""
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    # China's 2025 exports to Kazakhstan and Kyrgyzstan's imports from China, seed article 000 (USD)
    first = _good_csv(tmp_path / "first.csv", ["CHN,KAZ,X,2025-Q1,29700000000,USER", "CHN,KGZ,M,2025-Q1,5200000000,USER"])
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(first)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env())
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding", proc.stderr.read() if proc.stderr else ""
    try:
        yield proc, db
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()  # waits, and closes the pipes


def test_second_ingest_fails_with_one_clear_line(holder: tuple[subprocess.Popen[str], Path], tmp_path: Path) -> None:
    proc, db = holder
    before = sha256(db)
    second = _good_csv(tmp_path / "second.csv", ["CHN,TJK,X,2025-Q1,3700000000,USER"])
    # the CLI waits MIRRORTRADE_LOCK_WAIT seconds for the lock, then gives up with one line
    res = run_cli("ingest", str(second), "--db", str(db), MIRRORTRADE_LOCK_WAIT="0.5")
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "is in use by another process" in lines[0] and str(db) in lines[0]
    with pytest.raises(StoreError, match="in use by another process"):
        Store(db, wait=0.2)
    assert sha256(db) == before


def test_second_ingest_with_wait_serialises(holder: tuple[subprocess.Popen[str], Path], tmp_path: Path) -> None:
    proc, db = holder
    second = _good_csv(tmp_path / "second.csv", ["CHN,TJK,X,2025-Q1,3700000000,USER"])
    out: dict[str, object] = {}

    def writer() -> None:
        t0 = time.monotonic()
        try:
            with Store(db, wait=60) as s:
                out["opened_after"] = time.monotonic() - t0
                out["result"] = s.ingest_file(second)
                out["ingests"] = s.ingests()["file"].tolist()
        except BaseException as e:  # reported by the assertions below
            out["error"] = e

    t = threading.Thread(target=writer)
    t.start()
    time.sleep(0.5)
    assert t.is_alive(), out  # still waiting for the lock
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    assert proc.wait(timeout=60) == 0
    t.join(timeout=60)
    assert "error" not in out, out.get("error")
    assert float(out["opened_after"]) >= 0.5  # type: ignore[arg-type]
    files = out["ingests"]
    assert isinstance(files, list) and files[-2:] == [str(tmp_path / "first.csv"), str(second)]  # one after the other
    with Store(db, read_only=True) as s:
        df = s.observations(source_id="USER")
        assert sorted(df["partner"]) == ["KAZ", "KGZ", "TJK"]


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_dashboard_serves_old_or_new_state_during_an_ingest(embedded_store_path: Path, tmp_path: Path) -> None:
    n_new = 40_000
    data = big_parquet(tmp_path / "batch.parquet", n_new)
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mirrortrade.cli", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
            if Path("/proc/net/tcp").exists():  # serve without --host listens on 127.0.0.1 only, not 0.0.0.0 or ::
                assert listeners(port) == ["0100007F"]

            def state() -> tuple[int, int]:
                r = client.get("/api/v1/status")
                assert r.status_code == 200, r.text
                t = r.json()["tables"]
                return int(t["observations"]), int(t["ingests"])

            old = state()
            ingest = subprocess.Popen(
                [sys.executable, "-m", "mirrortrade.cli", "ingest", str(data), "--db", str(db)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(),
            )
            seen: list[tuple[int, int]] = []
            statuses: list[int] = []
            while ingest.poll() is None:
                seen.append(state())
                r = client.get("/api/v1/observations", params={"reporter": "CHN", "partner": "KAZ", "limit": 1})
                statuses.append(r.status_code)
                time.sleep(0.02)
            _, err = ingest.communicate()  # it has ended: the rest of its output, and its pipes closed
            assert ingest.returncode == 0, err
            new = (old[0] + n_new, old[1] + 1)
            deadline = time.monotonic() + 30
            while state() != new and time.monotonic() < deadline:  # the next request picks up the new file
                time.sleep(0.1)
            seen.append(state())
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    assert len(statuses) >= 5, "too few reads happened during the ingest"
    assert set(statuses) == {200}
    assert set(seen) <= {old, new}, sorted(set(seen))  # never a mix
    assert seen[-1] == new
