"""The misreading gate (issue 16, "the cascade"): a claim whose number is a neighbouring statistic's figure,
while its own reading is not confirmed, is shown unresolved and never flagged.

Hand-built claims and a small store frame; the stored numbers are the ones of the embedded store (CN-GACC:
China's trade with Kyrgyzstan in 2024 $22.7bn, China's imports from Kyrgyzstan in 2024 $2.8bn; China's exports
to Central Asia in 2025 $71.2bn), the claims' numbers chosen to be or not to be one of them; each claim's statistics are its reporter's (CN-GACC for
China, KZ-BNS for Kazakhstan...)."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.lexicon import source_id
from mirrortrade.claims.neighbours import misreading, printed_interval, witnesses
from mirrortrade.claims.verify import check_claims


def _claim(cid: str, value: float, *, rep: str = "CHN", par: str = "KGZ", flow: str = "T", when: str = "2024",
           text: str | None = None, prec: float = 1e8, **conf: float) -> Claim:
    c = Claim(id=cid, quote=f"quote {cid}", start=int(cid[1:]) * 10, end=int(cid[1:]) * 10 + 5, reporter=rep,
              partner=par, flow=flow, period=when, value_usd=value, value_low=value - prec / 2,
              value_high=value + prec / 2, precision_usd=prec, source=source_id(rep, "stat"),
              text=text or f"${value / 1e9:.1f} billion")
    c.slots.update(conf)
    return c


def _store(*rows: tuple[str, str, str, str, float, float]) -> pd.DataFrame:
    return pd.DataFrame([{"figure_id": f"s{i}", "reporter": r, "partner": p, "flow": f, "period": per,
                          "value_usd": v, "precision_usd": pr, "source_id": "CN-GACC", "product": "TOTAL"}
                         for i, (r, p, f, per, v, pr) in enumerate(rows)])


STORE = _store(("CHN", "KGZ", "T", "2024", 22.7e9, 1e8), ("CHN", "KGZ", "M", "2024", 2.8e9, 1e8),
               ("CHN", "KGZ", "T", "2023", 19.8e9, 1e8), ("CHN", "CA5", "X", "2025", 71.2e9, 1e8))


def test_turnover_read_as_exports_is_a_misreading_of_the_flow() -> None:
    c = _claim("c1", 22.7e9, flow="X")  # the number is the stored turnover; no stored exports confirm it
    m = misreading(c, witnesses(STORE, [c]))
    assert m is not None and m.relation == "flow" and m.slot == "flow" and m.witness == "s0"
    assert "China's trade with Kyrgyzstan in 2024" in m.explanation and "flow may be misread" in m.explanation


def test_previous_year_and_change_and_other_side() -> None:
    year = _claim("c1", 19.8e9, when="2024", flow="T")  # the 2023 figure given the period 2024 ...
    w = witnesses(STORE.iloc[[2, 3]], [year])  # ... with no 2024 figure stored to confirm it
    assert misreading(year, w).relation == "period"  # type: ignore[union-attr]
    change = _claim("c2", 2.9e9, flow="T")  # 22.7 − 19.8: the rise read as a level
    m = misreading(change, witnesses(STORE.iloc[[0, 2]].assign(), [change]))
    assert m is not None and m.relation == "change" and "change" in m.explanation
    side = _claim("c3", 2.8e9, rep="KGZ", par="CHN", flow="X")  # China's imports given as Kyrgyz exports
    assert misreading(side, witnesses(STORE, [side])).relation == "reporter"  # type: ignore[union-attr]


def test_own_reading_confirmed_wins() -> None:
    c = _claim("c1", 22.7e9, flow="T")  # the stored turnover itself
    assert misreading(c, witnesses(STORE, [c])) is None


def test_near_number_is_no_neighbour() -> None:
    # the seed's $71.3bn against the stored $71.2bn: the printed interval (cut allowed) is [71.25, 71.4)
    c = _claim("c1", 71.3e9, par="CA5", flow="X", when="2025", text="$71.3 billion")
    assert printed_interval(c) == (71.25e9, 71.4e9)
    assert misreading(c, witnesses(STORE, [c])) is None
    # and the article's own stored copy is no witness
    own = _store(("CHN", "CA5", "T", "2025", 71.3e9, 1e8))
    assert misreading(c, witnesses(own, [c], own={"s0"})) is None
    assert misreading(c, witnesses(own, [c])) is not None


def test_sum_resting_on_a_misread_part_is_not_flagged() -> None:
    # turnover 9.0 = exports 2.0 + imports 3.0 ... but the "imports" number is the turnover, read less surely
    misread = _claim("c3", 9.0e9, rep="KAZ", par="CHN", flow="M")
    misread.slots["flow"] = 0.7
    claims = [_claim("c1", 9.0e9, rep="KAZ", par="CHN"), _claim("c2", 2.0e9, rep="KAZ", par="CHN", flow="X"), misread]
    res = check_claims(claims)
    by_id = {c["id"]: c for c in res["claims"]}
    assert by_id["c3"]["status"] == "unresolved" and by_id["c3"]["missing"] == ["flow"]
    assert "flow may be misread" in by_id["c3"]["explanation"] and "in this article (c1)" in by_id["c3"]["explanation"]
    assert all(c["status"] not in ("conflict", "implausible") for c in res["claims"])
    assert not [f for f in res["findings"] if f["status"] in ("conflict", "implausible")]


def test_sum_that_does_not_add_up_is_still_flagged() -> None:
    claims = [_claim("c1", 9.0e9, rep="KAZ", par="CHN"), _claim("c2", 2.0e9, rep="KAZ", par="CHN", flow="X"),
              _claim("c3", 3.0e9, rep="KAZ", par="CHN", flow="M")]
    res = check_claims(claims)
    assert any(f["rule"] == "sum_consistency" and f["status"] == "conflict" for f in res["findings"])
    assert not any(c.get("explanation") for c in res["claims"])


def test_primary_names_the_checked_statement_not_every_claim() -> None:
    from mirrortrade.claims.verify import _primary

    a, b = _claim("c1", 2.0e9, flow="X"), _claim("c2", 3.0e9, flow="M")
    by_id = {"c1": a, "c2": b}
    # a stated gap (no about) is about its first claim, the gap; the two levels are evidence
    assert _primary({"claims": ["c1", "c2"]}, by_id) == ["c1"]
    # about a statistic no claim states (a stored turnover the parts do not reach): no claim is marked wrong
    about = {"reporter": "CHN", "partner": "KGZ", "flow": "T", "period": "2024"}
    assert _primary({"claims": ["c1", "c2"], "about": about}, by_id) == []
    assert _primary({"claims": ["c1", "c2"], "about": {**about, "flow": "M"}}, by_id) == ["c2"]
