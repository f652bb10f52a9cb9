"""A rate printed with a level the store holds, held to the rate the store holds with that level (``rate_conflict``).

"China's exports to the region grew 17% to US$71.2 billion" restates China's customs' $71.2 billion of 2025, which
the customs published with +11.0%: one figure of one statistics comes with one year-on-year rate, so a rate that
neither rounding, cutting, the currency the rate was computed in, nor a revision brings to the stored one is
misquoted — the conflict is the rate's, the level is right.

What may separate two honest statements of the rate:

* rounding and cutting: each rate is an interval of its printed digits, widened by a further half unit for a rate
  cut rather than rounded ("1.9%" for +1.96%);
* a revision: :data:`REVISION_PP` percentage points (the store's two releases of China's 2023 trade with Kazakhstan
  say +32.0% and +32.2%; with Tajikistan +54.0% and +53.5%);
* the currency: China's customs publish each rate twice, computed in yuan and in dollars, and the press quotes
  either: for a Chinese figure the allowance adds how far the yuan's average rate to the dollar moved between the
  period and the year before (:mod:`mirrortrade.claims.fx`; 2023 against 2022: the yuan fell 5.2%, so China's
  +26.3% with Russia in dollars was +32.7% in yuan).

Only a claim that restates a stored level (same reporter, partner, flow and period, the same statistics, the number
within its rounding) is held to that level's rate; a claim no stored level matches, or one whose statistics the store
holds with several rates that disagree among themselves, is left alone, and so is a rate another article of the same
batch prints (a reading, not a publication); a claim whose text names no statistics is
held to every stored publication of its number, if their rates agree. China's Ministry of Commerce publishes the
customs' figures (its releases cite "customs statistics"), so its figures are held to China's customs' rates.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import pandas as pd

from mirrortrade.checks.context import flow_phrase
from mirrortrade.claims.claim import ARTICLE_SOURCE_FALLBACK, Claim
from mirrortrade.claims.filters import same_number
from mirrortrade.claims.fx import yuan_move

RULE = "rate_conflict"
#: how far two releases of one rate may lie apart, in percentage points
REVISION_PP = 0.5
#: statistics published under another name: the Ministry of Commerce's trade figures are the customs'
SAME_STATISTICS = {"CN-MOFCOM": "CN-GACC"}


def _family(source: Any) -> str:
    s = str(source or "")
    return SAME_STATISTICS.get(s, s)


def _a_reading(f: Any) -> bool:
    """Another article's claim offered as a publication (:func:`mirrortrade.claims.batch.check_texts`): a reading,
    which vouches for no rate."""
    pub = str(getattr(f, "publisher", "") or "")
    return pub == "this article" or pub.startswith("article ")


def _rate_interval(g: float, precision: float) -> tuple[float, float]:
    """A printed rate as rounded or cut: [g − p, g + p] for a precision p (the width of its last digit)."""
    p = abs(precision) if precision and math.isfinite(precision) else 0.1
    return (g - p, g + p)


def _currency_allowance(period: str, rate: float) -> float:
    """How far a Chinese rate in yuan may lie from the same rate in dollars, in percentage points."""
    ratio = yuan_move(period)
    if ratio is None:
        return math.inf  # no rates for the period: the basis cannot be bounded, so no conflict is raised
    return abs((1.0 + rate / 100.0) * (ratio - 1.0)) * 100.0


class _Restatement(NamedTuple):
    """A claim with an exact rate that restates stored levels of its statistics carrying rates that agree."""

    claim: Claim
    row: Any  #: the claim's row of the verification frame
    same: list[Any]  #: the stored figures it restates
    gap: float  #: how far apart the two rates are beyond rounding (percentage points; <= 0: they touch)
    allow: float  #: the allowance for a revision and, for China's figures, the currency the rate is computed in
    published: tuple[float, float]  #: the article's rate as an interval
    stored: tuple[float, float]  #: the stored rates' hull


def _restatements(claims: list[Claim], claim_rows: pd.DataFrame, store_obs: pd.DataFrame) -> list[_Restatement]:
    """Each claim with an exact rate that restates stored levels of its statistics carrying rates that agree among
    themselves (see :class:`_Restatement`)."""
    if claim_rows is None or claim_rows.empty or store_obs is None or store_obs.empty:
        return []
    by_id = {c.id: c for c in claims}
    stored = store_obs[store_obs["growth_pct"].notna()] if "growth_pct" in store_obs.columns else store_obs.iloc[0:0]
    if stored.empty:
        return []
    index: dict[tuple[Any, ...], list[Any]] = {}
    for f in stored.itertuples():
        if str(getattr(f, "product", "TOTAL") or "TOTAL") != "TOTAL" or _a_reading(f):
            continue
        index.setdefault((f.reporter, f.partner, f.flow, f.period, _family(f.source_id)), []).append(f)
    out: list[_Restatement] = []
    for row in claim_rows.itertuples():
        c = by_id.get(row.figure_id)
        if c is None or row.growth_pct is None or pd.isna(row.growth_pct) or row.qualifier != "exact" \
                or c.growth_low is None or c.growth_high is None or abs((c.growth_low + c.growth_high) / 2 - c.growth_pct) > 1e-9:
            continue  # no rate, a level that is a bound, or an approximate rate ("almost 30 percent")
        key = (row.reporter, row.partner, row.flow, row.period)
        fams = [_family(row.source_id)] if row.source_id != ARTICLE_SOURCE_FALLBACK else sorted({k[4] for k in index if k[:4] == key})
        same = [f for fam in fams for f in index.get((*key, fam), []) if same_number(row, f)]
        if not same:
            continue
        values = [float(f.growth_pct) for f in same]
        if max(values) - min(values) > 2 * REVISION_PP:
            continue  # the store's own publications of the rate disagree: nothing to hold the article to
        rates = [_rate_interval(float(f.growth_pct), float(f.growth_precision or 0.0)) for f in same]
        lo_s, hi_s = min(r[0] for r in rates), max(r[1] for r in rates)
        g = float(row.growth_pct)
        allow = REVISION_PP + (_currency_allowance(str(row.period), g) if row.reporter == "CHN" else 0.0)
        lo_c, hi_c = _rate_interval(g, float(row.growth_precision or 0.0))
        out.append(_Restatement(c, row, same, max(lo_s - hi_c, lo_c - hi_s), allow, (lo_c, hi_c), (lo_s, hi_s)))
    return out


def rates_restated(claims: list[Claim], claim_rows: pd.DataFrame, store_obs: pd.DataFrame) -> set[str]:
    """The claims whose level restates a stored figure of their statistics and whose rate restates that figure's
    rate (within rounding and a revision, no currency allowance): quoted correctly in both. An identity of several
    rates that fails ("turnover down 17.2%, exports down 29.4%, imports down 13.2%") has its error among the others."""
    return {r.claim.id for r in _restatements(claims, claim_rows, store_obs) if r.gap <= REVISION_PP}


def rates_vs_restated(claims: list[Claim], claim_rows: pd.DataFrame, store_obs: pd.DataFrame) -> list[dict[str, Any]]:
    """One ``rate_conflict`` finding for each claim whose rate the stored rate of the level it restates rules out
    (see the module doc); nothing for the rest."""
    out: list[dict[str, Any]] = []
    for c, row, same, gap, allow, published, stored in _restatements(claims, claim_rows, store_obs):
        if not math.isfinite(allow) or gap <= allow:
            continue
        g = float(row.growth_pct)
        f0 = same[0]
        what = f"{flow_phrase(row.reporter, row.partner, row.flow)} in {row.period}"
        out.append({
            "rule": RULE, "severity": "medium", "status": "conflict", "claims": [c.id],
            "message": (f"{what}: the article prints {g:+g}% with {c.text or 'the level'}, the figure "
                        f"{f0.figure_id} of the same statistics ({f0.source_id}, “{f0.title}”) that comes with "
                        f"{float(f0.growth_pct):+g}%: {gap:.1f} percentage points apart beyond rounding, more than a "
                        f"revision ({REVISION_PP} points) and the currency the rate may be computed in allow "
                        f"({allow - REVISION_PP:.1f} points)."),
            "evidence": {"published": list(published), "stored": list(stored), "allowance_pp": allow,
                         "figure_ids": [f.figure_id for f in same]},
            "about": {"reporter": row.reporter, "partner": row.partner, "flow": row.flow, "period": row.period},
        })
    return out
