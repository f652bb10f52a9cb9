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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType

from mirrortrade.errors import CodeError, ParseError, SourceError
from mirrortrade.model import Citation, Observation
from mirrortrade.sources.http import Raw, Request, local_raw


@dataclass(frozen=True)
class NationalQuery:
    path: Path
    country: str  # KAZ | KGZ | UZB
    flow: str | None = None  # UZB only: X or M when the file name does not say
    vintage: str = ""  # publication date when the file does not state it


@dataclass
class ParseReport:
    observations: list[Observation]
    skipped: list[str] = field(default_factory=list)  # non-country rows we knowingly left out
    notes: list[str] = field(default_factory=list)


def citation(country: str, raw: Raw) -> Citation:
    from mirrortrade.data import NATIONAL_SOURCES

    _, publisher, title = NATIONAL_SOURCES[country]
    return Citation(publisher=publisher, title=title, url=raw.url)


def source_id(country: str) -> str:
    from mirrortrade.data import NATIONAL_SOURCES

    return NATIONAL_SOURCES[country][0]


def parser_for(country: str) -> ModuleType:
    from mirrortrade.sources.national import kaz_bns, kgz_nsc, uzb_stat

    modules = {"KAZ": kaz_bns, "KGZ": kgz_nsc, "UZB": uzb_stat}
    c = country.strip().upper()
    if c not in modules:
        raise CodeError(f"no national statistics parser for {country!r} (have {', '.join(modules)})", column="country")
    return modules[c]


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
    from pathlib import Path

    import duckdb

    from mirrortrade.frames import _csv_error, _delimiter, check_text_file, csv_read_sql

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


def today() -> str:
    return date.today().isoformat()


def read_sheets(file: str) -> dict[str, list[list[object]]]:
    """Every sheet of a workbook as rows of cell values; a file calamine cannot read is one ParseError."""
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(file)
        return {s: wb.get_sheet_by_name(s).to_python() for s in wb.sheet_names}
    except Exception as e:  # calamine raises its own error types
        raise ParseError(f"cannot read as a spreadsheet: {str(e).splitlines()[0][:200]}", file=file) from None


def as_raw(path_or_raw: Raw | str | os.PathLike[str], country: str) -> Raw:
    if isinstance(path_or_raw, Raw):
        return path_or_raw
    return local_raw(path_or_raw, source_id=source_id(country))


def dedupe(obs: list[Observation], file: str) -> list[Observation]:
    """One value per partner, flow and period: a figure printed twice (two rows naming the same
    country, or the same year in two sheets) must carry one value, else the file is ambiguous."""
    from mirrortrade.errors import ParseError

    seen: dict[tuple[str, str, str], Observation] = {}
    for o in obs:
        k = (o.partner, o.flow, o.period)
        if k in seen and seen[k].value_usd != o.value_usd:
            raise ParseError(
                f"two values for {o.partner} {o.flow} {o.period}: {seen[k].value_usd} and {o.value_usd}", file=file
            )
        seen[k] = o
    return list(seen.values())
