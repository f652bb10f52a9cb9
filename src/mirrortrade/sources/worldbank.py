"""World Bank GDP in current US$ (WDI ``NY.GDP.MKTP.CD``): API JSON and the bulk CSV shape.

API: ``https://api.worldbank.org/v2/country/KAZ;KGZ/indicator/NY.GDP.MKTP.CD?format=json&date=2015:2025&per_page=...``
answers ``[{page, pages, per_page, total, sourceid, lastupdated}, [{indicator, country,
countryiso3code, date, value, unit, obs_status, decimal}, ...]]``; an error is
``[{"message": [{"id", "key", "value"}]}]``. ``lastupdated`` is the vintage. World Bank
aggregates (WLD, ECS, ...) are not countries and are skipped.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from mirrortrade.errors import CodeError, ParseError, SourceError
from mirrortrade.model import Citation, Indicator, check_code, is_country
from mirrortrade.sources.http import Fetcher, Raw, Request
from mirrortrade.sources.http import fetch as fetch  # the shared fetch step, re-exported

SOURCE_ID = "WB-WDI"
BASE = "https://api.worldbank.org/v2"
INDICATOR = "NY.GDP.MKTP.CD"
PUBLISHER = "World Bank, World Development Indicators"
TITLE = "GDP (current US$), NY.GDP.MKTP.CD, WDI API v2"


@dataclass(frozen=True)
class WbQuery:
    countries: tuple[str, ...]
    years: tuple[int, ...]
    indicator: str = INDICATOR
    base: str = BASE


def check(query: WbQuery) -> WbQuery:
    if not query.countries:
        raise CodeError("no country given", column="country")
    cs = tuple(check_code(c, field_name="country", allow_aggregate=False) for c in query.countries)
    if not query.years:
        raise CodeError("no years given", column="period")
    return replace(query, countries=cs, years=tuple(sorted({int(y) for y in query.years})))


def build(query: WbQuery, page: int = 1) -> list[Request]:
    q = check(query)
    y0, y1 = min(q.years), max(q.years)
    per_page = max(100, len(q.countries) * (y1 - y0 + 1))
    params = [("format", "json"), ("date", f"{y0}:{y1}"), ("per_page", str(per_page))]
    if page > 1:
        params.append(("page", str(page)))
    url = f"{q.base}/country/{';'.join(q.countries)}/indicator/{q.indicator}"
    return [Request(SOURCE_ID, url, tuple(params), expect="json", accept="application/json",
                    label=f"World Bank {q.indicator} page {page}")]


def fetch_all(query: WbQuery, fetcher: Fetcher) -> list[Raw]:
    """Page 1, then any further pages the envelope announces."""
    first = fetcher.fetch(build(query)[0])
    raws = [first]
    pages = int(_envelope(first)[0].get("pages") or 1)
    for page in range(2, pages + 1):
        raws.append(fetcher.fetch(build(query, page)[0]))
    return raws


def _envelope(raw: Raw | str | os.PathLike[str]) -> tuple[dict, list]:
    url = raw.url if isinstance(raw, Raw) else str(raw)
    doc = raw.json() if isinstance(raw, Raw) else json.loads(Path(raw).read_bytes())
    if not (isinstance(doc, list) and doc and isinstance(doc[0], dict)):
        raise SourceError(f"{url}: not a World Bank API response (expected [meta, rows])")
    if "message" in doc[0]:
        raise SourceError(f"{url}: the API returned an error: {doc[0]['message']}")
    rows = doc[1] if len(doc) > 1 and isinstance(doc[1], list) else []
    return doc[0], rows


def parse(raw: Raw | str | os.PathLike[str]) -> list[Indicator]:
    meta, rows = _envelope(raw)
    url = raw.url if isinstance(raw, Raw) else ""
    retrieved = raw.retrieved_at if isinstance(raw, Raw) else ""
    updated = str(meta.get("lastupdated") or "")[:10]
    cit = Citation(publisher=PUBLISHER, title=TITLE, date=updated, url=url)
    out = []
    for r in rows:
        iso = str(r.get("countryiso3code") or "").strip().upper()
        if r.get("value") is None or not is_country(iso):
            continue
        out.append(Indicator(
            country=iso, indicator="gdp_usd", period=str(r["date"]), value=float(r["value"]), unit="USD",
            source_id=SOURCE_ID, citation=cit, vintage=updated, retrieved_at=retrieved,
            note=f"obs_status {r['obs_status']}" if r.get("obs_status") else "",
        ))
    return out


def parse_csv(path: str | os.PathLike[str], *, vintage: str = "", url: str = "") -> list[Indicator]:
    """The bulk CSV shape (``Country Name, Country Code, Year, Value``, as datasets/gdp publishes it)."""
    p = Path(path)
    cit = Citation(publisher=PUBLISHER, title="GDP (current US$), NY.GDP.MKTP.CD, bulk CSV", date=vintage, url=url)
    out = []
    with p.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        need = {"Country Code", "Year", "Value"}
        if not need <= set(reader.fieldnames or ()):
            raise ParseError(f"expected columns {sorted(need)}, found {reader.fieldnames}", file=str(p))
        for i, r in enumerate(reader, start=1):
            iso = r["Country Code"].strip().upper()
            if not is_country(iso) or not r["Value"].strip():
                continue
            try:
                value = float(r["Value"])
            except ValueError:
                raise ParseError(f"{r['Value']!r} is not a number", file=str(p), row=i, column="Value") from None
            out.append(Indicator(country=iso, indicator="gdp_usd", period=r["Year"].strip(), value=value, unit="USD",
                                 source_id=SOURCE_ID, citation=cit, vintage=vintage))
    return out
