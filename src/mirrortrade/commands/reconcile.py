"""``mirrortrade reconcile``: mirror pairs, CIF/FOB, reliability, best estimates and findings."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import db_option


def register(app: typer.Typer) -> None:
    @app.command("reconcile")
    def reconcile_cmd(
        input: Path | None = typer.Option(
            None, "--input", help="CSV or Parquet of declarations: reporter, partner, flow (X|M), year, product, value (USD). "
            "Without it, the store is reconciled.", show_default=False,
        ),
        output: Path | None = typer.Option(
            None, "--output", help="Directory for estimates/reliability/findings.parquet "
            "(required with --input).", show_default=False,
        ),
        pairs: bool = typer.Option(
            False, "--pairs", help="Also write pairs.parquet to --output: both sides of every mirror pair with "
            "gap, ratio, log ratio and the CIF rate used (about as large as estimates.parquet).",
        ),
        backend: str = typer.Option("duckdb", "--backend", help="duckdb or spark."),
        on_duplicate: str = typer.Option(
            "error", "--on-duplicate", help="Different values for the same declaration: error, sum or last."
        ),
        spark_master: str | None = typer.Option(
            None, "--spark-master", help="Spark master URL (default local[2]).", show_default=False
        ),
        lenient: bool = typer.Option(
            False, "--lenient", help="With --input: drop declarations that break a rule (unknown code or flow, "
            "a value that is negative or not a number, no year) and say how many and why, instead of refusing "
            "the file.",
        ),
        db: Path | None = db_option(),
    ) -> None:
        """Reconcile both sides of each trade flow into best estimates with 90% intervals."""
        import warnings

        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from mirrortrade.errors import MirrortradeError
        from mirrortrade.reconcile.engine import BACKENDS, ON_DUPLICATE, STAGES, ReconcileWarning

        if backend not in BACKENDS:
            raise MirrortradeError(f"--backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
        if backend == "spark":
            try:
                import pyspark  # noqa: F401
            except ImportError:
                raise MirrortradeError(
                    'the spark backend needs PySpark, which is not installed: pip install -e ".[spark]"') from None
        if on_duplicate not in ON_DUPLICATE:
            raise MirrortradeError(f"--on-duplicate must be one of {', '.join(ON_DUPLICATE)}, not {on_duplicate!r}")
        if input is not None and output is None:
            raise MirrortradeError("--output DIR is required with --input")
        if pairs and output is None:
            raise MirrortradeError("--pairs writes pairs.parquet into --output DIR: give --output")
        if lenient and input is None:
            raise MirrortradeError("--lenient applies to --input FILE only (the store's figures are validated at ingest)")
        import tempfile

        workdir = tempfile.TemporaryDirectory(prefix="mirrortrade-reconcile-")
        checked = None
        if input is not None:
            # the whole file, with the rules of `ingest`, before anything is computed or written
            from mirrortrade.reconcile.validate import validate_declarations

            checked = validate_declarations(input, lenient=lenient, workdir=workdir.name)
            if checked.n_dropped:
                typer.echo(checked.summary(), err=True)
        console = Console(stderr=True)
        with (
            Progress(
                TextColumn("[bold]reconcile[/] {task.description:<14}"), BarColumn(), TimeElapsedColumn(),
                console=console, transient=True, disable=not console.is_terminal,
            ) as bar,
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore", ReconcileWarning)
            task = bar.add_task("", total=len(STAGES))

            def progress(stage: str, index: int, total: int) -> None:
                bar.update(task, completed=index, description=stage)

            if input is not None:
                from mirrortrade.reconcile import reconcile

                assert checked is not None
                assert output is not None
                # reconcile writes the files itself: the estimates' write overlaps the findings
                result = reconcile(
                    checked.path, backend=backend, on_duplicate=on_duplicate, spark_master=spark_master, progress=progress,
                    output=output, pairs=pairs,
                )
            else:
                from mirrortrade.commands import open_store_cli
                from mirrortrade.reconcile.store_input import reconcile_store

                store = open_store_cli(db)
                try:
                    result = reconcile_store(
                        store, backend=backend, on_duplicate=on_duplicate, spark_master=spark_master,
                        output=output, pairs=pairs, progress=progress,
                    )
                finally:
                    store.close()
            bar.update(task, completed=len(STAGES))
        workdir.cleanup()
        _print_summary(result, output, stored=input is None, pairs=pairs)


def _print_summary(result, output: Path | None, *, stored: bool, pairs: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table

    console = Console()
    s = result.summary
    for msg in result.warnings:
        console.print(f"[yellow]warning:[/] {msg}")
    t = Table(title=f"mirrortrade reconcile ({s['backend']})", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("declarations read", f"{s['rows']:,}")
    t.add_row("mirror pairs (exporter, importer, year, product)", f"{s['pairs']:,}")
    for method in ("both", "mirror_only", "exporter_only"):
        t.add_row(f"  estimates: {method}", f"{s['methods'].get(method, 0):,}")
    t.add_row("countries rated as exporter / importer", f"{s['countries_exporter']} / {s['countries_importer']}")
    for rule, n in sorted(s["rules"].items()):
        t.add_row(f"findings: {rule}", f"{n:,}")
    if not s["rules"]:
        t.add_row("findings", "0")
    t.add_row("seconds", f"{sum(s['timings'].values()):.2f}")
    console.print(t)
    rel = result.reliability
    measured = rel[rel["n_pairs"] > 0] if len(rel) else rel
    if len(measured):
        top = measured.sort_values("sigma").groupby("role").head(3)
        console.print(
            "most reliable reporters (σ of log reporting error): "
            + ", ".join(f"{r.country} as {r.role} {r.sigma:.2f}" for r in top.itertuples())
        )
    prior = rel[rel["n_pairs"] <= 0] if len(rel) else rel
    if len(prior):  # σ from the prior alone is not a measurement: named apart, never ranked
        console.print("prior only (no mirror pair to measure them): "
                      + ", ".join(f"{r.country} as {r.role}" for r in prior.itertuples()))
    where = []
    if stored:
        where.append("store tables pairs, reliability, estimates, findings_reconcile")
    if output is not None:
        files = ["estimates", "reliability", "findings", *(["pairs"] if pairs else [])]
        where.append(f"{output}/" + ", ".join(f"{f}.parquet" for f in files))
    console.print("written: " + "; ".join(where))
