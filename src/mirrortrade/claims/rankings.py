"""Rankings of one country's partners: "Most imports came from China (20.9 percent of the total), followed by Russia
(20.3 percent) ...", "On the export side, Russia took the largest share, 15.7 percent, ahead of China with 14.3
percent", "Uzbekistan ran a trade surplus with six: Afghanistan ($48.3 million), Turkey ($26.9 million) ...",
"Azerbaijan took the most Turkish goods, $2.4 billion. It was followed by Kazakhstan with $1.7 billion ...".

Such a clause ranks countries by a share or a value of one flow, often with no verb for the members after the first.
Its *owner* is the country whose partners are ranked; each listed country is a *member*. The frame:

* the **owner** is named, never assumed: in the sentence ("Uzbekistan's main partner", "of Uzbekistan's foreign
  trade", "Turkish goods", "Uzbekistan ran a trade surplus with"), else in an earlier sentence of the paragraph
  ("Uzbekistan traded with more than 129 countries", "Uzbekistan imported goods from 170 countries"), else in the
  article's lead ("Uzbekistan's foreign trade grew ...", "Türkiye's exports to ..."), else the ranking just before
  in the paragraph ("It was followed by ..."). Two countries named so disagree, or the owner is a member: no frame;
* the **flow** is the ranking's (the export side, "most imports came from", "share of turnover", "surplus",
  "took the most Turkish goods" = the owner's exports, a "partner" ranks turnover); two flows named: no frame;
* each **member** takes the figure after it in the list ("China (20.9 percent)", "Russia with 19.1 percent",
  "Russia took the largest share, 15.7 percent"): at most one level and one share each, never a change;
* a member's figure is a claim reporter = the owner, partner = the member, the frame's flow; a percent is a share of
  the owner's total of that flow (none when the ranking is within a region: "the region's largest partner").

The frame is read after the sentence's own reading and replaces it only where that reading disagrees (or is
missing or unresolved): a list the sentence already reads right keeps its claims as they are. Statistics named of
another country than the owner, or figures said to be the partners' own ("based on national statistics"), leave the
sentence as it reads. No source named: the owner's statistics, read at 0.55 (shown and verified, never flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, Claim
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import find_percents
from mirrortrade.claims.sources import _Source
from mirrortrade.claims.text import split_paragraphs
from mirrortrade.claims.vocab import _CHANGE_AFTER, _CHANGE_BEFORE, _CHANGE_MONEY_AFTER, _CHANGE_MONEY_BEFORE
from mirrortrade.model import value_interval

_RANK = r"(?:largest|biggest|main|leading|top|principal|chief|first|second|third|fourth|fifth|\w+-largest)"
#: the words that rank countries in a clause
RANK_CUE = re.compile(
    r"\b(?:followed\s+by|ahead\s+of|next\s+(?:come|comes|came)|(?:then|next)\s+(?:come|comes|came|is|was)|"
    r"(?:come|comes|came|was|is|ranked|ranks|ranking|took|takes|placed|finished)\s+(?:in\s+)?(?:first|second|third|fourth|"
    r"fifth|next)|(?:second|third|fourth|fifth)\s+place|\bplaces\s+(?:[\w-]+\s+){0,5}?(?:went|go|goes|fell|falls)\s+to\b|" + _RANK + r"\s+(?:shares?|(?:trading\s+|trade\s+)?partners?|"
    r"buyers?|markets?|suppliers?|customers?|destinations?)|took\s+the\s+most|most\s+(?:of\s+(?:its|the\s+country['’]s)\s+)?"
    r"(?:imports|exports|purchases|goods)\s+(?:came|went)|(?:imported|exported|bought|sold|came|went)\s+(?:mainly|mostly|"
    r"chiefly|largely|primarily)|(?:surplus|deficit)\s+with\s+(?:\w+\s+){0,4}?\w+\s*:)", re.I)
#: what says the figures are the partners' own statistics (a news agency's compilation of "national statistics"), or
#: a third party's calculations: the ranking's owner is then not surely whose figures they are
_PARTNER_STATS = re.compile(
    r"\bbased\s+on\s+(?:the\s+)?(?:(?:partner|partners['’]|partner\s+countries['’]?)\s+)?(?-i:national)\s+(?:statistics|data)\b"
    r"(?!\s+(?:committee|agency|office|service|bureau|department))"
    r"|\b(?:based\s+on|from|according\s+to|citing)\s+(?:the\s+)?(?:partner|partners['’]|partner\s+countries['’]?)\s+"
    r"(?:statistics|data|figures)\b|\bmirror\s+(?:statistics|data)\b"
    # a news agency's own calculations ("according to RIA calculations"): whose statistics they rest on is not said
    r"|\b(?:according\s+to|citing|by|from)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){1,3}(?:calculations|estimates)\b", re.I)
#: the flow a ranking names; the first group that matches wins over "trade" and "partner" (T)
_FLOW_WORDS = (
    ("B", re.compile(r"\b(?:surplus(?:es)?|deficits?)\b", re.I)),
    ("X", re.compile(r"\b(?:export\s+side|exports?|exported|buyers?|customers?|(?:export\s+)?markets?|destinations?|"
                     r"took\s+the\s+most\s+(?:\w+\s+){1,2}(?:goods|products)|sold|sales\s+abroad)\b", re.I)),
    ("M", re.compile(r"\b(?:import\s+side|imports?|imported|suppliers?|supplied|purchases|came\s+from|bought)\b", re.I)),
    ("T", re.compile(r"\b(?:turnover|trade|trading|partners?)\b", re.I)),
)
#: a country named as the owner in the sentence: "Uzbekistan's main partner", "of Uzbekistan's foreign trade",
#: "Mongolia's imports" (after a possessive); "Turkish goods" (after an adjective)
_OWNER_AFTER_POSSESSIVE = re.compile(
    r"^['’]s?\s+(?:other\s+)?(?:" + _RANK + r"\s+|\w+-(?:largest|biggest)\s+)*(?:(?:total|overall|foreign|external|trade|trading)\s+)*"
    r"(?:partners?|buyers?|markets?|suppliers?|customers?|destinations?|trade|turnover|exports|imports|purchases)\b", re.I)
_OWNER_AFTER_ADJECTIVE = re.compile(r"^\s+(?:goods|products|exports|imports)\b", re.I)
#: a country whose own trade with the world a sentence is about: "Uzbekistan's foreign trade", "Türkiye's exports to",
#: "Uzbekistan traded with more than 129 countries", "Uzbekistan imported goods ... from 170 countries",
#: "Uzbekistan ran a trade surplus with six"
_TOPIC_POSSESSIVE = re.compile(
    r"^['’]s?\s+(?:(?:total|overall|foreign|external|global)\s+)*(?:trade\s+turnover|trade|turnover|exports|imports)\b"
    r"(?!\s+(?:with|to|from|between)\s+(?:the\s+)?[A-Z](?![a-z]*\s+(?:countries|states|members|member)))", re.I)
_TOPIC_SUBJECT = re.compile(
    r"^\s+(?:(?:has|had|have)\s+)?(?:traded|trades|trade|imported|exported|bought|sold)\b[^.;]{0,60}?\b(?:with|from|to)\s+"
    r"(?:more\s+than\s+|over\s+|some\s+|about\s+)?\d+\s+(?:countries|states|partners)"
    r"|^\s+(?:ran|runs|run|had|has|recorded|posted)\s+(?:a\s+)?(?:trade\s+)?(?:surplus|deficit)\s+with\b", re.I)
#: a ranking that goes on from the one before ("It was followed by ...", "Next come ...")
_CONTINUES = re.compile(r"^\s*(?:(?:it|this|they)\s+(?:was|is|were|are)\s+followed\s+by|next\s+(?:come|comes|came)|"
                        r"then\s+(?:come|comes|came))\b", re.I)
#: the ranking is within a region: its shares are of the region's total, not of the owner's
_REGION_DOMAIN = re.compile(r"\b(?:region['’]s|(?:in|among|within|of)\s+(?:the\s+)?(?:region|member\s+(?:states|countries)|"
                            r"bloc|CIS|Commonwealth|ASEAN|EAEU|Eurasian|Central\s+Asia|Asian\s+CIS))\b")
#: a country compared with ("came next after Russia", "ahead of China", "overtaking Kazakhstan") ...
_COMPARED = re.compile(r"\b(?:after|behind|than|ahead\s+of|overtaking|overtook|replacing|displacing|like)\s+(?:the\s+)?$")
#: ... is a member only when its own figure follows it at once: "ahead of China with 14.3 percent", "behind Russia ($3.8bn)"
_OWN_FIGURE = re.compile(r"^\s*(?:\(\s*|\s*(?:with|at)\s+|[–—-]\s*|:\s*)(?:(?:about|around|almost|nearly|some|over|under|"
                         r"more\s+than|less\s+than|just\s+over|just\s+under|roughly)\s+)?(?:US)?$")
#: what stands before a member named as an item of a list: a comma, a semicolon, a colon or "and" (and an article or
#: an epithet: "; and the EU", ", neighbouring Kazakhstan")
_LIST_ITEM = re.compile(r"(?:[,;:]|\band)\s+(?:the\s+|neighbouring\s+|neighboring\s+)?$")
#: refs that are never members nor owners
_NOT_MEMBER = ("TOPIC", "SUBJ", "WLD", "CA5", "GRP", "SUB")


@dataclass
class Ranking:
    """One clause's ranking: whose partners (``owner``), of which flow, and each figure's member."""

    owner: str
    owner_how: str
    flow: str
    flow_conf: float
    #: figure start (in the sentence) -> (figure end, "level" | "share", member code)
    figures: dict[int, tuple[int, str, str]] = field(default_factory=dict)
    region: bool = False  # the ranking is within a region: no shares of the owner's total
    sign: int = 1  # -1 for a ranking of deficits


def _lead_text(text: str) -> str:
    """The article's headline lines and its first paragraph of running text."""
    paras = split_paragraphs(text)
    out = []
    for a, b in paras:
        out.append(text[a:b])
        if re.search(r"[.!?][\"”’)]*$", text[a:b].strip()):
            break
    return "\n".join(out)


@lru_cache(maxsize=8)
def _lead_owners(text: str) -> tuple[str, ...]:
    """The countries whose trade with the world the article's lead is about (see :func:`topic_owners`), read once per
    article however many of its sentences rank partners."""
    lead = _lead_text(text)
    return tuple(topic_owners(lead, lx.find_countries(lead)))


def _previous_paragraph(text: str, start: int) -> str:
    """The text of the paragraph before the one that begins at ``start`` ("" for the first)."""
    spans = [(a, b) for a, b in split_paragraphs(text) if b <= start]
    return text[spans[-1][0]:spans[-1][1]] if spans else ""


def topic_owners(text: str, refs: list[lx.CountryRef]) -> list[str]:
    """The countries whose trade with the world ``text`` is about (each once, in order)."""
    out: list[str] = []
    for r in refs:
        if r.code in _NOT_MEMBER or r.code in lx.BLOCS:
            continue
        after = text[r.end:]
        if (r.possessive or after[:2] in ("'s", "’s")) and _TOPIC_POSSESSIVE.match(after) or \
                not r.possessive and _TOPIC_SUBJECT.match(after):
            if r.code not in out:
                out.append(r.code)
    return out


class RankingsMixin:
    """Methods of the sentence reader for rankings of one country's partners."""

    def _ranking_owner(self, cue_start: int) -> tuple[str, str] | None:
        """The country whose partners the sentence ranks, and where it was named; None when not named surely."""
        t: str = self.t  # type: ignore[attr-defined]
        refs = [r for i, r in enumerate(self.refs) if i not in self.in_source]  # type: ignore[attr-defined]
        here: list[str] = []
        for r in refs:
            if r.code in _NOT_MEMBER or r.code in lx.BLOCS:
                continue
            after = t[r.end:]
            code = r.code
            if r.text[:1].islower() and not any(x.end <= r.start for x in refs if x.code not in _NOT_MEMBER) \
                    and not lx.find_countries(self.p.text[:self.s.start - self.p.start]):  # type: ignore[attr-defined]
                # "In the republic's foreign trade the biggest share belonged to Russia" opening a paragraph: a
                # placeholder with no country named before it in its paragraph stands for the country the article's
                # lead is about, not for the paragraph's most named member
                lead_owners = _lead_owners(self.art.text)  # type: ignore[attr-defined]
                if len(lead_owners) > 1:
                    return None
                code = lead_owners[0] if lead_owners else code
            adjective = not r.possessive and r.text[:1].isupper() and re.search(r"(?:ish|ian|ese|ek|ik|yz|ajik|an|i)$", r.text) \
                and _OWNER_AFTER_ADJECTIVE.match(after)
            if ((r.possessive or after[:2] in ("'s", "’s")) and _OWNER_AFTER_POSSESSIVE.match(after)) or adjective \
                    or (not r.possessive and _TOPIC_SUBJECT.match(after)):
                if code not in here:
                    here.append(code)
        if len(here) > 1:
            return None
        if here:
            return here[0], "sentence"
        # the paragraph's earlier sentences
        para = [s for s in self.p.sentences if s.start < self.s.start]  # type: ignore[attr-defined]
        found: list[str] = []
        for s in para:
            for c in topic_owners(s.text, lx.find_countries(s.text)):
                if c not in found:
                    found.append(c)
        if len(found) == 1:
            return found[0], "paragraph"
        if len(found) > 1:
            return None
        owners = _lead_owners(self.art.text)  # type: ignore[attr-defined]
        if not para:
            # "All together Uzbekistan's foreign trade made 81.2 billion dollars ... / Among partners, the biggest share
            # belongs to China - 21.2%": a paragraph that opens with a ranking naming no owner goes on about the
            # previous paragraph's one topic country; when the lead is about another, whose partners these are is
            # not sure (neither country's)
            prev = _previous_paragraph(self.art.text, self.p.start)  # type: ignore[attr-defined]
            before = topic_owners(prev, lx.find_countries(prev))
            if len(before) == 1:
                return (before[0], "previous-paragraph") if not owners or list(owners) == before else None
        last = getattr(self.art, "ranking", None)  # type: ignore[attr-defined]
        if last is not None and last[0] == self.p.index and _CONTINUES.match(t):  # type: ignore[attr-defined]
            return last[1], "previous-ranking"
        if len(owners) == 1:
            return owners[0], "article-topic"
        return None

    def _rank_flow(self, owner_how: str, t: str) -> tuple[str, float] | None:
        """The flow the ranking ``t`` (the sentence up to its last member's figure and that figure's clause) ranks
        by, and how surely it is named; None when two are named or none can be had ("Russia came second with $6.6
        billion, of which Uzbek exports made up ...": the exports are a part, not the ranking's flow)."""
        # country names are no flow words ("the Organization of Turkic States"), nor are the sources' words
        found = []
        for flow, rx in _FLOW_WORDS:
            if rx.search(t):
                found.append(flow)
        strong = [f for f in found if f in ("X", "M", "B")]
        if "B" in strong:
            return ("B", 0.9) if len(strong) == 1 else None
        if len(strong) == 1:
            return strong[0], 0.9
        if len(strong) > 1:
            side = re.search(r"\bon\s+the\s+(export|import)\s+side\b", t, re.I)
            return ("X" if side.group(1).lower() == "export" else "M", 0.9) if side else None
        last = getattr(self.art, "ranking", None)  # type: ignore[attr-defined]
        if owner_how == "previous-ranking" and last is not None:
            return last[2], 0.8
        if "T" in found:
            return "T", 0.8
        return None

    def _ranking_figures(self, owner: str, out: list[Claim]) -> dict[int, tuple[int, str, str]]:
        """Figure start -> (end, kind, member) for the levels and shares of the sentence's members, by position."""
        t: str = self.t  # type: ignore[attr-defined]
        base = self.s.start  # type: ignore[attr-defined]
        kinds = {c.start - base: c.kind for c in out}
        changes = {c.start - base for c in out if c.kind in ("growth", "difference") or c.change_usd is not None}
        members = [r for i, r in enumerate(self.refs) if i not in self.in_source  # type: ignore[attr-defined]
                   and r.code not in _NOT_MEMBER and r.code != owner and not r.possessive]
        figs: list[tuple[int, int, str]] = []
        for mo in self.money:  # type: ignore[attr-defined]
            if mo.start in changes or kinds.get(mo.start) not in (None, "level"):
                continue
            qstart = lx.qualifier_before(t, mo.start)[1]
            if _CHANGE_MONEY_BEFORE.search(t[max(0, qstart - 50):qstart]) or _CHANGE_MONEY_AFTER.match(t[mo.end:]):
                continue
            figs.append((mo.start, mo.end, "level"))
        for pc in find_percents(t):
            if pc.points or pc.start in changes or any(mo.start <= pc.start < mo.end for mo in self.money):  # type: ignore[attr-defined]
                continue
            qstart = lx.qualifier_before(t, pc.start)[1]
            if _CHANGE_BEFORE.search(t[max(0, qstart - 14):qstart]) or _CHANGE_AFTER.match(t[pc.end:pc.end + 40]) \
                    or re.search(r"\b(?:from|to|by)\s+$", t[max(0, qstart - 8):qstart]):
                continue
            figs.append((pc.start, pc.end, "share"))
        figs.sort()
        got: dict[int, tuple[int, str, str]] = {}
        taken: set[tuple[int, str]] = set()  # (member ref start, kind)
        for start, end, kind in figs:
            # "Kazakhstan came next after Russia: turnover ... $441.6 mln": a country compared with is no member unless
            # its own figure follows it at once ("ahead of China with 14.3 percent")
            before = [r for r in members if r.end <= start and not (
                _COMPARED.search(t[max(0, r.start - 16):r.start]) and not _OWN_FIGURE.match(t[r.end:start]))]
            if not before:
                continue
            r = before[-1]
            gap = t[r.end:start]
            if (r.start, kind) in taken or re.search(r"[;.]\s|\b(?:while|whereas|but|against|compared)\b", gap) \
                    or len(gap) > 110:
                continue
            taken.add((r.start, kind))
            got[start] = (end, kind, r.code)
        return got

    def _ranking(self, out: list[Claim]) -> Ranking | None:
        """The sentence's ranking frame, or None."""
        t: str = self.t  # type: ignore[attr-defined]
        cue = RANK_CUE.search(t)
        if cue is None or _PARTNER_STATS.search(self.art.text):  # type: ignore[attr-defined]
            return None
        owner = self._ranking_owner(cue.start())
        if owner is None:
            return None
        figures = self._ranking_figures(owner[0], out)
        if not figures:
            return None
        last_end = max(end for end, _, _ in figures.values())
        tail = re.match(r"[^,;]*", t[last_end:])
        fl = self._rank_flow(owner[1], t[:last_end + (tail.end() if tail else 0)])
        if fl is None:
            return None
        region = bool(_REGION_DOMAIN.search(t)) or bool(_REGION_DOMAIN.search(_lead_text(self.art.text)))  # type: ignore[attr-defined]
        sign = -1 if fl[0] == "B" and re.search(r"\bdeficits?\b", t, re.I) else 1
        return Ranking(owner[0], owner[1], fl[0], fl[1], figures, region, sign)

    def _ranked(self, out: list[Claim]) -> None:
        """Read the sentence's ranking: each member's figure a claim of the owner with that member (see module doc)."""
        rk = self._ranking(out)
        if rk is None:
            return
        base = self.s.start  # type: ignore[attr-defined]
        whose: dict[int, tuple[_Source | None, tuple[float, str]]] = {}
        for start in rk.figures:
            self._begin()  # type: ignore[attr-defined]
            src = self.reporter_for(start)  # type: ignore[attr-defined]
            if src is not None and src.reporter and src.reporter != rk.owner:
                return  # another country's statistics: the sentence as it reads
            whose[start] = (src, (self._why.get("reporter", 0.0), self._how.get("reporter", "none")))  # type: ignore[attr-defined]
        done = False
        for start, (end, kind, member) in sorted(rk.figures.items()):
            src, seen = whose[start]
            existing = next((c for c in out if c.start - base == start and c.kind == kind), None)
            displaced = existing is not None and self._displaced(existing, rk, member, start, kind)
            if existing is not None and not displaced and not self._open_to_ranking(existing):
                done = done or (existing.reporter, existing.partner, existing.flow) == (rk.owner, member, rk.flow)
                continue
            if kind == "share" and (rk.region or self._share_of_other(end, rk.owner)):
                continue
            if existing is None:
                existing = self._ranked_claim(start, end, kind, member, rk, out)
                if existing is None:
                    continue
                out.append(existing)
            self._reframe(existing, rk, member, src, seen)
            done = True
        if done:
            self.art.ranking = (self.p.index, rk.owner, rk.flow)  # type: ignore[attr-defined]
        out.sort(key=lambda c: c.start)

    def _displaced(self, c: Claim, rk: Ranking, member: str, start: int, kind: str) -> bool:
        """Whether the sentence's own reading gave the figure at ``start`` to another member of the list: the figure's
        member stands as an item of the list (after a comma, a semicolon, a colon or "and": "...; Kazakhstan, about
        $2.6 billion", ": ASEAN came first with $982 billion") and the reading's party is another member, one named
        before it or one the list gives a figure of this kind of its own. A member named after a preposition ("its
        trade with Kazakhstan was $1 billion") is no item: the reading stands."""
        owner = rk.owner
        t: str = self.t  # type: ignore[attr-defined]
        refs = [r for i, r in enumerate(self.refs) if i not in self.in_source  # type: ignore[attr-defined]
                and r.code not in _NOT_MEMBER and r.end <= start]
        mine = [r for r in refs if r.code == member]
        if not mine or not _LIST_ITEM.search(t[max(0, mine[-1].start - 16):mine[-1].start]):
            return False
        before = {r.code for r in refs if r.end <= mine[-1].start and r.code not in (owner, member) and not r.possessive}
        others = {x for x in (c.reporter, c.partner) if x and x not in (owner, member)}
        listed = {m for _, k, m in rk.figures.values() if k == kind}
        return bool(others & (before | listed))

    @staticmethod
    def _open_to_ranking(c: Claim) -> bool:
        """Whether the ranking may read ``c`` again: a claim left unresolved for want of its reporter, partner or flow
        (a claim read surely stays as read; one left open on purpose, a province's, a joint share, a party that is no
        country, stays open)."""
        if not c.missing or any(k not in ("reporter", "partner", "flow") for k in c.missing):
            return False
        return c.how.get("reporter") not in ("province", "other-country", "rival-count") and c.how.get("partner") not in (
            "joint-holders", "unknown-party", "region-unnamed", "beyond-bilateral")

    def _share_of_other(self, end: int, owner: str) -> bool:
        """"46% of the region's trade", "25 percent of China's trade with the bloc": a share of another whole."""
        m = re.match(r"\s+of\s+([^.;(),]{1,80})", self.t[end:])  # type: ignore[attr-defined]
        if m is None:
            return False
        refs = [r for r in lx.find_countries(m.group(1)) if r.code not in ("TOPIC", "SUBJ")]
        return bool(refs) and refs[0].code != owner or bool(_REGION_DOMAIN.search(m.group(0)))

    def _ranked_claim(self, start: int, end: int, kind: str, member: str, rk: Ranking, out: list[Claim]) -> Claim | None:
        """A claim for a member's figure the sentence's own reading left out."""
        t: str = self.t  # type: ignore[attr-defined]
        self._begin()  # type: ignore[attr-defined]
        later = [x for x in (self.money + find_percents(t)) if x.start > start]  # type: ignore[attr-defined]
        next_start = min((x.start for x in later), default=len(t))
        if kind == "level":
            mo = next(m for m in self.money if m.start == start)  # type: ignore[attr-defined]
            fl = self._rank_flow_of(rk, member)
            src = self.reporter_for(start)  # type: ignore[attr-defined]
            qual = lx.qualifier_before(t, start)[0]
            prev_end = max([m.end for m in self.money if m.end <= start], default=0)  # type: ignore[attr-defined]
            return self._make_claim(mo, fl, src, qual, "level", 1, prev_end, next_start)  # type: ignore[attr-defined]
        pc = next(p for p in find_percents(t) if p.start == start)
        qual = lx.qualifier_before(t, start)[0]
        lo, hi = value_interval(pc.value, pc.precision, qual, nonnegative=True)  # a share cannot be negative
        period = self.period_for(start, end, 0, next_start)  # type: ignore[attr-defined]
        known = [c.period for c in out if c.period and c.paragraph == self.p.index]  # type: ignore[attr-defined]
        if known and not any(pm.period == period and not pm.base for pm in self.periods):  # type: ignore[attr-defined]
            period = known[0]  # the list's period is its figures' unless this one states its own
        c = Claim(
            id="", quote=t, start=self.s.start + start, end=self.s.start + end, reporter=rk.owner,  # type: ignore[attr-defined]
            partner=member, flow=rk.flow, period=period, qualifier=qual, source=None, kind="share", text=pc.text,
            paragraph=self.p.index, share_pct=pc.value, share_low=max(lo, 0.0), share_high=min(hi, 100.0),  # type: ignore[attr-defined]
        )
        return self._finish(c, None)  # type: ignore[attr-defined]

    @staticmethod
    def _rank_flow_of(rk: Ranking, member: str) -> _Flow:
        if rk.flow in ("X", "M"):
            return _Flow(rk.flow, subject=rk.owner, partner=member, how="ranking")
        if rk.flow == "B":
            return _Flow("B", subject=rk.owner, partner=member, parties=(rk.owner, member), sign=rk.sign, how="ranking")
        return _Flow(rk.flow, parties=(rk.owner, member), how="ranking")

    def _reframe(self, c: Claim, rk: Ranking, member: str, src: _Source | None, seen: tuple[float, str]) -> None:
        """``c`` as the ranking reads it: the owner's figure with ``member``, of the ranking's flow; the reporter as
        surely as the owner's statistics are named (none named, or an agency of no known country: 0.55)."""
        own_stats = src is not None and src.reporter == rk.owner and seen[0] >= RESOLVED
        if rk.flow == "B" and c.value_usd is not None and c.flow != "B":
            sign = -1 if re.search(r"\bdeficits?\b", self.t, re.I) else 1  # type: ignore[attr-defined]
            if sign * c.value_usd < 0:
                c.value_usd, c.value_low, c.value_high = -c.value_usd, -(c.value_high or 0), -(c.value_low or 0)
        elif c.flow == "B" == rk.flow and c.value_usd is not None and (c.reporter, c.partner) == (member, rk.owner):
            # "Last year Indonesia ran a trade surplus of US$2.92 billion with China and rose to become Beijing's
            # third-biggest trading partner": the balance was read from the member's side (its surplus); the owner's
            # balance with it is the same amount the other way (China's deficit)
            c.value_usd, c.value_low, c.value_high = -c.value_usd, -(c.value_high or 0), -(c.value_low or 0)
        c.reporter, c.partner, c.flow = rk.owner, member, rk.flow
        c.source = (src.sid or None) if own_stats and src is not None else None
        if c.kind == "share":
            c.share_of = {"X": "exports", "M": "imports"}.get(rk.flow, "trade")
        c.slots["reporter"], c.how["reporter"] = (seen[0], seen[1]) if own_stats else (0.55, "ranking-owner")
        c.slots["partner"], c.how["partner"] = 0.9, "ranking-member"
        c.slots["flow"], c.how["flow"] = rk.flow_conf, "ranking"
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
