"""The claim: one trade figure of an article from its reporter's view, with a confidence per slot."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from mirrortrade.model import MIRROR_FLOW

KINDS = ("level", "growth", "share", "difference")
STATUSES = ("consistent", "conflict", "implausible", "unverifiable", "unresolved")
#: a slot filled with less confidence than this is not resolved; a claim with an unresolved slot is reported
#: as ``unresolved`` and never verified (precision first: better no verdict than one about a misread figure)
RESOLVED = 0.5
#: the confidence of a slot filled only by a weak default (a reporter assumed because no statistics are named, a
#: partner taken because it is some country of the paragraph): below :data:`RESOLVED`, so such a claim is shown
#: as ``unresolved`` with the slot named, never verified (issue 16, item 1)
WEAK = 0.45
SLOTS = ("reporter", "partner", "flow", "period", "kind", "value")
#: a finding that would mark figures wrong (a conflict, an implausibility) is raised only when every claim it
#: rests on has every slot filled at least this surely: a default guess (the article's data year for a figure
#: with no period, a reporter assumed with no statistics named) is enough to show and to corroborate a figure,
#: never to flag one (raise the bar for flagging, not for extracting)
FLAGGABLE = 0.6
#: the provenance of a reporter taken from the flow's subject with no statistics named anywhere, and of one the
#: flow phrase itself holds the flow of ("India's trade with China"): guesses, below :data:`RESOLVED` until
#: :mod:`mirrortrade.claims.whose` settles them
GUESSED, HELD = "flow-subject", "flow-holder"
#: the extractor's working codes for a party it could not name (a member of a listed group, "the country's", a
#: province, the article's topic): never a reporter or partner code in what the checker prints
PLACEHOLDERS = frozenset({"", "GRP", "SUB", "SUBJ", "TOPIC"})


def public_party(code: str | None) -> str | None:
    """A party code as printed: an ISO3 code or aggregate (``WLD``, ``CA5``, ``EUU``), or None when unnamed."""
    return None if code is None or code in PLACEHOLDERS else code


#: the source given to a claim whose text names no statistics (the article itself)
ARTICLE_SOURCE_FALLBACK = "PRESS"


@dataclass
class Claim:
    """One trade figure of an article, from its reporter's view. See module doc."""

    id: str
    quote: str
    start: int
    end: int
    reporter: str | None
    partner: str | None
    flow: str | None
    period: str | None
    value_usd: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"
    growth_pct: float | None = None
    growth_low: float | None = None
    growth_high: float | None = None
    growth_base: str | None = None  # the period the growth compares with
    change_usd: float | None = None  # an absolute change: "up $1.5 billion"
    change_low: float | None = None
    change_high: float | None = None
    share_pct: float | None = None
    share_low: float | None = None
    share_high: float | None = None
    share_of: str | None = None
    difference_usd: float | None = None
    difference_low: float | None = None
    difference_high: float | None = None
    source: str | None = None
    kind: str = "level"
    status: str = "unverifiable"
    text: str = ""  # the figure as printed, e.g. "$71.3 billion"
    precision_usd: float = 0.0
    paragraph: int = 0
    findings: list[dict] = field(default_factory=list)
    value_cny: float | None = None  # the yuan amount as printed, when the figure was given in yuan
    slots: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SLOTS, 1.0))  # confidence per slot
    missing: list[str] = field(default_factory=list)  # slots not resolved: the claim is never verified
    #: where each slot was filled from (its provenance: "clause", "paragraph", "article-default", ...; the labels are
    #: listed in :mod:`mirrortrade.claims.provenance`): what the calibration of slot confidences is measured on
    how: dict[str, str] = field(default_factory=dict)
    #: why the claim is unresolved when a slot was read but its number is a neighbouring statistic's figure
    #: (:mod:`mirrortrade.claims.neighbours`): "$29.7bn is China's imports from Kazakhstan in 2023 in the store
    #: [CN-GACC]; the flow may be misread"
    explanation: str | None = None

    @property
    def resolved(self) -> bool:
        return not self.missing

    @property
    def confidence(self) -> float:
        """How surely the claim was read: its least certain slot."""
        return min(self.slots.values()) if self.slots else 0.0

    @property
    def flaggable(self) -> bool:
        return self.resolved and self.confidence >= FLAGGABLE

    def cap_slot(self, slot: str, conf: float, how: str | None = None) -> None:
        """Read ``slot`` no more surely than ``conf``, and say again what is missing (slots below
        :data:`RESOLVED`); ``how`` (the slot's new provenance) replaces the old one unless the old was less sure."""
        if how is not None and conf <= self.slots.get(slot, 1.0):
            self.how[slot] = how
        self.slots[slot] = min(self.slots.get(slot, 1.0), conf)
        self.missing = [k for k, v in self.slots.items() if v < RESOLVED]

    def seen_from(self, reporter: str) -> bool:
        """Make the claim ``reporter``'s statistics, ``reporter`` being its partner: the two swapped and the flow
        mirrored (Kazakhstan's exports to China in China's statistics are China's imports from Kazakhstan). A balance
        is not turned (seen from the other side it changes sign): False, the claim unchanged; True otherwise."""
        if reporter == self.reporter:
            return True
        if self.flow not in ("X", "M", "T"):
            return False
        self.reporter, self.partner, self.flow = reporter, self.reporter, MIRROR_FLOW[str(self.flow)]
        return True

    def to_json(self) -> dict[str, object]:
        """The claim in the JSON shape of ``mirrortrade check --json`` (issue 7)."""
        d: dict[str, object] = {
            "id": self.id,
            "quote": self.quote,
            "reporter": public_party(self.reporter),
            "partner": public_party(self.partner),
            "flow": self.flow,
            "period": self.period,
            "value_usd": self.value_usd,
            "value_low": _finite(self.value_low),
            "value_high": _finite(self.value_high),
            "qualifier": self.qualifier,
            "growth_pct": self.growth_pct,
            "source": self.source,
            "status": self.status,
            "kind": self.kind if self.change_usd is None or self.growth_pct is not None else "change",
            "slots": {k: round(v, 2) for k, v in self.slots.items()},
        }
        if self.growth_pct is not None:
            # what the rate compares with: the same span a year earlier, or an earlier period ("since 2019")
            d["growth_base"] = self.growth_base
        if self.missing:
            d["missing"] = list(self.missing)
        if self.how:
            d["provenance"] = {k: self.how[k] for k in SLOTS if k in self.how}
        if self.explanation:
            d["explanation"] = self.explanation
        if self.change_usd is not None:
            d["change_usd"] = self.change_usd
        if self.value_cny is not None:
            d["value_cny"] = self.value_cny
        if self.share_pct is not None:
            d["share_pct"] = self.share_pct
        if self.difference_usd is not None:
            d["difference_usd"] = self.difference_usd
        return d

    @property
    def interval(self) -> tuple[float, float] | None:
        if self.value_low is None or self.value_high is None:
            return None
        return (self.value_low, self.value_high)


def _finite(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return x
