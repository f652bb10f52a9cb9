"""A fall of N times is a fall to 1/N of the level before, never a rise (issue 16, heldout14/07 retired: "a 4.1-fold
drop in footwear exports" was read as +310%; dev/395). The sentences are our own; the figures are Eurostat's for
EU-Russia trade in 2023 as FX.co reported them (turnover down 2.9 times to EUR 88.9 billion, EU imports from Russia
down fourfold to EUR 50.6 billion) and the Kyrgyz statistics committee's for 2020 as Trend reported them (exports of
live animals up fivefold)."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims
from mirrortrade.claims.numbers import find_multiples, multiple_rate


def _rate(text: str) -> float:
    (mu,) = find_multiples(text)
    return multiple_rate(mu, text)[0]


@pytest.mark.parametrize(("text", "rate"), [
    ("trade fell 2.9-fold in 2023", (1 / 2.9 - 1) * 100),
    ("imports dropped fourfold to EUR 50.6 billion", -75.0),
    ("imports were down by 2 times", -50.0),
    ("a 4.1-fold drop in exports", (1 / 4.1 - 1) * 100),
    ("imports three times lower than a year before", (1 / 3 - 1) * 100),
    ("exports of live animals grew fivefold", 400.0),
    ("trade more than doubled", 100.0),
])
def test_rate_of_a_multiple(text: str, rate: float) -> None:
    assert _rate(text) == pytest.approx(rate)


def test_bounds_of_a_falling_multiple_keep_their_order() -> None:
    text = "imports fell nearly fourfold"
    (mu,) = find_multiples(text)
    value, low, high = multiple_rate(mu, text)
    assert low <= value <= high < 0


def test_falling_multiple_is_a_decline_claim() -> None:
    text = ("Headline\n\nAccording to Eurostat figures, EU imports from Russia dropped fourfold in 2023 to "
            "EUR 50.6 billion.")
    rates = [c.growth_pct for c in extract_claims(text) if c.growth_pct is not None]
    assert rates and all(r == pytest.approx(-75.0) for r in rates)
