"""A private on-disk snapshot of the store for the dashboard, so the server never holds the DuckDB file.

An ingest in another process needs DuckDB's write lock on the file. The server therefore copies
every table into a DuckDB file of its own in a private temporary directory (opening the store
read-only only for the copy, which DuckDB runs under one shared lock, so the copy is one consistent
state) and serves from the copy through SQL queries: pages and API answers are filtered and paged
in DuckDB, whose buffer pool is capped at :data:`MEMORY_LIMIT`, so the server's memory does not grow
with the store (an in-memory copy took 2.6 GB at 5M rows). The snapshot file is opened read-only,
so the worker processes (:mod:`mirrortrade.report.web.pool`) open the same file at the same time.

When the store's size or modification time changes, the next request builds a new snapshot and
swaps it in with one assignment: a request sees the old state or the new one, never a mix. If the
store is locked by a writer or unreadable, the old snapshot keeps serving. The last
:data:`KEEP_FILES` snapshot files are kept (a request that started on the previous one finishes on
it); older ones are deleted, and the directory is removed by :meth:`SnapshotHolder.close`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from mirrortrade.errors import StoreError
from mirrortrade.store import OBS_STORAGE, Store, create_observations_view

#: results kept per snapshot (pages, findings, API answers by their parameters)
MAX_CACHED = 512
#: DuckDB buffer pool of one snapshot connection (the server's, and each worker's)
MEMORY_LIMIT = "1GB"
#: snapshot files kept on disk (the current one and the one before it)
KEEP_FILES = 2
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
    file: Path
    generation: int
    signature: tuple[int, int, int, int] | None
    loaded_at: float
    tables: tuple[str, ...]
    _cache: dict[Any, Any] = field(default_factory=dict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def peek(self, key: Any) -> tuple[bool, Any]:
        """``(True, value)`` when ``key`` is cached, else ``(False, None)``."""
        with self._cache_lock:
            if key in self._cache:
                return True, self._cache[key]
        return False, None

    def put(self, key: Any, value: Any) -> Any:
        """Keep ``value`` under ``key`` (unless :data:`MAX_CACHED` keys are kept already); the kept value."""
        with self._cache_lock:
            if len(self._cache) >= MAX_CACHED:
                return value
            return self._cache.setdefault(key, value)

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


def open_snapshot(file: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a snapshot file, its buffer pool capped at :data:`MEMORY_LIMIT`."""
    return duckdb.connect(str(file), read_only=True, config={"memory_limit": MEMORY_LIMIT})


def load_snapshot(path: Path, generation: int, file: Path) -> Snap:
    """Copy every table of the store file into the new snapshot file ``file`` and open it read-only."""
    sig = _signature(path)
    if sig is None:
        raise StoreError(f"store {path.name} does not exist (run `mirrortrade init`)")
    con = duckdb.connect(str(file), config={"memory_limit": MEMORY_LIMIT})
    try:
        con.execute(f"ATTACH {_quote_literal(str(path))} AS src (READ_ONLY)")
    except duckdb.Error as e:
        con.close()
        file.unlink(missing_ok=True)
        msg = str(e).splitlines()[0]
        if "lock" in msg.lower():
            raise StoreError(f"store {path.name} is locked by a writer; serving the previous snapshot") from None
        raise StoreError(f"cannot read store {path.name}: {msg}") from None
    try:
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
    except BaseException:
        con.close()
        file.unlink(missing_ok=True)
        raise
    con.execute("DETACH src")
    con.execute("CHECKPOINT")
    con.close()
    return Snap(con=open_snapshot(file), file=file, generation=generation, signature=sig, loaded_at=time.time(),
                tables=tuple(names))


class SnapshotHolder:
    """Holds the current snapshot of a store file and refreshes it when the file changes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._snap: Snap | None = None
        self._reload_lock = threading.Lock()
        self._last_check = 0.0
        self.last_error: str | None = None
        self.dir = Path(tempfile.mkdtemp(prefix="mirrortrade-snapshot-"))
        weakref.finalize(self, shutil.rmtree, self.dir, ignore_errors=True)  # at the latest when Python exits
        self._files: list[Path] = []
        self._generation = 0
        self.refresh(force=True)

    def close(self) -> None:
        """Remove the snapshot files (the connections of requests still running keep what they opened). A
        later request loads a new snapshot (an app may be started again, as in-process test clients do)."""
        with self._reload_lock:
            shutil.rmtree(self.dir, ignore_errors=True)
            self._files.clear()
            self._snap = None

    def refresh(self, *, force: bool = False) -> Snap | None:
        """Reload if the file changed (or ``force``). Never blocks a reader: if another thread is already
        reloading, the current snapshot is returned. A failed reload keeps the old snapshot."""
        force = force or self._snap is None  # none loaded (or closed): load one, waiting for a reload running
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
            gen = (snap.generation + 1) if snap is not None else self._generation + 1
            self.dir.mkdir(parents=True, exist_ok=True)
            try:
                new = load_snapshot(self.path, gen, self.dir / f"snapshot-{gen}.duckdb")
            except StoreError as e:
                self.last_error = str(e)
                return snap
            self._snap = new  # one assignment: readers get the old or the new snapshot
            self._generation = new.generation
            self.last_error = None
            self._files.append(new.file)
            while len(self._files) > KEEP_FILES:
                self._files.pop(0).unlink(missing_ok=True)  # open connections keep reading the unlinked file
            return new
        finally:
            self._reload_lock.release()

    def current(self) -> Snap:
        snap = self.refresh()
        if snap is None:
            raise StoreError(self.last_error or f"store {self.path.name} could not be read")
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
