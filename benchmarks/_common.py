"""Shared helpers for the benchmarks: sections of the results file, timing, peak memory, machine."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MODES = ("smoke", "default", "full")
#: a measured child prints its result as one line: RESULT_MARK + JSON (progress bars may share stdout)
RESULT_MARK = "@@mirrortrade-bench-result "


@dataclass
class Section:
    """One benchmark's part of RESULTS.md: a title, how it was produced, a table, target verdicts."""

    title: str
    how: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    targets: list[tuple[str, bool | None, str]] = field(default_factory=list)  # (target, met, measured)
    notes: list[str] = field(default_factory=list)

    def target(self, name: str, met: bool | None, measured: str) -> None:
        self.targets.append((name, met, measured))
        verdict = "n/a" if met is None else ("met" if met else "MISSED")
        print(f"  target: {name}: {measured} -> {verdict}", flush=True)

    def markdown(self) -> str:
        out = [f"## {self.title}", "", self.how, ""]
        if self.rows:
            out.append("| " + " | ".join(self.header) + " |")
            out.append("|" + "|".join("---" for _ in self.header) + "|")
            out += ["| " + " | ".join(r) + " |" for r in self.rows]
            out.append("")
        if self.targets:
            out += ["| target | measured | verdict |", "|---|---|---|"]
            for name, met, measured in self.targets:
                verdict = "n/a" if met is None else ("met" if met else "**missed**")
                out.append(f"| {name} | {measured} | {verdict} |")
            out.append("")
        out += [f"- {n}" for n in self.notes]
        if self.notes:
            out.append("")
        return "\n".join(out)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    r = fn()
    return time.perf_counter() - t, r


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "n/a"


def run_measured(code: str, *, env: dict[str, str] | None = None, timeout: float = 3600) -> dict[str, Any]:
    """Run Python ``code`` in a fresh interpreter; it prints its result as ``RESULT_MARK`` + JSON. Adds the child's
    wall time and peak RSS (``getrusage(RUSAGE_CHILDREN)`` of a wrapper that runs only that child)."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run([sys.executable, '-c', sys.argv[1]], capture_output=True, text=True)\n"
        "wall = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024\n"
        "print(json.dumps({'rc': p.returncode, 'wall': wall, 'peak_rss': rss, "
        "'stdout': p.stdout[-4000:], 'stderr': p.stderr[-4000:]}))\n"
    )
    full_env = {**os.environ, **(env or {})}
    p = subprocess.run([PYTHON, "-c", wrapper, code], capture_output=True, text=True, timeout=timeout, env=full_env)
    if p.returncode != 0:
        raise RuntimeError(f"measurement wrapper failed: {p.stderr[-2000:]}")
    info = json.loads(p.stdout.strip().splitlines()[-1])
    if info["rc"] != 0:
        raise RuntimeError(f"measured child failed (rc {info['rc']}): {info['stderr'][-2000:]}")
    at = info["stdout"].rfind(RESULT_MARK)
    if at < 0:
        raise RuntimeError(f"measured child printed no result line: {info['stdout'][-500:]!r}")
    info["result"] = json.loads(info["stdout"][at + len(RESULT_MARK):].splitlines()[0])
    return info


def self_peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def gb(n_bytes: float) -> str:
    return f"{n_bytes / 1e9:.2f} GB"


def machine() -> dict[str, str]:
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import duckdb
    import pandas

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu} ({os.cpu_count()} cores)",
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "load average (1/5/15 min) at the end": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def synth_world(out: Path, *, rows: int, seed: int, countries: int = 150, products: int | None = None,
                years: int = 5, shape: str = "dense", **extra: Any) -> Path:
    """A synthetic world sized for ``rows`` declarations (re-used when already written for these args).
    Without ``products``, a dense world keeps its density near 20–30% of the grid and a realistic one
    gets four times as many products (its cells are sparse and intermittent)."""
    from mirrortrade.synth import SynthConfig, synthesize

    if products is None:
        # keep the density near 20–30% of the grid: rows ≈ 2 · 0.25 · N² · P · Y
        products = max(20, int(rows / (0.5 * 0.25 * countries * countries * years)) + 1)
        if shape == "realistic":
            products *= 4
    cfg = SynthConfig(countries=countries, products=products, years=years, seed=seed, rows=rows, shape=shape,
                      **extra)
    stamp = out / "synth.json"
    key = json.dumps(cfg.__dict__, sort_keys=True)
    if stamp.exists() and stamp.read_text() == key and (out / "declarations.parquet").exists():
        return out
    synthesize(out, cfg)
    stamp.write_text(key)
    return out
