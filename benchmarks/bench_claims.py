"""Seconds per article for the claim extractor on the two seed articles, against a baseline
measured in the same run: a plain regex scan of the same text for dollar figures.

    /work/venv/bin/python benchmarks/bench_claims.py [--repeat N]

Prints, per article: claims found, seconds per article for extract_claims (warm), for
extract_claims + extract_indicators + extract_events, and for the regex baseline, and the
ratio extractor / baseline. Target (issue 7): < 1 s per article.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Section, ratio, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
_BASELINE = re.compile(r"(?:US\$|\$)\s?\d[\d,.]*\s?(?:billion|million|bn|mn|m|b)?", re.I)


def _time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return best


def run(mode: str = "default", work: Path | None = None) -> Section:
    """run_all's interface: seconds per article for both seeds, warm, against the regex scan; and the cold
    CLI (`mirrortrade check --no-store`, interpreter start included) against `python -c pass`."""
    import subprocess
    import sys

    repeat = {"smoke": 3, "default": 10, "full": 20}.get(mode, 10)
    from mirrortrade.claims import extract_claims, extract_events, extract_indicators

    section = Section(
        title="Claim check (issue 7, issue 9 §3)",
        how=("Seconds per article for the two seed articles (warm, best of 3 × repeats): claim extraction, all three "
             "extractors, and the full check against the embedded store, beside a plain regex scan for dollar figures "
             "measured in the same run; the cold CLI run is beside `python -c pass`."),
        header=["article", "claims", "extract s", "all extractors s", "check vs store s", "regex s", "check / regex"],
    )
    from mirrortrade.claims.verify import check_article
    from mirrortrade.data import open_store

    tmp = Path(tempfile.mkdtemp(prefix="mt-bench-claims-"))
    store = open_store(tmp / "s.duckdb")
    worst = 0.0
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        n = len(extract_claims(text))
        t_claims = _time(lambda t=text: extract_claims(t), repeat)
        t_all = _time(lambda t=text: (extract_claims(t), extract_indicators(t), extract_events(t)), repeat)
        t_check = _time(lambda t=text: check_article(t, store), max(1, repeat // 3))
        t_base = _time(lambda t=text: [m.group(0) for m in _BASELINE.finditer(t)], repeat * 10)
        worst = max(worst, t_check)
        print(f"  {path.name}: {n} claims, check {t_check:.3f} s -> ratio to regex {t_check / t_base:.0f}x", flush=True)
        section.rows.append([path.name, str(n), f"{t_claims:.4f}", f"{t_all:.4f}", f"{t_check:.3f}",
                             f"{t_base:.6f}", ratio(t_check, t_base)])
    store.close()
    section.target("check < 1 s per article (warm)", worst < 1.0, f"worst {worst:.3f} s")
    t_pass, _ = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    t_cli, _ = timed(lambda: subprocess.run(
        [sys.executable, "-m", "mirrortrade.cli", "check", "--no-store", "--json", str(SEEDS[0])],
        check=True, capture_output=True))
    print(f"  cold CLI check: {t_cli:.2f} s -> ratio to python -c pass {ratio(t_cli, t_pass)}", flush=True)
    section.notes.append(f"Cold `mirrortrade check --no-store --json` on seed 000 (interpreter start and imports "
                         f"included): {t_cli:.2f} s, {ratio(t_cli, t_pass)} `python -c pass` ({t_pass:.3f} s).")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return section


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from mirrortrade.claims import extract_claims, extract_events, extract_indicators

    text0 = SEEDS[0].read_text(encoding="utf-8")
    extract_claims(text0)  # first call builds the country tables
    cold = time.perf_counter() - t0
    print(f"import + first call (cold): {cold:.3f} s")
    print(f"{'article':28} {'claims':>6} {'extract s':>10} {'all three s':>12} {'regex s':>10} {'ratio':>8}")
    worst = 0.0
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        n = len(extract_claims(text))
        t_claims = _time(lambda t=text: extract_claims(t), args.repeat)
        t_all = _time(lambda t=text: (extract_claims(t), extract_indicators(t), extract_events(t)), args.repeat)
        t_base = _time(lambda t=text: [m.group(0) for m in _BASELINE.finditer(t)], args.repeat * 10)
        worst = max(worst, t_all)
        print(f"{path.name:28} {n:6d} {t_claims:10.4f} {t_all:12.4f} {t_base:10.6f} {t_claims / t_base:8.0f}x")
    print(f"target < 1 s per article: {'met' if worst < 1.0 else 'MISSED'} (worst {worst:.4f} s, all three extractors)")


if __name__ == "__main__":
    main()
