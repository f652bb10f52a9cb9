"""Percent figures of a sentence: growth rates (attached to a level or on their own) and shares.

A growth over a span of several years ("over the past ten years Belarus has tripled its trade", "doubled over the
period" after a decade named) is not one year's growth: no claim, as an average annual rate is none."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, Claim
from mirrortrade.claims.numbers import (
    Money,
    Percent,
    find_fractions,
    find_multiples,
    find_percents,
    multiple_rate,
)
from mirrortrade.claims.ordinals import ordinal_target
from mirrortrade.claims.rate_bases import (
    earlier_rate,
    earlier_rate_claim,
    rate_base,
    rate_level_after_to,
    signed_bracket_rate,
    stated_base,
)
from mirrortrade.claims.sources import _sid
from mirrortrade.claims.vocab import (
    _ASIDE,
    _ATTRIBUTION,
    _CHANGE_AFTER,
    _CHANGE_BEFORE,
    _FLOW_RE,
    _GAPPED_RATE,
    _NONTRADE_RE,
    _QUANTITY_AFTER,
    _QUANTITY_BEFORE,
    _RATE_IN,
    _RELATIVE_WHOLE,
    _SHARE_BEFORE,
    _SHARE_FLOW_NOUN,
    _SHARE_OF,
    _TARGET_BEFORE,
    _TRADE_WORDS,
)
from mirrortrade.claims.year_spans import dating_span
from mirrortrade.model import value_interval

_MULTI_YEAR_RATE_BEFORE = re.compile(
    r"\b(?:(?:average|avg\.?)\s+(?:annual|yearly|year-on-year)|(?:annual|yearly)\s+average|compound(?:ed)?\s+annual|"
    r"CAGR|on\s+average|averag(?:ed|ing))\b[^.;:]{0,40}$", re.I)
_MULTI_YEAR_RATE_AFTER = re.compile(
    r"^\s*(?:a|per)\s+(?:year|annum)\s+on\s+average\b|^\s*on\s+average\b|^\s*(?:a|per)\s+(?:year|annum)\b"
    r"(?!\s+(?:earlier|ago|before|previously))", re.I)  # (not "after 18.6% a year earlier": that year's rate)
_SPAN_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|few)"
#: a span of several years named: "the past ten years", "a decade", "the last five-year period", "20 years"
_YEARS_NAMED = (r"(?:(?:the|a)\s+)?(?:(?:past|last|previous|recent|preceding)\s+)?(?:" + _SPAN_COUNT +
                r"[\s-]+years?(?:[\s-]+period)?|decades?|" + _SPAN_COUNT + r"[\s-]year\s+period)\b")
#: a growth's own span of several years: "over the past ten years", "in a decade", "during the last five-year period"
_MULTI_YEAR_SPAN = re.compile(r"\b(?:over|in|during|within|for|across)\s+" + _YEARS_NAMED, re.I)
#: such a span named anywhere before ("three achievements of the past decade")
_YEARS_MENTION = re.compile(r"\b" + _YEARS_NAMED, re.I)
#: "has tripled over the period": the span named before
_PERIOD_ANAPHOR = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:over|in|during|for|within)\s+(?:the|this|that)\s+period\b", re.I)
_PERIOD_ANAPHOR_ANY = re.compile(r"\b(?:over|in|during|for|within)\s+(?:the|this|that)\s+period\b", re.I)
#: "the fastest in ten years": what a superlative ranks against, not the growth's span
_SUPERLATIVE = re.compile(r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|sharpest|"
                          r"fastest|slowest|most|least)\b", re.I)
#: "the largest share of its foreign trade (20.1%)", "share in Uzbekistan's trade in the period (21.1%)", "makes 30%"
_SHARE_BRACKET = re.compile(
    r"\bshares?\s+(?:of|in)\s+(?P<phrase>[^().;%]{1,120}?)(?:\s*[(,]\s*|\s+(?:stands?|stood|was|is|were|reached|amounted\s+"
    r"to|came\s+to|makes|made)\s+(?:at\s+)?|\s+(?:were|was|are|is)\s+(?:held|taken)\s+by\s+(?:the\s+)?[A-Z][^().;%,]{1,40}\(\s*)$",
    re.I)


class PercentsMixin:
    """Methods of the sentence reader for growth rates and shares."""

    def _percent_claims(self, out: list[Claim], level_claims: list[tuple[Money, Claim | None]]) -> None:
        self._level_money = level_claims
        pcts: list[Percent] = [p for p in find_percents(self.t) if not p.points]
        occupied = [(p.start, p.end) for p in pcts]
        for fr in find_fractions(self.t):
            if any(a <= fr.start < b for a, b in occupied):
                continue
            if any(pm.start <= fr.start < pm.end for pm in self.periods):
                continue  # "the first half of 2025"
            after = self.t[fr.end:fr.end + 4]
            before = self.t[max(0, fr.start - 30):fr.start]
            # "grew by a third", "by almost a third", "by about a quarter": a fraction after "by" is a rate
            if after.startswith(" of") or re.search(r"\bby\s+(?:(?:almost|nearly|about|around|roughly|some|over|"
                                                    r"more\s+than|less\s+than|just\s+over|just\s+under|close\s+to)"
                                                    r"\s+)?$", before, re.I):
                pcts.append(fr)
        for mu in find_multiples(self.t):
            pcts.append(Percent(mu.start, mu.end, mu.text, (mu.ratio - 1) * 100, 0.0, word=True))
        mults = {mu.start: mu for mu in find_multiples(self.t)}
        pcts.sort(key=lambda p: p.start)
        starts = sorted([mo.start for mo, _ in level_claims] + [p.start for p in pcts])
        prev_pc_end = 0
        rates = self._respective_rates(pcts)  # type: ignore[attr-defined]
        shares = {} if rates else self._respective_shares(pcts)  # type: ignore[attr-defined]
        for pc in pcts:
            if pc.start in rates:
                # "$28.6 billion and $4.5 billion respectively, up 11.3 percent and 58.3 percent": k-th rate, k-th level
                c, sign = rates[pc.start]
                qual, _ = lx.qualifier_before(self.t, pc.start)
                g_lo, g_hi = value_interval(pc.value, pc.precision, qual)
                c.growth_pct = sign * pc.value
                c.growth_low, c.growth_high = (g_lo, g_hi) if sign > 0 else (-g_hi, -g_lo)
                c.growth_base = self._rate_base(c.period, pc.end)
                continue
            if pc.start in shares:
                frame, own = shares[pc.start]
                self._list_share(out, pc, lx.qualifier_before(self.t, pc.start)[0], frame, own, len(self.t))
                continue
            next_any = next((x for x in starts if x > pc.start), len(self.t))
            if any(pc.start >= mo.start and pc.end <= mo.end for mo, _ in level_claims):
                continue
            qual, qstart = lx.qualifier_before(self.t, pc.start)
            change = self._apposed_change(pc, qstart, level_claims) if pc.start not in mults else None
            if change is not None:
                out.append(self._change_rate(change, pc, qual))
                continue
            if pc.start not in mults and not pc.word and self._bracketed_share(out, pc, qual, qstart, level_claims):
                continue
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
            flow_noun = som is not None and (_SHARE_FLOW_NOUN.search(som.group("phrase")) is not None
                                             or _RELATIVE_WHOLE.match(som.group("phrase")) is not None)
            if som and (_TRADE_WORDS.search(som.group("phrase")) or flow_noun or _SHARE_BEFORE.search(before)):
                if (_TRADE_WORDS.search(self.t) or flow_noun) and pc.start not in mults:
                    self._share_claim(out, pc, qual, som.group("phrase"), next_any, pc.end + som.start("phrase"))
                continue
            sb = _SHARE_BRACKET.search(self.t[max(0, qstart - 160):qstart])
            if sb and _TRADE_WORDS.search(sb.group("phrase")) and pc.start not in mults:
                # "China held the largest share of its foreign trade (20.1%)"
                self._share_claim(out, pc, qual, sb.group("phrase"), next_any, max(0, qstart - 160) + sb.start("phrase"))
                continue
            frame = self._share_frame(out) if pc.start not in mults else None  # type: ignore[attr-defined]
            if frame is not None and not som and not _CHANGE_BEFORE.search(self.t[max(lo_bound, pc.start - 14):qstart]):
                own = self._share_partner(pc.start, max(lo_bound, prev_pc_end))  # type: ignore[attr-defined]
                if own is not None and own != frame.reporter:
                    # a list of shares: "followed by Russia (16.2%), Kazakhstan (6.0%) ...", "Kazakhstan's 8,3%"
                    self._list_share(out, pc, qual, frame, own, next_any)
                    prev_pc_end = pc.end
                    continue
            # growth? an average rate over several years ("an average annual growth rate of 6 percent", "grew 6
            # percent a year on average") is not one year's growth: no claim of the schema
            if _MULTI_YEAR_RATE_BEFORE.search(self.t[max(0, qstart - 60):qstart]) or _MULTI_YEAR_RATE_AFTER.match(
                    self.t[pc.end:pc.end + 40]):
                continue
            if self._multi_year_growth(pc, qstart):
                continue
            if pc.start in mults and re.match(r"\s+as\s+(?:much|many|large|big|high)\b", after):
                continue  # "imported seven times as much": a ratio to another flow, not a growth over time
            if _TARGET_BEFORE.search(self.t[max(lo_bound, self.clause_of(pc.start)[0]):qstart]):  # type: ignore[attr-defined]
                continue  # "the goal of doubling trade", "trade is expected to grow 10 percent": a target, no claim
            if pc.start in mults:
                gval, g_lo, g_hi = multiple_rate(mults[pc.start], self.t)
                qual = mults[pc.start].qualifier
            else:
                if re.search(r"\bfrom\s+$", self.t[max(0, qstart - 10):qstart]):
                    continue  # "down from 21%": the earlier level, not a rate of change
                if rate_level_after_to(self.t, self.clause_of(pc.start)[0], qstart):  # type: ignore[attr-defined]
                    continue  # "its share slipped to 46% from almost 50%": the rate's new level, not a rate of change
                cb = _CHANGE_BEFORE.search(before)
                ca = _CHANGE_AFTER.match(after)
                signed = signed_bracket_rate(self.t, pc.start, pc.text)
                if not cb and not ca and not signed:
                    if earlier_rate(self.t, qstart, pcts, pc.end):  # "edged up 1%, after 18.6% a year earlier": that year's
                        earlier_rate_claim(self, out, pc, qual, lo_bound, next_any)
                    else:
                        self._gapped_rate(out, pc, qual, qstart)
                    continue
                down = (ca and ca.group("down")) or (not ca and cb and cb.group("down")) or pc.value < 0
                gval = -abs(pc.value) if down else pc.value
                g_lo, g_hi = value_interval(abs(pc.value), pc.precision, qual)
                if down:
                    g_lo, g_hi = -g_hi, -g_lo
            if _QUANTITY_BEFORE.search(self.t[max(lo_bound, qstart - 90):qstart]):
                continue  # "18.3 million tonnes of gas in 2016, 11.2 percent more": the quantity's rate, not a value's
            if _QUANTITY_AFTER.match(self.t, pc.end):
                continue  # "exports by rail grew 21 percent to 4.5 million tonnes": the quantity's rate, not a value's
            if prev_money and prev_money[-1][1] is None and not _FLOW_RE.search(self.t[prev_money[-1][0].end:pc.start]) \
                    and len(self.t[prev_money[-1][0].end:pc.start]) < 40:
                continue  # "farm products worth 4.36 billion yuan ..., 26.9 percent more": the dropped figure's rate
            cued, target = ordinal_target(self.t, pc.start, [c for _, c in prev_money])
            if cued and target is None:
                continue  # "the second up 24 percent" of no list it surely names: unread, never another member's
            target = target or self._growth_target(pc, prev_money, next_money)
            if target is not None:
                target.growth_pct, target.growth_low, target.growth_high = gval, g_lo, g_hi
                target.growth_base = stated_base(target, level_claims) or self._rate_base(target.period, pc.end)
                continue
            self._growth_claim(out, pc, qual, gval, g_lo, g_hi, lo_bound, next_money, next_any)

    def _rate_base(self, period: str | None, pos: int) -> str | None:
        """A rate's base (:func:`~mirrortrade.claims.rate_bases.rate_base`)."""
        return rate_base(self, period, pos)

    def _apposed_change(
        self, pc: Percent, qstart: int, level_claims: list[tuple[Money, Claim | None]]
    ) -> Claim | None:
        """"up $154 million, or 26.2%, on the year", "$123 million, or 19.8%, more than in the same period": a rate put
        in apposition ("or") right after a change in dollars is the same change as a rate: the change read, else none."""
        prev = [(mo, c) for mo, c in level_claims if mo.end <= qstart]
        if not prev:
            return None
        mo, c = prev[-1]
        if c is None or c.change_usd is None or c.value_usd is not None or c.growth_pct is not None:
            return None
        if not re.fullmatch(r"\s*,?\s*or\s+", self.t[mo.end:qstart]):
            return None
        if re.match(r"\s+(?:of|share)\b", self.t[pc.end:]):
            return None  # "$2 billion, or 5% of all trade": a share of a whole, not the change's rate
        return c

    def _change_rate(self, change: Claim, pc: Percent, qual: str) -> Claim:
        """The growth rate of a change read in dollars: its frame (parties, flow, period, base), its sign."""
        lo, hi = value_interval(pc.value, pc.precision, qual)
        assert change.change_usd is not None
        down = change.change_usd < 0
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end,  # type: ignore[attr-defined]
            reporter=change.reporter, partner=change.partner, flow=change.flow, period=change.period, qualifier=qual,
            source=change.source, kind="growth", text=pc.text, paragraph=change.paragraph,
            growth_pct=-pc.value if down else pc.value, growth_low=-hi if down else lo, growth_high=-lo if down else hi,
            growth_base=change.growth_base, slots=dict(change.slots), missing=list(change.missing),
            how={**change.how, "kind": "change-rate", "value": "figure"},
        )
        return c

    def _multi_year_growth(self, pc: Percent, qstart: int) -> bool:
        """"Over the past ten years Belarus has tripled its trade with China", "exports doubled in a decade", "Trade
        has tripled over the period" (the period a decade named before it, no year printed since): a growth over a span of
        several years is not one year's growth and no claim of the schema (as "since 2013 ... up 116 percent"). The
        span is the growth's own when its clause names it after the rate, or the sentence names it before the rate
        with no period of its own in between."""
        clause_end = self.clause_of(pc.start)[1]  # type: ignore[attr-defined]
        if dating_span(self.periods, self.t, self.clause_of(pc.start), qstart, pc.end) is not None:  # type: ignore[attr-defined]
            return True  # "From 2021 to 2024 ... an increase of 86%", "For 2014-2018 turnover increased 1.6 times"
        after = self.t[pc.end:clause_end]
        m = _MULTI_YEAR_SPAN.search(after)
        if m and m.start() < 40 and not _SUPERLATIVE.search(after[:m.start()]):
            return True  # "doubled over the past decade"
        head = self.t[:qstart]
        spans = list(_MULTI_YEAR_SPAN.finditer(head))
        if spans and not _SUPERLATIVE.search(head[max(0, spans[-1].start() - 30):spans[-1].start()]) and not any(
                spans[-1].end() <= pm.start < qstart for pm in self.periods if pm.period):
            return True  # "Over the past ten years Belarus has tripled its trade ... and doubled its exports"
        anaphors = list(_PERIOD_ANAPHOR_ANY.finditer(head))
        if anaphors and any(anaphors[-1].end() <= pm.start < qstart for pm in self.periods if pm.period):
            anaphors = []
        if _PERIOD_ANAPHOR.match(after) or anaphors:
            # "has tripled over the period", "over the period ... and exports have doubled": the period is the span
            # of years the text names last (no year printed since)
            upto = anaphors[0].start() if anaphors else len(head)
            before = self.art.text[:self.s.start] + head[:upto]
            named = list(_YEARS_MENTION.finditer(before))
            return bool(named) and not re.search(r"(?:19|20)\d\d", before[named[-1].end():])
        return False

    def _gapped_rate(self, out: list[Claim], pc: Percent, qual: str, qstart: int) -> None:
        """"Trade with Kazakhstan fell by 20 percent, with Uzbekistan by 10.3 percent and with Kyrgyzstan by 21.7
        percent", "Kenya's trade grew 8% to $2 billion, and Ghana's by 5% to $1 billion", "exports to Chile rose 6%,
        and imports from Chile by 2%": a rate whose verb is left out after a rate of the sentence (on its own or a
        level's) is that rate's kind and sign, for the party (or the flow) its clause names; a level right after it
        in that clause ("by 5% to $1 billion") is the same clause's figure and carries it."""
        last = next((c for c in reversed(out) if c.kind in ("growth", "level") and c.growth_pct is not None
                     and c.start - self.s.start < pc.start), None)  # type: ignore[attr-defined]
        if last is None or last.flow not in ("T", "X", "M") or {"partner", "flow"} & set(last.missing):
            return
        g0 = last.end - self.s.start  # type: ignore[attr-defined]
        gm = _GAPPED_RATE.match(self.t[g0:qstart])  # type: ignore[attr-defined]
        if gm is None:
            return
        grp = next(g for g in ("party", "poss", "fparty") if gm.group(g))
        a = g0 + gm.start(grp)
        # the party's name may take its article ("imports from the US": the name found is "the US")
        party = next((r.code for r in self.refs if r.start < a + len(gm.group(grp)) and a < r.end  # type: ignore[attr-defined]
                      and r.code not in ("TOPIC", "SUBJ", "WLD", "GRP")), None)
        flow = last.flow
        if gm.group("flow"):
            flow = "X" if gm.group("flow").lower().startswith("export") else "M"
            if (gm.group("dir") == "to") != (flow == "X"):
                return
        if party is None or party == last.reporter or (party == last.partner and flow == last.flow):
            return
        if grp == "poss" and not any(r.possessive and r.code == last.partner and r.start < last.start - self.s.start
                                     for r in self.refs):  # type: ignore[attr-defined]
            return  # "China's exports rose 8%, and India's by 5%": the possessor replaced must be the partner
        lo, hi = value_interval(pc.value, pc.precision, qual)
        gval, lo, hi = (-pc.value, -hi, -lo) if last.growth_pct < 0 else (pc.value, lo, hi)
        slots = {**last.slots, "partner": min(0.9, last.slots.get("partner", 1.0))}
        if flow != last.flow:
            slots["flow"] = min(0.9, last.slots.get("flow", 1.0))
        how = {**last.how, "partner": "gapped-list"}
        own = self._gapped_level(pc, last, party, flow)
        if own is not None:
            own.partner, own.flow, own.slots, own.how = party, flow, {**own.slots, **slots}, {**own.how, **how}
            own.growth_pct, own.growth_low, own.growth_high, own.growth_base = gval, lo, hi, last.growth_base
            return
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end,  # type: ignore[attr-defined]
            reporter=last.reporter, partner=party, flow=flow, period=last.period, qualifier=qual,
            source=last.source, kind="growth", text=pc.text, paragraph=last.paragraph, growth_pct=gval,
            growth_low=lo, growth_high=hi, growth_base=last.growth_base, slots=slots, how=how,
            missing=list(last.missing),
        )
        out.append(c)

    def _gapped_level(self, pc: Percent, last: Claim, party: str, flow: str) -> Claim | None:
        """The level of a gapped rate's own clause ("and Ghana's by 5% to $1 billion", "by 2.5%, amounting to $6
        billion"): read with the flow and parties of the figure before it (the gap left it no others), of the same
        period, with no rate of its own (or already read with the clause's own party)."""
        for mo, c in self._level_money:
            if c is None or mo.start < pc.end:
                continue
            if not re.fullmatch(r"\s*,?\s*(?:to|amounting\s+to|reaching|totall?ing)\s+(?:(?:about|around|nearly|almost|"
                                r"some|over|more\s+than|just\s+over)\s+)?", self.t[pc.end:mo.start]):
                return None
            same = (c.reporter, c.flow, c.period) == (last.reporter, last.flow, last.period) and c.partner == last.partner \
                or (c.reporter, c.partner, c.flow, c.period) == (last.reporter, party, flow, last.period)
            return c if same and c.kind == "level" and c.growth_pct is None and c is not last else None
        return None

    def _growth_target(
        self, pc: Percent, prev_money: list[tuple[Money, Claim | None]], next_money: list[tuple[Money, Claim | None]]
    ) -> Claim | None:
        if next_money:
            mo, c = next_money[0]
            between = self.t[pc.end:mo.start]
            ca, cb = self.clause_of(pc.start)
            # (not past another rate: "$84.07 billion, an increase of 20.8 percent, and in 2016 it grew by 2.2 percent to
            # $69.52 billion": the level after the second rate is that rate's)
            if c is not None and c.kind == "level" and c.how.get("period") != "when-base" and mo.start < cb \
                    and len(between) < 70 and not _RATE_IN.search(
                between) and re.search(
                r"(?:\bto|\breach(?:ed|ing)?|\bhit(?:ting)?|\bstood at|\bamount(?:ed|ing)? to|\btotal(?:l?ed|l?ing)?|"
                r"\bat)\s+(?:\S+\s+){0,3}$", between
            ) and not _FLOW_RE.search(between) and not any(pc.end <= r.start and r.end <= mo.start for r in self.refs) \
                    and not any(pc.end <= q.start and q.end <= mo.start for q in find_percents(self.t)):
                # (not "up 20 percent, then Uzbekistan at $16.1 billion": the next member's figure; nor "$5 billion,
                # an increase of 30%, and rose a further 26% to $6.3 billion": the rate nearer the level is its own)
                return c
        base: tuple[Money, Claim] | None = None  # a comparison base passed over, between a level and the rate
        for mo, c in reversed(prev_money):
            # an aside in dashes or brackets, or an attribution in commas, does not part a rate from its level
            between = _ATTRIBUTION.sub(",", _ASIDE.sub(" ", self.t[mo.end:pc.start]))
            # "$95 billion in April-January, against $86 billion a year ago, a rise of 10.6 percent": the rate compares
            # the level with its base right before the rate; the base's own span to the rate is what must be short
            via_base = base is not None and c is not None and (c.reporter, c.partner, c.flow) == (
                base[1].reporter, base[1].partner, base[1].flow) and len(self.t[base[0].end:pc.start]) < 60
            own = re.match(r"\s+(?:worth\s+)?of\s+(?:(?:goods|merchandise)\s+)?(?:exports?|imports?)\b", between) \
                if c is not None and c.how.get("flow") == "flow-after" else None
            flow_between = _FLOW_RE.search(between[own.end():] if own else between)  # (not the figure's own flow noun)
            if c is None or c.kind != "level" or len(between) > (220 if via_base else 110) or flow_between \
                    or ";" in between:
                return None
            if re.search(r"\b(?:from|against|compared (?:with|to)|versus|vs\.?)\s+(?:(?:a|an|the|just|only|about|"
                         r"around|nearly|almost|roughly|some|over|under|more\s+than|less\s+than|US|USD)\s+){0,2}$",
                         self.t[max(0, mo.start - 25):mo.start]):
                # (not "Imports from China were $84.1 billion": that "from" names the partner)
                base = (mo, c) if base is None and c is not None else base
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
        if self._elliptic_rate(out, pc, qual, (gval, g_lo, g_hi), max(prev_end, kw.end() if kw else 0)):  # type: ignore[attr-defined]
            return  # "..., while those from China grew 25.4%": the flow before, with the pronoun's own party
        if kw is None:
            kw = self.flow_after(pc.end, next_start)
            self._note("flow", 0.8, "flow-after")
        if kw is None:
            if not self._coordinated_rate(out, pc, qual, (gval, g_lo, g_hi), prev_end):  # type: ignore[attr-defined]
                self._anaphoric_growth(out, pc, qual, gval, g_lo, g_hi, prev_end)
            return
        ca, cb = self.clause_of(pc.start)
        between = self.t[max(kw.end(), ca):pc.start] if kw.end() <= pc.start else self.t[pc.end:kw.start()]
        if _NONTRADE_RE.search(between) or self._product_of(kw) or self._product_modifier(kw) \
                or self._product_head(kw, pc.start) or self._rate_object(kw, pc.start, pc.end):  # type: ignore[attr-defined]
            return
        if any(kw.end() <= mo.start < pc.start and self._product_object(kw, mo)  # type: ignore[attr-defined]
               for mo, _ in self._level_money):  # type: ignore[attr-defined]
            return  # "bought farm products worth 4.36 billion yuan ..., 26.9 percent more": the product's growth
        fl = self.resolve_flow(kw, pc.start, pc.end, next_start)
        self._bare_flow_parties(fl, out)  # type: ignore[attr-defined]
        src = self.reporter_for(pc.start)
        self._note("partner", 1.0, fl.how)
        reporter, partner, flow, _ = self._orient(fl, src)
        period = self.period_for(pc.start, pc.end, prev_end, min(next_start, next_any))
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=reporter,
            partner=partner, flow=flow, period=period, qualifier=qual,
            source=_sid(src, reporter), kind="growth", text=pc.text,
            paragraph=self.p.index, growth_pct=gval, growth_low=g_lo, growth_high=g_hi,
        )
        c.growth_base = self._rate_base(period, pc.end)
        out.append(self._finish(c, src))

    def _anaphoric_growth(
        self, out: list[Claim], pc: Percent, qual: str, gval: float, g_lo: float, g_hi: float, prev_end: int
    ) -> None:
        """"This figure is 9.4 percent higher year on year": the growth of the figure referred to."""
        an = self._anaphor_before(pc.start, prev_end) or self._rate_anaphor(lx.qualifier_before(self.t, pc.start)[1],  # type: ignore[attr-defined]
                                                                            prev_end)
        ante = self._antecedent(out, total=self.anaphor_total) if an else None  # type: ignore[attr-defined]
        if ante is None:
            return
        self._begin()
        fl = self._flow_of(ante)  # type: ignore[attr-defined]
        src = self.reporter_for(pc.start)
        self._note("partner", 1.0, fl.how)
        reporter, partner, flow, _ = self._orient(fl, src)
        if (reporter, partner, flow) != (ante.reporter, ante.partner, ante.flow):
            return  # the statistics named here are another country's: not the same series
        ca, _ = self.clause_of(pc.start)
        period = self._anaphoric_period(ante, ca, pc.end + 40)  # type: ignore[attr-defined]
        self._note("period", 1.0, "antecedent")
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=reporter,
            partner=partner, flow=flow, period=period or None, qualifier=qual, source=_sid(src, reporter) or ante.source,
            kind="growth", text=pc.text, paragraph=self.p.index, growth_pct=gval, growth_low=g_lo, growth_high=g_hi,
        )
        c.growth_base = self._rate_base(c.period, pc.end)
        out.append(self._finish(c, src))
        if src is not None and not src.reporter and all(x is not src for x in self.sources) \
                and ante.reporter == c.reporter and c.slots.get("reporter", 0.0) < ante.slots.get("reporter", 0.0):
            # "The total was 12% higher" after a figure of China's customs, with an agency of no known country carried
            # from before: no agency is named here, so the statistics of the figure referred to govern
            c.slots["reporter"] = ante.slots["reporter"]
            c.how = {**(c.how or {}), "reporter": "antecedent"}
            c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
