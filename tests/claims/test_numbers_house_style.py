"""Numbers as the article writes them (issue 16): a text that writes decimal commas writes "$12,345 billion" for
12.345 billion. Invented sentences."""

from __future__ import annotations

from mirrortrade.claims.numbers import find_money, uses_decimal_comma


def test_a_text_with_decimal_commas_reads_a_three_digit_comma_as_decimals() -> None:
    text = "Trade came to $12,345 billion in January–June and $25,61 billion for the year."
    assert uses_decimal_comma(text)
    vals = [m.value for m in find_money(text, decimal_comma=uses_decimal_comma(text))]
    assert vals == [12.345e9, 25.61e9]
    # the precision follows the printed decimals: 12.345 billion is +/- 0.5 million
    assert find_money(text, decimal_comma=True)[0].precision == 1e6


def test_without_decimal_commas_a_comma_separates_thousands() -> None:
    text = "Exports came to $1,496.2 million, and imports to $2,305 million, up 4.5 percent."
    assert not uses_decimal_comma(text)
    assert [m.value for m in find_money(text, decimal_comma=uses_decimal_comma(text))] == [1496.2e6, 2305e6]
    # a count with a thousands comma is no decimal, even in a decimal-comma text
    assert [m.value for m in find_money("shipments of $4,7 billion and 1,250 tonnes", decimal_comma=True)] == [4.7e9]


def test_a_comma_after_four_or_more_digits_is_a_decimal_comma() -> None:
    # no thousands group has four digits: "$1861,702 million" is 1,861.702 million (found by
    # benchmarks/house_styles.py's decimal-comma style; before, it was read as "$1861", unscaled)
    text = "Imports fell 21,68 percent to $1861,702 million, from $2377,07 million."
    assert uses_decimal_comma(text)
    got = [(m.text, m.value, m.precision) for m in find_money(text, decimal_comma=uses_decimal_comma(text))]
    assert got == [("$1861,702 million", 1861.702e6, 1e3), ("$2377,07 million", 2377.07e6, 1e4)]
    # a thousands comma in its right place is still one
    assert [m.value for m in find_money("exports of $2,377 million")] == [2377e6]
