"""The years an article is written in and about: its date, a dateline, or the years its text names."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from mirrortrade.claims.anchors import dateline_year, spoken_of_as_past
from mirrortrade.claims.fiscal import MON as _MON
from mirrortrade.claims.period_patterns import BASE_BEFORE as _BASE_BEFORE
from mirrortrade.claims.period_patterns import FULL_DATE_BEFORE as _FULL_DATE_BEFORE
from mirrortrade.claims.period_patterns import YEAR as _YEAR

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
