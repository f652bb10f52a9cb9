"""Parts of a trade by product, channel or mode (issue 16, kind 6): "trade in farm products", "trade through
cross-border e-commerce" and "road transport carried 51.8 percent of the trade" speak of a part of the pair's trade,
never of the total the rules check; "trade in goods", "trade in the first half", "trade in value terms" and a
partner's share stay whole. Sentences written for these tests (the figures are invented; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = "ASTANA, March 3, 2025. Kazakhstan's trade with China reached $43.8 billion in 2024, the Bureau of National Statistics said. "


def _read(text: str) -> list[tuple[str, str, float | None]]:
    return [(c.kind, c.text, c.growth_pct if c.kind == "growth" else c.share_pct if c.kind == "share" else c.value_usd)
            for c in extract_claims(LEAD + text)][1:]


def test_trade_in_a_product_is_a_part_not_the_total() -> None:
    assert _read("Mutual trade in agricultural products grew by 5.8 percent over the year, to $1.2 billion. "
                 "Trade in farm products between our countries amounted to $153.3 million.") == []


def test_trade_through_a_channel_is_a_part_not_the_total() -> None:
    assert _read("Trade through cross-border e-commerce soared 95 percent. "
                 "Exports via the Khorgos gateway rose 12 percent in 2024. "
                 "In the first five months, road-borne trade rose 10.9 percent to $20 billion.") == []


def test_trade_in_goods_a_span_or_a_measure_stays_whole() -> None:
    got = _read("Trade in goods rose 7 percent in 2023 to $40.9 billion. Trade in the first half of 2024 grew 5 "
                "percent. Trade in value terms rose 3 percent in 2022.")
    assert [(k, v) for k, _, v in got] == [("level", 40.9e9), ("growth", 5.0), ("growth", 3.0)]


def test_a_share_whose_subject_is_a_mode_or_a_product_is_no_partner_share() -> None:
    assert _read("Road transport carried 51.8 percent of the trade in 2024. "
                 "Intermediate goods made up 69.8 percent of the total.") == []


def test_a_share_whose_subject_is_a_pronoun_or_a_party_stays() -> None:
    got = _read("It accounted for 20 percent of Kazakhstan's exports. "
                "China accounted for 21 percent of Kazakhstan's trade in 2024. "
                "Its largest trading partner accounted for 25 percent of Kazakhstan's trade in 2024. "
                "The northern neighbour made up 19 percent of the total.")
    assert [(k, v) for k, _, v in got] == [("share", 20.0), ("share", 21.0), ("share", 25.0), ("share", 19.0)]


def test_trade_in_a_currency_is_the_total_in_that_currency() -> None:
    got = _read("Trade in euros rose 4 percent in 2023. Trade in national currencies reached $30 billion in 2024.")
    assert [(k, v) for k, _, v in got] == [("growth", 4.0), ("level", 30e9)]


def test_a_nominal_rate_after_a_tonnage_is_the_tonnage_s() -> None:
    """Kazakhstan's Ministry of Transport (Daryo, 2024-06-08): 12.6 million tonnes shipped to China in 2023, +35%."""
    assert _read("Kazakh shippers sent over 12.6 million tonnes of goods to China in 2023, an increase of 35%.") == []
