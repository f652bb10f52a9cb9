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
import time
from pathlib import Path

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
