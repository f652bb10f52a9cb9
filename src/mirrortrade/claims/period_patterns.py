"""The patterns of period mentions in news text and the tests of their surroundings (a comparison base, a
superlative, a full date), used by :func:`mirrortrade.claims.periods.find_periods`.

"in 2025", "2025's total", "the first nine months of 2024", "Q3 2022", "3Q22", "H1 2025", "January–September 2021",
"the first half of this year", "March 2024", "last year", "this year", "the previous year", "fiscal year 2023-24".
A mention is a *base* when it names what a figure is compared with ("over 2024's total", "compared with 2024", "from
the previous year", "year on year"): such mentions never give a figure its own period (:func:`is_base`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mirrortrade.claims.fiscal import MON as _MON
from mirrortrade.claims.fiscal import MONTHS as _MONTHS
from mirrortrade.claims.fiscal import ORD as _ORD
from mirrortrade.errors import PeriodError
from mirrortrade.model import Period

YEAR = r"(?:19[5-9]\d|20\d\d)"
_REL = r"(?:this|last|the\s+current|the\s+previous|the\s+preceding|the\s+past|the\s+prior|next)\s+year"
_YREF = r"(?:(?:of\s+|in\s+)?(?P<y>" + YEAR + r")(?!\s*[-–/]\s*\d)|(?:of\s+)?(?P<rel>" + _REL + r"))"

#: a split year ("2023-24", "2018/19", "2023–2024"): a fiscal or marketing year across two calendar years
_SPLIT = r"(?P<sy>" + YEAR + r")\s*[-–/]\s*(?P<sy2>\d\d(?:\d\d)?)(?![\d-])"

#: the year(s) after "fiscal"/"FY": "2023-24", "(2018-19)", "2024", "'24"
_FYEAR = r"(?:(?:\(\s*)?" + _SPLIT + r"(?:\s*\))?|['’]?(?:" + YEAR + r"|\d\d)\b)"

#: a split year without named groups ("2024-25", "2024/25")
_SPLIT_PLAIN = YEAR + r"\s*[-–/]\s*\d\d(?:\d\d)?(?![\d-])"
NMONTHS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: the opening part of a year: "the first nine months", "the initial nine months", "the opening three quarters"
_FIRST = r"(?:first|initial|opening)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "from 2021 to 2024", "between 2019 and 2023", "over 2009–2018", "for 2014-2018": a span of several years, one
    # mention (its years are neither periods nor bases of their own; :mod:`mirrortrade.claims.year_spans`)
    ("years", re.compile(
        r"\b(?:(?:from|between)\s+(?P<ya>" + YEAR + r")\s+(?:to|and|through|till|until)\s+(?P<yb>" + YEAR + r")"
        r"|(?<![\w$.,/-])(?P<yc>" + YEAR + r")\s*[-–—]\s*(?P<yd>" + YEAR + r"))\b(?![-–/]\d)", re.I)),
    # "the last year before the pandemic", "the last year of the plan": a year described, not last year (a year in
    # apposition before it names it: "2019, the last year before the pandemic")
    ("described_year", re.compile(
        r"\bthe\s+last\s+year\s+(?:before|of|prior\s+to|preceding|ahead\s+of|in\s+which|when)\b", re.I)),
    # "the previous month", "a month earlier": the month before the one in context (relative_periods.previous_month)
    ("prev_month", re.compile(
        r"\b(?:the\s+(?:previous|prior|preceding)\s+month|the\s+month\s+(?:before|earlier)|a\s+month\s+(?:earlier|"
        r"before|ago))\b", re.I)),
    # "April 2024-January 2025", "between July 2023 and March 2024": months of two named years
    ("month_year_range", re.compile(
        r"\b(?:between\s+|from\s+)?(?P<m1>" + _MON + r")\s*,?\s*(?P<ya>" + YEAR + r")\s*(?:–|—|-|to|through|and|until|"
        r"till)\s*(?P<m2>" + _MON + r")\s*,?\s*(?P<yb>" + YEAR + r")\b", re.I)),
    # "the 12 months through March", "the year to June 2024", "the twelve months ended September": a trailing window
    ("trailing", re.compile(
        r"\b(?:(?:the\s+|a\s+)?(?P<n>" + NMONTHS + r")[\s-]+months?|(?:the|a)\s+year)\s+(?:through|to|ended|ending|"
        r"up\s+to|until)\s+(?:the\s+end\s+of\s+)?(?P<tm>" + _MON + r")(?:\s*,?\s*(?P<ty>" + YEAR + r"))?", re.I)),
    # "the first ten months of 2024-25", "the 2024/25 fiscal year": a fiscal year written as its calendar years; "the
    # same eight months of 2024-25" (a base): the first eight months of that fiscal year, as "the first"
    ("span", re.compile(
        r"\b(?:(?:the\s+)?(?:first|same)\s+" + NMONTHS + r"\s+months\s+of\s+(?:the\s+)?\(?\s*" + _SPLIT_PLAIN + r"\s*\)?"
        r"|(?:the\s+)?" + _SPLIT_PLAIN + r"\s+(?:fiscal|financial)\s+year\b)", re.I)),
    # "the first eight months of the current fiscal year", "fiscal year 2023-24", "FY2024", "last fiscal year", "the
    # third quarter of fiscal 2024": a fiscal year's months depend on the country's fiscal calendar (July-June,
    # April-March, ...): resolved when the article says which (fiscal.py), else named but unresolved (never the
    # calendar year it shares a number with)
    ("span", re.compile(
        r"\b(?:(?:the\s+)?(?:first\s+" + NMONTHS + r"\s+months|(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
        r"(?:quarter|half))(?:\s*\(\s*" + _MON + r"\s*(?:–|—|-|to|through)\s*" + _MON + r"\s*\))?\s+of\s+"
        # "July–December of fiscal year 2018-19", "October-December in the current fiscal year": one mention, the
        # months inside that fiscal year
        r"|" + _MON + r"\s*(?:–|—|-|to|through)\s*" + _MON + r"\s*,?\s+(?:(?:of|in)\s+)?)?(?:the\s+)?"
        r"(?:(?:current|this|last|previous|prior|past|ongoing|next|same|corresponding)\s+)?"
        r"(?:(?:fiscal|financial)\s+year\b|(?:fiscal\s+|FY\s?)(?=['’(]?\d)"
        # "imports this fiscal stood at ...": "fiscal" as a noun (before a verb or a stop), the fiscal year
        r"|(?:(?<=current\s)|(?<=ongoing\s)|(?<=this\s))fiscal(?=\s*[,.;:)]|\s+(?:stood|was|were|is|are|has|had|rose|fell|grew|"
        r"amounted|came|reached|touched|totall?ed)\b))(?:\s*" + _FYEAR + r")?", re.I)),
    # "July-June 2023-24", "July–February (2018-19)", "in 2018-19", "April–November of 2025-26": months or a year
    # across two calendar years (the months named with "of" are inside that split year, as without it)
    ("span", re.compile(
        r"\b(?:(?:" + _MON + r")\s*(?:–|—|-|to|through)\s*(?:" + _MON + r")\s*,?\s*(?:of\s+(?:the\s+)?)?\(?\s*)?"
        + _SPLIT)),
    # "July–January": a month range that wraps round the year end (a fiscal year's part), not January–July
    ("span", re.compile(
        r"\b(?P<w1>" + _MON + r")\s*(?:–|—|-|to|through)\s*(?P<w2>" + _MON + r")", re.I)),
    ("months", re.compile(
        r"\b(?:the\s+)?" + _FIRST + r"\s+(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
        r"(?:\s+" + _YREF + r")?", re.I)),
    # "the first three quarters of 2009": January–September
    ("quarters_n", re.compile(
        r"\b(?:the\s+)?" + _FIRST + r"\s+(?P<n>2|3|two|three)\s+quarters(?:\s+" + _YREF + r")?", re.I)),
    # "in the three quarters of 2025", "over the two quarters": the quarters counted from January, as "the first three
    # quarters" ("three quarters of 2025's total", "the three quarters of 2025 exports" and "three quarters of trade"
    # are fractions)
    ("quarters_n", re.compile(
        r"\bthe\s+(?P<n>2|3|two|three)\s+quarters\s+(?:of|in)\s+(?:(?P<y>" + YEAR + r")(?!\s*[-–/]\s*\d)|(?P<rel>"
        + _REL + r"))(?!['’]s)\b(?!\s+(?:exports?|imports?|trade|turnover|shipments|deliveries|sales|purchases|"
        r"total|volume|value)\b)", re.I)),
    ("quarters_n", re.compile(r"\b(?:in|over|during|for)\s+the\s+(?P<n>2|3|two|three)\s+quarters\b(?!\s+(?:of|in)\b)",
                              re.I)),
    # "over the past eight months" in an article of November: the year's months to date (:func:`fiscal.past_months`)
    ("past_months", re.compile(r"\b(?:in|over|during|for)\s+the\s+(?:past|last)\s+(?P<n>" + NMONTHS + r")[\s-]+months\b",
                               re.I)),
    # "in the nine months", "over the four months", "up 29.5% in nine months": the months to date of the year in
    # context
    ("months", re.compile(
        r"\b(?:in|over|during|for|after)\s+(?:the\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
        r"[\s-]+months?(?:\s+period)?(?:\s+" + _YREF + r")?", re.I)),
    # "according to the results of 10 months of 2023", "following ten months": months counted from January
    ("months", re.compile(
        r"\b(?:(?:results|outcome|totals?|data|figures|statistics)\s+(?:of|for)|following)\s+(?:the\s+)?(?P<n>\d{1,2}|"
        r"two|three|four|five|six|seven|eight|nine|ten|eleven)[\s-]+months?(?:\s+" + _YREF + r")?", re.I)),
    # "China's nine-month trade", "the 10-month total": N months counted from January, as a trade noun's modifier
    ("months", re.compile(
        r"\b(?P<n>[1-9]|1[01]|two|three|four|five|six|seven|eight|nine|ten|eleven)-month(?=\s+(?:period|total|figure|"
        r"tally|trade|turnover|exports?|imports?|volume|shipments|surplus|deficit|balance|sales|purchases|deliveries)\b)",
        re.I)),
    # "during this period", "over the same ten months", "in that period", "during the months under review", "in the
    # month": the period the text is about, not a base
    ("context", re.compile(
        r"\b(?:during|in|over|for|within)\s+(?:(?:this|that|these|those|the\s+same|the\s+reporting|the\s+said)\s+"
        r"(?:" + NMONTHS + r"\s+)?(?:period|time|months?)\b|the\s+(?:period|months?|quarter|half)\s+under\s+"
        r"(?:review|consideration)\b|the\s+month\b)(?!\s+(?:of|in|a|last|the\s+previous)\b)", re.I)),
    ("quarter_words", re.compile(
        r"\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+" + _YREF + r")?", re.I)),
    ("half_words", re.compile(
        r"\b(?:the\s+)?(?P<o>first|second|1st|2nd)[\s-]+half(?:\s+" + _YREF + r")?", re.I)),
    # "9M 2024", "9M24": the first nine months (never the year it names; "$9M" is money)
    ("months", re.compile(r"(?<![$€£¥\d.,])\b(?P<n>[1-9]|1[01])M(?:\s+|\s*['’])?(?P<y>" + YEAR + r"|\d\d)\b(?![.,]\d)")),
    # "Q1-Q3 2024", "Q1–Q3": January–September (never the third quarter alone)
    ("quarter_range", re.compile(
        r"\bQ(?P<q1>[1-4])\s*(?:–|—|-|to|through)\s*Q(?P<q2>[1-4])\b(?:\s*(?:of\s+)?['’]?(?P<y>" + YEAR + r"|\d\d)\b)?")),
    # "1-3Q 2025", "1–3Q25": January–September
    ("quarter_range", re.compile(
        r"\b(?P<q1>[1-4])\s*(?:–|—|-)\s*(?P<q2>[1-4])Q\b(?:\s*['’]?(?P<y>" + YEAR + r"|\d\d)\b)?")),
    # "in H1", "for the H2": the half of the year in context
    ("half_bare", re.compile(r"\b(?:[Ii]n|[Ff]or|[Dd]uring|[Oo]ver)\s+(?:the\s+)?H(?P<h4>[12])\b(?![\s/'’-]*\d)")),
    ("quarter_code", re.compile(
        r"\bQ(?P<q>[1-4])(?:\s+of)?[\s/-]*['’]?(?P<y>" + YEAR + r"|\d\d)\b"
        r"|\b(?P<q2>[1-4])Q[\s/-]*['’]?(?P<y2>" + YEAR + r"|\d\d)\b"
        r"|\b(?P<y3>" + YEAR + r")[\s-]?Q(?P<q3>[1-4])\b")),
    ("half_code", re.compile(
        r"\bH(?P<h>[12])[\s/-]*['’]?(?P<y>" + YEAR + r"|\d\d)\b"
        r"|\b(?P<h2>[12])H[\s/-]*['’]?(?P<y2>" + YEAR + r"|\d\d)\b"
        r"|\b(?P<y3>" + YEAR + r")[\s-]?H(?P<h3>[12])\b")),
    ("month_range", re.compile(
        r"\b(?:between\s+|from\s+)?(?P<m1>" + _MON + r")\s*(?:–|—|-|to|through|and|until|till)\s*(?P<m2>" + _MON + r")"
        r"(?:\s+period)?(?:\s*(?:of\s+)?,?\s*(?:(?P<y>" + YEAR + r")|(?P<rel>" + _REL + r")))?", re.I)),
    # "through September", "by the end of September 2024", "as of end-September", "to end-June": the months of the
    # year counted from January up to that month (a cumulative figure, never that month alone nor the whole year)
    ("months_to", re.compile(
        r"\b(?:(?:through|thru|(?:up\s+)?(?:un)?till?|as\s+of)\s+(?:the\s+)?(?:end[\s-](?:of\s+)?)?"
        r"|(?:(?:up\s+)?to|by|at|as\s+of)\s+(?:the\s+)?end[\s-](?:of\s+)?)(?P<m2>" + _MON + r")"
        r"(?:\s*,?\s*(?:(?P<y>" + YEAR + r")|(?P<rel>" + _REL + r")))?\b(?!\s*\d)", re.I)),
    # "as of October 1, 2024", "as of 1 October": the months before that day when it opens a month, else part of a
    # month (unresolved)
    ("as_of_day", re.compile(
        r"\bas\s+(?:of|at)\s+(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<am1>" + _MON + r")|(?P<am2>" + _MON + r")\s+"
        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:\s*,?\s*(?P<y>" + YEAR + r"))?\b", re.I)),
    # "since the beginning of the year", "since the start of 2024": the year to date (:func:`part_of_year`)
    ("since_start", re.compile(
        r"\bsince\s+the\s+(?:beginning|start|outset)\s+of\s+(?:the\s+(?:current\s+)?year|this\s+year|(?P<y>" + YEAR +
        r"))\b", re.I)),
    ("month", re.compile(
        r"\b(?P<m1>" + _MON + r")\s+(?:of\s+)?(?:(?P<y>" + YEAR + r")|(?P<rel>" + _REL + r"))"
        r"|\bin\s+(?P<m2>" + _MON + r")(?!\s*(?:\d|of\b|[-–]))"
        # "October alone brought $19.8 billion": the month by itself; "January's exports"
        r"|\b(?P<m3>(?!may\b)" + _MON + r")\s+alone\b"
        r"|\b(?P<m4>" + _MON + r")['’]s\b"
        # "September exports were $207.92 million": a month (capitalised, not "May") as the flow noun's modifier
        r"|\b(?-i:(?P<m5>(?!May\b)(?:January|February|March|April|June|July|August|September|October|November|December)))"
        r"\s+(?=(?:exports?|imports?|shipments|deliveries|purchases|sales|trade|turnover)\b)",
        re.I)),
    ("year", re.compile(r"(?:(?<=mid-)|(?<![\w$.,/–—-]))(?P<y>" + YEAR + r")(?!\s*[-–/]\s*\d)(?![\w,.]\d)(?P<poss>['’]s)?")),
    ("relative", re.compile(
        r"\b(?P<rel>this\s+year|last\s+year|the\s+current\s+year|the\s+previous\s+year|the\s+prior\s+year|"
        r"the\s+preceding\s+year|"
        r"the\s+year\s+before|a\s+year\s+(?:earlier|before|ago)|the\s+past\s+year|next\s+year|"
        r"the\s+(?:same|corresponding)\s+(?:period|months?|quarter|half)\s+(?:(?:of\s+|in\s+)?(?:last|the\s+previous)\s+"
        r"year|a\s+year\s+(?:ago|earlier|before))|year[\s-]on[\s-]year|"
        r"year[\s-]over[\s-]year|\by/y\b|\byoy\b|for\s+the\s+(?:(?:whole|full|entire)\s+)?year|year[\s-]to[\s-]date)", re.I)),
]

BASE_BEFORE = re.compile(
    r"(?:\bover|\bthan(?:\s+in)?|\bcompared\s+(?:with|to)|\bfrom|\bversus|\bvs\.?|\bagainst|\brelative\s+to|"
    r"\bon|\bbeat(?:ing)?|\bsurpass(?:ing|ed)?|\bexceed(?:ing|ed)?|\bsince|\bcomparison\s+(?:with|to)"
    # "17 percent above January 2024", "3 percent below the first half of 2023"
    r"|(?:\d|percent|per\s+cent|%)\s+(?:above|below)"
    # "than in the same period of 2019", "compared with the corresponding months of 2023"
    r"|\b(?:same|corresponding|like|similar|comparable)\s+(?:period|time|months?|quarter|half)\s+(?:of|in|a year)"
    r")\s+(?:the\s+|that\s+of\s+|in\s+)?$",
    re.I,
)
#: a comparison before "the": "three times the", "up from the", "above the", "compared with the"
_COMPARED_LEVEL_BEFORE = re.compile(
    r"\b(?:times|twice|double|triple|thrice|half|than|over|from|with|to|on|against|versus|vs\.?|above|below|beat(?:ing|s)?|surpass(?:ing|ed|es)?|"
    r"exceed(?:ing|ed|s)?|matching|match(?:ed|es)?|of)\s+the\s+$", re.I)
_BASE_AFTER_POSS = re.compile(r"^\s*(?:total|level|figure|result|volume|value|record|tally|amount)s?\b", re.I)


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    text: str
    period: str | None  # model.Period string, None when it cannot be resolved
    base: bool  # a comparison base, not the figure's own period
    full_year: bool
    relative: str | None = None  # "last", "this", "previous", "yoy", "context", "compared", "span", "context-part"
    #: how surely the mention dates a figure: below 1 for a reading the text leaves in some doubt ("this year" read as
    #: the part of it in context)
    confidence: float = 1.0


def two_digit(y: str) -> int:
    v = int(y)
    return v if v > 100 else 2000 + v


def parse(period: str | None) -> Period | None:
    try:
        return Period.parse(period) if period else None
    except PeriodError:
        return None


def is_span(g: dict[str, str | None]) -> bool:
    """A split year names two consecutive years ("2023-24", "2023/2024"); a month range without one spans two
    years only when it wraps round the year end ("July–January")."""
    if g.get("sy"):
        y, y2 = int(g["sy"]), int(g["sy2"])  # type: ignore[arg-type]
        return y2 == y + 1 or y2 == (y + 1) % 100
    if g.get("w1"):
        return _MONTHS[g["w2"].lower().rstrip(".")] < _MONTHS[g["w1"].lower().rstrip(".")]  # type: ignore[union-attr]
    return True


SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|sharpest|fastest|slowest|"
    r"steepest|most|least)\b(?:\s+[\w-]+){0,3}\s*$", re.I)
FULL_DATE_BEFORE = re.compile(r"(?:" + _MON + r")\s*\d{1,2}(?:st|nd|rd|th)?,?\s+$|\b\d{1,2}\s+(?:" + _MON + r")\s+$"
                               r"|\b(?:published|released|issued|unveiled)(?:\s+(?:on|in))?\s+$", re.I)  # "published in January"
COMPARISON_BEFORE = re.compile(r"\b(?:in|by)\s+comparison\b[\s,]*$|\b(?:in|by)\s+contrast\b[\s,]*$", re.I)
#: "over" names a comparison base only after a change ("rose 55 percent over 2024", "an increase of $5bn over
#: 2023"); at the head of a clause ("Over January–September, turnover fell ...") it names the figure's period
_CHANGE_BEFORE_OVER = re.compile(
    r"(?:\d|%|percent|per\s+cent|\b(?:rise|rose|risen|grew|grown|growth|increase[ds]?|up|higher|more|less|lower|"
    r"down|fell|fallen|drop(?:ped)?|decline[ds]?|decrease[ds]?|jump(?:ed)?|gain(?:ed)?|surge[ds]?|climb(?:ed)?|"
    r"change|compared|total|figure|level|result))\W*(?:\w+\W+){0,2}over\s+(?:the\s+|that\s+of\s+|in\s+)?$",
    re.I)


def year_to_date(kind: str, g: dict[str, str | None], txt: str) -> bool:
    """A part of a year counted from January ("the first eight months", "January–August", "the first half", "Q1-Q3"),
    named without its year."""
    if kind in ("months", "quarters_n"):
        return bool(re.match(r"(?i)(?:the\s+)?" + _FIRST + r"\b", txt))
    if kind in ("quarter_words", "half_words"):
        return _ORD.get(str(g.get("o")).lower()) == 1
    if kind == "month_range":
        return _MONTHS.get(str(g.get("m1")).lower().rstrip(".")) == 1
    if kind == "quarter_range":
        return g.get("q1") == "1"
    return kind == "half_bare" and g.get("h4") == "1"


def is_base(text: str, start: int, end: int, poss: str | None) -> bool:
    before = text[max(0, start - 30):start]
    if BASE_BEFORE.search(before):
        if re.search(r"\bover\s+(?:the\s+|that\s+of\s+|in\s+)?$", before, re.I) and not _CHANGE_BEFORE_OVER.search(
                text[max(0, start - 60):start]):
            return False
        if re.search(r"(?:\band|\bwhile|\bwhereas|\bbut)\s+over\s+(?:the\s+)?$", before, re.I) \
                and not re.match(r"\d", text[start:end]):
            return False  # "to $520 million, and over the first five months of 2023 it grew": a span opening a clause
        return True
    after = text[end:end + 20]
    # "three times the 2014 figure": a year standing as the attribute of a level noun names that level, a base when
    # the level is what something is compared with ("the 2024 total, $94.8 billion, was a record" is the figure's own)
    if _COMPARED_LEVEL_BEFORE.search(before) and re.match(
            r"^\s+(?:total|level|figure|result|volume|value|tally|amount)s?\b", after, re.I):
        return True
    if re.match(r"^['’]s\s+(?:total|level|figure|result|volume|value|tally|amount)", after, re.I) or (
        poss and _BASE_AFTER_POSS.match(after) and re.search(r"\b(?:over|than|from|with|to|on)\s+$", before)
    ):
        return True
    return False


def over_part_of_year(text: str, start: int, kind: str, g: dict[str, str | None], txt: str) -> bool:
    """"counted $21.7 billion over the first nine months": "over" before a part of a year counted from January with no
    year of its own names the span the figure covers, not a base it is compared with (a base names its year: "up 5
    percent over the first nine months of 2022"). Only a count of months or quarters: "rose 5 percent over the first
    quarter", "over the first half" may well compare a later part of the year with that one."""
    if kind not in ("months", "quarters_n") or g.get("y") or g.get("y2") or g.get("y3") or g.get("rel") \
            or not year_to_date(kind, g, txt):
        return False
    return bool(re.search(r"\bover\s+(?:the\s+)?$", text[max(0, start - 12):start], re.I))
