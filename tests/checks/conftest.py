"""Fixtures for the checks tests: the findings on the embedded store are computed once."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def embedded_findings(embedded_store_path: Path):  # type: ignore[no-untyped-def]
    """run_checks over the embedded dataset (read-only, computed once per session)."""
    from mirrortrade.checks import run_checks
    from mirrortrade.store import Store

    with Store(embedded_store_path, read_only=True) as s:
        return run_checks(s)


