"""UN Comtrade: exact URLs, the recorded responses, codes, aggregates, the row cap, bulk listings."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from mirrortrade.errors import CodeError, SourceError
from mirrortrade.sources import comtrade
from mirrortrade.sources.http import Fetcher

from .conftest import DATA, FakeServer, Reply

RECORDED = DATA / "comtrade" / "data_v1_C_A_HS_CHN_2010_partners_ARG_DDR_DEU.json"


def test_exact_url_with_a_key() -> None:
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("ARG", "DEU"), years=(2010,), flows=("M", "X"), api_key="k")
    (req,) = comtrade.build(q).requests
    # comtradr's recorded query (fixtures SOURCES.md) is .../data/v1/get/C/A/HS?cmdCode=TOTAL&partnerCode=32,280,276
    # &reporterCode=156&period=2010&motCode=0&partner2Code=0&customsCode=C00&includeDesc=TRUE; we name the flows and
    # ask for today's Germany (276) only, 280 being "Fed. Rep. of Germany (...1990)".
    assert req.full_url == (
        "https://comtradeapi.un.org/data/v1/get/C/A/HS?cmdCode=TOTAL&flowCode=M,X&partnerCode=32,276&reporterCode=156"
        "&period=2010&motCode=0&partner2Code=0&customsCode=C00&includeDesc=TRUE"
    )
    assert dict(req.secret_headers) == {"Ocp-Apim-Subscription-Key": "k"}
    assert "k" not in req.full_url


def test_exact_url_without_a_key_is_the_preview_endpoint() -> None:
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("KAZ", "KGZ", "TJK", "TKM", "UZB"), years=(2023, 2024),
                               freq="M", flows=("X",))
    reqs = comtrade.build(q).requests
    assert reqs[0].full_url.startswith(
        "https://comtradeapi.un.org/public/v1/preview/C/M/HS?cmdCode=TOTAL&flowCode=X&partnerCode=398,417,762,795,860"
        "&reporterCode=156&period=202301,202302,202303,202304,202305,202306,202307,202308,202309,202310,202311,202312&"
    )
    assert reqs[0].secret_headers == ()
    assert len(reqs) == 2  # 24 months, at most 12 periods per call


def test_parse_recorded_response() -> None:
    rep = comtrade.parse_report(RECORDED)
    got = {(o.reporter, o.partner, o.flow, o.period): (o.value_usd, o.valuation) for o in rep.observations}
    # the four records in the recorded body (fixtures SOURCES.md "Samples a test can assert")
    assert got == {
        ("CHN", "ARG", "M", "2010"): (6804128143.0, "CIF"),
        ("CHN", "ARG", "X", "2010"): (6115764185.0, "FOB"),
        ("CHN", "DEU", "M", "2010"): (74251272075.0, "CIF"),
        ("CHN", "DEU", "X", "2010"): (68047133397.0, "FOB"),
    }
    o = rep.observations[0]
    assert o.source_id == "UN-COMTRADE" and o.product == "TOTAL" and o.product_rev == "H3"


def test_empty_result_is_valid() -> None:
    assert comtrade.parse(DATA / "comtrade" / "data_v1_S_A_EB_CHN_2010.json") == []


@pytest.mark.parametrize(
    "code, iso3",
    [(842, "USA"), (251, "FRA"), (579, "NOR"), (757, "CHE"), (699, "IND"), (490, "TWN"), (0, "WLD"), (97, "EUU"),
     (380, "ITA"), (156, "CHN"), (398, "KAZ"), (417, "KGZ"), (762, "TJK"), (795, "TKM"), (860, "UZB"), (899, None),
     (837, None), (471, None)],
)
def test_codes_to_iso3(code: int, iso3: str | None) -> None:
    assert comtrade.code_to_iso3(code) == iso3


def test_iso3_to_query_codes() -> None:
    assert [comtrade.iso3_to_code(c) for c in ("USA", "FRA", "NOR", "CHE", "IND", "TWN", "DEU", "WLD")] == [
        842, 251, 579, 757, 699, 490, 276, 0]
    with pytest.raises(CodeError):
        comtrade.iso3_to_code("REU")  # Réunion: part of France in Comtrade since 1997 (code 638 expired 1996)


def _records_with(changes: list[dict[str, object]]) -> dict[str, object]:
    """A Comtrade-shaped body made from the recorded record structure (values changed as given)."""
    doc = json.loads(RECORDED.read_text())
    base = doc["data"][0]
    doc["data"] = [{**copy.deepcopy(base), **c} for c in changes]
    doc["count"] = len(doc["data"])
    return doc


def test_world_and_areas_never_become_bilateral_rows(tmp_path: Path) -> None:
    body = _records_with([
        {"partnerCode": 0, "partnerISO": "W00", "primaryValue": 1.0e12, "cifvalue": 1.0e12},
        {"partnerCode": 899, "partnerISO": "_X", "primaryValue": 5.0e6, "cifvalue": 5.0e6},  # "Areas, nes"
        {"partnerCode": 490, "partnerISO": "S19", "primaryValue": 2.0e9, "cifvalue": 2.0e9},  # Other Asia, nes
        {"partnerCode": 97, "partnerISO": "EUR", "primaryValue": 3.0e11, "cifvalue": 3.0e11},
    ])
    p = tmp_path / "r.json"
    p.write_text(json.dumps(body))
    rep = comtrade.parse_report(p)
    got = {o.partner: o.value_usd for o in rep.observations}
    assert got == {"WLD": 1.0e12, "TWN": 2.0e9, "EUU": 3.0e11}
    assert rep.dropped_areas == 1
    assert "Taiwan" in next(o.note for o in rep.observations if o.partner == "TWN")


def test_value_fields_matched_case_insensitively(tmp_path: Path) -> None:
    rec = {"cifvalue": None, "fobvalue": None, "primaryValue": 10.0}
    body = _records_with([rec])
    body["data"][0].pop("cifvalue")
    body["data"][0]["cifValue"] = 12.5  # the field dictionary's spelling
    p = tmp_path / "r.json"
    p.write_text(json.dumps(body))
    (o,) = comtrade.parse(p)
    assert (o.value_usd, o.valuation, o.flow) == (12.5, "CIF", "M")


def test_preview_cannot_serve_hs6() -> None:
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("KAZ",), years=(2023,), hs=6)
    with pytest.raises(SourceError, match="at most 500 rows.*AG6.*5613"):
        comtrade.build(q)


def test_build_splits_by_estimated_rows_and_says_so() -> None:
    # with a key: AG6 (5,613 rows per cell) x 5 partners x 4 flows x 12 months = 1,347,120 rows > 250,000
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("KAZ", "KGZ", "TJK", "TKM", "UZB"), years=(2024,),
                               freq="M", hs=6, api_key="k")
    plan = comtrade.build(q)
    per_call = 250_000 // (5 * 4 * 5613)  # = 2 months per call
    assert per_call == 2 and len(plan.requests) == 12 // per_call
    assert any("by period" in n and "250,000" in n for n in plan.notes)
    assert all(dict(r.params)["cmdCode"] == "AG6" for r in plan.requests)


def test_response_at_the_row_cap_is_split_and_refetched(server: FakeServer, fetcher: Fetcher) -> None:
    """The preview endpoint caps at 500 rows: a two-year answer with 500 rows is truncated, so the
    query is halved by period and each year fetched on its own."""
    full = _records_with([{"period": "2019", "refYear": 2019, "primaryValue": 100.0 + i, "cifvalue": 100.0 + i,
                           "partnerCode": 32} for i in range(1)])
    capped = dict(full, count=500)

    def answer(path: str) -> Reply:
        if "period=2019,2020" in path:
            return Reply(200, json.dumps(capped).encode())
        year = "2019" if "period=2019" in path else "2020"
        body = _records_with([{"period": year, "refYear": int(year), "primaryValue": 7.0e9, "cifvalue": 7.0e9}])
        return Reply(200, json.dumps(body).encode())

    server.fn = answer
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("ARG",), years=(2019, 2020), flows=("M",), base=server.base)
    plan = comtrade.build(q)
    assert len(plan.requests) == 1
    raws = comtrade.fetch_all(plan, fetcher, cap=q.row_cap)
    assert [s.path.split("period=")[1].split("&")[0] for s in server.seen] == ["2019,2020", "2019", "2020"]
    obs = [o for r in raws for o in comtrade.parse(r)]
    assert sorted(o.period for o in obs) == ["2019", "2020"]
    assert any("row cap (500 rows)" in n and "split" in n for n in plan.notes)


def test_atomic_request_at_the_cap_is_an_error(server: FakeServer, fetcher: Fetcher) -> None:
    body = dict(_records_with([{}]), count=500)
    server.fn = lambda path: Reply(200, json.dumps(body).encode())
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("ARG",), years=(2010,), flows=("M",), base=server.base)
    with pytest.raises(SourceError, match="truncated"):
        comtrade.fetch_all(comtrade.build(q), fetcher, cap=q.row_cap)


def test_api_key_from_env_or_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert comtrade.api_key() is None
    cfg = tmp_path / "config.toml"
    cfg.write_text('[comtrade]\napi_key = "from-config"\n')
    monkeypatch.setattr(comtrade, "config_file", lambda: cfg)
    assert comtrade.api_key() == "from-config"
    monkeypatch.setenv("COMTRADE_API_KEY", "from-env")
    assert comtrade.api_key() == "from-env"


def test_bulk_listing() -> None:
    (f,) = comtrade.parse_bulk_listing(DATA / "comtrade" / "bulk_v1_C_A_HS_ARG_1962_listing.json")
    assert (f.reporter, f.reporter_code, f.period, f.classification, f.file_size) == ("ARG", 32, "1962", "S1", "183.34 KB")
    assert f.published.startswith("2003-04-29")
    req = comtrade.bulk_file_request(f, "k")
    assert req.full_url == (
        "https://comtradeapi.un.org/bulk/v1/file/32/b07f98ee4cfb477c5b86923bbf159d48ca519ccb35c35865b3578b075fc918fb"
        "?format=json"
    )
    assert comtrade.parse_bulk_listing(DATA / "comtrade" / "bulk_v1_empty_result.json") == []
    (listing,) = comtrade.build_bulk_listing(comtrade.ComtradeQuery(reporters=("ARG",), years=(1962,), api_key="k"))
    assert listing.full_url == "https://comtradeapi.un.org/bulk/v1/get/C/A/HS?reporterCode=32&period=1962"
    with pytest.raises(SourceError, match="subscription key"):
        comtrade.build_bulk_listing(comtrade.ComtradeQuery(reporters=("ARG",), years=(1962,)))


def test_build_splits_by_partner_when_one_period_is_too_big() -> None:
    # preview cap 500; AG2 = 97 rows per cell; 5 partners x 4 flows x 97 = 1,940 rows for one year > 500,
    # one partner x 4 flows x 97 = 388 fits: one call per partner and year
    q = comtrade.ComtradeQuery(reporters=("CHN",), partners=("KAZ", "KGZ", "TJK", "TKM", "UZB"), years=(2023, 2024), hs=2)
    plan = comtrade.build(q)
    assert len(plan.requests) == 10
    assert {dict(r.params)["partnerCode"] for r in plan.requests} == {"398", "417", "762", "795", "860"}
    assert {dict(r.params)["period"] for r in plan.requests} == {"2023", "2024"}
    assert any("by period and partner" in n and "3,880" in n for n in plan.notes)
