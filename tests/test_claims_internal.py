"""An article's statements that are not levels, checked against its levels (claims/internal.py).

Sums, growth rates, the same figure twice, mirror pairs, GDP and surges are the shared rules'
(verify runs them over the article's claims; see tests/test_check_article.py). The seed numbers
are the articles' own; sums and ratios are hand-calculated in the comments.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mirrortrade.claims import extract_claims, extract_indicators
from mirrortrade.claims.internal import check_internal
from mirrortrade.claims.verify import check_article

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SEED_000 = (SEEDS / "000_2ad6b93893591dd7.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_4fa4d7f12d5750ad.txt").read_text(encoding="utf-8")
SHAPE = {"rule", "severity", "status", "claims", "message", "evidence"}


def _by_rule(findings: list[dict], rule: str) -> list[dict]:
    return [f for f in findings if f["rule"] == rule]


def _statuses(findings: list[dict], rule: str) -> list[str]:
    return [f["status"] for f in _by_rule(findings, rule)]


def test_seed000_relative_statements_consistent() -> None:
    inds = extract_indicators(SEED_000)
    rel = _by_rule(check_internal(extract_claims(SEED_000), inds), "relative_statement")
    # 9,252 / 6,227 = 1.486 in "grew by nearly 50 percent"; 278,900 / 74,300 = 3.754 in "nearly quadrupled" [3.5, 4];
    # 52,600 / 18,347 = 2.867 in "nearly tripled" [2.625, 3]
    assert len(rel) == 3 and all(f["status"] == "consistent" and f["severity"] == "info" for f in rel)
    assert sorted(round(f["evidence"]["computed"][0], 2) for f in rel) == [1.49, 2.87, 3.75]
    # the two indicator levels compared
    tourists = next(f for f in inds if f.indicator == "tourist_arrivals" and f.value == 278_900)
    assert [tourists.id, tourists.previous_id] in [f["claims"] for f in rel]


def test_seed_findings_only_for_statements_the_store_rules_do_not_read() -> None:
    # seed 000 states no balance, change, share of a stated total or gap; seed 004 no indicator at all
    for text in (SEED_000, SEED_004):
        found = check_internal(extract_claims(text), extract_indicators(text))
        assert {f["rule"] for f in found} <= {"relative_statement"}


def test_relative_statement_conflict() -> None:
    text = ("The number of Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 200,000 in 2025 "
            "from 74,300 in 2024.")
    found = check_internal([], extract_indicators(text))
    # 200,000 / 74,300 = 2.69, not in [3.5, 4.0]
    assert [(f["status"], f["severity"]) for f in found] == [("conflict", "medium")]
    assert found[0]["evidence"]["computed"][0] == pytest.approx(199_999.5 / 74_300.5)


def test_more_than_doubled_variants() -> None:
    base = "The number of Chinese tourists visiting Kazakhstan {w} to {n} in 2025 from 10,000 in 2024."
    ok = check_internal([], extract_indicators(base.format(w="more than doubled", n="25,000")))
    bad = check_internal([], extract_indicators(base.format(w="more than doubled", n="19,000")))
    assert [f["status"] for f in ok] == ["consistent"]
    assert [f["status"] for f in bad] == ["conflict"]


def test_change_against_levels() -> None:
    text = "Kazakh imports from China rose by $1.5 billion to $20.5 billion in 2025, from $19 billion in 2024."
    claims = extract_claims(text)
    found = _by_rule(check_internal(claims), "change_vs_levels")
    # 20.5 (20.45-20.55, or up to 20.6 if cut to its digits) - 19 (18.5-19.5) = 0.95-2.1 contains 1.45-1.55
    assert [f["status"] for f in found] == ["consistent"]
    assert found[0]["evidence"]["computed"] == pytest.approx([0.95e9, 2.1e9])
    assert found[0]["about"]["flow"] == "M"
    bad = _by_rule(check_internal(extract_claims(text.replace("$1.5 billion", "$4 billion"))), "change_vs_levels")
    assert [f["status"] for f in bad] == ["conflict"]


def test_balance_against_exports_and_imports() -> None:
    text = ("Kazakhstan's Bureau of National Statistics said Kazakh exports to China were $15 billion in 2025 and "
            "imports from China $20 billion, a trade deficit of $5 billion.")
    found = _by_rule(check_internal(extract_claims(text)), "balance_sum")
    # 15 (14.5-15.5) - 20 (19.5-20.5) = -6.0 to -4.0 contains the deficit -5 (-5.5 to -4.5)
    assert [f["status"] for f in found] == ["consistent"]
    assert found[0]["evidence"]["computed"] == pytest.approx([-6e9, -4e9])
    bad = _by_rule(check_internal(extract_claims(text.replace("$5 billion", "$8 billion"))), "balance_sum")
    assert [(f["status"], f["severity"]) for f in bad] == [("conflict", "medium")]


def test_balance_conflict_marks_the_balance_in_verify() -> None:
    text = ("Kazakhstan's Bureau of National Statistics said Kazakh exports to China were $15 billion in 2025 and "
            "imports from China $20 billion, a trade deficit of $8 billion.")
    res = check_article(text, None)
    status = {c["flow"]: c["status"] for c in res["claims"]}
    # the finding is about the balance; the exports and imports are its evidence
    assert status == {"X": "unverifiable", "M": "unverifiable", "B": "conflict"}


def test_share_against_levels() -> None:
    text = (
        "Kazakhstan's foreign trade reached $140 billion in 2025, the Bureau of National Statistics said. "
        "Trade with China was $28 billion, so China accounted for 20% of the total foreign trade."
    )
    f = _by_rule(check_internal(extract_claims(text)), "share_vs_levels")
    # 28 / 140 = 20 % (27.5/140.5 = 19.6 % to 28.5/139.5 = 20.4 %) within [19.5, 20.5]
    assert [x["status"] for x in f] == ["consistent"]
    assert f[0]["evidence"]["computed"] == pytest.approx([100 * 27.5 / 140.5, 100 * 28.5 / 139.5])
    bad = _by_rule(check_internal(extract_claims(text.replace("20%", "25%"))), "share_vs_levels")
    assert [x["status"] for x in bad] == ["conflict"]


def test_stated_gap_against_mirror_levels() -> None:
    text = (
        "According to Kazakhstan's Bureau of National Statistics, imports from Russia were $12.8 billion in "
        "January–September 2023.\n\n"
        "According to Russia's Federal Customs Service, Russian exports to Kazakhstan in January–September 2023 "
        "were about $13.9 billion, a gap of $1.1 billion from the Kazakh figure."
    )
    f = _by_rule(check_internal(extract_claims(text)), "difference_vs_levels")
    # 13.9 (about: 13.155-14.645) - 12.8 (12.75-12.85) = 0.305-1.895 contains 1.05-1.15
    assert [x["status"] for x in f] == ["consistent"]
    assert f[0]["evidence"]["computed"] == pytest.approx([0.305e9, 1.895e9])
    bad = _by_rule(check_internal(extract_claims(text.replace("$1.1 billion", "$3.1 billion"))), "difference_vs_levels")
    assert [x["status"] for x in bad] == ["conflict"]


ARTICLE_UZB_RUS = """Uzbekistan's trade with Russia hits record as sanctions reshape routes

TASHKENT, Feb 20, 2023 — Uzbekistan's trade turnover with Russia reached a record $9.3 billion in 2022, up 25.6% \
from the year before, according to the country's Statistics Agency.

Russia thus overtook China to become Uzbekistan's largest trading partner, with a 18.4% share of the country's \
foreign trade, which totaled $50 billion. Trade with China came to $8.9 billion.

Uzbek exports to Russia rose by $1.1 billion to $2.5 billion, while imports increased to $6.8 billion. In the fourth \
quarter alone, turnover amounted to about $2.7 billion.

Russian customs, however, put Russia's exports to Uzbekistan at $7.3 billion. Analysts say the difference of around \
$500 million is explained by re-exports through Kazakhstan.

The governments plan to raise trade to $30 billion by 2030.
"""


def test_article_of_my_own_uzbekistan_russia() -> None:
    claims = extract_claims(ARTICLE_UZB_RUS)
    rows = [(c.kind, c.reporter, c.partner, c.flow, c.period, c.value_usd, c.source) for c in claims]
    assert rows == [
        # "the country's Statistics Agency": Uzbekistan's, named just before
        ("level", "UZB", "RUS", "T", "2022", 9.3e9, "UZ-STAT"),
        ("share", "UZB", "RUS", "T", "2022", None, "UZ-STAT"),
        ("level", "UZB", "WLD", "T", "2022", 50e9, "UZ-STAT"),
        ("level", "UZB", "CHN", "T", "2022", 8.9e9, "UZ-STAT"),
        # "rose by $1.1 billion to $2.5 billion": the change and the level
        ("growth", "UZB", "RUS", "X", "2022", None, "UZ-STAT"),
        ("level", "UZB", "RUS", "X", "2022", 2.5e9, "UZ-STAT"),
        ("level", "UZB", "RUS", "M", "2022", 6.8e9, "UZ-STAT"),
        # "the fourth quarter" of the article's data year (the dateline's 2023 and the target 2030 are not data years)
        ("level", "UZB", "RUS", "T", "2022-Q4", 2.7e9, "UZ-STAT"),
        ("level", "RUS", "UZB", "X", "2022", 7.3e9, "RU-CUSTOMS"),
        # "the difference of around $500 million": between the figures just given
        ("difference", "RUS", "UZB", "X", "2022", None, "RU-CUSTOMS"),
    ]
    assert claims[4].change_usd == 1.1e9 and claims[5].change_usd is None
    own = {f["rule"]: f["status"] for f in check_internal(claims)}
    # 18.4 % of 50 = 9.2 (9.25/50.5 = 18.3 % to 9.35/49.5 = 18.9 %); 7.3 - 6.8 = 0.5 (0.4-0.6)
    assert own == {"share_vs_levels": "consistent", "difference_vs_levels": "consistent"}
    # through verify: the shared rules add the turnover sum and the mirror pair
    res = check_article(ARTICLE_UZB_RUS, None)
    verdicts = {f["rule"]: f["status"] for f in res["findings"]}
    # 2.5 + 6.8 = 9.3
    assert verdicts["sum_consistency"] == "consistent"
    assert verdicts["share_vs_levels"] == "consistent" and verdicts["difference_vs_levels"] == "consistent"
    # Uzbekistan's imports from Russia 6.8 vs Russia's exports 7.3: 0.92-0.94, under the CIF/FOB band
    assert verdicts["mirror_gap"] == "conflict"
    status = {c["id"]: c["status"] for c in res["claims"]}
    assert status[claims[1].id] == "consistent" and status[claims[8].id] == "consistent"


def test_finding_shape_is_verifys() -> None:
    balance = ("Kazakhstan's Bureau of National Statistics said Kazakh exports to China were $15 billion in 2025 and "
               "imports from China $20 billion, a trade deficit of $8 billion.")
    found = [*check_internal(extract_claims(balance)),
             *check_internal(extract_claims(ARTICLE_UZB_RUS), extract_indicators(SEED_000))]
    assert {f["rule"] for f in found} == {"balance_sum", "share_vs_levels", "difference_vs_levels",
                                          "relative_statement"}
    for f in found:
        assert SHAPE <= set(f) and f["status"] in ("consistent", "conflict")
        assert set(f["claims"]) <= {c.id for c in extract_claims(ARTICLE_UZB_RUS)} | {
            i.id for i in extract_indicators(SEED_000)}
        assert (f["severity"] == "info") == (f["status"] == "consistent")
        json.dumps(f, allow_nan=False)
