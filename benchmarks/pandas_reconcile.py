"""A straightforward pandas implementation of the same reconciliation (the scale benchmark's baseline).

The same method as ``mirrortrade.reconcile``, written the obvious way with ``merge`` and
``groupby`` on in-memory frames: mirror pairs by an outer merge of the two sides; CIF margin per
pair (median ln(M/X), shrunk towards the importer's median, clipped to [0, 0.2], prior 3.3%);
reporter variances by decomposing the squared residual into exporter + importer parts (alternating
group means, rows beyond 3σ of their cell trimmed); minimum-variance estimates with a log-normal 90%
interval; findings for persistent cell gaps, ×1000 unit errors and exports with no import trace.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

KEY = ["exporter", "importer", "year", "product"]
CELL = ["exporter", "importer", "year"]
Z90 = 1.6448536269514722


def _variance_fit(r2: pd.Series, ex: pd.Series, im: pd.Series, rounds: int = 20) -> tuple[pd.Series, pd.Series]:
    a = pd.Series(r2.mean() / 2, index=ex.unique())
    b = pd.Series(r2.mean() / 2, index=im.unique())
    for _ in range(rounds):
        a = (r2 - im.map(b)).groupby(ex).mean().clip(lower=1e-4)
        b = (r2 - ex.map(a)).groupby(im).mean().clip(lower=1e-4)
    shift = (a.mean() - b.mean()) / 2
    return (a - shift).clip(lower=1e-4), (b + shift).clip(lower=1e-4)


def reconcile_pandas(path: str | Path, out: str | Path, cif_prior: float = 0.033) -> dict[str, int]:
    d = pd.read_parquet(path).drop_duplicates()
    x = d[d["flow"] == "X"].rename(columns={"reporter": "exporter", "partner": "importer", "value": "x"})
    m = d[d["flow"] == "M"].rename(columns={"reporter": "importer", "partner": "exporter", "value": "m"})
    p = x.drop(columns="flow").merge(m.drop(columns="flow"), on=KEY, how="outer")
    del d, x, m
    both = p["x"].notna() & p["m"].notna()
    p["lr"] = np.log(p["m"] / p["x"])

    pair = p[both].groupby(["exporter", "importer"])["lr"].agg(["median", "size"]).reset_index()
    imp_median = pair.groupby("importer")["median"].median()
    k = pair["size"] / (pair["size"] + 5.0)
    shrunk = k * pair["median"] + (1 - k) * pair["importer"].map(imp_median)
    pair["cif_rate"] = np.clip(np.expm1(shrunk), 0.0, 0.2)
    p = p.merge(pair[["exporter", "importer", "cif_rate"]], on=["exporter", "importer"], how="left")
    p["cif_rate"] = p["cif_rate"].fillna(cif_prior)
    p["r"] = p["lr"] - np.log1p(p["cif_rate"])

    cell = p[both].groupby(CELL)["r"].agg(cell_mean="mean", cell_sd="std", cell_n="size").reset_index()
    p = p.merge(cell, on=CELL, how="left")
    keep = both & ((p["r"] - p["cell_mean"]).abs() <= 3 * p["cell_sd"].fillna(np.inf)) & (p["r"].abs() < math.log(10))
    a, b = _variance_fit(p.loc[keep, "r"] ** 2, p.loc[keep, "exporter"], p.loc[keep, "importer"])
    ve = p["exporter"].map(a).fillna(a.median()).to_numpy()
    vi = p["importer"].map(b).fillna(b.median()).to_numpy()
    s_e, s_i = np.sqrt(ve), np.sqrt(vi)
    v_e, v_i = np.exp(ve) * np.expm1(ve), np.exp(vi) * np.expm1(vi)
    w = v_i / (v_e + v_i)
    x_, m_fob = p["x"].to_numpy(), (p["m"] / (1 + p["cif_rate"])).to_numpy()
    est = np.where(both, w * x_ + (1 - w) * m_fob, np.where(np.isfinite(x_), x_, m_fob))
    vc = np.where(both, v_e * v_i / (v_e + v_i), np.where(np.isfinite(x_), v_e, v_i))
    sc = np.sqrt(np.log((1 + np.sqrt(1 + 4 * vc)) / 2))
    p["weight_exporter"] = np.where(both, w, np.where(np.isfinite(x_), 1.0, 0.0))
    p["estimate"] = est
    p["estimate_low"] = est * np.exp(-Z90 * sc)
    p["estimate_high"] = est * np.exp(Z90 * sc)
    p["method"] = np.where(both, "both", np.where(np.isfinite(x_), "exporter_only", "mirror_only"))
    p["sigma_e"], p["sigma_i"] = s_e, s_i

    # findings
    se = np.sqrt((ve + vi) / p["cell_n"].to_numpy())
    gap = p[both & (np.abs(p["cell_mean"]) > 3.5 * se) & (np.abs(p["cell_mean"]) > math.log(1.2))]
    gap = gap[CELL].drop_duplicates().assign(product=None, rule="persistent_gap")
    unit = p[both & (p["r"].abs() > math.log(100))][KEY].assign(rule="unit_error")
    importer_pairs = p.loc[p["m"].notna(), ["exporter", "importer"]].drop_duplicates()
    lone = p[p["m"].isna()].merge(importer_pairs, on=["exporter", "importer"])
    phantom = lone[KEY].assign(rule="phantom_export")
    findings = pd.concat([gap, unit, phantom], ignore_index=True)

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    cols = KEY + ["x", "m", "cif_rate", "weight_exporter", "estimate", "estimate_low", "estimate_high", "method"]
    p[cols].rename(columns={"x": "value_exporter", "m": "value_importer"}).to_parquet(out / "estimates.parquet")
    rel = pd.concat([
        pd.DataFrame({"country": a.index, "role": "exporter", "sigma": np.sqrt(a.to_numpy())}),
        pd.DataFrame({"country": b.index, "role": "importer", "sigma": np.sqrt(b.to_numpy())}),
    ])
    rel.to_parquet(out / "reliability.parquet")
    findings.to_parquet(out / "findings.parquet")
    return {"estimates": len(p), "findings": len(findings)}
