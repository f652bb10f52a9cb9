"""Period expressions in news text -> :class:`mirrortrade.model.Period` strings.

"in 2025", "2025's total", "the first nine months of 2024" (2024-01/2024-09), "Q3 2022",
"3Q22", "H1 2025", "January–September 2021", "the first half of this year", "March 2024",
"last year", "this year", "the previous year".

A mention is a *base* when it names what a figure is compared with ("over 2024's total",
"compared with 2024", "from the previous year", "year on year"): such mentions never give a
figure its own period.

Relative years resolve against a reference: the article date's year when given; otherwise
the text's own years (see :func:`infer_reference_year`). "A year earlier" ("a year before", "a year ago")
after a part of a year in context is that span a year before ("against $7.2 billion a year before" after
the first half of 2017: the first half of 2016), never the calendar year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from mirrortrade.claims.anchors import dateline_year, dates_compared_figure, spoken_of_as_past
from mirrortrade.claims.anchors import reference_date as reference_date
from mirrortrade.claims.fiscal import MON as _MON
from mirrortrade.claims.fiscal import MONTHS as _MONTHS
from mirrortrade.claims.fiscal import ORD as _ORD
from mirrortrade.claims.fiscal import count, fiscal_period, past_months, trailing, wrapped_range
from mirrortrade.claims.fiscal import last_month as _last_month
from mirrortrade.claims.fiscal import span as _span
from mirrortrade.errors import PeriodError
from mirrortrade.model import Period

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_REL = r"(?:this|last|the\s+current|the\s+previous|the\s+preceding|the\s+past|the\s+prior|next)\s+year"
_YREF = r"(?:(?:of\s+|in\s+)?(?P<y>" + _YEAR + r")(?!\s*[-–/]\s*\d)|(?:of\s+)?(?P<rel>" + _REL + r"))"

#: a split year ("2023-24", "2018/19", "2023–2024"): a fiscal or marketing year across two calendar years
_SPLIT = r"(?P<sy>" + _YEAR + r")\s*[-–/]\s*(?P<sy2>\d\d(?:\d\d)?)(?![\d-])"

#: the year(s) after "fiscal"/"FY": "2023-24", "(2018-19)", "2024", "'24"
_FYEAR = r"(?:(?:\(\s*)?" + _SPLIT + r"(?:\s*\))?|['’]?(?:" + _YEAR + r"|\d\d)\b)"

#: a split year without named groups ("2024-25", "2024/25")
_SPLIT_PLAIN = _YEAR + r"\s*[-–/]\s*\d\d(?:\d\d)?(?![\d-])"
_NMONTHS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "April 2024-January 2025", "between July 2023 and March 2024": months of two named years
    ("month_year_range", re.compile(
        r"\b(?:between\s+|from\s+)?(?P<m1>" + _MON + r")\s*,?\s*(?P<ya>" + _YEAR + r")\s*(?:–|—|-|to|through|and|until|"
        r"till)\s*(?P<m2>" + _MON + r")\s*,?\s*(?P<yb>" + _YEAR + r")\b", re.I)),
    # "the 12 months through March", "the year to June 2024", "the twelve months ended September": a trailing window
    ("trailing", re.compile(
        r"\b(?:(?:the\s+|a\s+)?(?P<n>" + _NMONTHS + r")[\s-]+months?|(?:the|a)\s+year)\s+(?:through|to|ended|ending|"
        r"up\s+to|until)\s+(?:the\s+end\s+of\s+)?(?P<tm>" + _MON + r")(?:\s*,?\s*(?P<ty>" + _YEAR + r"))?", re.I)),
    # "the first ten months of 2024-25", "the 2024/25 fiscal year": a fiscal year written as its calendar years
    ("span", re.compile(
        r"\b(?:(?:the\s+)?first\s+" + _NMONTHS + r"\s+months\s+of\s+(?:the\s+)?\(?\s*" + _SPLIT_PLAIN + r"\s*\)?"
        r"|(?:the\s+)?" + _SPLIT_PLAIN + r"\s+(?:fiscal|financial)\s+year\b)", re.I)),
    # "the first eight months of the current fiscal year", "fiscal year 2023-24", "FY2024", "last fiscal year", "the
    # third quarter of fiscal 2024": a fiscal year's months depend on the country's fiscal calendar (July-June,
    # April-March, ...): resolved when the article says which (fiscal.py), else named but unresolved (never the
    # calendar year it shares a number with)
    ("span", re.compile(
        r"\b(?:(?:the\s+)?(?:first\s+" + _NMONTHS + r"\s+months|(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
        r"(?:quarter|half))(?:\s*\(\s*" + _MON + r"\s*(?:–|—|-|to|through)\s*" + _MON + r"\s*\))?\s+of\s+)?(?:the\s+)?(?:(?:current|this|last|previous|prior|past|ongoing|next|same|corresponding)\s+)?"
        r"(?:(?:fiscal|financial)\s+year\b|(?:fiscal\s+|FY\s?)(?=['’(]?\d))(?:\s*" + _FYEAR + r")?", re.I)),
    # "July-June 2023-24", "July–February (2018-19)", "in 2018-19": months or a year across two calendar years
    ("span", re.compile(
        r"\b(?:(?:" + _MON + r")\s*(?:–|—|-|to|through)\s*(?:" + _MON + r")\s*,?\s*\(?\s*)?" + _SPLIT)),
    # "July–January": a month range that wraps round the year end (a fiscal year's part), not January–July
    ("span", re.compile(
        r"\b(?P<w1>" + _MON + r")\s*(?:–|—|-|to|through)\s*(?P<w2>" + _MON + r")", re.I)),
    ("months", re.compile(
        r"\b(?:the\s+)?first\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
        r"(?:\s+" + _YREF + r")?", re.I)),
    # "the first three quarters of 2009": January–September
    ("quarters_n", re.compile(
        r"\b(?:the\s+)?first\s+(?P<n>2|3|two|three)\s+quarters(?:\s+" + _YREF + r")?", re.I)),
    # "over the past eight months" in an article of November: the year's months to date (:func:`fiscal.past_months`)
    ("past_months", re.compile(r"\b(?:in|over|during|for)\s+the\s+(?:past|last)\s+(?P<n>" + _NMONTHS + r")[\s-]+months\b",
                               re.I)),
    # "in the nine months", "over the four months", "up 29.5% in nine months": the months to date of the year in
    # context
    ("months", re.compile(
        r"\b(?:in|over|during|for|after)\s+(?:the\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
        r"[\s-]+months?(?:\s+period)?(?:\s+" + _YREF + r")?", re.I)),
    # "during this period", "over the same ten months", "in that period", "during the months under review", "in the
    # month": the period the text is about, not a base
    ("context", re.compile(
        r"\b(?:during|in|over|for|within)\s+(?:(?:this|that|these|those|the\s+same|the\s+reporting|the\s+said)\s+"
        r"(?:" + _NMONTHS + r"\s+)?(?:period|time|months?)\b|the\s+(?:period|months?|quarter|half)\s+under\s+"
        r"(?:review|consideration)\b|the\s+month\b)(?!\s+(?:of|in|a|last|the\s+previous)\b)", re.I)),
    ("quarter_words", re.compile(
        r"\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+" + _YREF + r")?", re.I)),
    ("half_words", re.compile(
        r"\b(?:the\s+)?(?P<o>first|second|1st|2nd)[\s-]+half(?:\s+" + _YREF + r")?", re.I)),
    # "9M 2024", "9M24": the first nine months (never the year it names; "$9M" is money)
    ("months", re.compile(r"(?<![$€£¥\d.,])\b(?P<n>[1-9]|1[01])M(?:\s+|\s*['’])?(?P<y>" + _YEAR + r"|\d\d)\b(?![.,]\d)")),
    # "Q1-Q3 2024", "Q1–Q3": January–September (never the third quarter alone)
    ("quarter_range", re.compile(
        r"\bQ(?P<q1>[1-4])\s*(?:–|—|-|to|through)\s*Q(?P<q2>[1-4])\b(?:\s*(?:of\s+)?['’]?(?P<y>" + _YEAR + r"|\d\d)\b)?")),
    # "in H1", "for the H2": the half of the year in context
    ("half_bare", re.compile(r"\b(?:[Ii]n|[Ff]or|[Dd]uring|[Oo]ver)\s+(?:the\s+)?H(?P<h4>[12])\b(?![\s/'’-]*\d)")),
    ("quarter_code", re.compile(
        r"\bQ(?P<q>[1-4])(?:\s+of)?[\s/-]*['’]?(?P<y>" + _YEAR + r"|\d\d)\b"
        r"|\b(?P<q2>[1-4])Q[\s/-]*['’]?(?P<y2>" + _YEAR + r"|\d\d)\b"
        r"|\b(?P<y3>" + _YEAR + r")[\s-]?Q(?P<q3>[1-4])\b")),
    ("half_code", re.compile(
        r"\bH(?P<h>[12])[\s/-]*['’]?(?P<y>" + _YEAR + r"|\d\d)\b"
        r"|\b(?P<h2>[12])H[\s/-]*['’]?(?P<y2>" + _YEAR + r"|\d\d)\b"
        r"|\b(?P<y3>" + _YEAR + r")[\s-]?H(?P<h3>[12])\b")),
    ("month_range", re.compile(
        r"\b(?:between\s+|from\s+)?(?P<m1>" + _MON + r")\s*(?:–|—|-|to|through|and|until|till)\s*(?P<m2>" + _MON + r")"
        r"(?:\s*(?:of\s+)?,?\s*(?:(?P<y>" + _YEAR + r")|(?P<rel>" + _REL + r")))?", re.I)),
    ("month", re.compile(
        r"\b(?P<m1>" + _MON + r")\s+(?:of\s+)?(?:(?P<y>" + _YEAR + r")|(?P<rel>" + _REL + r"))"
        r"|\bin\s+(?P<m2>" + _MON + r")(?!\s*(?:\d|of\b|[-–]))"
        # "October alone brought $19.8 billion": the month by itself; "January's exports"
        r"|\b(?P<m3>(?!may\b)" + _MON + r")\s+alone\b"
        r"|\b(?P<m4>" + _MON + r")['’]s\b",
        re.I)),
    ("year", re.compile(r"(?:(?<=mid-)|(?<![\w$.,/-]))(?P<y>" + _YEAR + r")(?!\s*[-–/]\s*\d)(?![\w,.]\d)(?P<poss>['’]s)?")),
    ("relative", re.compile(
        r"\b(?P<rel>this\s+year|last\s+year|the\s+current\s+year|the\s+previous\s+year|the\s+prior\s+year|"
        r"the\s+preceding\s+year|"
        r"the\s+year\s+before|a\s+year\s+(?:earlier|before|ago)|the\s+past\s+year|next\s+year|"
        r"the\s+(?:same|corresponding)\s+(?:period|months?|quarter|half)\s+(?:(?:of\s+|in\s+)?(?:last|the\s+previous)\s+"
        r"year|a\s+year\s+(?:ago|earlier|before))|year[\s-]on[\s-]year|"
        r"year[\s-]over[\s-]year|\by/y\b|\byoy\b|for\s+the\s+(?:(?:whole|full|entire)\s+)?year)", re.I)),
]

_BASE_BEFORE = re.compile(
    r"(?:\bover|\bthan(?:\s+in)?|\bcompared\s+(?:with|to)|\bfrom|\bversus|\bvs\.?|\bagainst|\brelative\s+to|"
    r"\bon|\bbeat(?:ing)?|\bsurpass(?:ing|ed)?|\bexceed(?:ing|ed)?|\bsince"
    # "17 percent above January 2024", "3 percent below the first half of 2023"
    r"|(?:\d|percent|per\s+cent|%)\s+(?:above|below)"
    # "than in the same period of 2019", "compared with the corresponding months of 2023"
    r"|\b(?:same|corresponding|like|similar|comparable)\s+(?:period|time|months?|quarter|half)\s+(?:of|in|a year)"
    r")\s+(?:the\s+|that\s+of\s+|in\s+)?$",
    re.I,
)
_BASE_AFTER_POSS = re.compile(r"^\s*(?:total|level|figure|result|volume|value|record|tally|amount)s?\b", re.I)


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    text: str
    period: str | None  # model.Period string, None when it cannot be resolved
    base: bool  # a comparison base, not the figure's own period
    full_year: bool
    relative: str | None = None  # "last", "this", "previous", "yoy", "context", "compared", "span"


def _two_digit(y: str) -> int:
    v = int(y)
    return v if v > 100 else 2000 + v


#: relative mentions of the year before the period in context
_YEAR_BEFORE = ("the previous year", "the prior year", "the preceding year", "the year before", "a year earlier",
                "a year before", "a year ago")
#: the ones that shift the period in context back a year, whatever its span ("the previous year" names a year)
_SHIFT_BACK = ("a year earlier", "a year before", "a year ago")


def _rel_year(rel: str, ref_year: int | None, context_year: int | None) -> int | None:
    r = " ".join(rel.lower().split())
    if r in ("this year", "the current year"):
        return ref_year
    if r == "next year":
        return ref_year + 1 if ref_year else None
    if r in ("last year", "the past year"):
        return ref_year - 1 if ref_year else None
    if r in _YEAR_BEFORE:
        if context_year:
            return context_year - 1
        return ref_year - 1 if ref_year else None
    return None


def find_periods(
    text: str, *, ref_year: int | None = None, context_year: int | None = None,
    context_period: str | None = None, ref_date: date | None = None, carried: bool = True,
    fiscal_start: int | None = None, stated: list[str] | None = None,
) -> list[PeriodMention]:
    """All period mentions of ``text`` (one sentence or more), non-overlapping, in order.

    ``context_year``/``context_period``: the year and period the text around is about (the lead's, the previous
    sentence's); "during this period" is ``context_period``. ``ref_date``: when the article was published: a part
    of a year named without its year ("in January–April") is the latest such span that ended by then, unless a
    ``context_year`` was carried from the text (``carried``; otherwise it is only the article's main year); a month
    named without its year inside a carried span across a year end ("In January alone", after April 2024–January
    2025) is that span's. ``fiscal_start``: the first month of the article's fiscal year (:mod:`fiscal`), which
    fiscal periods ("the first ten months of the current fiscal year", "FY2024/25") need to be resolved."""
    cp = _parse(context_period)
    taken: list[tuple[int, int]] = []
    out: list[PeriodMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            if kind == "span" and not _is_span(g):
                continue
            if kind == "months" and _SUPERLATIVE_BEFORE.search(text[max(0, m.start() - 50):m.start()]):
                continue  # "the largest gain in nine months": what the superlative ranks against, not a period
            if kind in ("year", "month") and _FULL_DATE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                continue  # "Nov. 25, 2019": a day (a dateline, a release date), not a period of trade
            period: str | None = None
            full_year = False
            relative = None
            y: int | None = None
            if g.get("y") or g.get("y2") or g.get("y3"):
                y = _two_digit(g.get("y") or g.get("y2") or g.get("y3"))
            elif g.get("rel") and kind != "relative":
                y = _rel_year(g["rel"], ref_year, context_year)
            elif kind in ("months", "quarters_n", "quarter_words", "half_words", "month_range", "month", "quarter_range",
                          "half_bare"):
                y = context_year or ref_year
                if ref_date is not None and not (carried and context_year):
                    y = ref_date.year if _last_month(kind, g) <= ref_date.month else ref_date.year - 1
                elif ref_date is None and cp is not None and cp.n_months >= 12 and _year_to_date(kind, g, m.group(0)):
                    # "46 billion dollars in 2012 ... In the first eight months, ...": a part of a year since January
                    # with no year printed, after a whole year, in an undated article: that year's or the next
                    # one's is not said (not a guess)
                    y = None
                    taken.append((m.start(), m.end()))
                    out.append(PeriodMention(m.start(), m.end(), m.group(0), None, False, False, "span"))
                    continue
                if cp is not None and cp.kind == "span" and kind in ("month", "month_range") and carried:
                    y = cp.year if _last_month(kind, g) >= cp.start_month else cp.end_year
            if kind in ("span", "month_year_range", "trailing", "past_months"):
                if kind == "past_months":
                    span = past_months(count(str(g["n"])), ref_date)
                elif kind == "month_year_range":
                    m1, ya = _MONTHS[g["m1"].lower().rstrip(".")], int(g["ya"])  # type: ignore[union-attr]
                    n = (int(g["yb"]) - ya) * 12 + _MONTHS[g["m2"].lower().rstrip(".")] - m1 + 1  # type: ignore[union-attr]
                    span = _span(ya, m1, n)
                elif kind == "trailing":
                    n = count(str(g["n"])) if g.get("n") else 12
                    span = trailing(n, _MONTHS[g["tm"].lower().rstrip(".")], int(g["ty"]) if g.get("ty") else None,  # type: ignore[union-attr]
                                    ref_date)
                elif g.get("w1"):
                    span = wrapped_range(_MONTHS[g["w1"].lower().rstrip(".")], _MONTHS[g["w2"].lower().rstrip(".")], ref_date)  # type: ignore[union-attr]
                else:
                    span = fiscal_period(m.group(0), fiscal_start, ref_date)
                # a span across a year end (a fiscal year, "April 2024-January 2025"): its calendar months when the
                # text says them, else named but no calendar period: a figure it dates stays unresolved
                taken.append((m.start(), m.end()))
                out.append(PeriodMention(m.start(), m.end(), m.group(0), span, _is_base(text, m.start(), m.end(), None),
                                         False, None if span else "span"))
                continue
            try:
                if kind == "quarter_range":
                    q1, q2 = int(g["q1"]), int(g["q2"])  # type: ignore[arg-type]
                    if y and q1 <= q2:
                        period = str(Period.parse(f"{y}-{3 * q1 - 2:02d}/{y}-{3 * q2:02d}"))
                elif kind == "half_bare":
                    if y:
                        period = f"{y}-H{g['h4']}"
                elif kind in ("months", "quarters_n"):
                    months = count(str(g["n"])) * (3 if kind == "quarters_n" else 1)
                    if cp is not None and not g.get("y") and not g.get("rel") and cp.n_months == months and (
                            re.match(r"(?i)(?:in|over|during|for)\b", m.group(0))
                            or fiscal_start not in (None, 1) and cp.start_month == fiscal_start):
                        # "over the two months" after July-August 2023-24: the span in context, not January-February;
                        # so are "the first two months" of a July-June year when the span in context opens it
                        period = str(cp)
                    elif cp is not None and fiscal_start not in (None, 1) and cp.start_month == fiscal_start \
                            and not g.get("y") and not g.get("rel"):
                        period, relative = None, "span"  # months counted in a fiscal year that are not the ones said
                    elif kind == "months" and fiscal_start not in (None, 1) and not g.get("y") and not g.get("rel") \
                            and (fy := _fiscal_months(stated or [], months, fiscal_start, cp)) != "":
                        # "in the first two months" in an article that stated July–August 2023-24 (a July–June
                        # year): those months of the fiscal year, never January–February; both kinds stated: unsaid
                        period = fy
                        relative = None if fy else "span"
                    elif y and 1 <= months <= 12:
                        period = str(Period.parse(f"{y}-01/{y}-{months:02d}"))
                elif kind == "quarter_words":
                    if y:
                        period = f"{y}-Q{_ORD[g['o'].lower()]}"
                elif kind == "half_words":
                    tail = text[m.end():m.end() + 12].lower()
                    if not g.get("y") and not g.get("rel") and not re.match(r"\s+of\b", tail) and not re.search(
                        r"\b(?:in|during|for|over)\s+(?:the\s+)?$", text[max(0, m.start() - 16):m.start()].lower()
                    ):
                        continue  # "half" as a share, not a period
                    if y:
                        period = f"{y}-H{_ORD[g['o'].lower()]}"
                elif kind == "quarter_code":
                    q = g.get("q") or g.get("q2") or g.get("q3")
                    period = f"{y}-Q{q}"
                elif kind == "half_code":
                    h = g.get("h") or g.get("h2") or g.get("h3")
                    period = f"{y}-H{h}"
                elif kind == "month_range":
                    m1 = _MONTHS[g["m1"].lower().rstrip(".")]
                    m2 = _MONTHS[g["m2"].lower().rstrip(".")]
                    if m2 < m1:
                        continue
                    if y:
                        period = str(Period.parse(f"{y}-{m1:02d}/{y}-{m2:02d}"))
                elif kind == "month":
                    mon = g.get("m1") or g.get("m2") or g.get("m3") or g.get("m4")
                    if mon.rstrip(".").lower() in ("may", "mar") and not (g.get("y") or g.get("rel") or g.get("m4")):
                        continue  # the verb "may", "march"
                    mm = _MONTHS[mon.lower().rstrip(".")]
                    if y:
                        period = f"{y}-{mm:02d}"
                elif kind == "year":
                    period = str(y)
                    full_year = True
                elif kind == "context":
                    relative = "context"
                    period = context_period
                    if m.group(0).lower().endswith("month") and (cp is None or cp.n_months != 1):
                        period, relative = None, "span"  # "in the month" after a span: which month is not said
                elif kind == "relative":
                    rel = " ".join(g["rel"].lower().split())
                    if rel in ("year on year", "year-on-year", "year over year", "year-over-year", "y/y", "yoy") or \
                            re.match(r"the (?:same|corresponding) ", rel):
                        relative = "yoy"
                    elif rel.startswith("for the") and rel.endswith("year"):
                        relative = "context"
                        yy = context_year or (ref_year - 1 if ref_year else None)
                        period = str(yy) if yy else None
                        full_year = True
                    else:
                        yy = _rel_year(rel, ref_year, context_year)
                        if rel == "last year" and context_year and _COMPARISON_BEFORE.search(text[:m.start()]):
                            # "In comparison, last year ...": the year before the one the text is about
                            yy = context_year - 1
                        relative = rel.split()[-2] if len(rel.split()) > 1 else rel
                        relative = "previous" if relative == "preceding" else relative  # one word, one reading
                        period = str(yy) if yy else None
                        full_year = True
                        if cp is not None and (cp.kind == "span" or cp.n_months < 12 and rel in _SHIFT_BACK) \
                                and rel in _YEAR_BEFORE:
                            # "a year earlier" after a fiscal year in context: that fiscal year a year before,
                            # never the calendar year; "against $7.2 billion a year before" after the first half of
                            # 2017: the first half of 2016 (a shift of the span in context, not the year it ends in)
                            period, full_year = str(cp.same_span_previous_year()), False
                    y = None
                if g.get("rel") and kind != "relative":
                    relative = " ".join(g["rel"].lower().split())
            except (ValueError, KeyError, PeriodError):
                continue
            base = _is_base(text, m.start(), m.end(), g.get("poss"))
            if not base and relative is None and dates_compared_figure(text, m.start()):
                base, relative = True, "compared"  # "from $0.46 billion in 1992 to ...": the compared figure's own
            if relative == "yoy":
                base = True
            if kind == "year" and re.search(
                    r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|sharpest|most|"
                    r"least)\b(?:\s+\S+){0,3}\s+since\s+$", text[max(0, m.start() - 50):m.start()], re.I):
                # "the first decline since 2019": what the superlative ranks against, neither a period nor a base
                continue
            if kind == "year" and re.search(r"\bsince\s+$", text[max(0, m.start() - 12):m.start()], re.I):
                # "the first decline since 2019", "up 90 percent since 2019": the start of a span, not a year
                # before the figure's own
                relative = "since"
            taken.append((m.start(), m.end()))
            out.append(PeriodMention(m.start(), m.end(), m.group(0), period, base, full_year, relative))
    out.sort(key=lambda p: p.start)
    return _restated(_bracketed_bases(text, _context_from_before(out)), stated or [], fiscal_start)


def _restated(out: list[PeriodMention], stated: list[str], fiscal_start: int | None = None) -> list[PeriodMention]:
    """"Trade grew 9% in January–April 2023 ... In 2022 it was a record ... In January–April the volume grew": a part
    of a year printed without its year that could not be dated (``stated``: the periods the article gave so far) is
    the one span with those months the article stated with its year."""
    res = []
    for pm in out:
        if pm.period is None and pm.relative == "span" and not pm.base:
            fits = {p for p in stated if (q := _parse(p)) is not None and q.n_months < 12 and any(
                x.period == p for x in find_periods(pm.text, context_year=q.year, carried=False))}
            if fiscal_start not in (None, 1) and any(
                    _fiscal_months(stated, _parse(p).n_months, fiscal_start, None) != "" for p in fits):  # type: ignore[arg-type, union-attr]
                fits = set()  # the article also stated the fiscal year's months of that count: which is not said
            if len(fits) == 1:
                pm = PeriodMention(pm.start, pm.end, pm.text, fits.pop(), False, False, None)
        res.append(pm)
    return res


def _fiscal_months(stated: list[str], n: int, fiscal_start: int, cp: Period | None) -> str | None:
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


def _parse(period: str | None) -> Period | None:
    try:
        return Period.parse(period) if period else None
    except PeriodError:
        return None


def _is_span(g: dict[str, str | None]) -> bool:
    """A split year names two consecutive years ("2023-24", "2023/2024"); a month range without one spans two
    years only when it wraps round the year end ("July–January")."""
    if g.get("sy"):
        y, y2 = int(g["sy"]), int(g["sy2"])  # type: ignore[arg-type]
        return y2 == y + 1 or y2 == (y + 1) % 100
    if g.get("w1"):
        return _MONTHS[g["w2"].lower().rstrip(".")] < _MONTHS[g["w1"].lower().rstrip(".")]  # type: ignore[union-attr]
    return True


def _context_from_before(out: list[PeriodMention]) -> list[PeriodMention]:
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


def _bracketed_bases(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
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


_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|sharpest|fastest|slowest|"
    r"steepest|most|least)\b(?:\s+[\w-]+){0,3}\s*$", re.I)
_FULL_DATE_BEFORE = re.compile(r"(?:" + _MON + r")\s*\d{1,2}(?:st|nd|rd|th)?,?\s+$|\b\d{1,2}\s+(?:" + _MON + r")\s+$"
                               r"|\b(?:published|released|issued|unveiled)(?:\s+(?:on|in))?\s+$", re.I)  # "published in January"
_COMPARISON_BEFORE = re.compile(r"\b(?:in|by)\s+comparison\b[\s,]*$|\b(?:in|by)\s+contrast\b[\s,]*$", re.I)
#: "over" names a comparison base only after a change ("rose 55 percent over 2024", "an increase of $5bn over
#: 2023"); at the head of a clause ("Over January–September, turnover fell ...") it names the figure's period
_CHANGE_BEFORE_OVER = re.compile(
    r"(?:\d|%|percent|per\s+cent|\b(?:rise|rose|risen|grew|grown|growth|increase[ds]?|up|higher|more|less|lower|"
    r"down|fell|fallen|drop(?:ped)?|decline[ds]?|decrease[ds]?|jump(?:ed)?|gain(?:ed)?|surge[ds]?|climb(?:ed)?|"
    r"change|compared|total|figure|level|result))\W*(?:\w+\W+){0,2}over\s+(?:the\s+|that\s+of\s+|in\s+)?$",
    re.I)


def _year_to_date(kind: str, g: dict[str, str | None], txt: str) -> bool:
    """A part of a year counted from January ("the first eight months", "January–August", "the first half", "Q1-Q3"),
    named without its year."""
    if kind in ("months", "quarters_n"):
        return bool(re.match(r"(?i)(?:the\s+)?first\b", txt))
    if kind in ("quarter_words", "half_words"):
        return _ORD.get(str(g.get("o")).lower()) == 1
    if kind == "month_range":
        return _MONTHS.get(str(g.get("m1")).lower().rstrip(".")) == 1
    if kind == "quarter_range":
        return g.get("q1") == "1"
    return kind == "half_bare" and g.get("h4") == "1"


def _is_base(text: str, start: int, end: int, poss: str | None) -> bool:
    before = text[max(0, start - 30):start]
    if _BASE_BEFORE.search(before):
        if re.search(r"\bover\s+(?:the\s+|that\s+of\s+|in\s+)?$", before, re.I) and not _CHANGE_BEFORE_OVER.search(
                text[max(0, start - 60):start]):
            return False
        if re.search(r"(?:\band|\bwhile|\bwhereas|\bbut)\s+over\s+(?:the\s+)?$", before, re.I) \
                and not re.match(r"\d", text[start:end]):
            return False  # "to $520 million, and over the first five months of 2023 it grew": a span opening a clause
        return True
    after = text[end:end + 20]
    # "three times the 2014 figure": a year standing as the attribute of a level noun names that level
    if re.search(r"\bthe\s+$", before, re.I) and re.match(
            r"^\s+(?:total|level|figure|result|volume|value|tally|amount)s?\b", after, re.I):
        return True
    if re.match(r"^['’]s\s+(?:total|level|figure|result|volume|value|tally|amount)", after, re.I) or (
        poss and _BASE_AFTER_POSS.match(after) and re.search(r"\b(?:over|than|from|with|to|on)\s+$", before)
    ):
        return True
    return False


_ANY_YEAR = re.compile(r"(?<![\w$.,/-])(" + _YEAR + r")(?!\s*[-–/]\s*\d)(?![\w,.]\d)")


def infer_reference_year(text: str) -> int | None:
    """Estimate the year an undated article was written in.

    The latest year the text mentions (ranges like "2026-27" and targets "by 2030" are
    ignored) is the latest data year. When that year is mentioned as a whole year ("in 2025",
    "2025's total") the article looks back on it and was written the year after; when it is
    only mentioned with a part of it ("the first half of 2025"), or only in the present tense ("In 2020 ... ties are
    holding"), the article was written in it.
    """
    years: list[int] = []
    full: set[int] = set()
    partial: set[int] = set()
    for m in _ANY_YEAR.finditer(text):
        before = text[max(0, m.start() - 40):m.start()].lower()
        if re.search(r"\b(?:by|until|till|through|target\w*|plan\w*|goal)\s+(?:the\s+end\s+of\s+)?$", before):
            continue
        y = int(m.group(1))
        years.append(y)
        if re.search(r"(?:months|quarter|half|q[1-4]|h[12]|" + _MON.lower() + r")\s*(?:of\s+)?$", before) or \
                _FULL_DATE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            partial.add(y)
        else:
            full.add(y)
    if not years:
        return None
    latest = max(years)
    if latest in full and not any(spoken_of_as_past(text, m.end()) for m in _ANY_YEAR.finditer(text) if int(m.group(1)) == latest):
        # "In 2020, despite the pandemic, we can see that trade ties are holding": the year spoken of in the present
        # tense, never in the past, is the one the article was written in
        return latest
    return latest + 1 if latest in full else latest


def data_year(text: str, ref_year: int | None = None) -> int | None:
    """The year most figures of the text are about: the most mentioned year (ties: latest). Comparison
    bases ("compared with 2024"), targets ("by 2030"), full dates ("Feb 20, 2023", a dateline) and years
    after the article's own year do not count."""
    years = []
    for m in _ANY_YEAR.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if _BASE_BEFORE.search(before):
            continue
        if re.search(r"\b(?:by|until|till|through|target\w*|plan\w*|goal)\s+(?:the\s+end\s+of\s+)?$", before, re.I):
            continue
        if re.search(r"(?:" + _MON + r")\s+\d{1,2},?\s+$|\d{1,2}\s+(?:" + _MON + r")\s+$", before, re.I):
            continue
        y = int(m.group(1))
        if ref_year is not None and y > ref_year:
            continue
        years.append(y)
    if not years:
        return None
    c = Counter(years)
    top = max(c.values())
    return max(y for y, n in c.items() if n == top)


def reference_year(text: str, article_date: date | None) -> int | None:
    """The year the article was written: its date, else a dateline at its top, else :func:`infer_reference_year`."""
    if article_date:
        return article_date.year
    return dateline_year(text) or infer_reference_year(text)
