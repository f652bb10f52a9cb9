"""Lists, "respectively" and rankings without a verb: a figure's own country by position."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import GUESSED, Claim
from mirrortrade.claims.frames import _Flow, _with_party
from mirrortrade.claims.numbers import Money, Percent, find_percents
from mirrortrade.claims.vocab import _FLOW_RE
from mirrortrade.model import value_interval

#: what may stand between a country and its share in a list: "Russia (16.2%)", "Kazakhstan's 8,3%", "China – 19.8%",
#: "Kazakhstan for 8,3 percent", "Turkey 10.7%", "China took 17.4%", "China's share was 16,8%"
_SHARE_GAP = re.compile(
    r"^(?:\s*\(\s*|\s*[–—-]\s*|\s*:\s*|['’]s?\s+(?:share\s+(?:was|is|stood\s+at|of|at|reached)\s+)?|\s+for\s+|\s+"
    r"|\s+(?:took|had|held|with|accounted\s+for|made\s+up|represented|was|at|stood\s+at)\s+)"
    r"(?:(?:about|around|almost|nearly|some|over|under|more\s+than|less\s+than|just\s+over|just\s+under)\s+)?$",
    re.I,
)


class ListsMixin:
    """Methods of the sentence reader for coordinated lists and rankings."""

    # ---- coordinated flow phrases ------------------------------------------------------------
    def _earlier_flows_party(self, r: lx.CountryRef, clause_start: int) -> bool:
        """``r`` is the prepositional party of an earlier flow phrase of the clause ("trade with Russia amounted to
        $764 million and trade with China to $700 million"): it belongs to that phrase, not to a later one."""
        flows = [f for f in self.flows if clause_start <= f.start() and f.end() <= r.start]
        return bool(flows) and re.fullmatch(r"\s+(?:with|to|from|into)\s+(?:the\s+)?", self.t[flows[-1].end():r.start],
                                            re.I) is not None

    # ---- lists and rankings without a verb ---------------------------------------------------
    def _respective_figures(self, money: list[Money], *, brackets_before_word_only: bool) -> list[Money]:
        """The run of figures joined by commas / "and" (and "about", "over" ...) that ends right before
        "respectively"; bracketed asides are skipped between the last figure and the word (everywhere with
        ``brackets_before_word_only`` False). Empty without "respectively"."""
        m = re.search(r"\brespectively\b", self.t)
        if m is None:
            return []
        run: list[Money] = []
        for mo in reversed([mo for mo in money if mo.end <= m.start()]):
            nxt = run[0].start if run else m.start()
            gap = self.t[mo.end:nxt]
            if not (run and brackets_before_word_only):
                gap = re.sub(r"\([^)]*\)", "", gap)
            if not run:  # "24.8 percent and 23.2 percent of the republic's total trade, respectively"
                gap = re.sub(r"^\s+of\s+[^.;:$%\d()]{1,60}?,?(?=\s*$)", "", gap)
            if re.fullmatch(r"[\s,]*(?:and\s+)?(?:(?:about|around|almost|nearly|some|over|under|more than|less than)\s+)?",
                            gap):
                run.insert(0, mo)
            else:
                break
        return run

    def _respectively(self, money: list[Money]) -> dict[int, tuple[str, tuple[str, ...]]]:
        """"Trade with Kazakhstan and Uzbekistan came to $28.6 billion and $4.5 billion respectively": the k-th
        figure of a coordinated list goes with the k-th country of the list before it. Figure start -> (its
        country, all listed countries); empty unless the counts agree."""
        if len(money) < 2:
            return {}
        run = self._respective_figures(money, brackets_before_word_only=True)
        if len(run) < 2:
            return {}
        # the run of countries joined by commas / "and" before the first figure
        refs = [r for i, r in enumerate(self.refs) if r.end <= run[0].start and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")]
        # maximal runs of countries joined by commas / "and"; the last one as long as the run of figures
        runs: list[list[lx.CountryRef]] = []
        for r in refs:
            if runs and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?", self.t[runs[-1][-1].end:r.start]):
                runs[-1].append(r)
            else:
                runs.append([r])
        match = [rn for rn in runs if len(rn) == len(run)]
        if not match:
            return {}
        codes = tuple(r.code for r in match[-1])
        if len(set(codes)) != len(codes):
            return {}
        return {mo.start: (code, codes) for mo, code in zip(run, codes, strict=True)}

    def _respective_flows(self, money: list[Money]) -> dict[int, re.Match[str]]:
        """"Exports to and imports from China came to $5.1 billion and $7.8 billion respectively": the k-th figure
        of the list goes with the k-th flow word of a list of flow words before it (figure start -> flow word);
        empty unless the counts agree."""
        run = self._respective_figures(money, brackets_before_word_only=False)
        if len(run) < 2:
            return {}
        words = [f for f in self.flows if f.end() <= run[0].start]
        # the flow words joined by "and" / commas (with their prepositional countries) right before the figures
        group: list[re.Match[str]] = []
        for f in reversed(words):
            if group and not re.fullmatch(r"\s*(?:to|from|with)?\s*(?:[A-Z][\w'’-]*\s*)?(?:,\s*|\s+)(?:and\s+)?",
                                          self.t[f.end():group[0].start()]):
                break
            group.insert(0, f)
        kinds = [f.lastgroup for f in group]
        if len(group) != len(run) or len(set(kinds)) != len(kinds):
            return {}
        return {mo.start: f for mo, f in zip(run, group, strict=True)}

    def _respective_rates(self, pcts: list) -> dict:  # type: ignore[type-arg]
        """Percent start -> (level claim, sign) for a run of rates after a "respectively" list of levels, as many as
        the levels: "came to $28.6 billion and $4.5 billion respectively, up 11.3 percent and 58.3 percent"."""
        listed = [c for c in self._respective_list if c is not None]
        if len(listed) < 2 or len(listed) != len(self._respective_list):
            return self._signed_rates(pcts)
        after = [p for p in pcts if p.start > listed[-1].end - self.s.start and not p.points]
        run = after[:len(listed)]
        if len(run) != len(listed):
            return {}
        for a, b in zip(run, run[1:], strict=False):
            if not re.fullmatch(r"[\s,]*(?:and\s+)?", self.t[a.end:b.start]):
                return {}
        gap = self.t[listed[-1].end - self.s.start:run[0].start]
        m = re.search(r"\b(?:(?P<up>up|rising|rose|increas\w*|grew|growing|higher)|(?P<down>down|falling|fell|declin\w*|"
                      r"decreas\w*|lower))\s+(?:by\s+)?$", gap)
        if m is None or len(gap) > 40 or any(c.growth_pct is not None for c in listed):
            return {}
        sign = -1 if m.group("down") else 1
        return {p.start: (c, sign) for p, c in zip(run, listed, strict=True)}

    #: the sign a rate of a list carries before it: "a fall of", "a rise of", "up", "down by"
    _RATE_SIGN = re.compile(r"(?:\b(?:an?\s+)?(?:(?P<up>rise|increase|growth|gain|jump)|(?P<down>fall|decline|decrease|drop))"
                            r"\s+of|\b(?:(?P<up2>up)|(?P<down2>down))(?:\s+by)?)\s+$")
    #: one plural sign word for the whole run: "increases of 14 percent and 9.3 percent respectively"
    _RUN_SIGN = re.compile(r"\b(?:(?P<up>rises|increases|gains|jumps)|(?P<down>falls|declines|decreases|drops))\s+of\s+$")

    def _signed_rates(self, pcts: list) -> dict:  # type: ignore[type-arg]
        """"Trade with Russia came to $764 million and trade with China to $700 million, a fall of 9.3 percent and a
        rise of 32 percent respectively": a run of rates, each with its own sign word, ending right before
        "respectively" and right after the sentence's levels, as many as they: the k-th rate is the k-th level's."""
        m = re.search(r"\brespectively\b", self.t)
        levels = [c for _, c in getattr(self, "_level_money", []) if c is not None and c.kind == "level"]
        if m is None or len(levels) < 2 or any(c.growth_pct is not None for c in levels):
            return {}
        before = [p for p in pcts if p.end <= m.start() and p.start > levels[-1].end - self.s.start]
        run: list[tuple[object, int]] = []
        end = levels[-1].end - self.s.start
        shared: int | None = None  # the sign of a plural sign word before the run ("increases of A and B")
        for p in before:
            gap = self.t[end:p.start]
            if shared is not None and re.fullmatch(r"[\s,]*(?:and\s+)?", gap):
                run.append((p, shared))
                end = p.end
                continue
            sg = self._RATE_SIGN.search(gap)
            many = self._RUN_SIGN.search(gap) if sg is None and not run else None
            hit = sg or many
            lead = gap[:hit.start()] if hit else ""
            if hit is not None and not run:
                lead = self._without_periods(lead, end)  # "bought $12.5 billion in 2013, increases of ..."
            if hit is None or not re.fullmatch(r"[\s,]*(?:and\s+)?", lead):
                return {}
            sign = -1 if (hit.group("down") or (sg is not None and sg.group("down2"))) else 1
            if many is not None:
                shared = sign
            run.append((p, sign))
            end = p.end
        if len(run) != len(levels) or not re.fullmatch(r"[\s,]*", self.t[end:m.start()]):
            return {}
        if len({(c.partner, c.flow) for c in levels}) != len(levels) \
                or len({(c.reporter, c.period) for c in levels}) != 1:
            return {}  # the levels are one statistic's figures for several partners or flows of one period
        return {p.start: (c, sign) for (p, sign), c in zip(run, levels, strict=True)}

    def _without_periods(self, text: str, offset: int) -> str:
        """``text`` (starting at ``offset`` in the sentence) with its periods and their prepositions ("in 2013")
        blanked out."""
        chars = list(text)
        for pm in self.periods:  # type: ignore[attr-defined]
            for i in range(max(pm.start, offset), min(pm.end, offset + len(chars))):
                chars[i - offset] = " "
        return re.sub(r"\b(?:in|for|during|over)\s+(?=[\s,]*$)", " ", "".join(chars))

    def _respective_shares(self, pcts: list) -> dict:  # type: ignore[type-arg]
        """"The shares of China and Russia in the country's total trade were 24.8 percent and 23.2 percent
        respectively": percent start -> (frame, country), the whole being the reporting statistics' country."""
        listed = self._respectively(pcts)
        if not listed:
            return {}
        # "the shares of China and Russia ... were", or the whole after the run: "China and Russia hold 24.8 percent
        # and 23.2 percent of the republic's total trade, respectively"
        last = max(p.end for p in pcts if p.start in listed)
        m = re.search(r"\bshares?\s+of\b", self.t)
        after = re.match(r"\s+of\s+(?=[^.;]{0,60}\b(?:trade|turnover|exports|imports)\b)", self.t[last:])
        if m is None and after is None:
            return {}
        tail = self.t[m.end():] if m is not None else self.t[last + after.end():]  # type: ignore[union-attr]
        src = self.reporter_for(0)
        self._why.pop("reporter", None)
        self._how.pop("reporter", None)
        codes = next(iter(listed.values()))[1]
        if src is None or not src.reporter or src.reporter in codes:
            return {}
        flow = "X" if re.match(r"[^.;]{0,80}\bexports\b", tail) else "M" if re.match(r"[^.;]{0,80}\bimports\b", tail) else "T"
        frame = Claim(id="", quote=self.t, start=0, end=0, reporter=src.reporter, partner=None, flow=flow,
                      period=None, qualifier="exact", source=src.sid or None, kind="share", share_of="trade")
        return {start: (frame, code) for start, (code, _) in listed.items()}

    def _share_levels(self, out: list[Claim], level_claims: list) -> None:  # type: ignore[type-arg]
        """"China accounted for 21.3 percent of Kazakhstan's foreign trade, worth $21.7 billion", "Russia's share was
        18.6 percent ($18.9 billion)": the dollar figure is the share's part, the holder's trade with the whole."""
        for s in [c for c in out if c.kind == "share" and not c.missing and c.reporter and c.partner]:
            s_end = s.end - self.s.start
            for mo, c in level_claims:
                if mo.start < s_end or (c is not None and c.kind != "level"):
                    continue
                gap = self.t[s_end:lx.qualifier_before(self.t, mo.start)[1]]
                if not re.fullmatch(r"\s*\(\s*|[^$.;()]{0,90}?,\s*worth\s+|[^$.;()\d]{0,40}:\s*", gap) or _FLOW_RE.search(gap.split(",")[-1]):
                    break
                fl = _Flow(s.flow, subject=s.reporter, partner=s.partner, how="share-part") if s.flow in ("X", "M") \
                    else _Flow(s.flow, parties=(s.reporter, s.partner), how="share-part")
                self._begin()
                self._note("flow", 0.9, "share-part")
                qual, _ = lx.qualifier_before(self.t, mo.start)
                src = self.reporter_for(mo.start)
                new = self._make_claim(mo, fl, src, qual, "level", 1, s_end, len(self.t))
                if (new.reporter, new.partner) != (s.reporter, s.partner):
                    break
                if c is not None:
                    out.remove(c)
                self._appended_rate(new, mo.end)
                out.append(new)
                break
        out.sort(key=lambda c: c.start)

    def _appended_rate(self, c: Claim, pos: int) -> None:
        """"...: $48.7 billion, up 11 percent": a rate set off right after a level read late (a share's part) is
        that level's growth."""
        m = re.match(r",\s*(?:(?P<up>up|rising|an?\s+increase\s+of)|(?P<down>down|falling|an?\s+(?:decrease|decline|drop)"
                     r"\s+of))\s+(?:by\s+)?", self.t[pos:])
        pc = next((p for p in find_percents(self.t) if m is not None and p.start == pos + m.end() and not p.points), None)
        if m is None or pc is None or c.growth_pct is not None or re.match(r"\s*(?:of|points?)\b", self.t[pc.end:]):
            return
        lo, hi = value_interval(pc.value, pc.precision, "exact")
        sign = -1 if m.group("down") else 1
        c.growth_pct = sign * pc.value
        c.growth_low, c.growth_high = (lo, hi) if sign > 0 else (-hi, -lo)
        c.growth_base = self._base_for(c.period, pc.end)

    def _share_partner(self, pc_start: int, lo: int) -> str | None:
        """The country a share in a list belongs to by position ("followed by Russia (16.2%)", "Kazakhstan's 8,3%")."""
        refs = [r for i, r in enumerate(self.refs) if lo <= r.start and r.end <= pc_start and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")]
        qual_start = lx.qualifier_before(self.t, pc_start)[1]
        if not refs:
            return None
        r = refs[-1]
        gap = self.t[r.end:qual_start]
        if not _SHARE_GAP.match(gap) or _FLOW_RE.search(gap):
            return None
        return r.code

    def _share_frame(self, out: list) -> object | None:  # type: ignore[type-arg]
        """The share a list continues: the sentence's last share claim, else the paragraph's last share."""
        for c in reversed(out):
            if c.kind == "share" and c.reporter and c.share_of is not None or (c.kind == "share" and c.reporter):
                return c
        pc = self.prev_share
        if pc is not None and pc.reporter and not pc.missing:
            return pc
        return None

    def _respective_flow(self, fl: _Flow, own: str, listed: tuple[str, ...]) -> _Flow:
        """``fl`` for one member of a "respectively" list: ``own`` instead of the listed countries."""
        if fl.flow in ("X", "M"):
            if fl.subject in listed:
                return _Flow(fl.flow, own, fl.partner if fl.partner not in listed else None, (), fl.world, fl.sign)
            return _Flow(fl.flow, fl.subject, own, (), fl.world, fl.sign)
        # a country standing right before its own bracketed figure ("Turkmenistan (+$57 million)") is that figure's
        # party, not the one that stays along this list
        owners = {r.code for r in self.refs if re.match(r"\s*\(\s*[+±−-]?\s*(?:US)?\$?\s*\d", self.t[r.end:])}
        others = [c for c in fl.parties if c not in listed and c not in owners]
        src = self.reporter_for(0)
        self._why.pop("reporter", None)  # only looked at here; the figure's own look-up decides its confidence
        self._how.pop("reporter", None)
        steady = [c for c in (src.reporter if src else None, self.art.hub, self.topic) if c and c not in listed]
        if len(others) > 1:
            # "... and Turkmenistan (+$57 million), while Uzbekistan and Tajikistan saw declines of $260 million and
            # $65 million respectively": the party that stays is the statistics' own (or the article's hub), not
            # the previous list's last member
            others.sort(key=lambda c: steady.index(c) if c in steady else len(steady))
        elif not others:
            others = steady[:1]
        return _Flow(fl.flow, fl.subject, fl.partner, tuple(others[:1]) + (own,), fl.world, fl.sign)

    #: what stands between a country and its figure in a ranking: "Uzbekistan ($13.7 billion)", "Kazakhstan – $1
    #: billion", a predicate of lower-case words before "with"/"at" ("remained the region's largest partner with",
    #: ", which had briefly taken the lead, slipped to second place with")
    _OWN_GAP = re.compile(r"^\s*(?:\(\s*(?:\d+(?:[.,]\d+)?\s*(?:percent|per\s+cent|%)\s*(?:,|;|or|and)\s*)?[+−-]?|[–—-]\s*|:\s*|[\s,]+(?:[a-z'’]+[\s,]+){0,10}with\s+|"
                          r"[\s,]+(?:[a-z'’]+[\s,]+){0,6}at\s+|\s+(?:[a-z]+\s+){1,3}(?:[–—-]|\(|:)\s*)$")
    #: a region or the world after "in", "among", "of": the domain of a ranking ("the largest partner in the region"),
    #: not a party
    _DOMAIN = re.compile(r"\b(?:in|among|of|across|within)\s+(?:the\s+|all\s+)?$")
    #: "Kazakhstan followed Russia with $550 million": the country compared with is not the figure's
    _COMPARED = re.compile(r"\b(?:followed|trailed|after|behind|ahead\s+of|overtaking|overtook|than)\s+(?:the\s+)?$")

    def _own_party(self, mo: Money, prev_end: int, qstart: int) -> str | None:
        """The country a figure is attached to by position: "Uzbekistan ($13.7 billion)", "Kazakhstan – a
        little over $1 billion", "Kyrgyzstan ranked second with $22.7 billion"."""
        ca, _ = self.clause_of(mo.start)
        lo = max(prev_end, ca) if prev_end else ca
        refs = [r for i, r in enumerate(self.refs) if lo <= r.start and r.end <= qstart and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD") and not (
                    r.code in ("CA5", "GRP") and self._DOMAIN.search(self.t[max(0, r.start - 12):r.start]))]
        # "Uzbekistan, which had overtaken Kyrgyzstan a year earlier, moved up to second place with": an aside
        asides = [m.span() for m in re.finditer(r",\s*(?:which|who|that)\b[^,;:()]*,", self.t[:qstart])]
        refs = [r for r in refs if not any(a <= r.start < b for a, b in asides)] if len(refs) > 1 else refs
        while len(refs) > 1 and self._COMPARED.search(self.t[max(0, refs[-1].start - 16):refs[-1].start]):
            refs.pop()
        if not refs:
            return None
        r = refs[-1]
        gap = self.t[r.end:qstart]
        for o in self.refs:
            if r.end <= o.start and o.end <= qstart:
                gap = gap.replace(o.text, "")
        gap = re.sub(r",\s*(?:which|who|that)\b[^,;:()]*,", ",", gap)
        gap = re.sub(r"\s(?:followed|trailed|after|behind|ahead\s+of|overtaking|overtook)\s+(?:the\s+)?(?=\s)", " ", gap)
        if r.possessive:
            if self._possessive_member(gap):
                return r.code
            return r.code if self._possessor_member(r, gap, prev_end) else None
        if not self._OWN_GAP.match(gap) or _FLOW_RE.search(gap):
            return None
        return r.code

    def _possessive_member(self, gap: str) -> bool:
        """"Kazakhstan's figure went from $A to $B, Uzbekistan's from $C to $D": after a country's own figure of the
        statistic referred to, "<country>'s" right before a figure (with "from", "at", "to" between) is the next
        member of that list, with its noun left out."""
        return getattr(self, "anaphor_owner", None) is not None and bool(
            re.match(r"^['’]?s?\s*(?:(?:went|was|stood|came)\s+)?(?:from|at|to|of)?\s*$", gap))

    def _possessor_member(self, r: lx.CountryRef, gap: str, prev_end: int) -> bool:
        """"put the region's trade with China at $70.2bn in 2022 and Kazakhstan's at $31.2bn": after a figure of a
        flow named with its possessor ("the region's trade"), "and <country>'s" right before a figure (with "at",
        "to", "of" between, no flow word) is the next member with the flow noun left out: it takes the possessor's
        place (kept in ``member_before`` for :func:`~mirrortrade.claims.frames._with_party`), the other party stays."""
        if not re.fullmatch(r"['’]s?\s+(?:at|to|of)\s+", gap) or not prev_end:
            return False
        if not re.search(r"(?:,|\band|\bwhile|\bwhereas)\s+$", self.t[prev_end:r.start]):
            return False
        ca, _ = self.clause_of(prev_end)
        owners = [o for o in self.refs if o.possessive and ca <= o.start and o.end <= prev_end
                  and o.code not in ("TOPIC", "SUBJ", "WLD", "GRP", r.code)]
        if not owners or not re.match(r"['’]s?\s+(?:(?:total|overall|combined|foreign|bilateral|mutual)\s+)?"
                                      r"(?:trade|turnover|exports?|imports?)\b", self.t[owners[-1].end:]):
            return False
        self.member_before = owners[-1].code
        return True

    def _first_member(self, fl: _Flow, kw_end: int, mo: Money, qstart: int) -> _Flow:
        """"Kazakhstan ran a surplus with four partners: Italy ($41 million), Spain ($30 million) ...": a flow phrase
        that names no partner of its own, followed by a list whose first member stands right before the figure, is
        that member's (the members after it are read by :meth:`_own_party` from the figure before them)."""
        open_partner = fl.partner is None and (fl.flow in ("X", "M") or (fl.flow == "B" and fl.subject))
        open_pair = fl.flow in ("T", "B") and not fl.subject and len(fl.parties) < 2 and not fl.world
        if not (open_partner or open_pair):
            return fl
        own = self._own_party(mo, kw_end, qstart)
        if own is None or own in (fl.subject, *fl.parties) or own in ("CA5", "GRP"):
            return fl
        new = _with_party(fl, own)
        new.how = "list-member"
        return new

    def _elliptic_party(self, prev_end: int, qstart: int, fig_end: int = -1) -> str | None:
        """"Trade with Turkmenistan exceeded $40 million, while that with Kyrgyzstan dropped to $10 million": "that
        with <country>" stands for the flow just named, with that country in its partner's place."""
        found = list(re.finditer(r"\b(?:that|those)\s+(?:with|of|to|from)\s+(?:the\s+)?", self.t[prev_end:qstart]))
        m = found[-1] if found else None
        if m is None:
            return self._gapped_party(prev_end, qstart) or (self._compared_party(qstart, fig_end) if fig_end >= 0 else None)
        a = prev_end + m.end()
        return next((r.code for r in self.refs if r.start == a and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5")), None)

    def _elliptic_rate(self, out: list[Claim], pc: Percent, qual: str, g: tuple[float, float, float],
                       prev_end: int) -> bool:
        """"India's imports grew 39.6% to $361.1 billion, while those from China grew 25.4%": a rate with no flow word
        of its own whose clause names "that/those with|to|from <country>" stands for the flow of the sentence's figure
        before it, with that country in its partner's place (as :meth:`_elliptic_party` for a dollar figure). Only
        when that figure is its reporter's own flow and the preposition fits it ("those from" imports, "those to"
        exports, "that with" trade) and no other statistics are named for the rate."""
        ca, _ = self.clause_of(pc.start)
        a = max(ca, prev_end)
        m = list(re.finditer(r"\b(?:that|those)\s+(?P<dir>with|to|from)\s+(?:the\s+)?", self.t[a:pc.start], re.I))
        if not m:
            return False
        at = a + m[-1].end()
        party = next((r.code for r in self.refs if r.start in (at, a + m[-1].start("dir") + len(m[-1]["dir"]) + 1)
                      and r.code not in ("TOPIC", "SUBJ", "WLD", "CA5", "GRP", "SUB")), None)
        last = next((c for c in reversed(out) if c.kind in ("level", "growth") and c.start - self.s.start < pc.start), None)
        if party is None or last is None or last.missing or party in (last.reporter, last.partner):
            return False
        if {"X": "to", "M": "from", "T": "with"}.get(last.flow or "") != m[-1]["dir"].lower():
            return False  # (a reporter's view turned from the subject's: "Kazakh imports from China" as China's exports)
        src = self.reporter_for(pc.start)
        if src is not None and src.reporter and src.reporter != last.reporter:
            return False
        if any(not pm.base and pm.period and pm.period != last.period and a <= pm.start < pc.end + 40
               for pm in self.periods):
            return False  # the clause names a period of its own
        c = Claim(id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=last.reporter,
                  partner=party, flow=last.flow, period=last.period, qualifier=qual, source=last.source, kind="growth",
                  text=pc.text, paragraph=last.paragraph, growth_pct=g[0], growth_low=g[1], growth_high=g[2],
                  growth_base=last.growth_base, slots={**last.slots, "partner": min(0.9, last.slots.get("partner", 1.0))},
                  how={**last.how, "partner": "elliptic-party"}, missing=[])
        out.append(c)
        return True

    def _coordinated_rate(self, out: list[Claim], pc: Percent, qual: str, g: tuple[float, float, float],
                          prev_end: int) -> bool:
        """"Its trade with China jumped 24 percent in 2024 to $22.7 billion and grew by another 20 percent last year": a
        rate whose clause is a second predicate of the figure's subject ("and" or "but", a verb, no party, flow word or
        number of its own) is the same flow's rate for the period its own clause names; none, or the figure's own
        period (whose rate is already given), leaves it unread."""
        last = next((c for c in reversed(out) if c.kind == "level" and c.end - self.s.start == prev_end), None)
        qstart = lx.qualifier_before(self.t, pc.start)[1]
        gap = self.t[prev_end:qstart]
        if last is None or last.missing or not re.fullmatch(
                r"[\s,]*(?:and|but)\s+(?:(?:then|also|later)\s+)?[a-z]+(?:\s+(?:up|down))?\s+(?:by\s+)?"
                r"(?:(?:another|a\s+further|a\s+more\s+modest|further)\s+)?", gap):
            return False
        _, cb = self.clause_of(pc.start)
        own = [pm for pm in self.periods if not pm.base and pm.period and pc.end <= pm.start < cb]
        if not own or own[0].period == last.period or re.search(r"[$\d]", self.t[pc.end:own[0].start]):
            return False
        self._begin()
        src = self.reporter_for(pc.start)
        if src is not None and src.reporter and src.reporter != last.reporter:
            return False
        c = Claim(id="", quote=self.t, start=self.s.start + pc.start, end=self.s.start + pc.end, reporter=last.reporter,
                  partner=last.partner, flow=last.flow, period=own[0].period, qualifier=qual, source=last.source,
                  kind="growth", text=pc.text, paragraph=last.paragraph, growth_pct=g[0], growth_low=g[1],
                  growth_high=g[2], slots=dict(last.slots), how={**last.how, "period": "clause-after"}, missing=[])
        c.growth_base = self._rate_base(c.period, pc.end)  # type: ignore[attr-defined]
        out.append(c)
        return True

    def _compared_party(self, qstart: int, fig_end: int) -> str | None:
        """"Trade between the EU and China was worth $709bn in 2020, against $671bn with the US": a figure compared
        with the one before it that names its own partner right after it ("with the US") is that partner's figure
        (of the same period), not a base of the first."""
        lead = self.t[max(0, qstart - 40):qstart]
        own = next((r for r in reversed(self.refs) if r.possessive and r.end <= qstart), None)
        if own is not None and self._possessive_member(self.t[own.end:qstart]):
            return own.code  # "..., Uzbekistan's from $11.1bn to $12.9bn": the member's own figure, no base
        m = re.match(r"\s+(?:with|to|from|for)\s+((?:the\s+)?)", self.t[fig_end:])
        if m is None or not re.search(r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|as\s+against)\s+$", lead):
            return None
        r = next((r for r in self.refs if r.start in (fig_end + m.start(1), fig_end + m.end())), None)
        if r is None or r.code in ("TOPIC", "SUBJ", "GRP", "SUB") or r.possessive:
            return None
        # a side remark: the sentence goes on about its first figure (see ``side_figures``)
        self.side_figures = getattr(self, "side_figures", set()) | {fig_end}
        return r.code

    def _gapped_party(self, prev_end: int, qstart: int) -> str | None:
        """"Turnover with Kyrgyzstan came to $903 million, and with Afghanistan to $777 million": a coordinated
        clause whose flow word and verb are left out ("and with <country> to <figure>", ", with <country> <figure>")
        has the flow just named, with that country in the partner's place."""
        gap = self.t[prev_end:qstart]
        refs = [r for r in self.refs if prev_end <= r.start and r.end <= qstart and r.code not in ("TOPIC", "SUBJ")]
        if len(refs) != 1 or refs[0].code in ("WLD", "CA5", "GRP") or refs[0].possessive:
            return None
        r = refs[0]
        head, tail = self.t[prev_end:r.start], self.t[r.end:qstart]
        if _FLOW_RE.search(gap) or not re.search(
                r"(?:(?:^|[,;]\s*|\s)and\s+(?:also\s+)?|^(?:\s+(?:in|during|for)\s+[\w\s–-]{1,20}?)?\s*,\s*)(?:with|to|from)\s+(?:the\s+)?(?:neighbou?ring\s+)?$",
                head) or not re.fullmatch(r"\s+(?:(?:to|at|of|by)\s+)?", tail):
            return None
        # before it, only what ends the previous figure's phrase ("million respectively,", "in 2020,")
        if re.search(r"[;:()]|\b(?:while|whereas|but|which|who)\b", head):
            return None
        return r.code

    def _gapped_pair(self, prev: _Flow, prev_verb: bool, prev_end: int, qstart: int, fig_end: int) -> _Flow | None:
        """"Peru sold goods worth $1.2 billion to Chile, and Chile goods worth $0.9 billion to Peru": a verb of selling
        or buying left out after "and", with a new subject before the figure and a new party after it ("to" for a
        sale, "from" for a purchase), is that verb with these parties (Chile's sales to Peru, not Peru's)."""
        if not (prev_verb and prev.flow in ("X", "M") and prev.subject and prev.partner):
            return None
        refs = [r for r in self.refs if prev_end <= r.start and r.end <= qstart and r.code not in ("TOPIC", "SUBJ")]
        if not refs or refs[-1].possessive or refs[-1].code in ("WLD", "CA5", "GRP"):
            return None
        r = refs[-1]
        if _FLOW_RE.search(self.t[prev_end:qstart]) or not re.search(
                r"[,;]?\s+(?:and|while|whereas)\s+(?:the\s+)?$", self.t[prev_end:r.start]) or not re.fullmatch(
                r"\s+(?:(?:goods|products|merchandise|commodities)\s+)?(?:worth\s+)?(?:of\s+)?", self.t[r.end:qstart]):
            return None
        m = re.match(r"\s+(?:worth\s+of\s+(?:goods|products)\s+)?(to|into|from)\s+(?:the\s+)?", self.t[fig_end:])
        if m is None or (m.group(1) == "from") != (prev.flow == "M"):
            return None
        o = next((x for x in self.refs if x.start == fig_end + m.end() and not x.possessive), None)
        if o is None or o.code in (r.code, "TOPIC", "SUBJ", "WLD", "CA5", "GRP"):
            return None
        return _Flow(prev.flow, r.code, o.code, how="list-member")

    def _ranking_flow(self, mo: Money, prev_end: int, qstart: int) -> _Flow | None:
        """A figure with no flow word whose country stands right before it continues the article's last level:
        its flow and its other party, with this country in the place of the last one's partner."""
        own = self._own_party(mo, prev_end, qstart)
        if own is None or not self.art.last_levels:
            return None
        last = self.art.last_levels[0]
        # "The United Kingdom was the largest buyer ... with $386.7 million. Russia was second at $230 million": in
        # the paragraph of a partner's figure, the ranking goes on in that figure's flow; else in turnover
        base = last if last.paragraph == self.p.index and last.partner not in (None, "WLD", "CA5") else next(
            (c for c in self.art.last_levels if c.flow == "T"), last)
        if base is last and last.flow in ("X", "M"):
            # "China remained the main partner, with trade of $5.27bn. Chinese goods made up $4.32bn of that figure.
            # Russia came second at $4.41bn": one side of the turnover just given is a part of it, not the ranking's
            whole = next((c for c in self.art.last_levels[1:] if c.paragraph == last.paragraph and c.flow == "T"
                          and {c.reporter, c.partner} == {last.reporter, last.partner} and c.period == last.period),
                         None)
            base = whole or base
        if base.reporter is None or base.flow is None or own == base.reporter:
            return None
        if base.flow == "T" and (base.how or {}).get("reporter") == GUESSED:
            # "Trade between South Korea and Russia came to $15 billion ... Brazil rose to ninth place, with $11.3
            # billion": the last turnover's reporter, the ranking's owner, is only the order a pair was named in
            return None
        self._note("flow", 0.7, "ranking")
        if base.flow == "T":
            return _Flow("T", parties=(base.reporter, own), how="ranking")
        return _Flow(base.flow, subject=base.reporter, partner=own, how="ranking")
