"""Canonical-column files and frames -> validated, normalised rows, inside DuckDB.

Validation runs as SQL over the staged input (so a 5M-row Parquet file ingests at DuckDB speed);
the first bad value found is reported with file, row and column. Rows are numbered from 1 for
the first data row (a CSV's header is not counted).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from mirrortrade.errors import CodeError, DuplicateError, ParseError, PeriodError
from mirrortrade.model import (
    AGGREGATES,
    CANONICAL_COLUMNS,
    FLOWS,
    QUALIFIERS,
    REQUIRED_COLUMNS,
    UNIT_SCALES,
    VALUATIONS,
    Indicator,
    Observation,
    Period,
    _iso3_codes,
    check_source,
)

TEXT_DEFAULTS = {
    "product": "TOTAL", "product_rev": "", "qualifier": "exact", "valuation": "UNKNOWN", "publisher": "",
    "title": "", "pub_date": "", "url": "", "quote": "", "note": "", "unit": "USD", "vintage": "",
    "retrieved_at": "",
}
NUM_COLUMNS = ("value_usd", "value", "precision_usd", "growth_pct", "growth_precision")


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


def raw_file_sql(path: str | os.PathLike[str]) -> tuple[str | None, pd.DataFrame | None, str]:
    """How to stage a canonical file in DuckDB without a pandas round trip: ``(sql, None, delimiter)`` for
    Parquet and CSV (read by DuckDB itself), ``(None, frame, "")`` for Excel."""
    p, suffix, head = _check_file(path)
    if suffix in (".parquet", ".pq"):
        return f"SELECT * FROM read_parquet({_quote_literal(str(p))})", None, ""
    if suffix in (".xlsx", ".xls", ".xlsm", ".ods"):
        return None, read_canonical_file(p), ""
    _check_text_encoding(p)
    delim = _delimiter(head)
    return (f"SELECT * FROM read_csv({_quote_literal(str(p))}, all_varchar = true, header = true, "
            f"delim = {_quote_literal(delim)})"), None, delim


def read_canonical_file(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a CSV, Parquet or Excel file of canonical columns into a frame of strings (Parquet keeps types)."""
    p, suffix, head = _check_file(path)
    try:
        if suffix in (".parquet", ".pq"):
            return pd.read_parquet(p)
        if suffix in (".xlsx", ".xls", ".xlsm", ".ods"):
            return pd.read_excel(p, dtype=str, engine="calamine")
        _check_text_encoding(p)
        return _read_csv(p, head)
    except ParseError:
        raise
    except Exception as e:  # readers raise many types; each becomes one line naming the file
        detail = str(e).splitlines()[0].replace(str(p), p.name)[:200]
        raise ParseError(
            f"cannot read as {suffix.lstrip('.') or 'CSV'} (a truncated or damaged file?): {detail}", file=str(p)
        ) from None


_DELIMITERS = (",", ";", "\t", "|")


def _delimiter(head: bytes) -> str:
    """The delimiter of the header line."""
    first = next((ln for ln in head.decode("utf-8", errors="replace").splitlines() if ln.strip()), "")
    delim = max(_DELIMITERS, key=first.count)
    return delim if first.count(delim) else ","


def _read_csv(p: Path, head: bytes) -> pd.DataFrame:
    """DuckDB's CSV reader with the delimiter of the header line; a failure names the line at fault."""
    delim = _delimiter(head)
    try:
        return duckdb.read_csv(str(p), all_varchar=True, header=True, delimiter=delim).df()
    except duckdb.Error as e:
        raise _csv_error(p, delim, str(e)) from None


def _csv_error(p: Path, delim: str, message: str) -> ParseError:
    """One line for a CSV DuckDB cannot read: a non-UTF-8 line, a ragged (truncated) row, or DuckDB's first line."""
    import csv
    import re

    line = re.search(r"CSV Error on Line: (\d+)", message)
    if line and ("unicode" in message.lower() or "utf-8" in message.lower()):
        n = int(line[1])
        return ParseError(f"line {n} is not UTF-8 text (Windows-1251?); save the file as UTF-8", file=str(p), row=n - 1)
    with p.open(encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f, delimiter=delim)
        header = next(reader, [])
        for fields in reader:
            if fields and len(fields) != len(header):
                n = reader.line_num
                return ParseError(
                    f"line {n} has {len(fields)} fields where the header has {len(header)} (delimiter {delim!r}): "
                    "a truncated file or a wrong delimiter?",
                    file=str(p), row=n - 1,
                )
    return ParseError(f"cannot read as CSV: {message.splitlines()[0][:200]}", file=str(p))


def _check_not_error_body(p: Path, head: bytes, suffix: str) -> None:
    """An HTML error page or a JSON error body saved under a data file's name."""
    lower = head.lower().lstrip()
    kind = "CSV" if suffix in (".csv", ".txt", ".tsv", "") else suffix.lstrip(".")
    if lower.startswith((b"<!doctype html", b"<html")) or (b"<html" in lower[:512]):
        raise ParseError(f"file is an HTML page, not {kind} data (an error page saved as data?)", file=str(p))
    if lower.startswith((b"{", b"[")):
        raise ParseError(f"file is JSON, not {kind} data (an API error body saved as data?)", file=str(p))


def _check_text_encoding(p: Path) -> None:
    head = p.read_bytes()[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise ParseError("file is UTF-16 or binary; save it as UTF-8 CSV", file=str(p))
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:
            raise ParseError(
                f"not UTF-8 text (byte {e.start}: 0x{head[e.start]:02x}; Windows-1251?); save it as UTF-8", file=str(p)
            ) from None


def observations_rows(observations: Iterable[Observation]) -> pd.DataFrame:
    """Observation records as a frame in the canonical columns (not yet validated)."""
    rows = [o.to_row() for o in observations]
    cols = [c for c in (*CANONICAL_COLUMNS, "retrieved_at") if c not in ("value", "unit")]
    return pd.DataFrame(rows, columns=cols)


def indicators_frame(indicators: Iterable[Indicator]) -> pd.DataFrame:
    rows = []
    for ind in indicators:
        r = ind.to_row()
        p = Period.parse(r["period"])
        lo, hi = ind.interval
        r.update(period_kind=p.kind, period_start=p.start, period_end=p.end, value_low=lo, value_high=hi)
        rows.append(r)
    df = pd.DataFrame(rows)
    if df.empty:
        from mirrortrade.store import IND_COLUMNS

        return pd.DataFrame(columns=list(IND_COLUMNS))
    con = duckdb.connect()
    con.register("ind", df)
    out = con.execute(
        """SELECT md5(concat_ws('|', key_id, CAST(value AS VARCHAR), precision, qualifier, vintage))[:16] AS figure_id, *
        FROM (SELECT md5(concat_ws('|', source_id, coalesce(publisher,''), coalesce(title,''), country,
                     coalesce(partner,''), indicator, period, unit))[:16] AS key_id, * FROM ind)"""
    ).df()
    out["vintage"] = pd.to_datetime(out["vintage"]).dt.date
    return out


def normalize_observations(df: pd.DataFrame, *, file: str | None = None, check_units: bool = True) -> pd.DataFrame:
    """Validate a canonical frame and return it normalised with ids, intervals and period columns.

    Raises :class:`ParseError` (or a subclass) naming file, row and column on the first bad value.
    """
    con = duckdb.connect()
    try:
        return stage_observations(con, df, file=file, check_units=check_units)
    finally:
        con.close()


def stage_observations(
    con: duckdb.DuckDBPyConnection, df: pd.DataFrame | None = None, *, file: str | None, check_units: bool = True,
    raw_sql: str | None = None, keep: bool = False, csv_delimiter: str = "",
) -> pd.DataFrame | None:
    """Validate and normalise canonical rows from a frame (``df``) or a DuckDB query (``raw_sql``, e.g. a
    ``read_parquet``). With ``keep`` the result stays in the temp table ``_norm`` of ``con`` (one row per
    figure id) and nothing is returned; otherwise it is returned as a frame."""
    for t in ("_raw", "_stage", "_norm"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    if raw_sql is not None:
        try:
            con.execute(f"CREATE TEMP TABLE _raw AS SELECT row_number() OVER () AS _row, * FROM ({raw_sql})")
        except duckdb.Error as e:
            if csv_delimiter and file:
                raise _csv_error(Path(file), csv_delimiter, str(e)) from None
            detail = str(e).splitlines()[0][:200]
            kind = "CSV"
            if file:
                detail = detail.replace(str(file), Path(file).name)
                kind = Path(file).suffix.lstrip(".") or "CSV"
            raise ParseError(f"cannot read as {kind} (a truncated or damaged file?): {detail}", file=file) from None
        names = [r[0] for r in con.execute("DESCRIBE _raw").fetchall()][1:]
        for n in [n for n in names if n.startswith("__index_level_")]:
            # a pandas index written into a Parquet file is not data (pandas itself reads it back as the index)
            con.execute(f"ALTER TABLE _raw DROP COLUMN {_q(n)}")
            names.remove(n)
        renamed = {n: n.strip() for n in names if n != n.strip()}
        for old, new in renamed.items():
            con.execute(f"ALTER TABLE _raw RENAME COLUMN {_q(old)} TO {_q(new)}")
        cols = [n.strip() for n in names]
        n_rows = con.execute("SELECT count(*) FROM _raw").fetchone()[0]
    else:
        assert df is not None
        cols = [str(c).strip() for c in df.columns]
        df = df.set_axis(cols, axis=1)
        n_rows = len(df)
    unknown = [c for c in cols if c not in CANONICAL_COLUMNS and c not in ("retrieved_at",)]
    months_col = next((c for c in unknown if c.lower() in ("months", "n_months", "month_count")), None)
    if months_col:
        raise ParseError(
            f"column {months_col!r} is not canonical: write a partial year in the period itself "
            "(January-November 2025 is 2025-01/2025-11)",
            file=file, column=months_col,
        )
    if unknown:
        raise ParseError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; expected the canonical columns "
            f"({', '.join(REQUIRED_COLUMNS)}, value_usd or value+unit, ...)",
            file=file, column=unknown[0],
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in cols]
    if missing:
        raise ParseError(f"missing required column(s) {', '.join(missing)}", file=file, column=missing[0])
    if "value_usd" not in cols and "value" not in cols:
        raise ParseError("missing a value column: value_usd, or value with unit", file=file, column="value_usd")
    if "value_usd" in cols and "value" in cols:
        raise ParseError("both value_usd and value given; use one", file=file, column="value")
    if n_rows == 0:
        raise ParseError("no data rows", file=file)

    if raw_sql is None:
        con.register("_raw_in", df)
        con.execute("CREATE OR REPLACE TEMP TABLE _raw AS SELECT row_number() OVER () AS _row, * FROM _raw_in")
        con.unregister("_raw_in")

    def first_bad(cond: str, column: str) -> tuple[int, object] | None:
        r = con.execute(f"SELECT _row, {_q(column)} FROM _raw WHERE {cond} ORDER BY _row LIMIT 1").fetchone()
        return (int(r[0]), r[1]) if r else None

    # text columns: trim; codes upper
    def txt(c: str, upper: bool = False) -> str:
        if c not in cols:
            d = TEXT_DEFAULTS.get(c, "")
            return f"'{d}'" if d else "NULL::VARCHAR"
        e = f"nullif(trim(CAST({_q(c)} AS VARCHAR)), '')"
        return f"upper({e})" if upper else e

    # numbers
    for c in NUM_COLUMNS:
        if c in cols:
            bad = first_bad(
                f"{_q(c)} IS NOT NULL AND trim(CAST({_q(c)} AS VARCHAR)) NOT IN ('') "
                f"AND TRY_CAST(trim(CAST({_q(c)} AS VARCHAR)) AS DOUBLE) IS NULL",
                c,
            )
            if bad:
                raise ParseError(f"{bad[1]!r} is not a number (use '.' as decimal mark, no thousands separators)",
                                 file=file, row=bad[0], column=c)
            bad = first_bad(f"NOT isfinite(TRY_CAST(trim(CAST({_q(c)} AS VARCHAR)) AS DOUBLE))", c)
            if bad:
                raise ParseError(f"{bad[1]!r} is not a finite number", file=file, row=bad[0], column=c)

    def num(c: str) -> str:
        if c not in cols:
            return "NULL::DOUBLE"
        return f"TRY_CAST(nullif(trim(CAST({_q(c)} AS VARCHAR)), '') AS DOUBLE)"

    # code columns checked against their (constant) lists of allowed values
    iso = sorted(_iso3_codes())
    checks = [
        ("reporter", iso, "unknown reporter {v!r} (expected an ISO3 country code, e.g. CHN)"),
        ("partner", iso + list(AGGREGATES), "unknown partner {v!r} (expected ISO3, WLD or CA5)"),
        ("flow", list(FLOWS), "unknown flow {v!r} (expected X, M, RX, RM, T or B)"),
        ("valuation", list(VALUATIONS), "unknown valuation {v!r} (expected FOB, CIF or UNKNOWN)"),
    ]
    for col, allowed, msg in checks:
        if col not in cols:
            continue
        bad = first_bad(f"{txt(col, True)} IS NULL OR {txt(col, True)} NOT IN (SELECT unnest({_sql_list(allowed)}))", col)
        if bad:
            v = bad[1]
            text = msg.format(v=v)
            if v is not None and str(v).strip().isdigit() and col in ("reporter", "partner"):
                text = f"{col} {v!r} is a numeric (Comtrade/M49) code; ISO3 alpha codes are expected"
            if v is None or str(v).strip() == "":
                text = f"empty {col}"
            raise CodeError(text, file=file, row=bad[0], column=col)
    if "qualifier" in cols:
        bad = first_bad(f"lower({txt('qualifier')}) NOT IN (SELECT unnest({_sql_list(QUALIFIERS)}))", "qualifier")
        if bad:
            raise CodeError(f"unknown qualifier {bad[1]!r} (expected {', '.join(QUALIFIERS)})",
                            file=file, row=bad[0], column="qualifier")
    if "unit" in cols:
        bad = first_bad(f"lower({txt('unit')}) NOT IN (SELECT unnest({_sql_list(UNIT_SCALES)}))", "unit")
        if bad:
            raise CodeError(f"unknown unit {bad[1]!r} (expected USD, thousand USD, million USD or billion USD)",
                            file=file, row=bad[0], column="unit")
        if "value_usd" in cols:
            raise ParseError("a unit column goes with 'value', not 'value_usd'", file=file, column="unit")
    for (src,) in con.execute(f"SELECT DISTINCT {txt('source_id', True)} FROM _raw").fetchall():
        try:
            check_source(src)
        except CodeError as e:
            r = con.execute(f"SELECT min(_row) FROM _raw WHERE {txt('source_id', True)} IS NOT DISTINCT FROM ?", [src]).fetchone()
            raise CodeError(e.reason, file=file, row=int(r[0]), column="source_id") from None

    # periods: parse distinct values in Python, join back
    periods = []
    for (ptxt,) in con.execute("SELECT DISTINCT CAST(period AS VARCHAR) FROM _raw").fetchall():
        try:
            p = Period.parse(ptxt)
        except PeriodError as e:
            r = con.execute("SELECT min(_row) FROM _raw WHERE CAST(period AS VARCHAR) IS NOT DISTINCT FROM ?", [ptxt]).fetchone()
            raise PeriodError(e.reason, file=file, row=int(r[0]), column="period") from None
        periods.append((ptxt, str(p), p.kind, p.start, p.end, p.n_months))
    pdf = pd.DataFrame(periods, columns=["raw", "period", "period_kind", "period_start", "period_end", "n_months"])
    con.register("_periods", pdf)

    # vintage / pub_date as dates
    for c in ("vintage", "pub_date"):
        if c in cols:
            bad = first_bad(f"{txt(c)} IS NOT NULL AND TRY_CAST({txt(c)} AS DATE) IS NULL", c)
            if bad:
                raise ParseError(f"{bad[1]!r} is not a date (YYYY-MM-DD)", file=file, row=bad[0], column=c)

    unit_case = "CASE lower(" + txt("unit") + ") " + " ".join(
        f"WHEN '{u}' THEN {s!r}" for u, s in UNIT_SCALES.items()) + " ELSE 1.0 END"
    value_expr = num("value_usd") if "value_usd" in cols else f"({num('value')} * {unit_case})"
    prec_expr = (f"coalesce({num('precision_usd')}, 0.0)" if "precision_usd" in cols else "0.0")
    if "value" in cols and "precision_usd" not in cols:
        prec_expr = "0.0"
    qual = f"coalesce(lower({txt('qualifier')}), 'exact')"
    today = pd.Timestamp.now('UTC').strftime("%Y-%m-%d")
    retrieved = f"coalesce({txt('retrieved_at')}, '{pd.Timestamp.now('UTC').strftime('%Y-%m-%dT%H:%M:%S')}+00:00')"
    vintage = f"CAST(coalesce({txt('vintage')}, {txt('pub_date')}, '{today}') AS DATE)"

    # one pass: normalised columns, then ids (key = what is measured by which publication; figure = this
    # value of it in this vintage) and the interval the published precision and qualifier allow
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _stage AS
        WITH st AS (
        SELECT r._row,
            {txt('reporter', True)} AS reporter, {txt('partner', True)} AS partner, {txt('flow', True)} AS flow,
            p.period, p.period_kind, p.period_start, p.period_end, p.n_months,
            coalesce({txt('product', True)}, 'TOTAL') AS product, coalesce({txt('product_rev')}, '') AS product_rev,
            {value_expr} AS value_usd, {prec_expr} AS precision_usd, {qual} AS qualifier,
            coalesce({txt('valuation', True)}, 'UNKNOWN') AS valuation,
            {num('growth_pct')} AS growth_pct, coalesce({num('growth_precision')}, 0.0) AS growth_precision,
            {txt('source_id', True)} AS source_id,
            coalesce({txt('publisher')}, '') AS publisher, coalesce({txt('title')}, '') AS title,
            coalesce({txt('pub_date')}, '') AS pub_date, coalesce({txt('url')}, '') AS url,
            coalesce({txt('quote')}, '') AS quote, {vintage} AS vintage, {retrieved} AS retrieved_at,
            coalesce({txt('note')}, '') AS note
        FROM _raw r JOIN _periods p ON CAST(r.period AS VARCHAR) IS NOT DISTINCT FROM p.raw),
        k AS (
            SELECT md5(concat_ws('|', source_id, publisher, title, reporter, partner, flow, period, product))[:16] AS key_id, *
            FROM st),
        f AS (
            SELECT md5(concat_ws('|', key_id, coalesce(CAST(value_usd AS VARCHAR), ''), coalesce(CAST(growth_pct AS VARCHAR), ''),
                   CAST(precision_usd AS VARCHAR), qualifier, CAST(vintage AS VARCHAR)))[:16] AS figure_id, *
            FROM k)
        SELECT *,
            CASE qualifier
              WHEN 'exact' THEN value_usd - precision_usd / 2
              WHEN 'approx' THEN value_usd - abs(value_usd) * 0.05 - precision_usd / 2
              WHEN 'upper' THEN 0.0
              WHEN 'lower' THEN value_usd
              WHEN 'near_upper' THEN value_usd - abs(value_usd) * 0.05 - precision_usd / 2
              WHEN 'near_lower' THEN value_usd END AS value_low,
            CASE qualifier
              WHEN 'exact' THEN value_usd + precision_usd / 2
              WHEN 'approx' THEN value_usd + abs(value_usd) * 0.05 + precision_usd / 2
              WHEN 'upper' THEN value_usd
              WHEN 'lower' THEN 'inf'::DOUBLE
              WHEN 'near_upper' THEN value_usd
              WHEN 'near_lower' THEN value_usd + abs(value_usd) * 0.05 + precision_usd / 2 END AS value_high
        FROM f"""
    )
    con.unregister("_periods")
    con.execute("DROP TABLE _raw")

    def first_stage(cond: str) -> tuple | None:
        """(row, value_usd, flow, reporter) of the first staged row meeting ``cond``."""
        return con.execute(
            f"SELECT _row, value_usd, flow, reporter FROM _stage WHERE {cond} ORDER BY _row LIMIT 1").fetchone()

    if r := first_stage("value_usd IS NULL AND growth_pct IS NULL"):
        raise ParseError("no value (and no growth rate)", file=file, row=int(r[0]),
                         column="value_usd" if "value_usd" in cols else "value")
    if r := first_stage("value_usd < 0 AND flow <> 'B'"):
        raise ParseError(f"negative value {r[1]} for flow {r[2]}", file=file, row=int(r[0]),
                         column="value_usd" if "value_usd" in cols else "value")
    if r := first_stage("value_usd > 1e14"):
        raise ParseError(f"absurd value {r[1]:.4g} USD (above world trade; a unit error?)", file=file, row=int(r[0]),
                         column="value_usd" if "value_usd" in cols else "value")
    if r := first_stage("reporter = partner"):
        raise CodeError(f"reporter and partner are both {r[3]}", file=file, row=int(r[0]), column="partner")
    _check_partial_years(con, file)
    if check_units:
        _check_mixed_thousands(con, file, "value_usd" if "value_usd" in cols else "value")

    dup = con.execute(
        """SELECT key_id, vintage, min(_row), max(_row), any_value(reporter), any_value(partner), any_value(flow),
                  any_value(period), any_value(source_id)
           FROM _stage GROUP BY key_id, vintage HAVING count(DISTINCT figure_id) > 1 ORDER BY min(_row) LIMIT 1"""
    ).fetchone()
    if dup:
        raise DuplicateError(
            f"{file or 'input'}: rows {dup[2]} and {dup[3]}: two different values for the same figure "
            f"({dup[8]} {dup[4]}->{dup[5]} {dup[6]} {dup[7]}, vintage {dup[1]})"
        )
    from mirrortrade.store import OBS_COLUMNS

    if keep:
        # the store's insert keeps one row per figure id (exact duplicates are one figure)
        con.execute("ALTER TABLE _stage RENAME TO _norm")
        return None
    res = con.execute(f"SELECT DISTINCT ON (figure_id) {', '.join(OBS_COLUMNS)} FROM _stage ORDER BY figure_id").df()
    con.execute("DROP TABLE _stage")
    return res


#: words in a note or title that say a figure covers part of a year (English and Russian)
_PARTIAL_YEAR_RE = (
    r"\bjan(uary|\.)?\s*(-|–|—|to|through|thru|till|until)\s*"
    r"(feb|mar|apr|may|jun|jul|aug|sep|oct|nov)[a-z]*\b"
    r"|\b(1[01]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[\s-]+months?\b"
    r"|\b(1[01]|[1-9])m\s*(19|20)\d\d\b|\bytd\b|\byear[\s-]to[\s-]date\b"
    r"|январ[ьяе]?\s*(-|–|—|по)\s*(феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр)"
    r"|(^|[^0-9])(1[01]|[1-9])\s+месяц"
)
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov")
_MONTH_STEMS_RU = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр")
_MONTH_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")


def _check_partial_years(con: duckdb.DuckDBPyConnection, file: str | None) -> None:
    """A full-year period whose note or title says it covers fewer months ("Jan-Nov", "9 months",
    "январь-ноябрь", "YTD") is a partial year labelled as a year: refused, naming the row."""
    r = con.execute(
        "SELECT _row, period, regexp_extract(lower(concat_ws(' ', note, title)), ?, 0) AS words FROM _stage "
        "WHERE period_kind = 'year' AND regexp_matches(lower(concat_ws(' ', note, title)), ?) ORDER BY _row LIMIT 1",
        [_PARTIAL_YEAR_RE, _PARTIAL_YEAR_RE],
    ).fetchone()
    if not r:
        return
    row, period, words = int(r[0]), str(r[1]), str(r[2]).strip()
    end = _partial_end_month(words)
    span = f"{period}-01/{period}-{end:02d}" if end else f"{period}-01/{period}-11"
    raise PeriodError(
        f"period {period!r} is a full year but the note or title says {words!r}: a partial year "
        f"labelled as a year? Write the months it covers, e.g. {span}",
        file=file, row=row, column="period",
    )


def _partial_end_month(words: str) -> int | None:
    import re

    if m := re.search(r"(1[01]|[1-9])", words):
        return int(m[1])
    for i, w in enumerate(_MONTH_WORDS, start=1):
        if re.search(rf"\b{w}\b", words):
            return i
    tail = re.split(r"-|–|—|\bto\b|\bthrough\b|\bthru\b|\btill\b|\buntil\b|\bпо\b", words)[-1].strip()
    for stems in (_MONTH_STEMS, _MONTH_STEMS_RU):
        for i, stem in enumerate(stems, start=1):
            if i > 1 and tail.startswith(stem):
                return i
    return None


#: neighbouring values of one series this far apart (either way) look like thousands mixed with USD
MIXED_UNIT_RATIO = (500.0, 2000.0)
#: ... when the larger of the two is at least this many USD (tiny flows do jump by 1000x)
MIXED_UNIT_FLOOR_USD = 1e8


def _check_mixed_thousands(con: duckdb.DuckDBPyConnection, file: str | None, column: str) -> None:
    """Within one file, a total-trade series (reporter, partner, flow, period kind) whose neighbouring
    values (ordered by period, then row) differ by a factor of 500-2000 while the larger is at least
    USD 100 million: one of them is in thousands of USD. Refused, naming the smaller value's row."""
    lo, hi = MIXED_UNIT_RATIO
    r = con.execute(
        """WITH s AS (
            SELECT _row, reporter, partner, flow, period, value_usd,
                lag(value_usd) OVER w AS prev_value, lag(_row) OVER w AS prev_row, lag(period) OVER w AS prev_period
            FROM _stage WHERE product = 'TOTAL' AND value_usd > 0
            WINDOW w AS (PARTITION BY reporter, partner, flow, product, period_kind ORDER BY period_start, _row))
        SELECT _row, reporter, partner, flow, period, value_usd, prev_row, prev_period, prev_value FROM s
        WHERE prev_value > 0 AND greatest(value_usd, prev_value) >= ?
          AND greatest(value_usd / prev_value, prev_value / value_usd) BETWEEN ? AND ?
        ORDER BY _row LIMIT 1""",
        [MIXED_UNIT_FLOOR_USD, lo, hi],
    ).fetchone()
    if not r:
        return
    row, rep, par, flow, period, value, prev_row, prev_period, prev_value = r
    small, big = ((row, period, value), (prev_row, prev_period, prev_value))
    if value > prev_value:
        small, big = big, small
    raise ParseError(
        f"{small[2]:,.0f} ({small[1]}) is about 1/{big[2] / small[2]:,.0f} of {big[2]:,.0f} in row {big[0]} "
        f"({big[1]}) for the same series {rep}->{par} {flow}: values in thousands and in USD mixed in one file? "
        "Give every value in USD, or use value + unit",
        file=file, row=int(small[0]), column=column,
    )
