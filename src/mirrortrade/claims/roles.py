"""Roles that carry a flow: a country named as another's buyer, market or supplier, and the figure that goes with it.

"The US remained Vietnam's biggest buyer, taking $14.6 billion", "Uzbekistan was the 36th-largest export destination
for South Korea, with outbound shipments of $1.7 billion", "Russia, Tajikistan's main supplier, sent $1.2 billion":
a *role noun* names the direction of trade between its *bearer* (the country it is said of) and its *holder* (the
country whose buyer or supplier it is, "Vietnam's", "for South Korea"):

* a buyer, customer, market or export destination of the holder takes the holder's exports (flow ``X``, the holder
  the subject, the bearer the partner);
* a supplier or source of imports of the holder sends the holder's imports (flow ``M``, the same roles).

A figure after the role in the same clause, with no flow word of its own before it (or one that names no party,
"with outbound shipments of"), has the role's frame. The role is read only when both the holder and the bearer are
named in the clause; a list that goes on ("followed by the EU with $13.3 billion") goes on with the role's flow
through the sentence's previous figure (:meth:`mirrortrade.claims.sentence._SentenceCtx.claims`).
"""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import Money
from mirrortrade.claims.scope import peek_reporter

#: the role nouns: the holder's buyers (its exports) and suppliers (its imports)
ROLE_RE = re.compile(
    r"\b(?:(?P<X>buyers?|customers?|(?:export\s+)?markets?|(?:export\s+)?destinations?(?:\s+for\s+(?:its\s+|their\s+)?"
    r"(?:exports|goods|products))?|export\s+partners?|importers?\s+of\s+(?=\S+\s+(?:goods|products|exports)\b))"
    r"|(?P<M>suppliers?|sources?\s+of\s+(?:its\s+|their\s+)?imports|import\s+(?:sources?|partners?)))\b",
    re.I,
)
#: the words that rank a role: "biggest", "36th-largest", "second", "main"
_RANK = (r"(?:(?:single|biggest|largest|main|leading|top|key|major|principal|chief|most\s+important|sole|only|"
         r"second|third|fourth|fifth|\d+(?:st|nd|rd|th)|[a-z0-9]+-(?:largest|biggest)|fastest-growing|"
         r"number\s+one)\s+){0,3}")
#: what may stand between a possessive holder and its role noun: "Vietnam's biggest", "Korea's 36th-largest"
_HOLDER_GAP = re.compile(r"^\s*" + _RANK + r"$", re.I)
#: a holder named generically ("the country's", "the Central Asian republic's"): resolved to a country named before it
_GENERIC_HOLDER = re.compile(r"(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:country|nation|republic)", re.I)
#: what may stand between the bearer and the role phrase: a copula ("remained", "was the") or an appositive comma,
#: then the role's rank
_BEARER_GAP = re.compile(
    r"^\s*(?:,\s*|(?:(?:has|have|had)\s+)?(?:also\s+|again\s+|still\s+|once\s+again\s+)?(?:was|is|are|were|remained|"
    r"remains|became|become|becomes|been|stayed|stays|ranked\s+as|ranks\s+as|continued\s+to\s+be|emerged\s+as|"
    r"(?:was|is)\s+now)\s+)(?:as\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?" + _RANK + r"$",
    re.I,
)


class RolesMixin:
    """Methods of the sentence reader for role nouns that carry a flow."""

    def _role_frame(self, fig_start: int, prev_end: int) -> tuple[re.Match[str], _Flow] | None:
        """The role phrase a figure starting at ``fig_start`` follows in its clause (after the sentence's previous
        figure) and the frame it gives, or None."""
        t: str = self.t  # type: ignore[attr-defined]
        ca, _ = self.clause_of(fig_start)  # type: ignore[attr-defined]
        lo = max(ca, prev_end)
        roles = [m for m in ROLE_RE.finditer(t, lo, fig_start)]
        if not roles:
            return None
        rm = roles[-1]
        refs: list[lx.CountryRef] = [r for i, r in enumerate(self.refs)  # type: ignore[attr-defined]
                                     if i not in self.in_source  # type: ignore[attr-defined]
                                     and r.code not in ("TOPIC", "SUBJ", "SUB", "GRP")]
        holder: lx.CountryRef | None = None
        before = [r for r in refs if lo <= r.start and r.end <= rm.start()]
        if before and before[-1].possessive and _HOLDER_GAP.match(re.sub(r"^['’]s?", "", t[before[-1].end:rm.start()])):
            holder = before[-1]
            head_end = holder.start
        else:
            head_end = rm.start()
            after = re.match(r"\s+(?:for|of|to)\s+(?:the\s+)?", t[rm.end():])
            if after is not None:
                holder = next((r for r in refs if r.start == rm.end() + after.end()), None)
        if holder is None or holder.code in ("WLD", "CA5"):
            return None
        # the bearer: the country the role is said of, right before (a copula or an appositive comma between)
        bearers = [r for r in refs if lo <= r.start and r.end <= head_end and r is not holder]
        if not bearers:
            return None
        bearer = bearers[-1]
        if bearer.possessive or not _BEARER_GAP.match(t[bearer.end:head_end]):
            return None
        holder_code: str | None = holder.code
        if holder_code == bearer.code and _GENERIC_HOLDER.fullmatch(holder.text):
            holder_code = self._generic_holder(bearer.code, fig_start)
        if holder_code is None or holder_code == bearer.code:
            return None
        # nothing else of the trade between the role and its figure: no other country, no flow word naming parties
        tail_start = max(rm.end(), holder.end)
        if any(tail_start <= r.start and r.end <= fig_start for r in refs):
            return None
        flow = "X" if rm.group("X") else "M"
        return rm, _Flow(flow, subject=holder_code, partner=bearer.code, how="role")

    def _generic_holder(self, bearer: str, pos: int) -> str | None:
        """Whose buyer or supplier "the country's" is when it was read as its own bearer's ("China remained the
        country's biggest supplier": a country is not its own supplier): the country the article or the statistics
        in force are about other than the bearer, when every sign (the reporter of the statistics, the paragraph's
        country, the article's other country) that names one names the same; else not said (None)."""
        pair: tuple[str, ...] = self.art.pair  # type: ignore[attr-defined]
        others = [c for c in pair if c != bearer] if bearer in pair else []
        signs = [peek_reporter(self.sources, self.carry_source, pos),  # type: ignore[attr-defined]
                 self.topic, others[0] if len(others) == 1 else None]  # type: ignore[attr-defined]
        named = {c for c in signs if c and c != bearer and c not in lx.NO_COUNTRY}
        return named.pop() if len(named) == 1 else None

    def _role_flow(self, mo: Money, prev_end: int, kw: re.Match[str] | None) -> _Flow | None:
        """The role's frame for a figure whose own flow word (if any) stands inside or before the role phrase."""
        found = self._role_frame(mo.start, prev_end)
        if found is None:
            return None
        rm, fl = found
        if kw is not None and kw.start() >= rm.end():
            return None
        self._note("flow", 0.9, "role")  # type: ignore[attr-defined]
        return fl

    def _role_parties(self, fl: _Flow, mo: Money, prev_end: int, kw: re.Match[str]) -> None:
        """"..., with outbound shipments of $1.7 billion": a flow word after the role that names no party of its own
        takes the role's, when their flows agree."""
        if fl.flow not in ("X", "M") or fl.subject or fl.partner:
            return
        found = self._role_frame(mo.start, prev_end)
        if found is None or found[0].end() > kw.start() or found[1].flow != fl.flow:
            return
        if any(found[0].end() <= f.start() < kw.start() and f.lastgroup != fl.flow
               for f in self.flows):  # type: ignore[attr-defined]
            return  # another flow between: "buyer of its cotton, while imports of ..."
        fl.subject, fl.partner, fl.how = found[1].subject, found[1].partner, "role"
