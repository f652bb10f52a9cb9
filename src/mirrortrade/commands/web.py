"""``mirrortrade serve`` (dashboard + REST API on localhost) and ``mirrortrade report`` (HTML / Excel)."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import db_option


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to bind (localhost by default; 0.0.0.0 exposes it)."),
        port: int = typer.Option(8000, help="TCP port."),
        workers: int = typer.Option(2, min=1, max=64, help="Worker processes for checks and uncached pages."),
        queue: int = typer.Option(8, min=0, max=1000, help="Requests that may wait for a worker (then 503)."),
        timeout: float = typer.Option(60.0, min=1.0, max=3600.0,
                                      help="Seconds one check or page may take before it is stopped (504)."),
        db: Path | None = db_option(),
    ) -> None:
        """The dashboard and REST API (/api/v1, /docs). Reads a private snapshot of the store, so an ingest
        in another process is never blocked; a changed store is picked up on the next request. Checks and
        uncached pages run in worker processes with a time limit; SIGTERM/Ctrl-C stop it within seconds.

        Example: mirrortrade serve --port 8000 --workers 2 --timeout 30"""
        from mirrortrade.data import open_store
        from mirrortrade.report.web.app import create_app, run_server, warm_up
        from mirrortrade.store import default_db_path

        path = Path(db) if db else default_db_path()
        if not path.exists():
            open_store(path).close()  # a new store starts with the embedded dataset, as everywhere else
        warm_up()
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(f"warning: binding {host} makes the dashboard reachable from other machines", err=True)
        typer.echo(f"mirrortrade dashboard on http://{host}:{port}/ (store {path}); Ctrl-C to stop")
        run_server(create_app(path, workers=workers, queue=queue, timeout=timeout), host, port)

    @app.command()
    def report(
        out: Path = typer.Option(Path("report.html"), "--out", help="Output file (.html or .xlsx)."),
        country: str | None = typer.Option(None, help="ISO3 of the country, e.g. KGZ."),
        partner: str | None = typer.Option(None, help="ISO3 of the partner, e.g. CHN."),
        years: str = typer.Option("2015-2025", help="Year window, e.g. 2015-2025."),
        fmt: str | None = typer.Option(None, "--format", help="html or xlsx (default: from --out's suffix)."),
        all_pairs: bool = typer.Option(False, "--all", help="China × each of the five Central Asian states."),
        db: Path | None = db_option(),
    ) -> None:
        """A report of a country pair (or --all): both sides over time with the reconciled estimate, the gap
        against the normal CIF band, trade as a share of GDP, findings, and every figure with its source.
        HTML is one self-contained file that opens offline."""
        from mirrortrade.data import open_store
        from mirrortrade.report.html import report_pairs, write_report
        from mirrortrade.report.pair import parse_years
        from mirrortrade.store import default_db_path

        pairs = report_pairs(country, partner, all_pairs)
        window = parse_years(years)
        path = Path(db) if db else default_db_path()
        # read-only; waits (up to 10 s) while an ingest in another process holds the file
        with open_store(path, read_only=path.exists(), wait=10.0) as store:
            path = write_report(store, out, pairs, window, fmt)
        typer.echo(f"wrote {path} ({', '.join(f'{c}×{p}' for c, p in pairs)}, {window[0]}–{window[1]})")
