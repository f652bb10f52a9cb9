"""The scoring half of ``accuracy.py``: the declared sides beside the truth, the baselines computed on the same
declarations (exporter alone, importer alone, plain mean, plain BACI, oracle), and the metrics (σ rank
correlation, median absolute log error, coverage, findings against planted anomalies and look-alikes).

``accuracy.py`` makes the worlds, runs the engine and prints; everything here reads one world and its reconciled
result and returns numbers. A rule's planted kind is guessed from its name (:func:`rule_kind`).
"""

from __future__ import annotations

import math
from pathlib import Path

import _done_when
import duckdb
import numpy as np
import pandas as pd

Z90 = 1.6448536269514722
DETECTABLE = ("under_recorded_imports", "phantom_export", "unit_error")
METHODS = ("mirrortrade", "exporter alone", "importer alone (CIF-adj.)", "plain mean", "plain BACI", "oracle")
#: look-alike causes that are chance alone (missingness, thresholds, confidentiality), not the hub's re-exports
CHANCE_CAUSES = ("missing", "threshold", "missing+threshold", "confidential")
KEYS = ["exporter", "importer", "year", "product"]


def rule_kind(rule: str) -> str | None:
    """The planted kind a rule is meant to find, guessed from its name (None: any planted anomaly)."""
    r = rule.lower()
    for needle, kind in (("phantom", "phantom_export"), ("unit", "unit_error"), ("under", "under_recorded_imports"),
                         ("gap", "under_recorded_imports"), ("rerout", "rerouting")):
        if needle in r:
            return kind
    return None


# ---------------------------------------------------------------------------------------------
# the data, side by side
# ---------------------------------------------------------------------------------------------


def _truth_table(world: Path, name: str) -> str | None:
    path = world / "truth" / f"{name}.parquet"
    return f"read_parquet('{path}')" if path.exists() else None


def load_cells(world: Path, result_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cells (one per exporter, importer, year, product that anyone declared) with both declared sides,
    the truth, whether a planted anomaly or the hub's re-exports touch the cell, and mirrortrade's estimate.
    Also returns the true σ table, the planted anomalies and the findings."""
    con = duckdb.connect()
    w, r = str(world), str(result_dir)
    con.execute(f"CREATE VIEW decl AS SELECT DISTINCT * FROM read_parquet('{w}/declarations.parquet')")
    con.execute(f"CREATE VIEW anomalies AS SELECT * FROM read_parquet('{w}/truth/anomalies.parquet')")
    reexports = _truth_table(world, "reexports")
    hub_cells = (
        f"""UNION SELECT exporter, importer, year, product FROM {reexports}
            UNION SELECT exporter, hub, year, product FROM {reexports}
            UNION SELECT hub, importer, year, product FROM {reexports}"""
        if reexports else ""
    )
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
                     WHERE a.kind <> 'duplicate'
                     {hub_cells})
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


def _match(findings: pd.DataFrame, anomalies: pd.DataFrame) -> pd.DataFrame:
    """Finding × planted anomaly pairs on the same exporter and importer where year and product agree wherever
    both name one (a pair-level anomaly or finding has them null)."""
    j = findings.merge(anomalies, on=["exporter", "importer"], suffixes=("_f", "_a"))
    yr = j["year_f"].isna() | j["year_a"].isna() | (j["year_f"] == j["year_a"])
    pr = j["product_f"].isna() | j["product_a"].isna() | (j["product_f"] == j["product_a"])
    return j[yr & pr]


def look_alike_hits(f: pd.DataFrame, look_alikes: pd.DataFrame | None) -> pd.DataFrame:
    """Findings (with ``fid``) on a look-alike (:func:`_done_when.look_alikes`) of their rule's own kind, one row
    per finding with the look-alike's cause (``chance`` first)."""
    if look_alikes is None or not len(look_alikes) or not len(f):
        return pd.DataFrame({"fid": pd.Series(dtype="int64"), "cause": pd.Series(dtype=object)})
    j = _match(f[["fid", "exporter", "importer", "year", "product", "rule"]], look_alikes)
    j = j[j["rule"].map(lambda r: rule_kind(str(r))) == j["kind"]]
    return j.sort_values("cause").drop_duplicates("fid")[["fid", "cause"]]


def anomaly_scores(findings: pd.DataFrame, anomalies: pd.DataFrame,
                   look_alikes: pd.DataFrame | None = None) -> dict[str, object]:
    """Counts per rule (findings, those matching any planted anomaly, those matching the rule's own kind, those on
    a look-alike cell) and per planted kind (planted, found by the kind's rules, found by any finding)."""
    f = findings.reset_index(drop=True).assign(fid=lambda d: np.arange(len(d)))
    a = anomalies.reset_index(drop=True).assign(aid=lambda d: np.arange(len(d)))
    j = _match(f, a)
    rules: dict[str, dict[str, float]] = {}
    f_la = look_alike_hits(f, look_alikes)
    for rule, fr in f.groupby("rule"):
        kind = rule_kind(str(rule))
        jr = j[j["fid"].isin(fr["fid"])]
        # a hit: a planted anomaly of the rule's own kind, or the rerouting (any rule may rightly see it)
        own = jr if kind is None else jr[jr["kind"].isin({kind, "rerouting"})]
        lr = f_la[f_la["fid"].isin(fr["fid"]) & ~f_la["fid"].isin(own["fid"])].drop_duplicates("fid")
        rules[str(rule)] = {
            "findings": float(len(fr)),
            "hits": float(own["fid"].nunique()),
            "hits_any_kind": float(jr["fid"].nunique()),
            "planted": float((a["kind"] == kind).sum()) if kind else math.nan,
            "recalled": float(own.loc[own["kind"] == kind, "aid"].nunique()) if kind else math.nan,
            "chance_look_alike_hits": float((lr["cause"] == "chance").sum()),  # findings, not cells
            "reexport_look_alike_hits": float((lr["cause"] == "reexport").sum()),
        }
    found = set(j["aid"])
    kinds = {}
    for kind in (*DETECTABLE, "rerouting"):
        sub = a[a["kind"] == kind]
        by_rule = set(j.loc[(j["kind"] == kind) & j["rule"].map(lambda r, k=kind: rule_kind(str(r)) == k), "aid"])
        kinds[kind] = {"planted": float(len(sub)), "found": float(sub["aid"].isin(found).sum()),
                       "found_by_rule": float(sub["aid"].isin(by_rule).sum())}
    det = a[a["kind"].isin(DETECTABLE)]
    return {
        "findings": float(len(f)),
        "precision": j["fid"].nunique() / len(f) if len(f) else math.nan,
        "recall": float(det["aid"].isin(found).mean()) if len(det) else math.nan,
        "rules": rules,
        "kinds": kinds,
        "false positives by rule": f[~f["fid"].isin(set(j["fid"]))].groupby("rule").size().to_dict(),
    }


def read_look_alikes(world: Path) -> pd.DataFrame | None:
    """The realistic world's phantom look-alikes, with ``exact``: the importer reports the exporter and publishes
    the product from someone, as for every planted phantom (``chance`` adds: from chance alone, not re-exports)."""
    path = world / "truth" / "look_alikes.parquet"
    if not path.exists():
        return None
    la = pd.read_parquet(path)
    exact = la["importer_reports_pair"] & la["importer_publishes_product"]
    return la.assign(exact=exact, chance=exact & la["cause"].isin(CHANCE_CAUSES))


def look_alike_counts(world: Path, planted_phantoms: int) -> dict[str, object]:
    la = read_look_alikes(world)
    if la is None:
        return {}
    ex = la[la["exact"]]
    out: dict[str, object] = {f"cause {c}": float((ex["cause"] == c).sum()) for c in (*CHANCE_CAUSES, "reexport")}
    # the importers' true missing rates, for the best precision a rule that knew them could reach
    miss = pd.read_parquet(world / "truth" / "countries.parquet").set_index("country")["missing_rate"]
    anomalies = pd.read_parquet(world / "truth" / "anomalies.parquet")
    out["miss look-alikes"] = la.loc[la["chance"], "importer"].map(miss).to_numpy(float)
    out["miss phantoms"] = anomalies.loc[anomalies["kind"] == "phantom_export", "importer"].map(miss).to_numpy(float)
    out["chance"] = float(la["chance"].sum())
    out["reexport"] = float((ex["cause"] == "reexport").sum())
    out["told apart"] = float((~la["exact"]).sum())
    out["planted phantoms"] = float(planted_phantoms)
    return out


def evaluate(world: Path, result_dir: Path) -> dict[str, object]:
    cells, sigma, anomalies, findings = load_cells(world, result_dir)
    reliability = pd.read_parquet(result_dir / "reliability.parquet")
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
    coverage = {"all": float(inside[cov_mask].mean()) if cov_mask.any() else math.nan}
    for method in ("both", "mirror_only", "exporter_only"):
        mk = cov_mask & (cells["method"].to_numpy() == method)
        coverage[method] = float(inside[mk].mean()) if mk.any() else math.nan
    la = _done_when.world_look_alikes(world) if (world / "truth" / "look_alikes.parquet").exists() else None
    scores = anomaly_scores(findings, anomalies, la)
    return {
        "pattern_look_alikes": _done_when.count_look_alikes(la),
        "sigma": sigma_scores(reliability, sigma),
        "errors": errors,
        "coverage": coverage,
        "anomalies": scores,
        "look_alikes": look_alike_counts(world, int((anomalies["kind"] == "phantom_export").sum())),
        "cells": len(cells),
    }
