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
from mirrortrade.claims.vocab import (
    _DOWN,
    _FLOW_RE,
    _NONTRADE_RE,
    _TARGET_AFTER,
    _TARGET_BEFORE,
    _TARGET_PREDICATE,
    _UP,
)
from mirrortrade.model import Period, value_interval


class LevelsMixin:
    """Methods of the sentence reader that turn dollar figures into claims."""

    def _base_levels(self, out: list[Claim]) -> None:
        """"rose from $1.2 billion to $1.5 billion in 2023": the "from" level is for the period before."""
        self._changes_to_levels(out)
        for i, c in enumerate(out):
            a = c.start - self.s.start
            if c.kind != "level" or c.how.get("period") == "year-span-from" or not re.search(
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
        last_base: tuple[int, int] | None = None  # (end of the last base, where its cue stands)
        for mo, c in level_claims:
            bracket = re.search(r"\(\s*$", self.t[:mo.start]) is not None
            lead = self.t[max(0, mo.start - 120):mo.start]
            conv = cx.CONVERTED_BEFORE.search(lead) if bracket else None
            if conv is not None:
                # "reaching 716 billion rubles ($8.7 billion)": the bracket is the amount before it, in dollars; a
                # base only when a comparison puts that amount as one
                lead, bracket = lead[:conv.start()], False
            cue = cx.COMPARISON_BEFORE.search(lead) or (cx.BRACKET_BASE.search(lead) if bracket else None)
            if cue is not None:
                cue_at = self.s.start + mo.start - len(lead) + cue.start()
            elif last_base is not None and cx.COORDINATED_BASE.fullmatch(self.t, last_base[0], mo.start) \
                    and not any(last_base[0] <= r.start < mo.start for r in self.refs) \
                    and not _FLOW_RE.search(self.t, last_base[0], mo.start):
                # "compared with $1.504 billion in August and $1.258 billion in the same month last year": a base
                # coordinated with the base before it compares the same main figure
                cue_at = last_base[1]
            else:
                continue
            main = next((m for m in reversed(out) if m is not c and m.end <= cue_at and m.kind in ("level", "growth")
                         and m.paragraph == self.p.index and m.start >= self.s.start
                         and not self._bracketed_before(m.start - self.s.start, m.end - self.s.start,
                                                        cue_at - self.s.start)), None)
            if main is None or not cx.frame_resolved(main) or main.value_usd is None and main.growth_pct is None:
                continue
            last_base = (mo.end, cue_at)
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
            elif printed and cx.SAME_SPAN_OF.search(self.t, mo.end, printed[0].start):
                # "the $877.444 million of the same months of 2022-23": the main figure's months in the year printed
                c.period, derived = cx.same_span_in(main.period, printed[0].period), True
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

    def _bracketed_before(self, start: int, end: int, cue: int) -> bool:
        """"grew by 5.3% (against 22.9% in 2022), from $9.38 billion to $9.88 billion": a figure inside a bracket closed
        before the comparison cue is an aside, not the figure the comparison's base belongs to."""
        t = self.t
        return t.rfind("(", 0, start) > t.rfind(")", 0, start) and ")" in t[end:cue]

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
        ca, cb = self.clause_of(mo.start)
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
        if _TARGET_PREDICATE.match(self.t[mo.end:cb]):
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
        if self._product_figure(mo, kw):
            return True
        window_start = max(prev_end, kw.end() if kw else prev_end)
        between = self.t[window_start:mo.start]
        return bool(_NONTRADE_RE.search(between))


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
        if mo.currency != "USD":
            # a yuan or euro amount: dollars at the rates of the claim's period, as an interval over their range
            conv = fx.to_usd(mo.currency, value, lo, hi, period)
            if conv is None:
                self._note("value", 0.0, "no-fx-rate")
                value = lo = hi = math.nan
            else:
                lo, value, hi = conv
                conv_width = hi - lo if math.isfinite(hi - lo) else 0.0
        elif mo.value_cny is not None:
            lo, hi = fx.with_yuan(lo, hi, mo.value_cny, mo.cny_precision, period, -1.0 if value < 0 else 1.0)
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
        if period and len(period) == 7 and (re.search(r"\bmonth[\s-](?:on|over)[\s-]month\b|\bm/m\b|\bover\s+the\s+"
                                                       r"month\b|\bfrom\s+the\s+previous\s+month\b", self.t, re.I)
                                             or _from_month_before(self.t[pos:], period)):
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


def _from_month_before(after: str, period: str) -> bool:
    """Whether a one-month rate is compared with the month before it by name, right after the rate (``after``): "In
    December alone, trade jumped 7.1%| from November", "fell 2.7%| on June", "15 percent| more than in April" (no year
    after the month: the year's own month). A rate of the same sentence compared "from a year earlier" keeps its year."""
    p = Period.parse(period).start
    name = lx.MONTH_NAMES[(p.month - 2) % 12]
    return bool(re.match(r"\s*(?:(?:more|less|higher|lower|up|down)\s+)?(?:from|on|over|against|versus|compared\s+"
                         r"(?:with|to)|than(?:\s+in)?)\s+(?:the\s+)?" + name
                         + r"\b(?!\s*,?\s*(?:19|20)\d\d)(?!['’]s\s+(?:19|20)\d\d)", after, re.I))
