"""Slot confidence calibrated against where each slot was filled from (issue 16: precision first).

Every slot of a claim records its provenance (:attr:`Claim.how`, ``provenance`` in ``check --json``):

* reporter — ``sentence`` / ``sentence-after`` (statistics named in the sentence, before / after the figure),
  ``paragraph`` (named earlier in the paragraph), ``previous-paragraph`` (carried from a paragraph before),
  ``article-default`` (the first source the article names), ``flow-subject`` (no source named anywhere: the flow's
  subject), ``speaker`` (an official quoted), ``unnamed-source``, ``other-country``, ``rival-count``, ``province``,
  ``none-yet`` / ``none``;
* partner — ``clause`` (the flow phrase: "Kazakh imports from China"), ``clause-subject``, ``world-word`` ("total",
  "foreign"), ``previous-figure`` (the sentence's figure before), ``list-member``, ``respectively``, ``ranking``,
  ``antecedent`` ("this figure"), ``series``, ``total-parts``, ``pair-phrase`` ("bilateral trade"),
  ``pair-reference``, ``share-holder``, ``share-list``, ``share-part``, ``gapped-list``, ``sentence-country``,
  ``paragraph-topic``, ``article-hub``, ``paragraph-country``, ``reporter-country``, ``world-default``,
  ``joint-holders``, ``unknown-party``, ``none``;
* flow — ``flow-noun``, ``flow-verb``, ``flow-word``, ``flow-after`` (the flow word follows the figure),
  ``previous-figure``, ``respectively``, ``antecedent``, ``ranking``, ``share-part``, ``comparison-base``,
  ``difference-unsaid``;
* period — ``clause-after`` / ``clause-before`` / ``sentence`` (printed next to the figure, in its clause, or
  elsewhere in the sentence; ``+dateline`` when relative to the article's date: "last year", ``+context`` when
  relative to the period in context: "a year earlier"), ``paragraph``, ``previous-paragraph``, ``article-majority``,
  ``data-year``, ``year-after-base``, ``bracket-base``, ``when-base``, ``same-span-base``, ``printed-base``,
  ``year-before-base``, ``comparison-base``, ``from-level``, ``rate-beside-base``, ``main-beside-base``,
  ``rival-periods``, ``antecedent``, ``no-calendar``, ``span-base``, ``base-unreadable``, ``none``;
* kind / value — ``figure``, ``bracketed-share``, ``no-fx-rate``.

The confidences the extractor gives each way of filling a slot were set by hand. :data:`MEASURED` holds, per
(slot, provenance), how many predictions of the development sets (dev, heldout, heldout2, seeds; never a held-out set)
correspond to an annotated claim and how many of those have that slot wrong (``benchmarks/slot_calibration.py``,
output in benchmarks/RESULTS.md). :func:`calibrated_cap` derives a cap from it: the error rate, shrunk toward the
slot's pooled rate by :data:`PRIOR_WEIGHT` predictions, at or above :data:`CUT_UNRESOLVED` on a row of at least
:data:`MIN_N` predictions leaves the slot below :data:`~mirrortrade.claims.claim.RESOLVED` (the claim is
``unresolved`` with the slot named, never verified). A cap only lowers a hand confidence, never raises one. (A
middle tier, "shown but never flagged" below :data:`~mirrortrade.claims.claim.FLAGGABLE` at an estimated 5 percent,
was tried and dropped: it cost 4 of dev's 26 expected flags, mirror gaps on "bilateral trade" figures.)
"""

from __future__ import annotations

from collections.abc import Iterable

from mirrortrade.claims.claim import RESOLVED, WEAK, Claim

#: (slot, provenance) -> (n, wrong): predictions of the development sets that correspond to an annotated claim, and
#: those with the slot wrong; measured by ``benchmarks/slot_calibration.py`` (dev 75, heldout 15, heldout2 15,
#: seeds 2 articles) on branch i16-calib before the calibration (commit 7987ba0). Rows with no error and fewer
#: than five predictions are left out (they shrink to the pooled rate all the same).
MEASURED: dict[tuple[str, str], tuple[int, int]] = {
    ("reporter", "previous-paragraph"): (390, 0),
    ("reporter", "article-default"): (145, 1),
    ("reporter", "sentence-after"): (108, 0),
    ("reporter", "sentence"): (52, 0),
    ("reporter", "flow-subject"): (40, 5),
    ("reporter", "paragraph"): (35, 0),
    ("reporter", "speaker"): (13, 0),
    ("reporter", "none-yet"): (8, 0),
    ("reporter", "none"): (6, 6),
    ("reporter", "other-country"): (5, 5),
    ("reporter", "rival-count"): (1, 1),
    ("partner", "clause"): (311, 1),
    ("partner", "previous-figure"): (88, 1),
    ("partner", "series"): (54, 2),
    ("partner", "pair-phrase"): (48, 4),
    ("partner", "list-member"): (43, 0),
    ("partner", "share-list"): (39, 0),
    ("partner", "share-holder"): (38, 0),
    ("partner", "clause-subject"): (36, 0),
    ("partner", "sentence-country"): (31, 1),
    ("partner", "antecedent"): (26, 1),
    ("partner", "ranking"): (25, 0),
    ("partner", "none"): (13, 7),
    ("partner", "paragraph-topic"): (11, 0),
    ("partner", "total-parts"): (10, 0),
    ("partner", "respectively"): (8, 0),
    ("partner", "article-hub"): (7, 2),
    ("partner", "share-part"): (6, 0),
    ("flow", "flow-noun"): (497, 0),
    ("flow", "flow-word"): (83, 1),
    ("flow", "previous-figure"): (76, 2),
    ("flow", "comparison-base"): (44, 0),
    ("flow", "flow-verb"): (39, 2),
    ("flow", "ranking"): (25, 0),
    ("flow", "antecedent"): (22, 0),
    ("flow", "flow-after"): (11, 0),
    ("flow", "share-part"): (6, 0),
    ("period", "previous-paragraph"): (298, 6),
    ("period", "clause-before"): (140, 2),
    ("period", "clause-after"): (132, 0),
    ("period", "paragraph"): (69, 1),
    ("period", "sentence"): (44, 2),
    ("period", "clause-after+dateline"): (24, 0),
    ("period", "clause-before+dateline"): (21, 0),
    ("period", "comparison-base"): (21, 2),
    ("period", "clause-after+context"): (9, 0),
    ("period", "sentence+dateline"): (9, 0),
    ("period", "clause-before+context"): (8, 0),
    ("period", "from-level"): (8, 1),
    ("period", "rival-periods"): (4, 3),
    ("period", "main-beside-base"): (1, 1),
    ("period", "year-before-base"): (1, 1),
    ("kind", "figure"): (797, 0),
    ("kind", "bracketed-share"): (6, 0),
}
#: the predictions of a row's slot pooled over all its provenances, for the rows that are few: n = 803 per slot
POOLED_N = 803
#: how many predictions' worth of the slot's pooled error rate a row's own count is shrunk with
PRIOR_WEIGHT = 10
#: a row measured on fewer predictions than this keeps its hand confidence (seven fills, two wrong, say little:
#: the seeds' Tajik figures, whose partner is the article's hub, are right and flagged rightly)
MIN_N = 20
#: an estimated error rate at or above this leaves the slot unresolved (precision first: one fill in ten wrong
#: is not a reading to verify)
CUT_UNRESOLVED = 0.10
assert WEAK < RESOLVED


def _pooled_rate(slot: str) -> float:
    return sum(w for (s, _), (_, w) in MEASURED.items() if s == slot) / POOLED_N


def error_rate(slot: str, how: str) -> float:
    """The estimated error rate of ``slot`` filled the way ``how``: measured, shrunk toward the slot's pooled rate
    (a way never measured gets the pooled rate)."""
    n, wrong = MEASURED.get((slot, how), (0, 0))
    return (wrong + PRIOR_WEIGHT * _pooled_rate(slot)) / (n + PRIOR_WEIGHT)


def calibrated_cap(slot: str, how: str) -> float | None:
    """The most a slot filled the way ``how`` may be trusted, from its measured error rate (None: no cap)."""
    n, _ = MEASURED.get((slot, how), (0, 0))
    if n >= MIN_N and error_rate(slot, how) >= CUT_UNRESOLVED:
        return WEAK
    return None


#: (slot, provenance) -> cap, derived once from :data:`MEASURED`
CAPS: dict[tuple[str, str], float] = {
    key: cap for key in MEASURED if (cap := calibrated_cap(*key)) is not None
}


def calibrate(claims: Iterable[Claim]) -> None:
    """Cap each slot's confidence by its provenance's calibrated cap (a claim with a slot capped below
    :data:`RESOLVED` becomes unresolved, with that slot in ``missing``)."""
    for c in claims:
        for slot, how in list(c.how.items()):
            cap = CAPS.get((slot, how))
            if cap is not None and c.slots.get(slot, 1.0) > cap:
                c.cap_slot(slot, cap)
