"""The coverage table in data/SOURCES.md ("Coverage and gaps") is the embedded store's, year by year.

The table is computed here from the store built from the embedded dataset, so a figure added or removed
without updating SOURCES.md fails this test (the message prints the table the store now gives).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from mirrortrade.data import data_path

YEARS = range(2015, 2026)
STATES = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
BOUNDS = {"lower", "upper"}
_BLOCK = re.compile(r"<!-- coverage:start -->\n(.*?)\n<!-- coverage:end -->", re.S)


def _mark(letter: str, rows: pd.DataFrame) -> str:
    """``letter`` if a row is a value, lower case if every row is only a bound, ``-`` if there is none."""
    if rows.empty:
        return "-"
    return letter.lower() if set(rows["qualifier"]) <= BOUNDS else letter


def coverage_table(obs: pd.DataFrame, gdp: pd.DataFrame) -> str:
    """One row per state (and the CA5 total), one cell per calendar year: China's full-year figures by flow
    (X, M, T), then the state's own full-year figures (P) and its GDP (G); lower case = bounds only."""
    full = obs[obs["period"].str.fullmatch(r"\d{4}") & (obs["product"] == "TOTAL")]
    gdp = gdp[gdp["partner"].fillna("") == ""]
    lines = ["| | " + " | ".join(map(str, YEARS)) + " |", "|---|" + "---|" * len(YEARS)]
    for state in (*STATES, "CA5"):
        cells = []
        for year in map(str, YEARS):
            china = full[(full["reporter"] == "CHN") & (full["partner"] == state) & (full["period"] == year)]
            flows = "".join(m for f in "XMT" if (m := _mark(f, china[china["flow"] == f])) != "-") or "-"
            if state == "CA5":
                cells.append(flows)
                continue
            own = full[(full["reporter"] == state) & (full["partner"] == "CHN") & (full["period"] == year)]
            g = gdp[(gdp["country"] == state) & (gdp["period"] == year)]
            cells.append(f"{flows} {_mark('P', own)} {_mark('G', g)}")
        lines.append(f"| {state} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_the_coverage_table_in_sources_is_the_stores(store) -> None:  # type: ignore[no-untyped-def]
    table = coverage_table(store.observations(), store.indicators(indicator="gdp_usd"))
    sources = Path(data_path("SOURCES.md")).read_text(encoding="utf-8")
    block = _BLOCK.search(sources)
    assert block, "data/SOURCES.md has no <!-- coverage:start --> ... <!-- coverage:end --> table"
    assert block.group(1) == table, f"data/SOURCES.md's coverage table is stale; the store gives:\n{table}"


def test_the_coverage_marks_read_the_figures() -> None:
    obs = pd.DataFrame([
        # China's turnover and exports to KAZ in 2016; KAZ's own 2016 figure a lower bound only
        ("CHN", "KAZ", "T", "2016", "exact"), ("CHN", "KAZ", "X", "2016", "approx"),
        ("KAZ", "CHN", "M", "2016", "lower"),
        # a part year is not a full year; a product line is not a total
        ("CHN", "KGZ", "T", "2016-H1", "exact"), ("CHN", "TJK", "T", "2016", "exact"),
    ], columns=["reporter", "partner", "flow", "period", "qualifier"])
    obs["product"] = ["TOTAL"] * 4 + ["8703"]
    gdp = pd.DataFrame([("KAZ", "", "2016", "exact"), ("KGZ", "", "2016", "upper")],
                       columns=["country", "partner", "period", "qualifier"])
    rows = {line.split(" | ")[0].strip("| "): line.split(" | ")[1:] for line in coverage_table(obs, gdp).splitlines()[2:]}
    assert rows["KAZ"][1] == "XT p G"
    assert rows["KGZ"][1] == "- - g"
    assert rows["TJK"][1] == "- - -"
    assert rows["KAZ"][0] == "- - -" and rows["CA5"][1] == "-"
