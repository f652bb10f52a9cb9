"""Two levels of one article read as the same statistic with figures that cannot both be true (issue 16).

An article rarely contradicts itself within a few lines, so a collision says a slot of one of the claims was
misread (a comparison base taken as the period's level, a ranking's next country given the previous one's name, a
month read for the months to date, a change read as a level). Which one is told by how each was read: the one read
less surely, or at the same sureness by a weaker reading (its partner or flow borrowed from elsewhere rather than
its own clause's, a product's figure, a change read as a level), is set aside; the other keeps its place. When
neither is weaker both are set aside (precision first), and when both were read with full confidence the
contradiction is the article's own, left to be flagged. The article's own arithmetic comes first (a reading whose
rate is the ratio to the base its sentence prints holds up against one that no arithmetic holds up); and a bound
far off another statement of the same statistic ("over $780mln" beside "about $24bn") is of another figure, though
the two do not contradict each other.
"""

from __future__ import annotations

import re

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.context import year_before
from mirrortrade.claims.filters import overlaps
from mirrortrade.claims.printed_bases import printed_base

#: the provenances of a partner or flow read in the figure's own clause (:mod:`mirrortrade.claims.provenance`):
#: every other one was borrowed (from the figure before, the paragraph, the reporter, a reference "our countries")
_OWN = {
    "partner": frozenset({"clause", "clause-subject", "world-word"}),
    "flow": frozenset({"flow-noun", "flow-verb", "flow-word", "flow-after"}),
}
#: how surely a claim that won a collision only by its route (as sure as its rival) is read at most: shown and verified
#: (it corroborates), never flagged, since the article still says something else of the same statistic
SURVIVOR = 0.55
#: a figure that is the size of a change, not a level: "a $900 million fall in exports", "a $2bn jump in imports"
_CHANGE_NOUN = (r"\s+(?:fall|drop|decline|decrease|slump|plunge|rise|increase|jump|gain|surge|growth)\s+"
                r"(?:in|of)\b")
#: the goods a figure is of: "trade in farm products", "exports of phones and accessories" (a lowercase word after the
#: flow's "in"/"of", not "exports of Georgia", "trade in goods", "imports of the country")
_PRODUCT = re.compile(
    r"\b(?i:trade|exports?|imports?|shipments|sales|purchases|supplies|deliveries)\s+(?i:in|of)\s+"
    r"(?!(?:goods|services|merchandise|commodities|products|the|its|their|our|his|her|all|both|total|overall|a|an|"
    r"some|about|around|nearly|almost|over|more|less|up|only|just|roughly|dollar|dollars|yuan|value|nominal|real|"
    r"terms|volume|physical)\b)[a-z]")


def _weakness(c: Claim) -> int:
    """How many signs say the claim was read by a weaker route than its own clause gives."""
    n = sum(1 for slot, own in _OWN.items() if slot in c.how and c.how[slot] not in own)
    at = c.quote.find(c.text) if c.text else -1
    if at < 0:
        return n
    if re.match(re.escape(c.text) + _CHANGE_NOUN, c.quote[at:], re.I):
        n += 1
    # the figure's own clause: from the punctuation before it to the punctuation after it
    opens = max(c.quote.rfind(p, 0, at) for p in ",;:")
    closes = [i for i in (c.quote.find(p, at + len(c.text)) for p in ",;:") if i >= 0]
    if _PRODUCT.search(c.quote[opens + 1:min(closes, default=len(c.quote))]):
        n += 1
    return n


def _weaker(o: Claim, c: Claim) -> bool:
    """Whether ``o`` was read less surely than ``c``: a lower confidence, or the same by a weaker route."""
    return o.confidence < c.confidence or (o.confidence == c.confidence and _weakness(o) > _weakness(c))


def _holds_up(c: Claim, claims: list[Claim]) -> bool:
    """Whether the article's own arithmetic confirms the reading, period and all: its growth rate is the ratio of
    its level to a level of the same statistic its sentence prints
    (:func:`~mirrortrade.claims.printed_bases.printed_base`) for the period the rate was read against (a rate read
    as year-on-year whose printed base is two years back confirms no reading of its period)."""
    b = printed_base(c, claims)
    return b is not None and b.period == year_before(str(c.period)) and c.growth_base in (None, b.period)


#: how far a bound's number may lie from the figure it bounds: "passed $100 billion" for $106.3 billion, "has not
#: crossed the $100 billion mark" for $91 billion (the corpus's milestones lie within 10%); "over $780mln" beside
#: the same statistic's $24 billion, "over $12 billion" beside $62.6 billion are of other figures (a product's trade,
#: the change)
BOUND_REACH = 2.0


def _bounded_far_off(c: Claim, group: list[Claim]) -> Claim | None:
    """Another statement of ``c``'s statistic, not a bound, whose figure lies more than :data:`BOUND_REACH` times
    beyond ``c``'s bound ("more than $780 million" against "about $24 billion"): both hold, but no writer bounds a
    figure so loosely, so the bound is of another figure read as this statistic."""
    if c.qualifier not in ("lower", "upper") or not c.value_usd or c.value_usd <= 0:
        return None
    for o in group:
        if o is c or o.qualifier in ("lower", "upper") or not o.value_usd or o.value_usd <= 0:
            continue
        far = o.value_usd > BOUND_REACH * c.value_usd if c.qualifier == "lower" \
            else o.value_usd * BOUND_REACH < c.value_usd
        if far:
            return o
    return None


def set_aside_collisions(claims: list[Claim]) -> None:
    """Unresolve, on their least certain slots, the claims of a collision that are not read more surely than every
    claim they collide with (see module doc)."""
    groups: dict[tuple[str | None, ...], list[Claim]] = {}
    for c in claims:
        if c.missing or c.kind != "level" or c.value_usd is None or c.interval is None:
            continue
        groups.setdefault((c.reporter, c.partner, c.flow, c.period), []).append(c)
    marks: list[Claim] = []
    survivors: list[Claim] = []
    for group in groups.values():
        for c in group:
            lo, hi = c.interval  # type: ignore[misc]
            rivals = [o for o in group if o is not c and not overlaps(lo, hi, *o.interval)]  # type: ignore[misc]
            if not rivals:
                continue
            # the article's own arithmetic settles it first: a reading whose rate is the ratio of its level to the
            # base its sentence prints ("shrank 14.85 percent to $11.48 billion ..., from $13.48 billion") is that
            # statistic; a rival no such arithmetic holds up is the misread one, however surely its slots were read
            mine, theirs = _holds_up(c, claims), any(_holds_up(o, claims) for o in rivals)
            if mine != theirs:
                if theirs:
                    marks.append(c)
                continue
            if all(o.confidence < c.confidence for o in rivals):
                continue
            if all(_weaker(o, c) for o in rivals):
                survivors.append(c)  # as sure as a rival, but read by a stronger route
                continue
            if c.confidence >= 1.0 and all(o.confidence >= 1.0 for o in rivals):
                continue
            marks.append(c)
    for group in groups.values():
        for c in group:
            o = _bounded_far_off(c, group)
            if o is not None and c not in marks:
                c.missing = ["kind"]
                c.explanation = (f"{c.text or c.id} bounds the statistic it was read as, which the article states as "
                                 f"{o.text or o.id} ({o.id}): a bound that far off is of another figure (a part, a "
                                 "change); the kind of figure may be misread")
    for c in marks:
        weakest = c.confidence
        c.missing = [k for k, v in c.slots.items() if v <= weakest]
    for c in survivors:
        if c.confidence > SURVIVOR:
            c.cap_slot(min(c.slots, key=lambda k: c.slots[k]), SURVIVOR)
