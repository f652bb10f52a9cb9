"""The normal band of a mirror gap, and where it came from.

An importer values its imports CIF, the exporter FOB, so ``M ≈ (1 + cif)·X``. The CIF-adjusted
log gap ``r = ln(M/X) − ln(1 + cif)`` of an honest pair is reporting noise. The band of normal
``r`` is, in order of preference:

1. **reconcile**: the reconciliation engine's estimated reporter noise,
   ``|r| ≤ z·√(σ_e² + σ_i²)`` (z = :data:`FLAG_Z` = 3) with ``σ_e`` the exporter's σ as exporter and ``σ_i`` the
   importer's σ as importer (:func:`mirrortrade.reconcile.reconcile`), used when the store has
   at least :data:`MIN_TWO_SIDED` two-sided flows and each of the two countries was estimated
   from at least :data:`MIN_RELIABILITY_PAIRS` partners;
2. **history**: the pair's own mirror gaps in other years (the same exporter and importer),
   ``3·1.4826·MAD`` around their median, when the pair has at least :data:`MIN_HISTORY` two-sided
   years besides the one checked. Other pairs' gaps never widen a pair's band: China–Kyrgyzstan's
   gap says nothing about what is normal between China and Kazakhstan. A history band only
   explains a gap as the pair's usual one: a gap beyond the prior band (3) stays a finding
   (:mod:`mirrortrade.checks.mirror_gap` calls it *persistent*), it is never called agreement;
3. **prior**: the documented CIF prior, BACI's mean margin 3.3%, with the uncertainty the
   reconciliation engine gives a prior CIF rate (σ = 0.03): ``r ∈ ±1.645·0.03``, i.e. the
   importer's figure between about 98% and 109% of the exporter's, a band that covers no
   margin at all and the IMF's flat 6%. It treats official totals as exact apart from
   valuation: a gap beyond it is more than valuation explains.

The evidence of every mirror finding names the band's source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mirrortrade.model import AGGREGATES, Period
from mirrortrade.reconcile import reconcile
from mirrortrade.reconcile.estimate import Z90
from mirrortrade.reconcile.reliability import CIF_BAND, CIF_PRIOR_BACI, CIF_PRIOR_IMF, SIGMA_CIF_PRIOR
from mirrortrade.reconcile.store_input import STORE_TABLES

#: how many standard deviations of reporter noise a gap must exceed to be flagged: an honest pair lands
#: outside ±3σ about 3 times in 1,000 (a 90% band would flag one honest pair in ten)
FLAG_Z = 3.0
MIN_TWO_SIDED = 20
MIN_RELIABILITY_PAIRS = 3
MIN_HISTORY = 3
MAD_TO_SIGMA = 1.4826


@dataclass(frozen=True)
class MirrorBand:
    """``r = ln(M/X) − centre`` is normal when ``|r| ≤ half_width``."""

    cif_rate: float
    centre: float
    half_width: float
    source: str  # reconcile | history | prior
    detail: str
    sigma_exporter: float | None = None
    sigma_importer: float | None = None
    n: int = 0

    @property
    def ratio_band(self) -> tuple[float, float]:
        """The band as importer/exporter ratios."""
        return (math.exp(self.centre - self.half_width), math.exp(self.centre + self.half_width))

    def to_dict(self) -> dict[str, Any]:
        lo, hi = self.ratio_band
        return {
            "source": self.source, "detail": self.detail, "cif_rate": self.cif_rate,
            "centre_log": self.centre, "half_width_log": self.half_width,
            "z": Z90 if self.source == "prior" else FLAG_Z,
            "ratio_band": [lo, hi], "sigma_exporter": self.sigma_exporter,
            "sigma_importer": self.sigma_importer, "n": self.n,
        }


def prior_band() -> MirrorBand:
    s = SIGMA_CIF_PRIOR
    return MirrorBand(
        cif_rate=CIF_PRIOR_BACI, centre=math.log1p(CIF_PRIOR_BACI), half_width=Z90 * s, source="prior",
        detail=(f"documented CIF prior: BACI mean margin {CIF_PRIOR_BACI:.1%} ± {Z90:.3f}×{s:.2f} (the "
                f"reconciliation engine's uncertainty of a prior CIF rate); the band covers no margin and the "
                f"IMF's {CIF_PRIOR_IMF:.0%}"),
    )


def two_sided_flows(totals: pd.DataFrame) -> pd.DataFrame:
    """Exporter's X beside importer's M for the same full-year period, one value per side."""
    t = totals[(totals["flow"].isin(["X", "M"])) & ~totals["reporter"].isin(list(AGGREGATES))
               & ~totals["partner"].isin(list(AGGREGATES)) & (totals["period_kind"] == "year")]
    t = t.sort_values(["vintage", "figure_id"]).drop_duplicates(["reporter", "partner", "flow", "period"], keep="last")
    x = t[t["flow"] == "X"].rename(columns={"reporter": "exporter", "partner": "importer", "value_usd": "x",
                                            "figure_id": "fid_x"})
    m = t[t["flow"] == "M"].rename(columns={"reporter": "importer", "partner": "exporter", "value_usd": "m",
                                            "figure_id": "fid_m"})
    j = x[["exporter", "importer", "period", "x", "fid_x"]].merge(
        m[["exporter", "importer", "period", "m", "fid_m"]], on=["exporter", "importer", "period"])
    j = j[(j["x"] > 0) & (j["m"] > 0)].copy()
    j["lr"] = np.log(j["m"] / j["x"])
    # leave out what is surely a unit slip (×1,000 or more apart): it is not reporting noise
    return j[j["lr"].abs() < math.log(100.0)].reset_index(drop=True)


class BandEstimator:
    """Picks the band for each pair. Reporter noise and CIF rates come from what ``mirrortrade
    reconcile`` stored (``stored``: its reliability and per-pair CIF tables, see
    :func:`stored_reconciliation`); without them the engine is run once on the two-sided flows."""

    def __init__(self, totals: pd.DataFrame, stored: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> None:
        self.pairs = two_sided_flows(totals)
        self.notes: list[str] = []
        self._reliability: pd.DataFrame | None = None
        self._cif: dict[tuple[str, str], float] = {}
        self._memo: dict[tuple[str, str, int], MirrorBand] = {}
        self._sigma_map: dict[tuple[str, str], tuple[float, int]] | None = None
        self._hist_memo: dict[tuple[str, str, int], tuple[int, float, float]] = {}
        if stored is not None:
            self._use(*stored)
            self.notes.append("reporter noise and CIF rates from the store's reconciliation (mirrortrade reconcile)")
        elif len(self.pairs) >= MIN_TWO_SIDED:
            self._run_reconcile()
        else:
            self.notes.append(
                f"reconciliation engine not used: the store has {len(self.pairs)} two-sided flow(s), "
                f"fewer than the {MIN_TWO_SIDED} needed to estimate reporter noise"
            )

    def _use(self, reliability: pd.DataFrame, cif: pd.DataFrame) -> None:
        self._reliability = reliability
        self._cif = {
            (str(e), str(i)): float(c)
            for e, i, c in zip(cif["exporter"], cif["importer"], cif["cif_rate"], strict=True)
            if pd.notna(c)
        }

    def _run_reconcile(self) -> None:
        rows = []
        for r in self.pairs.itertuples():
            y = Period.parse(r.period).year
            rows.append({"reporter": r.exporter, "partner": r.importer, "flow": "X", "year": y,
                         "product": "TOTAL", "value": r.x, "figure_id": r.fid_x})
            rows.append({"reporter": r.importer, "partner": r.exporter, "flow": "M", "year": y,
                         "product": "TOTAL", "value": r.m, "figure_id": r.fid_m})
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = reconcile(pd.DataFrame(rows), on_duplicate="last")
        self._use(res.reliability, res.estimates.drop_duplicates(["exporter", "importer"]))
        self.notes.append("reporter noise estimated from the store's two-sided flows (run mirrortrade reconcile to "
                          "store it once)")

    @property
    def _sigmas(self) -> dict[tuple[str, str], tuple[float, int]]:
        if self._sigma_map is None:
            rel = self._reliability
            self._sigma_map = {} if rel is None else {
                (str(c), str(r)): (float(sg), int(n))
                for c, r, sg, n in zip(rel["country"], rel["role"], rel["sigma"], rel["n_pairs"], strict=True)}
        return self._sigma_map

    def _sigma(self, country: str, role: str) -> tuple[float, int] | None:
        return self._sigmas.get((country, role))

    def _history(self, exporter: str, importer: str, year: int) -> tuple[int, float, float]:
        """(n, median log ratio, MAD) of the pair's own two-sided flows in other years."""
        key = (exporter, importer, year)
        if key not in self._hist_memo:
            p = self.pairs
            other = p[(p["exporter"] == exporter) & (p["importer"] == importer)
                      & (p["period"].str[:4].astype(int) != year)]["lr"].to_numpy() if len(p) else np.array([])
            if len(other):
                med = float(np.median(other))
                self._hist_memo[key] = (len(other), med, float(np.median(np.abs(other - med))))
            else:
                self._hist_memo[key] = (0, 0.0, 0.0)
        return self._hist_memo[key]

    def band(self, exporter: str, importer: str, year: int) -> MirrorBand:
        key = (exporter, importer, int(year))
        if key not in self._memo:
            self._memo[key] = self._band(exporter, importer, int(year))
        return self._memo[key]

    def _band(self, exporter: str, importer: str, year: int) -> MirrorBand:
        se, si = self._sigma(exporter, "exporter"), self._sigma(importer, "importer")
        if se and si and se[1] >= MIN_RELIABILITY_PAIRS and si[1] >= MIN_RELIABILITY_PAIRS:
            cif = self._cif.get((exporter, importer), CIF_PRIOR_BACI)
            cif = min(max(cif, CIF_BAND[0]), CIF_BAND[1])
            h = FLAG_Z * math.sqrt(se[0] ** 2 + si[0] ** 2)
            return MirrorBand(cif, math.log1p(cif), h, "reconcile",
                              f"reconciliation engine: σ {exporter} as exporter {se[0]:.3f} ({se[1]} partners), "
                              f"σ {importer} as importer {si[0]:.3f} ({si[1]} partners), CIF {cif:.1%}",
                              se[0], si[0], se[1] + si[1])
        n_hist, med, mad = self._history(exporter, importer, year)
        if n_hist >= MIN_HISTORY:
            h = max(FLAG_Z * MAD_TO_SIGMA * mad, Z90 * SIGMA_CIF_PRIOR)
            return MirrorBand(math.expm1(med), med, h, "history",
                              f"this pair's own mirror gaps: {exporter}→{importer} two-sided in {n_hist} other "
                              f"year(s), median importer/exporter ratio {math.exp(med):.3f}, band "
                              f"±{FLAG_Z:g}×1.4826×MAD", n=n_hist)
        b = prior_band()
        why = (f"fallback: no reporter noise estimate for {exporter} as exporter and {importer} as importer, "
               f"and {n_hist} other year(s) with both sides of {exporter}→{importer} in the store "
               f"(need {MIN_HISTORY}); ")
        return MirrorBand(b.cif_rate, b.centre, b.half_width, b.source, why + b.detail, n=n_hist)


def stored_reconciliation(store: Any) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """What ``mirrortrade reconcile`` stored: the reliability table and the CIF rate per exporter–importer
    pair (from the estimates table), or None when the store holds no reconciliation yet — or is a read-only
    stand-in without derived tables (the claims overlay of the store's figures plus an article's claims)."""
    if not hasattr(store, "has_table"):
        return None
    rel_t, est_t = STORE_TABLES["reliability"], STORE_TABLES["estimates"]
    if not (store.has_table(rel_t) and store.has_table(est_t)):
        return None
    reliability = store.read_table(rel_t)
    # one CIF rate per pair; the stored estimates are total-trade flows (a few rows per pair and year)
    cif = store.read_table(est_t)[["exporter", "importer", "cif_rate"]].drop_duplicates(["exporter", "importer"])
    return reliability, cif
