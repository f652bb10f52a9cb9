"""Relative period mentions resolved against the period in context: "the previous year", "a year earlier" (the
span in context a year before, never the calendar year, after a part of a year or a fiscal year), "during this period"
(the one named before it), a period in brackets after a comparison base, and the months opening a fiscal year the
article stated."""

from __future__ import annotations

import re
from datetime import date

from mirrortrade.claims.period_patterns import PeriodMention
from mirrortrade.claims.period_patterns import parse as _parse
from mirrortrade.model import Period

#: relative mentions of the year before the period in context
YEAR_BEFORE = ("the previous year", "the prior year", "the preceding year", "the year before", "a year earlier",
                "a year before", "a year ago")
#: the ones that shift the period in context back a year, whatever its span ("the previous year" names a year)
SHIFT_BACK = ("a year earlier", "a year before", "a year ago")


def rel_year(rel: str, ref_year: int | None, context_year: int | None) -> int | None:
    r = " ".join(rel.lower().split())
    if r in ("this year", "the current year"):
        return ref_year
    if r == "next year":
        return ref_year + 1 if ref_year else None
    if r in ("last year", "the past year"):
        return ref_year - 1 if ref_year else None
    if r in YEAR_BEFORE:
        if context_year:
            return context_year - 1
        return ref_year - 1 if ref_year else None
    return None


def fiscal_months(stated: list[str], n: int, fiscal_start: int, cp: Period | None) -> str | None:
    """The span of ``n`` months opening the fiscal year (from month ``fiscal_start``) that the article stated: "" when
    it stated none (the months are the calendar's); when it stated several (this year's and a year before), the one
    the period in context ``cp`` lies in; None when that is not one, or the article also stated the calendar's first
    ``n`` months (which is meant is not said)."""
    spans = {p for p in stated if (q := _parse(p)) is not None and q.n_months == n}
    fiscal = {p for p in spans if _parse(p).start_month == fiscal_start}  # type: ignore[union-attr]
    if not fiscal:
        return ""
    if any(_parse(p).start_month == 1 for p in spans):  # type: ignore[union-attr]
        return None
    if len(fiscal) > 1 and cp is not None:
        fiscal = {p for p in fiscal if _parse(p).contains(cp)}  # type: ignore[union-attr]
    return fiscal.pop() if len(fiscal) == 1 else None


def context_from_before(out: list[PeriodMention]) -> list[PeriodMention]:
    """"$19.9 billion in January–November 2024 and $22.7 billion for the full year", "in the first half of 2023
    ... during this period": a mention of the period in context takes the one named before it in the text."""
    res: list[PeriodMention] = []
    for pm in out:
        # the period named before (a "during this period" that was resolved counts: "over the same ten months ...
        # from $8.3 billion a year earlier" is those months a year before)
        prev = next((q for q in reversed(res) if not q.base and (q.period or q.relative == "span")
                     and (q.relative != "context" or (q.period and pm.relative != "context"))), None)
        if prev is not None and prev.period is None and pm.relative in ("context", "previous", "prior", "year"):
            # "... in July-June 2023-24, against $9.7 billion a year earlier": relative to a span with no calendar
            # period, so none either
            pm = PeriodMention(pm.start, pm.end, pm.text, None, pm.base, pm.full_year, "span")
        elif pm.relative == "context" and pm.base:
            # "less than in the same period": the same span a year earlier, a year-on-year base
            pm = PeriodMention(pm.start, pm.end, pm.text, None, True, pm.full_year, "yoy")
        elif pm.relative == "context" and prev is not None:
            period = str(Period.parse(prev.period).year) if pm.full_year else prev.period  # type: ignore[arg-type]
            pm = PeriodMention(pm.start, pm.end, pm.text, period, pm.base, pm.full_year, pm.relative)
        elif pm.relative in ("previous", "prior", "year") and pm.full_year and prev is not None:
            # "$8.9 billion in 2024, up 6.9 percent on the previous year": the year before the one just named;
            # "$1.1 billion in January–June 2024, up from $0.9 billion a year earlier": the same months a year before
            p0 = Period.parse(prev.period)  # type: ignore[arg-type]
            if (pm.relative == "year" and p0.n_months < 12) or p0.kind == "span":
                pm = PeriodMention(pm.start, pm.end, pm.text, str(p0.same_span_previous_year()), pm.base, False,
                                   pm.relative)
            else:
                pm = PeriodMention(pm.start, pm.end, pm.text, str(p0.year - 1), pm.base, pm.full_year, pm.relative)
        res.append(pm)
    return res


def bracketed_bases(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    """A period in brackets right after a comparison base ("9.4 percent higher year on year ($5.3 billion in
    January–June 2023)") dates the base's level: it is a base too, never the period the text goes on about."""
    res = []
    for pm in out:
        if not pm.base:
            opened = text.rfind("(", 0, pm.start)
            if opened >= 0 and ")" not in text[opened:pm.start] and any(
                    b.base and b.end <= opened and not text[b.end:opened].strip() for b in out):
                pm = PeriodMention(pm.start, pm.end, pm.text, pm.period, True, pm.full_year, pm.relative)
        res.append(pm)
    return res



#: the whole current year or fiscal year, no part of it named: "this year", "the current year", "the current fiscal
#: year (2017-18)", "this fiscal"; "year to date"
_CURRENT_YEAR = re.compile(
    r"(?:(?:the\s+)?(?:current|ongoing)|this)\s+(?:(?:fiscal|financial)(?:\s+year)?|year)\b[\s(]*"
    r"(?:(?:19|20)\d\d(?:\s*[-–/]\s*\d\d(?:\d\d)?)?)?\s*\)?|year[\s-]to[\s-]date"
    r"|since\s+the\s+(?:beginning|start|outset)\s+of\s+.*", re.I)
#: a bare year: "in 2025 so far", "so far in 2025" (to date only)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_TO_DATE_BEFORE = re.compile(r"\bso\s+far\s+(?:in\s+)?$", re.I)
_TO_DATE_AFTER = re.compile(r"^\s*(?:so\s+far|to\s+date)\b", re.I)
#: a part of the year read from the period in context (shown and corroborated, never flagged on that alone) and from
#: the span the same sentence named before it
PART_FROM_CONTEXT = 0.55
PART_PINNED = 0.8


def _to_date_of(p: Period, whole: Period) -> bool:
    """``p`` is a part of ``whole`` counted from its start (January–April of a year, July–March of a fiscal year)."""
    return p.n_months < 12 and whole.contains(p) and p.start == whole.start


def part_of_year(text: str, out: list[PeriodMention], cp: Period | None, ref_year: int | None) -> list[PeriodMention]:
    """"Imports from China came to $9.3 billion in July–April ... a deficit of $7.9 billion in the current fiscal
    year", "so far this year", "year to date": a mention of the whole current (fiscal) year, in a text about a part of
    it counted from its start, means that part: the span the sentence named before it (``PART_PINNED``), else the
    span in context ``cp`` (``PART_FROM_CONTEXT``: a reading, not printed). About another part of that year (April
    alone), or "so far" with no such span: which months is not said (no calendar period). Otherwise the whole year
    stands."""
    res: list[PeriodMention] = []
    for pm in out:
        to_date = pm.text.lower().startswith(("year", "since")) or bool(
            _TO_DATE_BEFORE.search(text[:pm.start]) or _TO_DATE_AFTER.match(text[pm.end:]))
        if pm.base or not (_CURRENT_YEAR.fullmatch(pm.text) or to_date and _BARE_YEAR.fullmatch(pm.text)):
            res.append(pm)
            continue
        whole = _parse(pm.period)
        if whole is None and to_date and ref_year:
            whole = Period.year_of(ref_year)  # "year to date": the calendar year's, by the article's year
        if whole is None or whole.n_months != 12:
            res.append(pm)
            continue
        pinned = next((q for q in reversed(res) if not q.base and (p := _parse(q.period)) is not None
                       and _to_date_of(p, whole)), None)
        if pinned is None and to_date:
            # "has grown 1.9% so far this year, to $158 billion in the eight months through August": the span the
            # same sentence names after it
            pinned = next((q for q in out if q.start >= pm.end and not q.base and (p := _parse(q.period)) is not None
                           and _to_date_of(p, whole)), None)
        if pinned is not None:
            pm = PeriodMention(pm.start, pm.end, pm.text, pinned.period, False, False, "context-part", PART_PINNED)
        elif cp is not None and _to_date_of(cp, whole):
            pm = PeriodMention(pm.start, pm.end, pm.text, str(cp), False, False, "context-part", PART_FROM_CONTEXT)
        elif to_date or (cp is not None and cp.n_months < 12 and whole.contains(cp)):
            pm = PeriodMention(pm.start, pm.end, pm.text, None, False, False, "span")
        res.append(pm)
    return res


def previous_month(out: list[PeriodMention], cp: Period | None) -> list[PeriodMention]:
    """"Exports dropped in November, after 24% growth the previous month": "the previous month" ("the month before", "a
    month earlier") is the month before the single month named before it in the text, else before the period in
    context when that is one month. With neither (after a year, a span, nothing), which month is not said: a figure it
    dates gets no calendar period (a comparison base stays a base, with no period)."""
    res: list[PeriodMention] = []
    for pm in out:
        if pm.relative == "previous-month":
            prev = next((q for q in reversed(res) if not q.base and q.period), None)
            ref = _parse(prev.period) if prev is not None else cp
            if ref is not None and ref.n_months == 1:
                y, mo = ref.start.year, ref.start.month
                pm = PeriodMention(pm.start, pm.end, pm.text, f"{y - (mo == 1)}-{(mo - 2) % 12 + 1:02d}", pm.base,
                                   False, pm.relative)
            elif not pm.base:
                pm = PeriodMention(pm.start, pm.end, pm.text, None, False, False, "span")
        res.append(pm)
    return res


#: a sentence that says a whole year: "for the full year", "in 2024 as a whole", "annual trade", "by the end of 2024"
_WHOLE_YEAR = re.compile(
    r"\b(?:full|whole|entire|calendar)[\s-]+(?:year|\d{4})|\ball\s+(?:of\s+)?(?:the\s+year|\d{4})|\bannual(?:ly)?\b|"
    r"\bas\s+a\s+whole\b|\b(?:for|over)\s+the\s+(?:\d{4}\s+)?year\b|\byear[\s-]end\b|\bend\s+of\s+(?:the\s+year|\d{4})|"
    r"\bby\s+\d{4}\b|\b\d{4}\s+(?:total|overall)\b|\b\d{4}['’]s\b", re.I)


def year_of_part(text: str, out: list[PeriodMention], cp: Period | None, ref_date: date | None) -> list[PeriodMention]:
    """"Trade with China through September reached $10.2 billion in 2024": a part of a year counted from January and
    a bare year in one sentence are one period, that part of that year (never the whole year beside its part).

    "$5.8 billion from January through June 2024 ... In 2024, Uzbek exports to China have slipped 0.5 percent": a
    bare year, when the text goes on about a part of that year counted from January (``cp``) and the sentence names
    no other period and says nothing of the whole year, is that part when the article was written before the year
    ended (``ref_date``: no whole year's figure was out; ``PART_FROM_CONTEXT``, a reading, never flagged); in the
    first two months after it (the whole year's statistics may or may not be out) which is meant is not said. A
    later or undated article may quote the whole year: it stands."""
    if _WHOLE_YEAR.search(text):
        return out
    own = [pm for pm in out if not pm.base and (pm.period or pm.relative == "span")]
    years = [pm for pm in own if pm.full_year and pm.relative is None and _BARE_YEAR.fullmatch(pm.text)]
    parts = [pm for pm in own if (p := _parse(pm.period)) is not None and p.kind != "span" and p.n_months < 12
             and p.start_month == 1 and pm.relative is None and not _BARE_YEAR.search(pm.text)]
    if len(years) == 1 and len(parts) == 1 and len(own) == 2:
        # "Trade with China through September reached $10.2 billion in 2024": the months of the year the sentence
        # prints, one period (never the whole year beside its part)
        y, n = int(years[0].text), _parse(parts[0].period).n_months  # type: ignore[union-attr]
        span = str(Period.parse(f"{y}-01/{y}-{n:02d}")) if n > 1 else f"{y}-01"
        return [PeriodMention(q.start, q.end, q.text, span, False, False, None if q is parts[0] else "context-part",
                              1.0 if q is parts[0] else PART_PINNED) if q in (years[0], parts[0]) else q for q in out]
    if cp is None or cp.kind == "span" or not (cp.n_months < 12 and cp.start_month == 1):
        return out
    if len(own) != 1 or not own[0].full_year or own[0].relative is not None or own[0].period != str(cp.year):
        return out
    pm = own[0]
    if ref_date is None or ref_date > date(cp.year + 1, 2, 28):
        return out
    if ref_date.year > cp.year:
        new = PeriodMention(pm.start, pm.end, pm.text, None, False, False, "span")
    else:
        new = PeriodMention(pm.start, pm.end, pm.text, str(cp), False, False, "context-part", PART_FROM_CONTEXT)
    return [new if q is pm else q for q in out]
