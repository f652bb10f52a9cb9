"""The rules, in the order they run. Each module holds one rule: ``ID``, ``SEVERITY``, ``TEMPLATE``,
``check(ctx)`` and ``RULE``."""

from __future__ import annotations

from mirrortrade.checks import (
    exceeds_gdp,
    growth_consistency,
    mirror_gap,
    period_mismatch,
    rerouting_signal,
    source_conflict,
    sum_consistency,
    surge,
    unit_error,
)
from mirrortrade.checks.finding import Rule

RULES: dict[str, Rule] = {
    m.RULE.id: m.RULE
    for m in (
        exceeds_gdp, surge, sum_consistency, growth_consistency, source_conflict, mirror_gap, period_mismatch,
        unit_error, rerouting_signal,
    )
}
