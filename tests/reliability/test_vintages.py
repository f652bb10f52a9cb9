"""Vintages are never overwritten: whatever sequence of revisions is ingested, every row stored before
stays stored, unchanged, and ``as_of`` returns the value that was current on that date.

(tests/test_store.py checks one worked revision; this runs random revision sequences.)"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirrortrade.errors import StoreError
from mirrortrade.store import Store

#: Tajikistan's imports from China in 2025 per its customs, seed article 000: $2.3 billion; revisions around it
VALUES = [2.3e9, 2.4e9, 2.35e9, 2.3e9]
DATES = ["2026-01-15", "2026-02-01", "2026-03-01", "2026-06-30"]

revisions = st.lists(st.tuples(st.sampled_from(VALUES), st.sampled_from(DATES)), min_size=1, max_size=6)


def _frame(value: float, vintage: str) -> pd.DataFrame:
    return pd.DataFrame({
        "reporter": ["TJK"], "partner": ["CHN"], "flow": ["M"], "period": ["2025"], "value_usd": [str(value)],
        "precision_usd": ["1e8"], "source_id": ["TJ-CUSTOMS"], "publisher": ["Customs Service of Tajikistan"],
        "vintage": [vintage],
    })


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions)
def test_revisions_only_add_rows_and_as_of_is_the_value_then(steps: list[tuple[float, str]]) -> None:
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "s.duckdb") as store:
        cols = ["figure_id", "value_usd", "vintage", "ingest_id", "ingested_at"]
        before = pd.DataFrame(columns=cols)
        first_seen: dict[tuple[str, float], int] = {}  # (vintage, value) -> step that first stored it
        for step, (value, vintage) in enumerate(steps):
            store.ingest_frame(_frame(value, vintage), file=f"rev-{step}")
            first_seen.setdefault((vintage, value), step)
            rows = store.con.execute(f"SELECT {', '.join(cols)} FROM observations ORDER BY figure_id").df()
            kept = before.merge(rows, on=cols, how="left", indicator=True)
            assert (kept["_merge"] == "both").all(), "a stored row changed or disappeared"
            assert len(rows) == len(first_seen)  # one row per distinct (vintage, value), never fewer
            before = rows
        for day in ("2026-01-31", "2026-02-15", "2026-12-31"):
            current = store.observations(reporter="TJK", as_of=day)
            eligible = [k for k in first_seen if k[0] <= day]
            if not eligible:
                assert current.empty
                continue
            latest = max(k[0] for k in eligible)
            # within the latest vintage date, the value stored last is current
            expected = max((k for k in eligible if k[0] == latest), key=first_seen.__getitem__)[1]
            assert current["value_usd"].tolist() == [expected]
            assert str(current["vintage"].iloc[0])[:10] == latest


def test_figures_cannot_be_replaced(store: Store) -> None:
    n = store.count()
    for table in ("observations", "indicators", "ingests"):
        with pytest.raises(StoreError, match="cannot be replaced"):
            store.replace_table(table, pd.DataFrame({"x": [1]}))
    assert store.count() == n
