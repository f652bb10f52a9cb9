"""The base of a growth rate: the period it is compared with.

A base printed in the sentence counts when it is an earlier span of the same length ("the same period of the previous
fiscal year" is the same months a year before, not that whole fiscal year); a year printed as the rate's own ("compared
with 53.9% growth in 2023" beside a 2024 rate: 2023's own growth) is no base: the same span a year before is."""

from __future__ import annotations

import re
from typing import Any

from mirrortrade.claims.context import year_before
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
