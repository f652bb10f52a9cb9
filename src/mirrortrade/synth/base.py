"""What both world shapes share: the configuration, the output schemas, the Parquet writer, the
counter-based uniform numbers and the truth table of planted anomalies."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from mirrortrade.errors import MirrortradeError

#: declared values below this (USD) are not published (the dense world's threshold, and the lowest
#: threshold of the realistic world)
THRESHOLD = 1000.0
FIRST_YEAR = 2015
SHAPES = ("realistic", "dense")

DECLARATION_SCHEMA = pa.schema(
    [
        ("reporter", pa.string()),
        ("partner", pa.string()),
        ("flow", pa.string()),
        ("year", pa.int64()),
        ("product", pa.string()),
        ("value", pa.float64()),
    ]
)
FLOW_SCHEMA = pa.schema(
    [
        ("exporter", pa.string()),
        ("importer", pa.string()),
        ("year", pa.int64()),
        ("product", pa.string()),
        ("value_fob", pa.float64()),
        ("cif_rate", pa.float64()),
        ("value_cif", pa.float64()),
    ]
)
ANOMALY_KINDS = ("under_recorded_imports", "phantom_export", "unit_error", "duplicate", "rerouting")
#: the kinds a reconciliation is expected to report as findings
DETECTABLE_KINDS = ("under_recorded_imports", "phantom_export", "unit_error")


def country_codes(n: int) -> list[str]:
    """The first ``n`` ISO 3166-1 alpha-3 codes in alphabetical order (pycountry)."""
    import pycountry

    codes = sorted(c.alpha_3 for c in pycountry.countries)
    if not 3 <= n <= len(codes):
        raise MirrortradeError(f"--countries must be between 3 and {len(codes)}, got {n}")
    return codes[:n]


@dataclass(frozen=True)
class SynthConfig:
    """Size and shape of a synthetic world. ``rows`` is the target number of declarations
    (default: 30% of the largest possible world for N, P, Y).

    ``shape`` is ``realistic`` (sparse intermittent cells, missing declarations, reporting thresholds,
    confidential products, heavy tails, re-exports through a hub) or ``dense`` (every trading cell in
    every year, both sides always published above one threshold). ``plant=False`` plants no anomaly at all
    (for false-alarm rates); the realistic world's background re-exports stay, they are not anomalies.
    The ``missing_*``, ``confidential_products``, ``activity`` and ``reexport_*`` settings only apply to the
    realistic shape.
    """

    countries: int = 40
    products: int = 50
    years: int = 3
    seed: int = 0
    rows: int | None = None
    shape: str = "realistic"
    plant: bool = True
    nonreporter_share: float = 0.05
    sigma_low: float = 0.03
    sigma_high: float = 0.5
    under_recorded_pairs: int | None = None
    phantom_exports: int | None = None
    unit_errors: int | None = None
    duplicates: int | None = None
    reroute_origins: int = 3
    reroute_destinations: int = 3
    missing_low: float = 0.0
    missing_high: float = 0.2
    confidential_products: float = 2.0
    activity: float = 0.35
    reexport_origins: int = 3
    reexport_product_share: float = 0.1
    chunk_rows: int = 1_000_000

    def check(self) -> None:
        if self.shape not in SHAPES:
            raise MirrortradeError(f"--shape must be one of {', '.join(SHAPES)}, got {self.shape!r}")
        if self.products < 1:
            raise MirrortradeError(f"--products must be at least 1, got {self.products}")
        if not 1 <= self.years <= 60:
            raise MirrortradeError(f"--years must be between 1 and 60, got {self.years}")
        if self.rows is not None and self.rows < 100:
            raise MirrortradeError(f"--rows must be at least 100, got {self.rows}")
        if self.chunk_rows < 1:
            raise MirrortradeError("chunk_rows must be positive")
        if not 0 <= self.nonreporter_share < 0.5:
            raise MirrortradeError("nonreporter_share must be in [0, 0.5)")
        if not 0 <= self.missing_low <= self.missing_high < 1:
            raise MirrortradeError("missing rates must satisfy 0 <= missing_low <= missing_high < 1")
        if not 0 < self.activity < 1:
            raise MirrortradeError(f"activity must be in (0, 1), got {self.activity}")
        if self.confidential_products < 0 or not 0 <= self.reexport_product_share <= 1:
            raise MirrortradeError("confidential_products must be >= 0 and reexport_product_share in [0, 1]")

    def planted(self, name: str, rows: float, rate: float, lo: int, hi: int) -> int:
        """How many anomalies of one kind to plant: the configured count, else ``rate·rows`` within [lo, hi];
        none at all when ``plant`` is off."""
        if not self.plant:
            return 0
        given = getattr(self, name)
        return int(given) if given is not None else int(min(hi, max(lo, round(rows * rate))))


@dataclass
class Countries:
    """The country-level draws both world shapes share: gravity mass, position, distance, the CIF margin of each
    pair, reporting noise, and who reports at all. ``g`` is log gravity centred over the country pairs."""

    mass: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    dist: np.ndarray
    off: np.ndarray
    g: np.ndarray
    cif: np.ndarray
    sigma_x: np.ndarray
    sigma_m: np.ndarray
    reports: np.ndarray


class WorldBase:
    """What both world shapes set up first: the config, country codes, sizes and years."""

    def _setup(self, cfg: SynthConfig, stream: int) -> tuple[np.random.Generator, Countries]:
        """Check ``cfg``, set the sizes and years, and draw the countries from the seed's ``stream``."""
        cfg.check()
        self.cfg = cfg
        self.codes = country_codes(cfg.countries)
        self.n, self.P, self.Y = cfg.countries, cfg.products, cfg.years
        self.years = np.arange(FIRST_YEAR, FIRST_YEAR + cfg.years, dtype=np.int64)
        rng = np.random.default_rng([cfg.seed, stream])
        c = draw_countries(cfg, rng)
        self.mass, self.lat, self.lon = c.mass, c.lat, c.lon
        self.cif, self.sigma_x, self.sigma_m, self.reports = c.cif, c.sigma_x, c.sigma_m, c.reports
        return rng, c


def draw_countries(cfg: SynthConfig, rng: np.random.Generator) -> Countries:
    """Draw :class:`Countries` from ``rng`` (the order of the draws is part of each seed's world)."""
    n = cfg.countries
    mass = rng.normal(0.0, 1.5, n)
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, n)))
    lon = rng.uniform(-180, 180, n)
    la, lo = np.radians(lat), np.radians(lon)
    cosd = np.sin(la)[:, None] * np.sin(la)[None, :] + np.cos(la)[:, None] * np.cos(la)[None, :] * np.cos(
        lo[:, None] - lo[None, :]
    )
    dist = np.maximum(6371.0 * np.arccos(np.clip(cosd, -1, 1)), 100.0)
    off = ~np.eye(n, dtype=bool)
    g = mass[:, None] + mass[None, :] - np.log(dist)
    g = g - g[off].mean()
    cif = np.clip(0.03 + 0.05 * dist / dist[off].max() + rng.normal(0.0, 0.01, (n, n)), 0.01, 0.12)
    sigma_x = rng.uniform(cfg.sigma_low, cfg.sigma_high, n)
    sigma_m = rng.uniform(cfg.sigma_low, cfg.sigma_high, n)
    n_non = round(cfg.nonreporter_share * n)
    if n >= 5:
        n_non = max(1, n_non)
    reports = np.ones(n, dtype=bool)
    reports[rng.choice(n, n_non, replace=False)] = False
    return Countries(mass, lat, lon, dist, off, g, cif, sigma_x, sigma_m, reports)


@dataclass
class SynthResult:
    """What :func:`synthesize` wrote."""

    output: Path
    declarations: int
    flows: int
    countries: list[str]
    nonreporters: list[str]
    hub: str | None
    anomalies: dict[str, int] = field(default_factory=dict)
    shape: str = "realistic"
    look_alikes: int = 0

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in self.anomalies.items())
        extra = f"; chance-only phantom look-alikes {self.look_alikes:,}" if self.shape == "realistic" else ""
        return (
            f"{self.shape} world: {self.declarations:,} declarations, {self.flows:,} true flows, "
            f"{len(self.countries)} countries ({len(self.nonreporters)} non-reporting: "
            f"{', '.join(self.nonreporters) or '-'}); planted: {kinds}{extra}; written to {self.output}"
        )


# ---------------------------------------------------------------------------------------------
# counter-based uniform numbers (a value computable anywhere, for any cell)
# ---------------------------------------------------------------------------------------------

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLD = np.uint64(0x9E3779B97F4A7C15)


def _splitmix(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        z = x + _GOLD
        z = (z ^ (z >> np.uint64(30))) * _M1
        z = (z ^ (z >> np.uint64(27))) * _M2
        return z ^ (z >> np.uint64(31))


def uniform_hash(seed: int, *keys: np.ndarray) -> np.ndarray:
    """A uniform number in [0, 1) for each key tuple, a pure function of (seed, keys)."""
    h = _splitmix(np.full(np.broadcast(*keys).shape, np.uint64(seed % (1 << 63)), dtype=np.uint64))
    for k in keys:
        with np.errstate(over="ignore"):
            h = _splitmix(h ^ np.asarray(k, dtype=np.uint64))
    return (h >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def normal_cdf(x: np.ndarray) -> np.ndarray:
    """Φ(x), vectorised (Abramowitz & Stegun 7.1.26 for erf, absolute error below 1.5e-7)."""
    x = np.asarray(x, dtype=float) / math.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-x * x)
    return 0.5 * (1.0 + np.sign(x) * erf)


def coded(indices: np.ndarray, dictionary: pa.Array) -> pa.DictionaryArray:
    """A string column given as indices into ``dictionary``: written to Parquet as a dictionary-encoded column
    without hashing every string (read back as plain strings: the writers store no Arrow schema)."""
    return pa.DictionaryArray.from_arrays(pa.array(np.asarray(indices, dtype=np.int32)), dictionary)


def coded_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with its string columns as dictionary columns (what :func:`coded` builds)."""
    return pa.schema([pa.field(f.name, pa.dictionary(pa.int32(), pa.string())) if f.type == pa.string() else f
                      for f in schema])


class Batch:
    """Column buffers for one Parquet table, flushed when they reach ``chunk_rows``. ``to_table`` builds the
    string columns with :func:`coded`; readers see the plain ``schema``."""

    def __init__(self, path: Path, schema: pa.Schema, chunk_rows: int, to_table: Callable[..., pa.Table]) -> None:
        self.writer = pq.ParquetWriter(str(path), coded_schema(schema), compression="zstd", store_schema=False)
        self.parts: list[tuple[np.ndarray, ...]] = []
        self.size = 0
        self.total = 0
        self.chunk_rows = chunk_rows
        self.to_table = to_table

    def add(self, *cols: np.ndarray) -> None:
        if len(cols[0]) == 0:
            return
        self.parts.append(cols)
        self.size += len(cols[0])
        if self.size >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        if not self.parts:
            return
        cols = [np.concatenate(c) for c in zip(*self.parts, strict=True)]
        start = 0
        while start < len(cols[0]):
            stop = start + self.chunk_rows
            self.writer.write_table(self.to_table(*(c[start:stop] for c in cols)))
            start = stop
        self.total += len(cols[0])
        self.parts, self.size = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


#: one planted anomaly: exporter, importer, year index or None, product index or None, kind, flow, factor
Anomaly = tuple[int, int, "int | None", "int | None", str, "str | None", "float | None"]


def write_sigma_truth(w: WorldBase, out: Path) -> None:
    """``truth/sigma.parquet``: each country's true reporting noise as exporter and as importer."""
    n = w.n
    pq.write_table(
        pa.table(
            {
                "country": w.codes * 2,
                "role": ["exporter"] * n + ["importer"] * n,
                "sigma": np.concatenate([w.sigma_x, w.sigma_m]),
                "reports": np.concatenate([w.reports, w.reports]),
            }
        ),
        out / "truth" / "sigma.parquet",
    )


def write_anomalies(path: Path, anomalies: list, codes: list[str], years: np.ndarray,
                    product_codes: list[str]) -> list:
    """Write ``truth/anomalies.parquet`` (unique rows, sorted) and return the unique anomalies."""
    uniq = sorted(set(anomalies), key=lambda a: (a[4], a[0], a[1], a[2] if a[2] is not None else -1,
                                                 a[3] if a[3] is not None else -1, a[5] or ""))
    pq.write_table(
        pa.table(
            {
                "exporter": pa.array([codes[a[0]] for a in uniq], pa.string()),
                "importer": pa.array([codes[a[1]] for a in uniq], pa.string()),
                "year": pa.array([int(years[a[2]]) if a[2] is not None else None for a in uniq], pa.int64()),
                "product": pa.array([product_codes[a[3]] if a[3] is not None else None for a in uniq], pa.string()),
                "kind": pa.array([a[4] for a in uniq], pa.string()),
                "flow": pa.array([a[5] for a in uniq], pa.string()),
                "factor": pa.array([a[6] for a in uniq], pa.float64()),
            }
        ),
        path,
    )
    return uniq
