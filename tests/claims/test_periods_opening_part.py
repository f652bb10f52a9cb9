"""The opening part of a year named with another word than "first" (issue 16): "the initial nine months", "the opening
three quarters" are January–September, never the full year. Figures: China's exports to India in January–September
2022, $89.6 billion (China's General Administration of Customs, as in dev/176); our own sentences."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims


@pytest.mark.parametrize("span", ["the first nine months of 2022", "the initial nine months of 2022",
                                  "the opening three quarters of 2022", "the initial three quarters of 2022"])
def test_an_opening_part_of_the_year_is_january_to_its_last_month(span: str) -> None:
    (c,) = extract_claims(f"China's exports to India reached $89.6 billion in {span}, according to China's customs.")
    assert (c.reporter, c.partner, c.flow, c.period) == ("CHN", "IND", "X", "2022-01/2022-09")


def test_initial_as_an_adjective_of_no_span_names_no_period() -> None:
    (c,) = extract_claims("China's exports to India reached $89.6 billion in the initial estimate for "
                          "January-September 2022, according to China's customs.")
    assert c.period == "2022-01/2022-09"
