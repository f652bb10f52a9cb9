"""What dates a period when the text around a figure does not (issue 16, period slot):

* a **closing date**: an article whose only date is a line at its end ("Sept. 13, 2022", "Published 13 September
  2022") was written then, as surely as one with a dateline: its relative periods ("this year", "last year") count
  from that date;
* a **comparison figure's period**: "grew from $0.46 billion in 1992 to $70.2 billion in 2022", "5.0 percent,
  compared with 53.9 percent growth in 2023", "a slowdown from the 32.7 percent gain recorded in 2023": the period
  that dates the figure a comparison starts from is a base (that figure's own), never the period the text goes on
  about, nor the one a later figure falls back on.
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
#: the words before a period that make it the period of a figure a comparison starts from
COMPARED_FIGURE_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|\bfrom|\bafter)\s+(?:the\s+|a\s+)?(?:about\s+|around\s+|"
    r"nearly\s+|almost\s+|some\s+)?" + _FIGURE + r"(?:\s+[A-Za-z-]+){0,3}?\s+(?:in|for|during|over)\s+(?:the\s+)?$",
    re.I)


def dates_compared_figure(text: str, start: int) -> bool:
    """The period mention starting at ``start`` dates a figure that a comparison starts from ("from $0.46 billion
    in 1992", "compared with 53.9% growth in 2023")."""
    return bool(COMPARED_FIGURE_BEFORE.search(text[max(0, start - 90):start]))
