"""The structures of trade reporting (issue 16), one test each, on sentences written for these tests:
lists and "respectively", rankings without a verb, changes and decreases, periods, bounds, decimal commas,
yuan, and unresolved claims (never verified). Exchange rates come from the embedded ECB table
(data/cny_usd_monthly.csv); no network, no store unless stated."""

from __future__ import annotations

import math

import pytest

from mirrortrade.claims import extract_claims
from mirrortrade.claims.fx import cny_to_usd, rate_range
from mirrortrade.claims.numbers import find_money, find_percents
from mirrortrade.claims.verify import check_article

LEAD = "ALMATY, March 3, 2025 – "


def _slots(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.reporter, c.partner, c.flow, c.period, c.kind)


def test_respectively_pairs_each_figure_with_its_country() -> None:
    text = (LEAD + "According to China's customs, trade with Tajikistan and Turkmenistan came to $3.9 billion and "
            "$10.7 billion respectively in 2024.")
    cs = extract_claims(text)
    assert [(c.text, c.partner) for c in cs] == [("$3.9 billion", "TJK"), ("$10.7 billion", "TKM")]
    assert all(_slots(c) [0] == "CHN" and c.flow == "T" and c.period == "2024" and c.resolved for c in cs)


def test_respectively_list_shares_the_first_figures_kind() -> None:
    text = (LEAD + "China's customs said trade with Kazakhstan and Kyrgyzstan fell by about $300 million and "
            "$120 million respectively in 2024.")
    cs = extract_claims(text)
    assert [c.partner for c in cs] == ["KAZ", "KGZ"]
    assert all(c.change_usd is not None and c.change_usd < 0 and c.value_usd is None for c in cs)


def test_ranking_without_a_verb_continues_the_last_level() -> None:
    text = (LEAD + "Kazakhstan was China's largest partner in the region in 2024, with trade of $41.2 billion, "
            "according to the General Administration of Customs.\n\n"
            "Uzbekistan came second with $14.1 billion. Next come Turkmenistan ($9.9 billion) and "
            "Tajikistan – a little over $3 billion.")
    cs = extract_claims(text)
    got = {c.text: c for c in cs}
    assert _slots(got["$14.1 billion"]) == ("CHN", "UZB", "T", "2024", "level")
    assert _slots(got["$9.9 billion"]) == ("CHN", "TKM", "T", "2024", "level")
    tj = got["$3 billion"]
    assert _slots(tj) == ("CHN", "TJK", "T", "2024", "level") and tj.qualifier == "near_lower"


def test_signed_list_figures_and_more_than_a_year_earlier_are_changes() -> None:
    text = (LEAD + "In 2024 China's customs recorded higher trade with Uzbekistan (+$1.1 billion) and "
            "Kyrgyzstan (+$2.3 billion). Kazakhstan's own foreign trade was $1.9 billion more than a year "
            "earlier, the Bureau of National Statistics said.")
    cs = {c.text: c for c in extract_claims(text)}
    assert cs["$1.1 billion"].change_usd == pytest.approx(1.1e9) and cs["$1.1 billion"].partner == "UZB"
    assert cs["$2.3 billion"].change_usd == pytest.approx(2.3e9) and cs["$2.3 billion"].partner == "KGZ"
    assert cs["$1.9 billion"].change_usd == pytest.approx(1.9e9) and cs["$1.9 billion"].value_usd is None


def test_decrease_in_percent_is_negative() -> None:
    c = next(c for c in extract_claims(LEAD + "According to Tajik statistics, Tajikistan's exports to China "
                                              "decreased by 17 percent in 2024.") if c.kind == "growth")
    assert c.growth_pct == -17 and (c.reporter, c.partner, c.flow) == ("TJK", "CHN", "X")


def test_level_in_brackets_after_a_comparison_base_takes_the_base_period() -> None:
    text = (LEAD + "China's trade with Turkmenistan reached $10.7 billion in 2024, an increase of $0.3 billion "
            "over 2023 ($10.4 billion), according to China's customs.")
    cs = {c.text: c for c in extract_claims(text)}
    assert cs["$10.4 billion"].period == "2023" and cs["$10.7 billion"].period == "2024"


@pytest.mark.parametrize(("phrase", "qual"), [("crossed the $5 billion mark", "lower"), ("just under $5 billion", "near_upper"),
                                              ("about $5 billion", "approx"), ("more than $5 billion", "lower")])
def test_qualifiers_are_bounds(phrase: str, qual: str) -> None:
    c = extract_claims(LEAD + f"According to China's customs, trade with Tajikistan {phrase} in 2024.")[0]
    assert c.qualifier == qual
    assert (c.value_low, c.value_high) != (c.value_usd, c.value_usd)


@pytest.mark.parametrize(("phrase", "qual"), [
    ("has not crossed the $5 billion mark", "upper"), ("did not exceed $5 billion", "upper"),
    ("has yet to top $5 billion", "upper"), ("hasn't passed the $5 billion mark", "upper"),
    ("did not fall below $5 billion", "lower"), ("not only exceeded $5 billion", "lower"),
    ("was not less than $5 billion", "lower"), ("reached not more than $5 billion", "upper")])
def test_a_negated_bound_is_turned_round(phrase: str, qual: str) -> None:
    """Invented sentences: a negation before a bound's verb makes "crossed $x" an upper bound, "fell below" a lower one;
    "not only" negates nothing, and bounds that are negations themselves ("not less than") keep their sense."""
    c = extract_claims(LEAD + f"According to China's customs, trade with Tajikistan {phrase} in 2024.")[0]
    assert c.qualifier == qual
    if qual == "upper":
        assert c.value_high is not None and c.value_high <= 5.06e9 and (c.value_low is None or c.value_low < 4e9)


def test_decimal_commas_are_read_and_thousands_commas_kept() -> None:
    got = [(m.text, m.value) for m in find_money("turnover of 4,7 billion dollars, exports $1,496.2 million")]
    assert got == [("4,7 billion dollars", 4.7e9), ("$1,496.2 million", 1496.2e6)]
    assert [p.value for p in find_percents("a share of 17,9 percent and 8,4%")] == [17.9, 8.4]
    assert find_money("in 2019, 12 countries") == []


def test_yuan_converted_as_an_interval_over_the_period() -> None:
    lo_r, mean_r, hi_r = rate_range("2024")  # type: ignore[misc]
    assert 6.5 < lo_r <= mean_r <= hi_r < 7.6
    lo, mid, hi = cny_to_usd(100e9, 99.5e9, 100.5e9, "2024")  # type: ignore[misc]
    assert lo < 100e9 / hi_r and hi > 100e9 / lo_r and lo < mid < hi
    assert cny_to_usd(1e9, 1e9, 1e9, "1990") is None  # before the table: no rate, no value
    text = (LEAD + "China's trade with Kazakhstan reached 215.4 billion yuan in 2024, "
            "the General Administration of Customs said.")
    c = extract_claims(text)[0]
    assert c.value_cny == pytest.approx(215.4e9) and c.value_low < 215.4e9 / mean_r < c.value_high


def test_yuan_with_its_dollar_equivalent_is_one_claim() -> None:
    text = (LEAD + "China's trade with the Central Asian countries rose to 286.42 billion yuan (about 39.88 "
            "billion U.S. dollars) in the first five months of 2025, the General Administration of Customs said.")
    cs = [c for c in extract_claims(text) if c.kind == "level"]
    assert len(cs) == 1 and cs[0].value_usd == pytest.approx(39.88e9) and cs[0].value_cny == pytest.approx(286.42e9)


def test_unresolved_claim_is_shown_and_never_verified() -> None:
    text = (LEAD + "China's customs said trade with the Eurasian Economic Union reached $8.2 billion in 2024, "
            "while trade with Kazakhstan stood at $41.2 billion and also reached $8.2 billion.")
    res = check_article(LEAD + "The bloc's combined trade reached $12 billion last year.", None)
    assert res["claims"] == [] or all(c["status"] == "unresolved" and c["missing"] for c in res["claims"])
    res = check_article(text, None)
    for c in res["claims"]:
        assert set(c["slots"]) == {"reporter", "partner", "flow", "period", "kind", "value"}
        if c["status"] == "unresolved":
            assert c["missing"] and not any(c["id"] in f["claims"] for f in res["findings"])


def test_only_resolved_claims_reach_the_checks() -> None:
    # a figure with no partner anywhere is not trade with the world: unresolved, so it cannot conflict with the
    # resolved world figure of the same article
    text = (LEAD + "Kazakhstan's foreign trade turnover reached $141 billion in 2024, the Bureau of National "
            "Statistics said.\n\nExports came to $81 billion, it added.")
    res = check_article(text, None)
    by = {c["quote"][:20]: c for c in res["claims"]}
    assert any(c["status"] != "unresolved" for c in res["claims"])
    assert not any(c["status"] in ("conflict", "implausible") for c in res["claims"])
    assert by  # the article has claims
    assert all(math.isfinite(v) for c in res["claims"] for v in c["slots"].values())


def _store_of(text: str) -> object:
    """A stand-in store holding the claims of ``text`` as stored figures (same statistics, another title)."""
    import pandas as pd

    from mirrortrade.claims.verify import _claim_rows, _Overlay
    from mirrortrade.store import IND_COLUMNS

    rows = _claim_rows(extract_claims(text), "stored release", "2024-02-01")
    rows["figure_id"] = [f"s{i}" for i in range(len(rows))]
    return _Overlay(rows, pd.DataFrame(columns=list(IND_COLUMNS)))


@pytest.mark.parametrize(("stated", "status"), [("$43.8 billion", "consistent"), ("$45.8 billion", "conflict")])
def test_turnover_claim_checked_against_the_same_statistics_exports_plus_imports(stated: str, status: str) -> None:
    store = _store_of("BEIJING, February 1, 2024 – China's exports to Kazakhstan were $24.7 billion in 2023 and "
                      "its imports from Kazakhstan $19.1 billion, according to China's customs.")
    res = check_article(f"China's trade with Kazakhstan reached {stated} in 2023, according to China's customs.", store)
    f = [f for f in res["findings"] if f["rule"] == "turnover_vs_parts"]
    assert [x["status"] for x in f] == [status]
    assert res["claims"][0]["status"] == status


def test_change_against_two_rounded_levels_is_consistent_within_rounding() -> None:
    # 31.9 - 30.2 = 1.7, and with rounding [31.85, 31.95] - [30.15, 30.25] = [1.6, 1.8], which holds "up $1.7 billion"
    text = (LEAD + "According to China's customs, Chinese exports to Kazakhstan rose by $1.7 billion to $31.9 "
            "billion in 2024, from $30.2 billion in 2023.")
    res = check_article(text, None)
    ch = [f for f in res["findings"] if f["rule"] == "change_vs_levels"]
    assert ch and all(f["status"] == "consistent" for f in ch)
    assert not any(c["status"] in ("conflict", "implausible") for c in res["claims"])
