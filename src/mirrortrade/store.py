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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from mirrortrade.errors import IngestError, MirrortradeError, StoreError
from mirrortrade.model import Indicator, NewsItem, Observation

SCHEMA_VERSION = 3

#: observation columns in table order (after normalisation; see mirrortrade.frames)
OBS_COLUMNS: tuple[str, ...] = (
    "figure_id", "key_id", "reporter", "partner", "flow", "period", "period_kind", "period_start",
    "period_end", "n_months", "product", "product_rev", "value_usd", "value_low", "value_high",
    "precision_usd", "qualifier", "valuation", "growth_pct", "growth_precision", "source_id",
    "publisher", "title", "pub_date", "url", "quote", "vintage", "retrieved_at", "note",
)

IND_COLUMNS: tuple[str, ...] = (
    "figure_id", "key_id", "country", "partner", "indicator", "period", "period_kind", "period_start",
    "period_end", "value", "value_low", "value_high", "precision", "qualifier", "unit", "source_id",
    "publisher", "title", "pub_date", "url", "quote", "vintage", "retrieved_at", "note",
)

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "kind", "countries", "date", "amount_usd", "amount_low", "amount_high", "amount_qualifier",
    "parties", "quote", "publisher", "title", "pub_date", "url", "vintage", "note",
)

_MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS observations (
            figure_id VARCHAR NOT NULL, key_id VARCHAR NOT NULL,
            reporter VARCHAR NOT NULL, partner VARCHAR NOT NULL, flow VARCHAR NOT NULL,
            period VARCHAR NOT NULL, period_kind VARCHAR NOT NULL, period_start DATE NOT NULL,
            period_end DATE NOT NULL, n_months INTEGER NOT NULL,
            product VARCHAR NOT NULL, product_rev VARCHAR,
            value_usd DOUBLE, value_low DOUBLE, value_high DOUBLE, precision_usd DOUBLE,
            qualifier VARCHAR NOT NULL, valuation VARCHAR NOT NULL,
            growth_pct DOUBLE, growth_precision DOUBLE,
            source_id VARCHAR NOT NULL, publisher VARCHAR, title VARCHAR, pub_date VARCHAR,
            url VARCHAR, quote VARCHAR, vintage DATE NOT NULL, retrieved_at VARCHAR,
            note VARCHAR, ingest_id INTEGER NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS ingests (
            ingest_id INTEGER PRIMARY KEY, kind VARCHAR, file VARCHAR, sha256 VARCHAR,
            rows INTEGER, added INTEGER, unchanged INTEGER, new_vintages INTEGER,
            ingested_at TIMESTAMP)""",
    ],
    2: [
        """CREATE TABLE IF NOT EXISTS indicators (
            figure_id VARCHAR NOT NULL, key_id VARCHAR NOT NULL,
            country VARCHAR NOT NULL, partner VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
            period VARCHAR NOT NULL, period_kind VARCHAR NOT NULL, period_start DATE NOT NULL,
            period_end DATE NOT NULL,
            value DOUBLE NOT NULL, value_low DOUBLE, value_high DOUBLE, precision DOUBLE,
            qualifier VARCHAR NOT NULL, unit VARCHAR NOT NULL, source_id VARCHAR NOT NULL,
            publisher VARCHAR, title VARCHAR, pub_date VARCHAR, url VARCHAR, quote VARCHAR,
            vintage DATE NOT NULL, retrieved_at VARCHAR, note VARCHAR,
            ingest_id INTEGER NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
    ],
    3: [
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, countries VARCHAR NOT NULL, date VARCHAR,
            amount_usd DOUBLE, amount_low DOUBLE, amount_high DOUBLE, amount_qualifier VARCHAR,
            parties VARCHAR, quote VARCHAR NOT NULL, publisher VARCHAR, title VARCHAR, pub_date VARCHAR,
            url VARCHAR, vintage DATE NOT NULL, note VARCHAR,
            ingest_id INTEGER NOT NULL, ingested_at TIMESTAMP NOT NULL)""",
    ],
}


def default_db_path() -> Path:
    """``$MIRRORTRADE_DB`` if set, else ``mirrortrade.duckdb`` in the user data dir."""
    from mirrortrade.model import user_path

    return user_path("MIRRORTRADE_DB", "data", "mirrortrade.duckdb")


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did."""

    ingest_id: int
    rows: int
    added: int
    unchanged: int
    new_vintages: int
    table: str = "observations"

    def summary(self) -> str:
        return (
            f"{self.rows} rows read: {self.added} added ({self.new_vintages} new vintages of known figures), "
            f"{self.unchanged} already in the store"
        )


class Store:
    """A mirrortrade DuckDB file. Use :func:`open_store` to get one with the embedded data loaded."""

    def __init__(
        self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
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
            self.con.execute("BEGIN TRANSACTION")
            try:
                for sql in _MIGRATIONS[version]:
                    self.con.execute(sql)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

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
        from mirrortrade.frames import observations_rows

        return self.ingest_frame(observations_rows(observations), file=file, kind=kind)

    def ingest_frame(
        self, df: pd.DataFrame, *, file: str | None = None, kind: str = "frame", check_units: bool = True
    ) -> IngestResult:
        """Validate a frame in the canonical columns (see ``model.CANONICAL_COLUMNS``) and ingest it."""
        from mirrortrade.frames import stage_observations

        self._writable()
        stage_observations(self.con, df, file=file, keep=True, check_units=check_units)
        return self._ingest("observations", "_norm", OBS_COLUMNS, file=file, kind=kind)

    def ingest_file(self, path: str | os.PathLike[str]) -> IngestResult:
        """Read a CSV/Parquet/Excel file in the canonical columns and ingest it atomically.

        Parquet and CSV are read and validated by DuckDB itself (no pandas round trip)."""
        from mirrortrade.frames import raw_file_sql, stage_observations

        self._writable()
        sql, df, delim = raw_file_sql(path)
        stage_observations(self.con, df, raw_sql=sql, file=str(path), keep=True, csv_delimiter=delim)
        return self._ingest("observations", "_norm", OBS_COLUMNS, file=str(path), kind="file")

    def ingest_indicators(
        self, indicators: Iterable[Indicator], *, file: str | None = None, kind: str = "records"
    ) -> IngestResult:
        from mirrortrade.frames import indicators_frame

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
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        cols = ", ".join(EVENT_COLUMNS)
        now = datetime.now(UTC).replace(tzinfo=None)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_events_in", df)
            ingest_id = con.execute("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests").fetchone()[0]
            added = con.execute(
                "SELECT count(DISTINCT event_id) FROM _events_in WHERE event_id NOT IN (SELECT event_id FROM events)"
            ).fetchone()[0]
            con.execute(
                f"""INSERT INTO events ({cols}, ingest_id, ingested_at)
                SELECT DISTINCT ON (event_id) {cols}, ?, ? FROM _events_in
                WHERE event_id NOT IN (SELECT event_id FROM events)""",
                [ingest_id, now],
            )
            con.execute(
                "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ingest_id, f"{kind}:events", file, _sha256_of(file), len(df), added, len(df) - added, 0, now],
            )
            con.unregister("_events_in")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
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
        con.execute("BEGIN TRANSACTION")
        try:
            ingest_id = con.execute("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests").fetchone()[0]
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
            con.execute(
                "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ingest_id, f"{kind}:{table}", file, sha, rows, added, rows - added, new_vintages, now],
            )
            con.execute("COMMIT")
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise IngestError(f"{file or 'input'}: ingest failed, store unchanged: {str(e).splitlines()[0]}") from None
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.execute("DROP TABLE IF EXISTS _norm")
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
            as_of=as_of, all_vintages=all_vintages, limit=limit, offset=offset,
            order="reporter, partner, flow, period_start, period_end, source_id, publisher, vintage",
        )

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
        limit: int | None, offset: int, order: str,
    ) -> pd.DataFrame:
        where, params = [], []
        for col, val in filters.items():
            if val is None:
                continue
            vals = [val] if isinstance(val, str) else list(val)
            if not vals:
                continue
            where.append(f"{col} IN ({', '.join('?' for _ in vals)})")
            params.extend(str(v) for v in vals)
        vint = []
        if as_of is not None:
            vint.append("vintage <= CAST(? AS DATE)")
        sql = f"SELECT * FROM {table}"
        if vint:
            sql += " WHERE " + " AND ".join(vint)
        if not all_vintages:
            sql += " QUALIFY row_number() OVER (PARTITION BY key_id ORDER BY vintage DESC, ingested_at DESC, figure_id DESC) = 1"
        outer = f"SELECT * FROM ({sql}) AS t"
        if where:
            outer += " WHERE " + " AND ".join(where)
        outer += f" ORDER BY {order}"
        if limit is not None:
            outer += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        all_params = ([str(as_of)] if as_of is not None else []) + params
        try:
            return self.con.execute(outer, all_params).df()
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
        if name in ("observations", "indicators", "events", "ingests", "meta"):
            raise StoreError(f"{name} holds figures and cannot be replaced")
        ident = _ident(name)
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("_derived", df)
            self.con.execute(f"CREATE OR REPLACE TABLE {ident} AS SELECT * FROM _derived")
            self.con.unregister("_derived")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

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


def _sha256_of(file: str | None) -> str | None:
    if not file:
        return None
    p = Path(file)
    if not p.is_file():
        return None
    import hashlib

    h = hashlib.sha256()
    with p.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0) -> Store:
    """Open the store; a new (empty) store is filled with the embedded dataset first.

    ``wait`` seconds are spent retrying while another process holds the file (serialised writers)."""
    store = Store(path, read_only=read_only, wait=wait)
    if not read_only and store.get_meta("embedded_loaded") is None:
        from mirrortrade.data import load_embedded

        load_embedded(store)
    return store
