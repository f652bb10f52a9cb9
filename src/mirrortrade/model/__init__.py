"""Canonical records and vocabulary: one place for flows, sources, periods, codes and intervals.

The package is split by job (``codes``, ``period``, ``values``, ``rules`` (what a valid record is, for the
record and the file checks both), ``records``, ``paths``); every public
name is importable from ``mirrortrade.model`` itself.

Everything else in mirrortrade speaks in these terms:

* reporter / partner as ISO3 (``WLD`` = world, ``CA5`` = the five Central Asian states together),
  flow from the reporter's view as UN Comtrade does (``X`` export, ``M`` import, ``RX``/``RM``
  re-export/re-import, ``T`` turnover = X + M, ``B`` balance = X - M);
* :class:`Period` for years, halves, quarters, months and cumulative year-to-date spans;
* a published figure is an interval: "$71.3 billion" is [71.25e9, 71.35e9] (:func:`value_interval`).
"""
from mirrortrade.model.codes import (
    AGGREGATE_MEMBERS,
    AGGREGATES,
    CENTRAL_ASIA,
    FLOWS,
    MIRROR_FLOW,
    NAMES,
    SOURCES,
    VALUATIONS,
    _iso3_codes,
    check_code,
    check_flow,
    check_source,
    country_name,
    is_country,
)
from mirrortrade.model.paths import user_path
from mirrortrade.model.period import Period, check_period
from mirrortrade.model.records import (
    CANONICAL_COLUMNS,
    EVENT_KINDS,
    REQUIRED_COLUMNS,
    Citation,
    Indicator,
    NewsItem,
    Observation,
    key_id,
)
from mirrortrade.model.rules import (
    INDICATOR,
    NUMBER_COLUMNS,
    OBSERVATION,
    FieldSpec,
    RecordSpec,
    ValueSpec,
    check_field,
    check_record,
)
from mirrortrade.model.values import (
    APPROX_TOLERANCE,
    QUALIFIERS,
    UNIT_SCALES,
    check_qualifier,
    precision_of,
    unit_scale,
    value_interval,
)

__all__ = [
    "INDICATOR", "NUMBER_COLUMNS", "OBSERVATION", "FieldSpec", "RecordSpec", "ValueSpec", "check_field", "check_record",
    "AGGREGATES", "AGGREGATE_MEMBERS", "APPROX_TOLERANCE", "CANONICAL_COLUMNS", "CENTRAL_ASIA", "EVENT_KINDS", "FLOWS",
    "MIRROR_FLOW", "NAMES", "QUALIFIERS", "REQUIRED_COLUMNS", "SOURCES", "UNIT_SCALES", "VALUATIONS", "Citation", "Indicator",
    "NewsItem", "Observation", "Period", "_iso3_codes", "check_code", "check_flow", "check_period", "check_qualifier",
    "check_source", "country_name", "is_country", "key_id", "precision_of", "unit_scale", "user_path",
    "value_interval",
]
