"""The claim checker under other outlets' house styles, without the held-out sets (issue 16: "make synthetic data as
messy as the real thing"; each new outlet spells the same facts its own way).

    /work/venv/bin/python benchmarks/house_styles.py [--set dev[,heldout3,...]] [--style NAME ...] [--json]
        [--verbose]

Each development article is rewritten in a house style that changes only how figures and periods are spelled, never
what they say: its text, and its annotation's sentences, figures and not-claims with the same function, so the
annotation stays true (an article whose rewritten annotation no longer validates is left out and counted). Then it
is checked and scored exactly as ``claims_corpus.py`` scores it. A style is a meaning-preserving rewrite, so any drop
from the plain text is the checker depending on a spelling, and any false flag under a style is a defect.

Styles (each alone, then all of them at once — an outlet with every habit):

- ``us-dollar``: "$24.1 billion" -> "US$24.1 billion";
- ``usd-code``: "$24.1 billion" -> "USD 24.1 billion";
- ``dollars-after``: "$24.1 billion" -> "24.1 billion US dollars";
- ``short-scale``: "$24.1 billion" -> "$24.1bn", "$310 million" -> "$310mn";
- ``decimal-comma``: "$24.1 billion" -> "$24,1 billion", "12.5 percent" -> "12,5 percent" (figures with a decimal
  point and no thousands separator);
- ``per-cent``: "32%" / "32 percent" -> "32 per cent";
- ``month-abbrev``: "January" -> "Jan.", "September" -> "Sept." (not "May", "June", "July"), "January–November" ->
  "Jan.–Nov.";
- ``hyphen-ranges``: "January–November" -> "January-November" (an en dash between words or digits becomes a hyphen).

The annotations are those of the development sets (and, with ``--set``, the retired sets): never the held-out sets.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus_score as cs  # noqa: E402
import claims_corpus as cc  # noqa: E402

#: a dollar amount with a scale word: "$24.1 billion", "US$ 3.7 bn" (the currency sign, the number, the scale)
_MONEY = re.compile(r"(?<![\w$])(US\$|\$)\s?(\d[\d,]*(?:\.\d+)?)\s?(billion|million|bn|mn|mln|bln)\b")
_PCT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?(%|percent\b|per\s+cent\b)")
_SCALE_SHORT = {"billion": "bn", "million": "mn", "bln": "bn", "mln": "mn"}
_SCALE_LONG = {"bn": "billion", "mn": "million", "bln": "billion", "mln": "million"}
_MONTHS = {"January": "Jan.", "February": "Feb.", "March": "March", "April": "April", "August": "Aug.",
           "September": "Sept.", "October": "Oct.", "November": "Nov.", "December": "Dec."}
_MONTH = re.compile(r"\b(" + "|".join(m for m, a in _MONTHS.items() if m != a) + r")\b")


def _money(fn: Callable[[str, str, str], str]) -> Callable[[str], str]:
    return lambda s: _MONEY.sub(lambda m: fn(m.group(1), m.group(2), m.group(3)), s)


def _comma(num: str) -> str:
    return num.replace(".", ",") if "." in num and "," not in num else num


STYLES: dict[str, Callable[[str], str]] = {
    "us-dollar": _money(lambda cur, n, sc: f"US${n} {sc}"),
    "usd-code": _money(lambda cur, n, sc: f"USD {n} {_SCALE_LONG.get(sc, sc)}"),
    "dollars-after": _money(lambda cur, n, sc: f"{n} {_SCALE_LONG.get(sc, sc)} US dollars"),
    "short-scale": _money(lambda cur, n, sc: f"{cur}{n}{_SCALE_SHORT.get(sc, sc)}"),
    "decimal-comma": lambda s: _PCT.sub(lambda m: f"{_comma(m.group(1))}{m.group(0)[len(m.group(1)):]}",
                                        _money(lambda cur, n, sc: f"{cur}{_comma(n)} {sc}")(s)),
    "per-cent": lambda s: _PCT.sub(lambda m: f"{m.group(1)} per cent", s),
    "month-abbrev": lambda s: _MONTH.sub(lambda m: _MONTHS[m.group(1)], s),
    "hyphen-ranges": lambda s: re.sub(r"(\w\.?)\u2013(?=\w)", r"\1-", s),
}


def all_styles(s: str) -> str:
    """Every style at once, in an order where none undoes another (a dollar amount is respelled once)."""
    for name in ("short-scale", "decimal-comma", "per-cent", "month-abbrev", "hyphen-ranges", "us-dollar"):
        s = STYLES[name](s)
    return s


def restyle(art: cc.Article, fn: Callable[[str], str]) -> tuple[cc.Article, bool] | None:
    """The article in a style (text and annotation rewritten alike) and whether anything changed; None when the
    rewritten annotation no longer validates (a figure spelled differently alone than in its sentence)."""
    if art.text is None:
        return None
    ann = copy.deepcopy(art.ann)
    for c in ann["claims"]:
        c["sentence"], c["figure"] = fn(c["sentence"]), fn(c["figure"])
        if c["figure"] not in c["sentence"]:  # a figure cut inside a respelled amount: respell it in context
            return None
    ann["not_claims"] = [fn(n) for n in ann["not_claims"]]
    text = fn(art.text)
    if cc.validate(ann, text):
        return None
    return cc.Article(art.set, art.name, text, ann), text != art.text


def run(names: list[str], styles: list[str], verbose: bool = False) -> dict[str, dict[str, Any]]:
    from mirrortrade.data import open_store

    fns: dict[str, Callable[[str], str]] = {"plain": lambda s: s, **{n: STYLES[n] for n in styles}}
    if len(styles) > 1:
        fns["all"] = all_styles
    out: dict[str, dict[str, Any]] = {}
    arts = [a for n in names for a in cc.load_set(n) if a.text is not None]
    with tempfile.TemporaryDirectory(prefix="mirrortrade-styles-") as tmp:
        store = open_store(Path(tmp) / "store.duckdb")
        try:
            for style, fn in fns.items():
                counts = cs.empty_counts()
                changed = dropped = 0
                for art in arts:
                    got = restyle(art, fn)
                    if got is None:
                        dropped += 1
                        continue
                    new, did = got
                    changed += did
                    when = new.ann.get("article_date")
                    result = cc.check_text(new.text or "", store, date.fromisoformat(when) if when else None)
                    log: list[str] | None = [] if verbose else None
                    cs.score_article(new.text, new.ann, result, counts, log)
                    if verbose and log and style != "plain":
                        print(f"[{style}] {new.set}/{new.name}", file=sys.stderr)
                        print("\n".join(log), file=sys.stderr)
                s = cs.summary(counts)
                s["articles_changed"], s["articles_left_out"] = changed, dropped
                out[style] = s
        finally:
            store.close()
    return out


def table(scores: dict[str, dict[str, Any]]) -> str:
    head = ("style", "articles (changed)", "left out", "P", "R", "F1", "F1 vs plain", "verdict acc.",
            "flags caught", "false flags", "correct figures flagged", "crashed")
    plain = scores["plain"]["pooled"]["f1"]
    rows = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for style, s in scores.items():
        a = s["pooled"]
        d = "" if style == "plain" or a["f1"] is None or plain is None else f"{a['f1'] - plain:+.2f}"
        rows.append("| " + " | ".join([
            style, f"{s['articles']} ({s['articles_changed']})", str(s["articles_left_out"]),
            cc._f(a["precision"]), cc._f(a["recall"]), cc._f(a["f1"]), d,
            f"{cc._f(s['verdict_accuracy'])} ({s['checkable']})", s["expected_flags_caught"], str(s["false_flags"]),
            f"{s['clean_flagged']}/{s['clean_claims']}", str(len(s["crashed"]))]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="dev", help="development sets, comma-separated (dev, seeds, retired sets)")
    ap.add_argument("--style", action="append", choices=sorted(STYLES), help="only these styles (repeatable)")
    ap.add_argument("--json", action="store_true", help="Print the scores as JSON.")
    ap.add_argument("--verbose", action="store_true", help="Per article and style: what the scorer logs (stderr).")
    args = ap.parse_args(argv)
    names = [n.strip() for n in args.set.split(",") if n.strip()]
    allowed = ("dev", "seeds", *cc.RETIRED)
    if any(n not in allowed for n in names):
        print(f"only the development sets {allowed} are restyled (held-out sets are never read)", file=sys.stderr)
        return 2
    scores = run(names, args.style or list(STYLES), args.verbose)
    print(json.dumps(scores, indent=1) if args.json else table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
