"""Paragraphs and sentences of a news text, with character offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "co", "corp", "inc", "ltd", "llc", "plc", "jr", "sr", "no", "nos",
    "vs", "etc", "e.g", "i.e", "approx", "est", "gen", "gov", "sen", "rep", "dept", "fig", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m", "ca", "bn",
    "mln", "bln", "mn", "pct", "intl", "assn", "bros", "int", "nat", "natl",
}
_SENT_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9$])")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    index: int
    sentences: list[Sentence] = field(default_factory=list)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, or one per line when the text has no blank line."""
    sep = re.compile(r"\n[ \t\r]*\n\s*") if re.search(r"\n[ \t\r]*\n", text) else re.compile(r"\r?\n+")
    spans = []
    pos = 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if seg.strip():
            out.append((a + lead, a + trail))
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``."""
    seg = text[start:end]
    cuts = []
    for m in _SENT_END.finditer(seg):
        word = re.search(r"([\w.]+)[.!?…]*[\"”’)\]]*$", seg[: m.end()])
        w = (word.group(1) if word else "").lower().rstrip(".")
        if seg[m.start()] == "." and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
            # "... exports to Russia $36.1 mln. China was second": a scale word closing a figure ends the sentence
            if not (w in ("bn", "bln", "mln", "mn") and re.search(r"\d\s*" + w + r"\.$", seg[: m.start() + 1].lower())):
                continue
        cuts.append(m.end())
    # a line that opens a list ("the Chinese data show strong gains:") or a list line ("Kazakhstan – $18.25 billion;",
    # "• Kyrgyzstan: ...") ends where its line ends: each line of a table written as prose is its own sentence
    cuts += [m.end() for m in re.finditer(r"[:;]?[ \t]*\r?\n(?=[ \t]*\S)", seg)
             if m.group(0)[:1] in (":", ";") or re.match(r"[ \t]*[-•*–—]", seg[m.end():])]
    cuts = sorted(set(cuts))
    out = []
    pos = 0
    for c in [*cuts, len(seg)]:
        piece = seg[pos:c]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + pos + lead, start + pos + len(piece.rstrip())))
        pos = c
    return out


def segment(text: str) -> list[Paragraph]:
    paras = []
    for i, (a, b) in enumerate(split_paragraphs(text)):
        p = Paragraph(a, b, text[a:b], i)
        for s, e in split_sentences(text, a, b):
            p.sentences.append(Sentence(s, e, text[s:e], i))
        paras.append(p)
    return paras


def in_closed_aside(text: str, pos: int, end: int) -> bool:
    """``pos`` lies inside an aside set off by brackets or by a pair of spaced dashes that closes before ``end``
    ("$41 billion – 46% of China's turnover with Central Asia – and it was 32% higher": "turnover" is the aside's)."""
    o = text.rfind("(", 0, pos)
    c = text.find(")", o) if o >= 0 else -1
    if o >= 0 and pos < c < end:
        return True
    dashes = [m.start() for m in re.finditer(r"\s[–—]\s", text[:end])]
    return any(a < pos < b for a, b in zip(dashes[::2], dashes[1::2], strict=False))
