"""The claim checker end to end (issue 7): seed articles -> claims with verdicts and findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import TESTS_DATA, seed_text
from mirrortrade.claims.verify import check_article
from mirrortrade.cli import app

runner = CliRunner()
SEED0 = sorted((TESTS_DATA / "seeds").glob("000_*.txt"))[0]
SEED4 = sorted((TESTS_DATA / "seeds").glob("004_*.txt"))[0]


def _claim(res: dict, **kw: object) -> dict:
    hits = [c for c in res["claims"] if all(c.get(k) == v for k, v in kw.items())]
    assert len(hits) >= 1, kw
    return hits[0]


def _findings(res: dict, rule: str, claim_id: str) -> list[dict]:
    return [f for f in res["findings"] if f["rule"] == rule and claim_id in f["claims"]]


def test_seed000_against_the_store(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article(seed_text("000"), store)
    # Kyrgyzstan: "more than $22 billion in exports to Kyrgyzstan" vs GDP "under $22 billion"
    kgz = _claim(res, reporter="CHN", partner="KGZ", flow="X", qualifier="lower")
    assert kgz["value_usd"] == 22e9 and kgz["status"] == "implausible"
    assert any(f["severity"] == "high" for f in _findings(res, "exceeds_gdp", kgz["id"]))
    # the Kyrgyz export surge $80 million (2023) -> $2.8 billion (2024) -> $5.2 billion (2025)
    k23 = _claim(res, reporter="CHN", partner="KGZ", flow="M", period="2023")
    assert k23["value_usd"] == 80e6 and _findings(res, "surge", k23["id"])
    # Tajikistan: imports from China $3.7bn (GACC) vs $2.3bn (Tajik customs): a mirror conflict
    tjk = _claim(res, reporter="TJK", partner="CHN", flow="M")
    assert tjk["value_usd"] == 2.3e9 and tjk["status"] == "conflict"
    gap = _findings(res, "mirror_gap", tjk["id"])
    assert gap and "1.4bn" in gap[0]["message"]
    # Uzbekistan: turnover 16.1 vs 17.1 and exports 1.9 vs just under 2.5
    assert _claim(res, reporter="UZB", partner="CHN", flow="T")["status"] == "conflict"
    assert _claim(res, reporter="UZB", partner="CHN", flow="X", qualifier="near_upper")["status"] == "conflict"
    # 71.3 here, 71.2 in seed 004 (in the store)
    x = _claim(res, reporter="CHN", partner="CA5", flow="X")
    assert x["value_usd"] == 71.3e9 and x["status"] == "conflict"
    assert _findings(res, "source_conflict", x["id"])
    # sums that add up within rounding are consistent, not flagged: 29.7 + 19 vs 48.7 (Kazakhstan)
    kaz_t = _claim(res, reporter="CHN", partner="KAZ", flow="T")
    assert kaz_t["status"] == "consistent"
    assert all(f["severity"] == "info" for f in _findings(res, "sum_consistency", kaz_t["id"]))
    # Turkmenistan: -5.6 percent to $10 billion, $8.4bn + $1.6bn: consistent
    assert _claim(res, reporter="CHN", partner="TKM", flow="T")["status"] == "consistent"


def test_seed004_flags_nothing_consistent(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article(seed_text("004"), store)
    problems = [f for f in res["findings"] if f["severity"] != "info"]
    # the only problem is the genuine one: 71.2 here against 71.3 in seed 000
    assert {f["rule"] for f in problems} == {"source_conflict"}
    assert [c["status"] for c in res["claims"] if c["flow"] == "M"] == ["consistent"]


def test_articles_checked_together_without_store() -> None:
    res = runner.invoke(app, ["check", str(SEED0), str(SEED4), "--json", "--no-store"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [a["file"] for a in out] == [str(SEED0), str(SEED4)]
    a4 = out[1]
    x = next(c for c in a4["claims"] if c["flow"] == "X" and c["partner"] == "CA5")
    assert x["value_usd"] == 71.2e9 and x["status"] == "conflict"


def test_json_shape_and_stdin(tmp_path: Path) -> None:
    text = seed_text("004")
    proc = subprocess.run([sys.executable, "-m", "mirrortrade.cli", "check", "-", "--json", "--no-store"],
                          input=text, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"claims", "findings"}
    keys = {"id", "quote", "reporter", "partner", "flow", "period", "value_usd", "value_low", "value_high",
            "qualifier", "growth_pct", "source", "status"}
    for c in out["claims"]:
        assert keys <= set(c)
        assert c["status"] in ("consistent", "conflict", "implausible", "unverifiable")
    for f in out["findings"]:
        assert {"rule", "severity", "claims", "message", "evidence"} <= set(f)
    # "$71.2 billion" -> [71.15e9, 71.25e9]
    x = next(c for c in out["claims"] if c["flow"] == "X")
    assert (x["value_low"], x["value_high"]) == (71.15e9, 71.25e9)


def test_table_output_and_bad_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(SEED0), "--db", str(tmp_path / "s.duckdb")], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert re.search(r"c13 .*CHN exports to KGZ.*over \$22\.0bn.*implausible", res.output)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = runner.invoke(app, ["check", str(empty), "--no-store"])
    assert res.exit_code != 0 and "empty" in res.output
