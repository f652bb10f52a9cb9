"""National statistics files as published: every China value equals the derived fixture table;
all partners are read, aggregates are not."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mirrortrade.errors import ParseError
from mirrortrade.sources.names import name_to_iso3
from mirrortrade.sources.national import kaz_bns, kgz_nsc, uzb_stat

from .conftest import DATA

NS = DATA / "national_stats"
PARSERS = {"KAZ": kaz_bns, "KGZ": kgz_nsc, "UZB": uzb_stat}


def _derived() -> list[dict[str, str]]:
    with (NS / "central_asia_own_reported_trade_with_china.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def parsed() -> dict[str, object]:
    files = {r["source_file"].split("#")[0] for r in _derived()}
    return {f: PARSERS[f.split("/")[1]].parse_report(DATA / f) for f in files}


def test_china_values_equal_the_derived_table(parsed: dict[str, object]) -> None:
    rows = _derived()
    assert len(rows) == 100
    for r in rows:
        rep = parsed[r["source_file"].split("#")[0]]
        flow = {"export": "X", "import": "M"}[r["flow"]]
        hits = [o for o in rep.observations if o.partner == "CHN" and o.flow == flow and o.period == r["period"]]  # type: ignore[attr-defined]
        assert len(hits) == 1, r
        assert hits[0].value_usd == float(r["value"]) * 1e3, r  # thousand USD as printed
        assert hits[0].reporter == r["reporter_iso3"]


def test_kaz_all_partners_and_no_aggregates() -> None:
    rep = kaz_bns.parse_report(NS / "KAZ" / "kaz_bns_main_foreign_trade_indicators_2019.xls")
    got = {(o.partner, o.flow, o.period): o.value_usd for o in rep.observations}
    # cells of sheet 12_2019 (rows 73, 105, 156, 193): export = column D, import = column F, thousand USD
    assert got[("CHN", "X", "2019")] == 8003866.69343 * 1e3
    assert got[("TWN", "M", "2019")] == 53280.86466 * 1e3
    assert got[("ZAF", "X", "2019")] == 22158.88772 * 1e3  # "Южная Африка" is a country, not "Африка"
    assert got[("CAF", "M", "2019")] == 0.80752 * 1e3  # "Центрально-Африканская Республика"
    assert ("CAF", "X", "2019") not in got  # empty cell = no trade
    assert got[("RUS", "M", "2018")] == 13237470.9 * 1e3  # the second sheet of the same file (12_2018)
    assert {"Африка", "Всего", "Страны СНГ", "Страны ЕАЭС", "Европа", "Австралия и Океания"} <= set(rep.skipped)
    assert not {o.partner for o in rep.observations} & {"WLD", "CA5", "EUU"}
    assert len({o.partner for o in rep.observations}) > 150


def test_kaz_publication_date_from_the_cover() -> None:
    rep = kaz_bns.parse_report(NS / "KAZ" / "kaz_bns_main_foreign_trade_indicators_by_country_2023.xls")
    assert {o.vintage for o in rep.observations} == {"2024-07-25"}  # "Дата опубликования: 25.07.2024"


@pytest.mark.parametrize("title, period", [
    ("за январь-декабрь 2019 года", "2019"), ("2022 год", "2022"), ("за  2021 год ", "2021"),
    ("за январь-сентябрь 2024 года", "2024-01/2024-09"), ("за январь-июнь 2025 года", "2025-H1"), ("за январь 2025 года", "2025-01"),
])
def test_kaz_periods_including_partial_years(title: str, period: str) -> None:
    assert kaz_bns.period_of(title) == period


def test_kgz_preliminary_2023_imports() -> None:
    rep = kgz_nsc.parse_report(NS / "KGZ" / "kgz_nsc_4.03.00.20_imports_by_country_1994_2023.xlsx")
    by = {(o.partner, o.period): o for o in rep.observations}
    assert by[("CHN", "2023")].value_usd == 5353257.336 * 1e3
    assert "preliminary" in by[("CHN", "2023")].note and by[("CHN", "2022")].note == ""
    assert by[("RUS", "2021")].value_usd == 1911522.348 * 1e3
    assert all(o.flow == "M" and o.valuation == "CIF" for o in rep.observations)
    assert rep.notes == ["preliminary: 2023 (imports)"]
    assert {"Total", "The EU", "CIS", "SCO", "EAEU", "Undefined country"} <= set(rep.skipped)
    exports = kgz_nsc.parse_report(NS / "KGZ" / "kgz_nsc_4.03.00.18_exports_by_country_1994_2023.xlsx")
    assert {o.flow for o in exports.observations} == {"X"} and exports.notes == []


def test_uzb_bom_csv_codes_and_unallocated() -> None:
    rep = uzb_stat.parse_report(NS / "UZB" / "sdmx_data_1105.csv")
    by = {(o.partner, o.period): o.value_usd for o in rep.observations}
    assert by[("CHN", "2010")] == 931846.9 * 1e3  # Code 156, first year column
    assert by[("RUS", "2023")] == 3495675.6 * 1e3  # Code 643
    assert rep.skipped == ["Code 0 Other countries"]  # trade without an allocated partner
    assert {o.flow for o in rep.observations} == {"X"}
    assert {o.flow for o in uzb_stat.parse(NS / "UZB" / "sdmx_data_1176.csv")} == {"M"}


def test_uzb_flow_needs_the_dataset_number(tmp_path: Path) -> None:
    p = tmp_path / "uzbek_trade.csv"
    p.write_bytes((NS / "UZB" / "sdmx_data_1105.csv").read_bytes())
    with pytest.raises(ParseError, match="pass --flow X or M"):
        uzb_stat.parse(p)
    assert {o.flow for o in uzb_stat.parse_report(p, flow="M").observations} == {"M"}


def test_unknown_partner_name_names_the_row(tmp_path: Path) -> None:
    src = (NS / "UZB" / "sdmx_data_1105.csv").read_text(encoding="utf-8-sig").splitlines()
    src.insert(2, "999,Atlantida,Атлантида,Atlantis," + ",".join(["1.0"] * 14))
    p = tmp_path / "sdmx_data_1105.csv"
    p.write_text("\n".join(src), encoding="utf-8")
    with pytest.raises(ParseError) as e:
        uzb_stat.parse(p)
    assert "row 2" in str(e.value) and "Atlantis" in str(e.value)


@pytest.mark.parametrize("names, iso3", [
    (("Южная Африка",), "ZAF"), (("Центрально-Африканская Республика",), "CAF"), (("Тайвань (Китай)",), "TWN"),
    (("Eastern SAMOA", "Восточное САМОА"), "ASM"), (("Congo", "Конго"), "COG"), (("Zaire", "Заир"), "COD"),
    (("Kyrgyz Republic",), "KGZ"), (("Африка",), None), (("Всего\nв том числе",), None),
])
def test_names(names: tuple[str, ...], iso3: str | None) -> None:
    assert name_to_iso3(*names) == iso3


@pytest.mark.parametrize(("tail", "words"), [
    (b"\x00" * 5000 + b"860,Uzb", "NUL byte"),
    (b"156,China,\xd0\x9a\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9,China,1.0", "fields where the header has"),
])
def test_ingest_national_checks_the_whole_csv(tail: bytes, words: str, tmp_path: Path) -> None:
    """Issue 19: a national CSV padded with NUL bytes or cut off in its last row is one ParseError before any
    parsing (so nothing reaches the store), as for `ingest`."""
    from mirrortrade.sources.national import NationalQuery, parse

    p = tmp_path / "sdmx_data_1105.csv"
    p.write_bytes((NS / "UZB" / "sdmx_data_1105.csv").read_bytes().rstrip(b"\n") + b"\n" + tail)
    with pytest.raises(ParseError) as e:
        parse(NationalQuery(p, "UZB", None, ""))
    assert words in str(e.value) and str(p) in str(e.value) and "\n" not in str(e.value)
