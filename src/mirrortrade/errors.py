"""The few named errors mirrortrade raises. The CLI prints each as one line and exits non-zero."""

from __future__ import annotations


class MirrortradeError(Exception):
    """Base class: every error the library raises on bad input or a failed source."""

    exit_code = 2


class ParseError(MirrortradeError):
    """A value in an input could not be read. Names the file, row and column where known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = []
        if file:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column {column!r}")  # repr: a name with a line break stays one line
        super().__init__(f"{': '.join([', '.join(where), message]) if where else message}")


class PeriodError(ParseError):
    """A period string that names no real period ("2025-13", "2025-Q5")."""


class CodeError(ParseError):
    """An unknown or ambiguous country / flow / source code."""


class IngestError(MirrortradeError):
    """Ingest refused as a whole; the store is unchanged."""


class StoreError(MirrortradeError):
    """The store cannot be opened or is locked by another process."""


class SourceError(MirrortradeError):
    """A remote source failed (network, HTTP status, error body); nothing was ingested."""


class PeriodMismatch(MirrortradeError):
    """Two figures for periods that cannot be compared (a partial period against a full one)."""


class DuplicateError(MirrortradeError):
    """Two different values for the same key where one was expected."""
