"""World Bank GDP: the API envelope (constructed: no recorded response exists) and the bulk CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mirrortrade.errors import SourceError
from mirrortrade.sources import worldbank
from mirrortrade.sources.http import Fetcher

from .conftest import DATA, FakeServer, Reply


def envelope() -> list[object]:
    """A CONSTRUCTED response in the documented WB API v2 shape (fixtures SOURCES.md: no recorded
    ?format=json response was found). Values are those of fixtures/worldbank/gdp.csv."""
    row = {"indicator": {"id": "NY.GDP.MKTP.CD", "value": "GDP (current US$)"}, "unit": "", "obs_status": "", "decimal": 0}
    return [
        {"page": 1, "pages": 1, "per_page": 100, "total": 4, "sourceid": "2", "lastupdated": "2025-07-01"},
        [
            {**row, "country": {"id": "KG", "value": "Kyrgyz Republic"}, "countryiso3code": "KGZ", "date": "2023",
             "value": 13987627908.84},
            {**row, "country": {"id": "KZ", "value": "Kazakhstan"}, "countryiso3code": "KAZ", "date": "2023",
             "value": 261421121085.57},
            {**row, "country": {"id": "KG", "value": "Kyrgyz Republic"}, "countryiso3code": "KGZ", "date": "2024",
             "value": None},
            {**row, "country": {"id": "1W", "value": "World"}, "countryiso3code": "WLD", "date": "2022",
             "value": 101225059591362.84},
        ],
    ]


def test_url() -> None:
    (req,) = worldbank.build(worldbank.WbQuery(countries=("KAZ", "KGZ"), years=(2015, 2025)))
    assert req.full_url == (
        "https://api.worldbank.org/v2/country/KAZ;KGZ/indicator/NY.GDP.MKTP.CD?format=json&date=2015:2025&per_page=100"
    )


def test_parse_constructed_envelope(tmp_path: Path) -> None:
    p = tmp_path / "wb.json"
    p.write_text(json.dumps(envelope()))
    got = {(i.country, i.period): i.value for i in worldbank.parse(p)}
    assert got == {("KGZ", "2023"): 13987627908.84, ("KAZ", "2023"): 261421121085.57}  # null and WLD skipped
    assert {i.vintage for i in worldbank.parse(p)} == {"2025-07-01"}  # lastupdated


def test_error_envelope_is_a_source_error(server: FakeServer, fetcher: Fetcher) -> None:
    body = [{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}]
    server.script("/v2/", [Reply(200, json.dumps(body).encode(), "application/json;charset=utf-8")])
    q = worldbank.WbQuery(countries=("KGZ",), years=(2023,), base=server.base + "/v2")
    with pytest.raises(SourceError, match="Invalid value The provided parameter value is not valid"):
        worldbank.fetch_all(q, fetcher)


def test_pages_are_followed(server: FakeServer, fetcher: Fetcher) -> None:
    env = envelope()
    p1 = [dict(env[0], pages=2), env[1][:1]]
    p2 = [dict(env[0], page=2, pages=2), env[1][1:2]]
    server.fn = lambda path: Reply(200, json.dumps(p2 if "page=2" in path else p1).encode(), "application/json;charset=utf-8")
    raws = worldbank.fetch_all(worldbank.WbQuery(countries=("KGZ", "KAZ"), years=(2023,), base=server.base + "/v2"), fetcher)
    assert sorted(i.country for r in raws for i in worldbank.parse(r)) == ["KAZ", "KGZ"]
    assert len(server.seen) == 2


def test_bulk_csv() -> None:
    inds = worldbank.parse_csv(DATA / "worldbank" / "gdp.csv", vintage="2026-03-20")
    got = {(i.country, i.period): i.value for i in inds}
    # values as in the file (SOURCES.md lists them rounded: KGZ 2023 13,987,627,908.84)
    assert got[("KGZ", "2023")] == 13987627908.838139
    assert got[("CHN", "2010")] == 6087191746679.489
    assert got[("USA", "2020")] == 21322950000000.0
    assert not any(c in ("WLD", "ECS") for c, _ in got)  # WB aggregates are not countries
    assert ("TWN", "2023") not in got
