"""Product-level figures named after the figure (issue 16, kind 6): "bought 4.6 billion yuan of farm products" is a
product's value, never total trade; "$1.3 billion of goods" is total trade. Sentences written for these tests
(invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


def test_of_a_product_after_the_figure_is_no_trade_claim() -> None:
    text = ("BEIJING, March 3, 2024. China's imports from Vietnam reached $9.2 billion in January-February 2024, "
            "the General Administration of Customs said. China bought 4.6 billion yuan of Vietnamese farm products "
            "and sold $700 million of steel pipes to it, and shipped $2 billion of crude oil.")
    assert _texts(text) == ["$9.2 billion"]


def test_of_goods_after_the_figure_is_total_trade() -> None:
    text = ("HANOI, May 12, 2009. Vietnam sold $1.3 billion of goods to China in the first four months of 2009 "
            "and $2.1 billion of its products to Japan, the Ministry of Industry and Trade said.")
    assert _texts(text) == ["$1.3 billion", "$2.1 billion"]


def test_of_its_own_after_a_product_figure_is_a_product_too() -> None:
    text = ("BEIJING, March 3, 2024. China bought $4.4 billion of Vietnamese fruit and sold $3.1 billion of its "
            "own in January-February 2024, customs said.")
    assert _texts(text) == []
