"""A fiscal-year claim is verified against the same months in the store, never against the calendar year it
shares a number with ("never compare a partial period with a full one"). The store rows and the sentences are
invented for the test."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.verify import check_article

_SPAN = "2023-07/2024-06"
_TEXT = ("According to China's General Administration of Customs, China's exports to Pakistan were {v} in "
         "July-June 2023-24.")


def _ingest(store) -> None:  # type: ignore[no-untyped-def]
    common = {"reporter": "CHN", "partner": "PAK", "flow": "X", "source_id": "CN-GACC",
              "publisher": "General Administration of Customs", "pub_date": "2024-08-01"}
    store.ingest_frame(pd.DataFrame([
        {**common, "period": _SPAN, "value_usd": 15.7e9},  # the fiscal year July 2023-June 2024
        {**common, "period": "2024", "value_usd": 20.0e9},  # the calendar year 2024: other months
    ]), file="test-fiscal")


def _claim(res: dict) -> dict:
    (c,) = [c for c in res["claims"] if c.get("value_usd")]
    return c


def test_a_fiscal_year_claim_is_checked_against_the_same_months(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store)
    ok = _claim(check_article(_TEXT.format(v="$15.7 billion"), store))
    assert (ok["reporter"], ok["partner"], ok["flow"], ok["period"]) == ("CHN", "PAK", "X", _SPAN)
    assert ok["status"] == "consistent"
    wrong = _claim(check_article(_TEXT.format(v="$17.9 billion"), store))
    assert wrong["period"] == _SPAN and wrong["status"] == "conflict"


def test_a_fiscal_year_claim_never_matches_the_calendar_year(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store)
    # $20 billion is the calendar year 2024's figure: the fiscal year's own figure is $15.7 billion
    c = _claim(check_article(_TEXT.format(v="$20 billion"), store))
    assert c["period"] == _SPAN and c["status"] == "conflict"


def test_a_fiscal_year_without_stored_months_is_not_checked_against_a_year(store) -> None:  # type: ignore[no-untyped-def]
    common = {"reporter": "CHN", "partner": "PAK", "flow": "X", "source_id": "CN-GACC",
              "publisher": "General Administration of Customs", "pub_date": "2025-01-01"}
    store.ingest_frame(pd.DataFrame([{**common, "period": "2024", "value_usd": 20.0e9}]), file="test-calendar")
    res = check_article(_TEXT.format(v="$9.9 billion"), store)
    c = _claim(res)
    assert c["period"] == _SPAN and c["status"] not in ("conflict", "implausible")
    assert not [f for f in res["findings"] if c["id"] in f.get("claims", []) and f.get("status") == "conflict"]
