"""The dense synthetic world (`--shape dense`): deterministic, chunk-independent, right size, anomalies planted as listed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from mirrortrade.errors import MirrortradeError
from mirrortrade.model import is_country
from mirrortrade.synth import THRESHOLD, SynthConfig, country_codes, synthesize

CFG = SynthConfig(countries=40, products=50, years=3, seed=7, rows=30_000, shape="dense")


def _read(d: Path) -> dict[str, pd.DataFrame]:
    return {
        "declarations": pd.read_parquet(d / "declarations.parquet"),
        "flows": pd.read_parquet(d / "truth" / "flows.parquet"),
        "sigma": pd.read_parquet(d / "truth" / "sigma.parquet"),
        "anomalies": pd.read_parquet(d / "truth" / "anomalies.parquet"),
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, pd.DataFrame]]:
    out = tmp_path_factory.mktemp("synth")
    synthesize(out, CFG)
    return out, _read(out)


def test_country_codes_are_real_iso3_sorted() -> None:
    codes = country_codes(20)
    assert codes == sorted(codes) and len(set(codes)) == 20
    assert all(is_country(c) for c in codes)
    with pytest.raises(MirrortradeError):
        country_codes(2)


def test_same_seed_same_world_other_seed_other_world(tmp_path: Path, world) -> None:
    _, first = world
    synthesize(tmp_path / "again", CFG)
    again = _read(tmp_path / "again")
    for name in first:
        pd.testing.assert_frame_equal(first[name], again[name])
    synthesize(tmp_path / "other", SynthConfig(**{**CFG.__dict__, "seed": 8}))
    other = _read(tmp_path / "other")
    assert not first["declarations"]["value"].equals(other["declarations"]["value"])


def test_chunked_generation_equals_one_chunk(tmp_path: Path, world) -> None:
    _, one = world  # default chunk_rows (1M) holds the whole world in one row group
    synthesize(tmp_path / "chunked", SynthConfig(**{**CFG.__dict__, "chunk_rows": 997}))
    import pyarrow.parquet as pq

    assert pq.ParquetFile(tmp_path / "chunked" / "declarations.parquet").num_row_groups > 20
    chunked = _read(tmp_path / "chunked")
    for name in one:
        pd.testing.assert_frame_equal(one[name], chunked[name])


def test_row_count_near_target(world) -> None:
    _, t = world
    n = len(t["declarations"])
    assert abs(n - CFG.rows) / CFG.rows < 0.05, n


def test_declarations_schema_and_values(world) -> None:
    _, t = world
    d = t["declarations"]
    assert list(d.columns) == ["reporter", "partner", "flow", "year", "product", "value"]
    assert set(d["flow"]) == {"X", "M"}
    assert (d["reporter"] != d["partner"]).all()
    assert d["value"].min() >= THRESHOLD
    assert set(d["year"]) == {2015, 2016, 2017}
    # non-reporters publish nothing but appear as partners
    s = t["sigma"]
    silent = set(s.loc[~s["reports"], "country"])
    assert silent and not silent & set(d["reporter"]) and silent <= set(d["partner"])


def test_truth_noise_and_cif_match_the_declared_sides(world) -> None:
    _, t = world
    d, f, s, a = t["declarations"], t["flows"], t["sigma"], t["anomalies"]
    assert f["cif_rate"].between(0.01, 0.12).all()
    assert 0.03 < f["cif_rate"].median() < 0.08
    bad = a[["exporter", "importer"]].drop_duplicates().assign(bad=True)
    x = d[d.flow == "X"].rename(columns={"reporter": "exporter", "partner": "importer", "value": "x"})
    x = x.drop_duplicates()
    m = d[d.flow == "M"].rename(columns={"reporter": "importer", "partner": "exporter", "value": "m"})
    m = m.drop_duplicates()
    keys = ["exporter", "importer", "year", "product"]
    j = f.merge(x[keys + ["x"]], on=keys).merge(m[keys + ["m"]], on=keys)
    j = j.merge(bad, on=["exporter", "importer"], how="left")
    j = j[j["bad"].isna()]
    # log error of each side has median ~0 and the exporter's sd close to its true sigma
    j["ex"] = np.log(j["x"] / j["value_fob"])
    j["em"] = np.log(j["m"] / j["value_cif"])
    assert abs(j["ex"].median()) < 0.02 and abs(j["em"].median()) < 0.02
    sx = s[s.role == "exporter"].set_index("country")["sigma"]
    big = j.groupby("exporter")["ex"].agg(["std", "size"])
    big = big[big["size"] >= 300]
    assert len(big) >= 5
    rel = (big["std"] / sx.loc[big.index]).to_numpy()
    assert np.all(np.abs(rel - 1) < 0.2), rel


def test_planted_anomalies_are_in_truth_and_declarations(world) -> None:
    _, t = world
    d, f, a = t["declarations"], t["flows"], t["anomalies"]
    kinds = a.groupby("kind").size().to_dict()
    assert {"under_recorded_imports", "phantom_export", "unit_error", "duplicate", "rerouting"} <= set(kinds)
    keys = ["exporter", "importer", "year", "product"]
    x = d[d.flow == "X"].rename(columns={"reporter": "exporter", "partner": "importer", "value": "x"})
    m = d[d.flow == "M"].rename(columns={"reporter": "importer", "partner": "exporter", "value": "m"})

    # phantom: declared by the exporter, no true flow, no import declaration of that product,
    # while the importer does report imports from that exporter
    ph = a[a.kind == "phantom_export"]
    assert len(ph.merge(x, on=keys)) == len(ph)
    assert ph.merge(f, on=keys).empty and ph.merge(m, on=keys).empty
    for e, i in ph[["exporter", "importer"]].itertuples(index=False):
        assert ((m.exporter == e) & (m.importer == i)).any()

    # unit error: the declared side is ~1000 times the true value
    for r in a[a.kind == "unit_error"].itertuples(index=False):
        side = x if r.flow == "X" else m
        col = "x" if r.flow == "X" else "m"
        v = side[(side.exporter == r.exporter) & (side.importer == r.importer) & (side.year == r.year)
                 & (side["product"] == r.product)][col]
        true = f[(f.exporter == r.exporter) & (f.importer == r.importer) & (f.year == r.year)
                 & (f["product"] == r.product)]["value_fob"]
        assert len(v) == 1 and len(true) == 1
        assert 100 < v.iloc[0] / true.iloc[0] < 10_000

    # duplicates: exact copies of a declaration row
    assert d.duplicated().sum() == kinds["duplicate"]

    # under-recorded imports: pair-level; the importer's declarations are 30–70% short in every year
    ur = a[a.kind == "under_recorded_imports"]
    assert ur["year"].isna().all() and ur["product"].isna().all()
    assert ur["factor"].between(0.3, 0.7).all()
    for r in ur.itertuples(index=False):
        pair = f[(f.exporter == r.exporter) & (f.importer == r.importer)].merge(m, on=keys)
        assert len(pair) >= 10
        ratio = np.exp(np.log(pair["m"] / pair["value_cif"]).median())
        assert abs(ratio - r.factor) < 0.25, (ratio, r.factor)

    # rerouting: origin -> destination exports fall in the last year only, and the hub re-exports
    rr = a[a.kind == "rerouting"]
    assert set(rr["year"]) == {2017}


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(MirrortradeError, match="do not fit"):
        synthesize(tmp_path, SynthConfig(countries=5, products=2, years=1, rows=100_000, shape="dense"))


def test_cli_synth(tmp_path: Path) -> None:
    from mirrortrade.cli import app

    r = CliRunner().invoke(
        app, ["synth", "--countries", "20", "--products", "10", "--years", "2", "--seed", "1",
              "--rows", "3000", "--shape", "dense", "--output", str(tmp_path / "w")],
    )
    assert r.exit_code == 0, r.output
    assert "declarations" in r.output
    assert (tmp_path / "w" / "declarations.parquet").exists()
    assert (tmp_path / "w" / "truth" / "anomalies.parquet").exists()
    r = CliRunner().invoke(app, ["synth", "--countries", "1", "--output", str(tmp_path / "x")])
    assert r.exit_code != 0 and "countries" in r.output
