"""A mirror gap on the pair page is a signed percent with its meaning, the same words in every view: the HTML
report, the dashboard's pair page, the gap chart's tooltip and the Excel sheets' headers and labels.

The numbers are the embedded store's (src/mirrortrade/data/SOURCES.md): China's exports to Kyrgyzstan in 2022,
$15.42bn (CN-GACC, via theworldnews.net), against Kyrgyzstan's imports from China, $4,069,468,372 (KG-NSC):
the importer's figure is 73.6% below the exporter's.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.report.fmt import fmt_gap_pct

KGZ_2022 = "-73.6% (KGZ's figure below CHN's)"
GAP_HEAD = "Gap: importer's figure vs exporter's, % of the exporter's"


def test_fmt_gap_pct() -> None:
    assert fmt_gap_pct(100 * (4069468372 / 15.42e9 - 1), "KGZ", "CHN") == KGZ_2022
    assert fmt_gap_pct(12.34, "KGZ", "CHN", what="turnover") == "+12.3% (KGZ's turnover above CHN's)"
    assert fmt_gap_pct(0.04, "KGZ", "CHN") == "0.0% (KGZ's figure equal to CHN's)"
    assert fmt_gap_pct(None, "KGZ", "CHN") == "—"
    assert fmt_gap_pct(math.nan, "KGZ", "CHN") == "—"
    assert fmt_gap_pct(math.inf, "KGZ", "CHN") == "—"


@pytest.fixture(scope="module")
def db(embedded_store_copy: Path) -> Path:
    return embedded_store_copy


def test_html_report_and_dashboard_say_what_the_gap_means(db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from mirrortrade.report.web.app import create_app

    out = tmp_path / "kgz.html"
    res = CliRunner().invoke(app, ["report", "--country", "KGZ", "--partner", "CHN", "--years", "2015-2025",
                                   "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db)) as c:
        page = c.get("/pair/KGZ/CHN", params={"years": "2015-2025"})
    assert page.status_code == 200
    for raw in (out.read_text(encoding="utf-8"), page.text):
        html = raw.replace("&#39;", "'")
        assert GAP_HEAD in html
        assert "Gap: KGZ's turnover vs CHN's, % of CHN's" in html
        assert f'<td class="num">{KGZ_2022}</td>' in html
        # the gap chart's tooltip says it the same way (in the chart's Vega-Lite JSON)
        assert f'"gap_text": "{KGZ_2022}"' in html


def test_excel_gap_headers_and_labels(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kgz.xlsx"
    res = CliRunner().invoke(app, ["report", "--country", "KGZ", "--partner", "CHN", "--format", "xlsx",
                                   "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    gaps = pd.read_excel(out, sheet_name="gaps", engine="calamine")
    assert "gap_pct (importer vs exporter, % of exporter's)" in gaps.columns
    row = gaps[(gaps["direction"] == "CHN → KGZ") & (gaps["year"] == 2022)].iloc[0]
    assert row["gap"] == KGZ_2022
    assert row["gap_pct (importer vs exporter, % of exporter's)"] == pytest.approx(-73.609, abs=1e-3)
    tg = pd.read_excel(out, sheet_name="turnover_gaps", engine="calamine")
    assert "gap_pct (KGZ vs CHN, % of CHN's)" in tg.columns
    assert all(t.endswith("'s turnover above CHN's)") or t.endswith("'s turnover below CHN's)") for t in tg["gap"])
