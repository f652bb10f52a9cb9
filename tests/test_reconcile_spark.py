"""Parity: the same reconciliation on PySpark (local[2]) gives the DuckDB results."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from mirrortrade.reconcile import ReconcileWarning, reconcile

pytestmark = [pytest.mark.spark, pytest.mark.timeout(300)]

KEY = ["exporter", "importer", "year", "product"]


def _world() -> pd.DataFrame:
    """8 countries, 6 products, 2 years; KGZ reports nothing; one x1000 unit error, one exact
    duplicate and a phantom export planted (declared in both years; KAZ publishes the product from DEU)."""
    rng = np.random.default_rng(11)
    codes = ["CHN", "DEU", "FRA", "KAZ", "KGZ", "RUS", "TUR", "UZB"]
    sig = dict(zip(codes, np.linspace(0.05, 0.5, len(codes)), strict=True))
    rows = []
    for e in codes:
        for i in codes:
            if e == i:
                continue
            for y in (2023, 2024):
                for p in range(6):
                    t = float(np.exp(rng.normal(14, 1.2)))
                    if e != "KGZ":
                        rows.append((e, i, "X", y, f"{p:06d}", round(t * np.exp(rng.normal(0, sig[e])))))
                    if i != "KGZ":
                        rows.append((i, e, "M", y, f"{p:06d}", round(t * 1.05 * np.exp(rng.normal(0, sig[i])))))
    df = pd.DataFrame(rows, columns=["reporter", "partner", "flow", "year", "product", "value"]).astype({"value": float})
    df.loc[3, "value"] *= 1000
    df = pd.concat([df, df.iloc[[5]]], ignore_index=True)
    phantom = pd.DataFrame(
        [("CHN", "KAZ", "X", 2023, "999999", 4e7), ("CHN", "KAZ", "X", 2024, "999999", 5e7),
         ("DEU", "KAZ", "X", 2024, "999999", 2e6), ("KAZ", "DEU", "M", 2024, "999999", 2.1e6)],
        columns=df.columns,
    )
    return pd.concat([df, phantom], ignore_index=True)


def _sorted(df: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    return df.sort_values(key).reset_index(drop=True)


def test_spark_matches_duckdb(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # small data: whole-stage code generation and adaptive execution cost more than they save
    monkeypatch.setenv("MIRRORTRADE_SPARK_CODEGEN", "false")
    monkeypatch.setenv("MIRRORTRADE_SPARK_AQE", "false")
    monkeypatch.setenv("MIRRORTRADE_SPARK_PARTITIONS", "2")
    df = _world()
    path = tmp_path / "declarations.parquet"
    df.to_parquet(path, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReconcileWarning)
        d = reconcile(path, backend="duckdb")
        s = reconcile(path, backend="spark")
    assert s.backend == "spark" and d.backend == "duckdb"
    # written before the frames are fetched: estimates and pairs come from one scan on each backend
    d_paths = d.write(tmp_path / "duckdb_out", pairs=True)
    s_paths = s.write(tmp_path / "spark_out", pairs=True)
    pd.testing.assert_frame_equal(
        _sorted(d.estimates, KEY), _sorted(s.estimates, KEY), check_dtype=False, rtol=1e-9, atol=1e-6
    )
    pd.testing.assert_frame_equal(
        _sorted(d.reliability, ["country", "role"]), _sorted(s.reliability, ["country", "role"]),
        check_dtype=False, rtol=1e-9,
    )
    fk = ["exporter", "importer", "year", "rule", "product"]
    pd.testing.assert_frame_equal(
        _sorted(d.findings, fk), _sorted(s.findings, fk), check_dtype=False, rtol=1e-9
    )
    assert set(d.findings["rule"]) >= {"unit_error", "phantom_export"}
    assert d.summary["exact_duplicates"] == s.summary["exact_duplicates"] == 1
    # KGZ publishes nothing: its flows are mirror-only (as exporter) or exporter-only (as importer)
    e = s.estimates
    assert set(e.loc[e.exporter == "KGZ", "method"]) == {"mirror_only"}
    assert set(e.loc[e.importer == "KGZ", "method"]) == {"exporter_only"}
    # the Spark result writes single Parquet files like DuckDB's, with the same columns and values
    for name in ("estimates", "pairs"):
        back = pd.read_parquet(s_paths[name])
        frame = s.estimates if name == "estimates" else s.pairs
        assert list(back.columns) == list(frame.columns)
        pd.testing.assert_frame_equal(_sorted(back, KEY), _sorted(frame, KEY), check_dtype=False)
        pd.testing.assert_frame_equal(
            _sorted(back, KEY), _sorted(pd.read_parquet(d_paths[name]), KEY), check_dtype=False, rtol=1e-9, atol=1e-6
        )
