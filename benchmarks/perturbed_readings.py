"""False alarms on misreadings, without the held-out sets (issue 16, "the cascade"): take the dev articles'
verified claims, change one slot as a misreading would, and count how often the checker then tells the reader
the (correct) figure is wrong.

    /work/venv/bin/python benchmarks/perturbed_readings.py [--set dev] [--no-gate] [--json] [--verbose]
        [--article STEM]

Each article of the set is read once and checked against a fresh store with the embedded data. Its level claims
whose status is ``consistent`` (the store confirms them) are the correct readings. For each, one slot is moved
to a neighbour, the way the misreadings of issue 16 moved it, while the number and every other claim stay:

- ``flow``: turnover, exports, imports -> each of the other two;
- ``year``: the same span one year earlier and one year later;
- ``partner``: the next Central Asian state (in the order KAZ KGZ TJK TKM UZB), and the region (CA5) for a
  single state, when the reporter is China; China's World total is not moved to;
- ``reporter``: the other side's statistics (reporter and partner swapped, the flow mirrored).

The perturbed article is checked again; the moved claim is *flagged* when its status is conflict/implausible or
a flagging mirror_gap finding is about it. ``--verbose`` lists each flagged misreading on stderr (article, claim,
the slot moved, the flagging rules); ``--article`` moves only the claims of the articles whose name contains it.
``--no-gate`` runs the checker without the misreading gate
(:mod:`mirrortrade.claims.neighbours`), to measure before and after on the same perturbations.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_score as cs  # noqa: E402
import claims_corpus as cc  # noqa: E402

CA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
_MIRROR = {"X": "M", "M": "X", "T": "T"}


def perturbations(c: Any) -> list[tuple[str, dict[str, Any]]]:
    """The one-slot misreadings of a claim: (slot, the slots' new values)."""
    out: list[tuple[str, dict[str, Any]]] = []
    if c.flow in ("X", "M", "T"):
        out += [("flow", {"flow": f}) for f in ("X", "M", "T") if f != c.flow]
    try:
        from mirrortrade.model import Period

        p = Period.parse(c.period)
        for dy in (-1, 1):
            q = Period(p.year + dy, p.start_month, p.end_year + dy, p.end_month)
            out.append(("year", {"period": str(q)}))
    except Exception:  # noqa: BLE001 - a period that cannot be moved is left
        pass
    if c.reporter == "CHN" and c.partner in CA:
        out.append(("partner", {"partner": CA[(CA.index(c.partner) + 1) % len(CA)]}))
        out.append(("partner", {"partner": "CA5"}))
    if c.flow in _MIRROR and c.reporter and c.partner and c.partner not in ("CA5", "WLD", "EUU"):
        out.append(("reporter", {"reporter": c.partner, "partner": c.reporter, "flow": _MIRROR[c.flow]}))
    return out


def _flagged(result: dict[str, Any], cid: str) -> bool:
    c = next((x for x in result["claims"] if x["id"] == cid), None)
    return bool(c and (c["status"] in cs.FLAG_STATUSES or cid in cs.mirror_gapped(result)))


def _flaggers(result: dict[str, Any], cid: str) -> list[str]:
    """The flagging findings about a claim, as 'rule: message' (for ``--verbose``)."""
    return [f"{f['rule']} ({f['status']}): {f.get('message', '')[:160]}" for f in result.get("findings") or []
            if f.get("status") in cs.FLAG_STATUSES and cid in (f.get("about_claims") or f.get("claims") or [])]


def run(names: list[str], *, gate: bool = True, verbose: bool = False, article: str = "") -> dict[str, Any]:
    from mirrortrade.claims import verify
    from mirrortrade.claims.reading import read_article
    from mirrortrade.data import open_store

    if not gate:
        verify.gate = lambda findings, claims, store_obs, own: (findings, {})  # type: ignore[assignment]
    tried: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    base_flags = 0
    with tempfile.TemporaryDirectory(prefix="mirrortrade-perturb-") as tmp:
        store = open_store(Path(tmp) / "store.duckdb")
        try:
            for name in names:
                for art in cc.load_set(name):
                    if art.text is None or article not in art.name:
                        continue
                    when = art.ann.get("article_date")
                    reading = read_article(art.text, date.fromisoformat(when) if when else None)
                    base = verify.check_reading(dataclasses.replace(reading, claims=copy.deepcopy(reading.claims)),
                                                store)
                    correct = {c["id"] for c in base["claims"] if c["status"] == "consistent"
                               and c.get("kind") == "level" and c.get("value_usd") is not None}
                    base_flags += sum(1 for cid in correct if _flagged(base, cid))
                    for c in reading.claims:
                        if c.id not in correct:
                            continue
                        for slot, change in perturbations(c):
                            claims = copy.deepcopy(reading.claims)
                            moved = next(x for x in claims if x.id == c.id)
                            for k, v in change.items():
                                setattr(moved, k, v)
                            res = verify.check_reading(dataclasses.replace(reading, claims=claims), store)
                            tried[slot] += 1
                            hit = _flagged(res, c.id)
                            flagged[slot] += int(hit)
                            if hit and verbose:
                                print(f"{art.name} {c.id} {slot} {change} (was {c.reporter}-{c.partner} {c.flow} "
                                      f"{c.period} {c.value_usd:.4g}) {c.quote[:100]!r}", file=sys.stderr)
                                for line in _flaggers(res, c.id):
                                    print(f"    {line}", file=sys.stderr)
                            status = next(x["status"] for x in res["claims"] if x["id"] == c.id)
                            unresolved[slot] += int(status == "unresolved")
        finally:
            store.close()
    total, hits = sum(tried.values()), sum(flagged.values())
    return {
        "gate": gate, "perturbed": total, "flagged": hits, "flagged_per_100": 100.0 * hits / total if total else None,
        "unresolved": sum(unresolved.values()), "base_correct_flagged_by_mirror_gap": base_flags,
        "by_slot": {s: {"perturbed": tried[s], "flagged": flagged[s], "unresolved": unresolved[s]} for s in tried},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="dev", choices=["dev", "seeds"], help="Which set's claims to move.")
    ap.add_argument("--no-gate", action="store_true", help="Check without the misreading gate (the before).")
    ap.add_argument("--json", action="store_true", help="Print the counts as JSON.")
    ap.add_argument("--verbose", action="store_true", help="List each flagged misreading on stderr.")
    ap.add_argument("--article", default="", help="Only the articles whose name contains this.")
    args = ap.parse_args(argv)
    out = run([args.set], gate=not args.no_gate, verbose=args.verbose, article=args.article)
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"gate {'on' if out['gate'] else 'off'}: {out['flagged']} of {out['perturbed']} one-slot misreadings of "
          f"verified claims flagged ({out['flagged_per_100']:.1f} per 100); {out['unresolved']} shown unresolved")
    for s, d in out["by_slot"].items():
        print(f"  {s}: {d['flagged']}/{d['perturbed']} flagged, {d['unresolved']} unresolved")
    return 0


if __name__ == "__main__":
    sys.exit(main())
