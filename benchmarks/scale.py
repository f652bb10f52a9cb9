"""Scale benchmarks (issue 9 §1, §2, §5, §6), each as a ratio to a baseline measured in the same run.

§1 reconcile at 1M / 5M / 20M declarations: mirrortrade (DuckDB backend, reconcile + write the outputs)
   against the floor (a bare DuckDB full outer join of the two sides + one group-by on the same Parquet)
   and a straightforward pandas implementation of the same method (benchmarks/pandas_reconcile.py, run
   up to the size that fits); peak RSS of each in its own process; log-log slope of time against rows.
§2 ingest of the same declarations as canonical CSV and Parquet into a store (Store.ingest_file), as
   rows/s and as a ratio to DuckDB reading the same file into a table; a CSV of the same size with one bad
   row at the end must leave the store unchanged (content checksum before and after).
§5 the same reconcile on the Spark backend (local[2]) at 1M rows: time as a ratio to DuckDB, and whether
   the results are identical (to float tolerance).
§6 CLI start: ``mirrortrade --help`` against ``python -c pass``.

    python benchmarks/scale.py [--smoke|--full] [--work DIR] [--shapes dense,realistic] [--sizes 1e6,5e6]
                               [--repeats N] [--reconcile-only]

§1 runs on both world shapes: dense, and realistic sparse (issue 17: cells mostly present in one year,
declarations missing at random, thresholds), the sizes of the mode on each.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, RESULT_MARK, Section, gb, ratio, run_measured, synth_world  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
SIZES = {
    "smoke": {"reconcile": [100_000], "pandas_max": 100_000, "ingest": 100_000, "spark": None, "cli_runs": 3},
    "default": {"reconcile": [1_000_000, 5_000_000], "pandas_max": 5_000_000, "ingest": 1_000_000,
                "spark": 1_000_000, "cli_runs": 7},
    "full": {"reconcile": [1_000_000, 5_000_000, 20_000_000], "pandas_max": 20_000_000, "ingest": 5_000_000,
             "spark": 1_000_000, "cli_runs": 7},
}
COUNTRIES = 150
YEARS = 5
SEED = 11

FLOOR_SQL = """
WITH d AS (SELECT * FROM read_parquet('{path}')),
x AS (SELECT reporter AS e, partner AS i, year, product, value AS x FROM d WHERE flow = 'X'),
m AS (SELECT partner AS e, reporter AS i, year, product, value AS m FROM d WHERE flow = 'M'),
j AS (SELECT * FROM x FULL OUTER JOIN m USING (e, i, year, product))
SELECT e, i, year, count(*) AS n, count(x) AS nx, count(m) AS nm, avg(ln(m / x)) AS lr FROM j GROUP BY e, i, year
"""


def label(n: int) -> str:
    return f"{n / 1e6:g}M" if n >= 1_000_000 else f"{n / 1e3:g}k"


#: world shapes (``mirrortrade synth --shape``): dense (every trading cell in every year) and realistic (sparse,
#: intermittent cells mostly present in one year, missing declarations, thresholds, as in HS-6 data)
SHAPES = ("dense", "realistic")


def world(work: Path, rows: int, shape: str = "dense") -> Path:
    name = f"world-{label(rows)}" if shape == "dense" else f"world-{shape}-{label(rows)}"
    return synth_world(work / name, rows=rows, seed=SEED, countries=COUNTRIES, years=YEARS, shape=shape)


# ---------------------------------------------------------------------------------------------
# children (each runs in its own interpreter so its peak RSS is its own)
# ---------------------------------------------------------------------------------------------


def child_mirrortrade(path: Path, out: Path, backend: str = "duckdb") -> str:
    # the Ibis backend module is imported before the clock starts, like the floor's `import duckdb`; the outputs
    # are the CLI's default set (estimates, reliability, findings; pairs.parquet only with --pairs), written by
    # reconcile() itself (``output``: the estimates' write overlaps the findings); "write" = waiting for it
    module = "pyspark" if backend == "spark" else "duckdb"
    return f"""
import json, time, warnings
warnings.simplefilter("ignore")
import ibis.backends.{module}
from mirrortrade.reconcile import reconcile
t = time.perf_counter()
r = reconcile({str(path)!r}, backend={backend!r}, output={str(out)!r})
end = time.perf_counter()
timings = r.summary.get("timings", {{}})
print("\\n{RESULT_MARK}" + json.dumps({{"seconds": end - t, "timings": timings, "rows": r.summary.get("rows")}}))
"""


def child_floor(path: Path) -> str:
    return f"""
import json, time, duckdb
con = duckdb.connect()
con.execute("SET threads = 2")
t = time.perf_counter()
n = len(con.execute({FLOOR_SQL.format(path=path)!r}).fetchall())
print("\\n{RESULT_MARK}" + json.dumps({{"seconds": time.perf_counter() - t, "groups": n}}))
"""


def child_pandas(path: Path, out: Path) -> str:
    return f"""
import json, sys, time
sys.path.insert(0, {str(BENCH_DIR)!r})
from pandas_reconcile import reconcile_pandas
t = time.perf_counter()
info = reconcile_pandas({str(path)!r}, {str(out)!r})
print("\\n{RESULT_MARK}" + json.dumps({{"seconds": time.perf_counter() - t, **info}}))
"""


def _ids_sql() -> str:
    """The store's two md5 provenance ids (key, figure) over table ``t`` of canonical rows, summed."""
    from mirrortrade.store import id_ctes

    return (
        "WITH src AS (SELECT source_id, '' AS publisher, '' AS title, reporter, partner, flow, period, product, "
        "CAST(value_usd AS DOUBLE) AS value_usd, NULL::DOUBLE AS growth_pct, 0.0 AS precision_usd, "
        f"'exact' AS qualifier, current_date AS vintage FROM t), {id_ctes('src')} "
        "SELECT sum(hash(kid, fid)) FROM k"
    )


def child_ingest(file: Path, db: Path) -> str:
    reader = "read_parquet" if file.suffix == ".parquet" else "read_csv"
    return f"""
import json, time, duckdb
from mirrortrade.store import Store
con = duckdb.connect()
t = time.perf_counter()
con.execute("CREATE TABLE t AS SELECT * FROM {reader}('{file}')")
base = time.perf_counter() - t
# the provenance ids alone: the store's two md5 ids (key, figure) over the same rows, nothing stored
t = time.perf_counter()
con.execute({_ids_sql()!r}).fetchall()
ids = time.perf_counter() - t
con.close()
s = Store({str(db)!r})
s.con.execute("SET enable_progress_bar = false")  # no progress bars on a pipe
t = time.perf_counter()
res = s.ingest_file({str(file)!r})
dt = time.perf_counter() - t
s.close()
print("\\n{RESULT_MARK}" + json.dumps({{"seconds": dt, "baseline": base, "ids": ids, "rows": res.rows, "added": res.added}}))
"""


def child_bad_ingest(file: Path, db: Path) -> str:
    return f"""
import json, time
from mirrortrade.errors import MirrortradeError
from mirrortrade.store import Store
s = Store({str(db)!r})
def checksum():
    return s.con.execute(
        "SELECT (SELECT count(*) FROM observations), (SELECT coalesce(sum(hash(figure_id, value_usd)), 0) FROM observations),"
        " (SELECT count(*) FROM ingests)").fetchone()
before = checksum()
t = time.perf_counter()
err = None
try:
    s.ingest_file({str(file)!r})
except MirrortradeError as e:
    err = str(e)
dt = time.perf_counter() - t
after = checksum()
s.close()
print("\\n{RESULT_MARK}" + json.dumps({{"seconds": dt, "error": err, "before": [str(v) for v in before], "after": [str(v) for v in after]}}))
"""


# ---------------------------------------------------------------------------------------------
# §1 reconcile at scale
# ---------------------------------------------------------------------------------------------


#: runs of the floor and of mirrortrade per size (the best of each is compared); one in the smoke run
REPEATS = 5


def bench_reconcile(
    mode: str, work: Path, sec: Section, shapes: tuple[str, ...] = ("dense",), sizes: list[int] | None = None,
    repeats: int = REPEATS,
) -> dict[int, Path]:
    results: dict[int, Path] = {}
    for shape in shapes:
        results.update(_bench_reconcile_shape(mode, work, sec, shape, sizes or SIZES[mode]["reconcile"], repeats))
    return results


def _bench_reconcile_shape(
    mode: str, work: Path, sec: Section, shape: str, sizes: list[int], repeats: int
) -> dict[int, Path]:
    size = SIZES[mode]
    results: dict[int, Path] = {}
    times: list[tuple[int, float]] = []
    last: dict[str, float] = {}
    for rows in sizes:
        w = world(work, rows, shape)
        path = w / "declarations.parquet"
        n = int(pd.read_parquet(path, columns=["flow"]).shape[0])
        # best of REPEATS, alternating, each in a fresh process: the first read of a file from disk, or a
        # neighbour's burst of load, must not flatter either side of the ratio
        floors, mts = [], []
        out = work / f"mt-{shape}-{label(rows)}"
        for _ in range(1 if mode == "smoke" else repeats):
            floors.append(run_measured(child_floor(path)))
            mts.append(run_measured(child_mirrortrade(path, out)))
        floor = min(floors, key=lambda r: r["result"]["seconds"])
        mt = min(mts, key=lambda r: r["result"]["seconds"])
        mt["peak_rss"] = max(r["peak_rss"] for r in mts)
        results[rows] = out
        t_mt, t_floor = mt["result"]["seconds"], floor["result"]["seconds"]
        times.append((rows, t_mt))
        pd_cell, pd_ratio = "not run (larger than the pandas limit)", "n/a"
        t_pd = math.nan
        if rows <= size["pandas_max"] and shape == "dense":
            try:
                pdr = run_measured(child_pandas(path, work / f"pd-{label(rows)}"))
                t_pd = pdr["result"]["seconds"]
                pd_cell = f"{t_pd:.2f} s, {gb(pdr['peak_rss'])}"
                pd_ratio = ratio(t_pd, t_mt)
            except RuntimeError as e:
                pd_cell = f"failed: {str(e).splitlines()[-1][:80]}"
        stages = ", ".join(f"{k} {v:.1f}" for k, v in mt["result"].get("timings", {}).items())
        print(f"reconcile {shape} {label(rows)} ({n:,} declarations): mirrortrade {t_mt:.2f} s (peak RSS {gb(mt['peak_rss'])}); "
              f"floor {t_floor:.2f} s -> ratio to floor {ratio(t_mt, t_floor)}; pandas {pd_cell} -> "
              f"pandas/mirrortrade {pd_ratio}", flush=True)
        print(f"  stages (s): {stages}", flush=True)
        sec.rows.append([f"reconcile {shape} {label(rows)}", f"{n:,}", f"{t_mt:.2f} s", gb(mt["peak_rss"]),
                         f"floor {t_floor:.2f} s", ratio(t_mt, t_floor), f"pandas {pd_cell}", pd_ratio])
        last = {"rows": rows, "mt": t_mt, "floor": t_floor, "rss": mt["peak_rss"], "pd": t_pd}
        if rows == 5_000_000 and shape == "dense":
            sec.target("≥ 5× faster than pandas at 5M", t_pd / t_mt >= 5 if math.isfinite(t_pd) else None,
                       pd_ratio)
    judge = mode != "smoke"  # speed targets are for the sizes, not for the smoke run
    big = f"{label(last['rows'])} ({shape})"
    sec.target(f"≤ 3× the floor at {big}", last["mt"] <= 3 * last["floor"] if judge else None,
               ratio(last["mt"], last["floor"]))
    sec.target(f"peak RSS ≤ 4 GB at {big}", last["rss"] <= 4e9 if judge else None, gb(last["rss"]))
    if len(times) >= 2:
        # nominal sizes (the worlds hit them within a few per cent)
        slope = float(np.polyfit(np.log([n for n, _ in times]), np.log([t for _, t in times]), 1)[0])
        print(f"log-log slope of reconcile time vs rows ({label(times[0][0])}..{label(times[-1][0])}): {slope:.2f}")
        sec.target(f"log-log slope ≤ 1.1 ({shape}, {label(times[0][0])}–{label(times[-1][0])})", slope <= 1.1, f"{slope:.2f}")
    return results


# ---------------------------------------------------------------------------------------------
# §2 ingest
# ---------------------------------------------------------------------------------------------


def canonical_files(work: Path, rows: int) -> tuple[Path, Path, Path]:
    import duckdb

    src = world(work, max(rows, 100_000)) / "declarations.parquet"
    base = work / f"canonical-{label(rows)}"
    pq_path, csv_path, bad_path = (base.with_suffix(s) for s in (".parquet", ".csv", ".bad.csv"))
    if not (pq_path.exists() and csv_path.exists() and bad_path.exists()):
        con = duckdb.connect()
        sel = (f"SELECT DISTINCT reporter, partner, flow, CAST(year AS VARCHAR) AS period, product, value AS value_usd, "
               f"'SYNTH' AS source_id FROM read_parquet('{src}') LIMIT {rows}")
        con.execute(f"COPY ({sel}) TO '{pq_path}' (FORMAT parquet)")
        con.execute(f"COPY (SELECT * FROM read_parquet('{pq_path}')) TO '{csv_path}' (HEADER)")
        with open(csv_path, "rb") as f_in, open(bad_path, "wb") as f_out:
            while chunk := f_in.read(1 << 24):
                f_out.write(chunk)
            f_out.write(b"ZZZ,KAZ,X,2019,000001,123.0,SYNTH\n")
        con.close()
    return pq_path, csv_path, bad_path


def bench_ingest(mode: str, work: Path, sec: Section) -> None:
    rows = SIZES[mode]["ingest"]
    pq_path, csv_path, bad_path = canonical_files(work, rows)
    dbs = {kind: work / f"ingest-{kind.lower()}-{label(rows)}.duckdb" for kind in ("Parquet", "CSV")}
    for db in dbs.values():
        for p in (db, db.with_name(db.name + ".wal")):
            p.unlink(missing_ok=True)
    for kind, f in (("Parquet", pq_path), ("CSV", csv_path)):
        r = run_measured(child_ingest(f, dbs[kind]))["result"]
        rate = r["rows"] / r["seconds"]
        base_rate = r["rows"] / r["baseline"]
        print(f"ingest {kind} {label(rows)}: {rate / 1e6:.2f}M rows/s ({r['seconds']:.2f} s, {r['added']:,} added); "
              f"DuckDB bare read {base_rate / 1e6:.2f}M rows/s -> ratio to bare read {ratio(r['seconds'], r['baseline'])}",
              flush=True)
        print(f"  the two md5 provenance ids alone over the same rows: {r['ids']:.2f} s "
              f"({r['ids'] / r['seconds']:.0%} of the ingest)", flush=True)
        sec.rows.append([f"ingest {kind} {label(rows)}", f"{r['rows']:,}", f"{r['seconds']:.2f} s", "",
                         f"bare read {r['baseline']:.2f} s", ratio(r["seconds"], r["baseline"]),
                         f"{rate / 1e6:.2f}M rows/s; md5 ids alone {r['ids']:.2f} s", ""])
        if kind == "Parquet":
            sec.target("Parquet ingest ≥ 2M rows/s", rate >= 2e6 if mode != "smoke" else None,
                       f"{rate / 1e6:.2f}M rows/s")
    bad = run_measured(child_bad_ingest(bad_path, dbs["Parquet"]))["result"]
    unchanged = bad["before"] == bad["after"] and bad["error"] is not None
    print(f"ingest CSV {label(rows)} with a bad last row: refused in {bad['seconds']:.2f} s "
          f"({(bad['error'] or 'NO ERROR')[:100]}); store checksum before {bad['before']} after {bad['after']} "
          f"-> unchanged: {unchanged}", flush=True)
    sec.rows.append([f"ingest bad CSV {label(rows)}", f"{rows + 1:,}", f"{bad['seconds']:.2f} s", "", "", "",
                     "store unchanged" if unchanged else "STORE CHANGED", ""])
    sec.target(f"CSV of {label(rows)} rows with a bad last row leaves the store unchanged", unchanged,
               "checksum equal" if unchanged else f"{bad['before']} -> {bad['after']}")


# ---------------------------------------------------------------------------------------------
# §5 spark
# ---------------------------------------------------------------------------------------------


def compare_results(a: Path, b: Path) -> tuple[bool, str]:
    keys = ["exporter", "importer", "year", "product"]
    ea = pd.read_parquet(a / "estimates.parquet").sort_values(keys).reset_index(drop=True)
    eb = pd.read_parquet(b / "estimates.parquet").sort_values(keys).reset_index(drop=True)
    if len(ea) != len(eb):
        return False, f"{len(ea):,} vs {len(eb):,} estimates"
    if not (ea[keys].astype(str).to_numpy() == eb[keys].astype(str).to_numpy()).all():
        return False, "estimate keys differ"
    worst = 0.0
    for c in ("value_exporter", "value_importer", "cif_rate", "weight_exporter", "estimate", "estimate_low",
              "estimate_high"):
        x, y = ea[c].to_numpy(float), eb[c].to_numpy(float)
        if not np.array_equal(np.isnan(x), np.isnan(y)):
            return False, f"{c}: missing values differ"
        ok = ~np.isnan(x)
        rel = np.abs(x[ok] - y[ok]) / np.maximum(np.abs(x[ok]), 1e-300)
        worst = max(worst, float(rel.max()) if rel.size else 0.0)
    if not (ea["method"].astype(str) == eb["method"].astype(str)).all():
        return False, "methods differ"
    ra = pd.read_parquet(a / "reliability.parquet").sort_values(["country", "role"]).reset_index(drop=True)
    rb = pd.read_parquet(b / "reliability.parquet").sort_values(["country", "role"]).reset_index(drop=True)
    if len(ra) != len(rb) or not np.allclose(ra["sigma"], rb["sigma"], rtol=1e-6, atol=1e-9):
        return False, "reliability differs"
    fk = ["exporter", "importer", "year", "product", "rule"]
    fa = pd.read_parquet(a / "findings.parquet")[fk].astype(str).sort_values(fk).reset_index(drop=True)
    fb = pd.read_parquet(b / "findings.parquet")[fk].astype(str).sort_values(fk).reset_index(drop=True)
    if not fa.equals(fb):
        return False, f"findings differ ({len(fa)} vs {len(fb)})"
    return worst <= 1e-6, f"{len(ea):,} estimates, max relative difference {worst:.1e}; findings equal ({len(fa)})"


def bench_spark(mode: str, work: Path, sec: Section, duck: dict[int, Path]) -> None:
    rows = SIZES[mode]["spark"]
    if rows is None:
        print("spark: skipped in smoke mode (Spark start-up alone takes longer than the smoke budget)")
        sec.notes.append("Spark (§5) is not run in smoke mode.")
        return
    path = world(work, rows) / "declarations.parquet"
    d_out = duck.get(rows) or work / f"mt-{label(rows)}"
    if rows not in duck:
        duck_run = run_measured(child_mirrortrade(path, d_out))
        t_duck = duck_run["result"]["seconds"]
    else:
        t_duck = run_measured(child_mirrortrade(path, d_out))["result"]["seconds"]
    s_out = work / f"spark-{label(rows)}"
    try:
        sp = run_measured(child_mirrortrade(path, s_out, backend="spark"), timeout=3600)
    except RuntimeError as e:
        print(f"spark {label(rows)}: failed: {str(e)[-300:]}")
        sec.target(f"Spark at {label(rows)} gives identical results", False, "failed to run")
        return
    t_sp = sp["result"]["seconds"]
    same, detail = compare_results(d_out, s_out)
    print(f"spark {label(rows)}: {t_sp:.1f} s vs DuckDB {t_duck:.2f} s -> ratio to DuckDB {ratio(t_sp, t_duck)}; "
          f"identical: {same} ({detail})", flush=True)
    sec.rows.append([f"spark local[2] {label(rows)}", f"{rows:,}", f"{t_sp:.1f} s", f"{gb(sp['peak_rss'])} (driver)",
                     f"DuckDB {t_duck:.2f} s", ratio(t_sp, t_duck), "identical" if same else "DIFFERENT", ""])
    sec.target(f"Spark at {label(rows)} gives identical results", same, detail)


# ---------------------------------------------------------------------------------------------
# §6 CLI start
# ---------------------------------------------------------------------------------------------


def bench_cli(mode: str, sec: Section) -> None:
    runs = SIZES[mode]["cli_runs"]
    exe = Path(PYTHON).with_name("mirrortrade")
    cli = [str(exe), "--help"] if exe.exists() else [PYTHON, "-m", "mirrortrade.cli", "--help"]

    def median_time(cmd: list[str]) -> float:
        ts = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            ts.append(time.perf_counter() - t)
        return statistics.median(ts)

    median_time([PYTHON, "-c", "pass"])  # warm the file cache
    base = median_time([PYTHON, "-c", "pass"])
    t = median_time(cli)
    heavy = subprocess.run(
        [PYTHON, "-c", "import sys, mirrortrade.cli; "
         "print(','.join(m for m in ('pyspark', 'fastapi', 'altair', 'ibis', 'pandas') if m in sys.modules))"],
        capture_output=True, text=True,
    ).stdout.strip()
    print(f"cli start: mirrortrade --help {t * 1000:.0f} ms vs python -c pass {base * 1000:.0f} ms -> ratio to bare "
          f"python {ratio(t, base)} (over bare python: {(t - base) * 1000:.0f} ms); heavy modules imported: "
          f"{heavy or 'none'}", flush=True)
    sec.rows.append(["CLI `mirrortrade --help`", "", f"{t * 1000:.0f} ms", "", f"python -c pass {base * 1000:.0f} ms",
                     ratio(t, base), f"heavy imports: {heavy or 'none'}", ""])
    sec.target("`mirrortrade --help` < 0.3 s", t < 0.3, f"{t:.3f} s")


def run(
    mode: str = "default", work: Path | None = None, *, shapes: tuple[str, ...] | None = None,
    sizes: list[int] | None = None, repeats: int = REPEATS, reconcile_only: bool = False,
) -> Section:
    # the smoke run (a test) keeps to the dense world; the sizes run both shapes
    shapes = shapes or (("dense",) if mode == "smoke" else SHAPES)
    size = SIZES[mode]
    sec = Section(
        title="Scale (issue 9 §1, §2, §5, §6)",
        how=(
            f"`python benchmarks/scale.py{'' if mode == 'default' else ' --' + mode}`: worlds from `mirrortrade synth` "
            f"({COUNTRIES} countries, {YEARS} years, seed {SEED}) at {', '.join(label(n) for n in size['reconcile'])} "
            "declarations. Each measurement runs in its own Python process (peak RSS = that process's max RSS); "
            "times exclude interpreter start and imports. mirrortrade = `reconcile()` + `write()` of the CLI's default "
            "outputs, estimates, reliability and findings (DuckDB, 2 threads; `pairs.parquet`, as large as the "
            "estimates, is written only with `--pairs` / `write(..., pairs=True)` and is not in this time; runs "
            "before 2026-11-23 14:30 UTC wrote it too). Floor = one DuckDB query on the same Parquet: full "
            "outer join of the X and M sides + one group-by (exporter, importer, year). The floor and mirrortrade "
            f"run {1 if mode == 'smoke' else REPEATS} time(s) each, alternating, and the best time of each is "
            "compared (peak RSS: the largest). pandas = benchmarks/pandas_reconcile.py, the same method with merge "
            "+ groupby, run once."
        ),
        header=["benchmark", "rows", "time", "peak RSS", "baseline", "ratio to baseline", "other", "pandas/mirrortrade"],
    )
    load = os.getloadavg()
    sec.notes.append(
        f"Load average (1/5/15 min) when the scale run started: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on "
        f"{os.cpu_count()} cores. On a shared machine absolute times vary by 2–5×; read the ratios, which are "
        "measured back to back in the same run."
    )
    sec.notes.append("Spark peak RSS is the Python driver's; the JVM runs as its own process and is not counted.")
    ctx = tempfile.TemporaryDirectory(prefix="mt-scale-") if work is None else None
    base = Path(ctx.name) if ctx else Path(work)  # type: ignore[arg-type]
    base.mkdir(parents=True, exist_ok=True)
    try:
        duck = bench_reconcile(mode, base, sec, shapes, sizes, repeats)
        if not reconcile_only:
            bench_ingest(mode, base, sec)
            bench_spark(mode, base, sec, duck)
            bench_cli(mode, sec)
    finally:
        if ctx:
            ctx.cleanup()
    return sec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--smoke", action="store_true")
    g.add_argument("--full", action="store_true")
    ap.add_argument("--work", type=Path, help="keep worlds and outputs here (re-used between runs)")
    ap.add_argument("--shapes", help="world shapes for reconcile (default dense,realistic; dense in --smoke)")
    ap.add_argument("--sizes", help="reconcile sizes in rows, comma-separated (default per mode)")
    ap.add_argument("--repeats", type=int, default=REPEATS, help="runs of the floor and of mirrortrade per size")
    ap.add_argument("--reconcile-only", action="store_true", help="only §1 (no ingest, Spark or CLI start)")
    args = ap.parse_args(argv)
    mode = "smoke" if args.smoke else "full" if args.full else "default"
    shapes = tuple(s for s in (args.shapes or "").split(",") if s) or None
    if shapes and (unknown := set(shapes) - set(SHAPES)):
        ap.error(f"unknown shape(s) {', '.join(sorted(unknown))} (expected {', '.join(SHAPES)})")
    sizes = [int(float(v)) for v in args.sizes.split(",")] if args.sizes else None
    sec = run(mode, args.work, shapes=shapes, sizes=sizes, repeats=args.repeats, reconcile_only=args.reconcile_only)
    print(json.dumps({"targets": [(n, m, v) for n, m, v in sec.targets]}, ensure_ascii=False))
    return 0 if all(met for _, met, _ in sec.targets if met is not None) else 1


if __name__ == "__main__":
    raise SystemExit(main())
