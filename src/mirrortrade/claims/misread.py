"""Findings that compare a misreading (issue 16: "nearly every false flag came from the checker comparing its own
misread claims with each other or with the store"). After the misreading gate
(:mod:`mirrortrade.claims.neighbours`), which asks whether the number is a neighbouring statistic's known figure,
three structural tests ask whether a flag rests on a reading the article itself contradicts:

- ``sentence``: the claim's number conflicts with the stored figure of its statistic, while another number *of the
  same sentence* is that stored figure ("Of this, $1.9 billion were exports, and the remaining $4.7 billion
  imports", the $4.7bn read as the exports stored at $1.9bn). The article printed the right figure for the
  statistic right there: the reader tied the wrong number to it, the article did not misquote.
- ``own``: the claim's number conflicts only with this very article's stored copy (a reading of the same text by
  another hand). Two readings of one text that differ say one of them is misread, nothing about the article.
- ``order``: a total that does not add up, below one of its own parts alone (a turnover under its imports, a
  region's total under one of its countries'), or a part above its total: no slip of a digit in the sum makes a
  total smaller than a part, a number tied to the wrong statistic (a part or another partner's figure read as
  the total) does. The claim out of order is set aside.
- ``future``: the claim's period had not ended when the article was published (a figure read as 2025's in an
  article of July 2024): no published statistic it could misquote; a forecast, a target or a misread period.
- ``sign``: a stated balance that does not equal exports − imports, but does with the other sign ("leaving India
  with a deficit of $76 billion" from China's side is China's surplus of $76 billion): whose deficit it is was
  misread, not the number.

Each sets the claim aside as ``unresolved`` with the reason, like the gate: the flagging findings that rest on it
are dropped and it is struck from the others. :func:`set_aside` is the entry point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks.finding import money
from mirrortrade.checks.intervals import intersect
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.neighbours import FLAGS, printed_interval, rounding, without_claims
from mirrortrade.model import Period

#: the slots a number is tied to a statistic by, in the order a misreading is named when all are read as surely
_TIES = ("flow", "partner", "period", "reporter")


def _stored_intervals(store_obs: pd.DataFrame | None) -> dict[str, tuple[float, float]]:
    """Stored figure id -> its rounding interval."""
    if store_obs is None or store_obs.empty:
        return {}
    val, half = rounding(store_obs)
    return {str(f): (v - h, v + h) for f, v, h in zip(store_obs["figure_id"], val, half, strict=True)}


def _weakest_tie(c: Claim) -> str:
    """The slot tying the number to its statistic that was read least surely."""
    return min(_TIES, key=lambda s: (c.slots.get(s, 1.0), _TIES.index(s)))


def _store_conflicts(f: dict[str, Any], claim_ids: AbstractSet[str], stored: dict[str, tuple[float, float]]
                     ) -> tuple[str, list[str]] | None:
    """A flagging source_conflict between one claim and stored figures: (the claim id, the stored figure ids)."""
    if f["rule"] != "source_conflict" or f["status"] not in FLAGS:
        return None
    ids = [str(i) for i in (f.get("evidence") or {}).get("figure_ids") or []]
    mine = [i for i in ids if i in claim_ids]
    others = [i for i in ids if i not in claim_ids]
    if len(mine) != 1 or not others or any(i not in stored for i in others):
        return None
    return mine[0], others


def _sentence_rival(c: Claim, fids: list[str], siblings: Sequence[Claim],
                    stored: dict[str, tuple[float, float]]) -> str | None:
    for o in siblings:
        if o.id == c.id or o.quote.strip() != c.quote.strip() or o.start == c.start:
            continue
        iv = printed_interval(o)
        if iv is None:
            continue
        for fid in fids:
            if intersect(iv, stored[fid]) is not None:
                return (f"{c.text or money(c.value_usd)} does not match the stored figure of the statistic it was read "
                        f"as ({money(sum(stored[fid]) / 2)}), but {o.text or money(o.value_usd)} in the same sentence "
                        f"({o.id}) does: the numbers may be tied to the wrong statistics; the "
                        f"{_weakest_tie(c)} may be misread")
    return None


def _sign_flipped(f: dict[str, Any]) -> bool:
    """A balance_sum conflict that holds with the balance's sign turned round."""
    if f["rule"] != "balance_sum" or f["status"] not in FLAGS:
        return False
    ev = f.get("evidence") or {}
    comp, pub = ev.get("computed"), ev.get("published")
    if not (isinstance(comp, list | tuple) and isinstance(pub, list | tuple) and len(comp) == 2 and len(pub) == 2):
        return False
    if any(x is None or not math.isfinite(float(x)) for x in (*comp, *pub)):
        return False
    lo, hi = float(comp[0]), float(comp[1])
    plo, phi = float(pub[0]), float(pub[1])
    return (plo > 0 or phi < 0) and intersect((lo, hi), (-phi, -plo)) is not None


def _interval(ev: Any) -> tuple[float, float] | None:
    iv = ev.get("interval") if isinstance(ev, dict) else None
    if not iv or len(iv) != 2 or any(x is None for x in iv):
        return None
    return float(iv[0]), float(iv[1])


def _out_of_order(f: dict[str, Any], claim_ids: AbstractSet[str]) -> str | None:
    """The one claim of a flagging sum conflict that is out of order with the others: a total below one of its
    parts, or a part above its total."""
    if f["rule"] != "sum_consistency" or f["status"] not in FLAGS:
        return None
    ev = f.get("evidence") or {}
    total, parts = ev.get("total"), [p for p in ev.get("parts") or [] if isinstance(p, dict)]
    tiv = _interval(total)
    if tiv is None or not parts:
        return None
    ids = [str(i) for i in (total.get("figure_ids") or [])]  # type: ignore[union-attr]
    above = [p for p in parts if (piv := _interval(p)) is not None and piv[0] > tiv[1]]
    if not above:
        return None
    if len(ids) == 1 and ids[0] in claim_ids:
        return ids[0]
    part_ids = {str(i) for p in above for i in p.get("figure_ids") or []}
    mine = part_ids & set(claim_ids)
    return next(iter(mine)) if len(above) == 1 and len(mine) == 1 and len(part_ids) == 1 else None


def _future(c: Claim, published: date | None) -> str | None:
    """Why a claim about a period that had not ended when the article was published cannot be flagged."""
    if published is None or not c.period:
        return None
    try:
        end = Period.parse(c.period).end
    except Exception:  # noqa: BLE001 - an unreadable period: nothing to say
        return None
    if end <= published:
        return None
    return (f"{c.text or money(c.value_usd)} is read as a figure for {c.period}, which had not ended when the article "
            f"was published ({published.isoformat()}): a forecast or target, or the period may be misread")


def set_aside(findings: list[dict[str, Any]], claims: list[Claim], others: Sequence[Claim],
              store_obs: pd.DataFrame | None, own: AbstractSet[str], published: date | None = None,
              ) -> tuple[list[dict[str, Any]], dict[str, Claim]]:
    """Set aside the claims whose flag rests on a reading the article contradicts (see module doc); ``others``:
    the article's claims left unresolved (their numbers still say what the sentence printed). Returns the findings
    (the flagging ones resting on a claim set aside dropped, the claim struck from the rest) and the claims set
    aside by id."""
    by_id = {c.id: c for c in claims}
    stored = _stored_intervals(store_obs)
    every = [*claims, *others]
    why: dict[str, tuple[str, str]] = {}  # claim id -> (the reason, the slot it names as maybe misread)
    for f in findings:
        if f["status"] in FLAGS:
            for cid in f["claims"]:
                if cid in by_id and cid not in why and (reason := _future(by_id[cid], published)):
                    why[cid] = (reason, "period")
        hit = _store_conflicts(f, set(by_id), stored)
        if hit is not None:
            cid, fids = hit
            c = by_id[cid]
            if cid in why:
                continue
            if all(i in own for i in fids):
                why[cid] = (f"{c.text or money(c.value_usd)} differs from this article's own stored copy of the "
                            f"statistic ({', '.join(fids)}): two readings of one text; the {_weakest_tie(c)} may "
                            "be misread", _weakest_tie(c))
                continue
            reason = _sentence_rival(c, fids, every, stored)
            if reason:
                why[cid] = (reason, _weakest_tie(c))
        elif (cid := _out_of_order(f, set(by_id))) is not None and cid not in why:
            c = by_id[cid]
            why[cid] = (f"{c.text or money(c.value_usd)} is out of order with the figures it should add up with (a "
                        f"total below one of its parts, or a part above its total): it may be another statistic's "
                        f"number; the {_weakest_tie(c)} may be misread", _weakest_tie(c))
        elif _sign_flipped(f) and f["claims"] and f["claims"][0] in by_id and f["claims"][0] not in why:
            b = by_id[f["claims"][0]]
            why[b.id] = (f"{b.text or money(b.value_usd)} equals exports − imports with the other sign: whose "
                         "surplus or deficit it is may be misread (the reporter's side)", "reporter")
    if not why:
        return findings, {}
    aside = {cid: by_id[cid] for cid in why}
    for cid, c in aside.items():
        c.explanation, slot = why[cid]
        c.missing = [slot]
    return without_claims(findings, aside.keys()), aside
