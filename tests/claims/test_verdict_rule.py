"""The verdict rule (issue 16): a claim's status says whether the article quotes its own source correctly; a mirror
gap is a finding beside the claim; a narrowing restatement is one statistic; a growth rate that fits one
publication of its base is consistent; an annualised part-year figure against GDP is notable, not an error.
Every article here is invented for the test."""

from __future__ import annotations

from _corpus_bench import cs
from mirrortrade.claims.filters import one_publication_fits as _one_publication_fits
from mirrortrade.claims.filters import part_year_not_implausible as _part_year_not_implausible
from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")

# invented: two agencies, one flow, far apart (3.7 against 2.3: 62%, far outside any CIF/FOB band)
GAP = ("According to China's General Administration of Customs, China's exports to Tajikistan were $3.7 billion in "
       "2025. Tajikistan's customs agency put the country's imports from China at $2.3 billion in 2025.")


def test_a_mirror_gap_is_beside_the_claims_not_a_conflict_of_them() -> None:
    res = check_article(GAP, None)
    levels = [c for c in res["claims"] if c["value_usd"] in (3.7e9, 2.3e9)]
    assert len(levels) == 2
    gaps = [f for f in res["findings"] if f["rule"] == "mirror_gap" and f["status"] == "conflict"]
    assert len(gaps) == 1
    assert sorted(gaps[0]["about_claims"]) == sorted(c["id"] for c in levels)
    # each claim quotes its own agency; nothing says either misquotes it
    assert all(c["status"] not in FLAGS for c in levels)


# invented: the same statistic printed twice, the second time as a bound ("more than"), against a GDP bound
NARROW = ("China's customs reported exports to Kyrgyzstan of $9 billion in 2025. Kyrgyzstan's GDP in 2025 was under "
          "$9 billion, the national statistics committee said. Beijing's figures show more than $9 billion in "
          "exports to Kyrgyzstan.")


def test_a_narrowing_restatement_is_one_statistic() -> None:
    res = check_article(NARROW, None)
    nine = [c for c in res["claims"] if c["value_usd"] == 9e9 and c["flow"] == "X"]
    assert [c["qualifier"] for c in nine] == ["exact", "lower"]
    # "$9 billion" alone is 8.5-9.5bn, at least 94% of a GDP under $9bn (notable); read with "more than $9
    # billion" it is 9.0-9.5bn, at least 100% of it: both statements are implausible
    assert [c["status"] for c in nine] == ["implausible", "implausible"]


def test_a_restatement_that_cannot_overlap_is_not_narrowed() -> None:
    text = ("China's customs reported exports to Kyrgyzstan of $9 billion in 2025. Kyrgyzstan's GDP in 2025 was "
            "under $9 billion, the national statistics committee said. Beijing's figures show more than $12 "
            "billion in exports to Kyrgyzstan.")
    res = check_article(text, None)
    nine = next(c for c in res["claims"] if c["value_usd"] == 9e9 and c["flow"] == "X")
    # 8.5-9.5bn against a GDP under 9bn: at least 94%, notable and no error (no intersection with "more than 12")
    assert nine["status"] not in FLAGS


def test_a_growth_rate_that_fits_one_publication_of_its_base_is_consistent() -> None:
    def g(status: str, base: str) -> dict:
        return {"rule": "growth_consistency", "status": status, "claims": ["c1"], "evidence": {"base": base}}

    kept = _one_publication_fits([g("conflict", "13.8bn"), g("consistent", "13.7bn"), g("conflict", "other")])
    assert [f["status"] for f in kept] == ["consistent"]
    # no publication fits: the conflicts stay
    assert [f["status"] for f in _one_publication_fits([g("conflict", "13.8bn")])] == ["conflict"]
    # a fit for another claim does not excuse this one
    other = {**g("consistent", "x"), "claims": ["c2"]}
    assert len(_one_publication_fits([g("conflict", "13.8bn"), other])) == 2


def test_an_annualised_part_year_figure_against_gdp_is_notable() -> None:
    f = {"rule": "exceeds_gdp", "status": "implausible", "severity": "high",
         "evidence": {"annualised": {"months": 6, "interval": [23e9, 25e9]}}}
    _part_year_not_implausible(f)
    assert (f["status"], f["severity"]) == ("notable", "medium")
    whole = {"rule": "exceeds_gdp", "status": "implausible", "severity": "high", "evidence": {}}
    _part_year_not_implausible(whole)
    assert whole["status"] == "implausible"


SENT = "China's exports to Tajikistan were $3.7 billion in 2025 and Tajik imports from China $2.3 billion."


def _exp(figure: str, reporter: str, partner: str, flow: str, value: float, flag: str | None) -> dict:
    return {"sentence": SENT, "figure": figure, "reporter": reporter, "partner": partner, "flow": flow,
            "period": "2025", "kind": "level", "value": value, "value_cny": None, "qualifier": "exact",
            "correct": True, "expect_flag": flag}


def _pred(cid: str, reporter: str, partner: str, flow: str, value: float, status: str) -> dict:
    return {"id": cid, "quote": SENT, "reporter": reporter, "partner": partner, "flow": flow, "period": "2025",
            "kind": "level", "value_usd": value, "value_low": value - 5e7, "value_high": value + 5e7,
            "status": status}


def test_the_scorer_counts_an_expected_mirror_gap_as_caught_by_a_mirror_gap_finding() -> None:
    ann = {"claims": [_exp("$3.7 billion", "CHN", "TJK", "X", 3.7e9, "mirror_gap"),
                      _exp("$2.3 billion", "TJK", "CHN", "M", 2.3e9, "mirror_gap")], "not_claims": []}
    claims = [_pred("c1", "CHN", "TJK", "X", 3.7e9, "consistent"), _pred("c2", "TJK", "CHN", "M", 2.3e9, "consistent")]
    beside = {"rule": "mirror_gap", "status": "conflict", "claims": ["c1", "c2"], "about_claims": ["c1", "c2"]}
    s = cs.summary(cs.score_article(SENT, ann, {"claims": claims, "findings": [beside]}))
    assert s["expected_flags_caught"] == "2/2" and s["verdict_accuracy"] == 1.0 and s["false_flags"] == 0
    # without the finding, the gap is missed and the verdicts are wrong
    s = cs.summary(cs.score_article(SENT, ann, {"claims": claims, "findings": []}))
    assert s["expected_flags_caught"] == "0/2" and s["verdict_accuracy"] == 0.0
    # a gap found where none was expected is a false flag, though no status is flagged
    ann_none = {"claims": [{**c, "expect_flag": None} for c in ann["claims"]], "not_claims": []}
    s = cs.summary(cs.score_article(SENT, ann_none, {"claims": claims, "findings": [beside]}))
    assert s["false_flags"] == 2
    # a finding that names a claim but is about another flow of the pair does not flag it
    aside = {**beside, "about_claims": []}
    s = cs.summary(cs.score_article(SENT, ann_none, {"claims": claims, "findings": [aside]}))
    assert s["false_flags"] == 0 and s["verdict_accuracy"] == 1.0


def test_a_figure_revised_after_the_article_is_notable_not_a_conflict() -> None:
    from datetime import date

    from mirrortrade.claims.filters import revised_since as _revised_since

    def conflict() -> dict:
        return {"rule": "source_conflict", "status": "conflict", "severity": "low", "message": "m",
                "evidence": {"figure_ids": ["c1", "s1"]}}

    later, earlier = {"s1": date(2024, 3, 1)}, {"s1": date(2023, 3, 1)}
    f = conflict()
    _revised_since(f, later, date(2024, 1, 15))
    assert (f["status"], f["severity"]) == ("notable", "low") and "revision" in f["message"]
    # stored before the article was written: the article differs from what was already out, a conflict
    f = conflict()
    _revised_since(f, earlier, date(2024, 1, 15))
    assert f["status"] == "conflict"
    # an undated article cannot tell
    f = conflict()
    _revised_since(f, later, None)
    assert f["status"] == "conflict"


# invented: a statistic that two stored publications print differently (a transposed digit in one); an article
# quoting either one quotes its source correctly
TWO_PUBS = "China's customs reported trade with Mongolia of $9.1 billion in 2031."


def test_a_level_matching_one_stored_publication_is_not_a_conflict(store) -> None:
    import pandas as pd

    rows = [{"reporter": "CHN", "partner": "MNG", "flow": "T", "period": "2031", "value_usd": v, "precision_usd": p,
             "source_id": "CN-GACC", "publisher": pub, "title": pub, "vintage": "2032-01-20", "qualifier": "exact"}
            for v, p, pub in ((9.1e9, 1e8, "outlet A"), (9.01e9, 1e7, "outlet B"))]
    store.ingest_frame(pd.DataFrame(rows))
    res = check_article(TWO_PUBS, store)
    (c,) = [c for c in res["claims"] if c["value_usd"] == 9.1e9]
    assert c["status"] == "consistent"
    (sc,) = [f for f in res["findings"] if f["rule"] == "source_conflict"]
    assert sc["status"] == "notable" and "the publications disagree" in sc["message"]
    # quoting a third number is still a conflict with both
    res = check_article(TWO_PUBS.replace("9.1", "9.6"), store)
    (c,) = [c for c in res["claims"] if c["value_usd"] == 9.6e9]
    assert c["status"] == "conflict"
