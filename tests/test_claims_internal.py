"""An article's claims checked against each other (claims/internal.py).

The seed numbers are the articles' own; sums are hand-calculated in the comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mirrortrade.claims import extract_claims, extract_indicators
from mirrortrade.claims.internal import apply_status, check_internal

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SEED_000 = (SEEDS / "000_2ad6b93893591dd7.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_4fa4d7f12d5750ad.txt").read_text(encoding="utf-8")


def _by_rule(findings: list[dict], rule: str) -> list[dict]:
    return [f for f in findings if f["rule"] == rule]


def _verdict(f: dict) -> str:
    return f["evidence"]["verdict"]


@pytest.fixture(scope="module")
def seed000() -> tuple[list, list, list[dict]]:
    claims = extract_claims(SEED_000)
    inds = extract_indicators(SEED_000)
    findings = check_internal(claims, inds)
    apply_status(claims, findings)
    return claims, inds, findings


def _claim(claims: list, text: str, reporter: str, flow: str, period: str = "2025"):  # type: ignore[no-untyped-def]
    return next(c for c in claims if c.text == text and c.reporter == reporter and c.flow == flow and c.period == period)


def test_seed000_turnover_sums_consistent(seed000: tuple) -> None:
    claims, _, findings = seed000
    sums = _by_rule(findings, "turnover_sum")
    # CA5 106.3 = 71.3 + 35.1; KAZ 48.7 = 29.7 + 19; KGZ 27.2 = 22 + 5.2; UZB 16.1 = 14.2 + 1.9;
    # TJK 4.3 ~ 3.7 + 0.56 = 4.26 (within rounding); TKM 10 = 8.4 + 1.6
    assert len(sums) == 6
    assert all(_verdict(f) == "consistent" and f["severity"] == "info" for f in sums)


def test_seed000_regional_sums_consistent(seed000: tuple) -> None:
    _, _, findings = seed000
    reg = {f["message"].split()[1]: f for f in _by_rule(findings, "regional_sum")}
    # T: 48.7 + 27.2 + 16.1 + 4.3 + 10 = 106.3; X: 29.7 + 22 + 14.2 + 3.7 + 1.6 = 71.2 (vs 71.3); M: 19 + 5.2 +
    # 1.9 + 0.56 + 8.4 = 35.06 (vs 35.1). For X, Kyrgyzstan's "$22 billion" and "more than $22 billion" together
    # give [22, 22.5], so the sum is [29.65 + 22 + 14.15 + 3.65 + 1.55, 29.75 + 22.5 + 14.25 + 3.75 + 1.65] = [71.0, 71.9]
    assert set(reg) == {"T", "X", "M"}
    assert all(_verdict(f) == "consistent" for f in reg.values())
    assert reg["X"]["evidence"]["computed"] == pytest.approx([71.0e9, 71.9e9])


def test_seed000_kyrgyz_gdp_problem(seed000: tuple) -> None:
    claims, inds, findings = seed000
    gdp = next(f for f in inds if f.indicator == "gdp_usd")
    assert (gdp.country, gdp.value, gdp.qualifier, gdp.period) == ("KGZ", 22e9, "upper", "2025")
    hits = _by_rule(findings, "trade_vs_gdp_in_article")
    more_than = _claim(claims, "$22 billion", "CHN", "X")
    flagged = {cid for f in hits for cid in f["claims"]}
    assert gdp.id in flagged and more_than.id in flagged
    assert all(f["severity"] == "high" and _verdict(f) == "implausible" for f in hits)
    assert more_than.status == "implausible"


def test_seed000_kyrgyz_export_surge(seed000: tuple) -> None:
    claims, _, findings = seed000
    surge = _by_rule(findings, "surge")
    c2023 = _claim(claims, "$80 million", "CHN", "M", "2023")
    c2024 = _claim(claims, "$2.8 billion", "CHN", "M", "2024")
    assert len(surge) == 1 and surge[0]["claims"] == [c2023.id, c2024.id]
    # 2.8e9 / 80e6 = 35 (rounding: 2.75/80.5 = 34.2 to 2.85/79.5 = 35.8)
    assert surge[0]["evidence"]["ratio"] == pytest.approx([2.75e9 / 80.5e6, 2.85e9 / 79.5e6])


def test_seed000_uzbek_and_tajik_mirror_conflicts(seed000: tuple) -> None:
    claims, _, findings = seed000
    mirror = _by_rule(findings, "mirror_in_article")
    conflicts = {frozenset(f["claims"]) for f in mirror if _verdict(f) == "conflict"}
    uzb_chn_m = _claim(claims, "$1.9 billion", "CHN", "M")
    uzb_x = _claim(claims, "$2.5 billion", "UZB", "X")
    tjk_m = _claim(claims, "$2.3 billion", "TJK", "M")
    chn_x_tjk = _claim(claims, "$3.7 billion", "CHN", "X")
    # China's 1.9 vs Uzbekistan's "just under 2.5": 1.85/2.5 = 0.74 to 1.95/2.325 = 0.84 < 0.95
    assert frozenset([uzb_chn_m.id, uzb_x.id]) in conflicts
    # Tajikistan's imports 2.3 vs China's exports 3.7: 0.60-0.64
    assert frozenset([tjk_m.id, chn_x_tjk.id]) in conflicts
    # Tajik exports 524 million vs China's imports 560 million: 560/524 = 1.07, a normal CIF/FOB gap
    ok = [f for f in mirror if _verdict(f) == "consistent"]
    assert any(f["evidence"]["ratio"][0] == pytest.approx(559.5 / 524.5) for f in ok)
    assert uzb_x.status == "conflict" and tjk_m.status == "conflict"


def test_seed000_relative_statements_consistent(seed000: tuple) -> None:
    _, inds, findings = seed000
    rel = _by_rule(findings, "relative_statement")
    # 9,252 / 6,227 = 1.486 in "grew by nearly 50 percent"; 278,900 / 74,300 = 3.754 in "nearly quadrupled" [3.5, 4];
    # 52,600 / 18,347 = 2.867 in "nearly tripled" [2.625, 3]
    assert len(rel) == 3 and all(_verdict(f) == "consistent" for f in rel)
    ratios = sorted(round(f["evidence"]["ratio"][0], 2) for f in rel)
    assert ratios == [1.49, 2.87, 3.75]


def test_seed000_statuses(seed000: tuple) -> None:
    claims, _, _ = seed000
    ca5 = _claim(claims, "$106.3 billion", "CHN", "T")
    assert ca5.status == "consistent"
    share = next(c for c in claims if c.kind == "share")
    assert share.status == "unverifiable" and share.findings == []


def test_seed004_nothing_flagged() -> None:
    claims = extract_claims(SEED_004)
    findings = check_internal(claims, extract_indicators(SEED_004))
    assert [f for f in findings if f["severity"] != "info"] == []
    apply_status(claims, findings)
    assert {c.status for c in claims} <= {"consistent", "unverifiable"}


def test_two_articles_together_71_3_vs_71_2() -> None:
    a = extract_claims(SEED_000)
    b = extract_claims(SEED_004)
    for c in b:
        c.id = "b" + c.id
    findings = check_internal(a + b)
    same = [f for f in _by_rule(findings, "same_figure") if f["severity"] != "info"]
    assert len(same) == 1
    assert "$71.3 billion" in same[0]["message"] and "$71.2 billion" in same[0]["message"]
    assert same[0]["severity"] == "low"


def test_inconsistent_sum_growth_and_relative_variants() -> None:
    text = (
        "According to Chinese customs, China's trade with Kazakhstan reached $50 billion in 2025, up 30 percent "
        "from $41.0 billion in 2024. Chinese exports to Kazakhstan were $29.7 billion in 2025 and imports from "
        "Kazakhstan $19 billion.\n\n"
        "The number of Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 200,000 in 2025 "
        "from 74,300 in 2024."
    )
    claims = extract_claims(text)
    inds = extract_indicators(text)
    findings = check_internal(claims, inds)
    # 29.7 + 19 = 48.7 (48.15-49.25) is not 50 (49.5-50.5)
    assert [_verdict(f) for f in _by_rule(findings, "turnover_sum")] == ["conflict"]
    # 50/41 = 1.22 -> +22 %, not 30 %
    g = _by_rule(findings, "growth_vs_levels")
    assert [_verdict(f) for f in g] == ["conflict"]
    # 200,000 / 74,300 = 2.69, not in [3.5, 4.0]
    assert [_verdict(f) for f in _by_rule(findings, "relative_statement")] == ["conflict"]


def test_more_than_doubled_variants() -> None:
    base = "The number of Chinese tourists visiting Kazakhstan {w} to {n} in 2025 from 10,000 in 2024."
    ok = check_internal([], extract_indicators(base.format(w="more than doubled", n="25,000")))
    bad = check_internal([], extract_indicators(base.format(w="more than doubled", n="19,000")))
    assert [_verdict(f) for f in ok] == ["consistent"]
    assert [_verdict(f) for f in bad] == ["conflict"]


def test_growth_and_change_consistent_with_levels() -> None:
    text = (
        "Kazakh exports to China grew by 10 percent to $11 billion in 2025 from $10 billion in 2024. "
        "Kazakh imports from China rose by $1.5 billion to $20.5 billion in 2025, from $19 billion in 2024."
    )
    findings = check_internal(extract_claims(text))
    g = _by_rule(findings, "growth_vs_levels")
    ch = _by_rule(findings, "change_vs_levels")
    assert [_verdict(f) for f in g] == ["consistent"]
    assert [_verdict(f) for f in ch] == ["consistent"]


def test_regional_partial_sum_exceeding_whole() -> None:
    text = (
        "Chinese exports to Central Asia were $30 billion in 2025, according to Chinese customs. "
        "Chinese exports to Kazakhstan were $25 billion and exports to Kyrgyzstan $22 billion in 2025."
    )
    findings = _by_rule(check_internal(extract_claims(text)), "regional_sum")
    assert [(_verdict(f), f["severity"]) for f in findings] == [("conflict", "medium")]


def test_share_against_levels() -> None:
    text = (
        "Kazakhstan's foreign trade reached $140 billion in 2025, the Bureau of National Statistics said. "
        "Trade with China was $28 billion, so China accounted for 20% of the total foreign trade."
    )
    claims = extract_claims(text)
    f = _by_rule(check_internal(claims), "share_vs_levels")
    # 28 / 140 = 20 % (27.5/140.5 = 19.6 % to 28.5/139.5 = 20.4 %) within [19.5, 20.5]
    assert [_verdict(x) for x in f] == ["consistent"]


def test_stated_gap_against_mirror_levels() -> None:
    text = (
        "According to Kazakhstan's Bureau of National Statistics, imports from Russia were $12.8 billion in "
        "January–September 2023.\n\n"
        "According to Russia's Federal Customs Service, Russian exports to Kazakhstan in January–September 2023 "
        "were about $13.9 billion, a gap of $1.1 billion from the Kazakh figure."
    )
    f = _by_rule(check_internal(extract_claims(text)), "difference_vs_levels")
    # 13.9 (about: 13.155-14.645) - 12.8 (12.75-12.85) = 0.305-1.895 contains 1.05-1.15
    assert [_verdict(x) for x in f] == ["consistent"]
    bad = _by_rule(check_internal(extract_claims(text.replace("$1.1 billion", "$3.1 billion"))), "difference_vs_levels")
    assert [_verdict(x) for x in bad] == ["conflict"]


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
        ("level", "UZB", "RUS", "X", "2022", 2.5e9, "UZ-STAT"),
        ("level", "UZB", "RUS", "M", "2022", 6.8e9, "UZ-STAT"),
        # "the fourth quarter" of the article's data year (the dateline's 2023 and the target 2030 are not data years)
        ("level", "UZB", "RUS", "T", "2022-Q4", 2.7e9, "UZ-STAT"),
        ("level", "RUS", "UZB", "X", "2022", 7.3e9, "RU-CUSTOMS"),
        # "the difference of around $500 million": between the figures just given
        ("difference", "RUS", "UZB", "X", "2022", None, "RU-CUSTOMS"),
    ]
    assert claims[4].change_usd == 1.1e9
    findings = check_internal(claims)
    verdicts = {f["rule"]: _verdict(f) for f in findings}
    # 2.5 + 6.8 = 9.3; 18.4 % of 50 = 9.2 (9.25/50.5 = 18.3 % to 9.35/49.5 = 18.9 %); 7.3 - 6.8 = 0.5
    assert verdicts["turnover_sum"] == "consistent"
    assert verdicts["share_vs_levels"] == "consistent"
    assert verdicts["difference_vs_levels"] == "consistent"
    # Uzbekistan's imports from Russia 6.8 vs Russia's exports 7.3: 0.93, a little under the CIF/FOB band
    assert verdicts["mirror_in_article"] == "conflict"
