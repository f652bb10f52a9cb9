"""A flow noun followed by its direction and then by what was traded ("shipments to Russia of passenger cars") is a
product's figure, as "exports of passenger cars" is (issue 16, precision first). Figures: China's customs, passenger
cars to Russia in January-August 2023 $6.76 billion, August alone $1.1 billion; all goods $71.8 billion (via NIA News
and TASS)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _levels(text: str) -> dict[float, object]:
    return {c.value_usd: c for c in extract_claims(text) if c.kind == "level"}


def test_shipments_to_a_place_of_a_product_are_no_claim() -> None:
    text = ("According to China's customs, shipments to Russia of passenger cars were worth 6.76 billion dollars in "
            "January-August 2023. In August alone, deliveries to Russia of Chinese cars came to 1.1 billion dollars.")
    assert _levels(text) == {}


def test_shipments_to_a_place_alone_stay_a_claim() -> None:
    text = "According to China's customs, shipments to Russia were worth 71.8 billion dollars in January-August 2023."
    (c,) = _levels(text).values()
    assert (c.reporter, c.partner, c.flow, c.period) == ("CHN", "RUS", "X", "2023-01/2023-08")  # type: ignore[attr-defined]
