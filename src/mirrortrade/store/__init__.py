"""The DuckDB store: one file, versioned schema, transactional ingest, vintages, queries.

Split by job: ``schema`` (columns, DDL, migrations, the ``observations`` view), ``files`` (reading a file
and checking it whole), ``staging`` (validating and normalising rows inside DuckDB), ``ingest`` (what an
ingest did, batch records), ``core`` (:class:`Store`: the ingest transaction and the queries).
"""

from mirrortrade.store.core import Store, default_db_path
from mirrortrade.store.ingest import IngestResult, RemoveResult, UnknownBatchError
from mirrortrade.store.schema import (
    _MIGRATIONS,
    EVENT_COLUMNS,
    IND_COLUMNS,
    OBS_COLUMNS,
    OBS_STORAGE,
    SCHEMA_VERSION,
    create_observations_view,
    id_ctes,
)

__all__ = [
    "EVENT_COLUMNS", "IND_COLUMNS", "OBS_COLUMNS", "OBS_STORAGE", "SCHEMA_VERSION", "_MIGRATIONS", "IngestResult",
    "RemoveResult", "Store", "UnknownBatchError", "create_observations_view", "default_db_path", "id_ctes",
]
