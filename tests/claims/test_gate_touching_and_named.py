"""The misreading gate (issue 16, "the cascade"): a stored figure confirms a claim only when the two can be one number,
and a number the text gives as one country's statistics is no other country's figure.

Figures, by source (the embedded store): China's customs, 2023, exports to Kyrgyzstan $19.7 billion ("Why Kyrgyzstan
and China Are Reporting Different Figures on Bilateral Trade") and trade with Kyrgyzstan $19.8 billion ("China reports
robust trade growth with Central Asian states"); Kyrgyzstan's GDP in 2023 $14.0 billion (World Bank WDI); Kazakhstan's
Bureau of National Statistics, 2021 imports from China $8.23 billion ($9.13 billion is no stored figure of
the pair in 2021)."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.neighbours import misreading, statistics_country, witnesses
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


def test_the_country_of_a_named_statistics() -> None:
    assert statistics_country("KZ-BNS") == "KAZ"
    assert statistics_country("CN-GACC") == "CHN"
    assert statistics_country("PK-CB") == "PAK"
    for international in ("UN-COMTRADE", "IMF-IMTS", "WITS", "PRESS", None):
        assert statistics_country(international) is None


def _claim(reporter: str, partner: str, flow: str, source: str, value: float) -> Claim:
    return Claim(id="c1", quote="", start=0, end=0, reporter=reporter, partner=partner, flow=flow, period="2021",
                 value_usd=value, value_low=value - 5e6, value_high=value + 5e6, precision_usd=1e7, source=source,
                 text=f"${value / 1e9:.2f} billion")


def test_a_number_given_as_the_other_sides_statistics_is_a_misread_reporter(store) -> None:  # type: ignore[no-untyped-def]
    obs: pd.DataFrame = store.observations()
    # a number of Kazakhstan's statistics read as China's exports: when it is a stored figure of Kazakhstan's, the
    # gate names that figure (the other side's, stored); when it is none, the statistics named say the same
    c = _claim("CHN", "KAZ", "X", "KZ-BNS", 8.23e9)
    m = misreading(c, witnesses(obs, [c]))
    assert m is not None and m.slot == "reporter" and "in the store [KZ-BNS]" in m.explanation
    c = _claim("CHN", "KAZ", "X", "KZ-BNS", 9.13e9)
    m = misreading(c, witnesses(obs, [c]))
    assert m is not None and m.slot == "reporter" and "Kazakhstan's statistics (KZ-BNS)" in m.explanation
    # read as Kazakhstan's own figure, the statistics named agree: nothing to set aside
    c = _claim("KAZ", "CHN", "M", "KZ-BNS", 9.13e9)
    assert misreading(c, witnesses(obs, [c])) is None
