"""``mirrortrade check``: the trade claims of news articles, extracted and verified."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import db_option, parse_date_option


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        files: list[str] = typer.Argument(..., help="Article text files (UTF-8); '-' reads standard input."),
        fmt: str = typer.Option("table", "--format", help="table or json ({\"claims\": [...], \"findings\": [...]})."),
        as_json: bool = typer.Option(False, "--json", hidden=True, help="Deprecated: --format json."),
        article_date: str | None = typer.Option(
            None, "--date", help="Publication date (YYYY-MM-DD): resolves 'last year' and the like."),
        no_store: bool = typer.Option(False, "--no-store", help="Check the articles only against each other."),
        db: Path | None = db_option(),
    ) -> None:
        """Extract every trade claim of one or more articles and say which hold, which conflict, and why.

        Several articles are checked together: each against the store and the claims of the others."""
        from mirrortrade.claims.batch import check_files
        from mirrortrade.errors import MirrortradeError

        if fmt not in ("table", "json"):
            raise MirrortradeError(f"--format must be table or json, not {fmt!r}")
        as_json = as_json or fmt == "json"
        when = parse_date_option(article_date)
        store = None
        if not no_store:
            from mirrortrade.commands import open_store_cli

            store = open_store_cli(db)
        try:
            results = check_files(files, store, article_date=when)
        finally:
            if store is not None:
                store.close()
        if as_json:
            import json

            payload = results[0][1] if len(results) == 1 else [{"file": name, **res} for name, res in results]
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=1, default=str))
            return
        from mirrortrade.report.claims_table import print_check

        for name, res in results:
            print_check(name, res)
