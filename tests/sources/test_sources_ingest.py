"""Fetched figures in the store: provenance, vintages, side by side with the embedded data; the CLI
on recorded responses (served from the cache, offline)."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from mirrortrade.cli import app
from mirrortrade.sources import comtrade, imf, worldbank
from mirrortrade.sources.http import Cache, Fetcher, Request
from mirrortrade.sources.run import run_comtrade, run_national, run_worldbank

from .conftest import DATA, FakeServer, Reply
from .test_worldbank import envelope

RECORDED = DATA / "comtrade" / "data_v1_C_A_HS_CHN_2010_partners_ARG_DDR_DEU.json"
runner = CliRunner()


def kaz_china_2019_body(value_usd: float) -> bytes:
    """A Comtrade-shaped response: the recorded record structure with reporter KAZ (398), partner CHN (156),
    flow X, 2019. The value is the sum of the WITS/UN Comtrade HS4 extract (tests/data/wits, thousand USD)
    unless a test passes another one; it is constructed, not a recorded Comtrade answer."""
    doc = json.loads(RECORDED.read_text())
    rec = copy.deepcopy(doc["data"][1])  # the X record
    rec.update(reporterCode=398, reporterISO="KAZ", reporterDesc="Kazakhstan", partnerCode=156, partnerISO="CHN",
               partnerDesc="China", period="2019", refYear=2019, refPeriodId=20190101, primaryValue=value_usd,
               fobvalue=value_usd, cifvalue=None, classificationCode="H4")
    doc.update(count=1, data=[rec])
    return json.dumps(doc).encode()


def wits_kaz_exports_to_china(year: int) -> float:
    w = pd.read_csv(DATA / "wits" / "kazakhstan_exports_to_china_hs4_2015_2024_wits.csv", dtype={"ProductCode": str})
    return float(w.loc[w["Year"] == year, "TradeValuein1000USD"].sum()) * 1e3


def test_comtrade_figure_beside_the_embedded_national_figure(store, server: FakeServer, fetcher: Fetcher) -> None:  # type: ignore[no-untyped-def]
    value = wits_kaz_exports_to_china(2019)
    server.script("/public/", [Reply(200, kaz_china_2019_body(value))])
    q = comtrade.ComtradeQuery(reporters=("KAZ",), partners=("CHN",), years=(2019,), flows=("X",), base=server.base)
    s = run_comtrade(store, q, fetcher)
    assert (s.rows, s.result.added, s.result.new_vintages) == (1, 1, 0)
    df = store.observations(reporter="KAZ", partner="CHN", flow="X", period="2019")
    by = df.set_index("source_id")
    assert set(by.index) == {"UN-COMTRADE", "KZ-BNS"}
    assert by.loc["UN-COMTRADE", "value_usd"] == value
    assert by.loc["KZ-BNS", "value_usd"] == 8003866.69343 * 1e3  # embedded national_ca_china.csv
    # SOURCES.md: the HS4 rows sum to the BNS figure for 2018-2019 (here within 5 USD of rounding)
    assert abs(by.loc["UN-COMTRADE", "value_usd"] - by.loc["KZ-BNS", "value_usd"]) < 5.0
    # provenance: query URL, retrieval time, vintage
    c = by.loc["UN-COMTRADE"]
    assert c["url"] == s.urls[0] and c["url"].startswith(server.base + "/public/v1/preview/C/A/HS?cmdCode=TOTAL")
    assert c["publisher"] == comtrade.PUBLISHER and c["valuation"] == "FOB" and c["retrieved_at"]
    assert str(pd.Timestamp(c["vintage"]).date()) == c["retrieved_at"][:10]


def test_refetch_unchanged_adds_nothing_changed_adds_a_vintage(store, server: FakeServer, new_fetcher) -> None:  # type: ignore[no-untyped-def]
    q = comtrade.ComtradeQuery(reporters=("KAZ",), partners=("CHN",), years=(2019,), flows=("X",), base=server.base)
    server.script("/public/", [Reply(200, kaz_china_2019_body(8.0e9))])
    first = run_comtrade(store, q, new_fetcher())
    assert first.result.added == 1
    again = run_comtrade(store, q, new_fetcher(refresh=True))
    assert (again.result.added, again.result.unchanged) == (0, 1)
    server.script("/public/", [Reply(200, kaz_china_2019_body(8.1e9))])  # the publisher revised the figure
    revised = run_comtrade(store, q, new_fetcher(refresh=True))
    assert (revised.result.added, revised.result.new_vintages) == (1, 1)
    latest = store.observations(reporter="KAZ", partner="CHN", flow="X", period="2019", source_id="UN-COMTRADE")
    assert list(latest["value_usd"]) == [8.1e9]
    every = store.observations(reporter="KAZ", partner="CHN", flow="X", period="2019", source_id="UN-COMTRADE",
                               all_vintages=True)
    assert sorted(every["value_usd"]) == [8.0e9, 8.1e9]
    assert len(server.seen) == 3


def test_national_file_is_one_transaction_and_matches_the_embedded_figures(store) -> None:  # type: ignore[no-untyped-def]
    before = store.count()
    s = run_national(store, DATA / "national_stats" / "KAZ" / "kaz_bns_main_foreign_trade_indicators_2019.xls", "KAZ")
    assert s.rows == 620 and s.result.rows == 620
    # the China rows equal the embedded figures (same publisher, title, value): already in the store
    assert s.result.unchanged == 4 and s.result.added == 616 and s.result.new_vintages == 0
    assert store.count() == before + 616
    ing = store.ingests().iloc[-1]
    assert ing["rows"] == 620 and ing["added"] == 616 and ing["file"].endswith("2019.xls") and ing["sha256"]
    zaf = store.observations(reporter="KAZ", partner="ZAF", flow="X", period="2019")
    assert list(zaf["value_usd"]) == [22158.88772 * 1e3] and list(zaf["source_id"]) == ["KZ-BNS"]


def test_worldbank_gdp_beside_the_embedded_gdp(store, new_fetcher, server: FakeServer) -> None:  # type: ignore[no-untyped-def]
    server.script("/v2/", [Reply(200, json.dumps(envelope()).encode(), "application/json;charset=utf-8")])
    q = worldbank.WbQuery(countries=("KGZ", "KAZ"), years=(2023,), base=server.base + "/v2")
    s = run_worldbank(store, q, new_fetcher())
    assert s.result.added == 2 and s.vintages == {"2025-07-01": 2}
    gdp = store.indicators(country="KGZ", indicator="gdp_usd", period="2023")
    assert len(gdp) == 2 and set(gdp["title"]) == {worldbank.TITLE, "GDP (current US$), NY.GDP.MKTP.CD, via datasets/gdp"}


# --------------------------------------------------------------------------------------------
# CLI on recorded responses, from the cache
# --------------------------------------------------------------------------------------------


def seed_cache(req: Request, body: bytes, content_type: str) -> None:
    cache = Cache()  # $MIRRORTRADE_CACHE, set per test by tests/conftest.py
    tmp = cache.tmp_file(req)
    tmp.write_bytes(body)
    cache.put_file(req, tmp, status=200, content_type=content_type, sha256=hashlib.sha256(body).hexdigest())


def test_cli_fetch_comtrade_offline_from_recorded_response(tmp_path: Path) -> None:
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("ARG", "DEU"), years=(2010,), flows=("M", "X"))
    (req,) = comtrade.build(q).requests
    seed_cache(req, RECORDED.read_bytes(), "application/json")
    db = str(tmp_path / "s.duckdb")
    args = ["fetch", "comtrade", "--reporter", "CHN", "--partner", "ARG,DEU", "--years", "2010", "--flows", "M,X",
            "--offline", "--db", db]
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "UN-COMTRADE" in res.output and "1 (1/0)" in res.output
    from mirrortrade.data import open_store

    with open_store(db) as s:
        df = s.observations(reporter="CHN", partner="DEU", period="2010", source_id="UN-COMTRADE")
    assert sorted(df["value_usd"]) == [68047133397.0, 74251272075.0]
    again = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert again.exit_code == 0 and "│ 0 " in again.output  # nothing added the second time


def test_cli_offline_names_what_is_missing(tmp_path: Path) -> None:
    res = runner.invoke(app, ["fetch", "comtrade", "--reporter", "CHN", "--partner", "KAZ,KGZ,TJK,TKM,UZB",
                              "--years", "2015-2025", "--offline", "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code != 0
    assert "offline: 1 of 1 responses are not in the cache" in res.output
    assert "partnerCode=398,417,762,795,860&reporterCode=156&period=2015,2016" in res.output


def test_cli_fetch_imf_and_worldbank_offline(tmp_path: Path) -> None:
    (ireq,) = imf.build(imf.ImfQuery(countries=("USA",), partners=("WLD", "EUU"), years=(2023, 2024), flows=("X",)))
    seed_cache(ireq, (DATA / "imf" / "IMTS_data_USA.XG_FOB_USD.G001+G998.A_2023-2024.xml").read_bytes(), "application/xml")
    (wreq,) = worldbank.build(worldbank.WbQuery(countries=("KGZ", "KAZ"), years=(2023,)))
    seed_cache(wreq, json.dumps(envelope()).encode(), "application/json;charset=utf-8")
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["fetch", "imf", "--country", "USA", "--partner", "WLD,EUU", "--years", "2023-2024",
                              "--flows", "X", "--offline", "--db", db], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["fetch", "worldbank", "--country", "KGZ,KAZ", "--years", "2023", "--offline", "--db", db],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    from mirrortrade.data import open_store

    with open_store(db) as s:
        x = s.observations(reporter="USA", partner="WLD", period="2023", source_id="IMF-IMTS")
        g = s.indicators(country="KAZ", period="2023", source_id="WB-WDI")
    assert list(x["value_usd"]) == [2019551635133.0]
    assert 261421121085.57 in set(g["value"])


def test_cli_ingest_national(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    f = DATA / "national_stats" / "UZB" / "sdmx_data_1176.csv"
    res = runner.invoke(app, ["ingest-national", str(f), "--country", "UZB", "--db", db], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "UZ-STAT" in res.output and "Code 0 Other countries" in res.output
    bad = runner.invoke(app, ["ingest-national", str(f), "--country", "TJK", "--db", db])
    assert bad.exit_code != 0 and "no national statistics parser for 'TJK'" in bad.output


def test_real_year_on_year_swings_are_not_taken_for_unit_errors(store) -> None:  # type: ignore[no-untyped-def]
    """KAZ exports to Cyprus fell from 177,988.84714 to 243.55447 thousand USD (2022 -> 2023, row 26 of sheets '2022'
    and '2023' of the 2023 publication): a real 1/731 swing that the hand-made-file heuristic would refuse."""
    s = run_national(store, DATA / "national_stats" / "KAZ" / "kaz_bns_main_foreign_trade_indicators_by_country_2023.xls", "KAZ")
    assert s.result.rows == 669
    cyp = store.observations(reporter="KAZ", partner="CYP", flow="X").set_index("period")["value_usd"]
    assert cyp["2022"] == 177988.84714 * 1e3 and cyp["2023"] == 243.55447 * 1e3
    k = run_national(store, DATA / "national_stats" / "KGZ" / "kgz_nsc_4.03.00.18_exports_by_country_1994_2023.xlsx", "KGZ")
    assert k.result.rows == 2237


def test_cli_fetch_then_show_side_by_side(tmp_path: Path) -> None:
    """`mirrortrade fetch comtrade` (served from the cache: the constructed KAZ->CHN 2019 Comtrade-shaped body)
    then `mirrortrade show`: the Comtrade figure and the embedded BNS figure, each with its source."""
    value = wits_kaz_exports_to_china(2019)
    q = comtrade.ComtradeQuery(reporters=("KAZ",), partners=("CHN",), years=(2019,), flows=("X",))
    (req,) = comtrade.build(q).requests
    seed_cache(req, kaz_china_2019_body(value), "application/json")
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["fetch", "comtrade", "--reporter", "KAZ", "--partner", "CHN", "--years", "2019",
                              "--flows", "X", "--offline", "--db", db], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    shown = runner.invoke(app, ["show", "--reporter", "KAZ", "--partner", "CHN", "--flow", "X", "--period", "2019",
                                "--format", "json", "--db", db])
    assert shown.exit_code == 0, shown.output
    by = {r["source_id"]: r for r in json.loads(shown.stdout)}  # records, one per figure ("showing N of M" is on stderr)
    assert set(by) == {"UN-COMTRADE", "KZ-BNS"}
    assert by["UN-COMTRADE"]["value_usd"] == value and by["KZ-BNS"]["value_usd"] == 8003866.69343 * 1e3
    assert by["UN-COMTRADE"]["url"] == req.full_url
