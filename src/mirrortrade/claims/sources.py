"""Statistical sources named in a sentence: who reports the figures that follow."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mirrortrade.claims import lexicon as lx


@dataclass
class _Source:
    start: int
    end: int
    reporter: str
    kind: str
    sid: str



def _find_sources(text: str, refs: list[lx.CountryRef], offset: int = 0, topic: str | None = None) -> list[_Source]:
    """Statistical sources named in ``text``; an agency named without its country ("the National Statistical
    Committee reported") is the sentence's country's, else the paragraph's ``topic``."""
    out: list[_Source] = []
    for rx, rep, kind in lx.NAMED_SOURCES:
        for m in rx.finditer(text):
            sid = kind if not rep else lx.source_id(rep, kind)
            out.append(_Source(m.start() + offset, m.end() + offset, rep, "intl" if not rep else kind, sid))
    for r in refs:
        if r.code in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU"):
            continue
        a, b = r.start - offset, r.end - offset
        tail = text[b:b + 80]
        m = lx.SOURCE_AFTER_COUNTRY.match(tail)
        if m:
            kind = lx.source_kind(m.group(0))
            out.append(_Source(r.start, r.end + m.end(), r.code, kind, lx.source_id(r.code, kind)))
            continue
        head = text[max(0, a - 60):a]
        m2 = lx.SOURCE_BEFORE_COUNTRY.search(head)
        if m2:
            kind = lx.source_kind(m2.group(0))
            out.append(_Source(r.start - (len(head) - m2.start()), r.end, r.code, kind, lx.source_id(r.code, kind)))
            continue
        # "according to Kazakhstan", "Kazakhstan reported", "Beijing said" (not "the embassy in Astana said")
        if re.search(r"according to\s+(?:the\s+)?$", head, re.I) or (
            re.match(r"^\s+(?:reported|said|says|announced|stated|published|released)\b", tail)
            and not re.search(r"\b(?:in|at|from|of)\s+$", head)
        ):
            out.append(_Source(r.start, r.end, r.code, "gov", lx.source_id(r.code, "gov")))
    for m in lx.SOURCE_NO_COUNTRY.finditer(text):
        a0, b0 = m.start() + offset, m.end() + offset
        if any(x.start < b0 and a0 < x.end for x in out):
            continue  # "the Agency of Statistics under the President of Tajikistan": named with its country
        # whose agency: the country the sentence speaks of in the possessive ("Uzbekistan's main partner"),
        # else the sentence's first country, else the paragraph's topic
        codes = [r for r in refs if r.code not in ("CA5", "TOPIC", "SUBJ", "WLD", "EUU")]
        near = [r.code for r in codes if r.possessive] + [r.code for r in codes] + ([topic] if topic else [])
        if near:
            kind = lx.source_kind(m.group(0))
            code = near[0]
            out.append(_Source(m.start() + offset, m.end() + offset, code, kind, lx.source_id(code, kind)))
    # keep one source per span (named agencies win over the country-adjective form)
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    merged: list[_Source] = []
    for s in out:
        if merged and s.start < merged[-1].end:
            continue
        merged.append(s)
    return merged


def _is_trade_source(s: _Source) -> bool:
    return s.kind in ("customs", "stat", "data", "agency", "gov", "commerce", "embassy", "audit", "intl")


def _sid(src: _Source | None, reporter: str | None) -> str | None:
    """A national source names its own country's figures; an international database (UN Comtrade, the IMF)
    names whichever reporter's figures it carries."""
    if src is None:
        return None
    if not src.reporter or src.reporter == reporter:
        return src.sid
    return None
