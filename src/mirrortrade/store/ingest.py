"""What an ingest or a removal did, and the helpers the ingest transaction uses (recording a batch,
refusing an edited export, naming a conflicting row)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from mirrortrade.errors import (
    DuplicateError,
    MirrortradeError,
    ParseError,
)
from mirrortrade.store.staging import is_export


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
            f"{self.rows} {'row' if self.rows == 1 else 'rows'} read: {self.added} added "
            f"({self.new_vintages} new {'vintage' if self.new_vintages == 1 else 'vintages'} of known figures), "
            f"{self.unchanged} already in the store"
        )


class UnknownBatchError(MirrortradeError):
    """``remove`` of a batch id the store does not hold."""

    exit_code = 1


@dataclass(frozen=True)
class RemoveResult:
    """What removing one batch did."""

    batch: int
    kind: str
    file: str | None
    removed: dict[str, int]
    dropped_tables: list[str]

    def summary(self) -> str:
        what = ", ".join(f"{n} {k}" for k, n in self.removed.items() if n) or "nothing (its figures were already stored)"
        text = f"removed batch {self.batch} ({self.kind}, {self.file or 'no file'}): {what}"
        if self.dropped_tables:
            text += (f"; dropped the derived tables computed with them ({', '.join(self.dropped_tables)}): "
                     "run mirrortrade reconcile / flags to compute them again")
        return text


def _record_ingest(
    con: duckdb.DuckDBPyConnection, ingest_id: int, kind: str, file: str | None, sha: str | None, rows: int,
    added: int, new_vintages: int, now: datetime,
) -> None:
    con.execute(
        "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [ingest_id, kind, file, sha, rows, added, rows - added, new_vintages, now],
    )


def _check_exported_ids(con: duckdb.DuckDBPyConnection, file: str | None) -> None:
    """An exported file (``mirrortrade export``) carries each figure's id: it must be the id of the row's values,
    so a figure restored from a backup is the same figure (an edited value with the old id is refused)."""
    cols = [r[0] for r in con.execute("DESCRIBE _raw").fetchall()]
    if not is_export(cols):
        return
    bad = con.execute(
        """SELECT s._row, r.figure_id FROM _stage s JOIN _raw r ON r._row = s._row
        WHERE lower(trim(CAST(r.figure_id AS VARCHAR))) IS DISTINCT FROM printf('%016x', s.fid)
        ORDER BY s._row LIMIT 1"""
    ).fetchone()
    if bad:
        raise ParseError(
            f"figure_id {bad[1]!r} is not the id of this row's values (an edited export? drop the figure_id and "
            "key_id columns to ingest the values as new figures)",
            file=file, row=int(bad[0]), column="figure_id",
        )


def _conflict_error(con: duckdb.DuckDBPyConnection, row: int, file: str | None) -> DuplicateError:
    """Two different values for one figure (same key and vintage) in one input: name both rows."""
    first, last = con.execute(
        """SELECT min(s._row), max(s._row) FROM _stage s
           JOIN (SELECT kid, vintage FROM _stage WHERE _row = ?) AS k ON s.kid = k.kid AND s.vintage = k.vintage""",
        [row],
    ).fetchone()
    rep, par, flow, period, source, vintage = con.execute(
        "SELECT reporter, partner, flow, period, source_id, vintage FROM _normv WHERE _row = ?", [row]
    ).fetchone()
    return DuplicateError(
        f"{file or 'input'}: rows {first} and {last}: two different values for the same figure "
        f"({source} {rep}->{par} {flow} {period}, vintage {vintage})"
    )




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
