"""Shared fixtures. No test reaches the network: a guard refuses sockets to non-loopback hosts."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS_DATA = Path(__file__).resolve().parent / "data"

_real_connect = socket.socket.connect


def _guarded_connect(self, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (
        host.startswith("127.") or host in ("localhost", "::1", "") or self.family == socket.AF_UNIX
    ):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real store or cache."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MIRRORTRADE_DB", str(base / "store.duckdb"))
    monkeypatch.setenv("MIRRORTRADE_CACHE", str(base / "cache"))


@pytest.fixture(scope="session")
def embedded_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the embedded dataset; tests copy it when they need to write."""
    from mirrortrade.data import open_store

    path = tmp_path_factory.mktemp("embedded") / "embedded.duckdb"
    open_store(path).close()
    return path


@pytest.fixture(scope="module")
def embedded_store_copy(embedded_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the embedded store per test module (the store opens read-write)."""
    import shutil

    p = tmp_path_factory.mktemp("copy") / "store.duckdb"
    shutil.copy(embedded_store_path, p)
    return p


@pytest.fixture()
def store_file(embedded_store_path: Path, tmp_path: Path) -> Path:
    """The path of a writable copy of the embedded store, one per test."""
    import shutil

    p = tmp_path / "store.duckdb"
    shutil.copy(embedded_store_path, p)
    return p


@pytest.fixture()
def store(store_file: Path):  # type: ignore[no-untyped-def]
    """A writable copy of the embedded store, open."""
    from mirrortrade.data import open_store

    s = open_store(store_file)
    yield s
    s.close()


def seed_text(prefix: str) -> str:
    """The text of a seed article by its number prefix ('000' or '004')."""
    (path,) = sorted((TESTS_DATA / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")
