"""Run the reconciliation: connect a backend once, run the named stages, collect the results.

Stages (each error names its stage): ``load → declarations → mirror_pairs → cif_fob →
reliability → best_estimate → findings``. Big tables stay in the backend (DuckDB reads Parquet
directly and spills to disk under its memory limit); only per-cell statistics (at most
countries² × years rows), the reliability table and the findings come back to Python. The
backends are set up in :mod:`.backend`, the fit lives in :mod:`.reliability`, the rules in
:mod:`.findings`, the result and its writing in :mod:`.result`.
"""

from __future__ import annotations

import math
import os
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.errors import DuplicateError, MirrortradeError, ParseError
from mirrortrade.reconcile import findings as findings_mod
from mirrortrade.reconcile import reliability as rel
from mirrortrade.reconcile import stages
from mirrortrade.reconcile.backend import BACKENDS, backend_name, connect, spark_session
from mirrortrade.reconcile.cells import categorical_codes, cell_frame
from mirrortrade.reconcile.estimate import Z90
from mirrortrade.reconcile.findings import FINDING_COLUMNS
from mirrortrade.reconcile.reliability import RELIABILITY_COLUMNS
from mirrortrade.reconcile.result import (
    ESTIMATE_COLUMNS,
    BackgroundWrite,
    ReconcileResult,
    StageError,
    write_jobs,
)
from mirrortrade.reconcile.rows import PairRows

__all__ = [
    "BACKENDS", "ESTIMATE_COLUMNS", "FINDING_COLUMNS", "ON_DUPLICATE", "RELIABILITY_COLUMNS", "STAGES",
    "ReconcileResult", "ReconcileWarning", "StageError", "connect", "reconcile", "spark_session",
]

STAGES: tuple[str, ...] = (
    "load", "declarations", "mirror_pairs", "cif_fob", "reliability", "best_estimate", "findings",
)
ON_DUPLICATE = ("error", "sum", "last")
REQUIRED = ("reporter", "partner", "flow", "year", "product", "value")

#: progress(stage, index, total) is called as each stage starts
Progress = Callable[[str, int, int], None]


class ReconcileWarning(UserWarning):
    """Something in the declarations was dropped or resolved (exact duplicates, unusable rows)."""


@contextmanager
def _stage(name: str, progress: Progress | None, timings: dict[str, float]) -> Iterator[None]:
    if progress is not None:
        progress(name, STAGES.index(name), len(STAGES))
    t0 = time.perf_counter()
    try:
        yield
    except MirrortradeError:
        raise
    except Exception as e:  # a backend error: name the stage
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise StageError(f"reconcile stage {name!r} failed: {type(e).__name__}: {first}") from e
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0

# ------------------------------------------------------------------------------------------
# Loading
# ------------------------------------------------------------------------------------------


def _load(declarations: Any, con: Any, backend: str, *, want_rows: bool) -> tuple[Any, str | None]:
    """An Ibis table of the raw declarations on ``con`` and the name of a row-order column."""
    import ibis
    import ibis.expr.types as ir

    if isinstance(declarations, ir.Table):
        return declarations, None
    if isinstance(declarations, pd.DataFrame):
        df = declarations
        if want_rows:
            df = df.assign(_input_row=np.arange(len(df), dtype="int64"))
        name = ibis.util.gen_name("declarations")
        if backend == "spark":
            con._session.createDataFrame(df).createOrReplaceTempView(name)
            table = con.table(name)
        else:
            table = con.create_table(name, df, temp=True)
        return table, ("_input_row" if want_rows else None)
    if isinstance(declarations, str | os.PathLike):
        path = Path(declarations)
        if not path.exists():
            raise ParseError("declarations file not found", file=str(path))
        name = path.name.lower()
        if name.endswith((".parquet", ".pq")) or path.is_dir():
            if backend == "duckdb" and want_rows:
                return con.read_parquet(str(path), file_row_number=True), "file_row_number"
            return con.read_parquet(str(path)), None
        if name.endswith((".csv", ".csv.gz", ".txt")):
            if backend == "duckdb":
                text = {c: "VARCHAR" for c in ("reporter", "partner", "flow", "product")}
                return con.read_csv(str(path), types=text), None
            return con.read_csv(str(path), header=True, inferSchema=False), None
        raise ParseError("declarations must be a .csv or .parquet file", file=str(path))
    raise ParseError(f"declarations must be a path, a pandas DataFrame or an Ibis table, not {type(declarations).__name__}")

# ------------------------------------------------------------------------------------------
# The analysis
# ------------------------------------------------------------------------------------------


def reconcile(
    declarations: Any,
    *,
    backend: str = "duckdb",
    con: Any = None,
    on_duplicate: str = "error",
    cif_prior: float = rel.CIF_PRIOR_BACI,
    spark_master: str | None = None,
    progress: Progress | None = None,
    threads: int | None = None,
    memory_limit: str | None = None,
    output: str | os.PathLike[str] | None = None,
    pairs: bool = False,
) -> ReconcileResult:
    """Reconcile mirror declarations into best estimates with uncertainty, reporter reliability
    and findings.

    ``declarations``: a CSV/Parquet path, a pandas DataFrame or an Ibis table with columns
    reporter, partner, flow (X|M), year, product, value (USD) and optionally figure_id (kept as
    provenance in the outputs). ``on_duplicate``: what to do when one key has different values:
    ``error`` (raise :class:`DuplicateError` naming the key), ``sum`` or ``last``; exact
    duplicates are always dropped with a warning. ``cif_prior``: the CIF margin used where the
    data say nothing (BACI ≈ 0.033; the IMF uses 0.06). ``output``: a directory to write the results
    into, as :meth:`ReconcileResult.write` does (``pairs`` too when ``pairs``); the estimates are then
    written by a thread while the findings are computed, and the call returns when every file is written.
    """
    import ibis
    import ibis.expr.types as ir

    if on_duplicate not in ON_DUPLICATE:
        raise MirrortradeError(f"on_duplicate must be one of {', '.join(ON_DUPLICATE)}, not {on_duplicate!r}")
    if isinstance(declarations, ir.Table) and con is None:
        con = declarations._find_backend()
    if con is None:
        if backend not in BACKENDS:
            raise MirrortradeError(f"unknown backend {backend!r} (expected one of {', '.join(BACKENDS)})")
        con = connect(backend, spark_master=spark_master, threads=threads, memory_limit=memory_limit)
    backend = backend_name(con)
    timings: dict[str, float] = {}
    notes: list[str] = []

    def note(msg: str) -> None:
        notes.append(msg)
        warnings.warn(msg, ReconcileWarning, stacklevel=3)

    want_rows = on_duplicate == "last"
    with _stage("load", progress, timings):
        raw, row_col = _load(declarations, con, backend, want_rows=want_rows)
        missing = [c for c in REQUIRED if c not in raw.columns]
        if missing:
            raise ParseError(
                f"declarations lack column(s) {', '.join(missing)} "
                f"(expected {', '.join(REQUIRED)})",
                file=str(declarations) if isinstance(declarations, str | os.PathLike) else None,
            )
        has_fid = "figure_id" in raw.columns
        if want_rows and row_col is None:
            raw = raw.mutate(_input_row=ibis.row_number())
            row_col = "_input_row"
        t = stages.normalise(raw, has_figure_id=has_fid, row_col=row_col)

    with _stage("declarations", progress, timings):
        n_rows = int(raw.count().to_pyarrow().as_py())  # Parquet: from the file's metadata
        ok = stages.usable(t)

    with _stage("mirror_pairs", progress, timings):
        pairs_all = stages.mirror_pairs(
            ok, on_duplicate=on_duplicate, has_figure_id=has_fid, hash_fn=stages.cell_hash(backend)
        ).cache()
        cells = categorical_codes(stages.cell_stats(pairs_all).to_pandas())
        # joins with per-cell tables run on the cell hash when it tells the cells apart (it always
        # should: 64 bits for at most countries² × years cells), else on the three key columns
        unique_hash = "h" in cells and cells["h"].notna().all() and cells["h"].is_unique
        key = ["h"] if unique_hash else list(stages.CELL_KEY)
        for col in (
            "n0", "s1", "s2", "n_both", "n_exporter_rows", "n_importer_rows", "n_rows", "n_dup", "n_conflict",
            "n_decl",
        ):
            cells[col] = pd.to_numeric(cells[col], errors="coerce").fillna(0).astype(float)
        n_kept = int(cells["n_decl"].sum())
        if n_rows > n_kept:  # say why rows were left out (one more scan, only when some were)
            prof = stages.input_profile(t).to_pandas().iloc[0]
            for col, what in (
                ("n_other_flow", "rows with a flow other than X or M (re-exports, re-imports, turnover) kept apart"),
                ("n_aggregate", "rows with a world or regional partner (WLD, CA5, ...) not paired"),
                ("n_self", "rows with reporter equal to partner dropped"),
                ("n_bad_value", "rows without a positive value dropped"),
                ("n_no_year", "rows without a year dropped"),
            ):
                if int(prof[col]):
                    notes.append(f"{int(prof[col]):,} {what}")
        n_exact = int(cells["n_dup"].sum())
        n_conflicts = int(cells["n_conflict"].sum())
        if n_conflicts and on_duplicate == "error":
            raise _duplicate_error(pairs_all, stages.usable(t), n_conflicts)
        if n_exact:
            note(f"dropped {n_exact:,} exact duplicate declaration(s)")
        if n_conflicts:
            note(f"{n_conflicts:,} declaration key(s) had different values: resolved by on_duplicate={on_duplicate!r}")
        n_pairs = int(cells["n_rows"].sum())
        n_both = int(cells["n_both"].sum())

    with _stage("cif_fob", progress, timings):
        cells = rel.with_cif(cells, cif_prior, rel.pooled_variance(cells))

    with _stage("reliability", progress, timings):
        # every pair once, narrow: the fit's trimming rounds and the findings' row-level work run on it
        rows = PairRows.fetch(pairs_all, cells, key)
        # the phantom rule's sort of the flows and its count of imports need no fit: a second thread does them
        # while this one fits
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mirrortrade-flows") as pool:
            flows_sorted = pool.submit(rows.sort_flows, cells)
            fit, cells, rounds = rel.fit_reliability(rows.log_ratios(), cells, cif_prior)
            sorted_flows = flows_sorted.result()

    with _stage("best_estimate", progress, timings):
        cells = findings_mod.cell_parameters(cells, fit)
        cell_cols = [
            "exporter", "importer", "year", "cif_rate", "cif_source", "c", "s_pair", "w_both", "g_both", "g_exp",
            "g_mir", "exp_better", "importer_reports", "phantom_floor",
        ]
        # each method's 90% interval factor exp(z90·σ), once per cell rather than per row
        for m in ("both", "exp", "mir"):
            cells[f"g_{m}"] = np.exp(Z90 * cells[f"s_{m}"].to_numpy(dtype=float))
        cells_mt = ibis.memtable(cell_frame(cells, cell_cols, key))
        q = stages.estimate_rows(pairs_all, cells_mt, z90=Z90, has_figure_id=has_fid, key=key)
        est_expr = stages.estimates_table(q, has_figure_id=has_fid)
        pairs_expr = stages.pairs_table(q, has_figure_id=has_fid)
        rows_expr = stages.output_rows(q, has_figure_id=has_fid)

    with _stage("findings", progress, timings):
        # unit errors: the rule on the few pairs that can meet it (chosen before the join with the cells)
        # |c| = |ln(1 + cif)| is at most ln(1.2) with the CIF band [0, 0.2]; the data's own maximum if larger
        c_abs = np.abs(cells["c"].to_numpy(dtype=float))
        max_c = math.log1p(max(abs(b) for b in rel.CIF_BAND))
        if np.isfinite(c_abs).any():
            max_c = max(max_c, float(c_abs[np.isfinite(c_abs)].max()))
        candidates = rows.unit_candidates(cells, key, max_c)
        if len(candidates):
            q_found = stages.estimate_rows(ibis.memtable(candidates), cells_mt, z90=Z90, has_figure_id=has_fid, key=key)
            flagged = stages.row_findings(q_found).to_pandas()
        else:
            flagged = pd.DataFrame(columns=stages.ROW_FINDING_COLUMNS)
        # the last backend query has run: from here the estimates can be written by a thread (the backend
        # streams them, pyarrow encodes them) while this one computes the rest in NumPy and pandas
        writer = None
        if output is not None:
            Path(output).mkdir(parents=True, exist_ok=True)
            writer = BackgroundWrite(write_jobs(
                Path(output), pairs=pairs, estimates_expr=est_expr, pairs_expr=pairs_expr, rows_expr=rows_expr
            ))
        try:
            # phantom exports: the importer's missing rate per exporter, then the flows it misses in several years
            flow_summary, one_sided = rows.flow_tables(cells, findings_mod.PHANTOM_MIN_YEARS, sorted_flows)
            publishes = rows.importer_publishes(cells, one_sided, sorted_flows)
            del rows, sorted_flows
            findings = findings_mod.findings([
                findings_mod.gap_findings(cells),
                findings_mod.unit_findings(flagged, n_both),
                findings_mod.phantom_findings(flow_summary, one_sided, publishes),
            ])
            reliability = rel.reliability_table(fit, cells)
            # estimates by method, from the cell counts and the few unit-error rows
            units = flagged[flagged["unit_error"].astype(bool)] if len(flagged) else flagged
            n_unit = len(units)
            n_unit_exp = int(units["exp_better"].astype(bool).sum()) if n_unit else 0
            method_counts = {
                "both": n_both - n_unit,
                "exporter_only": int((cells["n_exporter_rows"] - cells["n_both"]).sum()) + n_unit_exp,
                "mirror_only": int((cells["n_importer_rows"] - cells["n_both"]).sum()) + n_unit - n_unit_exp,
            }
        except BaseException:
            if writer is not None:
                writer.cancel()  # stops it at the next batch, leaves no file
            raise

    summary = {
        "backend": backend,
        "rows": n_rows,
        "pairs": n_pairs,
        "both_sides": n_both,
        "methods": method_counts,
        "rules": {str(k): int(v) for k, v in findings["rule"].value_counts().items()},
        "exact_duplicates": n_exact,
        "conflicting_keys": n_conflicts,
        "countries_exporter": int((reliability["role"] == "exporter").sum()),
        "countries_importer": int((reliability["role"] == "importer").sum()),
        "trim_rounds": rounds,
        "timings": timings,
    }
    result = ReconcileResult(
        backend=backend, con=con, estimates_expr=est_expr, pairs_expr=pairs_expr,
        reliability=reliability, findings=findings, summary=summary, warnings=notes,
        _tables=[pairs_all], rows_expr=rows_expr,
    )
    if writer is not None and output is not None:
        t0 = time.perf_counter()
        writer.join()  # the files get their names now; the writer's error (a StageError naming them) is raised here
        result._written.update(writer.paths)
        result.write(output, pairs=pairs)  # the small tables
        timings["write"] = time.perf_counter() - t0
    return result


def _duplicate_error(pairs_all: Any, usable: Any, n_conflicts: int) -> DuplicateError:
    row = (
        pairs_all.filter(pairs_all.n_conflict > 0)
        .order_by(list(stages.PAIR_KEY))
        .limit(1)
        .to_pandas()
        .iloc[0]
    )
    year, product = int(row["year"]), str(row["product"])
    vals: list[float] = []
    # the exporter's side first, then the importer's: the first whose values disagree is named
    for reporter, partner, flow in ((row["exporter"], row["importer"], "X"), (row["importer"], row["exporter"], "M")):
        vals = (
            usable.filter(
                usable.reporter == reporter, usable.partner == partner, usable.flow == flow,
                usable.year == year, usable["product"] == product,
            )
            .select("value")
            .distinct()
            .order_by("value")
            .limit(5)
            .to_pandas()["value"]
            .tolist()
        )
        if len(vals) > 1:
            break
    shown = ", ".join(f"{v:,.6g}" for v in vals)
    more = f" ({n_conflicts:,} keys in all)" if n_conflicts > 1 else ""
    return DuplicateError(
        f"different values for the same declaration reporter={reporter} partner={partner} flow={flow} "
        f"year={year} product={product}: {shown}{more}; choose with on_duplicate / --on-duplicate sum|last"
    )
