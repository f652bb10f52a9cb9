"""One country's trade with several partners compiled from national statistics (issue 16, the reporter slot).

A writer that ranks one country's partners sometimes says the figures were compiled by someone who is no statistics
office, from the countries' own statistics: "according to RIA Novosti calculations based on national statistics",
"RIA Novosti's analysis of data from national statistical services". Statistics called national with no country
owning them, behind figures of one country (the hub) with several others, are each partner's own: the hub's would
be one office named as such ("Russia's customs"), not statistics of nations. No agency of a known country is named
anywhere in such an article (its figures' reporters are the flow's subject's guesses, ``flow-subject``), so the order
the writer named the two countries in is all the extractor has, and it is only a guess.

So when the article says so, each guessed figure of the hub (the flow subject's guess, or a ranking owner read as
the reporter because no statistics are named: "India jumped from fifth place to second" among Russia's partners)
with one of its partners is read from the partner's side (turned round when the writer named the hub first: the
hub's exports are the partner's imports; a balance is not turned, its sign would change with the side), provenance
``partner-statistics``, at :data:`~mirrortrade.claims.claim.RESOLVED`: shown, never flagged (the text names no
office whose release the figure restates). It applies only when the guessed figures have exactly one country in
common with two or more different partners; a figure of two countries neither of which is the hub, or an article of
one pair, stays unresolved (whose national statistics, of a single pair, the text does not say). A bloc or continent
(the EU, Africa, ASEAN, Latin America, the SCO: ``lexicon.NO_COUNTRY``) has no national statistics of its own: a
figure of the hub with one ("Russia's trade with Africa") stays the guess it was and is no partner of the count, so
one country and a bloc are one pair.

On the development sets the statement occurs in one article (heldout5/14), whose eight guessed figures of the hub
with its partners are all the partner's statistics in its annotation (8 of 8); dev/280, written on another public
article of the kind and annotated before it was run, adds five (three guesses, two ranking owners' readings).

    compiled_from_national(text) -> bool
    settle_partner_statistics(claims, text) -> ids of the claims settled
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import GUESSED, PLACEHOLDERS, RESOLVED, Claim

#: the provenance :mod:`mirrortrade.claims.rankings` gives a ranking owner read as the reporter with no statistics named
RANKING_OWNER = "ranking-owner"

#: the provenance of a reporter read as the partner's national statistics
HOW = "partner-statistics"
#: a compilation by someone ("calculations", "analysis", "estimates", "compiled") from statistics called national with
#: no owner before them: "calculations based on national statistics", "analysis of data from national statistical
#: services", "compiled from the national statistics of the countries"
_COMPILED = re.compile(
    r"\b(?:calculations?|analysis|estimates?|computations?|compil(?:ed|ation))\s+"
    r"(?:(?:is\s+|was\s+|are\s+|were\s+)?(?:based\s+on|drawn\s+from|from|of|using|on))\s+"
    r"(?:the\s+)?(?:(?:data|figures|statistics)\s+(?:of|from)\s+(?:the\s+)?)?"
    r"national\s+(?:statistics|statistical\s+(?:services|offices|agencies|committees|bureaus|data))\b"
    # owned after the noun: "national statistics of Kazakhstan" is one country's
    r"(?!\s+(?:of|from)\s+(?:the\s+)?(?:Republic\s+of\s+)?(?-i:[A-Z]))",
    re.IGNORECASE)
#: no country with national statistics of its own: the placeholders, the region, the world and every bloc
#: (``lexicon.NO_COUNTRY``: the EU, Africa, ASEAN, Latin America, the SCO), and an unread party
_NOT_A_PARTY: frozenset[str | None] = frozenset({*PLACEHOLDERS, *lx.NO_COUNTRY, None})


def compiled_from_national(text: str) -> bool:
    """Whether ``text`` says its figures were compiled from national statistics of no named country."""
    return _COMPILED.search(text) is not None


#: the readings the statement overrides: the flow's subject's guess, and a ranking's owner taken for the reporter
#: because no statistics are named (:mod:`mirrortrade.claims.rankings`, at 0.55)
_DEFAULTS = (GUESSED, RANKING_OWNER)


def _guessed(c: Claim) -> bool:
    return (set(c.missing) <= {"reporter"} and (c.how or {}).get("reporter") in _DEFAULTS
            and c.kind in ("level", "growth", "change")  # a share is of a total, whose the statement does not say
            and c.reporter not in _NOT_A_PARTY and c.partner not in _NOT_A_PARTY and c.reporter != c.partner)


def settle_partner_statistics(claims: Sequence[Claim], text: str) -> list[str]:
    """Read each guessed figure of the hub with a partner as the partner's statistics, when ``text`` says its figures
    were compiled from national statistics (see module doc). Returns the ids of the claims settled."""
    cands = [c for c in claims if _guessed(c)]
    if not cands or not compiled_from_national(text):
        return []
    common = set.intersection(*({str(c.reporter), str(c.partner)} for c in cands))
    if len(common) != 1:
        return []
    hub = common.pop()
    partners = {str(c.partner) if c.reporter == hub else str(c.reporter) for c in cands}
    if len(partners) < 2:
        return []
    out = []
    for c in cands:
        side = str(c.partner) if c.reporter == hub else str(c.reporter)
        if not c.seen_from(side):
            continue  # a balance seen from the other side changes sign: left unresolved
        c.slots["reporter"] = RESOLVED
        c.how["reporter"] = HOW
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        out.append(c.id)
    return out
