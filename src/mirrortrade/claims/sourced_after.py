"""Statistics named after the figures they govern (issue 16, the reporter slot on unseen text).

A writer often gives the figures first and says whose they are in the next sentence: "Trade between Uzbekistan and
Russia came to $9.8 billion in 2023 ... . The numbers were published by the statistics committee."; "Central Asia's
trade with China hit a record 95 billion US dollars last year, ..., President Tokayev said. The President's figures
are taken from China's customs statistics, which put ...". The sentence that names the statistics has the figures
for its subject (a data noun: "the figures", "these numbers", "the President's figures", "the data") and a verb that
gives their origin ("are taken from", "were published by", "come from", "are based on"); the agency named after that
verb is whose statistics the figures of the sentence before it are.

Such a sentence settles only a reporter that nothing surer gave: a guess from the flow's subject, a figure before any
source was named, an official's voice, an agency of no known country, the article's first source. A reporter named
in the figures' own sentence ("..., the ministry said") stays. The figures' parties must include the agency's country
(a statement that "the figures are China's" says nothing of a figure between two other countries); a figure read
from the other side is turned round (Kazakhstan's turnover with China in China's statistics is China's turnover with
Kazakhstan; exports become the mirror imports), a balance is not (its sign would change with the side).

    back_reference(text) -> end of the phrase, or None   # "The figures are taken from" ...
    settle_before(claims, source)                         # the claims of the sentence before, settled
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mirrortrade.claims.claim import GUESSED, HELD, RESOLVED, Claim
from mirrortrade.claims.sources import _is_trade_source, _Source

#: how surely the statistics named after the figures are theirs: the sentence says so in so many words (as sure as
#: the article's first source governing the figures after it)
CONF = 0.8
#: the provenance label of a reporter settled so
HOW = "named-after"
#: the reporters such a sentence may settle: guesses and defaults (see module doc)
_WEAK = frozenset({GUESSED, HELD, "none-yet", "none", "speaker", "other-country", "unplaced-source", "unnamed-source",
                   "article-default"})
#: the figures as the subject, and a verb of origin: "The President's figures are taken from", "These numbers were
#: published by", "The data come from", "The figures are based on"
_BACK = re.compile(
    r"^\W*(?:The|These|Those|Both|All|Such|His|Her|Their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:figures?|numbers?|data|statistics|estimates?|totals?|amounts?)\s+"
    r"(?:(?:are|were|is|was|have\s+been|has\s+been)\s+(?:all\s+|also\s+)?"
    r"(?:taken|drawn|derived|compiled|published|released|reported|provided|sourced|calculated|based)\s+(?:from|by|on)"
    r"|(?:come|comes|came|stem|stems)\s+from)\b")


def back_reference(text: str) -> int | None:
    """Where the phrase that says the figures before come from somewhere ends in ``text`` (a sentence), or None."""
    m = _BACK.match(text)
    return m.end() if m else None


def named_after(text: str, sources: Sequence[_Source]) -> _Source | None:
    """The statistics a sentence says the figures before it come from: the first trade source of a known country
    named after the phrase (:func:`back_reference`), or None."""
    end = back_reference(text)
    if end is None:
        return None
    return next((s for s in sources if s.start >= end and s.reporter and _is_trade_source(s) and s.kind != "intl"), None)


def settle_before(claims: Sequence[Claim], src: _Source) -> list[Claim]:
    """Give the figures of the sentence before (``claims``) the reporter of the statistics named after them, when
    their own reporter was only a guess or a default (see module doc). Returns the claims settled."""
    out = []
    for c in claims:
        if (c.how or {}).get("reporter") not in _WEAK or c.reporter is None or c.partner is None \
                or src.reporter not in (c.reporter, c.partner):
            continue
        if not c.seen_from(src.reporter):
            continue  # a balance seen from the other side changes its sign: left as it is
        c.source = src.sid or None
        c.slots["reporter"] = CONF
        c.how["reporter"] = HOW
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        out.append(c)
    return out
