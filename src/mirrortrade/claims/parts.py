"""A total split into its flows: "a smaller total, about $24 billion, of which exports made up $13.2 billion and
imports $11 billion" is the turnover of the pair whose exports and imports follow."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, Claim
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import Money
from mirrortrade.claims.scope import implied_parties, peek_reporter
from mirrortrade.claims.vocab import _FLOW_RE
from mirrortrade.model import value_interval


class PartsMixin:
    """Methods of the sentence reader for totals split into their parts."""

    def _member_bracket(self, mo: Money, prev_end: int) -> int | None:
        """"trade with Japan came to $47.6bn ($24.2bn of exports), with South Korea ...": a figure in brackets right
        after the previous figure (nothing but its period between them), naming no country of its own, is a part of
        that figure's member: returns where the bracket closes (its flow word and parties end there), else None."""
        op = self.t.rfind("(", prev_end, mo.start)
        close = self.t.find(")", mo.end)
        if op < 0 or close < 0 or ")" in self.t[op:mo.start] or "(" in self.t[mo.end:close]:
            return None
        if not re.fullmatch(r"[^,;:()–—]{0,30}", self.t[prev_end:op]) or _FLOW_RE.search(self.t[prev_end:op]):
            return None
        if any(prev_end <= r.start < close for r in self.refs):  # type: ignore[attr-defined]
            return None
        return close

    def _part_of_total(self, prev: _Flow, fl: _Flow, mo: Money) -> None:
        """"turnover of $10.9 billion, of which exports accounted for $2.0 billion": an export or import figure after a
        total of a pair, with a side left unsaid, is a flow between the total's parties."""
        if fl.flow not in ("X", "M") or prev.flow not in ("T", "B") or not prev.parties:
            return
        pp = implied_parties(prev.parties, prev.world, peek_reporter(self.sources, self.carry_source, mo.start))
        if fl.subject is None and fl.partner is None:
            fl.subject = next((c for c in pp if c not in ("WLD", "CA5")), pp[0])
        if fl.partner is None:
            fl.partner, fl.how = next((c for c in pp if c != fl.subject), None), "total-parts"

    def _total_of_parts(self, out: list[Claim], level_claims: list[tuple[Money, Claim | None]]) -> None:
        """"a smaller total, about $24 billion, of which exports made up $13.2 billion and imports $11 billion": a
        figure with no flow of its own, split by "of which" into the two flows of one pair and period that add up to it
        (within its rounding), is their turnover."""
        for i, (mo, c) in enumerate(level_claims):
            if c is not None or not re.match(r"\s*,?\s*(?:of\s+which|including)\s", self.t[mo.end:]):
                continue
            parts = [d for _, d in level_claims[i + 1:i + 3] if d is not None and d.kind == "level"]
            if len(parts) != 2 or {d.flow for d in parts} != {"X", "M"} or any(d.missing for d in parts):
                continue
            x, m = parts
            if (x.reporter, x.partner, x.period, x.source) != (m.reporter, m.partner, m.period, m.source) or \
                    x.value_usd is None or m.value_usd is None or x.value_usd < 0 or m.value_usd < 0:
                continue
            if mo.currency != "USD" or self._nontrade_near(mo, 0, None) or self._is_target(mo, 0):  # type: ignore[attr-defined]
                continue
            qual, _ = lx.qualifier_before(self.t, mo.start)
            lo, hi = value_interval(mo.value, mo.precision, qual, nonnegative=True)
            if not lo * 0.99 <= x.value_usd + m.value_usd <= hi * 1.01:
                continue  # the parts do not make up the figure: not its split
            slots = {k: min(x.slots.get(k, 1.0), m.slots.get(k, 1.0)) for k in set(x.slots) | set(m.slots)}
            slots["flow"] = min(slots.get("flow", 1.0), 0.8)
            t = Claim(
                id="", quote=self.t, start=self.s.start + mo.start, end=self.s.start + mo.end,  # type: ignore[attr-defined]
                reporter=x.reporter, partner=x.partner, flow="T", period=x.period, qualifier=qual, source=x.source,
                text=mo.text, precision_usd=mo.precision, paragraph=x.paragraph, value_usd=mo.value, value_low=lo,
                value_high=hi, slots=slots, missing=[k for k, v in slots.items() if v < RESOLVED],
                how={**x.how, "flow": "total-of-parts"},
            )
            level_claims[i] = (mo, t)
            out.append(t)
            out.sort(key=lambda k: k.start)
