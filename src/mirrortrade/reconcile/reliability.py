"""CIF/FOB margins and reporter reliability, fitted on pair-level statistics.

The heavy passes over declarations run as Ibis expressions (:mod:`.stages`); what they return
is at most one row per exporter × importer × year, small enough to fit here with NumPy on any
backend (so DuckDB and Spark give the same numbers).

**CIF margin.** An importer values its imports CIF (cost, insurance, freight), the exporter FOB,
so ``M ≈ (1 + cif)·X``. Per pair the rate is the trimmed mean of ``ln(M/X)`` (rows within ×10
first, then within 3σ), shrunk by its precision
towards the median over the importer's pairs (at least :data:`MIN_GROUP_PAIRS` of them), else the
exporter's, else all pairs', else the prior (see :func:`cif_rates`). Priors: CEPII BACI's
estimated mean CIF margin ≈ 3.3% (:data:`CIF_PRIOR_BACI`, the default) and the IMF's flat 6%
(:data:`CIF_PRIOR_IMF`, used in DOTS). Every rate is clipped to the Growth Lab's band [0, 0.2].

**Reliability** (after Gaulier & Zignago 2010). With ``X = T·e^{ε_e}`` and
``M/(1+cif) = T·e^{ε_i}``, the log residual ``r = ln(M / ((1+cif)·X)) = ε_i − ε_e`` has
``E[r²] = σ_e² + σ_i²``. Gaulier & Zignago regress ``|r|`` on exporter and importer effects; we
decompose ``r²`` the same way, because variances add and absolute values do not, and then
σ is read directly: the standard deviation of a country's log reporting error as exporter and as
importer. The additive split is fitted by weighted least squares (normal equations over the
countries, solved by conjugate gradients on pair sums), robustly: cells (exporter × importer ×
year) whose mean residual shows a persistent gap are left out, and rows beyond 3σ of their cell
are trimmed (with the truncation corrected). A variance is not claimed below its own standard
error.
Only ``σ_e² + σ_i²`` is identified by two-sided data: adding ``d`` to every exporter variance
and taking it from every importer variance fits equally well. We fix ``d`` by assuming the most
precise reporters are about as precise in either role (the smallest variance among well-observed
exporters equals that among importers; see :func:`_balance`), and a weak common prior keeps
thinly observed countries near the typical value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.reconcile.rows import RowLogRatios

CIF_PRIOR_BACI = 0.033
CIF_PRIOR_IMF = 0.06
CIF_BAND = (0.0, 0.2)
#: standard error of ``ln(1 + cif)`` when the rate is the prior (nothing in the data to go by)
SIGMA_CIF_PRIOR = 0.03
#: pairs a country needs for an importer (or exporter) group CIF median
MIN_GROUP_PAIRS = 3
#: pairs the data need before the median over all pairs replaces the prior
MIN_ALL_PAIRS = 10
#: spread of CIF margins between importer groups (log terms), for shrinking a group's median
GROUP_TAU = 0.02
#: the common variance starts from SIGMA_PRIOR with the weight of this many observations
PRIOR_MU_OBS = 10.0

#: trimming rounds after the first (windowed) reliability pass
TRIM_ROUNDS = 2
RELIABILITY_COLUMNS = ("country", "role", "sigma", "n_pairs", "n_flows")

#: σ used when a country has no two-sided flows at all and nothing else to go by
SIGMA_PRIOR = 0.25
SIGMA_MIN = 0.01
#: prior weight (in observations) pulling each country's variance towards the common value
PRIOR_OBS = 2.0
#: the split between roles is fixed by equating this low quantile of both roles' variances
#: (countries with at least BALANCE_MIN_OBS two-sided flows)
BALANCE_QUANTILE = 0.0
BALANCE_MIN_OBS = 30
#: rows beyond TRIM_K σ of their cell are outliers for the reliability fit
TRIM_K = 3.0
#: a cell's mean residual beyond GAP_Z standard errors and GAP_MIN in log terms is a persistent gap
GAP_Z = 4.5
#: a cell of a pair with a persistent gap is reported when its own gap has this many standard errors
GAP_CELL_Z = 2.0
GAP_MIN = math.log(1.2)


def truncated_variance_factor(k: float) -> float:
    """Variance of a standard normal truncated to ``[-k, k]``."""
    phi = math.exp(-k * k / 2.0) / math.sqrt(2.0 * math.pi)
    mass = math.erf(k / math.sqrt(2.0))
    return 1.0 - 2.0 * k * phi / mass


def cif_rates(
    pairs: pd.DataFrame,
    medians: pd.DataFrame,
    *,
    prior: float = CIF_PRIOR_BACI,
    pair_var: pd.Series | np.ndarray | float | None = None,
    efficiency: float = 2.0 / math.pi,
) -> pd.DataFrame:
    """CIF rate per exporter–importer pair.

    ``pairs``: exporter, importer (every pair seen, one- or two-sided); ``medians``: exporter,
    importer, n (two-sided flows), med (the pair's central log ratio ``ln(M/X)``: a median, or a
    trimmed mean with ``efficiency=1``).

    A pair's own value is noisy when it rests on few flows (its standard error is
    ``√(V / (efficiency·n))`` with ``V = σ_e² + σ_i²``, ``pair_var``; a median's efficiency is
    2/π), so it is shrunk towards its group's
    rate (the median over the importer's pairs, else the exporter's, else all pairs, else the
    prior) with weights by precision; the spread of true margins between pairs is estimated from
    the medians by the method of moments. Returns exporter, importer, n_pair, cif_rate,
    cif_source (pair|importer|exporter|all|prior), cif_weight (the pair's own weight),
    sigma_cif (standard error of ``ln(1+cif)``).
    """
    lo, hi = CIF_BAND
    prior_c = math.log1p(float(min(max(prior, lo), hi)))
    out = pairs[["exporter", "importer"]].drop_duplicates().reset_index(drop=True)
    out = out.merge(medians[["exporter", "importer", "n", "med"]], on=["exporter", "importer"], how="left")
    n = pd.to_numeric(out["n"], errors="coerce").fillna(0).to_numpy(dtype=float)
    med = pd.to_numeric(out["med"], errors="coerce").to_numpy(dtype=float)
    ok = (n > 0) & np.isfinite(med)
    if pair_var is None:
        var = np.full(len(out), 2 * SIGMA_PRIOR**2)
    elif np.ndim(pair_var) == 0:
        var = np.full(len(out), float(pair_var))  # type: ignore[arg-type]
    else:
        var = np.asarray(pair_var, dtype=float)
    se2 = np.where(ok, var / (efficiency * np.maximum(n, 1.0)), np.inf)

    # group targets from pairs with a median: the importer's (else the exporter's) median over its
    # pairs, itself shrunk by its precision towards the median over all pairs; else the prior
    good = out[ok].assign(med=med[ok], se2=se2[ok])
    glob = float(np.median(med[ok])) if ok.sum() >= MIN_ALL_PAIRS else math.nan
    target = np.full(len(out), np.nan)
    src = np.full(len(out), "", dtype=object)
    for col, name in (("importer", "importer"), ("exporter", "exporter")):
        g = good.groupby(col).agg(m=("med", "median"), k=("med", "count"), se2=("se2", "median"))
        g = g[g["k"] >= MIN_GROUP_PAIRS]
        gm = g["m"].to_numpy(dtype=float)
        if np.isfinite(glob):
            g_se2 = (math.pi / 2.0) * g["se2"].to_numpy(dtype=float) / g["k"].to_numpy(dtype=float)
            w = (1.0 / g_se2) / (1.0 / g_se2 + 1.0 / GROUP_TAU**2)
            gm = w * gm + (1.0 - w) * glob
        t = out[col].map(pd.Series(gm, index=g.index)).to_numpy(dtype=float)
        use = (src == "") & np.isfinite(t)
        target = np.where(use, t, target)
        src = np.where(use, name, src)
    if np.isfinite(glob):
        use = src == ""
        target = np.where(use, glob, target)
        src = np.where(use, "all", src)
    use = src == ""
    target = np.where(use, prior_c, target)
    src = np.where(use, "prior", src)
    target = np.clip(target, math.log1p(lo), math.log1p(hi))

    # spread of true margins between pairs (method of moments), at least 0.005 in log terms
    if ok.sum() >= MIN_GROUP_PAIRS:
        resid = med[ok] - target[ok]
        tau2 = max(float(np.mean(resid**2) - np.mean(se2[ok])), 0.005**2)
    else:
        tau2 = 0.02**2
    target_se2 = np.where(src == "prior", SIGMA_CIF_PRIOR**2, tau2)
    w_pair = np.where(ok, (1.0 / se2) / (1.0 / se2 + 1.0 / target_se2), 0.0)
    c = np.where(ok, w_pair * np.nan_to_num(med) + (1.0 - w_pair) * target, target)
    post_var = np.where(ok, 1.0 / (1.0 / se2 + 1.0 / target_se2), target_se2)
    c = np.clip(c, math.log1p(lo), math.log1p(hi))
    out["n_pair"] = n.astype("int64")
    out["cif_rate"] = np.expm1(c)
    out["cif_source"] = np.where(ok & (w_pair >= 0.5), "pair", src).astype(object)
    out["cif_weight"] = w_pair
    out["sigma_cif"] = np.sqrt(post_var)
    return out[["exporter", "importer", "n_pair", "cif_rate", "cif_source", "cif_weight", "sigma_cif"]]


def _codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(labels, index)`` of a code column (categorical columns are used as they are)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return np.asarray(s.cat.categories, dtype=object), s.cat.codes.to_numpy().astype(np.int64)
    idx, labels = pd.factorize(s, sort=True)
    return np.asarray(labels, dtype=object), idx.astype(np.int64)


def _lookup(codes: pd.Series, values: pd.Series, default: float) -> np.ndarray:
    labels, idx = _codes(codes)
    mapped = pd.Series(labels).map(values).fillna(default).to_numpy(dtype=float)
    out = mapped[np.maximum(idx, 0)]
    return np.where(idx >= 0, out, default)


@dataclass
class Fit:
    """Variances per country as exporter (``a``) and importer (``b``), indexed by code."""

    a: pd.Series
    b: pd.Series
    mu: float

    def var_exporter(self, codes: pd.Series) -> np.ndarray:
        return _lookup(codes, self.a, self.default_a)

    def var_importer(self, codes: pd.Series) -> np.ndarray:
        return _lookup(codes, self.b, self.default_b)

    @property
    def default_a(self) -> float:
        return float(self.a.median()) if len(self.a) else self.mu

    @property
    def default_b(self) -> float:
        return float(self.b.median()) if len(self.b) else self.mu


def fit_variances(
    exporter: pd.Series, importer: pd.Series, n: np.ndarray, ssr: np.ndarray, *, irls: int = 4
) -> Fit:
    """Fit ``ssr/n ≈ a[exporter] + b[importer]`` by weighted least squares (the normal equations
    over countries, solved directly).

    ``n``: residuals per cell (effective count), ``ssr``: their sum of squares. Cells with
    ``n <= 0`` are ignored. Weights are ``n / fit²`` (the variance of a mean of squared normal
    residuals is ``2·V²/n``), refreshed ``irls`` times; both roles shrink towards a common
    variance with the weight of :data:`PRIOR_OBS` observations.
    """
    n = np.asarray(n, dtype=float)
    ssr = np.asarray(ssr, dtype=float)
    use = n > 0
    e_all, e_full = _codes(exporter)
    i_all, i_full = _codes(importer)
    # the model has no year effect: sum the cells of each pair (exact for this weighted fit)
    pair = e_full[use] * len(i_all) + i_full[use]
    pair_u, pair_idx = np.unique(pair, return_inverse=True)
    n_u = np.bincount(pair_idx, n[use], len(pair_u))
    ssr_u = np.bincount(pair_idx, ssr[use], len(pair_u))
    e_used, e_idx = np.unique(pair_u // len(i_all), return_inverse=True)
    i_used, i_idx = np.unique(pair_u % len(i_all), return_inverse=True)
    e_codes, i_codes = e_all[e_used], i_all[i_used]
    y = ssr_u / np.maximum(n_u, 1e-300)
    if n_u.sum() <= 0:
        mu = SIGMA_PRIOR**2
        return Fit(pd.Series(dtype=float), pd.Series(dtype=float), mu)
    mu = (float(np.sum(ssr_u)) + PRIOR_MU_OBS * 2.0 * SIGMA_PRIOR**2) / (float(np.sum(n_u)) + PRIOR_MU_OBS)
    mu = max(mu / 2.0, SIGMA_MIN**2)
    a = np.full(len(e_codes), mu)
    b = np.full(len(i_codes), mu)
    floor = 2.0 * SIGMA_MIN**2
    n_e, n_i = len(e_codes), len(i_codes)
    for _ in range(irls):
        fit = np.maximum(a[e_idx] + b[i_idx], floor)
        w = n_u / fit**2
        # the prior counts as PRIOR_OBS observations at the country's own weight per observation
        sw_e = np.bincount(e_idx, w, n_e)
        sw_i = np.bincount(i_idx, w, n_i)
        lam_e = PRIOR_OBS * sw_e / np.maximum(np.bincount(e_idx, n_u, n_e), 1e-12)
        lam_i = PRIOR_OBS * sw_i / np.maximum(np.bincount(i_idx, n_u, n_i), 1e-12)
        # normal equations of the ridge-weighted two-way fit, by preconditioned conjugate gradients
        # (matrix products as bincounts over cells: no BLAS threads, exact to 1e-12)
        d_e, d_i = sw_e + lam_e, sw_i + lam_i
        rhs_e = np.bincount(e_idx, w * y, n_e) + lam_e * mu
        rhs_i = np.bincount(i_idx, w * y, n_i) + lam_i * mu
        a, b = _pcg(e_idx, i_idx, w, d_e, d_i, rhs_e, rhs_i, a, b)
    a, b = _balance(a, b, np.bincount(e_idx, n_u, len(e_codes)), np.bincount(i_idx, n_u, len(i_codes)))
    # a variance is not claimed below its own standard error (1/√information, with the
    # variance of a squared normal residual 2·V²): small variances are hard to tell apart from 0
    fit = np.maximum(a[e_idx] + b[i_idx], floor)
    info = n_u / (2.0 * fit**2)
    se_a = 1.0 / np.sqrt(np.bincount(e_idx, info, len(e_codes)))
    se_b = 1.0 / np.sqrt(np.bincount(i_idx, info, len(i_codes)))
    a = np.maximum(a, np.maximum(se_a, SIGMA_MIN**2))
    b = np.maximum(b, np.maximum(se_b, SIGMA_MIN**2))
    return Fit(pd.Series(a, index=e_codes), pd.Series(b, index=i_codes), mu)


def _pcg(
    e_idx: np.ndarray, i_idx: np.ndarray, w: np.ndarray, d_e: np.ndarray, d_i: np.ndarray,
    rhs_e: np.ndarray, rhs_i: np.ndarray, a0: np.ndarray, b0: np.ndarray, *, tol: float = 1e-12, max_iter: int = 1000,
) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``[D_e C; Cᵀ D_i]·[a; b] = [r_e; r_i]`` with ``C[e, i] = Σ w`` over cells (Jacobi-PCG)."""
    n_e, n_i = len(d_e), len(d_i)

    def matvec(xa: np.ndarray, xb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (
            d_e * xa + np.bincount(e_idx, w * xb[i_idx], n_e),
            d_i * xb + np.bincount(i_idx, w * xa[e_idx], n_i),
        )

    xa, xb = a0.copy(), b0.copy()
    ya, yb = matvec(xa, xb)
    ra, rb = rhs_e - ya, rhs_i - yb
    za, zb = ra / d_e, rb / d_i
    pa, pb = za.copy(), zb.copy()
    rz = float(ra @ za + rb @ zb)
    norm0 = math.sqrt(float(rhs_e @ rhs_e + rhs_i @ rhs_i)) or 1.0
    for _ in range(max_iter):
        if math.sqrt(float(ra @ ra + rb @ rb)) <= tol * norm0:
            break
        qa, qb = matvec(pa, pb)
        pq = float(pa @ qa + pb @ qb)
        if pq <= 0:
            break
        alpha = rz / pq
        xa += alpha * pa
        xb += alpha * pb
        ra -= alpha * qa
        rb -= alpha * qb
        za, zb = ra / d_e, rb / d_i
        rz_new = float(ra @ za + rb @ zb)
        beta = rz_new / rz
        rz = rz_new
        pa = za + beta * pa
        pb = zb + beta * pb
    return xa, xb


def _balance(a: np.ndarray, b: np.ndarray, n_a: np.ndarray, n_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fix the unidentified split: shift variance between the roles (``a + d``, ``b − d``, every
    fitted sum unchanged) so that the most precise reporters are equally precise in both roles —
    the :data:`BALANCE_QUANTILE` quantile of well-observed countries' variances is the same for
    exporters and importers."""
    well_a = a[n_a >= BALANCE_MIN_OBS]
    well_b = b[n_b >= BALANCE_MIN_OBS]
    if len(well_a) < 3 or len(well_b) < 3:
        return a, b
    d = (float(np.quantile(well_b, BALANCE_QUANTILE)) - float(np.quantile(well_a, BALANCE_QUANTILE))) / 2.0
    return a + d, b - d


def gap_test(n: np.ndarray, s1: np.ndarray, var: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(mean residual, z)`` of each cell: is its mean beyond what the reporters' noise allows?"""
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(n > 0, s1 / n, np.nan)
        z = np.where(n > 0, mean / np.sqrt(np.maximum(var, SIGMA_MIN**2) / n), np.nan)
    return mean, z


def is_gap(mean: np.ndarray, z: np.ndarray, z_min: float = GAP_Z) -> np.ndarray:
    return (np.abs(np.nan_to_num(z)) >= z_min) & (np.abs(np.nan_to_num(mean)) >= GAP_MIN)


def persistent_gaps(
    exporter: pd.Series, importer: pd.Series, n: np.ndarray, s1: np.ndarray, var: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cells (exporter × importer × year) whose gap persists beyond the reporters' noise.

    A cell is flagged when its own mean residual is beyond :data:`GAP_Z` standard errors, or when
    its pair's mean over all years is, and the cell's mean points the same way with at least
    :data:`GAP_CELL_Z` standard errors; in both cases the gap must exceed :data:`GAP_MIN`.
    Returns the cells' ``(mean, z, flagged)``.
    """
    n = np.asarray(n, dtype=float)
    s1 = np.asarray(s1, dtype=float)
    mean, z = gap_test(n, s1, var)
    e_lab, e_idx = _codes(exporter)
    i_lab, i_idx = _codes(importer)
    _, pair = np.unique(e_idx * len(i_lab) + i_idx, return_inverse=True)
    pair_n = np.bincount(pair, n)[pair]
    pair_s1 = np.bincount(pair, s1)[pair]
    with np.errstate(divide="ignore", invalid="ignore"):
        pair_var = np.where(pair_n > 0, np.bincount(pair, n * np.asarray(var, dtype=float))[pair] / pair_n, np.nan)
    pair_mean, pair_z = gap_test(pair_n, pair_s1, np.nan_to_num(pair_var, nan=1.0))
    pair_flag = is_gap(pair_mean, pair_z)
    same_way = np.sign(np.nan_to_num(mean)) == np.sign(np.nan_to_num(pair_mean))
    flagged = is_gap(mean, z) | (pair_flag & same_way & is_gap(mean, z, GAP_CELL_Z))
    return mean, z, flagged


def effective_n(n: np.ndarray, n_pair: np.ndarray, cif_weight: np.ndarray) -> np.ndarray:
    """Residuals centred (with weight ``cif_weight``) on their pair's own median lose about that
    much of one degree of freedom per pair."""
    n = np.asarray(n, dtype=float)
    n_pair = np.maximum(np.asarray(n_pair, dtype=float), 1.0)
    factor = 1.0 - np.clip(np.asarray(cif_weight, dtype=float), 0.0, 1.0) / n_pair
    return n * np.where(n_pair > 1, factor, 1.0)


# ------------------------------------------------------------------------------------------
# The fit over the cells
# ------------------------------------------------------------------------------------------


def pooled_variance(cells: pd.DataFrame) -> float:
    """A first guess of ``σ_e² + σ_i²``: the median within-pair variance of the log ratio."""
    g = cells.groupby(["exporter", "importer"])[["n0", "s1", "s2"]].sum()
    g = g[g["n0"] >= 3]
    if g.empty:
        return 2.0 * SIGMA_PRIOR**2
    within = (g["s2"] - g["s1"] ** 2 / g["n0"]) / (g["n0"] - 1.0)
    return float(max(np.median(within), 2.0 * SIGMA_MIN**2))


def with_cif(cells: pd.DataFrame, prior: float, pair_var: Any) -> pd.DataFrame:
    """Attach the pair's CIF rate (and ``c = ln(1+cif)``) and the residual sums around it.

    The pair's own log ratio is the mean over its rows in ``lr_n``/``lr_s1`` (the window pass
    at first, the trimmed rows later): a robust mean, as efficient as the data allow.
    """
    cells = cells.drop(
        columns=[c for c in ("n_pair", "cif_rate", "cif_source", "cif_weight", "sigma_cif") if c in cells]
    )
    if "lr_n" not in cells:
        cells["lr_n"] = cells["n0"]
        cells["lr_s1"] = cells["s1"]
    g = cells.groupby(["exporter", "importer"], sort=False)[["lr_n", "lr_s1"]].sum().reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        means = pd.DataFrame({
            "exporter": g["exporter"], "importer": g["importer"], "n": g["lr_n"],
            "med": np.where(g["lr_n"] > 0, g["lr_s1"] / g["lr_n"], np.nan),
        })
    pairs = g[["exporter", "importer"]]
    if not np.isscalar(pair_var):
        pv = pairs.merge(pair_var, on=["exporter", "importer"], how="left")["var"].to_numpy(dtype=float)
        pair_var = np.where(np.isfinite(pv), pv, 2.0 * SIGMA_PRIOR**2)
    cif = cif_rates(pairs, means, prior=prior, pair_var=pair_var, efficiency=1.0)
    cells = cells.merge(cif, on=["exporter", "importer"], how="left")
    c = np.log1p(cells["cif_rate"].to_numpy(dtype=float))
    n0, s1, s2 = (cells[k].to_numpy(dtype=float) for k in ("n0", "s1", "s2"))
    cells["c"] = c
    cells["r_n"] = n0
    cells["r_s1"] = s1 - n0 * c
    cells["r_ss"] = np.maximum(s2 - 2.0 * c * s1 + n0 * c * c, 0.0)
    return cells


def trimmed_sums(
    rows: RowLogRatios, c: np.ndarray, thr: np.ndarray, n_cells: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per cell: ``(n, s1, s2)`` of the CIF-adjusted log residual ``r = lr − c`` over the rows with
    ``|r| ≤ thr`` (``c``, ``thr``: per cell), vectorised over all rows at once."""
    r = rows.lr - c[rows.cell]
    keep = np.abs(r) <= thr[rows.cell]
    cell, r = rows.cell[keep], r[keep]
    return (
        np.bincount(cell, minlength=n_cells).astype(float),
        np.bincount(cell, r, minlength=n_cells),
        np.bincount(cell, r * r, minlength=n_cells),
    )


def fit_reliability(
    rows: RowLogRatios, cells: pd.DataFrame, prior: float
) -> tuple[Fit, pd.DataFrame, int]:
    """Windowed first pass, then trimmed passes over the rows (``rows``: the two-sided rows' cells and
    log ratios, from the one fetch of the pairs: :class:`rows.PairRows`); persistent-gap cells left out. After each fit the CIF rates are
    re-estimated with the fitted pair variances."""
    def fit_excluding_gaps(cells: pd.DataFrame, n_used: np.ndarray, ssr: np.ndarray) -> tuple[Fit, np.ndarray]:
        gap = np.zeros(len(cells), dtype=bool)
        fit = Fit(pd.Series(dtype=float), pd.Series(dtype=float), SIGMA_PRIOR**2)
        n_pair = cells["n_pair"].to_numpy(dtype=float)
        weight = cells["cif_weight"].to_numpy(dtype=float)
        for _ in range(3):
            neff = effective_n(np.where(gap, 0.0, n_used), n_pair, weight)
            fit = fit_variances(cells["exporter"], cells["importer"], neff, np.where(gap, 0.0, ssr))
            var = fit.var_exporter(cells["exporter"]) + fit.var_importer(cells["importer"])
            _, _, new_gap = persistent_gaps(
                cells["exporter"], cells["importer"], cells["r_n"].to_numpy(), cells["r_s1"].to_numpy(), var
            )
            if np.array_equal(new_gap, gap):
                break
            gap = new_gap
        return fit, gap

    def refresh_cif(cells: pd.DataFrame, fit: Fit) -> pd.DataFrame:
        pv = cells[["exporter", "importer"]].drop_duplicates().reset_index(drop=True)
        pv["var"] = fit.var_exporter(pv["exporter"]) + fit.var_importer(pv["importer"])
        return with_cif(cells, prior, pv)

    fit, gap = fit_excluding_gaps(cells, cells["r_n"].to_numpy(), cells["r_ss"].to_numpy())
    cells = refresh_cif(cells, fit)
    fit, gap = fit_excluding_gaps(cells, cells["r_n"].to_numpy(), cells["r_ss"].to_numpy())
    kappa = truncated_variance_factor(TRIM_K)
    rounds = 0
    has_both = cells["n_both"].to_numpy() > 0
    for _ in range(TRIM_ROUNDS):
        if not has_both.any():
            break
        cells = refresh_cif(cells, fit)
        var = fit.var_exporter(cells["exporter"]) + fit.var_importer(cells["importer"])
        c = cells["c"].to_numpy(dtype=float)
        thr = np.where(has_both, TRIM_K * np.sqrt(var), -np.inf)
        n_t, s1_t, s2_t = trimmed_sums(rows, c, thr, len(cells))
        ss_t = s2_t / kappa
        # the kept rows' log ratios give the pair means for the next CIF estimate
        cells["lr_n"] = n_t
        cells["lr_s1"] = s1_t + n_t * cells["c"].to_numpy(dtype=float)
        fit, gap = fit_excluding_gaps(cells, n_t, ss_t)
        rounds += 1
    cells = refresh_cif(cells, fit)
    cells["gap"] = gap
    return fit, cells, rounds

def reliability_table(fit: Fit, cells: pd.DataFrame) -> pd.DataFrame:
    used = cells[(cells["n_both"] > 0) & ~cells["gap"]]
    rows = []
    for role, col, series, default in (
        ("exporter", "exporter", fit.a, fit.default_a),
        ("importer", "importer", fit.b, fit.default_b),
    ):
        side_rows = "n_exporter_rows" if role == "exporter" else "n_importer_rows"
        reporters = sorted(cells.loc[cells[side_rows] > 0, col].unique())
        n_pairs = used.groupby(col)["importer" if role == "exporter" else "exporter"].nunique()
        n_flows = used.groupby(col)["n_both"].sum()
        for country in reporters:
            var = float(series.get(country, default))
            rows.append(
                {
                    "country": str(country),
                    "role": role,
                    "sigma": math.sqrt(max(var, SIGMA_MIN**2)),
                    "n_pairs": int(n_pairs.get(country, 0)),
                    "n_flows": int(n_flows.get(country, 0)),
                }
            )
    out = pd.DataFrame(rows, columns=list(RELIABILITY_COLUMNS))
    return out.astype({"n_pairs": "int64", "n_flows": "int64", "sigma": "float64"})
