"""Agencies named again without their country (issue 16, the reporter slot on unseen text).

An article names an agency once with its country ("China's General Administration of Customs arrives at a much
higher total") and then refers back to it by a definite description in lower case: "By the customs agency's count
...", "the ministry said", "according to the committee", "the government's press service" (the government of the
official named last, when no government was named). Such a description names no country of its own; it is the
last agency named before it that it fits (the same head noun, "the ministry" for "Kazakhstan's Ministry of Economy
and Budget Planning", or the same kind, "the customs agency" for the General Administration of Customs), and its
figures are that agency's country's. A description nothing earlier fits is left as the sentence reads it (the
sentence's own rules, :func:`mirrortrade.claims.sources._agency_country`; never a guess from here). A statistics
office named again by its short name alone ("according to Geostat" after "Georgia's statistics office Geostat") is
the one named so before.

    refer_back(text, sources, named) -> sources     # the sentence's sources, descriptions resolved
    note_named(named, text, sources)                # remember the agencies a sentence names, with their words

The same goes the other way for figures stated before any agency is named: when the first agency named sets its
figures against them ("Chinese customs put bilateral trade considerably higher"), they are the other country's
(:func:`other_side`).

    other_side(claims, text, first_source, pair)    # ids of the claims settled
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import RESOLVED, Claim
from mirrortrade.claims.sources import _is_trade_source, _Source, official_country

#: a definite description of an agency, in lower case (a name is capitalised): "the customs agency", "the agency",
#: "the ministry", "the statistics committee"; "the ministry of ..." names its portfolio, no description
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?P<mod>customs|statistics|statistical|stat|trade|commerce|economy)\s+)?"
    r"(?P<head>agency|ministry|committee|bureau|office|service|administration|department|government)\b"
    r"(?!\s+(?:of|on|for|under)\b)"
)
#: the description speaks for figures: "the agency's count", "the ministry said", "according to the committee"
_SAYS_AFTER = re.compile(
    r"['’]s\b|\s+(?:said|says|reported|reports|puts?|estimated|estimates|counts?|counted|arrives?\s+at|arrived\s+at|"
    r"recorded|records|registered|published|shows?|showed|calculated|calculates|data|figures|statistics)\b")
_SAYS_BEFORE = re.compile(r"\b(?:according\s+to|citing|by)\s+$", re.I)
#: what an agency named with no kind word is: its name's nouns
_AGENCY_NOUNS = r"agency|administration|service|committee|bureau|office|customs|\bGACC\b|\bBNS\b|\bNSC\b|stat\b"


def _fits(mod: str | None, head: str, words: str, src: _Source) -> bool:
    """Whether an agency named as ``words`` (its source ``src``) is what "the ``mod`` ``head``" describes."""
    w = words.lower()
    if mod == "customs":
        return src.kind == "customs"
    if mod in ("statistics", "statistical", "stat"):
        return src.kind == "stat" and "customs" not in w
    if mod is not None:
        return mod in w  # "the trade ministry" for "the Ministry of Industry and Trade"
    if head == "agency":
        return bool(re.search(_AGENCY_NOUNS, words, re.I))
    if head == "government":
        return src.kind == "gov" and bool(re.search(r"government|cabinet", words, re.I))
    return head in w


def note_named(named: list[tuple[str, _Source]], text: str, sources: list[_Source], offset: int = 0) -> None:
    """Remember each trade agency of a sentence whose country is known, with the words that name it."""
    for s in sources:
        if s.reporter and _is_trade_source(s) and s.kind not in ("intl", "speaker"):
            named.append((text[s.start - offset:s.end - offset], s))


def refer_back(text: str, sources: list[_Source], named: list[tuple[str, _Source]], before: str = "",
               home: str | None = None) -> list[_Source]:
    """``sources`` (of the sentence ``text``, offsets in it) with each definite description of an agency resolved to
    the last agency named before it that it fits (``named``: the article's agencies so far, in text order, then the
    sentence's own before the description): the description's source takes that agency's country and kind, in place
    of whatever the sentence guessed for it. A description that no earlier agency fits, or that speaks for no figures
    (:data:`_SAYS_AFTER`, :data:`_SAYS_BEFORE`), is left alone."""
    out = list(sources)
    for i, s in enumerate(out):
        if not s.reporter and s.kind == "stat":
            # "according to Geostat" after "Georgia's statistics office Geostat": the short name named before
            name = text[s.start:s.end]
            ante = next((x for words, x in reversed(named) if re.search(r"\b" + re.escape(name) + r"\b", words)), None)
            if ante is not None:
                out[i] = _Source(s.start, s.end, ante.reporter, ante.kind, ante.sid)
    for m in _DESCRIPTION.finditer(text):
        mod, head = m.group("mod"), m.group("head")
        earlier = named + [(text[s.start:s.end], s) for s in sources
                           if s.end <= m.start() and s.reporter and _is_trade_source(s) and s.kind != "intl"]
        ante = next((s for words, s in reversed(earlier) if _fits(mod, head, words, s)), None)
        if ante is None and head == "government" and mod is None:
            # "Smailov noted, according to the government's press service": the government of the official named
            # last before it ("Kazakh Prime Minister Alikhan Smailov")
            code = official_country(before[-1500:] + " " + text[:m.start()], home)
            ante = _Source(m.start(), m.end(), code, "gov", lx.source_id(code, "gov")) if code else None
        if ante is None:
            continue
        kind = "customs" if mod == "customs" else ante.kind
        new = _Source(m.start(), m.end(), ante.reporter, kind,
                      ante.sid if kind == ante.kind else lx.source_id(ante.reporter, kind))
        overlap = [s for s in out if s.start < m.end() and m.start() < s.end]
        if overlap:
            if any(s.reporter and s.start < m.start() for s in overlap):
                continue  # part of a name with its country before it
            out = [s for s in out if s not in overlap]
        elif not (_SAYS_AFTER.match(text[m.end():m.end() + 30]) or _SAYS_BEFORE.search(text[max(0, m.start() - 20):m.start()])):
            continue
        elif head == "government" and re.match(r"['’]s\b(?!\s+(?:press\s+service|data|figures|statistics|count))",
                                               text[m.end():m.end() + 30]):
            continue  # "the government's plans": a government's own figures only when it speaks for them
        out.append(new)
    out.sort(key=lambda s: s.start)
    return out


#: a source that gives the figures "considerably higher", "a much higher total", "lower": it sets its own numbers
#: against those stated before it
_CONTRAST = re.compile(r"\b(?:higher|lower|larger|smaller|bigger)\b")


def other_side(claims: Sequence[Claim], text: str, first: _Source | None, pair: Sequence[str]) -> list[str]:
    """Settle the reporter of the figures stated before the article names any statistics when the first agency it
    names sets its own figures against them ("Chinese customs put bilateral trade for 2022 considerably higher, at
    $31.2 billion"): those figures are not that agency's, so in an article about two countries they are the other
    country's. Settled only when that is also the country the flow statement leads with ("Kazakhstan's trade turnover
    with China", "Kazakh exports"): two readings that agree, read at :data:`RESOLVED` (shown and verified, never
    flagged). Returns the ids settled."""
    if first is None or not first.reporter or len(set(pair)) != 2 or first.reporter not in pair:
        return []
    end = text.find(".", first.end)
    if not _CONTRAST.search(text[first.start:end if end > 0 else len(text)]):
        return []
    other = next(c for c in pair if c != first.reporter)
    settled: list[str] = []
    for c in claims:
        if c.start >= first.start or c.missing != ["reporter"] or (c.how or {}).get("reporter") != "none-yet":
            continue
        if c.reporter != other or c.partner != first.reporter:
            continue
        c.slots["reporter"] = RESOLVED
        c.how["reporter"] = "contrast-other-side"
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        settled.append(c.id)
    return settled
