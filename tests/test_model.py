"""Periods, codes and published-precision intervals (model.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mirrortrade.errors import CodeError, PeriodError
from mirrortrade.model import Observation, Period, check_code, precision_of, value_interval


@pytest.mark.parametrize(
    ("text", "kind", "canonical", "months"),
    [
        ("2025", "year", "2025", 12),
        ("2025-H1", "half", "2025-H1", 6),
        ("2025-h2", "half", "2025-H2", 6),
        ("2025-Q1", "quarter", "2025-Q1", 3),
        ("2022-Q3", "quarter", "2022-Q3", 3),
        ("2025-03", "month", "2025-03", 1),
        ("2024-01/2024-11", "cumulative", "2024-01/2024-11", 11),
        # spans that coincide with a calendar unit are normalised to it
        ("2025-01/2025-12", "year", "2025", 12),
        ("2025-07/2025-12", "half", "2025-H2", 6),
        ("2025-04/2025-06", "quarter", "2025-Q2", 3),
        ("2025-05/2025-05", "month", "2025-05", 1),
        # a span across a year end: a fiscal year (Pakistan's July–June, India's April–March) or a part of one
        ("2023-07/2024-06", "span", "2023-07/2024-06", 12),
        ("2024-04/2025-03", "span", "2024-04/2025-03", 12),
        ("2023-07/2024-04", "span", "2023-07/2024-04", 10),
        ("2024-12/2025-01", "span", "2024-12/2025-01", 2),
    ],
)
def test_period_parse_and_print(text: str, kind: str, canonical: str, months: int) -> None:
    p = Period.parse(text)
    assert p.kind == kind
    assert str(p) == canonical
    assert p.n_months == months
    assert Period.parse(str(p)) == p


def test_period_labels_and_bounds() -> None:
    assert Period.parse("2024-01/2024-11").label() == "Jan–Nov 2024"
    assert Period.parse("2022-Q3").label() == "Q3 2022"
    p = Period.parse("2024-02")
    assert (p.start.isoformat(), p.end.isoformat()) == ("2024-02-01", "2024-02-29")  # leap year


@pytest.mark.parametrize("bad", ["2025-13", "2025-Q5", "2025-H3", "2025-00", "25", "2025-1", "2025-11/2025-01",
                                 "2024-11/2025-11", "2023-07/2025-06", "2024-02/2023-03", "", "last year", "2025-Q0"])
def test_period_rejects_nonexistent(bad: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(bad)


def test_comparability_never_partial_against_full() -> None:
    full24, full25 = Period.parse("2024"), Period.parse("2025")
    ytd = Period.parse("2024-01/2024-11")
    assert full24.comparable(full25)
    assert not ytd.comparable(full24)  # 11 months vs 12
    assert ytd.comparable(Period.parse("2025-01/2025-11"))  # same months of another year
    assert Period.parse("2025-H1").comparable(Period.parse("2024-H1"))
    assert not Period.parse("2025-Q1").comparable(Period.parse("2025-03"))
    assert Period.parse("2025-H1").same_span_previous_year() == Period.parse("2024-H1")


def test_fiscal_year_is_never_a_calendar_year() -> None:
    fy = Period.parse("2023-07/2024-06")  # Pakistan's fiscal year 2023-24
    assert fy.comparable(Period.parse("2022-07/2023-06"))  # the previous fiscal year
    assert fy.same_span_previous_year() == Period.parse("2022-07/2023-06")
    assert not fy.comparable(Period.parse("2024")) and not fy.comparable(Period.parse("2023"))
    assert not fy.is_full_year and fy.kind == "span"
    assert fy.label() == "Jul 2023–Jun 2024"
    assert fy.contains(Period.parse("2024-Q1")) and not fy.contains(Period.parse("2024-H2"))
    assert (fy.start.isoformat(), fy.end.isoformat()) == ("2023-07-01", "2024-06-30")


_ANY_PERIOD = st.builds(
    lambda y, m1, length: Period.parse(f"{y}-{m1:02d}/{y + (m1 + length - 1) // 12}-{(m1 + length - 1) % 12 + 1:02d}"),
    st.integers(1990, 2030), st.integers(1, 12), st.integers(0, 11))


@given(_ANY_PERIOD, _ANY_PERIOD)
def test_a_period_never_compares_to_one_of_another_length(a: Period, b: Period) -> None:
    if a.n_months != b.n_months:
        assert not a.comparable(b)
    if a.comparable(b):
        assert a.shifted(b.year - a.year) == b  # the same months, another year
    assert Period.parse(str(a)) == a and a.same_span_previous_year().n_months == a.n_months


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(0, 11))
def test_period_roundtrip_property(year: int, m1: int, length: int) -> None:
    m2 = min(12, m1 + length)
    p = Period.parse(f"{year}-{m1:02d}/{year}-{m2:02d}")
    assert Period.parse(str(p)) == p
    assert p.n_months == m2 - m1 + 1


def test_rounding_intervals_from_published_precision() -> None:
    # "$71.3 billion" (seed 000): [71.25e9, 71.35e9]
    lo, hi = value_interval(71.3e9, precision_of("71.3", 1e9))
    assert (lo, hi) == pytest.approx((71.25e9, 71.35e9))
    # "$560 million" (seed 000): the last printed digit is millions -> +/- 0.5M
    assert value_interval(560e6, precision_of("560", 1e6)) == pytest.approx((559.5e6, 560.5e6))
    # "$80 million" (seed 000)
    assert value_interval(80e6, precision_of("80", 1e6)) == pytest.approx((79.5e6, 80.5e6))
    # "just under $2.5 billion" (seed 000): below 2.5bn, within the approx tolerance (5%)
    lo, hi = value_interval(2.5e9, precision_of("2.5", 1e9), "near_upper")
    assert hi == 2.5e9 and lo == pytest.approx(2.5e9 - 0.125e9 - 0.05e9)
    # "under $22 billion" (Kyrgyz GDP): an upper bound only
    assert value_interval(22e9, 1e9, "upper") == (0.0, 22e9)
    lo, hi = value_interval(22e9, 1e9, "lower")
    assert lo == 22e9 and math.isinf(hi)
    # 29.7 + 19 vs 48.7 (seed 000) is consistent within rounding
    a, b, t = value_interval(29.7e9, 1e8), value_interval(19e9, 1e9), value_interval(48.7e9, 1e8)
    assert a[0] + b[0] <= t[1] and t[0] <= a[1] + b[1]


def test_precision_of() -> None:
    assert precision_of("9,252") == 1
    assert precision_of("106.3", 1e9) == pytest.approx(1e8)
    assert precision_of("5.6") == pytest.approx(0.1)


def test_codes() -> None:
    assert check_code("kgz") == "KGZ"
    assert check_code("CA5") == "CA5"
    with pytest.raises(CodeError, match="numeric"):
        check_code("417")
    with pytest.raises(CodeError, match="unknown"):
        check_code("XYZ")
    with pytest.raises(CodeError):
        check_code("WLD", allow_aggregate=False)


def test_observation_key_matches_store_key(store) -> None:  # type: ignore[no-untyped-def]
    o = Observation("CHN", "KGZ", "X", "2025", 22e9, "CN-GACC")
    res = store.ingest_observations([o])
    assert res.added == 1
    df = store.observations(figure_id=None, source_id="CN-GACC", partner="KGZ", flow="X")
    assert o.key_id in set(df["key_id"])
