"""Calibrated anomaly rules on a messy world: importer declarations missing at random must not read
as phantom exports; phantoms that persist over the years must."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from mirrortrade.reconcile import ReconcileWarning, reconcile
from mirrortrade.reconcile.findings import binomial_tail, discoveries, normal_tail

CODES = ["AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IND", "JPN", "KAZ", "KOR", "MEX", "RUS", "TUR", "USA"]
YEARS = (2020, 2021, 2022, 2023)
PRODUCTS = 20
#: share of importer declarations lost at random (thresholds, confidentiality, late filing)
MISSING = 0.05
PHANTOMS = 6


def messy_world(seed: int, *, phantoms: int) -> tuple[pd.DataFrame, set[tuple[str, str, str]]]:
    """Every pair trades every product every year with log-normal noise on both sides (σ 0.05–0.4);
    each importer declaration is lost with probability MISSING; ``phantoms`` flows (exporter, importer,
    product, of at least the median level: well above what the importer publishes) are declared by the
    exporter in every year and never by the importer."""
    rng = np.random.default_rng(seed)
    s_exp = dict(zip(CODES, rng.uniform(0.05, 0.4, len(CODES)), strict=True))
    s_imp = dict(zip(CODES, rng.uniform(0.05, 0.4, len(CODES)), strict=True))
    rows = []
    big: list[tuple[str, str, str]] = []  # flows the importer would publish (not near its threshold)
    for e in CODES:
        for i in CODES:
            if e == i:
                continue
            cif = rng.uniform(0.02, 0.08)
            level = rng.normal(14, 1.5, PRODUCTS)
            big += [(e, i, f"{p:06d}") for p in np.nonzero(level >= 14.0)[0]]
            for y in YEARS:
                t = np.exp(level + rng.normal(0, 0.3, PRODUCTS))
                x = t * np.exp(rng.normal(0, s_exp[e], PRODUCTS))
                m = t * (1 + cif) * np.exp(rng.normal(0, s_imp[i], PRODUCTS))
                kept = rng.random(PRODUCTS) >= MISSING
                for p in range(PRODUCTS):
                    rows.append((e, i, "X", y, f"{p:06d}", float(x[p])))
                    if kept[p]:
                        rows.append((i, e, "M", y, f"{p:06d}", float(m[p])))
    planted = {big[k] for k in rng.choice(len(big), phantoms, replace=False)}
    df = pd.DataFrame(rows, columns=["reporter", "partner", "flow", "year", "product", "value"])
    # a phantom: the importer's records of that flow removed (it publishes the product from others)
    for e, i, p in planted:
        gone = (df.reporter == i) & (df.partner == e) & (df.flow == "M") & (df["product"] == p)
        df = df[~gone]
    return df.reset_index(drop=True), planted


def run(df: pd.DataFrame) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReconcileWarning)
        return reconcile(df, threads=1, memory_limit="1GB").findings


def test_tail_probabilities() -> None:
    # hand values: P(Bin(3, 0.05) >= 3) = 0.05³; P(Bin(4, 0.1) >= 2) = 1 − 0.9⁴ − 4·0.1·0.9³
    got = binomial_tail(np.array([3, 4]), np.array([3, 2]), np.array([0.05, 0.1]))
    np.testing.assert_allclose(got, [0.05**3, 1 - 0.9**4 - 4 * 0.1 * 0.9**3], rtol=1e-12)
    assert binomial_tail(np.array([2]), np.array([2]), np.array([1.0]))[0] == 1.0
    np.testing.assert_allclose(normal_tail(np.array([1.959963984540054, -3.0])), [0.05, 0.0026997960632601866])
    # Benjamini–Hochberg over 100 tests at 10%: 0.001 and 0.002 pass (≤ 0.001, ≤ 0.002), 0.05 does not
    assert list(discoveries(np.array([0.05, 0.001, 0.002]), 100)) == [False, True, True]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_missingness_is_not_a_phantom_and_persistent_phantoms_are(seed: int) -> None:
    df, planted = messy_world(seed, phantoms=PHANTOMS)
    one_sided = len(df[df.flow == "X"]) - len(df[df.flow == "M"])
    assert one_sided > 10 * PHANTOMS  # chance leaves many exports without their import record
    f = run(df)
    ph = f[f.rule == "phantom_export"]
    found = set(map(tuple, ph[["exporter", "importer", "product"]].values))
    # pooled over seeds the targets are precision ≥ 0.7 at recall ≥ 0.9; per seed at most one miss / one false
    assert len(found & planted) >= PHANTOMS - 1, (found, planted)
    assert len(found - planted) <= 1, found - planted
    # each finding states its chance and how many flows could have been found at the threshold reached
    assert (ph["p_value"] < 0.01).all() and (ph["tests"] >= len(ph)).all()


def look_alikes(df: pd.DataFrame) -> set[tuple[str, str, str]]:
    """Flows the exporter declares in every year and the importer in none: by chance alone they look
    exactly like a phantom export, and no rule can tell them apart."""
    x = df[df.flow == "X"].rename(columns={"reporter": "exporter", "partner": "importer"})
    m = df[df.flow == "M"].rename(columns={"reporter": "importer", "partner": "exporter"})
    j = x.merge(m, on=["exporter", "importer", "year", "product"], how="left", suffixes=("", "_m"))
    g = j.groupby(["exporter", "importer", "product"])["value_m"].count()
    return set(g[g == 0].index)


def test_nothing_planted_nothing_found() -> None:
    """On worlds with nothing planted no rule but the phantom rule fires, and it at most once per 100k
    declarations (the issue's target), measured over twelve worlds (~390k declarations: a rate of one per
    100k needs that many to be told from three)."""
    n_decl, found = 0, []
    for seed in range(4, 16):
        df, _ = messy_world(seed, phantoms=0)
        n_decl += len(df)
        f = run(df)
        same = look_alikes(df)
        found += [(r.rule, (r.exporter, r.importer, r.product) in same) for r in f.itertuples()]
    assert n_decl > 350_000
    assert all(rule == "phantom_export" for rule, _ in found), found
    assert len(found) <= n_decl / 100_000, found


def test_beta_binomial_tail_against_the_sum() -> None:
    import math

    from mirrortrade.reconcile.findings import beta_binomial_tail

    def direct(n: int, m: int, a: float, b: float) -> float:
        lb = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
        return sum(
            math.comb(n, k) * math.exp(math.lgamma(a + k) + math.lgamma(b + n - k) - math.lgamma(a + b + n) - lb)
            for k in range(m, n + 1)
        )

    cases = [(3, 3, 0.5, 60.0), (4, 2, 2.0, 30.0), (5, 0, 1.0, 1.0), (1, 1, 0.2, 90.0), (6, 4, 3.5, 7.25)]
    got = beta_binomial_tail(*(np.array(c) for c in zip(*cases, strict=True)))
    np.testing.assert_allclose(got, [direct(*c) for c in cases], rtol=1e-10)


def test_discrete_false_discovery_rate_by_hand() -> None:
    from mirrortrade.reconcile.discrete import discoveries, expected_false, null_steps

    # two groups of tests: 100 tests reaching 0.1 (1 of 1 missing) or 0.01 (2 of 2), 10 reaching 1e-3 only
    tails = np.array([[0.1, 0.01], [1e-3, np.inf]])
    steps = null_steps(tails, np.array([100.0, 10.0]))
    # E(t) = Σ weight · (largest attainable tail ≤ t): 10·1e-3 = 0.01; then + 100·0.01 = 1.01; + 100·(0.1 − 0.01)
    np.testing.assert_allclose(expected_false(np.array([5e-4, 1e-3, 0.02, 0.5]), steps), [0.0, 0.01, 1.01, 10.01])
    # at q = 0.05: 1e-3 alone (E 0.01 ≤ 0.05), with two at ≤ 1e-3 still (0.01 ≤ 0.1); 0.01 needs 1.01 ≤ 0.05·r: no
    keep, t = discoveries(np.array([0.01, 1e-3, 1e-3, 0.1]), steps, 0.05)
    assert list(keep) == [False, True, True, False] and t == 1e-3
    # Benjamini–Hochberg over the 110 tests would keep nothing: 1e-3 > 0.05·2/110
    assert not (np.sort([0.01, 1e-3, 1e-3, 0.1]) <= 0.05 * np.arange(1, 5) / 110).any()
    keep, t = discoveries(np.array([0.5]), steps, 0.05)
    assert not keep.any() and t == 0.0


def test_systematic_share_of_a_hub_not_of_one_phantom() -> None:
    from mirrortrade.reconcile.onesided import systematic_share

    # exporter H: 1000 flows in 10 rows, 0.01 chance each of missing everywhere (10 expected), 60 observed;
    # exporter P: 1000 flows, same chance, 12 observed (one more than chance and one phantom: no share)
    ex = np.array(["H"] * 10 + ["P"] * 10)
    w = np.full(20, 100.0)
    obs = np.array([6.0] * 10 + [1.2] * 10)
    pi = systematic_share(ex, w, np.full(20, 0.01), obs)
    # H, leaving a row out: O = 54, E = 9, W = 900 → (54 − 9 − 2·√54) / 900
    np.testing.assert_allclose(pi[:10], (54 - 9 - 2 * np.sqrt(54)) / 900)
    assert (pi[10:] == 0.0).all()
    # one row of one flow: its own one-sided flow does not count towards its exporter's share
    alone = systematic_share(np.array(["A", "A"]), np.array([1.0, 1.0]), np.array([0.0, 0.0]), np.array([1.0, 0.0]))
    assert alone[0] == 0.0
