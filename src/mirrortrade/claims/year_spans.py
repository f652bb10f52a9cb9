"""A span of several years that dates a figure: "From 2021 to 2024, China's exports to Kazakhstan increased from $8.2
billion to $15.3 billion, an increase of 86%", "Over 2009–2018 the deficit added up to $190.6 billion", "For 2014-2018
the turnover increased 1.6 times", "has almost tripled from 2019 to 2023".

Such a span is one period mention with no calendar period (``relative == "years"``, :mod:`period_patterns`). It
dates a figure of its clause when it heads the clause before the figure with no other period of the clause before
the figure, or follows the figure directly (no comma, semicolon or conjunction between: the next clause's span is the
next clause's). The levels a change went between over the span are its first and last years' (:mod:`fill`); a rate
over it is several years' growth, no claim (:mod:`percents`); any other figure it dates has no one year."""

from __future__ import annotations

import re

from mirrortrade.claims.period_patterns import PeriodMention

#: what ends a figure's phrase before a span after it: the next clause's span is no span of this figure
_BREAK = re.compile(r"[,;:()]|\b(?:and|while|whereas|but|although|though)\b", re.I)


def dating_span(periods: list[PeriodMention], text: str, clause: tuple[int, int], fig_start: int,
                fig_end: int) -> PeriodMention | None:
    """The span of several years among ``periods`` (the sentence ``text``'s) that dates the figure at
    ``fig_start``–``fig_end`` in ``clause``, or None."""
    ca, cb = clause
    spans = [pm for pm in periods if pm.relative == "years" and ca <= pm.start < cb]
    if not spans:
        return None
    dated = [pm for pm in periods if not pm.base and pm.relative != "years" and (pm.period or pm.relative == "span")]
    before = [pm for pm in spans if pm.end <= fig_start]
    if before:
        span = before[-1]
        # another period of the clause before the figure ("In 2023, trade, which grew over 2015–2022, reached $5
        # billion") is the figure's own: the span is an aside
        return None if any(ca <= q.start < fig_start for q in dated) else span
    after = [pm for pm in spans if pm.start >= fig_end]
    if after and not _BREAK.search(text[fig_end:after[0].start]) and not any(
            fig_end <= q.start < after[0].start or ca <= q.start < fig_start for q in dated):
        return after[0]
    return None


def span_years(pm: PeriodMention) -> tuple[str, str]:
    """The first and last years of a span mention ("From 2021 to 2024": 2021, 2024)."""
    years = re.findall(r"(?:19|20)\d\d", pm.text)
    return years[0], years[-1]
