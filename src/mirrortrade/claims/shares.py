"""Share figures of a sentence: a share bracketed with a partner's level ("Russia was second at $230 million (19.5
percent)"), a list of shares of one whole, and a share with its whole named ("30.6 percent of the country's total
trade"). Moved out of :mod:`~mirrortrade.claims.percents`, which finds the percents and hands shares here."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.numbers import Money, Percent
from mirrortrade.claims.sources import _is_trade_source, _sid
from mirrortrade.claims.vocab import _CHANGE_AFTER, _RELATIVE_WHOLE, _SHARE_FLOW_NOUN
from mirrortrade.model import value_interval


class SharesMixin:
    def _bracketed_share(self, out: list[Claim], pc: Percent, qual: str, qstart: int,
                         level_claims: list[tuple[Money, Claim | None]]) -> bool:
        """"Russia was second at $230 million (19.5 percent)", "followed by Uzbekistan ($13.7 billion, 14.5
        percent)": a bare percent bracketed with a partner's level, no change word beside it, is that partner's
        share of the whole the level is part of, with the level's reporter, partner, flow and period. Which whole
        (the reporter's total, a region's) is not said: the kind is read below
        :data:`~mirrortrade.claims.claim.FLAGGABLE`, so the share is shown and corroborated, never flagged."""
        prev = [(mo, c) for mo, c in level_claims if mo.end <= qstart]
        # "with China (27.2 percent or $1.1 billion)": the share first, its level after it in the same bracket
        nxt = next(((mo, c) for mo, c in level_claims if mo.start >= pc.end), None)
        if nxt is not None and re.search(r"\(\s*$", self.t[:qstart]) and re.fullmatch(
                r"\s*(?:,|;|or)\s*", self.t[pc.end:lx.qualifier_before(self.t, nxt[0].start)[1]]) \
                and re.match(r"\s*\)", self.t[nxt[0].end:]):
            mo, c = nxt
        elif not prev or not re.match(r"\s*\)", self.t[pc.end:]):
            return False
        else:
            mo, c = prev[-1]
            gap = self.t[mo.end:qstart]
            if not (re.fullmatch(r"\s*\(\s*", gap) or re.fullmatch(r"\s*,\s*", gap) and re.search(
                    r"\(\s*(?:[A-Za-z]+\s+){0,2}$", self.t[:lx.qualifier_before(self.t, mo.start)[1]])):
                return False
        if re.search(r"[+±−-]\s*$", self.t[max(0, qstart - 2):pc.start]) or pc.text[:1] in "+±−-" \
                or _CHANGE_AFTER.match(self.t[pc.end:]):
            return False  # "($48.7 billion, +11 percent)": a change
        if c is None or c.kind != "level" or c.missing or c.partner in (None, "WLD", "CA5") \
                or c.reporter in (None, c.partner) or c.flow not in ("T", "X", "M"):
            return False
        if c.partner in lx.CENTRAL_ASIA_CODES and any(
                d.reporter == c.reporter and d.partner == "CA5" for d in [*out, *self.art.last_levels]):
            return False  # a ranking within the region's total: a share of the region, not of the reporter's trade
        lo, hi = value_interval(pc.value, pc.precision, qual, nonnegative=True)  # a share cannot be negative
        s = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=c.reporter,
            partner=c.partner, flow=c.flow, period=c.period, qualifier=qual, source=c.source, kind="share",
            text=pc.text, paragraph=self.p.index, share_pct=pc.value, share_low=lo,
            share_high=min(hi, 100.0), share_of={"X": "exports", "M": "imports"}.get(c.flow, "trade"),
        )
        s.slots, s.how = dict(c.slots), dict(c.how)
        s.cap_slot("kind", 0.55, "bracketed-share")
        out.append(s)
        return True


    def _list_share(self, out: list[Claim], pc: Percent, qual: str, frame: Claim, own: str, next_start: int) -> None:
        """One share of a list, of the same whole (reporter, flow) as the share it continues."""
        self._begin()
        self._note("partner", 0.9, "share-list")
        src = self.reporter_for(pc.start)
        lo, hi = value_interval(pc.value, pc.precision, qual, nonnegative=True)  # a share cannot be negative
        period = self.period_for(pc.start, pc.end, 0, next_start)
        if frame.period and period != frame.period and not any(
                pm.period == period and not pm.base for pm in self.periods):
            period = frame.period  # the list's period is its first share's unless this sentence states one
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=frame.reporter,
            partner=own, flow=frame.flow, period=period, qualifier=qual, source=frame.source, kind="share",
            text=pc.text, paragraph=self.p.index, share_pct=pc.value, share_low=max(lo, 0.0), share_high=min(hi, 100.0),
            share_of=frame.share_of,
        )
        out.append(self._finish(c, src if src is not None and src.reporter == frame.reporter else None))

    def _share_claim(
        self, out: list[Claim], pc: Percent, qual: str, phrase: str, next_start: int, phrase_start: int
    ) -> None:
        # "30.6 percent of the country's total trade, and imports from China for 38.5 percent": the whole ends where
        # the next coordinated clause begins
        phrase = re.split(r",\s*(?:and|while|but|whereas)\s", phrase)[0].strip()
        rel = _RELATIVE_WHOLE.match(phrase)
        rel_whole: str | None = None
        if rel is not None:
            # "36.8 percent of what Mongolia bought abroad": the relative's subject is the whole's country; none named
            # there ("of what it bought"), or a partner named after its verb ("51% of what the EU sold to China": a
            # product's share of a bilateral flow), and the share is no partner's
            a, b = phrase_start + rel.start("who"), phrase_start + rel.end("who")
            who = [r for r in self.refs if r.start < b and r.end > a and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")]
            ra, rb = phrase_start + rel.start("rest"), phrase_start + rel.end("rest")
            if len({r.code for r in who}) != 1 or any(ra <= r.start < rb and r.code != who[0].code for r in self.refs):
                return  # ("from outside the bloc": the whole's own trade with the rest of the world)
            rel_whole = who[0].code
        self._begin()
        # whose total: "the Central Asian country's total foreign trade", "Kazakhstan's exports", "its trade"
        whole: str | None = None
        for r in self.refs:
            if phrase_start <= r.start < phrase_start + len(phrase) + 2 and (
                    r.possessive or self.t[r.end:r.end + 2] in ("'s", "’s")):
                whole = r.code
                generic = r.text[:1].islower()  # "the country's": resolved to a country named before
                break
        else:
            generic = False
        if rel_whole is not None:
            whole, generic = rel_whole, False
        part_refs = [r for i, r in enumerate(self.refs) if r.end <= pc.start and i not in self.in_source]
        named: list[str] = []
        for r in part_refs:
            if r.code not in ("CA5", "WLD") and r.code not in named:
                named.append(r.code)
        src = self.reporter_for(pc.start)
        own_src = [x for x in self.sources if _is_trade_source(x)]
        if generic and whole in named and src is not None and src.reporter and src.reporter not in named:
            # "China's share in the country's total trade": the country is the reporting one, not the share holder
            whole = src.reporter
        role = self._role_frame(pc.start, 0) if whole is None or generic else None  # type: ignore[attr-defined]
        if role is not None and (whole is None or whole == role[1].partner) and _role_share(role[1].flow, phrase):
            # "China remained the country's biggest supplier, accounting for 28.7% of its total imports": the share
            # of the role's holder's trade (its = the country whose supplier it is, not the sentence's subject)
            whole = role[1].subject
        if whole is None and re.match(r"(?:its|their)\b", phrase, re.I) and (own_src or named):
            # "China accounts for a third of its trade, the Kyrgyz government said": its = the reporting country;
            # "Kazakhstan's exports to China ..., or 18% of its total exports": its = the sentence's subject
            poss = [r.code for r in part_refs if r.possessive and r.code not in ("CA5", "WLD")]
            whole = own_src[0].reporter if own_src else poss[-1] if poss else (
                src.reporter if src is not None and src.reporter and len(named) == 1 and src.reporter not in named
                else named[0])
        if whole is None and src is not None and (src.reporter in named or len(named) < 2):
            whole = src.reporter
        role = self._role_frame(pc.start, 0) if whole is None else None  # type: ignore[attr-defined]
        if role is not None:
            # "Switzerland is the main buyer of Tajik goods, with 23.4 percent of all exports": the role's holder's
            whole = role[1].subject
        if whole is None and len(named) >= 2:
            # "Tajikistan imported ... from Russia, or 28.1% of total imports": the subject is the whole
            whole = named[0]
        if whole is None:
            whole = src.reporter if src else self.topic
        part = next((r.code for r in part_refs if r.code != whole), None)
        holders = [r for r in part_refs if r.code != whole and r.code not in ("CA5", "WLD")]
        joint = len(holders) >= 2 and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", self.t[holders[-2].end:holders[-1].start])
        if part is None and rel_whole is not None:
            return  # no share holder named before the figure: whose share this is is not said
        if part is None:
            if self._part_share(pc.start):  # type: ignore[attr-defined]
                return  # "Road transport carried 51.8 percent of the trade": a mode's share, no partner's
            part = self._fill_party({whole} if whole else set(), None)
        else:
            self._note("partner", 1.0, "share-holder")
        pl = phrase.lower()
        fn = _SHARE_FLOW_NOUN.search(phrase)
        flow = "X" if re.search(r"\bexports?\b", pl) else "M" if re.search(r"\bimports?\b", pl) else (
            fn.lastgroup or "T") if fn else "T"
        if rel is not None:
            flow = "M" if rel.group("M") else "X"
        share_of = re.sub(r"^(?:the\s+)?(?:[\w\s-]+?['’]s\s+|its\s+|their\s+|the\s+)", "", phrase)
        share_of = re.split(r"\s*[,(]|\s+(?:in|for|during|last|this)\s+(?:\d|the|last|this)", share_of)[0].strip()
        lo, hi = value_interval(pc.value, pc.precision, qual, nonnegative=True)  # a share cannot be negative
        hi = min(hi, 100.0)
        period = self.period_for(pc.start, pc.end, 0, next_start)
        c = Claim(
            id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=whole,
            partner=part, flow=flow, period=period, qualifier=qual,
            source=_sid(src, whole), kind="share", text=pc.text,
            paragraph=self.p.index, share_pct=pc.value, share_low=lo, share_high=hi, share_of=share_of or None,
        )
        out.append(self._finish(c, src if src is not None and src.reporter == whole else None))
        if joint and not re.search(r"\brespectively\b", self.t):
            # "China and Russia account for half of Tajikistan's trade": the two together, no one country's share
            c.cap_slot("partner", 0.3, "joint-holders")


def _role_share(role_flow: str, phrase: str) -> bool:
    """A share whose whole is the trade a role goes with: "of its imports" after a supplier, "of its exports" after a
    buyer, or a whole naming neither ("of its total trade")."""
    other = "exports?" if role_flow == "M" else "imports?"
    return not re.search(rf"\b{other}\b", phrase, re.I)
