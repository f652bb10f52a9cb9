"""What a valid observation and a valid indicator are, written once.

:data:`OBSERVATION` and :data:`INDICATOR` are tables of field specs (codes, flows, units, periods, qualifiers,
valuations, numbers, dates, required columns) and value bounds. Both checks are made from them:

* the Python check of a record (:func:`check_record`, run by ``Observation.__post_init__`` and
  ``Indicator.__post_init__``), and
* the SQL check of a staged file (:mod:`mirrortrade.store.staging` turns each spec into one SQL condition, all
  of a phase evaluated in one scan; :mod:`mirrortrade.reconcile.validate` reuses them for declarations).

A spec says which path it applies to (``on_record`` / ``on_file``) where the two differ on purpose: a file has
``unit`` and ``value`` columns a record does not; a file's dates are checked; a value above world trade or a
reporter that is its own partner is refused in a file (a record built by a source is compared, not refused).
The messages are per path because each path's wording is what users and tests see.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal

from mirrortrade.errors import CodeError, ParseError
from mirrortrade.model.codes import AGGREGATES, FLOWS, VALUATIONS, _iso3_codes, check_code, check_source
from mirrortrade.model.period import check_period
from mirrortrade.model.values import QUALIFIERS, UNIT_SCALES

Kind = Literal["code", "vocab", "period", "source", "ident", "number", "date"]


@dataclass(frozen=True)
class FieldSpec:
    """One column of a valid record or file.

    ``kind``: ``code`` (ISO3, plus the aggregates when ``aggregates``), ``vocab`` (one of ``vocabulary()`` after
    trimming and ``case``), ``period`` (:class:`~mirrortrade.model.period.Period`), ``source`` (a source id),
    ``ident`` (matches ``pattern``), ``number`` (finite), ``date`` (YYYY-MM-DD).
    """

    column: str
    kind: Kind
    required: bool = False
    #: ``vocab``: the allowed values (read at each check, so a change reaches both paths)
    vocabulary: Callable[[], Collection[str]] | None = None
    #: how text is normalised before it is compared: ``upper``, ``lower`` or ``""`` (as written)
    case: str = "upper"
    #: what a blank becomes in a record (``None``: a blank is an error)
    default: str | None = None
    #: words that count as blank besides ``""`` (a pandas NaN written out as text)
    blank_words: tuple[str, ...] = ()
    #: a blank cell in a file passes (``False``: refused as ``empty <column>``)
    file_blank_ok: bool = True
    #: ``code``: the aggregates (WLD, CA5, ...) are allowed besides countries
    aggregates: bool = False
    #: ``ident``: the regular expression the whole value matches
    pattern: str = ""
    on_record: bool = True
    on_file: bool = True
    #: message of the record check: ``{v}`` the value as given, ``{allowed}`` the vocabulary joined by ", "
    record_message: str = ""
    #: message of the file check: ``{v}`` the value in the file, ``{allowed}`` as above
    file_message: str = ""
    error: type[ParseError] = CodeError

    def allowed(self) -> tuple[str, ...]:
        """The values a ``code`` or ``vocab`` field accepts (normalised)."""
        if self.kind == "code":
            codes = sorted(_iso3_codes())
            return tuple(codes + list(AGGREGATES)) if self.aggregates else tuple(codes)
        return tuple(self.vocabulary()) if self.vocabulary is not None else ()

    def message(self, template: str, value: object) -> str:
        allowed = ", ".join(self.vocabulary()) if self.vocabulary is not None else ""
        return template.format(v=value, allowed=allowed)

    def normalise(self, value: object) -> str:
        """``value`` as trimmed text in this field's case; ``""`` for a missing or blank value."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        s = str(value).strip()
        s = s.upper() if self.case == "upper" else s.lower() if self.case == "lower" else s
        return "" if s.lower() in self.blank_words else s


@dataclass(frozen=True)
class ValueSpec:
    """The value of a record: finite; not negative unless the flow is one of ``signed_flows``; and in a file,
    not above ``file_max``. ``or_column``: a record may give this column instead of a value."""

    column: str
    flow_column: str = ""
    signed_flows: tuple[str, ...] = ()
    or_column: str = ""
    file_max: float | None = None
    missing_message: str = ""
    file_missing_message: str = ""
    #: both paths: ``{v}`` the value, ``{flow}`` its flow
    negative_message: str = "negative value {v} for flow {flow}"


@dataclass
class RecordSpec:
    """A valid record: its fields in the order they are checked, and its value. Both checks read it at each
    call, so a field replaced here (``dataclasses.replace`` of one :class:`FieldSpec`) changes both."""

    name: str
    fields: tuple[FieldSpec, ...]
    value: ValueSpec
    #: a file's reporter and partner may not be the same country
    file_distinct: tuple[str, str] | None = None
    #: a file's number columns besides the value (read as numbers, finite)
    file_numbers: tuple[str, ...] = ()

    def field(self, column: str) -> FieldSpec:
        return next(f for f in self.fields if f.column == column)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.column for f in self.fields if f.required)

    def record_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.on_record)

    def file_fields(self, kind: Kind | None = None) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.on_file and (kind is None or f.kind == kind))


def _flows() -> Collection[str]:
    return FLOWS


def _valuations() -> Collection[str]:
    return VALUATIONS


def _qualifiers() -> Collection[str]:
    return QUALIFIERS


def _units() -> Collection[str]:
    return UNIT_SCALES


_QUALIFIER = FieldSpec(
    "qualifier", "vocab", vocabulary=_qualifiers, case="lower", default="exact", blank_words=("none", "nan"),
    record_message="unknown qualifier {v!r} (expected one of {allowed})",
    file_message="unknown qualifier {v!r} (expected {allowed})",
)
_PERIOD = FieldSpec("period", "period", required=True)
_SOURCE = FieldSpec("source_id", "source", required=True)

OBSERVATION = RecordSpec(
    name="observation",
    fields=(
        FieldSpec("reporter", "code", required=True, file_blank_ok=False,
                  file_message="unknown reporter {v!r} (expected an ISO3 country code, e.g. CHN)"),
        FieldSpec("partner", "code", required=True, aggregates=True, file_blank_ok=False,
                  file_message="unknown partner {v!r} (expected ISO3, WLD or CA5)"),
        FieldSpec("flow", "vocab", required=True, vocabulary=_flows, file_blank_ok=False,
                  record_message="unknown flow {v!r} (expected one of {allowed})",
                  file_message="unknown flow {v!r} (expected X, M, RX, RM, T or B)"),
        _PERIOD,
        _SOURCE,
        _QUALIFIER,
        FieldSpec("valuation", "vocab", vocabulary=_valuations, default="UNKNOWN", file_blank_ok=False,
                  record_message="unknown valuation {v!r}",
                  file_message="unknown valuation {v!r} (expected FOB, CIF or UNKNOWN)"),
        FieldSpec("unit", "vocab", vocabulary=_units, case="lower", default="USD", on_record=False,
                  file_message="unknown unit {v!r} (expected USD, thousand USD, million USD or billion USD)"),
        FieldSpec("vintage", "date", on_record=False, error=ParseError, file_message="{v!r} is not a date (YYYY-MM-DD)"),
        FieldSpec("pub_date", "date", on_record=False, error=ParseError,
                  file_message="{v!r} is not a date (YYYY-MM-DD)"),
    ),
    value=ValueSpec(
        "value_usd", flow_column="flow", signed_flows=("B",), or_column="growth_pct", file_max=1e14,
        missing_message="an observation needs a value or a growth rate",
        file_missing_message="no value (and no growth rate)",
    ),
    file_distinct=("reporter", "partner"),
    file_numbers=("value", "precision_usd", "growth_pct", "growth_precision"),
)

INDICATOR = RecordSpec(
    name="indicator",
    fields=(
        FieldSpec("country", "code", required=True),
        FieldSpec("partner", "code", aggregates=True, default=""),
        _PERIOD,
        _SOURCE,
        _QUALIFIER,
        FieldSpec("indicator", "ident", required=True, pattern=r"[a-z][a-z0-9_]*", case="",
                  record_message="bad indicator id {v!r}"),
    ),
    value=ValueSpec("value"),
)

#: the number columns of a trade-figure file, value columns first
NUMBER_COLUMNS: tuple[str, ...] = (OBSERVATION.value.column, *OBSERVATION.file_numbers)
#: the columns a trade-figure file must have
REQUIRED_COLUMNS: tuple[str, ...] = OBSERVATION.required


def check_field(spec: FieldSpec, value: object) -> object:
    """``value`` checked against ``spec`` and normalised, or a :class:`CodeError` (or the spec's error)."""
    kind = spec.kind
    if kind == "code":
        if spec.default is not None and not value:
            return spec.default
        return check_code(value, field_name=spec.column, allow_aggregate=spec.aggregates)
    if kind == "period":
        return check_period(value)
    if kind == "source":
        return check_source(value)
    s = spec.normalise(value)
    if not s and spec.default is not None:
        return spec.default
    if kind == "ident":
        if not (isinstance(value, str) and re.fullmatch(spec.pattern, value)):
            raise spec.error(spec.message(spec.record_message, value), column=spec.column)
        return value
    if s not in (spec.vocabulary() if spec.vocabulary is not None else ()):
        raise spec.error(spec.message(spec.record_message, value), column=spec.column)
    return s


def check_record(spec: RecordSpec, record: object) -> dict[str, object]:
    """The fields of ``record`` (any object with them as attributes) checked in ``spec``'s order: their
    normalised values (raises on the first field at fault); then its value: present (or ``or_column``), finite,
    not negative but for a balance."""
    out = {f.column: check_field(f, getattr(record, f.column, None)) for f in spec.fields if f.on_record}
    v = spec.value
    value = getattr(record, v.column, None)
    if value is None and v.or_column:
        if getattr(record, v.or_column, None) is None:
            raise ParseError(v.missing_message, column=v.column)
        return out
    if value is None or not math.isfinite(value):  # type: ignore[arg-type]
        raise ParseError(f"value {value!r} is not finite", column=v.column)
    if v.flow_column and value < 0:  # type: ignore[operator]
        flow = out.get(v.flow_column)
        if flow not in v.signed_flows:
            raise ParseError(v.negative_message.format(v=value, flow=flow), column=v.column)
    return out
