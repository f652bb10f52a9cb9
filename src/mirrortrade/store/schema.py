"""The store's schema: table columns, DDL of the compact observation tables, the ``observations`` view,
the ids DuckDB computes, and the numbered migrations. The store and the file staging both read it."""

from __future__ import annotations

from typing import Any

import duckdb

from mirrortrade.model import (
    APPROX_TOLERANCE,
    OBSERVATION,
)
from mirrortrade.store.files import _quote_literal

SCHEMA_VERSION = 5

#: observation columns in table order (after normalisation; see mirrortrade.store.staging)
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

_MIGRATIONS: dict[int, list[Any]] = {
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


#: Physical layout of observations (schema 4). A figure's row holds numbers and small integer ids only;
#: the text that repeats (country codes, periods, products, and a publication's citation columns) is
#: stored once in a dimension table. ``observations`` is a view with every column of :data:`OBS_COLUMNS`
#: (plus ``ingest_id``, ``ingested_at``), so readers never see the difference. Ids are the first 16 hex
#: digits of md5 (as before), kept as UBIGINT and shown as hex.
OBS_META_COLUMNS: tuple[str, ...] = (
    "flow", "qualifier", "valuation", "product_rev", "source_id", "publisher", "title", "pub_date", "url",
    "quote", "retrieved_at", "note",
)
OBS_STORAGE: tuple[str, ...] = ("obs_rows", "obs_codes", "obs_periods", "obs_products", "obs_meta")
_OBS_DDL = (
    "CREATE TABLE IF NOT EXISTS obs_codes (code_id USMALLINT NOT NULL, code VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS obs_periods (period_id INTEGER NOT NULL, period VARCHAR NOT NULL,
        period_kind VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, n_months INTEGER NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS obs_products (product_id INTEGER NOT NULL, product VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS obs_meta (meta_id INTEGER NOT NULL, flow VARCHAR NOT NULL, qualifier VARCHAR NOT NULL,
        valuation VARCHAR NOT NULL, product_rev VARCHAR, source_id VARCHAR NOT NULL, publisher VARCHAR, title VARCHAR,
        pub_date VARCHAR, url VARCHAR, quote VARCHAR, retrieved_at VARCHAR, note VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS obs_rows (fid UBIGINT NOT NULL, kid UBIGINT NOT NULL,
        reporter_id USMALLINT NOT NULL, partner_id USMALLINT NOT NULL, period_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL, value_usd DOUBLE, precision_usd DOUBLE, growth_pct DOUBLE,
        growth_precision DOUBLE, meta_id INTEGER NOT NULL, vintage DATE NOT NULL, ingest_id INTEGER NOT NULL)""",
)
#: the interval a published figure allows, from its value, precision and qualifier (model.value_interval; a
#: flow that cannot be negative stops at 0, as ``Observation.interval``)
_SIGNED = ", ".join(_quote_literal(f) for f in OBSERVATION.value.signed_flows)
_LOW_AS_PRINTED = f"""CASE m.qualifier
      WHEN 'exact' THEN o.value_usd - o.precision_usd / 2
      WHEN 'approx' THEN o.value_usd - abs(o.value_usd) * {APPROX_TOLERANCE} - o.precision_usd / 2
      WHEN 'upper' THEN CASE WHEN o.value_usd >= 0 THEN 0.0 ELSE '-inf'::DOUBLE END
      WHEN 'lower' THEN o.value_usd
      WHEN 'near_upper' THEN o.value_usd - abs(o.value_usd) * {APPROX_TOLERANCE} - o.precision_usd / 2
      WHEN 'near_lower' THEN o.value_usd END"""
_LOW = f"""CASE WHEN o.value_usd >= 0 AND m.flow NOT IN ({_SIGNED}) THEN greatest({_LOW_AS_PRINTED}, 0.0)
      ELSE {_LOW_AS_PRINTED} END"""
_HIGH = f"""CASE m.qualifier
      WHEN 'exact' THEN o.value_usd + o.precision_usd / 2
      WHEN 'approx' THEN o.value_usd + abs(o.value_usd) * {APPROX_TOLERANCE} + o.precision_usd / 2
      WHEN 'upper' THEN o.value_usd
      WHEN 'lower' THEN 'inf'::DOUBLE
      WHEN 'near_upper' THEN o.value_usd
      WHEN 'near_lower' THEN o.value_usd + abs(o.value_usd) * {APPROX_TOLERANCE} + o.precision_usd / 2 END"""
_OBS_VIEW = f"""CREATE OR REPLACE VIEW observations AS
    SELECT printf('%016x', o.fid) AS figure_id, printf('%016x', o.kid) AS key_id, r.code AS reporter,
        p.code AS partner, m.flow, pe.period, pe.period_kind, pe.period_start, pe.period_end, pe.n_months,
        pr.product, m.product_rev, o.value_usd, {_LOW} AS value_low, {_HIGH} AS value_high, o.precision_usd,
        m.qualifier, m.valuation, o.growth_pct, o.growth_precision, m.source_id, m.publisher, m.title,
        m.pub_date, m.url, m.quote, o.vintage, m.retrieved_at, m.note, o.ingest_id, i.ingested_at
    FROM obs_rows o
    JOIN obs_codes r ON r.code_id = o.reporter_id JOIN obs_codes p ON p.code_id = o.partner_id
    JOIN obs_periods pe ON pe.period_id = o.period_id JOIN obs_products pr ON pr.product_id = o.product_id
    JOIN obs_meta m ON m.meta_id = o.meta_id JOIN ingests i ON i.ingest_id = o.ingest_id"""
#: one 64-bit hash of a row's citation columns, to find its obs_meta row (only within one ingest)
_META_HASH = "hash(" + ", ".join(f"k.{c}" for c in OBS_META_COLUMNS) + ")"
_META_SAME = " AND ".join(f"o.{c} IS NOT DISTINCT FROM m.{c}" for c in OBS_META_COLUMNS)


def _write_dimensions(con: duckdb.DuckDBPyConnection) -> None:
    """Add the codes, periods, products and citations of the staged rows (``_normv``, ``_periods``) that
    the dimension tables do not hold yet, and map each staged citation hash to its ``meta_id`` (``_meta_map``)."""
    con.execute(
        """INSERT INTO obs_codes
        SELECT ((SELECT coalesce(max(code_id), 0) FROM obs_codes) + row_number() OVER (ORDER BY code))::USMALLINT, code
        FROM (SELECT reporter AS code FROM _normv UNION SELECT partner FROM _normv)
        WHERE code NOT IN (SELECT code FROM obs_codes)"""
    )
    con.execute(
        """INSERT INTO obs_periods
        SELECT (SELECT coalesce(max(period_id), 0) FROM obs_periods) + row_number() OVER (ORDER BY period), *
        FROM (SELECT DISTINCT period, period_kind, period_start, period_end, n_months FROM _periods)
        WHERE period NOT IN (SELECT period FROM obs_periods)"""
    )
    con.execute(
        """INSERT INTO obs_products
        SELECT (SELECT coalesce(max(product_id), 0) FROM obs_products) + row_number() OVER (ORDER BY product), product
        FROM (SELECT DISTINCT product FROM _normv) WHERE product NOT IN (SELECT product FROM obs_products)"""
    )
    cols = ", ".join(OBS_META_COLUMNS)
    con.execute(
        f"""CREATE TEMP TABLE _meta_map AS
        WITH m AS (SELECT DISTINCT ON (meta_h) {_META_HASH} AS meta_h, {cols} FROM _normv AS k)
        SELECT m.*, o.meta_id AS old_id,
            coalesce(o.meta_id, (SELECT coalesce(max(meta_id), 0) FROM obs_meta)
                     + row_number() OVER (PARTITION BY o.meta_id IS NULL ORDER BY m.meta_h)) AS meta_id
        FROM m LEFT JOIN obs_meta o ON {_META_SAME}"""
    )
    con.execute(f"INSERT INTO obs_meta SELECT meta_id, {cols} FROM _meta_map WHERE old_id IS NULL")


def _md5_low(text_sql: str) -> str:
    """The first 8 bytes of ``md5(text)``, read little-endian (as md5_number does): :func:`_bswap` makes
    it the id (``printf('%016x', id)`` is ``md5(text)[:16]``, as :func:`mirrortrade.model.key_id` computes)."""
    return f"(md5_number({text_sql}) & 18446744073709551615::UHUGEINT)::UBIGINT"


def _bswap(col: str) -> str:
    """SQL reversing the byte order of a UBIGINT column (cheaper than formatting and parsing hex)."""
    parts = [f"(({col} & {255 << (8 * i)}::UBIGINT) << {56 - 16 * i})" for i in range(4)]
    parts += [f"(({col} >> {16 * i - 56}) & {255 << (8 * (7 - i))}::UBIGINT)" for i in range(4, 8)]
    return "(" + " | ".join(parts) + ")"


_KEY_TEXT = "concat_ws('|', k.source_id, k.publisher, k.title, k.reporter, k.partner, k.flow, k.period, k.product)"
_FIGURE_TEXT = ("concat_ws('|', printf('%016x', k.kid), coalesce(CAST(k.value_usd AS VARCHAR), ''), "
                "coalesce(CAST(k.growth_pct AS VARCHAR), ''), CAST(k.precision_usd AS VARCHAR), k.qualifier, "
                "CAST(k.vintage AS VARCHAR))")


def id_ctes(source: str) -> str:
    """CTEs over ``source`` (a relation with the normalised columns) ending in ``k``: its rows plus ``kid`` and
    ``fid``, the key and figure ids, one md5 each (in its own CTE column: the byte swap reads it 8 times)."""
    return (f"k0 AS (SELECT {_md5_low(_KEY_TEXT)} AS kid_le, * FROM {source} AS k), "
            f"k1 AS (SELECT {_bswap('kid_le')} AS kid, * FROM k0), "
            f"k2 AS (SELECT {_md5_low(_FIGURE_TEXT)} AS fid_le, * FROM k1 AS k), "
            f"k AS (SELECT {_bswap('fid_le')} AS fid, * FROM k2)")


def _stage_rows(con: duckdb.DuckDBPyConnection, *, ids: str = "md5", ingest_id: bool = False) -> None:
    """``_stage``: the staged rows as obs_rows will hold them (ids computed, dimension ids joined).

    ``ids="md5"`` computes key and figure ids from the columns; ``ids="stored"`` takes the hex ids the
    rows carry (``key_id``, ``figure_id``: the schema-3 migration)."""
    if ids == "md5":
        ctes = id_ctes("_normv")
    else:
        ctes = ("k AS (SELECT ('0x' || k.key_id)::UBIGINT AS kid, ('0x' || k.figure_id)::UBIGINT AS fid, * "
                "FROM _normv AS k)")
    con.execute(
        f"""CREATE TEMP TABLE _stage AS
        WITH {ctes}
        SELECT k._row, k.kid, k.fid,
            r.code_id AS reporter_id, p.code_id AS partner_id, pe.period_id, pr.product_id, k.value_usd,
            k.precision_usd, k.growth_pct, k.growth_precision, mm.meta_id, k.vintage
            {', k.ingest_id' if ingest_id else ''}
        FROM k JOIN obs_codes r ON r.code = k.reporter JOIN obs_codes p ON p.code = k.partner
        JOIN obs_periods pe ON pe.period = k.period JOIN obs_products pr ON pr.product = k.product
        JOIN _meta_map mm ON mm.meta_h = {_META_HASH}"""
    )


_ROW_COLUMNS = ("fid, kid, reporter_id, partner_id, period_id, product_id, value_usd, precision_usd, growth_pct, "
                "growth_precision, meta_id, vintage")


def _drop_obs_temp(con: duckdb.DuckDBPyConnection) -> None:
    for t in ("_stage", "_meta_map"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    drop_staging(con)


def _migrate_v4(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 4: observations move to the compact layout (obs_* tables + the ``observations`` view).
    Stored figures keep their ids, values, vintages and ingest ids."""
    old = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' "
        "AND table_name = 'observations'"
    ).fetchone()[0]
    for sql in _OBS_DDL:
        con.execute(sql)
    if old:
        con.execute("ALTER TABLE observations RENAME TO _observations_v3")
        drop_staging(con)
        con.execute("CREATE TEMP VIEW _normv AS SELECT row_number() OVER () AS _row, * FROM _observations_v3")
        con.execute("CREATE TEMP TABLE _periods AS SELECT DISTINCT period, period_kind, period_start, period_end, "
                    "n_months FROM _observations_v3")
        try:
            _write_dimensions(con)
            _stage_rows(con, ids="stored", ingest_id=True)
            con.execute(f"INSERT INTO obs_rows SELECT {_ROW_COLUMNS}, ingest_id FROM _stage")
        finally:
            _drop_obs_temp(con)
        con.execute("DROP TABLE _observations_v3")
    create_observations_view(con)


def create_observations_view(con: duckdb.DuckDBPyConnection) -> None:
    """The ``observations`` view over the obs_* tables (in a store, or in a snapshot holding copies of them)."""
    con.execute(_OBS_VIEW)


_MIGRATIONS[4] = [_migrate_v4]
#: Schema 5: intervals of non-negative statistics stop at 0 (model.value_interval's ``nonnegative``): the view
#: is rebuilt with the clamp, stored indicator and event low ends below 0 of a non-negative value are raised to 0
_MIGRATIONS[5] = [
    create_observations_view,
    "UPDATE indicators SET value_low = 0.0 WHERE value_low < 0 AND value >= 0",
    "UPDATE events SET amount_low = 0.0 WHERE amount_low < 0 AND amount_usd >= 0",
]


#: temp objects the staging creates (views, then tables), dropped by :func:`drop_staging`
_TEMP_VIEWS = ("_normv", "_raw")
_TEMP_TABLES = ("_raw_t", "_periods")


def drop_staging(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the temp views and tables of a staging (after an ingest, or before the next one)."""
    for v in _TEMP_VIEWS:
        con.execute(f"DROP VIEW IF EXISTS {v}")
    for t in _TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {t}")
