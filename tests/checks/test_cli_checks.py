"""CLI: mirrortrade flags / mirrortrade explain on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app

runner = CliRunner()


@pytest.fixture()
def db(store_file: Path) -> str:
    return str(store_file)


def test_flags_lists_the_problems(db: str, embedded_findings) -> None:
    r = runner.invoke(app, ["flags", "--db", db])
    assert r.exit_code == 0, r.output
    # the problems of the embedded data, listed and justified one by one in
    # checks/test_done_when.py::test_nothing_false_is_flagged; the CLI's count and severities are theirs
    problems = [f for f in embedded_findings if f.is_problem]
    sev = {k: sum(f.severity == k for f in problems) for k in ("high", "medium", "low")}
    assert len(problems) > 40 and sev["high"] >= 7
    assert r.output.startswith(f"{len(problems)} problem(s) ({sev['high']} high, {sev['medium']} medium, "
                               f"{sev['low']} low)")
    assert "[high] exceeds_gdp · CHN→KGZ X · 2025" in r.output
    assert "CHN − TJK = +$1.4bn (+38% of CHN's)" in r.output  # seed 000: 3.7 - 2.3 = 1.4, 1.4 / 3.7 = 38%
    assert "sum_consistency" not in r.output  # the seeds' sums add up: shown only with --all


def test_flags_all_and_json(db: str) -> None:
    r = runner.invoke(app, ["flags", "--db", db, "--all", "--format", "json", "--rule", "sum_consistency",
                            "--period", "2025"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) == 13 and {x["status"] for x in rows} == {"consistent"}
    assert set(rows[0]) >= {"id", "rule", "severity", "status", "reporter", "partner", "flow", "period", "message",
                            "evidence", "figure_ids"}


def test_flags_filters(db: str) -> None:
    r = runner.invoke(app, ["flags", "--db", db, "--format", "json", "--severity", "high", "--partner", "CHN",
                            "--period", "2025"])
    rows = json.loads(r.output)
    assert [(x["rule"], x["reporter"]) for x in rows] == [("mirror_gap", "TJK")]
    r = runner.invoke(app, ["flags", "--db", db, "--format", "json", "--reporter", "CHN", "--period", "2025",
                            "--rule", "surge"])
    assert [x["partner"] for x in json.loads(r.output)] == ["KGZ"]


def test_flags_country_matches_either_role(db: str) -> None:
    r = runner.invoke(app, ["flags", "--db", db, "--format", "json", "--country", "KGZ"])
    rows = json.loads(r.output)
    # China's figures on Kyrgyzstan (GDP, surge, 2023 growth) and the KG-NSC surges of Kyrgyz imports; part-year
    # figures of either side (H1 2023, Q1 2024); the two sides' turnover in 2024 and Q1 2024, and China's imports
    # from Kyrgyzstan against Kyrgyz exports in 2024 and Q1 2024; China's 2024 turnover printed as $22.71bn and as
    # "$22,071 billion" (24.kg, 2025-02-04)
    assert {(x["rule"], x["reporter"]) for x in rows} == {
        ("exceeds_gdp", "CHN"), ("surge", "CHN"), ("surge", "KGZ"), ("growth_consistency", "CHN"),
        ("period_mismatch", "CHN"), ("period_mismatch", "KGZ"), ("mirror_gap", "KGZ"), ("mirror_gap", "CHN"),
        ("source_conflict", "CHN")}


def test_flags_save_writes_findings_table(db: str) -> None:
    from mirrortrade.store import Store

    r = runner.invoke(app, ["flags", "--db", db, "--save"])
    assert r.exit_code == 0, r.output
    with Store(db, read_only=True) as s:
        assert len(s.read_table("findings")) > 100


def test_flags_errors_are_one_line(db: str) -> None:
    r = runner.invoke(app, ["flags", "--db", db, "--rule", "no_such_rule"])
    assert r.exit_code != 0 and "unknown rule" in r.output
    r = runner.invoke(app, ["flags", "--db", db, "--format", "xml"])
    assert r.exit_code != 0 and "--format" in r.output


def test_explain_text_and_json(db: str) -> None:
    r = runner.invoke(app, ["explain", "--reporter", "KGZ", "--partner", "CHN", "--year", "2025", "--db", db])
    assert r.exit_code == 0, r.output
    assert "Kyrgyzstan and China, 2025" in r.output
    assert "1. Transit and re-export" in r.output
    r = runner.invoke(app, ["explain", "--reporter", "TJK", "--partner", "CHN", "--year", "2025", "--db", db,
                            "--format", "json"])
    d = json.loads(r.output)
    assert d["causes"][0]["cause"] == "unrecorded"


def test_explain_bad_code(db: str) -> None:
    r = runner.invoke(app, ["explain", "--reporter", "XXX", "--partner", "CHN", "--year", "2025", "--db", db])
    assert r.exit_code != 0 and "XXX" in r.output
