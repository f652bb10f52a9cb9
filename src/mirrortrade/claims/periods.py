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
from datetime import date

from mirrortrade.claims.anchors import dates_compared_figure
from mirrortrade.claims.anchors import reference_date as reference_date
from mirrortrade.claims.fiscal import MONTHS as _MONTHS
from mirrortrade.claims.fiscal import ORD as _ORD
from mirrortrade.claims.fiscal import count, fiscal_period, past_months, trailing, wrapped_range
from mirrortrade.claims.fiscal import last_month as _last_month
from mirrortrade.claims.fiscal import span as _span
from mirrortrade.claims.period_patterns import COMPARISON_BEFORE as _COMPARISON_BEFORE
from mirrortrade.claims.period_patterns import FULL_DATE_BEFORE as _FULL_DATE_BEFORE
from mirrortrade.claims.period_patterns import PATTERNS as _PATTERNS
from mirrortrade.claims.period_patterns import SUPERLATIVE_BEFORE as _SUPERLATIVE_BEFORE
from mirrortrade.claims.period_patterns import YEAR as _YEAR_RX
from mirrortrade.claims.period_patterns import PeriodMention as PeriodMention
from mirrortrade.claims.period_patterns import is_base as _is_base
from mirrortrade.claims.period_patterns import is_span as _is_span
from mirrortrade.claims.period_patterns import over_part_of_year as _over_part_of_year
from mirrortrade.claims.period_patterns import parse as _parse
from mirrortrade.claims.period_patterns import two_digit as _two_digit
from mirrortrade.claims.period_patterns import year_to_date as _year_to_date
from mirrortrade.claims.ref_years import data_year as data_year
from mirrortrade.claims.ref_years import infer_reference_year as infer_reference_year
from mirrortrade.claims.ref_years import reference_year as reference_year
from mirrortrade.claims.relative_periods import SHIFT_BACK as _SHIFT_BACK
from mirrortrade.claims.relative_periods import YEAR_BEFORE as _YEAR_BEFORE
from mirrortrade.claims.relative_periods import bracketed_bases as _bracketed_bases
from mirrortrade.claims.relative_periods import context_from_before as _context_from_before
from mirrortrade.claims.relative_periods import fiscal_months as _fiscal_months
from mirrortrade.claims.relative_periods import part_of_year, previous_month
from mirrortrade.claims.relative_periods import rel_year as _rel_year
from mirrortrade.claims.relative_periods import year_of_part as _year_of_part
from mirrortrade.errors import PeriodError
from mirrortrade.model import Period

#: a clause opened by "since" up to a year: "since the Belt and Road Initiative was put forward in "
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:the|a|an|its|their|our|[A-Z])[^.;:,()\d]{0,80}?\s+(?:in|of)\s+$", re.I)

#: an amount put as a comparison right before a period: "against 7326 million dollars ", "compared with $1.2 billion "
_COMPARED_AMOUNT = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:[a-z]+\s+){0,3}?(?:US\s?)?[$€£¥]?\s?\d[\d.,]*\s*"
    r"(?:trillion|billion|million|thousand|bn|mn|mln|bln|m)?(?:\s*(?:US\s+)?dollars?|\s*USD)?\s+$", re.I)
#: how surely a period derived from the one in context dates a compared amount: shown, never flagged
_DERIVED = 0.55


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
            if kind == "years":
                if int(g.get("yb") or g["yd"]) - int(g.get("ya") or g["yc"]) < 2:  # type: ignore[arg-type]
                    continue  # "from 2023 to 2024", "2023-2024": a year on the one before, or a split year
                # "From 2021 to 2024", "over 2009–2018": a span of several years, no calendar period of one year
                taken.append((m.start(), m.end()))
                out.append(PeriodMention(m.start(), m.end(), m.group(0), None, False, False, "years"))
                continue
            if kind == "described_year":
                taken.append((m.start(), m.end()))
                if not re.search(r"\b" + _YEAR_RX + r"\s*,\s*$", text[max(0, m.start() - 12):m.start()]):
                    # no year names it: a year with no calendar period (a figure it dates stays unresolved)
                    out.append(PeriodMention(m.start(), m.end(), m.group(0), None, False, False, "span"))
                continue
            if kind == "prev_month":
                # "after 24% growth the previous month": the month before the one named before it (resolved below)
                taken.append((m.start(), m.end()))
                out.append(PeriodMention(m.start(), m.end(), m.group(0), None, _is_base(text, m.start(), m.end(), None),
                                         False, "previous-month"))
                continue
            if kind == "since_start":
                # "since the beginning of the year": that year to date, dated by the part of it in context (below)
                yy = int(g["y"]) if g.get("y") else ref_year
                taken.append((m.start(), m.end()))
                out.append(PeriodMention(m.start(), m.end(), m.group(0), str(yy) if yy else None, False, True))
                continue
            if kind == "span" and not _is_span(g):
                continue
            if kind == "months" and _SUPERLATIVE_BEFORE.search(text[max(0, m.start() - 50):m.start()]):
                continue  # "the largest gain in nine months": what the superlative ranks against, not a period
            if kind in ("year", "month") and _FULL_DATE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                continue  # "Nov. 25, 2019": a day (a dateline, a release date), not a period of trade
            period: str | None = None
            full_year = False
            conf = 1.0
            relative = None
            y: int | None = None
            if g.get("y") or g.get("y2") or g.get("y3"):
                y = _two_digit(g.get("y") or g.get("y2") or g.get("y3"))
            elif g.get("rel") and kind != "relative":
                y = _rel_year(g["rel"], ref_year, context_year)
            elif kind in ("months", "quarters_n", "quarter_words", "half_words", "month_range", "month", "quarter_range",
                          "half_bare", "months_to", "as_of_day"):
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
                    if not g.get("n") and _YEAR_THROUGH.match(m.group(0)):
                        span = _year_through(span, stated or [], cp)
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
                if kind in ("months_to", "as_of_day"):
                    period, relative = _to_month(g, y)
                elif kind == "quarter_range":
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
                    mon = g.get("m1") or g.get("m2") or g.get("m3") or g.get("m4") or g.get("m5")
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
                        elif rel == "last year" and cp is not None and cp.n_months < 12 and _COMPARED_AMOUNT.search(
                                text[max(0, m.start() - 90):m.start()]):
                            # "$6633 million against $7326 million last year" after July–February in context: the
                            # compared amount is of the same months a year before (derived, not printed: never flagged)
                            period, full_year, relative = str(cp.same_span_previous_year()), False, "year"
                            conf = _DERIVED
                    y = None
                if g.get("rel") and kind != "relative":
                    relative = " ".join(g["rel"].lower().split())
            except (ValueError, KeyError, PeriodError):
                continue
            base = _is_base(text, m.start(), m.end(), g.get("poss"))
            if base and _over_part_of_year(text, m.start(), kind, g, m.group(0)):
                base = False
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
            elif kind == "year" and not base and _SINCE_CLAUSE.search(text[max(0, m.start() - 90):m.start()]):
                # "in the 12 years since the Belt and Road Initiative was put forward in 2013": the year a clause
                # opened by "since" names is where a span starts, never a figure's own year
                base, relative = True, "since"
            taken.append((m.start(), m.end()))
            out.append(PeriodMention(m.start(), m.end(), m.group(0), period, base, full_year, relative, conf))
    out.sort(key=lambda p: p.start)
    out = _year_of_part(text, previous_month(part_of_year(text, out, cp, ref_year), cp), cp, ref_date)
    return _restated(_bracketed_bases(text, _context_from_before(out)), stated or [], fiscal_start)



#: "the year through September", "the year until June": January to that month, or the twelve months to it (which is
#: not said); "the year ended June" (a fiscal year) stays twelve months
_YEAR_THROUGH = re.compile(r"the\s+year\s+(?:through|until|up\s+to)\b", re.I)


def _year_through(span: str | None, stated: list[str], cp: Period | None) -> str | None:
    """"Exports rose 5% in the year through September": the twelve months to September or January–September (the
    year to date) are both said so; the year to date when the article has stated those months (or they are the period
    in context), else no calendar period: the figure stays unresolved."""
    last = _parse(span)
    if last is None:
        return None
    to_date = str(Period.parse(f"{last.end_year}-01/{last.end_year}-{last.end_month:02d}"))
    return to_date if to_date in stated or str(cp) == to_date else None


def _to_month(g: dict[str, str | None], y: int | None) -> tuple[str | None, str | None]:
    """"through September 2024", "by the end of September": January–September of that year; "as of October 1": the
    months before that day; "as of October 15" (part of a month) or no year: no calendar period (``"span"``)."""
    if g.get("m2"):
        last = _MONTHS[str(g["m2"]).lower().rstrip(".")]
    else:
        mon, day = (g.get("am1"), g.get("d1")) if g.get("am1") else (g.get("am2"), g.get("d2"))
        last = _MONTHS[str(mon).lower().rstrip(".")] - 1
        if int(str(day)) != 1 or last < 1:
            return None, "span"
    if not y:
        return None, "span"
    return (str(Period.parse(f"{y}-01/{y}-{last:02d}")) if last > 1 else f"{y}-01"), None


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

