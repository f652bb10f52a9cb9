"""Issue 17 item 4 / issue 19 item 2: `reconcile --input` validates the whole file with the rules of `ingest`
before anything is computed or written; `--lenient` drops the bad rows and says how many and why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.errors import CodeError, ParseError
from mirrortrade.reconcile.validate import validate_declarations

runner = CliRunner()
HEADER = "reporter,partner,flow,year,product,value\n"
#: a small mirror world: both sides of CHN->KAZ and KAZ->CHN, 2020-2022 (values made up for the test)
GOOD = "".join(f"CHN,KAZ,X,{y},TOTAL,{100 + y - 2020}\nKAZ,CHN,M,{y},TOTAL,{104 + y - 2020}\n"
               f"KAZ,CHN,X,{y},TOTAL,{50 + y - 2020}\nCHN,KAZ,M,{y},TOTAL,{53 + y - 2020}\n" for y in (2020, 2021, 2022))
N_GOOD = GOOD.count("\n")


@pytest.mark.parametrize(("bad_row", "error", "where", "words", "reason"), [
    ("XQZ,CHN,M,2021,TOTAL,5", CodeError, "column 'reporter'", "unknown reporter 'XQZ'", "unknown reporter"),
    ("CHN,XQZ,X,2021,TOTAL,5", CodeError, "column 'partner'", "unknown partner 'XQZ'", "unknown partner"),
    ("CHN,KAZ,Q,2021,TOTAL,5", CodeError, "column 'flow'", "unknown flow 'Q'", "unknown flow"),
    ("CHN,KAZ,X,2021,TOTAL,-5", ParseError, "column 'value'", "negative value", "negative value"),
    ("CHN,KAZ,X,2021,TOTAL,1 234,5", ParseError, "", "fields where the header has 6", None),
    ("CHN,KAZ,X,2021,TOTAL,n/a", ParseError, "column 'value'", "'n/a' is not a number", "value not a number"),
    ("CHN,KAZ,X,20x1,TOTAL,5", ParseError, "column 'year'", "'20x1' is not a year", "year not a year"),
    ("CHN,CHN,X,2021,TOTAL,5", ParseError, "column 'partner'", "reporter and partner are both CHN",
     "reporter is partner"),
])
def test_bad_row_refused_nothing_written(bad_row: str, error: type, where: str, words: str, reason: str | None,
                                         tmp_path: Path) -> None:
    f = tmp_path / "decl.csv"
    f.write_text(HEADER + GOOD + bad_row + "\n", encoding="utf-8")
    row = N_GOOD + 1
    with pytest.raises(error) as info:
        validate_declarations(f)
    assert f"row {row}" in str(info.value) and where in str(info.value) and words in str(info.value), info.value
    out = tmp_path / "out"
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(out)])
    assert res.exit_code != 0 and res.stdout == ""
    line = res.stderr.strip()
    assert "\n" not in line and line.startswith(f"error: {f}, row {row}") and words in line, res.stderr
    assert not out.exists()
    if reason is None:  # a damaged file is refused even with --lenient
        res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(out), "--lenient"])
        assert res.exit_code != 0 and not out.exists()
        return
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(out), "--lenient"])
    assert res.exit_code == 0, res.stderr
    assert f"--lenient: dropped 1 of {N_GOOD + 1:,} declarations (1 {reason}" in res.stderr
    est = pd.read_parquet(out / "estimates.parquet")
    assert len(est) == 6  # 2 flows x 3 years, the bad row gone


def test_parquet_input_validated(tmp_path: Path) -> None:
    df = pd.read_csv(pd.io.common.StringIO(HEADER + GOOD)).astype({"value": float})
    df.loc[len(df)] = ["CHN", "KAZ", "X", 2021, "TOTAL", float("inf")]
    f = tmp_path / "decl.parquet"
    df.to_parquet(f, index=False)
    with pytest.raises(ParseError, match=rf"row {N_GOOD + 1}, column 'value': inf is not a finite number"):
        validate_declarations(f)
    ok = validate_declarations(f, lenient=True, workdir=tmp_path)
    assert ok.rows == N_GOOD + 1 and ok.n_dropped == 1
    assert len(pd.read_parquet(ok.path)) == N_GOOD


def test_good_file_passes_unchanged(tmp_path: Path) -> None:
    f = tmp_path / "decl.csv"
    f.write_text(HEADER + GOOD, encoding="utf-8")
    ok = validate_declarations(f)
    assert ok.path == f and ok.rows == N_GOOD and ok.n_dropped == 0


@pytest.mark.parametrize(("content", "words"), [
    (b"", "file is empty"),
    (HEADER.encode(), "no data rows"),
    (HEADER.encode("utf-16"), "UTF-16"),
    ((HEADER + GOOD).encode() + b"\x00" * 5000 + b"CHN,KAZ", "NUL byte"),
    ((HEADER + GOOD).encode() + b"CHN,KAZ,X,20", "has 4 fields where the header has 6"),
])
def test_damaged_file_refused(content: bytes, words: str, tmp_path: Path) -> None:
    f = tmp_path / "decl.csv"
    f.write_bytes(content)
    out = tmp_path / "out"
    res = runner.invoke(app, ["reconcile", "--input", str(f), "--output", str(out)])
    assert res.exit_code != 0 and words in res.stderr and res.stderr.strip().count("\n") == 0, res.stderr
    assert "Traceback" not in res.stderr and not out.exists()


def test_lenient_needs_input(tmp_path: Path) -> None:
    res = runner.invoke(app, ["reconcile", "--lenient", "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code != 0 and "--lenient applies to --input" in res.stderr


def test_gzip_csv_and_parquet_directory(tmp_path: Path) -> None:
    """The inputs `reconcile` reads besides plain files: a gzipped CSV, a directory of Parquet files."""
    import gzip

    good = tmp_path / "decl.csv.gz"
    good.write_bytes(gzip.compress((HEADER + GOOD).encode()))
    assert validate_declarations(good).rows == N_GOOD
    bad = tmp_path / "bad.csv.gz"
    bad.write_bytes(gzip.compress((HEADER + GOOD + "CHN,KAZ,Q,2021,TOTAL,5\n").encode()))
    with pytest.raises(CodeError, match=rf"row {N_GOOD + 1}, column 'flow'"):
        validate_declarations(bad)
    ds = tmp_path / "ds"
    ds.mkdir()
    df = pd.read_csv(pd.io.common.StringIO(HEADER + GOOD))
    df.to_parquet(ds / "a.parquet", index=False)
    assert validate_declarations(ds).rows == N_GOOD
    df.assign(value=-df["value"]).to_parquet(ds / "b.parquet", index=False)
    with pytest.raises(ParseError, match="b.parquet, row 1, column 'value': negative value"):
        validate_declarations(ds)
