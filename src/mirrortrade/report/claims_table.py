"""The claim checker's verdicts as rich tables."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mirrortrade.report.fmt import fmt_usd, plural

STATUS_STYLE = {"consistent": "green", "conflict": "yellow", "implausible": "bold red", "unverifiable": "dim", "unresolved": "dim italic"}
SEVERITY_STYLE = {"info": "dim", "low": "cyan", "medium": "yellow", "high": "bold red"}
FLOW_WORD = {"X": "exports to", "M": "imports from", "T": "trade with", "B": "balance with", "RX": "re-exports to",
             "RM": "re-imports from"}


def claim_what(c: dict[str, Any]) -> str:
    rep, par, flow = c.get("reporter") or "?", c.get("partner") or "?", c.get("flow")
    return f"{rep} {FLOW_WORD.get(flow or '', flow or '?')} {par}"


def claim_value(c: dict[str, Any]) -> str:
    bits = []
    if c.get("value_usd") is not None:
        bits.append(fmt_usd(c["value_usd"], c.get("qualifier") or "exact"))
    if c.get("growth_pct") is not None:
        bits.append(f"{c['growth_pct']:+g}%")
    if c.get("share_pct") is not None:
        bits.append(f"{c['share_pct']:g}% share")
    if c.get("difference_usd") is not None:
        bits.append(f"gap {fmt_usd(c['difference_usd'])}")
    return ", ".join(bits) or "—"


def print_check(name: str, result: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    claims, findings = result["claims"], result["findings"]
    counts: dict[str, int] = {}
    for c in claims:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    console.print(f"[bold]{name}[/bold]: {plural(len(claims), 'trade claim')} ({summary or 'none'})")
    t = Table(header_style="bold", show_lines=False)
    for col in ("id", "claim", "period", "value", "source", "status"):
        t.add_column(col)
    for c in claims:
        st = c["status"]
        shown = st if not c.get("missing") else f"{st} ({', '.join(c['missing'])}?)"
        t.add_row(c["id"], claim_what(c), c.get("period") or "?", claim_value(c), c.get("source") or "—",
                  f"[{STATUS_STYLE.get(st, '')}]{escape(shown)}[/]")
    console.print(t)
    problems = [f for f in findings if f["severity"] != "info"]
    if problems:
        console.print("[bold]Findings[/bold]")
        for f in problems:
            sty = SEVERITY_STYLE.get(f["severity"], "")
            console.print(f"  [{sty}]{f['severity']:>6}[/] {f['rule']} ({', '.join(f['claims'])}): {f['message']}")
    ok = [f for f in findings if f["severity"] == "info" and f["rule"] != "store_match"]
    if ok:
        console.print(f"[dim]{len(ok)} checks passed, e.g. {ok[0]['message']}[/dim]")
