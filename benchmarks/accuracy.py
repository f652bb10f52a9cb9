"""Accuracy against planted truth: synth → reconcile → compare with the truth the world was built from.

Prints, per seed: the Spearman rank correlation of estimated σ against true σ (per role); the median
absolute log error of the estimates against the true FOB flows for mirrortrade and for the
baselines computed here on the same declarations — exporter side alone, importer side alone
(CIF-adjusted with mirrortrade's own CIF rate), their plain mean, a plain BACI (Gaulier & Zignago
2010 as published, implemented only here) and an oracle that knows the true σ and CIF margins;
the coverage of the 90% intervals; precision and recall of the planted anomalies in the findings.

Targets (issue 4): σ rank correlation ≥ 0.95; error below the plain BACI's and within 1.15× of the
oracle's; 90% intervals cover 85–95%; anomaly precision and recall ≥ 0.9.

    python benchmarks/accuracy.py [--smoke|--full] [--seeds 1,2,3]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import warnings
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Section, synth_world, timed  # noqa: E402

Z90 = 1.6448536269514722
SIZES = {
    "smoke": {"rows": 20_000, "countries": 30, "years": 3, "seeds": (1,)},
    "default": {"rows": 300_000, "countries": 80, "years": 4, "seeds": (1, 2, 3)},
    "full": {"rows": 1_000_000, "countries": 120, "years": 5, "seeds": (1, 2, 3)},
}
#: planted anomalies per world (fixed so precision and recall rest on enough cases)
PLANTED = {"under_recorded_pairs": 10, "phantom_exports": 20, "unit_errors": 10}
DETECTABLE = ("under_recorded_imports", "phantom_export", "unit_error")
METHODS = ("mirrortrade", "exporter alone", "importer alone (CIF-adj.)", "plain mean", "plain BACI", "oracle")


# ---------------------------------------------------------------------------------------------
# the data, side by side
# ---------------------------------------------------------------------------------------------


def load_cells(world: Path, result_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cells (one per exporter, importer, year, product that anyone declared) with both declared sides,
    the truth, whether a planted anomaly touches the cell, and mirrortrade's estimate.
    Also returns the true σ table, the planted anomalies and the findings."""
    con = duckdb.connect()
    w, r = str(world), str(result_dir)
    con.execute(f"CREATE VIEW decl AS SELECT DISTINCT * FROM read_parquet('{w}/declarations.parquet')")
    con.execute(f"CREATE VIEW anomalies AS SELECT * FROM read_parquet('{w}/truth/anomalies.parquet')")
    cells = con.execute(
        f"""
        WITH x AS (SELECT reporter AS exporter, partner AS importer, year, product, value AS x
                   FROM decl WHERE flow = 'X'),
             m AS (SELECT partner AS exporter, reporter AS importer, year, product, value AS m
                   FROM decl WHERE flow = 'M'),
             c AS (SELECT * FROM x FULL OUTER JOIN m USING (exporter, importer, year, product)),
             bad AS (SELECT DISTINCT c.exporter, c.importer, c.year, c.product FROM c JOIN anomalies a
                     ON c.exporter = a.exporter AND c.importer = a.importer
                     AND (a.year IS NULL OR a.year = c.year) AND (a.product IS NULL OR a.product = c.product)
                     WHERE a.kind <> 'duplicate')
        SELECT c.*, t.value_fob AS truth, t.cif_rate AS true_cif, (b.exporter IS NOT NULL) AS anomalous,
               e.estimate, e.estimate_low, e.estimate_high, e.cif_rate, e.method
        FROM c
        LEFT JOIN read_parquet('{w}/truth/flows.parquet') t USING (exporter, importer, year, product)
        LEFT JOIN bad b USING (exporter, importer, year, product)
        LEFT JOIN read_parquet('{r}/estimates.parquet') e USING (exporter, importer, year, product)
        """
    ).df()
    sigma = con.execute(f"SELECT * FROM read_parquet('{w}/truth/sigma.parquet')").df()
    anomalies = con.execute("SELECT * FROM anomalies WHERE kind <> 'duplicate'").df()
    findings = con.execute(f"SELECT * FROM read_parquet('{r}/findings.parquet')").df()
    con.close()
    return cells, sigma, anomalies, findings


# ---------------------------------------------------------------------------------------------
# baselines
# ---------------------------------------------------------------------------------------------


def lognormal_variance(s: np.ndarray) -> np.ndarray:
    s2 = np.square(s)
    return np.exp(s2) * np.expm1(s2)


def combine(x: np.ndarray, m_fob: np.ndarray, s_e: np.ndarray, s_i: np.ndarray) -> np.ndarray:
    """BACI weights w_e = v_i/(v_e+v_i) where both sides exist; the available side otherwise."""
    v_e, v_i = lognormal_variance(s_e), lognormal_variance(s_i)
    w = np.where(v_e + v_i > 0, v_i / np.where(v_e + v_i > 0, v_e + v_i, 1.0), 0.5)
    both = np.where(np.isfinite(x) & np.isfinite(m_fob), w * x + (1 - w) * m_fob, np.nan)
    return np.where(np.isfinite(both), both, np.where(np.isfinite(x), x, m_fob))


def plain_baci(cells: pd.DataFrame) -> np.ndarray:
    """Gaulier & Zignago (2010) as published, on the declarations alone.

    1. CIF margin: the regression of ln(M/X) on the pair's covariates reduces, with no gravity
       covariates in the declarations, to its constant: cif = exp(mean ln(M/X)) − 1, bounded to [0, 0.2].
    2. Reliability: |ln(M / ((1+cif)·X))| = a_e + b_i + u, OLS with exporter and importer fixed
       effects over all flows with both sides (solved by alternating means); the fixed effects are
       the reporters' σ (the common level split evenly between the two roles; floored at 0.01).
    3. Estimate: w_e·X + (1 − w_e)·M/(1+cif) with w_e = v_i/(v_e+v_i), v = e^{σ²}(e^{σ²}−1);
       one side only: that side (the import side CIF-adjusted).
    """
    x, m = cells["x"].to_numpy(float), cells["m"].to_numpy(float)
    both = np.isfinite(x) & np.isfinite(m)
    lr = np.log(m[both] / x[both])
    cif = float(np.clip(math.exp(lr.mean()) - 1.0, 0.0, 0.2))
    a = np.abs(lr - math.log1p(cif))
    ex, ex_uni = pd.factorize(cells["exporter"].to_numpy()[both])
    im_codes, im_uni = pd.factorize(cells["importer"].to_numpy()[both])
    fe_e, fe_i = np.zeros(len(ex_uni)), np.zeros(len(im_uni))
    n_e, n_i = np.bincount(ex, minlength=len(ex_uni)), np.bincount(im_codes, minlength=len(im_uni))
    for _ in range(200):
        new_e = np.bincount(ex, weights=a - fe_i[im_codes], minlength=len(ex_uni)) / np.maximum(n_e, 1)
        new_i = np.bincount(im_codes, weights=a - new_e[ex], minlength=len(im_uni)) / np.maximum(n_i, 1)
        done = max(np.abs(new_e - fe_e).max(), np.abs(new_i - fe_i).max()) < 1e-9
        fe_e, fe_i = new_e, new_i
        if done:
            break
    shift = (fe_e.mean() - fe_i.mean()) / 2.0
    sig_e = dict(zip(ex_uni, np.maximum(fe_e - shift, 0.01), strict=True))
    sig_i = dict(zip(im_uni, np.maximum(fe_i + shift, 0.01), strict=True))
    default = float(np.median(np.concatenate([fe_e, fe_i])))
    s_e = cells["exporter"].map(sig_e).fillna(default).to_numpy(float)
    s_i = cells["importer"].map(sig_i).fillna(default).to_numpy(float)
    return combine(x, m / (1.0 + cif), s_e, s_i)


def oracle(cells: pd.DataFrame, sigma: pd.DataFrame) -> np.ndarray:
    """The same combination with the true σ of each side and the true CIF margin of each pair."""
    s = sigma.set_index(["country", "role"])["sigma"]
    s_e = cells["exporter"].map(s.xs("exporter", level="role")).to_numpy(float)
    s_i = cells["importer"].map(s.xs("importer", level="role")).to_numpy(float)
    x, m = cells["x"].to_numpy(float), cells["m"].to_numpy(float)
    return combine(x, m / (1.0 + cells["true_cif"].to_numpy(float)), s_e, s_i)


def all_estimates(cells: pd.DataFrame, sigma: pd.DataFrame) -> dict[str, np.ndarray]:
    x, m = cells["x"].to_numpy(float), cells["m"].to_numpy(float)
    m_fob = m / (1.0 + cells["cif_rate"].to_numpy(float))
    mean = np.where(np.isfinite(x) & np.isfinite(m_fob), (x + m_fob) / 2, np.where(np.isfinite(x), x, m_fob))
    return {
        "mirrortrade": cells["estimate"].to_numpy(float),
        "exporter alone": x,
        "importer alone (CIF-adj.)": m_fob,
        "plain mean": mean,
        "plain BACI": plain_baci(cells),
        "oracle": oracle(cells, sigma),
    }


# ---------------------------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------------------------


def spearman(a: pd.Series, b: pd.Series) -> float:
    ra, rb = a.rank().to_numpy(), b.rank().to_numpy()
    return float(np.corrcoef(ra, rb)[0, 1]) if len(ra) > 2 else math.nan


def sigma_scores(reliability: pd.DataFrame, sigma: pd.DataFrame) -> dict[str, float]:
    j = reliability.merge(sigma[sigma["reports"]], on=["country", "role"], suffixes=("_est", "_true"))
    j = j[np.isfinite(j["sigma_est"])]
    out = {role: spearman(g["sigma_est"], g["sigma_true"]) for role, g in j.groupby("role")}
    out["pooled"] = spearman(j["sigma_est"], j["sigma_true"])
    out["median_abs_diff"] = float((j["sigma_est"] - j["sigma_true"]).abs().median())
    out["n"] = float(len(j))
    return out


def median_abs_log_error(est: np.ndarray, truth: np.ndarray, mask: np.ndarray) -> tuple[float, int]:
    ok = mask & np.isfinite(est) & (est > 0)
    if not ok.any():
        return math.nan, 0
    return float(np.median(np.abs(np.log(est[ok] / truth[ok])))), int(ok.sum())


def anomaly_scores(findings: pd.DataFrame, anomalies: pd.DataFrame) -> dict[str, float]:
    """A finding matches a planted anomaly on the same exporter and importer when year and product
    agree wherever both name one (a pair-level anomaly or finding has them null)."""
    f = findings.reset_index(drop=True).assign(fid=lambda d: np.arange(len(d)))
    a = anomalies.reset_index(drop=True).assign(aid=lambda d: np.arange(len(d)))
    j = f.merge(a, on=["exporter", "importer"], suffixes=("_f", "_a"))
    yr = j["year_f"].isna() | j["year_a"].isna() | (j["year_f"] == j["year_a"])
    pr = j["product_f"].isna() | j["product_a"].isna() | (j["product_f"] == j["product_a"])
    j = j[yr & pr]
    out: dict[str, float] = {"findings": float(len(f))}
    out["precision"] = j["fid"].nunique() / len(f) if len(f) else math.nan
    det = a[a["kind"].isin(DETECTABLE)]
    found = set(j["aid"])
    out["recall"] = det["aid"].isin(found).mean() if len(det) else math.nan
    for kind in (*DETECTABLE, "rerouting"):
        sub = a[a["kind"] == kind]
        out[f"recall {kind}"] = sub["aid"].isin(found).mean() if len(sub) else math.nan
        out[f"n {kind}"] = float(len(sub))
    fp = f[~f["fid"].isin(set(j["fid"]))]
    out["false positives by rule"] = fp.groupby("rule").size().to_dict()  # type: ignore[assignment]
    return out


def evaluate(world: Path, result_dir: Path, reliability: pd.DataFrame) -> dict[str, object]:
    cells, sigma, anomalies, findings = load_cells(world, result_dir)
    est = all_estimates(cells, sigma)
    truth = cells["truth"].to_numpy(float)
    has_truth = np.isfinite(truth)
    both = cells["x"].notna().to_numpy() & cells["m"].notna().to_numpy()
    clean = ~cells["anomalous"].to_numpy(bool)
    errors = {
        name: {
            "both_clean": median_abs_log_error(v, truth, has_truth & both & clean),
            "all": median_abs_log_error(v, truth, has_truth),
        }
        for name, v in est.items()
    }
    lo, hi = cells["estimate_low"].to_numpy(float), cells["estimate_high"].to_numpy(float)
    cov_mask = has_truth & clean & np.isfinite(lo)
    inside = (lo <= truth) & (truth <= hi)
    coverage = {"all": float(inside[cov_mask].mean())}
    for method in ("both", "mirror_only", "exporter_only"):
        mk = cov_mask & (cells["method"].to_numpy() == method)
        coverage[method] = float(inside[mk].mean()) if mk.any() else math.nan
    return {
        "sigma": sigma_scores(reliability, sigma),
        "errors": errors,
        "coverage": coverage,
        "anomalies": anomaly_scores(findings, anomalies),
        "cells": len(cells),
    }


# ---------------------------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------------------------


def run_seed(seed: int, size: dict, work: Path) -> dict[str, object]:
    from mirrortrade.reconcile import reconcile

    world = synth_world(work / f"world-{seed}", rows=size["rows"], seed=seed, countries=size["countries"],
                        years=size["years"], **PLANTED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        secs, result = timed(lambda: reconcile(world / "declarations.parquet"))
    out = work / f"result-{seed}"
    result.write(out)
    ev = evaluate(world, out, result.reliability)
    ev["seconds"] = secs
    ev["rows"] = int(result.summary.get("rows", 0))
    return ev


def fmt(v: float, nd: int = 3) -> str:
    return "n/a" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.{nd}f}"


def report(seed: int, ev: dict) -> list[str]:
    s, e, c, a = ev["sigma"], ev["errors"], ev["coverage"], ev["anomalies"]
    lines = [
        f"seed {seed}: {ev['rows']:,} declarations, {ev['cells']:,} cells, reconcile {ev['seconds']:.1f} s",
        f"  sigma Spearman: exporter {fmt(s.get('exporter'))}, importer {fmt(s.get('importer'))}, "
        f"pooled {fmt(s['pooled'])} (n={int(s['n'])}, median |diff| {fmt(s['median_abs_diff'])})",
        "  median |ln(estimate/truth)|     both sides, clean   all cells with truth   ratio to oracle (clean)",
    ]
    o = e["oracle"]["both_clean"][0]
    for name in METHODS:
        bc, al = e[name]["both_clean"], e[name]["all"]
        lines.append(f"    {name:<28} {fmt(bc[0], 4):>8} (n={bc[1]:>7,})  {fmt(al[0], 4):>8} (n={al[1]:>7,})"
                     f"   {bc[0] / o:.3f}×")
    lines.append(f"  90% interval coverage (clean cells): all {fmt(c['all'])}, both {fmt(c['both'])}, "
                 f"mirror_only {fmt(c['mirror_only'])}, exporter_only {fmt(c['exporter_only'])}")
    lines.append(
        f"  anomalies: {int(a['findings'])} findings, precision {fmt(a['precision'])}, recall {fmt(a['recall'])} "
        + "(" + ", ".join(f"{k} {fmt(a[f'recall {k}'], 2)} of {int(a[f'n {k}'])}" for k in (*DETECTABLE, "rerouting"))
        + f"); false positives by rule: {a['false positives by rule'] or '-'}"
    )
    return lines


def targets(ev: dict) -> dict[str, tuple[bool, str]]:
    s, e, c, a = ev["sigma"], ev["errors"], ev["coverage"], ev["anomalies"]
    mt, baci, orc = (e[k]["both_clean"][0] for k in ("mirrortrade", "plain BACI", "oracle"))
    rho = min(s.get("exporter", math.nan), s.get("importer", math.nan))
    return {
        "σ rank correlation ≥ 0.95 (each role)": (rho >= 0.95, fmt(rho)),
        "error below plain BACI": (mt < baci, f"{mt:.4f} vs {baci:.4f} ({mt / baci:.3f}×)"),
        "error within 1.15× of oracle": (mt <= 1.15 * orc, f"{mt / orc:.3f}×"),
        "90% coverage in [0.85, 0.95]": (0.85 <= c["all"] <= 0.95, fmt(c["all"])),
        "anomaly precision ≥ 0.9": (a["precision"] >= 0.9, fmt(a["precision"])),
        "anomaly recall ≥ 0.9": (a["recall"] >= 0.9, fmt(a["recall"])),
    }


def run(mode: str = "default", work: Path | None = None, seeds: tuple[int, ...] | None = None) -> Section:
    size = SIZES[mode]
    seeds = seeds or size["seeds"]
    sec = Section(
        title="Accuracy against planted truth (issue 4)",
        how=(
            f"`python benchmarks/accuracy.py{'' if mode == 'default' else ' --' + mode}`: `mirrortrade synth` "
            f"({size['countries']} countries, {size['years']} years, ~{size['rows']:,} declarations, planted "
            f"{PLANTED}) → `reconcile` (DuckDB) → compared with the truth. Errors are median |ln(estimate/true FOB)| "
            "on cells with both sides and no planted anomaly; every baseline is computed in the same run on the "
            "same declarations; ratios are to the oracle (true σ and CIF)."
        ),
        header=["seed", "σ ρ exp/imp", *[f"err {m}" for m in METHODS], "mt/oracle", "mt/BACI",
                "coverage 90%", "precision", "recall"],
    )
    work_ctx = tempfile.TemporaryDirectory(prefix="mt-acc-") if work is None else None
    base = Path(work_ctx.name) if work_ctx else Path(work)  # type: ignore[arg-type]
    all_met: dict[str, list[bool]] = {}
    measured: dict[str, list[str]] = {}
    try:
        for seed in seeds:
            ev = run_seed(seed, size, base)
            for line in report(seed, ev):
                print(line, flush=True)
            e = ev["errors"]
            o, b, m = (e[k]["both_clean"][0] for k in ("oracle", "plain BACI", "mirrortrade"))
            sec.rows.append(
                [str(seed), f"{fmt(ev['sigma'].get('exporter'))}/{fmt(ev['sigma'].get('importer'))}",
                 *[fmt(e[k]["both_clean"][0], 4) for k in METHODS], f"{m / o:.3f}×", f"{m / b:.3f}×",
                 fmt(ev["coverage"]["all"]), fmt(ev["anomalies"]["precision"]), fmt(ev["anomalies"]["recall"])]
            )
            for name, (met, val) in targets(ev).items():
                all_met.setdefault(name, []).append(bool(met))
                measured.setdefault(name, []).append(val)
            sec.notes.append(
                f"seed {seed}: false-positive findings by rule {ev['anomalies']['false positives by rule'] or '-'}; "
                f"recall by kind " + ", ".join(
                    f"{k} {fmt(ev['anomalies'][f'recall {k}'], 2)}" for k in (*DETECTABLE, "rerouting"))
            )
    finally:
        if work_ctx:
            work_ctx.cleanup()
    for name, mets in all_met.items():
        sec.target(f"{name} on {len(mets)} seed(s)", all(mets), "; ".join(measured[name]))
    return sec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--smoke", action="store_true")
    g.add_argument("--full", action="store_true")
    ap.add_argument("--seeds", help="comma-separated seeds (default per mode)")
    ap.add_argument("--work", type=Path, help="keep worlds and results here")
    args = ap.parse_args(argv)
    mode = "smoke" if args.smoke else "full" if args.full else "default"
    seeds = tuple(int(s) for s in args.seeds.split(",")) if args.seeds else None
    sec = run(mode, args.work, seeds)
    return 0 if all(met for _, met, _ in sec.targets if met is not None) else 1


if __name__ == "__main__":
    raise SystemExit(main())
