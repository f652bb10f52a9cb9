"""The misreading gate (issue 16, "the cascade"): before a finding marks a claim wrong, ask whether a nearby
reading of the claim explains its number better than the article being wrong.

A number an article prints is tied to one statistic by the reader: a reporter, a partner, a flow and a period.
Misreadings move one of these slots to a neighbour: the other flow or the turnover of the same pair and period;
the other side's statistics (the reverse reporter: also when the text names that side's statistics for the number); the same flow a year before or after, or a part or the
whole of the same year; another partner of the same reporter (another Central Asian state, the region, the
world); or a change read as a level. When the printed number (within its rounding, truncation allowed) *is* a
known figure of such a neighbouring statistic, stored or stated elsewhere in the article, while the claimed
statistic is not confirmed by any stored figure, the likelier story is a misreading, not an error of the
article: the claim is shown as ``unresolved`` with the neighbour named ("$29.7bn is China's imports from
Kazakhstan in 2023 in the store [CN-GACC]; the flow may be misread"), and no finding may flag on it.

:func:`misreadings` is the one entry point; it works on a frame of witnesses (:func:`witnesses`: the store's
figures, except the article's own, and the article's other level claims), vectorised per claim.

Only a one-slot move counts (two slots away, a coincidence is too likely), and the claim's own reading always
wins when a stored figure of its statistic fits it.

Rates and changes are read the same way (:func:`rate_misreading`): a printed growth rate or change is set against
the store's own rate or change of each statistic (a stored level against the same source's level of the same
span a year before, or a rate the source published), and when it is a neighbouring statistic's (another partner's
growth in a ranking, the other flow's, the year before's) while the claim's own statistic has no stored rate that
fits, the rate is a misreading: it is struck from the claim (the claim's level, when it has one, stands) or, for a
claim that is only that rate, the claim is unresolved. The seed articles' real findings survive this: their
numbers ($71.3bn against $71.2bn, Tajikistan's $2.3bn against China's $3.7bn, $22bn against a GDP) are no
neighbouring statistic's figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.checks.context import flow_phrase
from mirrortrade.checks.context import name as country_name
from mirrortrade.checks.finding import money
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import year_before
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
#: the statuses that tell the reader a figure is wrong
FLAGS = ("conflict", "implausible")
_COLS = ["fid", "origin", "reporter", "partner", "flow", "period", "year", "m1", "m2", "value", "lo", "hi",
         "source", "sure"]


@dataclass(frozen=True)
class Misreading:
    """Why a claim is set aside: the neighbouring statistic its number is, and the slot that moved."""

    claim_id: str
    relation: str  # flow | reporter | period | partner | change
    witness: str  # the figure id (a stored figure) or claim id that carries the number
    explanation: str
    part: str = "level"  # what of the claim is misread: its level, its growth rate or its change

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


def rounding(store_obs: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Stored figures' values and the half-widths of their rounding intervals (half the printed precision, else a
    millionth of the value)."""
    val = store_obs["value_usd"].astype(float)
    return val, (store_obs["precision_usd"].astype(float).fillna(0.0) / 2).where(lambda x: x > 0, 1e-6 * val.abs())


def witnesses(store_obs: pd.DataFrame | None, claims: Sequence[Claim], own: AbstractSet[str] = frozenset()) -> pd.DataFrame:
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
        val, half = rounding(s)
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
    rows += _implied(rows)
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


#: an implied figure is a witness only when it is this fine (its interval's width relative to its value): the sum of
#: two figures printed to four digits ($1.15 billion + $6.628 billion = $7.778 billion) is no coincidence, the sum of
#: two round numbers may be
_IMPLIED_FINENESS = 0.005


def _implied(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The levels the article's own arithmetic gives (issue 16: "a consistency with the rest of the article"): the
    turnover and the balance of each statistics, period and pair whose exports and imports it states (T = X + M,
    B = X − M). A number that is such an implied figure of a neighbouring period or flow is that figure misread, as
    one stated would be. As sure as the numbers: arithmetic adds no doubt of its own."""
    by: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
    for r in rows:
        by.setdefault((r["reporter"], r["partner"], r["period"], r["source"]), {}).setdefault(r["flow"], r)
    out = []
    for (rep, par, per, src), flows in by.items():
        x, m = flows.get("X"), flows.get("M")
        if x is None or m is None:
            continue
        for flow, lo, hi in (("T", x["lo"] + m["lo"], x["hi"] + m["hi"]), ("B", x["lo"] - m["hi"], x["hi"] - m["lo"])):
            mid = (lo + hi) / 2
            if flow in flows or not hi - lo <= _IMPLIED_FINENESS * abs(mid):
                continue
            out.append({"fid": f"{x['fid']}{'+' if flow == 'T' else '-'}{m['fid']}", "origin": "claim",
                        "reporter": rep, "partner": par, "flow": flow, "period": per, "value": mid, "lo": lo,
                        "hi": hi, "source": src, "sure": 1.0})
    return out


def _confirmed(c: Claim, w: pd.DataFrame, period: str) -> bool:
    """The finest stored figure of the claim's own statistic fits the claim (its full interval: the two overlap, or
    an exact figure lies on its edge).

    Finest: when the store holds the statistic at several precisions ("$3.9 billion" in one report, the agency's
    $3,926 million in another), the claim must fit the most precise of them: "$3.86 billion" sits inside the
    rounding of "$3.9 billion" but is not $3,926 million, so it is no confirmation of that statistic (it may be a
    neighbouring statistic's figure, the year before's $3.86 billion). A coarse figure confirms only what the finer
    ones do not contradict."""
    lo = c.value_low if c.value_low is not None else c.value_usd
    hi = c.value_high if c.value_high is not None else c.value_usd
    if lo is None or hi is None:
        return False
    lo, hi = cut_interval((float(lo), float(hi)), c)
    same = w[(w["origin"] == "store") & (w["reporter"] == c.reporter) & (w["partner"] == c.partner)
             & (w["flow"] == c.flow) & (w["period"] == period)]
    if same.empty:
        return False
    width = same["hi"] - same["lo"]
    finest = same[width <= width.min() * (1 + 1e-9) + 1e-9]
    # two intervals of width that only touch are two numbers ("$19.8 billion" is not the stored $19.7 billion: no one
    # number rounds or cuts to both); an exact figure on the edge of the printed one's rounding is that number
    inside = (finest["lo"] < hi) & (finest["hi"] > lo)
    on_edge = ((finest["hi"] - finest["lo"] <= 1e-9) | (hi - lo <= 1e-9)) & (finest["lo"] <= hi) & (finest["hi"] >= lo)
    return bool((inside | on_edge).any())


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


def statistics_country(source: str | None) -> str | None:
    """The country whose statistics a source id names, by its ISO two-letter head ("KZ-BNS" -> KAZ, "CN-GACC" ->
    CHN: :func:`mirrortrade.claims.lexicon.source_id`); None for an international database ("UN-COMTRADE",
    "IMF-IMTS", "WITS"), the press ("PRESS") or no source."""
    head, sep, _ = str(source or "").partition("-")
    if not sep or len(head) != 2:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=head)
    return found.alpha_3 if found is not None else None


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
    named = statistics_country(c.source)
    if named is not None and named != c.reporter:
        # no neighbour's figure, but the text names another country's statistics for the number ("Kazakhstan's
        # statistics committee"): the claim is not its reporter's figure, whatever the store holds
        text = (f"{c.text or money(c.value_usd)} is given as {country_name(named)}'s statistics ({c.source}), not "
                f"{country_name(str(c.reporter))}'s; {_WHY['reporter']}")
        return Misreading(c.id, "reporter", str(c.source), text)
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


# ---- rates and changes -------------------------------------------------------------------------------------------
#: the part of a claim each rule's finding rests on, when it is not the claim's level
PART_OF_RULE = {"growth_consistency": "growth", "rate_conflict": "growth", "change_vs_levels": "change",
                "change_vs_store": "change"}
_RATE_WHAT = {"growth": "growth rate", "change": "change"}


def printed_rate(c: Claim, part: str) -> tuple[float, float] | None:
    """The printed rate's (percent) or change's (USD) own interval, whatever its qualifier ("more than 24 percent"
    is the number 24 with its rounding), widened away from zero for a figure cut rather than rounded."""
    if part == "growth":
        v, lo, hi = c.growth_pct, c.growth_low, c.growth_high
    else:
        v, lo, hi = c.change_usd, c.change_low, c.change_high
    if v is None or not math.isfinite(v):
        return None
    v = float(v)
    if lo is not None and hi is not None and math.isfinite(lo) and math.isfinite(hi) and hi > lo:
        lo, hi, half = float(lo), float(hi), (float(hi) - float(lo)) / 2
    else:
        half = _own_half(v, part, c)
        lo, hi = v - half, v + half
    return (lo, hi + half) if v >= 0 else (lo - half, hi)


def _own_half(v: float, part: str, c: Claim) -> float:
    if part == "growth":
        return 0.5 if float(v).is_integer() else 0.05
    p = float(c.precision_usd or 0.0)
    return p / 2 if p > 0 else 1e-6 * abs(v)


def rate_witnesses(w: pd.DataFrame, store_obs: pd.DataFrame | None, part: str) -> pd.DataFrame:
    """The store's rates (``part`` "growth", percent) or changes (USD) of each statistic, as intervals in the
    columns of :func:`witnesses`: a stored level against the same source's level of the same span a year before,
    and (for growth) the rates the sources published beside their levels."""
    s = w[w["origin"] == "store"]
    prev = s.assign(year=s["year"] + 1)
    m = s.merge(prev, on=["source", "reporter", "partner", "flow", "year", "m1", "m2"], suffixes=("", "_prev"))
    if part == "growth":
        m = m[m["lo_prev"] > 0]
        lo, hi = 100 * (m["lo"] / m["hi_prev"] - 1), 100 * (m["hi"] / m["lo_prev"] - 1)
    else:
        lo, hi = m["lo"] - m["hi_prev"], m["hi"] - m["lo_prev"]
    out = m[["fid", "origin", "reporter", "partner", "flow", "period", "year", "m1", "m2", "source", "sure"]].assign(
        value=(lo + hi) / 2, lo=lo, hi=hi)
    frames = [out[_COLS]]
    if part == "growth" and store_obs is not None and len(store_obs) and "growth_pct" in store_obs.columns:
        g = store_obs[store_obs["growth_pct"].notna() & store_obs["figure_id"].astype(str).isin(set(s["fid"]))]
        if len(g):
            half = (g["growth_precision"].astype(float).fillna(0.0) / 2).clip(lower=0.05)
            pub = s.set_index("fid").loc[g["figure_id"].astype(str)].reset_index()
            gv = g["growth_pct"].astype(float).to_numpy()
            pub = pub.assign(value=gv, lo=gv - half.to_numpy(), hi=gv + half.to_numpy())
            frames.append(pub[_COLS])
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def rate_misreading(c: Claim, w: pd.DataFrame, part: str) -> Misreading | None:
    """The neighbouring statistic whose stored rate or change (``part``) the claim's printed one is, when no
    stored rate or change of the claim's own statistic fits it; ``None`` when it stands or no neighbour fits."""
    if not (c.reporter and c.partner and c.flow and c.period) or not len(w):
        return None
    if part == "growth" and c.growth_base is not None and c.growth_base != year_before(c.period):
        return None  # "up 90 percent since 2013": not a year-on-year rate, no stored rate to be
    iv = printed_rate(c, part)
    try:
        p = Period.parse(c.period)
    except Exception:  # noqa: BLE001 - an unreadable period: no neighbour to name
        return None
    if iv is None:
        return None
    lo, hi = iv
    own = ((w["reporter"] == c.reporter) & (w["partner"] == c.partner) & (w["flow"] == c.flow)
           & (w["period"] == str(p)))
    fits = (w["lo"] <= hi) & (w["hi"] >= lo)
    if bool((own & fits).any()):
        return None
    rel = _relations(c, w, p)
    for relation in ("flow", "reporter", "period", "partner"):
        hit = w[fits & (rel == relation)]
        if len(hit):
            h = hit.sort_values("fid").iloc[0]
            what = flow_phrase(str(h["reporter"]), str(h["partner"]), str(h["flow"]))
            when = Period.parse(str(h["period"])).label()
            shown = f"{c.growth_pct:+g}%" if part == "growth" else money(c.change_usd)
            text = (f"{shown} is the {_RATE_WHAT[part]} of {what} in {when} in the store [{h['source']}]; "
                    f"{_WHY[relation]}")
            return Misreading(c.id, relation, str(h["fid"]), text, part)
    return None


# ---- the gate ------------------------------------------------------------------------------------------------
def gate(findings: list[dict[str, Any]], claims: list[Claim], store_obs: pd.DataFrame,
          own: AbstractSet[str]) -> tuple[list[dict[str, Any]], dict[str, Claim]]:
    """The misreading gate (:mod:`mirrortrade.claims.neighbours`), last before statuses: a claim that a finding
    would flag, whose number is a neighbouring statistic's figure (the other flow, the other side, a year
    before or after, another partner, a change) while no stored figure confirms its own reading, is set aside
    as unresolved with that explanation; the flagging findings resting on it are dropped (they compare a
    misreading), and it is struck from the others. A flagged growth rate or change that is a neighbouring
    statistic's stored rate or change is struck from its claim, with the findings that rest on it; the claim's
    level, if it has one, stands (a claim that is only that rate is set aside). Returns the findings and the
    claims set aside by id."""
    by_id = {c.id: c for c in claims}
    rests = [{cid: _part_at_stake(f, by_id[cid]) for cid in f["claims"] if cid in by_id} for f in findings]
    stakes: dict[str, set[str]] = {}
    for f, parts in zip(findings, rests, strict=True):
        if f["status"] in FLAGS:
            for cid, part in parts.items():
                stakes.setdefault(cid, set()).add(part)
    if not stakes:
        return findings, {}
    w = witnesses(store_obs, claims, own)
    found = misreadings([by_id[cid] for cid, parts in stakes.items() if "level" in parts], w)
    struck: dict[str, str] = {}  # claim id -> the part struck from it ("growth", "change")
    for part in ("growth", "change"):
        todo = [cid for cid, parts in stakes.items() if part in parts and cid not in found]
        rw = rate_witnesses(w, store_obs, part) if todo else None
        for cid in todo:
            m = rate_misreading(by_id[cid], rw, part)  # type: ignore[arg-type]
            if m is None:
                continue
            c = by_id[cid]
            if c.value_usd is not None and c.kind == "level":
                _strike(c, part, m.explanation)
                struck[cid] = part
            else:
                found[cid] = m
    gated = {cid: by_id[cid] for cid in found}
    for cid, m in found.items():
        gated[cid].missing, gated[cid].explanation = [m.slot], m.explanation
    out = []
    for f, parts in zip(findings, rests, strict=True):
        if any(struck.get(cid) == part for cid, part in parts.items()):
            continue  # it rests on a rate or change struck as a misreading
        out.extend(without_claims([f], gated.keys()))
    return out, gated


def without_claims(findings: list[dict[str, Any]], aside: AbstractSet[str]) -> list[dict[str, Any]]:
    """The findings once the claims ``aside`` are set aside: a flag resting on one of them is dropped (never a flag
    on a misreading); any other finding keeps its other claims, and goes when none is left."""
    out = []
    for f in findings:
        if aside & set(f["claims"]):
            if f["status"] in FLAGS:
                continue
            f["claims"] = [cid for cid in f["claims"] if cid not in aside]
            if not f["claims"]:
                continue
        out.append(f)
    return out


def _part_at_stake(f: dict[str, Any], c: Claim) -> str:
    """What of claim ``c`` a finding rests on: its growth rate (a growth check about its own period), its change
    (a change check), else its level."""
    part = PART_OF_RULE.get(f["rule"], "level")
    if part == "growth":
        about = f.get("about") or {}
        own_period = not about.get("period") or about.get("period") == c.period
        return "growth" if c.growth_pct is not None and own_period and f["claims"][:1] == [c.id] else "level"
    if part == "change":
        return "change" if c.change_usd is not None and f["claims"][:1] == [c.id] else "level"
    return part


def _strike(c: Claim, part: str, why: str) -> None:
    """Strike a misread rate or change from a claim whose level stands, saying why."""
    if part == "growth":
        c.growth_pct = c.growth_low = c.growth_high = c.growth_base = None
    else:
        c.change_usd = c.change_low = c.change_high = None
    c.explanation = why
