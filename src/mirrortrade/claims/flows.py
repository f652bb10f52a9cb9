"""The flow of a figure: the flow word it belongs to (before it, or its own flow noun right after it), and the
parties that word carries ("Kazakh imports from China", "the trade turnover of Tajikistan with China", "Tajikistan
exported goods worth $42 million to Russia")."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import Money
from mirrortrade.claims.scope import balance_holder, holder_after
from mirrortrade.claims.text import in_closed_aside
from mirrortrade.claims.vocab import _COMPOUND_SEP, _STOP_FILLER, _VERB_FLOW, _WORLD_HINT

#: between a balance's holder and the balance: "(side) (thus) posted a (trade)" (see ``_balance_subject``)
_HAS_BALANCE = re.compile(r"(?:\s+side)?(?:\s+(?:thus|also|again|therefore|then|still))?\s+(?:has|had|have|holds|held|"
                          r"posts|posted|records|recorded|registers|registered|runs|ran|run|enjoys|enjoyed|logged)\s+"
                          r"(?:an?|its|their|the)\s+(?:(?:trade|overall|total|bilateral|goods)\s+)?", re.I)

#: a flow word inside the standard of a comparison, "that of" or "those of" and the few words of its noun phrase:
#: "an average annual growth rate of 7.3 percent, 2.3 points above that of China's overall foreign trade" — another
#: statistic set beside the figure, never the figure's own flow
_STANDARD = re.compile(r"\b(?:that|those)\s+of\s+(?:[\w'’-]+\s+){0,4}$", re.I)

#: the predicate after a subject: a verb of change or of amount, with an adverb before it ("thus widened")
_PREDICATE_START = re.compile(
    r"\s*(?:(?:thus|also|then|still|again|further|sharply|slightly|\w+ly)\s+)?(?:has\s+|had\s+|have\s+)?"
    r"(?:rose|grew|fell|shrank|shrunk|widened|narrowed|increased|decreased|declined|dropped|jumped|climbed|slipped|"
    r"slid|eased|surged|soared|plunged|contracted|expanded|reached|totall?ed|amounted|stood|came|was|were|hit|topped)\b",
    re.I)


class FlowsMixin:
    """Methods of the sentence reader that resolve a figure's flow word into a flow and its parties."""

    def flow_keyword(self, fig_start: int, prev_end: int) -> re.Match[str] | None:
        """The last flow word between the previous figure and this one (not one of an aside closed before it)."""
        before = [m for m in self.flows if prev_end <= m.start() and m.end() <= fig_start
                  and not in_closed_aside(self.t, m.start(), fig_start)]
        if len(before) > 1 and self._in_subject_aside(before[-1], before[-2], fig_start):
            return before[-2]
        return before[-1] if before else None

    def _in_subject_aside(self, kw: re.Match[str], head: re.Match[str], fig_start: int) -> bool:
        """"Russia's trade surplus, built mostly on oil sales, shrank 23.8% to $13.83bn": a flow word inside an aside
        set off by commas between a subject that names its own flow (``head``) and its predicate (a verb of change or
        amount right after the closing comma, the figure after it) describes the subject; the subject's flow is the
        figure's. An aside that opens with a conjunction is a clause of its own, not an aside."""
        o = self.t.rfind(",", 0, kw.start())
        c = self.t.find(",", kw.end())
        if o < head.end() or c < 0 or c >= fig_start or "," in self.t[head.end():o]:
            return False
        inner = self.t[o + 1:c]
        if re.search(r"\d", inner) or re.match(r"\s*(?:and|or|but|while|whereas|as|with|when|which|where)\b", inner, re.I):
            return False
        return _PREDICATE_START.match(self.t[c + 1:fig_start]) is not None

    def flow_after(self, fig_end: int, next_start: int) -> re.Match[str] | None:
        ca, cb = self.clause_of(fig_end - 1)
        # "Russia came second with $6.6 billion, of which Uzbek exports made up $2.4 billion": not past a part's clause
        # "$21.7 billion over the first nine months, or 21.3 percent of the country's foreign trade": nor past a share's
        # "of", whose trade noun is the whole the figure is a part of
        sub = re.search(r",\s*(?:of\s+which|including|while|whereas|but)\b|[\s,(]\s*(?:or\s+)?\d[\d.,]*\s*(?:%|percent|"
                        r"per\s+cent)\s+of\b", self.t[fig_end:])
        cb = min(cb, fig_end + sub.start()) if sub else cb
        after = [m for m in self.flows if fig_end <= m.start() and m.end() <= min(next_start, cb)
                 and not _STANDARD.search(self.t[fig_end:m.start()])]
        return after[0] if after else None

    def _gapped_subject(self, prev: _Flow, prev_verb: bool, prev_end: int, qstart: int) -> str | None:
        """"Russia supplied $878.9 million and Kazakhstan $352.1 million": after the figure of a flow verb whose
        partner is not named, "and <country> <figure>" leaves the verb out, and the country is its new subject."""
        if not (prev_verb and prev.flow in ("X", "M") and prev.subject and prev.partner is None):
            return None
        r = next((r for r in reversed(self.refs) if prev_end <= r.start and r.end <= qstart), None)
        if r is None or r.possessive or r.code in ("TOPIC", "SUBJ", "WLD", "GRP") or r.code == prev.subject \
                or self.t[r.end:qstart].strip() or not re.search(r"(?:,|\band)\s+(?:the\s+)?$", self.t[prev_end:r.start]):
            return None
        return r.code

    def _own_flow_after(self, mo: Money, next_start: int, *, trade: bool = False) -> re.Match[str] | None:
        """A flow noun right after the figure ("$2.076bn of imports", "$5 billion in exports", "$24.7 billion of Chinese
        exports"): after a figure of a flow verb ("buying $3.86bn worth of them"), whose view is the verb's subject's,
        the figure's own flow, seen from the reporter's side, not the verb's carried on. ``trade``: a turnover noun
        too ("$41 billion of trade"), to tell the previous figure's own noun from a flow word of the next figure."""
        noun = r"(?:exports?|imports?|trade|turnover)" if trade else r"(?:exports?|imports?)"
        m = re.match(r"\s+(?:worth\s+)?(?:of|in)\s+(?:(?:its|their|the)\s+)?(?:(?-i:[A-Z])[a-z]+(?:-[A-Z][a-z]+)?\s+)?"
                     r"(?=" + noun + r"\b)", self.t[mo.end:])
        if m is None:
            return None
        kw = next((f for f in self.flows if f.start() == mo.end + m.end() and f.start() < next_start), None)
        return kw

    def resolve_flow(self, kw: re.Match[str], fig_start: int, fig_end: int, next_start: int) -> _Flow:
        flow = {"TT": "T"}.get(kw.lastgroup or "T", kw.lastgroup or "T")
        word = kw.group(0)
        ks, ke = kw.start(), kw.end()
        f = _Flow(flow)
        if flow == "B" and re.search(r"deficit", word, re.I):
            f.sign = -1
        ca, cb = self.clause_of(ks)
        if flow == "B" and (bal := self._balance_in_state(kw, ca)) is not None:
            # "The EU trade balance with China continues to be in deficit, peaking at EUR 180 billion": the state names
            # the sign; the balance it is the state of names the parties
            f = self.resolve_flow(bal, fig_start, fig_end, next_start)
            f.sign = -1 if re.search(r"deficit", word, re.I) else 1
            return f
        # countries attached before the keyword: "Kazakh imports", "China's total exports", "Kyrgyz-Chinese trade"
        attached = self._attached_before(ks, ca) or (balance_holder(self.t, self.refs, ks, ca) if flow == "B" else [])
        # prepositional countries after the keyword, up to the next figure / clause end
        limit = min(cb, next_start) if next_start > fig_end else cb
        if fig_start >= ke:
            limit = max(limit, min(cb, next_start))
        # a flow phrase stops at the next flow word: "imports from Russia ... and exports to Russia ..."
        limit = min([limit] + [m.start() for m in self.flows if m.start() >= ke])
        preps = self._preps_after(ke, limit, skip=(fig_start, fig_end))
        verb = bool(_VERB_FLOW.match(word))
        self._note("flow", 1.0, "flow-verb" if verb else "flow-noun")
        # "China, Pakistan's largest partner, raised its exports to the country": "its" is the clause's subject
        if (verb or re.search(r"\b(?:its|their)\s+$", self.t[max(ca, ks - 8):ks], re.I)) and not attached:
            # "Tajikistan exported goods worth $42 million to Russia and imported goods worth $858 million": the
            # clause's subject, not the last country named ("to Russia" is the earlier verb's partner)
            if verb and (shared := self._coordinated_subject(ks)):
                attached, f.how = [shared], "coordinated-verb"
            elif cands := self._subject_cands(ca, ks):
                attached = [cands[0].code]
                f.how = "clause-subject"
        if flow in ("X", "M"):
            if flow == "X":
                subj = attached[-1] if attached else (preps.get("from") or preps.get("of"))
                part = preps.get("to") or preps.get("into")
            else:
                subj = attached[-1] if attached else (preps.get("to") or preps.get("into"))
                part = preps.get("from") or preps.get("of")
            f.subject, f.partner = subj, part
            f.holder = subj if len(attached) <= 1 else None
            if f.partner is None and preps.get("with"):
                f.partner = preps["with"]
            if f.partner is None and re.search(r"\b(?:total|overall|global|worldwide|foreign|external)\s+(?:(?:"
                                               r"merchandise|goods)\s+)?$", self.t[max(0, ks - 35):ks], re.I):
                f.partner, f.how = "WLD", "world-word"  # "China's total exports decreased by 4.6 percent": the world
        else:
            if not attached and (holder := holder_after(self.t, self.refs, ke, limit)):
                attached = [holder]  # "the trade turnover of Tajikistan with China": Tajikistan's trade
            if flow == "B" and not attached and (holder := self._balance_subject(ca, ks)):
                attached, f.how = [holder], "clause-subject"
            parties: list[str] = []
            for c in attached:
                if c not in parties:
                    parties.append(c)
            for key in ("with", "between", "and", "to", "from"):
                c = preps.get(key)
                if c and c not in parties:
                    parties.append(c)
            f.world = bool(_WORLD_HINT.search(self.t[max(0, ks - 25):ke]))
            if f.world and len(parties) == 1 and attached:
                parties.append("WLD")  # "the country's foreign trade, which totaled $50 billion"
                f.how = "world-word"
            if len(parties) < 2:
                # "Uzbekistan boosted trade with China": the clause's subject(s)
                for r in self.country_refs_between(ca, ks):
                    if len(parties) >= 2:
                        break
                    if re.search(r"\b(?:after|behind|than|ahead\s+of|overtaking|overtook|replacing|displacing|like)\s+"
                                 r"(?:the\s+)?$", self.t[max(0, r.start - 16):r.start]) or self._earlier_flows_party(r, ca):
                        continue  # "Kazakhstan came next after Russia: turnover ...": a comparison, not a party
                    if r.code not in parties:
                        parties.append(r.code)
                        f.how = "clause-subject"
            f.parties = tuple(parties[:2])
            f.holder = attached[0] if len(attached) == 1 else None
            if flow == "B" and attached:
                f.subject = attached[-1]
                f.partner = next((c for c in parties if c != f.subject), None)
        return f

    def _balance_subject(self, ca: int, ks: int) -> str | None:
        """The subject of a verb of having whose object is the balance: "Russia thus posted a surplus of $2.1 billion",
        "the Chinese side ran a surplus" (a side, a country word) holds it, whoever reports it; None otherwise."""
        refs = [r for r in self.refs if ca <= r.start and r.end <= ks]
        if not refs or refs[0] is not refs[-1] or refs[0].possessive or refs[0].code in ("WLD", "CA5"):
            return None  # one party only: "the deficit of Kazakhstan with China" names two, read as before
        r = refs[0]
        if not re.fullmatch(r"\s*(?:the\s+)?", self.t[ca:r.start], re.I):
            return None  # the clause's subject, no preposition's object
        return r.code if _HAS_BALANCE.fullmatch(self.t[r.end:ks]) else None

    def _balance_in_state(self, kw: re.Match[str], ca: int) -> re.Match[str] | None:
        """The balance earlier in the clause whose state a bare "in deficit" / "in surplus" is ("the trade balance with
        China continues to be in deficit"); None for any other deficit or surplus word."""
        if not (re.fullmatch(r"(?:surplus|deficit)", kw.group(0), re.I)
                and re.search(r"\bin\s+$", self.t[max(ca, kw.start() - 4):kw.start()], re.I)):
            return None
        before = [m for m in self.flows if ca <= m.start() and m.end() <= kw.start() and m.lastgroup == "B"
                  and re.search(r"\bbalance\b", m.group(0), re.I)]
        return before[-1] if before else None

    def _subject_cands(self, ca: int, ks: int) -> list[lx.CountryRef]:
        """The countries that may be the subject of a flow word with none attached: those of its clause that are no
        preposition's object, from the clause's start or from a colon or dash break after it ("Moscow sold more than
        it bought: Uzbekistan ...")."""
        cands = [r for r in self.country_refs_between(ca, ks) if not re.search(
            r"\b(?:to|from|with|into|of|and|between)\s+(?:the\s+)?$", self.t[max(0, r.start - 14):r.start], re.I)]
        # "Turkmenistan had a surplus with China: its exports there ...": with no country after the break, the
        # subject before it carries on
        brk = [m.end() for m in re.finditer(r":\s|\s[–—-]\s", self.t[ca:ks])]
        after = [r for r in cands if brk and r.start >= ca + brk[-1]]
        return after or cands

    def _coordinated_subject(self, ks: int, depth: int = 0) -> str | None:
        """"Uzbekistan imported $6.6 billion of Russian goods and exported $3.3 billion": a flow verb joined by "and",
        "while" or "but" to an earlier flow verb of the sentence, with no new subject between, shares that verb's
        subject."""
        prev = [m for m in self.flows if m.end() <= ks and _VERB_FLOW.match(m.group(0))]
        if not prev or depth > 3:
            return None
        pv = prev[-1]
        if not re.search(r"(?:\band|\bwhile|\bbut)\s+(?:(?:also|then|again|in\s+turn)\s+)?$", self.t[pv.end():ks], re.I) \
                or re.search(r"[.;!?]\s", self.t[pv.end():ks]):
            return None
        pa = self.clause_of(pv.start())[0]
        if got := self._attached_before(pv.start(), pa):
            return got[-1]
        if shared := self._coordinated_subject(pv.start(), depth + 1):
            return shared
        cands = self._subject_cands(pa, pv.start())
        return cands[0].code if cands else None

    def _attached_before(self, ks: int, clause_start: int) -> list[str]:
        refs = [r for i, r in enumerate(self.refs) if r.end <= ks and r.start >= clause_start]
        if not refs:
            return []
        last = refs[-1]
        between = self.t[last.end:ks]
        words = re.findall(r"[A-Za-z][\w-]*|[^\s\w'’]", re.sub(r"^['’]s?", "", between))
        if len(words) > 3 or any(
            w.lower() in _STOP_FILLER or not re.match(r"[a-z]", w) or re.search(r"(?:ed|ing)$", w) for w in words
        ):
            return []
        out = [last.code]
        # compound "Kyrgyz-Chinese", "Sino-Kazakh"
        if len(refs) >= 2 and _COMPOUND_SEP.match(self.t[refs[-2].end:last.start]):
            out.insert(0, refs[-2].code)
        return out

    def _preps_after(self, ke: int, limit: int, skip: tuple[int, int]) -> dict[str, str]:
        out: dict[str, str] = {}
        refs = [r for r in self.country_refs_between(ke, max(limit, ke))]
        five: list[str] = []
        for r in refs:
            before = self.t[max(ke, r.start - 40):r.start]
            # "with the five Central Asian states", "to all five republics": a count before the party is no word of it
            m = re.search(r"\b(to|from|with|between|into|and|of)\s+(?:the\s+|its\s+|neighbou?ring\s+|both\s+|all\s+|"
                          r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)*$", before, re.I)
            if m is None and re.search(r",\s*$", before) and five:
                five.append(r.code)
                continue
            if m is None:
                continue
            key = m.group(1).lower()
            if key in ("with", "between"):
                five = [r.code]
            elif key == "and" and five:
                five.append(r.code)
            if key == "of":
                # "imports of Chinese goods", "exports of Kazakh wheat": the goods' origin
                if re.match(r"^\s+[a-z]", self.t[r.end:r.end + 3]) and r.text[:1].isupper() and not r.possessive:
                    out.setdefault("of", r.code)
                continue
            out.setdefault(key, r.code)
        members = set(five)
        if set(lx.CENTRAL_ASIA_CODES) <= members:
            out["with"] = "CA5"
            out.pop("and", None)
            out.pop("between", None)
        return out
