"""What the national-statistics parsers share: the query, the parse report, the citation and small
helpers. The parsers import this module; the registry in ``__init__`` imports the parsers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mirrortrade.data import NATIONAL_SOURCES
from mirrortrade.errors import ParseError
from mirrortrade.model import Citation, Observation
from mirrortrade.sources.http import Raw, local_raw


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
    _, publisher, title = NATIONAL_SOURCES[country]
    return Citation(publisher=publisher, title=title, url=raw.url)


def source_id(country: str) -> str:
    return NATIONAL_SOURCES[country][0]


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
    seen: dict[tuple[str, str, str], Observation] = {}
    for o in obs:
        k = (o.partner, o.flow, o.period)
        if k in seen and seen[k].value_usd != o.value_usd:
            raise ParseError(
                f"two values for {o.partner} {o.flow} {o.period}: {seen[k].value_usd} and {o.value_usd}", file=file
            )
        seen[k] = o
    return list(seen.values())
