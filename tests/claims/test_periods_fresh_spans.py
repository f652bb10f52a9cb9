"""Period kinds found on fresh text (dev/460-469, session 21): a span of months named "of" a split year ("April-November
of 2025-26") is those months inside it, not the whole fiscal year, and "the same eight months of 2024-25" the first
eight months of that fiscal year; "over" before a part of a year with no year of its
own ("counted $21.7 billion over the first nine months") names the span the figure covers, not a comparison base.
Every sentence here is invented for the test; the figures are India's commerce ministry's (exports to China,
April-November 2025, Business Standard 2025-12-16) and Kazakhstan's Bureau of National Statistics' (trade with China,
January-September 2023, intellinews) and China's customs' (January-October 2023, the Chinese envoy)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _spans(text: str, **kw: object) -> list[tuple[str, str | None, bool]]:
    return [(pm.text, pm.period, pm.base) for pm in find_periods(text, ref_year=2025, **kw)]  # type: ignore[arg-type]


def test_a_month_range_of_a_split_year_is_those_months_inside_it() -> None:
    assert _spans("Exports reached $12.22 billion in April-November of 2025-26.", fiscal_start=4) == [
        ("April-November of 2025-26", "2025-04/2025-11", False)]
    # the same with no "of", as before
    assert _spans("Exports reached $12.22 billion in April-November 2025-26.", fiscal_start=4) == [
        ("April-November 2025-26", "2025-04/2025-11", False)]
    # months after the new year in a July-June year fall in its second calendar year
    assert _spans("Exports were $0.7 billion in January-March of 2023-24.", fiscal_start=7) == [
        ("January-March of 2023-24", "2024-Q1", False)]


def test_a_month_range_of_a_split_year_is_the_figures_period_not_the_fiscal_year() -> None:
    text = ("NEW DELHI, December 16, 2025 – Shipments from India to China rose 32.8 percent to $12.22 billion "
            "during April–November of 2025-26, commerce ministry data show.")
    claims = extract_claims(text, article_date=date(2025, 12, 16))
    level = next(c for c in claims if c.value_usd and abs(c.value_usd - 12.22e9) < 1e6)
    assert (level.reporter, level.partner, level.flow, level.period) == ("IND", "CHN", "X", "2025-04/2025-11")


def test_the_same_n_months_of_a_split_year_is_the_base_span_not_the_fiscal_year() -> None:
    # India's commerce ministry: exports to China $12.22 billion in April-November 2025 against $9.20 billion in
    # April-November 2024 (Economy India), $14.25 billion in FY25 (Business Standard)
    text = ("NEW DELHI, December 16, 2025 – Shipments from India to China rose 32.8 percent to $12.22 billion during "
            "April–November of 2025-26, against $9.20 billion in the same eight months of 2024-25. Exports to China "
            "had fallen to $14.25 billion in FY25.")
    claims = extract_claims(text, article_date=date(2025, 12, 16))
    periods = {round((c.value_usd or 0) / 1e7): c.period for c in claims if c.value_usd}
    assert periods == {1222: "2025-04/2025-11", 920: "2024-04/2024-11", 1425: "2024-04/2025-03"}


def test_over_a_yearless_part_of_a_year_is_the_span_not_a_base() -> None:
    assert _spans("The bureau counted $21.7 billion over the first nine months.", context_year=2023) == [
        ("the first nine months", "2023-01/2023-09", False)]
    # a base names its year, or follows a change
    assert [pm.base for pm in find_periods("up 5 percent over the first nine months of 2022", ref_year=2023)] == [True]
    assert [pm.base for pm in find_periods("trade rose 5 percent over 2022", ref_year=2023)] == [True]


def test_a_level_over_the_first_nine_months_after_a_ten_month_figure_keeps_its_own_span() -> None:
    text = ("ASTANA, November 29, 2023 – Beijing's envoy put bilateral trade for the first ten months at $32.7 billion. "
            "Kazakhstan's Bureau of National Statistics counted $21.7 billion of trade with China over the first nine "
            "months.")
    claims = extract_claims(text, article_date=date(2023, 11, 29))
    nine = next(c for c in claims if c.value_usd and abs(c.value_usd - 21.7e9) < 1e6)
    assert (nine.reporter, nine.partner, nine.period) == ("KAZ", "CHN", "2023-01/2023-09")
    ten = next(c for c in claims if c.value_usd and abs(c.value_usd - 32.7e9) < 1e6)
    assert ten.period == "2023-01/2023-10"


def test_over_the_first_quarter_or_half_stays_a_base() -> None:
    # "rose 5 percent over the first quarter" may compare the second quarter with the first: no reading changes
    assert [pm.base for pm in find_periods("In the second quarter exports rose 5 percent over the first quarter.",
                                           ref_year=2023)] == [False, True]
    assert [pm.base for pm in find_periods("exports rose 8 percent over the first half", ref_year=2023)] == [True]
