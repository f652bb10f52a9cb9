"""News items (issue 11): investments, agreements, licences, infrastructure, incidents, education,
diplomacy and trade events reported in an article.

    extract_events(text, article_date=None) -> list[NewsEvent]

Events are never invented: each is one sentence of the text, quoted verbatim (``quote``, with its
offsets), classified by the words it uses. Sentences that carry trade claims, headings, photo
credits and site boilerplate are not events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.extract import Claim, _heading_country, claims_of
from mirrortrade.claims.indicators import IndicatorFigure, indicators_of
from mirrortrade.claims.numbers import find_money
from mirrortrade.claims.periods import reference_year
from mirrortrade.claims.text import Paragraph, segment
from mirrortrade.model import EVENT_KINDS, Citation, NewsItem, value_interval

#: kind -> words that mark it; the first kind (in this order) whose words occur is the event's kind
KIND_WORDS: dict[str, re.Pattern[str]] = {
    "incident": re.compile(r"\b(?:protest\w*|attack\w*|kill\w*|clash\w*|accident\w*|evacuat\w*|strik(?:e|es|ing)\b|"
                           r"detain\w*|arrest\w*|dispute\w*|deadly|injur\w*|explosion|riot\w*)", re.I),
    "licence": re.compile(r"\blicen[cs]\w*|\bpermit\b|\bpermits\b", re.I),
    "investment": re.compile(r"\binvest\w*|\bfeasibility\b|\bloan\b|\bfactory\b|\bprocessing facility\b", re.I),
    "education": re.compile(r"\buniversit\w*|\bscholarships?\b|\bstudents?\b|\bacademic\b|\beducation\w*|"
                            r"\binstitute\b|\bschools?\b|\bprofessor\w*", re.I),
    "infrastructure": re.compile(r"\bbridges?\b|\brailways?\b|\brail\b|\bport\b|\broads?\b|\bhighway\w*|\bpipelines?\b|"
                                 r"\bconstruction\b(?!\s+materials)|\bterminal\b|\bdam\b|\bpower (?:plant|station)\b", re.I),
    "trade_event": re.compile(r"\btrade fairs?\b|\bexpo\b|\bexhibition\b|\bbusiness (?:missions?|forum|delegations?)\b", re.I),
    "agreement": re.compile(r"\bMoUs?\b|\bmemorand\w+|\bagreements?\b|\bagreed\b|\bdeals?\b|\bsigned\b|\baccords?\b|"
                            r"\btreaty\b|\bcontracts?\b|\bvisa-free\b", re.I),
    "diplomacy": re.compile(r"\bambassador\w*|\bconsulates?\b|\bembass\w+|\bsummit\b|\bforeign minister\b|\bvisa\b|"
                            r"\bmet with\b|\bmet\b|\bdelegation\b|\bpresided\b|\bmeeting\b|\bstate visit\b", re.I),
}
_PRIORITY = ("incident", "licence", "investment", "education", "infrastructure", "trade_event", "agreement", "diplomacy")
_BOILER = re.compile(r"^(?:photo\s*:|latest news|related|share post|popular|more like this|date\s*:)|\|", re.I)
_DAY = re.compile(
    r"\b(?:on\s+)?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
    r"|\b(?:on\s+)?(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+(?P<y2>(?:19|20)\d\d))?\b"
)
_WHEN = re.compile(r"^\s*(?:In|On|By|During)\s+(?:(?:early|mid|late)-?\s*)?(?:(?P<m>[A-Z][a-z]+)\s+)?(?P<y>(?:19|20)\d\d)\b")
_MONTHS = {m: i for i, m in enumerate(lx.MONTH_NAMES, 1)}
_ORG_END = (
    r"Co\.?|Ltd\.?|LLC|Inc\.?|Corp\.?|Group|Bank|University|Institute|Commission|Organization|Organisation|Company|"
    r"Corporation|Chamber|Agency|Fund|Committee|Council|Authority|Administration|Center|Centre|Association|Holdings?"
)
_ORG_ANY = re.compile(
    r"\b(?:" + _ORG_END + r"|Ministry|Ministries|Materials|Resources|Equipment|Development|Invest|Investment|"
    r"Pharmaceutical|Railways?|Airlines|Energy|Mining|Metals|Finance|Capital|Commerce)(?![\w])"
)
_ORG_END_RE = re.compile(r"(?:" + _ORG_END + r")$")
#: maximal runs of capitalised words, joined by of/and/for/on/the/&/", Ltd"
_CAPS = re.compile(
    r"[A-Z][\w.&'’-]*(?:(?:\s+(?:of|and|for|on|the|de|&)\s+|\s+|,\s+(?=Ltd|LLC|Inc))[A-Z][\w.&'’-]*)*"
)
_POSS_COUNTRY = re.compile(r"^[A-Z][\w-]*['’]s\s+")


@dataclass
class NewsEvent:
    """A news item: one verbatim sentence of the article and what it is about."""

    id: str
    kind: str
    kinds: list[str]
    quote: str
    start: int
    end: int
    countries: list[str]
    date: str = ""  # ISO date ("2026-01-19") or period ("2025") when the sentence gives one
    date_text: str = ""
    amount_usd: float | None = None
    amount_low: float | None = None
    amount_high: float | None = None
    amount_qualifier: str = "exact"
    amount_precision: float = 0.0
    parties: list[str] = field(default_factory=list)
    section: str | None = None  # the country heading the article section it stands in
    paragraph: int = 0
    #: the other sentences of its paragraph that are no event themselves, verbatim ("The project is presently
    #: undergoing a feasibility study.", "Representatives of more than 200 Chinese companies attended the event.")
    context: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        if d["amount_high"] == float("inf"):
            d["amount_high"] = None
        return d

    def to_news_item(self, citation: Citation | None = None) -> NewsItem:
        """A :class:`mirrortrade.model.NewsItem` for the store."""
        cit = citation or Citation(quote=self.quote)
        countries = [c for c in self.countries if c not in ("CA5",)] or ([self.section] if self.section else [])
        return NewsItem(
            kind=self.kind, countries=tuple(countries), quote=self.quote, date=self.date, amount_usd=self.amount_usd,
            amount_qualifier=self.amount_qualifier, amount_precision=self.amount_precision,
            parties=tuple(self.parties), citation=cit,
        )


def extract_events(
    text: str, article_date: date | None = None, *, claims: Sequence[Claim] | None = None,
    indicators: Sequence[IndicatorFigure] | None = None,
) -> list[NewsEvent]:
    """Every news item of ``text`` (ids e1, e2, ... in text order). ``claims`` and ``indicators``: the article's
    trade claims and indicator figures when the caller has them already. A thin wrapper of :func:`events_of`: the
    text is segmented once, and that segmentation feeds the claims, the indicators and the events (an article read
    whole goes through :func:`mirrortrade.claims.reading.read_article`)."""
    paras = segment(text)
    if claims is None:
        claims = claims_of(text, paras, article_date)
    if indicators is None:
        indicators = indicators_of(text, paras, article_date)
    return events_of(text, paras, claims, indicators, article_date)


def events_of(
    text: str, paras: list[Paragraph], claims: Sequence[Claim], indicators: Sequence[IndicatorFigure],
    article_date: date | None = None,
) -> list[NewsEvent]:
    """The news items of ``text`` from its paragraphs (segmented once by the caller), its trade claims and its
    indicator figures: a paragraph with trade claims and a sentence with an indicator are no news item."""
    ref_year = reference_year(text, article_date)
    trade_paras = {c.paragraph for c in claims}
    stat_sentences = {
        f.quote for f in indicators
        if f.indicator not in ("investment_announced", "scholarships")
    }
    about_ca = "Central Asia" in text
    section: str | None = None
    out: list[NewsEvent] = []
    for p in paras:
        h = _heading_country(p)
        if h:
            section = h
            continue
        if len(p.sentences) == 1 and not re.search(r"[.!?]$", p.text.strip()):
            continue  # a headline or a caption
        para_events: list[NewsEvent] = []
        loose: list[tuple[int, str]] = []  # (position, sentence) of sentences that are no event
        for s in p.sentences:
            t = s.text
            if p.index in trade_paras or t in stat_sentences or _BOILER.search(t):
                continue
            loose.append((s.start, t))
            parties = _parties(t)
            masked = re.sub(r"Belt and Road", " ", t)
            for name in parties:
                masked = masked.replace(name, " ")
            kinds = [k for k in _PRIORITY if KIND_WORDS[k].search(masked if k in ("investment", "infrastructure") else t)]
            if not kinds:
                continue
            refs = lx.resolve_refs(lx.find_countries(t, about_central_asia=about_ca, region_as_ca5=False), section)
            countries: list[str] = []
            for r in refs:
                if r.code not in countries:
                    countries.append(r.code)
            money = find_money(t)
            if not countries and not money:
                continue  # a follow-up sentence ("The project is presently undergoing a feasibility study.")
            ev = NewsEvent("", kinds[0], kinds, t, s.start, s.end, countries, section=section, paragraph=p.index)
            if money:
                mo = max(money, key=lambda m: m.value)
                qual, _ = lx.qualifier_before(t, mo.start)
                lo, hi = value_interval(mo.value, mo.precision, qual, nonnegative=True)
                ev.amount_usd, ev.amount_low, ev.amount_high = mo.value, lo, hi
                ev.amount_qualifier, ev.amount_precision = qual, mo.precision
                if ev.kind not in ("incident", "licence"):
                    ev.kind = "investment"  # money attached: an investment or a priced project
                    if "investment" not in ev.kinds:
                        ev.kinds.insert(0, "investment")
            ev.date, ev.date_text = _event_date(t, ref_year, article_date)
            ev.parties = parties
            out.append(ev)
            para_events.append(ev)
            loose.pop()
        for pos, t in loose:
            # a follow-up sentence belongs to the event before it (or the first after it)
            before = [e for e in para_events if e.start < pos]
            host = before[-1] if before else (para_events[0] if para_events else None)
            if host is not None:
                host.context.append(t)
    for i, ev in enumerate(out, 1):
        ev.id = f"e{i}"
    assert all(k in EVENT_KINDS for ev in out for k in ev.kinds)
    return out


def _event_date(t: str, ref_year: int | None, article_date: date | None) -> tuple[str, str]:
    m = _DAY.search(t)
    if m:
        mon = _MONTHS[m.group("m") or m.group("m2")]
        day = int(m.group("d") or m.group("d2"))
        y = m.group("y") or m.group("y2")
        year = int(y) if y else None
        if year is None and article_date is not None:
            year = article_date.year if (mon, day) <= (article_date.month, article_date.day) else article_date.year - 1
        if year is None:
            year = ref_year
        try:
            return (date(year, mon, day).isoformat() if year else ""), m.group(0).strip()
        except ValueError:
            return "", m.group(0).strip()
    w = _WHEN.search(t)
    if w:
        mon = _MONTHS.get(w.group("m") or "")
        if mon:
            return f"{w.group('y')}-{mon:02d}", w.group(0).strip()
        return w.group("y"), w.group(0).strip()
    r = re.search(r"\b(last|this) year\b", t)
    if r and ref_year:
        # "the summit held last year": the year before the article's
        return str(ref_year - 1 if r.group(1) == "last" else ref_year), r.group(0)
    return "", ""


def _parties(t: str) -> list[str]:
    """Organisations named in the sentence ("Kazakh Invest National Co.", "Guoyou Materials Group")."""
    out: list[str] = []
    for m in _CAPS.finditer(t):
        run = m.group(0).rstrip(".,") if not m.group(0).endswith(("Co.", "Ltd.", "Inc.", "Corp.")) else m.group(0)
        pieces = [run]
        # "X Co. and China’s Y Group" are two parties
        parts = re.split(r"\s+and\s+", run)
        if len(parts) > 1:
            pieces, cur = [], parts[0]
            for nxt in parts[1:]:
                if _ORG_END_RE.search(cur.rstrip(".")) or _ORG_END_RE.search(cur) or _POSS_COUNTRY.match(nxt):
                    pieces.append(cur)
                    cur = nxt
                else:
                    cur = f"{cur} and {nxt}"
            pieces.append(cur)
        for name in pieces:
            name = re.sub(r"^(?:The|A|An|Meanwhile,?|In|On)\s+", "", name.strip())
            name = _POSS_COUNTRY.sub("", name)
            name = re.sub(r"^[A-Z][a-z]+-(?:led|run|based|owned)\s+", "", name)
            if _ORG_ANY.search(name) and len(name.split()) >= 2 and name not in out:
                out.append(name)
    return out
