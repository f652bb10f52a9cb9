"""Figures the reader used to leave unread (issue 16, recall): a rate nearer its own level than the next one's, euro
amounts, a month as a flow noun's modifier, and comparison bases coordinated or dated by "the same months of".

Figures: China's customs (GACC) China–Russia trade $190.27 billion in 2022 (+29.3%) and $240.11 billion in 2023
(+26.3%); Eurostat via the BBC (2021-02-17), EU–China trade $709bn (EUR 586bn, GBP 511bn) in 2020; Eurostat's
China-EU statistics (March 2018), the Netherlands' imports from China EUR 83 billion in 2017; ECB reference rates
(data/eur_usd_monthly.csv; 2017 average 1.1297 USD per EUR); State Bank of Pakistan via APP (2 January 2024): exports
to China July–November FY2023-24 $1,223.532 million against $877.444 million, November 2023 imports from China
$1,003.248 million against $993.401 million in October and $906.128 million in November 2022. No network, no store."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims
from mirrortrade.claims.fx import eur_to_usd, rate_range
from mirrortrade.claims.numbers import find_money


def _by_text(text: str) -> dict[str, object]:
    return {c.text: c for c in extract_claims(text)}


def test_a_rate_right_after_a_level_is_that_levels_not_the_next_ones() -> None:
    t = ("According to China's customs, trade between China and Russia jumped to $190.27 billion in 2022, an increase "
         "of 29.3 percent, and rose a further 26.3 percent to $240.11 billion in 2023.")
    got = {c.period: c for c in extract_claims(t) if c.value_usd is not None}
    assert (got["2022"].value_usd, got["2022"].growth_pct) == (190.27e9, 29.3)
    assert (got["2023"].value_usd, got["2023"].growth_pct) == (240.11e9, 26.3)
    # a rate with no other rate between it and the next level still goes to that level ("rose 26.3 percent to $B")
    (c,) = [c for c in extract_claims("According to China's customs, trade between China and Russia rose 26.3 percent "
                                      "to $240.11 billion in 2023.") if c.value_usd is not None]
    assert c.growth_pct == 26.3


def test_euro_amounts_are_read_with_a_scale_and_a_bracketed_restatement_is_no_figure() -> None:
    got = [(m.text, m.value, m.currency) for m in find_money("the Netherlands imported EUR 83 billion, EUR83bn, "
                                                             "€1.2 trillion and 12 bn EUR", yuan=True)]
    assert got == [("EUR 83 billion", 83e9, "EUR"), ("EUR83bn", 83e9, "EUR"), ("€1.2 trillion", 1.2e12, "EUR"),
                   ("12 bn EUR", 12e9, "EUR")]
    # a ticker's exchange rate has no scale: no figure; without the foreign-currency reading no euro at all
    assert [m.text for m in find_money("USD 84.56, EUR 99.59", yuan=True)] == ["USD 84.56"]
    assert find_money("exports of EUR 83 billion") == []
    # "$709bn (€586bn, £511bn)": the bracket restates the dollars
    (m,) = find_money("Trade between the EU and China was worth $709bn (€586bn, £511bn) in 2020", yuan=True)
    assert (m.text, m.value, m.currency) == ("$709bn", 709e9, "USD")
    # euros first, dollars in brackets: one figure, the dollars
    (m,) = find_money("goods worth 245.4 billion euros ($279.1 billion)", yuan=True)
    assert (m.value, m.currency, m.value_cny) == (279.1e9, "USD", None)


def test_a_euro_figure_is_dollars_over_its_periods_reference_rates() -> None:
    lo_r, mean_r, hi_r = rate_range("2017", "EUR")  # type: ignore[misc]
    assert lo_r < 1.1297 < hi_r and mean_r == pytest.approx(1.1297, abs=0.001)
    lo, point, hi = eur_to_usd(83e9, 82.5e9, 83.5e9, "2017")  # type: ignore[misc]
    assert lo < 83e9 * 1.1297 < hi and point == pytest.approx(83e9 * mean_r)
    assert eur_to_usd(83e9, 82.5e9, 83.5e9, "1990") is None  # before the euro: no rate, no value
    c = _by_text("According to Eurostat, the Netherlands' imports from China reached EUR 83 billion in 2017.")[
        "EUR 83 billion"]
    assert (c.flow, c.period, c.value_cny) == ("M", "2017", None)  # type: ignore[attr-defined]
    assert c.value_low < 83e9 * 1.1297 < c.value_high  # type: ignore[attr-defined]


def test_a_month_before_the_flow_noun_is_the_figures_period_not_a_product() -> None:
    t = ("According to the State Bank of Pakistan, imports from China came to $4,741.099 million in July-November 2023. "
         "November imports from China stood at $1,003.248 million.")
    c = _by_text(t)["$1,003.248 million"]
    assert (c.flow, c.period, c.missing) == ("M", "2023-11", [])  # type: ignore[attr-defined]
    # a product before the flow noun is still a product ("Honey exports"): no total-trade claim
    assert "$776,000" not in _by_text("According to the State Bank of Pakistan, honey exports to China reached "
                                      "$776,000 in November 2023.")


def test_comparison_bases_coordinated_and_dated_by_the_same_months() -> None:
    t = ("According to the State Bank of Pakistan, exports to China came to $1,223.532 million in July-November 2023, "
         "39.44 percent more than the $877.444 million of the same months of 2022. November imports from China stood "
         "at $1,003.248 million, compared with $993.401 million in October and $906.128 million in the same month "
         "of 2022.")
    got = {k: (c.flow, c.period) for k, c in _by_text(t).items()}  # type: ignore[attr-defined]
    assert got["$877.444 million"] == ("X", "2022-07/2022-11")
    assert got["$993.401 million"] == ("M", "2023-10")
    assert got["$906.128 million"] == ("M", "2022-11")  # the compared figure's month, not October's
    # a figure with its own flow word after the first base is no second base
    t2 = ("According to the State Bank of Pakistan, imports from China reached $1.661 billion in September 2025, "
          "compared with $1.504 billion in August and exports of $0.2 billion.")
    assert _by_text(t2)["$0.2 billion"].flow == "X"  # type: ignore[attr-defined]


def test_a_rate_checked_against_the_previous_years_level_in_the_article_allows_its_revision(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mirrortrade.claims.batch import check_texts
    from mirrortrade.data import open_store

    # China's customs via RT (14 January 2019): 2017 $84.07 billion, "an increase of 20.8 percent" (computed on 2016
    # as revised, $69.60 billion), and 2016 $69.52 billion as first released: the levels alone allow +20.9 percent
    t = ("According to China's General Administration of Customs, trade between Russia and China reached a record "
         "$107.06 billion in 2018.\n\nIn 2017 mutual trade amounted to $84.07 billion, an increase of 20.8 percent, "
         "and in 2016 it grew by 2.2 percent to $69.52 billion.")
    wrong = t.replace("20.8 percent", "26.8 percent")  # six points off its levels: still a conflict
    store = open_store(tmp_path / "store.duckdb")
    try:
        right_r, wrong_r = (r for _, r in check_texts([("a", t), ("b", wrong)], store))
    finally:
        store.close()
    status = {c["period"]: c["status"] for c in right_r["claims"] if c.get("growth_pct") is not None}
    assert status["2017"] == "consistent"
    assert any(f["rule"] == "growth_consistency" and f["status"] == "conflict" for f in wrong_r["findings"])


def test_added_up_to_is_a_total_and_a_span_of_several_years_no_period() -> None:
    # China's Ministry of Commerce via CGTN (2023): China–Central Asia trade $70.2 billion in 2022, 40 percent more
    # than a year earlier; TurkStat via Reuters (2019): Turkey's deficit with China $190.6 billion over 2009-2018,
    # $11 billion in 2009 and $23 billion in 2016
    (c,) = [c for c in extract_claims("According to the ministry, China's trade with Kazakhstan, Kyrgyzstan, "
                                      "Tajikistan, Turkmenistan and Uzbekistan added up to $70.2 billion in 2022, 40 "
                                      "percent more than a year earlier.") if c.text == "$70.2 billion"]
    assert (c.kind, c.value_usd, c.qualifier, c.growth_pct) == ("level", 70.2e9, "exact", 40.0)
    t = ("According to TurkStat, Turkey exported goods worth $2.9 billion to China in 2018.\n\n"
         "Over 2009–2018 the deficit with China added up to $190.6 billion. It stood at $11 billion in 2009 and peaked "
         "at $23 billion in 2016.")
    got = _by_text(t)
    assert got["$190.6 billion"].period is None and "period" in got["$190.6 billion"].missing  # type: ignore[attr-defined]
    assert [(got[k].flow, got[k].period) for k in ("$11 billion", "$23 billion")] == [  # type: ignore[attr-defined]
        ("B", "2009"), ("B", "2016")]
    # "added" alone is still a change
    (c,) = extract_claims("China's customs said exports to Kazakhstan added $1.2 billion in 2023.")
    assert c.change_usd == 1.2e9


def test_a_fraction_after_by_and_a_qualifier_is_a_rate() -> None:
    # Kazakhstan's Bureau of National Statistics via Bloomberg (2023): trade with China grew by about a third in 2022
    # to about $24 billion
    (c,) = [c for c in extract_claims("Kazakhstan's trade with China grew by about a third in 2022 and reached about "
                                      "$24 billion, according to the Bureau of National Statistics of Kazakhstan.")
            if c.growth_pct is not None]
    assert (c.period, c.value_usd) == ("2022", 24e9)
    assert c.growth_pct == pytest.approx(100 / 3) and c.growth_low < 30 < 36 < c.growth_high  # type: ignore[operator]
    # a fraction with no "by" or "of" stays no rate ("a third of the trucks")
    assert [c.growth_pct for c in extract_claims("According to the Bureau, a third of the trucks crossed at Khorgos "
                                                 "in 2022.")] == []


def test_an_earlier_periods_rate_beside_a_rate_is_that_periods_and_never_flaggable() -> None:
    # China's customs via Reuters (January 2025): imports from Russia +1% in 2024 after +18.6% in 2023; China–Russia
    # trade +1.9% in 2024 against +26.3% in 2023
    got = {(c.flow, c.period): c for c in extract_claims(
        "According to China's customs, exports to Russia rose 4.1% in 2024, while imports from Russia edged up 1%, "
        "after 18.6% a year earlier.")}
    c = got[("M", "2023")]
    assert (c.growth_pct, c.missing) == (18.6, []) and not c.flaggable
    assert got[("M", "2024")].growth_pct == 1.0
    got = {c.text: c for c in extract_claims("According to China's customs, trade with Russia grew by 1.9% in 2024 "
                                             "(against 26.3% in 2023).")}
    assert (got["26.3%"].period, got["26.3%"].growth_pct) == ("2023", 26.3)
    # no period of its own printed: the earlier rate's period is not said
    got = {c.text: c for c in extract_claims("According to China's customs, trade with Russia grew by 1.9% in 2024, "
                                             "against 26.3%.")}
    assert "period" in got["26.3%"].missing
    # "18.6% a year" with nothing after is still an average rate, no claim
    assert [c.growth_pct for c in extract_claims("According to China's customs, exports to Russia grew 18.6% a year "
                                                 "on average.")] == []


def test_the_volume_is_the_turnover_not_the_part_given_last() -> None:
    # Tajikistan's statistics agency via Asia-Plus (July 2025): trade with China $964 million in January–May 2025,
    # exports $177 million, imports $787 million, the volume up almost a third
    t = ("According to the Agency of Statistics of Tajikistan, trade with China totalled $964 million in January–May "
         "2025. Exports to China exceeded $177 million, while imports from it came to approximately $787 million. "
         "Compared with the same period of 2024, the volume grew by almost a third.")
    (c,) = [c for c in extract_claims(t) if c.growth_pct is not None]
    assert (c.reporter, c.partner, c.flow, c.period) == ("TJK", "CHN", "T", "2025-01/2025-05")


def test_a_headline_bound_restates_the_body_figure_it_bounds() -> None:
    # China's customs via China Daily (2022): China–Turkmenistan trade +53.4 percent in January–July 2022
    t = ("China-Turkmenistan trade up by more than half\n\n"
         "Trade between China and Turkmenistan grew 53.4 percent in the first seven months of 2022, China Daily "
         "reported, citing the General Administration of Customs of China.")
    assert [c.growth_pct for c in extract_claims(t)] == [53.4]
