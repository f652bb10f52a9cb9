"""A rate that names its level by its place in a list (issue 16, the partner slot): "Trade with Russia totaled $936
million and trade with Kazakhstan $838 million, the first down 9.7 percent and the second up 24 percent".

"The first", "the second", "the third" (and, of a list of two, "the former" and "the latter") right before a rate,
with nothing between them but a verb or direction of change ("down", "rose by"), point at the sentence's levels in the
order they were printed: the rate is that level's growth, not the growth of the nearest level. Only a list is read so:
its levels share one flow and one period and each has its own partner, and the place named is in it; a level that has
a rate already, or a list that is not one, leaves the rate unread (never the wrong member's).

    ordinal_target(text, rate_start, prev_levels) -> (cued, level or None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mirrortrade.claims.claim import Claim

_PLACE = {"first": 0, "second": 1, "third": 2, "former": 0, "latter": -1}
#: "the first down", "the second up by", "the latter rose", "the former having fallen": a place right before a rate
_ORDINAL = re.compile(
    r"\bthe\s+(?P<place>first|second|third|former|latter)\s+(?:(?:one|having|had|has|was|were|is)\s+)?"
    r"(?:(?:up|down|rising|falling|rose|fell|growing|grew|declining|declined|increasing|increased|decreasing|"
    r"decreased|dropping|dropped|climbing|climbed|jumping|jumped|shrinking|shrank)\s+)?(?:by\s+)?"
    r"(?:(?:about|around|nearly|almost|some|over|more\s+than|just\s+over|a\s+little\s+over)\s+)?$",
    re.I)


def ordinal_target(text: str, rate_start: int, prev_levels: Sequence[Claim | None]) -> tuple[bool, Claim | None]:
    """Whether the rate at ``rate_start`` of ``text`` names its level by a place ("the first down 9.7 percent"), and
    that level among ``prev_levels`` (the sentence's figures before the rate, in order; None when the place does not
    surely name one)."""
    m = _ORDINAL.search(text[max(0, rate_start - 60):rate_start])
    if m is None:
        return False, None
    levels = [c for c in prev_levels if c is not None and c.kind == "level"]
    place = _PLACE[m.group("place").lower()]
    if m.group("place").lower() in ("former", "latter") and len(levels) != 2:
        return True, None
    if len(levels) < 2 or place >= len(levels) or len({(c.flow, c.period) for c in levels}) != 1 \
            or len({(c.reporter, c.partner) for c in levels}) != len(levels):
        return True, None
    target = levels[place]
    return True, (target if target.growth_pct is None else None)
