"""Reconciliation of mirror trade statistics: mirror pairs, CIF/FOB margins, reporter reliability,
best estimates with uncertainty and anomaly findings, written once in Ibis for DuckDB and Spark.

    from mirrortrade.reconcile import reconcile, ReconcileResult, best_estimate_weight
    result = reconcile("declarations.parquet")          # backend="duckdb" | "spark"
    result.estimates, result.reliability, result.findings, result.pairs   # pandas DataFrames
    result.write("out/")                                 # estimates/reliability/findings.parquet
    result.write("out/", pairs=True)                     # ... and pairs.parquet
"""

from mirrortrade.reconcile.engine import (
    BACKENDS,
    ESTIMATE_COLUMNS,
    FINDING_COLUMNS,
    ON_DUPLICATE,
    RELIABILITY_COLUMNS,
    STAGES,
    ReconcileResult,
    ReconcileWarning,
    StageError,
    connect,
    reconcile,
    spark_session,
)
from mirrortrade.reconcile.estimate import (
    best_estimate,
    best_estimate_weight,
    lognormal_variance,
    mirror_band,
)
from mirrortrade.reconcile.reliability import CIF_BAND, CIF_PRIOR_BACI, CIF_PRIOR_IMF

__all__ = [
    "BACKENDS",
    "CIF_BAND",
    "CIF_PRIOR_BACI",
    "CIF_PRIOR_IMF",
    "ESTIMATE_COLUMNS",
    "FINDING_COLUMNS",
    "ON_DUPLICATE",
    "RELIABILITY_COLUMNS",
    "STAGES",
    "ReconcileResult",
    "ReconcileWarning",
    "StageError",
    "best_estimate",
    "best_estimate_weight",
    "connect",
    "lognormal_variance",
    "mirror_band",
    "reconcile",
    "spark_session",
]
