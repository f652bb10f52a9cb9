"""The verifier alone (issue 16, "the cascade"): verdicts and false flags when every figure the extractor reads is
given the slots its annotation gives it.

    /work/venv/bin/python benchmarks/gold_readings.py [--set dev,heldout9] [--verbose] [--json]

`claims_corpus.py` scores reading and verifying together, so a false flag there may come from a misread slot or
from the verifier (or from the annotation). This benchmark takes reading out: each article is read once, every
extracted claim (of any status) that matches an annotated claim by sentence and value takes that annotation's
reporter, partner, flow and period, with every slot resolved at full confidence; extracted claims that match
no annotation are dropped; annotated figures the extractor does not read at all cannot be given slots and stay
missed (the row's "not read" column). The article is then verified as `mirrortrade check` verifies it (same
store, same rules, same gates) and scored with the corpus's own scorer. What is left flagged on a correct figure
is the verifier's doing (or the annotation's), never the reader's.

A claim whose annotated kind differs from the extracted kind (a change read as a level) is left out with the
figures not read: its numbers sit in other fields, and giving it the annotated kind would be a new reading.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_score as cs  # noqa: E402
import claims_corpus as cc  # noqa: E402

_SLOTS = ("reporter", "partner", "flow", "period")


def gold_claims(text: str, claims: list[Any], expected: list[dict[str, Any]]) -> tuple[list[Any], int]:
    """The extracted claims that match an annotated claim, with the annotation's slots; and how many annotated
    claims no extracted claim could carry."""
    pred_of = {c.id: p for c in claims for p in cs.predictions({"claims": [c.to_json()]})}
    out: dict[str, Any] = {}
    not_read = 0
    for e in expected:
        hit = None
        for c in claims:
            p = pred_of.get(c.id)
            if p is None or c.id in out or c.kind != e["kind"]:
                continue
            if cs.same_sentence(text, c.quote, e["sentence"]) and any(
                    cs.value_matches(q, e) for q in cs.predictions({"claims": [c.to_json()]})
                    if (q.kind in ("growth", "share")) == (e["kind"] in ("growth", "share"))):
                hit = c
                break
        if hit is None:
            not_read += 1
            continue
        same_reporter = hit.reporter == e["reporter"]
        out[hit.id] = dataclasses.replace(
            hit, **{s: e[s] for s in _SLOTS}, source=hit.source if same_reporter else None,
            slots=dict.fromkeys(hit.slots, 1.0), missing=[], how={**hit.how, **dict.fromkeys(_SLOTS, "annotation")},
            status="unverifiable", findings=[], explanation=None)
    return list(out.values()), not_read


def _flag_messages(result: dict[str, Any]) -> list[str]:
    """The flagging findings of a result, one line each (rule: message)."""
    return [f"    {f['rule']} {f['status']} {f['claims']}: {f['message'][:400]}" for f in result.get("findings") or []
            if f.get("status") in cs.FLAG_STATUSES]


def run_sets(names: list[str], *, verbose: bool = False, article: str | None = None) -> dict[str, dict[str, Any]]:
    from mirrortrade.claims.reading import read_article
    from mirrortrade.claims.verify import check_reading
    from mirrortrade.data import open_store

    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="mirrortrade-gold-") as tmp:
        store = open_store(Path(tmp) / "store.duckdb")
        try:
            for name in names:
                counts = cs.empty_counts()
                not_read = 0
                for art in cc.load_set(name):
                    if art.text is None or (article and article not in art.name):
                        continue
                    when = art.ann.get("article_date")
                    reading = read_article(art.text, date.fromisoformat(when) if when else None)
                    expected = cs.merge_headline_claims(art.text, list(art.ann["claims"]))
                    gold, missed = gold_claims(art.text, reading.claims, expected)
                    not_read += missed
                    result = check_reading(dataclasses.replace(reading, claims=gold), store)
                    log: list[str] | None = [] if verbose else None
                    cs.score_article(art.text, art.ann, result, counts, log)
                    if verbose and log:
                        lines = [x for x in log if "missed:" not in x]
                        if any("FALSE FLAG" in x or "wrong verdict" in x for x in lines):
                            lines += _flag_messages(result)
                        if lines:
                            print(f"[{name}] {art.name}", file=sys.stderr)
                            print("\n".join(lines), file=sys.stderr)
                s = cs.summary(counts)
                s["not_read"] = not_read
                out[name] = s
        finally:
            store.close()
    return out


def table(scores: dict[str, dict[str, Any]]) -> str:
    head = ["set", "claims given slots", "not read", "verdict acc.", "flags caught", "false flags",
            "flags on correct /100", "unresolved by the verifier's gates"]
    rows = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for name, s in scores.items():
        va = s["verdict_accuracy"]
        rows.append("| " + " | ".join([
            name, str(s["pooled"]["predicted"]), str(s["not_read"]),
            f"{'–' if va is None else f'{va:.2f}'} ({s['checkable']})", s["expected_flags_caught"],
            f"{s['false_flags']} (+{s['false_flag_findings']} findings)", cc._clean(s),
            "–" if s["unresolved_share"] is None else f"{s['unresolved_share']:.2f}",
        ]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="all", type=cc._set_names, help="Which sets (comma-separated; default all).")
    ap.add_argument("--json", action="store_true", help="Print the scores as JSON.")
    ap.add_argument("--verbose", action="store_true", help="Per article: wrong verdicts and false flags (stderr).")
    ap.add_argument("--article", metavar="STEM", help="Only the articles whose name contains STEM.")
    args = ap.parse_args(argv)
    scores = run_sets(args.set, verbose=args.verbose, article=args.article)
    print(json.dumps(scores, indent=1) if args.json else table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
