"""Lists, "respectively" and rankings without a verb: a figure's own country by position."""

from __future__ import annotations

import re

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.frames import _Flow
from mirrortrade.claims.numbers import (
    Money,
)
from mirrortrade.claims.vocab import _FLOW_RE

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

    # ---- lists and rankings without a verb ---------------------------------------------------
    def _respectively(self, money: list[Money]) -> dict[int, tuple[str, tuple[str, ...]]]:
        """"Trade with Kazakhstan and Uzbekistan came to $28.6 billion and $4.5 billion respectively": the k-th
        figure of a coordinated list goes with the k-th country of the list before it. Figure start -> (its
        country, all listed countries); empty unless the counts agree."""
        m = re.search(r"\brespectively\b", self.t)
        if m is None or len(money) < 2:
            return {}
        # the run of figures joined by commas / "and" that ends right before "respectively"
        figs = [mo for mo in money if mo.end <= m.start()]
        run: list[Money] = []
        for mo in reversed(figs):
            nxt = run[0].start if run else m.start()
            if re.fullmatch(r"[\s,]*(?:and\s+)?(?:(?:about|around|almost|nearly|some|over|under|more than|less than)\s+)?",
                            self.t[mo.end:nxt] if run else re.sub(r"\([^)]*\)", "", self.t[mo.end:nxt])):
                run.insert(0, mo)
            else:
                break
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
        m = re.search(r"\brespectively\b", self.t)
        if m is None:
            return {}
        figs = [mo for mo in money if mo.end <= m.start()]
        run: list[Money] = []
        for mo in reversed(figs):
            nxt = run[0].start if run else m.start()
            if re.fullmatch(r"[\s,]*(?:and\s+)?(?:(?:about|around|almost|nearly|some|over|under|more than|less than)\s+)?",
                            re.sub(r"\([^)]*\)", "", self.t[mo.end:nxt])):
                run.insert(0, mo)
            else:
                break
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
        """The share a list continues: the sentence's last share claim, else the paragraph's last claim if a
        share."""
        for c in reversed(out):
            if c.kind == "share" and c.reporter and c.share_of is not None or (c.kind == "share" and c.reporter):
                return c
        pc = self.prev_claim
        if pc is not None and pc.kind == "share" and pc.reporter and not pc.missing:
            return pc
        return None

    def _respective_flow(self, fl: _Flow, own: str, listed: tuple[str, ...]) -> _Flow:
        """``fl`` for one member of a "respectively" list: ``own`` instead of the listed countries."""
        if fl.flow in ("X", "M"):
            if fl.subject in listed:
                return _Flow(fl.flow, own, fl.partner if fl.partner not in listed else None, (), fl.world, fl.sign)
            return _Flow(fl.flow, fl.subject, own, (), fl.world, fl.sign)
        others = [c for c in fl.parties if c not in listed]
        if not others:
            src = self.reporter_for(0)
            self._why.pop("reporter", None)  # only looked at here; the figure's own look-up decides its confidence
            for c in (src.reporter if src else None, self.art.hub, self.topic):
                if c and c not in listed:
                    others = [c]
                    break
        return _Flow(fl.flow, fl.subject, fl.partner, tuple(others[:1]) + (own,), fl.world, fl.sign)

    _OWN_GAP = re.compile(r"^\s*(?:\(\s*[+−-]?|[–—-]\s*|:\s*|\s+(?:[a-z]+\s+){0,4}with\s+|\s+(?:[a-z]+\s+){0,3}at\s+)$")

    def _own_party(self, mo: Money, prev_end: int, qstart: int) -> str | None:
        """The country a figure is attached to by position: "Uzbekistan ($13.7 billion)", "Kazakhstan – a
        little over $1 billion", "Kyrgyzstan ranked second with $22.7 billion"."""
        ca, _ = self.clause_of(mo.start)
        lo = max(prev_end, ca) if prev_end else ca
        refs = [r for i, r in enumerate(self.refs) if lo <= r.start and r.end <= qstart and i not in self.in_source
                and r.code not in ("TOPIC", "SUBJ", "WLD")]
        if not refs:
            return None
        r = refs[-1]
        gap = self.t[r.end:qstart]
        if r.possessive or not self._OWN_GAP.match(gap) or _FLOW_RE.search(gap):
            return None
        return r.code

    def _ranking_flow(self, mo: Money, prev_end: int, qstart: int) -> _Flow | None:
        """A figure with no flow word whose country stands right before it continues the article's last level:
        its flow and its other party, with this country in the place of the last one's partner."""
        own = self._own_party(mo, prev_end, qstart)
        if own is None or not self.art.last_levels:
            return None
        base = next((c for c in self.art.last_levels if c.flow == "T"), self.art.last_levels[0])
        if base.reporter is None or base.flow is None or own == base.reporter:
            return None
        self._note("flow", 0.7)
        if base.flow == "T":
            return _Flow("T", parties=(base.reporter, own))
        return _Flow(base.flow, subject=base.reporter, partner=own)
