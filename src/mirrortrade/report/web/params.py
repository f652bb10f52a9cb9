"""Parameters of the dashboard and API, checked: comma-separated lists of codes, flows, periods and words,
figure ids and article sizes. A bad value is an :class:`ApiError` (422, or 413 for an article over the
limit) that the error handlers of :mod:`mirrortrade.report.web.middleware` answer in the one error shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mirrortrade.claims.io import script_problem
from mirrortrade.errors import MirrortradeError
from mirrortrade.model import check_code, check_flow, check_period

#: longest article the checker takes, in characters (~25 times a long news article); longer gets 413
MAX_ARTICLE_CHARS = 250_000
#: largest page of rows an API call returns
MAX_LIMIT = 1000
#: what a query parameter of ISO3 codes may hold before it is checked code by code
CODES_RE = r"^[A-Za-z0-9 ,]{0,200}$"

_FIGURE_ID_RE = re.compile(r"^[0-9a-f]{16}$")
_WORD_RE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


class ApiError(Exception):
    """An error to answer with the API's one JSON shape."""

    def __init__(self, status: int, error: str, errors: list[Any] | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.errors = errors


def listed(value: str | None, check: Callable[[str], str]) -> list[str] | None:
    """The comma-separated values of a parameter, each through ``check`` (None when there are none). A value
    ``check`` refuses with a :class:`MirrortradeError` is a 422 with its message."""
    if value is None or not value.strip():
        return None
    try:
        return [check(v) for v in value.split(",") if v.strip()] or None
    except MirrortradeError as e:
        raise ApiError(422, str(e)) from None


def codes(value: str | None, field: str, *, aggregates: bool = True) -> list[str] | None:
    """ISO3 codes (WLD, CA5 too unless ``aggregates`` is false)."""
    return listed(value, lambda v: check_code(v, field_name=field, allow_aggregate=aggregates))


def flows(value: str | None) -> list[str] | None:
    """Flow codes: X, M, RX, RM, T, B."""
    return listed(value, check_flow)


def periods(value: str | None) -> list[str] | None:
    """Periods such as 2025 or 2025-H1."""
    return listed(value, check_period)


def words(value: str | None, field: str) -> list[str] | None:
    """Plain identifiers (source ids, rules, severities, statuses, products): letters, digits, _ . - only."""

    def word(v: str) -> str:
        v = v.strip()
        if not _WORD_RE.fullmatch(v):
            raise ApiError(422, f"bad {field} {v!r} (letters, digits, _ . - only)")
        return v
    return listed(value, word)


def years(value: str | None) -> list[str] | None:
    """Years as given (the query's pattern has already kept them to digits)."""
    return listed(value, str.strip)


def figure_id(value: str) -> str:
    """A figure id: 16 hex digits."""
    if not _FIGURE_ID_RE.fullmatch(value):
        raise ApiError(422, f"bad figure id {value!r} (16 hex digits, e.g. f1ed5cf24a7ed6f5)")
    return value


def article_size(text: str) -> None:
    """Refuse an article over :data:`MAX_ARTICLE_CHARS` characters with 413, and one the checker cannot read (not in
    the Latin alphabet: :func:`mirrortrade.claims.io.script_problem`) with 422."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise ApiError(413, f"article of {len(text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,} "
                            "characters (check it in parts)")
    problem = script_problem(text)
    if problem:
        raise ApiError(422, problem)
