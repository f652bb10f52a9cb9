"""``mirrortrade fetch comtrade|imf|worldbank ...`` and ``mirrortrade ingest-national FILE``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from mirrortrade.commands import db_option, open_store_cli, split_codes

CENTRAL_ASIA = "KAZ,KGZ,TJK,TKM,UZB"

fetch_app = typer.Typer(
    name="fetch", help="Fetch figures from UN Comtrade, the IMF (IMTS) or the World Bank into the store (cached).",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
)


def parse_years(text: str) -> list[int]:
    """'2015-2025' or '2019,2021' or '2023' -> years."""
    from mirrortrade.errors import PeriodError

    out: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        a, sep, b = part.partition("-")
        if not (a.strip().isdigit() and (not sep or b.strip().isdigit())):
            raise PeriodError(f"--years {text!r}: expected e.g. 2015-2025 or 2019,2021", column="years")
        lo, hi = int(a), int(b) if sep else int(a)
        if hi < lo or hi - lo > 100:
            raise PeriodError(f"--years {text!r}: bad range", column="years")
        out.extend(range(lo, hi + 1))
    if not out:
        raise PeriodError("--years is empty", column="years")
    return sorted(set(out))


def offline_option() -> Any:
    return typer.Option(False, help="Use cached responses only; say what is missing.")


def refresh_option() -> Any:
    return typer.Option(False, help="Ignore the cache and fetch again.")


def years_option() -> Any:
    return typer.Option(..., help="Years, e.g. 2015-2025.")


def _fetch_into_store(label: str, runner: Any, query: Any, *, offline: bool, refresh: bool, db: Path | None) -> None:
    """The body every ``fetch`` command shares: open the store and a fetcher, run with a progress bar, print."""
    from mirrortrade.sources.http import Fetcher

    with open_store_cli(db) as store, Fetcher(offline=offline, refresh=refresh) as f:
        s = _run(label, lambda p: runner(store, query, f, p))
    _print([s])


def _run(label: str, fn: Any) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as bar:
        task = bar.add_task(label, total=None)
        return fn((lambda n: bar.update(task, total=n), lambda _s: bar.advance(task)))


def _print(summaries: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="rows added per source and vintage")
    for c in ("source", "requests (cached/fetched)", "rows parsed", "added", "new vintages", "unchanged", "vintage"):
        t.add_column(c)
    for s in summaries:
        vint = ", ".join(f"{v} ({n})" for v, n in sorted(s.vintages.items()))
        r = s.result
        t.add_row(s.source_id, f"{s.requests} ({s.cached}/{s.fetched})", str(s.rows), str(r.added), str(r.new_vintages),
                  str(r.unchanged), vint or "-")
    con = Console(width=200 if not Console().is_terminal else None)
    con.print(t)
    for s in summaries:
        for n in s.notes:
            con.print(f"note ({s.source_id}): {n}", highlight=False, soft_wrap=True)


@fetch_app.command("comtrade")
def fetch_comtrade(
    reporter: str = typer.Option(..., help="Reporter(s), ISO3, comma-separated, e.g. CHN."),
    partner: str = typer.Option("WLD", help=f"Partner(s), ISO3 or WLD, e.g. {CENTRAL_ASIA}."),
    years: str = years_option(),
    freq: str = typer.Option("A", help="A (annual) or M (monthly)."),
    hs: int | None = typer.Option(None, help="HS detail level 2, 4 or 6 (default: TOTAL only)."),
    flows: str = typer.Option("X,M,RX,RM", help="Flows: X, M, RX, RM."),
    offline: bool = offline_option(),
    refresh: bool = refresh_option(),
    db: Path | None = db_option(),
) -> None:
    """UN Comtrade (data API v1 with COMTRADE_API_KEY, else the public preview endpoint)."""
    from mirrortrade.sources import comtrade
    from mirrortrade.sources.run import run_comtrade

    q = comtrade.ComtradeQuery(
        reporters=tuple(split_codes(reporter) or ()), partners=tuple(split_codes(partner) or ("WLD",)),
        years=tuple(parse_years(years)), freq=freq.upper(), hs=hs, flows=tuple(split_codes(flows) or ()),
        api_key=comtrade.api_key(),
    )
    comtrade.check(q)
    _fetch_into_store("UN Comtrade", run_comtrade, q, offline=offline, refresh=refresh, db=db)


@fetch_app.command("imf")
def fetch_imf(
    country: str = typer.Option(..., help="Reporting country(ies), ISO3, e.g. CHN."),
    partner: str = typer.Option("WLD", help=f"Partner(s): ISO3, WLD or EUU, e.g. {CENTRAL_ASIA}."),
    years: str = years_option(),
    freq: str = typer.Option("A", help="A, Q or M."),
    flows: str = typer.Option("X,M", help="X (exports FOB) and/or M (imports CIF)."),
    offline: bool = offline_option(),
    refresh: bool = refresh_option(),
    db: Path | None = db_option(),
) -> None:
    """IMF International Trade in Goods by partner (IMTS, SDMX 3.0)."""
    from mirrortrade.sources import imf
    from mirrortrade.sources.run import run_imf

    q = imf.check(imf.ImfQuery(
        countries=tuple(split_codes(country) or ()), partners=tuple(split_codes(partner) or ("WLD",)),
        years=tuple(parse_years(years)), freq=freq.upper(), flows=tuple(split_codes(flows) or ()),
    ))
    _fetch_into_store("IMF IMTS", run_imf, q, offline=offline, refresh=refresh, db=db)


@fetch_app.command("worldbank")
def fetch_worldbank(
    country: str = typer.Option(..., help=f"Countries, ISO3, e.g. CHN,{CENTRAL_ASIA}."),
    years: str = years_option(),
    offline: bool = offline_option(),
    refresh: bool = refresh_option(),
    db: Path | None = db_option(),
) -> None:
    """World Bank GDP in current US$ (WDI NY.GDP.MKTP.CD)."""
    from mirrortrade.sources import worldbank
    from mirrortrade.sources.run import run_worldbank

    q = worldbank.check(worldbank.WbQuery(countries=tuple(split_codes(country) or ()), years=tuple(parse_years(years))))
    _fetch_into_store("World Bank GDP", run_worldbank, q, offline=offline, refresh=refresh, db=db)


def ingest_national(
    file: Path = typer.Argument(..., help="A national statistics file as published (.xls, .xlsx, .csv)."),
    country: str = typer.Option(..., help="KAZ (BNS), KGZ (NSC) or UZB (stat.uz)."),
    flow: str | None = typer.Option(None, help="UZB only: X or M when the file name has no dataset 1105/1176."),
    vintage: str = typer.Option("", help="Publication date YYYY-MM-DD when the file does not state one."),
    db: Path | None = db_option(),
) -> None:
    """Ingest a Kazakh, Kyrgyz or Uzbek trade-by-partner file (all partners, thousand USD)."""
    from mirrortrade.sources.run import run_national

    with open_store_cli(db) as store:
        s = run_national(store, file, country, flow=flow, vintage=vintage)
    _print([s])


def register(app: typer.Typer) -> None:
    app.add_typer(fetch_app, name="fetch")
    app.command("ingest-national")(ingest_national)
