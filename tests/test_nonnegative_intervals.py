"""Intervals of non-negative statistics never reach below 0 (a trade flow, an indicator level, an event's
amount): "about $0" is [0, half a unit], not [−half, +half]. A balance (flow B) is signed and keeps both
sides of 0. The store's interval (SQL view) and the record's (``Observation.interval``) agree.

The values are edge cases of the published forms ("about $0 billion", "under $1 billion"), not figures of
any one publication; the rounding units are the ones the seeds print (billions with one decimal: 1e8).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirrortrade.model import QUALIFIERS, Indicator, NewsItem, Observation, value_interval
from mirrortrade.store import SCHEMA_VERSION, Store

B = 1e9


def test_about_zero_is_not_below_zero() -> None:
    # "about $0.0 billion": rounding half a unit (0.05bn) either side, clamped at 0 for a level
    assert value_interval(0.0, 0.1 * B, "approx", nonnegative=True) == (0.0, pytest.approx(0.05 * B))
    assert value_interval(0.0, 0.1 * B, "exact", nonnegative=True) == (0.0, pytest.approx(0.05 * B))
    assert value_interval(0.0, 0.1 * B, "near_upper", nonnegative=True) == (0.0, 0.0)
    # a signed statistic (a balance, a growth rate) keeps its negative side
    assert value_interval(0.0, 0.1 * B, "approx") == pytest.approx((-0.05 * B, 0.05 * B))


@given(v=st.floats(0, 1e15), prec=st.one_of(st.just(0.0), st.floats(0, 1e15)), q=st.sampled_from(sorted(QUALIFIERS)))
def test_nonnegative_low_end_is_clamped_only(v: float, prec: float, q: str) -> None:
    lo, hi = value_interval(v, prec, q, nonnegative=True)
    slo, shi = value_interval(v, prec, q)
    assert lo >= 0.0 and hi == shi and lo == max(slo, 0.0)


def test_records_know_their_sign() -> None:
    about_zero = {"period": "2025", "value_usd": 0.0, "precision_usd": 0.1 * B, "qualifier": "approx",
                  "source_id": "CN-GACC"}
    for flow in ("X", "M", "T", "RX", "RM"):
        assert Observation("CHN", "KGZ", flow, **about_zero).interval[0] == 0.0
    assert Observation("CHN", "KGZ", "B", **about_zero).interval[0] == pytest.approx(-0.05 * B)
    ind = Indicator("KGZ", "gdp_usd", "2025", 0.0, "USD", "KG-GOV", precision=B, qualifier="approx")
    assert ind.interval[0] == 0.0
    item = NewsItem("investment", ("KGZ", "CHN"), "About $0 billion was invested.", amount_usd=0.0,
                    amount_precision=B, amount_qualifier="approx")
    assert item.to_row()["amount_low"] == 0.0


def _rows() -> list[dict[str, object]]:
    rows = []
    for i, q in enumerate(sorted(QUALIFIERS)):
        for flow, v in (("X", 0.0), ("M", 0.02 * B), ("B", 0.0), ("B", -1.0 * B), ("B", 0.3 * B)):
            rows.append({"reporter": "CHN", "partner": "KGZ", "flow": flow, "period": str(2010 + i),
                         "value_usd": v, "precision_usd": 0.1 * B, "qualifier": q, "source_id": "CN-GACC",
                         "publisher": "test", "title": f"{flow} {v}", "vintage": "2026-01-20"})
    return rows


def test_store_interval_is_the_records(tmp_path: Path) -> None:
    """The SQL view's [value_low, value_high] is ``Observation.interval`` for every qualifier and sign."""
    rows = _rows()
    f = tmp_path / "edge.csv"
    pd.DataFrame(rows).to_csv(f, index=False)
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest_file(f)
        got = s.observations(reporter="CHN", partner="KGZ")
    assert len(got) == len(rows)
    for r in got.itertuples():
        want = Observation(r.reporter, r.partner, r.flow, r.period, r.value_usd, r.source_id,
                           precision_usd=r.precision_usd, qualifier=r.qualifier).interval
        assert (r.value_low, r.value_high) == pytest.approx(want), (r.flow, r.value_usd, r.qualifier)
        if r.flow != "B":
            assert r.value_low >= 0.0


def test_schema4_store_gets_the_clamped_intervals(tmp_path: Path) -> None:
    """A store written before the clamp: its stored indicator and event low ends are clamped on open, and its
    view is rebuilt."""
    path = tmp_path / "v4.duckdb"
    with Store(path) as s:
        s.ingest_indicators([Indicator("KGZ", "gdp_usd", "2025", 0.0, "USD", "KG-GOV", precision=B,
                                       qualifier="approx")], file="t")
        s.ingest_events([NewsItem("investment", ("KGZ", "CHN"), "About $0 billion was invested.", amount_usd=0.0,
                                  amount_precision=B, amount_qualifier="approx")], file="t")
    con = duckdb.connect(str(path))
    con.execute("UPDATE indicators SET value_low = -0.55e9")
    con.execute("UPDATE events SET amount_low = -0.55e9")
    con.execute("DROP VIEW observations")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.con.execute("SELECT value_low FROM indicators").fetchone()[0] == 0.0
        assert s.con.execute("SELECT amount_low FROM events").fetchone()[0] == 0.0
        assert s.con.execute("SELECT count(*) FROM observations").fetchone()[0] >= 0
