"""Figures that point back and parties named by reference: "this figure", "the figure", "this amount", "this
indicator", "of this", "a somewhat larger figure of $x for the same period" take the parties, flow and period of the
figure they refer to; "our countries", "the two countries", "bilateral" trade is the article's pair."""

from __future__ import annotations

import re
from collections import Counter

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.text import Paragraph

#: a noun phrase standing for a figure given before ("this figure", "the amount", "this indicator"); not "the figure
#: for exports" (that names its own flow)
ANAPHOR = re.compile(
    r"\b(?:(?:this|that|the|such\s+an?|the\s+same)\s+(?:figure|amount|indicator|sum|value|volume)"
    r"|an?\s+(?:somewhat\s+|slightly\s+|much\s+|far\s+|considerably\s+)?(?:larger|smaller|higher|lower|bigger|"
    r"different)\s+figure"
    r"|^\s*(?:of\s+this|of\s+that|of\s+which)\b)"
    r"(?!\s+(?:for|of|on)\s+(?:the\s+)?(?:\w+\s+)?(?:exports?|imports?|trade|turnover|shipments?)\b)",
    re.I,
)
#: a trade that is the pair's own: "bilateral trade", "trade between our countries", "the two neighbours' trade"
PAIR_PHRASE = re.compile(
    r"\b(?:bilateral|mutual|two-way|our\s+(?:two\s+)?(?:countries|nations|states)|(?:the|both)\s+(?:two\s+)?"
    r"(?:countries|nations|neighbou?rs|states|sides|economies)(?!\s+(?:of|in)\b))",
    re.I,
)
_NOT_A_COUNTRY = ("CA5", "WLD", "TOPIC", "SUBJ", "SUB")


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
                  and r.code not in _NOT_A_COUNTRY]
        if len(set(hcodes)) == 2:
            return ordered(hcodes)
    codes = [r.code for r in refs if r.code not in _NOT_A_COUNTRY]
    top = Counter(codes).most_common(3)
    if len(top) >= 2 and (len(top) == 2 or top[1][1] >= 1.5 * top[2][1]):
        return ordered([c for c in codes if c in (top[0][0], top[1][0])])
    return ()


class AnaphoraMixin:
    """Methods of the sentence reader for figures that refer back and for the article's pair."""

    def _anaphor_before(self, pos: int, lo: int) -> re.Match[str] | None:
        """The anaphoric noun phrase ("this figure") of the clause before position ``pos`` (after ``lo``)."""
        ca, _ = self.clause_of(pos)  # type: ignore[attr-defined]
        a = max(ca, lo)
        found = None
        for m in ANAPHOR.finditer(self.t[a:pos]):  # type: ignore[attr-defined]
            found = m
        return found

    def _antecedent(self, out: list[Claim]) -> Claim | None:
        """The figure a "this figure" refers to: the last one of the sentence, else of the paragraph, else the last
        level of the paragraph just before when this one names no country of its own; only one whose parties and
        flow were resolved."""
        cands: list[Claim | None] = [out[-1] if out else None, self.prev_claim]  # type: ignore[attr-defined]
        last = self.art.last_levels[0] if self.art.last_levels else None  # type: ignore[attr-defined]
        if last is not None and last.paragraph == self.p.index - 1 and not self.para_codes:  # type: ignore[attr-defined]
            cands.append(last)
        for c in cands:
            if c is not None:
                ok = c.flow and c.reporter and c.partner and not (set(c.missing) & {"reporter", "partner", "flow"})
                return c if ok and c.kind != "difference" else None
        return None

    def _flow_of(self, c: Claim) -> _Flow:
        """The flow statement a claim was read from, seen from its reporter."""
        self._note("flow", 0.9)  # type: ignore[attr-defined]
        if c.flow in ("X", "M"):
            return _Flow(c.flow, subject=c.reporter, partner=c.partner)
        return _Flow(c.flow, parties=(c.reporter or "", c.partner or ""), world=c.partner == "WLD")

    def _bare_flow_parties(self, fl: _Flow, out: list[Claim]) -> None:
        """"Of this, imports accounted for $1.9 billion": a flow word in a sentence that names no country at all
        continues the series of the figure before it (its reporter and partner)."""
        if fl.flow not in ("X", "M", "T") or fl.subject or fl.partner or fl.parties or fl.world:
            return
        if any(i not in self.in_source and r.code not in ("WLD",)  # type: ignore[attr-defined]
               for i, r in enumerate(self.refs)):  # type: ignore[attr-defined]
            return
        ante = self._antecedent(out)
        if ante is None or not ante.reporter or not ante.partner or ante.kind == "share":
            return  # a share's partner is one member of a list, not the series the paragraph follows
        self._note("partner", 0.85)  # type: ignore[attr-defined]
        if self.carry_period is None:  # type: ignore[attr-defined]
            self.carry_period = ante.period  # type: ignore[attr-defined]
        if fl.flow == "T":
            fl.parties = (ante.reporter, ante.partner)
            fl.world = ante.partner == "WLD"
        else:
            fl.subject, fl.partner = ante.reporter, ante.partner

    def _rival_of(self, c: Claim, ante: Claim) -> None:
        """"Kazakh media put the figure for the period at $24.3 billion": another value for the very statistic just
        given is someone else's count of it, whose reporter the sentence does not say: unresolved."""
        if c.kind != "level" or ante.kind != "level" or c.period != ante.period or c.value_usd is None:
            return
        if ante.value_low is not None and ante.value_high is not None and ante.value_low <= c.value_usd <= ante.value_high:
            return
        c.slots["reporter"] = min(c.slots.get("reporter", 1.0), 0.4)
        c.missing = sorted(set(c.missing) | {"reporter"}, key=list(c.slots).index)

    def _anaphoric_period(self, ante: Claim, a: int, b: int) -> str:
        """A figure that refers back keeps its antecedent's period unless its clause states one of its own."""
        own = [pm for pm in self.periods if not pm.base and pm.period and a <= pm.start < b]  # type: ignore[attr-defined]
        return own[0].period if own and own[0].period else (ante.period or "")

    def _pair_parties(self, parties: list[str], rep: str | None) -> list[str]:
        """"Bilateral trade", "trade between our countries": the article's pair, when the sentence names no other
        country (the reporter first when it is one of the two)."""
        pair = list(self.art.pair)  # type: ignore[attr-defined]
        if len(pair) != 2 or not set(parties) <= set(pair) or not PAIR_PHRASE.search(self.t):  # type: ignore[attr-defined]
            return parties
        if not {c for c in self.para_codes if c not in ("CA5", "WLD")} <= set(pair):  # type: ignore[attr-defined]
            return parties  # a paragraph about another country: "bilateral" is that country's trade
        if rep in pair:
            pair.remove(rep)
            pair.insert(0, rep)
        self._note("partner", 0.9)  # type: ignore[attr-defined]
        return pair
