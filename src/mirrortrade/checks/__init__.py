"""Plausibility checks: find what does not add up, with interval arithmetic and an evidence chain.

    from mirrortrade.checks import run_checks, Finding, RULES, explain, findings_frame
    findings = run_checks(store)                 # every rule over the store (rules=, year= to narrow)
    store.replace_table("findings", findings_frame(findings))
    print(explain(store, "KGZ", "CHN", 2025).text())

One small module per rule (``exceeds_gdp``, ``surge``, ``sum_consistency``, ``growth_consistency``,
``source_conflict``, ``mirror_gap``, ``period_mismatch``, ``unit_error``, ``rerouting_signal``), each
with an id, a severity, a message template and the evidence it used. The arithmetic works on
plain intervals too (:mod:`mirrortrade.checks.intervals`), for claims read from articles.
Consistent results are findings with severity ``info`` and status ``consistent``.
"""

from mirrortrade.checks.explain import Explanation, explain
from mirrortrade.checks.finding import PROBLEM_SEVERITIES, SEVERITIES, STATUSES, Finding, Rule
from mirrortrade.checks.rules import RULES
from mirrortrade.checks.run import filter_findings, findings_frame, run_checks

__all__ = [
    "PROBLEM_SEVERITIES",
    "RULES",
    "SEVERITIES",
    "STATUSES",
    "Explanation",
    "Finding",
    "Rule",
    "explain",
    "filter_findings",
    "findings_frame",
    "run_checks",
]
