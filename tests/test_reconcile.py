"""Reconciliation engine: the BACI worked check, pairing rules, duplicates, one-sided flows,
a planted world whose reporting noise must be recovered, and property tests."""

from __future__ import annotations

import math

import pytest

from mirrortrade.reconcile import best_estimate, best_estimate_weight


def test_baci_worked_check() -> None:
    # BACI documentation (Gaulier & Zignago 2010): sigma_e = 0.2, sigma_i = 0.5, X = 100, M_fob = 80
    # v = e^{s^2}(e^{s^2}-1): v_e = e^0.04 (e^0.04 - 1) = 0.042330, v_i = e^0.25 (e^0.25 - 1) = 0.364275
    # w_e = v_i / (v_e + v_i) = 0.8957; estimate = 0.8957*100 + 0.1043*80 = 97.91
    w = best_estimate_weight(0.2, 0.5)
    assert w == pytest.approx(0.8957, abs=5e-5)
    v_e = math.exp(0.04) * (math.exp(0.04) - 1)
    v_i = math.exp(0.25) * (math.exp(0.25) - 1)
    assert w == pytest.approx(v_i / (v_e + v_i))
    w2, est, low, high = best_estimate(100.0, 80.0, 0.2, 0.5)
    assert w2 == w
    assert est == pytest.approx(97.91, abs=5e-3)
    assert low < est < high
