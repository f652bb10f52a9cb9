"""``mirrortrade batches`` and ``mirrortrade remove``: every ingest is a batch with an id; one can be taken out."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import db_option, open_store_cli

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    @app.command("batches")
    def batches_cmd(
        fmt: str = typer.Option("table", "--format", help="table or json."),
        db: Path | None = db_option(),
    ) -> None:
        """List the ingests (batches) in the store: id, when, kind, file or source, rows read, figures added.

        Example: mirrortrade batches --format json
        """
        from mirrortrade.errors import MirrortradeError

        if fmt not in FORMATS:
            raise MirrortradeError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        with open_store_cli(db) as store:  # opened as every command opens it (an older store is migrated)
            df = store.batches()
        if fmt == "json":
            import json

            rows = [
                {"batch": int(r.batch), "when": r.when.isoformat(sep=" ", timespec="seconds"), "kind": r.kind,
                 "file": r.file, "rows": int(r.rows), "added": int(r.added), "new_vintages": int(r.new_vintages),
                 "held": int(r.held)}
                for r in df.itertuples()
            ]
            typer.echo(json.dumps({"batches": rows}, ensure_ascii=False, indent=1))
            return
        from rich.console import Console
        from rich.table import Table

        t = Table(title=f"{len(df)} batch{'es' if len(df) != 1 else ''} in the store")
        for col, justify in (("batch", "right"), ("when (UTC)", "left"), ("kind", "left"), ("file or source", "left"),
                             ("rows read", "right"), ("added", "right"), ("held now", "right")):
            t.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for r in df.itertuples():
            t.add_row(str(r.batch), r.when.isoformat(sep=" ", timespec="seconds"), r.kind, r.file or "",
                      f"{r.rows:,}", f"{r.added:,}", f"{r.held:,}")
        Console().print(t)

    @app.command("remove")
    def remove_cmd(
        batch: str = typer.Argument(..., help="Batch id, as `mirrortrade batches` lists it."),
        db: Path | None = db_option(),
    ) -> None:
        """Take one batch out of the store in one transaction: the figures it added, and the derived tables
        computed with them (run reconcile / flags again afterwards).

        Example: mirrortrade remove 7
        """
        from mirrortrade.errors import MirrortradeError

        if not batch.strip().isdigit():
            raise MirrortradeError(f"batch id must be a whole number, not {batch!r} (`mirrortrade batches` lists them)")
        with open_store_cli(db) as store:
            res = store.remove_batch(int(batch))
        typer.echo(res.summary())


def confirm_delete(path: Path) -> None:
    """Ask before ``init --force`` deletes a store; refuse (one line, exit 1) when nobody can answer."""
    import sys

    from mirrortrade.errors import MirrortradeError

    if not sys.stdin or not sys.stdin.isatty():
        err = MirrortradeError(f"init --force would delete {path} and every figure in it: add --yes to confirm")
        err.exit_code = 1
        raise err
    if not typer.confirm(f"Delete {path} and every figure in it?", default=False, err=True):
        typer.echo("store left as it was", err=True)
        raise typer.Exit(1)
