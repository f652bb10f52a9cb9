"""The misreading gate (issue 16, "the cascade"): a stored figure confirms a claim only when the two can be one number,
and a number the text gives as one country's statistics is no other country's figure.

Figures, by source (the embedded store): China's customs, 2023, exports to Kyrgyzstan $19.7 billion ("Why Kyrgyzstan
and China Are Reporting Different Figures on Bilateral Trade") and trade with Kyrgyzstan $19.8 billion ("China reports
robust trade growth with Central Asian states"); Kyrgyzstan's GDP in 2023 $14.0 billion (World Bank WDI); Kazakhstan's
Bureau of National Statistics, 2021 imports from China $8.23 billion."""

from __future__ import annotations

from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def test_a_figure_touching_the_stored_one_is_not_confirmed_by_it(store) -> None:  # type: ignore[no-untyped-def]
    # $19.8 billion (19.75-19.85, or cut 19.8-19.9) only touches the stored $19.7 billion (19.65-19.75): no number
    # rounds to both, so China's exports are not confirmed; $19.8 billion is the turnover, the flow misread
    res = check_article("China's customs said its exports to Kyrgyzstan reached $19.8 billion in 2023.", store)
    (c,) = res["claims"]
    assert c["status"] == "unresolved" and c["missing"] == ["flow"]
    assert "trade with Kyrgyzstan in 2023" in c["explanation"]
    assert not [f for f in res["findings"] if f["status"] in FLAGS]


def test_the_stored_figure_itself_still_carries_its_findings(store) -> None:  # type: ignore[no-untyped-def]
    # $19.7 billion is the stored exports: above Kyrgyzstan's GDP, a true finding that stays
    res = check_article("China's customs said its exports to Kyrgyzstan reached $19.7 billion in 2023.", store)
    (c,) = res["claims"]
    assert c["status"] == "implausible"
    assert any(f["rule"] == "exceeds_gdp" and f["status"] == "implausible" for f in res["findings"])
