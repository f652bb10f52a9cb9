"""Reading a file in the canonical columns (CSV, Parquet, Excel) and checking the whole file before anything is
staged: encoding, NUL bytes, row shape, the last row complete."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from mirrortrade.errors import (
    ParseError,
)
from mirrortrade.model.rules import NUMBER_COLUMNS, OBSERVATION

#: what a blank text column of a trade-figure file stands for (qualifier, valuation, unit: the spec's defaults)
TEXT_DEFAULTS = {
    "product": "TOTAL", "product_rev": "", "publisher": "", "title": "", "pub_date": "", "url": "", "quote": "",
    "note": "", "vintage": "", "retrieved_at": "",
    **{f.column: f.default for f in OBSERVATION.fields if f.kind == "vocab" and f.default is not None},
}
#: the number columns of a trade-figure file (:data:`mirrortrade.model.rules.NUMBER_COLUMNS`)
NUM_COLUMNS = NUMBER_COLUMNS


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _sql_list(values: Iterable[str]) -> str:
    """A SQL list literal of constant strings: ['X','M']."""
    return "[" + ",".join(_quote_literal(v) for v in values) + "]"


def _check_file(path: str | os.PathLike[str]) -> tuple[Path, str, bytes]:
    """Existence, type and the first bytes of a canonical file: (path, suffix, head)."""
    p = Path(path)
    if not p.exists():
        raise ParseError("no such file", file=str(p))
    if p.is_dir():
        raise ParseError("is a directory, expected a CSV, Parquet or Excel file", file=str(p))
    suffix = p.suffix.lower()
    if suffix not in (".parquet", ".pq", ".xlsx", ".xls", ".xlsm", ".ods", ".csv", ".txt", ".tsv", ""):
        raise ParseError(f"unsupported file type {suffix!r} (expected .csv, .parquet or .xlsx)", file=str(p))
    with p.open("rb") as f:
        head = f.read(4096)
    if not head.strip():
        raise ParseError("file is empty", file=str(p))
    _check_not_error_body(p, head, suffix)
    return p, suffix, head


#: how :func:`raw_file_sql` numbers a Parquet file's rows: by the reader, so the file is read in place
_NUMBERED = "SELECT file_row_number + 1 AS _row, * EXCLUDE (file_row_number) "


def raw_file_sql(path: str | os.PathLike[str]) -> tuple[str | None, pd.DataFrame | None, str]:
    """How to stage a canonical file in DuckDB without a pandas round trip: ``(sql, None, delimiter)`` for
    Parquet and CSV (read by DuckDB itself; Parquet rows already numbered ``_row``), ``(None, frame, "")``
    for Excel. A text file is checked whole first (:func:`check_text_file`)."""
    p, suffix, head = _check_file(path)
    if suffix in (".parquet", ".pq"):
        return f"{_NUMBERED}FROM read_parquet({_quote_literal(str(p))}, file_row_number = true)", None, ""
    if suffix in (".xlsx", ".xls", ".xlsm", ".ods"):
        return None, read_canonical_file(p), ""
    delim = _delimiter(head)
    check_text_file(p, delim)
    return csv_read_sql(p, delim), None, delim


def read_canonical_file(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a CSV, Parquet or Excel file of canonical columns into a frame of strings (Parquet keeps types)."""
    p, suffix, head = _check_file(path)
    try:
        if suffix in (".parquet", ".pq"):
            return pd.read_parquet(p)
        if suffix in (".xlsx", ".xls", ".xlsm", ".ods"):
            return _read_excel(p)
        check_text_file(p, _delimiter(head))
        return _read_csv(p, head)
    except ParseError:
        raise
    except Exception as e:  # readers raise many types; each becomes one line naming the file
        detail = str(e).splitlines()[0].replace(str(p), p.name)[:200]
        raise ParseError(
            f"cannot read as {suffix.lstrip('.') or 'CSV'} (a truncated or damaged file?): {detail}", file=str(p)
        ) from None


def _read_excel(p: Path) -> pd.DataFrame:
    """An Excel sheet as text cells. A number cell is written as the shortest text that reads back as the same
    number (``repr``), not as Excel's display digits, so an exported figure comes back with its exact value."""
    import datetime as dt
    import math

    df = pd.read_excel(p, dtype=object, engine="calamine")

    def text(v: object) -> object:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        if isinstance(v, bool):
            return str(v)
        if isinstance(v, float):
            return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
        if isinstance(v, dt.datetime):  # a date cell (pd.Timestamp is a datetime)
            return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
        if isinstance(v, dt.date):
            return v.isoformat()
        return str(v)

    return df.map(text).astype(object)


_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(head: bytes) -> str:
    """The delimiter of the header line."""
    first = next((ln for ln in head.decode("utf-8", errors="replace").splitlines() if ln.strip()), "")
    delim = max(_DELIMITERS, key=first.count)
    return delim if first.count(delim) else ","


def csv_header(p: Path, delim: str) -> list[str]:
    """The column names of a CSV file's first record (a leading BOM dropped; blank lines before it skipped)."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    if p.name.lower().endswith(".gz"):
        import gzip

        opened = gzip.open(p, "rt", encoding="utf-8-sig", errors="replace", newline="")
    else:
        opened = p.open(encoding="utf-8-sig", errors="replace", newline="")
    with opened as f:
        for fields in csv.reader(f, delimiter=delim):
            if any(x.strip() for x in fields):
                return fields
    return []


def csv_read_sql(p: Path, delim: str, *, types: dict[str, str] | None = None) -> str:
    """DuckDB's reader of a CSV file with its dialect given, not sniffed, and strict: the columns are the header's
    (text unless ``types`` says otherwise), every record must have exactly that many fields and every quote must
    close; a damaged record anywhere is an error naming its line (never silently dropped, never padded)."""
    header = csv_header(p, delim)
    seen: set[str] = set()
    for name in header:
        if name in seen or not name.strip():
            what = "an empty column name" if not name.strip() else f"column {name!r} twice"
            raise ParseError(f"the header has {what}", file=str(p), column=name or None)
        seen.add(name)
    columns = "{" + ", ".join(f"{_quote_literal(n)}: {_quote_literal((types or {}).get(n, 'VARCHAR'))}"
                              for n in header) + "}"
    return (f"SELECT * FROM read_csv({_quote_literal(str(p))}, auto_detect = false, header = true, "
            f"columns = {columns}, delim = {_quote_literal(delim)}, quote = '\"', escape = '\"', "
            "strict_mode = true, null_padding = false, ignore_errors = false)")


#: DuckDB's default limit on one CSV line (a larger limit makes every read slower: larger buffers)
_MAX_LINE_MB = 2


def _read_csv(p: Path, head: bytes) -> pd.DataFrame:
    """DuckDB's strict CSV reader with the delimiter of the header line; a failure names the line at fault."""
    delim = _delimiter(head)
    try:
        return duckdb.sql(csv_read_sql(p, delim)).df()
    except duckdb.Error as e:
        raise _csv_error(p, delim, str(e)) from None


def _csv_error(p: Path, delim: str, message: str) -> ParseError:
    """One line for a CSV DuckDB cannot read, from DuckDB's own message: a record with the wrong number of fields
    (a truncated file or a wrong delimiter), a quote never closed (a file cut inside a quoted value), a line
    too long, or DuckDB's first line."""
    import re

    line = re.search(r"CSV Error on Line: (\d+)", message)
    n = int(line[1]) if line else None
    row = n - 1 if n else None
    fields = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message)
    if n and fields:
        header, found = csv_header(p, delim), int(fields[2])
        return ParseError(
            f"line {n} has {found} fields where the header has {fields[1]} (delimiter {delim!r}): "
            "a truncated file or a wrong delimiter?",
            file=str(p), row=row, column=header[found] if found < len(header) else None,
        )
    if n and "unterminated quote" in message.lower():
        return ParseError(f"line {n}: a quoted value is never closed (a truncated file?)", file=str(p), row=row)
    if n and "maximum line size" in message.lower():
        return ParseError(f"line {n} is longer than the reader's limit of {_MAX_LINE_MB} MB (a damaged file, or a "
                          "cell holding a whole document?)", file=str(p), row=row)
    if n and ("unicode" in message.lower() or "utf-8" in message.lower()):
        return ParseError(f"line {n} is not UTF-8 text (Windows-1251?); save the file as UTF-8", file=str(p), row=row)
    first = next((ln for ln in message.splitlines() if ln.strip()), message)
    return ParseError(f"cannot read as CSV (a truncated or damaged file?): {first.replace(str(p), p.name)[:200]}",
                      file=str(p), row=row)


def _check_not_error_body(p: Path, head: bytes, suffix: str) -> None:
    """An HTML error page or a JSON error body saved under a data file's name."""
    lower = head.lower().lstrip()
    kind = "CSV" if suffix in (".csv", ".txt", ".tsv", "") else suffix.lstrip(".")
    if lower.startswith((b"<!doctype html", b"<html")) or (b"<html" in lower[:512]):
        raise ParseError(f"file is an HTML page, not {kind} data (an error page saved as data?)", file=str(p))
    if lower.startswith((b"{", b"[")):
        raise ParseError(f"file is JSON, not {kind} data (an API error body saved as data?)", file=str(p))


#: bytes read at a time by :func:`check_text_file`
_CHUNK = 8 << 20


def _column_at(p: Path, chunk: bytes, pos: int, delim: str | None) -> str | None:
    """The header's name of the field that byte ``pos`` of ``chunk`` falls in (the line read as CSV up to that
    byte), or None when the line starts in an earlier chunk."""
    if not delim:
        return None
    start = chunk.rfind(b"\n", 0, pos)
    if start < 0:
        return None
    import csv

    prefix = chunk[start + 1:pos].decode("utf-8", errors="replace")
    index = len(next(csv.reader([prefix + "x"], delimiter=delim), [""])) - 1
    header = csv_header(p, delim)
    return header[index] if index < len(header) else None


def _line_of(p: Path, offset: int) -> int:
    """The line (from 1) byte ``offset`` of the file is on (counted only when an error is reported)."""
    lines, done = 1, 0
    with p.open("rb") as f:
        while done < offset and (chunk := f.read(min(_CHUNK, offset - done))):
            lines += chunk.count(b"\n")
            done += len(chunk)
    return lines


def check_text_file(p: Path, delim: str | None = None) -> None:
    """The whole of a text file, in chunks (a 60 MB file in a fraction of a second): UTF-16/UTF-32 (by BOM or by
    NUL bytes in the first line), a NUL byte anywhere (a damaged or padded file), bytes that are not UTF-8
    (the first one named by line). Raises one :class:`ParseError` naming the file, row and column."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with p.open("rb") as f:
        while chunk := f.read(_CHUNK):
            if offset == 0:
                if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise ParseError("file is UTF-16 (or UTF-32); save it as UTF-8 CSV", file=str(p))
                first_line = chunk.split(b"\n", 1)[0]
                if b"\x00" in first_line:
                    kind = "UTF-16" if first_line.count(b"\x00") * 3 >= len(first_line) else "binary"
                    raise ParseError(f"file is {kind} (NUL bytes in its first line); save it as UTF-8 CSV",
                                     file=str(p))
            nul = chunk.find(b"\x00")
            if nul >= 0:
                line = _line_of(p, offset + nul)
                raise ParseError(
                    f"NUL byte at byte {offset + nul:,} (line {line}): a binary, damaged or padded file, not CSV text",
                    file=str(p), row=line - 1 or None, column=_column_at(p, chunk, nul, delim) if line > 1 else None,
                )
            try:
                if not (chunk.isascii() and not decoder.getstate()[0]):  # plain ASCII needs no decoding
                    decoder.decode(chunk)
            except UnicodeDecodeError as e:
                line = _line_of(p, offset + e.start)
                raise ParseError(
                    f"not UTF-8 text (line {line}, byte {offset + e.start:,}: 0x{chunk[e.start]:02x}; Windows-1251?); "
                    "save it as UTF-8",
                    file=str(p), row=line - 1 or None, column=_column_at(p, chunk, e.start, delim) if line > 1 else None,
                ) from None
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 text: the file ends inside a character (a truncated file?)", file=str(p)) from None


