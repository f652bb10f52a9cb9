"""Rates that name their level by its place in a list (issue 16, the partner slot): "the first down 9.7 percent and
the second up 24 percent" are the growth of the first and the second level printed before them
(:mod:`mirrortrade.claims.ordinals`); a place that names no sure member of a list leaves the rate unread. The
sentences are written for these tests; the figures are Tajikistan's Statistics Agency's for 2017 (trade with Russia
$936 million, down 9.7%; with Kazakhstan $838 million, up 24%)."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims
from mirrortrade.claims.claim import Claim
from mirrortrade.claims.ordinals import ordinal_target

_LEAD = ("Tajikistan's foreign trade grew slightly in 2017, according to the Statistics Agency under the President "
         "of Tajikistan.\n\n")


def _growth(text: str) -> dict[str, float | None]:
    return {str(c.partner): c.growth_pct for c in extract_claims(_LEAD + text) if c.kind == "level"}


@pytest.mark.parametrize("sentence", [
    "In 2017 turnover with Russia reached $936 million and turnover with Kazakhstan $838 million, the first down "
    "9.7 percent and the second up 24 percent.",
    "In 2017 turnover with Russia reached $936 million and turnover with Kazakhstan $838 million, the former down "
    "9.7 percent and the latter up 24 percent.",
])
def test_each_place_takes_its_own_members_rate(sentence: str) -> None:
    got = _growth(sentence)
    assert got["RUS"] == pytest.approx(-9.7) and got["KAZ"] == pytest.approx(24.0)


def _level(partner: str, period: str = "2017", growth: float | None = None) -> Claim:
    return Claim(id="", quote="", start=0, end=0, reporter="TJK", partner=partner, flow="T", period=period,
                 value_usd=1e9, growth_pct=growth)


_TEXT = "Turnover with Russia was $936 million and with Kazakhstan $838 million, the second up 24 percent."
_AT = _TEXT.index("24 percent")


def test_a_place_of_a_list_is_that_member() -> None:
    rus, kaz = _level("RUS"), _level("KAZ")
    assert ordinal_target(_TEXT, _AT, [rus, kaz]) == (True, kaz)


@pytest.mark.parametrize("levels", [
    [_level("KAZ")],  # no list: one level
    [_level("RUS", "2016"), _level("KAZ")],  # two periods: a base and its figure, no list
    [_level("RUS"), _level("KAZ", growth=20.0)],  # the member has a rate already
])
def test_a_place_that_names_no_sure_member_leaves_the_rate_unread(levels: list[Claim]) -> None:
    assert ordinal_target(_TEXT, _AT, levels) == (True, None)


def test_no_place_named_is_no_cue() -> None:
    text = "Turnover with Kazakhstan was $838 million, up 24 percent."
    assert ordinal_target(text, text.index("24 percent"), [_level("KAZ")]) == (False, None)
