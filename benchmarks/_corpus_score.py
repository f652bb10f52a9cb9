"""Matching and scoring for the claims-corpus benchmark (issue 16), split from ``claims_corpus.py`` (which keeps
the corpus, the sets, the runs, the tables and the command line): periods, the checker's output read as predictions,
a prediction matched to an expected claim, and one article's counts and a set's summary.

The rules are those of benchmarks/claims_corpus/README.md: a predicted claim matches an expected one when they come
from the same sentence and agree on reporter, partner, flow, period, kind and value (the predicted interval contains
the expected value; growth and shares within 0.05 percentage points).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

KINDS = ("level", "growth", "share", "change")
FLOWS = ("X", "M", "T", "B")
QUALIFIERS = ("exact", "lower", "upper", "approx", "near_lower", "near_upper")
SLOTS = ("reporter", "partner", "flow", "period", "kind")
FLAG_STATUSES = ("conflict", "implausible")
UNCHECKABLE = ("unverifiable", "unresolved")
PCT_TOL = 0.05  # percentage points, growth and shares
REL_TOL = 0.005  # a level printed without an interval: half a percent either way


# ------------------------------------------------------------------------------------------ periods
def _months(period: str | None) -> tuple[str, str] | None:
    """A period as (first month, last month): '2024' -> ('2024-01', '2024-12'), '2024-H1', '2024-Q3', ..."""
    if not period:
        return None
    p = str(period).strip()
    if "/" in p:
        a, b = p.split("/", 1)
        fa, fb = _months(a), _months(b)
        return (fa[0], fb[1]) if fa and fb else None
    m = re.match(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$", p)
    if not m:
        return None
    y, part = m.group(1), m.group(2)
    if part is None:
        return (f"{y}-01", f"{y}-12")
    if part.startswith("H"):
        return (f"{y}-01", f"{y}-06") if part == "H1" else (f"{y}-07", f"{y}-12")
    if part.startswith("Q"):
        q = int(part[1])
        return (f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}")
    return (f"{y}-{part}", f"{y}-{part}")


def same_period(a: str | None, b: str | None) -> bool:
    ma, mb = _months(a), _months(b)
    return ma is not None and ma == mb


# ------------------------------------------------------------------------------------------ predictions
@dataclass
class Pred:
    """One predicted claim of one kind (a claim carrying a level and a growth rate gives two)."""

    cid: str
    quote: str
    reporter: str | None
    partner: str | None
    flow: str | None
    period: str | None
    kind: str
    value: float | None
    low: float | None
    high: float | None
    value_cny: float | None
    qualifier: str | None
    status: str
    raw: dict[str, Any] = field(repr=False, default_factory=dict)


def _num(x: Any) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _year_back(month: str) -> str:
    return f"{int(month[:4]) - 1}{month[4:]}"


def year_on_year(c: dict[str, Any]) -> bool:
    """A claim's growth rate is one year's (the schema's ``growth``): its base, when the claim names one, is the
    same span a year earlier; "up 90 percent since 2019" compares with another base and is no growth claim."""
    base = c.get("growth_base")
    if base is None:
        return True
    mp, mb = _months(c.get("period")), _months(base)
    # the base ends a year before the period ends ("compared with the same period of 2018" read as 2018 is
    # the year before for January–September 2019)
    return mp is not None and mb is not None and mb[1][:4] == _year_back(mp[1])[:4]


def predictions(result: dict[str, Any]) -> list[Pred]:
    """The ``check --json`` dict -> one Pred per claim and kind; a growth rate over another span than the year
    before (:func:`year_on_year`) is not scored as a growth claim."""
    out: list[Pred] = []
    for i, c in enumerate(result.get("claims") or []):
        base = {
            "cid": str(c.get("id", f"c{i + 1}")), "quote": str(c.get("quote") or c.get("sentence") or ""),
            "reporter": c.get("reporter"), "partner": c.get("partner"), "flow": c.get("flow"),
            "period": c.get("period"), "qualifier": c.get("qualifier"), "status": str(c.get("status") or ""),
            "value_cny": _num(c.get("value_cny")), "raw": c,
        }
        kind = c.get("kind")
        usd = (_num(c.get("value_usd")), _num(c.get("value_low")), _num(c.get("value_high")))
        if kind in ("level", "change"):
            v = usd if any(x is not None for x in usd) else (_num(c.get("change_usd")), _num(c.get("change_low")),
                                                                _num(c.get("change_high")))
            out.append(Pred(kind=kind, value=v[0], low=v[1], high=v[2], **base))
            # a level stated with its growth rate or share ("rose 12 percent to $4.3 billion") is one claim
            # carrying two figures: score each
            for k in ("growth", "share"):
                if _num(c.get(f"{k}_pct")) is not None and (k != "growth" or year_on_year(c)):
                    out.append(Pred(kind=k, value=_num(c.get(f"{k}_pct")), low=None, high=None, **base))
        elif kind in ("growth", "share"):
            if kind == "growth" and _num(c.get("growth_pct")) is not None and not year_on_year(c):
                continue
            v = _num(c.get(f"{kind}_pct"))
            if v is None:
                v = _num(c.get("value"))
            out.append(Pred(kind=kind, value=v, low=None, high=None, **base))
        elif kind is None:
            if any(x is not None for x in usd):
                out.append(Pred(kind="level", value=usd[0], low=usd[1], high=usd[2], **base))
            if _num(c.get("growth_pct")) is not None and year_on_year(c):
                out.append(Pred(kind="growth", value=_num(c.get("growth_pct")), low=None, high=None, **base))
            if _num(c.get("share_pct")) is not None:
                out.append(Pred(kind="share", value=_num(c.get("share_pct")), low=None, high=None, **base))
            if _num(c.get("change_usd")) is not None:
                out.append(Pred(kind="change", value=_num(c.get("change_usd")), low=_num(c.get("change_low")),
                                high=_num(c.get("change_high")), **base))
        # any other kind (e.g. a difference between two sources) is not a trade claim of the schema
    return out


def value_matches(p: Pred, exp: dict[str, Any]) -> bool:
    ev = float(exp["value"])
    if exp["kind"] in ("growth", "share") or p.kind in ("growth", "share"):
        return p.value is not None and abs(p.value - ev) <= PCT_TOL + 1e-9
    if p.value_cny is not None and exp.get("value_cny") is not None:
        if abs(p.value_cny - exp["value_cny"]) <= REL_TOL * abs(exp["value_cny"]):
            return True
    if p.low is None and p.high is None:
        return p.value is not None and abs(p.value - ev) <= REL_TOL * abs(ev)
    lo = p.low if p.low is not None else -math.inf
    hi = p.high if p.high is not None else math.inf
    eps = 1e-9 * max(1.0, abs(ev))
    return lo - eps <= ev <= hi + eps


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _span(text: str, fragment: str) -> tuple[int, int] | None:
    if not fragment:
        return None
    i = text.find(fragment)
    if i >= 0:
        return (i, i + len(fragment))
    return None


def same_sentence(text: str | None, quote: str, sentence: str) -> bool:
    q, s = _norm(quote), _norm(sentence)
    if not q or not s:
        return False
    if s in q or q in s:
        return True
    if text is None:
        return False
    t = _norm(text)
    a, b = _span(t, q), _span(t, s)
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _slot_diff(p: Pred, exp: dict[str, Any]) -> list[str]:
    bad = []
    for slot in SLOTS:
        pv, ev = getattr(p, slot), exp[slot]
        ok = same_period(pv, ev) if slot == "period" else (str(pv) == str(ev))
        if not ok:
            bad.append(slot)
    return bad


def _bound_class(q: str | None) -> str:
    return {"lower": "lower", "near_lower": "lower", "upper": "upper", "near_upper": "upper"}.get(q or "exact",
                                                                                                   "point")


# ------------------------------------------------------------------------------------------ scoring
def empty_counts() -> dict[str, Any]:
    return {
        "articles": 0, "expected": Counter(), "predicted": Counter(), "matched": Counter(),
        "slot_errors": Counter(), "checkable": 0, "verdict_right": 0, "flags_expected": 0, "flags_caught": 0,
        "false_flags": 0, "false_flag_findings": 0, "claims_predicted": 0, "claims_unresolved": 0,
        "not_claims_extracted": 0, "articles_without_text": 0, "crashed": [], "clean_claims": 0, "clean_flagged": 0,
        "world_totals_unscored": 0,
    }


def headline_lines(text: str | None) -> list[str]:
    """The paragraphs before the first line of running text (one that ends a sentence): headline, kicker."""
    if not text:
        return []
    paras = [p.strip() for p in re.split(r"\n[ \t\r]*\n", text) if p.strip()]
    out = []
    for p in paras:
        if re.search(r"[.!?][\"”’)]*$", p):
            break
        out.append(p)
    return out


def _restates(head: dict[str, Any], body: dict[str, Any]) -> bool:
    """The headline's figure is the body's, rounded (five percent of the figure either way)."""
    if {head["reporter"], head["partner"]} != {body["reporter"], body["partner"]} or any(
            head[k] != body[k] for k in ("flow", "period", "kind")):
        return False
    v, w = float(head["value"]), float(body["value"])
    return (v < 0) == (w < 0) and abs(v - w) <= 0.05 * max(abs(v), abs(w))


def merge_headline_claims(text: str | None, exp: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The expected claims with a headline's restatement of a body claim merged into it (README: one fact, one
    claim; a headline figure the body does not repeat stays a claim of its own)."""
    heads = headline_lines(text)
    if not heads:
        return exp
    in_head = [any(_norm(e["sentence"]) in _norm(h) for h in heads) for e in exp]
    body = [e for e, h in zip(exp, in_head, strict=True) if not h]
    return [e for e, h in zip(exp, in_head, strict=True) if not h or not any(_restates(e, b) for b in body)]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _printed_numbers(figure: str) -> list[float]:
    """The numbers a printed figure can stand for: "$12,9 billion" -> 12.9 and 129 (and the thousands reading)."""
    out: list[float] = []
    for tok in _NUMBER.findall(figure):
        for cand in (tok.replace(",", ""), tok.replace(",", ".") if tok.count(",") == 1 and "." not in tok else None):
            try:
                out.append(float(cand)) if cand else None
            except ValueError:
                continue
    return out


def is_world_total_not_claim(p: Pred, ann: dict[str, Any]) -> bool:
    """A predicted claim about a country's trade with the whole world (reporter or partner ``WLD``) whose figure is
    annotated as a not-claim: the README's convention leaves world totals out of the corpus, while the checker
    reads and verifies them on purpose. Such a prediction is neither right nor wrong for precision and recall (it is
    still counted in false flags and the unresolved share). Its value must be one of the not-claims' numbers at
    some scale (levels) or the number itself (rates), so a bilateral figure misread as a world total stays an error."""
    if "WLD" not in (p.reporter, p.partner) or p.value is None:
        return False
    for n in ann.get("not_claims", []):
        if n not in p.quote:
            continue
        for x in _printed_numbers(n):
            if p.kind in ("growth", "share"):
                if abs(abs(p.value) - x) <= PCT_TOL + 1e-9:
                    return True
            elif any(abs(abs(p.value) - x * sc) <= REL_TOL * abs(p.value) for sc in (1.0, 1e3, 1e6, 1e9, 1e12)):
                return True
    return False


def full_matches(text: str | None, preds: list[Pred], exp: list[dict[str, Any]]) -> dict[int, int]:
    """Prediction index -> expected index for each prediction that matches an expected claim in full (the same
    sentence, kind, slots and value), each expected claim taken once, in the predictions' order."""
    taken: set[int] = set()
    match_of: dict[int, int] = {}
    for pi, p in enumerate(preds):
        for ei, e in enumerate(exp):
            if ei in taken or e["kind"] != p.kind or not same_sentence(text, p.quote, e["sentence"]):
                continue
            if not _slot_diff(p, e) and value_matches(p, e):
                taken.add(ei)
                match_of[pi] = ei
                break
    return match_of


def closest_slot_diff(text: str | None, p: Pred, exp: list[dict[str, Any]], taken: set[int]) -> list[str] | None:
    """The slots in which a prediction differs from the closest expected claim not yet taken that has its sentence
    and value (a growth rate or share is compared with rates and shares only); None when no expected claim has."""
    best: list[str] | None = None
    for ei, e in enumerate(exp):
        if ei in taken or not same_sentence(text, p.quote, e["sentence"]):
            continue
        if (p.kind in ("growth", "share")) != (e["kind"] in ("growth", "share")) and p.kind != e["kind"]:
            continue
        if not value_matches(p, e):
            continue
        diff = _slot_diff(p, e)
        if best is None or len(diff) < len(best):
            best = diff
    return best


def score_article(text: str | None, ann: dict[str, Any], result: dict[str, Any],
                  counts: dict[str, Any] | None = None, log: list[str] | None = None) -> dict[str, Any]:
    """Add one article's prediction (the ``check --json`` dict) against its annotation to ``counts``."""
    counts = counts if counts is not None else empty_counts()
    counts["articles"] += 1
    exp = merge_headline_claims(text, list(ann["claims"]))
    raw_claims = result.get("claims") or []
    counts["claims_predicted"] += len(raw_claims)
    counts["claims_unresolved"] += sum(1 for c in raw_claims if c.get("status") == "unresolved")
    preds = [p for p in predictions(result) if p.status != "unresolved"]
    for e in exp:
        counts["expected"][e["kind"]] += 1
    for p in preds:
        counts["predicted"][p.kind] += 1

    match_of = full_matches(text, preds, exp)  # pred index -> expected index
    taken = set(match_of.values())
    for pi, ei in match_of.items():
        p, e = preds[pi], exp[ei]
        counts["matched"][p.kind] += 1
        if p.kind in ("level", "change") and _bound_class(p.qualifier) != _bound_class(e["qualifier"]):
            counts["slot_errors"]["qualifier"] += 1
    # a world total annotated as a not-claim is left out of precision (README: world totals are not claims)
    unscored = {pi for pi, p in enumerate(preds) if pi not in match_of and is_world_total_not_claim(p, ann)}
    for pi in unscored:
        counts["predicted"][preds[pi].kind] -= 1
    counts["world_totals_unscored"] += len(unscored)
    # slot errors: unmatched predictions that agree with an unmatched expected claim on sentence and value
    for pi, p in enumerate(preds):
        if pi in match_of or pi in unscored:
            continue
        best = closest_slot_diff(text, p, exp, taken)
        if best:
            for slot in best:
                counts["slot_errors"][slot] += 1
            if log is not None:
                log.append(f"  slot error {best}: {p.kind} {p.reporter}-{p.partner} {p.flow} {p.period} "
                           f"{p.value} in {p.quote[:90]!r}")
        elif log is not None:
            log.append(f"  extra: {p.kind} {p.reporter}-{p.partner} {p.flow} {p.period} {p.value} "
                       f"[{p.status}] in {p.quote[:90]!r}")
        if text is not None and any(n in p.quote or (n in text and _norm(n) in _norm(p.quote))
                                    for n in ann.get("not_claims", [])):
            counts["not_claims_extracted"] += 1
    if log is not None:
        for ei, e in enumerate(exp):
            if ei not in taken:
                log.append(f"  missed: {e['kind']} {e['reporter']}-{e['partner']} {e['flow']} {e['period']} "
                           f"{e['figure']!r} in {e['sentence'][:80]!r}")

    # verdicts on matched, checkable claims: a status belongs to a predicted claim, so a claim split into a
    # level and a growth rate is judged once (it should be flagged when any of its matched parts should be).
    # A claim's status says whether the article quotes its own source correctly; a mirror gap (the other
    # reporter's figure differs) is a finding beside the claim: an expected ``mirror_gap`` flag on a correct
    # figure is caught by a flagging mirror_gap finding about the claim, and its status must stay unflagged.
    flagged_expected = [ei for ei, e in enumerate(exp) if (not e["correct"]) or e["expect_flag"]]
    status_flag = {ei for ei in flagged_expected if (not exp[ei]["correct"]) or exp[ei]["expect_flag"] != "mirror_gap"}
    mirror_flag = set(flagged_expected) - status_flag
    gapped = mirror_gapped(result)
    judged: dict[str, list[int]] = {}
    for pi in match_of:
        judged.setdefault(preds[pi].cid, []).append(pi)
    for pis in judged.values():
        p = preds[pis[0]]
        if p.status in UNCHECKABLE or not p.status:
            continue
        should_flag = any(match_of[pi] in status_flag for pi in pis)
        should_gap = any(match_of[pi] in mirror_flag for pi in pis)
        counts["checkable"] += 1
        right = (p.status in FLAG_STATUSES) if should_flag else (p.status == "consistent")
        if should_gap and not should_flag:
            right = right and p.cid in gapped
        counts["verdict_right"] += int(right)
        if log is not None and not right:
            figs = ", ".join(repr(exp[match_of[pi]]["figure"]) for pi in pis)
            want = "a flag" if should_flag else ("consistent + a mirror_gap finding" if should_gap else "consistent")
            log.append(f"  wrong verdict {p.status!r}{' (gap found)' if p.cid in gapped else ''} (expected {want}): "
                       f"{figs} in {p.quote[:80]!r}")
    counts["flags_expected"] += len(flagged_expected)
    counts["flags_caught"] += sum(1 for pi, ei in match_of.items()
                                  if (ei in status_flag and preds[pi].status in FLAG_STATUSES)
                                  or (ei in mirror_flag and preds[pi].cid in gapped))

    # false flags, per predicted claim: flagged (by its status, or by a mirror_gap finding about it), and none
    # of its kinds matches a claim expected to be flagged that way
    by_claim: dict[str, list[int]] = {}
    for pi, p in enumerate(preds):
        by_claim.setdefault(p.cid, []).append(pi)
    false_ids = set()
    for cid, pis in by_claim.items():
        by_status = preds[pis[0]].status in FLAG_STATUSES
        by_gap = cid in gapped
        if not by_status and not by_gap:
            continue
        if by_status and not any(pi in match_of and match_of[pi] in status_flag for pi in pis):
            what = repr(preds[pis[0]].status)
        elif by_gap and not any(pi in match_of and match_of[pi] in flagged_expected for pi in pis):
            what = "mirror_gap"
        else:
            continue
        false_ids.add(cid)
        if log is not None:
            p = preds[pis[0]]
            log.append(f"  FALSE FLAG {what}: {p.reporter}-{p.partner} {p.flow} {p.period} in {p.quote[:90]!r}")
    counts["false_flags"] += len(false_ids)
    counts["false_flag_findings"] += sum(
        1 for f in result.get("findings") or []
        if f.get("status") in FLAG_STATUSES and false_ids.intersection(str(x) for x in f.get("claims") or []))
    clean_check(text, exp, preds, gapped, counts, log)
    return counts


def clean_check(text: str | None, exp: list[dict[str, Any]], preds: list[Pred], gapped: set[str],
                counts: dict[str, Any], log: list[str] | None = None) -> None:
    """The false-alarm rate where nothing is wrong: of the figures annotated correct with no expected flag, how
    many the reader is told are wrong — any prediction of the same sentence and value (whatever its slots: a
    misread correct figure flagged is still a correct figure flagged) whose status flags it or that a flagging
    mirror_gap finding is about. Counted per expected claim, so one figure flagged twice counts once. A claim
    carrying two figures ("$71.2 billion, up 11 percent") is flagged as one: when one of its figures is expected
    to be flagged, the flag is that figure's, not the other's."""
    due = {p.cid for p in preds for e in exp if (not e["correct"] or e["expect_flag"])
           and same_sentence(text, p.quote, e["sentence"]) and value_matches(p, e)}
    for e in exp:
        if not e["correct"] or e["expect_flag"]:
            continue
        counts["clean_claims"] += 1
        numeric = e["kind"] in ("growth", "share")
        hits = [p for p in preds if (p.kind in ("growth", "share")) == numeric and same_sentence(text, p.quote,
                e["sentence"]) and value_matches(p, e) and (p.status in FLAG_STATUSES or p.cid in gapped) and p.cid not in due]
        if hits:
            counts["clean_flagged"] += 1
            if log is not None:
                h = hits[0]
                log.append(f"  FLAG ON A CORRECT FIGURE {h.status!r}{' (gap)' if h.cid in gapped else ''}: "
                           f"{e['figure']!r} in {e['sentence'][:80]!r}")


def mirror_gapped(result: dict[str, Any]) -> set[str]:
    """The claims a flagging mirror_gap finding is about (its ``about_claims``; its claims if it has none)."""
    out: set[str] = set()
    for f in result.get("findings") or []:
        if f.get("rule") == "mirror_gap" and f.get("status") in FLAG_STATUSES:
            about = f.get("about_claims")
            out.update(str(x) for x in (about if about is not None else f.get("claims") or []))
    return out


def _prf(m: int, p: int, e: int) -> dict[str, float | None]:
    prec = m / p if p else None
    rec = m / e if e else None
    f1 = (2 * prec * rec / (prec + rec)) if prec and rec else (0.0 if prec is not None and rec is not None else None)
    return {"precision": prec, "recall": rec, "f1": f1, "matched": m, "predicted": p, "expected": e}


def summary(counts: dict[str, Any]) -> dict[str, Any]:
    e, p, m = counts["expected"], counts["predicted"], counts["matched"]
    return {
        "articles": counts["articles"],
        "levels": _prf(m["level"], p["level"], e["level"]),
        "growth": _prf(m["growth"], p["growth"], e["growth"]),
        "pooled": _prf(sum(m.values()), sum(p.values()), sum(e.values())),
        "slot_errors": dict(counts["slot_errors"]),
        "verdict_accuracy": (counts["verdict_right"] / counts["checkable"]) if counts["checkable"] else None,
        "checkable": counts["checkable"],
        "expected_flags_caught": f"{counts['flags_caught']}/{counts['flags_expected']}",
        "false_flags": counts["false_flags"],
        "false_flag_findings": counts["false_flag_findings"],
        "unresolved_share": (counts["claims_unresolved"] / counts["claims_predicted"])
        if counts["claims_predicted"] else None,
        "not_claims_extracted": counts["not_claims_extracted"],
        "world_totals_unscored": counts["world_totals_unscored"],
        "articles_without_text": counts["articles_without_text"],
        "crashed": list(counts["crashed"]),
        "clean_claims": counts["clean_claims"], "clean_flagged": counts["clean_flagged"],
        "clean_flags_per_100": (100.0 * counts["clean_flagged"] / counts["clean_claims"])
        if counts["clean_claims"] else None,
    }
