"""The sentence reader: quantity mentions of one sentence turned into frames and claims, slots filled from the
clause, then the sentence, the paragraph and the article (see :mod:`mirrortrade.claims.extract`)."""

from __future__ import annotations

import math
import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.agencies import refer_back
from mirrortrade.claims.anaphora import CHANGE_ANAPHOR, AnaphoraMixin
from mirrortrade.claims.claim import GUESSED, RESOLVED, WEAK, Claim
from mirrortrade.claims.epithets import epithet_refs, pronoun_party_refs
from mirrortrade.claims.fill import FillMixin
from mirrortrade.claims.flows import FlowsMixin
from mirrortrade.claims.frames import _Article, _Flow, _with_party
from mirrortrade.claims.levels import LevelsMixin
from mirrortrade.claims.lists import ListsMixin
from mirrortrade.claims.numbers import Money, find_money, uses_decimal_comma
from mirrortrade.claims.own_periods import own_periods
from mirrortrade.claims.parts import PartsMixin
from mirrortrade.claims.percents import PercentsMixin
from mirrortrade.claims.periods import PeriodMention, find_periods
from mirrortrade.claims.products import ProductsMixin
from mirrortrade.claims.rankings import RankingsMixin
from mirrortrade.claims.roles import RolesMixin
from mirrortrade.claims.scope import unplaced
from mirrortrade.claims.shares import SharesMixin
from mirrortrade.claims.sources import _find_sources, _is_trade_source, _Source, speaker_country, speaker_verb
from mirrortrade.claims.text import Paragraph, Sentence
from mirrortrade.claims.vocab import (
    _CHANGE_MONEY_AFTER,
    _CHANGE_MONEY_BEFORE,
    _CLAUSE_BREAK,
    _DATELINE,
    _DIFF_AFTER,
    _DIFF_BEFORE,
    _FLOW_RE,
    _GAPPED_CHANGE,
    _TRADE_WORDS,
    _VERB_FLOW,
    difference_of_sources,
    institution_name,
)
from mirrortrade.claims.voices import continued_speaker, quoted_speaker
from mirrortrade.model import Period


def _milestone(qual: str, words: str, mo: Money) -> str:
    """"tops $100bn", "passing $100 billion": passing a round milestone (one significant digit) says only "more
    than"."""
    if qual == "near_lower" and re.match(r"top|pass|cross", words.strip(), re.I) and mo.value > 0:
        lead = mo.value / 10 ** math.floor(math.log10(mo.value))
        if abs(lead - round(lead)) < 1e-9:
            return "lower"
    return qual


class _SentenceCtx(FlowsMixin, FillMixin, ListsMixin, LevelsMixin, ProductsMixin, PartsMixin, PercentsMixin, SharesMixin, AnaphoraMixin, RolesMixin, RankingsMixin):
    """One sentence of a paragraph, read with the paragraph's carried source and period."""

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
        self.refs = lx.group_parties(self.t, lx.resolve_refs(lx.bloc_anaphors(self.t, lx.find_countries(
            self.t, about_central_asia=art.about_ca, provinces=True), art.bloc), topic, art.hub, text=self.t))
        self.refs = epithet_refs(self.t, art.pair, self.refs)  # "exports to the Islamic Republic": the pair's Iran
        before = next((x for x in reversed(p.sentences) if x.end <= s.start), None)
        self.refs = pronoun_party_refs(self.t, before.text if before else None, self.refs)  # "Trade with it grew"
        self.sources = refer_back(self.t, _find_sources(self.t, self.refs, 0, topic, art.home, unplaced=True,
                                                            among=art.pair), art.named,
                                  art.text[max(0, s.start - 1500):s.start], art.home)
        self.in_source = {
            i for i, r in enumerate(self.refs) for src in self.sources if src.start <= r.start and r.end <= src.end
        }
        self.carry_source = carry_source
        self.carry_period = carry_period
        self.prev_claim: Claim | None = None
        #: the paragraph's last claim that is no comparison base's level
        self.prev_main: Claim | None = None
        self.prev_share: Claim | None = None  # the paragraph's last share: what a list of shares continues
        self.anaphor_start: int | None = None  # where the last phrase referring back to a figure began
        self.anaphor_total = False  # ... and whether it named a total
        self.anaphor_volume = False  # ... or "the volume" (of trade)
        self.member_before: str | None = None  # the possessor a list member replaces (see ``_possessor_member``)
        #: the paragraph's previous sentence when it gave no figure (a statistic it names is what "it" may refer to)
        self.prev_sentence: _SentenceCtx | None = None
        self.named_frame: Claim | None = None  # the statistic named there that a pronoun here referred to
        ctx_year = carry_year or art.data_year
        self.carry_from_before = False  # the carried period is the previous paragraph's
        self.carry_main = False  # ... the main span, gone back to after a paragraph about a part of it
        self.after_span = False  # the text before named a period with no calendar months (a fiscal year): no carry
        self.periods: list[PeriodMention] = find_periods(
            self.t, ref_year=art.ref_year, context_year=ctx_year, context_period=carry_period, ref_date=art.ref_date,
            carried=carry_period is not None and Period.parse(carry_period).n_months < 12, fiscal_start=art.fiscal_start,
            stated=art.seen_periods)
        dl = _DATELINE.match(self.t) if s.start < 400 else None
        if dl:  # "ALMATY, March 3, 2025 – ...": the date the article was written, not a data period
            self.periods = [pm for pm in self.periods if pm.start >= dl.end()]
        # "BAKU, 8 May 2024.": a day, no period; "in January" beside "up 48% on January 2023": January 2024
        self.periods = own_periods(self.periods, self.t, art.text, art.ref_date is not None, carry_period)
        self.money = find_money(self.t, yuan=True, decimal_comma=uses_decimal_comma(art.text))
        # "trade with all its trading partners": a flow word inside a party's name is no flow of its own
        # ... and so is one inside an institution's name ("the Export-Import Bank")
        self.flows = [m for m in _FLOW_RE.finditer(self.t)
                      if not any(r.start <= m.start() < r.end for r in self.refs if r.code == "WLD")
                      and not institution_name(self.t, m.start(), m.end())]
        self.clauses = self._clause_spans()
        self._why: dict[str, float] = {}
        self._how: dict[str, str] = {}  # where each slot of the figure being read was filled from
        self.source_from_before = False  # the carried source was named in an earlier paragraph
        self._respective_list: list[Claim | None] = []

    # ---- slot confidences ---------------------------------------------------------------------
    def _begin(self, flow_conf: float = 1.0) -> None:
        """A new figure: forget how the previous one's slots were filled."""
        self._why = {"flow": flow_conf}
        self._how = {}

    def _note(self, slot: str, conf: float, how: str) -> None:
        """Record how a slot was filled (its confidence, and its provenance ``how``); a slot filled several ways
        keeps its least certain way (of equally sure ways, the first recorded)."""
        old = self._why.get(slot)
        if slot not in self._how or (old is not None and conf < old):
            self._how[slot] = how
        self._why[slot] = min(conf, old if old is not None else 1.0)

    def _finish(self, c: Claim, src: _Source | None) -> Claim:
        """Set the claim's slot confidences and what is missing (slots below :data:`RESOLVED`)."""
        w = self._why
        how = {"reporter": "sentence", "partner": "clause", "flow": "flow-word", "period": "none", "kind": "figure",
               "value": "figure", **self._how}
        rep_conf = w.get("reporter", 1.0) if c.reporter not in (None, "GRP") else 0.0
        if c.reporter in (None, "GRP"):
            how["reporter"] = "none"
        elif src is not None and src.reporter and c.reporter != src.reporter:
            # the statistics named are one country's, the flow is between two others
            rep_conf = min(rep_conf, 0.3)
            how["reporter"] = "other-country"
        elif src is not None and not src.reporter and how["reporter"] not in ("none-yet", "unplaced-source"):
            how["reporter"] = "unnamed-source"  # a source named without its country: the flow's subject
        if c.partner in (None, "GRP"):
            how["partner"] = "none"
        if not (c.flow or c.kind == "difference"):
            how["flow"] = "none"
        if not c.period:
            how["period"] = "none"
        c.how = how
        c.slots = {
            "reporter": rep_conf,
            "partner": w.get("partner", 1.0) if c.partner not in (None, "GRP") else 0.0,  # GRP: a group of no store
            "flow": w.get("flow", 1.0) if (c.flow or c.kind == "difference") else 0.0,
            "period": w.get("period", 1.0) if c.period else 0.0,
            "kind": w.get("kind", 1.0),
            "value": w.get("value", 1.0),
        }
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        return c

    # ---- helpers ------------------------------------------------------------------------------
    def _named_other_party(self, kw: re.Match[str]) -> bool:
        """The flow word is followed by a named party ("with the Eurasian Economic Union") that is no country
        we know (nor a region we map)."""
        m = re.match(r"\s+(?:with|to|from|between)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,5})", self.t[kw.end():kw.end() + 80])
        if m is None:
            return False
        a, b = kw.end() + m.start(1), kw.end() + m.end(1)
        if re.match(r"[$€£¥]|\d", self.t[b:]):
            return False  # "imports to US$12.8 billion", "to USD 12.8 billion": a currency before an amount, no party
        return not any(r.start < b and a < r.end for r in [*self.refs, *self.periods])  # "from January": a period
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
            # an agency of no known country: no reporter
            self._note("reporter", 0.0 if unplaced(src) else 1.0,
                       "unplaced-source" if unplaced(src) else "sentence" if before else "sentence-after")
            return self.merge_source(src, self.carry_source)
        if self.carry_source is not None:
            # named earlier in the paragraph (or carried from a paragraph before)
            self._note("reporter", 0.0 if unplaced(self.carry_source) else 0.9, "unplaced-source" if unplaced(
                self.carry_source) else "previous-paragraph" if self.source_from_before else "paragraph")
            return self.carry_source
        before_default = self.p.index < self.art.default_para and not self.art.default_in_lead
        spk = (self._speaker(pos)
               if before_default or self.art.default_source is None or self.art.default_source.start >= self.s.end else None)
        if spk is not None:  # no statistics named: an official quoted gives his government's (not to flag on)
            self._note("reporter", 0.55, "speaker")
            return _Source(0, 0, spk, "speaker", "")
        if before_default:
            self._note("reporter", 0.0, "none-yet")
            return None
        # the source the article names first governs the figures after it (none named: the flow's subject's)
        if self.art.default_source is not None:
            self._note("reporter", 0.8, "article-default")
        else:
            # no statistics named anywhere: the flow's subject is a guess (left unresolved unless the store settles
            # it, see :mod:`mirrortrade.claims.whose`)
            self._note("reporter", WEAK, GUESSED)
        return self.art.default_source

    def _speaker(self, pos: int) -> str | None:
        """The country of the official whose voice the figure at ``pos`` is in: the sentence's speaker, else the
        quotation's it stands in, else the one whose reported speech the paragraph's previous sentence gave
        (:mod:`mirrortrade.claims.voices`)."""
        text, home = self.art.text, self.art.home
        at = self.s.start + max(pos, len(self.t) - len(self.t.lstrip(' "“'))) - self.p.start
        attributed, spk = quoted_speaker(text[:self.p.start], self.p.text, at, home)
        if not attributed or speaker_verb(self.t):
            spk = speaker_country(text[:self.s.start], self.t, home)
        prev = next((x for x in reversed(self.p.sentences) if x.end <= self.s.start), None)
        if spk is None and not attributed and prev is not None:
            spk = continued_speaker(text[:prev.start], prev.text, self.t, home)
        return spk

    def country_refs_between(self, a: int, b: int, *, include_source: bool = False) -> list[lx.CountryRef]:
        return [r for i, r in enumerate(self.refs) if a <= r.start and r.end <= b and (include_source or i not in self.in_source)]

    # ---- claims ------------------------------------------------------------------------------
    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        money = self.money
        prev: _Flow | None = None
        prev_verb = False  # the previous figure's flow is a verb's ("buying $3.86bn"): its subject's view
        prev_end = 0
        level_claims: list[tuple[Money, Claim | None]] = []
        products: list[Money] = []  # the sentence's figures of one product (a part of one is that product's too)
        respective = self._respectively(money)
        respective_flows = {} if respective else self._respective_flows(money)
        resp = re.search(r"\brespectively\b[^.;]{0,40}", self.t)
        respective_end = resp.end() if resp else 0
        first_kind: tuple[str, int] | None = None  # the kind of a "respectively" list's first figure
        prev_sign: int | None = None  # the sign of the sentence's previous figure when it was a change
        prev_own: str | None = None  # the list member standing right before the previous figure ("Italy ($4 million)")
        # the member's frame before a bracketed part of it ("$47.6bn ($24.2bn of exports), with South Korea $86.4bn"):
        # the next member goes on from the member's own figure, never the bracket's flow
        outer: tuple[_Flow | None, bool, str | None, int] | None = None
        for i, mo in enumerate(money):
            self._begin()
            referent: Claim | None = None
            next_start = money[i + 1].start if i + 1 < len(money) else len(self.t)
            if outer is not None and mo.start > outer[3]:
                prev, prev_verb, prev_own, prev_end = outer[0], outer[1], outer[2], outer[3] + 1
                outer = None
            if outer is None and prev is not None and (close := self._member_bracket(mo, prev_end)) is not None:
                outer = (prev, prev_verb, prev_own, close)
            if outer is not None:
                next_start = min(next_start, outer[3] + 1)
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
                    sign = -1 if (cma.group("down") or cma.group("down_end")) else 1
            if kind == "level" and (by_to := self._by_to_change(mo, prev_end, qstart)):
                kind, sign = "change", by_to
            if _DIFF_BEFORE.search(before_txt) or _DIFF_AFTER.match(after_txt) \
                    or difference_of_sources(self.t[mo.end:mo.end + 120]):
                kind = "difference"
            gapped = _GAPPED_CHANGE.match(self.t[prev_end:qstart]) if kind == "level" and prev_sign else None
            if gapped is not None:
                kind, sign = "change", prev_sign  # type: ignore[assignment]
            if mo.start in respective:
                # "decreased by $260 million and $65 million respectively": the list shares its first figure's kind
                if first_kind is None:
                    first_kind = (kind, sign)
                else:
                    kind, sign = first_kind
            kw = respective_flows.get(mo.start) or self._predicate_flow(mo) or self.flow_keyword(mo.start, prev_end)
            own_kw = None if mo.start in respective_flows else self._own_flow_after(mo, next_start)
            prev_own_kw = self._own_flow_after(money[i - 1], mo.start, trade=True) if i else None
            if own_kw is not None and kw is not None and prev_own_kw is not None and kw.start() == prev_own_kw.start():
                kw = None  # "$188m of exports and $119m of imports": "exports" is the previous figure's own flow noun
            fl: _Flow | None = None
            own_noun = False  # the figure's flow is its own flow noun after it
            # "The US remained Vietnam's biggest buyer, taking $14.6 billion": a role noun's flow and parties
            role = None if mo.start in respective_flows else self._role_flow(mo, prev_end, kw)
            if role is not None:
                fl, kw = role, None
            elif kw is not None and mo.start in respective_flows:
                # "exports to and imports from China": the countries after the list of flow words are each one's
                self._note("flow", 1.0, "respectively")
                last = max(respective_flows.values(), key=lambda f: f.start())
                fl = self.resolve_flow(last, mo.start, mo.end, next_start)
                fl.flow = kw.lastgroup or fl.flow
            elif kw is not None:
                fl = self.resolve_flow(kw, mo.start, mo.end, next_start)
                self._role_parties(fl, mo, prev_end, kw)
                fl = self._first_member(fl, kw.end(), mo, qstart)
            elif prev is not None and own_kw is not None:
                # "buying $3.86bn worth of them against $2.076bn of imports", "trade of $9bn: $5bn of exports and $4bn
                # of imports": with no flow word of its own before it, the figure's own flow noun, not the previous flow
                fl = self.resolve_flow(own_kw, mo.start, mo.end, next_start)
                own_noun = True
                self._note("flow", 0.8, "flow-after")
            elif prev is not None:
                fl = _Flow(prev.flow, prev.subject, prev.partner, prev.parties, prev.world, prev.sign, "previous-figure")
                self._note("flow", 0.8, "previous-figure")
                self.member_before = None
                own = self._own_party(mo, prev_end, qstart)
                own_how = "list-member"
                if own is None:  # "while that with Kyrgyzstan", "and with Afghanistan to", "against $671bn with the US"
                    own, own_how = self._elliptic_party(prev_end, qstart, mo.end), "elliptic-party"
                if own is None and gapped is not None:
                    own = next((r.code for r in reversed(self.refs) if prev_end + gapped.start("party") <= r.start
                                and r.end <= qstart and r.code not in ("TOPIC", "SUBJ", "WLD")), None)
                    own_how = "list-member"
                gapped_subject = self._gapped_subject(prev, prev_verb, prev_end, qstart)
                pair = self._gapped_pair(prev, prev_verb, prev_end, qstart, mo.end)  # "and Chile goods worth $B to Peru"
                if pair is not None:
                    fl = pair
                elif gapped_subject is not None:
                    # "Russia supplied $878.9 million and Kazakhstan $352.1 million": a verb with no partner named,
                    # left out: its subject is what changes along the list
                    last = out[-1] if out else None
                    other = next((c for c in (last.reporter, last.partner) if c and c != prev.subject), None) \
                        if last is not None and prev.subject in (last.reporter, last.partner) else None
                    fl = _Flow(prev.flow, gapped_subject, other if other != gapped_subject else None, how="list-member")
                elif own is not None:
                    # a list: "trade grew with Kazakhstan (+$2.8 billion), Kyrgyzstan (+$2.9 billion) ..."
                    fl = _with_party(fl, own, self.member_before or prev_own)
                    fl.how = own_how
            elif (ante := self._antecedent(out, total=self.anaphor_total) if (self._anaphor_before(mo.start, prev_end) or kind == "change" and (
                    CHANGE_ANAPHOR.match(self.t[max(prev_end, self.clause_of(mo.start)[0]):mo.start]))) and not re.search(
                    r"\(\s*$", self.t[:mo.start]) else None) is not None:  # "($1.3 billion)": a base, not the figure
                referent = ante
                # "The figure grew 33 percent to $19.7 billion": the parties and flow of the figure referred to
                fl = self._part_flow(ante, mo.start, mo.end, next_start)
                self.carry_period = self._anaphoric_period(ante, self.clause_of(mo.start)[0], next_start) or None
            else:
                kw2 = self.flow_after(mo.end, next_start)
                if kw2 is not None:
                    fl = self.resolve_flow(kw2, mo.start, mo.end, next_start)
                    self._note("flow", 0.8, "flow-after")
                else:
                    fl = self._ranking_flow(mo, prev_end, qstart)
            if fl is not None and mo.start in respective:
                fl = self._respective_flow(fl, *respective[mo.start])
                fl.how = "respectively"
            # a figure read by reference ("Higher gas prices lifted it further: in 2022 it came to $11.8 billion"):
            # its subject is the figure referred to, so only its own clause can make it a non-trade amount
            nt_from = max(prev_end, self.anaphor_start or 0) if referent is not None else prev_end
            nt = self._nontrade_near(mo, nt_from, kw) or self._is_target(mo, prev_end)
            if nt and self._product_figure(mo, kw):
                products.append(mo)
            elif not nt and self._part_of_product(mo, kw, products):
                nt = True
            if kind == "difference" and kw is None and prev is None and self.prev_claim is not None:
                # "the difference of around $500 million": between the figures just given
                level_claims.append((mo, None))
                out.append(self._inherited_difference(mo, qual))
                prev_end = mo.end
                continue
            if fl is None and kind == "difference" and _TRADE_WORDS.search(self.p.text):
                fl = _Flow(None)
                self._note("flow", 0.5, "difference-unsaid")
            if fl is None or nt:
                level_claims.append((mo, None))
                prev_end = mo.end
                continue
            if kw is not None and self._named_other_party(kw):
                # "trade with the Eurasian Economic Union as a whole came to $868 million": a party that is no
                # country; inheriting the previous figure's partner would misread it
                self._note("partner", 0.0, "unknown-party")
            if prev is not None and (kw is not None or own_noun and not prev_verb):
                # inherit the missing side from the previous figure of the sentence (not a verb's subject's view: "buying
                # $3.86bn worth of them against $2.076bn of imports" are the reporter's own imports)
                if fl.flow in ("X", "M") and fl.subject is None and prev.subject and prev.subject != fl.partner:
                    fl.subject = prev.subject
                if fl.flow in ("X", "M") and fl.partner is None and prev.partner and prev.partner != fl.subject:
                    fl.partner, fl.how = prev.partner, "previous-figure"
                self._part_of_total(prev, fl, mo)  # "turnover of $10.9 billion, of which exports accounted for $2.0 billion"
                self._series_of(prev, fl, out)
            self._referred_partner(fl, kw.end() if kw is not None else mo.end, min(next_start, self.clause_of(mo.end)[1]))
            self._bare_flow_parties(fl, out)
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
                    fl.how = "list-member"
            claim = self._make_claim(mo, fl, src, qual, kind, sign, prev_end, next_start)
            if referent is not None:
                self._rival_of(claim, referent)
            # "grew by $1.5 billion to $12 billion": two figures, the change and the level, each a claim of its own
            out.append(claim)
            level_claims.append((mo, claim))
            prev = fl
            prev_verb = kw is not None and bool(_VERB_FLOW.match(kw.group(0)))
            prev_own = self._own_party(mo, prev_end, qstart)
            prev_end = mo.end
            prev_sign = sign if kind == "change" else None
        self._total_of_parts(out, level_claims)
        self._base_levels(out)
        self._respective_list = [c for mo, c in level_claims if mo.start in respective or mo.start in respective_flows]
        self._percent_claims(out, level_claims)
        self._share_levels(out, level_claims)
        self._comparison_bases(out, level_claims)
        self._ranked(out)
        return out
