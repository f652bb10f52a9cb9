"""Issue 19 item 2: the whole file is validated before anything is committed. A CSV of 400,000 good rows
padded with NUL bytes to 20 or 60 MB and ending in a cut-off row was once accepted ("400000 rows read:
400000 added") or ended in a traceback; now it is refused with one line naming file, row and column, a
non-zero exit and a byte-identical store. The large files are made at test time (make_corpus.padded_csv)."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.errors import ParseError
from mirrortrade.store.files import check_text_file

from ._helpers import BAD_INPUTS, copy_store, sha256

runner = CliRunner()


def _corpus():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BAD_INPUTS))
    try:
        return importlib.import_module("make_corpus")
    finally:
        sys.path.remove(str(BAD_INPUTS))


@pytest.mark.parametrize("megabytes", [20, 60])
def test_padded_csv_refused_store_unchanged(megabytes: int, embedded_store_path: Path, tmp_path: Path) -> None:
    bad = _corpus().padded_csv(tmp_path / f"padded_{megabytes}mb.csv", 400_000, megabytes * 1_000_000)
    assert bad.stat().st_size == megabytes * 1_000_000
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    res = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert res.exit_code != 0 and res.stdout == ""
    line = res.stderr.strip()
    assert "\n" not in line and "Traceback" not in line, line
    # the first bad byte is at the start of the 400,001st data row, in its first field
    assert line.startswith(f"error: {bad}, row 400001, column 'reporter': NUL byte"), line
    assert sha256(db) == before


def test_whole_file_check_is_fast(tmp_path: Path) -> None:
    """The NUL/encoding scan reads the whole file in chunks: 60 MB well under a second here."""
    bad = _corpus().padded_csv(tmp_path / "padded.csv", 400_000, 60_000_000)
    good = tmp_path / "good.csv"
    with bad.open("rb") as src, good.open("wb") as dst:  # the same rows without the damage
        data = src.read()
        dst.write(data[: data.index(b"\x00")])
    t0 = time.perf_counter()
    check_text_file(good, ",")
    with pytest.raises(ParseError, match="NUL byte"):
        check_text_file(bad, ",")
    assert time.perf_counter() - t0 < 2.0


def test_good_rows_of_the_padded_file_ingest(embedded_store_path: Path, tmp_path: Path) -> None:
    """The same rows without the damage do ingest: the refusal is for the damage, not the rows."""
    bad = _corpus().padded_csv(tmp_path / "padded.csv", 2_000, 0)
    good = tmp_path / "good.csv"
    good.write_bytes(bad.read_bytes().rsplit(b"\n", 1)[0] + b"\n")
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    res = runner.invoke(app, ["ingest", str(good), "--db", str(db)])
    assert res.exit_code == 0, res.stderr
    assert "2000 rows read: 2000 added" in res.stdout


@pytest.mark.parametrize(("tail", "expected"), [
    (b"CHN,KAZ,X,2025,1", "has 5 fields where the header has 7"),
    (b'CHN,KAZ,X,2025,1,1,"UN-COM', "never closed"),
    (b"CHN,KAZ,X,2025,1,1,UN-COMTRADE,x", "has 8 fields where the header has 7"),
])
def test_damaged_last_row_refused(tail: bytes, expected: str, embedded_store_path: Path, tmp_path: Path) -> None:
    bad = _corpus().padded_csv(tmp_path / "cut.csv", 50_000, 0)
    bad.write_bytes(bad.read_bytes()[: -len(b"CHN,KAZ,X,2025,1")] + tail)
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    res = runner.invoke(app, ["ingest", str(bad), "--db", str(db)])
    assert res.exit_code != 0
    line = res.stderr.strip()
    assert "\n" not in line and expected in line and "row 50001" in line, line
    assert sha256(db) == before


def test_long_field_is_not_a_traceback(embedded_store_path: Path, tmp_path: Path) -> None:
    """A 20 MB field (once `_csv.Error: field larger than field limit`, a traceback) is one line naming the row."""
    p = tmp_path / "long.csv"
    p.write_bytes(b"reporter,partner,flow,period,value_usd,source_id\nCHN,KAZ,X,2025," + b"9" * 20_000_000
                  + b",CN-GACC\n")
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    res = runner.invoke(app, ["ingest", str(p), "--db", str(db)])
    assert res.exit_code != 0
    line = res.stderr.strip()
    assert "\n" not in line and "Traceback" not in line and "row 1" in line and "longer than" in line, line[:300]
    assert len(line) < 400


def test_article_with_nul_bytes_after_64kb_refused(embedded_store_path: Path, tmp_path: Path) -> None:
    """`ingest-article` checks the whole text too: NUL padding after the first 64 KB is refused, store unchanged."""
    sentence = b"China's exports to Central Asia amounted to $71.3 billion in 2025. "
    p = tmp_path / "padded_article.txt"
    p.write_bytes(sentence * (70_000 // len(sentence) + 1) + b"\x00" * 10_000)
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    res = runner.invoke(app, ["ingest-article", str(p), "--db", str(db)])
    assert res.exit_code != 0 and "binary" in res.stderr and res.stderr.strip().count("\n") == 0, res.stderr
    assert sha256(db) == before
