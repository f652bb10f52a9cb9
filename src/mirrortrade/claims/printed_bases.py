"""A growth rate that is the ratio of two levels its sentence prints (issue 16: "a growth derived from two levels").

"From 2021 to 2024, China's exports to Kazakhstan increased from 8.2 billion USD to 15.3 billion USD, an increase
of 86%"; "trade expanded from 312.04 billion yuan in 2013 to 674.15 billion yuan in 2024, an increase of 116
percent": the rate is the article's own arithmetic on the two levels beside it (15.3 / 8.2 is +86.6%), whatever
years they are of. Its base is the earlier level, not the year before the rate's period: a rate over three years
set against the store's previous year (+86% against 2023's $15.4 billion) flags a correct figure.

So when a rate fits the ratio of its level to another level of the same statistic printed in its sentence, that
level is its base: the rate takes the base's period (:func:`attach_printed_bases`, before the rules run), so a base
that is not the year before leaves the rate out of the year-on-year check, and a finding on the rate rests on the
base's reading too (:func:`rests_on_bases`): a base read unsurely (its period misread as the year before) keeps
it from flagging the rate, the whole comparison being the reader's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from mirrortrade.checks.intervals import implied_growth_pct
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import year_before
from mirrortrade.claims.internal import cut_interval
from mirrortrade.claims.neighbours import FLAGS
from mirrortrade.model import Period


def _rate_interval(c: Claim) -> tuple[float, float] | None:
    g = c.growth_pct
    if g is None or not math.isfinite(g):
        return None
    if c.growth_low is not None and c.growth_high is not None and math.isfinite(c.growth_high - c.growth_low) \
            and c.growth_high > c.growth_low:
        lo, hi = float(c.growth_low), float(c.growth_high)
    else:
        half = 0.5 if float(g).is_integer() else 0.05
        lo, hi = g - half, g + half
    return lo, hi


def _start(period: str | None) -> Any:
    try:
        return Period.parse(str(period)).start
    except Exception:  # noqa: BLE001 - an unreadable period is nobody's base
        return None


def printed_base(c: Claim, claims: Sequence[Claim]) -> Claim | None:
    """The level of ``c``'s sentence, of the same statistic and an earlier period, whose ratio to ``c``'s level its
    growth rate is; None when there is none (or more than one)."""
    g = _rate_interval(c)
    if c.kind != "level" or g is None or c.interval is None or _start(c.period) is None:
        return None
    parties = {c.reporter, c.partner}
    hits = []
    for o in claims:
        if o is c or o.kind != "level" or o.interval is None or o.flow != c.flow:
            continue
        if o.quote.strip() != c.quote.strip() or {o.reporter, o.partner} != parties:
            continue
        os_, cs_ = _start(o.period), _start(c.period)
        if os_ is None or os_ >= cs_ or not cut_interval(o.interval, o)[0] > 0:
            continue
        lo, hi = implied_growth_pct(cut_interval(o.interval, o), cut_interval(c.interval, c))
        if lo <= g[1] and g[0] <= hi:
            hits.append(o)
    return hits[0] if len(hits) == 1 else None


def attach_printed_bases(levels: Sequence[Claim], rates: Sequence[Claim]) -> dict[str, str]:
    """Give each of ``rates`` read as year-on-year whose sentence prints its base (one of ``levels``, the article's
    levels however surely read) that level's period; returns rate claim id -> base claim id."""
    out: dict[str, str] = {}
    for c in rates:
        if c.growth_pct is None or c.growth_base not in (None, year_before(str(c.period))):
            continue
        o = printed_base(c, levels)
        if o is not None:
            out[c.id] = o.id
            c.growth_base = o.period
    return out


def rests_on_bases(findings: list[dict[str, Any]], bases: dict[str, str], claims: Sequence[Claim]
                   ) -> list[dict[str, Any]]:
    """A growth check of a rate whose base its sentence prints rests on that base's reading too: the base is named
    among its claims, and a flag on the rate needs the base read surely enough to flag (an unresolved or unsure
    base drops it)."""
    by_id = {c.id: c for c in claims}
    out = []
    for f in findings:
        base = bases.get(f["claims"][0]) if f.get("rule") == "growth_consistency" and f.get("claims") else None
        if base is not None:
            b = by_id.get(base)
            if f["status"] in FLAGS and (b is None or b.missing or not b.flaggable):
                continue
            if base not in f["claims"]:
                f["claims"] = [*f["claims"], base]
        out.append(f)
    return out
