"""The misreading gate (issue 16, "the cascade"): before a finding marks a claim wrong, ask whether a nearby
reading of the claim explains its number better than the article being wrong.

A number an article prints is tied to one statistic by the reader: a reporter, a partner, a flow and a period.
Misreadings move one of these slots to a neighbour: the other flow or the turnover of the same pair and period;
the other side's statistics (the reverse reporter); the same flow a year before or after, or a part or the
whole of the same year; another partner of the same reporter (another Central Asian state, the region, the
world); or a change read as a level. When the printed number (within its rounding, truncation allowed) *is* a
known figure of such a neighbouring statistic, stored or stated elsewhere in the article, while the claimed
statistic is not confirmed by any stored figure, the likelier story is a misreading, not an error of the
article: the claim is shown as ``unresolved`` with the neighbour named ("$29.7bn is China's imports from
Kazakhstan in 2023 in the store [CN-GACC]; the flow may be misread"), and no finding may flag on it.

:func:`misreadings` is the one entry point; it works on a frame of witnesses (:func:`witnesses`: the store's
figures, except the article's own, and the article's other level claims), vectorised per claim.

Only a one-slot move counts (two slots away, a coincidence is too likely), and the claim's own reading always
wins when a stored figure of its statistic fits it. The seed articles' real findings survive this: their
numbers ($71.3bn against $71.2bn, Tajikistan's $2.3bn against China's $3.7bn, $22bn against a GDP) are no
neighbouring statistic's figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mirrortrade.checks.context import flow_phrase
from mirrortrade.checks.finding import money
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.internal import cut_interval
from mirrortrade.model import MIRROR_FLOW, Period

_DECIMALS = re.compile(r"\d[.,]\d")
#: the slot a neighbour moves, in the order explanations are preferred (a flow misread is the commonest)
SLOT_OF = {"flow": "flow", "reporter": "reporter", "period": "period", "partner": "partner", "change": "kind"}
_WHY = {
    "flow": "the flow may be misread",
    "reporter": "the reporting side may be misread (it is the other country's figure)",
    "period": "the period may be misread",
    "partner": "the partner may be misread",
    "change": "a change may have been read as a level",
}
_COLS = ["fid", "origin", "reporter", "partner", "flow", "period", "year", "m1", "m2", "value", "lo", "hi",
         "source", "sure"]


@dataclass(frozen=True)
class Misreading:
    """Why a claim is set aside: the neighbouring statistic its number is, and the slot that moved."""

    claim_id: str
    relation: str  # flow | reporter | period | partner | change
    witness: str  # the figure id (a stored figure) or claim id that carries the number
    explanation: str

    @property
    def slot(self) -> str:
        return SLOT_OF[self.relation]


def printed_interval(c: Claim) -> tuple[float, float] | None:
    """The printed number's own interval, whatever its qualifier ("more than $22 billion" is the number 22 with
    its rounding): [v − p/2, v + p/2], and up to v + p when it was printed with decimals (it may be cut toward
    zero, as :func:`~mirrortrade.claims.internal.cut_interval` allows)."""
    if c.value_usd is None or not math.isfinite(c.value_usd):
        return None
    v, p = float(c.value_usd), float(c.precision_usd or 0.0)
    half = p / 2 if p > 0 else 1e-6 * abs(v)
    lo, hi = v - half, v + half
    if _DECIMALS.search(c.text or ""):
        lo, hi = (lo, hi + half) if v >= 0 else (lo - half, hi)
    return lo, hi


def _period_parts(periods: Iterable[object]) -> dict[str, tuple[int, int, int, str]]:
    """Each period as written -> (year, first month, last month, its one spelling: "2024-01/2024-12" is "2024")."""
    out: dict[str, tuple[int, int, int, str]] = {}
    for s in {str(x) for x in periods}:
        try:
            p = Period.parse(s)
        except Exception:  # noqa: BLE001 - a period that cannot be read is nobody's neighbour
            continue
        out[s] = (p.year, p.start_month, p.end_month, str(p))
    return out


def witnesses(store_obs: pd.DataFrame | None, claims: Sequence[Claim], own: set[str] = frozenset()) -> pd.DataFrame:
    """The figures a number may be recognised in: stored totals (except ``own``, the article's own stored copy,
    which would only repeat the reading under test) and the article's level claims. Columns: ``fid origin
    reporter partner flow period year m1 m2 value lo hi source sure``; ``lo``–``hi`` is the figure's rounding
    interval, ``sure`` the claim's confidence (1.0 for a stored figure)."""
    frames = []
    if store_obs is not None and len(store_obs):
        s = store_obs
        if "product" in s.columns:
            s = s[s["product"].astype(str) == "TOTAL"]
        s = s[~s["figure_id"].astype(str).isin(own)]
        val = s["value_usd"].astype(float)
        half = (s["precision_usd"].astype(float).fillna(0.0) / 2).where(lambda x: x > 0, 1e-6 * val.abs())
        frames.append(pd.DataFrame({
            "fid": s["figure_id"].astype(str), "origin": "store", "reporter": s["reporter"].astype(str),
            "partner": s["partner"].astype(str), "flow": s["flow"].astype(str), "period": s["period"].astype(str),
            "value": val, "lo": val - half, "hi": val + half, "source": s["source_id"].astype(str), "sure": 1.0}))
    rows = []
    for c in claims:
        iv = printed_interval(c)
        if c.missing or c.kind != "level" or iv is None or not (c.reporter and c.partner and c.flow and c.period):
            continue
        rows.append({"fid": c.id, "origin": "claim", "reporter": c.reporter, "partner": c.partner, "flow": c.flow,
                     "period": str(c.period), "value": float(c.value_usd), "lo": iv[0], "hi": iv[1],  # type: ignore[arg-type]
                     "source": c.source or "this article", "sure": c.confidence})
    if rows:
        frames.append(pd.DataFrame(rows))
    if not frames:
        return pd.DataFrame(columns=_COLS)
    w = pd.concat(frames, ignore_index=True)
    parts = _period_parts(w["period"])
    w = w[w["period"].isin(parts)].reset_index(drop=True)
    ymm = np.array([parts[p][:3] for p in w["period"]], dtype=int).reshape(-1, 3)
    w["year"], w["m1"], w["m2"] = ymm[:, 0], ymm[:, 1], ymm[:, 2]
    w["period"] = [parts[p][3] for p in w["period"]]
    return w[_COLS]


def _confirmed(c: Claim, w: pd.DataFrame, period: str) -> bool:
    """A stored figure of the claim's own statistic fits the claim (its full interval, bounds included)."""
    lo = c.value_low if c.value_low is not None else c.value_usd
    hi = c.value_high if c.value_high is not None else c.value_usd
    if lo is None or hi is None:
        return False
    lo, hi = cut_interval((float(lo), float(hi)), c)
    same = ((w["origin"] == "store") & (w["reporter"] == c.reporter) & (w["partner"] == c.partner)
            & (w["flow"] == c.flow) & (w["period"] == period))
    return bool((same & (w["lo"] <= hi) & (w["hi"] >= lo)).any())


def _relations(c: Claim, w: pd.DataFrame, p: Period) -> pd.Series:
    """Per witness, the neighbour relation it stands in to the claim's statistic ('' for none)."""
    r, q, f = c.reporter, c.partner, c.flow
    same_pair, same_period = (w["reporter"] == r) & (w["partner"] == q), w["period"] == str(p)
    same_span = (w["m1"] == p.start_month) & (w["m2"] == p.end_month)
    rel = pd.Series("", index=w.index, dtype=object)
    rel[same_pair & same_period & (w["flow"] != f)] = "flow"
    rel[(w["reporter"] == q) & (w["partner"] == r) & (w["flow"] == MIRROR_FLOW.get(str(f), f)) & same_period] = "reporter"
    near_year = same_span & ((w["year"] - p.year).abs() == 1)
    other_span = (w["year"] == p.year) & ~same_span
    rel[same_pair & (w["flow"] == f) & (near_year | other_span)] = "period"
    rel[(w["reporter"] == r) & (w["partner"] != q) & (w["partner"] != r) & (w["flow"] == f) & same_period] = "partner"
    return rel


def _changes(c: Claim, w: pd.DataFrame, p: Period) -> pd.DataFrame:
    """The stored change of the claim's own statistic into its period (one source, the same span a year
    before), as intervals ``lo``–``hi`` with the later figure's id."""
    s = w[(w["origin"] == "store") & (w["reporter"] == c.reporter) & (w["partner"] == c.partner)
          & (w["flow"] == c.flow) & (w["m1"] == p.start_month) & (w["m2"] == p.end_month)]
    if len(s) < 2:
        return pd.DataFrame(columns=["fid", "lo", "hi", "year", "source"])
    prev = s.assign(year=s["year"] + 1)
    m = s.merge(prev, on=["source", "year"], suffixes=("", "_prev"))
    m = m[m["year"] == p.year]
    return pd.DataFrame({"fid": m["fid"], "lo": m["lo"] - m["hi_prev"], "hi": m["hi"] - m["lo_prev"],
                         "year": m["year"], "source": m["source"]})


def misreading(c: Claim, w: pd.DataFrame) -> Misreading | None:
    """The neighbouring statistic whose known figure the claim's number is, when the claimed statistic itself is
    not confirmed by a stored figure; ``None`` when the claim's own reading stands or no neighbour fits."""
    if c.kind != "level" or not (c.reporter and c.partner and c.flow and c.period) or not len(w):
        return None
    iv = printed_interval(c)
    try:
        p = Period.parse(c.period)
    except Exception:  # noqa: BLE001 - an unreadable period: no neighbour to name
        return None
    if iv is None or _confirmed(c, w, str(p)):
        return None
    lo, hi = iv
    # another claim stands witness only if it was read at least as surely, and not from this very mention
    usable = (w["origin"] == "store") | ((w["fid"] != c.id) & (w["sure"] >= c.confidence))
    fits = usable & (w["lo"] <= hi) & (w["hi"] >= lo)
    rel = _relations(c, w, p)
    for relation in ("flow", "reporter", "period", "partner"):
        hit = w[fits & (rel == relation)]
        if len(hit):
            h = hit.sort_values(["origin", "fid"], ascending=[False, True]).iloc[0]
            return Misreading(c.id, relation, str(h["fid"]), _explain(c, relation, h))
    ch = _changes(c, w, p)
    ch = ch[(ch["lo"] <= hi) & (ch["hi"] >= lo)]
    if len(ch):
        h = ch.iloc[0]
        what = flow_phrase(str(c.reporter), str(c.partner), str(c.flow))
        text = (f"{c.text or money(c.value_usd)} is the change in {what} from {int(h['year']) - 1} to "
                f"{int(h['year'])} in the store [{h['source']}]; {_WHY['change']}")
        return Misreading(c.id, "change", str(h["fid"]), text)
    return None


def _explain(c: Claim, relation: str, h: pd.Series) -> str:
    what = flow_phrase(str(h["reporter"]), str(h["partner"]), str(h["flow"]))
    when = Period.parse(str(h["period"])).label()
    where = f"in the store [{h['source']}]" if h["origin"] == "store" else f"in this article ({h['fid']})"
    return f"{c.text or money(c.value_usd)} is {what} in {when} {where}; {_WHY[relation]}"


def misreadings(claims: Iterable[Claim], w: pd.DataFrame) -> dict[str, Misreading]:
    """Claim id -> its likelier misreading, for each of ``claims`` that has one (see :func:`misreading`)."""
    out = {}
    for c in claims:
        m = misreading(c, w)
        if m is not None:
            out[c.id] = m
    return out
