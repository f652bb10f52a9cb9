"""reconcile(output=...) writes the estimates in a thread while the findings are computed (issue 17: wall
time by overlap), and the phantom rule's flow sort runs in a thread during the fit: same files and numbers
as the plain path, and no file left by a failure."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from mirrortrade.errors import MirrortradeError
from mirrortrade.reconcile import ReconcileWarning, reconcile
from mirrortrade.reconcile.rows import PairRows

COLS = ["reporter", "partner", "flow", "year", "product", "value"]


def world() -> pd.DataFrame:
    """Three countries, a few products over three years: two-sided flows, one-sided flows in several years."""
    rng = np.random.default_rng(5)
    rows = []
    for year in (2021, 2022, 2023):
        for e, i in (("KAZ", "CHN"), ("CHN", "KAZ"), ("UZB", "CHN"), ("KAZ", "UZB")):
            for p in range(8):
                v = float(rng.lognormal(10, 1))
                rows.append((e, i, "X", year, f"{p:06d}", v))
                if not (e == "UZB" and p < 3):  # CHN never records UZB's first three products
                    rows.append((i, e, "M", year, f"{p:06d}", v * float(rng.lognormal(0.04, 0.1))))
    return pd.DataFrame(rows, columns=COLS)


def quiet(df: pd.DataFrame, **kw: object):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReconcileWarning)
        return reconcile(df, **kw)


def test_output_written_during_reconcile_equals_write(tmp_path) -> None:  # type: ignore[no-untyped-def]
    df = world()
    r = quiet(df, output=tmp_path / "during", pairs=True)
    names = sorted(f.name for f in (tmp_path / "during").iterdir())
    assert names == ["estimates.parquet", "findings.parquet", "pairs.parquet", "reliability.parquet"]
    assert "write" in r.summary["timings"]
    plain = quiet(df)
    plain.write(tmp_path / "after", pairs=True)
    keys = ["exporter", "importer", "year", "product"]
    for name in ("estimates", "pairs"):
        a = pd.read_parquet(tmp_path / "during" / f"{name}.parquet").sort_values(keys).reset_index(drop=True)
        b = pd.read_parquet(tmp_path / "after" / f"{name}.parquet").sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)
    for name in ("reliability", "findings"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "during" / f"{name}.parquet"), pd.read_parquet(tmp_path / "after" / f"{name}.parquet")
        )
    assert (pd.read_parquet(tmp_path / "during" / "findings.parquet")["rule"] == "phantom_export").any()
    # writing again to the same place keeps the files (not rewritten) and gives the same paths
    before = (tmp_path / "during" / "estimates.parquet").stat().st_mtime_ns
    paths = r.write(tmp_path / "during", pairs=True)
    assert paths["estimates"].stat().st_mtime_ns == before


def test_failed_findings_leave_no_file(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mirrortrade.reconcile import engine

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("findings failed")

    monkeypatch.setattr(engine.findings_mod, "phantom_findings", boom)
    with pytest.raises(MirrortradeError, match="findings failed"):
        quiet(world(), output=tmp_path / "out", pairs=True)
    assert list((tmp_path / "out").iterdir()) == []


def test_failed_write_raises_and_leaves_no_file(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    class Broken(pq.ParquetWriter):  # type: ignore[misc]
        def write_batch(self, *a: object, **k: object) -> None:
            raise OSError("disk full")

    monkeypatch.setattr(pq, "ParquetWriter", Broken)
    with pytest.raises(MirrortradeError, match="disk full"):
        quiet(world(), output=tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def random_rows(rng: np.random.Generator, n_cells: int, n_rows: int) -> tuple[PairRows, pd.DataFrame]:
    countries = ["AAA", "BBB", "CCC", "DDD"]
    cells = pd.DataFrame({
        "exporter": pd.Categorical(rng.choice(countries, n_cells), categories=countries),
        "importer": pd.Categorical(rng.choice(countries, n_cells), categories=countries),
        "year": rng.integers(2019, 2024, n_cells),
        "importer_reports": rng.random(n_cells) < 0.8,
        "phantom_floor": rng.choice([0.0, 50.0, np.nan], n_cells),
    })
    vx = np.where(rng.random(n_rows) < 0.8, rng.lognormal(4, 1, n_rows), np.nan)
    vm = np.where(rng.random(n_rows) < 0.6, rng.lognormal(4, 1, n_rows), np.nan)
    with np.errstate(invalid="ignore"):
        lr = np.log(vm / vx)
    rows = PairRows(
        cell=rng.integers(0, n_cells, n_rows).astype(np.int32), product=rng.integers(0, 5, n_rows).astype(np.int32),
        products=np.array([f"P{k}" for k in range(5)], dtype=object), vx=vx, vm=vm, lr=lr,
    )
    return rows, cells


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_flow_tables_and_imports_from_the_thread_equal_the_direct_ones(seed: int) -> None:
    rows, cells = random_rows(np.random.default_rng(seed), 40, 3000)
    direct = rows.flow_tables(cells, 2)
    presorted = rows.flow_tables(cells, 2, rows.sort_flows(cells))
    assert len(direct[1]) > 0  # some one-sided flows to compare
    for a, b in zip(direct, presorted, strict=True):
        pd.testing.assert_frame_equal(a, b)
    # the imports counted in the same thread give the same published products
    pub = rows.importer_publishes(cells, direct[1])
    assert (pub["pub"] > 0).all() and len(pub) > 0
    pd.testing.assert_frame_equal(pub, rows.importer_publishes(cells, direct[1], rows.sort_flows(cells)))
    # a presort built for other cells is not used
    other = cells.iloc[:-1].copy()
    stale = rows.sort_flows(cells)
    rows2 = PairRows(rows.cell % len(other), rows.product, rows.products, rows.vx, rows.vm, rows.lr)
    for a, b in zip(rows2.flow_tables(other, 2), rows2.flow_tables(other, 2, stale), strict=True):
        pd.testing.assert_frame_equal(a, b)
