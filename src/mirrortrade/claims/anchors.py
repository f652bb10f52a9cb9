"""What dates a period when the text around a figure does not (issue 16, period slot):

* a **closing date**: an article whose only date is a line at its end ("Sept. 13, 2022", "Published 13 September
  2022") was written then, as surely as one with a dateline: its relative periods ("this year", "last year") count
  from that date;
* a **comparison figure's period**: "grew from $0.46 billion in 1992 to $70.2 billion in 2022", "5.0 percent,
  compared with 53.9 percent growth in 2023", "a slowdown from the 32.7 percent gain recorded in 2023": the period
  that dates the figure a comparison starts from is a base (that figure's own), never the period the text goes on
  about, nor the one a later figure falls back on;
* a **dateline** ("Jan. 13, 2026", "BISHKEK, July 2025 –") at the top: when the article was written; without one, the
  latest year of an undated article spoken of only in the present tense ("In 2020 ... ties are holding") is the year
  it was written in (:func:`spoken_of_as_past`).
"""

from __future__ import annotations

import re
from datetime import date

from mirrortrade.claims.fiscal import MON, month_number

#: a line that is only a date (optionally "Published"/"Posted"/"Updated" before it)
_DATE_LINE = re.compile(
    r"^\W*(?:(?:published|posted|updated|dated)\s*(?:on|:)?\s*)?(?:(?P<mon>" + MON + r")\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<y>(?:19|20)\d\d)|(?P<day2>\d{1,2})\s+(?P<mon2>" + MON + r")\s+(?P<y2>(?:19|20)\d\d)|"
    r"(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\W*$", re.I)


def closing_date(text: str) -> date | None:
    """The date on the article's last non-empty line when that line is a date and nothing else."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) < 2:
        return None
    m = _DATE_LINE.match(lines[-1])
    if m is None:
        return None
    try:
        if m.group("y3"):
            return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        mon = m.group("mon") or m.group("mon2")
        return date(int(m.group("y") or m.group("y2")), month_number(mon), int(m.group("day") or m.group("day2")))
    except (KeyError, ValueError):
        return None


#: an amount or a rate: "$0.46 billion", "53.9%", "32.7 percent", "46 billion U.S. dollars", "1.74 trillion yuan"
_FIGURE = (r"(?:[$€£¥]\s?\d[\d.,]*(?:\s*(?:trillion|billion|million|bn|mn|mln|bln|tn)\b)?"
           r"|\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b|(?:trillion|billion|million|bn|mn|mln|bln)\b"
           r"(?:\s+(?:U\.?S\.?\s+)?(?:dollars|yuan|rubles|roubles))?))")
#: an amount of money (never a rate): "$70.2 billion", "46 billion U.S. dollars", "1.74 trillion yuan"
_AMOUNT = (r"(?:[$€£¥]\s?\d[\d.,]*(?:\s*(?:trillion|billion|million|bn|mn|mln|bln|tn)\b)?"
           r"|\d[\d.,]*\s*(?:trillion|billion|million|bn|mn|mln|bln)\s+(?:U\.?S\.?\s+)?(?:dollars|yuan|rubles|roubles))")
#: the words before a period that make it the period of a figure a comparison starts from; after "than" only an
#: amount with its determiner ("27 percent higher than the $70.2 billion recorded in 2022"), never a bound ("more than
#: $5 billion in 2023") nor a rate ("faster than the 1.2 percent recorded for January-October": that rate's period);
#: "above"/"below" the amount only with "of" right after it ("16.4 percent above the $366.5 million of January-April
#: 2022"), never a bound's mark ("stayed above the $20 billion mark in 2023": the figure's own year)
COMPARED_FIGURE_BEFORE = re.compile(
    r"(?:(?:\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bfrom|\bafter)\s+(?:the\s+|a\s+)?(?:about\s+|around\s+|"
    r"nearly\s+|almost\s+|some\s+)?" + _FIGURE + r"|\bthan\s+the\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
    + _AMOUNT + r")(?:\s+[A-Za-z-]+){0,3}?\s+(?:in|for|during|over)\s+(?:the\s+)?$"
    r"|\b(?:than|above|below)\s+the\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?" + _AMOUNT
    + r"\s+of\s+(?:the\s+)?$",
    re.I)


def dates_compared_figure(text: str, start: int) -> bool:
    """The period mention starting at ``start`` dates a figure that a comparison starts from ("from $0.46 billion
    in 1992", "compared with 53.9% growth in 2023")."""
    return bool(COMPARED_FIGURE_BEFORE.search(text[max(0, start - 90):start]))


_DATELINE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+(?P<y1>(?:19|20)\d\d)"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-\d\d-\d\d)\b"
)


#: "BISHKEK, July 2025 – ...": a dateline with the month and year only
_DATELINE_MONTH = re.compile(
    r"^[ \t]*[A-Z][A-Za-z .'’-]{1,30},\s+(?P<mon>" + MON + r")\s+(?P<y>(?:19|20)\d\d)\s*[–—-]", re.M)


def dateline_year(text: str) -> int | None:
    """The year of a full date printed at the top of the article ("Jan. 13, 2026", "2026-01-26"), or of a
    month-and-year dateline ("BISHKEK, July 2025 –"), if any."""
    m = _DATELINE.search(text[:400])
    if m:
        return int(m.group("y1") or m.group("y2") or m.group("y3"))
    d = _DATELINE_MONTH.search(text[:400])
    if d:
        return int(d.group("y"))
    end = closing_date(text)  # "Sept. 13, 2022" alone on the last line: when it was written
    return end.year if end else None


def reference_date(text: str, article_date: date | None) -> date | None:
    """When the article was published: its date, else a full date printed at its top (a dateline), else None."""
    if article_date:
        return article_date
    m = _DATELINE.search(text[:400])
    if not m:
        dm = _DATELINE_MONTH.search(text[:400])
        if dm is None:
            return closing_date(text)
        # a month and year only: the article was written during that month, dated by its first day
        return date(int(dm.group("y")), month_number(dm.group("mon")), 1)
    d = re.match(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<y>\d{4})|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]+)\s+"
                 r"(?P<y2>\d{4})|(?P<y3>\d{4})-(?P<m3>\d\d)-(?P<d3>\d\d)", m.group(0))
    if not d:
        return None
    try:
        if d.group("y3"):
            return date(int(d.group("y3")), int(d.group("m3")), int(d.group("d3")))
        mon = (d.group("mon") or d.group("mon2")).lower()
        return date(int(d.group("y") or d.group("y2")), month_number(mon), int(d.group("day") or d.group("day2")))
    except (KeyError, ValueError):
        return None


#: a verb in the present tense, and one in the past (a past participle too: "had reached", "set up")
_PRESENT = re.compile(r"\b(?:is|are|can|we\s+see|remains?|continues?|keeps?|stays?|holds?)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|grew|rose|fell|came|stood|became|set|saw|made|went|\w+ed)\b", re.I)


def spoken_of_as_past(text: str, end: int) -> bool:
    """Whether the year printed before ``end`` is spoken of as past: its sentence after it has a verb in the past
    tense, or none in the present ("In 2020, despite the pandemic, we can see that ties are holding": not past)."""
    stop = re.search(r"[.!?](?:\s|$)", text[end:])
    rest = text[end:end + stop.start()] if stop else text[end:]
    return bool(_PAST.search(rest)) or not _PRESENT.search(rest)
