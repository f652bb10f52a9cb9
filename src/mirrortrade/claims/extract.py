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

import re
from collections import Counter
from datetime import date

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.agencies import note_named, other_side
from mirrortrade.claims.anaphora import article_pair, base_level
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import inside
from mirrortrade.claims.fiscal import fiscal_start_month
from mirrortrade.claims.frames import _Article
from mirrortrade.claims.holders import share_holders
from mirrortrade.claims.own_periods import past_restatement
from mirrortrade.claims.part_sums import settle_part_sums
from mirrortrade.claims.partner_statistics import settle_partner_statistics
from mirrortrade.claims.periods import data_year, reference_date, reference_year
from mirrortrade.claims.scope import place_agencies, trade_owner
from mirrortrade.claims.sentence import _SentenceCtx
from mirrortrade.claims.sourced_after import named_after, settle_before
from mirrortrade.claims.sources import _find_sources, _is_trade_source, _Source, dateline_country
from mirrortrade.claims.text import Paragraph, segment
from mirrortrade.model import Period

#: relative period mentions that look back from the period in context ("the previous year", "a year earlier")
_LOOKING_BACK = ("previous", "prior", "year", "the previous year", "the prior year",
                 "the year before", "a year earlier", "a year before", "a year ago")  # "a year earlier" is "year"

# --------------------------------------------------------------------------------------------
# the extractor
# --------------------------------------------------------------------------------------------


def extract_claims(text: str, *, article_date: date | None = None) -> list[Claim]:
    """Every trade claim of ``text``, in text order, with ids c1, c2, ... (a thin wrapper: an article read whole
    goes through :func:`mirrortrade.claims.reading.read_article`)."""
    return claims_of(text, segment(text), article_date)


def claims_of(text: str, paras: list[Paragraph], article_date: date | None = None) -> list[Claim]:
    """The claims of ``text`` from its paragraphs, segmented once by the caller (:func:`segment`)."""
    art = _article_context(text, paras, article_date)
    claims: list[Claim] = []
    section_topic: str | None = None
    carry: _Source | None = None
    for p in paras:
        heading = _heading_country(p)
        if heading:
            section_topic = heading
            continue
        # a source named in a paragraph governs the rest of that paragraph; after it, the article's lead source
        # (an overview article goes country by country, each paragraph opening with the lead's statistics)
        got, carry = _paragraph_claims(p, art, section_topic, carry)
        claims.extend(got)
    other_side(claims, text, art.default_source, art.pair)
    share_holders(claims)
    settle_partner_statistics(claims, text)  # a hub's partners ranked from national statistics: each partner's own
    settle_part_sums(claims)  # exports and imports adding up to the pair's total just given: its parts
    _province_claims(claims, art, paras)
    claims = _merge_headline_claims(claims, paras)
    claims.sort(key=lambda c: (c.start, c.end))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return claims


def _headline_paragraphs(paras: list[Paragraph]) -> set[int]:
    """The paragraphs before the first line of running text (one that ends a sentence): headline, kicker, caption."""
    body = [p.index for p in paras if re.search(r"[.!?][\"”’)]*$", p.text.strip())]
    first = body[0] if body else 0
    return {p.index for p in paras if p.index < first}


def _figures(c: Claim) -> list[tuple[str, float]]:
    """The figures a claim states: its level, its growth rate, its share, its change."""
    out = [(k, v) for k, v in (("level", c.value_usd), ("growth", c.growth_pct), ("share", c.share_pct),
                               ("change", c.change_usd)) if v is not None]
    return out


def _restates(head: Claim, body: Claim) -> bool:
    """The headline's figure is the body's, rounded: same parties, flow and period (when the headline prints one),
    and a figure of the same kind within the headline's rounding (a headline writes "$16.4 billion" or "by a quarter" for $16.43 billion
    or 25.9 percent; five percent of the figure either way)."""
    # a headline rarely prints the period ("trade falls by a quarter"): one it does not print does not count, nor one
    # it prints without its year ("up 12 percent in six months" heads a story on the fiscal year's July-December)
    printed = head.slots.get("period", 0.0) >= 1.0 and re.search(r"\b(?:19|20)\d\d\b", head.quote) is not None
    if {head.reporter, head.partner} != {body.reporter, body.partner} or head.flow != body.flow \
            or (printed and head.period != body.period):
        return False
    theirs = dict(_figures(body))
    for k, v in _figures(head):
        w = theirs.get(k)
        if w is None or (v < 0) != (w < 0):
            return False
        # a rate's bound is its rounding ("up by more than half"); a level's milestone ("passes $100 billion") is a
        # claim of its own
        if abs(v - w) > 0.05 * max(abs(v), abs(w)) and not (k in ("growth", "share")
                                                            and _bounds(head.qualifier, abs(v), abs(w))):
            return False
    return bool(_figures(head))


def _bounds(qualifier: str | None, v: float, w: float) -> bool:
    """A headline's bound holds the body's figure, near it ("up by more than half" for 53.4 percent, "nearly a fifth"
    for 18.9 percent): within 15 percent of the bound, on its side."""
    if qualifier in ("lower", "near_lower"):
        return v <= w <= 1.15 * v
    if qualifier in ("upper", "near_upper"):
        return 0.85 * v <= w <= v
    return False


def _merge_headline_claims(claims: list[Claim], paras: list[Paragraph]) -> list[Claim]:
    """A headline restates the story's main figure, rounded: a claim of the headline that the body states again is
    one claim, the body's (it carries the source, the period and the printed precision); a headline figure the body
    does not repeat stays a claim of its own."""
    heads = _headline_paragraphs(paras)
    if not heads:
        return claims
    body = [c for c in claims if c.paragraph not in heads]
    return [c for c in claims if c.paragraph not in heads or not any(_restates(c, b) for b in body)]


#: a sentence that speaks of the whole country, not of the province the article is about: "Across China as a whole",
#: "nationwide", "for the country as a whole", "at the national level", "all of China"
_NATION_WHOLE = re.compile(
    r"\bas\s+a\s+whole\b|\bnation[- ]?wide\b|\bcountry[- ]?wide\b|\bat\s+(?:the\s+)?national\s+level\b"
    r"|\b(?:all|the\s+whole)\s+of\s+China\b|\bthe\s+whole\s+(?:country|of\s+the\s+country)\b", re.I)


#: the national bodies China's trade figures come from (its customs administration, its Ministry of Commerce): a
#: province's figures are a local office's ("according to Urumqi customs")
_NATIONAL_SOURCES = ("CN-GACC", "CN-MOFCOM")
_TWO_COUNTRIES = re.compile(r"\b(?:two|both)\s+countries\b", re.I)


def _national_sentence(c: Claim, paras: list[Paragraph]) -> bool:
    """Whether ``c`` is the country's own figure in an article about one of its provinces: its sentence speaks of the
    country as a whole (:data:`_NATION_WHOLE`) or names the national customs administration or ministry as the
    figure's source ("According to the Main Customs Administration of the People's Republic of China, ... trade
    between the two countries ..."), names no province, and the claim is China's trade (the provinces we know are
    China's)."""
    if "CHN" not in (c.reporter, c.partner) or "SUB" in (c.reporter, c.partner):
        return False
    sent = next((s for p in paras for s in p.sentences if s.start <= c.start < s.end), None)
    if sent is None:
        return False
    # the national body named, and the other country named or the pair called countries ("the two sides" may be the
    # province and its neighbour)
    other = next((p for p in (c.reporter, c.partner) if p != "CHN"), None)
    named = c.source in _NATIONAL_SOURCES and (c.how or {}).get("reporter") in ("sentence", "sentence-after") and (
        any(r.code == other for r in lx.find_countries(sent.text)) or _TWO_COUNTRIES.search(sent.text) is not None)
    if not (named or _NATION_WHOLE.search(sent.text)):
        return False
    return not any(r.code == "SUB" for r in lx.find_countries(sent.text, provinces=True))


def _province_claims(claims: list[Claim], art: _Article, paras: list[Paragraph]) -> None:
    """A province's trade ("Inner Mongolia's trade with Russia", an article about Xinjiang's trade) is no national
    statistic: such claims stay unresolved (shown, never verified). In an article about a province, a sentence about
    the country as a whole ("Across China as a whole, trade with ... came to") is the country's own statistics (see
    :func:`_national_sentence`): read as its sentence reads it."""
    lead = art.text[:400]
    about_province = any(r.code == "SUB" and (r.possessive or re.search(r"China['’]s\s+$", lead[max(0, r.start - 10):r.start]))
                         for r in lx.find_countries(lead, provinces=True))
    for c in claims:
        if "SUB" in (c.reporter, c.partner) or about_province and not _national_sentence(c, paras):
            c.cap_slot("reporter", 0.3, "province")


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
    counts = Counter(r.code for r in refs if r.code not in lx.NO_COUNTRY)
    hub = counts.most_common(1)[0][0] if counts else None
    home = dateline_country(text)
    pair = article_pair(paras, refs, home)
    default = None
    default_para = 0
    for p in paras:
        for s in p.sentences:
            srefs = lx.resolve_refs([r for r in refs if s.start <= r.start < s.end], None, hub)
            for src in _find_sources(s.text, _shift(srefs, -s.start), 0, home=home, among=pair):
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
    return _Article(text, ref_year, data_year(text, ref_year), hub, default, about_ca, default_para, in_lead,
                    ref_date=reference_date(text, article_date), home=home, pair=pair,
                    fiscal_start=fiscal_start_month(text), owner=trade_owner(text, refs), bloc=lx.article_bloc(refs))


def _shift(refs: list[lx.CountryRef], delta: int) -> list[lx.CountryRef]:
    return [lx.CountryRef(r.code, r.start + delta, r.end + delta, r.text, r.possessive) for r in refs]


def _paragraph_topic(p: Paragraph, art: _Article, section_topic: str | None) -> str | None:
    refs = lx.find_countries(p.text, about_central_asia=art.about_ca)
    c = Counter(r.code for r in refs if r.code not in lx.NO_COUNTRY and r.code != art.hub)
    if c:
        top = max(c.values())
        for r in refs:
            if c.get(r.code) == top:
                return r.code
    return section_topic


def _paragraph_period(art: _Article, period: str, body: bool) -> None:
    """A paragraph's lead ``period`` becomes the period the next paragraphs go on about, unless it is a part of the
    article's main span (one month of the lead's January-July): a side look, after which they go back to the main
    span (:attr:`_Article.side_part`). The first paragraph of running text to name a period names the main span."""
    if body and art.main_span is None:
        art.main_span = period
    part = body and art.main_span is not None and period != art.main_span and inside(period, art.main_span)
    art.carry_period = art.main_span if part else period
    art.after_span, art.side_part = False, part


def _paragraph_claims(
    p: Paragraph, art: _Article, section_topic: str | None, carry_in: _Source | None = None
) -> tuple[list[Claim], _Source | None]:
    """The claims of one paragraph, and the source named last (carried into the next paragraph)."""
    topic = _paragraph_topic(p, art, section_topic)
    para_codes = [r.code for r in lx.find_countries(p.text, about_central_asia=art.about_ca)
                  if r.code not in ("TOPIC", "SUBJ", "WLD")]
    named = {c for c in para_codes if c not in ("CA5", *lx.BLOCS)}
    if carry_in is not None and carry_in.reporter and carry_in.reporter not in named and len(named) >= 2:
        # the agency last named governs the paragraphs after it until another is named, unless this paragraph is
        # about other countries (an overview going country by country: "Turkmenistan ... bilateral trade with China")
        carry_in = None
    carry_source: _Source | None = carry_in
    # the period the previous paragraph was about goes on until this one names its own
    carry_period: str | None = art.carry_period
    carry_year: int | None = Period.parse(carry_period).year if carry_period else None
    from_before = carry_period is not None
    # a paragraph after a side look at a part of the main span goes back to the main span (see _Article.side_part)
    back_to_main = from_before and art.side_part
    body = bool(re.search(r"[.!?][\"”’)]*$", p.text.strip()))  # running text, not a headline
    after_span = carry_period is None and art.after_span
    out: list[Claim] = []
    side: set[int] = set()  # ids of the side remarks
    opening = True  # no sentence of the paragraph has named a period or given a figure yet (a dateline's has not)
    # the previous sentence, when it gave no figure (the last of a paragraph before with no figure at all)
    prev_ctx: _SentenceCtx | None = art.quiet_sentence if body else None
    for s in p.sentences:
        ctx = _SentenceCtx(s, p, art, topic, para_codes, carry_source, carry_year, carry_period)
        # an agency without its country: the statistics named earlier in this paragraph, else the article's country
        place_agencies(ctx.sources, carry_source if carry_source is not carry_in else None, art.hub, art.pair,
                       art.owner if any(r.code == art.owner for r in ctx.refs) else None)
        ctx.carry_from_before = from_before
        ctx.carry_main = back_to_main
        ctx.source_from_before = carry_source is not None and carry_source is carry_in
        ctx.after_span = after_span
        ctx.prev_claim = next((c for c in reversed(out) if id(c) not in side), None)
        ctx.prev_main = next((c for c in reversed(out) if id(c) not in side and not base_level(c)), None)
        ctx.prev_share = next((c for c in reversed(out) if c.kind == "share"), None)
        ctx.prev_sentence = prev_ctx
        said = named_after(ctx.t, ctx.sources)
        if said is not None:
            # "The President's figures are taken from China's customs statistics": whose the figures before are
            settle_before(art.last_figures, said)
        got = ctx.claims()
        if got:
            art.last_figures = got
        prev_ctx = ctx if not got else None
        note_named(art.named, ctx.t, ctx.sources)
        out.extend(got)
        # a figure compared with another partner's ("against $671bn with the US") is a side remark: what the text goes
        # on about is the sentence's own frame
        side.update(id(c) for c in got if c.end - s.start in getattr(ctx, "side_figures", ()))
        art.series.note([c for c in got if id(c) not in side])
        art.last_levels = ([c for c in got if c.kind == "level" and c.flow] + art.last_levels)[:8]
        if ctx.sources:
            last = [x for x in ctx.sources if _is_trade_source(x)]
            if last:
                carry_source = ctx.merge_source(last[-1], carry_source)
        own = [pm for pm in ctx.periods if not pm.base and (pm.period or pm.relative == "span")]
        if own and own[0].period is None:
            # led by a fiscal year or another span with no calendar months: nothing to carry, nor to fall back on
            carry_period, from_before, after_span = None, False, True
            if art.carry_period is None or opening:
                art.carry_period, art.after_span = None, True
        elif own and own[0].relative in _LOOKING_BACK and (after_span or art.after_span):
            # "Provisional data put it at $14.1 billion, against $21.3 billion a year earlier" after a fiscal year:
            # the year before a span with no calendar months is no period either, and no period to carry
            pass
        elif own and (own[0].relative in _LOOKING_BACK or past_restatement(ctx.t, own[0].period, carry_period)) \
                and carry_period is not None:
            # "Trade shrank to $3.9 billion in the quarter from $5.7 billion a year earlier": the only period named
            # looks back from the one in context, which the next sentences still go on about
            pass
        elif own:
            after_span = False
            # the sentence's lead period ("In the first nine months of 2024, trade reached ...")
            carry_period = own[0].period
            carry_year = Period.parse(own[0].period).year
            from_before = False
            # the next paragraphs go on about the lead's period, or the period a paragraph opens with (unless it
            # looks back from the text's period: "In the previous year, trade was ..." is a side remark)
            if art.carry_period is None or (opening and own[0].relative not in _LOOKING_BACK):
                _paragraph_period(art, carry_period, body)
        # a sentence with figures goes on about the period in context: a period named after it is no opening
        opening = opening and not own and not got
    art.quiet_sentence = prev_ctx if body and not out else None
    return out, carry_source
