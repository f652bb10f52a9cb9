"""Whose balance "the EU's trade in goods deficit with China" is (issue 16: the reporter slot on unseen text).

"Trade in goods" before a deficit, surplus or balance is what the balance is of, not a turnover of its own, so the
possessive before it holds the balance as it does in "India's trade deficit with China"; the European Union publishes
statistics of its own (Eurostat), so a held EU figure of a pair the store holds nothing of is the EU's; and a bare "in
deficit" after "the trade balance with China" takes that balance's parties; the subject of "has", "posted", "recorded" a
balance that names its partner holds it; "EU27" is the Union. Figures: Eurostat's EU27 trade in goods
with China (2015 deficit EUR 180 billion, Eurostat news release of 2016-07-12; 2024 deficit EUR 304.5 billion, exports
EUR 213.3 billion, imports EUR 517.8 billion, 'China-EU - international trade in goods statistics'). The Peru figure
is invented (a pair the embedded data do not cover), as in test_unstored_pair_holder."""

from __future__ import annotations

from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def _balances(res: dict) -> list[tuple]:
    return [(c["reporter"], c["partner"], c["period"], c["value_usd"] < 0, c["status"])
            for c in res["claims"] if c["flow"] == "B" and c.get("value_usd") is not None]


def test_a_trade_in_goods_deficit_is_held_by_its_possessive(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("The EU's trade in goods deficit with China reached a record €180 billion in 2015.", store)
    assert _balances(res) == [("EUU", "CHN", "2015", True, "unverifiable")]
    (c,) = res["claims"]
    assert c["provenance"]["reporter"] == "unstored-pair" and not c.get("missing")
    # "trade in goods" is the balance's, never a turnover read beside it
    assert [x["flow"] for x in res["claims"]] == ["B"]


def test_a_country_trade_in_goods_surplus_is_its_own(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("Peru's trade in goods surplus with China grew to $4.2 billion in 2021.", store)
    assert _balances(res) == [("PER", "CHN", "2021", False, "unverifiable")]


def test_in_deficit_takes_the_parties_of_its_balance(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("The EU trade balance with China remained in deficit at €304.5 billion in 2024, as exports "
                        "to China came to €213.3 billion and imports from China to €517.8 billion.", store)
    assert ("EUU", "CHN", "2024", True, "consistent") in _balances(res)
    assert not [f for f in res["findings"] if f["status"] in FLAGS]


def test_in_surplus_keeps_a_positive_sign(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("Peru's trade balance with China was in surplus at $4.2 billion in 2021.", store)
    assert _balances(res) == [("PER", "CHN", "2021", False, "unverifiable")]


def test_the_subject_of_a_verb_of_having_holds_the_balance(store) -> None:  # type: ignore[no-untyped-def]
    # Eurostat, 2017: Germany's goods surplus with China EUR 15 billion (Statistics Explained, March 2018)
    res = check_article("In 2017 Germany had the largest trade surplus with China (EUR 15 billion).", store)
    assert _balances(res) == [("DEU", "CHN", "2017", False, "unverifiable")]
    res = check_article("Peru posted a trade surplus with China of $4.2 billion in 2021.", store)
    assert _balances(res) == [("PER", "CHN", "2021", False, "unverifiable")]
    # a preposition's object has nothing: the balance stays a guess
    res = check_article("Imports from China rose, and trade with Peru had a deficit of $4.2 billion in 2021.", store)
    assert [c["status"] for c in res["claims"] if c["flow"] == "B"] == ["unresolved"]


def test_eurostat_names_the_union_by_its_membership(store) -> None:  # type: ignore[no-untyped-def]
    # Eurostat, May 2009: the EU27's deficit in trade in goods with China, EUR 169 billion in 2008
    res = check_article("The EU27's trade in goods deficit with China reached €169 billion in 2008.", store)
    assert _balances(res) == [("EUU", "CHN", "2008", True, "unverifiable")]
