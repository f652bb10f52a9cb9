"""Property tests (hypothesis): the period parser, the claim checker's money/percent parser, and file
ingest validation (any cell or any bytes: a typed mirrortrade error or a clean result, nothing else).

The reconciliation invariants issue 10 lists (estimate between the two sides after CIF, relabelling
mirrors the result, scaling by k scales estimates by k) are property tests in tests/test_reconcile.py
already and are not repeated here.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from mirrortrade.errors import MirrortradeError, PeriodError
from mirrortrade.model import Period

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

years = st.integers(1900, 2100)
months = st.integers(1, 12)


@st.composite
def periods(draw: st.DrawFn) -> str:
    y = draw(years)
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "span"]))
    if kind == "year":
        return f"{y}"
    if kind == "half":
        return f"{y}-H{draw(st.integers(1, 2))}"
    if kind == "quarter":
        return f"{y}-Q{draw(st.integers(1, 4))}"
    if kind == "month":
        return f"{y}-{draw(months):02d}"
    a, b = sorted((draw(months), draw(months)))
    return f"{y}-{a:02d}/{y}-{b:02d}"


# ---- periods ----------------------------------------------------------------------------


@FUZZ
@given(periods())
def test_valid_periods_round_trip_and_are_well_formed(text: str) -> None:
    p = Period.parse(text)
    assert Period.parse(str(p)) == p
    assert Period.parse(p.label() if p.kind == "year" else str(p)) == p
    assert 1 <= p.start_month <= p.end_month <= 12 and p.year == p.end_year
    assert p.n_months == {"year": 12, "half": 6, "quarter": 3, "month": 1}.get(p.kind, p.n_months)
    assert p.start <= p.end and p.contains(p) and p.comparable(p.same_span_previous_year())
    assert (p.end - p.start).days + 1 in range(28 * p.n_months, 31 * p.n_months + 1)


@FUZZ
@given(years, months, months)
def test_spans_normalise_to_their_named_kind(y: int, a: int, b: int) -> None:
    assume(a <= b)
    p = Period.parse(f"{y}-{a:02d}/{y}-{b:02d}")
    if (a, b) == (1, 12):
        assert p == Period.parse(str(y))
    if b - a == 2 and a % 3 == 1:
        assert p == Period.parse(f"{y}-Q{(a + 2) // 3}")
    if a == b:
        assert p == Period.parse(f"{y}-{a:02d}")
    assert p.n_months == b - a + 1


@FUZZ
@given(st.integers(-50, 10050), st.integers(-3, 20), st.sampled_from(["{y}-{m:02d}", "{y}-Q{m}", "{y}-H{m}", "{y}-{m}"]))
@example(2025, 13, "{y}-{m:02d}")
@example(2025, 5, "{y}-Q{m}")
@example(2025, 0, "{y}-{m:02d}")
def test_near_misses_raise_period_error_exactly_when_invalid(y: int, m: int, pattern: str) -> None:
    text = pattern.format(y=y, m=m)
    limit = {"{y}-Q{m}": 4, "{y}-H{m}": 2}.get(pattern, 12)
    digits_ok = pattern != "{y}-{m}" or (m >= 10)  # the month form needs two digits
    valid = 1900 <= y <= 2100 and 1 <= m <= limit and m >= 0 and digits_ok and len(str(y)) == 4
    if valid:
        assert Period.parse(text).year == y
    else:
        with pytest.raises(PeriodError) as info:
            Period.parse(text)
        assert repr(text) in str(info.value) or "not a string" in str(info.value)


@FUZZ
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans(), st.binary(max_size=10)))
def test_anything_else_is_a_period_or_a_period_error(value: object) -> None:
    try:
        p = Period.parse(value)
    except PeriodError as e:
        assert "\n" not in str(e)
    else:
        assert Period.parse(str(p)) == p


# ---- the claim checker's number and scale parser ---------------------------------------

SCALE_WORDS = {"billion": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6, "trillion": 1e12, "thousand": 1e3}


@FUZZ
@given(st.integers(1, 999), st.integers(0, 9), st.sampled_from(sorted(SCALE_WORDS)), st.sampled_from(["$", "US$ ", "USD "]))
def test_money_value_and_precision(whole: int, tenth: int, word: str, cur: str) -> None:
    from mirrortrade.claims.numbers import find_money

    text = f"Exports reached {cur}{whole}.{tenth} {word} in 2025."
    (m,) = find_money(text)
    scale = SCALE_WORDS[word]
    assert math.isclose(m.value, (whole + tenth / 10) * scale, rel_tol=1e-12)
    assert math.isclose(m.precision, scale / 10, rel_tol=1e-12)  # one printed decimal: +/- half a tenth
    assert text[m.start:m.end] == m.text and m.text.startswith(cur.strip())


@FUZZ
@given(st.integers(1, 10**12))
def test_money_with_thousands_separators(n: int) -> None:
    from mirrortrade.claims.numbers import find_money

    (m,) = find_money(f"a total of {n:,} dollars")
    assert m.value == float(n) and m.precision == 1.0


@FUZZ
@given(st.integers(0, 999), st.integers(0, 9), st.sampled_from(["%", " percent", " per cent"]))
def test_percent_value(whole: int, tenth: int, unit: str) -> None:
    from mirrortrade.claims.numbers import find_percents

    (p,) = find_percents(f"up {whole}.{tenth}{unit} year on year")
    assert math.isclose(p.value, whole + tenth / 10) and math.isclose(p.precision, 0.1)


@FUZZ
@given(st.text(max_size=200))
@example("$1,000,000.5 trillion dollars and 12.5 percent, $1.2-1.5 billion, half a billion dollars")
@example("$٣ billion")
def test_number_parsers_never_crash(text: str) -> None:
    from mirrortrade.claims.numbers import (
        find_counts,
        find_fractions,
        find_money,
        find_multiples,
        find_percents,
    )

    for m in find_money(text):
        assert m.value >= 0 and m.precision >= 0 and m.start < m.end
        assert m.high is None or m.high >= m.value
    for p in find_percents(text) + find_fractions(text):
        assert math.isfinite(p.value)
    find_multiples(text)
    find_counts(text)


# ---- ingest validation: a typed error or a clean frame, never anything else ---------------

GOOD = pd.DataFrame({
    "reporter": ["CHN", "CHN"], "partner": ["KAZ", "KGZ"], "flow": ["X", "M"], "period": ["2025", "2025"],
    "value_usd": ["29700000000", "5200000000"], "source_id": ["CN-GACC", "CN-GACC"],  # seed article 000
    "qualifier": ["exact", "exact"], "note": ["", ""],
})
cells = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "NaN", "inf", "-1", "1e400", "2025-13", "156",
                                                          "—", "n/a", "1 234,5", "'", '"', "\\", "%s", "?", "NULL"]))


@FUZZ_SLOW
@given(st.sampled_from(list(GOOD.columns)), st.integers(0, 1), cells)
def test_any_cell_gives_a_typed_error_or_a_clean_frame(column: str, row: int, value: str) -> None:
    from mirrortrade.store.staging import normalize_observations

    df = GOOD.copy()
    df.loc[row, column] = value
    try:
        out = normalize_observations(df, file="fuzz.csv")
    except MirrortradeError as e:
        msg = str(e)
        assert "\n" not in msg and "fuzz.csv" in msg
    else:
        assert len(out) == 2 and out["value_usd"].map(math.isfinite).all() and (out["value_usd"] >= 0).all()


@FUZZ_SLOW
@given(st.binary(max_size=400), st.sampled_from([".csv", ".parquet", ".xlsx"]))
def test_any_bytes_give_a_typed_error_or_a_clean_frame(data: bytes, suffix: str) -> None:
    from mirrortrade.store.files import read_canonical_file
    from mirrortrade.store.staging import normalize_observations

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"fuzz{suffix}"
        p.write_bytes(data)
        try:
            normalize_observations(read_canonical_file(p), file=str(p))
        except MirrortradeError as e:
            assert "\n" not in str(e) and "fuzz" in str(e)


@FUZZ_SLOW
@given(st.lists(st.sampled_from(["reporter", "partner", "flow", "period", "value_usd", "source_id", "CHN", "X",
                                 "2025", "1e9", ",", ";", "\t", '"', "\n", "\r\n", " ", "UN-COMTRADE", "KAZ"]),
                max_size=40))
def test_csv_shaped_text_gives_a_typed_error_or_a_clean_frame(tokens: list[str]) -> None:
    from mirrortrade.store.files import read_canonical_file
    from mirrortrade.store.staging import normalize_observations

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "fuzz.csv"
        p.write_text("".join(tokens), encoding="utf-8")
        try:
            normalize_observations(read_canonical_file(p), file=str(p))
        except MirrortradeError as e:
            assert "\n" not in str(e)
