"""Each rule: a consistent case and an inconsistent one, each from a named source.

Sources: seed 000 / seed 004 (the embedded seed figures), the KG-NSC national fixture, the WDI GDP
fixture, or a hand-made publication ingested by the test with its arithmetic written here.
"""

from __future__ import annotations

import pytest

from checks._helpers import hand_figures, pick
from mirrortrade.checks import RULES, run_checks

B = 1e9


def test_rules_registry_describes_every_rule() -> None:
    assert list(RULES) == ["exceeds_gdp", "surge", "sum_consistency", "growth_consistency", "source_conflict",
                           "mirror_gap", "period_mismatch", "unit_error", "rerouting_signal"]
    for rid, rule in RULES.items():
        assert rule.id == rid and rule.severity in ("low", "medium", "high") and rule.template and rule.description


# ---- exceeds_gdp ---------------------------------------------------------------------------


def test_exceeds_gdp_consistent_tajikistan(embedded_findings) -> None:
    # seed 000: China's exports to Tajikistan $3.7bn; gdp_published.csv: Tajik GDP 2025 "$19 billion" (Prime
    # Minister Rasulzoda via Qazinform, 2026-01-25) -> [18.5, 19.5]bn
    # hand: [3.65, 3.75] / [18.5, 19.5] = [3.65/19.5, 3.75/18.5] = [18.7%, 20.3%] < 50%; the same year's GDP is used
    (f,) = pick(embedded_findings, rule="exceeds_gdp", reporter="CHN", partner="TJK", flow="X", period="2025")
    assert (f.status, f.severity) == ("consistent", "info")
    assert f.evidence["share"] == pytest.approx([3.65e9 / 19.5e9, 3.75e9 / 18.5e9])
    assert f.evidence["gdp_note"] == "GDP for 2025 (TJ-GOV)"


def test_exceeds_gdp_uses_the_latest_earlier_year_when_the_year_has_none(embedded_findings) -> None:
    # seed 000: China's exports to Turkmenistan $1.6bn; no Turkmen GDP after WDI 2023 ($59,887,334,844.07)
    # hand: [1.55, 1.65] / 59.8873 = [2.6%, 2.8%] < 50%; the note says 2023 was used
    (f,) = pick(embedded_findings, rule="exceeds_gdp", reporter="CHN", partner="TKM", flow="X", period="2025")
    assert (f.status, f.severity) == ("consistent", "info")
    assert f.evidence["share"] == pytest.approx([1.55e9 / 59887334844.06514, 1.65e9 / 59887334844.06514])
    assert "used 2023" in f.evidence["gdp_note"]


def test_exceeds_gdp_notable_share(store) -> None:
    # hand-made: Tajik customs report $10.0bn of imports from China in 2025 (to 0.1bn); Tajik GDP 2025 "$19 billion"
    # (gdp_published.csv, TJ-GOV) -> [18.5, 19.5]bn
    # hand: [9.95, 10.05] / [18.5, 19.5] = [9.95/19.5, 10.05/18.5] = [51.0%, 54.3%] -> at least 50%: notable, not implausible
    store.ingest_frame(hand_figures([{"reporter": "TJK", "partner": "CHN", "flow": "M", "period": "2025",
                                      "value_usd": 10.0e9, "precision_usd": 1e8}]))
    (f,) = [f for f in run_checks(store, rules=["exceeds_gdp"])
            if f.reporter == "TJK" and f.evidence["imports"]["value"] == 10.0e9]
    assert (f.status, f.severity) == ("notable", "medium")
    assert f.evidence["share"][0] == pytest.approx(9.95e9 / 19.5e9)


# ---- surge ---------------------------------------------------------------------------------


def test_surge_not_flagged_below_level_floor(embedded_findings) -> None:
    # KG-NSC fixture: Kyrgyz exports to China 36.2M (2015) -> 80.1M (2016), x2.2 but below the $100M floor
    assert not pick(embedded_findings, rule="surge", reporter="KGZ", partner="CHN", flow="X")


def test_surge_flagged_kyrgyz_exports(embedded_findings) -> None:
    # seed 000: $80M (2023) -> $2.8bn (2024) -> $5.2bn (2025)
    (f,) = pick(embedded_findings, rule="surge", reporter="CHN", partner="KGZ", flow="M")
    # hand: step 1 [2.75 / 0.0805, 2.85 / 0.0795] = [34.2, 35.8]; step 2 [5.15/2.85, 5.25/2.75] = [1.81, 1.91]
    assert f.evidence["steps"][0]["ratio"] == pytest.approx([2.75 / 0.0805, 2.85 / 0.0795])
    assert f.evidence["steps"][1]["ratio"] == pytest.approx([5.15 / 2.85, 5.25 / 2.75])


# ---- sum_consistency -----------------------------------------------------------------------


def test_sum_consistency_consistent_kazakhstan(embedded_findings) -> None:
    # seed 000: 29.7 + 19 against 48.7 -> consistent with $0.6bn slack (hand: min(49.25-48.65, 48.75-48.15))
    (f,) = pick(embedded_findings, rule="sum_consistency", reporter="CHN", partner="KAZ", period="2025")
    assert f.status == "consistent" and f.evidence["slack"] == pytest.approx(0.6 * B)


def test_sum_consistency_conflict_hand_made(store) -> None:
    # hand-made publication: exports 29.7, imports 19.0 (both to 0.1bn), turnover 50.0
    # hand: parts [48.6, 48.8], total [49.95, 50.05]: 49.95 - 48.8 = 1.15bn beyond rounding; 1.15/50 = 2.3% -> medium
    store.ingest_frame(hand_figures([
        {"reporter": "KAZ", "partner": "CHN", "flow": "X", "period": "2025", "value_usd": 29.7e9, "precision_usd": 1e8},
        {"reporter": "KAZ", "partner": "CHN", "flow": "M", "period": "2025", "value_usd": 19.0e9, "precision_usd": 1e8},
        {"reporter": "KAZ", "partner": "CHN", "flow": "T", "period": "2025", "value_usd": 50.0e9, "precision_usd": 1e8},
    ]))
    (f,) = pick(run_checks(store, rules=["sum_consistency"]), reporter="KAZ", partner="CHN", period="2025")
    assert (f.status, f.severity) == ("conflict", "medium")
    assert f.evidence["slack"] == pytest.approx(-1.15 * B)
    assert "does not add up" in f.message and "$1.1bn beyond what rounding allows" in f.message


# ---- growth_consistency --------------------------------------------------------------------


def test_sum_consistency_any_publication_of_a_member_may_be_the_one_summed(store) -> None:
    # hand-made, after the 2024 case in the embedded data (24.kg printed China's 2024 trade with Kyrgyzstan as
    # "$22,071 billion" where its other reports say $22.71bn): a region total of 2030 from one publication, its five
    # countries from another, and Kyrgyzstan also in a third publication with a transposed number. The total adds up
    # with the second publication's countries (10 + 22.7 + 3 + 2 + 5 = 42.7): not a sum conflict (the two Kyrgyz
    # numbers are a source_conflict)
    members = {"KAZ": 10.0, "KGZ": 22.7, "TJK": 3.0, "TKM": 2.0, "UZB": 5.0}
    total = [{"reporter": "CHN", "partner": "CA5", "flow": "T", "period": "2030", "value_usd": 42.7 * B,
              "precision_usd": 1e8}]
    parts = [{"reporter": "CHN", "partner": c, "flow": "T", "period": "2030", "value_usd": v * B, "precision_usd": 1e8}
             for c, v in members.items()]
    typo = [{"reporter": "CHN", "partner": "KGZ", "flow": "T", "period": "2030", "value_usd": 22.071 * B,
             "precision_usd": 1e6}]
    store.ingest_frame(hand_figures(total, title="total"))
    store.ingest_frame(hand_figures(typo, title="typo"))
    store.ingest_frame(hand_figures(parts, title="parts"))
    fs = run_checks(store, rules=["sum_consistency", "source_conflict"])
    (s,) = pick(fs, rule="sum_consistency", partner="CA5", period="2030")
    assert s.status == "consistent"
    assert pick(fs, rule="source_conflict", partner="KGZ", period="2030", status="conflict")


def test_sum_consistency_a_single_publication_that_does_not_add_up(store) -> None:
    # the same hand-made region with the transposed Kyrgyz number as the only one: 10 + 22.071 + 3 + 2 + 5 = 42.071
    # (rounding allows 41.871-42.271) against 42.7 (42.65-42.75): a conflict
    members = {"KAZ": 10.0, "TJK": 3.0, "TKM": 2.0, "UZB": 5.0}
    rows = [{"reporter": "CHN", "partner": c, "flow": "T", "period": "2030", "value_usd": v * B, "precision_usd": 1e8}
            for c, v in members.items()]
    rows.append({"reporter": "CHN", "partner": "KGZ", "flow": "T", "period": "2030", "value_usd": 22.071 * B,
                 "precision_usd": 1e6})
    store.ingest_frame(hand_figures(rows, title="parts"))
    store.ingest_frame(hand_figures([{"reporter": "CHN", "partner": "CA5", "flow": "T", "period": "2030",
                                      "value_usd": 42.7 * B, "precision_usd": 1e8}], title="total"))
    (s,) = pick(run_checks(store, rules=["sum_consistency"]), rule="sum_consistency", partner="CA5", period="2030")
    assert s.status == "conflict"


def test_growth_consistent_with_stored_previous_level(embedded_findings) -> None:
    # seed 000: TKM turnover 2025 "declined by 5.6 percent ... to $10 billion"; the 2024 level in the embedded
    # data (published_figures.csv, 24.kg 2025-01-24, GACC): "Turkmenistan ($10.6 billion ...)", to 0.1bn
    # hand: levels allow [9.5/10.65 - 1, 10.5/10.55 - 1] = [-10.8%, -0.5%], which contains -5.6%
    (f,) = [f for f in pick(embedded_findings, rule="growth_consistency", partner="TKM", flow="T", period="2025")
            if f.evidence["previous"]["value"] == 10.6e9]
    assert f.status == "consistent"
    assert f.evidence["computed"] == pytest.approx([100 * (9.5 / 10.65 - 1), 100 * (10.5 / 10.55 - 1)])


def test_growth_inconsistent_with_stored_previous_level(store) -> None:
    # hand-made 2024 level $12.0bn: levels allow [9.5/12.05 - 1, 10.5/11.95 - 1] = [-21.2%, -12.1%]; -5.6% is
    # 6.5 points away (slack -12.13 - (-5.65)) -> conflict, medium
    # (filed as CN-GACC: the rule compares a rate with the previous level of its own source, which the
    # embedded 2024 GACC figures would otherwise be)
    store.ingest_frame(hand_figures([{"reporter": "CHN", "partner": "TKM", "flow": "T", "period": "2024",
                                      "value_usd": 12.0e9, "precision_usd": 1e8, "source_id": "CN-GACC"}]))
    (f,) = [f for f in pick(run_checks(store, rules=["growth_consistency"]), partner="TKM", flow="T", period="2025")
            if f.evidence.get("previous", {}).get("value") == 12.0e9]
    assert (f.status, f.severity) == ("conflict", "medium")
    assert f.evidence["slack"] == pytest.approx(100 * (10.5 / 11.95 - 1) + 5.65)


def test_growth_rates_of_one_publication_imply_levels_that_add_up(embedded_findings) -> None:
    # seed 004: turnover +12% to 106.3, exports +11% to 71.2, imports +14% to 35.1
    # hand: 2024 X in [71.15/1.115, 71.25/1.105] = [63.81, 64.48], M in [35.05/1.145, 35.15/1.135] = [30.61, 30.97],
    # sum [94.42, 95.45]; T in [106.25/1.125, 106.35/1.115] = [94.44, 95.38]: consistent
    # (published_figures.csv adds a second joint check for the region, H1 2024: +11.3% / +14.6% / +4.8%)
    (f,) = [f for f in pick(embedded_findings, rule="growth_consistency", partner="CA5", period="2025")
            if f.evidence["key"].startswith("joint:")]
    assert f.status == "consistent"
    assert f.evidence["published"] == pytest.approx([106.25e9 / 1.125, 106.35e9 / 1.115])


# ---- source_conflict -----------------------------------------------------------------------


def test_source_conflict_consistent_imports(embedded_findings) -> None:
    # seeds 000 and 004: China's imports from the region, $35.1bn in both
    (f,) = pick(embedded_findings, rule="source_conflict", partner="CA5", flow="M")
    assert (f.status, f.severity) == ("consistent", "info")


def test_source_conflict_conflict_exports(embedded_findings) -> None:
    # seeds 000 and 004: $71.3bn and $71.2bn
    (f,) = pick(embedded_findings, rule="source_conflict", partner="CA5", flow="X")
    assert f.status == "conflict" and f.evidence["same_precision"] is True


# ---- mirror_gap ----------------------------------------------------------------------------


def test_mirror_gap_consistent_tajik_exports(embedded_findings) -> None:
    # seed 000: Tajik customs exports $524M; GACC "exports were limited to $560 million" (China's imports)
    # hand: [559.5/524.5, 560.5/523.5] = [1.0667, 1.0707], inside the prior band [exp(ln1.033 - 1.645*0.03), ...]
    (f,) = pick(embedded_findings, rule="mirror_gap", reporter="CHN", partner="TJK", flow="M")
    assert f.status == "consistent"
    assert f.evidence["ratio_importer_to_exporter"] == pytest.approx([559.5 / 524.5, 560.5 / 523.5])
    lo, hi = f.evidence["band"]["ratio_band"]
    assert lo < 1.0 and 1.06 < hi  # the prior band covers no margin and the IMF's 6%


def test_mirror_gap_conflict_tajik_imports(embedded_findings) -> None:
    # seed 000: 2.3 against 3.7 -> hand: [2.25/3.75, 2.35/3.65] = [0.60, 0.644]
    (f,) = pick(embedded_findings, rule="mirror_gap", reporter="TJK", partner="CHN", flow="M", period="2025")
    assert f.status == "conflict"
    assert f.evidence["ratio_importer_to_exporter"] == pytest.approx([2.25 / 3.75, 2.35 / 3.65])


def test_mirror_gap_importer_over_records(store) -> None:
    # hand-made: Kazakhstan records $40.0bn of imports from China in 2025 against GACC's $29.7bn (seed 000)
    # hand: [39.95/29.75, 40.05/29.65] = [1.343, 1.351], above the CIF band -> importer over-records, medium (< x1.5)
    store.ingest_frame(hand_figures([{"reporter": "KAZ", "partner": "CHN", "flow": "M", "period": "2025",
                                      "value_usd": 40.0e9, "precision_usd": 1e8}]))
    (f,) = pick(run_checks(store, rules=["mirror_gap"]), reporter="KAZ", partner="CHN", flow="M", period="2025")
    assert (f.status, f.severity) == ("conflict", "medium")
    assert f.evidence["direction"] == "importer_over_records"


def test_mirror_gap_persistent_gap_is_a_conflict_not_agreement(store) -> None:
    # hand-made: Mongolia records 70% of China's exports to it every year 2019-2023 (CHN X 10.0, 11.0, ...; MNG M
    # 7.0, 7.7, ...): 2023's gap lies inside the pair's own history band (2019-2022, ratio 0.70) but beyond CIF
    # valuation (prior band 0.98-1.09) -> a persistent conflict (medium), never "consistent"
    rows = []
    for i, y in enumerate(range(2019, 2024)):
        x = (10.0 + i) * B
        rows += [{"reporter": "CHN", "partner": "MNG", "flow": "X", "period": str(y), "value_usd": x,
                  "precision_usd": 1e8},
                 {"reporter": "MNG", "partner": "CHN", "flow": "M", "period": str(y), "value_usd": 0.7 * x,
                  "precision_usd": 1e8}]
    store.ingest_frame(hand_figures(rows))
    (f,) = pick(run_checks(store, rules=["mirror_gap"]), reporter="MNG", partner="CHN", flow="M", period="2023")
    assert f.evidence["band"]["source"] == "history" and f.evidence["band"]["n"] == 4
    assert (f.status, f.severity) == ("conflict", "medium")
    assert f.evidence["persistent"] is True and f.evidence["direction"] == "importer_under_records"
    assert "persistent gap" in f.message


def test_mirror_gap_above_a_history_band_yet_below_the_exporter_says_lower(store) -> None:
    # hand-made: Mongolia records 30% of China's exports to it 2019-2022 (CHN X 10.0, 11.0, 12.0, 13.0; MNG M 0.3x),
    # then 60% in 2023 (CHN 14.0, MNG 8.4): above the pair's own band, yet still below China's figure: never
    # "importer records more" (the reading that argues against unrecorded imports)
    rows = []
    for i, y in enumerate(range(2019, 2024)):
        x = (10.0 + i) * B
        rows += [{"reporter": "CHN", "partner": "MNG", "flow": "X", "period": str(y), "value_usd": x,
                  "precision_usd": 1e8},
                 {"reporter": "MNG", "partner": "CHN", "flow": "M", "period": str(y),
                  "value_usd": (0.6 if y == 2023 else 0.3) * x, "precision_usd": 1e8}]
    store.ingest_frame(hand_figures(rows))
    (f,) = pick(run_checks(store, rules=["mirror_gap"]), reporter="MNG", partner="CHN", flow="M", period="2023")
    assert f.evidence["band"]["source"] == "history" and f.evidence["outside"] == "higher"
    assert f.evidence["direction"] == "closer_than_usual"
    assert " are lower in " in f.message and "still records less" in f.message


# ---- period_mismatch -----------------------------------------------------------------------


def test_period_mismatch_flags_11_months_against_a_year(store) -> None:
    # hand-made: Kazakhstan's imports from China Jan-Nov 2025 $27.5bn, against GACC's full-year $29.7bn (seed 000)
    # hand: annualised 27.5 * 12 / 11 = 30.0bn
    store.ingest_frame(hand_figures([{"reporter": "KAZ", "partner": "CHN", "flow": "M", "period": "2025-01/2025-11",
                                      "value_usd": 27.5e9, "precision_usd": 1e8}]))
    fs = run_checks(store, rules=["period_mismatch", "mirror_gap"])
    # (the embedded Kazakh 2024 imports from China, WITS, are the same series' previous full year: advice of its own)
    (f,) = [g for g in pick(fs, rule="period_mismatch", reporter="KAZ", period="2025-01/2025-11")
            if g.evidence["kind"] == "mirror"]
    assert (f.reporter, f.partner, f.period) == ("KAZ", "CHN", "2025-01/2025-11")
    assert f.evidence["same_months"] == "2025-01/2025-11"
    assert f.evidence["annualised_value"] == pytest.approx(27.5e9 * 12 / 11)
    assert "Jan–Nov 2025" in f.message and "seasonal" in f.message
    assert not pick(fs, rule="mirror_gap", reporter="KAZ", period="2025")  # no mirror gap drawn from unequal periods


def test_period_mismatch_not_flagged_for_same_months(store) -> None:
    # hand-made: both sides for H1 2025 -> comparable, nothing to flag
    store.ingest_frame(hand_figures([
        {"reporter": "KAZ", "partner": "CHN", "flow": "M", "period": "2025-H1", "value_usd": 15.0e9, "precision_usd": 1e8},
        {"reporter": "CHN", "partner": "KAZ", "flow": "X", "period": "2025-H1", "value_usd": 14.6e9, "precision_usd": 1e8},
    ]))
    # (the embedded part-year figures — H1 2023, Q1 2024, the Tajik H1 2025 — have findings of their own; none
    # concerns these two)
    # (nor the embedded Kazakh 2024 imports, WITS, beside the KAZ H1 2025 figure: the previous full year, advice)
    assert not [f for f in run_checks(store, rules=["period_mismatch"])
                if f.period == "2025-H1" and {f.reporter, f.partner} == {"KAZ", "CHN"} and f.evidence["kind"] == "mirror"]


def test_period_mismatch_partial_year_against_previous_full_year(store) -> None:
    # hand-made: GACC-style exports to Kazakhstan Jan-Nov 2024 $25.0bn and full-year 2023 $24.0bn in one series:
    # the fair comparison for Jan-Nov 2024 is Jan-Nov 2023 (not in the store), or 25.0 * 12/11 = 27.27bn annualised
    store.ingest_frame(hand_figures([
        {"reporter": "CHN", "partner": "KAZ", "flow": "X", "period": "2024-01/2024-11", "value_usd": 25.0e9},
        {"reporter": "CHN", "partner": "KAZ", "flow": "X", "period": "2023", "value_usd": 24.0e9},
    ]))
    # (the embedded data has its own Jan–Nov 2024 figure, GACC's turnover with Kyrgyzstan: pick Kazakhstan's)
    # (and the embedded Kazakh 2024 imports, WITS, are its mirror's full year: a finding of kind "mirror")
    (f,) = [g for g in pick(run_checks(store, rules=["period_mismatch"]), rule="period_mismatch", reporter="CHN",
                            partner="KAZ", period="2024-01/2024-11") if g.evidence["kind"] != "mirror"]
    assert f.evidence["kind"] == "same series, previous year"
    assert f.evidence["same_months"] == "2023-01/2023-11"
    assert f.evidence["annualised_value"] == pytest.approx(25.0e9 * 12 / 11)


def test_require_comparable_refuses_and_offers() -> None:
    from mirrortrade.checks.period_mismatch import fair_comparison, require_comparable
    from mirrortrade.errors import PeriodMismatch

    require_comparable("2025", "2024")
    with pytest.raises(PeriodMismatch, match="Jan–Nov 2024"):
        require_comparable("2024-01/2024-11", "2024")
    assert fair_comparison("2025-H1", "2024")["same_months"] == "2024-H1"


# ---- unit_error ----------------------------------------------------------------------------


def test_unit_error_not_flagged_for_normal_pairs(embedded_findings) -> None:
    # seed 000: 560M against 524M is a ratio of 1.07, nowhere near 1,000
    assert not pick(embedded_findings, rule="unit_error")


def test_unit_error_thousands_entered_as_dollars(store) -> None:
    # hand-made: Kazakhstan's imports from China "29,700,000" meant in thousand USD but stored as USD;
    # GACC (seed 000) says $29.7bn: hand ratio 29.7e9 / 29.7e6 = 1,000
    store.ingest_frame(hand_figures([{"reporter": "KAZ", "partner": "CHN", "flow": "M", "period": "2025",
                                      "value_usd": 29.7e6, "precision_usd": 1e5}]))
    fs = run_checks(store, rules=["unit_error", "mirror_gap"])
    (f,) = pick(fs, rule="unit_error")
    assert (f.status, f.severity) == ("implausible", "high")
    assert f.evidence["ratio"] == pytest.approx(1000.0)
    assert f.evidence["corrected_smaller"] == pytest.approx(29.7e9)
    assert not pick(fs, rule="mirror_gap", reporter="KAZ", period="2025")  # reported once, as a unit error


def test_unit_error_between_vintages(store) -> None:
    # hand-made: one figure revised from $2.3bn to "2,300" (millions mistaken for dollars... x1,000,000)
    rows = [{"reporter": "TJK", "partner": "CHN", "flow": "M", "period": "2024", "value_usd": v, "vintage": d}
            for v, d in ((2.3e9, "2025-02-01"), (2.3e3, "2025-06-01"))]
    store.ingest_frame(hand_figures(rows[:1]))
    store.ingest_frame(hand_figures(rows[1:]))
    (f,) = pick(run_checks(store, rules=["unit_error"]), rule="unit_error")
    assert f.evidence["kind"] == "vintage" and f.evidence["decades"] == 6


def test_exceeds_gdp_thresholds_are_configurable(store) -> None:
    # seed 000 + gdp_published.csv: China's exports to Tajikistan are 18.7%–20.3% of Tajik GDP (2025, "$19 billion"):
    # consistent at the default mark, notable at an 18% mark
    (f,) = pick(run_checks(store, rules=["exceeds_gdp"]), reporter="CHN", partner="TJK", flow="X", period="2025")
    assert f.status == "consistent"
    fs = run_checks(store, rules=["exceeds_gdp"], settings={"exceeds_gdp": {"notable": 0.18}})
    (f,) = pick(fs, reporter="CHN", partner="TJK", flow="X", period="2025")
    assert f.status == "notable"
    from mirrortrade.errors import MirrortradeError

    with pytest.raises(MirrortradeError, match="bad settings"):
        run_checks(store, rules=["surge"], settings={"surge": {"nonsense": 1}})


def test_mirror_gap_exporter_books_transit(store) -> None:
    # hand-made: Kyrgyz statistics record $6.0bn of imports from China in 2025; GACC (seed 000) reports more than
    # $22bn of exports to Kyrgyzstan, narrowed by 27.2 - 5.2 to [22.0, 22.1], at least 100% of Kyrgyz GDP
    # (under $22bn, seed 000): the exporter's figure is beyond half the importer's GDP -> transit, not unrecorded
    store.ingest_frame(hand_figures([{"reporter": "KGZ", "partner": "CHN", "flow": "M", "period": "2025",
                                      "value_usd": 6.0e9, "precision_usd": 1e8}]))
    (f,) = pick(run_checks(store, rules=["mirror_gap"]), reporter="KGZ", partner="CHN", flow="M", period="2025")
    assert (f.status, f.severity) == ("conflict", "high")
    assert f.evidence["direction"] == "exporter_books_transit"
    assert f.evidence["exporter_figure_share_of_importer_gdp"][0] >= 1.0
    assert "transit" in f.message
