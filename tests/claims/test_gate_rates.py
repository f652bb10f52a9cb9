"""The misreading gate beyond levels (issue 16, "the cascade"), and the verification rules around it.

A printed growth rate or change that is a neighbouring statistic's stored rate or change (another partner's in a
ranking, the year before's), while no stored rate of the claim's own statistic fits it, is struck from its claim
(the claim's level stands) or leaves a claim that is only that rate unresolved; a rate that fits no neighbour is
still flagged. Sentences written for these tests; the stored levels are China's customs (CN-GACC) figures as the
embedded store and the corpus cite them: China's trade with Kyrgyzstan $15.5bn (2022), $19.8bn (2023), $22.7bn
(2024); with Uzbekistan $14.0bn (2023) and $13.7bn (2024, "a decline of almost $260 million", 24.kg 2025-01-24)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.filters import revision_sized as _revision_sized
from mirrortrade.claims.neighbours import gate, printed_rate, rate_misreading, rate_witnesses, witnesses
from mirrortrade.claims.reading import read_article
from mirrortrade.claims.verify import _assign_status


def _claim(cid: str, value: float | None, *, par: str = "UZB", when: str = "2024", growth: float | None = None,
           change: float | None = None) -> Claim:
    c = Claim(id=cid, quote=f"quote {cid}", start=0, end=5, reporter="CHN", partner=par, flow="T", period=when,
              source="CN-GACC", text="figure")
    if value is not None:
        c.value_usd, c.value_low, c.value_high, c.precision_usd = value, value - 5e7, value + 5e7, 1e8
    if growth is not None:
        c.growth_pct, c.growth_low, c.growth_high = growth, growth - 0.5, growth + 0.5
        c.growth_base = str(int(when) - 1)
    if change is not None:
        c.change_usd, c.change_low, c.change_high, c.kind = change, change - 5e7, change + 5e7, "change"
        c.growth_base = str(int(when) - 1)
    return c


def _store() -> pd.DataFrame:
    rows = [("KGZ", "2022", 15.5e9), ("KGZ", "2023", 19.8e9), ("KGZ", "2024", 22.7e9),
            ("UZB", "2023", 14.0e9), ("UZB", "2024", 13.7e9)]
    return pd.DataFrame([{"figure_id": f"s{i}", "reporter": "CHN", "partner": p, "flow": "T", "period": per,
                          "value_usd": v, "precision_usd": 1e8, "source_id": "CN-GACC", "product": "TOTAL",
                          "growth_pct": None, "growth_precision": None}
                         for i, (p, per, v) in enumerate(rows)])


def _flag(rule: str, cid: str, period: str = "2024") -> dict[str, Any]:
    return {"rule": rule, "severity": "medium", "status": "conflict", "claims": [cid],
            "about": {"reporter": "CHN", "partner": "UZB", "flow": "T", "period": period}, "message": "", "evidence": {}}


def test_another_partners_growth_in_a_ranking_is_struck_and_the_level_stands() -> None:
    # "Kyrgyzstan came next, an increase of 15 percent, then Uzbekistan at $13.7 billion": the rate given to
    # Uzbekistan is Kyrgyzstan's (19.8 -> 22.7 is +14.6%); Uzbekistan's own stored rate is -2%
    c = _claim("c1", 13.7e9, growth=15.0)
    findings, gated = gate([_flag("growth_consistency", "c1")], [c], _store(), set())
    assert findings == [] and gated == {}
    assert c.growth_pct is None and c.value_usd == 13.7e9 and not c.missing
    assert "China's trade with Kyrgyzstan in 2024" in (c.explanation or "") and "partner" in (c.explanation or "")


def test_own_rate_confirmed_wins_and_an_unexplained_rate_stays_flagged() -> None:
    store = _store()
    w = rate_witnesses(witnesses(store, []), store, "growth")
    assert rate_misreading(_claim("c1", None, par="KGZ", growth=14.6), w, "growth") is None  # its own rate
    wrong = _claim("c2", 13.7e9, growth=9.0)  # no statistic near it has grown 9 percent
    assert rate_misreading(wrong, w, "growth") is None
    findings, gated = gate([_flag("growth_consistency", "c2")], [wrong], store, set())
    assert len(findings) == 1 and gated == {} and wrong.growth_pct == 9.0


def test_the_year_befores_rate_is_a_period_misreading() -> None:
    # "up 28 percent" for Kyrgyzstan in 2024: 15.5 -> 19.8 is 2023's +27.7%; 2024's own is +14.6%
    store = _store()
    m = rate_misreading(_claim("c1", None, par="KGZ", growth=28.0), rate_witnesses(witnesses(store, []), store,
                                                                                    "growth"), "growth")
    assert m is not None and m.relation == "period" and m.part == "growth" and m.witness == "s1"


def test_a_change_that_is_another_partners_change_leaves_its_claim_unresolved() -> None:
    # "Uzbekistan: up $2.9 billion": 22.7 − 19.8 is Kyrgyzstan's rise; Uzbekistan's own change is −$0.3bn
    c = _claim("c1", None, change=2.9e9)
    assert printed_rate(c, "change") == (2.85e9, 3.0e9)  # cut allowed away from zero
    findings, gated = gate([_flag("change_vs_store", "c1")], [c], _store(), set())
    assert findings == [] and list(gated) == ["c1"] and c.missing == ["partner"]


def test_a_first_release_differs_from_its_revision_by_a_few_percent_not_by_half() -> None:
    def ev(a: float, b: float) -> dict[str, Any]:
        return {"figures": [{"interval": [a - 5e7, a + 5e7]}, {"interval": [b - 5e7, b + 5e7]}]}

    assert _revision_sized(ev(13.2e9, 13.06e9))  # Kazakhstan's exports to China, 2022: first release, revised
    assert not _revision_sized(ev(2.9e9, 1.9e9))  # a figure half again the stored one is no earlier vintage


def test_a_total_that_quotes_its_source_is_not_the_wrong_part_of_a_sum() -> None:
    total, part = _claim("c1", 35.1e9, par="CA5"), _claim("c2", 2.9e9)
    total.flow = part.flow = "M"
    findings = [
        {"rule": "store_match", "status": "consistent", "claims": ["c1"], "evidence": {"figure_ids": ["s9"]}},
        {"rule": "sum_consistency", "status": "conflict", "claims": ["c1", "c2"],
         "about": {"reporter": "CHN", "partner": "CA5", "flow": "M", "period": "2024"}},
    ]
    _assign_status([total, part], findings)
    assert total.status == "consistent"
    findings[0]["claims"] = ["c2"]  # the total no stored figure confirms is the one the sum marks
    _assign_status([total, part], findings)
    assert total.status == "conflict"


def test_a_side_that_buys_is_a_party_and_a_product_bought_is_no_total() -> None:
    text = ("Trade between Turkmenistan and China reached $5.55 billion in the first half of 2023, according to "
            "China's General Administration of Customs.\n\nIn turn, the Turkmen side bought goods from China for "
            "476 million dollars. China bought 2.1 billion yuan worth of agricultural products from the region in "
            "the same period.")
    claims = read_article(text).claims
    bought = [c for c in claims if c.value_usd == 476e6]
    assert len(bought) == 1 and (bought[0].reporter, bought[0].partner, bought[0].flow) == ("CHN", "TKM", "X")
    assert not [c for c in claims if c.value_cny is not None]
