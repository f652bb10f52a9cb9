"""Figures that point back and parties named by reference: "this figure", "the figure", "this amount", "this
indicator", "of this", "a somewhat larger figure of $x for the same period" take the parties, flow and period of the
figure they refer to; "our countries", "the two countries", "bilateral" trade is the article's pair."""

from __future__ import annotations

import re
from collections import Counter

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import frame_missing, frame_resolved
from mirrortrade.claims.frames import _Flow, _with_party
from mirrortrade.claims.own_periods import narrowest
from mirrortrade.claims.text import Paragraph
from mirrortrade.claims.vocab import _NONTRADE_RE

#: a noun phrase standing for a figure given before ("this figure", "the amount", "this indicator"); not "the figure
#: for exports" (that names its own flow)
ANAPHOR = re.compile(
    r"\b(?:(?:this|that|the|such\s+an?|the\s+same)\s+(?:figure|amount|indicator|sum|value|volume)"
    r"|an?\s+(?:somewhat\s+|slightly\s+|much\s+|far\s+|considerably\s+)?(?:larger|smaller|higher|lower|bigger|"
    r"different)\s+(?P<total>figure|total)"
    # "The total was 12% higher", "this total came to": the whole just given as the subject of a verb of amount
    r"|(?:this|that|the)\s+(?P<total2>total)(?=\s+(?:(?:has|had|also|thus)\s+)?(?:was|is|were|came|comes|stood|"
    r"stands|rose|grew|fell|amounted|reached|increased|decreased|declined|jumped|climbed|dropped|represented)\b)"
    r"|^\s*(?:of\s+this|of\s+that|of\s+which)\b"
    # "That is a rise of 30.4% year on year": a demonstrative subject of a copula before a noun of change
    r"|^\s*(?:this|that)(?=\s+(?:is|was|represents|represented|marks|marked|means|meant)\s+(?:an?\s+)?(?:\w+\s+)?"
    r"(?:rise|increase|growth|gain|jump|decline|drop|fall|decrease|contraction)\s+of\b)"
    # "Kazakhstan's figure went from $A to $B": a country's value of the statistic just given (see OWN_FIGURE)
    r"|(?P<own>['’]s)\s+(?:figure|tally|total)(?=\s+(?:(?:has|had|also|in\s+turn)\s+)?(?:went|was|is|rose|grew|"
    r"fell|stood|came|reached|amounted|increased|decreased|declined|jumped|climbed|dropped|shrank|edged|moved|"
    r"changed|from|at)\b))"
    r"(?!\s+(?:for|of|on)\s+(?:the\s+)?(?:\w+\s+)?(?:exports?|imports?|trade|turnover|shipments?)\b)",
    re.I,
)
#: "the total crossed the $100 billion mark", "the tally has topped $5 billion": the figure just given, named by a noun
#: for a whole, as the subject of a bound's verb right before the amount (a bound on that figure, for its period)
BOUND_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:total|tally|sum|turnover)\s+(?:(?:has|had|have|thus|therefore|already|also)\s+){0,2}"
    r"(?:crossed|passed|topped|exceeded|surpassed|broke\s+through|broken\s+through|went\s+past|gone\s+past)\s+"
    r"(?:the\s+)?(?:(?:US|USD|U\.S\.)\s?)?$", re.I)
#: "This is $124 million more than a year before", "That was $2 billion less": a demonstrative subject of a copula
#: right before a change in dollars is the figure just given (the change is its change)
CHANGE_ANAPHOR = re.compile(
    r"^\s*(?:this|that)\s+(?:is|was|represents|represented|means|meant)\s+"
    r"(?:(?:about|around|nearly|almost|some|roughly|over|more\s+than|less\s+than|just|only)\s+)?(?:US|USD|U\.S\.)?\s?$",
    re.I)
#: a trade that is the pair's own: "bilateral trade", "trade between our countries", "the two neighbours' trade"
PAIR_PHRASE = re.compile(
    r"\b(?:bilateral|mutual|two-way|our\s+(?:two\s+)?(?:countries|nations|states)|(?:the|both)\s+(?:two\s+)?"
    r"(?:countries|nations|neighbou?rs|states|sides|economies)(?!\s+(?:of|in)\b))",
    re.I,
)
#: what may stand between a pair phrase and the flow word it qualifies: "bilateral trade", "the two countries' trade",
#: "mutual goods turnover"; and between a flow word and the pair phrase after it: "trade between the two countries"
_PAIR_BEFORE_FLOW = re.compile(r"(?:['’]s?)?\s+(?:(?:total|overall|goods|merchandise|foreign)\s+)?", re.I)
_PAIR_AFTER_FLOW = re.compile(r"\s+(?:between|among|of)\s+", re.I)
#: the pronoun "it" standing for the figure just given: the subject of a verb of amount or change ("a year earlier
#: it amounted to $6.4 billion", "it kept growing, by 16.3 percent") or the object of a verb of valuation ("data put it
#: at $14.1 billion"); never after a preposition ("trade with it", "sold to it": a party)
IT_ANAPHOR = re.compile(
    r"(?<!\bto )(?<!\bwith )(?<!\bfrom )(?<!\bof )(?<!\bfor )(?<!\binto )\b(?P<pron>it|they)\s+(?:(?:has|had|have|"
    r"also|already|then|still|again|kept|continued|was|is|were|are)\s+){0,2}(?=(?:amount|reach|total|"
    r"st(?:ood|ands?)\b|c(?:ame|omes?)\s+to|"
    r"gr[eo]w|r[io]s|f[ae]ll|increas|decreas|declin|jump|climb|exceed|surpass|drop|sli[dp]|shr[iu]nk|soar|gain|expand))"
    # "In November alone they were $42 million": the pronoun as the subject of a copula right before the amount
    r"|(?<!\bto )(?<!\bwith )(?<!\bfrom )(?<!\bof )(?<!\bfor )\b(?P<pron2>it|they)\s+(?:was|were|is|are)\s+"
    r"(?:(?:about|around|nearly|almost|over|just\s+over|more\s+than|some|only|just)\s+)?"
    r"(?=(?:US|USD|U\.S\.)?\s?[$€£¥]|\d|$)"
    r"|\b(?:put|puts|estimated|valued|placed|pegged|set)\s+it\s+at\b"
    # "the pandemic pulled it down to $107.76 billion", "higher prices took it to $9 billion": the pronoun as the object
    # of a verb whose result, "to" an amount right after, is the figure's new level (never "sold it to Russia": a party)
    r"|(?<!\bto )(?<!\bwith )(?<!\bfrom )(?<!\bof )(?<!\bfor )\b[a-z]+\s+it\s+(?:(?:up|down|back)\s+)?(?:to|past|beyond)\s+"
    r"(?:(?:about|around|nearly|almost|over|just\s+over|more\s+than|some|only|just)\s+)?(?=(?:US|USD|U\.S\.)?\s?[$€£¥]|\d|$)",
    re.I,
)
#: a party named by reference after a preposition: "sold ... to its neighbour", "bought ... from it", "with the latter"
PARTY_REF = re.compile(
    r"\b(?:to|from|with|into)\s+(?:it|them|(?:its|their|the)\s+(?:[a-z]+\s+)?(?:neighbou?rs?|partners?)|"
    r"the\s+(?:latter|former))\b(?!\s*['’]s)(?!\s+(?:of|in)\b)",
    re.I,
)

#: a country named inside a phrase of circumstance, not as a party: "the war in Ukraine", "sanctions on Iran", "the
#: conflict over Taiwan", "the embargo against Cuba", "the pandemic in China"
_CIRCUMSTANCE = re.compile(
    r"\b(?:war|conflict|crisis|fighting|sanctions?|embargo|pandemic|outbreak|lockdowns?|invasion|tensions?|"
    r"unrest|elections?|floods?|drought|earthquake|blockade|restrictions?)\s+(?:in|on|over|against|of|with|"
    r"inside|within)\s+(?:the\s+)?$", re.I)

#: a sentence opening on a part of the figure before: "Of this,", "Of that total,", "Out of this amount,"
_PARTITIVE = re.compile(r"\s*(?:out\s+)?of\s+(?:this|that|it|which)(?:\s+(?:amount|total|sum|figure|volume|value))?\s*,",
                        re.I)


def _balance_side(quote: str) -> int:
    """-1 when ``quote`` names the balance only as a deficit, 1 only as a surplus, 0 when it names neither or both."""
    deficit = re.search(r"\bdeficits?\b", quote, re.I) is not None
    surplus = re.search(r"\bsurplus(?:es)?\b", quote, re.I) is not None
    return 0 if deficit == surplus else (-1 if deficit else 1)


def article_pair(paras: list[Paragraph], refs: list[lx.CountryRef], home: str | None) -> tuple[str, ...]:
    """The two countries an article is about: the two its headline names, else the two it names most (when they
    clearly lead); the dateline's country first, else the order of first mention. Empty when unclear."""
    def ordered(codes: list[str]) -> tuple[str, ...]:
        out = sorted(set(codes), key=codes.index)
        if home in out:
            out.remove(home)
            out.insert(0, home)
        return tuple(out)

    if paras and not re.search(r"[.!?][\"”’)]*$", paras[0].text.strip()):
        head = paras[0]  # a headline: no closing full stop
        hcodes = [r.code for r in refs if head.start <= r.start < head.start + len(head.text)
                  and r.code not in lx.NOT_A_COUNTRY]
        if len(set(hcodes)) == 2:
            return ordered(hcodes)
    codes = [r.code for r in refs if r.code not in lx.NOT_A_COUNTRY]
    top = Counter(codes).most_common(3)
    if len(top) >= 2 and (len(top) == 2 or top[1][1] >= 1.5 * top[2][1]):
        return ordered([c for c in codes if c in (top[0][0], top[1][0])])
    return ()


#: the period provenances of a comparison base's level (:mod:`mirrortrade.claims.provenance`)
BASE_PERIODS = frozenset({"bracket-base", "when-base", "same-span-base", "printed-base", "year-before-base",
                          "comparison-base", "from-level"})


def _one_noun_phrase(t: str, flows: list[re.Match[str]]) -> list[re.Match[str]]:
    """The flow words of a sentence with a compound's modifiers left out: "trade turnover", "foreign trade turnover"
    name one statistic, its head noun (the last flow word of a run that only spaces or a hyphen separate)."""
    out: list[re.Match[str]] = []
    for m in flows:
        if out and re.fullmatch(r"[\s-]+", t[out[-1].end():m.start()]):
            out[-1] = m
        else:
            out.append(m)
    return out


def base_level(c: Claim) -> bool:
    """Whether ``c`` is a comparison base's level, read beside the figure compared with it."""
    return c.kind == "level" and (c.how or {}).get("period") in BASE_PERIODS


#: a sentence that sums up what the text went through: "In all, ...", "All told, ...", "Altogether, ..."
_SUM_UP = re.compile(r"\s*(?:In\s+all|All\s+told|Altogether|All\s+in\s+all)\s*,", re.I)


class AnaphoraMixin:
    """Methods of the sentence reader for figures that refer back and for the article's pair."""

    def _anaphor_before(self, pos: int, lo: int) -> re.Match[str] | None:
        """The anaphoric noun phrase ("this figure") of the clause before position ``pos`` (after ``lo``)."""
        ca, _ = self.clause_of(pos)  # type: ignore[attr-defined]
        a = max(ca, lo)
        found = None
        for m in ANAPHOR.finditer(self.t[a:pos]):  # type: ignore[attr-defined]
            found = m
        #: the country whose own value of the statistic referred to the phrase names ("Kazakhstan's figure")
        self.anaphor_owner = None
        if found is not None and found.group("own"):
            self.anaphor_owner = next((r.code for r in self.refs if r.possessive  # type: ignore[attr-defined]
                                       and abs(r.end - (a + found.start())) <= 2
                                       and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5", "GRP")), None)
            if self.anaphor_owner is None:
                found = None
        if found is None:
            found = BOUND_ANAPHOR.search(self.t[a:pos])  # type: ignore[attr-defined]
        if found is None:
            for m in IT_ANAPHOR.finditer(self.t[a:pos]):  # type: ignore[attr-defined]
                pron = m.group("pron") or m.group("pron2")
                if self._it_follows_a_figure(a + m.start(), plural=pron is not None and pron.lower() == "they"):
                    found = m
        #: where the phrase referring back begins (the subject of the figure's clause)
        self.anaphor_start = a + found.start() if found is not None else None
        #: whether it names a total ("the total", "a much higher total"): what it refers to is a turnover
        self.anaphor_total = found is not None and found.re is ANAPHOR and "total" in (
            found.group("total") or found.group("total2") or "").lower()
        #: "the volume" (of trade): the turnover, not a part of it given since
        self.anaphor_volume = found is not None and found.re is ANAPHOR and found.group(0).lower().endswith("volume")
        return found

    def _rate_anaphor(self, pos: int, lo: int) -> bool:
        """"That is 23.6 percent more than in the same months of 2023": a demonstrative subject of a copula right before
        a rate of change (as :data:`CHANGE_ANAPHOR` before a change in dollars) is the figure just given."""
        ca, _ = self.clause_of(pos)  # type: ignore[attr-defined]
        return CHANGE_ANAPHOR.match(self.t[max(ca, lo):pos]) is not None  # type: ignore[attr-defined]

    def _it_follows_a_figure(self, pos: int, *, plural: bool = False) -> bool:
        """"it" is the figure only when that figure is the last number before it: the paragraph's last claim, else
        (the paragraph's first figure) the series' last claim (:class:`~mirrortrade.claims.context.Series`), with no
        other number (a year aside) between it and the pronoun; "they" only stands for exports or imports. A
        statistic the previous sentence names without a figure ("Trade between the two countries has risen steadily.
        It stood at ...") is nearer than any figure before it (:meth:`named_statistic`)."""
        if not plural and self.prev_sentence is not None and re.search(  # type: ignore[attr-defined]
                r"^\W*(?:[^\s,.;:]+[\s,]+){0,3}?it\b", self.t[:pos + 2], re.I) and self.prev_sentence.names_a_flow():  # type: ignore[attr-defined]
            self.named_frame = self.prev_sentence.named_statistic()  # type: ignore[attr-defined]
            return self.named_frame is not None
        pc = self.prev_claim or self._series_claim()  # type: ignore[attr-defined]
        if pc is None or plural and pc.flow not in ("X", "M"):
            return False
        between = self.art.text[pc.end:self.s.start + pos]  # type: ignore[attr-defined]
        for v in (pc.growth_pct, pc.share_pct):
            if v is not None:
                # "$8.44 billion in 2018, up 22 percent on the year before. ...: in 2022 it came to": the figure's own
                # rate is no other number between it and the pronoun
                rate = re.escape(f"{abs(v):g}")
                between = re.sub(r"(?<![\d.])" + rate + r"(?:\.0+)?\s*(?:%|percent|per\s+cent)", "", between)
        return re.search(r"\d", re.sub(r"\b(?:19|20)\d\d(?:[-–/](?:\d\d){1,2})?\b", "", between)) is None

    def _series_claim(self) -> Claim | None:
        """The frame a paragraph whose own sentences have given no figure yet goes on about (unclear: None)."""
        named = {c for c in self.para_codes if c not in ("CA5", "WLD")}  # type: ignore[attr-defined]
        return self.art.series.antecedent(self.p.index, named - self._only_beside())  # type: ignore[attr-defined]

    def _only_beside(self) -> set[str]:
        """The countries this paragraph names only inside phrases of circumstance ("The war in Ukraine has driven the
        trade up"): no parties of its trade, so no sign that it has moved on to another country's."""
        text = self.p.text  # type: ignore[attr-defined]
        refs = [r for r in lx.find_countries(text, about_central_asia=self.art.about_ca)  # type: ignore[attr-defined]
                if r.code not in ("TOPIC", "SUBJ", "WLD")]
        beside = {r.code for r in refs if _CIRCUMSTANCE.search(text[max(0, r.start - 30):r.start])}
        return beside - {r.code for r in refs if not _CIRCUMSTANCE.search(text[max(0, r.start - 30):r.start])}

    def _antecedent(self, out: list[Claim], *, total: bool = False) -> Claim | None:
        """The figure a "this figure" refers to: the last one of the sentence, else of the paragraph, else the last
        level of the paragraph just before when this one names no country of its own; only one whose parties and
        flow were resolved. A "total" refers to the nearest turnover (:meth:`_total_antecedent`)."""
        if total:
            return self._total_antecedent(out)
        if self.named_frame is not None and not out:  # type: ignore[attr-defined]
            return self.named_frame  # type: ignore[attr-defined]
        if getattr(self, "anaphor_owner", None) is not None:
            return self._owner_antecedent(out)
        # a comparison base's level ("a 27% increase over the 2022 level of $70.2 billion") is what a figure was
        # compared with, not what the text goes on about: "Of that total" is the figure compared
        mains = [c for c in out if not base_level(c)]
        prev = self.prev_claim  # type: ignore[attr-defined]
        if prev is not None and base_level(prev):
            prev = self.prev_main  # type: ignore[attr-defined]
        cands: list[Claim | None] = [mains[-1] if mains else None, prev]
        # a paragraph naming no other country than the series' own goes on about it
        cands.append(self._series_claim())
        for c in cands:
            if c is not None:
                ok = c.flow and c.reporter and c.partner and not (frame_missing(c) & {"reporter", "partner", "flow"})
                if ok and c.flow in ("X", "M") and getattr(self, "anaphor_volume", False):
                    # "Trade totalled $964 million ... imports came to $787 million. ... the volume grew by almost a
                    # third": the volume is the turnover the parts were given of; none near: unclear
                    return self._total_antecedent(out)
                return c if ok and c.kind != "difference" else None
        return None

    def _owner_antecedent(self, out: list[Claim]) -> Claim | None:
        """"Kazakhstan's figure went from $A to $B, Uzbekistan's from $C to $D": the statistic a country's own figure
        is of is the last one given (of this sentence, else the series'), between the article's hub and another
        country; the other countries this paragraph names as owners of such figures are no sign it has moved on.
        Unclear (None) when that statistic is not a whole of one pair (a share, a difference, a base)."""
        mains = [c for c in out if not base_level(c)]
        c = mains[-1] if mains else self.art.series.last  # type: ignore[attr-defined]
        if c is None or c.kind not in ("level", "growth") or not frame_resolved(c) \
                or c.partner in ("WLD", "CA5") or self.art.hub not in (c.reporter, c.partner):  # type: ignore[attr-defined]
            return None
        owners = {r.code for r in self.refs if r.possessive}  # type: ignore[attr-defined]
        named = {x for x in self.para_codes if x not in ("CA5", "WLD")} - owners  # type: ignore[attr-defined]
        return c if named <= {c.reporter, c.partner} else None

    def names_a_flow(self) -> bool:
        """Whether this sentence (one that gave no figure) names a trade flow: a statistic a pronoun after it may
        refer to."""
        return bool(self.flows)  # type: ignore[attr-defined]

    def named_statistic(self) -> Claim | None:
        """The statistic this sentence names without a figure ("Trade between the two countries has risen steadily",
        "The war has driven the trade up") as a frame with no value: its parties, flow, reporter and period (when
        it names one), read as a figure's would be (a reporter guessed from the flow's subject stays a guess, as in
        :func:`~mirrortrade.claims.context.frame_missing`); None when it names a number, more than one flow, a
        product's flow, leaves its parties or flow unread, or its parties are not the article's pair."""
        if self.money or re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", self.t)):  # type: ignore[attr-defined]
            return None
        flows = _one_noun_phrase(self.t, self.flows)  # type: ignore[attr-defined]
        if len(flows) != 1:
            return None
        kw = flows[0]
        if self._product_of(kw) or self._product_modifier(kw) or self._nontrade_near_word(kw):  # type: ignore[attr-defined]
            return None
        self._begin()  # type: ignore[attr-defined]
        fl = self.resolve_flow(kw, kw.end(), kw.end(), len(self.t))  # type: ignore[attr-defined]
        self._drop_circumstance_parties(fl, kw.start())
        self._bare_flow_parties(fl, [])
        src = self.reporter_for(kw.start())  # type: ignore[attr-defined]
        reporter, partner, flow, _ = self._orient(fl, src)  # type: ignore[attr-defined]
        own = [pm for pm in self.periods if not pm.base and pm.period]  # type: ignore[attr-defined]
        c = Claim(id="", quote=self.t, start=self.s.start + kw.start(), end=self.s.start + kw.end(),  # type: ignore[attr-defined]
                  reporter=reporter, partner=partner, flow=flow, period=own[0].period if len(own) == 1 else None,
                  qualifier="exact", source=None, kind="frame", text=kw.group(0), paragraph=self.p.index)  # type: ignore[attr-defined]
        c = self._finish(c, src)  # type: ignore[attr-defined]
        # only the article's own pair: "The war in Ukraine has driven the trade up" in an article on China and Russia
        # names a country beside the trade, not its party
        if not frame_resolved(c) or {c.reporter, c.partner} != set(self.art.pair):  # type: ignore[attr-defined]
            return None
        return c

    def _drop_circumstance_parties(self, fl: _Flow, ks: int) -> None:
        """"The war in Ukraine has driven the trade up", "Sanctions on Iran pushed trade higher": a country the clause
        names before the flow word only inside a phrase of circumstance (after "in", "on", "over", "against", ...) is
        no party of the trade: the flow word then names its parties nowhere (they are the series' own)."""
        if fl.how != "clause-subject" or fl.flow not in ("T", "B") or fl.holder is not None:
            return
        refs = self.country_refs_between(0, len(self.t))  # type: ignore[attr-defined]
        # every country the sentence names stands in such a phrase (one named as a party as well keeps its place)
        if not refs or not all(self._circumstance(r) for r in refs) \
                or not set(fl.parties) <= {r.code for r in refs if r.end <= ks}:
            return
        fl.parties = ()
        fl.how = "clause"

    def _circumstance(self, r: lx.CountryRef) -> bool:
        """Whether country ``r`` is named inside a phrase of circumstance ("the war in Ukraine"), not as a party."""
        return bool(_CIRCUMSTANCE.search(self.t[max(0, r.start - 30):r.start]))  # type: ignore[attr-defined]

    def _nontrade_near_word(self, kw: re.Match[str]) -> bool:
        """A flow word in a clause about a non-trade amount ("trade finance", "investment and trade"): no statistic."""
        ca, cb = self.clause_of(kw.start())  # type: ignore[attr-defined]
        return bool(_NONTRADE_RE.search(self.t[ca:cb]))  # type: ignore[attr-defined]

    def _total_antecedent(self, out: list[Claim]) -> Claim | None:
        """"The total was 12% higher", "China's customs arrives at a much higher total, $28.5 billion": the nearest
        turnover level of this paragraph or the one before (the parts read since, "of this, exports ...", aside), when
        its parties and flow were read, it is no world total, and the paragraph names no other country; two totals of
        other parties given equally near (in one sentence) leave it unclear (None)."""
        near = [c for c in [*reversed(out), *self.art.last_levels]  # type: ignore[attr-defined]
                if c.flow == "T" and c.kind == "level" and not base_level(c)
                and c.paragraph >= self.p.index - 1]  # type: ignore[attr-defined]
        if not near:
            return None
        c = near[0]
        if not frame_resolved(c) or c.partner in ("WLD", None) or c.reporter == c.partner:
            return None
        if any(d.quote == c.quote and d.paragraph == c.paragraph and {d.reporter, d.partner} != {c.reporter, c.partner}
               for d in near[1:]):
            return None
        named = {x for x in self.para_codes if x not in ("CA5", "WLD", *lx.BLOCS)}  # type: ignore[attr-defined]
        return c if named <= {c.reporter, c.partner} else None

    def _flow_of(self, c: Claim) -> _Flow:
        """The flow statement a claim was read from, seen from its reporter."""
        self._note("flow", 0.9, "antecedent")  # type: ignore[attr-defined]
        if c.flow in ("X", "M"):
            return _Flow(c.flow, subject=c.reporter, partner=c.partner, how="antecedent")
        # "The deficit ... swelled to $38 billion. In 2010 it stood at $14.9 billion": a balance referred back to
        # keeps the side it was on (a deficit stays negative)
        sign = -1 if c.flow == "B" and (c.value_usd or 0) < 0 else 1
        if c.flow == "B" and c.value_usd is None and _balance_side(c.quote) < 0:
            # "the deficit shrank by 3.38 percent ... It stood at $4.7 billion": a rate of a deficit has no signed
            # value of its own; the word naming the balance says which side it is on
            sign = -1
        return _Flow(c.flow, parties=(c.reporter or "", c.partner or ""), world=c.partner == "WLD", sign=sign,
                     how="antecedent")

    def _part_flow(self, ante: Claim, fig_start: int, fig_end: int, next_start: int) -> _Flow:
        """"Of this amount, $1.9 billion were exports", "Of that total, $64.1 billion represented Chinese exports to
        the region": a part of the turnover referred to, named by the export or import word after the figure, between
        that turnover's parties (the reporter's exports or imports unless the flow phrase names its own countries)."""
        fl = self._flow_of(ante)
        owner = getattr(self, "anaphor_owner", None)
        if owner is not None:
            # "Kazakhstan's figure": the same statistic with the owner in place of the hub's other party
            stay = self.art.hub  # type: ignore[attr-defined]
            other = ante.partner if ante.reporter == stay else ante.reporter
            if owner == stay or owner == other:
                return fl
            fl = _with_party(fl, owner, other)
            fl.how = "list-member"
            return fl
        if ante.flow != "T" or not ante.reporter or not ante.partner or not re.search(
                r"\bof\s+(?:this|that)(?:\s+(?:amount|total|sum|figure|volume|value))?\s*,?\s*$",
                self.t[:fig_start], re.I):  # type: ignore[attr-defined]
            return fl
        kw = self.flow_after(fig_end, next_start)  # type: ignore[attr-defined]
        if kw is None or kw.lastgroup not in ("X", "M"):
            return fl
        part = self.resolve_flow(kw, fig_start, fig_end, next_start)  # type: ignore[attr-defined]
        pair = (ante.reporter, ante.partner)
        if part.subject is None and part.partner is None:
            part.subject, part.partner = pair
            part.how = "antecedent"
        elif part.subject is None and part.partner in pair:
            part.subject = pair[1 - pair.index(part.partner)]
        elif part.partner is None and part.subject in pair:
            part.partner = pair[1 - pair.index(part.subject)]
            part.how = "antecedent"
        self._note("flow", 0.8, "antecedent-part")  # type: ignore[attr-defined]
        return part

    def _bare_flow_parties(self, fl: _Flow, out: list[Claim]) -> None:
        """"Of this, imports accounted for $1.9 billion": a flow word in a sentence that names no country but the
        series' own ("The deficit stood at $8.5 billion, when imports from China peaked" after India's figures with
        China) continues the series of the figure before it (its reporter and partner)."""
        if fl.flow in ("X", "M") and fl.subject and not (fl.partner or fl.parties or fl.world):
            self._partitive_part(fl, out)
            return
        if fl.flow not in ("X", "M", "T", "B") or fl.subject or fl.partner or fl.parties or fl.world:
            return
        if _SUM_UP.match(self.t) and fl.flow in ("X", "M"):  # type: ignore[attr-defined]
            # "In all, the country exported goods worth $961.3 million": a sum over the partners the text went
            # through, with the world (no claim about any one of them)
            fl.partner = "WLD"
            return
        ante = self._antecedent(out)
        if ante is None or not ante.reporter or not ante.partner or ante.kind == "share":
            return  # a share's partner is one member of a list, not the series the paragraph follows
        if "WLD" in (ante.reporter, ante.partner) and self._pair_flow():
            # "China's exports to the world fell 4.6%. Trade between the two countries rose 26.3%": the pair's own
            # trade (:meth:`_pair_parties`), never one country's with the world
            return
        if any(i not in self.in_source and r.code not in ("WLD", ante.reporter, ante.partner)  # type: ignore[attr-defined]
               and not self._circumstance(r) for i, r in enumerate(self.refs)):  # type: ignore[attr-defined]
            return
        self._note("partner", 0.85, "series")  # type: ignore[attr-defined]
        if self.carry_period is None:  # type: ignore[attr-defined]
            self.carry_period = ante.period  # type: ignore[attr-defined]
        if fl.flow == "B" and ante.partner in ("WLD", "CA5"):
            return  # "The trade deficit came to $2.7 billion" after a world total is the world's: not said here
        if fl.flow in ("T", "B"):
            # "The trade deficit came to $2.66 billion" after the pair's exports and imports: the pair's balance
            fl.parties = (ante.reporter, ante.partner)
            fl.world = ante.partner == "WLD"
        else:
            fl.subject, fl.partner = ante.reporter, ante.partner

    def _referred_partner(self, fl: _Flow, a: int, b: int) -> None:
        """"Vietnam sold $1.31 billion of goods to its neighbour ... and bought $3.96 billion from it": a partner named
        by reference, in a flow whose subject is one of the article's pair, is the pair's other country; so is the
        other side of a balance one of the pair holds ("ran a deficit of $2 billion with its northern neighbour")."""
        pair = self.art.pair  # type: ignore[attr-defined]
        if fl.flow not in ("X", "M", "B") or fl.partner is not None or len(pair) != 2 or fl.subject not in pair:
            return
        if PARTY_REF.search(self.t[a:b]) is None:  # type: ignore[attr-defined]
            return
        self._note("partner", 0.85, "pair-reference")  # type: ignore[attr-defined]
        fl.partner = next(c for c in pair if c != fl.subject)

    def _partitive_part(self, fl: _Flow, out: list[Claim]) -> None:
        """"Of this, Chile's exports made up $2.6 billion": one country's exports or imports, with no partner, said to
        be a part of the turnover just given between that country and another, are its trade with the other."""
        if not _PARTITIVE.match(self.t) or any(i not in self.in_source and r.code != fl.subject  # type: ignore[attr-defined]
                                               for i, r in enumerate(self.refs)):  # type: ignore[attr-defined]
            return
        ante = self._antecedent(out)
        if ante is None or ante.kind != "level" or ante.flow != "T" or fl.subject not in (ante.reporter, ante.partner):
            return
        other = ante.partner if fl.subject == ante.reporter else ante.reporter
        if other not in (None, "WLD", "CA5"):
            fl.partner = other
            self._note("partner", 0.85, "total-parts")  # type: ignore[attr-defined]

    def _series_of(self, prev: _Flow, fl: _Flow, out: list[Claim]) -> None:
        """"In April the two-way trade stood at $1.51 billion, of which Vietnam's exports were $369 million": the parts
        of a total whose parties were filled from the article (not named in its sentence) are the total's parties."""
        if fl.flow not in ("X", "M") or prev.flow not in ("T", "B") or prev.parties or not out:
            return
        last = out[-1]
        if last.flow != prev.flow or not last.reporter or not last.partner or last.partner in ("WLD", "CA5") \
                or frame_missing(last) & {"reporter", "partner"}:
            return
        pp = [last.reporter, last.partner]
        if fl.subject is None and fl.partner is None:
            fl.subject = pp[0]
        if fl.partner is None and fl.subject in pp:
            fl.partner = next(c for c in pp if c != fl.subject)
            self._note("partner", 0.85, "total-parts")  # type: ignore[attr-defined]

    def _rival_of(self, c: Claim, ante: Claim) -> None:
        """"Kazakh media put the figure for the period at $24.3 billion": another value for the very statistic just
        given is someone else's count of it, whose reporter the sentence does not say: unresolved."""
        if {c.reporter, c.partner} != {ante.reporter, ante.partner}:
            return  # "Kazakhstan's figure was $B": another pair's value of the statistic, no rival count
        if c.kind != "level" or ante.kind != "level" or c.period != ante.period or c.value_usd is None \
                or c.flow != ante.flow:  # "Of this amount, $1.9 billion were exports": a part, no rival
            return
        if (c.how or {}).get("reporter") == "sentence" and c.reporter != ante.reporter:
            return  # "China's customs arrives at a much higher total": the other agency's count, named as such
        if ante.value_low is not None and ante.value_high is not None and ante.value_low <= c.value_usd <= ante.value_high:
            return
        if c.qualifier in ("lower", "near_lower", "upper", "near_upper") and None not in (
                ante.value_low, ante.value_high, c.value_low, c.value_high) \
                and ante.value_low <= c.value_high and c.value_low <= ante.value_high:  # type: ignore[operator]
            return  # "the total crossed the $100 billion mark" after $106.3 billion: a bound the figure meets, no rival
        c.cap_slot("reporter", 0.4, "rival-count")

    def _anaphoric_period(self, ante: Claim, a: int, b: int) -> str:
        """A figure that refers back keeps its antecedent's period unless its clause states one of its own (one it
        cannot date, "In January–April" after a whole year in an undated article, leaves it with none; "this year: in the
        first quarter" is that quarter, :func:`~mirrortrade.claims.own_periods.narrowest`)."""
        own = [pm for pm in self.periods if not pm.base and (pm.period or pm.relative == "span")  # type: ignore[attr-defined]
               and a <= pm.start < b]
        first = narrowest(own)
        return (first.period or "") if first is not None else (ante.period or "")

    def _pair_flow(self) -> bool:
        """Whether a flow word of this sentence is itself a pair's: "bilateral trade", "mutual turnover", "the two
        countries' trade", "trade between the two countries", "turnover between our nations" (a pair phrase elsewhere
        in the sentence, "despite bilateral tensions", names no flow)."""
        for m in self.flows:  # type: ignore[attr-defined]
            for p in PAIR_PHRASE.finditer(self.t):  # type: ignore[attr-defined]
                if p.end() <= m.start() and _PAIR_BEFORE_FLOW.fullmatch(self.t[p.end():m.start()]):  # type: ignore[attr-defined]
                    return True
                if m.end() <= p.start() and _PAIR_AFTER_FLOW.fullmatch(self.t[m.end():p.start()]):  # type: ignore[attr-defined]
                    return True
        return False

    def _pair_parties(self, parties: list[str], rep: str | None) -> list[str]:
        """"Bilateral trade", "trade between our countries": the article's pair, when the sentence names no other
        country (the reporter first when it is one of the two)."""
        pair = list(self.art.pair)  # type: ignore[attr-defined]
        if len(pair) != 2 or not set(parties) <= set(pair) or not PAIR_PHRASE.search(self.t):  # type: ignore[attr-defined]
            return parties
        named = {c for c in self.para_codes if c != "WLD"}  # type: ignore[attr-defined]
        if "CA5" in named and "CA5" not in pair:
            # "relations between China and the five states. Over that time trade between the two sides has risen": in a
            # paragraph about one of the pair and the region, the two sides are that country and the region
            one = named - {"CA5"}
            if len(one) != 1 or not one <= set(pair):
                return parties
            self._note("partner", 0.85, "pair-region")  # type: ignore[attr-defined]
            return [*one, "CA5"]
        if not {c for c in self.para_codes if c not in ("CA5", "WLD")} <= set(pair):  # type: ignore[attr-defined]
            return parties  # a paragraph about another country: "bilateral" is that country's trade
        if rep in pair:
            pair.remove(rep)
            pair.insert(0, rep)
        self._note("partner", 0.9, "pair-phrase")  # type: ignore[attr-defined]
        return pair
