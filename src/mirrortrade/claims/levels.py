"""Dollar figures of a sentence: levels, changes, differences, their orientation and comparison bases."""

from __future__ import annotations

import math
import re

from mirrortrade.claims import context as cx
from mirrortrade.claims import fx
from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import GUESSED, HELD, RESOLVED, WEAK, Claim
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import Money
from mirrortrade.claims.scope import beyond_bilateral
from mirrortrade.claims.sources import _sid, _Source
from mirrortrade.claims.vocab import _DOWN, _NONTRADE_RE, _TARGET_AFTER, _TARGET_BEFORE, _UP, _VERB_FLOW
from mirrortrade.model import Period, value_interval

#: a flow noun ("exports", not "exported") can be modified by what was traded ("honey exports")
_FLOW_NOUN = re.compile(r"(?:re-)?(?:exports?|imports?|shipments?|deliveries|sales|purchases|supplies)", re.I)
_OPENS_PHRASE = re.compile(
    r"(?:the|a|an|its|their|our|his|her|whose|this|that|these|those|such|some|of|and|or|in|with|while|whereas|"
    r"but|as|for|from|by|on|at|than|to|into|also|including|like|mostly|mainly|largely|only)", re.I)
#: closed-class words that may stand before a flow noun without naming a product: determiners, scope and
#: period adjectives, and the generic nouns of total trade
_SCOPE_WORD = re.compile(
    r"(?:the|a|an|its|their|our|his|her|whose|which|what|who|it|they|we|there|where|when|not|no|more|less|each|"
    r"every|any|many|much|most|some|only|also|this|that|these|those|such|of|and|or|in|with|while|whereas|but|as|"
    r"for|to|from|by|on|at|than|total|overall|combined|aggregate|bilateral|mutual|foreign|external|national|"
    r"domestic|regional|annual|yearly|monthly|quarterly|cumulative|combined|record|net|gross|main|key|major|outbound|inbound|"
    r"goods|merchandise|commodity|non-commodity|trade|services|country|region|republic|nation|state|world|"
    r"global|chinese|whole|first|second|third|fourth|half|quarter|year|month|period|both|all|other|total)",
    re.I,
)

#: the nouns of trade itself: "$5 billion of exports", "of bilateral turnover"
_FLOW_WORDS = re.compile(r"(?:(?:re-)?exports?|imports?|shipments?|deliveries|sales|purchases|supplies|turnover|"
                         r"trade|volume|value|figure|amount|sum|deficit|surplus|balance|which|them|it|these|those)",
                         re.I)

#: words that may stand between a flow verb and its figure without naming a product ("sold goods and services worth
#: about", "bought a total of", "shipped to Russia goods worth")
_GENERIC_OBJECT = re.compile(
    r"(?:goods|products|merchandise|commodities|items|services|wares|and|worth|of|a|an|the|total|some|about|nearly|"
    r"almost|around|over|more|than|just|only|its|their|his|her|roughly|approximately|estimated|value|valued|at|with|"
    r"in|for|all|kinds|various|mostly|mainly|to|from|it|them|us|dollars?|just|less|under|up|exceeding|surpassing|"
    r"topping|US|U|S|USD|times|as|much|twice|thrice|half|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozen|out|abroad|overseas|\d+(?:[.,]\d+)?)",
    re.I,
)

#: the verb that ends the subject "exports of X": a verb of change or of amount ("purchases of Chinese goods jumped 55
#: percent", "went up", "totalled"); what follows it is no longer what was traded
_PREDICATE_VERB = re.compile(
    r"(?:rose|rises|grew|grows|increases|jump(?:ed|s)|climb(?:ed|s)|surg(?:ed|es)|soar(?:ed|s)|gain(?:ed|s)|"
    r"expand(?:ed|s)|advanced|rebounded|falls|declin(?:ed|es)|decreases|drop(?:ped|s)|shrank|shrunk|contracted|slid|"
    r"slipped|slumped|plunged|plummeted|tumbled|sank|eased|dipped|went|goes|stood|stands|amounted|totall?ed|topped|"
    r"exceeded|surpassed|doubled|tripled|halved|edged|inched|remained|stayed|is|are|has|have|had|accounted|made)",
    re.I)

#: the nouns a flow word modifies when it names a part of trade by product or one side of it: "the main export
#: item", "on the import side", "export commodities"
_ITEM_HEAD = re.compile(r"\s+(?:items?|side|commodit(?:y|ies)|categor(?:y|ies)|structure|basket|mix|lines?|"
                        r"positions?)\b", re.I)


class LevelsMixin:
    """Methods of the sentence reader that turn dollar figures into claims."""

    def _base_levels(self, out: list[Claim]) -> None:
        """"rose from $1.2 billion to $1.5 billion in 2023": the "from" level is for the period before."""
        self._changes_to_levels(out)
        for i, c in enumerate(out):
            a = c.start - self.s.start
            if c.kind != "level" or not re.search(
                r"\bfrom\s+(?:(?:a|an|just|only|mere|paltry|some|about|around|nearly|almost|roughly|over|under|"
                r"more than|less than|just over|just under)\s+){0,3}$", self.t[max(0, a - 40):a]
            ):
                continue
            nxt = next((d for d in out[i + 1:] if (d.reporter, d.partner, d.flow) == (c.reporter, c.partner, c.flow)
                        and d.kind == "level"), None)
            if nxt is None and i > 0 and out[i - 1].kind == "level" and (
                    out[i - 1].reporter, out[i - 1].partner, out[i - 1].flow) == (c.reporter, c.partner, c.flow) \
                    and re.search(r"\bto\s+\S*\s*$", self.t[max(0, out[i - 1].start - self.s.start - 12):
                                                             out[i - 1].start - self.s.start]):
                nxt = out[i - 1]  # "rose 35.1 percent to $168.5 million from $124.7 million": the level it came from
                x, y = nxt.value_usd, c.value_usd
                ca0 = self.clause_of(nxt.start - self.s.start)[0]
                rates = [float(m.group(1).replace(",", ".")) for m in re.finditer(
                    r"(\d+(?:[.,]\d+)?)\s*(?:percent|per\s+cent|%)", self.t[ca0:nxt.start - self.s.start])]
                if not rates and x and y and (cx.year_to_date_span(nxt.period, self.art.fiscal_start)
                                              or cx.LOOKS_BACK.match(self.t[c.end - self.s.start:])):
                    # "declined to $2.7bn from $2.9bn" for a fiscal year or January–October, any span "from $B a year
                    # earlier": the same span a year before. Derived, not printed: shown, never flagged
                    self._derived_base(c, nxt.period)
                    continue
                if not x or not y or not any(abs(abs(x / y - 1) * 100 - g) <= 0.6 for g in rates):
                    # the rate stated is not the one between the two levels (or a month, whose base may be the
                    # month before): the "from" level's period is not said, and it is not the "to" level's
                    c.cap_slot("period", 0.0, "from-level")
                    continue  # only when the rate stated is the one between the two levels: a year-on-year base
            if nxt is None or not nxt.period:
                continue
            # a period printed beside the "from" level is its own, a base's too ("from $0.46 billion in 1992")
            own = [pm for pm in self.periods if pm.period]
            ca, cb = self.clause_of(a)
            if nxt.start < c.start:
                # the "from" level comes last: its own period may follow it ("from $124.7 million in June")
                after_end = min([d.start for d in out[i + 1:]] + [self.s.start + self.clause_of(a)[1]])
                local = [pm for pm in own if nxt.end - self.s.start <= pm.start < after_end - self.s.start]
            else:
                local = [pm for pm in own if c.end - self.s.start <= pm.start < nxt.start - self.s.start]
            if local:
                continue  # "from a paltry $80 million in 2023"
            try:
                c.period = str(Period.parse(nxt.period).same_span_previous_year())
            except Exception:  # noqa: BLE001 - a span with no previous year keeps its period
                continue
            c.how["period"] = "from-level"  # "rose from $1.2 billion": the year before the "to" level's

    def _comparison_bases(self, out: list[Claim], level_claims: list[tuple[Money, Claim | None]]) -> None:
        """"$11.39 billion, 37.77 percent less than the previous year's $18.31 billion", "against $B a year earlier",
        "9.4 percent higher than a year earlier ($5.3 billion in January-June 2023)": a dollar figure put as the base of
        a comparison with the figure before it is a level of its own, with that figure's frame, for the base period:
        the period printed beside it, else (a year-on-year comparison) the same span a year before; never the main
        figure's period. A rate stated beside both levels must fit them within rounding, else the base's period is
        unresolved (:mod:`mirrortrade.claims.context`)."""
        for mo, c in level_claims:
            bracket = re.search(r"\(\s*$", self.t[:mo.start]) is not None
            lead = self.t[max(0, mo.start - 120):mo.start]
            conv = cx.CONVERTED_BEFORE.search(lead) if bracket else None
            if conv is not None:
                # "reaching 716 billion rubles ($8.7 billion)": the bracket is the amount before it, in dollars; a
                # base only when a comparison puts that amount as one
                lead, bracket = lead[:conv.start()], False
            if not (cx.COMPARISON_BEFORE.search(lead) or bracket and cx.BRACKET_BASE.search(lead)):
                continue
            cue = (cx.COMPARISON_BEFORE.search(lead) or cx.BRACKET_BASE.search(lead))
            assert cue is not None
            cue_at = self.s.start + mo.start - len(lead) + cue.start()
            main = next((m for m in reversed(out) if m is not c and m.end <= cue_at and m.kind in ("level", "growth")
                         and m.paragraph == self.p.index and m.start >= self.s.start), None)
            if main is None or not cx.frame_resolved(main) or main.value_usd is None and main.growth_pct is None:
                continue
            if c is not None and (c.reporter, c.partner, c.flow) != (main.reporter, main.partner, main.flow) \
                    and (c.slots.get("flow", 1.0) >= 1.0 or c.partner == self._compared_party(  # type: ignore[attr-defined]
                        lx.qualifier_before(self.t, mo.start)[1], mo.end)):
                continue  # a figure with its own flow word, or its own partner ("against $B with the US"), is no base
            if c is not None and c.flow != main.flow and c.how.get("flow") == "flow-after" and re.match(
                    r"\s+(?:worth\s+)?(?:of|in)\s+(?:(?:its|their|the)\s+)?(?:exports?|imports?)\b", self.t[mo.end:]):
                continue  # "buying $3.86bn worth of them against $2.076bn of imports": the other flow, not a base
            end = self._base_scope(mo)
            printed = [pm for pm in self.periods if mo.end <= pm.start < end and pm.period]
            back = cx.LOOKS_BACK.match(self.t[mo.end:end]) or bracket and cx.LOOKS_BACK.search(cue.group(0)) is None \
                and re.search(r"year|same|corresponding|previous", cue.group(0), re.I)
            if c is None:
                if not bracket or mo.currency != "USD":
                    continue
                c = self._base_claim(mo, main)
                out.append(c)
                out.sort(key=lambda x: x.start)
            else:
                c.reporter, c.partner, c.flow, c.source = main.reporter, main.partner, main.flow, main.source
                c.cap_slot("flow", 0.8, "comparison-base")
            if c.growth_pct is not None and c.start > main.start:
                # "68.57 percent more than the $167.9 million of September 2022, and 42.29 percent more than in
                # August": a rate after the base compares the main figure with yet another period, not the base
                c.growth_pct = c.growth_low = c.growth_high = c.growth_base = None
            looks_back = cx.LOOKS_BACK.match(self.t[mo.end:end]) is not None
            derived = False
            if looks_back:
                c.period, derived = cx.year_before(main.period), True
            elif c.period and c.period != main.period and c.slots.get("period", 0.0) >= RESOLVED:
                continue  # read as a base already ("from $41.0 billion in 2024"): verification checks its rate
            elif printed:
                c.period = printed[0].period
            elif back or cx.year_on_year_span(main.period, self.art.fiscal_start):
                c.period, derived = cx.year_before(main.period), True
            else:
                c.period = None
            # a base-year level read beside another figure (often a first release, since revised): shown and
            # corroborated, never flagged
            if c.period and c.how.get("period") == "none":  # a figure read with no period: the base's is its own
                c.slots["period"] = 0.55  # ("the $3.9 billion of the first quarter of the previous fiscal year")
            c.how["period"] = "comparison-base"  # the period is the base's (printed beside it, or derived)
            c.cap_slot("period", 0.55 if c.period else 0.0)
            if main.kind == "growth" and main.value_usd is None and main.period == c.period and printed:
                # "grew by 16.6 percent year on year ($4.2 billion in January-June 2023)": the bracket's period is the
                # base's; the rate's is the period in context, a year after it
                now = self.carry_period
                main.period = now if now and cx.year_before(now) == c.period else None
                main.how["period"] = "rate-beside-base"
                main.cap_slot("period", 0.8 if main.period else 0.0)
            if c.period == main.period:
                c.cap_slot("period", 0.0, "comparison-base")  # never the main figure's period
                if not derived and main.slots.get("period", 0.0) < 1.0:
                    # "trade came to $244.8 billion, against $240.1 billion in 2023" with 2023 carried from the text
                    # before: the period printed is the base's; the main figure's, taken from context, is not sure
                    main.cap_slot("period", 0.0, "main-beside-base")
            rate = self._stated_rate(out, main, c) if derived else None
            if rate is not None and main.value_low is not None and main.value_high is not None and \
                    c.value_low is not None and c.value_high is not None and \
                    not cx.rate_fits((main.value_low, main.value_high), (c.value_low, c.value_high), rate):
                # the period was derived, and the rate stated is not the one between the two levels: the base may be
                # another period (a month before, not a year): unresolved
                c.cap_slot("period", 0.0, "comparison-base")

    def _predicate_flow(self, mo: Money) -> re.Match[str] | None:
        """"Of this amount, $1.9 billion were exports, and the remaining $4.7 billion were imports": a flow said of
        the figure by a copula after it is the figure's own (the flow word before it is the previous figure's); so in
        "only $22mn of that was Kyrgyz exports", a part of the total just given."""
        m = re.match(r"(?:\s+of\s+(?:that|this|it|the\s+(?:total|sum|figure|amount)))?\s+(?:were|was|are|is)\s+"
                     r"(?:(?:its|their|the\s+country['’]s|[A-Z][a-z]+)\s+)?(?=(?:exports?|imports?)\b)", self.t[mo.end:])
        return next((f for f in self.flows if f.start() == mo.end + m.end()), None) if m else None

    def _by_to_change(self, mo: Money, prev_end: int, qstart: int) -> int:
        """"China cut its shipments to the country by $401m to $3.74bn": a figure after "by" and before "to" and
        another figure is the change that took the level there, its sign the clause's change verb's (0: not so)."""
        if not re.search(r"\bby\s*$", self.t[max(prev_end, qstart - 6):qstart]) or not any(
                m.start > mo.end and re.fullmatch(r"\s+to\s+(?:\w+\s+){0,2}", self.t[mo.end:m.start]) for m in self.money):
            return 0
        verbs = list(re.finditer(r"\b(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b",
                                 self.t[max(prev_end, self.clause_of(mo.start)[0]):qstart], re.I))
        return 0 if not verbs else -1 if verbs[-1].group("down") else 1

    def _changes_to_levels(self, out: list[Claim]) -> None:
        """"rose by just $120m to $1.744bn in FY18": the change is the level's change, over the level's period (its
        base a year before), however the period of the change alone was read."""
        for c, d in zip(out, out[1:], strict=False):
            if c.change_usd is None or c.value_usd is not None or d.kind != "level" or \
                    (c.reporter, c.partner, c.flow) != (d.reporter, d.partner, d.flow) or not d.period or \
                    not re.fullmatch(r"\s*to\s+(?:\w+\s+){0,2}", self.t[c.end - self.s.start:d.start - self.s.start]):
                continue
            if c.period != d.period or c.slots.get("period", 1.0) < d.slots.get("period", 1.0):
                c.period, c.growth_base = d.period, self._base_for(d.period, d.end - self.s.start)
                c.slots["period"] = d.slots.get("period", 1.0)
                c.how["period"] = "change-to-level"
                c.missing = [k for k, v in c.slots.items() if v < RESOLVED]

    def _base_scope(self, mo: Money) -> int:
        """Where what is said of a base figure ends: its bracket's close, else the next figure or clause end."""
        if re.search(r"\(\s*$", self.t[:mo.start]):
            close = self.t.find(")", mo.end)
            return close if close >= 0 else len(self.t)
        nxt = min([m.start for m in self.money if m.start > mo.start] + [self.clause_of(mo.end - 1)[1]])
        return nxt

    def _base_claim(self, mo: Money, main: Claim) -> Claim:
        """A level for a bracketed base figure, in the frame of the figure it is the base of."""
        qual, _ = lx.qualifier_before(self.t, mo.start)
        lo, hi = value_interval(mo.value, mo.precision, qual, nonnegative=main.flow != "B")
        slots = dict(main.slots)
        slots["flow"] = min(slots.get("flow", 1.0), 0.8)
        how = {**main.how, "flow": "comparison-base", "kind": "figure", "value": "figure"}
        slots["kind"] = slots["value"] = 1.0
        return Claim(
            id="", quote=self.t, start=self.s.start + mo.start, end=self.s.start + mo.end, reporter=main.reporter,
            partner=main.partner, flow=main.flow, period=None, value_usd=mo.value, value_low=lo, value_high=hi,
            qualifier=qual, source=main.source, text=mo.text, precision_usd=mo.precision, paragraph=self.p.index,
            slots=slots, missing=[k for k, v in slots.items() if v < RESOLVED], how=how,
        )

    @staticmethod
    def _stated_rate(out: list[Claim], main: Claim, base: Claim) -> tuple[float, float] | None:
        """The growth rate stated for the main figure (on it, or a rate-only claim of its frame between the two)."""
        if main.growth_low is not None and main.growth_high is not None:
            return (main.growth_low, main.growth_high)
        for g in out:
            if g.kind == "growth" and g.value_usd is None and main.end <= g.start <= base.start and \
                    (g.reporter, g.partner, g.flow) == (main.reporter, main.partner, main.flow) and \
                    g.growth_low is not None and g.growth_high is not None:
                return (g.growth_low, g.growth_high)
        return None

    def _derived_base(self, c: Claim, period: str) -> None:
        """The "from" level of "fell to $A from $B": the same span a year before ``period``, read with the
        confidence of a derived period (shown and corroborated, never flagged)."""
        c.how["period"] = "from-level"
        try:
            c.period = str(Period.parse(period).same_span_previous_year())
        except Exception:  # noqa: BLE001 - a span with no previous year leaves the level unresolved
            c.cap_slot("period", 0.0)
        else:
            c.cap_slot("period", 0.55)

    def _inherited_difference(self, mo: Money, qual: str) -> Claim:
        pc = self.prev_claim
        assert pc is not None
        lo, hi = value_interval(mo.value, mo.precision, qual)
        return Claim(
            id="", quote=self.t, start=self.s.start + mo.start, end=self.s.start + mo.end, reporter=pc.reporter,
            partner=pc.partner, flow=pc.flow, period=pc.period, qualifier=qual, source=pc.source, kind="difference",
            text=mo.text, precision_usd=mo.precision, paragraph=self.p.index, difference_usd=mo.value,
            difference_low=lo, difference_high=hi, slots=dict(pc.slots), missing=list(pc.missing),
            how={**pc.how, "flow": "previous-figure"},
        )

    def _is_target(self, mo: Money, prev_end: int) -> bool:
        ca, _ = self.clause_of(mo.start)
        # words of an agency's name are not the sentence's ("the Ministry of Economy and Budget Planning said trade
        # ... came to $22.5 billion" states no plan): each source named is blanked out
        t = self.t
        for src in self.sources:
            t = t[:src.start] + " " * (src.end - src.start) + t[src.end:]
        before = t[max(ca, prev_end):mo.start]
        if _TARGET_BEFORE.search(before):
            return True
        if prev_end > ca and re.search(r"\band\s+(?:then\s+|also\s+)?to\s+[a-z]+\b", before) \
                and re.search(_TARGET_BEFORE.pattern + r"\s+to\s+[a-z]+\b", self.t[ca:prev_end], re.I):
            return True  # "Vietnam expects to ship $20 billion ... and to spend $48 billion": the infinitives share it
        if re.match(r"^\s+(?:goal|target|objective|benchmark)\b", self.t[mo.end:], re.I):
            return True  # "the $200 billion goal their leaders had set"
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
        if kw is not None and (self._product_modifier(kw) or self._product_object(kw, mo) or self._product_of(kw)
                               or self._product_head(kw, mo.start)):
            return True
        if self._product_after(mo) or (kw is not None and self._product_ranked(kw)):
            return True
        window_start = max(prev_end, kw.end() if kw else prev_end)
        between = self.t[window_start:mo.start]
        return bool(_NONTRADE_RE.search(between))

    def _product_head(self, kw: re.Match[str], fig_start: int) -> bool:
        """"Manufactured goods were again the main export item: ... they brought in $2.13bn", "On the import side heavy
        industry led with $6.43bn": a flow word that modifies an item noun speaks of goods, not of a partner; the
        figure after it, no country named between, is a product's (its subject a product or a sector), never a
        country's total with the partner in context."""
        if kw.end() > fig_start or not _ITEM_HEAD.match(self.t[kw.end():fig_start]):  # type: ignore[attr-defined]
            return False
        return not any(kw.end() <= r.start and r.end <= fig_start for r in self.refs)  # type: ignore[attr-defined]

    def _rate_object(self, kw: re.Match[str], pc_start: int, pc_end: int) -> bool:
        """"Kazakhstan bought 45% more plastics and rubber from China, 23.4% more textiles": a rate of a flow verb
        followed by what was traded ("more" and a noun beyond goods, products and the like) is a product's growth."""
        if not _VERB_FLOW.match(kw.group(0)) or kw.end() > pc_start:
            return False
        m = re.match(r"\s*(?:more|less|fewer)\s+([A-Za-z][\w'’-]*)", self.t[pc_end:pc_end + 40])  # type: ignore[attr-defined]
        if m is None or any(r.start == pc_end + m.start(1) for r in self.refs):  # type: ignore[attr-defined]
            return False
        return not (_GENERIC_OBJECT.fullmatch(m.group(1)) or _FLOW_WORDS.fullmatch(m.group(1)))

    def _product_object(self, kw: re.Match[str], mo: Money) -> bool:
        """"China bought farm products worth 4.36 billion yuan", "Turkmenistan sold gas worth $8 billion": a flow verb
        whose object names what was traded (any word beyond goods, products, services and the like) is a product's
        figure, not total trade."""
        if not _VERB_FLOW.match(kw.group(0)) or kw.end() > mo.start:
            return False
        prep = re.match(r"\s+(?:to|from|into)\s+(?:the\s+)?", self.t[kw.end():])
        if prep and re.search(r"\b(?:goods|products|merchandise|commodities|wares)\s+$",
                              self.t[max(0, kw.start() - 20):kw.start()], re.I) \
                and any(r.start == kw.end() + prep.end() for r in self.refs):  # type: ignore[attr-defined]
            return False  # "Chinese goods shipped to Uzbekistan made up $4.32bn": a participle; its object came first
        gap = self.t[kw.end():mo.start]
        for r in self.refs:
            if kw.end() <= r.start and r.end <= mo.start:
                gap = gap.replace(r.text, " ")
        words = re.findall(r"[A-Za-z][\w'’-]*", gap)
        return any(not _GENERIC_OBJECT.fullmatch(w) for w in words)

    def _product_after(self, mo: Money) -> bool:
        """"China bought 44.62 billion yuan of Vietnamese farm products", "4.36 billion yuan worth of
        agricultural products", "$3 billion of oil", "sold 34.31 billion yuan
        of its own": a figure whose "of" phrase names what was traded (any word beyond goods, products, the parties,
        the flow nouns and words of scope) is a product's figure, not total trade."""
        m = re.match(r"\s+(?:worth\s+)?of\s+((?:[\w'’-]+\s*){1,6})", self.t[mo.end:mo.end + 80])
        if m is None:
            return False
        a = mo.end + m.start(1)
        words = []
        for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(1)):
            if any(r.start <= a + w.start() < r.end for r in self.refs):
                continue
            if any(pm.start <= a + w.start() < pm.end for pm in self.periods):
                break  # "the $167.9 million of September 2022": a period, not what was traded
            if re.fullmatch(r"(?:worth|totall?ing|amounting|reached|rose|grew|fell|were|was|came|increased|decreased|"
                            r"in|from|to|with|by|during|over|at|on|which|whom|than|against|compared|and|or|while|"
                            r"last|this|next|a|an|the|its|their)", w.group(0), re.I) and words:
                break
            words.append(w.group(0))
        return any(not (_GENERIC_OBJECT.fullmatch(w) or _SCOPE_WORD.fullmatch(w) or _FLOW_WORDS.fullmatch(w))
                   for w in words)

    def _product_ranked(self, kw: re.Match[str]) -> bool:
        """"Electronics and machinery topped the import list at $1.33 billion", "minerals led exports": what tops a
        flow is, unless it is a country (a partner ranking: "China topped the import list"), a product."""
        ca, _ = self.clause_of(kw.start())  # type: ignore[attr-defined]
        m = re.search(r"\b(?:led|leads|topped|tops|headed|heads|dominated|dominates)\s+(?:the\s+)?(?:country['’]s\s+)?$",
                      self.t[max(ca, kw.start() - 40):kw.start()])  # type: ignore[attr-defined]
        if m is None:
            return False
        subj = self.t[ca:max(ca, kw.start() - 40) + m.start()]  # type: ignore[attr-defined]
        if not re.search(r"[A-Za-z]", subj):
            return False
        a = ca
        return not any(a <= r.start and r.end <= a + len(subj) for r in self.refs)  # type: ignore[attr-defined]

    def _product_of(self, kw: re.Match[str]) -> bool:
        """"Exports of machinery and electrical products grew 68.3 percent", "imports of Kazakh flaxseed": a flow noun
        followed by what was traded (beyond goods, products and the like, and countries) is a product's figure."""
        if not _FLOW_NOUN.fullmatch(kw.group(0)):
            return False
        m = re.match(r"\s+of\s+((?:[\w'’-]+\s*){1,6})", self.t[kw.end():kw.end() + 80])
        if m is None:
            return False
        a = kw.end() + m.start(1)
        words = []
        for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(1)):
            if any(r.start <= a + w.start() < r.end for r in self.refs):
                continue
            if re.fullmatch(r"(?:worth|totall?ing|amounting|reached|rose|grew|fell|were|was|came|increased|decreased|"
                            r"in|from|to|with|by|during|over|at|on)", w.group(0), re.I) or _PREDICATE_VERB.fullmatch(w.group(0)):
                break
            words.append(w.group(0))
        return any(not _GENERIC_OBJECT.fullmatch(w) for w in words)

    def _product_modifier(self, kw: re.Match[str]) -> bool:
        """"Honey exports reached $776,000", "oil imports": a flow noun whose modifier is neither a party (a
        country, a demonym, a possessive), nor a word of scope (total, bilateral, its, goods ...) names what was
        traded, a product, not the total trade the rules check."""
        if not _FLOW_NOUN.fullmatch(kw.group(0)):
            return False
        m = re.search(r"([A-Za-z][\w'’-]*)\s+$", self.t[max(0, kw.start() - 40):kw.start()])
        if m is None:
            return False
        start = kw.start() - (len(self.t[max(0, kw.start() - 40):kw.start()]) - m.start(1))
        if any(r.start <= start < r.end for r in self.refs):
            return False
        word = m.group(1)
        # the modifier opens its noun phrase: at the sentence's (or a quotation's) start, or after a determiner, a
        # preposition, a conjunction, a party or a word of scope ("Kazakhstan's agricultural exports", "mutual farm
        # trade"); after any other word it is a verb ("the agency put exports at ...")
        lead = self.t[max(0, start - 30):start]
        pm = re.search(r"([A-Za-z][\w'’-]*)[\s,]+$", lead)
        if pm is not None and not (_OPENS_PHRASE.fullmatch(pm.group(1)) or _SCOPE_WORD.fullmatch(pm.group(1)) or any(
                r.start <= start - len(lead) + pm.start(1) < r.end for r in self.refs)):
            return False
        # a verb before its object ("outpaced exports"), a possessive ("Uzbekistan's exports"), an acronym
        # ("EU exports") is no product
        return not (_SCOPE_WORD.fullmatch(word) or word.endswith(("'s", "’s", "s'", "ed")) or word.isupper())

    def _make_claim(
        self, mo: Money, fl: _Flow, src: _Source | None, qual: str, kind: str, sign: int, prev_end: int,
        next_start: int,
    ) -> Claim:
        self._note("partner", 1.0, fl.how)
        reporter, partner, flow, flip = self._orient(fl, src)
        if self._how.get("reporter") in (GUESSED, HELD) and fl.flow in ("X", "M") and fl.subject == reporter:
            # "Kazakh exports to China jumped to $13.2 billion" with no statistics named: the exporter (importer)
            # named in the flow phrase is whose figure it is, as the flow's direction says (a turnover "between
            # Russia and China" names its two sides in no order of whose figure it is: left to the store)
            self._why["reporter"] = max(self._why.get("reporter", 0.0), RESOLVED)
        value = mo.value
        if mo.high is not None:
            lo, hi = value - mo.precision / 2, mo.high + mo.precision / 2
            value = (mo.value + mo.high) / 2
        else:
            # a level cannot be negative; a balance can (its sign is set below)
            lo, hi = value_interval(value, mo.precision, qual, nonnegative=flow != "B")
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
                self._note("value", 0.0, "no-fx-rate")
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
        if self._why.get("partner", 1.0) < 1.0 and beyond_bilateral(c, self.art.last_levels):
            # "Uzbekistan's imports reached $38.2 billion" after its $13.7 billion of trade with China: the world's
            c.partner = "WLD"
            self._note("partner", WEAK, "beyond-bilateral")
        return self._finish(c, src)

    def _orient(self, fl: _Flow, src: _Source | None) -> tuple[str | None, str | None, str | None, int]:
        """As :meth:`_orient_flow`; a reporter guessed with no statistics named that the flow phrase itself holds the
        flow of ("India's trade with China") is marked ``flow-holder`` (:mod:`mirrortrade.claims.whose`)."""
        out = self._orient_flow(fl, src)
        if self._how.get("reporter") == GUESSED and fl.holder is not None and out[0] == fl.holder:
            self._how["reporter"] = HELD
        return out

    def _orient_flow(self, fl: _Flow, src: _Source | None) -> tuple[str | None, str | None, str | None, int]:
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
            if part is None and rep and subj and rep != subj and subj not in ("WLD", "CA5") \
                    and self._why.get("flow", 1.0) >= 1.0:
                # "Russia supplied $878.9 million" in Kyrgyz statistics: the reporter's imports from Russia (the
                # figure's own flow word; one a list goes on with names its own member, "and Kazakhstan $352.1 million")
                part = rep
                self._note("partner", 0.8, "reporter-partner")
            if part is None:
                part = self._fill_party({subj} if subj else set(), rep)
                if part is None:
                    part = "WLD"
                    self._note("partner", 0.3, "world-default")  # no partner named anywhere: not the world
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
        parties = self._pair_parties(parties, rep)  # type: ignore[attr-defined]
        while len(parties) < 2:
            c = self._fill_party(set(parties), rep)
            if c is None:
                break
            parties.append(c)
        if len(parties) == 1 and not re.search(r"\b(?:bilateral|mutual|two countries|two nations|both countries)\b",
                                               self.t, re.I):
            parties.append("WLD")  # "Kyrgyzstan recorded a trade deficit of $8.2 billion": with the world
            self._note("partner", 0.5, "world-default")
        if rep and rep in parties:
            other = next((c for c in parties if c != rep), None)
            return rep, other, fl.flow, 1
        if not parties:
            return rep, None, fl.flow, 1
        first = next((c for c in parties if c not in ("CA5", "WLD")), parties[0])
        other = next((c for c in parties if c != first), None)
        return first, other, fl.flow, 1

    def _base_for(self, period: str | None, pos: int) -> str | None:
        if period and len(period) == 7 and re.search(r"\bmonth[\s-](?:on|over)[\s-]month\b|\bm/m\b|\bover\s+the\s+"
                                                      r"month\b|\bfrom\s+the\s+previous\s+month\b", self.t, re.I):
            # "On a month-on-month basis they rose 12.6 percent": against the month before, not a year before
            p = Period.parse(period).start
            return f"{p.year - (p.month == 1)}-{(p.month - 2) % 12 + 1:02d}"
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
