"""The benchmark suite's smoke run (100k rows): it runs end to end and prints its ratio lines.

Speed is not asserted here (CI machines vary); the full run is `python benchmarks/run_all.py --full`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(600)
def test_smoke_benchmarks_print_ratio_lines(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    p = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--smoke", "--output", str(out),
         "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=590,
    )
    # 0: all targets met, 1: some missed; 2 would mean a benchmark crashed
    assert p.returncode in (0, 1), p.stdout[-3000:] + p.stderr[-3000:]
    text = p.stdout
    for needle in (
        "sigma Spearman: exporter",
        "ratio to oracle",
        "plain BACI",
        "90% interval coverage",
        "anomalies:",
        "-> ratio to floor",
        "pandas/mirrortrade",
        "-> ratio to bare read",
        "with a bad last row",
        "-> unchanged: True",
        "-> ratio to bare python",
    ):
        assert needle in text, f"missing {needle!r} in benchmark output:\n{text[-3000:]}"
    md = out.read_text()
    assert md.startswith("# mirrortrade benchmark results")
    assert "## Accuracy against planted truth" in md and "## Scale" in md
    assert "| cpu |" in md and "ratio to baseline" in md
