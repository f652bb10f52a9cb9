"""The mirror-gap band: from the reconciliation engine when the store supports it, else history, else the prior."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from mirrortrade.checks.band import MIN_HISTORY, MIN_TWO_SIDED, BandEstimator, prior_band

COUNTRIES = ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")


def synthetic_totals(years: tuple[int, ...], *, sigma: float = 0.05, cif: float = 0.05, seed: int = 0) -> pd.DataFrame:
    """Hand-made world: every ordered pair trades a true value T; the exporter reports T·e^ε, the importer
    T·(1 + cif)·e^ε, ε ~ N(0, sigma²) — so the band should come out near sigma and the CIF near cif."""
    rng = np.random.default_rng(seed)
    rows, i = [], 0
    for y in years:
        for e, m in itertools.permutations(COUNTRIES, 2):
            t = 1e9 * rng.uniform(0.5, 5.0)
            for rep, par, flow, v in ((e, m, "X", t * math.exp(rng.normal(0, sigma))),
                                      (m, e, "M", t * (1 + cif) * math.exp(rng.normal(0, sigma)))):
                i += 1
                rows.append({"reporter": rep, "partner": par, "flow": flow, "period": str(y), "period_kind": "year",
                             "value_usd": v, "figure_id": f"f{i:04d}", "vintage": "2025-01-01"})
    return pd.DataFrame(rows)


def test_band_from_the_reconciliation_engine() -> None:
    totals = synthetic_totals((2021, 2022, 2023))  # 90 two-sided flows
    assert len(totals) // 2 >= MIN_TWO_SIDED
    b = BandEstimator(totals).band("CHN", "KGZ", 2023)
    assert b.source == "reconcile"
    assert 0.02 < b.sigma_exporter < 0.1 and 0.02 < b.sigma_importer < 0.1  # true σ = 0.05
    assert 0.03 < b.cif_rate < 0.07  # true CIF 5%
    assert b.half_width == pytest.approx(3.0 * math.hypot(b.sigma_exporter, b.sigma_importer))


def test_band_from_the_pairs_own_history_when_too_few_for_reconcile() -> None:
    # two countries, five years: 10 two-sided flows (fewer than MIN_TWO_SIDED), 5 years of KAZ→KGZ
    totals = synthetic_totals((2018, 2019, 2020, 2021, 2022))
    totals = totals[totals["reporter"].isin(["KAZ", "KGZ"]) & totals["partner"].isin(["KAZ", "KGZ"])]
    est = BandEstimator(totals)
    assert len(est.pairs) < MIN_TWO_SIDED
    assert "reconciliation engine not used" in est.notes[0]
    b = est.band("KAZ", "KGZ", 2022)  # the pair's other four years
    assert b.source == "history" and b.n == 4 >= MIN_HISTORY
    assert 0.0 < b.cif_rate < 0.15


def test_other_pairs_gaps_never_widen_a_pairs_band() -> None:
    # KGZ's imports from CHN are a fifth of CHN's exports every year; KAZ's are honest: KAZ's band is not widened
    totals = synthetic_totals((2020, 2021, 2022), sigma=0.01)
    totals = totals[totals["reporter"].isin(["CHN", "KAZ", "KGZ"]) & totals["partner"].isin(["CHN", "KAZ", "KGZ"])]
    kgz_m = (totals["reporter"] == "KGZ") & (totals["partner"] == "CHN") & (totals["flow"] == "M")
    totals.loc[kgz_m, "value_usd"] *= 0.2
    est = BandEstimator(totals)
    assert len(est.pairs) < MIN_TWO_SIDED
    kaz = est.band("CHN", "KAZ", 2023)
    assert kaz.source == "history" and kaz.half_width < 0.1  # σ 1% per side; pooled with KGZ it would be ~ln 5
    kgz = est.band("CHN", "KGZ", 2023)
    assert kgz.source == "history" and kgz.ratio_band[1] < 0.25  # centred on the pair's own ~0.2
    assert est.band("KAZ", "TJK", 2023).source == "prior"  # no history for the pair


def test_prior_band_covers_no_margin_and_imf_six_percent() -> None:
    # documented: BACI mean 3.3% ± 1.645 × 0.03 -> ratio band [exp(ln 1.033 - 0.0493), exp(ln 1.033 + 0.0493)]
    lo, hi = prior_band().ratio_band
    assert lo == pytest.approx(1.033 * math.exp(-1.6448536269514722 * 0.03))
    assert lo < 1.0 < 1.06 < hi < 1.1

