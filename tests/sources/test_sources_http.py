"""The HTTP layer against a real local server: retries, refusals, cache, offline, atomic writes."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from mirrortrade.errors import SourceError
from mirrortrade.sources.http import Cache, Fetcher, Request, parse_retry_after

from .conftest import FakeServer, Reply, Sleeps

OK = json.dumps({"count": 1, "data": [{"x": 1}], "error": ""}).encode()


def _req(server: FakeServer, path: str = "/data", **kw: object) -> Request:
    return Request("UN-COMTRADE", server.base + path, (("period", "2019,2020"), ("reporterCode", "156")), **kw)  # type: ignore[arg-type]


def _files(cache: Cache) -> list[Path]:
    return sorted(p for p in cache.root.rglob("*") if p.is_file()) if cache.root.exists() else []


def test_429_with_retry_after_is_honoured_then_200(server: FakeServer, fetcher: Fetcher, sleeps: Sleeps) -> None:
    server.script("/data", [Reply(429, b"rate limited", "text/plain", {"Retry-After": "7"}), Reply(200, OK)])
    raw = fetcher.fetch(_req(server))
    assert raw.json()["count"] == 1 and raw.status == 200
    assert len(server.seen) == 2
    assert sleeps.calls == [7.0]  # the server's Retry-After, not the backoff (1.0)


def test_500s_are_retried_with_backoff(server: FakeServer, fetcher: Fetcher, sleeps: Sleeps) -> None:
    server.script("/data", [Reply(500, b"oops", "text/plain"), Reply(503, b"busy", "text/plain"), Reply(200, OK)])
    assert fetcher.fetch(_req(server)).json()["data"] == [{"x": 1}]
    assert sleeps.calls == [1.0, 2.0]  # exponential: base, 2*base
    assert fetcher.stats["retries"] == 2


def test_retries_are_bounded(server: FakeServer, fetcher: Fetcher, cache: Cache) -> None:
    server.script("/data", [Reply(502, b"bad gateway", "text/plain")])
    with pytest.raises(SourceError) as e:
        fetcher.fetch(_req(server))
    msg = str(e.value)
    assert "gave up after 4 attempts" in msg and "HTTP 502" in msg and "\n" not in msg
    assert len(server.seen) == 4
    assert _files(cache) == []


def test_timeout_then_success(server: FakeServer, fetcher: Fetcher) -> None:
    server.script("/data", [Reply(200, OK, delay=1.5), Reply(200, OK)])  # client timeout is 0.5 s
    raw = fetcher.fetch(_req(server))
    assert raw.json()["count"] == 1
    assert len(server.seen) == 2


def test_truncated_body_is_retried_and_never_cached(server: FakeServer, fetcher: Fetcher, cache: Cache) -> None:
    server.script("/data", [Reply(200, OK[:10], content_length=len(OK) + 100)])
    with pytest.raises(SourceError) as e:
        fetcher.fetch(_req(server))
    assert "truncated" in str(e.value) or "incomplete" in str(e.value).lower()
    # a dead download leaves nothing behind: no entry, no partial body
    assert _files(cache) == []
    assert cache.get(_req(server)) is None
    # the next run downloads the whole body again
    server.script("/data", [Reply(200, OK)])
    raw = fetcher.fetch(_req(server))
    assert "range" not in server.seen[-1].headers
    assert raw.read_bytes() == OK and not raw.from_cache
    assert [p.name.endswith(".part") for p in _files(cache)] == [False, False]


def test_html_error_page_with_status_200_is_refused(server: FakeServer, fetcher: Fetcher, cache: Cache) -> None:
    page = b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Maintenance</body></html>"
    server.script("/data", [Reply(200, page, "text/html")])
    with pytest.raises(SourceError) as e:
        fetcher.fetch(_req(server))
    msg = str(e.value)
    assert msg.startswith(server.base + "/data?period=2019,2020") and "HTML page" in msg and "Maintenance" in msg
    assert len(server.seen) == 1  # not retried: a page is not data
    assert _files(cache) == []


def test_html_served_as_json_content_type_is_refused(server: FakeServer, fetcher: Fetcher) -> None:
    server.script("/data", [Reply(200, b"  <html><body>Please log in</body></html>", "application/json")])
    with pytest.raises(SourceError, match="HTML page"):
        fetcher.fetch(_req(server))


def test_json_error_body_is_refused(server: FakeServer, fetcher: Fetcher) -> None:
    body = json.dumps({"elapsedTime": "0.1 secs", "count": 0, "data": [], "error": "Invalid reporterCode"}).encode()
    server.script("/data", [Reply(200, body)])
    with pytest.raises(SourceError, match="Invalid reporterCode"):
        fetcher.fetch(_req(server))


def test_azure_401_json_is_one_line_and_not_retried(server: FakeServer, fetcher: Fetcher) -> None:
    body = json.dumps({"statusCode": 401, "message": "Access denied due to invalid subscription key."}).encode()
    server.script("/data", [Reply(401, body)])
    with pytest.raises(SourceError) as e:
        fetcher.fetch(_req(server))
    assert "HTTP 401" in str(e.value) and "invalid subscription key" in str(e.value)
    assert len(server.seen) == 1


def test_wrong_content_type_is_refused(server: FakeServer, fetcher: Fetcher) -> None:
    server.script("/data", [Reply(200, b"a,b\n1,2\n", "text/csv")])
    with pytest.raises(SourceError, match="wrong content type 'text/csv', expected JSON"):
        fetcher.fetch(_req(server))


def test_sdmx_error_message_and_cut_xml_are_refused(server: FakeServer, fetcher: Fetcher) -> None:
    err = (b'<?xml version="1.0"?><message:Error xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message">'
           b'<message:ErrorMessage code="100"><common:Text xmlns:common="c">No Results Found</common:Text>'
           b"</message:ErrorMessage></message:Error>")
    server.script("/err", [Reply(200, err, "application/xml")])
    with pytest.raises(SourceError, match="SDMX error message: No Results Found"):
        fetcher.fetch(_req(server, "/err", expect="xml", accept="application/xml"))
    server.script("/cut", [Reply(200, b"<?xml version='1.0'?><a><b>", "application/xml")])
    with pytest.raises(SourceError, match="not well-formed XML"):
        fetcher.fetch(_req(server, "/cut", expect="xml", accept="application/xml"))


def test_cache_entry_has_body_and_metadata_and_serves_reruns(server: FakeServer, fetcher: Fetcher, cache: Cache) -> None:
    server.script("/data", [Reply(200, OK)])
    req = _req(server)
    first = fetcher.fetch(req)
    second = fetcher.fetch(req)
    assert len(server.seen) == 1 and second.from_cache and second.read_bytes() == OK
    meta = json.loads(next(p for p in _files(cache) if p.suffix == ".json").read_text())
    assert meta["url"] == req.full_url == f"{server.base}/data?period=2019,2020&reporterCode=156"
    assert meta["params"] == [["period", "2019,2020"], ["reporterCode", "156"]]
    assert meta["status"] == 200 and meta["content_type"] == "application/json"
    import hashlib

    assert meta["sha256"] == hashlib.sha256(OK).hexdigest() == first.sha256
    assert meta["retrieved_at"] == first.retrieved_at
    # content-addressed: the file name is the request's key
    assert first.path.name == f"{req.cache_key}.body"


def test_refresh_bypasses_the_cache(server: FakeServer, new_fetcher) -> None:  # type: ignore[no-untyped-def]
    server.script("/data", [Reply(200, OK)])
    new_fetcher().fetch(_req(server))
    raw = new_fetcher(refresh=True).fetch(_req(server))
    assert not raw.from_cache and len(server.seen) == 2


def test_damaged_cache_entry_is_refetched(server: FakeServer, fetcher: Fetcher) -> None:
    server.script("/data", [Reply(200, OK)])
    raw = fetcher.fetch(_req(server))
    raw.path.write_bytes(OK[:5])  # a body that no longer matches its sha256
    again = fetcher.fetch(_req(server))
    assert not again.from_cache and again.read_bytes() == OK and len(server.seen) == 2


def test_offline_says_exactly_what_is_missing_and_opens_no_socket(
    server: FakeServer, new_fetcher, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    server.script("/data", [Reply(200, OK)])
    new_fetcher().fetch(_req(server))
    off = new_fetcher(offline=True)
    other = _req(server, "/other")

    def no_socket(*a: object, **k: object) -> None:
        raise AssertionError("offline mode opened a socket")

    monkeypatch.setattr(socket.socket, "connect", no_socket)
    assert off.fetch(_req(server)).from_cache
    with pytest.raises(SourceError) as e:
        off.require_cached([_req(server), other])
    msg = str(e.value)
    assert msg.startswith("offline: 1 of 2 responses are not in the cache")
    assert other.full_url in msg and _req(server).full_url not in msg
    with pytest.raises(SourceError, match="offline"):
        off.fetch(other)


def test_secret_header_is_sent_but_never_written(server: FakeServer, fetcher: Fetcher, cache: Cache) -> None:
    server.script("/data", [Reply(200, OK)])
    fetcher.fetch(_req(server, secret_headers=(("Ocp-Apim-Subscription-Key", "s3cr3t-key"),)))
    assert server.seen[0].headers["ocp-apim-subscription-key"] == "s3cr3t-key"
    for p in _files(cache):
        assert b"s3cr3t-key" not in p.read_bytes()


def test_retry_after_http_date() -> None:
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    assert parse_retry_after("soon") is None


def test_the_guard_refuses_the_network() -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(BaseException, match="non-loopback"):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()


def test_module_fetch_uses_the_default_cache(server: FakeServer) -> None:
    """``comtrade.fetch(request)`` with no Fetcher: default policy, the cache under $MIRRORTRADE_CACHE."""
    from mirrortrade.sources import comtrade

    server.script("/data", [Reply(200, OK)])
    raw = comtrade.fetch(_req(server))
    assert raw.json()["count"] == 1
    assert comtrade.fetch(_req(server)).from_cache and len(server.seen) == 1
    assert Cache().has(_req(server))
