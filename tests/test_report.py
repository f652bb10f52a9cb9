"""``mirrortrade report``: the self-contained HTML report (opens with no network request) and the Excel
workbook (one sheet per table, charts as images).

Numbers: seed 000 (tests/data/seeds/000_*.txt) — China's exports to Kyrgyzstan in 2025 "more than
$22 billion", Kyrgyzstan's 2025 GDP "under $22 billion", China's imports from Kyrgyzstan "$80 million in
2023"; KG-NSC table 4.03.00.18 — Kyrgyz exports to China in 2023: 80,446.34 thousand USD.
"""

from __future__ import annotations

import json
import math
import os
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mirrortrade.cli import app

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def report_store(embedded_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    p = tmp_path_factory.mktemp("report") / "r.duckdb"
    shutil.copy(embedded_store_path, p)
    return p


@pytest.fixture(scope="module")
def kgz_html(report_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    res = CliRunner().invoke(app, ["report", "--country", "KGZ", "--partner", "CHN", "--years", "2015-2025",
                                   "--out", str(out), "--db", str(report_store)])
    assert res.exit_code == 0, res.output
    assert "wrote" in res.output
    return out


def _specs(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/json" class="vl-spec"[^>]*>(.*?)</script>',
                                               html, flags=re.S)]


def test_pair_data_kgz_chn(report_store: Path) -> None:
    from mirrortrade.report.pair import pair_data
    from mirrortrade.store import Store

    with Store(report_store, read_only=True) as s:
        d = pair_data(s, "KGZ", "CHN", (2015, 2025))
    x25 = d.sides[(d.sides.direction == "CHN → KGZ") & (d.sides.year == 2025) & (d.sides.side == "exporter")]
    assert x25.value.tolist() == [22e9] and x25.qualifier.tolist() == ["lower"]
    # China's exports over $22bn against a GDP under $22bn: at least 100% of GDP, no upper bound
    share = d.shares[(d.shares.direction == "CHN → KGZ") & (d.shares.year == 2025)].iloc[0]
    assert share.share_low == pytest.approx(100.0) and math.isinf(share.share_high) and share.gdp_source == "KG-GOV"
    # 2023, KGZ → CHN: China's $80M (±$0.5M rounding) against KG-NSC's $80.44634M: 80/80.44634 - 1 = -0.555%
    g = d.gaps[(d.gaps.direction == "KGZ → CHN") & (d.gaps.year == 2023)].iloc[0]
    assert g.gap_pct == pytest.approx(100 * (80e6 / 80_446_340 - 1), abs=1e-3)
    assert g.in_cif_band  # with rounding the gap reaches 0%, the bottom of the normal CIF band
    assert d.estimates is None and "not computed yet: run mirrortrade reconcile" in d.notes[0]
    # every figure the pair uses is in the figure table with its source
    used = set(d.sides.figure_id) | set(d.turnover.figure_id) | set(d.gdp.figure_id)
    assert used <= set(d.figures.figure_id)
    assert (d.figures.source_id != "").all()


def test_turnover_only_years_are_drawn_as_published(report_store: Path) -> None:
    """China's 2016 turnover with Kazakhstan ($13.1bn, Kazinform quoting GACC) has no exports or imports
    beside it: the pair's turnover series carries it with its figure id, and the turnover chart draws it."""
    from mirrortrade.report.charts import turnover_chart
    from mirrortrade.report.pair import pair_data
    from mirrortrade.store import Store

    with Store(report_store, read_only=True) as s:
        d = pair_data(s, "KAZ", "CHN", (2015, 2025), with_findings=False)
    assert d.sides[(d.sides.year == 2016) & (d.sides.reported_by == "CHN")].empty
    # Kazakhstan's own 2016 side is there: the sums of its HS4 lines in UN Comtrade (WITS), lower bounds
    k16 = d.sides[(d.sides.year == 2016) & (d.sides.reported_by == "KAZ")]
    assert set(k16.source_id) == {"WITS"} and set(k16.qualifier) == {"lower"} and len(k16) == 2
    t16 = d.turnover[(d.turnover.reported_by == "CHN") & (d.turnover.year == 2016)]
    assert t16.value.tolist() == [13.1e9] and t16.source_id.tolist() == ["CN-GACC"]
    assert set(d.turnover.figure_id) <= set(d.figures.figure_id)
    chn = d.sides[d.sides.reported_by == "CHN"]
    assert set(d.turnover[d.turnover.reported_by == "CHN"].year) - set(chn.year)  # years China publishes only a total
    spec = turnover_chart(d).to_dict()
    values = [r for ds in spec.get("datasets", {}).values() for r in ds]
    assert t16.figure_id.iloc[0] in {r.get("figure_id") for r in values}
    # lines join consecutive years only: 2018 and 2021 (nothing published in between) are different runs
    runs = {r["year"]: r["run"] for r in values if r.get("series") == "CHN reports turnover (exports + imports)"}
    assert runs[2016] == runs[2017] == runs[2018] != runs[2021]


def test_html_report_contents(kgz_html: Path) -> None:
    html = kgz_html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    # self-contained: the Vega bundle is inline, nothing is referenced by URL
    assert "vegaEmbed" in html and len(html) > 500_000
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)=["\']?(https?:)?//', html)
    assert "default-src 'none'" in html  # the page's own CSP refuses any fetch
    specs = _specs(html)
    assert len(specs) == 4 and all(s["$schema"].startswith("https://vega.github.io/schema/vega-lite/") for s in specs)
    gdp = json.dumps(specs[3], ensure_ascii=False)
    assert "GDP under $22.0bn (KG-GOV)" in gdp and "KGZ GDP (WB-WDI)" in gdp
    series = json.dumps(specs[0], ensure_ascii=False)
    assert "CHN reports exports (FOB)" in series and "KGZ reports imports (CIF)" in series
    turnover = json.dumps(specs[1], ensure_ascii=False)
    assert "CHN reports turnover (exports + imports)" in turnover and "Turnover as each side publishes it" in html
    gap = json.dumps(specs[2], ensure_ascii=False)
    assert "normal CIF margin 0–20%" in gap
    assert "Every figure used, with its source" in html
    assert "more than $22 billion in exports" in html  # the seed's quote, in the figure table
    assert "exceeds_gdp" in html  # the finding, with its explanation
    assert "not computed yet: run mirrortrade reconcile" in html


@pytest.mark.browser
def test_html_report_opens_offline(kgz_html: Path, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        # CI installs Debian's chromium (.ci/run): there a missing browser is a failure, not a skip
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    from web.conftest import CHROMIUM_ARGS, screenshot

    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 1000})

        def block(route) -> None:  # type: ignore[no-untyped-def]
            url = route.request.url
            if url.startswith("file://"):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        ctx.route("**/*", block)
        page = ctx.new_page()
        page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:", "about:")) else outside.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(kgz_html.as_uri())
        page.wait_for_function("document.querySelectorAll('.chart[data-rendered=\"1\"] svg').length === 4", timeout=30000)
        assert "GDP under $22.0bn" in page.locator("#chart-KGZ-CHN-gdp svg").text_content()
        screenshot(page, "report-KGZ-CHN.png", full_page=True)
        browser.close()
    assert outside == []
    assert errors == []


def test_report_all_html(report_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    res = CliRunner().invoke(app, ["report", "--all", "--out", str(out), "--db", str(report_store)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    for c in ("KAZ", "KGZ", "TJK", "TKM", "UZB"):
        assert f'id="pair-{c}-CHN"' in html
    assert "Kyrgyzstan: China&#39;s exports exceed its GDP." in html
    assert len(_specs(html)) == 1 + 5 * 4  # the overview chart and four per state


def test_xlsx_workbook(report_store: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "report.xlsx"
    res = CliRunner().invoke(app, ["report", "--country", "KGZ", "--partner", "CHN", "--format", "xlsx",
                                   "--out", str(out), "--db", str(report_store)])
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["summary", "sides", "turnover", "gaps", "turnover_gaps", "gdp", "gdp_share", "estimates",
                             "findings", "figures", "charts"]
    charts = wb["charts"]
    assert len(charts._images) == 4
    with zipfile.ZipFile(out) as z:
        pngs = [n for n in z.namelist() if n.startswith("xl/media/") and n.endswith(".png")]
        assert len(pngs) == 4 and all(z.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in pngs)
    sides = wb["sides"]
    header = [c.value for c in sides[1]]
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in sides.iter_rows(min_row=2)]
    x25 = [r for r in rows if r["direction"] == "CHN → KGZ" and r["year"] == 2025 and r["side"] == "exporter"]
    assert x25[0]["value"] == 22e9 and x25[0]["high"] is None  # [22e9, inf): Excel has no infinity
    figures = [c.value for c in wb["figures"]["A"]][1:]
    assert x25[0]["figure_id"] in figures
    assert wb["estimates"]["A2"].value == "not computed yet: run mirrortrade reconcile"
    # the published totals, each with a figure id that the figures sheet lists
    t_head = [c.value for c in wb["turnover"][1]]
    t_ids = [dict(zip(t_head, [c.value for c in r], strict=True))["figure_id"] for r in wb["turnover"].iter_rows(min_row=2)]
    assert t_ids and set(t_ids) <= set(figures)
    # the turnover gaps name the figures behind each side's total
    g_head = [c.value for c in wb["turnover_gaps"][1]]
    g_rows = [dict(zip(g_head, [c.value for c in r], strict=True)) for r in wb["turnover_gaps"].iter_rows(min_row=2)]
    assert any(r["year"] == 2024 for r in g_rows)
    assert {i.strip() for r in g_rows for i in r["partner_figure_ids"].split(",")} <= set(figures)


def test_report_errors(report_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for args, needle in [
        (["--country", "KGZ"], "give --country and --partner"),
        (["--country", "KGZ", "--partner", "XXX"], "unknown partner"),
        (["--country", "KGZ", "--partner", "KGZ"], "a pair needs two countries"),
        (["--country", "KGZ", "--partner", "CHN", "--years", "2030-2020"], "first ≤ last"),
        (["--country", "KGZ", "--partner", "CHN", "--format", "pdf"], "unknown report format"),
    ]:
        res = runner.invoke(app, ["report", *args, "--out", str(tmp_path / "x.html"), "--db", str(report_store)])
        assert res.exit_code != 0 and needle in res.output, (args, res.output)
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_empty_store_report_and_pages(tmp_path: Path) -> None:
    """A store with no figures at all (no embedded data): the report and every page still render, saying
    what is missing, rather than failing."""
    from fastapi.testclient import TestClient

    from mirrortrade.report.html import render_report
    from mirrortrade.report.web.app import create_app
    from mirrortrade.store import Store

    db = tmp_path / "empty.duckdb"
    Store(db).close()
    with Store(db, read_only=True) as s:
        html = render_report(s, [("KGZ", "CHN"), ("TJK", "CHN")], (2015, 2025))
    assert "0 published trade figures between Kyrgyzstan and China" in html
    assert "no figures published for this direction" in html
    with TestClient(create_app(db)) as c:
        for url in ("/", "/pair/KGZ/CHN", "/findings", "/check"):
            assert c.get(url, headers={"accept": "text/html"}).status_code == 200, url
        assert c.get("/api/v1/observations").json()["total"] == 0


def test_report_after_reconcile(store_file: Path, tmp_path: Path) -> None:
    """After ``mirrortrade reconcile`` the report draws the estimate with its interval and lists it."""
    from mirrortrade.report.pair import pair_data
    from mirrortrade.store import Store

    db = store_file
    runner = CliRunner()
    res = runner.invoke(app, ["reconcile", "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as s:
        d = pair_data(s, "KGZ", "CHN", (2015, 2025))
    assert d.estimates is not None and not d.notes
    e = d.estimates[(d.estimates.direction == "KGZ → CHN") & (d.estimates.year == 2023)].iloc[0]
    # both sides published for 2023: China $80M CIF (seed 000), KG-NSC $80.44634M FOB; the estimate lies between
    # them once China's CIF figure is valued FOB with the engine's CIF rate (which the mirror pairs of
    # published_figures.csv, e.g. China's imports from Kazakhstan 11-15% above BNS exports, push up)
    assert 80e6 / (1 + e.cif_rate) <= e.estimate <= 80_446_340 and e.estimate_low < e.estimate < e.estimate_high
    assert {e.figure_id_exporter, e.figure_id_importer} <= set(d.figures.figure_id)
    out = tmp_path / "rec.html"
    res = runner.invoke(app, ["report", "--country", "KGZ", "--partner", "CHN", "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<h3>Reconciled estimates</h3>" in html and "not computed yet" not in html
    assert "reconciled estimate" in json.dumps(_specs(html)[0], ensure_ascii=False)


def test_turnover_gap_reaches_years_with_totals_only(report_store: Path) -> None:
    """Kyrgyzstan's 2024 turnover with China: $5.5bn (NSC, Trend 2025-03-17) against China's $22.7bn-$23bn (GACC,
    Astana Times, 24.kg, Qazinform): the gap chart's turnover line carries it, about -76%; in a year where KG-NSC
    publishes only exports and imports (the national file), its turnover is their sum, said so."""
    from mirrortrade.report.charts import gap_chart, gap_points
    from mirrortrade.report.pair import pair_data
    from mirrortrade.store import Store

    with Store(report_store, read_only=True) as s:
        d = pair_data(s, "KGZ", "CHN", (2015, 2025), with_findings=False)
    t24 = d.turnover_gaps[d.turnover_gaps.year == 2024].iloc[0]
    (china,) = d.turnover[d.turnover.figure_id == t24.partner_figure_ids].itertuples()  # China's latest publication
    assert china.reported_by == "CHN" and t24.partner_value == china.value and t24.country_how == "published total"
    assert t24.gap_pct == pytest.approx(100 * (t24.country_value / china.value - 1))
    assert -80 < t24.gap_pct < -70
    summed = d.turnover_gaps[d.turnover_gaps.country_how == "exports + imports"]
    for r in summed.itertuples():  # the sum of KG-NSC's own two figures of that year
        own = d.sides[(d.sides.reported_by == "KGZ") & (d.sides.year == r.year)]
        assert set(r.country_figure_ids.split(", ")) <= set(own.figure_id)
    ids = {i.strip() for v in d.turnover_gaps.country_figure_ids for i in v.split(",")}
    assert ids <= set(d.figures.figure_id)  # every point traceable to its figures
    pts = gap_points(d)
    assert len(pts[pts.series == "turnover, KGZ vs CHN"]) == len(d.turnover_gaps) >= 2
    spec = gap_chart(d).to_dict()
    values = [r for ds in spec.get("datasets", {}).values() for r in ds]
    assert any(r.get("series") == "turnover, KGZ vs CHN" and r.get("year") == 2024 for r in values)
