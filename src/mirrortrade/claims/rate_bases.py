"""The base of a growth rate: the period it is compared with.

A base printed in the sentence counts when it is an earlier span of the same length ("the same period of the previous
fiscal year" is the same months a year before, not that whole fiscal year); a year printed as the rate's own ("compared
with 53.9% growth in 2023" beside a 2024 rate: 2023's own growth) is no base: the same span a year before is."""

from __future__ import annotations

import re
from typing import Any

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import year_before
from mirrortrade.claims.numbers import Money
from mirrortrade.model import Period

#: "the same period of the previous fiscal year", "the corresponding months of last year": the same span, a year back
_SAME_SPAN = re.compile(r"\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter|half|time|span)\s+"
                        r"(?:of|in|last)\b", re.I)
#: what a rate is compared with, between it and a period printed after it ("27 percent higher than ... in 2022")
_COMPARED = re.compile(r"\b(?:than|from|against|compared|comparison|over|on|versus|vs)\b", re.I)


def rate_base(reader: Any, period: str | None, pos: int) -> str | None:
    """The base of a rate of ``period`` ending at ``pos`` of the sentence ``reader`` reads (its ``_base_for``, its
    ``periods`` and text ``t``)."""
    b = reader._base_for(period, pos)
    if not period or not b:
        return b
    if b == period:
        # "compared with 53.9% growth in 2023": the year printed is the rate's own ("27 percent higher than the $70.2
        # billion recorded in 2022" keeps it: a comparison stands between, the rate's own period is read after)
        marks = [pm for pm in reader.periods if pm.base and pm.period == b and pm.start >= pos]
        own = bool(marks) and not _COMPARED.search(reader.t[pos:marks[0].start])
        return year_before(period) if own else b
    looks = [pm for pm in reader.periods if pm.base and pm.period == b]
    if looks and all(pm.relative in ("year", "previous", "prior") for pm in looks) and b != year_before(period):
        # "fell 21% in September from a year earlier, after a 16.4% decline the previous month": a look back a year
        # is the base of the rate of the period it looks back from; a rate of another period is compared with its
        # own span a year before
        return year_before(period)
    try:
        own_p, base_p = Period.parse(period), Period.parse(b)
    except Exception:  # noqa: BLE001 - an unreadable period keeps the base read
        return b
    if base_p.start >= own_p.start or base_p.n_months != own_p.n_months and _SAME_SPAN.search(reader.t):
        return year_before(period)
    return b


#: a rate put beside the one before it as what an earlier period saw: "imports edged up 1%, after 18.6% a year
#: earlier", "grew by 5.3% (against 22.9% in 2022)", "a touch faster than the 1.2 percent recorded for January–October"
_EARLIER_RATE_CUE = re.compile(r"(?:[,;(]\s*|\s)(?:after|against|versus|vs\.?|compared\s+(?:with|to)|than\s+the)\s+$",
                               re.I)


#: an earlier rate tied to its own period by a participle: "the 1.2 percent recorded for January–October"
_RECORDED_FOR = re.compile(r"\s*(?:(?:growth|increase|rise|decline|drop|fall|jump)\s+)?(?:recorded|registered|seen|"
                           r"posted|logged|reported)\s+(?:in|for|over|during)\s", re.I)


def earlier_rate(text: str, qstart: int, pcts: list[Any], end: int | None = None) -> bool:
    """The percent that starts at ``qstart`` (no change word beside it) follows a comparison cue right after another
    rate of the sentence (:data:`_EARLIER_RATE_CUE`): the same series' rate in an earlier period. The other rate is
    near it (60 characters), or anywhere before it in the sentence when a participle ties this one to its own
    period (:data:`_RECORDED_FOR`, the percent ending at ``end``)."""
    if not _EARLIER_RATE_CUE.search(text, max(0, qstart - 25), qstart):
        return False
    near = len(text) if end is not None and _RECORDED_FOR.match(text, end) else 60
    return any(p.end <= qstart and qstart - p.end <= near and ";" not in text[p.end:qstart] for p in pcts)


def earlier_rate_claim(reader: Any, out: list[Any], pc: Any, qual: str, lo_bound: int, next_any: int) -> None:
    """The growth claim of an earlier rate (:func:`earlier_rate`): the series of the rate before it, the period printed
    beside it (none printed, or the same as that rate's: no period), its sign a rise as printed; the kind is read
    below :data:`~mirrortrade.claims.claim.FLAGGABLE` (an unsigned rate in a comparison): shown and corroborated,
    never flagged."""
    from mirrortrade.model import value_interval

    before = [c for c in out if c.growth_pct is not None]
    n = len(out)
    g_lo, g_hi = value_interval(pc.value, pc.precision, qual)
    reader._growth_claim(out, pc, qual, pc.value, g_lo, g_hi, lo_bound, [], next_any)
    if len(out) == n and before:
        # "Trade with the US climbed 23.4 percent ..., far faster than the 8.5 percent recorded for 2012": no flow word
        # of its own, the rate before it is its series; its period is the one printed right after it (else none)
        out.append(_series_rate(reader, before[-1], pc, qual, g_lo, g_hi))
    for c in out[n:]:
        c.cap_slot("kind", 0.55, "earlier-rate")
        if not before or c.period is None or c.period == before[-1].period:
            c.cap_slot("period", 0.0, "earlier-rate")


def stated_base(target: Claim, level_claims: list[tuple[Money, Claim | None]]) -> str | None:
    """"from 312 billion yuan in 2013 to 674 billion yuan in 2024, an increase of 116 percent": a level of the
    same series in an earlier span of the same length, stated in the same sentence, is what the rate compares with
    (a year's level is no base of a half year's rate: "...from $8.2 billion in 2021 to $15.3 billion; in the first half
    of 2025 they rose another 32%"). In a series of years ("$147 billion in 2021 and $190.27 billion in 2022, before
    rising a further 26.3% to $240.1 billion in 2023") the level of the span just before the rate's is its base; with
    no such level, the earliest stated is (the first level of a "from ... to" span)."""
    if not target.period:
        return None
    try:
        own = Period.parse(target.period)
        before = str(own.same_span_previous_year())
    except Exception:  # noqa: BLE001 - an unreadable period has no earlier one
        return None
    earlier = []
    rated = set()  # earlier periods whose level carries a rate of its own
    for _, c in level_claims:
        if c is None or c is target or not c.period or c.value_usd is None:
            continue
        if (c.reporter, c.partner, c.flow) != (target.reporter, target.partner, target.flow):
            continue
        try:
            if Period.parse(c.period).start < own.start and Period.parse(c.period).n_months == own.n_months:
                earlier.append(c.period)
                if c.growth_pct is not None:
                    rated.add(c.period)
        except Exception:  # noqa: BLE001 - an unreadable period is no base
            continue
    if before in earlier:
        return before
    if earlier and own.n_months == 1 and set(earlier) <= rated and not _FURTHER.search(target.quote):
        # "dropped 9.8 percent in January to $17.3 billion; in February they were down 23.9 percent at $11.8
        # billion": in a list of months each with its own rate, a month's rate is against the same month a year
        # before (a rate's reading with no base stated), never the month listed before it, unless it goes on from
        # it ("rose a further 10% in April")
        return None
    return earlier[0] if earlier else None


_FURTHER = re.compile(r"\b(?:a\s+further|further|another|again)\b", re.I)


def signed_bracket_rate(text: str, start: int, printed: str) -> bool:
    """"China's exports to the region: $71.2 bn (+11%)", "an increase of imports (+5.6%) and exports (+2.2%)": a
    percent printed with its sign as a bracket's first word is a rate of change (a share is never signed), of the
    figure or flow word the bracket follows; points ("(+2.1 pp)") are no such rate."""
    return printed[:1] in "+-−" and re.search(r"\(\s*$", text[:start]) is not None


def _series_rate(reader: Any, series: Claim, pc: Any, qual: str, g_lo: float, g_hi: float) -> Claim:
    """An earlier rate of ``series`` (the rate before it in the sentence): its parties, flow and source, the period
    printed within a few words after it (none: the period is left unread)."""
    own = next((pm.period for pm in reader.periods if pm.period and pc.end <= pm.start <= pc.end + 40), None)
    c = Claim(id="", quote=series.quote, start=reader.s.start + pc.start, end=reader.s.start + pc.end,
              reporter=series.reporter, partner=series.partner, flow=series.flow, period=own, qualifier=qual,
              source=series.source, kind="growth", text=pc.text, paragraph=series.paragraph, growth_pct=pc.value,
              growth_low=g_lo, growth_high=g_hi, slots=dict(series.slots), how={**series.how, "flow": "earlier-rate"},
              missing=list(series.missing))
    c.growth_base = reader._rate_base(own, pc.end) if own else None
    if own is None:
        c.cap_slot("period", 0.0, "earlier-rate")
    return c


def rate_level_after_to(t: str, clause_start: int, qstart: int) -> bool:
    """"Kazakhstan's share slipped to 46% from almost 50%", "fell from 37.9 to 32.5 percent": a percent that a change
    verb goes "to" (it starts at ``qstart``, its qualifier included) is the new level of a rate (a share, a
    proportion), not a rate of change; unless the clause's subject is itself a rate of change ("growth accelerated to
    12 percent")."""
    if not re.search(r"\bto\s+$", t[max(0, qstart - 4):qstart]):
        return False
    return not re.search(r"\b(?:growth|rate|increase|decline|expansion|contraction)\b", t[clause_start:qstart], re.I)
