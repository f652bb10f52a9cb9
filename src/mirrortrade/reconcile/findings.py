"""Anomaly findings of the reconciliation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.reconcile import reliability as rel
from mirrortrade.reconcile.estimate import lognormal_variance, sigma_of_variance

PHANTOM_Z = 4.0
FINDING_COLUMNS = ("exporter", "importer", "year", "product", "rule", "severity", "message")


def cell_parameters(cells: pd.DataFrame, fit: rel.Fit) -> pd.DataFrame:
    """Per cell: the sides' σ, the both-sides weight and σ of the combination, and phantom rules."""
    cells = cells.copy()
    var_e = fit.var_exporter(cells["exporter"])
    var_i = fit.var_importer(cells["importer"])
    s_e = np.sqrt(var_e)
    s_i = np.sqrt(var_i + cells["sigma_cif"].to_numpy(dtype=float) ** 2)
    v_e = lognormal_variance(s_e)
    v_i = lognormal_variance(s_i)
    cells["sigma_exporter"] = s_e
    cells["sigma_importer"] = s_i
    cells["s_pair"] = np.sqrt(s_e**2 + s_i**2)
    cells["w_both"] = v_i / (v_e + v_i)
    cells["s_both"] = sigma_of_variance(v_e * v_i / (v_e + v_i))
    cells["s_exp"] = s_e
    cells["s_mir"] = s_i
    cells["exp_better"] = s_e <= s_i
    cells["importer_reports"] = cells["n_importer_rows"].to_numpy() > 0
    # an export the importer would have published: even after both sides' noise (PHANTOM_Z σ) and
    # CIF, above the smallest value the importer publishes for anyone (its reporting threshold)
    m_min = pd.to_numeric(cells["m_min"], errors="coerce")
    threshold = cells["importer"].map(m_min.groupby(cells["importer"]).min()).fillna(0.0).to_numpy(dtype=float)
    cells["phantom_floor"] = threshold * np.exp(PHANTOM_Z * np.sqrt(var_e + var_i)) / (1.0 + cells["cif_rate"].to_numpy())
    mean, z, flagged = rel.persistent_gaps(
        cells["exporter"], cells["importer"], cells["r_n"].to_numpy(), cells["r_s1"].to_numpy(), var_e + var_i
    )
    cells["gap_mean"] = mean
    cells["gap_z"] = z
    cells["gap_flag"] = flagged
    return cells

def findings(cells: pd.DataFrame, flagged: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    gaps = cells[cells["gap_flag"].to_numpy()]
    for r in gaps.itertuples():
        pct = math.expm1(r.gap_mean) * 100.0
        n = int(r.r_n)
        if r.gap_mean < 0:
            msg = (
                f"{r.importer}'s imports from {r.exporter} in {r.year} are {-pct:.0f}% below "
                f"{r.exporter}'s exports after CIF ({r.cif_rate:.1%}) over {n} flow(s), z = {r.gap_z:.1f}: "
                f"beyond both reporters' noise; imports under-recorded or undervalued"
            )
        else:
            msg = (
                f"{r.importer} records {pct:.0f}% more imports from {r.exporter} in {r.year} than "
                f"{r.exporter} declares exporting, after CIF ({r.cif_rate:.1%}), over {n} flow(s), "
                f"z = {r.gap_z:.1f}: beyond both reporters' noise; exports under-declared or goods in transit"
            )
        rows.append(
            {
                "exporter": r.exporter, "importer": r.importer, "year": int(r.year), "product": None,
                "rule": "persistent_gap", "severity": "warning", "message": msg,
                "log_gap": float(r.gap_mean), "z": float(r.gap_z),
                "value_exporter": math.nan, "value_importer": math.nan,
            }
        )
    for r in flagged.itertuples():
        if bool(r.unit_error):
            ratio = math.exp(r.resid)
            factor = 1000.0 if abs(abs(r.resid) - math.log(1e3)) < abs(abs(r.resid) - math.log(1e6)) else 1e6
            shown = f"{ratio:,.0f}×" if ratio >= 1 else f"1/{1 / ratio:,.0f}"
            msg = (
                f"{r.importer}'s imports of {r.product} from {r.exporter} in {r.year} are {shown} "
                f"{r.exporter}'s exports after CIF: a ×{factor:,.0f} unit error on one side"
            )
            rows.append(
                {
                    "exporter": r.exporter, "importer": r.importer, "year": int(r.year), "product": r.product,
                    "rule": "unit_error", "severity": "error", "message": msg, "log_gap": float(r.resid),
                    "z": math.nan, "value_exporter": float(r.value_exporter),
                    "value_importer": float(r.value_importer),
                }
            )
        if bool(r.phantom):
            msg = (
                f"{r.exporter} declares exports of {r.product} to {r.importer} in {r.year} "
                f"(US${r.value_exporter:,.0f}) with no trace in {r.importer}'s imports, though "
                f"{r.importer} reports other imports from {r.exporter} that year"
            )
            rows.append(
                {
                    "exporter": r.exporter, "importer": r.importer, "year": int(r.year), "product": r.product,
                    "rule": "phantom_export", "severity": "warning", "message": msg, "log_gap": math.nan,
                    "z": math.nan, "value_exporter": float(r.value_exporter), "value_importer": math.nan,
                }
            )
    cols = [*FINDING_COLUMNS, "log_gap", "z", "value_exporter", "value_importer"]
    out = pd.DataFrame(rows, columns=cols)
    out = out.astype({"year": "int64", "log_gap": "float64", "z": "float64",
                      "value_exporter": "float64", "value_importer": "float64"})
    out["product"] = out["product"].astype(object)
    # product last: the row-level findings come from the backend in no particular order
    return out.sort_values(
        ["exporter", "importer", "year", "rule", "product"], kind="stable", na_position="first"
    ).reset_index(drop=True)
