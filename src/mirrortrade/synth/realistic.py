"""The realistic synthetic world (`--shape realistic`, the default): declarations shaped like HS-6 data.

Everything is decided by one seed. On top of the dense world's gravity presence, CIF margins and
per-reporter noise σ (see :mod:`mirrortrade.synth.dense`):

* **Sparse, intermittent cells.** A (pair, product) cell trades with probability ``min(1, c·e^{0.8 g})·r_p``;
  a trading cell is active in each year independently with probability
  ``sigmoid(logit(activity) + 0.5·(L − ln 2e5 − g_ei))``, where ``L`` is the cell's log level: cells small for
  their pair come and go (with the default activity 0.35 most appear in one or two years; 0.1 makes almost
  every cell a one-year cell) and big ones persist.
* **Heavy tails.** ``L = ln 2e5 + g_ei + a_p + 1.2·z + (E − 1)`` with ``E ~ Exp(1)`` (a Pareto factor
  ``e^E`` of tail index 1 on top of the log-normal); yearly values vary by ``0.4·z_year``.
* **Reporting thresholds** per reporter, one of $1k, $2k, $5k, $10k (probability .5/.2/.2/.1): a declared
  value under the reporter's threshold is not published, so small flows are absent on one side.
* **Missing declarations** at random: each reporter loses each of its declarations with its own rate
  ``U(missing_low, missing_high)`` (default 0–20%).
* **Confidential products**: each reporter suppresses ``Poisson(confidential_products)`` products entirely
  (at most a tenth of them), exports and imports alike.
* **Re-exports through a hub** (background, every year, not an anomaly): for ``reexport_origins`` origins,
  a pair-specific share ``U(0.05, 0.3)`` of a random ``reexport_product_share`` of their products to each
  destination travels through the hub: the origin declares it as an export to the hub, the hub as an
  import from the origin and as an export to the destination, while the destination records the origin.

Planted anomalies (unless ``plant=False``; all in ``truth/anomalies.parquet``, same schema as the dense world):
under-recorded imports (pair-level, 30–70% short, all years and products), phantom exports (flow-level: an
exporter declares a product to an importer in every year although nothing trades; year is null in the truth;
the importer reports other products from that exporter and publishes the product from other partners, and the
value would pass its threshold 20 times over; planted after every unit, their rows come last), ×1000 unit errors (one side of a cell-year that both sides published), exact duplicates and a
rerouting spike (60% of the last year's goods from a few origins to a few destinations through the hub).

Truth beside the declarations (``truth/``): ``flows`` (the direct true flows), ``sigma``, ``countries``
(with threshold, missing rate, confidential count, hub and re-export roles), ``confidential``
(reporter, product), ``reexports`` (every cell-year whose goods went partly through the hub, background or
rerouting) and ``look_alikes``: the true cells that look like a planted phantom export — declared by the
exporter in every year and by the importer in none — with the cause (``missing``, ``threshold``,
``missing+threshold``, ``confidential``, ``reexport``) and whether the importer reports other products from the
exporter and publishes the product from anyone; with both, the cell looks exactly like a planted phantom and no
rule can tell them apart from the declarations.

Each exporter is one generation unit with its own random streams (``default_rng([seed, 20|21, e])``), the
hub last (it receives the re-exports); memory is bounded by one exporter's grid (countries × products).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from mirrortrade.errors import MirrortradeError
from mirrortrade.synth.base import (
    ANOMALY_KINDS,
    DECLARATION_SCHEMA,
    FLOW_SCHEMA,
    Batch,
    SynthConfig,
    SynthResult,
    WorldBase,
    coded,
    coded_schema,
    normal_cdf,
    uniform_hash,
    write_anomalies,
    write_sigma_truth,
)

BASE_VALUE = 2e5
CELL_SD = 1.2
PARETO_SCALE = 1.0
PRODUCT_SD = 0.7
YEAR_SD = 0.4
TREND = 0.03
PRESENCE_ELASTICITY = 0.8
ACTIVITY_SLOPE = 0.5
THRESHOLDS = (1000.0, 2000.0, 5000.0, 10000.0)
THRESHOLD_P = (0.5, 0.2, 0.2, 0.1)
REROUTE_SHARE = 0.6
REEXPORT_SHARE = (0.05, 0.3)
#: a planted phantom's yearly value is at least this multiple of the importer's threshold
PHANTOM_FLOOR = 20.0
#: the importer must publish at least this many imports from the exporter (other products) in the unit
PHANTOM_PAIR_ROWS = 3
LOOK_ALIKE_CAUSES = ("missing", "threshold", "missing+threshold", "confidential", "reexport")

REEXPORT_SCHEMA = pa.schema(
    [
        ("exporter", pa.string()),
        ("importer", pa.string()),
        ("hub", pa.string()),
        ("year", pa.int64()),
        ("product", pa.string()),
        ("share", pa.float64()),
        ("kind", pa.string()),
    ]
)
LOOK_ALIKE_SCHEMA = pa.schema(
    [
        ("exporter", pa.string()),
        ("importer", pa.string()),
        ("product", pa.string()),
        ("kind", pa.string()),
        ("cause", pa.string()),
        ("importer_reports_pair", pa.bool_()),
        ("importer_publishes_product", pa.bool_()),
        ("value_exporter", pa.float64()),
    ]
)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class RealisticWorld(WorldBase):
    """World-level draws (countries, products, reporting habits, hub, planted pairs and quotas)."""

    def __init__(self, cfg: SynthConfig) -> None:
        rng, c = self._setup(cfg, 10)
        n, P = self.n, self.P
        self.off = c.off
        self.g = np.where(self.off, c.g, 0.0)
        self.threshold = rng.choice(np.array(THRESHOLDS), n, p=np.array(THRESHOLD_P))
        self.miss = rng.uniform(cfg.missing_low, cfg.missing_high, n)
        self.confidential = np.zeros((n, P), dtype=bool)
        k_conf = np.minimum(rng.poisson(cfg.confidential_products, n), P // 10)
        for c in range(n):
            self.confidential[c, rng.choice(P, k_conf[c], replace=False)] = True

        self.product_codes = [f"{c:06d}" for c in np.sort(rng.choice(960_000, P, replace=False) + 10_000)]
        self.r = rng.uniform(0.2, 1.0, P)
        self.a = rng.normal(0.0, PRODUCT_SD, P)
        self.act0 = math.log(cfg.activity / (1.0 - cfg.activity))

        self._roles(rng)
        self._calibrate()
        self._plant(rng)
        self.carry: list[tuple[np.ndarray, ...]] = []
        #: products each importer published from anyone (filled as units are generated)
        self.imports_published = np.zeros((n, P), dtype=bool)
        #: planted anomalies a unit could not place, handed on to the next unit
        self.deficit = {"unit": 0, "dup": 0}

    # ---- hub, re-export origins, rerouting -------------------------------------------------------
    def _roles(self, rng: np.random.Generator) -> None:
        cfg, n = self.cfg, self.n
        rep = np.flatnonzero(self.reports)
        self.hub: int | None = None
        self.reexport = np.zeros((n, n))  # background share origin -> destination through the hub
        self.origins: list[int] = []
        self.destinations: list[int] = []
        self.reroute_pair = np.zeros((n, n), dtype=bool)
        if len(rep) < 5:
            return
        big = rep[np.argsort(-self.mass[rep])][: max(1, len(rep) // 4)]
        self.hub = hub = int(rng.choice(big))
        others = rng.permutation(np.array([c for c in rep if c != hub]))
        k_bg = min(cfg.reexport_origins, len(others) // 3)
        for o in sorted(int(x) for x in others[:k_bg]):
            share = rng.uniform(*REEXPORT_SHARE, n)
            share[[o, hub]] = 0.0
            self.reexport[o] = share
        rest = others[k_bg:]
        if cfg.plant and cfg.reroute_origins > 0 and cfg.reroute_destinations > 0 and len(rest) >= 2:
            k_o = min(cfg.reroute_origins, len(rest) // 2)
            k_d = min(cfg.reroute_destinations, len(rest) - k_o)
            self.origins = sorted(int(x) for x in rest[:k_o])
            self.destinations = sorted(int(x) for x in rest[k_o : k_o + k_d])
        for o in self.origins:
            self.reroute_pair[o, self.destinations] = True

    # ---- size ------------------------------------------------------------------------------------
    def _calibrate(self) -> None:
        """Expected published declarations per present cell of each pair (Monte Carlo over the cell level,
        fixed draws), then the presence scale ``c`` that meets the target rows."""
        cfg, n, Y = self.cfg, self.n, self.Y
        mc = np.random.default_rng([cfg.seed, 11])
        k = 512
        s = (
            mc.normal(0.0, PRODUCT_SD, k)
            + CELL_SD * mc.standard_normal(k)
            + PARETO_SCALE * (mc.standard_exponential(k) - 1.0)
        )
        conf_share = self.confidential.mean(axis=1)
        keep = self.reports * (1.0 - self.miss) * (1.0 - conf_share)
        rows = np.zeros((n, n))
        mid = TREND * (Y - 1) / 2.0
        for e in range(n):
            L = self.g[e][:, None] + s[None, :]
            pi = _sigmoid(self.act0 + ACTIVITY_SLOPE * s)[None, :]
            lv = math.log(BASE_VALUE) + L + mid
            px = normal_cdf((lv - math.log(self.threshold[e])) / math.hypot(YEAR_SD, self.sigma_x[e]))
            pm = normal_cdf(
                (lv + np.log1p(self.cif[e])[:, None] - np.log(self.threshold)[:, None])
                / np.hypot(YEAR_SD, self.sigma_m)[:, None]
            )
            rows[e] = Y * (pi * (keep[e] * px + keep[:, None] * pm)).mean(axis=1)
        rows[~self.off] = 0.0
        R = float(self.r.sum())
        expo = np.exp(PRESENCE_ELASTICITY * np.where(self.off, self.g, -700.0))

        def expected(c: float) -> float:
            return R * float((np.minimum(1.0, c * expo) * rows).sum())

        max_rows = expected(1e300)
        target = cfg.rows if cfg.rows is not None else 0.3 * max_rows
        if target > 0.95 * max_rows:
            raise MirrortradeError(
                f"{cfg.rows:,} declarations do not fit {cfg.countries} countries × {cfg.products} products × "
                f"{cfg.years} years in a realistic world (at most about {int(0.95 * max_rows):,}); "
                "raise --products or --countries"
            )
        lo, hi = -60.0, 60.0
        for _ in range(80):
            m = (lo + hi) / 2
            if expected(math.exp(m)) < target:
                lo = m
            else:
                hi = m
        self.c = math.exp((lo + hi) / 2)
        self.q = np.where(self.off, np.minimum(1.0, self.c * expo), 0.0)
        self.pair_rows = self.q * R * rows
        self.target_rows = target

    # ---- planted anomalies -------------------------------------------------------------------------
    def _plant(self, rng: np.random.Generator) -> None:
        cfg, n = self.cfg, self.n
        scale = self.target_rows
        both = self.reports[:, None] & self.reports[None, :] & self.off
        clean = both & (self.reexport == 0) & ~self.reroute_pair
        if self.hub is not None:
            clean[self.hub, :] = False
            clean[:, self.hub] = False
        self.clean_pair = clean

        cells = self.q * float(self.r.sum())
        n_under = cfg.planted("under_recorded_pairs", scale, 2e-5, 3, 40)
        cand = np.argwhere(clean & (cells >= (np.quantile(cells[clean], 0.9) if clean.any() else 0.0)))
        n_under = min(n_under, len(cand))
        pick = cand[rng.choice(len(cand), n_under, replace=False)] if n_under else np.empty((0, 2), int)
        self.import_factor = np.ones((n, n))
        self.under_pair = np.zeros((n, n), dtype=bool)
        for e, i in pick:
            self.import_factor[e, i] = 1.0 - rng.uniform(0.3, 0.7)
            self.under_pair[e, i] = True

        weight = self.pair_rows.sum(axis=1) * self.reports
        exporters = weight.copy()
        if self.hub is not None:
            exporters[self.hub] = 0.0

        def quota(count: int, w: np.ndarray) -> np.ndarray:
            if count == 0 or w.sum() <= 0:
                return np.zeros(n, dtype=np.int64)
            return rng.multinomial(count, w / w.sum())

        self.phantom_quota = quota(cfg.planted("phantom_exports", scale, 2e-5, 5, 200), exporters)
        self.unit_quota = quota(cfg.planted("unit_errors", scale, 5e-6, 3, 50), weight)
        self.dup_quota = quota(cfg.planted("duplicates", scale, 5e-4, 5, 5000), weight)

    def order(self) -> list[int]:
        """Exporters in generation order: the hub last (it re-exports what the origins sent it)."""
        return [e for e in range(self.n) if e != self.hub] + ([self.hub] if self.hub is not None else [])


class _Out:
    """The Parquet writers and the small truth lists of one run."""

    def __init__(self, w: RealisticWorld, out: Path) -> None:
        codes = pa.array(w.codes, pa.string())
        prods = pa.array(w.product_codes, pa.string())
        flows_xm = pa.array(["X", "M"], pa.string())
        kinds = pa.array(["reexport", "rerouting"], pa.string())
        causes = pa.array(list(LOOK_ALIKE_CAUSES), pa.string())
        phantom = pa.array(["phantom_export"], pa.string())
        years = w.years
        chunk = w.cfg.chunk_rows

        def decl_table(rep: np.ndarray, par: np.ndarray, fl: np.ndarray, yi: np.ndarray, pi: np.ndarray,
                       v: np.ndarray) -> pa.Table:
            return pa.Table.from_arrays(
                [coded(rep, codes), coded(par, codes), coded(fl, flows_xm), pa.array(years[yi]),
                 coded(pi, prods), pa.array(v)],
                schema=coded_schema(DECLARATION_SCHEMA),
            )

        def flow_table(ex: np.ndarray, im: np.ndarray, yi: np.ndarray, pi: np.ndarray, v: np.ndarray,
                       cif: np.ndarray) -> pa.Table:
            return pa.Table.from_arrays(
                [coded(ex, codes), coded(im, codes), pa.array(years[yi]), coded(pi, prods), pa.array(v),
                 pa.array(cif), pa.array(v * (1.0 + cif))],
                schema=coded_schema(FLOW_SCHEMA),
            )

        def reexport_table(ex: np.ndarray, im: np.ndarray, hub: np.ndarray, yi: np.ndarray, pi: np.ndarray,
                           share: np.ndarray, kind: np.ndarray) -> pa.Table:
            return pa.Table.from_arrays(
                [coded(ex, codes), coded(im, codes), coded(hub, codes), pa.array(years[yi]), coded(pi, prods),
                 pa.array(share), coded(kind, kinds)],
                schema=coded_schema(REEXPORT_SCHEMA),
            )

        def look_alike_table(ex: np.ndarray, im: np.ndarray, pi: np.ndarray, cause: np.ndarray, pair: np.ndarray,
                             product: np.ndarray, v: np.ndarray) -> pa.Table:
            return pa.Table.from_arrays(
                [coded(ex, codes), coded(im, codes), coded(pi, prods), coded(np.zeros(len(ex)), phantom),
                 coded(cause, causes), pa.array(pair), pa.array(product), pa.array(v)],
                schema=coded_schema(LOOK_ALIKE_SCHEMA),
            )

        self.decl = Batch(out / "declarations.parquet", DECLARATION_SCHEMA, chunk, decl_table)
        self.flows = Batch(out / "truth" / "flows.parquet", FLOW_SCHEMA, chunk, flow_table)
        self.reexports = Batch(out / "truth" / "reexports.parquet", REEXPORT_SCHEMA, chunk, reexport_table)
        self.look_alikes = Batch(out / "truth" / "look_alikes.parquet", LOOK_ALIKE_SCHEMA, chunk, look_alike_table)
        self.anomalies: list = []
        #: per exporter: phantom candidates (importer, product) and look-alike cells, settled after every unit
        self.phantom_candidates: dict[int, np.ndarray] = {}
        self.look_alike_parts: list[tuple[np.ndarray, ...]] = []

    def close(self) -> None:
        for b in (self.decl, self.flows, self.reexports, self.look_alikes):
            b.close()


def synthesize_realistic(
    output: str | Path,
    config: SynthConfig | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> SynthResult:
    """Generate a realistic synthetic world and write ``declarations.parquet`` and ``truth/`` under
    ``output``. Deterministic for ``config.seed``; ``progress(done, total)`` after each exporter."""
    cfg = config or SynthConfig()
    w = RealisticWorld(cfg)
    out = Path(output)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    o = _Out(w, out)
    for k in np.argwhere(w.under_pair):
        e, i = int(k[0]), int(k[1])
        o.anomalies.append((e, i, None, None, "under_recorded_imports", "M", float(w.import_factor[e, i])))
    order = w.order()
    try:
        for done, e in enumerate(order, start=1):
            _unit(w, e, o)
            if progress is not None:
                progress(done, len(order))
        _phantoms(w, o, order)
        chance = _look_alikes(w, o)
    finally:
        o.close()
    uniq = write_anomalies(out / "truth" / "anomalies.parquet", o.anomalies, w.codes, w.years, w.product_codes)
    _write_truth_tables(w, out)
    counts = {k: sum(1 for a in uniq if a[4] == k) for k in ANOMALY_KINDS}
    return SynthResult(
        output=out,
        declarations=o.decl.total,
        flows=o.flows.total,
        countries=w.codes,
        nonreporters=[w.codes[k] for k in np.flatnonzero(~w.reports)],
        hub=w.codes[w.hub] if w.hub is not None else None,
        anomalies=counts,
        shape="realistic",
        look_alikes=chance,
    )


def _unit(w: RealisticWorld, e: int, o: _Out) -> None:
    """True cells of exporter e, the goods through the hub, both sides' declarations, planted anomalies."""
    cfg, n, P, Y = w.cfg, w.n, w.P, w.Y
    last = Y - 1
    rng_c = np.random.default_rng([cfg.seed, 20, e])
    rng_n = np.random.default_rng([cfg.seed, 21, e])

    # true cells and their active years
    present = rng_c.random((n, P), dtype=np.float32) < (w.q[e][:, None] * w.r[None, :]).astype(np.float32)
    ii, pp = np.nonzero(present)
    nc = len(ii)
    dev = w.a[pp] + CELL_SD * rng_c.standard_normal(nc) + PARETO_SCALE * (rng_c.standard_exponential(nc) - 1.0)
    L = w.g[e, ii] + dev
    active = rng_c.random((nc, Y)) < _sigmoid(w.act0 + ACTIVITY_SLOPE * dev)[:, None]
    logv = math.log(BASE_VALUE) + L[:, None] + TREND * np.arange(Y) + YEAR_SD * rng_c.standard_normal((nc, Y))
    ci, yi = np.nonzero(active)
    i0, p0, V = ii[ci], pp[ci], np.exp(logv[ci, yi])
    o.flows.add(np.full(len(i0), e), i0, yi, p0, V, w.cif[e, i0])

    # goods through the hub: background re-exports (every year) and the planted rerouting (last year)
    share = np.zeros(len(i0))
    kind = np.zeros(len(i0), dtype=np.int64)
    hub = w.hub
    if hub is not None and w.reexport[e].any():
        sel = uniform_hash(cfg.seed + 7919, np.full(len(i0), e), i0, p0) < cfg.reexport_product_share
        share = np.where(sel, w.reexport[e, i0], 0.0)
    if hub is not None and e in w.origins:
        rr = np.isin(i0, w.destinations) & (yi == last)
        share = np.where(rr, np.maximum(share, REROUTE_SHARE), share)
        kind[rr] = 1
        for d, p in zip(i0[rr].tolist(), p0[rr].tolist(), strict=True):
            o.anomalies.append((e, d, last, p, "rerouting", "X", 1.0 - REROUTE_SHARE))
            o.anomalies.append((e, hub, last, p, "rerouting", "X", None))
            o.anomalies.append((hub, d, last, p, "rerouting", "X", None))
    moved = share * V
    via = share > 0
    parts = [(i0, p0, yi, V - moved, V, via)]
    if via.any() and hub is not None:
        k = np.flatnonzero(via)
        o.reexports.add(np.full(len(k), e), i0[k], np.full(len(k), hub), yi[k], p0[k], share[k], kind[k])
        parts.append((np.full(len(k), hub), p0[k], yi[k], moved[k], moved[k], np.ones(len(k), bool)))
        w.carry.append((i0[k], p0[k], yi[k], moved[k]))
    if e == hub and w.carry:
        ci_, cp, cy, cv = (np.concatenate(c) for c in zip(*w.carry, strict=True))
        parts.append((ci_, cp, cy, cv, np.zeros(len(ci_)), np.ones(len(ci_), bool)))

    II, Pp, Yy, VX, VM, VIA = (np.concatenate(c) for c in zip(*parts, strict=True))
    key = (II.astype(np.int64) * P + Pp) * Y + Yy
    uk, inv = np.unique(key, return_inverse=True)
    vx = np.bincount(inv, VX, len(uk))
    vm = np.bincount(inv, VM, len(uk))
    via = np.bincount(inv, VIA.astype(float), len(uk)) > 0
    i, p, y = uk // (P * Y), (uk // Y) % P, uk % Y
    m = len(uk)

    # declarations: noise, under-recording, thresholds, missing at random, confidential products
    X = np.round(vx * np.exp(w.sigma_x[e] * rng_n.standard_normal(m)))
    M = np.round(vm * w.import_factor[e, i] * (1.0 + w.cif[e, i]) * np.exp(w.sigma_m[i] * rng_n.standard_normal(m)))
    lost_x = rng_n.random(m) < w.miss[e]
    lost_m = rng_n.random(m) < w.miss[i]
    xpub = w.reports[e] & (X >= w.threshold[e]) & ~lost_x & ~w.confidential[e, p]
    mpub = w.reports[i] & (M >= w.threshold[i]) & ~lost_m & ~w.confidential[i, p]

    # unit errors: one side of a cell-year both sides published, outside every other planted or hub cell
    touched = via | w.under_pair[e, i] | w.reroute_pair[e, i]
    cand = np.flatnonzero(xpub & mpub & ~touched)
    want = int(w.unit_quota[e]) + w.deficit["unit"]
    k_u = min(want, len(cand))
    w.deficit["unit"] = want - k_u
    if k_u:
        rows = np.sort(rng_n.choice(cand, k_u, replace=False))
        sides = rng_n.integers(0, 2, k_u)
        for r, side in zip(rows.tolist(), sides.tolist(), strict=True):
            (X if side == 0 else M)[r] *= 1000.0
            o.anomalies.append((e, int(i[r]), int(y[r]), int(p[r]), "unit_error", "XM"[side], 1000.0))

    xi = np.flatnonzero(xpub)
    mi = np.flatnonzero(mpub)
    o.decl.add(np.full(len(xi), e), i[xi], np.zeros(len(xi), np.int64), y[xi], p[xi], X[xi])
    o.decl.add(i[mi], np.full(len(mi), e), np.ones(len(mi), np.int64), y[mi], p[mi], M[mi])

    # the importer's published rows from e (a phantom needs an importer that does report e) and the products
    # each importer publishes from anyone (a phantom needs an importer that publishes the product)
    pair_m = np.bincount(i[mi], minlength=n)
    w.imports_published[i[mi], p[mi]] = True
    o.phantom_candidates[e] = _phantom_candidates(w, e, rng_n, present, pair_m)

    # duplicates: exact copies of published rows
    want = int(w.dup_quota[e]) + w.deficit["dup"]
    k_d = min(want, len(xi) + len(mi))
    w.deficit["dup"] = want - k_d
    if k_d:
        pick = np.sort(rng_n.choice(len(xi) + len(mi), k_d, replace=False))
        for r in pick.tolist():
            if r < len(xi):
                k = xi[r]
                o.decl.add(np.array([e]), i[k:k + 1], np.array([0]), y[k:k + 1], p[k:k + 1], X[k:k + 1])
                o.anomalies.append((e, int(i[k]), int(y[k]), int(p[k]), "duplicate", "X", None))
            else:
                k = mi[r - len(xi)]
                o.decl.add(i[k:k + 1], np.array([e]), np.array([1]), y[k:k + 1], p[k:k + 1], M[k:k + 1])
                o.anomalies.append((e, int(i[k]), int(y[k]), int(p[k]), "duplicate", "M", None))

    # chance-only look-alikes of a phantom export: exporter in every year, importer in none
    cell, cinv = np.unique(uk // Y, return_inverse=True)
    nx = np.bincount(cinv, xpub.astype(float), len(cell))
    nm = np.bincount(cinv, mpub.astype(float), len(cell))
    ci_i, ci_p = cell // P, cell % P
    hit = (nx == Y) & (nm == 0) & w.reports[ci_i] & ~w.under_pair[e, ci_i] & ~w.reroute_pair[e, ci_i]
    if hit.any():
        h = np.flatnonzero(hit)
        in_hit = hit[cinv]
        via_cell = np.bincount(cinv, via.astype(float), len(cell)) > 0
        miss_all = np.bincount(cinv, (lost_m & in_hit).astype(float), len(cell)) == Y
        thr_all = np.bincount(cinv, ((M < w.threshold[i]) & in_hit).astype(float), len(cell)) == Y
        cause = np.where(
            via_cell[h], 4,
            np.where(w.confidential[ci_i[h], ci_p[h]], 3, np.where(miss_all[h], 0, np.where(thr_all[h], 1, 2))),
        )
        value = np.bincount(cinv, np.where(xpub, X, 0.0), len(cell))[h] / Y
        o.look_alike_parts.append((np.full(len(h), e), ci_i[h], ci_p[h], cause, pair_m[ci_i[h]] > 0, value))


def _phantom_candidates(w: RealisticWorld, e: int, rng: np.random.Generator, present: np.ndarray,
                        pair_m: np.ndarray) -> np.ndarray:
    """Cells where e could declare a phantom export: (importer, product) with no true flow, the importer
    reporting e for other products, neither side keeping the product confidential; in random order."""
    k = int(w.phantom_quota[e]) + 10
    importers = np.flatnonzero(w.clean_pair[e] & ~w.under_pair[e] & (pair_m >= PHANTOM_PAIR_ROWS))
    if len(importers) == 0 or not w.cfg.plant:
        return np.empty((0, 2), dtype=np.int64)
    ii = importers[rng.integers(len(importers), size=20 * k)]
    pp = rng.integers(w.P, size=20 * k)
    ok = ~present[ii, pp] & ~w.confidential[e, pp] & ~w.confidential[ii, pp]
    cand = np.stack([ii[ok], pp[ok]], axis=1)
    _, first = np.unique(cand, axis=0, return_index=True)
    return cand[np.sort(first)]


def _phantoms(w: RealisticWorld, o: _Out, order: list[int]) -> None:
    """Plant the phantom exports once every importer's published products are known: e declares, in every
    year, a product it never ships to i and that i publishes from other partners (what a phantom looks like)."""
    Y, deficit = w.Y, 0
    for e in order:
        want = int(w.phantom_quota[e]) + deficit
        cand = o.phantom_candidates.get(e, np.empty((0, 2), dtype=np.int64))
        cand = cand[w.imports_published[cand[:, 0], cand[:, 1]]][:want]
        deficit = want - len(cand)
        rng = np.random.default_rng([w.cfg.seed, 22, e])
        for i, p in cand.tolist():
            level = math.log(BASE_VALUE) + w.g[e, i] + w.a[p] + 0.5 * rng.standard_normal()
            v = np.exp(level + TREND * np.arange(Y) + YEAR_SD * rng.standard_normal(Y))
            floor = PHANTOM_FLOOR * w.threshold[i] * np.exp(rng.uniform(0.0, 1.0, Y))
            v = np.round(np.maximum(v, floor))
            o.decl.add(np.full(Y, e), np.full(Y, i), np.zeros(Y, np.int64), np.arange(Y), np.full(Y, p), v)
            o.anomalies.append((e, i, None, p, "phantom_export", "X", None))


def _look_alikes(w: RealisticWorld, o: _Out) -> int:
    """Write the phantom look-alikes with whether the importer publishes the product from anyone (a planted
    phantom always has both that and an importer reporting the exporter: those look exactly like one).
    Returns how many look exactly like a phantom by chance alone (not through the hub's re-exports)."""
    if not o.look_alike_parts:
        return 0
    ex, im, pr, cause, pair, value = (np.concatenate(c) for c in zip(*o.look_alike_parts, strict=True))
    published = w.imports_published[im, pr]
    o.look_alikes.add(ex, im, pr, cause, pair, published, value)
    return int((pair & published & (cause != LOOK_ALIKE_CAUSES.index("reexport"))).sum())


def _write_truth_tables(w: RealisticWorld, out: Path) -> None:
    n = w.n
    write_sigma_truth(w, out)
    hub = np.zeros(n, dtype=bool)
    if w.hub is not None:
        hub[w.hub] = True
    pq.write_table(
        pa.table(
            {
                "country": w.codes, "mass": w.mass, "lat": w.lat, "lon": w.lon, "reports": w.reports,
                "threshold": w.threshold, "missing_rate": w.miss,
                "confidential_products": w.confidential.sum(axis=1).astype(np.int64),
                "hub": hub, "reexport_origin": w.reexport.any(axis=1),
            }
        ),
        out / "truth" / "countries.parquet",
    )
    rc, pc = np.nonzero(w.confidential & w.reports[:, None])
    pq.write_table(
        pa.table(
            {
                "reporter": pa.array([w.codes[c] for c in rc], pa.string()),
                "product": pa.array([w.product_codes[c] for c in pc], pa.string()),
            }
        ),
        out / "truth" / "confidential.parquet",
    )
