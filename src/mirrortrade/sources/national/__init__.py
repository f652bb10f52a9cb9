"""National statistics files as published: Kazakhstan (BNS), Kyrgyzstan (NSC), Uzbekistan (stat.uz).

Each module reads one publisher's file layout and returns Observations for *all* partners
(countries only; totals and regional groups are excluded by exact name, see
``mirrortrade.sources.names``). Values are published in thousand US dollars. The citation
uses the same publisher and title as the embedded dataset, so a figure ingested again from
the same file is the same figure in the store (and a revised value becomes a new vintage).

The four steps are the same as for the web sources, with a local file as the "response":
``check(query)`` validates the path and country, ``build(query)`` gives the request (a
``file://`` URL), ``fetch(request)`` records the file's sha256 and time, ``parse(raw)`` reads it.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import duckdb

from mirrortrade.errors import CodeError, SourceError
from mirrortrade.sources.http import Raw, Request, local_raw
from mirrortrade.sources.national import kaz_bns, kgz_nsc, uzb_stat
from mirrortrade.sources.national.common import NationalQuery, ParseReport, source_id
from mirrortrade.store.files import _csv_error, _delimiter, check_text_file, csv_read_sql

__all__ = [
    "PARSERS", "NationalQuery", "ParseReport", "build", "check", "check_text_table", "fetch", "parse", "parser_for",
]


#: the parser module for each country's statistics office
PARSERS: dict[str, ModuleType] = {"KAZ": kaz_bns, "KGZ": kgz_nsc, "UZB": uzb_stat}


def parser_for(country: str) -> ModuleType:
    c = country.strip().upper()
    if c not in PARSERS:
        raise CodeError(f"no national statistics parser for {country!r} (have {', '.join(PARSERS)})", column="country")
    return PARSERS[c]


def check(query: NationalQuery) -> NationalQuery:
    p = Path(query.path)
    if not p.is_file():
        raise SourceError(f"{p}: no such file")
    parser_for(query.country)
    if query.flow is not None and query.flow.upper() not in ("X", "M"):
        raise CodeError(f"flow {query.flow!r}: expected X or M", column="flow")
    return query


def build(query: NationalQuery) -> Request:
    q = check(query)
    return Request(source_id(q.country.upper()), Path(q.path).resolve().as_uri(), expect="file", label=str(q.path))


def fetch(request: Request) -> Raw:
    from urllib.parse import unquote, urlsplit

    return local_raw(unquote(urlsplit(request.url).path), source_id=request.source_id)


def parse(query: NationalQuery, raw: Raw | None = None) -> ParseReport:
    """Parse a national file with the parser for ``query.country``."""
    q = check(query)
    raw = raw or fetch(build(q))
    check_text_table(raw.path)
    return parser_for(q.country).parse_report(raw, flow=q.flow, vintage=q.vintage)


def check_text_table(path: str | os.PathLike[str]) -> None:
    """A national CSV checked whole before it is parsed, as ``ingest`` checks a canonical one: UTF-8 and no NUL
    byte anywhere, every record with the header's number of fields (a cut-off or padded file is one ParseError
    naming line and column, never a parser traceback). Workbooks are checked by their reader."""
    p = Path(path)
    if p.suffix.lower() not in (".csv", ".txt", ".tsv") or not p.is_file():
        return
    with p.open("rb") as f:
        delim = _delimiter(f.read(4096))
    check_text_file(p, delim)
    try:
        duckdb.sql(f"SELECT count(*) FROM ({csv_read_sql(p, delim)})").fetchall()
    except duckdb.Error as e:
        raise _csv_error(p, delim, str(e)) from None
