"""Fiscal years and spans across a year end, read as a reader would (and the month and number words that
:mod:`mirrortrade.claims.periods` reads with too).

A fiscal year is named by its calendar years ("2023-24", "FY2024/25", "FY25") but covers the months of the
country's fiscal calendar: Pakistan's runs July–June, India's April–March. Its months are only known when the
article says which calendar it uses: a whole fiscal year written as months ("July-June 2023-24"), a year "that
ended in March", or the one country with a known fiscal calendar that the article names. Without that, a fiscal
period stays unresolved; it is never read as the calendar year it shares a number with.
"""

from __future__ import annotations

import re
from datetime import date

from mirrortrade.errors import PeriodError
from mirrortrade.model import Period

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
       r"Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?+")
#: (the abbreviation's full stop is possessive: "In Jan. 2019" is January 2019, never "In Jan" followed by a year)
#: ordinals of quarters and halves
ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
NUMW = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}


def count(n: str) -> int:
    """A count printed in digits or as a word: "8", "eight", "Eight" -> 8."""
    return int(n) if n.isdigit() else NUMW[n.lower()]

#: the first month of the fiscal year in which these countries publish their trade statistics (the State Bank of
#: Pakistan and the Pakistan Bureau of Statistics: July–June; India's Ministry of Commerce: April–March;
#: Bangladesh Bank / EPB: July–June; Egypt's CAPMAS: July–June; the Australian Bureau of Statistics: July–June)
FISCAL_START = {"Pakistan": 7, "India": 4, "Bangladesh": 7, "Egypt": 7, "Australia": 7}
_FISCAL_COUNTRY = re.compile(r"\b(" + "|".join(FISCAL_START) + r")(?:n|i|ia|ian|i's|'s)?\b")

_RANGE = re.compile(r"\b(" + MON + r")\s*(?:–|—|-|to|through)\s*(" + MON + r")", re.I)
_ENDED = re.compile(r"\b(?:fiscal|financial)\s+year\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:in\s+|on\s+)?(" + MON + r")",
                    re.I)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def fiscal_start_month(text: str) -> int | None:
    """The first month of the fiscal year the article's fiscal periods use, or None when it does not say.

    "July-June 2023-24" (a whole fiscal year written as months) and "the fiscal year that ended in March" say it
    outright; otherwise the fiscal calendar of the one country with a known one that the text names."""
    starts = set()
    for m in _RANGE.finditer(text):
        m1, m2 = month_number(m.group(1)), month_number(m.group(2))
        if m1 != 1 and m2 == m1 - 1:
            starts.add(m1)
    for m in _ENDED.finditer(text):
        starts.add(month_number(m.group(1)) % 12 + 1)
    if len(starts) == 1:
        return starts.pop()
    if starts:
        return None
    named = {FISCAL_START[m.group(1)] for m in _FISCAL_COUNTRY.finditer(text)}
    return named.pop() if len(named) == 1 else None


def span(y1: int, m1: int, n_months: int) -> str | None:
    """The canonical period of ``n_months`` months from month ``m1`` of year ``y1`` (None when not a period)."""
    if not 1 <= n_months <= 12:
        return None
    last = m1 + n_months - 1
    y2, m2 = y1 + (last - 1) // 12, (last - 1) % 12 + 1
    try:
        return str(Period.parse(f"{y1}-{m1:02d}/{y2}-{m2:02d}"))
    except PeriodError:
        return None


def fiscal_year_start(start_month: int, *, split: tuple[int, int] | None = None, single: int | None = None,
                      rel: str | None = None, ref_date: date | None = None) -> int | None:
    """The calendar year in which the fiscal year named by ``split`` ("2023-24"), ``single`` ("FY25": the year it
    ends in) or ``rel`` ("current", "last", ...; by the publication date) begins."""
    if split is not None:
        return split[0]
    if single is not None:
        return single - 1 if start_month > 1 else single
    if rel is None or ref_date is None:
        return None
    current = ref_date.year if ref_date.month >= start_month else ref_date.year - 1
    r = rel.lower()
    if r in ("current", "this", "ongoing"):
        return current
    if r in ("last", "previous", "prior", "past"):
        return current - 1
    if r == "next":
        return current + 1
    return None


_SPLIT_RX = re.compile(r"((?:19|20)\d\d)\s*[-–/]\s*(\d\d(?:\d\d)?)(?!\d)")
_SINGLE_RX = re.compile(r"(?:\bFY\s?|\bfiscal\s+(?:year\s+)?|\bfinancial\s+year\s+)['’]?((?:19|20)\d\d|\d\d)\b(?!\s*[-–/]\s*\d)",
                        re.I)
_REL_RX = re.compile(r"\b(current|this|ongoing|last|previous|prior|past|next)\s+(?:fiscal|financial)\b", re.I)
_FIRST_RX = re.compile(r"\b(?:first|same)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\b", re.I)
_PART_RX = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(quarter|half)\b", re.I)


def _split_years(txt: str) -> tuple[int, int] | None:
    m = _SPLIT_RX.search(txt)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    b = b if b > 100 else (a // 100) * 100 + b
    return (a, b) if b == a + 1 else None


def fiscal_period(txt: str, start_month: int | None, ref_date: date | None) -> str | None:
    """The calendar months of a fiscal expression ("the first three months of the current fiscal year 2023-24",
    "July-April 2023-24", "FY2024/25", "the third quarter of fiscal 2024", "2023-24"), or None when they are not
    known. A month range that wraps round the year end ("July-June 2023-24") needs no fiscal calendar."""
    split = _split_years(txt)
    months = [month_number(m.group(0)) for m in re.finditer(MON, txt, re.I) if not re.fullmatch(
        r"(?i)may|mar", m.group(0).rstrip("."))]
    if split and len(months) == 2:
        (a, _), (m1, m2) = split, months
        if m2 < m1:  # "July-April 2023-24": July 2023 to April 2024
            return span(a, m1, 12 - m1 + m2 + 1)
        if start_month is None:
            return None
        return _months_of(a, (m1, m2), start_month)  # "July-September 2023-24" in a July–June year: 2023
    if start_month is None or start_month == 1 or len(months) not in (0, 2):
        return None
    single = None
    if not split:
        s = _SINGLE_RX.search(txt)
        single = (int(s.group(1)) if len(s.group(1)) == 4 else 2000 + int(s.group(1))) if s else None
    rel = _REL_RX.search(txt)
    a = fiscal_year_start(start_month, split=split, single=single, rel=rel.group(1) if rel else None,
                          ref_date=ref_date)
    if a is None:
        return None
    if months:
        # "July–December of fiscal year 2018-19", "October-December of the current fiscal year": those months of
        # that fiscal year (None when they do not lie in it in order)
        return _months_of(a, (months[0], months[1]), start_month)
    first = _FIRST_RX.search(txt)
    part = _PART_RX.search(txt)
    if first:
        return span(a, start_month, count(first.group(1)))
    if part:
        size = 3 if part.group(2).lower() == "quarter" else 6
        k = ORD[part.group(1).lower()]
        if k * size > 12:
            return None
        last = start_month + (k - 1) * size
        return span(a + (last - 1) // 12, (last - 1) % 12 + 1, size)
    return span(a, start_month, 12)


def _months_of(a: int, months: tuple[int, int], start_month: int) -> str | None:
    """The months ``m1``–``m2`` of the fiscal year that begins in month ``start_month`` of year ``a``; None when they
    do not lie in it in order ("March–August" of a July–June year)."""
    o1, o2 = ((m - start_month) % 12 for m in months)
    return span(a + (start_month + o1 - 1) // 12, months[0], o2 - o1 + 1) if o2 >= o1 else None


def wrapped_range(m1: int, m2: int, ref_date: date | None) -> str | None:
    """"July–January" with no year: the latest such span that ended before the article was published."""
    if ref_date is None or m2 >= m1:
        return None
    end_year = ref_date.year if m2 < ref_date.month else ref_date.year - 1
    return span(end_year - 1, m1, 12 - m1 + m2 + 1)


def trailing(n: int, end_month: int, year: int | None, ref_date: date | None) -> str | None:
    """"the 12 months through March (2025)": the ``n`` months ending with ``end_month`` of ``year``, or of the
    latest such month before the article was published."""
    if year is None:
        if ref_date is None:
            return None
        year = ref_date.year if end_month < ref_date.month else ref_date.year - 1
    last = year * 12 + end_month - 1 - (n - 1)
    return span(last // 12, last % 12 + 1, n)


def last_month(kind: str, g: dict[str, str | None]) -> int:
    """The last month of a part-year mention whose year is not printed (for dating it by the publication)."""
    if kind == "quarter_range":
        return 3 * int(str(g["q2"]))
    if kind == "half_bare":
        return 6 * int(str(g["h4"]))
    if kind in ("months", "quarters_n"):
        return count(str(g["n"])) * (3 if kind == "quarters_n" else 1)
    if kind == "quarter_words":
        return 3 * ORD[str(g["o"]).lower()]
    if kind == "half_words":
        return 6 * ORD[str(g["o"]).lower()]
    mon = g.get("m2") or g.get("m1") or g.get("m3") or g.get("m4") or g.get("m5") or g.get("am1") or g.get("am2") or ""
    return MONTHS.get(mon.lower().rstrip("."), 12)


def past_months(n: int, ref_date: date | None) -> str | None:
    """"Over the past eight months our turnover grew ..." said in November: the year's first ``n`` months, the
    cumulative statistics that are out by then (they end one to three months before the publication). A count that
    does not end so (not counted from January of the publication's year, or no date) is no period it can name."""
    if ref_date is None or not 1 <= ref_date.month - n <= 3:
        return None
    return span(ref_date.year, 1, n)
