"""Anomaly findings of the reconciliation, each with the chance that noise the model already knows
produced its pattern.

Every rule computes a p-value under the model of honest reporting: log-normal reporter noise with
the fitted σ (unit errors, persistent gaps), and declarations missing at random at the importer's
own rate for that exporter, estimated from the data (phantom exports). A finding is kept only when
chance does not explain it, judged over every pattern the rule tested (Benjamini–Hochberg at a
false discovery rate of :data:`FDR`); findings carry ``p_value``, ``tests`` (how many patterns the
rule tested) and ``evidence = −log10(p_value · tests)`` (the Bonferroni-adjusted chance, in
decades); severity follows the evidence and findings are ranked by it.

**Phantom exports.** A flow (exporter, importer, product) whose exporter declarations the importer
would have published (above the importer's smallest published value after noise and CIF, in years
the importer reports that exporter) has no importer record in ``m`` of its ``n`` years. With the
importer missing a fraction ``p`` of that exporter's publishable declarations (estimated from the
pair's other flows, shrunk towards the importer's rate over all exporters: a Beta posterior), the
chance is the binomial tail ``P(Bin(n, p) ≥ m)`` averaged over that posterior (beta-binomial), so a
rate that rests on few declarations is not taken as surely small. One missing year is never enough (chance produces it
everywhere); a product the importer publishes from nobody is confidential, not a phantom; an exporter whose flows
go unrecorded everywhere far beyond the importers' rates (a re-export hub) has that share in its null
(:mod:`reconcile.onesided`). A flow's chance can take
only a few values (0…n years missing), so the false discovery rate is the discrete one (:mod:`reconcile.discrete`):
the expected chance discoveries at a threshold sum, over every flow that could be tested, the largest chance it can
reach below the threshold, instead of counting each flow as a whole test (Benjamini–Hochberg over all of them would
let through only flows at importers that almost never miss a declaration).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.reconcile import discrete, onesided
from mirrortrade.reconcile import reliability as rel
from mirrortrade.reconcile.estimate import lognormal_variance, sigma_of_variance

#: an export below the importer's smallest published value times exp(PHANTOM_Z σ) may be under its threshold
PHANTOM_Z = 4.0
#: findings are kept while the expected share of chance patterns among them is at most FDR
FDR = 0.1
#: the phantom rule's false discovery rate, stricter than :data:`FDR`: the discrete procedure
#: (:mod:`reconcile.discrete`) only estimates the chance discoveries, from missing rates that are estimates
PHANTOM_FDR = 0.05
#: weight (declarations) of the importer's rate over all exporters in a pair's missing rate
MISSING_PRIOR = 50.0
#: a flow is tested for phantom exports when the importer misses it in at least this many years
PHANTOM_MIN_YEARS = 2
#: rounds of leaving found phantoms out of the missing rates
PHANTOM_ROUNDS = 3
#: a finding whose Bonferroni-adjusted chance is at most this is an error, else a warning
ERROR_CHANCE = 1e-3
FINDING_COLUMNS = ("exporter", "importer", "year", "product", "rule", "severity", "message")


def _finding_frame(f: pd.DataFrame, rule: str, msgs: list[str], *, year: Any, product: Any, log_gap: Any, z: Any,
                   value_exporter: Any, value_importer: Any) -> pd.DataFrame:
    """One rule's findings in the columns of findings.parquet (the columns a rule does not fill are given)."""
    return pd.DataFrame({
        "exporter": f["exporter"].astype(str).to_numpy(), "importer": f["importer"].astype(str).to_numpy(),
        "year": year, "product": product, "rule": rule, "severity": f["severity"].to_numpy(), "message": msgs,
        "p_value": f["p_value"].to_numpy(), "tests": f["tests"].to_numpy(dtype="int64"),
        "evidence": f["evidence"].to_numpy(), "log_gap": log_gap, "z": z,
        "value_exporter": value_exporter, "value_importer": value_importer,
    })


def cell_parameters(cells: pd.DataFrame, fit: rel.Fit) -> pd.DataFrame:
    """Per cell: the sides' σ, the both-sides weight and σ of the combination, the phantom floor and gaps."""
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

FINDING_EXTRA = ("p_value", "tests", "evidence", "log_gap", "z", "value_exporter", "value_importer")


def normal_tail(z: np.ndarray) -> np.ndarray:
    """Two-sided ``P(|N(0, 1)| ≥ |z|)``."""
    z = np.abs(np.asarray(z, dtype=float))
    return np.array([math.erfc(v / math.sqrt(2.0)) if np.isfinite(v) else 1.0 for v in z], dtype=float)


def binomial_tail(n: np.ndarray, m: np.ndarray, p: np.ndarray) -> np.ndarray:
    """``P(Bin(n, p) ≥ m)``, elementwise (n up to a few dozen years)."""
    n = np.asarray(n, dtype=np.int64)
    m = np.asarray(m, dtype=np.int64)
    p = np.clip(np.asarray(p, dtype=float), 1e-300, 1.0)
    out = np.zeros(len(n), dtype=float)
    lp, lq = np.log(p), np.log1p(-np.minimum(p, 1.0 - 1e-16))
    lg = np.vectorize(math.lgamma, otypes=[float])
    for k in range(int(m.min()) if len(m) else 0, int(n.max()) + 1 if len(n) else 0):
        use = (k >= m) & (k <= n)
        if not use.any():
            continue
        logc = lg(n + 1.0) - lg(k + 1.0) - lg(np.maximum(n - k, 0) + 1.0)
        out += np.where(use, np.exp(logc + k * lp + (n - k) * lq), 0.0)
    return np.minimum(np.where(p >= 1.0, 1.0, out), 1.0)


def discoveries(p: np.ndarray, tests: int, q: float | None = None) -> np.ndarray:
    """Benjamini–Hochberg over ``tests`` patterns of which only these ``p`` were small enough to compute:
    the mask of the p-values kept at false discovery rate ``q`` (:data:`FDR`, read at the call)."""
    q = FDR if q is None else q
    p = np.asarray(p, dtype=float)
    keep = np.zeros(len(p), dtype=bool)
    if not len(p) or tests <= 0:
        return keep
    order = np.argsort(p, kind="stable")
    ok = p[order] <= q * np.arange(1, len(p) + 1) / max(tests, len(p))
    if ok.any():
        keep[order[: int(np.nonzero(ok)[0].max()) + 1]] = True
    return keep


def _scored(df: pd.DataFrame, p: np.ndarray, tests: int) -> pd.DataFrame:
    adjusted = np.clip(p * max(tests, 1), 1e-300, 1.0)
    return df.assign(
        p_value=p, tests=int(tests), evidence=-np.log10(adjusted),
        severity=np.where(adjusted <= ERROR_CHANCE, "error", "warning"),
    )


def gap_findings(cells: pd.DataFrame) -> pd.DataFrame:
    """Persistent gaps (cells flagged by :func:`reliability.persistent_gaps`) whose chance under the
    reporters' noise, over every two-sided cell tested, is below the discovery threshold."""
    tested = cells[cells["r_n"].to_numpy() > 0]
    g = tested[tested["gap_flag"].to_numpy(dtype=bool)]
    p = normal_tail(g["gap_z"].to_numpy(dtype=float))
    keep = discoveries(p, len(tested))
    g = _scored(g[keep], p[keep], len(tested))
    pct = np.expm1(g["gap_mean"].to_numpy(dtype=float)) * 100.0
    msgs = []
    for r, pc in zip(g.itertuples(), pct, strict=True):
        tail = f"z = {r.gap_z:.1f}, chance under both reporters' noise {r.p_value:.1e} over {r.tests:,} cells"
        if r.gap_mean < 0:
            msgs.append(
                f"{r.importer}'s imports from {r.exporter} in {r.year} are {-pc:.0f}% below {r.exporter}'s "
                f"exports after CIF ({r.cif_rate:.1%}) over {int(r.r_n)} flow(s), {tail}: imports under-recorded "
                f"or undervalued"
            )
        else:
            msgs.append(
                f"{r.importer} records {pc:.0f}% more imports from {r.exporter} in {r.year} than {r.exporter} "
                f"declares exporting, after CIF ({r.cif_rate:.1%}), over {int(r.r_n)} flow(s), {tail}: exports "
                f"under-declared or goods in transit"
            )
    return _finding_frame(
        g, "persistent_gap", msgs, year=g["year"].to_numpy(dtype="int64"), product=None,
        log_gap=g["gap_mean"].to_numpy(dtype=float), z=g["gap_z"].to_numpy(dtype=float),
        value_exporter=math.nan, value_importer=math.nan,
    )


def unit_findings(flagged: pd.DataFrame, tests: int) -> pd.DataFrame:
    """×1000 / ×10⁶ unit errors (rows flagged by :func:`stages.row_findings`): the chance that the pair's
    noise alone puts the two sides this far apart, over every two-sided row tested."""
    if not len(flagged):
        return pd.DataFrame(columns=[*FINDING_COLUMNS, *FINDING_EXTRA])
    resid = pd.to_numeric(flagged["resid"]).to_numpy(dtype=float)
    s = np.maximum(pd.to_numeric(flagged["s_pair"]).to_numpy(dtype=float), rel.SIGMA_MIN)
    p = normal_tail(resid / s)
    keep = discoveries(p, tests)
    f = _scored(flagged[keep], p[keep], tests)
    msgs = []
    for r in f.itertuples():
        ratio = math.exp(r.resid)
        factor = 1000.0 if abs(abs(r.resid) - math.log(1e3)) < abs(abs(r.resid) - math.log(1e6)) else 1e6
        shown = f"{ratio:,.0f}×" if ratio >= 1 else f"1/{1 / ratio:,.0f}"
        msgs.append(
            f"{r.importer}'s imports of {r.product} from {r.exporter} in {r.year} are {shown} {r.exporter}'s "
            f"exports after CIF: a ×{factor:,.0f} unit error on one side (chance under the pair's noise "
            f"{r.p_value:.1e} over {r.tests:,} two-sided flows)"
        )
    return _finding_frame(
        f, "unit_error", msgs, year=f["year"].to_numpy(dtype="int64"), product=f["product"].astype(str).to_numpy(),
        log_gap=f["resid"].to_numpy(dtype=float), z=math.nan,
        value_exporter=f["value_exporter"].to_numpy(dtype=float),
        value_importer=f["value_importer"].to_numpy(dtype=float),
    )


def missing_rates(
    pairs: pd.DataFrame, flows: pd.DataFrame, out: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Each flow's importer missing rate for its exporter as a Beta posterior ``(a, b)``, leaving the flow's
    own declarations out (and those of the flows marked ``out``, phantoms already found): the pair's
    missing and published declarations (:func:`pair_missing`) on top of a prior worth
    :data:`MISSING_PRIOR` declarations at the importer's rate over all its exporters."""
    key = ["exporter", "importer"]
    n_f = pd.to_numeric(flows["n"]).to_numpy(dtype=float)
    m_f = pd.to_numeric(flows["m"]).to_numpy(dtype=float)
    pr = pairs.assign(n=pd.to_numeric(pairs["n"]).astype(float), m=pd.to_numeric(pairs["m"]).astype(float))
    if out is not None and out.any():
        gone = flows.loc[out, key].assign(n=n_f[out], m=m_f[out]).groupby(key, observed=True)[["n", "m"]].sum()
        pr = pr.merge(gone.rename(columns={"n": "n_out", "m": "m_out"}), left_on=key, right_index=True, how="left")
        pr = pr.assign(n=pr["n"] - pr["n_out"].fillna(0.0), m=pr["m"] - pr["m_out"].fillna(0.0))
        # a flow found before is left out once already (its own declarations, below)
        n_f = np.where(out, 0.0, n_f)
        m_f = np.where(out, 0.0, m_f)
    imp = pr.groupby("importer")[["n", "m"]].sum().rename(columns={"n": "n_imp", "m": "m_imp"})
    f = flows[key].merge(pr[[*key, "n", "m"]].rename(columns={"n": "n_pair", "m": "m_pair"}), on=key, how="left")
    f = f.merge(imp, left_on="importer", right_index=True, how="left").fillna(0.0)
    n_imp = np.maximum(f["n_imp"].to_numpy() - n_f, 0.0)
    m_imp = np.maximum(f["m_imp"].to_numpy() - m_f, 0.0)
    p0 = (m_imp + 0.5) / (n_imp + 1.0)
    n_pair = np.maximum(f["n_pair"].to_numpy() - n_f, 0.0)
    m_pair = np.maximum(f["m_pair"].to_numpy() - m_f, 0.0)
    return m_pair + MISSING_PRIOR * p0, (n_pair - m_pair) + MISSING_PRIOR * (1.0 - p0)


def beta_binomial_tail(n: np.ndarray, m: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``P(X ≥ m)`` for ``X ~ BetaBin(n, a, b)``: the binomial tail averaged over the rate's uncertainty.

    The probabilities by recurrence, vectorised over the flows: ``P(0) = Π_{j<n} (b+j)/(a+b+j)`` and
    ``P(k+1)/P(k) = (n−k)/(k+1) · (a+k)/(b+n−k−1)``."""
    n = np.asarray(n, dtype=np.int64)
    m = np.asarray(m, dtype=np.int64)
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    out = np.zeros(len(n), dtype=float)
    if not len(n):
        return out
    top = int(n.max())
    pk = np.ones(len(n), dtype=float)
    for j in range(top):
        pk = np.where(j < n, pk * (b + j) / (a + b + j), pk)
    for k in range(top + 1):
        out += np.where((k >= m) & (k <= n), pk, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = (n - k) / (k + 1.0) * (a + k) / (b + n - k - 1.0)
        pk = np.where(k < n, pk * np.nan_to_num(step, nan=0.0, posinf=0.0), 0.0)
    return np.clip(out, 0.0, 1.0)


def _tail_table(n: np.ndarray, a: np.ndarray, b: np.ndarray, min_years: int, width: int) -> np.ndarray:
    """Column j: ``P(X ≥ min_years + j)`` for ``X ~ BetaBin(n, a, b)`` (decreasing along a row; inf where
    ``min_years + j > n``: a pattern the flow cannot show)."""
    tails = np.full((len(n), width), np.inf)
    for j, m in enumerate(range(min_years, min_years + width)):
        tails[:, j] = np.where(n >= m, beta_binomial_tail(n, np.full(len(n), m), a, b), np.inf)
    return tails


def null_tails(
    summary: pd.DataFrame, flows: pd.DataFrame, a: np.ndarray, b: np.ndarray, testable: np.ndarray,
    out: np.ndarray, min_years: int = PHANTOM_MIN_YEARS, pairs: pd.DataFrame | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every flow that could be tested as a phantom, for :func:`discrete.null_steps`: the tail chances
    ``P(X ≥ m)`` its missing count can reach for ``m = min_years, …, n`` (decreasing), and how many flows
    share them.

    The one-sided ``flows`` (with their own missing rates ``a``, ``b``, which leave their own declarations
    out) count one by one, those not ``testable`` (a product the importer publishes from nobody) not at all;
    every other flow of ``summary`` (:meth:`rows.PairRows.flow_tables`, part 0) declared in ``n ≥ min_years`` years
    counts in its group (pair, ``n``) under the pair's missing rate, the flows marked ``out`` (phantoms
    found) left out of it as in :func:`missing_rates` (``pairs``: :func:`pair_missing` of ``summary``, if
    already at hand)."""
    key = ["exporter", "importer"]
    groups = summary.assign(n=pd.to_numeric(summary["n"]).astype(float), k=pd.to_numeric(summary["k"]).astype(float))
    groups = groups[groups["n"] >= min_years].groupby([*key, "n"], observed=True, as_index=False)["k"].sum()
    fn = pd.to_numeric(flows["n"]).astype(float)
    own = flows[key].assign(n=fn).groupby([*key, "n"], observed=True).size().rename("own")
    groups = groups.merge(own, left_on=[*key, "n"], right_index=True, how="left")
    k = np.maximum(groups["k"].to_numpy(dtype=float) - groups["own"].fillna(0.0).to_numpy(dtype=float), 0.0)
    both = pd.concat([flows[[*key, "n", "m"]], groups[key].assign(n=0.0, m=0.0)], ignore_index=True)
    pairs = pair_missing(summary) if pairs is None else pairs
    ga, gb = missing_rates(pairs, both, np.concatenate([out, np.zeros(len(groups), dtype=bool)]))
    ga, gb = ga[len(flows):], gb[len(flows):]
    n_g = groups["n"].to_numpy(dtype=np.int64)
    n_f = fn.to_numpy(dtype=np.int64)
    top = int(max(n_g.max() if len(n_g) else 0, n_f.max() if len(n_f) else 0))
    width = max(top - min_years + 1, 1)
    tails = np.vstack([_tail_table(n_g, ga, gb, min_years, width), _tail_table(n_f, a, b, min_years, width)])
    testable = np.asarray(testable, dtype=bool)
    weights = np.concatenate([k, testable.astype(float)])
    # the exporter's never-recorded share (re-exports the destination attributes to the origin), from its
    # other flows: one-sided in every year though testable, against the chance of that under the rates
    rows = len(groups)
    all_years = np.concatenate([n_g, n_f]) - min_years  # column of "missing in every year"
    chance = tails[np.arange(len(tails)), all_years]
    m_f = pd.to_numeric(flows["m"]).to_numpy(dtype=np.int64)
    observed = np.concatenate([np.zeros(rows), (testable & ~np.asarray(out, dtype=bool) & (m_f == n_f)).astype(float)])
    exporters = np.concatenate([groups["exporter"].astype(str).to_numpy(), flows["exporter"].astype(str).to_numpy()])
    pi = onesided.systematic_share(exporters, weights, chance, observed)
    tails = np.where(np.isfinite(tails), pi[:, None] + (1.0 - pi[:, None]) * tails, np.inf)
    return tails, weights, pi[rows:]


def pair_missing(summary: pd.DataFrame) -> pd.DataFrame:
    """Per exporter–importer pair (from :meth:`rows.PairRows.flow_tables`, part 0): publishable declarations ``n`` and
    how many have no importer record ``m``."""
    k = pd.to_numeric(summary["k"]).to_numpy(dtype=float)
    s = summary[["exporter", "importer"]].assign(
        n=pd.to_numeric(summary["n"]).to_numpy(dtype=float) * k, m=pd.to_numeric(summary["m"]).to_numpy(dtype=float) * k,
    )
    return s.groupby(["exporter", "importer"], observed=True, as_index=False)[["n", "m"]].sum()


def phantom_findings(summary: pd.DataFrame, flows: pd.DataFrame, publishes: pd.DataFrame) -> pd.DataFrame:
    """Phantom exports among the one-sided ``flows`` (:meth:`rows.PairRows.flow_tables`, part 1), tested against the
    importer's missing rate for the exporter (from ``summary``: :meth:`rows.PairRows.flow_tables`, part 0) over every
    flow that could be one, at a false discovery rate for discrete tests (:func:`null_tails`,
    :mod:`reconcile.discrete`: each flow counts by the chance it could reach, not as a whole test); ``tests``
    is how many flows could have been found at the threshold reached; ``publishes`` (:meth:`rows.PairRows.importer_publishes`)
    tells confidential products apart."""
    if not len(flows):
        return pd.DataFrame(columns=[*FINDING_COLUMNS, *FINDING_EXTRA])
    pairs = pair_missing(summary)
    flows = flows.merge(publishes, on=["importer", "product"], how="left")
    pub = pd.to_numeric(flows["pub"]).fillna(0).to_numpy(dtype=float)
    # found phantoms are left out of their pair's missing rate and the test is repeated, until the set holds
    keep = np.zeros(len(flows), dtype=bool)
    t_found = 0.0
    for _ in range(PHANTOM_ROUNDS):
        a, b = missing_rates(pairs, flows, keep)
        rate = np.where(pub > 0, a / (a + b), 1.0)
        tails, weights, pi = null_tails(summary, flows, a, b, pub > 0, keep, pairs=pairs)
        bb = beta_binomial_tail(flows["n"].to_numpy(), flows["m"].to_numpy(), a, b)
        p = np.where(pub > 0, pi + (1.0 - pi) * bb, 1.0)
        new, t_found = discrete.discoveries(p, discrete.null_steps(tails, weights), PHANTOM_FDR)
        if np.array_equal(new, keep):
            break
        keep = new
    # the flows that could have been found at the threshold reached: their rarest pattern is that rare
    reachable = tails.min(axis=1) <= t_found if len(tails) else np.zeros(0, dtype=bool)
    tests = max(int(round(float(weights[reachable].sum()))), int(keep.sum()))
    f = _scored(flows[keep].assign(rate=rate[keep], pi=pi[keep]), p[keep], tests)
    msgs = []
    for r in f.itertuples():
        span = f"{r.first_year}" if r.first_year == r.last_year else f"{r.first_year}–{r.last_year}"
        msgs.append(
            f"{r.exporter} declares exports of {r.product} to {r.importer} (US${r.value:,.0f} in all) with no "
            f"trace in {r.importer}'s imports in {r.m} of {r.n} year(s) ({span}), though {r.importer} publishes "
            f"that product from others and other imports from {r.exporter}; {r.importer} misses {r.rate:.1%} of "
            f"{r.exporter}'s declarations it would publish"
            + (f" and {r.pi:.1%} of {r.exporter}'s flows go unrecorded everywhere (re-exports?)" if r.pi > 0 else "")
            + f": chance {r.p_value:.1e} over {r.tests:,} flows tested"
        )
    return _finding_frame(
        f, "phantom_export", msgs, year=f["last_year"].to_numpy(dtype="int64"),
        product=f["product"].astype(str).to_numpy(), log_gap=math.nan, z=math.nan,
        value_exporter=f["value"].to_numpy(dtype=float), value_importer=math.nan,
    )


def findings(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The rules' findings in one table, strongest evidence first."""
    cols = [*FINDING_COLUMNS, *FINDING_EXTRA]
    parts = [p[cols] for p in parts if len(p)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    out = out.astype({"year": "int64", "tests": "int64", "p_value": "float64", "evidence": "float64",
                      "log_gap": "float64", "z": "float64", "value_exporter": "float64",
                      "value_importer": "float64"})
    out["product"] = out["product"].astype(object)
    return out.sort_values(
        ["evidence", "exporter", "importer", "year", "rule", "product"],
        ascending=[False, True, True, True, True, True], kind="stable", na_position="first",
    ).reset_index(drop=True)
