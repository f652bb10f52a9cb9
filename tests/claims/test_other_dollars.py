"""Another country's dollars are not US dollars (issue 16, numbers): "HK$", "A$", "NT$", "S$" before an amount name
a currency the checker has no rate for, so the amount is no USD figure (it was read as one: a Hong Kong-dollar total
taken for a US-dollar level). The amounts are invented."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.numbers import find_money


def test_other_dollar_prefixes_are_no_us_dollars() -> None:
    for text in ("HK$412.5 billion", "A$17.3 billion", "NT$1.9 trillion", "S$6.4 billion", "NZ$2.2 billion"):
        assert find_money(text) == [], text
    for text in ("US$6.4 billion", "U.S.$6.4 billion", "$6.4 billion", "USD 6.4 billion"):
        (m,) = find_money(text)
        assert (m.value, m.currency) == (6.4e9, "USD"), text


def test_a_us_figure_beside_its_local_dollar_equivalent_is_the_only_figure() -> None:
    claims = extract_claims("In 2022 Australia's exports to Indonesia reached US$9.1 billion (A$13.1 billion), "
                            "the Australian Bureau of Statistics said.")
    assert [(c.text, c.value_usd) for c in claims] == [("US$9.1 billion", 9.1e9)]
