"""Whose statistics a figure is when the article names none (issue 16, the reporter slot on unseen text).

The corpus convention: the reporter is the country whose statistics the figure is. When no agency, source or
official is named anywhere before or after a figure, the text alone does not tell: the flow's subject ("trade
between Russia and China", "Kazakhstan is China's largest partner, the two countries having traded ...") is only
the order the writer happened to name the two countries in, and on the development sets one such guess in five
was the other side's. So the extractor leaves that reporter below :data:`~mirrortrade.claims.claim.RESOLVED`
(provenance ``flow-subject``) and this module settles it from the store, if it can:

* a level claim of exports, imports or turnover between two countries takes the reporter whose stored figure of the
  same flow (the mirror flow from the other side), partner and period it matches within rounding (the claim's
  interval overlaps the stored one; a turnover also against the same statistics' exports + imports);
* a growth rate (alone, or beside a level that settles nothing) takes the reporter whose stored rate of the same
  flow, partner and period it matches: each side's rate from its stored levels of the period and the same span a
  year before (same statistics, every pairing of vintages, as an interval from the stored figures' rounding; a
  turnover also from exports + imports), and the rates the statistics published beside their levels; the claim's
  rate is its printed rounding, widened as its qualifier carries it
  (:func:`~mirrortrade.claims.neighbours.printed_rate`);
* it is settled only when exactly one side matches; when both match, either reading is consistent, and the
  subject's stays; when neither matches, or the store holds neither side for the period, the reporter stays
  unresolved (never a guess that could make a correct figure look wrong);
* a figure whose flow phrase itself holds the flow of one country ("India's trade deficit with China", "Turkish
  imports from China": provenance ``flow-holder``), between two countries of which the store holds no figure at all
  (either with the other, in any period or flow), keeps that country as its reporter (provenance
  ``unstored-pair``): nothing stored can tell the sides apart or contradict either, and on the development sets such
  a holder was the annotated reporter where a pair named in no order ("trade between Russia and China",
  "China-Mongolia trade") was not;
* a figure of a pair named in no order (provenance ``flow-subject``) that the store does not settle takes the
  reporter of the other figures of the same two countries in its paragraph whose reporter the text itself gives (a
  quoted official's figure, a share "of Mongolia's total foreign trade", a named agency's), when they all give one
  side (provenance ``paragraph-named``): on the development sets such a neighbour gave the annotated reporter every
  time it was present (17 of 17 figures in 8 articles, counting those the store settles), where the order the two
  countries were named in was wrong one time in five. The rest stay unresolved.

A claim settled by the store restates a stored figure, so it cannot be flagged against the store; one of an unstored
pair has nothing to be flagged against. Either way its reporter is read at
:data:`~mirrortrade.claims.claim.RESOLVED` (below :data:`~mirrortrade.claims.claim.FLAGGABLE`): shown, never flagged.

    settle_reporters(claims, store_obs)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from mirrortrade.checks.intervals import growth_interval, implied_growth_pct
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import GUESSED, HELD, PLACEHOLDERS, RESOLVED, Claim
from mirrortrade.claims.context import year_before
from mirrortrade.claims.neighbours import printed_rate

#: the provenances of a reporter settled by the store, by its being the region's only side, by its statement
SETTLED, SOLE_SIDE, SAME_STATEMENT = "store-match", "sole-side", "paragraph-settled"
#: a held guess kept because the store holds neither side
UNSTORED = "unstored-pair"
#: the provenance of a pair named in no order settled by a figure of the same two countries in its paragraph whose
#: reporter the text itself gives (a quoted official's, a share "of Mongolia's total trade": see module doc)
NEIGHBOUR = "paragraph-named"
#: the provenances of a reporter read from the flow's subject under an agency of no known country, and before any
#: source is named (see :mod:`mirrortrade.claims.sentence`)
UNPLACED, NONE_YET = "unplaced-source", "none-yet"
#: the provenance of such a reporter once settled (by the store, the region's one side or a settled figure of the same
#: statement): the text named statistics, or will, that may be either side's, so the figure never carries a finding
#: that marks figures wrong, not even a mirror gap between the stored figure it restates and the other side's
#: (:func:`mirrortrade.claims.filters.may_raise`)
SETTLED_UNNAMED = "store-settled-unnamed"
#: the reporters the store may settle: the flow subject's guesses, and the flow's subject where an agency of no known
#: country governs the figure ("unplaced-source": either side's agency, the text does not say which) or no source
#: has been named yet ("none-yet": the figures before the article's first source)
_GUESSES = (GUESSED, HELD, UNPLACED, NONE_YET)
_MIRROR = {"X": "M", "M": "X", "T": "T"}
_NOT_A_REPORTER = {*lx.NO_COUNTRY, "GRP"}
#: of those, the parties a held figure of an unstored pair may still belong to: the European Union publishes statistics
#: of its own (Eurostat's extra-EU trade: "the EU's trade deficit with China" is the EU's figure, as "India's trade
#: deficit with China" is India's), where the world, the Central Asian region or an unnamed member have none
_OWN_STATISTICS = frozenset({"EUU"})


def _candidate(c: Claim) -> bool:
    return (c.missing == ["reporter"] and (c.how or {}).get("reporter") in _GUESSES
            and c.flow in _MIRROR and bool(c.period)
            and c.reporter not in _NOT_A_REPORTER and c.partner not in _NOT_A_REPORTER
            and c.reporter is not None and c.partner is not None
            and (c.kind == "level" and c.interval is not None or _year_on_year(c) is not None))


def _year_on_year(c: Claim) -> str | None:
    """The period a year before the claim's, when the claim carries a year-on-year growth rate."""
    prev = year_before(c.period) if c.growth_pct is not None else None
    return prev if prev is not None and c.growth_base in (None, prev) else None


_Obs = dict[tuple[str, str, str, str], list[tuple[float, float, str]]]
_Rates = dict[tuple[str, str, str, str], list[tuple[float, float, str]]]


def _stored(obs: _Obs, reporter: str, partner: str, flow: str, period: str) -> list[tuple[float, float, str]]:
    """Stored intervals of ``reporter``'s ``flow`` with ``partner`` in ``period``; a turnover with none of its own
    is the same statistics' exports + imports (every pairing of the vintages stored)."""
    got = list(obs.get((reporter, partner, flow, period), []))
    if flow == "T" and not got:
        xs, ms = obs.get((reporter, partner, "X", period), []), obs.get((reporter, partner, "M", period), [])
        got = [(x[0] + m[0], x[1] + m[1], x[2]) for x in xs for m in ms if x[2] == m[2]]
    return got


def _stored_rates(obs: _Obs, rates: _Rates, reporter: str, partner: str, flow: str, period: str,
                  prev: str) -> list[tuple[float, float, str]]:
    """Stored year-on-year rates (percent intervals) of ``reporter``'s ``flow`` with ``partner`` in ``period``:
    each level against the same statistics' level of ``prev`` (every pairing of vintages), and the published ones."""
    out = list(rates.get((reporter, partner, flow, period), []))
    before = [b for b in _stored(obs, reporter, partner, flow, prev) if 0 < b[0] <= b[1] < math.inf]
    for lo, hi, src in _stored(obs, reporter, partner, flow, period):
        if not 0 <= lo <= hi < math.inf:
            continue
        out += [(*implied_growth_pct((b_lo, b_hi), (lo, hi)), src) for b_lo, b_hi, b_src in before if b_src == src]
    return out


def _matches(iv: tuple[float, float], stored: list[tuple[float, float, str]]) -> set[str]:
    """The sources of the stored figures the interval overlaps."""
    lo, hi = iv
    return {src for s_lo, s_hi, src in stored if lo <= s_hi and s_lo <= hi}


def _settle(c: Claim, how: str) -> None:
    if c.how.get("reporter") in (UNPLACED, NONE_YET):
        how = SETTLED_UNNAMED
    c.slots["reporter"] = RESOLVED
    c.how["reporter"] = how
    c.missing = [k for k, v in c.slots.items() if v < RESOLVED]


def _guessed(c: Claim) -> bool:
    return c.missing == ["reporter"] and (c.how or {}).get("reporter") in _GUESSES and c.reporter is not None


def settle_reporters(claims: Sequence[Claim], store_obs: pd.DataFrame | None) -> list[str]:
    """Settle each guessed reporter (see module doc) that exactly one side's stored series matches, then the other
    figures of the same flow statement (same sentence, parties and period: "rose 10% to $39.8 billion"); a country's
    trade with the Central Asian region has one side that publishes statistics, the country's. Returns the ids of
    the claims settled."""
    settled = _by_store(claims, store_obs)
    settled += _unstored_pairs(claims, store_obs)
    for c in claims:
        if _guessed(c) and c.partner == "CA5" and c.reporter not in _NOT_A_REPORTER \
                and c.reporter not in lx.CENTRAL_ASIA_CODES:
            _settle(c, SOLE_SIDE)  # "China–Central Asia trade": the region as a whole has no statistics of its own
            settled.append(c.id)
    # the paragraph's other figures of the same two countries (the same flow statement, "The figure grew 33 percent
    # to $19.7 billion" after it, "imports from China" after "India's exports to China") are the same statistics
    anchors = [c for c in claims if c.id in settled or not c.missing and (c.how or {}).get("reporter") in _GUESSES]
    for c in claims:
        if not _guessed(c) or c.id in settled:
            continue
        pair = {c.reporter, c.partner}
        twin = next((d for d in anchors if d.paragraph == c.paragraph and {d.reporter, d.partner} == pair), None)
        if twin is None:
            continue
        if twin.reporter != c.reporter:
            if c.flow not in _MIRROR:
                continue  # a balance seen from the other side changes sign: left unresolved
            c.reporter, c.partner, c.flow = twin.reporter, twin.partner, _MIRROR[str(c.flow)]
        if c.source is None and twin.source is not None and twin.how.get("reporter") == SETTLED:
            c.source = twin.source
        _settle(c, SETTLED_UNNAMED if twin.how.get("reporter") == SETTLED_UNNAMED else SAME_STATEMENT)
        settled.append(c.id)
    settled += _named_neighbours(claims)
    return settled


def _named_neighbours(claims: Sequence[Claim]) -> list[str]:
    """Settle each figure of a pair named in no order (``flow-subject``, see module doc) by the figures of the same two
    countries in its paragraph whose reporter the text gives, when they all give the same side."""
    out = []
    for c in claims:
        if not (_guessed(c) and c.how.get("reporter") == GUESSED and c.partner is not None):
            continue
        pair = {c.reporter, c.partner}
        sides = {d.reporter for d in claims if d is not c and d.paragraph == c.paragraph
                 and {d.reporter, d.partner} == pair and "reporter" not in d.missing
                 and (d.how or {}).get("reporter") not in (*_GUESSES, SETTLED, SAME_STATEMENT, SETTLED_UNNAMED)}
        if len(sides) != 1:
            continue
        if not c.seen_from(sides.pop()):
            continue  # a balance seen from the other side changes sign: left unresolved
        _settle(c, NEIGHBOUR)
        out.append(c.id)
    return out


def _unstored_pairs(claims: Sequence[Claim], store_obs: pd.DataFrame | None) -> list[str]:
    """Keep the held reporter of each guessed figure whose two countries the store holds no figure of, either side
    with the other (see module doc). A store with no observations settles nothing (nothing is known of it)."""
    if store_obs is None or store_obs.empty:
        return []
    cands = [c for c in claims if _guessed(c) and c.how.get("reporter") == HELD and c.partner is not None
             and not {c.reporter, c.partner} & ((_NOT_A_REPORTER - _OWN_STATISTICS) | PLACEHOLDERS)
             and c.reporter != c.partner]
    if not cands:
        return []
    stored = {frozenset(p) for p in zip(store_obs["reporter"], store_obs["partner"], strict=True)}
    out = []
    for c in cands:
        if frozenset((c.reporter, c.partner)) not in stored:
            _settle(c, UNSTORED)
            out.append(c.id)
    return out


def _by_store(claims: Sequence[Claim], store_obs: pd.DataFrame | None) -> list[str]:
    cands = [c for c in claims if _candidate(c)]
    if not cands or store_obs is None or store_obs.empty:
        return []
    codes = {x for c in cands for x in (c.reporter, c.partner)}
    sub = store_obs[store_obs["reporter"].isin(codes) & store_obs["partner"].isin(codes)]
    if "product" in sub.columns:
        sub = sub[sub["product"].eq("TOTAL")]
    obs: _Obs = {}
    rates: _Rates = {}
    for r in sub.itertuples(index=False):
        row: Any = r
        key = (row.reporter, row.partner, row.flow, str(row.period))
        obs.setdefault(key, []).append((float(row.value_low), float(row.value_high), str(row.source_id)))
        g = getattr(row, "growth_pct", None)
        if g is not None and not pd.isna(g):
            prec = getattr(row, "growth_precision", None)
            # as printed, and never narrower than a rate to one decimal
            width = max(float(prec) if prec is not None and not pd.isna(prec) else 0.0, 0.1)
            rates.setdefault(key, []).append((*growth_interval(float(g), width), str(row.source_id)))
    settled: list[str] = []
    for c in cands:
        a, b, f, p = str(c.reporter), str(c.partner), str(c.flow), str(c.period)
        mine: set[str] = set()
        theirs: set[str] = set()
        iv = c.interval if c.kind == "level" else None
        if iv is not None:
            mine = _matches(iv, _stored(obs, a, b, f, p))
            theirs = _matches(iv, _stored(obs, b, a, _MIRROR[f], p))
        prev, rate = _year_on_year(c), printed_rate(c, "growth")
        if bool(mine) == bool(theirs) and prev is not None and rate is not None:
            # the level settles nothing (absent, matching neither side or both): the rate may
            mine = _matches(rate, _stored_rates(obs, rates, a, b, f, p, prev))
            theirs = _matches(rate, _stored_rates(obs, rates, b, a, _MIRROR[f], p, prev))
        if bool(mine) == bool(theirs):
            continue  # neither side matches (or the store holds neither), or both do: left as it is
        if theirs:
            c.reporter, c.partner, c.flow = b, a, _MIRROR[f]
        sources = mine or theirs
        if len(sources) == 1:
            c.source = next(iter(sources))  # the statistics it restates
        _settle(c, SETTLED)
        settled.append(c.id)
    return settled
