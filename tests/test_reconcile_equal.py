"""benchmarks/reconcile_equal.py's comparison: equal outputs pass, a change beyond the tolerance is named."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from reconcile_equal import compare_outputs  # noqa: E402


def _outputs(d: Path) -> Path:
    d.mkdir()
    pd.DataFrame({
        "exporter": ["CHN", "KAZ"], "importer": ["KAZ", "CHN"], "year": [2023, 2023], "product": ["010121", "870323"],
        "estimate": [1000.0, 2500.5], "method": ["both", "exporter_only"],
    }).to_parquet(d / "estimates.parquet", index=False)
    pd.DataFrame({"country": ["CHN", "KAZ"], "role": ["exporter", "importer"], "sigma": [0.1, 0.25]}).to_parquet(
        d / "reliability.parquet", index=False
    )
    # a cell-level finding has no product: missing on both sides compares equal
    pd.DataFrame({
        "rule": ["persistent_gap", "unit_error"], "exporter": ["CHN", "KAZ"], "importer": ["KAZ", "CHN"],
        "year": [2023, 2023], "product": [None, "870323"], "z": [4.5, np.nan],
    }).to_parquet(d / "findings.parquet", index=False)
    return d


def test_equal_outputs_in_another_row_order_compare_equal(tmp_path: Path) -> None:
    a = _outputs(tmp_path / "a")
    b = tmp_path / "b"
    shutil.copytree(a, b)
    est = pd.read_parquet(b / "estimates.parquet")
    est.iloc[::-1].to_parquet(b / "estimates.parquet", index=False)
    assert compare_outputs(a, b) == []


def test_a_difference_beyond_the_tolerance_is_named(tmp_path: Path) -> None:
    a = _outputs(tmp_path / "a")
    b = tmp_path / "b"
    shutil.copytree(a, b)
    est = pd.read_parquet(b / "estimates.parquet")
    est.loc[1, "estimate"] *= 1 + 1e-7  # 1e-7 relative: within 1e-6, beyond the default 1e-9
    est.to_parquet(b / "estimates.parquet", index=False)
    fnd = pd.read_parquet(b / "findings.parquet")
    fnd.loc[1, "product"] = "870324"
    fnd.to_parquet(b / "findings.parquet", index=False)
    diffs = compare_outputs(a, b)
    assert any(d.startswith("estimates.estimate: relative difference up to 1.0e-07") for d in diffs), diffs
    assert "findings.product: values differ" in diffs
    assert compare_outputs(a, b, rtol=1e-6) == ["findings.product: values differ"]
