"""Kazakhstan's own side for the years the BNS files are missing (2015–2017, 2024): each embedded figure is the sum
of the HS4 lines Kazakhstan reported to UN Comtrade (WITS extract, tests/data/wits, byte copies of
shared/fixtures/wits; see tests/data/PROVENANCE.md), recomputed here from the file its quote names."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from mirrortrade.data import data_path

WITS = Path(__file__).parent / "data" / "wits"


def _wits_rows() -> list[dict[str, str]]:
    with open(data_path("published_figures.csv"), encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["source_id"] == "WITS" and r["reporter"] == "KAZ"]


def _sum(file: str, year: str) -> tuple[Decimal, int]:
    with open(WITS / file, encoding="utf-8", newline="") as fh:
        vals = [Decimal(r["TradeValuein1000USD"]) for r in csv.DictReader(fh)
                if r["Year"] == year and r["ReporterISO3"] == "KAZ" and r["PartnerISO3"] == "CHN"]
    return sum(vals, Decimal(0)), len(vals)


def test_each_wits_figure_is_the_sum_of_the_file_it_quotes() -> None:
    rows = _wits_rows()
    assert {(r["flow"], r["period"]) for r in rows} == {(f, y) for f in "XM" for y in ("2015", "2016", "2017", "2024")}
    for r in rows:
        file = r["quote"].rsplit(" of ", 1)[1].split(":", 1)[0]
        assert file == ("kazakhstan_exports_to_china_hs4_2015_2024_wits.csv" if r["flow"] == "X"
                        else "kazakhstan_imports_from_china_hs4_2015_2024_wits.csv")
        total, n = _sum(file, r["period"])
        assert Decimal(r["value_usd"]) == total * 1000, r["quote"]
        assert f"over the {n} rows with Year = {r['period']}" in r["quote"]
        # an incomplete extract can only understate the total: a bound, never an exact figure
        assert r["qualifier"] == "lower"


def test_the_extract_matches_bns_where_both_exist() -> None:
    """The reason the sums are usable at all: in 2018 and 2019 they match the BNS files' cells (national_ca_china.csv)
    within 0.001% (largest: 2018 imports, 5,384,163.373 against 5,384,193.6 thousand USD)."""
    with open(data_path("national_ca_china.csv"), encoding="utf-8", newline="") as fh:
        bns = {(r["flow"], r["period"]): Decimal(r["value"]) for r in csv.DictReader(fh)
               if r["reporter_iso3"] == "KAZ"}
    for year in ("2018", "2019"):
        for flow, file in (("export", "kazakhstan_exports_to_china_hs4_2015_2024_wits.csv"),
                           ("import", "kazakhstan_imports_from_china_hs4_2015_2024_wits.csv")):
            total, _ = _sum(file, year)
            assert abs(total - bns[(flow, year)]) / bns[(flow, year)] < Decimal("0.00001"), (flow, year)
