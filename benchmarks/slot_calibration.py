"""How often each slot is misread, by where it was filled from (issue 16: calibrating slot confidence).

    PYTHONPATH=src python benchmarks/slot_calibration.py [--set NAME[,NAME...]|development] [--min-n N] [--markdown]

Every claim of ``check --json`` carries ``provenance``: per slot, where the extractor filled it from (the clause, the
paragraph, the article's default source, a list, a ranking, ...; the labels are in
``src/mirrortrade/claims/provenance.py``). This script checks the DEVELOPMENT sets only: ``dev``, ``seeds`` and the
sets retired from held-out (``claims_corpus.RETIRED``); it refuses the held-out sets (``claims_corpus.HELD_OUT``: their
texts and errors are never read) and matches predicted to expected claims as ``claims_corpus.py`` does — the
same sentence, kind and value, then the slots — except that an ``unresolved`` claim is a prediction here too (the
calibration decides which claims are unresolved, so it is measured on all of them, whatever their status now).

For each (slot, provenance): ``n`` = predictions that correspond to an expected claim (a match, or a slot error: same
sentence and value), ``wrong`` = those whose slot differs from the annotation, the error rate ``wrong / n``;
``extra`` = predictions with that provenance that correspond to no expected claim (not counted in the rate: what is
wrong there is not one slot), ``now`` = the share of the ``n`` that the checker resolves today.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _calibration as cal  # noqa: E402
from _corpus_score import (  # noqa: E402
    SLOTS,
    closest_slot_diff,
    full_matches,
    merge_headline_claims,
    predictions,
)
from claims_corpus import HELD_OUT, RETIRED, check_text, load_set  # noqa: E402

DEVELOPMENT = ("dev", "seeds", *RETIRED)


def correspondences(text: str, ann: dict[str, Any], result: dict[str, Any]) -> tuple[list, list]:
    """(prediction, its slot differences) for each prediction that corresponds to an expected claim, and the
    predictions that correspond to none; all claims count, unresolved ones too."""
    exp = merge_headline_claims(text, list(ann["claims"]))
    preds = predictions(result)
    match_of = full_matches(text, preds, exp)  # first the full matches, as the scorer does
    taken = set(match_of.values())
    pairs: list[tuple[Any, list[str]]] = [(preds[pi], []) for pi in sorted(match_of)]
    extra = []
    for pi, p in enumerate(preds):  # then the slot errors: the closest unmatched expected claim of that value
        if pi in match_of:
            continue
        best = closest_slot_diff(text, p, exp, taken)
        if best is None:
            extra.append(p)
        else:
            pairs.append((p, best))
    return pairs, extra


def measure(names: list[str]) -> dict[tuple[str, str], Counter]:
    from mirrortrade.data import open_store

    table: dict[tuple[str, str], Counter] = {}
    with tempfile.TemporaryDirectory(prefix="mirrortrade-calib-") as tmp:
        store = open_store(Path(tmp) / "store.duckdb")
        try:
            for name in names:
                for art in load_set(name):
                    if art.text is None:
                        continue
                    when = art.ann.get("article_date")
                    result = check_text(art.text, store, date.fromisoformat(when) if when else None)
                    pairs, extra = correspondences(art.text, art.ann, result)
                    for p, diff in pairs:
                        how = p.raw.get("provenance") or {}
                        for slot in SLOTS:
                            row = table.setdefault((slot, str(how.get(slot, "?"))), Counter())
                            row["n"] += 1
                            row["wrong"] += slot in diff
                            row["resolved"] += p.status != "unresolved"
                    for p in extra:
                        how = p.raw.get("provenance") or {}
                        for slot in SLOTS:
                            table.setdefault((slot, str(how.get(slot, "?"))), Counter())["extra"] += 1
        finally:
            store.close()
    return table


def render(table: dict[tuple[str, str], Counter], min_n: int = 0, markdown: bool = False) -> str:
    head = ("slot", "provenance", "n", "wrong", "error rate", "extra", "now resolved")
    rows = []
    for (slot, how), c in sorted(table.items(), key=lambda kv: (SLOTS.index(kv[0][0]), -kv[1]["n"], kv[0][1])):
        if c["n"] < min_n and not c["wrong"]:
            continue
        rate = f"{c['wrong'] / c['n']:.2f}" if c["n"] else "–"
        now = f"{c['resolved'] / c['n']:.2f}" if c["n"] else "–"
        rows.append((slot, how, str(c["n"]), str(c["wrong"]), rate, str(c["extra"]), now))
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    return "\n".join("  ".join(x.ljust(w) for x, w in zip(r, widths, strict=True)) for r in [head, *rows])


def render_caps(table: dict[tuple[str, str], Counter]) -> str:
    """The rows :mod:`_calibration`'s rule would cap (its error rate, shrunk toward the slot's pooled rate, at or
    above the cut on enough fills) if this measurement were the unseen evidence."""
    counts = {k: (c["n"], c["wrong"]) for k, c in table.items() if c["n"]}
    capped = [(k, cal.error_rate(*k, counts)) for k in counts if cal.calibrated_cap(*k, counts) is not None]
    if not capped:
        return f"caps: none (no row of >= {cal.MIN_N} fills at or above {cal.CUT_UNRESOLVED:.2f})"
    return "caps: " + "; ".join(f"{s} {h} ({counts[(s, h)][1]} of {counts[(s, h)][0]} wrong, estimated {r:.2f})"
                                for (s, h), r in sorted(capped))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="development",
                    help=f"one or more of {', '.join(DEVELOPMENT)} (comma-separated), or development (all of them)")
    ap.add_argument("--min-n", type=int, default=0, help="Leave out rows with fewer predictions and no error.")
    ap.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    ap.add_argument("--caps", action="store_true",
                    help="Also print the rows that benchmarks/_calibration.py's rule would cap on this measurement.")
    args = ap.parse_args(argv)
    names = list(DEVELOPMENT) if args.set == "development" else [n.strip() for n in args.set.split(",") if n.strip()]
    if any(n in HELD_OUT or n not in DEVELOPMENT for n in names):
        print(f"only the development sets {DEVELOPMENT} are measured (held-out sets are never read)", file=sys.stderr)
        return 2
    table = measure(names)
    print(render(table, args.min_n, args.markdown))
    if args.caps:
        print("\n" + render_caps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
