"""Precision first in verification (issue 16): collisions within one article and the bar for flagging.

The claims are built by hand so that each test fixes exactly the slot confidences it is about."""

from __future__ import annotations

import pytest

from mirrortrade.claims.claim import FLAGGABLE, Claim
from mirrortrade.claims.verify import check_claims


def _level(cid: str, value: float, *, flow_: str = "T", when: str = "2024", source: str = "KZ-BNS",
           **conf: float) -> Claim:
    c = Claim(id=cid, quote=f"quote {cid}", start=0, end=1, reporter="KAZ", partner="CHN", flow=flow_, period=when,
              value_usd=value, value_low=value - 5e7, value_high=value + 5e7, precision_usd=1e8, source=source,
              text=f"${value / 1e9:.1f} billion")
    c.slots.update(conf)
    return c


def _by_id(result: dict) -> dict[str, dict]:
    return {c["id"]: c for c in result["claims"]}


def test_collision_sets_aside_the_less_surely_read_claim() -> None:
    sure, inherited = _level("c1", 14.6e9), _level("c2", 11.2e9, period=0.6)
    out = _by_id(check_claims([sure, inherited]))
    assert out["c2"]["status"] == "unresolved" and out["c2"]["missing"] == ["period"]
    assert out["c1"]["status"] != "unresolved" and "missing" not in out["c1"]


def test_collision_tie_leaves_both_unresolved() -> None:
    a, b = _level("c1", 14.6e9, flow=0.8), _level("c2", 11.2e9, flow=0.8)
    out = _by_id(check_claims([a, b]))
    assert out["c1"]["status"] == out["c2"]["status"] == "unresolved"


def test_fully_confident_contradiction_is_the_articles_own_and_flagged() -> None:
    out = _by_id(check_claims([_level("c1", 14.6e9), _level("c2", 11.2e9)]))
    assert out["c1"]["status"] == out["c2"]["status"] == "conflict"


def test_restatement_is_no_collision() -> None:
    out = _by_id(check_claims([_level("c1", 14.6e9, period=0.6), _level("c2", 14.6e9)]))
    assert "missing" not in out["c1"] and "missing" not in out["c2"]


def _parts(reporter_conf: float) -> list[Claim]:
    # exports 2.0 + imports 3.0 against a stated turnover of 9.0: a sum that does not add up
    return [_level("c1", 9.0e9), _level("c2", 2.0e9, flow_="X"), _level("c3", 3.0e9, flow_="M", reporter=reporter_conf)]


def test_sum_that_does_not_add_up_is_flagged_when_read_surely() -> None:
    res = check_claims(_parts(1.0))
    assert any(f["rule"] == "sum_consistency" and f["status"] == "conflict" for f in res["findings"])


def test_no_flag_resting_on_a_default_guess() -> None:
    # one part's reporter is a default guess (no statistics named): enough to show, not to flag
    res = check_claims(_parts(FLAGGABLE - 0.1))
    assert all(c["status"] not in ("conflict", "implausible") for c in res["claims"])
    assert not [f for f in res["findings"] if f["status"] in ("conflict", "implausible")]


def test_truncated_restatement_is_no_conflict() -> None:
    import pandas as pd

    from mirrortrade.claims.verify import _restated

    store = pd.DataFrame([{"figure_id": "s1", "reporter": "KAZ", "partner": "CHN", "flow": "T", "period": "2024",
                           "source_id": "KZ-BNS", "value_usd": 3.8e9, "value_low": 3.75e9, "value_high": 3.85e9,
                           "precision_usd": 1e8, "qualifier": "exact", "quote": "elsewhere"}])

    def claim_row(value: float, prec: float) -> pd.DataFrame:
        return pd.DataFrame([{"figure_id": "c1", "reporter": "KAZ", "partner": "CHN", "flow": "T", "period": "2024",
                              "source_id": "KZ-BNS", "value_usd": value, "value_low": value - prec / 2,
                              "value_high": value + prec / 2, "precision_usd": prec, "qualifier": "exact",
                              "quote": "here"}])

    # $3.86 billion cut to one decimal is $3.8 billion: the store figure restates the claim
    rest, matches = _restated(store, claim_row(3.86e9, 1e7))
    assert matches == {"c1": ["s1"]} and rest.empty
    # $3.96 billion is not: 3.9 either way, so the store's 3.8 stays and can conflict
    rest, matches = _restated(store, claim_row(3.96e9, 1e7))
    assert matches == {} and len(rest) == 1


def test_growth_over_a_stated_earlier_level_is_not_a_yearly_rate() -> None:
    from mirrortrade.claims import extract_claims

    text = ("Trade between China and Kazakhstan grew from $10.5 billion in 2013 to $22.7 billion in 2024, "
            "an increase of 116 percent, according to China's customs.")
    c = next(c for c in extract_claims(text) if c.period == "2024" and c.growth_pct is not None)
    assert c.growth_base == "2013"


def test_total_cut_to_its_digits_adds_up() -> None:
    # $699.3 million + $1,496.2 million = $2,195.5 million, printed as "$2.19 billion" (cut, not rounded)
    def lv(cid: str, v: float, p: float, flow: str, text: str) -> Claim:
        c = _level(cid, v, flow_=flow)
        c.value_low, c.value_high, c.precision_usd, c.text = v - p / 2, v + p / 2, p, text
        return c

    parts = [lv("c1", 2.19e9, 1e7, "T", "$2.19 billion"), lv("c2", 699.3e6, 1e5, "X", "$699.3 million"),
             lv("c3", 1496.2e6, 1e5, "M", "$1,496.2 million")]
    assert not [f for f in check_claims(parts)["findings"] if f["status"] == "conflict"]
    # a round total is taken as rounded: $2 billion against $2,195.5 million is still flagged
    parts[0] = lv("c1", 2.0e9, 1e9, "T", "$2 billion")
    parts[0].value_low, parts[0].value_high = 1.5e9, 2.5e9
    parts[1].value_usd = parts[1].value_low = parts[1].value_high = 1.2e9
    parts[1].text = "$1.2 billion"
    assert [f["rule"] for f in check_claims(parts)["findings"] if f["status"] == "conflict"] == ["sum_consistency"]


def test_product_modified_flow_is_no_trade_claim() -> None:
    from mirrortrade.claims import extract_claims

    lead = "Trade between China and Kyrgyzstan came to $2.1 billion in 2018, China's customs said. "
    product = extract_claims(lead + "Honey exports to China reached $776,000 in 2018.")
    assert [c.text for c in product] == ["$2.1 billion"]
    # a party, a possessive, a scope word or a verb before the flow noun leaves it total trade
    for text in ("Kyrgyz exports to China reached $61 million in 2018.",
                 "Kyrgyzstan's exports to China reached $61 million in 2018.",
                 "Total exports to China reached $61 million in 2018.",
                 "Imports from China outpaced exports ($61 million) in 2018."):
        assert "$61 million" in [c.text for c in extract_claims(lead + text)], text


def test_year_as_attribute_of_a_level_is_a_comparison_base() -> None:
    from mirrortrade.claims import extract_claims

    text = ("In 2024 trade between China and Kazakhstan hit $43.8 billion, more than three times the 2014 figure, "
            "China's customs said.")
    c = next(c for c in extract_claims(text) if c.value_usd == 43.8e9)
    assert c.period == "2024" and c.growth_base == "2014"


def test_a_part_of_a_products_figure_is_that_products() -> None:
    """Vietnam's durian exports in 2023: $2.2 billion, of which $2.1 billion to China (Vietnam Fruit and Vegetable
    Association, as reported by VNA); Vietnam's total exports to China in 2023: $61.2 billion (Vietnam's GSO)."""
    from mirrortrade.claims import extract_claims

    lead = "Vietnam exported around $2.2 billion worth of durians in 2023"
    part = extract_claims(lead + ", and exports to China alone accounted for $2.1 billion.")
    assert [c.text for c in part] == []
    # made whole again ("total exports"), or larger than the product's figure, it is total trade
    whole = extract_claims(lead + ", and total exports to China reached $61.2 billion.")
    assert [c.text for c in whole] == ["$61.2 billion"]
    larger = extract_claims(lead + ", while exports to China reached $61.2 billion.")
    assert [c.text for c in larger] == ["$61.2 billion"]


@pytest.mark.parametrize("sentence", [
    # Ismail Dairov on Kyrgyz-Chinese trade by 2030 (24.kg interview, 2025); our own sentences
    '"A trade turnover of $45 billion between Kyrgyzstan and China is quite achievable," he said.',
    "Trade of $45 billion with China looks entirely realistic to the Kyrgyz side.",
])
def test_a_figure_said_to_be_achievable_is_a_target(sentence: str) -> None:
    from mirrortrade.claims import extract_claims

    assert extract_claims(sentence) == []
    # the same figure stated as reached is a claim
    assert [c.text for c in extract_claims("Trade between Kyrgyzstan and China reached $27.2 billion in 2025.")] \
        == ["$27.2 billion"]


def test_goods_shipped_to_a_party_named_with_its_article_are_total_trade() -> None:
    """China's 2023 trade with the five Central Asian states (GACC): $89.4bn, exports $61.4bn, imports $28bn; the
    participle's object ("goods") comes before it, so "to the five states" names a partner, not a product; a part of
    that figure after it is no product's either."""
    from mirrortrade.claims import extract_claims

    text = ("China's trade with Central Asia came to $89.4 billion in 2023, China's customs said. Chinese goods shipped "
            "to the five states were worth $61.4 billion, while purchases from the region reached $28 billion.")
    got = {c.text: (c.partner, c.flow) for c in extract_claims(text)}
    assert got["$61.4 billion"] == ("CA5", "X") and got["$28 billion"] == ("CA5", "M")
