"""Canonical-column files and frames -> validated, normalised rows, inside DuckDB.

Validation runs as SQL over the staged input (so a 5M-row Parquet file ingests at DuckDB speed);
the first bad value found is reported with file, row and column. Rows are numbered from 1 for
the first data row (a CSV's header is not counted).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd

from mirrortrade.errors import (
    CodeError,
    ParseError,
    PeriodError,
)
from mirrortrade.model import (
    CANONICAL_COLUMNS,
    OBSERVATION,
    REQUIRED_COLUMNS,
    UNIT_SCALES,
    Indicator,
    Observation,
    Period,
    RecordSpec,
    check_field,
)
from mirrortrade.store.files import (
    _NUMBERED,
    NUM_COLUMNS,
    TEXT_DEFAULTS,
    _csv_error,
    _q,
    _quote_literal,
    _sql_list,
)
from mirrortrade.store.schema import IND_COLUMNS, drop_staging


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


_NUMERIC_TYPES = {"DOUBLE", "FLOAT", "REAL", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT",
                  "UINTEGER", "USMALLINT", "UTINYINT"}
#: the temp view :func:`stage_observations` leaves: one normalised row per input row (``_row`` from 1)
NORM_VIEW = "_normv"


def _text_number(column_sql: str) -> str:
    """SQL reading a number written as text (blank: NULL; not a number: NULL)."""
    return f"TRY_CAST(nullif(trim(CAST({column_sql} AS VARCHAR)), '') AS DOUBLE)"




def _read_error(e: duckdb.Error, file: str | None, csv_delimiter: str) -> ParseError:
    """One line for an input DuckDB cannot read (a truncated or damaged file)."""
    if csv_delimiter and file:
        return _csv_error(Path(file), csv_delimiter, str(e))
    detail = str(e).splitlines()[0][:200]
    kind = "CSV"
    if file:
        detail = detail.replace(str(file), Path(file).name)
        kind = Path(file).suffix.lstrip(".") or "CSV"
    return ParseError(f"cannot read as {kind} (a truncated or damaged file?): {detail}", file=file)


#: columns `mirrortrade export` writes beside the canonical ones: ids, what the store derives from a period and
#: a value's qualifier, and the ingest that added the figure
EXPORT_DERIVED = ("figure_id", "key_id", "period_kind", "period_start", "period_end", "n_months", "value_low",
                  "value_high", "ingest_id", "ingested_at")


def is_export(columns: Iterable[str]) -> bool:
    """A file written by ``mirrortrade export`` (it carries the figure and key ids)."""
    cols = set(columns)
    return "figure_id" in cols and "key_id" in cols


#: one validation rule: (SQL condition true for a row that breaks it, column, error class, message with {v})
Rule = tuple[str, str, type[ParseError], str]
#: above world trade in one figure: a unit error (see :func:`figure_conditions`)
MAX_VALUE_USD = OBSERVATION.value.file_max


def _text(c: str, upper: bool = False) -> str:
    """SQL: column ``c`` as trimmed text, NULL when blank (upper-cased for codes)."""
    e = f"nullif(trim(CAST({_q(c)} AS VARCHAR)), '')"
    return f"upper({e})" if upper else e


def number_rules(columns: Iterable[str], numeric: set[str] | frozenset[str] = frozenset()) -> list[Rule]:
    """Rules for number columns: written as a number ('.' decimal mark, no separators) and finite. ``numeric``:
    the columns the file already types as numbers (Parquet)."""
    rules: list[Rule] = []
    for c in columns:
        if c in numeric:
            rules.append((f"NOT isfinite(CAST({_q(c)} AS DOUBLE))", c, ParseError, "{v!r} is not a finite number"))
        else:
            rules.append((
                f"{_q(c)} IS NOT NULL AND trim(CAST({_q(c)} AS VARCHAR)) NOT IN ('') "
                f"AND {_text_number(_q(c))} IS NULL",
                c, ParseError, "{v!r} is not a number (use '.' as decimal mark, no thousands separators)"))
            rules.append((f"NOT isfinite({_text_number(_q(c))})", c, ParseError, "{v!r} is not a finite number"))
    return rules


def code_rules(columns: Iterable[str], spec: RecordSpec = OBSERVATION) -> list[Rule]:
    """Rules for the code columns among ``columns``, made from ``spec`` (:mod:`mirrortrade.model.rules`): each
    ``code`` and ``vocab`` field (reporter, partner, flow, qualifier, valuation, unit) as one SQL condition, in the
    spec's order, with the spec's file message."""
    cols = set(columns)
    rules: list[Rule] = []
    for f in spec.file_fields():
        if f.column not in cols or f.kind not in ("code", "vocab"):
            continue
        text = _text(f.column, f.case == "upper")
        if f.case == "lower":
            text = f"lower({text})"
        cond = f"{text} NOT IN (SELECT unnest({_sql_list(f.allowed())}))"
        if not f.file_blank_ok:
            cond = f"{text} IS NULL OR {cond}"
        allowed = ", ".join(f.vocabulary()) if f.vocabulary is not None else ""
        rules.append((cond, f.column, f.error, f.file_message.replace("{allowed}", allowed)))
    return rules


def date_rules(columns: Iterable[str], spec: RecordSpec = OBSERVATION) -> list[Rule]:
    """Rules for the date columns among ``columns`` (``spec``'s ``date`` fields): blank, or a date."""
    cols = set(columns)
    return [(f"{_text(f.column)} IS NOT NULL AND TRY_CAST({_text(f.column)} AS DATE) IS NULL", f.column, f.error,
             f.file_message) for f in spec.file_fields("date") if f.column in cols]


def figure_conditions(value: str, flow: str, reporter: str, partner: str, *, alternative: str = "",
                      spec: RecordSpec = OBSERVATION) -> dict[str, str]:
    """SQL conditions a figure must not meet, over expressions for its value (USD), flow and codes, made from
    ``spec``'s value: no value (nor ``alternative``, the column that may stand in for one), a negative value (only
    a balance may be negative), a value above world trade, a country trading with itself."""
    v = spec.value
    negative = " AND ".join([f"{value} < 0", *(f"{flow} <> {_quote_literal(f)}" for f in v.signed_flows)])
    return {
        "no_value": f"{value} IS NULL" + (f" AND {alternative} IS NULL" if alternative else ""),
        "negative": negative,
        "absurd": f"{value} > {v.file_max:.0f}",
        "self": f"{reporter} = {partner}",
    }


def rule_error(rule: Rule, value: object, *, file: str | None, row: int) -> ParseError:
    """The one-line error for ``rule`` broken by ``value`` in ``row``."""
    _cond, column, err, msg = rule
    if isinstance(value, str) and len(value) > 60:  # a 20 MB cell is named, not printed
        value = f"{value[:40]}... ({len(value):,} characters)"
    text = str(msg).format(v=value)
    spec = next((f for f in OBSERVATION.file_fields() if f.column == column), None)
    if err is CodeError and spec is not None and not spec.file_blank_ok:
        if value is not None and str(value).strip().isdigit() and spec.kind == "code":
            text = f"{column} {value!r} is a numeric (Comtrade/M49) code; ISO3 alpha codes are expected"
        if value is None or str(value).strip() == "":
            text = f"empty {column}"
    return err(text, file=file, row=row, column=column)


def normalize_observations(df: pd.DataFrame, *, file: str | None = None, check_units: bool = True) -> pd.DataFrame:
    """Validate a canonical frame without a store and return it normalised (one row per input row, in input
    order; no ids). Raises :class:`ParseError` (or a subclass) naming file, row and column on the first bad value."""
    con = duckdb.connect()
    try:
        stage_observations(con, df, file=file, check_units=check_units)
        return con.execute(f"SELECT * EXCLUDE (_row) FROM {NORM_VIEW} ORDER BY _row").df()
    finally:
        con.close()


def stage_observations(
    con: duckdb.DuckDBPyConnection, df: pd.DataFrame | None = None, *, file: str | None, check_units: bool = True,
    raw_sql: str | None = None, csv_delimiter: str = "",
) -> int:
    """Validate canonical rows from a frame (``df``) or a DuckDB query (``raw_sql`` from :func:`raw_file_sql`)
    and leave them normalised in the temp view ``_normv`` of ``con``: one row per input row, numbered
    ``_row`` from 1, with the columns of a stored observation except the ids. Returns the number of rows.

    Each rule is one condition; all conditions of a phase are evaluated in one scan and the first rule
    (in a fixed order) that a row breaks is reported with file, row and column. Nothing is written."""
    drop_staging(con)

    def scan(sql: str, params: list[object] | None = None) -> list[tuple]:
        """A query over the input: a read error (e.g. a damaged Parquet page) names the file."""
        try:
            return con.execute(sql, params or []).fetchall()
        except duckdb.Error as e:
            if isinstance(e, duckdb.InterruptException):
                raise
            raise _read_error(e, file, csv_delimiter) from None

    if raw_sql is not None:
        try:
            if raw_sql.startswith(_NUMBERED):
                base = f"({raw_sql})"  # Parquet: read in place, numbered by the reader
            else:
                con.execute(f"CREATE TEMP TABLE _raw_t AS SELECT row_number() OVER () AS _row, * FROM ({raw_sql})")
                base = "_raw_t"
            described = con.execute(f"DESCRIBE SELECT * FROM {base}").fetchall()[1:]
        except duckdb.Error as e:
            raise _read_error(e, file, csv_delimiter) from None
    else:
        assert df is not None
        con.register("_raw_in", df)
        con.execute("CREATE TEMP TABLE _raw_t AS SELECT row_number() OVER () AS _row, * FROM _raw_in")
        con.unregister("_raw_in")
        base = "_raw_t"
        described = con.execute("DESCRIBE _raw_t").fetchall()[1:]
    # a pandas index written into a Parquet file is not data (pandas itself reads it back as the index)
    described = [r for r in described if not str(r[0]).startswith("__index_level_")]
    names = [str(r[0]) for r in described]
    cols = [n.strip() for n in names]
    #: columns typed as numbers by the file (Parquet) need no text round trip to be read as numbers
    numeric = {c for c, r in zip(cols, described, strict=True) if str(r[1]).upper() in _NUMERIC_TYPES}
    renames = ", ".join(f"{_q(n)} AS {_q(c)}" for n, c in zip(names, cols, strict=True))
    con.execute(f"CREATE TEMP VIEW _raw AS SELECT _row, {renames} FROM {base}")
    n_rows = int(scan("SELECT count(*) FROM _raw")[0][0])

    # a file written by `mirrortrade export` carries the ids and the columns the store derives; they are
    # computed again from the canonical columns (and the ids checked against them by the store)
    exported = is_export(cols)
    unknown = [c for c in cols if c not in CANONICAL_COLUMNS and c not in ("retrieved_at",)
               and not (exported and c in EXPORT_DERIVED)]
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

    # text columns: trim; codes upper
    def txt(c: str, upper: bool = False) -> str:
        if c not in cols:
            d = TEXT_DEFAULTS.get(c, "")
            return f"'{d}'" if d else "NULL::VARCHAR"
        e = f"nullif(trim(CAST({_q(c)} AS VARCHAR)), '')"
        return f"upper({e})" if upper else e

    def num(c: str) -> str:
        if c not in cols:
            return "NULL::DOUBLE"
        if c in numeric:
            return f"CAST({_q(c)} AS DOUBLE)"
        return _text_number(_q(c))

    def value_at(column: str, row: int) -> object:
        return scan(f"SELECT {_q(column)} FROM _raw WHERE _row = ?", [row])[0][0]

    # ---- phase 1: every rule on the raw values, one scan --------------------------------------------
    rules = number_rules([c for c in NUM_COLUMNS if c in cols], numeric) + code_rules(cols)
    n_value_rules = len(rules)
    rules += date_rules(cols)
    first_rows = scan("SELECT " + ", ".join(f"min(_row) FILTER ({cond})" for cond, *_ in rules) + " FROM _raw")[0] \
        if rules else ()

    def raise_rule(i: int) -> None:
        row = first_rows[i]
        if row is None:
            return
        raise rule_error(rules[i], value_at(rules[i][1], int(row)), file=file, row=int(row))

    for i in range(n_value_rules):
        raise_rule(i)
    if base == "_raw_t":
        # text input: every number is valid now, so parse each number column once, in place, rather than at
        # every later scan of the staged rows
        for c in NUM_COLUMNS:
            if c in cols and c not in numeric:
                n = _q(names[cols.index(c)])
                con.execute(f"ALTER TABLE _raw_t ALTER COLUMN {n} SET DATA TYPE DOUBLE "
                            f"USING {_text_number(n)}")
                numeric.add(c)
    if "unit" in cols and "value_usd" in cols:
        raise ParseError("a unit column goes with 'value', not 'value_usd'", file=file, column="unit")
    source = OBSERVATION.field("source_id")
    for (src,) in scan(f"SELECT DISTINCT {txt('source_id', True)} FROM _raw"):
        try:
            check_field(source, src)
        except CodeError as e:
            r = scan(f"SELECT min(_row) FROM _raw WHERE {txt('source_id', True)} IS NOT DISTINCT FROM ?", [src])
            raise CodeError(e.reason, file=file, row=int(r[0][0]), column="source_id") from None

    # periods: parse distinct values in Python, join back
    periods = []
    for (ptxt,) in scan("SELECT DISTINCT CAST(period AS VARCHAR) FROM _raw"):
        try:
            p = Period.parse(ptxt)
        except PeriodError as e:
            r = scan("SELECT min(_row) FROM _raw WHERE CAST(period AS VARCHAR) IS NOT DISTINCT FROM ?", [ptxt])
            raise PeriodError(e.reason, file=file, row=int(r[0][0]), column="period") from None
        periods.append((ptxt, str(p), p.kind, p.start, p.end, p.n_months))
    pdf = pd.DataFrame(periods, columns=["raw", "period", "period_kind", "period_start", "period_end", "n_months"])
    con.register("_periods_in", pdf)
    con.execute("CREATE TEMP TABLE _periods AS SELECT * FROM _periods_in")
    con.unregister("_periods_in")
    for i in range(n_value_rules, len(rules)):
        raise_rule(i)

    unit_case = "CASE lower(" + txt("unit") + ") " + " ".join(
        f"WHEN '{u}' THEN {s!r}" for u, s in UNIT_SCALES.items()) + " ELSE 1.0 END"
    value_expr = num("value_usd") if "value_usd" in cols else f"({num('value')} * {unit_case})"
    prec_expr = (f"coalesce({num('precision_usd')}, 0.0)" if "precision_usd" in cols else "0.0")
    qual = f"coalesce(lower({txt('qualifier')}), {_quote_literal(TEXT_DEFAULTS['qualifier'])})"
    now = pd.Timestamp.now("UTC")
    retrieved = f"coalesce({txt('retrieved_at')}, '{now.strftime('%Y-%m-%dT%H:%M:%S')}+00:00')"
    vintage = f"CAST(coalesce({txt('vintage')}, {txt('pub_date')}, '{now.strftime('%Y-%m-%d')}') AS DATE)"
    con.execute(
        f"""CREATE TEMP VIEW _normv AS
        SELECT r._row,
            {txt('reporter', True)} AS reporter, {txt('partner', True)} AS partner, {txt('flow', True)} AS flow,
            p.period, p.period_kind, p.period_start, p.period_end, p.n_months,
            coalesce({txt('product', True)}, 'TOTAL') AS product, coalesce({txt('product_rev')}, '') AS product_rev,
            {value_expr} AS value_usd, {prec_expr} AS precision_usd, {qual} AS qualifier,
            coalesce({txt('valuation', True)}, {_quote_literal(TEXT_DEFAULTS['valuation'])}) AS valuation,
            {num('growth_pct')} AS growth_pct, coalesce({num('growth_precision')}, 0.0) AS growth_precision,
            {txt('source_id', True)} AS source_id,
            coalesce({txt('publisher')}, '') AS publisher, coalesce({txt('title')}, '') AS title,
            coalesce({txt('pub_date')}, '') AS pub_date, coalesce({txt('url')}, '') AS url,
            coalesce({txt('quote')}, '') AS quote, {vintage} AS vintage, {retrieved} AS retrieved_at,
            coalesce({txt('note')}, '') AS note
        FROM _raw r JOIN _periods p ON CAST(r.period AS VARCHAR) IS NOT DISTINCT FROM p.raw"""
    )

    # ---- phase 2: rules on the normalised values, one scan --------------------------------------------
    value_col = "value_usd" if "value_usd" in cols else "value"
    fc = figure_conditions(OBSERVATION.value.column, "flow", "reporter", "partner",
                           alternative=OBSERVATION.value.or_column)
    (r_none, r_neg, r_big, r_same, r_part), = scan(
        f"SELECT min(_row) FILTER ({fc['no_value']}), "
        f"min(_row) FILTER ({fc['negative']}), min(_row) FILTER ({fc['absurd']}), "
        f"min(_row) FILTER ({fc['self']}), "
        "min(_row) FILTER (period_kind = 'year' AND regexp_matches(lower(concat_ws(' ', note, title)), ?)) FROM _normv",
        [_PARTIAL_YEAR_RE],
    )

    def at(row: int) -> tuple:
        return scan("SELECT value_usd, flow, reporter, period, note, title FROM _normv WHERE _row = ?", [row])[0]

    if r_none is not None:
        raise ParseError(OBSERVATION.value.file_missing_message, file=file, row=int(r_none), column=value_col)
    if r_neg is not None:
        v, flow, *_ = at(int(r_neg))
        raise ParseError(OBSERVATION.value.negative_message.format(v=v, flow=flow), file=file, row=int(r_neg),
                         column=value_col)
    if r_big is not None:
        v, *_ = at(int(r_big))
        raise ParseError(f"absurd value {v:.4g} USD (above world trade; a unit error?)", file=file, row=int(r_big),
                         column=value_col)
    if r_same is not None:
        raise CodeError(f"reporter and partner are both {at(int(r_same))[2]}", file=file, row=int(r_same),
                        column="partner")
    if r_part is not None:
        _raise_partial_year(int(r_part), *at(int(r_part))[3:], file=file)
    if check_units and not exported:  # an export's figures passed this check when they were first ingested
        _check_mixed_thousands(con, file, value_col)
    return n_rows


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


def _raise_partial_year(row: int, period: str, note: str, title: str, *, file: str | None) -> None:
    """A full-year period whose note or title says it covers fewer months ("Jan-Nov", "9 months",
    "январь-ноябрь", "YTD") is a partial year labelled as a year: refused, naming the row."""
    import re

    m = re.search(_PARTIAL_YEAR_RE, " ".join((note or "", title or "")).lower())
    words = m[0].strip() if m else ""
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
            FROM _normv WHERE product = 'TOTAL' AND value_usd > 0
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
