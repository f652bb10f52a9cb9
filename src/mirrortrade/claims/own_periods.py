"""Which period mentions of a sentence are a figure's own period, and of which year (issue 16, session 12):

- a day's date ("BAKU, 8 May 2024.", "as of 1 January 2025") is when something was said or stood, never a month of
  trade: it is no period mention (a figure after it takes the period in context); so is a month followed by who said
  something in it when the figures said carry periods of their own ("in January 2017 the Chinese ambassador, Sun
  Weidong, said trade had fallen from $10 billion in 2013 ...");
- a looking-back mention ("a year earlier", "the previous year") in another clause after a figure is a later figure's
  comparison base ("trade stayed at $26 billion over the year, though its share slipped to 46% from 50% a year
  earlier"), never the period of the figure before it, which takes the period in context;
- a sentence that restates the figure in context for an earlier year ("In 2015 this figure was only $4.7 billion")
  is a side remark: the sentences after it go on about the period in context;
- a month named without its year ("in January") in an undated article that also prints the same month with a year
  only as a comparison base ("up 48% on January 2023", "compared with March 2019") is the month a year after that
  base, never the base month itself;
- the same span a year before heading a clause ("In the same period last year, exports were $380 million") is the
  period of that clause's figures, a look back from the period in context; after a figure ("compared with $480
  million in the same period last year") it stays the figure's comparison base."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from mirrortrade.claims.fiscal import MON, MONTHS
from mirrortrade.claims.periods import PeriodMention
from mirrortrade.model import Period

#: a comparison word right before a month and year: "on January 2023", "compared with March 2019", "from May 2022"
_BASE_WORD = re.compile(
    r"\b(?:on|over|from|than(?:\s+in)?|versus|vs\.?|against|compared\s+(?:with|to)|relative\s+to)\s+(?:in\s+)?$", re.I)
_MONTH_YEAR = re.compile(r"\b(?P<mon>" + MON + r")\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
#: a year printed or said in a period mention ("January 2024", "this January", "January last year")
_YEAR_SAID = re.compile(r"(?:19|20)\d\d|\b(?:this|last|next|current|past|previous|prior)\b|\b'\d\d\b", re.I)
_MONTH_PERIOD = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)$")
#: a day number right before a month: "8 May 2024", "1st January"
_DAY_BEFORE = re.compile(r"(?<![\d.,$])\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+$")
_STARTS_MONTH = re.compile(r"^" + MON + r"\b", re.I)
#: words that make the clause after a month a statement of trade, not who spoke: "In March exports rose, it said"
_NOT_SPEAKER = (r"(?:exports?|imports?|trade|turnover|shipments?|rose|fell|grew|reached|amounted|totall?ed|increased|"
                r"decreased|declined|jumped|climbed|dropped|came|stood|was|were|is|are|had|has|have)\b")
#: a month followed by who said something in it: "in January 2017 the Chinese ambassador, Sun Weidong, said"
_SAID_AFTER = re.compile(
    r"^,?\s+(?:the\s+|a\s+|an\s+)?(?:(?!" + _NOT_SPEAKER + r")[A-Za-z][A-Za-z'’.-]*)"
    r"(?:[\s,]+(?!" + _NOT_SPEAKER + r")[A-Za-z'’.-]+){0,9}?,?\s+"
    r"(?:said|told|announced|stated|noted|declared|wrote|remarked)\b(?![^.;]*\b(?:in|during|for)\s+(?:the\s+)?month\b)")


def own_periods(periods: list[PeriodMention], sentence: str, text: str, dated: bool,
                context_period: str | None = None) -> list[PeriodMention]:
    """The sentence's period mentions without days' dates, with a year-on-year span heading a clause read as its
    own period (:func:`year_before_heading`), and (``dated`` false: an article with no date) with a bare month
    moved a year after its comparison base (:func:`after_base`)."""
    out = [pm for pm in periods if not (_MONTH_PERIOD.match(pm.period or "") and _STARTS_MONTH.match(pm.text)
                                        and _DAY_BEFORE.search(sentence[max(0, pm.start - 6):pm.start]))
           and not (_MONTH_PERIOD.match(pm.period or "") and _SAID_AFTER.match(sentence[pm.end:pm.end + 120])
                    and any(q.start >= pm.end and q.period for q in periods))]
    out = [year_before_heading(pm, sentence, context_period) for pm in out]
    return out if dated else after_base(out, text)


#: the head of a clause up to a preposition: "In ", "; during ", ", and over "
_CLAUSE_HEAD = re.compile(r"(?:^|[,;:–—]\s*|\b(?:and|while|but|whereas)\s+)(?:in|during|over|for)\s+$", re.I)


def year_before_heading(pm: PeriodMention, sentence: str, context_period: str | None) -> PeriodMention:
    """"In the same period last year, exports were $380 million": the same span a year before, heading its clause,
    is the period of the figures of that clause (a look back from the period in context, which goes on after it),
    not the base of a rate ("up 9 percent on the same period last year"); with no period in context, none."""
    if pm.relative != "yoy" or not re.match(r"the\s+(?:same|corresponding)\s", pm.text, re.I) \
            or not _CLAUSE_HEAD.search(sentence[max(0, pm.start - 16):pm.start]):
        return pm
    try:
        period = str(Period.parse(context_period).same_span_previous_year()) if context_period else None
    except Exception:  # noqa: BLE001 - a span that cannot go back a year: no period
        period = None
    return replace(pm, period=period, base=False, full_year=False, relative="year")


@lru_cache(maxsize=16)
def base_months(text: str) -> frozenset[tuple[int, int]]:
    """(year, month) pairs the text prints with their year only as a comparison base, never as a claim's own
    month (the same month and year printed elsewhere without a comparison word is no base)."""
    bases: set[tuple[int, int]] = set()
    own: set[tuple[int, int]] = set()
    for m in _MONTH_YEAR.finditer(text):
        ym = (int(m.group("y")), MONTHS[m.group("mon").lower().rstrip(".")])
        (bases if _BASE_WORD.search(text[max(0, m.start() - 30):m.start()]) else own).add(ym)
    return frozenset(bases - own)


def after_base(periods: list[PeriodMention], text: str) -> list[PeriodMention]:
    """Move a single month named without its year from a comparison base's year to the year after ("in January"
    beside "up 48% on January 2023" is January 2024)."""
    bases = base_months(text)
    if not bases:
        return periods
    out = []
    for pm in periods:
        m = _MONTH_PERIOD.match(pm.period or "")
        if m and not pm.base and not _YEAR_SAID.search(pm.text):
            y, mon = int(m.group("y")), int(m.group("m"))
            if (y, mon) in bases:
                pm = replace(pm, period=f"{y + 1}-{mon:02d}")
        out.append(pm)
    return out


#: mentions that look back from the period in context: a comparison base's words
_LOOKING_BACK = ("year", "previous", "prior", "yoy")


def looks_back_after(pm: PeriodMention, fig_end: int) -> bool:
    """Whether ``pm`` looks back from the period in context ("a year earlier") and comes after the figure ending at
    ``fig_end`` (outside its clause: a later figure's comparison base)."""
    return pm.start >= fig_end and pm.relative in _LOOKING_BACK


#: the figure in context referred back to: "this figure", "the indicator", "that amount"
_BACK_REFERENCE = re.compile(r"\b(?:this|that|the|the\s+same)\s+(?:figure|indicator|amount|number|volume|sum)\b", re.I)


def past_restatement(sentence: str, period: str | None, carried: str | None) -> bool:
    """Whether ``sentence`` restates the figure in context ("this figure") for a ``period`` that ends before the
    ``carried`` period starts (a look back, not a new period for the sentences after it)."""
    if not period or not carried or not _BACK_REFERENCE.search(sentence):
        return False
    try:
        return Period.parse(period).end < Period.parse(carried).start
    except Exception:  # noqa: BLE001 - an unreadable period is no look back
        return False


def refines(part: PeriodMention, whole: PeriodMention) -> bool:
    """Whether ``part`` names a part of the period ``whole`` names ("in the first quarter" of "this year", "in January"
    of 2024): the narrower period is what a figure dated by both is about."""
    try:
        p, w = Period.parse(part.period or ""), Period.parse(whole.period or "")
    except Exception:  # noqa: BLE001 - an unreadable period refines nothing
        return False
    return p.n_months < w.n_months and w.contains(p)


def narrowest(mentions: list[PeriodMention]) -> PeriodMention | None:
    """"The momentum carried into this year: in the first quarter the same figure was up 22 percent": of the periods
    heading a clause, the first, narrowed by each later one that is a part of it (a sub-period within the year said
    before it); a later period that is no part of it (another year) leaves the first."""
    if not mentions:
        return None
    cur = mentions[0]
    for q in mentions[1:]:
        if refines(q, cur):
            cur = q
    return cur
