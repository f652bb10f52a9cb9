"""Slots of unseen articles (issue 16): a month count back from the publication, a balance referred to by "it",
and the other period, flow and kind structures retired held-out sets showed. Every sentence here is invented for
the test."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.periods import find_periods


def _own(text: str, **kw: object) -> list[str | None]:
    return [pm.period for pm in find_periods(text, **kw) if not pm.base]  # type: ignore[arg-type]


def _levels(text: str, **kw: object) -> dict[float, tuple[str | None, str | None, str | None, str | None]]:
    return {c.value_usd: (c.reporter, c.partner, c.flow, c.period)  # type: ignore[misc]
            for c in extract_claims(text, **kw) if c.kind == "level"}  # type: ignore[arg-type]


def test_the_past_n_months_count_from_january_of_the_publication_year() -> None:
    # said in October: the year's first seven months, the cumulative statistics out by then
    assert _own("Over the past seven months exports rose 5%.", ref_date=date(2021, 10, 5)) == ["2021-01/2021-07"]
    assert _own("in the last nine months", ref_date=date(2017, 11, 20)) == ["2017-01/2017-09"]
    # a count that cannot be the year to date (it reaches into last year, or ends too long ago) names no period
    assert _own("over the past eight months", ref_date=date(2021, 3, 1)) == [None]
    assert _own("over the past two months", ref_date=date(2021, 12, 1)) == [None]
    assert _own("over the past six months") == [None]


def test_the_past_n_months_in_a_quote_beat_an_earlier_month() -> None:
    t = ("Kyrgyzstan's premier met his Sylvanian counterpart during a visit that began in June.\n\n"
         '"Sylvania is our biggest partner. Over the past five months our turnover with Sylvania grew by 12% to '
         '$3.1 billion," the premier said.')
    claims = [c for c in extract_claims(t, article_date=date(2022, 7, 15)) if c.value_usd == 3.1e9]
    assert [c.period for c in claims] == ["2022-01/2022-05"]


def test_a_deficit_referred_to_by_it_stays_a_deficit() -> None:
    t = ("Kazakhstan's statistics committee reports a widening deficit in trade with China. The deficit, only $1.2 "
         "billion in 2005, rose to $6 billion in 2020. In 2012 it stood at $3.4 billion, and it reached $4.1 billion "
         "in 2016.")
    got = _levels(t)
    assert got[-3.4e9][2:] == ("B", "2012")
    assert got[-4.1e9][2:] == ("B", "2016")
    assert 3.4e9 not in got and 4.1e9 not in got


def test_a_bracketed_conversion_is_no_comparison_base() -> None:
    # the bracket converts the amount in roubles before it; the base is only named by the comparison
    t = ("Trade between Russia and Kyrgyzstan grew by 6% in January–May 2021 compared with the same period of 2020, "
         "reaching 410 billion rubles ($5.5 billion), the ministry said.")
    assert _levels(t)[5.5e9][3] == "2021-01/2021-05"
    # a converted amount that is the base keeps the base's period
    t = ("Trade between Russia and Kyrgyzstan reached $6.2 billion in January–May 2021, compared with 410 billion "
         "rubles ($5.5 billion) in the same period of 2020, the ministry said.")
    assert _levels(t)[5.5e9][3] == "2020-01/2020-05"


def test_a_part_of_a_year_without_its_year_is_the_span_the_article_stated() -> None:
    t = ("Trade between Russia and Kyrgyzstan grew by 6% in January–May 2021 to $5.5 billion, the ministry said.\n\n"
         '"In 2020 our trade reached $12 billion. In January–May the volume grew by 6%," the minister said.')
    rates = [c.period for c in extract_claims(t) if c.growth_pct == 6.0]
    assert rates == ["2021-01/2021-05", "2021-01/2021-05"]
    # two spans with those months stated: which one is not said
    t2 = ("Trade between Russia and Kyrgyzstan came to $5.5 billion in January–May 2021 and to $5.1 billion in "
          "January–May 2020, the ministry said.\n\n"
          '"In 2020 our trade reached $12 billion. In January–May the volume grew by 6%," the minister said.')
    rates = [c.period for c in extract_claims(t2) if c.growth_pct == 6.0]
    assert rates == [None]


def test_a_change_and_the_level_it_came_to_are_two_claims() -> None:
    t = ("According to the Kyrgyz statistics committee, exports to Turkey went up by $45m to $410m in 2019, but "
         "imports climbed by $120m to $930m.")
    got = sorted((c.flow, c.kind, c.value_usd, c.change_usd) for c in extract_claims(t))
    assert got == [("M", "growth", None, 120e6), ("M", "level", 930e6, None),
                   ("X", "growth", None, 45e6), ("X", "level", 410e6, None)]


def test_a_change_played_down_is_a_change_over_its_levels_period() -> None:
    t = ("Tajikistan's exports to Russia rose by only $35m to $820m in 2022, the customs service said, and imports "
         "fell by a mere $6m.")
    got = {(c.kind, c.value_usd, c.change_usd, c.period, c.growth_base) for c in extract_claims(t)}
    assert ("growth", None, 35e6, "2022", "2021") in got
    assert ("level", 820e6, None, "2022", None) in got
    assert any(c[2] == -6e6 for c in got)
    assert not any(c[1] in (35e6, 6e6) for c in got)


def test_its_exports_are_the_clause_subjects() -> None:
    # "its" is the subject's (Russia's); in Kazakhstan's statistics, Russia's exports to it are Kazakh imports
    t = ("According to Kazakhstan's statistics committee, Russia, the country's main supplier, raised its exports to "
         "the republic to $17.4bn in 2023.")
    assert _levels(t)[17.4e9] == ("KAZ", "RUS", "M", "2023")


def test_a_flow_said_of_the_figure_after_it_is_its_own() -> None:
    t = ("Kyrgyzstan's trade with Turkey came to $1,2 billion in 2019, the National Statistical Committee reports.\n\n"
         "Of this amount, $0,4 billion were exports, and the remaining $0,8 billion were imports of goods from Turkey.")
    got = _levels(t)
    assert got[0.4e9][2] == "X" and got[0.8e9][2] == "M"
    assert got[0.8e9][:2] == ("KGZ", "TUR")


def test_a_figure_between_by_and_to_another_figure_is_a_change() -> None:
    # the verb is far from "by": the shape "by $A to $B" makes $A the change, the clause's verb its sign
    t = ("According to the State Bank of Pakistan, China cut its shipments to the country by $250 million to $3.1 "
         "billion in July–September 2021.")
    got = {(c.kind, c.change_usd, c.value_usd, c.flow) for c in extract_claims(t)}
    assert ("growth", -250e6, None, "M") in got and ("level", None, 3.1e9, "M") in got


def test_a_month_on_month_rate_is_against_the_month_before() -> None:
    t = "China's customs said exports to Kyrgyzstan rose 4.5% month-on-month to $1.9 billion in March 2024."
    c = next(c for c in extract_claims(t) if c.growth_pct == 4.5)
    assert (c.period, c.growth_base) == ("2024-03", "2024-02")
    t = "China's customs said exports to Kyrgyzstan rose 4.5% over the month to $1.9 billion in January 2024."
    assert next(c for c in extract_claims(t) if c.growth_pct == 4.5).growth_base == "2023-12"


def test_a_publication_date_is_no_data_period() -> None:
    assert _own("Beijing's own figures, published in March, put trade at $80bn.", ref_date=date(2022, 4, 2)) == []
    assert _own("The survey, released in 2021, counts 40 partners.", context_year=2020) == []
    # a data month stays one
    assert _own("Exports rose in March.", ref_date=date(2022, 4, 2)) == ["2022-03"]
