"""The DuckDB store: round trip, idempotent ingest, vintages, atomic ingest with row-level errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from mirrortrade.data import EMBEDDED_FILES, open_store
from mirrortrade.errors import DuplicateError, ParseError, PeriodError
from mirrortrade.store import SCHEMA_VERSION, Store


def _csv(path: Path, rows: list[dict]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


ROW = {"reporter": "TJK", "partner": "CHN", "flow": "M", "period": "2025", "value_usd": 2.3e9,
       "precision_usd": 1e8, "source_id": "TJ-CUSTOMS", "publisher": "test", "title": "t1", "vintage": "2026-01-20"}


def test_roundtrip_and_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        assert s.schema_version == SCHEMA_VERSION
        f = _csv(tmp_path / "a.csv", [ROW, {**ROW, "flow": "X", "value_usd": 524e6, "precision_usd": 1e6}])
        r1 = s.ingest_file(f)
        assert (r1.rows, r1.added, r1.unchanged) == (2, 2, 0)
        r2 = s.ingest_file(f)  # the same figures again: one figure each
        assert (r2.added, r2.unchanged) == (0, 2)
        df = s.observations(reporter="TJK")
        assert len(df) == 2
        m = df[df.flow == "M"].iloc[0]
        assert m.value_usd == 2.3e9
        assert (m.value_low, m.value_high) == pytest.approx((2.25e9, 2.35e9))
        assert m.source_id == "TJ-CUSTOMS"


def test_vintages_and_as_of(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest_file(_csv(tmp_path / "v1.csv", [ROW]))
        s.ingest_file(_csv(tmp_path / "v2.csv", [{**ROW, "value_usd": 2.4e9, "vintage": "2026-03-01"}]))
        res = s.ingest_file(_csv(tmp_path / "v2b.csv", [{**ROW, "value_usd": 2.4e9, "vintage": "2026-03-01"}]))
        assert res.added == 0
        assert s.observations(reporter="TJK").value_usd.tolist() == [2.4e9]
        assert s.observations(reporter="TJK", as_of="2026-02-01").value_usd.tolist() == [2.3e9]
        assert s.observations(reporter="TJK", as_of="2025-12-31").empty
        allv = s.observations(reporter="TJK", all_vintages=True)
        assert sorted(allv.value_usd) == [2.3e9, 2.4e9]
        assert allv.key_id.nunique() == 1  # one figure, two vintages, nothing overwritten
        assert s.ingests().new_vintages.tolist() == [0, 1, 0]


def test_bad_row_mid_file_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.ingest_file(_csv(tmp_path / "ok.csv", [ROW]))
    before = _sha(db)
    rows = [{**ROW, "period": str(y)} for y in range(2010, 2020)]
    rows[5]["value_usd"] = "n/a"
    bad = _csv(tmp_path / "bad.csv", rows)
    with Store(db) as s:
        with pytest.raises(ParseError) as ei:
            s.ingest_file(bad)
        assert ei.value.row == 6 and ei.value.column == "value_usd"
        assert "bad.csv" in str(ei.value) and "row 6" in str(ei.value)
        assert s.count() == 1
    assert _sha(db) == before


def test_bad_period_and_duplicate_key(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        with pytest.raises(PeriodError, match="row 2"):
            s.ingest_file(_csv(tmp_path / "p.csv", [ROW, {**ROW, "period": "2025-Q5"}]))
        with pytest.raises(DuplicateError, match="rows 1 and 2"):
            s.ingest_file(_csv(tmp_path / "d.csv", [ROW, {**ROW, "value_usd": 9e9}]))
        assert s.count() == 0


def test_value_with_unit(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        row = {k: v for k, v in ROW.items() if k not in ("value_usd", "precision_usd")}
        s.ingest_file(_csv(tmp_path / "u.csv", [{**row, "value": 2300000, "unit": "thousand USD"}]))
        assert s.observations().value_usd.tolist() == [2.3e9]


def test_parquet_and_excel(tmp_path: Path) -> None:
    df = pd.DataFrame([ROW])
    df.to_parquet(tmp_path / "a.parquet")
    df.assign(title="t2").to_excel(tmp_path / "a.xlsx", index=False)
    with Store(tmp_path / "s.duckdb") as s:
        assert s.ingest_file(tmp_path / "a.parquet").added == 1
        assert s.ingest_file(tmp_path / "a.xlsx").added == 1  # another publication: another figure
        assert len(s.observations()) == 2


def test_embedded_dataset_keeps_both_publications(store) -> None:  # type: ignore[no-untyped-def]
    # seed 000 prints $71.3 billion, seed 004 prints $71.2 billion for China's 2025 exports to the region
    x = store.observations(reporter="CHN", partner="CA5", flow="X", period="2025")
    assert sorted(x.value_usd) == [71.2e9, 71.3e9]
    assert x.title.nunique() == 2
    # the national file: Kazakhstan's own 2023 imports from China (BNS) in thousand USD -> USD
    kaz = store.observations(reporter="KAZ", partner="CHN", flow="M", period="2023")
    assert len(kaz) == 1 and kaz.source_id.iloc[0] == "KZ-BNS"
    # Kyrgyz GDP 2025 "under $22 billion" is an upper bound
    g = store.indicators(country="KGZ", indicator="gdp_usd", period="2025")
    assert g.qualifier.tolist() == ["upper"] and g.value_high.tolist() == [22e9]


def test_open_store_loads_embedded_once(tmp_path: Path) -> None:
    p = tmp_path / "n.duckdb"
    with open_store(p) as s:
        n = s.count()
        assert n > 100
    with open_store(p) as s:
        assert s.count() == n
        assert len(s.ingests()) == len(EMBEDDED_FILES)  # one ingest per embedded file, once


def test_news_items_idempotent(tmp_path: Path) -> None:
    from mirrortrade.model import Citation, NewsItem

    # seed 000, Kazakhstan section
    quote = ("Kazakh Invest National Co. and China’s Guoyou Materials Group are moving ahead with a $1.1 billion "
             "investment project to develop the port of Kuryk in Kazakhstan.")
    item = NewsItem(kind="investment", countries=("KAZ", "CHN"), quote=quote, amount_usd=1.1e9,
                    amount_precision=1e8, parties=("Kazakh Invest National Co.", "Guoyou Materials Group"),
                    citation=Citation("The Caspian Post, via Eurasianet", "seed 000"))
    with Store(tmp_path / "s.duckdb") as s:
        assert s.ingest_events([item]).added == 1
        assert s.ingest_events([item]).added == 0
        ev = s.events(country="KAZ")
        assert len(ev) == 1 and ev.quote.iloc[0] == quote
        assert (ev.amount_low.iloc[0], ev.amount_high.iloc[0]) == pytest.approx((1.05e9, 1.15e9))
        assert s.events(country="UZB").empty


def test_observations_page_is_a_slice_of_observations(store) -> None:  # type: ignore[no-untyped-def]
    """The API's page is cut in DuckDB: the same rows, in the same order, as slicing the full result."""
    full = store.observations(partner="CHN")
    assert len(full) > 20  # the national files and the seeds: many figures with China as partner
    for offset in (0, 7, len(full) - 3, len(full) + 5):
        page, total = store.observations_page(partner="CHN", limit=10, offset=offset)
        assert total == len(full)
        assert page["figure_id"].tolist() == full["figure_id"].iloc[offset:offset + 10].tolist()
    page, total = store.observations_page(partner="CHN", reporter="KGZ", flow="M", limit=5)
    assert total == len(store.observations(partner="CHN", reporter="KGZ", flow="M"))


def test_column_name_with_a_line_break_gives_one_line(tmp_path: Path) -> None:
    """Found by the CSV fuzzer: a quoted header with a line break in it is named escaped, on one line."""
    p = tmp_path / "odd.csv"
    p.write_text('reporter,partner,flow,period,value_usd,source_id,"odd\nname"\nCHN,KGZ,X,2025,1,CN-GACC,x\n',
                 encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as s:
        with pytest.raises(ParseError) as e:
            s.ingest_file(p)
        assert s.count() == 0
    assert "\n" not in str(e.value) and "'odd\\nname'" in str(e.value)
