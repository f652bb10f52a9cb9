"""Exporters whose declarations their partners systematically do not record: the share of an exporter's
flows that no importer's missing rate explains.

A hub that re-exports goods declares them as exports to the final destination, while the destination
records the origin as partner: the hub's exports of those products are one-sided in every year, at every
destination, whatever the destination's missing rate. Tested against the missing rates alone, each such
flow reads as a phantom export. So the null model of honest reporting gives each exporter ``e`` a share
``π_e`` of flows that are never recorded (re-exports, attribution to another partner), on top of the
importers' missing at random: a flow's chance of ``m`` or more missing years is
``π_e + (1 − π_e) · P(X ≥ m)``.

``π_e`` is estimated from the exporter's *other* flows (leaving the flow tested out): the flows missing in
every year they were declared, beyond what the missing rates expect, and beyond :data:`EXCESS_Z` standard
deviations of the count (Poisson): an exporter with one or two unexplained flows (a phantom or two) has
``π = 0``; a hub with dozens does not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: the excess of one-sided flows counts only beyond this many standard deviations of the chance count
EXCESS_Z = 2.0


def systematic_share(exporter: pd.Series | np.ndarray, weight: np.ndarray, chance: np.ndarray,
                     observed: np.ndarray, z: float = EXCESS_Z) -> np.ndarray:
    """Per row (a group of ``weight`` flows of one exporter, each with ``chance`` of being missing in every
    year under the missing rates, ``observed`` of them so): the exporter's share ``π`` of never-recorded
    flows estimated from its other rows, ``max(0, O − E − z·√max(O, E)) / W`` over those rows (``O``
    observed, ``E`` expected one-sided flows, ``W`` flows: the excess counts beyond ``z`` standard deviations
    of the observed Poisson count, so one or two unexplained flows are never a share)."""
    codes, inv = np.unique(np.asarray(exporter, dtype=object).astype(str), return_inverse=True)
    weight = np.asarray(weight, dtype=float)
    expected = weight * np.asarray(chance, dtype=float)
    observed = np.asarray(observed, dtype=float)
    w_tot = np.bincount(inv, weight, len(codes))[inv] - weight
    e_tot = np.maximum(np.bincount(inv, expected, len(codes))[inv] - expected, 0.0)
    o_tot = np.bincount(inv, observed, len(codes))[inv] - observed
    excess = np.maximum(o_tot - e_tot - z * np.sqrt(np.maximum(o_tot, e_tot)), 0.0)
    return np.where(w_tot > 0, np.minimum(excess / np.maximum(w_tot, 1.0), 1.0), 0.0)
