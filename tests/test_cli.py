"""The CLI: demo shows the seeds' story; show/ingest/export; errors are one line with a non-zero exit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from conftest import seed_text
from mirrortrade.cli import app

runner = CliRunner()


def _billions(text: str, pattern: str) -> str:
    """A number as printed in the seed, found by a regex with one group."""
    m = re.search(pattern, text)
    assert m, pattern
    return m.group(1)


def test_demo_shows_the_seed_numbers(tmp_path: Path) -> None:
    seed = seed_text("000")
    seed4 = seed_text("004")
    res = runner.invoke(app, ["demo", "--db", str(tmp_path / "d.duckdb")], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    out = res.output
    # Kyrgyzstan: China-reported exports $22 billion vs GDP under $22 billion
    kgz_x = _billions(seed, r"Kyrgyz imports accounted for \$(\d+) billion")
    gdp = _billions(seed, r"GDP in 2025 was under \$(\d+) billion")
    kgz_line = next(line for line in out.splitlines() if "China → KGZ" in line)
    assert f"${float(kgz_x):.1f}bn" in kgz_line
    assert f"under ${float(gdp):.1f}bn" in out and "over 100%" in kgz_line
    # Uzbekistan: turnover 16.1 (GACC) vs 17.1 (Uzbek agency); exports 1.9 vs just under 2.5
    uzb_t = _billions(seed, r"Uzbekistan boosted trade with China by \d+ percent to \$([\d.]+) billion")
    uzb_t_own = _billions(seed, r"total turnover of \$([\d.]+) billion")
    uzb_x = _billions(seed, r"Uzbek exports shrank a little to \$([\d.]+) billion")
    uzb_x_own = _billions(seed, r"just under \$([\d.]+) billion")
    assert re.search(rf"\${uzb_t}bn \(CN-GACC\).*\${uzb_t_own}bn \(UZ-STAT\)", out)
    assert re.search(rf"\${uzb_x}bn \(CN-GACC\).*just under \${uzb_x_own}bn \(UZ-STAT\)", out)
    # Tajikistan: imports from China 3.7 (GACC) vs 2.3 (Tajik customs), a $1.4bn gap
    tjk_m = _billions(seed, r"Tajik imports reached \$([\d.]+) billion")
    tjk_own = _billions(seed, r"import total at \$([\d.]+) billion")
    assert re.search(rf"\${tjk_m}bn \(CN-GACC\).*\${tjk_own}bn \(TJ-CUSTOMS\).*\$1\.4bn", out)
    # the region: 71.3 (seed 000) and 71.2 (seed 004)
    a = _billions(seed, r"exports to Central Asia amounting to \$([\d.]+) billion")
    b = _billions(seed4, r"Chinese exports to Central Asia totaled \$([\d.]+) billion")
    assert a != b
    assert f"${a}bn" in out and f"${b}bn" in out


def test_show_json_and_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "d.duckdb")
    res = runner.invoke(app, ["show", "--reporter", "TJK", "--period", "2025", "--format", "json", "--db", db])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert {(r["flow"], r["value_usd"]) for r in rows} == {("X", 524e6), ("M", 2.3e9)}
    assert all(r["source_id"] == "TJ-CUSTOMS" and r["quote"] for r in rows)


def test_ingest_export_roundtrip(tmp_path: Path) -> None:
    db = str(tmp_path / "d.duckdb")
    f = tmp_path / "in.csv"
    pd.DataFrame([{"reporter": "KGZ", "partner": "CHN", "flow": "M", "period": "2024", "value": 1000,
                   "unit": "million USD", "source_id": "KG-NSC", "title": "test table"}]).to_csv(f, index=False)
    res = runner.invoke(app, ["ingest", str(f), "--db", db])
    assert res.exit_code == 0 and "1 added" in res.output
    out = tmp_path / "all.parquet"
    res = runner.invoke(app, ["export", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert ((df.title == "test table") & (df.value_usd == 1e9)).sum() == 1
    res = runner.invoke(app, ["export", str(tmp_path / "all.xlsx"), "--db", db])
    assert res.exit_code == 0, res.output
    assert len(pd.read_excel(tmp_path / "all.xlsx", sheet_name="observations", engine="calamine")) == len(df)


def test_bad_input_is_one_line_nonzero_exit(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    bad = tmp_path / "bad.csv"
    bad.write_text("reporter,partner,flow,period,value_usd,source_id\nKAZ,CHN,X,2025,1e9,KZ-BNS\nKAZ,156,X,2024,1e9,KZ-BNS\n")
    proc = subprocess.run([sys.executable, "-m", "mirrortrade.cli", "ingest", str(bad), "--db", str(db)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1
    assert "bad.csv" in err[0] and "row 2" in err[0] and "partner" in err[0]


def test_help_does_not_import_heavy_libraries() -> None:
    code = ("import sys; from mirrortrade.cli import app; "
            "heavy = [m for m in ('pyspark', 'fastapi', 'altair', 'ibis') if m in sys.modules]; print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
