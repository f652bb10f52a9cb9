"""Growth rates that trail their level, and rates of an earlier period printed as a comparison (issue 16)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _growth_of(text: str, value: float) -> tuple[str | None, str | None, str | None, float | None]:
    for c in extract_claims(text):
        if c.growth_pct is not None and abs(abs(c.growth_pct) - value) < 1e-9:
            return c.kind, c.period, c.growth_base, c.value_usd
    raise AssertionError(f"no rate {value} read")


def test_a_rate_after_the_levels_base_is_the_levels_growth() -> None:
    t = ("According to Chile's central bank, exports to Peru reached $3.1 billion in January-May 2022 (a record), "
         "compared with $2.6 billion in the same period a year earlier, an increase of 19.2 percent.")
    kind, period, base, value = _growth_of(t, 19.2)
    assert (kind, period, base, value) == ("level", "2022-01/2022-05", "2021-01/2021-05", 3.1e9)


def test_a_rate_above_a_month_named_with_its_year_is_a_growth() -> None:
    t = ("According to Chile's central bank, Chile's exports to Peru came to $410 million in March 2023, more than "
         "12 percent above March 2022.")
    kind, period, base, _ = _growth_of(t, 12.0)
    assert (period, base) == ("2023-03", "2022-03")


def test_a_rate_after_an_aside_between_dashes_is_the_levels_growth() -> None:
    t = ("According to Turkey's statistics office, in 2022 trade between Turkey and Iraq came to $19.7 billion – "
         "62% of Turkey's entire turnover with the Arab world – and it was 21% higher than a year earlier.")
    kind, _, _, value = _growth_of(t, 21.0)
    assert (kind, value) == ("level", 19.7e9)  # the level's own rate, not a growth of the aside's whole


def test_the_same_period_of_the_previous_fiscal_year_is_the_same_months_a_year_back() -> None:
    t = ("According to the State Bank of Pakistan, Pakistan earned $512.6 million from exports to Afghanistan in the "
         "six months of July-December of fiscal year 2020-21, which is 8.3 percent more than in the same period of the "
         "previous fiscal year.")
    _, period, base, _ = _growth_of(t, 8.3)
    assert (period, base) == ("2020-H2", "2019-H2")  # not the whole fiscal year 2019-20


def test_a_rate_of_an_earlier_year_given_as_comparison_is_that_years_growth() -> None:
    t = ("According to Japan's finance ministry, Japan's imports from Vietnam rose 3.2% in 2019, compared with "
         "17.4% growth in 2018.")
    got = {c.growth_pct: (c.period, c.growth_base) for c in extract_claims(t) if c.growth_pct is not None}
    assert got[3.2] == ("2019", "2018")
    assert got[17.4] == ("2018", "2017")  # its own year's growth, against the year before it; never 2019's


def test_a_rate_after_tonnes_is_no_trade_value_growth() -> None:
    t = ("According to Chinese customs data, Myanmar shipped 2.4 million tonnes of rice to China in the first "
         "nine months of 2019, 14.6 percent more than a year before.")
    assert not [c for c in extract_claims(t) if c.growth_pct is not None]
