"""Exports and imports that add up to the pair's total just given are its parts (issue 16, the partner slot).

"In September the two countries traded 4.07 billion dollars of goods ... China's exports that month were 1.77
billion dollars, ... while its imports rose 3.2 percent to 2.3 billion dollars": the sentence names no partner for
the exports and imports, so each alone could be China's trade with the world. But the two are one country's exports
and imports of the same period, and they add up to the turnover of that country with one other just stated: its
parts. With the world they would add up to far more than the trade with one partner, so the sum settles the partner
surely — arithmetic, not the order of the words.

The rule, for each paragraph:

* the **total** is a level of turnover (flow ``T``) whose reporter, partner and period were read (the partner a
  country), and the paragraph's last level of the parts' period before them (a comparison base of another period
  may stand between);
* the **parts** are one export level and one import level of one sentence after it, of the same reporter — one of
  the total's two countries — and the total's period, whose only unread slot is the partner (none was named:
  provenance ``none``); the sentence names no country besides the total's two;
* their intervals, added, meet the total's (within one percent for rounding).

The parts then take the total's other country as their partner (provenance ``total-parts``, read at 0.85 as the
other parts of a total are). Anything else is left as it was: unresolved, never a guess.

    settle_part_sums(claims) -> ids settled
"""

from __future__ import annotations

from collections.abc import Sequence

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, Claim

#: the provenance and confidence of a partner so read (those of the other parts of a total)
HOW, CONF = "total-parts", 0.85
#: the rounding allowed between the parts' sum and the total
_SLACK = 0.01


def _interval(c: Claim) -> tuple[float, float] | None:
    if c.value_usd is None:
        return None
    lo = c.value_low if c.value_low is not None else c.value_usd
    hi = c.value_high if c.value_high is not None else c.value_usd
    return (min(lo, hi), max(lo, hi))


def _is_total(c: Claim) -> bool:
    return (c.kind == "level" and c.flow == "T" and c.value_usd is not None and c.value_usd > 0
            and not ({"reporter", "partner", "period"} & set(c.missing)) and bool(c.reporter)
            and c.partner not in (None, *lx.NO_COUNTRY) and c.reporter not in lx.NO_COUNTRY)


def _open_part(c: Claim, total: Claim) -> bool:
    """A level of exports or imports of one of the total's countries and its period, only its partner unread (none
    named)."""
    return (c.kind == "level" and c.flow in ("X", "M") and c.value_usd is not None and c.value_usd > 0
            and c.missing == ["partner"] and (c.how or {}).get("partner") == "none"
            and c.reporter in (total.reporter, total.partner) and c.period == total.period)


def _names_only(quote: str, pair: set[str]) -> bool:
    codes = {r.code for r in lx.find_countries(quote) if r.code not in ("TOPIC", "SUBJ")}
    return codes <= pair


def _adds_up(parts: Sequence[Claim], total: Claim) -> bool:
    ivs = [_interval(c) for c in parts]
    tot = _interval(total)
    if tot is None or any(iv is None for iv in ivs):
        return False
    lo = sum(iv[0] for iv in ivs if iv is not None)
    hi = sum(iv[1] for iv in ivs if iv is not None)
    return lo <= tot[1] * (1 + _SLACK) and hi >= tot[0] * (1 - _SLACK)


def settle_part_sums(claims: Sequence[Claim]) -> list[str]:
    """Give the parts of a pair's total (see module doc) the total's other country as their partner. Returns the
    ids settled (claims without ids yet: their positions, as ``@start``)."""
    out: list[str] = []
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    for i, c in enumerate(ordered):
        if c.flow != "X" or c.kind != "level":
            continue
        # the paragraph's last level of the parts' period before their sentence (a comparison base of another period
        # between them, "up from $5.59 billion a year before", does not count)
        before = [d for d in ordered[:i] if d.paragraph == c.paragraph and d.kind == "level" and d.value_usd is not None
                  and d.quote != c.quote and d.period == c.period]
        if not before or not _is_total(before[-1]):
            continue
        total = before[-1]
        same = [d for d in ordered if d.paragraph == c.paragraph and d.quote == c.quote and d.kind == "level"
                and d.value_usd is not None]
        imports = [d for d in same if d.flow == "M"]
        exports = [d for d in same if d.flow == "X"]
        if len(imports) != 1 or len(exports) != 1 or len(same) != 2:
            continue
        parts = [c, imports[0]]
        if not all(_open_part(d, total) for d in parts) or c.reporter != imports[0].reporter:
            continue
        pair = {str(total.reporter), str(total.partner)}
        if not _names_only(c.quote, pair) or not _adds_up(parts, total):
            continue
        other = total.partner if c.reporter == total.reporter else total.reporter
        for d in parts:
            d.partner = other
            d.slots["partner"] = CONF
            d.how["partner"] = HOW
            d.missing = [k for k, v in d.slots.items() if v < RESOLVED]
            out.append(d.id or f"@{d.start}")
    return out
