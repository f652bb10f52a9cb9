"""The claim checker end to end (issue 7): seed articles -> claims with verdicts and findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS_DATA, seed_text
from mirrortrade.claims.verify import check_article
from mirrortrade.cli import app

runner = CliRunner()
SEED0 = sorted((TESTS_DATA / "seeds").glob("000_*.txt"))[0]
SEED4 = sorted((TESTS_DATA / "seeds").glob("004_*.txt"))[0]


def _claim(res: dict, **kw: object) -> dict:
    hits = [c for c in res["claims"] if all(c.get(k) == v for k, v in kw.items())]
    assert len(hits) >= 1, kw
    return hits[0]


def _findings(res: dict, rule: str, claim_id: str) -> list[dict]:
    return [f for f in res["findings"] if f["rule"] == rule and claim_id in f["claims"]]


def test_seed000_against_the_store(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article(seed_text("000"), store)
    # Kyrgyzstan: "more than $22 billion in exports to Kyrgyzstan" vs GDP "under $22 billion"
    kgz = _claim(res, reporter="CHN", partner="KGZ", flow="X", qualifier="lower")
    assert kgz["value_usd"] == 22e9 and kgz["status"] == "implausible"
    assert any(f["severity"] == "high" for f in _findings(res, "exceeds_gdp", kgz["id"]))
    # the Kyrgyz export surge $80 million (2023) -> $2.8 billion (2024) -> $5.2 billion (2025)
    k23 = _claim(res, reporter="CHN", partner="KGZ", flow="M", period="2023")
    assert k23["value_usd"] == 80e6 and _findings(res, "surge", k23["id"])
    # Tajikistan: imports from China $3.7bn (GACC) vs $2.3bn (Tajik customs): a mirror conflict, a finding
    # beside the claim; the claim quotes Tajik customs correctly (the store's TJ-CUSTOMS figure), so it stands
    tjk = _claim(res, reporter="TJK", partner="CHN", flow="M")
    assert tjk["value_usd"] == 2.3e9 and tjk["status"] == "consistent"
    gap = _findings(res, "mirror_gap", tjk["id"])
    assert gap and "1.4bn" in gap[0]["message"] and tjk["id"] in gap[0]["about_claims"]
    # Uzbekistan: turnover 16.1 vs 17.1 and exports 1.9 vs just under 2.5: mirror gaps about both claims,
    # while each restates its own agency's stored figure
    for kw in ({"flow": "T"}, {"flow": "X", "qualifier": "near_upper"}):
        c = _claim(res, reporter="UZB", partner="CHN", **kw)
        assert c["status"] == "consistent"
        assert any(f["status"] == "conflict" and c["id"] in f["about_claims"]
                   for f in _findings(res, "mirror_gap", c["id"]))
    # 71.3 here, 71.2 in seed 004 (in the store)
    x = _claim(res, reporter="CHN", partner="CA5", flow="X")
    assert x["value_usd"] == 71.3e9 and x["status"] == "conflict"
    assert _findings(res, "source_conflict", x["id"])
    # sums that add up within rounding are consistent, not flagged: 29.7 + 19 vs 48.7 (Kazakhstan)
    kaz_t = _claim(res, reporter="CHN", partner="KAZ", flow="T")
    assert kaz_t["status"] == "consistent"
    assert all(f["severity"] == "info" for f in _findings(res, "sum_consistency", kaz_t["id"]))
    # Turkmenistan: -5.6 percent to $10 billion, $8.4bn + $1.6bn: consistent
    assert _claim(res, reporter="CHN", partner="TKM", flow="T")["status"] == "consistent"


def test_seed004_flags_nothing_consistent(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article(seed_text("004"), store)
    problems = [f for f in res["findings"] if f["severity"] != "info"]
    # the only problem is the genuine one: 71.2 here against 71.3 in seed 000
    assert {f["rule"] for f in problems} == {"source_conflict"}
    assert [c["status"] for c in res["claims"] if c["flow"] == "M"] == ["consistent"]


def test_articles_checked_together_without_store() -> None:
    res = runner.invoke(app, ["check", str(SEED0), str(SEED4), "--json", "--no-store"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [a["file"] for a in out] == [str(SEED0), str(SEED4)]
    a4 = out[1]
    x = next(c for c in a4["claims"] if c["flow"] == "X" and c["partner"] == "CA5")
    assert x["value_usd"] == 71.2e9 and x["status"] == "conflict"


def test_json_shape_and_stdin(tmp_path: Path) -> None:
    text = seed_text("004")
    proc = subprocess.run([sys.executable, "-m", "mirrortrade.cli", "check", "-", "--json", "--no-store"],
                          input=text, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) == {"claims", "findings"}
    keys = {"id", "quote", "reporter", "partner", "flow", "period", "value_usd", "value_low", "value_high",
            "qualifier", "growth_pct", "source", "status"}
    for c in out["claims"]:
        assert keys <= set(c)
        assert c["status"] in ("consistent", "conflict", "implausible", "unverifiable")
    for f in out["findings"]:
        assert {"rule", "severity", "claims", "message", "evidence"} <= set(f)
    # "$71.2 billion" -> [71.15e9, 71.25e9]
    x = next(c for c in out["claims"] if c["flow"] == "X")
    assert (x["value_low"], x["value_high"]) == (71.15e9, 71.25e9)


def test_table_output_and_bad_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["check", str(SEED0), "--db", str(tmp_path / "s.duckdb")], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert re.search(r"c13 .*CHN exports to KGZ.*more than \$22\.0bn.*implausible", res.output)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    res = runner.invoke(app, ["check", str(empty), "--no-store"])
    assert res.exit_code != 0 and "empty" in res.output


# ---- without a store: the article against itself (the shared rules over its claims) -------------------------


def _rule(res: dict, rule: str) -> list[dict]:
    return [f for f in res["findings"] if f["rule"] == rule]


def test_seed000_alone_sums_add_up() -> None:
    res = check_article(seed_text("000"), None)
    sums = _rule(res, "sum_consistency")
    # T = X + M: CA5 106.3 = 71.3 + 35.1; KAZ 48.7 = 29.7 + 19; KGZ 27.2 = more than 22 + 5.2; UZB 16.1 = 14.2 + 1.9;
    # TJK 4.3 ~ 3.7 + 0.56 = 4.26 (within rounding); TKM 10 = 1.6 + 8.4. Regional: T, X and M of the five countries.
    assert len(sums) == 9 and all(f["status"] == "consistent" and f["severity"] == "info" for f in sums)
    # X: 29.7 + 22 ("$22 billion": 21.5-22.5, restated as "more than $22 billion": one statistic, 22.0-22.5)
    # + 14.2 + 3.7 + 1.6 = [29.65 + 22.0 + 14.15 + 3.65 + 1.55, 29.75 + 22.5 + 14.25 + 3.75 + 1.65]
    # = [71.0, 71.9], which holds 71.3
    x = next(f for f in sums if f["about"]["partner"] == "CA5" and f["about"]["flow"] == "X" and len(f["claims"]) == 6)
    assert x["evidence"]["computed"] == pytest.approx([71.0e9, 71.9e9])
    assert _claim(res, reporter="CHN", partner="CA5", flow="T")["status"] == "consistent"


def test_seed000_alone_kyrgyz_gdp_stated_in_the_article() -> None:
    res = check_article(seed_text("000"), None)
    # "more than $22 billion" of exports to Kyrgyzstan against the article's own GDP "under $22 billion" (i1): >= 100%
    kgz = _claim(res, reporter="CHN", partner="KGZ", flow="X", qualifier="lower")
    hits = _findings(res, "exceeds_gdp", kgz["id"])
    assert [(f["status"], f["severity"]) for f in hits] == [("implausible", "high")]
    assert "i1" in hits[0]["claims"] and hits[0]["evidence"]["share"][0] >= 1.0
    assert kgz["status"] == "implausible"


def test_seed000_alone_surge_is_notable_not_wrong() -> None:
    res = check_article(seed_text("000"), None)
    k23 = _claim(res, reporter="CHN", partner="KGZ", flow="M", period="2023")
    surge = _findings(res, "surge", k23["id"])
    # $80 million (2023) -> $2.8 billion (2024): x35
    assert len(surge) == 1 and surge[0]["status"] == "notable"
    assert k23["status"] == "consistent"


def test_seed000_alone_mirror_pairs() -> None:
    res = check_article(seed_text("000"), None)
    # Tajikistan's imports 2.3 vs China's exports 3.7: 0.60-0.64
    tjk = _claim(res, reporter="TJK", partner="CHN", flow="M")
    assert [f["status"] for f in _findings(res, "mirror_gap", tjk["id"])] == ["conflict"]
    assert tjk["status"] not in ("conflict", "implausible")  # a gap between two reporters is beside the claim
    # China's imports 1.9 vs Uzbekistan's exports "just under 2.5": 0.74-0.84
    uzb_x = _claim(res, reporter="UZB", partner="CHN", flow="X")
    assert "conflict" in [f["status"] for f in _findings(res, "mirror_gap", uzb_x["id"])]
    assert uzb_x["status"] not in ("conflict", "implausible")
    # Tajik exports 524 million vs China's imports 560 million: 1.07, a normal CIF/FOB gap
    tjk_x = _claim(res, reporter="TJK", partner="CHN", flow="X")
    assert [f["status"] for f in _findings(res, "mirror_gap", tjk_x["id"])] == ["consistent"]
    # "more than a fifth" of Uzbekistan's trade: no total in the article to check it against
    share = next(c for c in res["claims"] if c.get("share_pct") is not None)
    assert share["status"] == "unverifiable" and not [f for f in res["findings"] if share["id"] in f["claims"]]


def test_seed004_alone_flags_nothing() -> None:
    res = check_article(seed_text("004"), None)
    assert [f for f in res["findings"] if f["severity"] != "info"] == []
    assert {c["status"] for c in res["claims"]} == {"consistent"}


def test_two_articles_71_3_vs_71_2() -> None:
    from mirrortrade.claims.batch import check_texts

    (_, a), (_, b) = check_texts([("000", seed_text("000")), ("004", seed_text("004"))], None)
    for res, mine, other in ((a, "$71.3bn", "$71.2bn"), (b, "$71.2bn", "$71.3bn")):
        x = _claim(res, reporter="CHN", partner="CA5", flow="X")
        hits = [f for f in _findings(res, "source_conflict", x["id"]) if f["status"] != "consistent"]
        # the rounding intervals [71.25, 71.35] and [71.15, 71.25] only touch: two numbers, not one
        assert len(hits) == 1 and hits[0]["severity"] == "low"
        assert mine in hits[0]["message"] and other in hits[0]["message"]
        assert x["status"] == "conflict"


INCONSISTENT = (
    "According to Chinese customs, China's trade with Kazakhstan reached $50 billion in 2025, up 30 percent "
    "from $41.0 billion in 2024. Chinese exports to Kazakhstan were $29.7 billion in 2025 and imports from "
    "Kazakhstan $18 billion.\n\n"
    "The number of Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 200,000 in 2025 "
    "from 74,300 in 2024."
)


def test_inconsistent_sum_growth_and_relative_in_one_article() -> None:
    res = check_article(INCONSISTENT, None)
    # 29.7 + 18 = 47.7 (47.15-48.25) is not 50 (49.5-50.5): 2.5% beyond rounding, far beyond a revision
    assert [f["status"] for f in _rule(res, "sum_consistency")] == ["conflict"]
    # 50/41 = 1.22 -> +20.6 % to +23.3 % given rounding, not 30 %
    g = _rule(res, "growth_consistency")
    assert [f["status"] for f in g] == ["conflict"]
    assert g[0]["evidence"]["computed"] == pytest.approx([100 * (49.5 / 41.05 - 1), 100 * (50.5 / 40.95 - 1)])
    # 200,000 / 74,300 = 2.69, not in [3.5, 4.0]
    assert [f["status"] for f in _rule(res, "relative_statement")] == ["conflict"]
    assert _claim(res, flow="T", period="2025")["status"] == "conflict"


def test_growth_and_change_consistent_in_one_article() -> None:
    text = (
        "Kazakh exports to China grew by 10 percent to $11 billion in 2025 from $10 billion in 2024. "
        "Kazakh imports from China rose by $1.5 billion to $20.5 billion in 2025, from $19 billion in 2024."
    )
    res = check_article(text, None)
    # 11 (10.5-11.5) / 10 (9.5-10.5) = +0 % to +21 %, which holds 10 %; 20.5 - 19 = 0.95-2.05, which holds 1.5
    assert [f["status"] for f in _rule(res, "growth_consistency")] == ["consistent"]
    assert [f["status"] for f in _rule(res, "change_vs_levels")] == ["consistent"]
    assert {c["status"] for c in res["claims"]} == {"consistent"}


def test_regional_total_below_some_of_its_countries() -> None:
    text = (
        "Chinese exports to Central Asia were $30 billion in 2025, according to Chinese customs. "
        "Chinese exports to Kazakhstan were $25 billion and exports to Kyrgyzstan $22 billion in 2025."
    )
    res = check_article(text, None)
    found = _rule(res, "sum_consistency")
    # 25 + 22 = 47 (at least 24.5 + 21.5 = 46) against 30 (29.5-30.5), whatever the other three countries are:
    # 15.5 beyond rounding, 52 % of the total -> high
    assert [(f["status"], f["severity"]) for f in found] == [("conflict", "high")]
    assert found[0]["evidence"]["slack"] == pytest.approx(30.5e9 - 46e9)
    assert _claim(res, partner="CA5")["status"] == "conflict"


def test_same_figure_twice_in_one_article() -> None:
    text = ("According to Chinese customs, Chinese exports to Kazakhstan were $25 billion in 2025.\n\n"
            "Later in the year, Chinese customs put China's exports to Kazakhstan at $27 billion in 2025.")
    res = check_article(text, None)
    found = _rule(res, "source_conflict")
    # 25 (24.5-25.5) and 27 (26.5-27.5) cannot be one number
    assert [(f["status"], f["claims"]) for f in found] == [("conflict", ["c1", "c2"])]
    assert [c["status"] for c in res["claims"]] == ["conflict", "conflict"]
