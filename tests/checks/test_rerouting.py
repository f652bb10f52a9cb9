"""rerouting_signal: CHP goods into a country and out to a third country, both surging; totals-only -> data needed."""

from __future__ import annotations

from checks._helpers import hand_figures, pick
from mirrortrade.checks import run_checks
from mirrortrade.checks.rerouting_signal import chp_codes, chp_match


def test_chp_list_is_the_50_codes_with_tiers() -> None:
    # fixtures/reference/common_high_priority_hs6.csv: 4 + 5 + 16 + 9 + 11 + 5 codes in tiers 1, 2, 3A, 3B, 4A, 4B
    codes = chp_codes()
    assert len(codes) == 50
    tiers = sorted(codes.values())
    assert [tiers.count(t) for t in ("1", "2", "3A", "3B", "4A", "4B")] == [4, 5, 16, 9, 11, 5]
    assert chp_match("854231") == ("854231", "1")
    assert chp_match("8542") is not None and chp_match("0101") is None


def test_totals_only_says_what_data_is_needed(embedded_findings) -> None:
    fs = pick(embedded_findings, rule="rerouting_signal")
    assert {f.reporter for f in fs} == {"CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert all(f.severity == "info" and not f.is_problem for f in fs)
    (kgz,) = pick(fs, reporter="KGZ")
    assert "HS-6" in kgz.evidence["data_needed"] and kgz.evidence["chp_codes"] == 50


def _hs_rows(imp: tuple[float, float], exp: tuple[float, float]) -> list[dict]:
    rows = []
    for year, m, x in ((2022, imp[0], exp[0]), (2023, imp[1], exp[1])):
        rows.append({"reporter": "KGZ", "partner": "CHN", "flow": "M", "period": str(year), "product": "854231",
                     "value_usd": m})
        rows.append({"reporter": "KGZ", "partner": "RUS", "flow": "X", "period": str(year), "product": "854231",
                     "value_usd": x})
    return rows


def test_rerouting_signal_on_hs_data(store) -> None:
    # hand-made HS-6 data (CHP tier 1 code 854231, processors): Kyrgyz imports from China $2M (2022) -> $10M (2023),
    # x5; Kyrgyz exports of the same code to Russia $1.5M -> $9M, x6: both at least double, both above $1M
    store.ingest_frame(hand_figures(_hs_rows((2e6, 10e6), (1.5e6, 9e6))))
    fs = pick(run_checks(store, rules=["rerouting_signal"]), rule="rerouting_signal", reporter="KGZ")
    (sig,) = [f for f in fs if f.is_problem]
    assert (sig.partner, sig.period, sig.status) == ("RUS", "2023", "notable")
    assert sig.evidence["imports"]["ratio"][0] == 5.0 and sig.evidence["exports"]["ratio"][0] == 6.0
    assert sig.evidence["source_country"] == "CHN" and sig.evidence["tier"] == "1"
    assert len(sig.figure_ids) == 4


def test_no_rerouting_signal_when_exports_do_not_surge(store) -> None:
    # hand-made: imports x5 as above, but exports to Russia flat ($1.5M -> $1.6M): no signal, a consistent result
    store.ingest_frame(hand_figures(_hs_rows((2e6, 10e6), (1.5e6, 1.6e6))))
    fs = pick(run_checks(store, rules=["rerouting_signal"]), rule="rerouting_signal", reporter="KGZ")
    assert not [f for f in fs if f.is_problem]
    assert [f.status for f in fs if f.period == "2023"] == ["consistent"]
