"""Run the rules over the store and turn the findings into a table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from mirrortrade.checks.context import CheckContext
from mirrortrade.checks.finding import SEVERITIES, Finding, severity_rank
from mirrortrade.checks.rules import RULES
from mirrortrade.errors import MirrortradeError

FINDING_COLUMNS = ("id", "rule", "severity", "status", "reporter", "partner", "flow", "period", "message",
                   "evidence", "figure_ids")


def run_checks(
    store: Any, *, rules: Sequence[str] | None = None, year: int | None = None,
    settings: dict[str, dict[str, Any]] | None = None, notes: list[str] | None = None,
) -> list[Finding]:
    """Every rule (or the named ones) over the figures in ``store``; ``year`` limits to one year.

    ``notes``, when given, receives what the rules said about figures they skipped (a figure whose interval
    they cannot compute with), each once.

    ``settings`` passes keyword options to a rule, e.g. ``{"exceeds_gdp": {"notable": 0.4}}``.
    Findings come sorted: problems first (high → low), then the consistent results (info).
    """
    names = list(rules) if rules else list(RULES)
    unknown = [r for r in names if r not in RULES]
    if unknown:
        raise MirrortradeError(f"unknown rule(s) {', '.join(unknown)} (expected one of {', '.join(RULES)})")
    ctx = CheckContext(store, year=year)
    out: list[Finding] = []
    seen: set[str] = set()
    settings = settings or {}
    for name in settings:
        if name not in RULES:
            raise MirrortradeError(f"settings for unknown rule {name!r}")
    for name in names:
        try:
            found = RULES[name].check(ctx, **settings.get(name, {}))
        except TypeError as e:
            if settings.get(name):
                raise MirrortradeError(f"bad settings for rule {name!r}: {e}") from None
            raise
        for f in found:
            if f.id not in seen:
                seen.add(f.id)
                out.append(f)
    out.sort(key=lambda f: (-severity_rank(f.severity), f.rule, f.reporter, f.partner, f.flow, f.period, f.id))
    if notes is not None:
        notes.extend(n for n in dict.fromkeys(ctx.notes) if "skipped" in n)
    return out


def findings_frame(findings: Iterable[Finding]) -> pd.DataFrame:
    """Findings as a DataFrame (evidence as JSON text, figure_ids as a list), ready for
    ``store.replace_table("findings", df)``."""
    import json

    rows = []
    for f in findings:
        d = f.to_dict()
        d["evidence"] = json.dumps(d["evidence"], ensure_ascii=False, sort_keys=True)
        rows.append(d)
    df = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    if not df.empty:
        df["severity"] = pd.Categorical(df["severity"], categories=list(SEVERITIES), ordered=True)
        df["severity"] = df["severity"].astype(str)
    return df


def filter_findings(
    findings: Iterable[Finding], *, reporter: Sequence[str] | None = None, partner: Sequence[str] | None = None,
    rule: Sequence[str] | None = None, severity: str | None = None, period: Sequence[str] | None = None,
    include_consistent: bool = False, pair: bool = False,
) -> list[Finding]:
    """Filter findings like ``mirrortrade flags``. ``severity`` is a minimum; ``pair=True`` matches a
    reporter/partner in either role."""
    out = []
    if severity and severity not in SEVERITIES:
        raise MirrortradeError(f"unknown severity {severity!r} (expected one of {', '.join(SEVERITIES)})")
    min_rank = severity_rank(severity) if severity else 0
    for f in findings:
        if not include_consistent and not f.is_problem:
            continue
        if severity_rank(f.severity) < min_rank:
            continue
        codes = {f.reporter, f.partner}
        if reporter and (f.reporter not in reporter and not (pair and codes & set(reporter))):
            continue
        if partner and (f.partner not in partner and not (pair and codes & set(partner))):
            continue
        if rule and f.rule not in rule:
            continue
        if period and f.period not in period:
            continue
        out.append(f)
    return out
