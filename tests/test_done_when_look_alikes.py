"""The Done-when's look-alike count (benchmarks/_done_when.py) on a tiny hand-made world: every cell below is
written out by hand, with the verdict that the module's definition gives it (a chance-only cell with the same
observable pattern as a planted anomaly), so each count can fail on its own."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import _done_when as dw  # noqa: E402

YEARS = (2020, 2021, 2022)


def _rows(exporter: str, importer: str, product: str, years: tuple[int, ...], x: float | None,
          m: float | None) -> list[dict]:
    out = []
    for y in years:
        if x is not None:
            out.append({"reporter": exporter, "partner": importer, "flow": "X", "year": y, "product": product, "value": x})
        if m is not None:
            out.append({"reporter": importer, "partner": exporter, "flow": "M", "year": y, "product": product, "value": m})
    return out


def _world() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    r = []
    r += _rows("A", "B", "p1", YEARS, 500.0, None)            # planted phantom: exporter every year, importer none
    r += _rows("A", "B", "p2", (2020,), 1000.0, 1_000_000.0)  # planted unit error (×1000 on the importer's side)
    r += _rows("A", "B", "p2", (2021, 2022), 1000.0, 1000.0)  # so B reports A (another product than p1)
    r += _rows("C", "B", "p1", (2021,), 100.0, 100.0)         # so B publishes p1 from someone; B reports C
    r += _rows("C", "B", "p3", YEARS, 300.0, None)            # chance look-alike of the phantom
    r += _rows("D", "B", "p3", (2020,), 100.0, 100.0)         # B publishes p3; B reports D
    r += _rows("D", "B", "p4", (2020, 2021), 200.0, None)     # one-sided in two years only: not the phantom's pattern
    r += _rows("A", "B", "p4", (2022,), 100.0, 100.0)         # B publishes p4
    r += _rows("C", "B", "p5", YEARS, 300.0, None)            # B publishes p5 from nobody: told apart
    r += _rows("H", "B", "p6", YEARS, 300.0, None)            # the hub's re-export: a look-alike, not by chance
    r += _rows("H", "B", "p9", (2020,), 100.0, 100.0)         # B reports H
    r += _rows("C", "B", "p6", (2020,), None, 100.0)          # B records the origin
    r += _rows("C", "D", "p7", (2021,), 100.0, 50_000.0)      # ratio 500: less than the planted unit error's 1000
    r += _rows("C", "D", "p8", (2021,), 10.0, 20_000.0)       # ratio 2000: a unit-error look-alike
    for p in ("q1", "q2", "q3"):
        r += _rows("D", "A", p, (2021,), 100.0, 50.0)          # planted under-recording: ratio 0.5 on 3 cell-years
        r += _rows("D", "C", p, (2021,), 100.0, 40.0)          # chance pair as short on as many: a look-alike
    r += _rows("A", "C", "q1", (2020, 2021), 100.0, 30.0)     # shorter, but on 2 cell-years only: less evidence
    decl = pd.DataFrame(r)
    decl = pd.concat([decl, decl.iloc[:1]], ignore_index=True)  # an exact duplicate row counts once
    anomalies = pd.DataFrame([
        {"exporter": "A", "importer": "B", "year": None, "product": "p1", "kind": "phantom_export"},
        {"exporter": "A", "importer": "B", "year": 2020, "product": "p2", "kind": "unit_error"},
        {"exporter": "D", "importer": "A", "year": None, "product": None, "kind": "under_recorded_imports"},
    ])
    reexports = pd.DataFrame([{"exporter": "C", "importer": "B", "hub": "H", "year": 2020, "product": "p6"}])
    return decl, anomalies, reexports


def test_patterns_of_the_planted_anomalies() -> None:
    decl, anomalies, _ = _world()
    pats = dw.observed_patterns(dw.cell_years(decl), anomalies)
    assert pats["phantom_export"] == {(0b111, 0, True, True)}
    assert pats["unit_error"] == pytest.approx(math.log(1000.0))
    assert pats["under_recorded_imports"] == [(pytest.approx(math.log(0.5)), 3)]


def test_look_alikes_of_a_hand_made_world() -> None:
    decl, anomalies, reexports = _world()
    cy = dw.cell_years(decl)
    la = dw.look_alikes(cy, anomalies, reexports, dw.observed_patterns(cy, anomalies))
    got = {(r.kind, r.exporter, r.importer, r.product, r.cause) for r in la.itertuples()}
    assert got == {
        ("phantom_export", "C", "B", "p3", "chance"),
        ("phantom_export", "H", "B", "p6", "reexport"),
        ("unit_error", "C", "D", "p8", "chance"),
        ("under_recorded_imports", "D", "C", None, "chance"),
    }
    assert dw.count_look_alikes(la) == {"phantom_export": 1.0, "unit_error": 1.0, "under_recorded_imports": 1.0}


def test_oracle_ceiling_by_hand() -> None:
    planted, alike = {"a": 10.0, "b": 10.0}, {"a": 0.0, "b": 10.0}
    # kind a whole (10/10), then a share f of b's 20 indistinguishable cells: (10 + 10f) / (10 + 20f) = 0.7 at f = 0.75
    c = dw.oracle_ceiling(planted, alike, {"b": 10.0}, 100_000.0)
    assert c["recall"] == pytest.approx(17.5 / 20) and c["precision"] == pytest.approx(0.7)
    assert c["precision_at_full_recall"] == pytest.approx(20 / 30)
    assert c["clean_per_100k"] == pytest.approx(7.5)
    # held to 1 per 100k where 10 look-alikes of b wait on 100k clean declarations: f = 0.1
    c1 = dw.oracle_ceiling(planted, alike, {"b": 10.0}, 100_000.0, clean_per_100k=1.0)
    assert c1["recall"] == pytest.approx(11 / 20) and c1["clean_per_100k"] == pytest.approx(1.0)
