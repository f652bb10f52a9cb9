"""Security basics: no SQL is built by string formatting from user input (parameters, quoting helpers or Ibis only); stored text is data, never
SQL and never markup (a ``<script>`` quote in a figure is escaped on the dashboard).

That ``mirrortrade serve`` listens on 127.0.0.1 unless told otherwise is checked on the real server
process in tests/reliability/test_concurrency.py (``test_dashboard_serves_old_or_new_state...``),
which starts one anyway; the default itself is asserted here without a server.

Covered by tests/web/test_api.py and not repeated here: the 413 request-body limit (plain and
chunked), the checker page escaping a ``<script>`` article, SQL in an API filter parameter.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from mirrortrade.errors import CodeError, ParseError, StoreError
from mirrortrade.store import Store

from ._helpers import ROOT, copy_store

SRC = ROOT / "src" / "mirrortrade"


def test_serve_defaults_to_loopback() -> None:
    import typer

    from mirrortrade.cli import app

    serve = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    (host,) = [p for p in serve.params if p.name == "host"]
    assert host.default == "127.0.0.1"


# ---- SQL is never formatted from user input ----------------------------------------------

SQL_CALLS = {"execute", "executemany", "sql", "query", "raw_sql"}
#: helpers that quote an identifier or a literal, or coerce to a number, before it enters SQL text
QUOTING = {"_q", "_ident", "_quote_ident", "_quote_literal", "_sql_str", "int", "float", "txt", "num"}
#: interpolations reviewed by hand: (file, expression) -> why it cannot carry user input
REVIEWED: dict[tuple[str, str], str] = {
    ("store/core.py", "_ROW_COLUMNS"): "constant column list",
    ("store/core.py", "cols"): "', '.join(OBS_COLUMNS or IND_COLUMNS): constants",
    ("store/core.py", "ident"): "_ident(name): refuses anything but [A-Za-z0-9_], then quotes",
    ("store/core.py", "new"): "built from the reviewed `source` and `table` names",
    ("store/core.py", "outer_sql"): "filter column names are keyword names, values are ? parameters, limit/offset via int()",
    ("store/core.py", "source"): "internal temp table or registered frame names (_norm, _norm_in, _ind_in)",
    ("store/core.py", "sql"): "built from constants; filter values go in as ? parameters",
    ("store/core.py", "step"): "a migration step: constant DDL from _MIGRATIONS",
    ("store/core.py", "table"): "'observations', 'indicators', 'obs_rows' or 'events' (internal callers only)",
    ("store/schema.py", "', k.ingest_id' if ingest_id else ''"): "a constant column or nothing",
    ("store/schema.py", "_META_HASH"): "hash() over the constant OBS_META_COLUMNS",
    ("store/schema.py", "_META_SAME"): "join condition over the constant OBS_META_COLUMNS",
    ("store/schema.py", "_OBS_VIEW"): "constant view definition",
    ("store/schema.py", "_ROW_COLUMNS"): "constant column list",
    ("store/schema.py", "cols"): "', '.join(OBS_COLUMNS or IND_COLUMNS): constants",
    ("store/schema.py", "ctes"): "constant CTEs: md5_number and byte-swap expressions over the staged columns",
    ("store/schema.py", "sql"): "built from constants; filter values go in as ? parameters",
    ("store/schema.py", "t"): "loop over the constant temp-table names _stage, _meta_map",
    ("store/schema.py", "v"): "loop over the constant temp-view names _normv, _raw",
    ("store/staging.py", "NORM_VIEW"): "constant temp-view name",
    ("store/staging.py", "_text_number(n)"): "the input column name n (through _q()) in a constant cast expression",
    ("store/staging.py", "base"): "the reviewed raw_sql in parentheses, or the constant temp-table name _raw_t",
    ("store/staging.py", "n"): "an input column name through _q()",
    ("store/staging.py", "prec_expr"): "num() or a constant",
    ("store/staging.py", "qual"): "txt() of a canonical column",
    ("store/staging.py", "raw_sql"): "raw_file_sql(): read_parquet/read_csv of a path and delimiter passed through _quote_literal",
    ("store/staging.py", "renames"): "the input's column names, each through _q()",
    ("store/staging.py", "retrieved"): "txt() of a canonical column and the current timestamp",
    ("store/staging.py", "sql"): "built from constants; filter values go in as ? parameters",
    ("store/staging.py", "value_expr"): "num()/unit CASE over constant UNIT_SCALES",
    ("store/staging.py", "vintage"): "txt() of canonical columns and today's date",
    ("sources/ingest.py", "value_col"): "'value_usd' or 'value' by table",
    ("sources/ingest.py", "prec_col"): "'precision_usd' or 'precision' by table",
    ("sources/ingest.py", "table"): "'observations' or 'indicators'",
    ("report/web/api.py", "sql"): "table name from the constant TABLE_FILTERS, column names checked against the table's own columns, values as ? parameters",
    ("report/web/snapshot.py", "q"): "_quote_ident of table names read from the store's own catalog",
    ("reconcile/validate.py", "plain"): "_source_sql(): read_parquet/csv_read_sql of a path, delimiter and header names through _quote_literal",
    ("reconcile/validate.py", "numbered"): "_source_sql(): the reviewed `plain` reader numbered by row_number()/file_row_number",
    ("reconcile/validate.py", "any_bad_value"): "frames.number_rules/figure_conditions over the constant column names value, flow, reporter, partner",
    ("reconcile/validate.py", "'SELECT coalesce(sum(_n), 0), coalesce(sum(_n_bad), 0), count(*) FILTER (' + ' OR '.join((f'coalesce(({r[0]}), false)' for r in group_rules)) + f'), list(DISTINCT {year_text}) FROM _g'"): "frames.code_rules/figure_conditions over constant column names and code lists; year_text a constant cast of the year column",
    ("reconcile/validate.py", "'SELECT ' + ', '.join((f'min(_row) FILTER ({r[0]}), count(*) FILTER ({r[0]})' for r, _ in rules)) + ' FROM _decl'"): "the rules of _rules(): frames' rule builders over constant column names and code lists",
    ("reconcile/validate.py", "year_rule"): "a constant cast of the year column; the bad year values each through _quote_literal",
    ("reconcile/validate.py", "bad"): "the reviewed rules and year_rule joined with OR",
    ("reconcile/validate.py", "value"): "the constant column name value, or _text_number() of it",
    ("reconcile/validate.py", "year"): "a constant cast of the year column",
    ("sources/national/__init__.py", "csv_read_sql(p, delim)"): "frames.csv_read_sql: path, delimiter and header names through _quote_literal",
}


def _interpolations() -> list[tuple[str, int, str]]:
    """(file, line, expression) for every value formatted into the SQL text of a DB call in src/."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SQL_CALLS and node.args):
                continue
            arg = node.args[0]
            exprs: list[ast.expr] = []
            if isinstance(arg, ast.JoinedStr):
                exprs = [v.value for v in arg.values if isinstance(v, ast.FormattedValue)]
            elif isinstance(arg, ast.BinOp):
                exprs = [arg]
            elif isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "format":
                exprs = [arg]
            elif isinstance(arg, ast.Name):
                exprs = [arg]
            for e in exprs:
                if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in QUOTING:
                    continue
                if isinstance(e, ast.BinOp) and isinstance(e.left, ast.Name) and isinstance(e.right, ast.Constant):
                    e = e.left  # sql + " ORDER BY ...": the variable is what needs review
                found.append((rel, node.lineno, ast.unparse(e)))
    return found


def test_no_sql_formatted_from_unreviewed_values() -> None:
    found = _interpolations()
    assert len(found) >= 10  # the scan does see the store's and the stager's SQL
    unreviewed = [f"{f}:{line}: {{{expr}}}" for f, line, expr in found if (f, expr) not in REVIEWED]
    assert not unreviewed, (
        "SQL text formatted from values nobody reviewed; pass user input as ? parameters (or through Ibis), "
        "quote identifiers with a helper, or add the expression to REVIEWED with the reason it is safe: "
        + "; ".join(unreviewed)
    )


def test_scanner_catches_formatted_user_input(tmp_path: Path) -> None:
    """The scan is not vacuous: it flags an f-string, a format() and a concatenation."""
    bad = ('def f(con, name):\n    con.execute(f"SELECT * FROM t WHERE name = \'{name}\'")\n'
           '    con.execute("SELECT {}".format(name))\n    con.sql("SELECT " + name)\n')
    tree = ast.parse(bad)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr in SQL_CALLS]
    assert len(calls) == 3
    for call in calls:
        arg = call.args[0]
        assert isinstance(arg, ast.JoinedStr | ast.BinOp) or (
            isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "format")


def test_sql_in_data_and_filters_is_data(embedded_store_path: Path, tmp_path: Path) -> None:
    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    evil = "x'); DROP TABLE observations; --"
    f = tmp_path / "evil.csv"
    f.write_text("reporter,partner,flow,period,value_usd,source_id,note,title\n"
                 f'CHN,KAZ,X,2025,29700000000,CN-GACC,"{evil}","<script>alert(1)</script>"\n', encoding="utf-8")
    with Store(db) as store:
        n = store.count()
        store.ingest_file(f)
        assert store.count() == n + 1
        row = store.observations(reporter="CHN", partner="KAZ", flow="X", period="2025", source_id="CN-GACC")
        assert evil in set(row["note"])
        assert store.observations(reporter=["CHN' OR '1'='1"]).empty
        with pytest.raises(StoreError, match="no table"):
            store.read_table('observations"; DROP TABLE observations; --')
        with pytest.raises(StoreError, match="bad table name"):
            store.count('observations"; DROP TABLE observations; --')
        assert store.count() == n + 1
    header = tmp_path / "evil_header.csv"
    header.write_text('reporter,partner,flow,period,value_usd,"source_id"" FROM x; --"\nCHN,KAZ,X,2025,1,CN-GACC\n',
                      encoding="utf-8")
    with Store(db) as store, pytest.raises(ParseError, match="unknown column"):
        store.ingest_file(header)
    with Store(db) as store, pytest.raises(CodeError):
        store.ingest_frame(pd.DataFrame({
            "reporter": ["CHN"], "partner": ["KAZ' OR 1=1 --"], "flow": ["X"], "period": ["2025"],
            "value_usd": ["1"], "source_id": ["CN-GACC"]}), file="frame")


def test_stored_script_is_escaped_on_the_dashboard(embedded_store_path: Path, tmp_path: Path) -> None:
    """A figure whose citation carries markup (stored, not typed into a form) is shown as text."""
    from fastapi.testclient import TestClient

    from mirrortrade.report.web.app import create_app

    db = copy_store(embedded_store_path, tmp_path / "store.duckdb")
    script = '<script>document.title="pwned"</script>'
    f = tmp_path / "xss.csv"
    f.write_text("reporter,partner,flow,period,value_usd,source_id,publisher,title,quote\n"
                 f'CHN,KAZ,X,2024-Q3,7100000000,CN-GACC,"<b>Evil</b> Post","{script.replace(chr(34), chr(34) * 2)}",'
                 f'"{script.replace(chr(34), chr(34) * 2)}<img src=x onerror=alert(1)>"\n', encoding="utf-8")
    with Store(db) as store:
        store.ingest_file(f)
        (fid,) = store.observations(reporter="CHN", partner="KAZ", period="2024-Q3")["figure_id"]
    with TestClient(create_app(db)) as client:
        r = client.get(f"/figures/{fid}")
        assert r.status_code == 200
        assert script not in r.text and "<img src=x" not in r.text and "<b>Evil</b>" not in r.text
        assert "&lt;script&gt;" in r.text and "&lt;b&gt;Evil&lt;/b&gt; Post" in r.text
        api = client.get(f"/api/v1/figures/{fid}")
        assert api.status_code == 200 and api.headers["content-type"].startswith("application/json")
        assert script in api.text.replace('\\"', '"')  # JSON carries the text as data
