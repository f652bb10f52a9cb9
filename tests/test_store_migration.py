"""Schema 3 -> 4: a store written by the previous layout (one wide ``observations`` table) opens in the
compact layout with every figure, id, vintage and ingest kept, and the ids it kept are the ones a new
ingest computes (re-ingesting the same figures adds nothing)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from mirrortrade.data import national_figures, open_store, seed_figures
from mirrortrade.store import _MIGRATIONS, OBS_COLUMNS, SCHEMA_VERSION, Store


def _v3_store(path: Path, source: Path) -> pd.DataFrame:
    """A schema-3 store holding the figures of ``source`` (a current store), written with the schema-3 DDL."""
    with Store(source, read_only=True) as s:
        obs = s.con.execute("SELECT * FROM observations ORDER BY ingest_id, figure_id").df()
        tables = {t: s.con.execute(f"SELECT * FROM {t}").df() for t in ("ingests", "indicators", "events", "meta")}
    con = duckdb.connect(str(path))
    for version in (1, 2, 3):
        for sql in _MIGRATIONS[version]:
            con.execute(sql)
    con.register("o", obs)
    con.execute(f"INSERT INTO observations SELECT {', '.join(OBS_COLUMNS)}, ingest_id, ingested_at FROM o")
    for name, df in tables.items():
        con.register("t", df)
        con.execute(f"INSERT INTO {name} SELECT * FROM t")
        con.unregister("t")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'observations'").fetchone()[0] == 1
    con.close()
    return obs


def test_schema3_store_migrates_with_ids_values_and_ingests(embedded_store_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "v3.duckdb"
    before = _v3_store(old, embedded_store_path)
    assert len(before) > 100  # the embedded dataset: both seed articles and the national files
    with Store(old) as s:
        assert s.schema_version == SCHEMA_VERSION == 5
        after = s.con.execute("SELECT * FROM observations ORDER BY ingest_id, figure_id").df()
        pd.testing.assert_frame_equal(after, before, check_dtype=False)
        # the kept ids are the ones an ingest computes now: the same figures are already in the store
        for frame, name in ((seed_figures(), "seed_figures.csv"), (national_figures(), "national_ca_china.csv")):
            res = s.ingest_frame(frame, file=f"embedded:{name}", kind="embedded")
            assert res.added == 0 and res.unchanged == res.rows > 0
        assert s.count() == len(before)
        # the wide table is gone; the view reads the compact tables
        kinds = dict(s.con.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'").fetchall())
        assert kinds["observations"] == "VIEW" and kinds["obs_rows"] == "BASE TABLE"


def test_ids_match_the_model(tmp_path: Path) -> None:
    """The store computes key ids in SQL (md5 digits kept as an integer) exactly as ``Observation.key_id``."""
    from mirrortrade.model import Citation, Observation

    o = Observation("KGZ", "CHN", "M", "2025", 2.3e9, "TJ-STAT", citation=Citation(publisher="P", title="T"))
    with open_store(tmp_path / "s.duckdb") as s:
        s.ingest_observations([o], file="one")
        stored = s.observations(reporter="KGZ", partner="CHN", source_id="TJ-STAT")
    assert stored["key_id"].tolist() == [o.key_id]
