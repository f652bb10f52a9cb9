"""The reconciliation stages as Ibis expressions: one analysis for every backend.

``declarations → mirror_pairs → cell_stats → trimmed_stats → estimate_rows``.
Each function takes Ibis tables (plus small pandas frames that the engine turns into
memtables) and returns an Ibis table; :mod:`mirrortrade.reconcile.engine` runs them on the
backend chosen at connect time. The fitting between stages (CIF margin per pair, reporter
reliability) works on pair-level statistics of at most countries² × years rows and lives in
:mod:`mirrortrade.reconcile.reliability`.
"""

from __future__ import annotations

import math

import ibis
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


def mirror_pairs(t: ir.Table, *, on_duplicate: str, has_figure_id: bool) -> ir.Table:
    """Exporter's exports to the importer (FOB) beside the importer's imports from the exporter (CIF).

    ``t``: usable declarations (see :func:`usable`). Each declaration is put in the exporter's
    frame (an import of i from e is the flow e → i) and one group-by over exporter, importer,
    year and product gives both sides at once — deduplicating each side and pairing them in a
    single pass (a full outer join in effect: a row exists when either side does).

    ``on_duplicate``: ``error`` keeps the (single) value and marks conflicts for the engine to
    raise on; ``last`` takes the last row in input order; ``sum`` adds the distinct values of a
    key (exact duplicates are dropped first). ``dup_*`` count the exact duplicates dropped,
    ``conflict_*`` mark keys with different values, ``lr`` is ``ln(value_importer / value_exporter)``.
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
    aggs: dict[str, ir.Value] = {
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
    if on_duplicate == "sum":
        dup_x = (g.rows_x - g.nx).fill_null(0)
        dup_m = (g.rows_m - g.nm).fill_null(0)
        vx, vm = g.value_exporter, g.value_importer
    else:
        dup_x = ibis.ifelse(g.xmin == g.xmax, g.nx - 1, 0).fill_null(0)
        dup_m = ibis.ifelse(g.mmin == g.mmax, g.nm - 1, 0).fill_null(0)
        vx = g.value_exporter if on_duplicate == "last" else g.xmin
        vm = g.value_importer if on_duplicate == "last" else g.mmin
    out: dict[str, ir.Value] = {
        "exporter": g.exporter,
        "importer": g.importer,
        "year": g.year,
        "product": g["product"],
        "value_exporter": vx,
        "value_importer": vm,
        "lr": (vm / vx).ln(),
        "rows_exporter": (g.rows_x if on_duplicate == "sum" else g.nx).fill_null(0).cast("int64"),
        "rows_importer": (g.rows_m if on_duplicate == "sum" else g.nm).fill_null(0).cast("int64"),
        "dup_exporter": dup_x.cast("int64"),
        "dup_importer": dup_m.cast("int64"),
        "conflict_exporter": (g.xmin != g.xmax).fill_null(False),
        "conflict_importer": (g.mmin != g.mmax).fill_null(False),
    }
    if has_figure_id:
        out["figure_id_exporter"] = g.figure_id_exporter
        out["figure_id_importer"] = g.figure_id_importer
    return g.select(**out)


def cell_stats(p: ir.Table) -> ir.Table:
    """Per exporter, importer and year: how many rows each side has (and how many duplicates or
    conflicting values were folded into them), and the first-pass sums of the log ratio over rows
    whose sides agree within ×10."""
    inwin = p.lr.notnull() & (p.lr.abs() < LN_WINDOW)
    return p.group_by(list(CELL_KEY)).aggregate(
        n_rows=p.count(),
        n_decl=p.rows_exporter.sum() + p.rows_importer.sum(),
        n_dup=p.dup_exporter.sum() + p.dup_importer.sum(),
        n_conflict=p.count(where=p.conflict_exporter) + p.count(where=p.conflict_importer),
        n_exporter_rows=p.value_exporter.count(),
        n_importer_rows=p.value_importer.count(),
        n_both=p.lr.count(),
        n0=p.count(where=inwin),
        s1=p.lr.sum(where=inwin),
        s2=(p.lr * p.lr).sum(where=inwin),
        m_min=p.value_importer.min(),
    )


def trimmed_stats(p: ir.Table, thresholds: ir.Table) -> ir.Table:
    """Per cell: sums of the CIF-adjusted log residual ``r = lr − ln(1 + cif)`` over rows with
    ``|r| ≤ thr`` (``thresholds`` has exporter, importer, year, c, thr)."""
    b = p.filter(p.lr.notnull()).select("exporter", "importer", "year", "lr")
    j = b.inner_join(thresholds, list(CELL_KEY))
    r = j.lr - j.c
    keep = r.abs() <= j.thr
    return j.group_by(list(CELL_KEY)).aggregate(
        n=j.count(where=keep),
        s1=r.sum(where=keep),
        s2=(r * r).sum(where=keep),
    )


def estimate_rows(p: ir.Table, cells: ir.Table, *, z90: float, has_figure_id: bool) -> ir.Table:
    """Row-level estimates, pair statistics and anomaly flags.

    ``cells`` (exporter, importer, year) carries the CIF rate and its source, ``c = ln(1+cif)``,
    the pair's noise ``s_pair = √(σ_e² + σ_i²)``, the both-sides weight ``w_both`` and log-σ ``s_both``, the one-side log-σ ``s_exp`` /
    ``s_mir``, whether the exporter side is the more reliable (``exp_better``), whether the
    importer reports that exporter at all that year (``importer_reports``) and the value above
    which an export without importer trace is a phantom (``phantom_floor``).
    """
    j = p.left_join(cells, list(CELL_KEY))
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
    method = ibis.cases(
        (has_x & has_m & ~unit_error, "both"),
        (has_x & has_m & unit_error & j.exp_better, "exporter_only"),
        (has_x & has_m & unit_error, "mirror_only"),
        (has_x, "exporter_only"),
        else_="mirror_only",
    )
    q = j.mutate(
        m_fob=m_fob,
        resid=resid,
        unit_error=unit_error,
        method=method,
        phantom=has_x & ~has_m & j.importer_reports & (j.value_exporter >= j.phantom_floor),
    )
    w = ibis.cases(
        (q.method == "both", q.w_both),
        (q.method == "exporter_only", 1.0),
        else_=0.0,
    )
    s = ibis.cases(
        (q.method == "both", q.s_both),
        (q.method == "exporter_only", q.s_exp),
        else_=q.s_mir,
    )
    est = ibis.cases(
        (q.method == "both", q.w_both * q.value_exporter + (1.0 - q.w_both) * q.m_fob),
        (q.method == "exporter_only", q.value_exporter),
        else_=q.m_fob,
    )
    q = q.mutate(weight_exporter=w, sigma_estimate=s, estimate=est)
    q = q.mutate(
        estimate_low=q.estimate * (-z90 * q.sigma_estimate).exp(),
        estimate_high=q.estimate * (z90 * q.sigma_estimate).exp(),
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


def row_findings(q: ir.Table) -> ir.Table:
    """Rows flagged by the row-level rules (unit errors, phantom exports); few rows."""
    return q.filter(q.unit_error | q.phantom).select(
        "exporter", "importer", "year", "product", "value_exporter", "value_importer", "cif_rate",
        "resid", "unit_error", "phantom", "exp_better",
    )
