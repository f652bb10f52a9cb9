"""Which findings an article's reading may raise (:mod:`mirrortrade.claims.verify` runs the rules, then these).

A finding that would mark a figure wrong is held back when it rests on a claim not read surely enough
(:func:`may_raise`), when the article's own rounding or cutting of a figure explains it (:func:`truncation_explains`),
when it is only a rate printed "almost N" against exact rates (:func:`near_rate_conflict`), when a Chinese rate is
the one computed in yuan beside levels in dollars (:func:`yuan_rate_explains`), or when one publication
of the same statistic fits the claim (:func:`one_publication_fits`); a conflict with a stored figure revised since the
article was written is said so (:func:`revised_since`), and a part-year figure is never implausible against a
whole-year GDP (:func:`part_year_not_implausible`).
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks.intervals import implied_growth_pct
from mirrortrade.claims.extract import Claim
from mirrortrade.claims.fx import yuan_move
from mirrortrade.claims.neighbours import FLAGS
from mirrortrade.claims.whose import NEIGHBOUR, SETTLED_UNNAMED


def may_raise(f: dict[str, Any], by_id: dict[str, Claim], restated: dict[str, list[str]],
              article_ids: AbstractSet[str] = frozenset()) -> bool:
    """A finding that marks figures wrong is raised only if every claim it rests on was read surely enough
    (:data:`~mirrortrade.claims.claim.FLAGGABLE`): one misread claim is enough to make the whole finding an
    artefact of the reading, not of the article.

    A mirror gap says two statistics differ, not that the article misquotes one. A claim that restates a figure
    already in the store from the same statistics (same reporter, partner, flow, period and source, the number
    within its rounding: ``restated``) stands for that stored figure, so a gap between it and the other side's is a
    gap between two stored figures however surely the claim's reporter was read: it may carry the finding — when
    every claim of the finding stands for a stored figure so, never beside a claim read afresh (whose misreading
    the less sure reading would then no longer hold back)."""
    if f["status"] not in FLAGS:
        return True
    ids = [cid for cid in f["claims"] if cid in by_id]
    if only_the_readings(f, by_id, article_ids) and not all(by_id[cid].confidence >= 1.0 for cid in ids):
        return False
    if all(by_id[cid].flaggable for cid in ids):
        return True
    # a figure whose statistics the text names only by an agency of either side (or names after it) stands for the
    # stored figure it matches, but nothing says the article quotes that side: no gap is raised on it
    return f["rule"] == "mirror_gap" and all(cid in restated and by_id[cid].how.get("reporter") not in (SETTLED_UNNAMED, NEIGHBOUR)
                                             for cid in ids)


#: the rule that holds two statements of one statistic to each other (the same figure twice): between two of the
#: article's own readings a miss says one of them was misread unless both were read surely (as
#: :mod:`mirrortrade.claims.collisions` decides for two overlapping readings). The identities of different flows (a
#: sum, a balance, three rates) are left to the flaggable rule: a published total that misses its own parts is the
#: article's arithmetic however its parts' partner or period were carried, and a mirror gap or a share of GDP
#: compares different statistics, which an article may rightly state apart.
_ARITHMETIC = frozenset({"source_conflict"})


def only_the_readings(f: dict[str, Any], by_id: dict[str, Claim], article_ids: AbstractSet[str] = frozenset()) -> bool:
    """Whether a finding compares only this article's readings of one statistic with each other (the cascade of
    issue 16: two claims of one article that disagree), no stored figure: then nothing outside the reading vouches for
    either, and a flag needs both read with full confidence — one slot read less surely (a partner carried from the
    paragraph, a period from the article's data year) and the disagreement is likelier the reader's than the
    article's. ``article_ids``: the article's figure ids (its claims and stated GDP figures)."""
    if f.get("rule") not in _ARITHMETIC:
        return False
    figs = (f.get("evidence") or {}).get("figure_ids") or f.get("claims") or []
    mine = set(by_id) | set(article_ids)
    return bool(figs) and all(str(i) in mine for i in figs)


def _cut_interval(ev: dict[str, Any], by_id: dict[str, Claim], *, whole: bool = False) -> tuple[float, float] | None:
    """A figure's interval from a finding's evidence, widened for truncation when it is a claim of this article
    printed with decimals, or with ``whole`` in whole units too (:func:`~mirrortrade.claims.internal.cut_interval`);
    a stored figure is rounded."""
    from mirrortrade.claims.internal import cut_interval

    iv = ev.get("interval")
    if not iv or len(iv) != 2 or iv[0] is None or iv[1] is None:
        return None
    lo, hi = float(iv[0]), float(iv[1])
    ids = ev.get("figure_ids") or []
    claims = [by_id[i] for i in ids if i in by_id]
    if len(claims) == 1 and len(ids) == 1:
        return cut_interval((lo, hi), claims[0], whole=whole)
    return lo, hi


def truncation_explains(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """A conflict that disappears once the article's printed figures may be cut rather than rounded is no
    conflict: the press truncates as often as it rounds. So in the rules that compare what the article printed
    with arithmetic: a sum ("$2.19 billion" for $699.3 million + $1,496.2 million), a growth rate against its
    two levels ("1.9%" for +1.96%). (Two publications of one statistic: see :func:`_truncated`.)"""
    if f["status"] != "conflict":
        return False
    ev = f.get("evidence") or {}
    if f["rule"] == "growth_consistency":
        return _growth_cut_fits(ev, by_id)
    if f["rule"] != "sum_consistency":
        return False
    parts, total = ev.get("parts"), ev.get("total")
    if not parts or not isinstance(total, dict):
        return False
    ivs = [_cut_interval(p, by_id) for p in parts if isinstance(p, dict)]
    # the total may be given in whole units cut from the parts' sum ("touched $125 billion" for $125.66 billion)
    tiv = _cut_interval(total, by_id, whole=True)
    if tiv is None or len(ivs) != len(parts) or any(iv is None for iv in ivs):
        return False
    lo = sum(iv[0] for iv in ivs)  # type: ignore[index]
    hi = sum(iv[1] for iv in ivs)  # type: ignore[index]
    return overlaps(lo, hi, *tiv)


def _growth_cut_fits(ev: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """A growth rate printed with decimals by the article ("1.9%") may be cut toward zero ([1.9, 2.0) for a
    rise, (−5.7, −5.6] for a fall); its levels may be cut too. Does the rate then fit its two levels?"""
    pub, cur, prev = ev.get("published"), ev.get("current"), ev.get("previous")
    if not (isinstance(pub, list | tuple) and len(pub) == 2 and isinstance(cur, dict) and isinstance(prev, dict)):
        return False
    civ, piv = _cut_interval(cur, by_id), _cut_interval(prev, by_id)
    if civ is None or piv is None or not piv[0] > 0:
        return False
    glo, ghi = float(pub[0]), float(pub[1])
    width = ghi - glo
    if not (0 < width < 1) or not any(i in by_id for i in cur.get("figure_ids") or []):
        return False  # a rate printed without decimals ("18%") is taken as rounded, as levels are
    if (glo + ghi) / 2 >= 0:
        ghi += width / 2
    else:
        glo -= width / 2
    lo, hi = implied_growth_pct(piv, civ)
    return overlaps(lo, hi, glo, ghi)


def near_rate_conflict(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """A growth conflict about a rate said to fall just short of, or just pass, a round number ("jumped by almost 30
    percent" for 27.3): a journalist's approximation, not a rounding the levels can be held to (its reading is not
    centred on the number printed). The conflict is dropped: the rate is left unverified by its levels, never
    flagged. So is a conflict of several rates checked together (a turnover's and its two parts') when one of them
    is such an approximation."""
    if f.get("rule") != "growth_consistency" or f.get("status") != "conflict" or not f.get("claims"):
        return False
    return any(_approximate_rate(by_id.get(cid)) for cid in f["claims"])


def _approximate_rate(c: Claim | None) -> bool:
    """A growth rate read as an interval not centred on the number printed ("almost 30 percent")."""
    if c is None or c.growth_pct is None or c.growth_low is None or c.growth_high is None:
        return False
    return math.isfinite(c.growth_high - c.growth_low) and abs((c.growth_low + c.growth_high) / 2 - c.growth_pct) > 1e-9


def yuan_rate_explains(f: dict[str, Any], by_id: dict[str, Claim]) -> bool:
    """A Chinese growth rate the article prints beside dollar levels may be the one China's customs computed in yuan
    (they publish each rate in both currencies, and the press quotes either): "rose 36% in 2023 to $41 billion"
    against 2022's $31.2 billion is the yuan rate, the dollar levels allowing +29.6% to +33.2%. The yuan rate is the
    dollar rate moved by how far the yuan's average rate to the dollar moved from the year before to the period
    (:mod:`mirrortrade.claims.fx`; 2023 against 2022: 7.08 against 6.73 yuan per dollar, +5.2%), in that direction
    only, with no margin: a rate between the two bases is neither (Turkmenistan's 2023 trade with China: −5.1% in
    dollars, about −0.2% in yuan; a printed −2.5% is wrong in both; China–Russia 2017: +20.8% in dollars, a printed
    +22.8% short of the yuan rate). The customs convert at their own rates, which can move a year's ratio by about a
    point from the ECB means' (their totals: 2022 +3.2% against the means' +4.4%, 2017 +2.5% against +1.7%): a yuan
    rate that far off the estimate stays flagged, as before; the allowance removes only flags it is sure of. A
    conflict of one rate the article prints about China's statistics with its two levels (``growth_consistency``
    against a base) that the yuan rate explains is no conflict; a rate the levels rule out in yuan as in dollars
    stays flagged."""
    if f.get("rule") != "growth_consistency" or f.get("status") != "conflict" or not f.get("claims"):
        return False
    ev, about = f.get("evidence") or {}, f.get("about") or {}
    if not str(ev.get("key", "")).startswith("level:") or about.get("reporter") != "CHN":
        return False
    c = by_id.get(f["claims"][0])
    if c is None or c.growth_pct is None or c.reporter != "CHN" or c.period != about.get("period"):
        return False  # the rate is not one this article prints about China's own statistics
    computed, published = ev.get("computed"), ev.get("published")
    if not (isinstance(computed, list | tuple) and isinstance(published, list | tuple)
            and len(computed) == len(published) == 2 and None not in (*computed, *published)):
        return False
    move = yuan_move(str(c.period))
    if move is None:
        return False  # no rates for the period: the basis cannot be bounded, the conflict stands
    ylo = 100 * ((1 + float(computed[0]) / 100) * move - 1)
    yhi = 100 * ((1 + float(computed[1]) / 100) * move - 1)
    return overlaps(ylo, yhi, float(published[0]), float(published[1]))


def one_publication_fits(findings: list[dict[str, Any]], own: AbstractSet[str] = frozenset()) -> list[dict[str, Any]]:
    """A growth rate checked against several publications of its base year (a first release and a revision,
    two outlets' roundings) is consistent when it fits one of them: the article may have computed it from
    the other. Its conflicts with the rest are dropped."""
    fits = {tuple(f["claims"]) for f in findings if f["rule"] == "growth_consistency" and f["status"] == "consistent"}
    out = [f for f in findings if not (f["rule"] == "growth_consistency" and f["status"] == "conflict"
                                       and tuple(f["claims"]) in fits)]
    # likewise a level that restates one stored publication of its statistic quotes its source correctly; that
    # another publication prints the statistic otherwise is the store's own source_conflict, a note here
    # (``own``: stored figures of this very article, which say nothing about its source)
    matched = {f["claims"][0]: [i for i in f["evidence"]["figure_ids"] if i not in own]
               for f in out if f["rule"] == "store_match"}
    matched = {c: ids for c, ids in matched.items() if ids}
    for f in out:
        if f["rule"] == "source_conflict" and f["status"] == "conflict" and set(f["claims"]) <= set(matched):
            f["status"], f["severity"] = "notable", "low"
            same = ", ".join(i for c in f["claims"] for i in matched[c])
            f["message"] += (f" The article's figure matches another publication of the same statistic ({same}): "
                             "the publications disagree, not the article with its source.")
    return out


def store_dates(store_obs: pd.DataFrame) -> dict[str, date]:
    """Stored figure id -> the day it was published (its publication date, else its vintage)."""
    out: dict[str, date] = {}
    if store_obs is None or store_obs.empty:
        return out
    for fid, pub, vin in zip(store_obs["figure_id"], store_obs["pub_date"], store_obs["vintage"], strict=True):
        for x in (pub, vin):
            try:
                d = pd.Timestamp(x).date() if str(x).strip() else None
            except (ValueError, TypeError):
                d = None
            if d is not None:
                out[str(fid)] = d
                break
    return out


def revised_since(f: dict[str, Any], dates: dict[str, date], when: date | None) -> None:
    """An article's figure that differs from the same statistics' figure published only after the article was
    written is most likely the first release, revised since: worth a note (``notable``), not an error."""
    if when is None or f["rule"] != "source_conflict" or f["status"] != "conflict":
        return
    stored = [dates[i] for i in (f.get("evidence") or {}).get("figure_ids", []) if i in dates]
    if stored and all(d > when for d in stored) and revision_sized(f.get("evidence") or {}):
        f["status"], f["severity"] = "notable", "low"
        f["message"] += (f" The stored figure dates from after the article ({when.isoformat()}; its publication, "
                         "else its retrieval): a revision since is likely, not an error of the article.")


#: the largest difference between a first release and its revision taken as a revision (relative to the larger
#: figure): trade agencies revise a total by a few percent at most; a figure half again the stored one is no
#: earlier vintage of it but a different number
REVISION_LIMIT = 0.10


def revision_sized(ev: dict[str, Any]) -> bool:
    """Could the two figures of a source conflict be one statistic's first release and its revision?"""
    figs = ev.get("figures") or []
    ivs = [f.get("interval") for f in figs if isinstance(f, dict)]
    if len(ivs) != 2 or any(not iv or None in iv for iv in ivs):
        return True  # nothing to measure: the dates decide, as before
    (alo, ahi), (blo, bhi) = ([float(x) for x in iv] for iv in ivs)  # type: ignore[union-attr]
    apart = max(blo - ahi, alo - bhi, 0.0)
    return apart <= REVISION_LIMIT * max(abs(ahi), abs(bhi), 1.0)


def part_year_not_implausible(f: dict[str, Any]) -> None:
    """A part-year figure set against a year's GDP is annualised, and an annualised figure is an estimate
    (seasons, one-off shipments): far above GDP it is worth a look (``notable``), never an error."""
    if f["rule"] == "exceeds_gdp" and f["status"] == "implausible" and (f.get("evidence") or {}).get("annualised"):
        f["status"], f["severity"] = "notable", "medium"

def same_number(c: Any, f: Any) -> bool:
    """Two rows (a claim's and a stored figure's, with ``value_usd`` and ``precision_usd``) print the same number
    (within the coarser precision), not merely overlapping bounds."""
    prec = max(float(c.precision_usd or 0.0), float(f.precision_usd or 0.0), 1.0)
    return abs(float(c.value_usd) - float(f.value_usd)) < prec / 2 + 1e-6 * abs(float(f.value_usd))


def overlaps(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    return a_lo <= b_hi and b_lo <= a_hi
