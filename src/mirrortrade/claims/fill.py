"""Slots a figure's own clause may leave open, filled from further away: a party from the sentence, the paragraph's
topic or the article's hub, and the period (next to the figure, else in the sentence, the paragraph, the article). Each
fill records its provenance (:mod:`mirrortrade.claims.provenance`) beside its confidence."""

from __future__ import annotations

import re
from collections import Counter

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import WEAK
from mirrortrade.claims.own_periods import looks_back_after, refines
from mirrortrade.claims.periods import PeriodMention
from mirrortrade.claims.spokes import ranking_hub, region_partner
from mirrortrade.claims.year_spans import dating_span, span_years
from mirrortrade.model import Period

#: the month May after a preposition ("in May", "In May imports ..."), which the period reader leaves unread (the verb
#: "may" shares its word): the sentence names a month of its own that no carried period can be sure to be
_UNREAD_MAY = re.compile(r"\b(?:[Ii]n|[Ff]or|[Dd]uring|[Tt]hrough|[Uu]ntil|[Bb]y|[Ss]ince|[Oo]f)\s+May\b(?!\s*(?:\d|[-–]))")
#: the words between a figure and a period that open the next clause: ", and in", " and that in", ", while over"
_OPENS_CLAUSE = re.compile(r"(?:,\s*|\s)(?:and|while|whereas)\s+(?:that\s+)?(?:(?:in|over|during|for)\s+(?:the\s+)?)?$",
                           re.I)

#: a rate or change followed by the two levels it went between, up to the period of the second: ", from $159 million
#: in May 2022 to $199 million in "
_FROM_TO = re.compile(
    r"[\s,]*(?:year[\s-]on[\s-]year\s*,?\s*)?from\s+(?:[^;()]{1,60}?)\s+to\s+(?:(?:about|around|nearly|almost|roughly|"
    r"some|over|just\s+over)\s+)?(?:US\s?|U\.S\.\s?)?[$€£¥]?\s?\d[\d.,]*\s*(?:trillion|billion|million|thousand|bn|mn|"
    r"mln|bln|m)?(?:\s*(?:US\s+)?dollars?|\s*USD)?\s+(?:in|during|for|over)\s+", re.I)

#: a rate's noun between the rate and a period after it: "24% growth the previous month", "a 5% fall in October"
_RATE_NOUN_THEN_PERIOD = re.compile(
    r"\s*(?:growth|rise|increase|gain|jump|fall|drop|decline|decrease|contraction|slump|expansion)\s+"
    r"(?:(?:in|during|for)\s+)?", re.I)

#: a comparison base right before a period: "compared with $993.401 million in ", "against $1.2 billion for "
_BASE_THEN_PERIOD = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|than(?:\s+the)?|below\s+the|above\s+the)\s+(?:(?:about|around|"
    r"nearly|almost|roughly|some|just|over|under)\s+)?(?:US\s?|U\.S\.\s?)?[$€£¥]\s?\d[\d.,]*\s*(?:trillion|billion|"
    r"million|thousand|bn|mn|mln|bln|m)?\s+(?:(?:in|for|during|of)\s+)?$", re.I)


#: a comparison base that names only the year of a span: "than in the same months of ", "against the corresponding
#: period of "
_SAME_SPAN_OF = re.compile(r"\b(?:same|corresponding|like|comparable)\s+(?:period|months?|quarter|half|time)\s+"
                           r"(?:of|in)\s+$", re.I)


def _dates_base(text: str, at: int) -> bool:
    """The period mention at ``at`` dates a comparison base printed right before it (:data:`_BASE_THEN_PERIOD`)."""
    return _BASE_THEN_PERIOD.search(text, max(0, at - 90), at) is not None


#: how surely a paragraph with no period of its own goes back to the article's main span after a paragraph about one
#: part of it: below resolved — the guess is kept and shown, the claim is unresolved (period?). Nothing in the text
#: says whether the part goes on or the main span comes back; measured on the development sets the guess was never
#: the only reading right (0 of 3 cases, all unresolved for other reasons), so it resolves nothing (session 18)
MAIN_SPAN_AFTER_PART = WEAK


class FillMixin:
    """Methods of the sentence reader that fill a figure's party and period from its context."""

    def _fill_party(self, known: set[str], prefer_reporter: str | None) -> str | None:
        """A party the flow statement does not name: the sentence's other country, else the paragraph's topic
        or the article's hub, else any country of the paragraph, else the reporter (each less certain)."""
        for r in [r for i, r in enumerate(self.refs) if i not in self.in_source]:
            if r.code not in known and r.code not in ("WLD",):
                self._note("partner", 0.8, "sentence-country")
                return r.code
        if region_partner(self.t):  # "turnover with the region": no country
            self._note("partner", 0.0, "region-unnamed")
            return None
        hub = ranking_hub(known, self.topic, self.art.hub, self.para_codes)
        if hub:  # "Armenia rounded out the top three" in a paragraph ranking Russia's partners: Russia
            self._note("partner", 0.6, "ranking-hub")
            return hub
        for c in (self.topic, self.art.hub):
            if c and c not in known:
                self._note("partner", 0.6, "paragraph-topic" if c == self.topic else "article-hub")
                return c
        for c in self.para_codes:
            if c not in known:
                self._note("partner", WEAK, "paragraph-country")
                return c
        if prefer_reporter and prefer_reporter not in known:
            self._note("partner", WEAK, "reporter-country")
            return prefer_reporter
        self._note("partner", 0.0, "none")
        return None

    # ---- periods ---------------------------------------------------------------------------
    def period_for(self, fig_start: int, fig_end: int, prev_end: int, next_start: int) -> str | None:
        ca, cb = self.clause_of(fig_start)
        # a span with no calendar period ("July-June 2023-24") competes like any period: the figure it dates is
        # unresolved, never given another period
        own = [pm for pm in self.periods if not pm.base and (pm.period or pm.relative == "span")]
        after = [pm for pm in own if fig_end <= pm.start < min(next_start, cb)]
        before = [pm for pm in own if max(prev_end, ca) <= pm.start and pm.end <= fig_start]
        found: str | None = None
        span = self._year_span(fig_start, fig_end)
        if span is not None:
            return span or None
        to_period = self._to_level_period(fig_end, cb, own) if not after and not before else None
        if to_period is not None:
            # "rose by 25 percent, from $1.2 billion in March 2023 to $1.5 billion in March 2024": a change stated
            # with the levels it went between is the "to" level's period
            self._note("period", 1.0, "to-level")
            self.art.seen_periods.append(to_period)
            return to_period
        # "an increase of $5.4 billion over 2023 ($89.4 billion)": a figure in brackets right after a comparison
        # base is the base period's level
        bracket = [pm for pm in self.periods if pm.base and pm.period and pm.end <= fig_start
                   and re.fullmatch(r"\s*\(\s*", self.t[pm.end:fig_start])]
        if bracket:
            return self._bracket_base(bracket[-1], own)
        # "a 27% increase over the 2022 level of US$70.2 billion": the figure a base period's level noun names is
        # that period's level (a base-year level, often a first release since revised: shown, never flagged)
        named = [pm for pm in self.periods if pm.base and pm.period and pm.end <= fig_start and re.fullmatch(
            r"(?:['’]s)?\s+(?:total|level|figure|result|volume|value|tally|amount)\s+of\s+(?:(?:about|around|some|"
            r"nearly|almost|roughly|just\s+over|over|more\s+than)\s+)?", self.t[pm.end:fig_start], re.I)]
        if named:
            self._note("period", 0.55, "printed-base")
            return named[-1].period
        stated = [pm for pm in self.periods if pm.base and pm.period and pm.relative is None and pm.end <= fig_start
                  and re.fullmatch(r"\s*,?\s*when\s+[^.;,]*", self.t[pm.end:fig_start])]
        if stated:
            # "an increase of 52% over 2021, when it stood at $7.35 billion": the level of the base period stated
            self._note("period", 1.0, "when-base")
            return stated[-1].period
        if self.carry_period and any(pm.relative in ("year", "previous", "prior") and re.fullmatch(
                r"\s*,?\s*when\s+[^.;,]*", self.t[pm.end:fig_start]) for pm in self.periods if pm.end <= fig_start):
            # "17.74 percent lower than a year before, when trade stood at $1.448 billion": the base's level
            self._note("period", 0.55, "when-base")
            return str(Period.parse(self.carry_period).same_span_previous_year())
        # "against $1.3 billion in the same period of the previous year": a figure followed by a comparison base is
        # the base's level; a year-on-year base is the same span a year before the period in context
        based = next((pm for pm in self.periods if pm.base and fig_end <= pm.start < next_start and (
            re.fullmatch(r"[\s,]*(?:(?!than\b)[A-Za-z-]+\s+){0,3}?(?:in|for|during)\s+(?:the\s+(?:same|corresponding|like|comparable)\s+"
                         r"(?:period|time|months?|quarter|half)\s+(?:of|in)\s+)?", self.t[fig_end:pm.start], re.I)
            and pm.relative != "yoy"
            or re.match(r"the\s+same\s+(?:period|months?|quarter|half)", pm.text, re.I)
            and re.fullmatch(r"[\s,]*(?:in|for|during)\s+", self.t[fig_end:pm.start], re.I)
            or pm.relative in ("year", "previous", "prior") and re.fullmatch(r"[\s,]*", self.t[fig_end:pm.start])
            # "above the $1.04 billion of January-April 2022": the compared figure's own period
            or pm.relative == "compared" and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.t[fig_end:pm.start]))),
            None)
        if based is not None and based.relative == "span":
            self._note("period", 0.0, "span-base")
            return None
        if based is not None:
            mine = [pm for pm in own if pm.start < next_start and pm.end <= fig_start] or [
                pm for pm in own if pm.start < next_start]
            # "compared with $993.401 million in October and $906.128 million in the same month of 2022": the period of
            # another base before it dates that base, not the figure the bases are compared with
            mine = [pm for pm in mine if not _dates_base(self.t, pm.start)] or mine
            ctx_period = mine[-1].period if mine else self.carry_period
            same_span = re.search(r"\b(?:same|corresponding|like|comparable)\s+(?:period|time|months?|quarter|half)\s+"
                                  r"(?:of|in)\s+$", self.t[max(0, based.start - 40):based.start], re.I)
            if based.period and same_span and based.full_year:
                # "$1.3 billion in the same period of 2023": the months in context, in that year
                try:
                    cp = Period.parse(ctx_period) if ctx_period else None
                    if cp is not None and cp.n_months < 12:
                        back = int(based.period[:4])
                        self._note("period", 0.55, "same-span-base")
                        return str(Period.parse(f"{back}-{cp.start.month:02d}/{back}-{cp.end.month:02d}"))
                except Exception:  # noqa: BLE001 - a span that cannot be rebuilt leaves the figure unresolved
                    pass
                self._note("period", 0.0, "base-unreadable")
                return None
            if based.period and based.relative not in ("year", "previous", "prior"):
                compared = based.relative == "compared"
                self._note("period", 1.0 if compared else 0.55, "compared-base" if compared else "printed-base")
                return based.period
            if ctx_period:
                try:
                    # derived, not printed: enough to show and corroborate the figure, not to flag it (a base-year
                    # level is often the first release, since revised)
                    self._note("period", 0.55, "year-before-base")
                    return str(Period.parse(ctx_period).same_span_previous_year())
                except Exception:  # noqa: BLE001 - a span that cannot go back a year leaves the figure unresolved
                    pass
            self._note("period", 0.0, "base-unreadable")
            return None
        # a period right after the previous figure ("$80 million in 2023, and moving up to $2.8 billion in 2024")
        # is that figure's, no rival for this one's
        rivals = [pm for pm in before if not (prev_end and re.fullmatch(
            r"[\s,]*(?:in|for|during|over|at\s+the\s+end\s+of)?\s*", self.t[prev_end:pm.start], re.I))]
        # "had grown by 29.3% in 2022, to $190bn, and accelerated further in 2023": the period just before the figure
        # is its own when the next one follows a comma or "and" (the next clause's)
        own_before = bool(after and before and re.search(r",|\band\b", self.t[fig_end:after[0].start])
                          and re.fullmatch(r"[\s,]*(?:to(?:\s+(?:reach|hit|total|stand\s+at))?|at|of|reaching|totalling|totaling)?\s*",
                                           self.t[before[-1].end:fig_start]))
        # "Last year our turnover rose by 14% to $18 billion, and over the past ten months it grew by 33% to ...",
        # "trade last year amounted to $23 billion and that in the first five months of this year it had reached ...":
        # a period right after a conjunction opens the next clause, about a figure of its own after it; the period
        # before the figure in its clause is its own
        own_before = own_before or bool(after and before and _OPENS_CLAUSE.search(self.t[fig_end:after[0].start])
                                        and re.search(r"\d", self.t[after[0].end:]))
        # "dropped in November, after 24% growth the previous month": a rate noun with its period right after it is a
        # phrase of its own, dated by that period whatever the clause's verb is dated by
        tight = bool(after and _RATE_NOUN_THEN_PERIOD.fullmatch(self.t[fig_end:after[0].start]))
        if after and rivals and not own_before and not tight and after[0].period != rivals[-1].period \
                and not refines(after[0], rivals[-1]):
            # "trade last year amounted to $23 billion and in the first five months of this year ...": two
            # periods compete for the figure within its clause; which is its own is not said (not a guess)
            self._note("period", 0.3 if after[0].period else 0.0, "rival-periods")
            return after[0].period
        chosen: PeriodMention | None = None
        where = ""
        if after and not own_before:
            chosen, where = after[0], "clause-after"
        elif before:
            # "had grown by 29.3% in 2022, to $190bn, and accelerated further in 2023": the period just before the
            # figure, not the next clause's
            chosen, where = before[-1], "clause-before"
        else:
            # elsewhere in the sentence, but not beyond the next figure (that period is the next figure's)
            free = [pm for pm in own if pm.start < next_start and not (
                self.carry_period and (looks_back_after(pm, fig_end) or self._next_figures(pm, fig_start, next_start)))]
            if free:
                chosen, where = min(free, key=lambda pm: min(abs(pm.start - fig_end), abs(fig_start - pm.end))), "sentence"
        if chosen is not None and (chosen.period is None or self.after_span and chosen.relative in (
                "year", "previous", "prior")):
            self._note("period", 0.0, "no-calendar")  # a span with no months, or the year before one ("a year earlier"): no period
            return None
        found = chosen.period if chosen is not None else None
        if found:
            self._note("period", min(1.0, chosen.confidence), where + _relative(chosen))  # type: ignore[union-attr]
            self.art.seen_periods.append(found)
            return found
        if _UNREAD_MAY.search(self.t) and not (self.carry_period or "").endswith("-05"):
            # "China's surplus was $11.0 billion in May", "In May imports from Japan were ...": the sentence names a
            # month that is not read (the verb "may" shares its word); whatever period is carried or guessed is not
            # the figure's own, which is not sure: unresolved
            self._note("period", 0.0, "unread-month")
            return None
        if self.carry_period and self.carry_from_before and self.carry_main:
            # after a paragraph about a part of the main span ("In July alone ..."), a figure with no period of its
            # own: the main span, though the part may go on (shown and corroborated, never flagged)
            self._note("period", MAIN_SPAN_AFTER_PART, "main-span")
            return self.carry_period
        if self.carry_period:
            self._note("period", 0.8 if self.carry_from_before else 0.9,
                       "previous-paragraph" if self.carry_from_before else "paragraph")
            return self.carry_period
        if self.after_span:
            self._note("period", 0.0, "no-calendar")
            return None
        bases = [pm for pm in self.periods if pm.base and pm.period and pm.full_year and pm.relative is None]
        if bases:
            # "rose 55 percent over 2024's total": the figure is the year after its base
            self._note("period", 0.8, "year-after-base")
            return str(Period.parse(bases[0].period).year + 1)
        if self.art.seen_periods:
            # the period the article's figures are mostly about so far (ties: the first stated, the lead's)
            self._note("period", 0.6, "article-majority")
            counts = Counter(self.art.seen_periods)
            top = max(counts.values())
            return next(p for p in self.art.seen_periods if counts[p] == top)
        self._note("period", 0.5 if self.art.data_year else 0.0, "data-year")
        return str(self.art.data_year) if self.art.data_year else None

    def _bracket_base(self, pm: PeriodMention, own: list[PeriodMention]) -> str | None:
        """The period of a level in brackets right after its comparison base ("31 percent more than in 2023 ($2.9
        billion)"). A base written as "the same months of 2023" names only the year: the months are those of the span
        the compared figure is of ("$3.8 billion in January-April 2024, 31 percent more than in the same months of 2023
        ($2.9 billion)": January-April 2023). With no such span before it in the sentence, which months is not said:
        unresolved, never the whole year."""
        if not _SAME_SPAN_OF.search(self.t, max(0, pm.start - 60), pm.start):
            self._note("period", 1.0, "bracket-base")
            return pm.period
        spans = [o for o in own if o.end <= pm.start and o.period and o is not pm]
        year = Period.parse(pm.period).year if pm.period else None
        if spans and year is not None:
            span = Period.parse(spans[-1].period)
            if span.year == span.end_year and span.year != year:
                self._note("period", 1.0, "bracket-base")
                return str(span.shifted(year - span.year))
        self._note("period", 0.0, "bracket-base")
        return None

    def _year_span(self, fig_start: int, fig_end: int) -> str | None:
        """"From 2021 to 2024, China's exports increased from $8.2 billion to $15.3 billion": a span of several years
        that dates the figure (:func:`~mirrortrade.claims.year_spans.dating_span`) dates the levels a change went
        between: the "from" level is the first year's, the "to" level the last year's. Any other figure it dates
        ("Over 2009–2018 the deficit added up to $190.6 billion") has no one year: "" (no period). None when no such
        span dates the figure."""
        pm = dating_span(self.periods, self.t, self.clause_of(fig_start), fig_start, fig_end)
        if pm is None:
            return None
        first, last = span_years(pm)
        head = self.t[self.clause_of(fig_start)[0]:lx.qualifier_before(self.t, fig_start)[1]]
        if re.search(r"\bfrom\s+$", head, re.I):
            self._note("period", 0.8, "year-span-from")
            return first
        if re.search(r"\bfrom\b.*\bto\s+$", head, re.I | re.S):
            self._note("period", 0.8, "year-span-to")
            return last
        self._note("period", 0.0, "year-span")
        return ""

    def _to_level_period(self, fig_end: int, clause_end: int, own: list[PeriodMention]) -> str | None:
        """The period printed after the "to" level of a "from $A ... to $B" that follows the figure in its clause."""
        m = _FROM_TO.match(self.t, fig_end, clause_end)
        if m is None:
            return None
        pm = next((q for q in own if q.start == m.end() or re.fullmatch(r"the\s+", self.t[m.end():q.start])), None)
        return pm.period if pm is not None and pm.relative is None else None

    def _next_figures(self, pm: PeriodMention, fig_start: int, next_start: int) -> bool:
        """Whether ``pm`` stands in a later clause than the figure at ``fig_start``, the clause of the next figure
        ("reaching $9.2 billion; in the first six months of 2016 they had stood at $6.5 billion"): that figure's
        period, never the one of the figure before it, which takes the period in context."""
        if pm.start < fig_start or next_start >= len(self.t):
            return False
        here, there = self.clause_of(fig_start), self.clause_of(pm.start)
        return here != there and self.clause_of(next_start) == there


def _relative(pm: PeriodMention | None) -> str:
    """How a period printed beside a figure was dated: "+dateline" for one relative to when the article was written
    ("last year", "this year"), "+context" for one relative to the period in context ("a year earlier")."""
    rel = (pm.relative or "") if pm is not None else ""
    if re.search(r"\b(?:last|this|current|past|next)\b", rel):
        return "+dateline"
    if re.search(r"\b(?:context|previous|prior|year|yoy|earlier|before)\b", rel):
        return "+context"
    return ""
