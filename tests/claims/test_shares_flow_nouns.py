"""A share's whole named by another flow noun (issue 16): "of the country's purchases" is imports, "of the goods the
republic sold abroad" exports; "purchases of gas" is a product, no flow. Every sentence here is invented for the
test."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _shares(t: str) -> list[tuple[str | None, str | None, str | None, float | None]]:
    return [(c.reporter, c.partner, c.flow, c.share_pct) for c in extract_claims(t) if c.kind == "share"]


def test_purchases_are_imports_and_a_gapped_list_follows() -> None:
    t = ("DUSHANBE, August 3, 2015. In the first half of 2015, Russia supplied 28.5 percent of Tajikistan's "
         "purchases, Kazakhstan 14 percent and China 9.5 percent.")
    assert _shares(t) == [("TJK", "RUS", "M", 28.5), ("TJK", "KAZ", "M", 14.0), ("TJK", "CHN", "M", 9.5)]


def test_goods_sold_abroad_are_exports() -> None:
    t = "In 2016 Turkey took 12 percent of the goods Kyrgyzstan sold abroad."
    assert _shares(t) == [("KGZ", "TUR", "X", 12.0)]


def test_purchases_of_a_product_are_no_flow() -> None:
    assert _shares("In 2016 Kazakhstan made 40 percent of its purchases of gas from Russia.") == []
