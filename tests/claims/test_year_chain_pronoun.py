"""A year-by-year chain told of "it" (:mod:`mirrortrade.claims.anaphora`, :mod:`mirrortrade.claims.fill`): "It gained
35.3 percent in 2021 to reach $254.5 billion, and a 10.9 percent rise in 2022 carried it to $282 billion" - the
pronoun as the subject of a verb of gain and as the object of a verb whose result is a level "to"/"past" an amount;
each level takes the year just before it in its clause ("in 2021 to reach $x"); "past $x" is a lower bound; a
pronoun opening a paragraph refers to the statistic the paragraph before named when that paragraph gave no figure.

Figures: China's customs via the Africa China Press Centre (2022-01-24): China-Africa trade 2021 $254.5bn, up 35.3%;
2022 $282bn, up 10.9% (China's Ministry of Commerce, via The Herald, 2023-08-31); China-Russia trade (China's
customs): 2017 $84.07bn, up 20.8%; 2018 over $107bn, up 27.1%; January-November 2019 $100.32bn (China's Ministry
of Commerce, via RT)."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def _frame(c: Claim) -> tuple[str | None, str | None, str | None, str | None]:
    return c.reporter, c.partner, c.flow, c.period


def test_it_gained_then_a_rise_carried_it_each_year_its_own_level() -> None:
    got = _read("In January-November 2019 trade between China and Russia reached $100.32 billion, China's customs said."
                "\n\n"
                "The turnover has climbed for years. It gained 20.8 percent in 2017 to reach $84.07 billion, and a "
                "27.1 percent rise in 2018 carried it past $107 billion.")
    assert _frame(got["$84.07 billion"]) == ("CHN", "RUS", "T", "2017") and got["$84.07 billion"].growth_pct == 20.8
    assert _frame(got["27.1 percent"]) == ("CHN", "RUS", "T", "2018")
    assert _frame(got["$107 billion"]) == ("CHN", "RUS", "T", "2018") and got["$107 billion"].qualifier == "lower"
    assert all(not c.missing for c in got.values())


def test_a_pronoun_opening_a_paragraph_after_a_paragraph_with_no_figure() -> None:
    got = _read("Trade between China and Africa has hit new highs two years running, according to China's General "
                "Administration of Customs.\n\n"
                "It gained 35.3 percent in 2021 to reach $254.5 billion, and a 10.9 percent rise in 2022 carried it to "
                "$282 billion.")
    assert _frame(got["$254.5 billion"]) == ("CHN", "AFR", "T", "2021") and got["$254.5 billion"].growth_pct == 35.3
    assert _frame(got["$282 billion"]) == ("CHN", "AFR", "T", "2022") and got["$282 billion"].growth_pct == 10.9


def test_a_pronoun_after_a_paragraph_that_gave_figures_is_not_carried_over() -> None:
    # the paragraph before gave a figure: the named-statistic route is not taken across the break (the figure route is)
    got = _read("Trade between China and Africa reached $282 billion in 2022, China's customs said. Investment has "
                "also grown.\n\n"
                "It gained 35.3 percent in 2021.")
    assert "35.3 percent" not in got or got["35.3 percent"].partner in (None, "AFR")
