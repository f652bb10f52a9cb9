"""CLI command groups. Each module exposes ``register(app)``; imports stay cheap (typer only),
library code is imported inside the command functions so ``mirrortrade --help`` stays fast."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mirrortrade.store import Store

DB_HELP = "DuckDB store file (default: $MIRRORTRADE_DB or the user data dir)."


def db_option() -> Path | None:
    return typer.Option(None, "--db", help=DB_HELP, envvar="MIRRORTRADE_DB", show_default=False)


#: seconds a command waits for another process (an ingest, the dashboard's snapshot copy) to let go of the
#: store; ``MIRRORTRADE_LOCK_WAIT`` overrides it
LOCK_WAIT = 10.0


def open_store_cli(db: Path | None, *, read_only: bool = False) -> Store:
    import os

    from mirrortrade.data import open_store

    wait = float(os.environ.get("MIRRORTRADE_LOCK_WAIT", LOCK_WAIT))
    return open_store(db, read_only=read_only, wait=wait)


def split_codes(value: str | None) -> list[str] | None:
    """'KAZ, kgz' -> ['KAZ', 'KGZ']; None -> None."""
    if value is None:
        return None
    out = [v.strip().upper() for v in value.split(",") if v.strip()]
    return out or None


def check_codes(value: str | None, option: str) -> list[str] | None:
    """``split_codes`` with every code checked: an unknown code is a one-line error naming the option."""
    from mirrortrade.errors import MirrortradeError
    from mirrortrade.model import check_code

    out = []
    for c in split_codes(value) or []:
        try:
            out.append(check_code(c, field_name=option))
        except MirrortradeError:
            raise MirrortradeError(f"{option} {c!r} is not a known country code (ISO3, e.g. CHN, KAZ, KGZ)") from None
    return out or None


def parse_date_option(text: str | None, option: str = "--date") -> date | None:
    """'2026-01-20' -> date; None -> None; anything else is a ParseError naming the option."""
    if not text:
        return None
    from mirrortrade.errors import ParseError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParseError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None
