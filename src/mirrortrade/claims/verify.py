"""Verify an article's claims: against each other, against the store, and with the checks.

The claims of one article are laid over the store as if they were one more publication (their
figure ids are the claim ids ``c1``, ``c2``…), and the same rules that check the store run on
that overlay (:mod:`mirrortrade.checks`): sums and growth rates within rounding, the same figure
published twice (in two articles or twice in one), mirror gaps beyond the normal band, imports
above GDP, surges, periods that cannot be compared. A GDP figure the article states (its indicators)
is laid over too, for the countries and years the store has no GDP for. Findings that rest on at
least one claim are the article's findings. A store figure that the article merely restates (same
statistics, same flow and period, overlapping interval) is set aside, so the claim stands for it; a
store figure that differs stays in and shows up as a conflict. Then the statements the store's rules
do not read (a balance, a change, a share, a stated gap, "nearly quadrupled") are checked against the
article's levels (:func:`mirrortrade.claims.internal.check_internal`).

This is the one place where findings become statuses: each claim gets ``implausible`` >
``conflict`` > ``consistent`` > ``unverifiable``; a ``notable`` finding (a surge, a high share of
GDP) does not make a figure wrong, it counts as ``consistent``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks.context import CheckContext
from mirrortrade.checks.rules import RULES
from mirrortrade.claims.claim import ARTICLE_SOURCE_FALLBACK
from mirrortrade.claims.collisions import set_aside_collisions
from mirrortrade.claims.context import year_before
from mirrortrade.claims.extract import Claim
from mirrortrade.claims.filters import (
    may_raise,
    near_rate_conflict,
    one_publication_fits,
    overlaps,
    part_year_not_implausible,
    revised_since,
    same_number,
    store_dates,
    truncation_explains,
    yuan_rate_explains,
)
from mirrortrade.claims.indicators import IndicatorFigure
from mirrortrade.claims.internal import check_internal
from mirrortrade.claims.misread import set_aside
from mirrortrade.claims.neighbours import FLAGS, gate
from mirrortrade.claims.periods import reference_date
from mirrortrade.claims.printed_bases import attach_printed_bases, rests_on_bases
from mirrortrade.claims.reading import Reading, read_article
from mirrortrade.claims.restated_rates import rates_restated, rates_vs_restated
from mirrortrade.claims.turnover import change_vs_store, turnover_vs_parts
from mirrortrade.claims.vintages import note_revisions, revised_base_explains
from mirrortrade.claims.whose import settle_reporters
from mirrortrade.model import AGGREGATES, MIRROR_FLOW, Period
from mirrortrade.store import IND_COLUMNS, OBS_COLUMNS

_STATUS_RANK = {"unverifiable": 0, "consistent": 1, "conflict": 2, "implausible": 3}
#: the rules that check a total against its parts (the total is what they are about)
_SUM_RULES = ("sum_consistency", "balance_sum")
#: every status a claim can get; ``unresolved``: a slot (reporter, partner, flow, period, kind, value) was not
#: read with confidence, so the claim is shown with what is missing and never verified


class _Overlay:
    """A read-only stand-in for :class:`mirrortrade.store.Store`: the store's figures plus the claims."""

    def __init__(self, obs: pd.DataFrame, ind: pd.DataFrame) -> None:
        self._obs, self._ind = obs, ind

    def observations(self, *, all_vintages: bool = False, **filters: Any) -> pd.DataFrame:
        return _filter(self._obs, filters)

    def indicators(self, **filters: Any) -> pd.DataFrame:
        return _filter(self._ind, filters)


def _filter(df: pd.DataFrame, filters: dict[str, Any]) -> pd.DataFrame:
    for col, val in filters.items():
        if val is None or col in ("as_of", "limit", "offset"):
            continue
        vals = [val] if isinstance(val, str) else list(val)
        df = df[df[col].isin(vals)]
    return df.reset_index(drop=True)


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return "(untitled article)"


def _claim_rows(claims: list[Claim], title: str, vintage: str) -> pd.DataFrame:
    rows = []
    for c in claims:
        if c.missing or c.kind != "level" or c.value_usd is None or not (c.reporter and c.partner and c.flow and c.period):
            continue
        if c.reporter in AGGREGATES:
            continue
        try:
            p = Period.parse(c.period)
        except Exception:  # noqa: BLE001 - an unparseable period leaves the claim unverifiable
            continue
        src = c.source or ARTICLE_SOURCE_FALLBACK
        # one key per statement: the same figure stated twice in one article is two statements, which
        # source_conflict compares like two publications
        key = hashlib.md5("|".join([src, "article", title, c.reporter, c.partner, c.flow, str(p), "TOTAL",
                                    c.id]).encode()).hexdigest()[:16]
        # only a year-on-year rate is what the store's rules read as a growth rate; "up 116 percent from 2013"
        # compares with another base and is checked against its stated levels, not the previous year's
        growth = c.growth_pct if c.growth_base in (None, year_before(str(p))) else None
        gprec = 0.0
        if growth is not None and c.growth_low is not None and c.growth_high is not None:
            gprec = float(c.growth_high - c.growth_low)
            if not math.isfinite(gprec):
                # "more than tripled": a one-sided rate is checked against its levels (internal), not read
                # by the store's rules as a rate with a precision
                growth, gprec = None, 0.0
        rows.append({
            "figure_id": c.id, "key_id": key, "reporter": c.reporter, "partner": c.partner, "flow": c.flow,
            "period": str(p), "period_kind": p.kind, "period_start": pd.Timestamp(p.start),
            "period_end": pd.Timestamp(p.end), "n_months": p.n_months, "product": "TOTAL", "product_rev": "",
            "value_usd": float(c.value_usd), "value_low": float(c.value_low if c.value_low is not None else c.value_usd),
            "value_high": float(c.value_high if c.value_high is not None else c.value_usd),
            "precision_usd": float(c.precision_usd or 0.0), "qualifier": c.qualifier,
            "valuation": {"X": "FOB", "M": "CIF"}.get(c.flow, "UNKNOWN"), "growth_pct": growth,
            "growth_precision": gprec, "source_id": src, "publisher": "this article", "title": title,
            "pub_date": "", "url": "", "quote": c.quote, "vintage": pd.Timestamp(vintage), "retrieved_at": "",
            "note": "", "ingest_id": 0, "ingested_at": pd.Timestamp(vintage),
        })
    return _narrow_restatements(pd.DataFrame(rows))


def _narrow_restatements(rows: pd.DataFrame) -> pd.DataFrame:
    """One statistic stated twice ("$22 billion", then "more than $22 billion"), with intervals that overlap,
    is one figure: both statements hold only where they overlap, so each is checked with the intersection."""
    if rows.empty:
        return rows
    rows = rows.copy()
    for _, g in rows.groupby(["source_id", "reporter", "partner", "flow", "period"], sort=False):
        if len(g) < 2:
            continue
        lo, hi = float(g["value_low"].max()), float(g["value_high"].min())
        if lo <= hi:
            rows.loc[g.index, "value_low"] = lo
            rows.loc[g.index, "value_high"] = hi
    return rows


def _gdp_rows(indicators: Sequence[IndicatorFigure], store_ind: pd.DataFrame, title: str,
              vintage: str) -> pd.DataFrame:
    """The article's GDP figures as indicator rows, for country-years the store has no GDP for."""
    have: set[tuple[str, str]] = set()
    if len(store_ind):
        g = store_ind[store_ind["indicator"] == "gdp_usd"]
        have = {(str(c), str(p)[:4]) for c, p in zip(g["country"], g["period"], strict=True)}
    rows = []
    for f in indicators:
        if f.indicator != "gdp_usd" or not f.country or not f.period:
            continue
        try:
            p = Period.parse(f.period)
        except Exception:  # noqa: BLE001 - an unparseable period leaves the figure out
            continue
        if (f.country, str(p.year)) in have:
            continue
        src = f.source or ARTICLE_SOURCE_FALLBACK
        rows.append({
            "figure_id": f.id, "key_id": hashlib.md5("|".join([src, "article", title, f.country, "gdp_usd", str(p),
                                                              f.id]).encode()).hexdigest()[:16],
            "country": f.country, "partner": "", "indicator": "gdp_usd", "period": str(p), "period_kind": p.kind,
            "period_start": pd.Timestamp(p.start), "period_end": pd.Timestamp(p.end), "value": float(f.value),
            "value_low": float(f.value_low), "value_high": float(f.value_high), "precision": float(f.precision),
            "qualifier": f.qualifier, "unit": f.unit, "source_id": src, "publisher": "this article", "title": title,
            "pub_date": "", "url": "", "quote": f.quote, "vintage": pd.Timestamp(vintage), "retrieved_at": "",
            "note": "",
        })
    return pd.DataFrame(rows)




def _restated(store_obs: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Drop store figures the article restates; return the rest and claim id -> restated figure ids."""
    if store_obs.empty or claims.empty:
        return store_obs, {}
    matches: dict[str, list[str]] = {}
    drop: set[str] = set()
    keys = {(c.reporter, c.partner, c.flow, c.period, c.source_id) for c in claims.itertuples()}
    cand = store_obs[store_obs["reporter"].isin({k[0] for k in keys}) & store_obs["partner"].isin({k[1] for k in keys})]
    by_key: dict[tuple, list[Any]] = {}
    for f in cand.itertuples():
        k = (f.reporter, f.partner, f.flow, f.period, f.source_id)
        if k in keys:
            by_key.setdefault(k, []).append(f)
    for c in claims.itertuples():
        for f in by_key.get((c.reporter, c.partner, c.flow, c.period, c.source_id), []):
            if (overlaps(c.value_low, c.value_high, f.value_low, f.value_high) and (
                    c.quote.strip() == str(f.quote).strip() or same_number(c, f))) or _truncated(c, f):
                matches.setdefault(c.figure_id, []).append(f.figure_id)
                drop.add(f.figure_id)
    return store_obs[~store_obs["figure_id"].isin(drop)].reset_index(drop=True), matches


def _truncated(c: Any, f: Any) -> bool:
    """One figure is the other cut to fewer digits ("$3.86 billion" printed elsewhere as "$3.8 billion"; the
    agency's exact $2,486.6 million as "$2.4 billion"): the press truncates as often as it rounds, so the shorter
    figure restates the longer one. A stored figure of precision 0 is the agency's full number."""
    pc, pf = float(c.precision_usd or 0.0), float(f.precision_usd or 0.0)
    if pc <= 0 or pf < 0 or pc == pf or c.qualifier != "exact" or f.qualifier != "exact":
        return False
    fine, coarse = (float(c.value_usd), float(f.value_usd)) if pc < pf else (float(f.value_usd), float(c.value_usd))
    step = max(pc, pf)
    cut = math.floor(fine / step + 1e-9) * step
    return abs(cut - coarse) < 1e-6 * max(1.0, abs(coarse)) + 1e-9 * step


def check_claims(
    claims: list[Claim], store: Any | None = None, *, title: str = "(article)", article_date: date | None = None,
    indicators: Sequence[IndicatorFigure] | None = None, published: date | None = None,
) -> dict[str, Any]:
    """Verify extracted claims; returns ``{"claims": [...], "findings": [...]}`` (the ``check --json`` shape).

    ``indicators`` are the article's other figures (:func:`~mirrortrade.claims.indicators.extract_indicators`):
    its GDP figures join the overlay and its relative statements ("nearly quadrupled") are checked."""
    vintage = (article_date or date.today()).isoformat()
    # precision first: a claim with an unresolved slot is shown as such and never verified or compared
    set_aside_collisions(claims)
    if store is not None:
        settle_reporters(claims, store.observations())  # a reporter no text names, settled by the store's series
    unresolved = [c for c in claims if c.missing]
    claims_all, claims = claims, [c for c in claims if not c.missing]
    bases = attach_printed_bases([c for c in claims_all if c.kind == "level"], claims)
    crow = _claim_rows(claims, title, vintage)
    if store is not None:
        sobs = store.observations()
        sind = store.indicators()
    else:
        sobs = pd.DataFrame(columns=[*OBS_COLUMNS, "ingest_id", "ingested_at"])
        sind = pd.DataFrame(columns=list(IND_COLUMNS))
    store_obs = sobs
    sobs, restated = _restated(sobs, crow)
    frames = [f for f in (sobs, crow) if len(f)]
    obs = pd.concat(frames, ignore_index=True) if frames else sobs
    gdp = _gdp_rows(indicators or (), sind, title, vintage)
    if len(gdp):
        sind = pd.concat([f for f in (sind, gdp) if len(f)], ignore_index=True)
    ctx = CheckContext(_Overlay(obs, sind))
    claim_ids = {c.id for c in claims}
    gdp_ids = set(gdp["figure_id"]) if len(gdp) else set()
    findings: list[dict[str, Any]] = []
    for rule in RULES.values():
        for f in rule.check(ctx):
            ids = [i for i in f.figure_ids if i in claim_ids]
            if not ids:
                continue
            ids += [i for i in f.figure_ids if i in gdp_ids]
            findings.append({
                "rule": f.rule, "severity": f.severity, "status": f.status, "claims": ids,
                "message": f.message, "evidence": {**f.evidence, "figure_ids": f.figure_ids},
                "about": {"reporter": f.reporter, "partner": f.partner, "flow": f.flow, "period": f.period},
            })
    findings = rests_on_bases(findings, bases, claims_all)
    findings += check_internal(claims, indicators or ())
    findings += turnover_vs_parts(claims, store_obs)
    done = {f["claims"][0] for f in findings if f["rule"] == "change_vs_levels"}
    findings += change_vs_store(claims, store_obs, done)
    findings += rates_vs_restated(claims, crow, store_obs)
    by_id = {c.id: c for c in claims}
    for cid, fids in restated.items():
        c = by_id[cid]
        findings.append({
            "rule": "store_match", "severity": "info", "status": "consistent", "claims": [cid],
            "message": (f"{c.text or cid} matches the figure{'s' if len(fids) > 1 else ''} {', '.join(fids)} "
                        f"already in the store from the same statistics ({c.source or 'unattributed'})."),
            "evidence": {"figure_ids": fids},
        })
    findings = [f for f in findings if may_raise(f, by_id, restated, claim_ids | gdp_ids)
                and not truncation_explains(f, by_id)
                and not near_rate_conflict(f, by_id) and not revised_base_explains(f, by_id)]
    own = set(store_obs.loc[store_obs["title"].astype(str).str.strip() == title.strip(), "figure_id"]) \
        if len(store_obs) and "title" in store_obs.columns else set()
    findings = one_publication_fits(findings, own)
    note_revisions(findings, by_id)
    when = published or article_date
    vintages = store_dates(store_obs) if when is not None else {}
    for f in findings:
        revised_since(f, vintages, when)
        part_year_not_implausible(f)
    findings, gated = gate(findings, claims, store_obs, own)
    claims = [c for c in claims if c.id not in gated]
    findings, aside = set_aside(findings, claims, unresolved, store_obs, own, when)
    gated.update(aside)
    # a rate the yuan basis explains is no conflict; last, so that a misreading the gate sees is still set aside
    findings = [f for f in findings if not yuan_rate_explains(f, by_id)]
    claims = [c for c in claims if c.id not in aside]
    for f in findings:
        if f["rule"] == "mirror_gap":
            f["about_claims"] = _about(f, by_id)
    _assign_status(claims, findings, own, rates_restated(claims, crow, store_obs))
    for c in [*unresolved, *gated.values()]:
        c.status, c.findings = "unresolved", []
    return {"claims": [c.to_json() for c in claims_all], "findings": findings}


def _primary(f: dict[str, Any], by_id: dict[str, Claim]) -> list[str]:
    """The claims a finding is about, as opposed to those it uses as evidence (the parts of a sum, the
    figures that narrowed a bound): same flow of the same pair, or its mirror. A finding with no ``about`` (a
    stated gap against two levels, ``difference_vs_levels``) names the statement it checks first. A finding
    about a statistic no claim states (a stored total the article's parts do not reach) marks none of them:
    which part is wrong it cannot say, and precision comes first; it stays listed beside them."""
    about = f.get("about")
    if not about:
        return f["claims"][:1]
    rep, par, flow = about["reporter"], about["partner"], about["flow"]
    out = []
    for cid in f["claims"]:
        c = by_id.get(cid)
        if c is None:
            continue
        if (c.reporter, c.partner, c.flow) == (rep, par, flow) or (c.reporter, c.partner, c.flow) == (
                par, rep, MIRROR_FLOW.get(flow, flow)):
            if about.get("period") and c.period and c.period != about["period"]:
                # the same flow in another period: the base a growth rate was measured from, evidence only
                continue
            out.append(cid)
    return out


def _about(f: dict[str, Any], by_id: dict[str, Claim]) -> list[str]:
    """The claims a finding is strictly about: the same flow of the same pair (or its mirror) in the same
    period. A finding about the other statistics of a pair (turnover against turnover) names a claim of a
    component flow only as what stood in for a stored figure: it is beside that claim, not about it."""
    about = f.get("about")
    if not about:
        return list(f["claims"])
    rep, par, flow, period = about["reporter"], about["partner"], about["flow"], about.get("period")
    out = []
    for cid in f["claims"]:
        c = by_id.get(cid)
        if c is None or (period and c.period and c.period != period):
            continue
        if (c.reporter, c.partner, c.flow) in ((rep, par, flow), (par, rep, MIRROR_FLOW.get(flow, flow))):
            out.append(cid)
    return out


def _growth_check(f: dict[str, Any], kind: str) -> bool:
    """Whether ``f`` is :mod:`mirrortrade.checks.growth_consistency`'s finding of that ``kind``: ``"joint"`` (several
    flows' rates together) or ``"level"`` (one rate against its stored levels)."""
    return f["rule"] == "growth_consistency" and str((f.get("evidence") or {}).get("key", "")).startswith(kind + ":")


def _assign_status(claims: list[Claim], findings: list[dict[str, Any]],
                   own: AbstractSet[str] = frozenset(), rates_quoted: AbstractSet[str] = frozenset()) -> None:
    """A claim's status says whether the article quotes its own source correctly. A mirror gap (the other
    reporter's figure differs) is a finding beside the claim (its ``about_claims``), not a conflict of it."""
    status: dict[str, str] = {}
    by_id = {c.id: c for c in claims}
    # a figure that restates its own source's stored figure (not this article's own stored copy) quotes its source
    # correctly: a sum it heads that does not add up has its error among the parts (which one, the sum cannot say)
    quoted = {f["claims"][0] for f in findings if f["rule"] == "store_match"
              and set(f["evidence"].get("figure_ids") or []) - own}
    # ... and one whose rate its stored levels also confirm is quoted correctly in both: a joint identity of rates
    # (turnover, exports and imports each "up N percent") that fails has its error among the other rates
    # (or whose rate restates the rate the store holds with that level, ``rates_quoted``)
    rate_fits = {f["claims"][0] for f in findings if _growth_check(f, "level") and f["status"] == "consistent"}
    rate_fits |= set(rates_quoted)
    for f in findings:
        if f["rule"] == "mirror_gap" and f["status"] in FLAGS:
            continue
        s = {"implausible": "implausible", "conflict": "conflict"}.get(f["status"], "consistent")
        # a notable finding (a surge, a high share of GDP) does not make the figure wrong; a conflict
        # or an implausibility marks the claims it is about, not those it used as evidence
        ids = f["claims"] if s == "consistent" else _primary(f, by_id)
        if s != "consistent" and f["rule"] in _SUM_RULES:
            ids = [cid for cid in ids if cid not in quoted]
        elif s != "consistent" and _growth_check(f, "joint"):
            ids = [cid for cid in ids if not (cid in quoted and cid in rate_fits)]
        for cid in ids:
            if _STATUS_RANK[s] > _STATUS_RANK[status.get(cid, "unverifiable")]:
                status[cid] = s
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        for cid in dict.fromkeys(f["claims"]):
            by_claim.setdefault(cid, []).append(f)
    for c in claims:
        c.status = status.get(c.id, "unverifiable")
        c.findings = by_claim.get(c.id, [])


def check_article(text: str, store: Any | None = None, *, article_date: date | None = None) -> dict[str, Any]:
    """Extract every trade claim of a news text and verify it (see module doc)."""
    return check_reading(read_article(text, article_date), store)


def check_reading(reading: Reading, store: Any | None = None) -> dict[str, Any]:
    """Verify the claims of an article read once (:func:`~mirrortrade.claims.reading.read_article`)."""
    text, article_date = reading.text, reading.article_date
    return check_claims(reading.claims, store, title=_title_of(text), article_date=article_date,
                        indicators=reading.indicators, published=reference_date(text, article_date))
