"""A stated change against the same statistics' stored levels (issue 16, verification): within rounding it is
consistent, fitting one publication of a level is enough, beyond rounding it is a conflict. The store rows and
the sentences are invented."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.turnover import change_vs_store


def _row(fid: str, period: str, value: float, prec: float = 1e8) -> dict:
    return {"figure_id": fid, "reporter": "CHN", "partner": "MNG", "flow": "T", "period": period, "product": "TOTAL",
            "source_id": "CN-GACC", "value_usd": value, "value_low": value - prec / 2, "value_high": value + prec / 2}


STORE = pd.DataFrame([_row("a", "2022", 30.2e9), _row("b", "2023", 31.9e9), _row("b2", "2022", 30.0e9)])


def _check(sentence: str) -> list[dict]:
    claims = extract_claims("According to China's General Administration of Customs, " + sentence)
    return change_vs_store(claims, STORE, set())


def test_a_change_within_the_rounding_of_two_levels_is_consistent() -> None:
    # 31.9 - 30.2 = 1.7; with rounding 31.85..31.95 - 30.15..30.25 = 1.6..1.8, which holds 1.65..1.75
    (f,) = _check("trade with Mongolia grew by $1.7 billion in 2023.")
    assert f["status"] == "consistent" and f["evidence"]["allowed"] == [1.6e9, 1.8e9]


def test_one_publication_of_the_base_that_fits_is_enough() -> None:
    # against 30.2 the change is 1.6..1.8, against the other publication 30.0 it is 1.8..2.0: 1.9 fits the second
    (f,) = _check("trade with Mongolia grew by $1.9 billion in 2023.")
    assert f["status"] == "consistent" and f["evidence"]["tried"] == 2


def test_a_change_beyond_rounding_is_a_conflict() -> None:
    (f,) = _check("trade with Mongolia grew by $3 billion in 2023.")
    assert f["status"] == "conflict" and f["claims"] == ["c1"]


def test_no_stored_base_no_finding() -> None:
    assert _check("trade with Mongolia grew by $3 billion in 2021.") == []
