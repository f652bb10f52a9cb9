"""The dashboard in a real browser: Debian's headless Chromium through Playwright, against a real
uvicorn server. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import pytest

from conftest import seed_text
from web.conftest import Server, screenshot

pytestmark = pytest.mark.browser


def _charts_rendered(page, n_min: int) -> int:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        f"document.querySelectorAll('.chart[data-rendered=\"1\"] svg').length >= {n_min}", timeout=30000)
    assert page.locator(".chart[data-rendered='error']").count() == 0
    return page.locator(".chart[data-rendered='1'] svg").count()


def test_overview_shows_the_story(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    assert _charts_rendered(page, 1) >= 1
    headlines = page.locator(".headline h4").all_inner_texts()
    assert "Kyrgyzstan: China's exports exceed its GDP." in headlines
    assert "Tajikistan: the two sides differ, CHN − TJK = +$1.4bn (+38% of CHN's)." in headlines
    # the overview chart draws one bar per state, the Kyrgyz one at the 100% line
    assert page.locator("#chart-overview svg").text_content().count("%") >= 5
    assert page.locator("table.story a.pair-link").count() == 5
    screenshot(page, "overview.png", full_page=True)
    assert page.console_errors == []
    assert all(u.startswith(server.url) or u.startswith("data:") for u in page.requests), page.requests


def test_pair_page_charts_and_provenance(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    page.locator("table.story a.pair-link", has_text="Kyrgyzstan").click()
    page.wait_for_url("**/pair/KGZ/CHN")
    assert _charts_rendered(page, 4) == 4  # both sides, turnover, gap, GDP
    assert "Kyrgyzstan × China, 2015–2025" in page.locator("h2").first.inner_text()
    # the GDP chart carries the GDP line and the "under $22.0bn" GDP published by the Kyrgyz government
    gdp_chart = page.locator("#chart-KGZ-CHN-gdp svg").text_content()
    assert "GDP under $22.0bn (KG-GOV)" in gdp_chart and "more than $22.0bn" in gdp_chart
    # provenance: click a figure id, its citation comes from /api/v1/figures/{id}
    link = page.locator("a.fig", has_text="").first
    fid = link.get_attribute("data-figure-id")
    link.click()
    box = page.locator(f"#provenance[data-figure-id='{fid}']")
    box.wait_for(state="visible")
    assert "source" in box.inner_text()
    page.keyboard.press("Escape")
    # hovering a chart point shows its tooltip with the figure id (Vega's tooltip handler)
    page.locator("#chart-KGZ-CHN-series g.mark-symbol.role-mark path").nth(3).hover(force=True)
    tip = page.locator("#vg-tooltip-element")
    tip.wait_for(state="visible")
    assert "figure id" in tip.inner_text()
    screenshot(page, "pair-KGZ-CHN.png", full_page=True)
    assert page.console_errors == []


def test_article_checker_seed_000(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/check")
    page.fill("#article", seed_text("000"))
    page.click("#check-submit")
    page.wait_for_selector("#claims-table")
    rows = page.locator("#claims-table tbody tr").count()
    assert rows >= 20  # seed 000 prints some 27 trade figures
    findings = page.locator("ol.findings li.finding").all_inner_texts()
    assert any("exceeds_gdp" in f and "Kyrgyzstan" in f for f in findings), findings
    assert page.locator("#article-view mark.claim").count() >= 10
    screenshot(page, "checker-seed-000.png")
    assert page.console_errors == []


def test_script_article_is_shown_as_text(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/check")
    evil = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">Trade grew."
    page.fill("#article", evil)
    page.click("#check-submit")
    page.wait_for_selector("#article-view")
    assert page.title() != "pwned"
    assert "<script>document.title='pwned'</script>" in page.locator("#article-view").inner_text()
    assert page.locator("#article-view script, #article-view img").count() == 0


def test_findings_filters(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/findings")
    all_items = page.locator("li.finding").count()
    page.select_option("select[name=severity]", "high")
    page.click("form.filters button")
    page.wait_for_url("**severity=high**")
    high = page.locator("li.finding").count()
    assert 0 < high < all_items
    assert set(page.locator("li.finding .badge").all_inner_texts()) == {"HIGH"}
    assert page.console_errors == []
