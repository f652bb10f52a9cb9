"""Kinds (issue 16): a change is not a level, a rate over several years is not one year's growth. Invented
sentences."""

from __future__ import annotations

from _corpus_bench import cs
from mirrortrade.claims.extract import extract_claims


def test_higher_than_after_an_amount_makes_it_a_change() -> None:
    t = "According to Mongolia's statistics office, trade with China was around $3 billion higher in 2022 than in 2021."
    (c,) = extract_claims(t)
    assert c.value_usd is None and c.change_usd == 3e9 and c.qualifier == "approx"
    t = "According to Mongolia's statistics office, exports to China were $400 million lower."
    (c,) = extract_claims(t)
    assert c.change_usd == -4e8
    # a level followed by "higher" in another sense stays a level
    t = "According to Mongolia's statistics office, trade with China reached $13 billion in 2022, a higher total."
    (c,) = extract_claims(t)
    assert c.value_usd == 13e9


def test_an_average_annual_rate_is_not_one_years_growth() -> None:
    for t in ("According to Mongolia's statistics office, trade with China reached $13 billion in 2022, with an "
              "average annual growth rate of 8 percent.",
              "According to Mongolia's statistics office, trade with China reached $13 billion in 2022, growing 8 "
              "percent a year on average."):
        claims = extract_claims(t)
        assert [c.value_usd for c in claims] == [13e9]
        assert all(c.growth_pct is None for c in claims)
    # a plain rate is kept
    (c,) = extract_claims("According to Mongolia's statistics office, trade with China rose 8 percent to $13 billion "
                          "in 2022.")
    assert c.growth_pct == 8.0 and c.growth_base == "2021"


def test_a_rate_since_an_earlier_year_keeps_its_base_and_is_not_scored_as_growth() -> None:
    (c,) = extract_claims("According to Mongolia's statistics office, trade with China is up 80 percent since 2017, "
                          "to $13 billion in 2022.")
    assert c.growth_pct == 80.0 and c.growth_base == "2017"
    js = c.to_json()
    assert js["growth_base"] == "2017" and not cs.year_on_year(js)
    assert [p.kind for p in cs.predictions({"claims": [js]})] == ["level"]
    assert cs.year_on_year({"period": "2022-01/2022-09", "growth_base": "2021"})
    assert cs.year_on_year({"period": "2022", "growth_base": None})


def test_imports_and_exports_together_are_the_turnover() -> None:
    for words in ("imports and exports", "exports and imports"):
        t = f"According to China's customs, China's {words} with Mongolia reached $13 billion in 2022."
        (c,) = extract_claims(t)
        assert (c.reporter, c.partner, c.flow, c.value_usd) == ("CHN", "MNG", "T", 13e9)
    # one direction stays one direction
    (c,) = extract_claims("According to China's customs, China's exports to Mongolia reached $3 billion in 2022.")
    assert c.flow == "X"


def test_came_to_over_is_a_lower_bound() -> None:
    (c,) = extract_claims("According to China's customs, China's exports to Mongolia came to over $2.4 billion in 2022.")
    assert c.qualifier == "lower" and c.value_low == 2.4e9
