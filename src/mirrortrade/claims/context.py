"""The context a figure leans on when its own clause does not give its frame (issue 16, items 1, 3 and 7).

Two structures of trade reporting:

* a **series**: "Trade between A and B reached $x in 2023. It amounted to $y a year earlier", "Exports came to $z":
  a sentence with no party of its own goes on about the frame (reporter, partner, flow, agency) of the last
  claim-bearing sentence; its period and values are its own. :class:`Series` keeps that frame across the paragraph
  walk and gives it out only when it is clear (a paragraph that names another country has moved on);
* a **comparison base**: "up 12% against $B in 2023", "37.77 percent less than the previous year's $B", "(2023: $B)":
  the base is a level of its own, for the base period, with the main figure's frame; never the main period. A rate
  stated beside both levels must fit them within rounding (:func:`rate_fits`, interval arithmetic); a base whose
  period is not printed is the same span a year before (:func:`year_before`) only when the comparison is year on year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mirrortrade.claims.claim import FLAGGABLE, GUESSED, HELD, Claim
from mirrortrade.model import Period

#: words that put a dollar figure as the base of a comparison with the figure before it ("against $B", "compared with
#: $B", "less than the $B", "above the $B", "the previous year's $B"); a bare "more than $B" is a bound, not a base
COMPARISON_BEFORE = re.compile(
    r"(?:\b(?:against|versus|vs\.?|compared\s+(?:with|to)|(?:in\s+)?comparison\s+(?:with|to)|as\s+against|set\s+against|from)\s+(?:the\s+|a\s+)?"
    r"|\b(?:than|above|below)\s+the\s+"
    r"|\b(?:the\s+)?(?:previous|prior|last|a)\s+(?:year|fiscal\s+year|year['’]s\s+same\s+period)['’]s\s+"
    r"|\b(?:the\s+)?year-(?:earlier|ago)\s+)"
    r"(?:(?:about|around|nearly|almost|roughly|some|just|over|under|more\s+than|less\s+than)\s+)?$",
    re.I,
)
#: what may stand between a comparison base and a second base coordinated with it: the first base's period, then
#: "and" ("against $1.504 billion in August and $1.258 billion in the same month last year"); no figure, no clause
COORDINATED_BASE = re.compile(r"[^$%€;.()]{0,60}?(?:,\s*|\s+)(?:and|or)\s+(?:the\s+|a\s+)?", re.I)
#: a bracketed figure that gives the base of a comparison just stated: "9.4 percent higher than a year earlier
#: ($5.3 billion in January-June 2023)", "0.5 percent less than in the same period of last year ($1 billion)"
BRACKET_BASE = re.compile(
    r"\b(?:than|year[- ]on[- ]year|y/y|a\s+year\s+(?:earlier|ago|before)|(?:same|corresponding)\s+(?:period|months?|"
    r"quarter|half)|previous\s+year|last\s+year|compared|against)\b[^()$]{0,60}\(\s*$",
    re.I,
)
#: an amount in another currency right before a bracket: "716 billion rubles ($8.7 billion)", "€586bn ($709bn)": the
#: bracket converts that amount (a base only when that amount is one: "compared with 90 billion rubles ($1.1 billion)")
CONVERTED_BEFORE = re.compile(
    r"(?:[€£₽₸]\s?\d[\d.,]*|\d[\d.,]*(?:\s*(?:trillion|billion|million|thousand|trn|tn|bn|bln|mn|mln))?\s*(?:rubles?|"
    r"roubles?|tenge|soms?|somoni|sums?|soum|manats?|tugriks?|yuan|renminbi|euros?|pounds?|rupees?|lira|liras|yen))"
    r"\s*\(\s*$", re.I)
#: a period printed after a base that looks back from the figure compared ("a year earlier", "in the same period of
#: last year", "in the corresponding period of the previous fiscal year"): the main figure's span, a year before
LOOKS_BACK = re.compile(
    r"^[\s,]*(?:(?:recorded|registered|reported|posted|seen)\s+)?(?:(?:a|one)\s+year\s+(?:earlier|before|ago)|"
    r"(?:in|for|during|over)\s+the\s+(?:same|corresponding|like|comparable)\s+(?:period|time|months?|quarter|half)\b"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:previous|prior|last|preceding)\s+(?:fiscal\s+|financial\s+)?year|"
    r"\s+(?:a\s+year\s+(?:earlier|before|ago)|last\s+year))?(?!\s+(?:of|in)\s+(?:\d|[A-Z])))",
    re.I,
)


@dataclass
class Series:
    """The frame of the last claim-bearing sentence of the article so far (see module doc)."""

    last: Claim | None = None
    #: the paragraph of :attr:`last`
    paragraph: int = -1

    def note(self, claims: list[Claim]) -> None:
        """After a sentence: its last claim whose parties and flow were read becomes the frame in context; a sentence
        whose figures were not read clearly (a missing party or flow) breaks the series."""
        for c in reversed(claims):
            if c.kind == "share" or c.kind == "difference":
                continue
            # parties and a flow read only by a weak default (a party guessed) are not passed on; a reporter
            # assumed is no worse for the figures after it (they take their own reporter's confidence)
            sure = all(c.slots.get(k, 0.0) >= FLAGGABLE for k in ("partner", "flow"))
            self.last = c if frame_resolved(c) and sure else None
            self.paragraph = c.paragraph
            return

    def antecedent(self, paragraph: int, para_countries: set[str]) -> Claim | None:
        """The frame a sentence with no party of its own goes on about: the last one, when the paragraph names no
        country beyond its parties (a paragraph about another country has moved on: unclear, so none)."""
        c = self.last
        if c is None or not para_countries <= {c.reporter, c.partner}:
            return None
        return c


def frame_missing(c: Claim) -> set[str]:
    """The slots of ``c`` not read; a reporter guessed from the flow's subject (no statistics named anywhere, left
    for the store to settle: :mod:`mirrortrade.claims.whose`) is no unread frame: a figure referring back to it
    inherits its parties and the same guess."""
    return set(c.missing) - ({"reporter"} if (c.how or {}).get("reporter") in (GUESSED, HELD) else set())


def frame_resolved(c: Claim) -> bool:
    """The claim's parties and flow were read (none missing): a frame others may inherit."""
    return bool(c.flow and c.reporter and c.partner) and not frame_missing(c) & {"reporter", "partner", "flow"}


def year_before(period: str | None) -> str | None:
    """The same span a year before ``period`` (None when there is none)."""
    if not period:
        return None
    try:
        return str(Period.parse(period).same_span_previous_year())
    except Exception:  # noqa: BLE001 - a span that cannot go back a year has no base
        return None


#: "the same months of 2022-23", "in the same month of 2022", "the corresponding period of the previous fiscal year
#: 2022": a base dated by the main figure's span moved into the period printed after these words
SAME_SPAN_OF = re.compile(r"\b(?:same|corresponding|like|comparable)\s+(?:months?|period|quarter|half|time)\s+(?:of|in)\s+"
                          r"(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+year\s+)?$", re.I)


def same_span_in(period: str | None, printed: str | None) -> str | None:
    """``period``'s span one, two or three years back, the first that lies in ``printed`` ("the same months of
    2022-23" for July–November 2023: July–November 2022); None when none does."""
    p, q = _parsed(period), _parsed(printed)
    if p is None or q is None:
        return None
    for _ in range(3):
        try:
            p = p.same_span_previous_year()
        except Exception:  # noqa: BLE001 - a span that cannot go back a year
            return None
        if q.contains(p):
            return str(p)
    return None


def _parsed(period: str | None) -> Period | None:
    if not period:
        return None
    try:
        return Period.parse(period)
    except Exception:  # noqa: BLE001 - an unreadable period is no span
        return None


def year_to_date_span(period: str | None, fiscal_start: int | None = None) -> bool:
    """A span of several months that opens the calendar or fiscal year (a year, a half, January-October, July-January
    of a fiscal year): its figures are compared year on year, never with the span before."""
    p = _parsed(period)
    return p is not None and p.n_months > 1 and p.start.month in (1, fiscal_start or 1)


def year_on_year_span(period: str | None, fiscal_start: int | None = None) -> bool:
    """A period whose figures are compared year on year when no base period is printed: a whole year (or longer), or
    a year-to-date span. A single month or a later quarter may be compared with the one before it: its base period is
    not implied."""
    p = _parsed(period)
    return p is not None and (p.n_months >= 12 or year_to_date_span(period, fiscal_start))


def inside(period: str | None, whole: str | None) -> bool:
    """``period`` lies within ``whole``."""
    if not period or not whole:
        return False
    try:
        return Period.parse(whole).contains(Period.parse(period))
    except Exception:  # noqa: BLE001
        return False


#: how far (percentage points) a printed rate may stand from the one its two printed levels give: agencies compute
#: rates from unrounded figures and sometimes cut digits instead of rounding ("15.11 percent" for 2744.241 against
#: 3233.046, which give 15.119); a base of another period (a month before, not a year) is off by far more
RATE_SLACK = 0.5


def rate_fits(main: tuple[float, float], base: tuple[float, float], rate: tuple[float, float],
              slack: float = RATE_SLACK) -> bool:
    """A growth rate (percent interval) stated beside two levels (value intervals, now and before) fits them
    within rounding: the rates the two intervals allow overlap the rate's interval widened by ``slack``."""
    (m_lo, m_hi), (b_lo, b_hi), (g_lo, g_hi) = main, base, (rate[0] - slack, rate[1] + slack)
    if b_lo <= 0 or b_hi <= 0:
        return True  # a base that may be zero allows any rate
    lo = (m_lo / b_hi - 1) * 100
    hi = (m_hi / b_lo - 1) * 100
    return lo <= g_hi and g_lo <= hi
