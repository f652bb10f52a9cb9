"""``mirrortrade synth``: write a synthetic trade world with planted truth."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def synth(
        output: Path = typer.Option(..., "--output", "-o", help="Directory for declarations.parquet and truth/."),
        countries: int = typer.Option(40, "--countries", help="Number of countries (first N ISO3 codes)."),
        products: int = typer.Option(50, "--products", help="Number of products (HS6-like codes)."),
        years: int = typer.Option(3, "--years", help="Number of years (from 2015)."),
        seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same world."),
        rows: int | None = typer.Option(
            None, "--rows", help="Target number of declarations (default: 30% of the largest world for N, P, Y)."
        ),
        shape: str = typer.Option(
            "realistic", "--shape",
            help="realistic (sparse intermittent cells, missing declarations, thresholds, confidential products, "
            "heavy tails, re-exports through a hub) or dense (every cell in every year, both sides published).",
        ),
        activity: float = typer.Option(
            0.35, "--activity",
            help="Realistic shape: chance that a typical cell trades in a given year (lower: sparser, more "
            "one-year cells).",
        ),
        plant: bool = typer.Option(
            True, "--anomalies/--no-anomalies", help="Plant anomalies (off: a clean world, for false-alarm rates)."
        ),
        chunk_rows: int = typer.Option(1_000_000, "--chunk-rows", help="Rows per Parquet row group (bounds memory)."),
    ) -> None:
        """Synthetic declarations with known true flows, reporting noise, CIF margins and planted anomalies."""
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from mirrortrade.synth import SynthConfig, synthesize

        cfg = SynthConfig(
            countries=countries, products=products, years=years, seed=seed, rows=rows, shape=shape, plant=plant,
            activity=activity,
            chunk_rows=chunk_rows,
        )
        console = Console(stderr=True)
        with Progress(
            TextColumn("synth"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn(),
            console=console, transient=True, disable=not console.is_terminal,
        ) as bar:
            task = bar.add_task("synth", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            result = synthesize(output, cfg, progress=progress)
        typer.echo(result.summary())
