"""Spans, look-back bases and multi-year growth (issue 16, branch i16-periods): a base "a year before" after a part of
a year in context is that span a year before, not the calendar year; a period in a later clause that holds the next
figure is that figure's, never the one of the figure before it; a growth over a span of several years ("over the past
ten years ... tripled") is not one year's growth and no claim. Every sentence here is invented for the test (no store,
no network)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _rows(text: str) -> list[tuple[str, str | None, str | None, str | None, str | None, str]]:
    return [(c.kind, c.reporter, c.partner, c.flow, c.period, c.text) for c in extract_claims(text)]


_LEAD = ("Trade between Mongolia and Japan in the first half of 2019 rose 12 percent on a year earlier, the customs "
         "office of Mongolia reported.\n\n"
         "Turnover between Mongolia and Japan reached $410 million in January–June, the office said.\n\n")


def test_a_year_before_after_a_half_is_the_half_a_year_before() -> None:
    t = _LEAD + "Mongolia's exports to Japan came to $46 million, while a year earlier they had been $40 million."
    rows = _rows(t)
    assert ("level", "MNG", "JPN", "X", "2019-H1", "$46 million") in rows
    assert ("level", "MNG", "JPN", "X", "2018-H1", "$40 million") in rows
    assert not any(r[4] == "2018" for r in rows)  # never the calendar year before


def test_period_of_the_next_figures_clause_is_not_the_figure_before() -> None:
    t = _LEAD + ("Mongolia's imports from Japan grew faster, by 14 percent, reaching $364 million; in the first six "
                 "months of 2018 they had stood at $319 million.")
    rows = _rows(t)
    assert ("level", "MNG", "JPN", "M", "2019-H1", "$364 million") in rows
    assert ("level", "MNG", "JPN", "M", "2018-H1", "$319 million") in rows


def test_growth_over_a_span_of_years_is_no_claim() -> None:
    t = ("ULAANBAATAR, 3 March (Montsame) – Over the past eight years Mongolia has doubled its trade with Japan and "
         "tripled its exports to the country, the customs office of Mongolia said.\n\n"
         "Mongolia's exports to Japan rose 20 percent in 2019, the office said.")
    rows = _rows(t)
    assert not any(r[5] in ("doubled", "tripled") for r in rows)
    assert any(r[0] == "growth" and r[5] == "20 percent" and r[4] == "2019" for r in rows)


def test_growth_over_the_period_after_a_decade_named_is_no_claim() -> None:
    t = ("The customs office of Mongolia looked back at the achievements of the past decade.\n\n"
         "\"Trade with Japan has quadrupled over the period and exports have doubled,\" the office said. Trade "
         "with Japan grew 9 percent in 2019.")
    rows = _rows(t)
    assert not any(r[5] in ("quadrupled", "doubled") for r in rows)


def test_a_growth_the_fastest_in_ten_years_is_a_claim() -> None:
    t = "Mongolia's exports to Japan grew 30 percent in 2019, the fastest in ten years, the customs office of Mongolia said."
    assert any(r[0] == "growth" and r[5] == "30 percent" for r in _rows(t))
