"""A rate compared with an amount by "above"/"below" ("12 percent above the $4.1 billion recorded in 2021": a growth,
its base a level of the base period), and trade told with the verb "spend" in its one trade frame ("spent $2.3
billion on goods from Turkey": imports, the spender the importer), never alone (budgets, tourism, a product).
Sentences written for these tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = ("TBILISI, March 3, 2023. Georgia's trade with Turkey came to $6.1 billion in 2022, the National Statistics "
        "Office of Georgia reported.\n\n")
LEAD_PE = "LIMA, May 9, 2024. Peru's trade with Chile reached $4.9 billion in 2023, according to Peru's customs.\n\n"


def _body(lead: str, text: str) -> list:
    return [c for c in extract_claims(lead + text) if c.start >= len(lead)]


def _growths(lead: str, text: str) -> list[tuple]:
    return [(c.text, c.partner, c.flow, c.period, c.growth_pct) for c in _body(lead, text) if c.kind == "growth"]


def _levels(lead: str, text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct, tuple(c.missing))
            for c in _body(lead, text) if c.kind == "level"]


def test_rate_above_a_stated_base_is_a_growth_and_the_base_a_level() -> None:
    text = "Exports to Turkey were 12 percent above the $4.1 billion recorded in 2021."
    assert _growths(LEAD, text) == [("12 percent", "TUR", "X", "2022", 12.0)]
    assert [(r[0], r[3], r[4]) for r in _levels(LEAD, text)] == [("$4.1 billion", "X", "2021")]


def test_rate_below_a_stated_base_is_a_decline_of_the_level_before_it() -> None:
    text = "Imports from Chile came to $1.82 billion in 2023, 6.5 percent below the $1.95 billion of 2022."
    rows = _levels(LEAD_PE, text)
    assert ("$1.82 billion", "PER", "CHL", "M", "2023", 1.82e9, -6.5, ()) in rows
    assert any(r[0] == "$1.95 billion" and r[4] == "2022" and r[6] is None for r in rows)


def test_rate_above_last_years_level_is_a_growth() -> None:
    text = "In 2023 trade with Chile ran 3.4% above last year's level."
    assert _growths(LEAD_PE, text) == [("3.4%", "CHL", "T", "2023", 3.4)]


def test_above_with_no_comparison_after_it_is_no_growth() -> None:
    # "above target", "above 10 percent": no base that the rate is a change from
    for text in ("Imports from Turkey stayed 5 percent above target in 2022.",
                 "Exports to Turkey were 4 percent above plan in 2022."):
        assert _growths(LEAD, text) == []


def test_spent_on_goods_from_a_country_is_the_spenders_imports() -> None:
    text = "Georgia spent $2.3 billion on goods from Turkey in 2022."
    assert _levels(LEAD, text) == [("$2.3 billion", "GEO", "TUR", "M", "2022", 2.3e9, None, ())]


def test_spent_on_products_with_a_rate_after_it() -> None:
    text = "Peru meanwhile spent US$1.64 billion on products from Chile in the year, down 2.8% year-on-year."
    rows = _levels(LEAD_PE, text)
    assert [(r[0], r[2], r[3], r[4], r[6]) for r in rows] == [("US$1.64 billion", "CHL", "M", "2023", -2.8)]


def test_the_spender_is_the_importer_in_either_direction() -> None:
    text = "In 2022 Turkey spent $1.95 billion on goods from Georgia, while Georgia spent $2.3 billion on goods from Turkey."
    assert [(r[0], r[3]) for r in _levels(LEAD, text)] == [("$1.95 billion", "X"), ("$2.3 billion", "M")]


def test_spending_outside_the_goods_frame_is_no_trade() -> None:
    for text in ("Georgian visitors spent $2.3 billion on holidays in Turkey in 2022.",
                 "Georgia spent $2.3 billion on Turkish cars in 2022.",
                 "The government spent $900 million on roads to the Turkish border in 2022."):
        assert _levels(LEAD, text) == []


def test_delivered_goods_is_a_sale_of_the_subject() -> None:
    text = "In 2023 Chile delivered goods worth $0.87 billion to Peru."
    assert [(r[0], r[2], r[3]) for r in _levels(LEAD_PE, text)] == [("$0.87 billion", "CHL", "M")]


def test_delivered_without_goods_is_no_trade() -> None:
    for text in ("In 2023 the Chilean contractor delivered $0.87 billion of roadworks in Peru.",
                 "In 2023 Chile delivered gas worth $0.87 billion to Peru."):
        assert _levels(LEAD_PE, text) == []


def test_gapped_verb_with_the_parties_swapped_is_the_other_direction() -> None:
    # "and Chile goods worth $B to Peru": the verb left out, Chile the seller now: Peru's imports, not its exports
    text = "In 2023 Peru sold goods worth $1.31 billion to Chile, and Chile goods worth $0.87 billion to Peru."
    assert [(r[0], r[2], r[3]) for r in _levels(LEAD_PE, text)] == [("$1.31 billion", "CHL", "X"),
                                                                   ("$0.87 billion", "CHL", "M")]


def test_gapped_purchase_with_the_parties_swapped() -> None:
    text = "In 2022 Georgia bought $2.4 billion of goods from Turkey and Turkey $0.65 billion from Georgia."
    assert [(r[0], r[3]) for r in _levels(LEAD, text)] == [("$2.4 billion", "M"), ("$0.65 billion", "X")]


def test_gapped_sale_to_a_third_country_is_that_sellers() -> None:
    text = "In 2022 Georgia shipped goods worth $1.4 billion to Turkey, while Armenia goods worth $0.5 billion to Turkey."
    rows = _levels(LEAD, text)
    assert rows[1][0] == "$0.5 billion" and rows[1][2] == "TUR" and "reporter" in rows[1][7]


def _changes(lead: str, text: str) -> list[tuple]:
    return [(c.text, c.flow, c.period, c.change_usd, c.growth_base) for c in _body(lead, text)
            if c.change_usd is not None]


def test_amount_above_an_earlier_level_is_a_change_not_a_level() -> None:
    text = "Shipments to Chile in 2023 were $240 million above the 2022 level."
    assert _changes(LEAD_PE, text) == [("$240 million", "X", "2023", 2.4e8, "2022")]
    assert _levels(LEAD_PE, text) == []


def test_amount_below_last_years_is_a_fall() -> None:
    text = "Georgian imports from Turkey in 2022 ran $0.35 billion below last year's."
    assert _changes(LEAD, text) == [("$0.35 billion", "M", "2022", -3.5e8, "2021")]


def test_rate_above_a_target_is_no_growth() -> None:
    for text in ("Exports to Chile reached $1.31 billion in 2023, 5 percent above the ministry's target.",
                 "Exports to Chile of $1.31 billion in 2023 were 2.5% above the official forecast."):
        assert _growths(LEAD_PE, text) == []
        assert all(r[6] is None for r in _levels(LEAD_PE, text))


def test_paid_for_goods_from_a_country_is_the_payers_imports() -> None:
    text = "In 2023 Peru paid $1.64 billion for goods from Chile."
    assert [(r[0], r[2], r[3]) for r in _levels(LEAD_PE, text)] == [("$1.64 billion", "CHL", "M")]


def test_paid_outside_the_goods_frame_is_no_trade() -> None:
    for text in ("In 2023 Peru paid $1.64 billion for Chilean copper concentrate.",
                 "In 2023 Peru paid $0.2 billion in port fees to Chile."):
        assert _levels(LEAD_PE, text) == []
