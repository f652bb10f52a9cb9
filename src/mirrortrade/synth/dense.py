"""The dense synthetic world (`--shape dense`): every trading cell in every year, both sides published.

The world (all of it decided by one seed):

* **Countries**: the first ``N`` ISO3 codes (sorted, from pycountry), each with a log economic mass
  ``m ~ N(0, 1.5²)`` and a random place on the globe (great-circle distances).
* **True flows** (FOB, USD) for (exporter e, importer i, product p, year y). A (pair, product) trades
  with probability ``min(1, c·exp(0.8·g_ei))·r_p`` where ``g_ei = m_e + m_i − ln d_ei`` (centred) is the
  gravity term and ``r_p ~ U(0.2, 1)`` the product's ubiquity; ``c`` is calibrated so the expected number
  of declarations meets ``rows``. A trading cell trades in every year, with value
  ``exp(ln 2e5 + g_ei + a_p + 1.5·z_cell + 0.03·t + 0.3·z_year)`` (heavy-tailed, log-normal);
  ``a_p ~ N(0, 0.7²)``.
* **CIF margins** per pair, rising with distance: ``0.03 + 0.05·d/d_max + N(0, 0.01²)`` clipped to
  [0.01, 0.12]. The importer declares CIF values.
* **Reporting noise**: each country has σ as exporter and σ as importer, each ``U(0.03, 0.5)``.
  Declared ``X = V·exp(σ_X(e)·z)``, ``M = V·(1 + cif)·exp(σ_M(i)·z')`` (log-normal, median-unbiased).
  Declarations under $1,000 are not published (a reporting threshold); values are whole dollars.
* **Non-reporters**: ``nonreporter_share`` of the countries (at least one when N ≥ 5) publish nothing;
  only their partners' declarations about them exist.

Planted anomalies (all listed in ``truth/anomalies.parquet``):

* ``under_recorded_imports``: for a few pairs (both reporting, many cells), every import declaration of
  i from e is short by a pair-specific 30–70%, in all years and products (pair-level: year and product
  are null in the truth file).
* ``phantom_export``: e declares an export of a product to i that i never imports from e, while i
  reports imports from e of other products (cell-level).
* ``unit_error``: one declaration (side given in ``flow``) multiplied by 1000 (cell-level).
* ``duplicate``: an exact duplicate of one declaration row (cell-level, side in ``flow``).
* ``rerouting``: in the last year, 60% of the goods from a few origins to a few destinations pass
  through one hub: the origin declares them as exports to the hub, the hub declares them as imports
  from the origin and as exports to the destination, while the destination still records the origin.
  Every touched cell (origin→destination, origin→hub, hub→destination) is listed.

Outputs: ``declarations.parquet`` (reporter, partner, flow X|M, year, product, value) and
``truth/flows.parquet`` (exporter, importer, year, product, value_fob, cif_rate, value_cif),
``truth/sigma.parquet`` (country, role exporter|importer, sigma, reports),
``truth/anomalies.parquet`` (exporter, importer, year, product, kind, flow, factor),
``truth/countries.parquet`` (country, mass, lat, lon, reports).

Generation streams: the world is cut into units (one exporter × a block of 64 products), each with
its own random stream (``numpy.random.default_rng([seed, 1, e, block])``) and trade presence decided by
a counter-based hash, so the output does not depend on how units are batched into Parquet row groups,
and memory stays bounded by ``chunk_rows`` whatever the size.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from mirrortrade.errors import MirrortradeError
from mirrortrade.synth.base import (
    ANOMALY_KINDS,
    DECLARATION_SCHEMA,
    FLOW_SCHEMA,
    THRESHOLD,
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

#: products per generation unit (fixed: part of the definition of the world for a seed)
BLOCK = 64
BASE_VALUE = 2e5
CELL_SD = 1.5
PRODUCT_SD = 0.7
YEAR_SD = 0.3
TREND = 0.03
PRESENCE_ELASTICITY = 0.8
REROUTE_SHARE = 0.6


# ---------------------------------------------------------------------------------------------
# the world
# ---------------------------------------------------------------------------------------------


@dataclass
class _Cells:
    """The true cells of one unit: importer index, product index, values (cells × years)."""

    imp: np.ndarray
    prod: np.ndarray
    value: np.ndarray
    rng: np.random.Generator


class World(WorldBase):
    """Everything decided at world level; units are generated from it on demand."""

    def __init__(self, cfg: SynthConfig) -> None:
        rng, c = self._setup(cfg, 0)
        P = self.P
        off, g = c.off, c.g
        self.g = np.where(off, g, -np.inf)

        self.product_codes = [f"{c:06d}" for c in np.sort(rng.choice(960_000, P, replace=False) + 10_000)]
        self.r = rng.uniform(0.2, 1.0, P)
        self.a = rng.normal(0.0, PRODUCT_SD, P)
        self.loc = np.log(BASE_VALUE) + np.where(off, g, 0.0)

        self._calibrate(off)
        self._plant(rng)

    # ---- size ---------------------------------------------------------------------------------
    def _expected_rows(self, c: float, w: np.ndarray) -> float:
        q = np.minimum(1.0, c * np.exp(PRESENCE_ELASTICITY * np.where(np.isfinite(self.g), self.g, -700.0)))
        return float(self.Y * self.r.sum() * (q * w).sum())

    def _calibrate(self, off: np.ndarray) -> None:
        cfg = self.cfg
        # share of a pair's declarations above the threshold (log-normal value, both sides' noise)
        sd = math.sqrt(CELL_SD**2 + PRODUCT_SD**2 + YEAR_SD**2 + 0.3**2)
        above = normal_cdf((self.loc - math.log(THRESHOLD)) / sd)
        w = np.where(off, above * (self.reports[:, None].astype(float) + self.reports[None, :]), 0.0)
        max_rows = self._expected_rows(1e300, w)
        target = cfg.rows if cfg.rows is not None else 0.3 * max_rows
        if target > 0.95 * max_rows:
            raise MirrortradeError(
                f"{cfg.rows:,} declarations do not fit {cfg.countries} countries × {cfg.products} products × "
                f"{cfg.years} years (at most about {int(0.95 * max_rows):,}); raise --products or --countries"
            )
        lo, hi = -60.0, 60.0
        for _ in range(80):
            mid = (lo + hi) / 2
            if self._expected_rows(math.exp(mid), w) < target:
                lo = mid
            else:
                hi = mid
        self.c = math.exp((lo + hi) / 2)
        self.q = np.minimum(1.0, self.c * np.exp(PRESENCE_ELASTICITY * np.where(off, self.g, -700.0)))
        self.q[~off] = 0.0
        self.target_rows = target

    def present(self, e: int | np.ndarray, i: np.ndarray, p: np.ndarray) -> np.ndarray:
        """Whether e exports product p to i (in every year)."""
        u = uniform_hash(self.cfg.seed, np.asarray(e), np.asarray(i), np.asarray(p))
        return u < self.q[e, i] * self.r[p]

    # ---- anomalies ----------------------------------------------------------------------------
    def _plant(self, rng: np.random.Generator) -> None:
        cfg, n = self.cfg, self.n
        R = self.r.sum()
        both = self.reports[:, None] & self.reports[None, :] & ~np.eye(n, dtype=bool)
        expected_products = self.q * R
        scale = self.target_rows

        # rerouting through one hub (last year)
        self.hub: int | None = None
        self.origins: list[int] = []
        self.destinations: list[int] = []
        rep = np.flatnonzero(self.reports)
        if cfg.plant and len(rep) >= 5 and cfg.reroute_origins > 0 and cfg.reroute_destinations > 0:
            big = rep[np.argsort(-self.mass[rep])][: max(1, len(rep) // 4)]
            self.hub = int(rng.choice(big))
            others = np.array([c for c in rep if c != self.hub])
            k_o = min(cfg.reroute_origins, len(others) // 2)
            k_d = min(cfg.reroute_destinations, len(others) - k_o)
            perm = rng.permutation(others)
            self.origins = sorted(int(x) for x in perm[:k_o])
            self.destinations = sorted(int(x) for x in perm[k_o : k_o + k_d])
        reroute_pairs = {(o, d) for o in self.origins for d in self.destinations}
        touched = set(reroute_pairs)
        if self.hub is not None:
            touched |= {(o, self.hub) for o in self.origins} | {(self.hub, d) for d in self.destinations}


        # under-recorded imports: pairs with many cells
        cells = expected_products * self.Y
        enough = min(30.0, float(np.quantile(cells[both], 0.9))) if both.any() else 0.0
        cand = np.argwhere(both & (cells >= enough) & (cells > 0))
        cand = np.array([c for c in cand if (int(c[0]), int(c[1])) not in touched]).reshape(-1, 2)
        n_under = min(len(cand), cfg.planted("under_recorded_pairs", scale, 2e-5, 3, 40))
        pick = cand[rng.choice(len(cand), n_under, replace=False)] if n_under else np.empty((0, 2), int)
        self.under: dict[tuple[int, int], float] = {
            (int(e), int(i)): float(rng.uniform(0.3, 0.7)) for e, i in pick
        }
        bad_pairs = touched | set(self.under)

        # phantom exports: pairs where the importer reports e for other products
        cand = np.argwhere(both & (expected_products >= 8))
        cand = np.array([c for c in cand if (int(c[0]), int(c[1])) not in bad_pairs]).reshape(-1, 2)
        n_ph = cfg.planted("phantom_exports", scale, 2e-5, 5, 200)
        self.phantom: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
        seen: set[tuple[int, int, int, int]] = set()
        tries = 0
        while len(seen) < n_ph and len(cand) and tries < 100 * n_ph:
            tries += 1
            e, i = (int(x) for x in cand[rng.integers(len(cand))])
            p = int(rng.integers(self.P))
            y = int(rng.integers(self.Y))
            if self.present(e, np.array(i), np.array(p)) or (e, i, p, y) in seen:
                continue
            value = max(50 * THRESHOLD, float(np.exp(self.loc[e, i] + self.a[p] + rng.normal(0, 0.5))))
            seen.add((e, i, p, y))
            self.phantom[(e, p // BLOCK)].append((i, p, y, round(value)))

        # cell-level marks on existing cells: unit errors and duplicates
        cand = np.argwhere(both & (expected_products >= 1))
        cand = np.array([c for c in cand if (int(c[0]), int(c[1])) not in bad_pairs]).reshape(-1, 2)
        self.unit_err: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
        self.dups: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
        marked: set[tuple[int, int, int, int]] = set(seen)
        for target, count in (
            (self.unit_err, cfg.planted("unit_errors", scale, 5e-6, 3, 50)),
            (self.dups, cfg.planted("duplicates", scale, 5e-4, 5, 5000)),
        ):
            got, tries = 0, 0
            while got < count and len(cand) and tries < 200 * count:
                tries += 1
                e, i = (int(x) for x in cand[rng.integers(len(cand))])
                p = int(rng.integers(self.P))
                y = int(rng.integers(self.Y))
                side = int(rng.integers(2))
                if (e, i, p, y) in marked or not self.present(e, np.array(i), np.array(p)):
                    continue
                marked.add((e, i, p, y))
                target[(e, p // BLOCK)].append((i, p, y, side))
                got += 1

    # ---- units --------------------------------------------------------------------------------
    def n_blocks(self) -> int:
        return -(-self.P // BLOCK)

    def cells(self, e: int, b: int) -> _Cells:
        """True cells of exporter e for products in block b, with the unit's random stream."""
        prods = np.arange(b * BLOCK, min(self.P, (b + 1) * BLOCK))
        imps = np.delete(np.arange(self.n), e)
        ii = np.repeat(imps, len(prods))
        pp = np.tile(prods, len(imps))
        keep = self.present(e, ii, pp)
        ii, pp = ii[keep], pp[keep]
        rng = np.random.default_rng([self.cfg.seed, 1, e, b])
        level = self.loc[e, ii] + self.a[pp] + CELL_SD * rng.standard_normal(len(ii))
        logv = level[:, None] + TREND * np.arange(self.Y) + YEAR_SD * rng.standard_normal((len(ii), self.Y))
        return _Cells(ii, pp, np.exp(logv), rng)


def synthesize_dense(
    output: str | Path,
    config: SynthConfig | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> SynthResult:
    """Generate a dense synthetic world and write ``declarations.parquet`` and ``truth/`` under ``output``.

    Deterministic for ``config.seed``; memory is bounded by ``config.chunk_rows`` whatever the size.
    ``progress(done, total)`` is called after each generation unit.
    """
    cfg = config or SynthConfig()
    w = World(cfg)
    out = Path(output)
    (out / "truth").mkdir(parents=True, exist_ok=True)

    codes = pa.array(w.codes, pa.string())
    prods = pa.array(w.product_codes, pa.string())
    flows_xm = pa.array(["X", "M"], pa.string())

    def decl_table(rep: np.ndarray, par: np.ndarray, fl: np.ndarray, yi: np.ndarray, pi: np.ndarray, v: np.ndarray) -> pa.Table:
        return pa.Table.from_arrays(
            [coded(rep, codes), coded(par, codes), coded(fl, flows_xm), pa.array(w.years[yi]), coded(pi, prods),
             pa.array(v)],
            schema=coded_schema(DECLARATION_SCHEMA),
        )

    def flow_table(ex: np.ndarray, im: np.ndarray, yi: np.ndarray, pi: np.ndarray, v: np.ndarray, cif: np.ndarray) -> pa.Table:
        return pa.Table.from_arrays(
            [coded(ex, codes), coded(im, codes), pa.array(w.years[yi]), coded(pi, prods), pa.array(v), pa.array(cif),
             pa.array(v * (1.0 + cif))],
            schema=coded_schema(FLOW_SCHEMA),
        )

    decl = Batch(out / "declarations.parquet", DECLARATION_SCHEMA, cfg.chunk_rows, decl_table)
    truth = Batch(out / "truth" / "flows.parquet", FLOW_SCHEMA, cfg.chunk_rows, flow_table)
    anomalies: list[tuple[int, int, int | None, int | None, str, str | None, float | None]] = []
    for (e, i), short in sorted(w.under.items()):
        anomalies.append((e, i, None, None, "under_recorded_imports", "M", 1.0 - short))

    nb = w.n_blocks()
    total_units = w.n * nb
    last = w.Y - 1
    done = 0
    try:
        for e in range(w.n):
            for b in range(nb):
                _unit(w, e, b, last, decl, truth, anomalies)
                done += 1
                if progress is not None:
                    progress(done, total_units)
    finally:
        decl.close()
        truth.close()

    uniq = _write_truth_tables(w, out, anomalies)
    counts = {k: sum(1 for a in uniq if a[4] == k) for k in ANOMALY_KINDS}
    return SynthResult(
        output=out,
        declarations=decl.total,
        flows=truth.total,
        countries=w.codes,
        nonreporters=[w.codes[k] for k in np.flatnonzero(~w.reports)],
        hub=w.codes[w.hub] if w.hub is not None else None,
        anomalies=counts,
        shape="dense",
    )


def _unit(w: World, e: int, b: int, last: int, decl: Batch, truth: Batch, anomalies: list) -> None:
    """Generate, distort and write the declarations and true flows of one unit (exporter e, block b)."""
    c = w.cells(e, b)
    ii, pp, V, rng = c.imp, c.prod, c.value, c.rng
    n, Y = len(ii), w.Y
    cif = w.cif[e, ii]
    X = V * np.exp(w.sigma_x[e] * rng.standard_normal((n, Y)))
    M = V * (1.0 + cif)[:, None] * np.exp(w.sigma_m[ii][:, None] * rng.standard_normal((n, Y)))
    truth.add(np.full(n * Y, e), np.repeat(ii, Y), np.tile(np.arange(Y), n), np.repeat(pp, Y), V.ravel(),
              np.repeat(cif, Y))

    for (pe, pi), short in w.under.items():
        if pe == e:
            M[ii == pi] *= 1.0 - short

    key = ii.astype(np.int64) * w.P + pp

    def row_of(i: int, p: int) -> int | None:
        k = np.searchsorted(key, i * w.P + p)
        return int(k) if k < len(key) and key[k] == i * w.P + p else None

    # extra declarations created by rerouting (cells with no true flow): (reporter, partner, flow, y, p, value)
    extra: dict[tuple[int, int, int, int], float] = {}
    hub = w.hub
    if hub is not None and e in w.origins:
        for d in w.destinations:
            for k in np.flatnonzero(ii == d):
                moved = REROUTE_SHARE * V[k, last]
                X[k, last] *= 1.0 - REROUTE_SHARE
                p = int(pp[k])
                anomalies.append((e, d, last, p, "rerouting", "X", 1.0 - REROUTE_SHARE))
                h = row_of(hub, p)
                if h is not None:
                    X[h, last] += moved
                    M[h, last] += moved * (1.0 + w.cif[e, hub])
                else:
                    extra[(e, hub, 0, p)] = extra.get((e, hub, 0, p), 0.0) + moved
                    extra[(hub, e, 1, p)] = extra.get((hub, e, 1, p), 0.0) + moved * (1.0 + w.cif[e, hub])
                anomalies.append((e, hub, last, p, "rerouting", "X", None))
    if hub is not None and e == hub:
        for o in w.origins:
            oc = w.cells(o, b)
            for k in np.flatnonzero(np.isin(oc.imp, w.destinations)):
                d, p = int(oc.imp[k]), int(oc.prod[k])
                moved = REROUTE_SHARE * oc.value[k, last]
                h = row_of(d, p)
                if h is not None:
                    X[h, last] += moved
                else:
                    extra[(e, d, 0, p)] = extra.get((e, d, 0, p), 0.0) + moved
                anomalies.append((e, d, last, p, "rerouting", "X", None))

    X = np.round(X)
    M = np.round(M)
    xok = w.reports[e] & (X >= THRESHOLD)
    mok = w.reports[ii][:, None] & (M >= THRESHOLD)

    for i, p, y, side in w.unit_err.get((e, b), []):
        k = row_of(i, p)
        if k is None:
            continue
        arr, ok = (X, xok) if side == 0 else (M, mok)
        if ok[k, y]:
            arr[k, y] *= 1000.0
            anomalies.append((e, i, y, p, "unit_error", "XM"[side], 1000.0))

    yy = np.tile(np.arange(Y), n)
    xr, mr = xok.ravel(), mok.ravel()
    rows_i, rows_p = np.repeat(ii, Y), np.repeat(pp, Y)
    decl.add(np.full(int(xr.sum()), e), rows_i[xr], np.zeros(int(xr.sum()), np.int64), yy[xr], rows_p[xr],
             X.ravel()[xr])
    decl.add(rows_i[mr], np.full(int(mr.sum()), e), np.ones(int(mr.sum()), np.int64), yy[mr], rows_p[mr],
             M.ravel()[mr])

    if extra:
        ks = sorted(extra)
        vals = np.round(np.array([extra[k] for k in ks]))
        keep = vals >= THRESHOLD
        arr = np.array(ks, dtype=np.int64)[keep]
        decl.add(arr[:, 0], arr[:, 1], arr[:, 2], np.full(len(arr), last), arr[:, 3], vals[keep])

    ph = w.phantom.get((e, b), [])
    if ph:
        arr = np.array([(i, p, y) for i, p, y, _ in ph], dtype=np.int64)
        decl.add(np.full(len(ph), e), arr[:, 0], np.zeros(len(ph), np.int64), arr[:, 2], arr[:, 1],
                 np.array([v for *_, v in ph], dtype=float))
        anomalies.extend((e, i, y, p, "phantom_export", "X", None) for i, p, y, _ in ph)

    for i, p, y, side in w.dups.get((e, b), []):
        k = row_of(i, p)
        if k is None:
            continue
        ok = xok if side == 0 else mok
        if not ok[k, y]:
            continue
        v = (X if side == 0 else M)[k, y]
        rep, par = (e, i) if side == 0 else (i, e)
        decl.add(np.array([rep]), np.array([par]), np.array([side]), np.array([y]), np.array([p]), np.array([v]))
        anomalies.append((e, i, y, p, "duplicate", "XM"[side], None))


def _write_truth_tables(w: World, out: Path, anomalies: list) -> list:
    write_sigma_truth(w, out)
    pq.write_table(
        pa.table({"country": w.codes, "mass": w.mass, "lat": w.lat, "lon": w.lon, "reports": w.reports}),
        out / "truth" / "countries.parquet",
    )
    return write_anomalies(out / "truth" / "anomalies.parquet", anomalies, w.codes, w.years, w.product_codes)
