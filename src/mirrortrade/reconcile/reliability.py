"""CIF/FOB margins and reporter reliability, fitted on pair-level statistics.

The heavy passes over declarations run as Ibis expressions (:mod:`.stages`); what they return
is at most one row per exporter × importer × year, small enough to fit here with NumPy on any
backend (so DuckDB and Spark give the same numbers).

**CIF margin.** An importer values its imports CIF (cost, insurance, freight), the exporter FOB,
so ``M ≈ (1 + cif)·X``. Per pair with at least :data:`MIN_PAIR_N` flows on both sides the rate is
the median of ``M/X − 1``; else the median over the importer's pairs (at least
:data:`MIN_GROUP_PAIRS` of them), else over the exporter's, else the prior. Priors: CEPII BACI's
estimated mean CIF margin ≈ 3.3% (:data:`CIF_PRIOR_BACI`, the default) and the IMF's flat 6%
(:data:`CIF_PRIOR_IMF`, used in DOTS). Every rate is clipped to the Growth Lab's band [0, 0.2].

**Reliability** (after Gaulier & Zignago 2010). With ``X = T·e^{ε_e}`` and
``M/(1+cif) = T·e^{ε_i}``, the log residual ``r = ln(M / ((1+cif)·X)) = ε_i − ε_e`` has
``E[r²] = σ_e² + σ_i²``. Gaulier & Zignago regress ``|r|`` on exporter and importer effects; we
decompose ``r²`` the same way, because variances add and absolute values do not, and then
σ is read directly: the standard deviation of a country's log reporting error as exporter and as
importer. The additive split is fitted by alternating weighted least squares over cells
(exporter × importer × year), robustly: cells whose mean residual shows a persistent gap are
left out, and rows beyond 3σ of their cell are trimmed (with the truncation corrected).
Only ``σ_e² + σ_i²`` is identified by two-sided data; the split between the exporter and the
importer role is fixed by a weak common prior (both roles shrink towards the same variance),
which also keeps thinly observed countries near the typical value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

CIF_PRIOR_BACI = 0.033
CIF_PRIOR_IMF = 0.06
CIF_BAND = (0.0, 0.2)
#: both-sided flows a pair needs for its own CIF median
MIN_PAIR_N = 5
#: pairs a country needs for an importer (or exporter) group CIF median
MIN_GROUP_PAIRS = 3
#: uncertainty (log-σ) of the CIF rate by where it came from; a pair's own median is part of its residual
SIGMA_CIF = {"pair": 0.0, "importer": 0.02, "exporter": 0.025, "prior": 0.03}

#: σ used when a country has no two-sided flows at all and nothing else to go by
SIGMA_PRIOR = 0.25
SIGMA_MIN = 0.01
#: prior weight (in observations) pulling each country's variance towards the common value
PRIOR_OBS = 2.0
#: rows beyond TRIM_K σ of their cell are outliers for the reliability fit
TRIM_K = 3.0
#: a cell's mean residual beyond GAP_Z standard errors and GAP_MIN in log terms is a persistent gap
GAP_Z = 3.5
GAP_MIN = math.log(1.2)


def truncated_variance_factor(k: float) -> float:
    """Variance of a standard normal truncated to ``[-k, k]``."""
    phi = math.exp(-k * k / 2.0) / math.sqrt(2.0 * math.pi)
    mass = math.erf(k / math.sqrt(2.0))
    return 1.0 - 2.0 * k * phi / mass


def cif_rates(pairs: pd.DataFrame, medians: pd.DataFrame, *, prior: float = CIF_PRIOR_BACI) -> pd.DataFrame:
    """CIF rate per exporter–importer pair.

    ``pairs``: exporter, importer (every pair seen, one- or two-sided); ``medians``: exporter,
    importer, n (two-sided flows), med (median log ratio). Returns exporter, importer, cif_rate,
    cif_source (pair|importer|exporter|prior), sigma_cif.
    """
    lo, hi = CIF_BAND
    prior = float(min(max(prior, lo), hi))
    out = pairs[["exporter", "importer"]].drop_duplicates().merge(medians, on=["exporter", "importer"], how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    rate = np.clip(np.expm1(out["med"].to_numpy(dtype=float)), lo, hi)
    src = np.where(out["n"].to_numpy() >= MIN_PAIR_N, "pair", "")
    ok = medians[medians["n"] > 0]
    by_imp = ok.groupby("importer")["med"].agg(["median", "count"])
    by_imp = by_imp[by_imp["count"] >= MIN_GROUP_PAIRS]["median"]
    by_exp = ok.groupby("exporter")["med"].agg(["median", "count"])
    by_exp = by_exp[by_exp["count"] >= MIN_GROUP_PAIRS]["median"]
    imp_rate = np.clip(np.expm1(out["importer"].map(by_imp).to_numpy(dtype=float)), lo, hi)
    exp_rate = np.clip(np.expm1(out["exporter"].map(by_exp).to_numpy(dtype=float)), lo, hi)
    use_imp = (src == "") & ~np.isnan(imp_rate)
    rate = np.where(use_imp, imp_rate, rate)
    src = np.where(use_imp, "importer", src)
    use_exp = (src == "") & ~np.isnan(exp_rate)
    rate = np.where(use_exp, exp_rate, rate)
    src = np.where(use_exp, "exporter", src)
    use_prior = src == ""
    rate = np.where(use_prior, prior, rate)
    src = np.where(use_prior, "prior", src)
    out["cif_rate"] = rate.astype(float)
    out["cif_source"] = src.astype(object)
    out["sigma_cif"] = out["cif_source"].map(SIGMA_CIF).astype(float)
    return out[["exporter", "importer", "n", "cif_rate", "cif_source", "sigma_cif"]].rename(columns={"n": "n_pair"})


@dataclass
class Fit:
    """Variances per country as exporter (``a``) and importer (``b``), indexed by code."""

    a: pd.Series
    b: pd.Series
    mu: float

    def var_exporter(self, codes: pd.Series) -> np.ndarray:
        return codes.map(self.a).fillna(self.default_a).to_numpy(dtype=float)

    def var_importer(self, codes: pd.Series) -> np.ndarray:
        return codes.map(self.b).fillna(self.default_b).to_numpy(dtype=float)

    @property
    def default_a(self) -> float:
        return float(self.a.median()) if len(self.a) else self.mu

    @property
    def default_b(self) -> float:
        return float(self.b.median()) if len(self.b) else self.mu


def fit_variances(
    exporter: pd.Series, importer: pd.Series, n: np.ndarray, ssr: np.ndarray, *, sweeps: int = 200, irls: int = 4
) -> Fit:
    """Fit ``ssr/n ≈ a[exporter] + b[importer]`` by alternating weighted least squares.

    ``n``: residuals per cell (effective count), ``ssr``: their sum of squares. Cells with
    ``n <= 0`` are ignored. Weights are ``n / fit²`` (the variance of a mean of squared normal
    residuals is ``2·V²/n``), refreshed ``irls`` times; both roles shrink towards a common
    variance with the weight of :data:`PRIOR_OBS` observations.
    """
    n = np.asarray(n, dtype=float)
    ssr = np.asarray(ssr, dtype=float)
    use = n > 0
    e_codes, e_idx = np.unique(exporter.to_numpy()[use].astype(str), return_inverse=True)
    i_codes, i_idx = np.unique(importer.to_numpy()[use].astype(str), return_inverse=True)
    n_u = n[use]
    y = ssr[use] / n_u
    if n_u.sum() <= 0:
        mu = SIGMA_PRIOR**2
        return Fit(pd.Series(dtype=float), pd.Series(dtype=float), mu)
    mu = max(float(np.sum(ssr[use]) / np.sum(n_u)) / 2.0, SIGMA_MIN**2)
    a = np.full(len(e_codes), mu)
    b = np.full(len(i_codes), mu)
    floor = 2.0 * SIGMA_MIN**2
    for _ in range(irls):
        fit = np.maximum(a[e_idx] + b[i_idx], floor)
        w = n_u / fit**2
        lam = PRIOR_OBS / (2.0 * mu) ** 2
        w_e = np.bincount(e_idx, w, len(e_codes)) + lam
        w_i = np.bincount(i_idx, w, len(i_codes)) + lam
        for _ in range(sweeps):
            a_new = (np.bincount(e_idx, w * (y - b[i_idx]), len(e_codes)) + lam * mu) / w_e
            b_new = (np.bincount(i_idx, w * (y - a_new[e_idx]), len(i_codes)) + lam * mu) / w_i
            delta = max(np.max(np.abs(a_new - a)), np.max(np.abs(b_new - b)))
            a, b = a_new, b_new
            if delta < 1e-12:
                break
    a = np.maximum(a, SIGMA_MIN**2)
    b = np.maximum(b, SIGMA_MIN**2)
    return Fit(pd.Series(a, index=e_codes), pd.Series(b, index=i_codes), mu)


def gap_test(n: np.ndarray, s1: np.ndarray, var: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(mean residual, z)`` of each cell: is its mean beyond what the reporters' noise allows?"""
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(n > 0, s1 / n, np.nan)
        z = np.where(n > 0, mean / np.sqrt(np.maximum(var, SIGMA_MIN**2) / n), np.nan)
    return mean, z


def is_gap(mean: np.ndarray, z: np.ndarray) -> np.ndarray:
    return (np.abs(np.nan_to_num(z)) >= GAP_Z) & (np.abs(np.nan_to_num(mean)) >= GAP_MIN)


def effective_n(n: np.ndarray, n_pair: np.ndarray, cif_source: np.ndarray) -> np.ndarray:
    """Residuals centred on a pair's own median lose about one degree of freedom per pair."""
    n = np.asarray(n, dtype=float)
    n_pair = np.asarray(n_pair, dtype=float)
    own = (np.asarray(cif_source) == "pair") & (n_pair > 1)
    factor = np.where(own, (n_pair - 1.0) / np.maximum(n_pair, 1.0), 1.0)
    return n * factor
