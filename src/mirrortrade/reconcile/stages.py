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


def deduplicated(t: ir.Table, *, flow: str, on_duplicate: str, has_figure_id: bool) -> ir.Table:
    """One row per declaration key of one flow (``X`` or ``M``), with the number of rows it stood
    for and whether they disagreed. (One group-by per flow: DuckDB would otherwise compute a
    shared group-by twice for the two sides of the join.)

    ``on_duplicate``: ``error`` keeps the (single) value and marks conflicts for the engine to
    raise on; ``last`` takes the last row in input order; ``sum`` adds the distinct rows
    (exact duplicates are dropped first).
    """
    key = [k for k in KEY if k != "flow"]
    t = t.filter(t.flow == flow)
    if on_duplicate == "sum":
        # exact duplicates go first; the distinct values of a key are then added
        dist = {"_n": t.count()}
        if has_figure_id:
            dist["figure_id"] = t.figure_id.max()
        t = t.group_by([*key, "value"]).aggregate(**dist)
        aggs: dict[str, ir.Value] = {
            "n_exact": t._n.sum() - t.count(),
            "vmin": t.value.min(),
            "vmax": t.value.max(),
            "value": t.value.sum(),
        }
    else:
        aggs = {
            "n_exact": ibis.ifelse(t.value.min() == t.value.max(), t.count() - 1, 0),
            "vmin": t.value.min(),
            "vmax": t.value.max(),
            "value": t.value.argmax(t._row) if on_duplicate == "last" else t.value.min(),
        }
    if has_figure_id:
        aggs["figure_id"] = t.figure_id.argmax(t._row) if on_duplicate == "last" else t.figure_id.max()
    return t.group_by(key).aggregate(**aggs)


def mirror_pairs(x: ir.Table, m: ir.Table, *, has_figure_id: bool) -> ir.Table:
    """Exporter's exports to the importer (FOB) beside the importer's imports from the exporter (CIF).

    ``x`` and ``m`` are the deduplicated export and import declarations. Full outer join on
    exporter, importer, year, product: a row exists when either side does. ``lr`` is
    ``ln(value_importer / value_exporter)`` when both sides exist.
    """
    xs = {
        "exporter": x.reporter,
        "importer": x.partner,
        "year": x.year,
        "product": x["product"],
        "value_exporter": x.value,
        "dup_exporter": x.n_exact,
        "conflict_exporter": x.vmin != x.vmax,
    }
    ms = {
        "exporter": m.partner,
        "importer": m.reporter,
        "year": m.year,
        "product": m["product"],
        "value_importer": m.value,
        "dup_importer": m.n_exact,
        "conflict_importer": m.vmin != m.vmax,
    }
    if has_figure_id:
        xs["figure_id_exporter"] = x.figure_id
        ms["figure_id_importer"] = m.figure_id
    xs_t = x.select(**xs)
    ms_t = m.select(**ms)
    j = xs_t.outer_join(ms_t, list(PAIR_KEY))
    out = {
        "exporter": ibis.coalesce(j.exporter, j.exporter_right),
        "importer": ibis.coalesce(j.importer, j.importer_right),
        "year": ibis.coalesce(j.year, j.year_right),
        "product": ibis.coalesce(j["product"], j["product_right"]),
        "value_exporter": j.value_exporter,
        "value_importer": j.value_importer,
        "lr": (j.value_importer / j.value_exporter).ln(),
        "dup_exporter": j.dup_exporter.fill_null(0),
        "dup_importer": j.dup_importer.fill_null(0),
        "conflict_exporter": j.conflict_exporter.fill_null(False),
        "conflict_importer": j.conflict_importer.fill_null(False),
    }
    if has_figure_id:
        out["figure_id_exporter"] = j.figure_id_exporter
        out["figure_id_importer"] = j.figure_id_importer
    return j.select(**out)


def cell_stats(p: ir.Table) -> ir.Table:
    """Per exporter, importer and year: how many rows each side has (and how many duplicates or
    conflicting values were folded into them), and the first-pass sums of the log ratio over rows
    whose sides agree within ×10."""
    inwin = p.lr.notnull() & (p.lr.abs() < LN_WINDOW)
    return p.group_by(list(CELL_KEY)).aggregate(
        n_rows=p.count(),
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
    cols = {
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
    return q.select(**cols)


def row_findings(q: ir.Table) -> ir.Table:
    """Rows flagged by the row-level rules (unit errors, phantom exports); few rows."""
    return q.filter(q.unit_error | q.phantom).select(
        "exporter", "importer", "year", "product", "value_exporter", "value_importer", "cif_rate",
        "resid", "unit_error", "phantom", "exp_better",
    )
