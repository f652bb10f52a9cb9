"""Bilateral figures that are not trade flows (issue 11): tourist arrivals, companies, scholarships,
students, announced investments, GDP (gdp_usd, as the World Bank source stores it) — with any relative statement the text makes about them.

    extract_indicators(text, article_date=None) -> list[IndicatorFigure]

"The number of Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 278,900 in
2025 from 74,300 in 2024" gives two figures: tourist_arrivals UZB <- CHN 278,900 (2025), with the
relation "nearly quadrupled" (ratio range [3.5, 4.0], see :mod:`mirrortrade.checks.relative`) and
previous level 74,300 (2024); and tourist_arrivals UZB <- CHN 74,300 (2024), marked as the previous
level. ``country`` is where the thing is counted (the destination, the host, the recipient),
``partner`` whose it is (the visitors', the companies', the giver's, the investor's).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from datetime import date

from mirrortrade.checks.relative import parse_relative
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.extract import _find_sources, _heading_country
from mirrortrade.claims.numbers import find_counts, find_money, find_percents
from mirrortrade.claims.periods import PeriodMention, data_year, find_periods, reference_year
from mirrortrade.claims.text import Paragraph, segment
from mirrortrade.errors import PeriodError
from mirrortrade.model import Citation, Indicator, Period, value_interval

#: indicator id -> (noun pattern, unit). The noun must stand within a few words after the number.
INDICATOR_NOUNS: dict[str, tuple[re.Pattern[str], str]] = {
    "tourist_arrivals": (re.compile(
        r"\b(?:tourists?|visitors?|visits|travell?ers|arrivals|holidaymakers|vacationers|citizens\s+visiting|"
        r"\w+\s+vacationing|\w+\s+visiting)\b", re.I), "persons"),
    "registered_companies": (re.compile(
        r"\b(?:companies|firms|enterprises|joint ventures|entities|businesses)\b(?=[^.]*\b(?:operating|registered|"
        r"active|in\s+[A-Z])|[^.]{0,40}\bnumber\b)|\bnumber of\b[^.]{0,60}\b(?:companies|firms|enterprises|joint ventures|"
        r"entities|businesses)\b", re.I), "companies"),
    "scholarships": (re.compile(r"\bscholarships?\b|\bgrants? for students\b", re.I), "scholarships"),
    "students": (re.compile(r"\bstudents?\s+(?:studying|enrolled|at)\b|\bnumber of\b[^.]{0,40}\bstudents\b", re.I), "persons"),
    "migrant_workers": (re.compile(r"\b(?:migrant workers|labou?r migrants)\b", re.I), "persons"),
    "flights_weekly": (re.compile(r"\bflights? (?:a|per) week\b|\bweekly flights?\b", re.I), "flights"),
}
_INVEST = re.compile(
    r"\b(?:invest\w*|projects?|deals?|plant|facility|factory|laboratory|lab|loans?|credit line|contracts?|fund)\b", re.I
)
_GDP = re.compile(r"\b(?:GDP|gross domestic product)\b")
_PREV = re.compile(r"\b(?:up|down)?\s*from\s+(?:(?:nearly|almost|about|around|roughly|some|just over|just under|"
                   r"more than|over|under|less than)\s+)?$", re.I)
_CHANGE_COUNT = re.compile(r"\b(?:grew|rose|increased|fell|declined|dropped|decreased)\s+by\s+(?:\w+\s+){0,2}$", re.I)
_DOWN = re.compile(r"\b(?:fell|declined|dropped|decreased|shrank|down)\b", re.I)


@dataclass
class IndicatorFigure:
    """One non-trade bilateral figure of an article."""

    id: str
    quote: str
    start: int
    end: int
    country: str | None
    partner: str | None
    indicator: str
    value: float
    value_low: float
    value_high: float
    unit: str
    period: str | None
    qualifier: str = "exact"
    precision: float = 0.0
    kind: str = "level"  # level | change | previous
    source: str | None = None
    text: str = ""
    relation: str | None = None  # the words: "nearly quadrupled", "grew by nearly 50 percent"
    relation_low: float | None = None  # ratio new/old the words allow
    relation_high: float | None = None
    previous_value: float | None = None
    previous_low: float | None = None
    previous_high: float | None = None
    previous_period: str | None = None
    previous_id: str | None = None
    period_text: str | None = None  # a period that is no calendar span ("the 2026-27 academic year")
    paragraph: int = 0

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        for k, v in list(d.items()):
            if isinstance(v, float) and not math.isfinite(v):
                d[k] = None
        return d

    def to_indicator(self, *, source_id: str | None = None, citation: Citation | None = None,
                     period: str | None = None) -> Indicator:
        """A :class:`mirrortrade.model.Indicator` for the store (needs a country and a period)."""
        per = self.period or period
        if per is None:
            raise PeriodError(f"indicator {self.indicator} {self.text!r} has no period", column="period")
        cit = citation or Citation(quote=self.quote)
        if not cit.quote:
            cit = Citation(cit.publisher, cit.title, cit.date, cit.url, self.quote)
        note = f"{self.relation} from {self.previous_value:g} ({self.previous_period})" if self.relation else ""
        return Indicator(
            country=self.country or "", indicator=self.indicator, period=per, value=self.value, unit=self.unit,
            source_id=source_id or self.source or "PRESS", partner=self.partner or "", precision=self.precision,
            qualifier=self.qualifier, citation=cit, note=note,
        )


def _relation(sentence: str) -> tuple[str, float, float] | None:
    for st in parse_relative(sentence):
        if st.kind in ("multiple", "growth"):
            return st.words, st.low, st.high
    return None


def extract_indicators(text: str, article_date: date | None = None) -> list[IndicatorFigure]:
    """Every non-trade bilateral figure of ``text`` (ids i1, i2, ... in text order); a thin wrapper of
    :func:`indicators_of` (an article read whole goes through :func:`mirrortrade.claims.reading.read_article`)."""
    return indicators_of(text, segment(text), article_date)


def indicators_of(text: str, paras: list[Paragraph], article_date: date | None = None) -> list[IndicatorFigure]:
    """The indicator figures of ``text`` from its paragraphs, segmented once by the caller."""
    about_ca = "Central Asia" in text
    ref_year = reference_year(text, article_date)
    dyear = data_year(text)
    out: list[IndicatorFigure] = []
    section: str | None = None
    for p in paras:
        h = _heading_country(p)
        if h:
            section = h
            continue
        prefs = lx.find_countries(p.text, about_central_asia=about_ca, region_as_ca5=False)
        para_codes = [r.code for r in prefs if r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")]
        topic = section or (max(set(para_codes), key=para_codes.count) if para_codes else None)
        carry: tuple[str | None, str | None] = (None, None)
        carry_source: str | None = None
        for s in p.sentences:
            t = s.text
            refs = [r for r in lx.resolve_refs(lx.find_countries(t, about_central_asia=about_ca, region_as_ca5=False),
                                               topic) if r.code not in ("WLD",)]
            srcs = [x for x in _find_sources(t, refs, 0) if x.kind in ("stat", "customs", "data", "agency")]
            src = srcs[-1].sid if srcs else carry_source
            periods = [pm for pm in find_periods(t, ref_year=ref_year, context_year=dyear) if pm.period and not pm.base]
            figs = _sentence_figures(s.start, t, refs, topic, para_codes, periods, carry, src, p.index)
            if figs:
                cur = next((f.period for f in figs if f.kind != "previous"), None)
                prev = next((f.period for f in figs if f.kind == "previous"), None)
                carry = (cur, prev)
            if srcs:
                carry_source = srcs[-1].sid
            out.extend(figs)
        # a source named after the figures of its paragraph ("..., according to Uzbek official statistics")
        later = None
        for f in reversed([f for f in out if f.paragraph == p.index]):
            if f.source:
                later = f.source
            elif later and f.indicator not in ("investment_announced", "gdp_usd"):
                f.source = later
    out.sort(key=lambda f: f.start)
    ids = {id(f): f"i{i}" for i, f in enumerate(out, 1)}
    for f in out:
        f.id = ids[id(f)]
    for f in out:
        if f.kind == "level" and f.previous_value is not None:
            prev = next((g for g in out if g.kind == "previous" and g.quote == f.quote and g.value == f.previous_value), None)
            if prev is not None:
                f.previous_id = prev.id
    return out


def _period_near(periods: list[PeriodMention], start: int, end: int, t: str) -> str | None:
    after = [pm for pm in periods if end <= pm.start <= end + 12]
    if after:
        return after[0].period
    return None


def _sentence_figures(
    offset: int, t: str, refs: list[lx.CountryRef], topic: str | None, para_codes: list[str], periods: list[PeriodMention],
    carry: tuple[str | None, str | None], src: str | None, para: int,
) -> list[IndicatorFigure]:
    out: list[IndicatorFigure] = []
    money = find_money(t)
    # ---- money: announced investments and GDP
    for mo in money:
        qual, _ = lx.qualifier_before(t, mo.start)
        lo, hi = value_interval(mo.value, mo.precision, qual, nonnegative=True)
        window = t[max(0, mo.start - 60):mo.end + 40]
        if _GDP.search(t[max(0, mo.start - 60):mo.start]):
            owner = next((r.code for r in reversed(refs) if r.end <= mo.start and r.possessive), None)
            per = next((pm.period for pm in periods if pm.start < mo.start), None) or carry[0]
            out.append(IndicatorFigure("", t, offset + mo.start, offset + mo.end, owner or topic, None, "gdp_usd", mo.value,
                                       lo, hi, "USD", per, qual, mo.precision, source=src, text=mo.text, paragraph=para))
            continue
        if not _INVEST.search(window) or re.search(r"\b(?:exports?|imports?|trade|turnover)\b", window, re.I):
            continue
        # where: "in Kazakhstan", else the section's country; who: another country named in the sentence
        where = None
        for r in refs:
            if re.search(r"\b(?:in|to)\s+(?:the\s+)?(?:\w+\s+)?$", t[max(0, r.start - 20):r.start]):
                where = r.code
        where = where or topic
        who = next((r.code for r in refs if r.code != where and r.code != "CA5"), None)
        if who is None:
            who = next((c for c in para_codes if c != where), None)
        per = _period_near(periods, mo.start, mo.end, t)
        out.append(IndicatorFigure("", t, offset + mo.start, offset + mo.end, where, who, "investment_announced",
                                   mo.value, lo, hi, "USD", per, qual, mo.precision, source=src, text=mo.text,
                                   paragraph=para))
    # ---- counts
    taken = [(mo.start, mo.end) for mo in money] + [(p.start, p.end) for p in find_percents(t)]
    taken += [(pm.start, pm.end) for pm in periods]
    counts = [c for c in find_counts(t) if not any(a <= c[0] < b for a, b in taken)]
    counts = [c for c in counts if not re.fullmatch(r"(?:19|20)\d\d", c[2])]
    if not counts:
        return out
    which = None
    for ind, (rx, unit) in INDICATOR_NOUNS.items():
        if rx.search(t):
            which = (ind, unit)
            break
    if which is None:
        return out
    ind, unit = which
    country, partner = _count_parties(t, refs, ind, topic, para_codes)
    rel = _relation(t)
    level: IndicatorFigure | None = None
    for cs, ce, ctext, v, prec in counts:
        # a count must stand near the noun phrase: skip numbers far from any words of the sentence's subject
        qual, qstart = lx.qualifier_before(t, cs)
        lo, hi = value_interval(v, prec, qual, nonnegative=True)
        before = t[max(0, qstart - 30):qstart]
        per = _period_near(periods, cs, ce, t)
        if _PREV.search(before) and level is not None:
            fig = IndicatorFigure("", t, offset + cs, offset + ce, country, partner, ind, v, lo, hi, unit,
                                  per or carry[1], qual, prec, kind="previous", source=src, text=ctext, paragraph=para)
            level.previous_value, level.previous_low, level.previous_high = v, lo, hi
            level.previous_period = fig.period
            if level.period is None and fig.period:
                level.period = str(Period.parse(fig.period).year + 1) if Period.parse(fig.period).is_full_year else None
            out.append(fig)
            continue
        if _CHANGE_COUNT.search(t[max(0, qstart - 40):qstart]):
            sign = -1 if _DOWN.search(t[max(0, qstart - 40):qstart]) else 1
            lo2, hi2 = (lo, hi) if sign > 0 else (-hi, -lo)
            # "the number of which grew by close to 2,500": whose number is the nearest demonym before it
            own = next((r.code for r in reversed(refs) if r.end <= cs), partner)
            out.append(IndicatorFigure("", t, offset + cs, offset + ce, country, own if own != country else partner, ind,
                                       sign * v, lo2, hi2, unit, per or carry[0], qual, prec, kind="change",
                                       source=src, text=ctext, paragraph=para))
            continue
        if level is not None:
            continue
        level = IndicatorFigure("", t, offset + cs, offset + ce, country, partner, ind, v, lo, hi, unit,
                                per or carry[0], qual, prec, source=src, text=ctext, paragraph=para)
        if ind == "scholarships" and per is None:
            ay = re.search(r"\b((?:19|20)\d\d[-–/]\d{2,4})\s+academic year\b", t)
            if ay:
                level.period = None
                level.period_text = f"{ay.group(1)} academic year"
        if rel:
            level.relation, level.relation_low, level.relation_high = rel
        out.append(level)
    return out


def _count_parties(
    t: str, refs: list[lx.CountryRef], ind: str, topic: str | None, para_codes: list[str]
) -> tuple[str | None, str | None]:
    rx = INDICATOR_NOUNS[ind][0]
    m = rx.search(t)
    noun_start = m.start() if m else 0
    noun_end = m.end() if m else 0
    origin = None  # the adjective / demonym of the counted people or companies
    for r in refs:
        if r.end <= noun_start + 1 and noun_start - r.end <= 40:
            origin = r.code
            break
    if origin is None:
        for r in refs:
            if noun_start <= r.start <= noun_end:
                origin = r.code
                break
    dest = None
    for r in refs:
        before = t[max(0, r.start - 40):r.start]
        if r.start >= noun_start and re.search(
            r"\b(?:in|to|into|visiting|at|operating in|registered in)\s+(?:the\s+)?(?:\w+\s+)?$", before
        ) and r.code != origin:
            dest = r.code
            break
    if ind == "scholarships":
        # "China will offer 73 scholarships to Kazakh students": country = recipients, partner = giver
        recip = next((r.code for r in refs if re.search(r"\bto\s+$", t[max(0, r.start - 5):r.start])), None)
        giver = next((r.code for r in refs if r.code != recip), None)
        return recip or topic, giver
    if origin is None:
        origin = next((r.code for r in refs if r.code != dest), None)
    if dest is None:
        dest = next((c for c in ([topic] if topic else []) + para_codes if c != origin), None)
    return dest, origin
