"""A figure earned "from" what a flow participle after it says was traded ("earned $75.27 million from natural gas shipped
to China") is that product's figure, not total trade; goods in general ("from goods sold to China") leave it whole.
Sentences invented for the test; figures from China's customs (Uzbek gas, August 2023, Kun.uz) and Uzbekistan's
Statistics Agency (January-July 2023)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims


def test_a_figure_earned_from_a_product_shipped_is_no_trade_claim() -> None:
    text = ("TASHKENT, September 20, 2023 – Uzbekistan earned $75.27 million from natural gas shipped to China in "
            "August. Uzbekistan's Statistics Agency counted $6.89 billion of trade with China in the first seven "
            "months of the year.")
    claims = extract_claims(text, article_date=date(2023, 9, 20))
    assert not [c for c in claims if c.value_usd and abs(c.value_usd - 75.27e6) < 1e4]
    total = next(c for c in claims if c.value_usd and abs(c.value_usd - 6.89e9) < 1e6)
    assert (total.reporter, total.partner, total.flow, total.period) == ("UZB", "CHN", "T", "2023-01/2023-07")


def test_a_figure_earned_from_goods_shipped_stays_a_claim() -> None:
    text = "TASHKENT, September 20, 2023 – Uzbekistan earned $75.27 million from goods shipped to China in August."
    claims = extract_claims(text, article_date=date(2023, 9, 20))
    assert [c for c in claims if c.value_usd and abs(c.value_usd - 75.27e6) < 1e4]
