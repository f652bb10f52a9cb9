"""The reconciliation stages as Ibis expressions: one analysis for every backend.

``declarations → mirror_pairs → cell_stats → pair_rows → estimate_rows``.
Each function takes Ibis tables (plus small pandas frames that the engine turns into
memtables) and returns an Ibis table; :mod:`mirrortrade.reconcile.engine` runs them on the
backend chosen at connect time. The fitting between stages (CIF margin per pair, reporter
reliability) works on pair-level statistics of at most countries² × years rows and lives in
:mod:`mirrortrade.reconcile.reliability`; the row-level work on the fetched pairs (trimming, unit-error
candidates, the phantom rule's flows) in :mod:`mirrortrade.reconcile.rows`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from mirrortrade.model import AGGREGATES

#: a declaration's key: one value per key is expected
KEY = ("reporter", "partner", "flow", "year", "product")
#: a mirror pair's key, from the exporter's view
PAIR_KEY = ("exporter", "importer", "year", "product")
#: the cell over which persistence is judged: one exporter, one importer, one year
CELL_KEY = ("exporter", "importer", "year")

#: rows whose two sides differ by more than ×10 are left out of the first reliability pass
#: (they are unit errors or planted anomalies, not reporting noise)
LN_WINDOW = math.log(10.0)
#: a unit error leaves, after its factor, a gap within UNIT_Z σ of the pair's noise
UNIT_Z = 3.0


def normalise(t: ir.Table, *, has_figure_id: bool, row_col: str | None) -> ir.Table:
    """Cast the declaration columns to their types; keep ``figure_id`` and a row number if asked."""
    cols = {
        "reporter": t.reporter.cast("string"),
        "partner": t.partner.cast("string"),
        "flow": t.flow.cast("string"),
        "year": t.year.cast("int64"),
        "product": t["product"].cast("string"),
        "value": t.value.cast("float64"),
    }
    if has_figure_id:
        cols["figure_id"] = t.figure_id.cast("string")
    if row_col is not None:
        cols["_row"] = t[row_col].cast("int64")
    return t.select(**cols)


def input_profile(t: ir.Table) -> ir.Table:
    """One row counting what :func:`usable` drops and why."""
    bad_value = t.value.isnull() | (t.value <= 0) | t.value.isnan() | t.value.isinf()
    aggregate = t.reporter.isin(tuple(AGGREGATES)) | t.partner.isin(tuple(AGGREGATES))
    return t.aggregate(
        n_rows=t.count(),
        n_other_flow=t.count(where=~t.flow.isin(("X", "M"))),
        n_aggregate=t.count(where=aggregate),
        n_self=t.count(where=t.reporter == t.partner),
        n_bad_value=t.count(where=bad_value),
        n_no_year=t.count(where=t.year.isnull()),
    )


def usable(t: ir.Table) -> ir.Table:
    """Bilateral exports and imports between two countries with a positive value.

    World and regional partners (``WLD``, ``CA5``, ...) are never paired with bilateral rows;
    re-exports/re-imports and turnover are kept apart (not used).
    """
    aggs = tuple(AGGREGATES)
    return t.filter(
        t.flow.isin(("X", "M")),
        ~t.reporter.isin(aggs),
        ~t.partner.isin(aggs),
        t.reporter != t.partner,
        t.value.notnull(),
        t.value > 0,
        ~t.value.isinf(),
        t.year.notnull(),
    )


def cell_hash(backend: str) -> Callable[[ir.Value, ir.Value, ir.Value], ir.Value] | None:
    """A 63/64-bit hash of a cell key (exporter, importer, year) as a signed BIGINT on ``backend``:
    DuckDB's ``hash`` (shifted into the signed range: DuckDB cannot push an unsigned filter constant
    above 2⁶³ into a pandas/Arrow scan), Spark's ``xxhash64``. Joins of the row-level pairs with
    per-cell tables use it as their single key once the engine has checked it is unique over the
    cells (else they join on the key columns). None for another backend (joins on the key columns)."""
    if backend not in ("duckdb", "spark"):
        return None
    if backend == "spark":

        @ibis.udf.scalar.builtin(name="xxhash64")
        def _xxhash64(a: str, b: str, c: int) -> int:  # type: ignore[empty-body]
            ...

        return _xxhash64

    @ibis.udf.scalar.builtin(name="hash")
    def _hash(a: str, b: str, c: int) -> dt.uint64:  # type: ignore[empty-body]
        ...

    def signed(a: ir.Value, b: ir.Value, c: ir.Value) -> ir.Value:
        return (_hash(a, b, c) >> 1).cast("int64")

    return signed


def mirror_pairs(
    t: ir.Table,
    *,
    on_duplicate: str,
    has_figure_id: bool,
    hash_fn: Callable[[ir.Value, ir.Value, ir.Value], ir.Value] | None = None,
) -> ir.Table:
    """Exporter's exports to the importer (FOB) beside the importer's imports from the exporter (CIF).

    ``t``: usable declarations (see :func:`usable`). Each declaration is put in the exporter's
    frame (an import of i from e is the flow e → i) and one group-by over exporter, importer,
    year and product gives both sides at once — deduplicating each side and pairing them in a
    single pass (a full outer join in effect: a row exists when either side does).

    ``on_duplicate``: ``error`` keeps the (single) value and marks conflicts for the engine to
    raise on; ``last`` takes the last row in input order; ``sum`` adds the distinct values of a
    key (exact duplicates are dropped first). ``n_decl`` counts the declarations folded into the
    row, ``n_dup`` the exact duplicates dropped among them, ``n_conflict`` the sides (0–2) whose
    declarations disagree. In ``error`` mode ``n_dup`` is exact wherever ``n_conflict`` is 0 (a
    conflict is raised on). ``h`` is ``hash_fn(exporter, importer, year)`` when given. The log
    ratio is not stored: later stages compute ``ln(value_importer / value_exporter)`` as they scan.
    """
    is_x = t.flow == "X"
    null = ibis.null("float64")
    cols: dict[str, ir.Value] = {
        "exporter": ibis.ifelse(is_x, t.reporter, t.partner),
        "importer": ibis.ifelse(is_x, t.partner, t.reporter),
        "year": t.year,
        "product": t["product"],
        "vx": ibis.ifelse(is_x, t.value, null),
        "vm": ibis.ifelse(is_x, null, t.value),
    }
    if has_figure_id:
        cols["fx"] = ibis.ifelse(is_x, t.figure_id, ibis.null("string"))
        cols["fm"] = ibis.ifelse(is_x, ibis.null("string"), t.figure_id)
    if on_duplicate == "last":
        cols["_row"] = t._row
    u = t.select(**cols)
    key = list(PAIR_KEY)
    if on_duplicate == "sum":
        # exact duplicates go first (one of vx / vm is null on every row)
        dist: dict[str, ir.Value] = {"_n": u.count()}
        if has_figure_id:
            dist["fx"] = u.fx.max()
            dist["fm"] = u.fm.max()
        u = u.group_by([*key, "vx", "vm"]).aggregate(**dist)
    if on_duplicate == "error":
        # the cheapest aggregate set: one value per side, a row count and whether a side disagrees
        aggs: dict[str, ir.Value] = {
            "value_exporter": u.vx.min(),
            "value_importer": u.vm.min(),
            "n": u.count(),
            "cx": (u.vx.max() != u.vx.min()).fill_null(False),
            "cm": (u.vm.max() != u.vm.min()).fill_null(False),
        }
    else:
        aggs = {
            "nx": u.vx.count(),
            "nm": u.vm.count(),
            "xmin": u.vx.min(),
            "xmax": u.vx.max(),
            "mmin": u.vm.min(),
            "mmax": u.vm.max(),
        }
    if on_duplicate == "sum":
        aggs["value_exporter"] = u.vx.sum()
        aggs["value_importer"] = u.vm.sum()
        aggs["rows_x"] = u._n.sum(where=u.vx.notnull())
        aggs["rows_m"] = u._n.sum(where=u.vm.notnull())
    elif on_duplicate == "last":
        aggs["value_exporter"] = u.vx.argmax(u._row, where=u.vx.notnull())
        aggs["value_importer"] = u.vm.argmax(u._row, where=u.vm.notnull())
    if has_figure_id:
        if on_duplicate == "last":
            aggs["figure_id_exporter"] = u.fx.argmax(u._row, where=u.fx.notnull())
            aggs["figure_id_importer"] = u.fm.argmax(u._row, where=u.fm.notnull())
        else:
            aggs["figure_id_exporter"] = u.fx.max()
            aggs["figure_id_importer"] = u.fm.max()
    g = u.group_by(key).aggregate(**aggs)
    if on_duplicate == "error":
        sides = g.value_exporter.notnull().cast("int64") + g.value_importer.notnull().cast("int64")
        n_decl = g.n
        n_dup = g.n - sides
        n_conflict = g.cx.cast("int64") + g.cm.cast("int64")
        vx, vm = g.value_exporter, g.value_importer
    else:
        if on_duplicate == "sum":
            rows_x, rows_m = g.rows_x.fill_null(0), g.rows_m.fill_null(0)
            dup_x = (g.rows_x - g.nx).fill_null(0)
            dup_m = (g.rows_m - g.nm).fill_null(0)
            vx, vm = g.value_exporter, g.value_importer
        else:  # last
            rows_x, rows_m = g.nx.fill_null(0), g.nm.fill_null(0)
            dup_x = ibis.ifelse(g.xmin == g.xmax, g.nx - 1, 0).fill_null(0)
            dup_m = ibis.ifelse(g.mmin == g.mmax, g.nm - 1, 0).fill_null(0)
            vx, vm = g.value_exporter, g.value_importer
        n_decl = rows_x + rows_m
        n_dup = dup_x + dup_m
        n_conflict = (g.xmin != g.xmax).fill_null(False).cast("int64") + (g.mmin != g.mmax).fill_null(
            False
        ).cast("int64")
    out: dict[str, ir.Value] = {
        "exporter": g.exporter,
        "importer": g.importer,
        "year": g.year,
        "product": g["product"],
        "value_exporter": vx,
        "value_importer": vm,
        "n_decl": n_decl.cast("int32"),
        "n_dup": n_dup.cast("int32"),
        "n_conflict": n_conflict.cast("int8"),
    }
    if has_figure_id:
        out["figure_id_exporter"] = g.figure_id_exporter
        out["figure_id_importer"] = g.figure_id_importer
    if hash_fn is not None:
        out["h"] = hash_fn(g.exporter, g.importer, g.year)
    return g.select(**out)


def log_ratio(p: ir.Table) -> ir.Value:
    """``ln(value_importer / value_exporter)``: null unless both sides are there."""
    return (p.value_importer / p.value_exporter).ln()


def cell_stats(p: ir.Table) -> ir.Table:
    """Per exporter, importer and year: how many rows each side has (and how many duplicates or
    conflicting values were folded into them), and the first-pass sums of the log ratio over rows
    whose sides agree within ×10. With a cell hash ``h`` in ``p``, each cell's hash comes along."""
    lr = log_ratio(p)
    inwin = lr.notnull() & (lr.abs() < LN_WINDOW)
    aggs: dict[str, ir.Value] = {
        "n_rows": p.count(),
        "n_decl": p.n_decl.sum(),
        "n_dup": p.n_dup.sum(),
        "n_conflict": p.n_conflict.sum(),
        "n_exporter_rows": p.value_exporter.count(),
        "n_importer_rows": p.value_importer.count(),
        "n_both": lr.count(),
        "n0": p.count(where=inwin),
        "s1": lr.sum(where=inwin),
        "s2": (lr * lr).sum(where=inwin),
        "m_min": p.value_importer.min(),
    }
    if "h" in p.columns:
        aggs["h"] = p.h.arbitrary()
    return p.group_by(list(CELL_KEY)).aggregate(**aggs)


def pair_rows(p: ir.Table, cell_index: ir.Table, key: Sequence[str] = CELL_KEY) -> ir.Table:
    """The narrow table of every pair: the cell's position ``i`` (from ``cell_index``: the cell ``key`` and
    ``i``), the product and both sides (``vx``, ``vm``). Fetched once;
    the trimming rounds, the unit-error candidates and the phantom rule's flow tables are computed from it in
    NumPy (:mod:`mirrortrade.reconcile.rows`), without another pass over the pairs."""
    j = p.inner_join(cell_index, list(key))
    return j.select(i=j.i.cast("int32"), product=j["product"], vx=j.value_exporter, vm=j.value_importer)


def estimate_rows(
    p: ir.Table, cells: ir.Table, *, z90: float, has_figure_id: bool, key: Sequence[str] = CELL_KEY
) -> ir.Table:
    """Row-level estimates, pair statistics and anomaly flags.

    ``cells`` (one row per cell, joined on ``key``: exporter, importer, year or the cell hash ``h``) carries the CIF rate and its source, ``c = ln(1+cif)``,
    the pair's noise ``s_pair = √(σ_e² + σ_i²)``, the both-sides weight ``w_both`` and log-σ ``s_both``, the one-side log-σ ``s_exp`` /
    ``s_mir`` (or the interval factors ``g_* = exp(z90·s_*)``), whether the exporter side is the more reliable (``exp_better``), whether the
    importer reports that exporter at all that year (``importer_reports``) and the value above
    which an export without importer trace would have been published (``phantom_floor``).
    """
    j = p.left_join(cells, list(key))
    j = j.mutate(lr=log_ratio(j))
    has_x = j.value_exporter.notnull()
    has_m = j.value_importer.notnull()
    m_fob = j.value_importer / (1.0 + j.cif_rate)
    resid = j.lr - j.c
    # a ×1000 (or ×1,000,000) unit error: the gap is far beyond the pair's noise, and what is left
    # after taking out the factor is within it (3σ of the pair, at least a factor of 2)
    far = resid.abs()
    tol = ibis.greatest(UNIT_Z * j.s_pair, math.log(2.0))
    unit_error = (has_x & has_m) & (far > math.log(1000.0) / 2.0) & (
        ((far - math.log(1e3)).abs() <= tol) | ((far - math.log(1e6)).abs() <= tol)
    )
    # the method as a small integer (0 both, 1 exporter_only, 2 mirror_only): the per-method
    # choices below compare integers, not the method's name
    code = ibis.cases(
        (has_x & has_m & ~unit_error, 0),
        (has_x & has_m & unit_error & j.exp_better, 1),
        (has_x & has_m & unit_error, 2),
        (has_x, 1),
        else_=2,
    )
    q = j.mutate(
        m_fob=m_fob,
        resid=resid,
        unit_error=unit_error,
        method_code=code,
    )
    method = ibis.cases((q.method_code == 0, "both"), (q.method_code == 1, "exporter_only"), else_="mirror_only")
    w = ibis.cases(
        (q.method_code == 0, q.w_both),
        (q.method_code == 1, 1.0),
        else_=0.0,
    )
    # the 90% interval's factor exp(z90·σ) of the method's σ: per cell when the cells carry it
    # (g_both, g_exp, g_mir), else computed here
    if "g_both" in q.columns:
        g = ibis.cases((q.method_code == 0, q.g_both), (q.method_code == 1, q.g_exp), else_=q.g_mir)
    else:
        s = ibis.cases((q.method_code == 0, q.s_both), (q.method_code == 1, q.s_exp), else_=q.s_mir)
        g = (z90 * s).exp()
    est = ibis.cases(
        (q.method_code == 0, q.w_both * q.value_exporter + (1.0 - q.w_both) * q.m_fob),
        (q.method_code == 1, q.value_exporter),
        else_=q.m_fob,
    )
    q = q.mutate(method=method, weight_exporter=w, interval_factor=g, estimate=est)
    q = q.mutate(
        estimate_low=q.estimate / q.interval_factor,
        estimate_high=q.estimate * q.interval_factor,
    )
    return q


def estimates_table(q: ir.Table, *, has_figure_id: bool) -> ir.Table:
    """The ``estimates`` output columns (the CLI contract), plus figure ids when known."""
    cols = [
        "exporter", "importer", "year", "product", "value_exporter", "value_importer", "cif_rate",
        "weight_exporter", "estimate", "estimate_low", "estimate_high", "method",
    ]
    if has_figure_id:
        cols += ["figure_id_exporter", "figure_id_importer"]
    return q.select(*cols)


def pairs_table(q: ir.Table, *, has_figure_id: bool) -> ir.Table:
    """The ``pairs`` output: both sides, gap, ratio, log ratio, CIF rate used and the FOB gap."""
    return q.select(**_pairs_columns(q, has_figure_id=has_figure_id))


def _pairs_columns(q: ir.Table, *, has_figure_id: bool) -> dict[str, ir.Value]:
    cols: dict[str, ir.Value] = {
        "exporter": q.exporter,
        "importer": q.importer,
        "year": q.year,
        "product": q["product"],
        "value_exporter": q.value_exporter,
        "value_importer": q.value_importer,
        "gap": q.value_importer - q.value_exporter,
        "ratio": q.value_importer / q.value_exporter,
        "log_ratio": q.lr,
        "cif_rate": q.cif_rate,
        "cif_source": q.cif_source,
        "value_importer_fob": q.m_fob,
        "gap_fob": q.m_fob - q.value_exporter,
        "log_gap_fob": q.resid,
    }
    if has_figure_id:
        cols["figure_id_exporter"] = q.figure_id_exporter
        cols["figure_id_importer"] = q.figure_id_importer
    return cols


def output_rows(q: ir.Table, *, has_figure_id: bool) -> ir.Table:
    """The columns of :func:`estimates_table` and :func:`pairs_table` together (each name once),
    so that both outputs can be written from one scan of the estimate rows."""
    cols = _pairs_columns(q, has_figure_id=has_figure_id)
    for c in estimates_table(q, has_figure_id=has_figure_id).columns:
        cols.setdefault(c, q[c])
    return q.select(**cols)


#: the columns of :func:`row_findings`
ROW_FINDING_COLUMNS = (
    "exporter", "importer", "year", "product", "value_exporter", "value_importer", "cif_rate",
    "resid", "unit_error", "exp_better", "s_pair",
)


def row_findings(q: ir.Table) -> ir.Table:
    """Rows flagged by the row-level unit-error rule; few rows."""
    return q.filter(q.unit_error).select(*ROW_FINDING_COLUMNS)
