"""A milestone passed is a bound in every tense of its verb (issue 16, qualifiers): "passes", "crosses", "tops",
"surpasses" in a headline's present tense as in a report's past tense. Invented texts."""

from __future__ import annotations

import pytest

from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.lexicon import _verb_forms


@pytest.mark.parametrize("verb", ["passes", "passed", "crosses", "crossing", "tops", "topped", "surpasses",
                                  "exceeds"])
def test_each_tense_of_a_milestone_verb_makes_the_figure_a_lower_bound(verb: str) -> None:
    text = f"ULAANBAATAR, Jan 20, 2031 - Mongolia's trade with Russia {verb} $3 billion in 2030, customs said."
    (c,) = [c for c in extract_claims(text) if c.value_usd]
    assert c.qualifier in ("lower", "near_lower")
    assert c.value_low == pytest.approx(3e9)
    assert c.value_high is not None and c.value_high > 3.05e9  # never the printed rounding of an exact $3 billion


def test_with_the_mark_it_is_only_a_lower_bound_and_a_plain_figure_stays_exact() -> None:
    marked = extract_claims("Georgia's trade with Turkey crosses the $2 billion mark in 2030, Geostat said.")
    assert [c.qualifier for c in marked if c.value_usd] == ["lower"]
    plain = extract_claims("Georgia's trade with Turkey came to $2.04 billion in 2030, Geostat said.")
    assert [c.qualifier for c in plain if c.value_usd] == ["exact"]


def test_verb_forms_double_a_short_stem_and_add_es_after_a_sibilant() -> None:
    assert _verb_forms("top") == ("top", "tops", "topped", "topping")
    assert _verb_forms("cross") == ("cross", "crosses", "crossed", "crossing")
    assert _verb_forms("exceed") == ("exceed", "exceeds", "exceeded", "exceeding")
