"""``mirrortrade ingest-article`` and ``mirrortrade digest``: the monitor beyond trade totals."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import db_option, open_store_cli, parse_date_option, split_codes


def register(app: typer.Typer) -> None:
    @app.command("ingest-article")
    def ingest_article_cmd(
        files: list[str] = typer.Argument(..., help="Article text files (UTF-8); '-' reads standard input."),
        publisher: str | None = typer.Option(None, help="Who published the article (for the citation)."),
        title: str | None = typer.Option(None, help="Title (default: the first line of the text)."),
        url: str = typer.Option("", help="URL of the article."),
        article_date: str | None = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD)."),
        db: Path | None = db_option(),
    ) -> None:
        """Keep an article's trade figures, bilateral indicators and news items in the store, with citations."""
        from mirrortrade.claims.batch import read_input
        from mirrortrade.claims.ingest import ingest_article

        when = parse_date_option(article_date)
        texts = [(f, read_input(f)) for f in files]
        with open_store_cli(db) as store:
            for name, text in texts:
                res = ingest_article(store, text, name=name, publisher=publisher, title=title, url=url, article_date=when)
                typer.echo(f"{name}: {res.summary()}")

    @app.command()
    def digest(
        period: str = typer.Option("2025", help="The year to report on."),
        country: str | None = typer.Option(None, help="ISO3 codes, comma-separated (default: the five states)."),
        out: Path | None = typer.Option(None, "--out", help="digest.md or digest.html (default: Markdown to stdout)."),
        db: Path | None = db_option(),
    ) -> None:
        """A monitor page per country: trade from both sides with its flags, indicators and news, with citations."""
        from mirrortrade.errors import MirrortradeError
        from mirrortrade.model import Period, check_code
        from mirrortrade.report.digest import build_digest, render_html, render_markdown

        p = Period.parse(period)
        if not p.is_full_year:
            raise MirrortradeError(f"--period {period!r}: the digest covers a whole year (e.g. 2025)")
        codes = [check_code(c, field_name="country", allow_aggregate=False) for c in split_codes(country) or []] or None
        with open_store_cli(db) as store:
            d = build_digest(store, str(p), codes)
            if out is not None and out.suffix.lower() in (".html", ".htm"):
                out.write_text(render_html(d, store), encoding="utf-8")
            else:
                text = render_markdown(d)
                if out is None:
                    typer.echo(text, nl=False)
                else:
                    out.write_text(text, encoding="utf-8")
        if out is not None:
            typer.echo(f"wrote {out}")
