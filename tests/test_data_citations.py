"""The embedded dataset: every figure carries a citation whose quote contains the number as printed.

Reads the package files as text (no store) for the citation checks, and the embedded store for
the loader's promise that two publications of one statistic are both kept.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from mirrortrade.data import (
    EMBEDDED_FILES,
    PRINTED_COLUMN,
    data_path,
    gdp_indicators,
    national_figures,
    published_figures,
    published_gdp,
    seed_indicators,
)
from mirrortrade.model import Period, check_code, check_flow, check_source

SCALES = {
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "million": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    # the sums of file cells in thousand USD (Kazakhstan's WITS lines, tests/test_kaz_wits_sums.py)
    "thousand USD": Decimal(10) ** 3,
    "млрд": Decimal(10) ** 9, "млн": Decimal(10) ** 6,
    # the Russian words in full ('миллиарда', 'миллиона'): the stem matches every case ending
    "миллиард": Decimal(10) ** 9, "миллион": Decimal(10) ** 6,
    "亿美元": Decimal(10) ** 8, "億美元": Decimal(10) ** 8, "亿": Decimal(10) ** 8, "億": Decimal(10) ** 8,
}
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(" + "|".join(sorted(map(re.escape, SCALES), key=len, reverse=True)) + r")")
#: the one share the seeds print in words
_WORDS = {"a fifth": Decimal(20)}


def printed_amounts(text: str) -> list[tuple[Decimal, Decimal]]:
    """Every 'number + scale word' in a text as (amount, unit of its last printed digit), e.g.
    '$22 billion' -> (22e9, 1e9), '198.8亿美元' -> (1.988e10, 1e7), '22,0 billion' -> (22e9, 1e8)."""
    out: list[tuple[Decimal, Decimal]] = []
    prev_end, prev_scale = -1, Decimal(0)
    for m in _NUMBER.finditer(text):
        num, word = m.groups()
        d = Decimal(num.replace(",", "."))
        amount, unit = d * SCALES[word], Decimal(10) ** d.as_tuple().exponent * SCALES[word]
        # a compound amount, '1 billion 847 million': an integer count of a larger scale followed
        # directly by a smaller part is one number, printed to the unit of its last part
        if (out and text[prev_end:m.start()].strip() == "" and out[-1][1] == prev_scale
                and SCALES[word] < prev_scale and amount < prev_scale):
            amount += out.pop()[0]
        out.append((amount, unit))
        prev_end, prev_scale = m.end(), SCALES[word]
    return out


def _rows(name: str) -> list[dict[str, str]]:
    with open(data_path(name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_number_parser_reads_the_printed_forms() -> None:
    assert printed_amounts("to $ 13.1 billion.") == [(Decimal("13.1e9"), Decimal("1e8"))]
    assert printed_amounts("已达198.8亿美元") == [(Decimal("1.988e10"), Decimal("1e7"))]
    assert printed_amounts("$22mn and $4.82bn") == [(Decimal("22e6"), Decimal("1e6")), (Decimal("4.82e9"), Decimal("1e7"))]
    assert printed_amounts("22,0 billion") == [(Decimal("22.0e9"), Decimal("1e8"))]
    assert printed_amounts("составил $6,4 млрд") == [(Decimal("6.4e9"), Decimal("1e8"))]
    assert printed_amounts("составил $15,42 миллиарда, а — $81,66 миллиона") == [
        (Decimal("15.42e9"), Decimal("1e7")), (Decimal("81.66e6"), Decimal("1e4"))]
    assert printed_amounts("from $2 million 750 thousand in 2015 to $1 billion 847 million") == [
        (Decimal("2e6"), Decimal("1e6")), (Decimal("1847e6"), Decimal("1e6"))]
    assert printed_amounts("$1.5 billion 20 million") == [(Decimal("1.5e9"), Decimal("1e8")), (Decimal("20e6"), Decimal("1e6"))]
    assert printed_amounts("grew 12 percent") == []
    assert printed_amounts("rows: 4214925.903 thousand USD") == [(Decimal("4214925903"), Decimal("1"))]


def test_every_embedded_file_is_package_data_with_a_sources_entry() -> None:
    sources = Path(data_path("SOURCES.md")).read_text(encoding="utf-8")
    for name in (*EMBEDDED_FILES, "cny_usd_annual.csv"):
        assert Path(data_path(name)).is_file(), name
        assert name in sources, f"{name} has no section in data/SOURCES.md"


@pytest.mark.parametrize("name", ["seed_figures.csv", "published_figures.csv"])
def test_every_figure_quotes_its_number_as_printed(name: str) -> None:
    rows = _rows(name)
    assert rows
    for i, r in enumerate(rows, start=2):
        where = f"{name} line {i}"
        assert r["publisher"] and r["title"] and r["quote"], where
        value, precision = Decimal(r["value_usd"]), Decimal(r["precision_usd"])
        amounts = printed_amounts(r["quote"])
        assert (value, precision) in [(a, p) for a, p in amounts], f"{where}: {value} not printed in the quote"
        if PRINTED_COLUMN in r:
            assert r[PRINTED_COLUMN] in r["quote"], where
            assert printed_amounts(r[PRINTED_COLUMN]) == [(value, precision)], where
        # every code is in the vocabulary and every period parses
        check_code(r["reporter"]), check_code(r["partner"]), check_flow(r["flow"]), check_source(r["source_id"])
        Period.parse(r["period"])
        if r["growth_pct"]:
            assert re.search(rf"{re.escape(r['growth_pct'].lstrip('-'))}\s*(%|percent|-percent)", r["quote"]), where


def test_published_figures_name_where_and_when() -> None:
    for i, r in enumerate(_rows("published_figures.csv"), start=2):
        assert r["url"].startswith("http"), i
        assert r["pub_date"] or r["vintage"], i
        if not r["pub_date"]:
            assert r["note"], f"line {i}: an undated publication says why in its note"


def test_national_cells_quote_the_stored_cell() -> None:
    raw = pd.read_csv(data_path("national_ca_china.csv"), dtype=str)
    raw = raw[raw["value"].str.strip().ne("-") & raw["value"].notna()].reset_index(drop=True)
    nat = national_figures()
    assert len(nat) == len(raw)
    for cell, quote, value in zip(raw["value"], nat["quote"], nat["value"], strict=True):
        assert quote.endswith(f": {cell}") and value == cell


def test_gdp_and_seed_indicators_quote_their_value() -> None:
    for ind in gdp_indicators():
        printed = ind.citation.quote.rsplit(": ", 1)[1]
        assert float(printed) == ind.value and ind.citation.url
    for ind in seed_indicators():
        q = ind.citation.quote
        if ind.unit == "USD":
            assert (Decimal(str(ind.value)), Decimal(str(ind.precision))) in printed_amounts(q)
        else:
            assert any(w in q and v == Decimal(str(ind.value)) for w, v in _WORDS.items()), q


def test_published_gdp_quotes_its_number_as_printed() -> None:
    rows = _rows("gdp_published.csv")
    assert rows
    for i, r in enumerate(rows, start=2):
        where = f"gdp_published.csv line {i}"
        assert r["url"].startswith("http") and r["publisher"] and r["title"], where
        assert r["pub_date"] or r["note"], f"{where}: an undated publication says why in its note"
        assert r[PRINTED_COLUMN] in r["quote"], where
        assert printed_amounts(r[PRINTED_COLUMN]) == [(Decimal(r["value"]), Decimal(r["precision"]))], where
        check_code(r["country"]), check_source(r["source_id"])
        Period.parse(r["period"])
    # the loader keeps every row, with its citation, as a GDP indicator (two publications of one year: both kept)
    inds = published_gdp()
    assert len(inds) == len(rows) and {i.indicator for i in inds} == {"gdp_usd"}
    assert all(i.citation.url and i.citation.quote for i in inds)


def test_published_gdp_reaches_the_store(store) -> None:  # type: ignore[no-untyped-def]
    ind = store.indicators(indicator="gdp_usd")
    quotes = set(ind["quote"])
    assert {i.citation.quote for i in published_gdp()} <= quotes


def test_cny_usd_rates_are_cited() -> None:
    rows = _rows("cny_usd_annual.csv")
    assert rows and list(rows[0]) == ["year", "rate_cny_per_usd", "source", "url", "quote"]
    years = [int(r["year"]) for r in rows]
    assert len(set(years)) == len(years)
    for r in rows:
        assert r["rate_cny_per_usd"] in r["quote"] and r["url"].startswith("http") and r["source"]
        assert 5 < float(r["rate_cny_per_usd"]) < 9


def test_two_publications_of_one_statistic_are_both_kept(store) -> None:  # type: ignore[no-untyped-def]
    """A statistic published twice with different numbers stays twice in the store, one per publication."""
    pub = published_figures()
    seeds = _rows("seed_figures.csv")
    frame = pd.concat([pub, pd.DataFrame(seeds)], ignore_index=True)
    keys = ["reporter", "partner", "flow", "period", "source_id"]
    multi = frame.groupby(keys).filter(lambda g: g["value_usd"].astype(float).nunique() > 1)
    assert len(multi), "the dataset holds at least one statistic published with two numbers"
    for key, g in multi.groupby(keys):
        rep, par, flow, period, src = key
        obs = store.observations(reporter=rep, partner=par, flow=flow, period=period, source_id=src)
        got = {(t, round(v)) for t, v in zip(obs["title"], obs["value_usd"], strict=True)}
        want = {(t, round(float(v))) for t, v in zip(g["title"], g["value_usd"], strict=True)}
        assert want <= got, key


def test_every_published_figure_reaches_the_store_with_its_quote(store) -> None:  # type: ignore[no-untyped-def]
    pub = published_figures()
    obs = store.observations(reporter=sorted(set(pub["reporter"])))
    quotes = set(obs["quote"])
    assert set(pub["quote"]) <= quotes
