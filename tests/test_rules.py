"""One description of a valid observation (model/rules.py) drives the record check and the SQL staging check.

A change to the spec (or to a vocabulary it reads) reaches ``Observation``, ``normalize_observations`` (ingest)
and ``validate_declarations`` (``reconcile --input``) at once; and for every code field the two paths refuse
the same values.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from mirrortrade.errors import CodeError, ParseError
from mirrortrade.model import (
    FLOWS,
    INDICATOR,
    NUMBER_COLUMNS,
    OBSERVATION,
    REQUIRED_COLUMNS,
    Indicator,
    Observation,
)
from mirrortrade.reconcile.validate import validate_declarations
from mirrortrade.store.files import NUM_COLUMNS
from mirrortrade.store.staging import MAX_VALUE_USD, normalize_observations

BASE = {"reporter": "CHN", "partner": "KAZ", "flow": "X", "period": "2024", "value_usd": 1e9, "source_id": "CN-GACC"}


def record(**over: object) -> Observation:
    return Observation(**{**BASE, **over})  # type: ignore[arg-type]


def staged(**over: object) -> pd.DataFrame:
    return normalize_observations(pd.DataFrame([{**BASE, **over}]), file="t.csv")


def declarations(tmp_path: Path, flow: str) -> Path:
    p = tmp_path / "decl.csv"
    p.write_text(f"reporter,partner,flow,year,product,value\nCHN,KAZ,X,2021,TOTAL,5\nCHN,KAZ,{flow},2021,TOTAL,7\n")
    return p


def test_a_narrower_flow_list_in_the_spec_reaches_record_ingest_and_reconcile(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # before: turnover is a flow on every path
    assert record(flow="T").flow == "T"
    assert staged(flow="T")["flow"].tolist() == ["T"]
    assert validate_declarations(declarations(tmp_path, "T")).rows == 2

    flow = OBSERVATION.field("flow")
    narrow = dataclasses.replace(flow, vocabulary=lambda: ("X", "M"))
    monkeypatch.setattr(OBSERVATION, "fields", tuple(narrow if f is flow else f for f in OBSERVATION.fields))

    with pytest.raises(CodeError, match=r"unknown flow 'T' \(expected one of X, M\)"):
        record(flow="T")
    with pytest.raises(CodeError, match=r"unknown flow 'T'") as e:
        staged(flow="T")
    assert e.value.column == "flow" and e.value.row == 1
    with pytest.raises(CodeError, match=r"unknown flow 'T'") as e:
        validate_declarations(declarations(tmp_path, "T"))
    assert e.value.row == 2
    assert record(flow="M").flow == "M"  # what the spec still allows passes
    assert staged(flow="m")["flow"].tolist() == ["M"]


def test_a_flow_added_to_the_vocabulary_is_accepted_by_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CodeError):
        record(flow="TX")
    with pytest.raises(CodeError):
        staged(flow="TX")
    monkeypatch.setitem(FLOWS, "TX", "transit")
    assert record(flow="tx").flow == "TX"
    assert staged(flow="tx")["flow"].tolist() == ["TX"]


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("reporter", ["KAZ", "kaz", " UZB ", "WLD", "CA5", "XXX", "156", "KZ"]),
        ("partner", ["KAZ", "wld", "CA5", "EUU", "XXX", "398", "uzb "]),
        ("flow", ["X", "m", " RX ", "B", "EXP", "export", "Z"]),
        ("qualifier", ["exact", "APPROX", "near_upper", "about", "~"]),
        ("valuation", ["FOB", "cif", "UNKNOWN", "EXW", "free"]),
    ],
)
def test_record_and_file_refuse_the_same_codes(column: str, values: list[str]) -> None:
    """For each value, the record check and the staging check agree: both accept it (normalised alike) or both
    refuse it, naming the same column."""
    over: dict[str, object] = {"partner": "WLD"} if column == "reporter" else {}
    for v in values:
        try:
            got = getattr(record(**{**over, column: v}), column)
        except CodeError as e:
            assert e.column == column
            with pytest.raises(CodeError) as f:
                staged(**{**over, column: v})
            assert f.value.column == column, v
        else:
            assert staged(**{**over, column: v})[column].tolist() == [got], v


def test_value_rules_come_from_the_spec() -> None:
    assert OBSERVATION.value.file_max == MAX_VALUE_USD
    with pytest.raises(ParseError, match=r"negative value -5.0 for flow X"):
        record(value_usd=-5.0)
    with pytest.raises(ParseError, match=r"negative value -5.0 for flow X"):
        staged(value_usd=-5.0)
    assert record(flow="B", value_usd=-5.0).value_usd == -5.0
    assert staged(flow="B", value_usd=-5.0)["value_usd"].tolist() == [-5.0]
    with pytest.raises(ParseError, match="an observation needs a value or a growth rate"):
        record(value_usd=None)
    with pytest.raises(ParseError, match=r"no value \(and no growth rate\)"):
        staged(value_usd=None)
    assert record(value_usd=None, growth_pct=3.0).growth_pct == 3.0


def test_required_and_number_columns_are_the_specs() -> None:
    assert REQUIRED_COLUMNS == tuple(f.column for f in OBSERVATION.fields if f.required)
    assert NUM_COLUMNS is NUMBER_COLUMNS and NUMBER_COLUMNS[0] == OBSERVATION.value.column
    with pytest.raises(ParseError, match="missing required column"):
        normalize_observations(pd.DataFrame([{k: v for k, v in BASE.items() if k != "source_id"}]), file="t.csv")


def test_indicator_checks_follow_its_spec() -> None:
    ok = Indicator(country="uzb", indicator="gdp_usd", period="2024", value=1.0, unit="USD", source_id="wb-wdi")
    assert (ok.country, ok.partner, ok.source_id, ok.qualifier) == ("UZB", "", "WB-WDI", "exact")
    assert [f.column for f in INDICATOR.fields][:2] == ["country", "partner"]
    with pytest.raises(CodeError, match="bad indicator id 'GDP'"):
        Indicator(country="UZB", indicator="GDP", period="2024", value=1.0, unit="USD", source_id="WB-WDI")
    with pytest.raises(ParseError, match="value nan is not finite"):
        Indicator(country="UZB", indicator="gdp", period="2024", value=float("nan"), unit="USD", source_id="WB-WDI")
    with pytest.raises(CodeError, match="unknown partner"):
        Indicator(country="UZB", indicator="gdp", period="2024", value=1.0, unit="USD", source_id="WB-WDI",
                  partner="XXX")


def test_blank_qualifier_and_valuation_take_the_specs_defaults_on_both_paths() -> None:
    defaults = {f.column: f.default for f in OBSERVATION.fields if f.column in ("qualifier", "valuation")}
    assert defaults == {"qualifier": "exact", "valuation": "UNKNOWN"}
    rec = record(qualifier="", valuation="")
    row = staged().iloc[0]  # columns absent from the file
    blank_q = staged(qualifier="").iloc[0]  # a blank qualifier cell
    for column, default in defaults.items():
        assert getattr(rec, column) == row[column] == default
    assert blank_q["qualifier"] == defaults["qualifier"]
