"""Validation of a declarations file for ``reconcile --input``: the same rules as ``ingest``.

The whole file is checked before anything is computed or written, with the rules of the store's staging
(:mod:`mirrortrade.store.staging`), not a copy of them: the text checks of a CSV (UTF-8 and no NUL byte anywhere,
every record with the header's fields, read by DuckDB's strict reader), numbers written as numbers and finite,
ISO3 reporter, ISO3/WLD/CA5 partner, a known flow, a value that is not negative, a year, a reporter that is not
its own partner. The first broken rule is one :class:`~mirrortrade.errors.ParseError` naming file, row and
column. ``lenient=True`` drops the rows that break a rule instead and says how many and why.

A value above world trade is not refused here (unlike ``ingest``): a ×1000 unit error is what ``reconcile``
exists to find.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from mirrortrade.errors import ParseError, PeriodError
from mirrortrade.model import Period
from mirrortrade.store.files import (
    _check_file,
    _csv_error,
    _delimiter,
    _q,
    _quote_literal,
    check_text_file,
    csv_read_sql,
)
from mirrortrade.store.staging import (
    _NUMERIC_TYPES,
    Rule,
    _text,
    _text_number,
    code_rules,
    figure_conditions,
    number_rules,
    rule_error,
)

#: the columns a declarations file must have (as :data:`mirrortrade.reconcile.engine.REQUIRED`)
DECLARATION_COLUMNS = ("reporter", "partner", "flow", "year", "product", "value")
_TEXT_SUFFIXES = (".csv", ".txt", ".csv.gz")
_PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass
class Validated:
    """A checked declarations file: ``path`` to reconcile (the input itself, or with ``lenient`` and rows
    dropped, a Parquet copy of the rows kept), the rows read and the rows dropped per reason."""

    path: Path
    rows: int
    n_dropped: int = 0
    #: rows per reason (a row breaking two rules counts under both)
    dropped: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.n_dropped:
            return f"{self.rows:,} declarations checked: all valid"
        why = "; ".join(f"{n:,} {reason}" for reason, n in self.dropped.items())
        return f"--lenient: dropped {self.n_dropped:,} of {self.rows:,} declarations ({why})"


def _source_sql(p: Path) -> tuple[str, str]:
    """The file read strictly (a text file checked whole first), plain and with its rows numbered ``_row`` from 1."""
    name = p.name.lower()
    if name.endswith(_PARQUET_SUFFIXES):
        return (f"SELECT * FROM read_parquet({_quote_literal(str(p))})",
                f"SELECT file_row_number + 1 AS _row, * EXCLUDE (file_row_number) "
                f"FROM read_parquet({_quote_literal(str(p))}, file_row_number = true)")
    if name.endswith(".gz"):  # compressed: DuckDB's strict reader still checks every record
        import gzip

        with gzip.open(p, "rb") as f:
            delim = _delimiter(f.read(4096))
    else:
        _p, _suffix, head = _check_file(p)
        delim = _delimiter(head)
        check_text_file(p, delim)
    plain = csv_read_sql(p, delim)
    return plain, f"SELECT row_number() OVER () AS _row, * FROM ({plain})"


def _rules(numeric: set[str]) -> list[tuple[Rule, str]]:
    """Each rule with the reason ``--lenient`` prints for the rows it drops (the ingest rules, in their order)."""
    value = _q("value") if "value" in numeric else _text_number(_q("value"))
    fc = figure_conditions(value, _text("flow", True), _text("reporter", True), _text("partner", True))
    out: list[tuple[Rule, str]] = [(r, "value not a number") for r in number_rules(["value"], numeric)]
    reasons = {"reporter": "unknown reporter", "partner": "unknown partner", "flow": "unknown flow"}
    out += [(r, reasons[r[1]]) for r in code_rules(["reporter", "partner", "flow"])]
    out.append(((fc["no_value"], "value", ParseError, "no value"), "no value"))
    out.append(((fc["negative"], "value", ParseError, "negative value {v}"), "negative value"))
    out.append(((fc["self"], "partner", ParseError, "reporter and partner are both {v}"), "reporter is partner"))
    return out


def validate_declarations(
    path: str | os.PathLike[str], *, lenient: bool = False, workdir: str | os.PathLike[str] | None = None
) -> Validated:
    """Check a declarations file (CSV or Parquet) whole. Strict (default): the first bad row raises a
    :class:`ParseError` naming file, row and column. ``lenient``: rows breaking a rule are dropped and counted
    per reason; when any are, the rows kept are written as Parquet into ``workdir`` and that file is returned."""
    p = Path(path)
    if not p.exists():
        raise ParseError("declarations file not found", file=str(p))
    if p.is_dir():  # a Parquet dataset: every file checked (strict only: --lenient needs one file)
        parts = sorted(p.rglob("*.parquet"))
        if not parts:
            raise ParseError("directory holds no .parquet files", file=str(p))
        if lenient:
            raise ParseError("--lenient needs one declarations file, not a directory", file=str(p))
        return Validated(p, sum(validate_declarations(f).rows for f in parts))
    if not p.name.lower().endswith(_TEXT_SUFFIXES + _PARQUET_SUFFIXES):
        raise ParseError("declarations must be a .csv or .parquet file", file=str(p))
    if p.stat().st_size == 0:
        raise ParseError("file is empty", file=str(p))
    con = duckdb.connect()
    try:
        return _validate(con, p, lenient=lenient, workdir=workdir)
    finally:
        con.close()


def _validate(con: duckdb.DuckDBPyConnection, p: Path, *, lenient: bool, workdir: str | os.PathLike[str] | None
              ) -> Validated:
    def read_error(e: duckdb.Error) -> ParseError:
        if p.name.lower().endswith(_TEXT_SUFFIXES):
            return _csv_error(p, _delimiter(p.read_bytes()[:4096]) if not p.name.endswith(".gz") else ",", str(e))
        detail = str(e).splitlines()[0].replace(str(p), p.name)[:200]
        return ParseError(f"cannot read as Parquet (a truncated or damaged file?): {detail}", file=str(p))

    try:
        plain, numbered = _source_sql(p)
        con.execute(f"CREATE TEMP VIEW _src AS {plain}")
        con.execute(f"CREATE TEMP VIEW _decl AS {numbered}")
        described = con.execute("DESCRIBE SELECT * FROM _decl").fetchall()
    except duckdb.Error as e:
        raise read_error(e) from None
    types = {str(r[0]): str(r[1]).upper() for r in described}
    missing = [c for c in DECLARATION_COLUMNS if c not in types]
    if missing:
        raise ParseError(f"declarations lack column(s) {', '.join(missing)} (expected {', '.join(DECLARATION_COLUMNS)})",
                         file=str(p), column=missing[0])
    numeric = {c for c, t in types.items() if t in _NUMERIC_TYPES}
    rules = _rules(numeric)
    # the year: every distinct value must be a calendar year (few values, parsed by the model's Period)
    year_text = (f"CAST(TRY_CAST({_q('year')} AS BIGINT) AS VARCHAR)" if "year" in numeric
                 else _text("year"))
    # one scan groups the rows by their codes and year, counting the rows whose value breaks a rule; the code,
    # self-pair and year rules then run over the (few) groups. Only a file that breaks a rule is scanned again,
    # to name the first row at fault and count per rule.
    value_rules = [r for r, _ in rules if r[1] == "value"]
    group_rules = [r for r, _ in rules if r[1] != "value"]
    any_bad_value = " OR ".join(f"coalesce(({r[0]}), false)" for r in value_rules)
    try:
        con.execute(
            f"CREATE TEMP TABLE _g AS SELECT {_q('reporter')}, {_q('partner')}, {_q('flow')}, {_q('year')}, "
            f"count(*) AS _n, count(*) FILTER ({any_bad_value}) AS _n_bad FROM _src GROUP BY ALL"
        )
    except duckdb.Error as e:
        raise read_error(e) from None
    n_rows, n_bad_values, n_bad_groups, years = con.execute(
        "SELECT coalesce(sum(_n), 0), coalesce(sum(_n_bad), 0), count(*) FILTER ("
        + " OR ".join(f"coalesce(({r[0]}), false)" for r in group_rules)
        + f"), list(DISTINCT {year_text}) FROM _g"
    ).fetchone()
    if n_rows == 0:
        raise ParseError("no data rows", file=str(p))
    bad_years = []
    for y in years or []:
        try:
            ok = y is not None and Period.parse(str(y)).kind == "year"
        except PeriodError:
            ok = False
        if not ok:
            bad_years.append(y)
    if not (n_bad_values or n_bad_groups or bad_years):
        return Validated(p, int(n_rows))
    per_rule = con.execute(
        "SELECT " + ", ".join(f"min(_row) FILTER ({r[0]}), count(*) FILTER ({r[0]})" for r, _ in rules) + " FROM _decl"
    ).fetchone()
    year_rule = (f"{year_text} IS NULL" + (f" OR {year_text} IN ({', '.join(_quote_literal(str(y)) for y in bad_years if y is not None)})"
                                           if any(y is not None for y in bad_years) else ""))
    dropped: dict[str, int] = {}
    first: list[tuple[int, Rule]] = []
    for i, (rule, reason) in enumerate(rules):
        row, count = per_rule[2 * i], per_rule[2 * i + 1]
        if row is not None:
            first.append((int(row), rule))
            dropped[reason] = dropped.get(reason, 0) + int(count)
    if bad_years:
        row, count = con.execute(f"SELECT min(_row), count(*) FROM _decl WHERE {year_rule}").fetchone()
        first.append((int(row), (year_rule, "year", PeriodError, "{v!r} is not a year")))
        dropped["year not a year"] = int(count)
    if not first:
        return Validated(p, int(n_rows))
    if not lenient:
        row, rule = min(first, key=lambda x: x[0])
        value = con.execute(f"SELECT {_q(rule[1])} FROM _decl WHERE _row = ?", [row]).fetchone()[0]
        raise rule_error(rule, value, file=str(p), row=row)
    bad = " OR ".join(f"coalesce(({r[0]}), false)" for r, _ in rules)
    if bad_years:
        bad += f" OR coalesce(({year_rule}), false)"
    n_bad = con.execute(f"SELECT count(*) FROM _decl WHERE {bad}").fetchone()[0]
    if n_bad == n_rows:
        raise ParseError(f"--lenient: every one of the {n_rows:,} declarations breaks a rule; nothing to reconcile",
                         file=str(p))
    out = Path(workdir or ".") / (p.stem + ".valid.parquet")
    value = "value" if "value" in numeric else f"{_text_number(_q('value'))}"
    year = f"CAST({year_text} AS BIGINT)"
    con.execute(
        f"COPY (SELECT * EXCLUDE (_row) REPLACE ({value} AS value, {year} AS year) FROM _decl "
        f"WHERE NOT ({bad}) ORDER BY _row) TO {_quote_literal(str(out))} (FORMAT parquet)"
    )
    return Validated(out, int(n_rows), int(n_bad), dropped)
