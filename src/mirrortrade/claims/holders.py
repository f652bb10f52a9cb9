"""A share of one country's own total is that country's statistics (issue 16, the reporter slot on unseen text).

"China-Mongolia trade amounted to USD 6.3 billion in 2011, accounting for 56 percent of Mongolia's total foreign
trade"; "Exports to China make only 3.5% of all Kyrgyz exports": the share is worked out on the named country's
total with the world, which only that country's statistics count (its partner publishes its own totals, not
Mongolia's). When nothing else says whose statistics the figure is (no agency named yet, or only the order of the
pair), the share's holder — the country named in the possessive or as the adjective of the total the percentage is
"of" — is its reporter. Read at :data:`~mirrortrade.claims.claim.RESOLVED`: shown and verified, never flagged (the
holder says whose total it is, not which agency's count the article quotes).

    share_holders(claims) -> ids settled
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import GUESSED, HELD, RESOLVED, Claim

#: the provenance label of a reporter read so
HOW = "share-holder"
_WEAK = frozenset({GUESSED, HELD, "none-yet"})
#: "of Mongolia's total foreign trade", "of all Kyrgyz exports", "of the Kyrgyz Republic's turnover": the holder's words
#: are group ``h``, the total after them
_OF_TOTAL = re.compile(
    r"^\s*(?:percent|per\s+cent|%)?\s*of\s+(?:all\s+|the\s+)?(?P<h>(?:[A-Z][\w'’-]*\s+){0,3}?[A-Z][\w'’-]*?)(?:['’]s)?"
    r"\s+(?:(?:total|overall|entire|whole|foreign|external|aggregate)\s+){0,3}"
    r"(?:foreign\s+trade|trade(?:\s+turnover)?|turnover|exports|imports)\b")


def _holder(c: Claim) -> str | None:
    """The country whose total the share is "of", named right after the printed figure, or None."""
    at = c.quote.find(c.text) if c.text else -1
    if at < 0:
        return None
    m = _OF_TOTAL.match(c.quote[at + len(c.text):at + len(c.text) + 90])
    if m is None:
        return None
    refs = [r for r in lx.find_countries(m.group("h"), region_as_ca5=False) if r.code not in lx.NOT_A_COUNTRY]
    return refs[0].code if len(refs) == 1 else None


def share_holders(claims: Sequence[Claim]) -> list[str]:
    """Read the reporter of each share whose reporter was only a guess from the share's holder, when the holder is the
    claim's reporter already (the share's parties and flow were read from its view). Returns the ids settled."""
    out = []
    for c in claims:
        if c.kind != "share" or (c.how or {}).get("reporter") not in _WEAK or c.slots.get("reporter", 0.0) >= RESOLVED:
            continue
        if c.reporter is None or _holder(c) != c.reporter:
            continue
        c.slots["reporter"] = RESOLVED
        c.how["reporter"] = HOW
        c.missing = [k for k, v in c.slots.items() if v < RESOLVED]
        out.append(c.id)
    return out
