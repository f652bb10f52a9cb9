"""Whose voice a figure is in when its sentence names no statistics and no speaker of its own (issue 16, the
reporter slot): the official whose quotation the figure stands in, or whose reported speech the sentence goes on.

* a quotation: a figure inside quotation marks ('"... According to our data, trade reached $26.1 billion. ...,"
  the deputy minister said') is the voice of the quotation's attribution: the speech verb after the quotation
  closes, in its paragraph, else a named official just before it opens ("Ivan Petrov\\nFirst Deputy Minister\\n
  "..."); the speaker is placed as :func:`~mirrortrade.claims.sources.speaker_country` places one;
* reported speech going on: a sentence with no speech verb right after one of the same paragraph whose official
  speaks ("The minister stressed that China is a key partner. Trade grew by 30% last year.") goes on in his voice.

Either reading is a speaker's (provenance ``speaker``): resolved, but never flaggable, as a quoted official's own.

    quoted_speaker(before, para, pos, home) -> (attributed, ISO3 | None)
    continued_speaker(before, previous, sentence, home) -> ISO3 | None
"""

from __future__ import annotations

import re

from mirrortrade.claims.sources import _OFFICIAL, _SPEECH, speaker_country

_OPEN, _CLOSE, _BOTH = "“", "”", '"'
#: the end of the attribution's sentence after a quotation closes
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def quotation_around(para: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the quotation in ``para`` that position ``pos`` stands inside (the offsets of its opening and
    closing marks; ``end`` is the paragraph's length when it does not close there), or None."""
    start: int | None = None
    for i, ch in enumerate(para):
        if start is None and (ch == _OPEN or ch == _BOTH):
            if i >= pos:
                return None
            start = i
        elif start is not None and (ch == _CLOSE or ch == _BOTH):
            if start < pos <= i:
                return start, i
            start = None
    return (start, len(para)) if start is not None and start < pos else None


def quoted_speaker(before: str, para: str, pos: int, home: str | None) -> tuple[bool, str | None]:
    """Whether a figure at ``pos`` of ``para`` stands in a quotation whose attribution the paragraph gives, and the
    country of the official it is quoted from (None when the attribution places none): ``before`` is the article's
    text before the paragraph, ``home`` the dateline's country."""
    q = quotation_around(para, pos)
    if q is None:
        return False, None
    start, end = q
    if end < len(para):
        tail = para[end + 1:]
        stop = _SENTENCE_END.search(tail)
        tail = tail[:stop.start() + 1] if stop else tail
        if _SPEECH.search(tail):
            # '"...," Nurtleu said at a press conference': the attribution after the quotation
            return True, speaker_country(before + para[:end + 1], tail, home)
    lead = para[:start]
    if _SPEECH.search(lead[-60:]) and re.search(r"[:,]\s*$", lead):
        # 'The minister said: "..."': the attribution before the quotation opens
        line = lead[max(lead.rfind("."), lead.rfind("\n")) + 1:]
        return True, speaker_country(before + para[:start - len(line)], line, home)
    for name in reversed(re.findall(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b", lead[-200:])):
        # "Ivan Petrov\nFirst Deputy Minister\n"...": an official named just before, as a caption
        if _titled(before, name):
            return True, speaker_country(before, f'"" {name} said', home)
    return False, None


def _titled(text: str, name: str) -> bool:
    return re.search("(?:" + _OFFICIAL.pattern + r")(?:\s+[A-Z][\w'’-]+){0,3}?\s+" + re.escape(name) + r"\b",
                     text) is not None


def continued_speaker(before: str, previous: str, sentence: str, home: str | None) -> str | None:
    """The country of the official whose reported speech the paragraph's ``previous`` sentence gives, when
    ``sentence`` (no speech verb, no quotation, no official of its own) goes straight on from it, or None."""
    if _SPEECH.search(sentence) or re.search(r"[\"“”]", sentence) or _OFFICIAL.search(sentence):
        return None
    if not re.search(r"\b(?:said|says|noted|stated|stressed|emphasi[sz]ed|added)\s+(?:that\b|,)", previous):
        return None  # reported speech going on ("stressed that ..."), not a remark ("told reporters on Monday")
    return speaker_country(before, previous, home)
