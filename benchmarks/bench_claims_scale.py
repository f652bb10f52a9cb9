"""Claim checking against article length (issue 19 item 3): time and peak memory of extraction plus
verification for articles of 100, 200, 400, 800, 1,600 and 3,200 figure sentences, and the ratio per
doubling (linear time: ~2; target: 3,200 sentences in < 10 s on the 2-core machine).

    /work/venv/bin/python benchmarks/bench_claims_scale.py [--sizes 100,200,400] [--no-store]

The articles are generated: four figure sentences a paragraph, each a level, a growth rate or a share of
one of the five Central Asian states' trade with China (then Russia, Turkey, India) in one of 192 months
(2010-2025), from one of two statistical sources, so that the article's claims fall into many keys (country, flow, month) as a long real
article's do, and keys hold a few statements each (the cross-claim checks then have work to do). An article
that states one key hundreds of times is not what this measures: the pairwise checks within one key (two
publications of one figure, the two sides of one flow) stay quadratic in the size of that key. Peak memory is Python's allocation peak (tracemalloc) during
the check. Against the embedded demo store unless --no-store.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
from pathlib import Path

_COUNTRIES = [("Kazakhstan", "Kazakh"), ("Kyrgyzstan", "Kyrgyz"), ("Tajikistan", "Tajik"),
              ("Turkmenistan", "Turkmen"), ("Uzbekistan", "Uzbek")]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_PARTNERS = ["China", "Russia", "Turkey", "India"]
_SOURCES = ["according to China's General Administration of Customs", "the {adj} statistics agency said"]


def article(n: int) -> str:
    """A generated article of ``n`` figure sentences (deterministic)."""
    paras = ["Trade between China and Central Asia, country by country\n"]
    sent: list[str] = []
    for i in range(n):
        name, adj = _COUNTRIES[i % 5]
        other = _PARTNERS[(i // 960) % len(_PARTNERS)]  # keys repeat only after 3,840 sentences
        year = f"{_MONTHS[(i // 5) % 12]} {2010 + (i // 60) % 16}"
        src = _SOURCES[(i // 60) % 2 if other == "China" else 1].format(adj=adj)
        v = 1.0 + (i * 37 % 400) / 10
        k = i % 4
        if k == 0:
            s = f"In {year}, trade between {name} and {other} reached ${v:.1f} billion, {src}."
        elif k == 1:
            s = f"{adj} exports to {other} grew {3 + i % 17} percent to ${v / 3:.2f} billion in {year}, {src}."
        elif k == 2:
            s = f"{adj} imports from {other} came to ${v * 0.6:.2f} billion in {year}, {src}."
        else:
            s = f"{other} accounted for {10 + i % 30} percent of {name}'s foreign trade in {year}, {src}."
        sent.append(s)
        if len(sent) == 4:
            paras.append(" ".join(sent))
            sent = []
    if sent:
        paras.append(" ".join(sent))
    return "\n\n".join(paras) + "\n"


def measure(n: int, store: object | None) -> tuple[float, float, int]:
    """(seconds, peak MB, claims) for checking an article of ``n`` figure sentences."""
    from mirrortrade.claims.verify import check_article

    text = article(n)
    gc.collect()
    t0 = time.perf_counter()
    res = check_article(text, store)
    secs = time.perf_counter() - t0
    # memory in a second run, so that tracemalloc's own overhead does not count in the time
    gc.collect()
    tracemalloc.start()
    check_article(text, store)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return secs, peak / 2**20, len(res["claims"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,200,400,800,1600,3200")
    ap.add_argument("--no-store", action="store_true", help="check against the article's own claims only")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    store = None
    if not args.no_store:
        from mirrortrade.data import open_store

        tmp = Path(tempfile.mkdtemp(prefix="mt-bench-scale-"))
        store = open_store(tmp / "s.duckdb")  # a new store holds the embedded figures
    from mirrortrade.claims.verify import check_article

    check_article(article(8), store)  # warm imports and caches
    print(f"{'sentences':>10} {'claims':>7} {'seconds':>9} {'peak MB':>9} {'time ratio':>11} {'mem ratio':>10}")
    prev: tuple[float, float] | None = None
    for n in sizes:
        secs, mb, nclaims = measure(n, store)
        tr = f"{secs / prev[0]:.2f}" if prev else ""
        mr = f"{mb / prev[1]:.2f}" if prev else ""
        print(f"{n:>10} {nclaims:>7} {secs:>9.2f} {mb:>9.1f} {tr:>11} {mr:>10}", flush=True)
        prev = (secs, mb)
    if store is not None:
        store.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
