"""A one-month rate compared with the month before it by name ("jumped 7.1% from November") is a month-on-month rate:
its base is that month, not the same month a year before (issue 16: such rates were read, scored and checked as
year-on-year growth). A rate of the same sentence compared "from a year earlier" keeps its year. Figures: China's
customs via Reuters, October 2009: exports to the United States $21.3 billion (-9.7% year on year; September $21.2
billion), imports from Japan $11.2 billion (-13.2%; September $13.8 billion); the rates against September are computed
from those levels."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims

WHEN = date(2009, 11, 11)


def _by_value(text: str) -> dict[float, object]:
    return {c.value_usd: c for c in extract_claims(text, article_date=WHEN) if c.kind == "level"}


def test_a_rate_from_the_month_before_has_that_month_as_base() -> None:
    text = ("According to China's customs, imports from Japan fell 18.8 percent from September to $11.2 billion in "
            "October 2009.")
    c = _by_value(text)[11.2e9]
    assert (c.partner, c.flow, c.period, c.growth_pct, c.growth_base) == (  # type: ignore[attr-defined]
        "JPN", "M", "2009-10", -18.8, "2009-09")


def test_a_year_on_year_rate_beside_it_keeps_its_year() -> None:
    text = ("According to China's customs, imports from Japan came to $11.2 billion in October 2009, down 13.2 percent "
            "from a year earlier, and fell 18.8 percent from September.")
    c = _by_value(text)[11.2e9]
    assert (c.growth_pct, c.growth_base) == (-13.2, "2008-10")  # type: ignore[attr-defined]


def test_a_month_with_its_year_is_no_month_before() -> None:
    text = ("According to China's customs, exports to the United States fell 9.7 percent from October 2008 to $21.3 "
            "billion in October 2009.")
    c = _by_value(text)[21.3e9]
    assert c.growth_base == "2008-10"  # type: ignore[attr-defined]


def test_more_than_in_the_month_before() -> None:
    """China's customs via Oreanda-News: May 2022 China-Russia trade $14.59 billion, 15 percent more than April."""
    text = ("According to China's customs, in May 2022 the two countries, China and Russia, traded goods worth $14.59 "
            "billion, 15 percent more than in April.")
    c = _by_value(text)[14.59e9]
    assert (c.period, c.growth_pct, c.growth_base) == ("2022-05", 15.0, "2022-04")  # type: ignore[attr-defined]
