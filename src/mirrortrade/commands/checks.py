"""``mirrortrade flags`` and ``mirrortrade explain``: what does not add up, and why it might not."""

from __future__ import annotations

from pathlib import Path

import typer

from mirrortrade.commands import check_codes, db_option, open_store_cli, split_codes


def register(app: typer.Typer) -> None:
    @app.command("flags")
    def flags_cmd(
        reporter: str | None = typer.Option(None, help="Reporter ISO3 codes, comma-separated."),
        partner: str | None = typer.Option(None, help="Partner ISO3 codes (CA5, WLD too), comma-separated."),
        country: str | None = typer.Option(
            None, help="ISO3 codes matched as reporter or partner (KGZ finds China's figures on Kyrgyzstan too)."
        ),
        rule: str | None = typer.Option(None, help="Rule ids, comma-separated (e.g. mirror_gap,exceeds_gdp)."),
        severity: str | None = typer.Option(None, help="Minimum severity: info, low, medium or high."),
        period: str | None = typer.Option(None, help="Periods, e.g. 2025 (comma-separated)."),
        show_all: bool = typer.Option(False, "--all", help="Also list the consistent results (severity info)."),
        fmt: str = typer.Option("table", "--format", help="table or json."),
        save: bool = typer.Option(False, "--save", help="Also write every finding to the store's 'findings' table."),
        db: Path | None = db_option(),
    ) -> None:
        """List what does not add up in the stored figures (--all: the consistent results too)."""
        import json

        from mirrortrade.checks import RULES, filter_findings, findings_frame, run_checks
        from mirrortrade.checks.finding import SEVERITIES
        from mirrortrade.errors import MirrortradeError
        from mirrortrade.model import check_period

        if fmt not in ("table", "json"):
            raise MirrortradeError(f"--format must be table or json, not {fmt!r}")
        rules = [r.strip() for r in rule.split(",") if r.strip()] if rule else None
        unknown = [r for r in rules or [] if r not in RULES]
        if unknown:
            raise MirrortradeError(f"unknown rule(s) {', '.join(unknown)} (expected one of {', '.join(RULES)})")
        periods = [check_period(p) for p in split_codes(period)] if period else None
        reporters, partners = check_codes(reporter, "--reporter"), check_codes(partner, "--partner")
        countries = check_codes(country, "--country")
        sev = severity.strip().lower() if severity else None
        if sev is not None and sev not in SEVERITIES:
            raise MirrortradeError(f"--severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
        notes: list[str] = []
        with open_store_cli(db) as store:
            findings = run_checks(store, rules=rules, notes=notes)
            if save:
                store.replace_table("findings", findings_frame(findings))
        shown = filter_findings(
            findings, reporter=reporters, partner=partners, rule=rules, severity=sev, period=periods,
            include_consistent=show_all or sev == "info",
        )
        if countries:
            codes = set(countries)
            shown = [f for f in shown if codes & {f.reporter, f.partner}]
        if fmt == "json":
            typer.echo(json.dumps([f.to_dict() for f in shown], ensure_ascii=False, indent=2))
            return
        problems = [f for f in findings if f.is_problem]
        counts = {s: sum(1 for f in problems if f.severity == s) for s in ("high", "medium", "low")}
        typer.echo(
            f"{len(problems)} problem(s) ({', '.join(f'{n} {s}' for s, n in counts.items())}) among "
            f"{len(findings)} results; showing {len(shown)}"
            + ("" if show_all else " (--all adds the consistent results)")
        )
        for f in shown:
            typer.echo("")
            typer.echo(f"[{f.severity}] {f.rule} · {f.reporter}→{f.partner} {f.flow} · {f.period} · {f.status} · {f.id}")
            typer.echo(f"    {f.message}")
            if f.figure_ids:
                typer.echo(f"    figures: {', '.join(f.figure_ids)}")
        for n in notes:
            typer.echo(f"note: {n}")

    @app.command("explain")
    def explain_cmd(
        reporter: str = typer.Option(..., help="Reporter ISO3, e.g. KGZ."),
        partner: str = typer.Option(..., help="Partner ISO3, e.g. CHN."),
        year: int = typer.Option(..., help="Year, e.g. 2025."),
        fmt: str = typer.Option("text", "--format", help="text or json."),
        db: Path | None = db_option(),
    ) -> None:
        """Explain a pair: both sides' figures, the CIF-adjusted gap, the rules that fired, likely causes."""
        import json

        from mirrortrade.checks import explain
        from mirrortrade.errors import MirrortradeError

        if fmt not in ("text", "json"):
            raise MirrortradeError(f"--format must be text or json, not {fmt!r}")
        (reporter,), (partner,) = check_codes(reporter, "--reporter") or [""], check_codes(partner, "--partner") or [""]
        if reporter == partner:
            raise MirrortradeError(f"--reporter and --partner are both {reporter}: a country does not trade with itself")
        with open_store_cli(db) as store:
            ex = explain(store, reporter, partner, year)
        if fmt == "json":
            typer.echo(json.dumps(ex.to_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(ex.text())
