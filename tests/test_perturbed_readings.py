"""benchmarks/perturbed_readings.py: the one-slot misreadings it makes of a verified claim."""

from __future__ import annotations

from _corpus_bench import load_benchmark
from mirrortrade.claims.claim import Claim


def _bench():  # type: ignore[no-untyped-def]
    return load_benchmark("perturbed_readings")


def test_each_slot_moved_once_to_each_neighbour() -> None:
    c = Claim(id="c1", quote="q", start=0, end=1, reporter="CHN", partner="KGZ", flow="T", period="2024-01/2024-11",
              value_usd=19.9e9)
    moves = _bench().perturbations(c)
    assert moves == [
        ("flow", {"flow": "X"}), ("flow", {"flow": "M"}),
        ("year", {"period": "2023-01/2023-11"}), ("year", {"period": "2025-01/2025-11"}),
        ("partner", {"partner": "TJK"}), ("partner", {"partner": "CA5"}),
        ("reporter", {"reporter": "KGZ", "partner": "CHN", "flow": "T"}),
    ]
    region = Claim(id="c2", quote="q", start=0, end=1, reporter="CHN", partner="CA5", flow="X", period="2025")
    assert [s for s, _ in _bench().perturbations(region)] == ["flow", "flow", "year", "year"]


def test_verbose_names_only_the_flagging_findings_about_the_claim() -> None:
    # invented findings: a flagging mirror gap about c1 (by about_claims), a note about c1, a conflict about c2
    result = {"findings": [
        {"rule": "mirror_gap", "status": "conflict", "message": "gap", "claims": ["c1", "c2"], "about_claims": ["c1"]},
        {"rule": "surge", "status": "notable", "message": "surge", "claims": ["c1"]},
        {"rule": "sum_consistency", "status": "conflict", "message": "sum", "claims": ["c2"]},
    ]}
    bench = _bench()
    assert bench._flaggers(result, "c1") == ["mirror_gap (conflict): gap"]
    assert bench._flaggers(result, "c2") == ["sum_consistency (conflict): sum"]
    assert bench._flaggers(result, "c3") == []
