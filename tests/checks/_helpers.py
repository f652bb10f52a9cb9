"""Helpers for the checks tests."""

from __future__ import annotations

import pandas as pd


def hand_figures(rows: list[dict], *, title: str = "hand-made test publication") -> pd.DataFrame:
    """A canonical frame of figures written in a test (each test says where its numbers come from)."""
    base = {"source_id": "USER", "publisher": "mirrortrade tests", "title": title, "vintage": "2026-01-01",
            "qualifier": "exact"}
    return pd.DataFrame([{**base, **r} for r in rows])


def pick(findings, **kw):  # type: ignore[no-untyped-def]
    """Findings whose attributes equal the given values."""
    return [f for f in findings if all(getattr(f, k) == v for k, v in kw.items())]
