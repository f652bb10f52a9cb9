"""``mirrortrade demo``: the seeds' story as rich tables, offline."""

from __future__ import annotations

import math

from rich.console import Console
from rich.table import Table

from mirrortrade.errors import MirrortradeError
from mirrortrade.model import country_name
from mirrortrade.report.fmt import fmt_gap, fmt_usd
from mirrortrade.report.story import StoryRow, latest_own_periods, story_rows


def _figs(figs: list) -> str:
    if not figs:
        return "—"
    return " / ".join(f"{fmt_usd(f.value, f.qualifier)}" for f in figs) + f" ({figs[0].source_id})"


def _share(row: StoryRow) -> str:
    s = row.gdp_share
    if s is None:
        return ""
    lo, hi = s
    if row.gdp and row.gdp.qualifier == "upper":
        txt = f"over {lo:.0f}%" if lo >= 100 else f"at least {lo:.0f}%"
    elif math.isinf(hi):
        txt = f"at least {lo:.0f}%"
    else:
        txt = f"{(lo + hi) / 2:.0f}%"
    g = row.gdp
    return f"{txt} (GDP {fmt_usd(g.value, g.qualifier)}: {g.period}, {g.source_id})"


def print_demo(store: object, year: int = 2025, console: Console | None = None) -> None:
    years = sorted({int(p[:4]) for p in store.observations(product="TOTAL")["period"]})  # type: ignore[attr-defined]
    if year not in years:
        have = f"it has {years[0]}–{years[-1]}" if years else "it holds no figures (mirrortrade init)"
        raise MirrortradeError(f"--year {year}: no trade figures for {year} in the store ({have})")
    console = console or Console()
    console.print(
        f"[bold]mirrortrade demo[/bold] — China and the five Central Asian states, {year}: "
        "what China's customs (GACC) publish beside what each partner publishes itself.\n"
        "Exports are valued FOB, imports CIF: a mirror gap of a few percent is normal; more needs explaining."
    )
    rows = story_rows(store, year)
    table = Table(show_lines=False, header_style="bold")
    for col in ("Partner", "Flow", "China reports", "Partner reports", "Gap (China − partner, % of China's)", "China's exports / partner GDP"):
        table.add_column(col)
    last = None
    for r in rows:
        if last is not None and r.partner != last:
            table.add_section()
        gap = "" if r.gap is None else fmt_gap(r.china[0].value, r.other[0].value, "CHN", r.partner)
        table.add_row(
            ("Central Asia" if r.partner == "CA5" else country_name(r.partner)) if r.partner != last else "",
            r.label,
            _figs(r.china),
            _figs(r.other),
            gap,
            _share(r),
        )
        last = r.partner
    console.print(table)
    region = [r for r in rows if r.partner == "CA5" and r.label.startswith("China →")]
    if region and len({f.value for f in region[0].china}) > 1:
        pubs = "; ".join(f"{fmt_usd(f.value)} in “{f.title}” [{f.figure_id}]" for f in region[0].china)
        console.print(f"[yellow]Two publications of China's {year} exports to the region disagree:[/yellow] {pubs}.")
    missing = sorted({r.partner for r in rows if r.partner != "CA5"} - {r.partner for r in rows if r.other})
    if missing:
        own = store.observations(partner="CHN", reporter=missing, product="TOTAL")
        latest = latest_own_periods(own)
        notes = [f"{country_name(c)} (latest: {latest[c]})" if c in latest else f"{country_name(c)} (none)" for c in missing]
        console.print(f"No {year} figures of their own in the store for: {', '.join(notes)}.")
    console.print(
        "\nNext: [bold]mirrortrade flags[/bold] (what does not add up), "
        "[bold]mirrortrade explain --reporter KGZ --partner CHN --year 2025[/bold], "
        "[bold]mirrortrade check ARTICLE.txt[/bold] (claims in a news text), "
        "[bold]mirrortrade reconcile[/bold] (best estimates), [bold]mirrortrade serve[/bold] (dashboard), "
        "[bold]mirrortrade show --reporter CHN --period 2025[/bold] (every figure with its source)."
    )
