"""Issue 19 item 3: every ingest is a batch (`batches` lists them), `remove BATCH` takes one out in one
transaction, `export` writes what `ingest` reads back, `init --force` asks unless --yes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.errors import ParseError
from mirrortrade.store import Store, UnknownBatchError

runner = CliRunner()
#: Tajikistan's imports from China, 2025, as in the embedded seed figures ($2.3bn, TJ-CUSTOMS), and a revision
ROW = {"reporter": "TJK", "partner": "CHN", "flow": "M", "period": "2025", "value_usd": 2.3e9, "precision_usd": 1e8,
       "source_id": "TJ-CUSTOMS", "publisher": "test", "title": "t1", "quote": "imports of $2.3 billion",
       "url": "https://example.org/t1", "vintage": "2026-01-20"}
REVISED = {**ROW, "value_usd": 2.4e9, "vintage": "2026-03-01"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def _file(path: Path, rows: list[dict]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_batches_lists_every_ingest(embedded_store_path: Path, tmp_path: Path) -> None:
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    with Store(db) as s:
        n_before = len(s.batches())
        res = s.ingest_file(_file(tmp_path / "a.csv", [ROW]))
    out = runner.invoke(app, ["batches", "--format", "json", "--db", str(db)])
    assert out.exit_code == 0, out.stderr
    rows = json.loads(out.stdout)["batches"]
    assert len(rows) == n_before + 1
    last = rows[-1]
    assert (last["batch"], last["kind"], last["file"], last["rows"], last["added"], last["held"]) == (
        res.ingest_id, "file:observations", str(tmp_path / "a.csv"), 1, 1, 1)
    table = runner.invoke(app, ["batches", "--db", str(db)])
    assert table.exit_code == 0 and f"{n_before + 1} batches in the store" in table.stdout
    bad = runner.invoke(app, ["batches", "--format", "yaml", "--db", str(db)])
    assert bad.exit_code != 0 and bad.stderr.strip().count("\n") == 0


def test_remove_takes_out_one_batch(embedded_store_path: Path, tmp_path: Path) -> None:
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    with Store(db) as s:
        first = s.ingest_file(_file(tmp_path / "a.csv", [ROW]))
        second = s.ingest_file(_file(tmp_path / "b.csv", [REVISED]))
        assert second.new_vintages == 1
        s.replace_table("estimates", pd.DataFrame({"x": [1]}))  # a derived table computed with them
        cur = s.observations(reporter="TJK", partner="CHN", flow="M", period="2025", source_id="TJ-CUSTOMS",
                             all_vintages=False)
        assert cur[cur.publisher == "test"]["value_usd"].tolist() == [2.4e9]
        others = s.observations(all_vintages=True)
        others = others[others.ingest_id != second.ingest_id]
    res = runner.invoke(app, ["remove", str(second.ingest_id), "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    assert f"removed batch {second.ingest_id}" in res.stdout and "1 figures" in res.stdout
    with Store(db) as s:
        # the revision is gone: the first vintage is current again; nothing else changed
        cur = s.observations(reporter="TJK", partner="CHN", flow="M", period="2025", source_id="TJ-CUSTOMS")
        assert cur[cur.publisher == "test"]["value_usd"].tolist() == [2.3e9]
        after = s.observations(all_vintages=True)
        pd.testing.assert_frame_equal(after.reset_index(drop=True), others.reset_index(drop=True))
        assert not s.has_table("estimates")  # invalidated with the figures it was computed from
        assert second.ingest_id not in s.batches()["batch"].tolist()
        # a removed batch's id is never given again
        third = s.ingest_file(_file(tmp_path / "c.csv", [REVISED]))
        assert third.ingest_id == second.ingest_id + 1
        assert first.ingest_id in s.batches()["batch"].tolist()


def test_remove_unknown_batch_one_line_exit_1(embedded_store_path: Path, tmp_path: Path) -> None:
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    before = _sha(db)
    for arg in ("9999", "x"):
        res = runner.invoke(app, ["remove", arg, "--db", str(db)])
        assert res.exit_code == (1 if arg == "9999" else 2) and res.stdout == ""
        assert res.stderr.strip().count("\n") == 0 and "batches" in res.stderr
    assert _sha(db) == before
    with Store(db) as s, pytest.raises(UnknownBatchError):
        s.remove_batch(9999)


def test_article_is_one_batch_all_or_nothing(embedded_store_path: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from mirrortrade.claims.ingest import ingest_article

    text = ("Trade between China and Kyrgyzstan\n\nChinese customs data show exports to Kyrgyzstan of $12.5 billion "
            "in 2024. Kyrgyzstan received 150,000 tourists from China in 2024, the tourism ministry said.\n")
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    with Store(db) as s:
        n_obs, n_ind, n_batches = s.count(), s.count("indicators"), len(s.batches())

        real = s.ingest_observations

        def fail(*a: object, **k: object) -> None:
            real(*a, **k)  # the figures are written inside the batch's transaction, then something fails
            raise ParseError("simulated failure after the figures were written")

        monkeypatch.setattr(s, "ingest_observations", fail)
        with pytest.raises(ParseError, match="simulated"):
            ingest_article(s, text, name="a.txt")
        assert (s.count(), s.count("indicators"), len(s.batches())) == (n_obs, n_ind, n_batches)
        monkeypatch.undo()
        res = ingest_article(s, text, name="a.txt")
        assert res.trade_added >= 1
        b = s.batches()
        assert len(b) == n_batches + 1 and b.iloc[-1]["kind"].startswith("article:observations")
        s.remove_batch(int(b.iloc[-1]["batch"]))
        assert (s.count(), s.count("indicators")) == (n_obs, n_ind)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_export_ingest_round_trip(fmt: str, embedded_store_path: Path, tmp_path: Path) -> None:
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    with Store(db) as s:
        s.ingest_file(_file(tmp_path / "a.csv", [ROW]))
        s.ingest_file(_file(tmp_path / "b.csv", [REVISED]))
    out = tmp_path / f"backup.{fmt}"
    res = runner.invoke(app, ["export", str(out), "--all-vintages", "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    fresh = tmp_path / "restored.duckdb"
    with Store(fresh) as s:  # an empty store: every figure comes from the export
        r = s.ingest_file(out)
        assert r.added == r.rows
    cols = ["figure_id", "key_id", "reporter", "partner", "flow", "period", "product", "value_usd", "value_low",
            "value_high", "precision_usd", "qualifier", "valuation", "growth_pct", "source_id", "publisher", "title",
            "pub_date", "url", "quote", "vintage", "retrieved_at", "note"]
    with Store(db, read_only=True) as a, Store(fresh, read_only=True) as b:
        for all_vintages in (True, False):
            left = a.observations(all_vintages=all_vintages)[cols].reset_index(drop=True)
            right = b.observations(all_vintages=all_vintages)[cols].reset_index(drop=True)
            assert len(left) > 100
            pd.testing.assert_frame_equal(left, right)


def test_edited_export_refused(embedded_store_path: Path, tmp_path: Path) -> None:
    db = _copy(embedded_store_path, tmp_path / "s.duckdb")
    out = tmp_path / "backup.csv"
    assert runner.invoke(app, ["export", str(out), "--db", str(db)]).exit_code == 0
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    df.loc[3, "value_usd"] = "1234.0"
    df.to_csv(out, index=False)
    with Store(tmp_path / "new.duckdb") as s, pytest.raises(ParseError, match="row 4, column 'figure_id'"):
        s.ingest_file(out)


def test_init_force_asks_unless_yes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["init", "--db", str(db)]).exit_code == 0
    with Store(db) as s:
        s.ingest_file(_file(tmp_path / "a.csv", [ROW]))
        n = s.count()
    before = _sha(db)
    res = runner.invoke(app, ["init", "--force", "--db", str(db)], input="")
    assert res.exit_code == 1 and "--yes" in res.stderr and res.stderr.strip().count("\n") == 0
    assert _sha(db) == before
    res = runner.invoke(app, ["init", "--force", "--yes", "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    with Store(db) as s:
        assert s.count() == n - 1
