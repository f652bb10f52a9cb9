"""An in-memory snapshot of the store for the dashboard, so the server never holds the DuckDB file.

An ingest in another process needs DuckDB's write lock on the file. The server therefore copies
every table into an in-memory DuckDB database (opening the file read-only only for the copy,
which DuckDB runs under one shared lock, so the copy is one consistent state) and serves from
the copy. When the file's size or modification time changes, the next request builds a new
snapshot and swaps it in with one assignment: a request sees the old state or the new one,
never a mix. If the file is locked by a writer or unreadable, the old snapshot keeps serving.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from mirrortrade.errors import StoreError
from mirrortrade.store import Store

#: results kept per snapshot (pages, findings, API answers by their parameters)
MAX_CACHED = 512
#: seconds between two checks of the file's signature (a stat is cheap, but not free under load)
CHECK_INTERVAL = 0.25


def _signature(path: Path) -> tuple[int, int, int, int] | None:
    """(size, mtime_ns) of the file and of its write-ahead log; None when the file is missing."""
    try:
        st = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + ".wal")
    try:
        sw = wal.stat()
        w = (sw.st_size, sw.st_mtime_ns)
    except OSError:
        w = (0, 0)
    return (st.st_size, st.st_mtime_ns, *w)


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Snap:
    """One loaded state of the store."""

    con: duckdb.DuckDBPyConnection
    generation: int
    signature: tuple[int, int, int, int] | None
    loaded_at: float
    tables: tuple[str, ...]
    _cache: dict[Any, Any] = field(default_factory=dict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per snapshot and key (results derived from one state stay with it). At most
        :data:`MAX_CACHED` keys are kept per snapshot; beyond that results are computed every time."""
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]
        value = compute()
        with self._cache_lock:
            if len(self._cache) >= MAX_CACHED:
                return value
            return self._cache.setdefault(key, value)


def load_snapshot(path: Path, generation: int) -> Snap:
    """Copy every table of the store file into a new in-memory database."""
    sig = _signature(path)
    if sig is None:
        raise StoreError(f"store {path} does not exist (run `mirrortrade init`)")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH {_quote_literal(str(path))} AS src (READ_ONLY)")
    except duckdb.Error as e:
        con.close()
        msg = str(e).splitlines()[0]
        if "lock" in msg.lower():
            raise StoreError(f"store {path} is locked by a writer; serving the previous snapshot") from None
        raise StoreError(f"cannot read store {path}: {msg}") from None
    try:
        from mirrortrade.store import OBS_STORAGE, create_observations_view

        copied = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' AND schema_name = 'main' "
            "ORDER BY table_name").fetchall()]
        for n in copied:
            q = _quote_ident(n)
            con.execute(f"CREATE TABLE main.{q} AS SELECT * FROM src.main.{q}")
        # the compact figure tables are copied as they are (a fraction of the memory of the wide rows) and
        # the snapshot gets the same observations view over them
        names = [n for n in copied if n not in OBS_STORAGE]
        if "obs_rows" in copied:
            create_observations_view(con)
            names = sorted([*names, "observations"])
    finally:
        con.execute("DETACH src")
    return Snap(con=con, generation=generation, signature=sig, loaded_at=time.time(), tables=tuple(names))


class SnapshotHolder:
    """Holds the current snapshot of a store file and refreshes it when the file changes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._snap: Snap | None = None
        self._reload_lock = threading.Lock()
        self._last_check = 0.0
        self.last_error: str | None = None
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> Snap | None:
        """Reload if the file changed (or ``force``). Never blocks a reader: if another thread is already
        reloading, the current snapshot is returned. A failed reload keeps the old snapshot."""
        now = time.monotonic()
        if not force and now - self._last_check < CHECK_INTERVAL:
            return self._snap
        self._last_check = now
        snap = self._snap
        sig = _signature(self.path)
        if not force and snap is not None and sig == snap.signature:
            return snap
        if not self._reload_lock.acquire(blocking=force):
            return snap
        try:
            snap = self._snap
            if snap is not None and _signature(self.path) == snap.signature and not force:
                return snap
            gen = (snap.generation + 1) if snap is not None else 1
            try:
                new = load_snapshot(self.path, gen)
            except StoreError as e:
                self.last_error = str(e)
                return snap
            self._snap = new  # one assignment: readers get the old or the new snapshot
            self.last_error = None
            return new
        finally:
            self._reload_lock.release()

    def current(self) -> Snap:
        snap = self.refresh()
        if snap is None:
            raise StoreError(self.last_error or f"store {self.path} could not be read")
        return snap

    @contextmanager
    def store(self, snap: Snap | None = None) -> Iterator[Store]:
        """A read-only :class:`Store` over a cursor of the snapshot (one per request; cursors are safe to
        use from different threads at once)."""
        snap = snap or self.current()
        cur = snap.con.cursor()
        try:
            yield store_over(cur, self.path)
        finally:
            cur.close()


def store_over(con: duckdb.DuckDBPyConnection, path: Path) -> Store:
    """A :class:`Store` reading through ``con`` (no file is opened, no migration runs)."""
    store = Store.__new__(Store)
    store.path = path
    store.read_only = True
    store.con = con
    return store
