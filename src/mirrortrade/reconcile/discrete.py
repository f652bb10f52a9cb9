"""False discovery rate for tests whose p-value can take only a few values (discrete tests).

A flow declared in ``n`` years can miss its importer record in 0…n of them, so its chance under the
null can only be one of ``n + 1`` tail probabilities. Counting every such flow as a test at its full
weight (Benjamini–Hochberg) treats a flow whose smallest attainable chance is 10⁻² like one that can
reach 10⁻⁸: with many short flows the threshold falls so low that nothing is ever found. The
discrete procedure (Heyse 2011, *A false discovery rate procedure for categorical data*; Döhler,
Durand & Roquain 2018) instead estimates the number of chance discoveries at a threshold ``t`` as
``E(t) = Σ_tests P_null(p ≤ t)``, where ``P_null(p ≤ t)`` is the largest attainable tail probability
not above ``t`` (0 when the test cannot reach ``t``), and keeps the ``r`` smallest p-values for the
largest ``r`` with ``E(p_(r)) ≤ q·r``.
"""

from __future__ import annotations

import numpy as np


def null_steps(tails: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The step function ``E(t)`` of a family of discrete tests, as sorted jump points and the value of
    ``E`` from each jump on.

    ``tails``: one row per group of identical tests, its attainable tail probabilities in decreasing order
    (``inf`` or ``nan`` where a group has fewer); ``weights``: how many tests each group holds. A group's
    ``P_null(p ≤ t)`` is its largest attainable tail not above ``t``, so moving past its tail ``τ_j`` raises
    ``E`` by ``weight · (τ_j − τ_{j+1})`` (``τ`` after the last attainable value is 0)."""
    tails = np.asarray(tails, dtype=float)
    weights = np.asarray(weights, dtype=float)
    if tails.ndim != 2 or not tails.size:
        return np.empty(0), np.empty(0)
    ok = np.isfinite(tails)
    nxt = np.zeros_like(tails)
    nxt[:, :-1] = np.where(ok[:, 1:], tails[:, 1:], 0.0)
    jump = np.where(ok, np.where(ok, tails, 0.0) - nxt, 0.0) * weights[:, None]
    at = np.where(ok, tails, np.inf).ravel()
    order = np.argsort(at, kind="stable")
    at, jump = at[order], jump.ravel()[order]
    keep = np.isfinite(at)
    return at[keep], np.cumsum(jump[keep])


def expected_false(t: np.ndarray, steps: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """``E(t)`` for each threshold in ``t``: the expected number of tests with a p-value at most ``t`` by
    chance alone (``steps`` from :func:`null_steps`)."""
    at, cum = steps
    idx = np.searchsorted(at, np.asarray(t, dtype=float), side="right")
    return np.where(idx > 0, cum[np.maximum(idx - 1, 0)] if len(cum) else 0.0, 0.0)


def discoveries(p: np.ndarray, steps: tuple[np.ndarray, np.ndarray], q: float) -> tuple[np.ndarray, float]:
    """The mask of the p-values kept at false discovery rate ``q`` (the ``r`` smallest, for the largest
    ``r`` with ``E(p_(r)) ≤ q·r``) and the threshold ``t`` reached (0 when nothing is kept). ``p`` holds
    the observed p-values of the tests that could be discoveries (others count only through ``steps``)."""
    p = np.asarray(p, dtype=float)
    keep = np.zeros(len(p), dtype=bool)
    if not len(p):
        return keep, 0.0
    order = np.argsort(p, kind="stable")
    ps = p[order]
    ok = (expected_false(ps, steps) <= q * np.arange(1, len(p) + 1)) & (ps < 1.0)
    if not ok.any():
        return keep, 0.0
    r = int(np.nonzero(ok)[0].max()) + 1
    keep[order[:r]] = True
    return keep, float(ps[r - 1])
