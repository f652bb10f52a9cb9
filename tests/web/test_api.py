"""REST API and pages through FastAPI's TestClient, on a copy of the embedded store.

Numbers come from seed article 000 (tests/data/seeds/000_*.txt): China's exports to Kyrgyzstan
in 2025 "more than $22 billion"; Kyrgyzstan's GDP in 2025 "under $22 billion"; Tajik imports from
China $2.3bn (Tajik customs) against $3.7bn (China).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import seed_text
from web.conftest import assert_error


def _figure_id(store_path: Path, **key: str) -> str:
    from mirrortrade.store import Store

    with Store(store_path, read_only=True) as s:
        df = s.observations(**key)
    assert len(df) == 1, df
    return str(df.figure_id.iloc[0])


def _kyrgyz_figures_in_the_embedded_files() -> int:
    """Kyrgyzstan's own figures (partner China) counted in the package files, not through the store."""
    from mirrortrade.data import data_path

    nat = pd.read_csv(data_path("national_ca_china.csv"), dtype=str)
    pub = pd.read_csv(data_path("published_figures.csv"), dtype=str)
    n_nat = ((nat.reporter_iso3 == "KGZ") & nat.value.notna() & nat.value.str.strip().ne("-")).sum()
    return int(n_nat + (pub.reporter == "KGZ").sum())


# ---- observations ---------------------------------------------------------------------------


def test_observations_filter_and_paging(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/api/v1/observations", params={"reporter": "CHN", "partner": "KGZ", "flow": "X", "period": "2025"})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["total"] == 1
    row = body["rows"][0]
    # seed 000: "Beijing's numbers show more than $22 billion in exports to Kyrgyzstan"
    assert row["value_usd"] == 22e9 and row["qualifier"] == "lower" and row["source_id"] == "CN-GACC"
    assert row["value_high"] is None  # an open interval [22e9, inf) is sent as null, never as Infinity

    full = client.get("/api/v1/observations", params={"partner": "CHN", "reporter": "KGZ", "limit": 1000}).json()
    page1 = client.get("/api/v1/observations", params={"partner": "CHN", "reporter": "KGZ", "limit": 7}).json()
    page2 = client.get("/api/v1/observations", params={"partner": "CHN", "reporter": "KGZ", "limit": 7, "offset": 7}).json()
    assert page1["total"] == page2["total"] == full["total"] == len(full["rows"])
    # KG-NSC tables 4.03.00.18/.20 give exports and imports for 1994-2023 (30 years x 2 flows), and
    # published_figures.csv adds the Kyrgyz figures printed in reports
    assert full["total"] == _kyrgyz_figures_in_the_embedded_files()
    assert [r["figure_id"] for r in page1["rows"] + page2["rows"]] == [r["figure_id"] for r in full["rows"][:14]]


def test_observations_as_of_and_codes_case_insensitive(client) -> None:  # type: ignore[no-untyped-def]
    lower = client.get("/api/v1/observations", params={"reporter": "tjk", "partner": "chn", "period": "2025"}).json()
    upper = client.get("/api/v1/observations", params={"reporter": "TJK", "partner": "CHN", "period": "2025"}).json()
    assert lower["total"] == upper["total"] == 2  # Tajik customs: exports $524M and imports $2.3bn (seed 000)
    assert {r["value_usd"] for r in upper["rows"]} == {524e6, 2.3e9}
    old = client.get("/api/v1/observations", params={"reporter": "TJK", "as_of": "2000-01-01"}).json()
    assert old["total"] == 0  # nothing was published before 2000 among these figures


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"reporter": "XXX"}, "unknown reporter"),
        ({"reporter": "156"}, "numeric code"),
        ({"period": "2025-13"}, "month out of range"),
        ({"period": "2025-Q5"}, "quarter"),
        ({"flow": "Z"}, "unknown flow"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"as_of": "yesterday"}, "as_of"),
        ({"reporter": "K;DROP TABLE observations"}, "reporter"),
    ],
)
def test_observations_bad_parameters_are_422(client, params: dict[str, str], needle: str) -> None:  # type: ignore[no-untyped-def]
    body = assert_error(client.get("/api/v1/observations", params=params), 422)
    assert needle in body["error"]


def test_sql_injection_attempt_is_data_not_sql(client) -> None:  # type: ignore[no-untyped-def]
    # a source id that would break out of a formatted string is refused as a bad parameter...
    assert_error(client.get("/api/v1/observations", params={"source_id": "x') OR 1=1 --"}), 422)
    # ...and the store is intact afterwards
    assert client.get("/api/v1/observations", params={"reporter": "KGZ"}).json()["total"] == \
        _kyrgyz_figures_in_the_embedded_files()


# ---- figures --------------------------------------------------------------------------------


def test_figure_provenance(client, web_store: Path) -> None:  # type: ignore[no-untyped-def]
    fid = _figure_id(web_store, reporter="CHN", partner="KGZ", flow="X", period="2025")
    r = client.get(f"/api/v1/figures/{fid}")
    assert r.status_code == 200
    fig = r.json()["figure"]
    assert fig["figure_id"] == fid and fig["table"] == "observations"
    assert fig["source_name"].startswith("General Administration of Customs")
    assert "more than $22 billion in exports" in fig["citation"]["quote"]
    assert fig["citation"]["publisher"] == "The Caspian Post, via Eurasianet"
    assert fig["value_text"] == "more than $22.0bn"
    html = client.get(f"/figures/{fid}", headers={"accept": "text/html"})
    assert html.status_code == 200 and "more than $22 billion in exports" in html.text


def test_figure_errors(client) -> None:  # type: ignore[no-untyped-def]
    assert "16 hex digits" in assert_error(client.get("/api/v1/figures/not-an-id"), 422)["error"]
    assert "no figure" in assert_error(client.get("/api/v1/figures/0123456789abcdef"), 404)["error"]


# ---- derived tables -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pairs", "estimates", "reliability"])
def test_reconcile_tables_not_computed_yet(client, name: str) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/v1/{name}").json()
    assert body["ok"] is True and body["computed"] is False and body["rows"] == []
    assert body["note"] == "not computed yet: run mirrortrade reconcile"


def test_estimates_served_with_filters(store_file: Path) -> None:
    from fastapi.testclient import TestClient

    from mirrortrade.report.web.app import create_app
    from mirrortrade.store import Store

    db = store_file
    # a hand-made estimates table in the documented layout (the reconciliation writes the same columns)
    est = pd.DataFrame({
        "exporter": ["KGZ", "KGZ", "CHN"], "importer": ["CHN", "CHN", "KGZ"], "year": [2023, 2024, 2025],
        "product": ["TOTAL"] * 3, "value_exporter": [80.4e6, None, 22e9], "value_importer": [80e6, 2.8e9, None],
        "cif_rate": [0.0, 0.0, 0.033], "weight_exporter": [0.39, 0.0, 1.0], "estimate": [80.2e6, 2.8e9, 22e9],
        "estimate_low": [61.8e6, 2.0e9, 9.4e9], "estimate_high": [104e6, 3.9e9, 51.5e9],
        "method": ["both", "mirror_only", "exporter_only"],
    })
    with Store(db) as s:
        s.replace_table("estimates", est)
    with TestClient(create_app(db)) as c:
        body = c.get("/api/v1/estimates", params={"exporter": "KGZ"}).json()
        assert body["computed"] is True and body["total"] == 2
        assert [r["year"] for r in body["rows"]] == [2023, 2024]
        assert body["rows"][1]["value_exporter"] is None
        one = c.get("/api/v1/estimates", params={"year": "2025", "limit": 1}).json()
        assert one["total"] == 1 and one["rows"][0]["method"] == "exporter_only"
        assert c.get("/api/v1/estimates", params={"exporter": "KGZ", "offset": 5}).json()["total"] == 2
        assert "no column 'country'" in assert_error(c.get("/api/v1/estimates", params={"country": "KGZ"}), 422)["error"]
        assert_error(c.get("/api/v1/estimates", params={"year": "20x5"}), 422)
        # the pair page draws the estimate and lists it
        page = c.get("/pair/KGZ/CHN", headers={"accept": "text/html"})
        assert page.status_code == 200
        assert "Reconciled estimates" in page.text and "exporter_only" in page.text
        assert "not computed yet" not in page.text


# ---- findings -------------------------------------------------------------------------------


def test_findings_filters(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/findings", params={"country": "KGZ", "severity": "high", "rule": "exceeds_gdp",
                                                  "period": "2025"}).json()
    assert body["computed"] is True and body["total"] >= 1
    f = body["rows"][0]
    assert f["rule"] == "exceeds_gdp" and f["severity"] == "high" and f["period"] == "2025"
    assert {f["reporter"], f["partner"]} == {"CHN", "KGZ"}
    assert f["figure_ids"] and all(len(i) == 16 for i in f["figure_ids"])
    problems = client.get("/api/v1/findings", params={"problems_only": "true", "limit": 1000}).json()
    everything = client.get("/api/v1/findings", params={"limit": 1000}).json()
    assert 0 < problems["total"] < everything["total"]
    assert all(r["severity"] != "info" for r in problems["rows"])
    assert_error(client.get("/api/v1/findings", params={"period": "2025-H3"}), 422)


# ---- the article checker --------------------------------------------------------------------


def test_check_seed_000_finds_kyrgyz_gdp_conflict(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/check", json={"text": seed_text("000")})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["mode"] == "check"
    claims = body["claims"]
    kgz_x = [c for c in claims if c["reporter"] == "CHN" and c["partner"] == "KGZ" and c["flow"] == "X"]
    assert kgz_x and kgz_x[0]["value_usd"] == 22e9
    gdp = [f for f in body["findings"] if f["rule"] == "exceeds_gdp" and f["severity"] == "high"]
    assert gdp, [f["rule"] for f in body["findings"]]
    # every claim knows where its figure is printed: seed 000 "exports to Central Asia amounting to $71.3 billion"
    text = seed_text("000")
    x_ca5 = next(c for c in claims if c["partner"] == "CA5" and c["flow"] == "X")
    assert text[x_ca5["start"]:x_ca5["end"]] == "$71.3 billion"
    page = client.post("/check", data={"text": text}, headers={"accept": "text/html"}).text
    assert f'title="{x_ca5["id"]}: {x_ca5["status"]}">$71.3 billion<sup>' in page


def test_check_validation_and_limits(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.post("/api/v1/check", json={}), 422)
    assert_error(client.post("/api/v1/check", json={"text": "x", "article_date": "2025-02-30"}), 422)
    assert_error(client.post("/api/v1/check", content=b"{not json", headers={"content-type": "application/json"}), 422)
    # an article the checker cannot read (Russian: the Kazakh statistics bureau's 2022 turnover with China) is refused
    ru = "Товарооборот Казахстана и Китая в 2022 году составил 24,2 млрд долларов США."
    assert "Cyrillic" in assert_error(client.post("/api/v1/check", json={"text": ru}), 422)["error"]
    big = b'{"text": "' + b"a" * 1_000_001 + b'"}'
    assert "over the limit" in assert_error(client.post("/api/v1/check", content=big,
                                                        headers={"content-type": "application/json"}), 413)["error"]

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(11):
            yield b"a" * 100_000

    # no Content-Length (chunked): counted while reading
    assert_error(client.post("/api/v1/check", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_read_only_api(client) -> None:  # type: ignore[no-untyped-def]
    for method in ("post", "put", "delete", "patch"):
        assert "read-only" in assert_error(getattr(client, method)("/api/v1/observations"), 405)["error"]
    assert_error(client.get("/api/v1/check"), 405)
    assert_error(client.get("/api/v1/nothing-here"), 404)


def test_checker_page_escapes_script_article(client) -> None:  # type: ignore[no-untyped-def]
    evil = ('<script>document.title="pwned"</script><img src=x onerror=alert(1)> '
            "China's exports to Kyrgyzstan reached $22 billion in 2025.")
    r = client.post("/check", data={"text": evil}, headers={"accept": "text/html"})
    assert r.status_code == 200
    assert '<script>document.title="pwned"</script>' not in r.text
    assert "<img src=x" not in r.text
    assert "&lt;script&gt;document.title=" in r.text
    assert "Content-Security-Policy" in r.headers and "script-src 'self'" in r.headers["Content-Security-Policy"]


# ---- pages ----------------------------------------------------------------------------------


def test_overview_tells_the_seed_story(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/", headers={"accept": "text/html"})
    assert r.status_code == 200
    html = r.text
    assert "Kyrgyzstan: China&#39;s exports exceed its GDP." in html
    assert "Tajikistan: the two sides differ, CHN − TJK = +$1.4bn (+38% of CHN&#39;s)." in html  # $3.7bn vs $2.3bn, seed 000: (3.7 - 2.3) / 3.7 = 0.38
    assert "two publications disagree" in html  # $71.2bn vs $71.3bn, seeds 004 and 000
    for name in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Central Asia"):
        assert name in html
    assert 'class="vl-spec"' in html and "/static/vega-bundle.js" in html
    assert "<script>" not in html  # no inline script: the CSP forbids it


def test_pages_and_html_errors(client) -> None:  # type: ignore[no-untyped-def]
    html = {"accept": "text/html"}
    assert client.get("/pair/KGZ/CHN", headers=html).status_code == 200
    assert "not computed yet: run mirrortrade reconcile" in client.get("/pair/KGZ/CHN", headers=html).text
    assert client.get("/findings?country=KGZ&severity=high", headers=html).status_code == 200
    bad = client.get("/pair/KGZ/KGZ", headers=html)
    assert bad.status_code == 422 and "text/html" in bad.headers["content-type"] and "two countries" in bad.text
    assert client.get("/pair/XXX/CHN", headers=html).status_code == 422
    assert client.get("/pair/KGZ/CHN?years=2030-2020", headers=html).status_code == 422
    assert client.get("/findings?period=2025-13", headers=html).status_code == 422
    assert client.get("/static/vega-bundle.js").headers["content-type"].startswith("text/javascript")


def test_api_page_is_local(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/docs", headers={"accept": "text/html"})
    assert r.status_code == 200
    for op in ("GET /api/v1/observations", "GET /api/v1/estimates", "POST /api/v1/check", "GET /api/v1/figures/{figure_id}"):
        assert f"<code>{op}</code>" in r.text
    assert not re.search(r'(src|href)="https?://', r.text)  # no CDN-hosted Swagger UI


def test_openapi_lists_the_api(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("observations", "pairs", "estimates", "reliability", "findings", "figures/{figure_id}", "check"):
        assert f"/api/v1/{p}" in paths
    assert set(spec["paths"]["/api/v1/check"]) == {"post"}
    assert all(set(v) == {"get"} for k, v in spec["paths"].items() if not k.endswith("/check"))
