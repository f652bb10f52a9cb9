"""Trade claims from plain English news text.

:func:`extract_claims` reads an article paragraph by paragraph and sentence by sentence and
turns every trade figure into a :class:`Claim` seen from its reporter's side:

* the figure: a dollar level ("$71.3 billion"), a growth rate ("a 12 percent increase",
  "fell by a fifth", "up $1.5 billion"), a share ("18% of the total") or a difference
  ("a gap of $2 billion"), with its printed precision and qualifier -> an interval;
* the flow word nearest to it (exports, imports, trade/turnover, surplus/deficit) and the
  countries attached to that word ("Kazakh imports ... from China"), else those inherited from
  the previous figure of the sentence, else the paragraph's country and the article's hub;
* the reporter: the statistical source named in the sentence ("according to Chinese customs"),
  else the one named earlier in the paragraph, else the first source the article names;
  the figure is turned to the reporter's view ("Kazakh imports from China" reported by China's
  customs is CHN exports to KAZ);
* the period: next to the figure, else in the sentence, else earlier in the paragraph, else
  the article's data year; comparison bases ("over 2024's total") never count.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from mirrortrade.claims import fx
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.numbers import (
    Money,
    Percent,
    find_fractions,
    find_money,
    find_multiples,
    find_percents,
)
from mirrortrade.claims.periods import PeriodMention, data_year, find_periods, reference_year
from mirrortrade.claims.text import Paragraph, Sentence, segment
from mirrortrade.model import Period, value_interval

KINDS = ("level", "growth", "share", "difference")
STATUSES = ("consistent", "conflict", "implausible", "unverifiable", "unresolved")
#: a slot filled with less confidence than this is not resolved; a claim with an unresolved slot is reported
#: as ``unresolved`` and never verified (precision first: better no verdict than one about a misread figure)
RESOLVED = 0.5
SLOTS = ("reporter", "partner", "flow", "period", "kind", "value")


@dataclass
class Claim:
    """One trade figure of an article, from its reporter's view. See module doc."""

    id: str
    quote: str
    start: int
    end: int
    reporter: str | None
    partner: str | None
    flow: str | None
    period: str | None
    value_usd: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"
    growth_pct: float | None = None
    growth_low: float | None = None
    growth_high: float | None = None
    growth_base: str | None = None  # the period the growth compares with
    change_usd: float | None = None  # an absolute change: "up $1.5 billion"
    change_low: float | None = None
    change_high: float | None = None
    share_pct: float | None = None
    share_low: float | None = None
    share_high: float | None = None
    share_of: str | None = None
    difference_usd: float | None = None
    difference_low: float | None = None
    difference_high: float | None = None
    source: str | None = None
    kind: str = "level"
    status: str = "unverifiable"
    text: str = ""  # the figure as printed, e.g. "$71.3 billion"
    precision_usd: float = 0.0
    paragraph: int = 0
    findings: list[dict] = field(default_factory=list)
    value_cny: float | None = None  # the yuan amount as printed, when the figure was given in yuan
    slots: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SLOTS, 1.0))  # confidence per slot
    missing: list[str] = field(default_factory=list)  # slots not resolved: the claim is never verified

    @property
    def resolved(self) -> bool:
        return not self.missing

    def to_json(self) -> dict[str, object]:
        """The claim in the JSON shape of ``mirrortrade check --json`` (issue 7)."""
        d: dict[str, object] = {
            "id": self.id,
            "quote": self.quote,
            "reporter": self.reporter,
            "partner": self.partner,
            "flow": self.flow,
            "period": self.period,
            "value_usd": self.value_usd,
            "value_low": _finite(self.value_low),
            "value_high": _finite(self.value_high),
            "qualifier": self.qualifier,
            "growth_pct": self.growth_pct,
            "source": self.source,
            "status": self.status,
            "kind": self.kind if self.change_usd is None or self.growth_pct is not None else "change",
            "slots": {k: round(v, 2) for k, v in self.slots.items()},
        }
        if self.missing:
            d["missing"] = list(self.missing)
        if self.change_usd is not None:
            d["change_usd"] = self.change_usd
        if self.value_cny is not None:
            d["value_cny"] = self.value_cny
        if self.share_pct is not None:
            d["share_pct"] = self.share_pct
        if self.difference_usd is not None:
            d["difference_usd"] = self.difference_usd
        return d

    @property
    def interval(self) -> tuple[float, float] | None:
        if self.value_low is None or self.value_high is None:
            return None
        return (self.value_low, self.value_high)


def _milestone(qual: str, words: str, mo: Money) -> str:
    """"tops $100bn": passing a round milestone (one significant digit) says only "more than"."""
    if qual == "near_lower" and re.match(r"top", words.strip(), re.I) and mo.value > 0:
        lead = mo.value / 10 ** math.floor(math.log10(mo.value))
        if abs(lead - round(lead)) < 1e-9:
            return "lower"
    return qual


def _finite(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return x


# --------------------------------------------------------------------------------------------
# vocabulary of trade sentences
# --------------------------------------------------------------------------------------------

_FLOW_RE = re.compile(
    r"(?P<B>\b(?:trade\s+)?(?:surplus(?:es)?|deficits?)\b|\bbalance of trade\b|\btrade balance\b)"
    r"|(?P<X>\bexport(?:s|ed|ing)?\b|\bshipments?\b|\bshipped\b|\bsent\b|\bsold\b|\bsales\b|\bsupplie[sd]\b"
    r"|\bdeliveries\b|\boutbound\b|\bre-exports?\b)"
    r"|(?P<M>\bimport(?:s|ed|ing)?\b|\bpurchases\b|\bpurchased\b|\bbought\b|\binbound\b)"
    r"|(?P<T>\b(?:trade|turnover|trading|commerce)\b(?!\s+(?:fair|fairs|mission|missions|show|Organization|"
    r"deal|deals|agreement|agreements|zone|zones|center|centre|house|war|wars|route|routes|corridors?|"
    r"structure|policy|representative|office|ministry|minister|talks|union|bloc|hub|partners?hip)\b))",
    re.IGNORECASE,
)
_VERB_FLOW = re.compile(r"^(?:sent|sold|shipped|supplied|exported|imported|bought|purchased)$", re.I)
_NONTRADE_RE = re.compile(
    r"\b(?:invest\w*|projects?|deals?|loans?|credit|grants?|GDP|gross domestic product|budget|revenues?|profits?|"
    r"capital|funds?|funding|valuation|market cap\w*|reserves|debt|aid|contracts?|prices?|costs?|salar\w+|wages?|"
    r"remittances|income|spending|financing|stake|acquisition|bonds?|tax(?:es)?|fines?|assets|plant|facility|"
    r"laboratory|lab|port|bridge|railway|construction|capitalization|tourism|visitors|tourists|companies)\b",
    re.IGNORECASE,
)
_UP = (r"rose|risen|rise|rises|rising|grew|grown|grow|grows|growing|growth|increase[sd]?|increasing|up|jump\w*|"
       r"surg\w*|climb\w*|gain\w*|expand\w*|boost\w*|higher|advanc\w*|soar\w*|spik\w*|rebound\w*|widen\w*|"
       r"accelerat\w*|add(?:ed|ing)?|more")
_DOWN = (r"fell|fall|falls|falling|fallen|declin\w*|decreas\w*|drop\w*|shr[iau]nk\w*|contract\w*|down|lower|"
         r"slump\w*|plung\w*|slid|slide|slides|sliding|dip|dipped|dips|reduc\w*|narrow\w*|lost|los(?:s|es|ing)|"
         r"tumbl\w*|sank|sink\w*|eased|less")
_CHANGE_BEFORE = re.compile(r"\b(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b[^$%]{0,40}$", re.I)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:year[\s-]on[\s-]year|y/y|yoy|annually|on the year)\s+)?(?:(?P<up>increase|rise|jump|growth|gain|"
    r"higher|more|up|surge|expansion)|(?P<down>decrease|decline|drop|fall|contraction|lower|less|down|slump|reduction))\b",
    re.I,
)
_CHANGE_MONEY_BEFORE = re.compile(
    r"(?:\b(?P<up>up|rose|grew|increased|jumped|climbed|gained|added|expanded|surged|rising|growing|increasing)"
    r"|\b(?P<down>down|fell|declined|dropped|decreased|shrank|lost|contracted|slid|falling|declining|shrinking))"
    r"(?:\s+by)?\s+(?:(?:nearly|almost|about|around|roughly|some|more than|over|just over|just under|under|less than)\s+)?$"
    r"|\b(?:an?\s+)?(?:(?P<up2>increase|rise|gain|jump|growth|expansion)|(?P<down2>decrease|decline|drop|fall|contraction|reduction))"
    r"\s+of\s+(?:(?:nearly|almost|about|around|roughly|some|more than|over|just over|just under|under|less than)\s+)?$"
    # a signed figure in a list: "Kazakhstan (+$2.8 billion)", "Tajikistan (−$65 million)"
    r"|(?:^|[(\s])(?:(?P<up3>\+)|(?P<down3>[−-]))$",
    re.I,
)
#: "$4.7 billion more than a year earlier", "$300 million lower than in 2023": a change, not a level
_CHANGE_MONEY_AFTER = re.compile(
    r"^\s+(?:(?P<up>more|higher|up|above)|(?P<down>less|lower|down|below))\s+(?:than|on|from|compared|over|year)\b",
    re.I,
)
#: a figure that is a goal or a forecast, not a statement of what was traded
_TARGET_BEFORE = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|target(?:s|ed|ing)?|goal|plan(?:s|ned|ning)?|seek(?:s|ing)?|intend(?:s|ed)?|hope(?:s|d)?|"
    r"expect(?:s|ed)?|forecast(?:s|ed)?|projected|projection|could|would|will|may|might|potential|ambition|pledg\w*|"
    r"vow\w*|(?:agreed|agree|want|wants|strive|striving) to|set (?:a|the) (?:target|goal)|estimated to)\b",
    re.I,
)
_TARGET_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:by|until|in the coming|over the next|in the next)\s+(?:the\s+)?"
                           r"(?:end of\s+)?(?:(?:19|20)\d\d|years|decade|coming)", re.I)
_DIFF_BEFORE = re.compile(
    r"\b(?:gap|difference|discrepancy|shortfall|mismatch|divergence)\s+of\s+(?:(?:nearly|almost|about|around|roughly|"
    r"some|more than|over|just over|just under|under|less than)\s+)?$|\bdiffer(?:ed|s|ing)?\s+by\s+\S*\s*$",
    re.I,
)
_DIFF_AFTER = re.compile(r"^\s*(?:-\s*)?(?:gap|difference|discrepancy|shortfall|mismatch)\b", re.I)
_SHARE_BEFORE = re.compile(
    r"\b(?:account(?:ed|ing|s)? for|made up|making up|makes up|represent(?:ed|ing|s)?|comprising|comprised|"
    r"share of|constitut\w+|amount(?:ed|ing|s)? to)\s+(?:(?:nearly|almost|about|around|roughly|some|more than|over|"
    r"just over|just under|under|less than)\s+)?$",
    re.I,
)
_SHARE_OF = re.compile(r"^\s+of\s+(?P<phrase>[^.;:!?]{1,120})")
_TRADE_WORDS = re.compile(r"\b(?:trade|trading|turnover|exports?|imports?|commerce|total)\b", re.I)
_CLAUSE_BREAK = re.compile(r";|\s+while\s+|\s+whereas\s+|,\s+but\s+|\s+although\s+|\s+though\s+|\s+—\s+|\s+-\s+")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?(?:19|20)\d\d\s*[–—-]\s*")
_WORLD_HINT = re.compile(r"\b(?:foreign|external|global|world|worldwide)\s+(?:trade|turnover)\b", re.I)
_COMPOUND_SEP = re.compile(r"^\s*[-–—/]\s*$")
_STOP_FILLER = {
    "to", "from", "with", "and", "by", "was", "were", "is", "are", "has", "have", "had", "while", "but", "as",
    "in", "that", "which", "for", "at", "on", "show", "shows", "showed", "said", "says", "set", "reached",
}


@dataclass
class _Source:
    start: int
    end: int
    reporter: str
    kind: str
    sid: str


@dataclass
class _Flow:
    """A resolved flow statement: subject S's flow F with partner P (or parties for T/B)."""

    flow: str | None  # None: a difference whose flow the sentence does not say
    subject: str | None = None
    partner: str | None = None
    parties: tuple[str, ...] = ()
    world: bool = False
    sign: int = 1  # -1 for "deficit"


@dataclass
class _Article:
    text: str
    ref_year: int | None
    data_year: int | None
    hub: str | None
    default_source: _Source | None
    about_ca: bool
    #: the paragraph that names the article's first source: it speaks for the paragraphs after it, and for
    #: those before it only when it stands in the article's lead (its first three paragraphs)
    default_para: int = 0
    default_in_lead: bool = True
    seen_periods: list[str] = field(default_factory=list)  # periods figures stated explicitly, in text order
    #: the last level claims of the article so far: what a ranking without a verb continues
    #: ("Kyrgyzstan came second with $22.7 billion. Next come Uzbekistan ($13.7 billion), ...")
    last_levels: list[Claim] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------------------------


def _find_sources(text: str, refs: list[lx.CountryRef], offset: int = 0, topic: str | None = None) -> list[_Source]:
    """Statistical sources named in ``text``; an agency named without its country ("the National Statistical
    Committee reported") is the sentence's country's, else the paragraph's ``topic``."""
    out: list[_Source] = []
    for rx, rep, kind in lx.NAMED_SOURCES:
        for m in rx.finditer(text):
            sid = kind if not rep else lx.source_id(rep, kind)
            out.append(_Source(m.start() + offset, m.end() + offset, rep, "intl" if not rep else kind, sid))
    for r in refs:
        if r.code in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU"):
            continue
        a, b = r.start - offset, r.end - offset
        tail = text[b:b + 80]
        m = lx.SOURCE_AFTER_COUNTRY.match(tail)
        if m:
            kind = lx.source_kind(m.group(0))
            out.append(_Source(r.start, r.end + m.end(), r.code, kind, lx.source_id(r.code, kind)))
            continue
        head = text[max(0, a - 60):a]
        m2 = lx.SOURCE_BEFORE_COUNTRY.search(head)
        if m2:
            kind = lx.source_kind(m2.group(0))
            out.append(_Source(r.start - (len(head) - m2.start()), r.end, r.code, kind, lx.source_id(r.code, kind)))
            continue
        # "according to Kazakhstan", "Kazakhstan reported", "Beijing said" (not "the embassy in Astana said")
        if re.search(r"according to\s+(?:the\s+)?$", head, re.I) or (
            re.match(r"^\s+(?:reported|said|says|announced|stated|published|released)\b", tail)
            and not re.search(r"\b(?:in|at|from|of)\s+$", head)
        ):
            out.append(_Source(r.start, r.end, r.code, "gov", lx.source_id(r.code, "gov")))
    for m in lx.SOURCE_NO_COUNTRY.finditer(text):
        a0, b0 = m.start() + offset, m.end() + offset
        if any(x.start < b0 and a0 < x.end for x in out):
            continue  # "the Agency of Statistics under the President of Tajikistan": named with its country
        # whose agency: the country the sentence speaks of in the possessive ("Uzbekistan's main partner"),
        # else the sentence's first country, else the paragraph's topic
        codes = [r for r in refs if r.code not in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU")]
        near = [r.code for r in codes if r.possessive] + [r.code for r in codes] + ([topic] if topic else [])
        if near:
            kind = lx.source_kind(m.group(0))
            code = near[0]
            out.append(_Source(m.start() + offset, m.end() + offset, code, kind, lx.source_id(code, kind)))
    # keep one source per span (named agencies win over the country-adjective form)
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    merged: list[_Source] = []
    for s in out:
        if merged and s.start < merged[-1].end:
            continue
        merged.append(s)
    return merged


def _is_trade_source(s: _Source) -> bool:
    return s.kind in ("customs", "stat", "data", "agency", "gov", "commerce", "embassy", "audit", "intl")


def _sid(src: _Source | None, reporter: str | None) -> str | None:
    """A national source names its own country's figures; an international database (UN Comtrade, the IMF)
    names whichever reporter's figures it carries."""
    if src is None:
        return None
    if not src.reporter or src.reporter == reporter:
        return src.sid
    return None


# --------------------------------------------------------------------------------------------
# the extractor
# --------------------------------------------------------------------------------------------


def extract_claims(text: str, *, article_date: date | None = None) -> list[Claim]:
    """Every trade claim of ``text``, in text order, with ids c1, c2, ..."""
    paras = segment(text)
    art = _article_context(text, paras, article_date)
    claims: list[Claim] = []
    section_topic: str | None = None
    for p in paras:
        heading = _heading_country(p)
        if heading:
            section_topic = heading
            continue
        # a source named in a paragraph governs the rest of that paragraph; after it, the article's lead source
        # (an overview article goes country by country, each paragraph opening with the lead's statistics)
        got, _ = _paragraph_claims(p, art, section_topic)
        claims.extend(got)
    claims.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return claims


def _heading_country(p: Paragraph) -> str | None:
    """A paragraph that is only a country name ("Kazakhstan") heads a section about it."""
    t = p.text.strip().rstrip(":")
    if len(t) > 40 or len(t.split()) > 3:
        return None
    refs = lx.find_countries(t, region_as_ca5=False)
    if len(refs) == 1 and refs[0].start == 0 and refs[0].end == len(t) and refs[0].code not in ("TOPIC", "SUBJ"):
        return refs[0].code
    return None


def _article_context(text: str, paras: list[Paragraph], article_date: date | None) -> _Article:
    about_ca = "Central Asia" in text
    refs = lx.find_countries(text, about_central_asia=about_ca)
    counts = Counter(r.code for r in refs if r.code not in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU"))
    hub = counts.most_common(1)[0][0] if counts else None
    default = None
    default_para = 0
    for p in paras:
        for s in p.sentences:
            srefs = lx.resolve_refs([r for r in refs if s.start <= r.start < s.end], None, hub)
            for src in _find_sources(s.text, _shift(srefs, -s.start), 0):
                if src.kind in ("customs", "stat", "data", "agency", "gov", "commerce", "intl"):
                    default = _Source(src.start + s.start, src.end + s.start, src.reporter, src.kind, src.sid)
                    default_para = p.index
                    break
            if default:
                break
        if default:
            break
    ref_year = reference_year(text, article_date)
    # the lead: headlines and captions, then the first two paragraphs of running text
    body = [p.index for p in paras if re.search(r"[.!?][\"”’)]*$", p.text.strip())]
    in_lead = not body or default_para <= (body[1] if len(body) > 1 else body[0])
    return _Article(text, ref_year, data_year(text, ref_year), hub, default, about_ca, default_para, in_lead)


def _shift(refs: list[lx.CountryRef], delta: int) -> list[lx.CountryRef]:
    return [lx.CountryRef(r.code, r.start + delta, r.end + delta, r.text, r.possessive) for r in refs]


def _paragraph_topic(p: Paragraph, art: _Article, section_topic: str | None) -> str | None:
    refs = lx.find_countries(p.text, about_central_asia=art.about_ca)
    c = Counter(r.code for r in refs if r.code not in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU") and r.code != art.hub)
    if c:
        top = max(c.values())
        for r in refs:
            if c.get(r.code) == top:
                return r.code
    return section_topic


def _paragraph_claims(
    p: Paragraph, art: _Article, section_topic: str | None, carry_in: _Source | None = None
) -> tuple[list[Claim], _Source | None]:
    """The claims of one paragraph, and the source named last (carried into the next paragraph)."""
    topic = _paragraph_topic(p, art, section_topic)
    para_codes = [r.code for r in lx.find_countries(p.text, about_central_asia=art.about_ca)
                  if r.code not in ("TOPIC", "SUBJ", "WLD")]
    carry_source: _Source | None = carry_in
    carry_year: int | None = None
    carry_period: str | None = None
    out: list[Claim] = []
    for s in p.sentences:
        ctx = _SentenceCtx(s, p, art, topic, para_codes, carry_source, carry_year, carry_period)
        ctx.prev_claim = out[-1] if out else None
        got = ctx.claims()
        out.extend(got)
        art.last_levels = ([c for c in got if c.kind == "level" and c.flow] + art.last_levels)[:8]
        if ctx.sources:
            last = [x for x in ctx.sources if _is_trade_source(x)]
            if last:
                carry_source = ctx.merge_source(last[-1], carry_source)
        own = [pm for pm in ctx.periods if not pm.base and pm.period]
        if own:
            # the sentence's lead period ("In the first nine months of 2024, trade reached ...")
            carry_period = own[0].period
            carry_year = Period.parse(own[0].period).year
    return out, carry_source


def _with_party(fl: _Flow, own: str) -> _Flow:
    """``fl`` with ``own`` as the party that changes along a list (the partner; for trade, the second party)."""
    if fl.flow in ("X", "M"):
        if own == fl.subject:
            return fl
        return _Flow(fl.flow, fl.subject, own, fl.parties, fl.world, fl.sign)
    if fl.flow in ("T", "B") and fl.parties:
        keep = [c for c in fl.parties if c != own][:1]
        if len(fl.parties) >= 2 and own not in fl.parties:
            keep = [fl.parties[0]]
        return _Flow(fl.flow, fl.subject, fl.partner, tuple(keep + [own]), fl.world, fl.sign)
    return fl


class _SentenceCtx:
    def __init__(
        self,
        s: Sentence,
        p: Paragraph,
        art: _Article,
        topic: str | None,
        para_codes: list[str],
        carry_source: _Source | None,
        carry_year: int | None,
        carry_period: str | None,
    ) -> None:
        self.s, self.p, self.art, self.topic = s, p, art, topic
        self.para_codes = para_codes
        self.t = s.text
        self.refs = lx.resolve_refs(lx.find_countries(self.t, about_central_asia=art.about_ca), topic, art.hub)
        self.sources = _find_sources(self.t, self.refs, 0, topic)
        self.in_source = {
            i for i, r in enumerate(self.refs) for src in self.sources if src.start <= r.start and r.end <= src.end
        }
        self.carry_source = carry_source
        self.carry_period = carry_period
        self.prev_claim: Claim | None = None
        ctx_year = carry_year or art.data_year
        self.periods: list[PeriodMention] = find_periods(self.t, ref_year=art.ref_year, context_year=ctx_year)
        dl = _DATELINE.match(self.t) if s.start < 400 else None
        if dl:  # "ALMATY, March 3, 2025 – ...": the date the article was written, not a data period
            self.periods = [pm for pm in self.periods if pm.start >= dl.end()]
        self.money = find_money(self.t, yuan=True)
        self.flows = list(_FLOW_RE.finditer(self.t))
        self.clauses = self._clause_spans()
        self._why: dict[str, float] = {}

    # ---- slot confidences ---------------------------------------------------------------------
    def _begin(self, flow_conf: float = 1.0) -> None:
        """A new figure: forget how the previous one's slots were filled."""
        self._why = {"flow": flow_conf}

    def _note(self, slot: str, conf: float) -> None:
        """Record how a slot was filled; a slot filled several ways keeps its least certain way."""
        self._why[slot] = min(conf, self._why.get(slot, 1.0))

    def _finish(self, c: Claim, src: _Source | None) -> Claim:
        """Set the claim's slot confidences and what is missing (slots below :data:`RESOLVED`)."""
        w = self._why
        rep_conf = w.get("reporter", 1.0) if c.reporter else 0.0
        if src is not None and src.reporter and c.reporter and c.reporter != src.reporter:
            # the statistics named are one country's, the flow is between two others
            rep_conf = min(rep_conf, 0.3)
        c.slots = {
            "reporter": rep_conf,
            "partner": w.get("partner", 1.0) if c.partner else 0.0,
            "flow": w.get("flow", 1.0) if (c.flow or c.kind == "difference") else 0.0,
            "period": w.get("period", 1.0) if c.period else 0.0,
            "kind": w.get("kind", 1.0),
            "value": w.get("value", 1.0),
        }
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        return c

    # ---- helpers ------------------------------------------------------------------------------
    def _clause_spans(self) -> list[tuple[int, int]]:
        cuts = [0]
        for m in _CLAUSE_BREAK.finditer(self.t):
            cuts.append(m.start())
        cuts.append(len(self.t))
        return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]

    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return 0, len(self.t)

    def merge_source(self, new: _Source, old: _Source | None) -> _Source:
        """A generic mention ("Tajik authorities") keeps the specific source already named for that country."""
        if old and old.reporter == new.reporter and new.kind in ("gov", "data", "agency") and old.kind != new.kind:
            return old
        return new

    def reporter_for(self, pos: int) -> _Source | None:
        trade_src = [x for x in self.sources if _is_trade_source(x)]
        before = [x for x in trade_src if x.start <= pos]
        after = [x for x in trade_src if x.start > pos]
        if before:
            src = before[-1]
        elif after:
            src = after[0]
        else:
            src = None
        if src is not None:
            self._note("reporter", 1.0)
            return self.merge_source(src, self.carry_source)
        if self.carry_source is not None:
            self._note("reporter", 0.9)  # named earlier in the paragraph
            return self.carry_source
        if self.p.index < self.art.default_para and not self.art.default_in_lead:
            self._note("reporter", 0.0)
            return None
        # the source the article names first governs the figures that follow it until another is named
        # (an article that names no statistics at all: the flow's subject, its own figures, is a fair reading)
        self._note("reporter", 0.8 if self.art.default_source is not None else 0.5)
        return self.art.default_source

    def country_refs_between(self, a: int, b: int, *, include_source: bool = False) -> list[lx.CountryRef]:
        return [r for i, r in enumerate(self.refs) if a <= r.start and r.end <= b and (include_source or i not in self.in_source)]

    # ---- flow resolution ---------------------------------------------------------------------
    def flow_keyword(self, fig_start: int, prev_end: int) -> re.Match[str] | None:
        """The last flow word between the previous figure and this one."""
        before = [m for m in self.flows if prev_end <= m.start() and m.end() <= fig_start]
        if before:
            return before[-1]
        return None

    def flow_after(self, fig_end: int, next_start: int) -> re.Match[str] | None:
        ca, cb = self.clause_of(fig_end - 1)
        after = [m for m in self.flows if fig_end <= m.start() and m.end() <= min(next_start, cb)]
        return after[0] if after else None

    def resolve_flow(self, kw: re.Match[str], fig_start: int, fig_end: int, next_start: int) -> _Flow:
        flow = kw.lastgroup or "T"
        word = kw.group(0)
        ks, ke = kw.start(), kw.end()
        f = _Flow(flow)
        if flow == "B" and re.search(r"deficit", word, re.I):
            f.sign = -1
        ca, cb = self.clause_of(ks)
        # countries attached before the keyword: "Kazakh imports", "China's total exports", "Kyrgyz-Chinese trade"
        attached = self._attached_before(ks, ca)
        # prepositional countries after the keyword, up to the next figure / clause end
        limit = min(cb, next_start) if next_start > fig_end else cb
        if fig_start >= ke:
            limit = max(limit, min(cb, next_start))
        preps = self._preps_after(ke, limit, skip=(fig_start, fig_end))
        verb = bool(_VERB_FLOW.match(word))
        if verb and not attached:
            # "Tajikistan exported goods worth $42 million to Russia and imported goods worth $858 million": the
            # clause's subject, not the last country named ("to Russia" is the earlier verb's partner)
            cands = [r for r in self.country_refs_between(ca, ks) if not re.search(
                r"\b(?:to|from|with|into|of|and|between)\s+(?:the\s+)?$", self.t[max(0, r.start - 14):r.start], re.I)]
            if cands:
                attached = [cands[0].code]
        if flow in ("X", "M"):
            if flow == "X":
                subj = attached[-1] if attached else (preps.get("from") or preps.get("of"))
                part = preps.get("to") or preps.get("into")
            else:
                subj = attached[-1] if attached else (preps.get("to") or preps.get("into"))
                part = preps.get("from") or preps.get("of")
            f.subject, f.partner = subj, part
            if f.partner is None and preps.get("with"):
                f.partner = preps["with"]
        else:
            parties: list[str] = []
            for c in attached:
                if c not in parties:
                    parties.append(c)
            for key in ("with", "between", "and", "to", "from"):
                c = preps.get(key)
                if c and c not in parties:
                    parties.append(c)
            f.world = bool(_WORLD_HINT.search(self.t[max(0, ks - 25):ke]))
            if f.world and len(parties) == 1 and attached:
                parties.append("WLD")  # "the country's foreign trade, which totaled $50 billion"
            if len(parties) < 2:
                # "Uzbekistan boosted trade with China": the clause's subject(s)
                for r in self.country_refs_between(ca, ks):
                    if len(parties) >= 2:
                        break
                    if r.code not in parties:
                        parties.append(r.code)
            f.parties = tuple(parties[:2])
            if flow == "B" and attached:
                f.subject = attached[-1]
                f.partner = next((c for c in parties if c != f.subject), None)
        return f

    def _attached_before(self, ks: int, clause_start: int) -> list[str]:
        refs = [r for i, r in enumerate(self.refs) if r.end <= ks and r.start >= clause_start]
        if not refs:
            return []
        last = refs[-1]
        between = self.t[last.end:ks]
        words = re.findall(r"[A-Za-z][\w-]*|[^\s\w'’]", re.sub(r"^['’]s?", "", between))
        if len(words) > 3 or any(
            w.lower() in _STOP_FILLER or not re.match(r"[a-z]", w) or re.search(r"(?:ed|ing)$", w) for w in words
        ):
            return []
        out = [last.code]
        # compound "Kyrgyz-Chinese", "Sino-Kazakh"
        if len(refs) >= 2 and _COMPOUND_SEP.match(self.t[refs[-2].end:last.start]):
            out.insert(0, refs[-2].code)
        return out

    def _preps_after(self, ke: int, limit: int, skip: tuple[int, int]) -> dict[str, str]:
        out: dict[str, str] = {}
        refs = [r for r in self.country_refs_between(ke, max(limit, ke))]
        five: list[str] = []
        for r in refs:
            before = self.t[max(ke, r.start - 40):r.start]
            m = re.search(r"\b(to|from|with|between|into|and|of)\s+(?:the\s+|its\s+|neighbou?ring\s+|both\s+)*$", before, re.I)
            if m is None and re.search(r",\s*$", before) and five:
                five.append(r.code)
                continue
            if m is None:
                continue
            key = m.group(1).lower()
            if key in ("with", "between"):
                five = [r.code]
            elif key == "and" and five:
                five.append(r.code)
            if key == "of":
                # "imports of Chinese goods", "exports of Kazakh wheat": the goods' origin
                if re.match(r"^\s+[a-z]", self.t[r.end:r.end + 3]) and r.text[:1].isupper() and not r.possessive:
                    out.setdefault("of", r.code)
                continue
            out.setdefault(key, r.code)
        members = set(five)
        if set(lx.CENTRAL_ASIA_CODES) <= members:
            out["with"] = "CA5"
            out.pop("and", None)
            out.pop("between", None)
        return out

    def _fill_party(self, known: set[str], prefer_reporter: str | None) -> str | None:
        """A party the flow statement does not name: the sentence's other country, else the paragraph's topic
        or the article's hub, else any country of the paragraph, else the reporter (each less certain)."""
        for r in [r for i, r in enumerate(self.refs) if i not in self.in_source]:
            if r.code not in known and r.code not in ("WLD",):
                self._note("partner", 0.8)
                return r.code
        for c in (self.topic, self.art.hub):
            if c and c not in known:
                self._note("partner", 0.6)
                return c
        for c in self.para_codes:
            if c not in known:
                self._note("partner", 0.5)
                return c
        if prefer_reporter and prefer_reporter not in known:
            self._note("partner", 0.5)
            return prefer_reporter
        self._note("partner", 0.0)
        return None

    # ---- periods ---------------------------------------------------------------------------
    def period_for(self, fig_start: int, fig_end: int, prev_end: int, next_start: int) -> str | None:
        ca, cb = self.clause_of(fig_start)
        own = [pm for pm in self.periods if not pm.base and pm.period]
        after = [pm for pm in own if fig_end <= pm.start < min(next_start, cb)]
        before = [pm for pm in own if max(prev_end, ca) <= pm.start and pm.end <= fig_start]
        found: str | None = None
        # "an increase of $5.4 billion over 2023 ($89.4 billion)": a figure in brackets right after a comparison
        # base is the base period's level
        bracket = [pm for pm in self.periods if pm.base and pm.period and pm.end <= fig_start
                   and re.fullmatch(r"\s*\(\s*", self.t[pm.end:fig_start])]
        if bracket:
            self._note("period", 1.0)
            return bracket[-1].period
        if after:
            found = after[0].period
        elif before:
            found = before[-1].period
        else:
            # elsewhere in the sentence, but not beyond the next figure (that period is the next figure's)
            free = [pm for pm in own if pm.start < next_start]
            if free:
                found = min(free, key=lambda pm: min(abs(pm.start - fig_end), abs(fig_start - pm.end))).period
        if found:
            self._note("period", 1.0)
            self.art.seen_periods.append(found)
            return found
        if self.carry_period:
            self._note("period", 0.9)
            return self.carry_period
        bases = [pm for pm in self.periods if pm.base and pm.period and pm.full_year and pm.relative is None]
        if bases:
            # "rose 55 percent over 2024's total": the figure is the year after its base
            self._note("period", 0.8)
            return str(Period.parse(bases[0].period).year + 1)
        if self.art.seen_periods:
            # the period the article's figures are mostly about so far (ties: the first stated, the lead's)
            self._note("period", 0.6)
            counts = Counter(self.art.seen_periods)
            top = max(counts.values())
            return next(p for p in self.art.seen_periods if counts[p] == top)
        self._note("period", 0.5 if self.art.data_year else 0.0)
        return str(self.art.data_year) if self.art.data_year else None

    # ---- claims ------------------------------------------------------------------------------
    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        money = self.money
        prev: _Flow | None = None
        prev_end = 0
        level_claims: list[tuple[Money, Claim | None]] = []
        pending_change: tuple[Money, int] | None = None
        respective = self._respectively(money)
        resp = re.search(r"\brespectively\b[^.;]{0,40}", self.t)
        respective_end = resp.end() if resp else 0
        first_kind: tuple[str, int] | None = None  # the kind of a "respectively" list's first figure
        for i, mo in enumerate(money):
            self._begin()
            next_start = money[i + 1].start if i + 1 < len(money) else len(self.t)
            before_txt = self.t[max(prev_end, mo.start - 60):mo.start]
            after_txt = self.t[mo.end:mo.end + 30]
            qual, qstart = lx.qualifier_before(self.t, mo.start)
            qa = lx.qualifier_after(self.t, mo.end)
            if qa and qual == "exact":
                qual = qa
            qual = _milestone(qual, self.t[qstart:mo.start], mo)
            kind = "level"
            sign = 1
            cm = _CHANGE_MONEY_BEFORE.search(self.t[max(prev_end, mo.start - 50):qstart] if qstart < mo.start else before_txt)
            if cm:
                kind = "change"
                sign = -1 if (cm.group("down") or cm.group("down2") or cm.group("down3")) else 1
            else:
                cma = _CHANGE_MONEY_AFTER.match(self.t[mo.end:])
                if cma:
                    kind = "change"
                    sign = -1 if cma.group("down") else 1
            if _DIFF_BEFORE.search(before_txt) or _DIFF_AFTER.match(after_txt):
                kind = "difference"
            if mo.start in respective:
                # "decreased by $260 million and $65 million respectively": the list shares its first figure's kind
                if first_kind is None:
                    first_kind = (kind, sign)
                else:
                    kind, sign = first_kind
            kw = self.flow_keyword(mo.start, prev_end)
            fl: _Flow | None = None
            if kw is not None:
                fl = self.resolve_flow(kw, mo.start, mo.end, next_start)
            elif prev is not None:
                fl = _Flow(prev.flow, prev.subject, prev.partner, prev.parties, prev.world, prev.sign)
                self._note("flow", 0.8)
                own = self._own_party(mo, prev_end, qstart)
                if own is not None:
                    # a list: "trade grew with Kazakhstan (+$2.8 billion), Kyrgyzstan (+$2.9 billion) ..."
                    fl = _with_party(fl, own)
            else:
                kw2 = self.flow_after(mo.end, next_start)
                if kw2 is not None:
                    fl = self.resolve_flow(kw2, mo.start, mo.end, next_start)
                    self._note("flow", 0.8)
                else:
                    fl = self._ranking_flow(mo, prev_end, qstart)
            if fl is not None and mo.start in respective:
                fl = self._respective_flow(fl, *respective[mo.start])
            nt = self._nontrade_near(mo, prev_end, kw) or self._is_target(mo, prev_end)
            if kind == "difference" and kw is None and prev is None and self.prev_claim is not None:
                # "the difference of around $500 million": between the figures just given
                level_claims.append((mo, None))
                out.append(self._inherited_difference(mo, qual))
                prev_end = mo.end
                continue
            if fl is None and kind == "difference" and _TRADE_WORDS.search(self.p.text):
                fl = _Flow(None)
                self._note("flow", 0.5)
            if fl is None or nt:
                level_claims.append((mo, None))
                prev_end = mo.end
                continue
            if prev is not None and kw is not None:
                # inherit the missing side from the previous figure of the sentence
                if fl.flow in ("X", "M") and fl.subject is None and prev.subject and prev.subject != fl.partner:
                    fl.subject = prev.subject
                if fl.flow in ("X", "M") and fl.partner is None and prev.partner and prev.partner != fl.subject:
                    fl.partner = prev.partner
                if fl.flow in ("X", "M") and prev.flow in ("T", "B") and prev.parties:
                    # "turnover of $10.9 billion, of which exports accounted for $2.0 billion"
                    pp = list(prev.parties) + (["WLD"] if prev.world and len(prev.parties) == 1 else [])
                    if fl.subject is None and fl.partner is None:
                        fl.subject = next((c for c in pp if c not in ("WLD", "CA5")), pp[0])
                    if fl.partner is None:
                        fl.partner = next((c for c in pp if c != fl.subject), None)
            src = self.reporter_for(mo.start)
            if mo.start in respective:
                # a list's figures share what follows it: "... $3.9 billion and $10.7 billion respectively in 2024"
                next_start = max(next_start, respective_end)
            elif kw is not None and fl.flow in ("T", "B") and len(fl.parties) == 2:
                own = self._own_party(mo, prev_end, qstart)
                other = next((c for c in fl.parties if c != own), None)
                if own in fl.parties and other is not None and any(
                        r.code == other and r.start >= mo.end for r in self.refs):
                    # "trade with Uzbekistan (+$1.1 billion) and Kyrgyzstan (+$2.3 billion)": a list, not a pair
                    fl = self._respective_flow(fl, own, (own, other))
            claim = self._make_claim(mo, fl, src, qual, kind, sign, prev_end, next_start)
            if kind == "change":
                pending_change = (mo, len(out))
            elif pending_change is not None and kind == "level":
                # "grew by $1.5 billion to $12 billion": the change belongs to this level
                ch = out[pending_change[1]]
                if self.t[pending_change[0].end:mo.start].strip().lower().startswith("to"):
                    claim.change_usd, claim.change_low, claim.change_high = ch.change_usd, ch.change_low, ch.change_high
                    claim.growth_base = self._base_for(claim.period, mo.end)
                    out.pop(pending_change[1])
                pending_change = None
            out.append(claim)
            level_claims.append((mo, claim))
            prev = fl
            prev_end = mo.end
        self._base_levels(out)
        self._percent_claims(out, level_claims)
        return out

    # ---- lists and rankings without a verb ---------------------------------------------------
    def _respectively(self, money: list[Money]) -> dict[int, tuple[str, tuple[str, ...]]]:
        """"Trade with Kazakhstan and Uzbekistan came to $28.6 billion and $4.5 billion respectively": the k-th
        figure of a coordinated list goes with the k-th country of the list before it. Figure start -> (its
        country, all listed countries); empty unless the counts agree."""
        m = re.search(r"\brespectively\b", self.t)
        if m is None or len(money) < 2:
            return {}
        # the run of figures joined by commas / "and" that ends right before "respectively"
        figs = [mo for mo in money if mo.end <= m.start()]
        run: list[Money] = []
        for mo in reversed(figs):
            nxt = run[0].start if run else m.start()
            if re.fullmatch(r"[\s,]*(?:and\s+)?(?:(?:about|around|almost|nearly|some|over|under|more than|less than)\s+)?",
                            self.t[mo.end:nxt] if run else re.sub(r"\([^)]*\)", "", self.t[mo.end:nxt])):
                run.insert(0, mo)
            else:
                break
        if len(run) < 2:
            return {}
        # the run of countries joined by commas / "and" before the first figure
        refs = [r for i, r in enumerate(self.refs) if r.end <= run[0].start and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")]
        # maximal runs of countries joined by commas / "and"; the last one as long as the run of figures
        runs: list[list[lx.CountryRef]] = []
        for r in refs:
            if runs and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?", self.t[runs[-1][-1].end:r.start]):
                runs[-1].append(r)
            else:
                runs.append([r])
        match = [rn for rn in runs if len(rn) == len(run)]
        if not match:
            return {}
        codes = tuple(r.code for r in match[-1])
        if len(set(codes)) != len(codes):
            return {}
        return {mo.start: (code, codes) for mo, code in zip(run, codes, strict=True)}

    def _respective_flow(self, fl: _Flow, own: str, listed: tuple[str, ...]) -> _Flow:
        """``fl`` for one member of a "respectively" list: ``own`` instead of the listed countries."""
        if fl.flow in ("X", "M"):
            if fl.subject in listed:
                return _Flow(fl.flow, own, fl.partner if fl.partner not in listed else None, (), fl.world, fl.sign)
            return _Flow(fl.flow, fl.subject, own, (), fl.world, fl.sign)
        others = [c for c in fl.parties if c not in listed]
        if not others:
            src = self.reporter_for(0)
            self._why.pop("reporter", None)  # only looked at here; the figure's own look-up decides its confidence
            for c in (src.reporter if src else None, self.art.hub, self.topic):
                if c and c not in listed:
                    others = [c]
                    break
        return _Flow(fl.flow, fl.subject, fl.partner, tuple(others[:1]) + (own,), fl.world, fl.sign)

    _OWN_GAP = re.compile(r"^\s*(?:\(\s*[+−-]?|[–—-]\s*|:\s*|\s+(?:[a-z]+\s+){0,4}with\s+|\s+(?:[a-z]+\s+){0,3}at\s+)$")

    def _own_party(self, mo: Money, prev_end: int, qstart: int) -> str | None:
        """The country a figure is attached to by position: "Uzbekistan ($13.7 billion)", "Kazakhstan – a
        little over $1 billion", "Kyrgyzstan ranked second with $22.7 billion"."""
        ca, _ = self.clause_of(mo.start)
        lo = max(prev_end, ca) if prev_end else ca
        refs = [r for i, r in enumerate(self.refs) if lo <= r.start and r.end <= qstart and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD")]
        if not refs:
            return None
        r = refs[-1]
        gap = self.t[r.end:qstart]
        if r.possessive or not self._OWN_GAP.match(gap) or _FLOW_RE.search(gap):
            return None
        return r.code

    def _ranking_flow(self, mo: Money, prev_end: int, qstart: int) -> _Flow | None:
        """A figure with no flow word whose country stands right before it continues the article's last level:
        its flow and its other party, with this country in the place of the last one's partner."""
        own = self._own_party(mo, prev_end, qstart)
        if own is None or not self.art.last_levels:
            return None
        base = next((c for c in self.art.last_levels if c.flow == "T"), self.art.last_levels[0])
        if base.reporter is None or base.flow is None or own == base.reporter:
            return None
        self._note("flow", 0.7)
        if base.flow == "T":
            return _Flow("T", parties=(base.reporter, own))
        return _Flow(base.flow, subject=base.reporter, partner=own)

    def _base_levels(self, out: list[Claim]) -> None:
        """"rose from $1.2 billion to $1.5 billion in 2023": the "from" level is for the period before."""
        for i, c in enumerate(out):
            a = c.start - self.s.start
            if c.kind != "level" or not re.search(
                r"\bfrom\s+(?:(?:a|an|just|only|mere|paltry|some|about|around|nearly|almost|roughly|over|under|"
                r"more than|less than|just over|just under)\s+){0,3}$", self.t[max(0, a - 40):a]
            ):
                continue
            nxt = next((d for d in out[i + 1:] if (d.reporter, d.partner, d.flow) == (c.reporter, c.partner, c.flow)
                        and d.kind == "level"), None)
            if nxt is None or not nxt.period:
                continue
            own = [pm for pm in self.periods if not pm.base and pm.period]
            ca, cb = self.clause_of(a)
            local = [pm for pm in own if c.end - self.s.start <= pm.start < nxt.start - self.s.start]
            if local:
                continue  # "from a paltry $80 million in 2023"
            try:
                c.period = str(Period.parse(nxt.period).same_span_previous_year())
            except Exception:  # noqa: BLE001 - a span with no previous year keeps its period
                continue

    def _inherited_difference(self, mo: Money, qual: str) -> Claim:
        pc = self.prev_claim
        assert pc is not None
        lo, hi = value_interval(mo.value, mo.precision, qual)
        return Claim(
            id="", quote=self.t, start=self.s.start + mo.start, end=self.s.start + mo.end, reporter=pc.reporter,
            partner=pc.partner, flow=pc.flow, period=pc.period, qualifier=qual, source=pc.source, kind="difference",
            text=mo.text, precision_usd=mo.precision, paragraph=self.p.index, difference_usd=mo.value,
            difference_low=lo, difference_high=hi, slots=dict(pc.slots), missing=list(pc.missing),
        )

    def _is_target(self, mo: Money, prev_end: int) -> bool:
        ca, _ = self.clause_of(mo.start)
        before = self.t[max(ca, prev_end):mo.start]
        if _TARGET_BEFORE.search(before):
            return True
        m = _TARGET_AFTER.match(self.t[mo.end:])
        if m:
            y = re.search(r"(?:19|20)\d\d", m.group(0))
            return y is None or self.art.ref_year is None or int(y.group(0)) >= self.art.ref_year
        return False

    def _nontrade_near(self, mo: Money, prev_end: int, kw: re.Match[str] | None) -> bool:
        after = self.t[mo.end:mo.end + 25]
        m_after = _NONTRADE_RE.match(re.sub(r"^\s*(?:in\s+|of\s+|worth\s+of\s+)?", "", after))
        if m_after and not re.match(r"^\s*in\s+(?:exports|imports|trade)", after, re.I):
            return True
        # "a $500 million trade finance facility": the noun the figure qualifies comes a word or two later
        head = re.match(r"^[-\s]*(?:[\w-]+\s+){0,2}(?:[\w-]+)", self.t[mo.end:mo.end + 40])
        if head and re.search(r"\b(?:financ\w*|facility|loan|credit|fund|project|deal|investment|grant)\b",
                              head.group(0), re.I) and not re.match(r"^\s*(?:in|of|to|from|with)\b", self.t[mo.end:]):
            return True
        window_start = max(prev_end, kw.end() if kw else prev_end)
        between = self.t[window_start:mo.start]
        return bool(_NONTRADE_RE.search(between))

    def _make_claim(
        self, mo: Money, fl: _Flow, src: _Source | None, qual: str, kind: str, sign: int, prev_end: int,
        next_start: int,
    ) -> Claim:
        reporter, partner, flow, flip = self._orient(fl, src)
        value = mo.value
        if mo.high is not None:
            lo, hi = value - mo.precision / 2, mo.high + mo.precision / 2
            value = (mo.value + mo.high) / 2
        else:
            lo, hi = value_interval(value, mo.precision, qual)
        if flow == "B":
            s = fl.sign * flip
            if s < 0:
                value, lo, hi = -value, -hi, -lo
        period = self.period_for(mo.start, mo.end, prev_end, next_start)
        conv_width = 0.0
        if mo.currency == "CNY":
            # a yuan amount: dollars at the rates of the claim's period, as an interval over their range
            conv = fx.cny_to_usd(value, lo, hi, period)
            if conv is None:
                self._note("value", 0.0)
                value = lo = hi = math.nan
            else:
                lo, value, hi = conv
                conv_width = hi - lo if math.isfinite(hi - lo) else 0.0
        c = Claim(
            id="", quote=self.t, start=self.s.start + mo.start, end=self.s.start + mo.end, reporter=reporter,
            partner=partner, flow=flow, period=period, qualifier=qual, source=_sid(src, reporter),
            text=mo.text, precision_usd=mo.precision if mo.currency == "USD" else conv_width, paragraph=self.p.index,
            value_cny=mo.value if mo.currency == "CNY" else mo.value_cny,
        )
        if kind == "level":
            c.value_usd, c.value_low, c.value_high = value, lo, hi
        elif kind == "change":
            c.kind = "growth"
            c.change_usd = sign * value
            c.change_low, c.change_high = (lo, hi) if sign > 0 else (-hi, -lo)
            c.growth_base = self._base_for(c.period, mo.end)
        else:
            c.kind = "difference"
            c.difference_usd, c.difference_low, c.difference_high = value, lo, hi
        for attr in ("value_usd", "value_low", "value_high", "change_usd", "change_low", "change_high",
                     "difference_usd", "difference_low", "difference_high"):
            x = getattr(c, attr)
            if isinstance(x, float) and math.isnan(x):
                setattr(c, attr, None)  # a yuan amount with no rate for its period: no dollar value
        return self._finish(c, src)

    def _orient(self, fl: _Flow, src: _Source | None) -> tuple[str | None, str | None, str | None, int]:
        """(reporter, partner, flow, sign flip) of a flow statement from the source's view."""
        rep = src.reporter if src and src.reporter else None
        if fl.flow is None:
            parties = [c for c in (fl.subject, fl.partner, *fl.parties) if c]
            if not parties:
                parties = [c for c in (self.topic, self.art.hub) if c]
            r = rep if rep in parties else (parties[0] if parties else rep)
            p = next((c for c in parties if c != r), None) or self._fill_party({r} if r else set(), rep)
            return r, p, None, 1
        if fl.flow in ("X", "M") or (fl.flow == "B" and fl.subject):
            subj, part = fl.subject, fl.partner
            if subj is None:
                subj = rep if rep and rep != part else self._fill_party({part} if part else set(), rep)
            if part is None:
                part = self._fill_party({subj} if subj else set(), rep)
                if part is None:
                    part = "WLD"
                    self._note("partner", 0.3)  # no partner named anywhere: not evidence of the world
            if rep is None or rep == subj:
                return subj, part, fl.flow, 1
            if rep == part:
                flow = {"X": "M", "M": "X"}.get(fl.flow, fl.flow)
                return rep, subj, flow, -1
            if part in ("CA5",) and subj in lx.CENTRAL_ASIA_CODES:
                return subj, part, fl.flow, 1
            return subj, part, fl.flow, 1
        # T / B without subject
        parties = list(fl.parties)
        if fl.world and len(parties) == 1:
            parties.append("WLD")
        if len(parties) == 1 and rep and rep not in parties and parties[0] != "WLD":
            parties.insert(0, rep)  # "Trade with China came to $8.9 billion" in the reporter's own statistics
        while len(parties) < 2:
            c = self._fill_party(set(parties), rep)
            if c is None:
                break
            parties.append(c)
        if len(parties) == 1 and not re.search(r"\b(?:bilateral|mutual|two countries|two nations|both countries)\b",
                                               self.t, re.I):
            parties.append("WLD")  # "Kyrgyzstan recorded a trade deficit of $8.2 billion": with the world
            self._note("partner", 0.5)
        if rep and rep in parties:
            other = next((c for c in parties if c != rep), None)
            return rep, other, fl.flow, 1
        if not parties:
            return rep, None, fl.flow, 1
        first = next((c for c in parties if c not in ("CA5", "WLD")), parties[0])
        other = next((c for c in parties if c != first), None)
        return first, other, fl.flow, 1

    def _base_for(self, period: str | None, pos: int) -> str | None:
        bases = [pm for pm in self.periods if pm.base and pm.period and pm.relative != "yoy"]
        if bases:
            b = min(bases, key=lambda pm: abs(pm.start - pos))
            return b.period
        if period:
            try:
                return str(Period.parse(period).same_span_previous_year())
            except Exception:  # noqa: BLE001 - a span that cannot go back a year has no base
                return None
        return None

    # ---- growth and share statements ---------------------------------------------------------
    def _percent_claims(self, out: list[Claim], level_claims: list[tuple[Money, Claim | None]]) -> None:
        pcts: list[Percent] = [p for p in find_percents(self.t) if not p.points]
        occupied = [(p.start, p.end) for p in pcts]
        for fr in find_fractions(self.t):
            if any(a <= fr.start < b for a, b in occupied):
                continue
            if any(pm.start <= fr.start < pm.end for pm in self.periods):
                continue  # "the first half of 2025"
            after = self.t[fr.end:fr.end + 4]
            before = self.t[max(0, fr.start - 12):fr.start]
            if after.startswith(" of") or re.search(r"\bby\s+$", before):
                pcts.append(fr)
        for mu in find_multiples(self.t):
            pcts.append(Percent(mu.start, mu.end, mu.text, (mu.ratio - 1) * 100, 0.0, word=True))
        mults = {mu.start: mu for mu in find_multiples(self.t)}
        pcts.sort(key=lambda p: p.start)
        starts = sorted([mo.start for mo, _ in level_claims] + [p.start for p in pcts])
        for pc in pcts:
            next_any = next((x for x in starts if x > pc.start), len(self.t))
            if any(pc.start >= mo.start and pc.end <= mo.end for mo, _ in level_claims):
                continue
            qual, qstart = lx.qualifier_before(self.t, pc.start)
            prev_money = [(mo, c) for mo, c in level_claims if mo.end <= pc.start]
            next_money = [(mo, c) for mo, c in level_claims if mo.start >= pc.end]
            lo_bound = prev_money[-1][0].end if prev_money else 0
            before = self.t[max(lo_bound, pc.start - 60):qstart]
            after = self.t[pc.end:pc.end + 40]
            # share?
            som = _SHARE_OF.match(self.t[pc.end:])
            if not som and re.match(r"^\s+share\b", self.t[pc.end:]) and _TRADE_WORDS.search(self.t):
                # "a 34.5 percent share", "a 18.4% share of the country's foreign trade"
                so = re.match(r"^\s+share\s+of\s+(?P<phrase>[^.;:!?]{1,120})", self.t[pc.end:])
                if so:
                    self._share_claim(out, pc, qual, so.group("phrase"), next_any, pc.end + so.start("phrase"))
                else:
                    self._share_claim(out, pc, qual, "trade", next_any, len(self.t))
                continue
            if som and (_TRADE_WORDS.search(som.group("phrase")) or _SHARE_BEFORE.search(before)):
                if _TRADE_WORDS.search(self.t) and pc.start not in mults:
                    self._share_claim(out, pc, qual, som.group("phrase"), next_any, pc.end + som.start("phrase"))
                continue
            # growth?
            if pc.start in mults:
                mu = mults[pc.start]
                g_lo, g_hi = (mu.low - 1) * 100, (mu.high - 1) * 100
                gval = (mu.ratio - 1) * 100
                qual = mu.qualifier
            else:
                if re.search(r"\bfrom\s+$", self.t[max(0, qstart - 10):qstart]):
                    continue  # "down from 21%": the earlier level, not a rate of change
                cb = _CHANGE_BEFORE.search(before)
                ca = _CHANGE_AFTER.match(after)
                if not cb and not ca:
                    continue
                down = (ca and ca.group("down")) or (not ca and cb and cb.group("down"))
                gval = -pc.value if down else pc.value
                g_lo, g_hi = value_interval(pc.value, pc.precision, qual)
                if down:
                    g_lo, g_hi = -g_hi, -g_lo
            target = self._growth_target(pc, prev_money, next_money)
            if target is not None:
                target.growth_pct, target.growth_low, target.growth_high = gval, g_lo, g_hi
                target.growth_base = self._base_for(target.period, pc.end)
                continue
            self._growth_claim(out, pc, qual, gval, g_lo, g_hi, lo_bound, next_money, next_any)

    def _growth_target(
        self, pc: Percent, prev_money: list[tuple[Money, Claim | None]], next_money: list[tuple[Money, Claim | None]]
    ) -> Claim | None:
        if next_money:
            mo, c = next_money[0]
            between = self.t[pc.end:mo.start]
            ca, cb = self.clause_of(pc.start)
            if c is not None and c.kind == "level" and mo.start < cb and len(between) < 70 and re.search(
                r"(?:\bto|\breach(?:ed|ing)?|\bhit(?:ting)?|\bstood at|\bamount(?:ed|ing)? to|\btotal(?:l?ed|l?ing)?|"
                r"\bat)\s+(?:\S+\s+){0,3}$", between
            ) and not _FLOW_RE.search(between):
                return c
        for mo, c in reversed(prev_money):
            between = self.t[mo.end:pc.start]
            if c is None or c.kind != "level" or len(between) > 110 or _FLOW_RE.search(between) or ";" in between:
                return None
            if re.search(r"\b(?:from|against|compared (?:with|to)|versus|vs\.?)\s+(?:\S+\s+){0,2}$",
                         self.t[max(0, mo.start - 25):mo.start]):
                continue  # "from $2.6bn in 3Q23": the base level; the rate belongs to the level before it
            if len(between) < 60 or c is not prev_money[-1][1]:
                return c if c.growth_pct is None else None
            return None
        return None

    def _growth_claim(
        self, out: list[Claim], pc: Percent, qual: str, gval: float, g_lo: float, g_hi: float, prev_end: int,
        next_money: list[tuple[Money, Claim | None]], next_any: int,
    ) -> None:
        next_start = next_money[0][0].start if next_money else len(self.t)
        self._begin()
        kw = self.flow_keyword(pc.start, prev_end)
        if kw is None:
            kw = self.flow_after(pc.end, next_start)
            self._note("flow", 0.8)
        if kw is None:
            return
        ca, cb = self.clause_of(pc.start)
        between = self.t[max(kw.end(), ca):pc.start] if kw.end() <= pc.start else self.t[pc.end:kw.start()]
        if _NONTRADE_RE.search(between):
            return
        fl = self.resolve_flow(kw, pc.start, pc.end, next_start)
        src = self.reporter_for(pc.start)
        reporter, partner, flow, _ = self._orient(fl, src)
        period = self.period_for(pc.start, pc.end, prev_end, min(next_start, next_any))
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=reporter,
            partner=partner, flow=flow, period=period, qualifier=qual,
            source=_sid(src, reporter), kind="growth", text=pc.text,
            paragraph=self.p.index, growth_pct=gval, growth_low=g_lo, growth_high=g_hi,
        )
        c.growth_base = self._base_for(period, pc.end)
        out.append(self._finish(c, src))

    def _share_claim(
        self, out: list[Claim], pc: Percent, qual: str, phrase: str, next_start: int, phrase_start: int
    ) -> None:
        phrase = phrase.strip()
        self._begin()
        # whose total: "the Central Asian country's total foreign trade", "Kazakhstan's exports", "its trade"
        whole: str | None = None
        for r in self.refs:
            if phrase_start <= r.start < phrase_start + len(phrase) + 2 and (
                    r.possessive or self.t[r.end:r.end + 2] in ("'s", "’s")):
                whole = r.code
                break
        part_refs = [r for i, r in enumerate(self.refs) if r.end <= pc.start and i not in self.in_source]
        named: list[str] = []
        for r in part_refs:
            if r.code not in ("CA5", "WLD") and r.code not in named:
                named.append(r.code)
        src = self.reporter_for(pc.start)
        own_src = [x for x in self.sources if _is_trade_source(x)]
        if whole is None and re.match(r"(?:its|their)\b", phrase, re.I) and (own_src or named):
            # "China accounts for a third of its trade, the Kyrgyz government said": its = the reporting country;
            # "Kazakhstan's exports to China ..., or 18% of its total exports": its = the sentence's subject
            whole = own_src[0].reporter if own_src else named[0]
        if whole is None and src is not None and (src.reporter in named or len(named) < 2):
            whole = src.reporter
        if whole is None and len(named) >= 2:
            # "Tajikistan imported ... from Russia, or 28.1% of total imports": the subject is the whole
            whole = named[0]
        if whole is None:
            whole = src.reporter if src else self.topic
        part = next((r.code for r in part_refs if r.code != whole), None)
        if part is None:
            part = self._fill_party({whole} if whole else set(), None)
        pl = phrase.lower()
        flow = "X" if re.search(r"\bexports?\b", pl) else "M" if re.search(r"\bimports?\b", pl) else "T"
        share_of = re.sub(r"^(?:the\s+)?(?:[\w\s-]+?['’]s\s+|its\s+|their\s+|the\s+)", "", phrase)
        share_of = re.split(r"\s*[,(]|\s+(?:in|for|during|last|this)\s+(?:\d|the|last|this)", share_of)[0].strip()
        lo, hi = value_interval(pc.value, pc.precision, qual)
        hi = min(hi, 100.0)
        lo = max(lo, 0.0)
        period = self.period_for(pc.start, pc.end, 0, next_start)
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=whole,
            partner=part, flow=flow, period=period, qualifier=qual,
            source=_sid(src, whole), kind="share", text=pc.text,
            paragraph=self.p.index, share_pct=pc.value, share_low=lo, share_high=hi, share_of=share_of or None,
        )
        out.append(self._finish(c, src if src is not None and src.reporter == whole else None))
