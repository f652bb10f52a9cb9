"""Reconciling the store (the embedded China–Central Asia data) and the ``mirrortrade reconcile`` CLI."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.reconcile import ReconcileWarning
from mirrortrade.reconcile.store_input import declarations_from_store, reconcile_store, source_rank

runner = CliRunner()


def test_source_rank_prefers_the_reporters_own_statistics() -> None:
    assert source_rank("CN-GACC", "CHN") == 0
    assert source_rank("KZ-BNS", "KAZ") == 0
    assert source_rank("UN-COMTRADE", "KAZ") == 1
    assert source_rank("TM-GOV", "TKM") == 2
    assert source_rank("KG-NSC", "CHN") == 3


def test_store_declarations_are_official_bilateral_full_years(store) -> None:  # type: ignore[no-untyped-def]
    d = declarations_from_store(store)
    assert not d.duplicated(["reporter", "partner", "flow", "year"]).any()
    assert not set(d["partner"]) & {"WLD", "CA5"}
    assert "PRESS" not in set(d["source_id"])
    assert set(d["flow"]) <= {"X", "M"}
    # every chosen figure is a full-year, TOTAL figure in the store, with the same value
    obs = store.observations(figure_id=list(d["figure_id"]))
    assert len(obs) == len(d)
    assert set(obs["period_kind"]) == {"year"} and set(obs["product"]) == {"TOTAL"}
    merged = d.merge(obs[["figure_id", "value_usd"]], on="figure_id")
    assert (merged["value"] == merged["value_usd"]).all()


def test_latest_vintage_of_the_most_authoritative_source_wins(store) -> None:  # type: ignore[no-untyped-def]
    base = declarations_from_store(store)
    kaz = base[(base.reporter == "KAZ") & (base.partner == "CHN") & (base.flow == "X") & (base.year == 2023)]
    assert len(kaz) == 1
    original = float(kaz["value"].iloc[0])
    common = {"reporter": "KAZ", "partner": "CHN", "flow": "X", "period": "2023"}
    store.ingest_frame(
        pd.DataFrame([
            # a press figure, however recent, is not official statistics
            {**common, "value_usd": 1.0e9, "source_id": "PRESS", "publisher": "Some paper", "pub_date": "2026-01-01"},
            # an international compilation ranks below the national office
            {**common, "value_usd": 2.0e9, "source_id": "UN-COMTRADE", "publisher": "UN", "pub_date": "2026-01-01"},
        ]),
        file="test",
    )
    again = declarations_from_store(store)
    row = again[(again.reporter == "KAZ") & (again.partner == "CHN") & (again.flow == "X") & (again.year == 2023)]
    assert float(row["value"].iloc[0]) == original
    # a later publication by the same national office replaces the earlier one (no averaging)
    store.ingest_frame(
        pd.DataFrame([{**common, "value_usd": 1.5e10, "source_id": "KZ-BNS", "publisher": "Bureau of National "
                       "Statistics of Kazakhstan", "title": "revised", "pub_date": "2026-02-01"}]),
        file="test2",
    )
    third = declarations_from_store(store)
    row = third[(third.reporter == "KAZ") & (third.partner == "CHN") & (third.flow == "X") & (third.year == 2023)]
    assert float(row["value"].iloc[0]) == 1.5e10


def test_reconcile_store_gives_every_pair_an_estimate(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReconcileWarning)
        r = reconcile_store(store, output=tmp_path / "out")
    decl = declarations_from_store(store)
    est = store.read_table("estimates")
    # one estimate for every exporter/importer/year either side declared
    x = decl[decl.flow == "X"].rename(columns={"reporter": "exporter", "partner": "importer"})
    m = decl[decl.flow == "M"].rename(columns={"reporter": "importer", "partner": "exporter"})
    wanted = set(map(tuple, pd.concat([x, m])[["exporter", "importer", "year"]].values))
    assert set(map(tuple, est[["exporter", "importer", "year"]].values)) == wanted
    assert est["estimate"].notna().all() and (est["estimate"] > 0).all()
    # Turkmenistan publishes nothing: China's imports from TKM in 2025 ($8.4bn, seed article via
    # the Caspian Post) give a mirror-only, CIF-adjusted estimate; China's exports an exporter-only one
    tkm = est[(est.exporter == "TKM") & (est.importer == "CHN") & (est.year == 2025)].iloc[0]
    assert tkm["method"] == "mirror_only"
    assert tkm["value_importer"] == pytest.approx(8.4e9)
    assert tkm["estimate"] == pytest.approx(8.4e9 / (1 + tkm["cif_rate"]))
    assert 0.0 <= tkm["cif_rate"] <= 0.2
    chn = est[(est.exporter == "CHN") & (est.importer == "TKM") & (est.year == 2025)].iloc[0]
    assert chn["method"] == "exporter_only"
    assert pd.isna(chn["figure_id_importer"])
    # provenance: an estimate's figure id leads back to the store observation it used
    fig = store.figure(tkm["figure_id_importer"])
    assert fig is not None and fig["value_usd"] == pytest.approx(8.4e9) and fig["reporter"] == "CHN"
    for name in ("pairs", "reliability", "estimates", "findings_reconcile"):
        assert store.has_table(name)
    assert (tmp_path / "out" / "estimates.parquet").exists()
    assert len(r.estimates) == len(est)


def test_cli_reconcile_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "decl.csv"
    pd.DataFrame(
        [("KAZ", "CHN", "X", 2023, "TOTAL", 100.0), ("CHN", "KAZ", "M", 2023, "TOTAL", 104.0),
         ("CHN", "KAZ", "M", 2023, "TOTAL", 104.0)],
        columns=["reporter", "partner", "flow", "year", "product", "value"],
    ).to_csv(f, index=False)
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "dropped 1 exact duplicate" in res.output
    est = pd.read_parquet(tmp_path / "out" / "estimates.parquet")
    assert est.loc[0, "method"] == "both"
    assert 100.0 <= est.loc[0, "estimate"] <= 104.0
    assert not (tmp_path / "out" / "pairs.parquet").exists()  # only with --pairs
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(tmp_path / "p"), "--pairs"])
    assert res.exit_code == 0, res.output
    assert "pairs.parquet" in res.output
    pairs = pd.read_parquet(tmp_path / "p" / "pairs.parquet")
    assert pairs.loc[0, "gap"] == 4.0  # 104 - 100
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--pairs"])
    assert res.exit_code != 0 and "--output" in res.output


def test_cli_reconcile_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "decl.csv"
    pd.DataFrame(
        [("KAZ", "CHN", "X", 2023, "TOTAL", 100.0), ("KAZ", "CHN", "X", 2023, "TOTAL", 90.0)],
        columns=["reporter", "partner", "flow", "year", "product", "value"],
    ).to_csv(f, index=False)
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(tmp_path / "o")])
    assert res.exit_code != 0
    assert "reporter=KAZ partner=CHN flow=X year=2023" in res.output
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(tmp_path / "o"), "--on-duplicate", "last"])
    assert res.exit_code == 0, res.output
    assert pd.read_parquet(tmp_path / "o" / "estimates.parquet").loc[0, "value_exporter"] == 90.0
    res = runner.invoke(app, ["reconcile", "--input", str(f)])
    assert res.exit_code != 0 and "--output" in res.output
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(tmp_path / "o"), "--backend", "oracle"])
    assert res.exit_code != 0 and "backend" in res.output


def test_cli_reconcile_store(store_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = store_file
    res = runner.invoke(app, ["reconcile", "--db", str(db), "--output", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "findings_reconcile" in res.output
    est = pd.read_parquet(tmp_path / "out" / "estimates.parquet")
    assert "mirror_only" in set(est["method"])


def test_flags_reuse_the_stored_reconciliation(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After ``reconcile_store`` the mirror-gap band reads the stored reliability and CIF rates: no second
    reconcile() (it would raise here), and the σ it uses are the stored ones."""
    import mirrortrade.reconcile as reconcile_pkg
    from mirrortrade.checks.band import stored_reconciliation
    from mirrortrade.checks.context import CheckContext

    assert stored_reconciliation(store) is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReconcileWarning)
        result = reconcile_store(store)

    def no_second_run(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("flags ran reconcile() again")

    monkeypatch.setattr(reconcile_pkg, "reconcile", no_second_run)
    ctx = CheckContext(store)
    bands = ctx.bands
    assert any("store's reconciliation" in n for n in ctx.notes)
    rel = result.reliability
    for r in rel.itertuples():
        assert bands._sigma(r.country, r.role) == (pytest.approx(r.sigma), r.n_pairs)
    est = result.estimates.drop_duplicates(["exporter", "importer"])
    for r in est.head(5).itertuples():
        assert bands._cif[(r.exporter, r.importer)] == pytest.approx(r.cif_rate)
