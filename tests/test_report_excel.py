"""Excel sheets read back as written (report/excel.py): the report workbook's sheets and the store export,
read with python-calamine, equal their source frames: every number the same double, dates as dates.
The only changes are the ones Excel forces, each checked: ±∞ is a blank cell, a blank text a blank cell.

The frames are the embedded dataset's (src/mirrortrade/data/SOURCES.md names its sources).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from mirrortrade.report.derived import run_findings, run_findings_raw
from mirrortrade.report.excel import excel_frame, new_workbook, save_workbook, write_sheet
from mirrortrade.report.pair import pair_data
from mirrortrade.report.tables import export_store
from mirrortrade.report.xlsx import PAIR_TABLES, pair_tables, write_workbook
from mirrortrade.store import Store


def _blank(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)) or v == ""


def _same_cell(want: object, got: object) -> bool:
    """One written cell against the one read back: blank for blank, the same double, the same date/text."""
    if _blank(want) or (isinstance(want, float) and math.isinf(want)):
        return _blank(got)
    if isinstance(want, bool):
        return got is want or got == want
    if isinstance(want, int | float):
        return isinstance(got, int | float) and float(got) == float(want)
    if isinstance(want, pd.Timestamp | dt.datetime):
        return pd.Timestamp(got) == pd.Timestamp(want)
    if isinstance(want, dt.date):
        return isinstance(got, dt.datetime | dt.date) and pd.Timestamp(got).date() == want and (
            pd.Timestamp(got).time() == dt.time())
    return isinstance(got, str) and got == str(want)


def assert_round_trip(source: pd.DataFrame, back: pd.DataFrame, sheet: str) -> None:
    assert list(back.columns) == [str(c) for c in source.columns], sheet
    assert len(back) == len(source), sheet
    written = excel_frame(source)
    for c in source.columns:
        for i, (w, g) in enumerate(zip(written[c].tolist(), back[str(c)].tolist(), strict=True)):
            assert _same_cell(w, g), f"{sheet}!{c} row {i + 2}: wrote {w!r}, read {g!r}"


def _long_digits(frames: dict[str, pd.DataFrame]) -> list[float]:
    """Finite values that openpyxl's own "%.16g" does not write exactly (the ones the old export lost)."""
    return [v for df in frames.values() for c in df.columns if pd.api.types.is_float_dtype(df[c])
            for v in df[c].tolist() if math.isfinite(v) and float(f"{v:.16g}") != v]


@pytest.fixture(scope="module")
def kgz_store(embedded_store_copy: Path) -> Path:
    return embedded_store_copy


def test_report_sheets_round_trip(kgz_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "kgz.xlsx"
    with Store(kgz_store, read_only=True) as s:
        write_workbook(s, out, [("KGZ", "CHN")], (2015, 2025))
        raw = run_findings_raw(s)
        data = pair_data(s, "KGZ", "CHN", (2015, 2025), findings=run_findings(s, raw), raw_findings=raw)
    tables = pair_tables(data)
    back = pd.read_excel(out, sheet_name=None, engine="calamine", dtype=object)
    assert set(PAIR_TABLES) <= set(back)
    for name in PAIR_TABLES:
        assert_round_trip(tables[name], back[name], name)
    # the vintages are Excel dates, the published values numbers
    assert all(isinstance(v, dt.datetime) for v in back["sides"]["vintage"] if not _blank(v))
    assert all(isinstance(v, float | int) for v in back["sides"]["value"])
    # China's exports to Kyrgyzstan in 2025, "more than $22 billion" (seed 000): [22e9, ∞) → a blank high end
    x25 = back["sides"][(back["sides"]["direction"] == "CHN → KGZ") & (back["sides"]["year"] == 2025)
                        & (back["sides"]["side"] == "exporter")]
    assert x25["value"].tolist()[0] == 22e9 and _blank(x25["high"].tolist()[0])
    # the WDI GDP and the gap percents carry 17 significant digits; "%.16g" would have lost some of them
    assert _long_digits(tables)


def test_store_export_round_trip(kgz_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    with Store(kgz_store, read_only=True) as s:
        export_store(s, out, "xlsx", all_vintages=True)
        obs, ind = s.observations(all_vintages=True), s.indicators(all_vintages=True)
    back = pd.read_excel(out, sheet_name=None, engine="calamine", dtype=object)
    assert len(obs) > 100 and _long_digits({"obs": obs, "ind": ind})
    assert_round_trip(obs, back["observations"], "observations")
    assert_round_trip(ind, back["indicators"], "indicators")


def test_text_with_an_equals_sign_stays_text(tmp_path: Path) -> None:
    df = pd.DataFrame({"quote": ["=HYPERLINK(\"http://x\")", "plain"], "value": [11143739729.189999, 0.1 + 0.2]})
    book = new_workbook()
    write_sheet(book, "q", df)
    save_workbook(book, tmp_path / "q.xlsx")
    back = pd.read_excel(tmp_path / "q.xlsx", engine="calamine", dtype=object)
    assert back["quote"].tolist() == df["quote"].tolist()
    assert back["value"].tolist() == [11143739729.189999, 0.30000000000000004]


