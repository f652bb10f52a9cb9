"""The calibration rule of slot confidence by provenance (benchmarks/_calibration.py; issue 16), measured on unseen
text and not applied in the checker: the rule's arithmetic and what it would do to a claim, and the benchmark's
``--caps`` report."""

from __future__ import annotations

import importlib
from collections import Counter

from _corpus_bench import cc  # noqa: F401  (loading it puts benchmarks/ on sys.path)
from mirrortrade.claims.claim import RESOLVED, Claim
from mirrortrade.claims.extract import extract_claims

cal = importlib.import_module("_calibration")
sc = importlib.import_module("slot_calibration")

CAPS, CUT_UNRESOLVED, EXEMPT, MEASURED, MIN_N = cal.CAPS, cal.CUT_UNRESOLVED, cal.EXEMPT, cal.MEASURED, cal.MIN_N
PRIOR_WEIGHT, UNSEEN = cal.PRIOR_WEIGHT, cal.UNSEEN
calibrate, calibrated_cap, error_rate = cal.calibrate, cal.calibrated_cap, cal.error_rate


def _one(text: str) -> Claim:
    got = [c for c in extract_claims(text) if c.kind == "level"]
    assert len(got) == 1, got
    return got[0]



def test_measured_is_the_two_unseen_measurements_pooled() -> None:
    (na, wa), (nb, wb) = UNSEEN[("reporter", "flow-subject")]
    assert MEASURED[("reporter", "flow-subject")] == (na + nb, wa + wb)
    # every prediction has one provenance per slot: the slots' totals agree within each measurement
    for part in (0, 1):
        totals = {s: sum(v[part][0] for (slot, _), v in UNSEEN.items() if slot == s) for s in ("reporter", "partner")}
        assert totals["reporter"] == totals["partner"] > 0


def test_error_rate_is_shrunk_toward_the_slot_pooled_rate() -> None:
    n, wrong = MEASURED[("reporter", "flow-subject")]
    pooled = sum(w for (s, _), (_, w) in MEASURED.items() if s == "reporter") / sum(
        m for (s, _), (m, _) in MEASURED.items() if s == "reporter")
    assert abs(error_rate("reporter", "flow-subject") - (wrong + PRIOR_WEIGHT * pooled) / (n + PRIOR_WEIGHT)) < 1e-12
    assert wrong / n > error_rate("reporter", "flow-subject") > pooled  # a bad row is pulled toward the pool
    assert abs(error_rate("reporter", "a-way-never-measured") - pooled) < 1e-12


def test_cut_rule_caps_exactly_the_rows_at_or_above_the_cut_on_enough_fills() -> None:
    assert CAPS, "the measured table leaves no provenance below the cut"
    for key, (n, _) in MEASURED.items():
        over = n >= MIN_N and error_rate(*key) >= CUT_UNRESOLVED
        assert (key in CAPS) == (over and key not in EXEMPT), key
    assert all(cap < RESOLVED for cap in CAPS.values())
    assert ("reporter", "flow-subject") in CAPS and calibrated_cap("reporter", "sentence") is None
    # exempt rows are ones the rule caps (the seeds' guard), not rows below the cut
    assert all(calibrated_cap(*key) is not None for key in EXEMPT)


def test_thin_rows_and_unmeasured_ways_keep_their_hand_confidence() -> None:
    # the article's hub as partner: 6 of 11 wrong on unseen text, too few fills to overrule the hand confidence
    assert MEASURED[("partner", "article-hub")][0] < MIN_N
    assert calibrated_cap("partner", "article-hub") is None
    assert calibrated_cap("partner", "a-way-never-measured") is None


def test_calibrate_only_lowers_and_names_the_slot() -> None:
    c = Claim(id="c1", quote="", start=0, end=0, reporter="KAZ", partner="MNG", flow="X", period="2023")
    c.how = {"reporter": "flow-subject", "partner": "clause"}
    calibrate([c])
    assert c.missing == ["reporter"] and c.slots["partner"] == 1.0 and c.how["reporter"] == "flow-subject"
    low = Claim(id="c2", quote="", start=0, end=0, reporter="KAZ", partner="MNG", flow="X", period="2023")
    low.how, low.slots["reporter"] = {"reporter": "flow-subject"}, 0.2
    calibrate([low])
    assert low.slots["reporter"] == 0.2  # a cap never raises a confidence


def test_the_checker_does_not_apply_the_caps_but_calibrate_would() -> None:
    c = _one("Kazakhstan's exports to Mongolia rose to $120 million in 2023.")
    # a flow-subject fill when measured; told apart as the flow's holder in session 16 (MEASURED_AS)
    assert c.how["reporter"] == "flow-holder" and c.reporter == "KAZ"
    assert "reporter" not in c.missing and ("reporter", "flow-subject") in CAPS  # not applied (session 11)
    calibrate([c])
    assert "reporter" in c.missing and not c.resolved


def test_caps_report_names_the_rows_the_rule_would_cap_on_a_measurement() -> None:
    table = {("reporter", "sentence"): Counter(n=40, wrong=0), ("reporter", "flow-subject"): Counter(n=30, wrong=9),
             ("partner", "clause"): Counter(n=25, wrong=1), ("partner", "article-hub"): Counter(n=5, wrong=4)}
    out = sc.render_caps(table)
    assert "reporter flow-subject (9 of 30 wrong" in out
    assert "article-hub" not in out and "reporter sentence" not in out  # too few fills; no errors
    assert sc.render_caps({("kind", "figure"): Counter(n=50, wrong=0)}).startswith("caps: none")
