"""A change list with its verb left out (issue 16): "trade with A grew by $X, with B by $Y and with C by $Z, while
trade with D fell by $W and with E by $V": each "with <country> by" figure repeats the change before it (its sign
too), never a level of the first country. Every sentence here is invented for the test."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims

TEXT = ("China's trade with the five Central Asian states came to $60 billion in 2016, according to China's customs.\n\n"
        "Trade with Kazakhstan grew by $1.4 billion, with Uzbekistan by $0.6 billion and with Tajikistan by $35 "
        "million, while trade with Turkmenistan fell by $90 million and with Kyrgyzstan by $120 million.")


def test_gapped_changes_take_their_own_country_and_the_change_before() -> None:
    rows = [(c.partner, c.kind, c.change_usd, c.value_usd) for c in extract_claims(TEXT) if c.paragraph == 1]
    assert rows == [
        ("KAZ", "growth", 1.4e9, None),
        ("UZB", "growth", 0.6e9, None),
        ("TJK", "growth", 35e6, None),
        ("TKM", "growth", -90e6, None),
        ("KGZ", "growth", -120e6, None),
    ]


def test_with_by_after_a_level_is_no_change() -> None:
    # the figure before is a level: nothing to repeat
    t = "China's exports to Kazakhstan reached $9 billion in 2016, with Uzbekistan by $2 billion."
    assert all(c.change_usd is None for c in extract_claims(t))


def test_a_spelled_percent_ends_the_reach_of_the_change_word_before_it() -> None:
    t = ("In 2016, Freedonia's exports were 1.7 billion dollars, down 45.6 percent, while its imports rose 3.2 "
         "percent to 2.3 billion dollars.")
    rates = sorted(c.growth_pct for c in extract_claims(t) if c.growth_pct is not None)
    assert rates == [-45.6, 3.2]
