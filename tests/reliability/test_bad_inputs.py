"""The bad-input corpus (tests/bad_inputs/, made by make_corpus.py): every case fails with one clear
line naming what and where, a typed exception from the Python API, a non-zero exit from the CLI,
and a store that is byte-identical before and after (sha256 of the DuckDB file)."""

from __future__ import annotations

import csv
import importlib
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mirrortrade.errors as errors
from mirrortrade.cli import app
from mirrortrade.store import Store

from ._helpers import BAD_INPUTS, copy_store, run_cli, sha256

FILES = BAD_INPUTS / "files"
with (BAD_INPUTS / "manifest.csv").open(encoding="utf-8", newline="") as _f:
    MANIFEST: list[dict[str, str]] = list(csv.DictReader(_f))
ENTRIES = {"api-ingest", "cli-ingest", "api-article", "cli-check", "http-check", "api-sdmx"}

runner = CliRunner()


def _cases(*entries: str) -> list:
    return [pytest.param(c, id=c["file"]) for c in MANIFEST if c["entry"] in entries]


def _assert_clear(message: str, case: dict[str, str], *, file_named: bool = True) -> None:
    """One line; names the file; carries the expected words and the expected place."""
    assert "\n" not in message.strip(), message
    if file_named:
        assert case["file"] in message, message
    assert case["message"] in message, message
    assert case["where"] in message, message


def test_manifest_lists_every_file_once() -> None:
    assert len(MANIFEST) >= 40
    names = [c["file"] for c in MANIFEST]
    assert len(names) == len(set(names))
    assert set(names) == {p.name for p in FILES.iterdir()}
    for c in MANIFEST:
        assert c["entry"] in ENTRIES, c
        assert issubclass(getattr(errors, c["error"]), errors.MirrortradeError), c
        assert c["what"], c


def test_corpus_covers_issue_10() -> None:
    """Each kind of bad input issue 10 names has at least one case."""
    whats = " | ".join(f"{c['file']} {c['what']}" for c in MANIFEST).lower()
    for needle in ("truncated", ".parquet", ".xlsx", "utf-16", "windows-1251", "delimiter", "missing",
                   "not canonical", "1 234,5", "n/a", "em dash", "negative", "above world trade", "thousand",
                   "not an iso3", "comtrade numeric", "html", "json", "sdmx", "same key twice", "2025-13",
                   "2025-q5", "labelled as the full year", "binary", "empty article"):
        assert needle in whats, needle


@pytest.mark.parametrize("case", _cases("api-ingest", "cli-ingest"))
def test_api_ingest_refused_store_unchanged(case: dict[str, str], embedded_store_path: Path, tmp_path: Path) -> None:
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    with Store(db) as store:
        n = store.count()
        with pytest.raises(errors.MirrortradeError) as info:
            store.ingest_file(FILES / case["file"])
        assert store.count() == n
    assert type(info.value).__name__ == case["error"], info.value
    _assert_clear(str(info.value), case)
    assert sha256(db) == before


@pytest.mark.parametrize("case", _cases("cli-ingest"))
def test_cli_ingest_one_line_nonzero_exit(case: dict[str, str], embedded_store_path: Path, tmp_path: Path) -> None:
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    res = runner.invoke(app, ["ingest", str(FILES / case["file"]), "--db", str(db)])
    assert res.exit_code != 0
    assert res.stdout == ""
    line = res.stderr.strip()
    assert line.startswith("error: ")
    _assert_clear(line, case)
    assert sha256(db) == before


#: the real interpreter and entry module, for a sample (a fresh process each costs ~1 s)
SUBPROCESS_SAMPLE = ("utf16.csv", "mixed_thousands_usd.csv")


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_real_cli_process(name: str, embedded_store_path: Path, tmp_path: Path) -> None:
    (case,) = [c for c in MANIFEST if c["file"] == name]
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    proc = run_cli("ingest", str(FILES / name), "--db", str(db))
    assert proc.returncode == errors.MirrortradeError.exit_code
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    _assert_clear(lines[0], case)
    assert sha256(db) == before


def test_good_twin_ingests(embedded_store_path: Path, tmp_path: Path) -> None:
    """The valid file every case is derived from does ingest: the cases fail for their one defect."""
    import sys

    sys.path.insert(0, str(BAD_INPUTS))
    try:
        corpus = importlib.import_module("make_corpus")
    finally:
        sys.path.remove(str(BAD_INPUTS))
    good = tmp_path / "good.csv"
    good.write_text(corpus.csv_text(corpus.GOOD), encoding="utf-8")
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    with Store(db) as store:
        res = store.ingest_file(good)
        assert res.rows == len(corpus.GOOD)
        # 71.3 billion: China's exports to Central Asia in 2025, seed article 000
        df = store.observations(reporter="CHN", partner="CA5", flow="X", period="2025", source_id="CN-GACC")
        assert 71.3e9 in set(df["value_usd"])


# ---- articles ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", _cases("api-article"))
def test_read_article_refuses(case: dict[str, str]) -> None:
    from mirrortrade.claims.io import read_article_file

    with pytest.raises(errors.MirrortradeError) as info:
        read_article_file(FILES / case["file"])
    assert type(info.value).__name__ == case["error"]
    _assert_clear(str(info.value), case)


def test_read_article_accepts_the_seeds() -> None:
    from conftest import TESTS_DATA
    from mirrortrade.claims.io import read_article_file

    for p in sorted((TESTS_DATA / "seeds").glob("*.txt")):
        text = read_article_file(p)
        assert text == p.read_text(encoding="utf-8").removeprefix("\ufeff")
    assert "$71.3 billion" in read_article_file(next((TESTS_DATA / "seeds").glob("000_*.txt")))


@pytest.mark.parametrize("case", _cases("cli-check"))
def test_cli_check_refuses_bad_article(case: dict[str, str], embedded_store_path: Path, tmp_path: Path) -> None:
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    before = sha256(db)
    res = runner.invoke(app, ["check", str(FILES / case["file"]), "--db", str(db)])
    assert res.exit_code != 0 and res.stdout == ""
    line = res.stderr.strip()
    assert line.startswith("error: ")
    _assert_clear(line, case)
    assert sha256(db) == before


def test_100mb_article_refused_without_reading_it(tmp_path: Path) -> None:
    from mirrortrade.claims.io import MAX_ARTICLE_BYTES, read_article_file

    big = tmp_path / "huge_article.txt"
    sentence = b"China's exports to Central Asia amounted to $71.3 billion in 2025. "
    with big.open("wb") as f:
        block = sentence * (1024 * 1024 // len(sentence) + 1)
        for _ in range(100):
            f.write(block[: 1024 * 1024])
    assert big.stat().st_size == 100 * 1024 * 1024 > MAX_ARTICLE_BYTES
    t0 = time.perf_counter()
    with pytest.raises(errors.ParseError) as info:
        read_article_file(big)
    assert time.perf_counter() - t0 < 1.0  # refused on the size, not after reading 100 MB
    msg = str(info.value)
    assert "huge_article.txt" in msg and "104.9 MB" in msg and "10 MB limit" in msg
    res = runner.invoke(app, ["check", str(big), "--no-store"])
    assert res.exit_code != 0 and res.stdout == ""
    assert res.stderr.strip().count("\n") == 0 and "huge_article.txt" in res.stderr and "10 MB limit" in res.stderr


# ---- bodies served as data --------------------------------------------------------------


@pytest.mark.parametrize("case", _cases("http-check"))
def test_http_body_refused(case: dict[str, str]) -> None:
    from mirrortrade.sources.http import Request, check_body

    xml = case["file"].endswith(".xml")
    req = Request("IMF-IMTS", "http://127.0.0.1:9/data", expect="xml" if xml else "json",
                  accept="application/xml" if xml else "application/json")
    with pytest.raises(errors.MirrortradeError) as info:
        check_body(req, FILES / case["file"], status=200, content_type=req.accept)
    assert type(info.value).__name__ == case["error"]
    _assert_clear(str(info.value), case, file_named=False)


# ---- SDMX with a structure the IMF parser does not know --------------------------------


@pytest.mark.parametrize("case", _cases("api-sdmx"))
def test_imf_parser_refuses_unknown_sdmx(case: dict[str, str]) -> None:
    from mirrortrade.sources import imf

    with pytest.raises(errors.MirrortradeError) as info:
        imf.parse(FILES / case["file"])
    assert type(info.value).__name__ == case["error"], info.value
    _assert_clear(str(info.value), case)
