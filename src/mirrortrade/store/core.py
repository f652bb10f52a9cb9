"""The DuckDB store: one file, versioned schema, transactional ingest, vintages, queries.

Promises (see docs/RELIABILITY.md):

* an ingest is one transaction: a bad row anywhere means nothing is written, and the error
  names file, row and column;
* the same figure ingested twice is one figure (idempotent);
* a changed value for the same key (source + publication + reporter/partner/flow/period/product)
  is a new vintage; old vintages stay queryable with ``as_of=``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from mirrortrade.errors import (
    IngestError,
    MirrortradeError,
    StoreError,
)
from mirrortrade.model import (
    Indicator,
    NewsItem,
    Observation,
    user_path,
)
from mirrortrade.store.files import raw_file_sql
from mirrortrade.store.ingest import (
    IngestResult,
    RemoveResult,
    UnknownBatchError,
    _check_exported_ids,
    _conflict_error,
    _record_ingest,
    _sha256_of,
)
from mirrortrade.store.schema import (
    _MIGRATIONS,
    _ROW_COLUMNS,
    EVENT_COLUMNS,
    IND_COLUMNS,
    OBS_STORAGE,
    SCHEMA_VERSION,
    _drop_obs_temp,
    _stage_rows,
    _write_dimensions,
)
from mirrortrade.store.staging import indicators_frame, observations_rows, stage_observations

#: filters and order of :meth:`Store.observations`
_OBS_FILTERS = ("reporter", "partner", "flow", "period", "source_id", "product", "figure_id")
_OBS_ORDER = "reporter, partner, flow, period_start, period_end, source_id, publisher, vintage, product, figure_id"


def default_db_path() -> Path:
    """``$MIRRORTRADE_DB`` if set, else ``mirrortrade.duckdb`` in the user data dir."""

    return user_path("MIRRORTRADE_DB", "data", "mirrortrade.duckdb")


class Store:
    """A mirrortrade DuckDB file. :func:`mirrortrade.data.open_store` gives one with the embedded data loaded."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        #: the batch being written (:meth:`batch`), else None
        self._batch: dict[str, Any] | None = None
        if str(self.path) != ":memory:":
            if read_only and not self.path.exists():
                raise StoreError(f"store {self.path} does not exist (run `mirrortrade init`)")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        import time

        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                self.con = duckdb.connect(str(self.path), read_only=read_only)
                self.con.execute("SET enable_progress_bar = false")
                break
            except duckdb.IOException as e:
                msg = str(e).splitlines()[0]
                if "lock" in msg.lower():
                    if time.monotonic() < deadline:
                        time.sleep(0.05)
                        continue
                    raise StoreError(
                        f"store {self.path} is in use by another process (another ingest or the dashboard); "
                        f"try again when it is done"
                    ) from None
                raise StoreError(f"cannot open store {self.path}: {msg}") from None
            except duckdb.Error as e:
                raise StoreError(f"cannot open store {self.path}: {str(e).splitlines()[0]}") from None
        if not read_only:
            self._migrate()
            self._recover()

    # ---- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this mirrortrade ({SCHEMA_VERSION})"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._atomic():
                for step in _MIGRATIONS[version]:
                    if callable(step):
                        step(self.con)
                    else:
                        self.con.execute(step)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )

    def _recover(self) -> None:
        """Drop figure rows whose ingest was never recorded. The ingest transaction writes both, but a
        process killed at the instant of its commit can leave DuckDB's WAL replaying the rows without the
        ``ingests`` row (seen once in ~40 SIGKILLs timed at the commit). Readers never see such rows (the
        ``observations`` view joins ``ingests``); removing them lets the same file be ingested again."""
        for table in ("obs_rows", "indicators", "events"):
            orphans = self.con.execute(
                f"SELECT count(*) FROM {table} WHERE ingest_id NOT IN (SELECT ingest_id FROM ingests)"
            ).fetchone()[0]
            if orphans:
                self.con.execute(f"DELETE FROM {table} WHERE ingest_id NOT IN (SELECT ingest_id FROM ingests)")

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def is_empty(self) -> bool:
        return self.con.execute("SELECT count(*) FROM observations").fetchone()[0] == 0

    # ---- ingest --------------------------------------------------------------------------
    def ingest_observations(
        self, observations: Iterable[Observation], *, file: str | None = None, kind: str = "records"
    ) -> IngestResult:
        """Ingest :class:`Observation` records in one transaction."""
        return self.ingest_frame(observations_rows(observations), file=file, kind=kind)

    def ingest_frame(
        self, df: pd.DataFrame, *, file: str | None = None, kind: str = "frame", check_units: bool = True
    ) -> IngestResult:
        """Validate a frame in the canonical columns (see ``model.CANONICAL_COLUMNS``) and ingest it."""
        return self._ingest_observations(
            lambda: stage_observations(self.con, df, file=file, check_units=check_units), file=file, kind=kind)

    def ingest_file(self, path: str | os.PathLike[str]) -> IngestResult:
        """Read a CSV/Parquet/Excel file in the canonical columns and ingest it atomically.

        Parquet and CSV are read and validated by DuckDB itself (no pandas round trip); Parquet is read in
        place, never copied."""
        self._writable()
        sql, df, delim = raw_file_sql(path)
        return self._ingest_observations(
            lambda: stage_observations(self.con, df, raw_sql=sql, file=str(path), csv_delimiter=delim),
            file=str(path), kind="file")

    def _ingest_observations(self, stage: Any, *, file: str | None, kind: str) -> IngestResult:
        """One transaction: validate and normalise (``stage()``), add new dimension values, compute ids,
        refuse two values for one figure, insert the figures the store does not hold yet."""
        self._writable()
        sha = _sha256_of(file)
        now = datetime.now(UTC).replace(tzinfo=None)
        con = self.con
        try:
            with self._transaction(file):
                n_input = stage()
                ingest_id = self._ingest_id()
                _write_dimensions(con)
                _stage_rows(con)
                n_staged = con.execute("SELECT count(*) FROM _stage").fetchone()[0]
                if n_staged != n_input:
                    raise IngestError(f"{file or 'input'}: {n_input} rows read but {n_staged} staged; store unchanged")
                _check_exported_ids(con, file)
                # one pass over (key, vintage): how many figures, exact repeats, two values for one figure
                n_figures, n_repeated, conflict = con.execute(
                    """SELECT count(*), count(*) FILTER (n > 1), min(r0) FILTER (f0 <> f1) FROM (
                        SELECT count(*) AS n, min(fid) AS f0, max(fid) AS f1, min(_row) AS r0 FROM _stage GROUP BY kid, vintage)"""
                ).fetchone()
                if conflict is not None:
                    raise _conflict_error(con, int(conflict), file)
                src = "(SELECT DISTINCT ON (fid) * FROM _stage)" if n_repeated else "_stage"
                new = f"{src} AS s ANTI JOIN obs_rows AS t ON s.fid = t.fid"
                added, new_vintages = con.execute(
                    f"SELECT count(*), count(*) FILTER (s.kid IN (SELECT kid FROM obs_rows)) FROM {new}"
                ).fetchone()
                if added:
                    con.execute(f"INSERT INTO obs_rows SELECT {_ROW_COLUMNS}, ? FROM {new}", [ingest_id])
                self._record(ingest_id, kind, "observations", file, sha, n_figures, added, new_vintages, now)
        finally:
            _drop_obs_temp(con)
        return IngestResult(int(ingest_id), int(n_figures), int(added), int(n_figures - added), int(new_vintages))

    def ingest_indicators(
        self, indicators: Iterable[Indicator], *, file: str | None = None, kind: str = "records"
    ) -> IngestResult:
        self._writable()
        self.con.register("_ind_in", indicators_frame(indicators))
        try:
            return self._ingest("indicators", "_ind_in", IND_COLUMNS, file=file, kind=kind)
        finally:
            self.con.unregister("_ind_in")

    def ingest_events(self, items: Iterable[NewsItem], *, file: str | None = None, kind: str = "records") -> IngestResult:
        """Ingest news items (idempotent on the source sentence and publication)."""
        rows = [i.to_row() for i in items]
        df = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
        df["vintage"] = pd.to_datetime(df["vintage"]).dt.date
        self._writable()
        cols = ", ".join(EVENT_COLUMNS)
        now = datetime.now(UTC).replace(tzinfo=None)
        con = self.con
        con.register("_events_in", df)
        try:
            with self._transaction(file):
                ingest_id = self._ingest_id()
                added = con.execute(
                    "SELECT count(DISTINCT event_id) FROM _events_in WHERE event_id NOT IN (SELECT event_id FROM events)"
                ).fetchone()[0]
                con.execute(
                    f"""INSERT INTO events ({cols}, ingest_id, ingested_at)
                    SELECT DISTINCT ON (event_id) {cols}, ?, ? FROM _events_in
                    WHERE event_id NOT IN (SELECT event_id FROM events)""",
                    [ingest_id, now],
                )
                self._record(ingest_id, kind, "events", file, _sha256_of(file), len(df), added, 0, now)
        finally:
            con.unregister("_events_in")
        return IngestResult(int(ingest_id), len(df), int(added), int(len(df) - added), 0, "events")

    def events(self, *, country: str | None = None, kind: str | Sequence[str] | None = None) -> pd.DataFrame:
        sql, params = "SELECT * FROM events", []
        where = []
        if country:
            where.append("list_contains(string_split(countries, ','), ?)")
            params.append(country)
        if kind:
            kinds = [kind] if isinstance(kind, str) else list(kind)
            where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
            params.extend(kinds)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self.con.execute(sql + " ORDER BY ingest_id, rowid", params).df()

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back on any error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    @contextmanager
    def _transaction(self, file: str | None) -> Iterator[None]:
        """One ingest transaction (:meth:`_atomic`); a DuckDB error becomes one :class:`IngestError` line
        saying the store is unchanged. Inside :meth:`batch` the batch's transaction is used."""
        if self._batch is not None:
            yield
            return
        try:
            with self._atomic():
                yield
        except duckdb.Error as e:
            raise IngestError(f"{file or 'input'}: ingest failed, store unchanged: {str(e).splitlines()[0]}") from None

    def _ingest_id(self) -> int:
        """The id of the ingest being written: the batch's, or the next unused one (never one a removed batch had)."""
        if self._batch is not None:
            return int(self._batch["id"])
        return int(self.con.execute(
            "SELECT greatest(coalesce(max(ingest_id), 0), "
            "coalesce((SELECT TRY_CAST(value AS INTEGER) FROM meta WHERE key = 'last_removed_batch'), 0)) + 1 "
            "FROM ingests").fetchone()[0])

    def _record(self, ingest_id: int, kind: str, table: str, file: str | None, sha: str | None, rows: int,
                added: int, new_vintages: int, now: datetime) -> None:
        """Record one ingest in ``ingests``; inside :meth:`batch`, add its counts to the batch's one record."""
        if self._batch is None:
            _record_ingest(self.con, ingest_id, f"{kind}:{table}", file, sha, rows, added, new_vintages, now)
            return
        b = self._batch
        b["tables"].append(table)
        b["rows"] += int(rows)
        b["added"] += int(added)
        b["new_vintages"] += int(new_vintages)

    @contextmanager
    def batch(self, *, file: str | None, kind: str) -> Iterator[int]:
        """Several ingests as one batch (an article's figures, indicators and news items): one transaction and
        one batch id, so they are all written or none is, and ``remove`` takes them out together. Yields the id."""
        self._writable()
        if self._batch is not None:
            raise StoreError("batches do not nest")
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            with self._transaction(file):
                self._batch = {"id": self._ingest_id(), "tables": [], "rows": 0, "added": 0, "new_vintages": 0}
                try:
                    yield int(self._batch["id"])
                    b = self._batch
                finally:
                    self._batch = None
                if b["tables"]:
                    _record_ingest(self.con, b["id"], f"{kind}:{'+'.join(b['tables'])}", file, _sha256_of(file),
                                   b["rows"], b["added"], b["new_vintages"], now)
        finally:
            self._batch = None

    # ---- batches: list and undo ----------------------------------------------------------
    def batches(self) -> pd.DataFrame:
        """Every ingest still in the store, as a batch: id, when, kind, file or source, rows read, figures added
        (and still held: a batch's figures are the ones it added), new vintages."""
        return self.con.execute(
            """SELECT i.ingest_id AS batch, i.ingested_at AS "when", i.kind, i.file, i.rows, i.added,
                   i.new_vintages,
                   coalesce(o.n, 0) + coalesce(d.n, 0) + coalesce(e.n, 0) AS held
            FROM ingests i
            LEFT JOIN (SELECT ingest_id, count(*) AS n FROM obs_rows GROUP BY ALL) o USING (ingest_id)
            LEFT JOIN (SELECT ingest_id, count(*) AS n FROM indicators GROUP BY ALL) d USING (ingest_id)
            LEFT JOIN (SELECT ingest_id, count(*) AS n FROM events GROUP BY ALL) e USING (ingest_id)
            ORDER BY i.ingest_id"""
        ).df()

    def remove_batch(self, batch_id: int) -> RemoveResult:
        """Take one batch out in one transaction: the figures, indicators and news items it added and its record.
        The derived tables (reconciliation, findings) were computed with them, so they are dropped in the same
        transaction (readers then say "not computed yet"; ``reconcile`` and ``flags`` compute them again).
        Its id is never given to a later batch."""
        self._writable()
        con = self.con
        row = con.execute("SELECT kind, file FROM ingests WHERE ingest_id = ?", [int(batch_id)]).fetchone()
        if row is None:
            raise UnknownBatchError(f"no batch {batch_id} in the store (`mirrortrade batches` lists them)")
        with self._atomic():
            counts = {}
            for table, what in (("obs_rows", "figures"), ("indicators", "indicators"), ("events", "news items")):
                counts[what] = int(con.execute(f"SELECT count(*) FROM {table} WHERE ingest_id = ?",
                                               [int(batch_id)]).fetchone()[0])
                con.execute(f"DELETE FROM {table} WHERE ingest_id = ?", [int(batch_id)])
            con.execute("DELETE FROM ingests WHERE ingest_id = ?", [int(batch_id)])
            last = con.execute("SELECT TRY_CAST(value AS INTEGER) FROM meta WHERE key = 'last_removed_batch'").fetchone()
            if last is None or last[0] is None or int(last[0]) < int(batch_id):
                con.execute("INSERT OR REPLACE INTO meta VALUES ('last_removed_batch', ?)", [str(int(batch_id))])
            dropped = self.derived_tables() if any(counts.values()) else []
            for name in dropped:
                con.execute(f"DROP TABLE {_ident(name)}")
        return RemoveResult(int(batch_id), str(row[0]), row[1], counts, dropped)

    def derived_tables(self) -> list[str]:
        """Tables computed from the figures (reconciliation results, findings): every table but the figures'."""
        keep = {"meta", "ingests", "indicators", "events", *OBS_STORAGE}
        names = [r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' "
            "AND NOT temporary ORDER BY table_name").fetchall()]
        return [n for n in names if n not in keep]

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")

    def _ingest(
        self, table: str, source: str, columns: Sequence[str], *, file: str | None, kind: str
    ) -> IngestResult:
        """Insert the figures of the relation ``source`` (a temp table or registered frame with ``columns``)
        that the store does not hold yet: one transaction, nothing written on any error."""
        self._writable()
        sha = _sha256_of(file)
        now = datetime.now(UTC).replace(tzinfo=None)
        cols = ", ".join(columns)
        con = self.con
        with self._transaction(file):
            ingest_id = self._ingest_id()
            # a figure id is new when no stored figure has it (ids include the vintage, so a value that
            # returns after a revision is a new vintage, and the current value stays current)
            new = (f"(SELECT DISTINCT ON (figure_id) * FROM {source}) AS s "
                   f"ANTI JOIN {table} AS t ON s.figure_id = t.figure_id")
            rows = con.execute(f"SELECT count(DISTINCT figure_id) FROM {source}").fetchone()[0]
            added, new_vintages = con.execute(
                f"SELECT count(*), count(*) FILTER (s.key_id IN (SELECT key_id FROM {table})) FROM {new}"
            ).fetchone()
            if added:
                con.execute(
                    f"INSERT INTO {table} ({cols}, ingest_id, ingested_at) SELECT {cols}, ?, ? FROM {new}",
                    [ingest_id, now],
                )
            self._record(ingest_id, kind, table, file, sha, rows, added, new_vintages, now)
        return IngestResult(int(ingest_id), int(rows), int(added), int(rows - added), int(new_vintages), table)

    # ---- queries -------------------------------------------------------------------------
    def observations(
        self,
        *,
        reporter: str | Sequence[str] | None = None,
        partner: str | Sequence[str] | None = None,
        flow: str | Sequence[str] | None = None,
        period: str | Sequence[str] | None = None,
        source_id: str | Sequence[str] | None = None,
        product: str | Sequence[str] | None = None,
        figure_id: str | Sequence[str] | None = None,
        as_of: str | None = None,
        all_vintages: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Observations matching the filters: the latest vintage per key (as of ``as_of``)."""
        return self._query(
            "observations",
            dict(reporter=reporter, partner=partner, flow=flow, period=period, source_id=source_id,
                 product=product, figure_id=figure_id),
            as_of=as_of, all_vintages=all_vintages, limit=limit, offset=offset, order=_OBS_ORDER,
        )

    def observations_page(
        self, *, limit: int, offset: int = 0, as_of: str | None = None, all_vintages: bool = False,
        **filters: str | Sequence[str] | None,
    ) -> tuple[pd.DataFrame, int]:
        """One page of :meth:`observations` (same filters and order) and the number of matching rows;
        the page is cut in DuckDB, so a store of millions of rows is never read whole."""
        unknown = sorted(set(filters) - set(_OBS_FILTERS))
        if unknown:
            raise TypeError(f"observations_page() got unexpected filter(s) {', '.join(unknown)}")

        def page(lim: int, off: int) -> pd.DataFrame:
            return self._query("observations", filters, as_of=as_of, all_vintages=all_vintages, limit=lim,
                               offset=off, order=_OBS_ORDER, total=True)

        df = page(limit, offset)
        if len(df):
            total = int(df["_total"].iloc[0])
        else:  # past the end: the count comes from the first page
            first = page(1, 0) if offset else df
            total = int(first["_total"].iloc[0]) if len(first) else 0
        return df.drop(columns=["_total"]), total

    def indicators(
        self,
        *,
        country: str | Sequence[str] | None = None,
        partner: str | Sequence[str] | None = None,
        indicator: str | Sequence[str] | None = None,
        period: str | Sequence[str] | None = None,
        source_id: str | Sequence[str] | None = None,
        as_of: str | None = None,
        all_vintages: bool = False,
    ) -> pd.DataFrame:
        return self._query(
            "indicators",
            dict(country=country, partner=partner, indicator=indicator, period=period, source_id=source_id),
            as_of=as_of, all_vintages=all_vintages, limit=None, offset=0,
            order="country, partner, indicator, period_start, source_id, vintage",
        )

    def _query(
        self, table: str, filters: dict[str, Any], *, as_of: str | None, all_vintages: bool,
        limit: int | None, offset: int, order: str, total: bool = False,
    ) -> pd.DataFrame:
        """Rows of ``table`` matching ``filters``: the latest vintage of each key as of ``as_of``.

        Filters on key columns (all but ``figure_id``) select whole keys, so they apply before the
        latest-vintage window (a large store is not ranked in full for one country's figures); a
        ``figure_id`` filter applies after it (the figure must be its key's current value)."""
        inner, outer, params_in, params_out = [], [], [], []
        for col, val in filters.items():
            if val is None:
                continue
            vals = [val] if isinstance(val, str) else list(val)
            if not vals:
                continue
            cond = f"{col} IN ({', '.join('?' for _ in vals)})"
            if col == "figure_id" and not all_vintages:
                outer.append(cond)
                params_out.extend(str(v) for v in vals)
            else:
                inner.append(cond)
                params_in.extend(str(v) for v in vals)
        if as_of is not None:
            inner.insert(0, "vintage <= CAST(? AS DATE)")
            params_in.insert(0, str(as_of))
        sql = f"SELECT * FROM {table}"
        if inner:
            sql += " WHERE " + " AND ".join(inner)
        if not all_vintages:
            sql += " QUALIFY row_number() OVER (PARTITION BY key_id ORDER BY vintage DESC, ingested_at DESC, figure_id DESC) = 1"
        outer_sql = f"SELECT *{', count(*) OVER () AS _total' if total else ''} FROM ({sql}) AS t"
        if outer:
            outer_sql += " WHERE " + " AND ".join(outer)
        outer_sql += f" ORDER BY {order}"
        if limit is not None:
            outer_sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        try:
            return self.con.execute(outer_sql, params_in + params_out).df()
        except duckdb.ConversionException as e:
            raise MirrortradeError(f"bad query parameter: {str(e).splitlines()[0]}") from None

    def figure(self, figure_id: str) -> dict[str, Any] | None:
        """One observation or indicator row by figure id (any vintage)."""
        for table in ("observations", "indicators"):
            df = self.con.execute(f"SELECT * FROM {table} WHERE figure_id = ?", [figure_id]).df()
            if len(df):
                row = df.iloc[0].to_dict()
                row["table"] = table
                return row
        return None

    def count(self, table: str = "observations") -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {_ident(table)}").fetchone()[0])

    # ---- derived tables ------------------------------------------------------------------
    def replace_table(self, name: str, df: pd.DataFrame) -> None:
        """Atomically replace a derived table (pairs, estimates, findings...). Figures are never replaced."""
        if name in ("observations", "indicators", "events", "ingests", "meta", *OBS_STORAGE):
            raise StoreError(f"{name} holds figures and cannot be replaced")
        ident = _ident(name)
        with self._atomic():
            self.con.register("_derived", df)
            self.con.execute(f"CREATE OR REPLACE TABLE {ident} AS SELECT * FROM _derived")
            self.con.unregister("_derived")

    def has_table(self, name: str) -> bool:
        return bool(
            self.con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
            ).fetchone()[0]
        )

    def read_table(self, name: str) -> pd.DataFrame:
        if not self.has_table(name):
            raise StoreError(f"the store has no table {name!r} yet")
        return self.con.execute(f"SELECT * FROM {_ident(name)}").df()

    def ingests(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM ingests ORDER BY ingest_id").df()


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise StoreError(f"bad table name {name!r}")
    return f'"{name}"'
