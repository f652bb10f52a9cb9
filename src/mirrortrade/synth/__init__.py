"""Synthetic trade worlds with planted truth, to prove the reconciliation right.

Two shapes: ``realistic`` (the default; sparse intermittent cells, missing declarations, reporting
thresholds, confidential products, heavy tails, re-exports through a hub — see
:mod:`mirrortrade.synth.realistic`) and ``dense`` (every trading cell in every year, both sides published —
see :mod:`mirrortrade.synth.dense`). Both write ``declarations.parquet`` and ``truth/`` with the same
core tables (``flows``, ``sigma``, ``countries``, ``anomalies``). This package imports nothing from
:mod:`mirrortrade.reconcile`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mirrortrade.synth.base import (
    ANOMALY_KINDS,
    DETECTABLE_KINDS,
    SHAPES,
    THRESHOLD,
    SynthConfig,
    SynthResult,
    country_codes,
)
from mirrortrade.synth.dense import synthesize_dense
from mirrortrade.synth.realistic import synthesize_realistic

__all__ = [
    "ANOMALY_KINDS", "DETECTABLE_KINDS", "SHAPES", "THRESHOLD", "SynthConfig", "SynthResult", "country_codes",
    "synthesize",
]


def synthesize(
    output: str | Path,
    config: SynthConfig | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> SynthResult:
    """Generate the world ``config`` describes (shape, size, seed) and write it under ``output``.

    Deterministic for ``config.seed``; ``progress(done, total)`` is called after each generation unit.
    """
    cfg = config or SynthConfig()
    cfg.check()
    if cfg.shape == "dense":
        return synthesize_dense(output, cfg, progress=progress)

    return synthesize_realistic(output, cfg, progress=progress)
