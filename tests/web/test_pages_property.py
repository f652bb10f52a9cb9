"""Every dashboard page and API read answers 200 or a clear 4xx, never a 500 (hypothesis over the dashboard).

Reporters, partners, flows, periods, figure ids and source ids are drawn from the embedded store itself
(src/mirrortrade/data/SOURCES.md names its sources), mixed with bad inputs: unknown or malformed codes,
aggregates where a country is needed, reversed or malformed year windows, unknown figure ids. A 4xx must
carry one line saying what is wrong: the JSON error of the API, the error page's message to a browser.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirrortrade.store import Store

HTML = {"accept": "text/html"}
BAD_CODES = ["XXX", "kgz", "K", "CHN,", "CA5", "WLD", "", " ", "12", "ÄÖÜ", "KGZ,UZB", "../etc", "%00",
             "KGZKGZKGZ", "null"]
BAD_PERIODS = ["2025-H3", "13", "2025-13", "9999", "2025-Q0", "abcd", "2025/2024", ""]
BAD_YEARS = ["2025-2015", "abcd", "0-9999", "2015-", "-2025", "2015-2025-2030", "1800-1801", "", "2025"]
BAD_IDS = ["0" * 16, "zzzz", "'; DROP TABLE x; --", "a" * 200, "0123456789abcdeF"]


@pytest.fixture(scope="module")
def stored(web_store: Path) -> dict[str, list[str]]:
    with Store(web_store, read_only=True) as s:
        obs = s.observations()
    return {
        "codes": sorted(set(obs.reporter) | set(obs.partner)),
        "flows": sorted(set(obs.flow)),
        "periods": sorted(set(obs.period)),
        "ids": sorted(obs.figure_id)[:: max(1, len(obs) // 40)],
        "sources": sorted(set(obs.source_id)),
    }


def _one_line_error(resp: Any) -> str:
    """The error a 4xx answer carries: one non-empty line."""
    if resp.headers["content-type"].startswith("application/json"):
        body = resp.json()
        assert body["ok"] is False and body["status"] == resp.status_code
        msg = body["error"]
    else:
        m = re.search(r'<p class="lede">(.*?)</p>', resp.text, re.S)
        assert m, resp.text[:300]
        msg = unescape(m.group(1))
    assert isinstance(msg, str) and msg.strip() and "\n" not in msg and len(msg) < 500, msg
    assert "Traceback" not in msg
    return msg


def _requests(stored: dict[str, list[str]]) -> st.SearchStrategy[tuple[str, dict[str, str], dict[str, str]]]:
    code = st.one_of(st.sampled_from(stored["codes"]), st.sampled_from(BAD_CODES))
    flow = st.one_of(st.sampled_from(stored["flows"]), st.sampled_from(["Z", "x,m", "", "TT"]))
    period = st.one_of(st.sampled_from(stored["periods"]), st.sampled_from(BAD_PERIODS))
    figure_id = st.one_of(st.sampled_from(stored["ids"]), st.sampled_from(BAD_IDS))
    years = st.one_of(st.sampled_from(["2015-2025", "2020-2025", "2025"]), st.sampled_from(BAD_YEARS))
    country = st.sampled_from(["KGZ", "KAZ", "TJK", "TKM", "UZB", "CHN"])

    def q(**kw: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
        return st.fixed_dictionaries({}, optional=kw)

    return st.one_of(
        st.tuples(st.builds(lambda c, p: f"/pair/{c}/{p}", st.one_of(country, code), st.one_of(country, code)),
                  q(years=years), st.just(HTML)),
        st.tuples(st.just("/findings"), q(country=code, period=period, rule=st.sampled_from(["mirror_gap", "x y"]),
                                          show=st.sampled_from(["all", "problems"])), st.just(HTML)),
        st.tuples(st.builds(lambda i: f"/figures/{i}", figure_id), st.just({}), st.just(HTML)),
        st.tuples(st.just("/api/v1/observations"),
                  q(reporter=code, partner=code, flow=flow, period=period,
                    source_id=st.sampled_from(stored["sources"] + ["NO-SUCH", "a b"])), st.just({})),
        st.tuples(st.sampled_from(["/api/v1/pairs", "/api/v1/estimates", "/api/v1/reliability"]),
                  q(exporter=code, importer=code, country=code, year=st.sampled_from(["2025", "2015,2020", "x"])),
                  st.just({})),
        st.tuples(st.just("/api/v1/findings"), q(country=code, reporter=code, partner=code, period=period),
                  st.just({})),
        st.tuples(st.builds(lambda i: f"/api/v1/figures/{i}", figure_id), st.just({}), st.just({})),
        st.tuples(st.sampled_from(["/", "/check", "/docs", "/healthz", "/api/v1/status"]), st.just({}),
                  st.just(HTML)),
    )


def test_every_page_answers_200_or_a_clear_4xx(client: Any, stored: dict[str, list[str]]) -> None:
    seen: dict[int, int] = {}

    @given(req=_requests(stored))
    @settings(max_examples=80, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(req: tuple[str, dict[str, str], dict[str, str]]) -> None:
        path, params, headers = req
        resp = client.get(path, params=params, headers=headers)
        assert resp.status_code == 200 or 400 <= resp.status_code < 500, (path, params, resp.status_code,
                                                                           resp.text[:300])
        if resp.status_code != 200:
            _one_line_error(resp)
        seen[resp.status_code] = seen.get(resp.status_code, 0) + 1

    run()
    # both kinds of answer were exercised: pages that render and inputs that are refused
    assert seen.get(200, 0) >= 10 and sum(v for k, v in seen.items() if k >= 400) >= 10, seen


@pytest.mark.parametrize(("path", "params"), [
    ("/pair/KGZ/KGZ", {}), ("/pair/XXX/CHN", {}), ("/pair/KGZ/CA5", {}), ("/pair/KGZ/CHN", {"years": "2025-2015"}),
    ("/figures/0000000000000000", {}), ("/findings", {"period": "2025-H3"}),
])
def test_bad_pages_say_what_is_wrong(client: Any, path: str, params: dict[str, str]) -> None:
    resp = client.get(path, params=params, headers=HTML)
    assert 400 <= resp.status_code < 500
    assert resp.headers["content-type"].startswith("text/html")
    _one_line_error(resp)
