"""Random stored figures for the bounds property tests: every qualifier (so one-sided and open intervals,
"more than" → [v, ∞), "under" → [0, v] or (−∞, v] for a balance), zero, tiny and huge values, wide
rounding, partial periods and growth rates down to −100% and below.

The figures are hypothetical (drawn by hypothesis); the embedded dataset they are mixed into is the
one the package ships (src/mirrortrade/data/SOURCES.md names its sources).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from hypothesis import strategies as st

from mirrortrade.model import QUALIFIERS, Period, value_interval

CODES = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB", "CA5")
FLOWS = ("X", "M", "T", "RX", "RM", "B")
PERIODS = ("2023", "2024", "2025", "2025-H1", "2025-Q3", "2024-Q3", "2025-01/2025-11", "2025-03")

values = st.one_of(
    st.just(0.0),
    st.floats(min_value=1e-6, max_value=1e3),
    st.floats(min_value=1e6, max_value=1e12),
    st.floats(min_value=1e15, max_value=1e300),
    st.sampled_from([22e9, 5.2e9, 27.2e9, 80e6, 3.7e9, 2.3e9]),
)
precisions = st.one_of(st.just(0.0), st.sampled_from([1e6, 1e8, 1e9, 1e12]), st.floats(0, 1e300))
growths = st.one_of(st.none(), st.floats(-300, 1e6), st.sampled_from([-100.0, 0.0, -99.99, 6400.0]))


@st.composite
def figure_rows(draw: st.DrawFn) -> dict[str, Any]:
    # China on one side most of the time, so the drawn figures meet the embedded ones (mirrors, sums, GDP)
    reporter = draw(st.sampled_from(CODES))
    partner = draw(st.sampled_from([c for c in CODES if c != reporter]))
    if reporter != "CHN" and partner != "CHN" and draw(st.booleans()):
        reporter, partner = draw(st.permutations(["CHN", partner]))
    flow = draw(st.sampled_from(FLOWS))
    value = draw(values)
    if flow == "B" and draw(st.booleans()):
        value = -value
    q = draw(st.sampled_from(sorted(QUALIFIERS)))
    prec = draw(precisions)
    lo, hi = value_interval(value, prec, q, nonnegative=flow != "B")
    g = draw(growths)
    return {"reporter": reporter, "partner": partner, "flow": flow, "period": draw(st.sampled_from(PERIODS)),
            "value_usd": value, "value_low": lo, "value_high": hi, "precision_usd": prec, "qualifier": q,
            "growth_pct": math.nan if g is None else g, "growth_precision": draw(st.sampled_from([0.0, 1.0, 0.1]))}


@st.composite
def gdp_rows(draw: st.DrawFn) -> dict[str, Any]:
    value = draw(values)
    q = draw(st.sampled_from(sorted(QUALIFIERS)))
    prec = draw(precisions)
    lo, hi = value_interval(value, prec, q, nonnegative=True)
    return {"country": draw(st.sampled_from(CODES[:6])), "period": draw(st.sampled_from(["2023", "2024", "2025"])),
            "value": value, "value_low": lo, "value_high": hi, "precision": prec, "qualifier": q}


class MixedStore:
    """The rules' view of a store: the embedded store's frames with the drawn rows added (latest vintage,
    so a drawn figure takes the place of an embedded one with the same key)."""

    def __init__(self, obs: pd.DataFrame, ind: pd.DataFrame, figs: list[dict[str, Any]], gdps: list[dict[str, Any]]):
        self._obs = _add(obs, figs, "F", _obs_extra)
        self._ind = _add(ind, gdps, "G", _gdp_extra)

    def observations(self, *, product: Any = None, all_vintages: bool = False, **kw: Any) -> pd.DataFrame:
        df = self._obs
        if product is not None:
            codes = [product] if isinstance(product, str) else list(product)
            df = df[df["product"].isin(codes)]
        for k, v in kw.items():
            if v is not None:
                df = df[df[k].isin([v] if isinstance(v, str) else list(v))]
        return df.reset_index(drop=True)

    def indicators(self, *, indicator: Any = None, **kw: Any) -> pd.DataFrame:
        df = self._ind
        if indicator is not None:
            df = df[df["indicator"] == indicator]
        return df.reset_index(drop=True)


def _obs_extra(r: dict[str, Any]) -> dict[str, Any]:
    p = Period.parse(r["period"])
    return {"product": "TOTAL", "valuation": "UNKNOWN", "source_id": "USER", "publisher": "hypothesis",
            "title": "drawn figures", "quote": "", "n_months": p.n_months, "period_kind": p.kind}


def _gdp_extra(r: dict[str, Any]) -> dict[str, Any]:
    return {"partner": "", "indicator": "gdp_usd", "unit": "USD", "source_id": "USER-GDP", "publisher": "hypothesis",
            "title": "drawn GDP", "quote": ""}


def _add(base: pd.DataFrame, rows: list[dict[str, Any]], prefix: str, extra: Any) -> pd.DataFrame:
    if not rows:
        return base
    new = pd.DataFrame([{**extra(r), **r, "figure_id": f"{prefix}{i:015d}", "key_id": f"{prefix}K{i:014d}",
                         "vintage": pd.Timestamp("2026-12-01")} for i, r in enumerate(rows)])
    return pd.concat([base, new], ignore_index=True)
