"""A server that stays up: /healthz latency while a maximum-size article check runs, against a baseline
of /healthz on the idle server measured in the same run; one computation for many concurrent requests
of an uncached page; time from SIGTERM to exit while a long check runs.

    python benchmarks/bench_server.py            # 50 /healthz probes per phase, 50 concurrent page requests
    python benchmarks/bench_server.py --smoke    # 20 probes, 20 concurrent requests

A real ``mirrortrade serve`` (2 worker processes) runs in a subprocess on a free port over a new store
(the embedded dataset). The maximum-size article is :data:`MAX_ARTICLE_CHARS` characters of prose with
a figure sentence in every tenth place, checked by the real claim checker. Targets (issue 19): /healthz
p95 and max < 100 ms while the check runs; exit < 5 s after SIGTERM; 1 computation per uncached page.
Also usable from ``run_all.py`` through :func:`run` (``run(mode, work) -> Section``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import PYTHON, Section, ratio  # noqa: E402
from bench_dashboard import _start  # noqa: E402

PROBES = {"smoke": 20, "default": 50, "full": 100}
CONCURRENT = {"smoke": 20, "default": 50, "full": 50}
TARGET_HEALTHZ = 0.100
TARGET_EXIT = 5.0
FIGURE = "China's exports to Kyrgyzstan reached $22 billion in 2025. "
PROSE = "The delegation discussed roads, rail links and the new border crossing near the mountain pass. "


def _article(chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        s = FIGURE if i % 10 == 0 else PROSE
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)[:chars]


def _probe(url: str, n: int) -> list[float]:
    import httpx

    out = []
    with httpx.Client(timeout=30) as c:
        c.get(url + "/healthz")  # the connection is open before timing
        for _ in range(n):
            t = time.perf_counter()
            r = c.get(url + "/healthz")
            out.append(time.perf_counter() - t)
            if r.status_code != 200:
                raise RuntimeError(f"/healthz answered {r.status_code}")
            time.sleep(0.02)
    return out


def _pct(xs: list[float], q: int) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[q - 1] if len(xs) > 1 else xs[0]


def _status(url: str) -> dict[str, Any]:
    import httpx

    return httpx.get(url + "/api/v1/status", timeout=30).json()  # type: ignore[no-any-return]


def _wait_busy(url: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if _status(url)["workers"]["busy"] >= 1:
            return True
        time.sleep(0.05)
    return False


def _concurrent(url: str, path: str, n: int) -> tuple[list[float], list[int]]:
    import httpx

    async def go() -> tuple[list[float], list[int]]:
        async with httpx.AsyncClient(base_url=url, timeout=300) as c:
            async def one() -> tuple[float, int]:
                t = time.perf_counter()
                r = await c.get(path, headers={"accept": "text/html"})
                return time.perf_counter() - t, r.status_code
            res = await asyncio.gather(*(one() for _ in range(n)))
        return [r[0] for r in res], [r[1] for r in res]
    return asyncio.run(go())


def _check_in_background(url: str, text: str) -> tuple[threading.Thread, dict[str, Any]]:
    import httpx

    out: dict[str, Any] = {}

    def go() -> None:
        t = time.perf_counter()
        try:
            r = httpx.post(url + "/api/v1/check", json={"text": text}, timeout=600)
            out["status"] = r.status_code
        except httpx.HTTPError as e:
            out["status"] = type(e).__name__
        out["seconds"] = time.perf_counter() - t

    th = threading.Thread(target=go, daemon=True)
    th.start()
    return th, out


def run(mode: str = "default", work: Path | None = None) -> Section:
    from mirrortrade.report.web.app import MAX_ARTICLE_CHARS

    probes, conc = PROBES.get(mode, PROBES["default"]), CONCURRENT.get(mode, CONCURRENT["default"])
    tmp = None
    if work is None:
        tmp = work = Path(tempfile.mkdtemp(prefix="mt-bench-server-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "server.duckdb"
    db.unlink(missing_ok=True)
    subprocess.run([PYTHON, "-m", "mirrortrade.cli", "init"], check=True, capture_output=True,
                   env={**os.environ, "MIRRORTRADE_DB": str(db)})
    section = Section(
        title="Server under a maximum-size check (issue 19)",
        how=(f"`mirrortrade serve` (2 worker processes, 60 s limit per job) on the embedded store; {probes} "
             f"sequential /healthz probes on the idle server (baseline), then {probes} while a check of a "
             f"{MAX_ARTICLE_CHARS:,}-character article runs; {conc} concurrent requests for an uncached pair page; "
             "then SIGTERM while the check runs. Ratios are to the idle baseline of the same run."),
        header=["measure", "p50 ms", "p95 ms", "max ms", "p95 ratio to idle", "note"],
    )
    proc, url = _start(db, "--timeout", "60.0")
    try:
        lat, codes = _concurrent(url, "/pair/KGZ/CHN", conc)
        computed = _status(url)["computations"].get("pair", 0)
        section.rows.append([f"{conc} concurrent /pair/KGZ/CHN (uncached)", f"{1000 * _pct(lat, 50):.0f}",
                             f"{1000 * _pct(lat, 95):.0f}", f"{1000 * max(lat):.0f}", "",
                             f"{computed} computation(s), statuses {sorted(set(codes))}"])
        section.target(f"{conc} concurrent requests of one uncached page: 1 computation", computed == 1, str(computed))
        idle = _probe(url, probes)
        section.rows.append(["/healthz, idle (baseline)", f"{1000 * _pct(idle, 50):.2f}", f"{1000 * _pct(idle, 95):.2f}",
                             f"{1000 * max(idle):.2f}", "1.00×", ""])
        th, res = _check_in_background(url, _article(MAX_ARTICLE_CHARS))
        if not _wait_busy(url, 30):
            raise RuntimeError("the check did not start")
        during = _probe(url, probes)
        still = _status(url)["workers"]["busy"] >= 1
        note = "the check ran throughout" if still else f"the check ended during the probes ({res})"
        section.rows.append([f"/healthz during a {MAX_ARTICLE_CHARS:,}-char check", f"{1000 * _pct(during, 50):.2f}",
                             f"{1000 * _pct(during, 95):.2f}", f"{1000 * max(during):.2f}",
                             ratio(_pct(during, 95), _pct(idle, 95)), note])
        section.target("/healthz max < 100 ms while a maximum-size check runs",
                       max(during) < TARGET_HEALTHZ if still else None, f"{1000 * max(during):.1f} ms")
        if still:
            t = time.perf_counter()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
            took = time.perf_counter() - t
            section.rows.append(["SIGTERM to exit during the check", "", "", f"{1000 * took:.0f}", "", ""])
            section.target("exit < 5 s after SIGTERM during a long check", took < TARGET_EXIT, f"{took:.2f} s")
        else:
            section.notes.append(f"The check finished in {res.get('seconds', 0):.1f} s, before the probes ended; "
                                 "SIGTERM during a check was not measured.")
        th.join(timeout=5)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    section.notes.append("Checks and uncached pages run in worker processes: the event loop that answers /healthz "
                         "never runs them, and a job over its time limit (or running at shutdown) is killed.")
    return section


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help=f"{PROBES['smoke']} probes, {CONCURRENT['smoke']} requests")
    args = ap.parse_args(argv)
    section = run("smoke" if args.smoke else "default")
    print()
    print(section.markdown())
    return 0 if all(m is not False for _, m, _ in section.targets) else 1


if __name__ == "__main__":
    sys.exit(main())
