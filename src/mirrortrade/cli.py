"""The ``mirrortrade`` command: thin; parses arguments, calls the library, prints.

Library errors (:class:`mirrortrade.errors.MirrortradeError`) become one line on stderr and a
non-zero exit. Heavy libraries are imported inside commands so ``mirrortrade --help`` is fast.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from mirrortrade.commands import db_option, open_store_cli, split_codes


def _usage_line(e: UsageError) -> str:
    """A bad option or value as one line: what was wrong and where to look ('see mirrortrade show --help')."""
    msg = " ".join(e.format_message().split())
    cmd = e.ctx.command_path if e.ctx is not None else "mirrortrade"
    return f"error: {msg} (see {cmd} --help)"


class _Group(TyperGroup):
    """Turns library errors and bad options into one clear line and a non-zero exit, for every (sub)command."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise
        except UsageError as e:
            typer.echo(_usage_line(e), err=True)
            raise typer.Exit(2) from None

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from mirrortrade.errors import MirrortradeError

        try:
            return super().invoke(ctx)
        except MirrortradeError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(e.exit_code) from None
        except UsageError as e:
            typer.echo(_usage_line(e), err=True)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None


app = typer.Typer(
    cls=_Group,
    name="mirrortrade",
    help="Can these trade figures be trusted? Mirror statistics, reconciliation, checks and article claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

#: command modules under mirrortrade.commands, each with register(app)
COMMAND_MODULES = ("reconcile", "synth", "fetch", "checks", "claims", "web", "monitor", "bench", "batches")


def _version(value: bool) -> None:
    if value:
        from mirrortrade.report.html import package_version

        typer.echo(f"mirrortrade {package_version()}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Can these trade figures be trusted? Mirror statistics, reconciliation, checks and article claims."""


@app.command()
def init(
    db: Path | None = db_option(),
    force: bool = typer.Option(False, help="Delete the store first (asks for confirmation unless --yes)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="With --force: delete without asking."),
) -> None:
    """Create the store (or rebuild it with --force) and load the embedded dataset."""
    from mirrortrade.store import Store, default_db_path

    path = Path(db) if db else default_db_path()
    if force and path.exists() and not yes:
        from mirrortrade.commands.batches import confirm_delete

        confirm_delete(path)
    if force and path.exists():
        path.unlink()
        wal = path.with_name(path.name + ".wal")
        if wal.exists():
            wal.unlink()
    from mirrortrade.data import load_embedded

    with Store(path) as store:
        added = load_embedded(store)
        typer.echo(f"store {path}: " + ", ".join(f"{k} +{v}" for k, v in added.items()))


@app.command()
def demo(
    db: Path | None = db_option(),
    year: int = typer.Option(2025, help="Year to show."),
) -> None:
    """The seeds' story, offline: China's figures beside the Central Asian states' own, gaps, GDP shares."""
    from mirrortrade.report.demo import print_demo

    with open_store_cli(db) as store:
        print_demo(store, year)


@app.command()
def show(
    reporter: str | None = typer.Option(None, help="Reporter ISO3 codes, comma-separated."),
    partner: str | None = typer.Option(None, help="Partner ISO3 codes (WLD, CA5 too)."),
    flow: str | None = typer.Option(None, help="X, M, RX, RM, T, B (comma-separated)."),
    period: str | None = typer.Option(None, help="Periods, e.g. 2025 or 2025-H1 (comma-separated)."),
    source: str | None = typer.Option(None, help="Source ids, e.g. CN-GACC,UZ-STAT."),
    as_of: str | None = typer.Option(None, "--as-of", help="Show the vintages current on this date (YYYY-MM-DD)."),
    all_vintages: bool = typer.Option(False, "--all-vintages", help="Show every vintage, not only the latest."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json or parquet."),
    out: Path | None = typer.Option(None, "--out", help="Write to this file (required for parquet)."),
    limit: int | None = typer.Option(
        None, help="At most this many rows (default 100; 0 = every row, read a page at a time)."),
    show_all: bool = typer.Option(False, "--all", help="Every matching row (same as --limit 0)."),
    db: Path | None = db_option(),
) -> None:
    """List stored figures with their sources (latest vintage unless --as-of / --all-vintages); says
    "showing N of M" on stderr."""
    from mirrortrade.model import check_period
    from mirrortrade.report.tables import show_store

    periods = [check_period(p) for p in split_codes(period)] if period else None
    with open_store_cli(db) as store:
        show_store(
            store, fmt, out, limit=limit, show_all=show_all, reporter=split_codes(reporter),
            partner=split_codes(partner), flow=split_codes(flow), period=periods, source_id=split_codes(source),
            as_of=as_of, all_vintages=all_vintages,
        )


@app.command()
def ingest(
    files: list[Path] = typer.Argument(..., help="CSV, Parquet or Excel files in the canonical columns."),
    db: Path | None = db_option(),
) -> None:
    """Ingest files of trade figures (canonical columns, see README). Each file is all-or-nothing."""
    with open_store_cli(db) as store:
        for f in files:
            res = store.ingest_file(f)
            typer.echo(f"{f}: {res.summary()}")


@app.command()
def export(
    out: Path = typer.Argument(..., help="Output file."),
    fmt: str | None = typer.Option(None, "--format", help="csv, parquet or xlsx (default: from the file name)."),
    all_vintages: bool = typer.Option(False, "--all-vintages"),
    db: Path | None = db_option(),
) -> None:
    """Export every stored figure (and indicators) with its provenance."""
    from mirrortrade.report.tables import export_store

    with open_store_cli(db) as store:
        n = export_store(store, out, fmt, all_vintages=all_vintages)
    typer.echo(f"wrote {n} {'figure' if n == 1 else 'figures'} to {out}")


def _register_command_modules() -> None:
    for name in COMMAND_MODULES:
        modname = f"mirrortrade.commands.{name}"
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name == modname:
                continue
            raise
        mod.register(app)


_register_command_modules()

#: one example per command, shown at the end of its --help
EXAMPLES = {
    "init": "mirrortrade init --force --db /tmp/store.duckdb",
    "demo": "mirrortrade demo --year 2025",
    "show": "mirrortrade show --reporter CHN --partner KGZ --period 2025 --format csv --limit 0",
    "ingest": "mirrortrade ingest figures.csv",
    "export": "mirrortrade export backup.parquet --all-vintages",
    "reconcile": "mirrortrade reconcile --output out/   (or --input declarations.parquet --output out/)",
    "synth": "mirrortrade synth --help   (synthetic declarations with known true flows)",
    "ingest-national": "mirrortrade ingest-national kgz_trade.xlsx",
    "flags": "mirrortrade flags --country KGZ --severity medium --format json",
    "explain": "mirrortrade explain --reporter KGZ --partner CHN --year 2025",
    "check": "mirrortrade check article.txt --format json   (or: cat article.txt | mirrortrade check -)",
    "serve": "mirrortrade serve --port 8000",
    "report": "mirrortrade report --country KGZ --partner CHN --years 2015-2025 --out kgz.html",
    "ingest-article": "mirrortrade ingest-article article.txt --date 2026-01-20",
    "digest": "mirrortrade digest --period 2025 --out digest.md",
    "fetch": "mirrortrade fetch worldbank   (one subcommand per source: comtrade, imf, worldbank)",
}


def _add_examples() -> None:
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if not info.epilog:
            info.epilog = f"Example: {EXAMPLES.get(name, f'mirrortrade {name} --help')}"
    for group in app.registered_groups:
        if group.name and not group.epilog:
            group.epilog = f"Example: {EXAMPLES.get(group.name, f'mirrortrade {group.name} --help')}"


_add_examples()


def main() -> None:
    """Console-script entry point."""
    app(prog_name="mirrortrade")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
