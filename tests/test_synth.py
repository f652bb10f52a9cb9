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


# ---------------------------------------------------------------------------------------------
# the realistic world (the default shape)
# ---------------------------------------------------------------------------------------------

REAL = SynthConfig(countries=40, products=200, years=3, seed=11, rows=60_000, phantom_exports=15, unit_errors=8)
KEYS = ["exporter", "importer", "year", "product"]


def _read_real(d: Path) -> dict[str, pd.DataFrame]:
    names = ("flows", "sigma", "countries", "anomalies", "reexports", "look_alikes", "confidential")
    out = {n: pd.read_parquet(d / "truth" / f"{n}.parquet") for n in names}
    out["declarations"] = pd.read_parquet(d / "declarations.parquet")
    return out


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("real")
    result = synthesize(out, REAL)
    assert result.shape == "realistic"
    return _read_real(out)


def _sides(d: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    x = d[d.flow == "X"].rename(columns={"reporter": "exporter", "partner": "importer", "value": "x"})
    m = d[d.flow == "M"].rename(columns={"reporter": "importer", "partner": "exporter", "value": "m"})
    return x.drop(columns="flow").drop_duplicates(), m.drop(columns="flow").drop_duplicates()


def _clean_flows(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """True flows outside every planted anomaly's pair and every re-exported cell."""
    f, a, r = t["flows"], t["anomalies"], t["reexports"]
    bad = a[["exporter", "importer"]].drop_duplicates().assign(bad=True)
    f = f.merge(bad, on=["exporter", "importer"], how="left")
    f = f.merge(r[KEYS].assign(re=True), on=KEYS, how="left")
    return f[f["bad"].isna() & f["re"].isna()].drop(columns=["bad", "re"])


def test_realistic_is_the_default_and_deterministic(tmp_path: Path, real) -> None:
    assert SynthConfig().shape == "realistic"
    synthesize(tmp_path / "again", SynthConfig(**{**REAL.__dict__, "chunk_rows": 1009}))
    again = _read_real(tmp_path / "again")
    for name in real:
        pd.testing.assert_frame_equal(real[name], again[name], obj=name)
    synthesize(tmp_path / "other", SynthConfig(**{**REAL.__dict__, "seed": 12}))
    other = pd.read_parquet(tmp_path / "other" / "declarations.parquet")
    assert len(other) != len(real["declarations"]) or not other["value"].equals(real["declarations"]["value"])


def test_realistic_row_count_near_target(real) -> None:
    n = len(real["declarations"])
    assert abs(n - REAL.rows) / REAL.rows < 0.06, n


def test_missing_rate_per_reporter_within_its_range(real) -> None:
    c = real["countries"].set_index("country")
    assert c["missing_rate"].between(REAL.missing_low, REAL.missing_high).all()
    assert c["missing_rate"].max() > 0.1  # the range is used, not one rate for everyone
    # flows far above every threshold, on products the exporter publishes: the exporter's missing share
    f = _clean_flows(real)
    x, _ = _sides(real["declarations"])
    conf = real["confidential"].rename(columns={"reporter": "exporter"}).assign(conf=True)
    f = f.merge(conf, on=["exporter", "product"], how="left")
    f = f[f["conf"].isna() & (f["value_fob"] > 100 * 10_000)]
    f = f[f["exporter"].map(c["reports"])]
    f = f.merge(x[KEYS + ["x"]], on=KEYS, how="left")
    per = f.groupby("exporter")["x"].agg(lambda s: s.isna().mean()).rename("lost").to_frame()
    per["n"] = f.groupby("exporter").size()
    per = per[per["n"] >= 150]
    assert len(per) >= 10
    true = c.loc[per.index, "missing_rate"].to_numpy()
    se = np.sqrt(np.maximum(true * (1 - true), 0.01) / per["n"].to_numpy())
    assert np.all(np.abs(per["lost"].to_numpy() - true) < 4 * se + 0.01), (per["lost"].to_numpy(), true)


def test_custom_missing_range_is_honoured(tmp_path: Path) -> None:
    synthesize(tmp_path, SynthConfig(**{**REAL.__dict__, "rows": 20_000, "missing_low": 0.05, "missing_high": 0.06}))
    c = pd.read_parquet(tmp_path / "truth" / "countries.parquet")
    assert c["missing_rate"].between(0.05, 0.06).all()


def test_most_cells_are_intermittent(real) -> None:
    f = real["flows"]
    years = f.groupby(["exporter", "importer", "product"]).size()
    assert (years <= 2).mean() > 0.5, years.value_counts()
    assert (years == REAL.years).mean() > 0.1  # big cells persist
    d = real["declarations"]
    declared = d.groupby(["reporter", "partner", "flow", "product"])["year"].nunique()
    assert (declared <= 2).mean() > 0.5


def test_lower_activity_gives_sparser_cells(tmp_path: Path, real) -> None:
    synthesize(tmp_path, SynthConfig(**{**REAL.__dict__, "activity": 0.1}))
    one_year = {
        name: (f.groupby(["exporter", "importer", "product"]).size() == 1).mean()
        for name, f in (("default", real["flows"]), ("sparse", pd.read_parquet(tmp_path / "truth" / "flows.parquet")))
    }
    assert one_year["sparse"] > 0.75 > one_year["default"], one_year


def test_thresholds_and_confidential_products_respected(real) -> None:
    d, c = real["declarations"], real["countries"].set_index("country")
    assert set(c["threshold"]) <= {1000.0, 2000.0, 5000.0, 10000.0} and c["threshold"].nunique() >= 2
    assert (d["value"] >= d["reporter"].map(c["threshold"])).all()
    # the threshold is binding: flows published by one side only because the other side's value is small
    x, m = _sides(d)
    j = x.merge(m, on=KEYS, how="outer")
    one_sided_small = j["m"].isna() & (j["x"] < j["importer"].map(c["threshold"]))
    assert one_sided_small.sum() > 0
    conf = real["confidential"]
    assert len(conf) > 0
    hit = d.merge(conf, on=["reporter", "product"])
    assert hit.empty


def test_values_are_heavy_tailed(real) -> None:
    v = np.sort(real["flows"]["value_fob"].to_numpy())[::-1]
    assert v[: len(v) // 100].sum() / v.sum() > 0.4  # the top 1% of flows hold most of the value
    assert v.mean() / np.median(v) > 5  # a log-normal with σ ≈ 1.8 or more (the Pareto factor adds to it)


def test_realistic_truth_matches_the_declarations(real) -> None:
    d, a, f = real["declarations"], real["anomalies"], real["flows"]
    x, m = _sides(d)
    clean = _clean_flows(real)
    jx = clean.merge(x, on=KEYS)
    jm = clean.merge(m, on=KEYS)
    assert abs(np.log(jx["x"] / jx["value_fob"]).median()) < 0.03
    assert abs(np.log(jm["m"] / jm["value_cif"]).median()) < 0.03
    # every declaration outside planted and re-exported cells is a side of a true flow
    rx = real["reexports"]
    hub_cells = pd.concat([rx[KEYS], rx.assign(importer=rx["hub"])[KEYS], rx.assign(exporter=rx["hub"])[KEYS]])
    planted = a[a["year"].notna()][KEYS]
    for side in (x, m):
        s = side.merge(hub_cells.drop_duplicates().assign(h=True), on=KEYS, how="left")
        s = s.merge(planted.drop_duplicates().assign(p=True), on=KEYS, how="left")
        s = s[s["h"].isna() & s["p"].isna()]
        ph = a[a.kind == "phantom_export"][["exporter", "importer", "product"]].assign(ph=True)
        s = s.merge(ph, on=["exporter", "importer", "product"], how="left")
        s = s[s["ph"].isna()]
        assert len(s.merge(f[KEYS], on=KEYS)) == len(s)

    kinds = a.groupby("kind").size().to_dict()
    assert kinds.get("phantom_export") == REAL.phantom_exports and kinds.get("unit_error") == REAL.unit_errors
    assert kinds.get("under_recorded_imports", 0) >= 1 and kinds.get("rerouting", 0) >= 1
    assert d.duplicated().sum() == kinds["duplicate"]
    # phantoms: declared by the exporter in every year, no true flow, no import side, importer reports e
    ph = a[a.kind == "phantom_export"]
    assert ph["year"].isna().all() and ph["product"].notna().all()
    cell = ["exporter", "importer", "product"]
    px = ph[cell].merge(x, on=cell)
    assert (px.groupby(cell)["year"].nunique() == REAL.years).all() and len(px.groupby(cell)) == len(ph)
    assert ph[cell].merge(f, on=cell).empty and ph[cell].merge(m, on=cell).empty
    for e, i, prod in ph[["exporter", "importer", "product"]].itertuples(index=False):
        assert ((m.exporter == e) & (m.importer == i)).any()
        assert ((m.importer == i) & (m["product"] == prod)).any()  # the importer publishes the product
    # unit errors: one side of a two-sided cell-year, ~1000× the other
    ue = a[a.kind == "unit_error"].merge(x, on=KEYS).merge(m, on=KEYS)
    assert len(ue) == REAL.unit_errors
    assert ((ue["x"] / ue["m"]).where(ue["flow"] == "X", ue["m"] / ue["x"]) > 100).all()
    # under-recorded imports: the importer's side short by the planted factor
    for r in a[a.kind == "under_recorded_imports"].itertuples(index=False):
        pair = f[(f.exporter == r.exporter) & (f.importer == r.importer)].merge(m, on=KEYS)
        ratio = np.exp(np.log(pair["m"] / pair["value_cif"]).median())
        assert abs(ratio - r.factor) < 0.25, (ratio, r.factor)


def test_look_alikes_look_exactly_like_phantoms(real) -> None:
    la, d, a = real["look_alikes"], real["declarations"], real["anomalies"]
    assert len(la) > 0 and set(la["cause"]) <= {"missing", "threshold", "missing+threshold", "confidential",
                                                 "reexport"}
    x, m = _sides(d)
    cell = ["exporter", "importer", "product"]
    assert (la[cell].merge(x, on=cell).groupby(cell)["year"].nunique() == REAL.years).all()
    assert la[cell].merge(m, on=cell).empty
    assert la[cell].merge(a[a.kind == "phantom_export"][cell], on=cell).empty
    # by chance alone: a true flow the importer lost in every year
    chance = la[la["cause"] == "missing"]
    assert len(chance) > 0
    assert len(chance.merge(real["flows"][cell].drop_duplicates(), on=cell)) == len(chance)
    # the flags say what the importer publishes
    for r in la.itertuples(index=False):
        assert r.importer_reports_pair == ((m.exporter == r.exporter) & (m.importer == r.importer)).any()
        assert r.importer_publishes_product == ((m.importer == r.importer) & (m["product"] == r.product)).any()
    assert not la.loc[la["cause"] == "confidential", "importer_publishes_product"].any()


def test_hub_reexports_are_recorded(real) -> None:
    c, r, d = real["countries"], real["reexports"], real["declarations"]
    hub = c.loc[c["hub"], "country"]
    assert len(hub) == 1 and set(r["hub"]) == set(hub)
    assert set(r.loc[r["kind"] == "reexport", "exporter"]) <= set(c.loc[c["reexport_origin"], "country"])
    assert r["share"].between(0.05, 0.6).all()
    # the hub declares exports of the re-exported goods to their destinations
    hx = d[(d.reporter == hub.iloc[0]) & (d.flow == "X")].rename(columns={"partner": "importer"})
    assert len(r.merge(hx, on=["importer", "year", "product"])) > 0.5 * len(r)


def test_no_anomalies_when_asked(tmp_path: Path) -> None:
    result = synthesize(tmp_path, SynthConfig(**{**REAL.__dict__, "plant": False, "phantom_exports": None,
                                                 "unit_errors": None}))
    t = _read_real(tmp_path)
    assert t["anomalies"].empty and not any(result.anomalies.values())
    assert t["declarations"].duplicated().sum() == 0
    assert set(t["reexports"]["kind"]) == {"reexport"}  # background re-exports stay, no rerouting
    la = t["look_alikes"]
    assert len(la) > 0  # chance still makes phantom look-alikes
    exact = la["importer_reports_pair"] & la["importer_publishes_product"] & (la["cause"] != "reexport")
    assert result.look_alikes == int(exact.sum())


def test_realistic_cli_and_shape_check(tmp_path: Path) -> None:
    from mirrortrade.cli import app

    r = CliRunner().invoke(
        app, ["synth", "--countries", "20", "--products", "60", "--years", "2", "--seed", "1", "--rows", "3000",
              "--no-anomalies", "--output", str(tmp_path / "w")],
    )
    assert r.exit_code == 0, r.output
    assert "realistic world" in r.output and "look-alikes" in r.output
    assert pd.read_parquet(tmp_path / "w" / "truth" / "anomalies.parquet").empty
    r = CliRunner().invoke(app, ["synth", "--shape", "round", "--output", str(tmp_path / "x")])
    assert r.exit_code != 0 and "shape" in r.output
