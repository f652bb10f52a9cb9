"""Trade claims from news text (issue 7, extraction).

Expected values are read off the seed articles (tests/data/seeds, copies of shared/seeds) by hand;
each row quotes the words it comes from.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirrortrade.claims import Claim, extract_claims
from mirrortrade.model import Period

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SEED_000 = (SEEDS / "000_2ad6b93893591dd7.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_4fa4d7f12d5750ad.txt").read_text(encoding="utf-8")

# (figure as printed, reporter, partner, flow, period, value_usd, qualifier, growth_pct, source)
EXPECTED_000 = [
    # "overall turnover topping $106.3 billion, a 12 percent increase over the previous year's total"
    ("$106.3 billion", "CHN", "CA5", "T", "2025", 106.3e9, "near_lower", 12.0, "CN-GACC"),
    # "Beijing's exports to Central Asia amounting to $71.3 billion, while imports totaled $35.1 billion"
    ("$71.3 billion", "CHN", "CA5", "X", "2025", 71.3e9, "exact", None, "CN-GACC"),
    ("$35.1 billion", "CHN", "CA5", "M", "2025", 35.1e9, "exact", None, "CN-GACC"),
    # "bilateral turnover growing by 11 percent to $48.7 billion"
    ("$48.7 billion", "CHN", "KAZ", "T", "2025", 48.7e9, "exact", 11.0, "CN-GACC"),
    # "Kazakh imports ($29.7 billion) from China outpaced exports ($19 billion)"
    ("$29.7 billion", "CHN", "KAZ", "X", "2025", 29.7e9, "exact", None, "CN-GACC"),
    ("$19 billion", "CHN", "KAZ", "M", "2025", 19e9, "exact", None, "CN-GACC"),
    # "Kyrgyz-Chinese trade grew by 20 percent to $27.2 billion, of which Kyrgyz imports accounted for $22 billion"
    ("$27.2 billion", "CHN", "KGZ", "T", "2025", 27.2e9, "exact", 20.0, "CN-GACC"),
    ("$22 billion", "CHN", "KGZ", "X", "2025", 22e9, "exact", None, "CN-GACC"),
    # "Bishkek sent $5.2 billion in goods and services to China for the year"
    ("$5.2 billion", "CHN", "KGZ", "M", "2025", 5.2e9, "exact", None, "CN-GACC"),
    # "rising from a paltry $80 million in 2023, and moving up to $2.8 billion in 2024 before hitting $5.2 billion last year"
    ("$80 million", "CHN", "KGZ", "M", "2023", 80e6, "exact", None, "CN-GACC"),
    ("$2.8 billion", "CHN", "KGZ", "M", "2024", 2.8e9, "exact", None, "CN-GACC"),
    ("$5.2 billion", "CHN", "KGZ", "M", "2025", 5.2e9, "exact", None, "CN-GACC"),
    # "Beijing's numbers show more than $22 billion in exports to Kyrgyzstan" (the GDP "under $22 billion" is not trade)
    ("$22 billion", "CHN", "KGZ", "X", "2025", 22e9, "lower", None, "CN-GACC"),
    # "Uzbekistan boosted trade with China by 18 percent to $16.1 billion, thanks to the increase in Tashkent's
    #  imports from the PRC to $14.2 billion; Uzbek exports shrank a little to $1.9 billion"
    ("$16.1 billion", "CHN", "UZB", "T", "2025", 16.1e9, "exact", 18.0, "CN-GACC"),
    ("$14.2 billion", "CHN", "UZB", "X", "2025", 14.2e9, "exact", None, "CN-GACC"),
    ("$1.9 billion", "CHN", "UZB", "M", "2025", 1.9e9, "exact", None, "CN-GACC"),
    # "Uzbekistan's government statistical agency ... a total turnover of $17.1 billion, with exports to China at
    #  just under $2.5 billion"
    ("$17.1 billion", "UZB", "CHN", "T", "2025", 17.1e9, "exact", None, "UZ-STAT"),
    ("$2.5 billion", "UZB", "CHN", "X", "2025", 2.5e9, "near_upper", None, "UZ-STAT"),
    # "accounting for more than a fifth of the Central Asian country's total foreign trade" (share, no level)
    ("a fifth", "UZB", "CHN", "T", "2025", None, "lower", None, "UZ-STAT"),
    # "Tajikistan's turnover with China rose 12 percent in 2025 to $4.3 billion, according to Chinese customs
    #  statistics; Tajik imports reached $3.7 billion and exports were limited to $560 million"
    ("$4.3 billion", "CHN", "TJK", "T", "2025", 4.3e9, "exact", 12.0, "CN-GACC"),
    ("$3.7 billion", "CHN", "TJK", "X", "2025", 3.7e9, "exact", None, "CN-GACC"),
    ("$560 million", "CHN", "TJK", "M", "2025", 560e6, "exact", None, "CN-GACC"),
    # "Tajikistan's customs agency ... Tajik exports ... $524 million, Tajik authorities set the import total at $2.3 billion"
    ("$524 million", "TJK", "CHN", "X", "2025", 524e6, "exact", None, "TJ-CUSTOMS"),
    ("$2.3 billion", "TJK", "CHN", "M", "2025", 2.3e9, "exact", None, "TJ-CUSTOMS"),
    # "bilateral trade actually declined by 5.6 percent in 2025 to $10 billion"
    ("$10 billion", "CHN", "TKM", "T", "2025", 10e9, "exact", -5.6, "CN-GACC"),
    # "Turkmen exports in 2025 to China registered $8.4 billion, while imports rose 55 percent over 2024's total to $1.6 billion"
    ("$8.4 billion", "CHN", "TKM", "M", "2025", 8.4e9, "exact", None, "CN-GACC"),
    ("$1.6 billion", "CHN", "TKM", "X", "2025", 1.6e9, "exact", 55.0, "CN-GACC"),
]

EXPECTED_004 = [
    # the headline "China Central Asia trade tops $100bn in 2025" restates the body's "surpassing $100 billion":
    # one claim, the body's (tests/claims/test_headlines.py)
    # "Trade between ... and the Central Asian region ... surpassing $100 billion ..., the Chinese government said"
    ("$100 billion", "CHN", "CA5", "T", "2025", 100e9, "lower", None, "CN-GACC"),
    # "total trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan reached $106.3 billion last
    #  year, marking a 12 percent increase compared with 2024"
    ("$106.3 billion", "CHN", "CA5", "T", "2025", 106.3e9, "exact", 12.0, "CN-GACC"),
    # "Chinese exports to Central Asia totaled $71.2 billion in 2025, up 11 percent year on year"
    ("$71.2 billion", "CHN", "CA5", "X", "2025", 71.2e9, "exact", 11.0, "CN-GACC"),
    # "Imports from the region reached $35.1 billion, a 14 percent increase from the previous year"
    ("$35.1 billion", "CHN", "CA5", "M", "2025", 35.1e9, "exact", 14.0, "CN-GACC"),
]


def _rows(claims: list[Claim]) -> list[tuple]:
    return [
        (c.text, c.reporter, c.partner, c.flow, c.period, c.value_usd, c.qualifier, c.growth_pct, c.source)
        for c in claims
    ]


def test_seed_000_every_trade_figure() -> None:
    claims = extract_claims(SEED_000)
    assert _rows(claims) == EXPECTED_000
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(EXPECTED_000) + 1)]


def test_seed_004_every_figure() -> None:
    assert _rows(extract_claims(SEED_004)) == EXPECTED_004


def test_seed_000_intervals_offsets_and_quotes() -> None:
    claims = extract_claims(SEED_000)
    c2 = claims[1]
    # "$71.3 billion": printed to 0.1 billion -> +/- 0.05 billion
    assert (c2.value_low, c2.value_high) == pytest.approx((71.25e9, 71.35e9))
    assert SEED_000[c2.start:c2.end] == "$71.3 billion"
    assert c2.quote.startswith("The regional balance of trade in 2025")
    # "topping $106.3 billion" is a floor a little under the truth: [106.3, 106.3 * 1.05 + 0.05] billion
    c1 = claims[0]
    assert c1.value_low == pytest.approx(106.3e9)
    assert c1.value_high == pytest.approx(106.3e9 * 1.05 + 0.05e9)
    assert (c1.growth_low, c1.growth_high) == (11.5, 12.5)
    assert c1.growth_base == "2024"
    # "more than a fifth": at least 20 percent of Uzbekistan's total foreign trade, a share without a level
    share = next(c for c in claims if c.kind == "share")
    assert share.value_usd is None and share.share_pct == 20.0 and share.share_low == 20.0 and share.share_high == 100.0
    assert share.share_of == "total foreign trade"
    # "declined by 5.6 percent": -5.6 printed to one decimal
    tkm = next(c for c in claims if c.text == "$10 billion")
    assert (tkm.growth_low, tkm.growth_high) == pytest.approx((-5.65, -5.55))
    for c in claims:
        assert c.quote in SEED_000
        assert c.start >= 0 and SEED_000[c.start:c.end] == c.text


def test_to_json_shape() -> None:
    claims = extract_claims(SEED_000)
    keys = ["id", "quote", "reporter", "partner", "flow", "period", "value_usd", "value_low", "value_high",
            "qualifier", "growth_pct", "source", "status"]
    d = claims[0].to_json()
    # the issue-7 keys first and unchanged; issue 16 adds the kind and the slot confidences
    assert list(d)[:len(keys)] == keys
    assert d["kind"] == claims[0].kind and set(d["slots"]) == {"reporter", "partner", "flow", "period", "kind", "value"}
    assert "missing" not in d and claims[0].resolved
    assert d["status"] == "unverifiable"
    share = next(c for c in claims if c.kind == "share").to_json()
    assert share["share_pct"] == 20.0 and share["value_usd"] is None
    # upper bound of "more than" is infinite: JSON gets null, not Infinity
    lower = next(c for c in claims if c.qualifier == "lower" and c.kind == "level").to_json()
    assert lower["value_high"] is None
    json.dumps([c.to_json() for c in claims], allow_nan=False)


def _one(text: str, **kw: object) -> Claim:
    claims = extract_claims(text, **kw)
    assert len(claims) == 1, [(c.text, c.kind) for c in claims]
    return claims[0]


# ---- values with scale and currency ------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "value", "low", "high", "qualifier"),
    [
        ("China's exports to Kazakhstan reached $71.3 billion in 2025.", 71.3e9, 71.25e9, 71.35e9, "exact"),
        ("Kazakh exports to China were $560 million in 2024.", 560e6, 559.5e6, 560.5e6, "exact"),
        ("Uzbek imports from Russia hit $4.6bn in 2023.", 4.6e9, 4.55e9, 4.65e9, "exact"),
        ("Tajik exports to Iran were $35mn in 2021.", 35e6, 34.5e6, 35.5e6, "exact"),
        ("Kyrgyz imports from Turkey were US$ 1.2 billion in 2022.", 1.2e9, 1.15e9, 1.25e9, "exact"),
        ("Kazakh exports to Italy were just under $2.5 billion in 2022.", 2.5e9, 2.5e9 * 0.95 - 0.05e9, 2.5e9, "near_upper"),
        ("Turkmen imports from China were nearly $700 million in 2020.", 700e6, 700e6 * 0.95 - 0.5e6, 700e6, "near_upper"),
        ("Tajik trade with Russia reached 3,200 million dollars in 2019.", 3.2e9, 3199.5e6, 3200.5e6, "exact"),
        ("Uzbek exports to Kazakhstan were about $1.5 billion in 2018.", 1.5e9, 1.5e9 * 0.95 - 0.05e9, 1.5e9 * 1.05 + 0.05e9, "approx"),
        ("Kyrgyz imports from Kazakhstan were under $900 million in 2017.", 900e6, 0.0, 900e6, "upper"),
        ("Kazakh exports to Turkey were over $3 billion in 2016.", 3e9, 3e9, float("inf"), "lower"),
    ],
)
def test_value_patterns(sentence: str, value: float, low: float, high: float, qualifier: str) -> None:
    c = _one(sentence)
    assert c.value_usd == pytest.approx(value)
    assert c.value_low == pytest.approx(low)
    assert c.value_high == pytest.approx(high)
    assert c.qualifier == qualifier


def test_reporter_view_without_source_is_the_subject() -> None:
    c = _one("Kazakh exports to Italy were $2 billion in 2022.")
    assert (c.reporter, c.partner, c.flow, c.source) == ("KAZ", "ITA", "X", None)


# ---- growth ------------------------------------------------------------------------------------
def test_growth_increase_attached_to_level() -> None:
    c = _one("Kazakhstan's trade with Russia reached $27.8 billion in 2023, a 12 percent increase.")
    assert (c.flow, c.value_usd, c.growth_pct, c.growth_low, c.growth_high) == ("T", 27.8e9, 12.0, 11.5, 12.5)
    assert c.growth_base == "2022"


def test_growth_over_previous_total() -> None:
    c = _one("Uzbek imports from Turkey rose 55 percent over 2024's total to $1.6 billion.")
    assert (c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct) == ("UZB", "TUR", "M", "2025", 1.6e9, 55.0)
    assert c.growth_base == "2024"


def test_growth_fell_by_a_fifth_without_level() -> None:
    c = _one("Kazakh exports to Russia fell by a fifth last year.", article_date=date(2024, 5, 2))
    assert c.kind == "growth" and c.value_usd is None
    assert (c.reporter, c.partner, c.flow, c.period) == ("KAZ", "RUS", "X", "2023")
    assert c.growth_pct == -20.0 and (c.growth_low, c.growth_high) == (-22.0, -18.0)


def test_growth_absolute_change() -> None:
    c = _one("Turkmenistan's trade with Turkey was up $1.5 billion in 2023, Turkmen officials said.")
    assert c.kind == "growth" and c.value_usd is None and c.change_usd == 1.5e9
    assert (c.reporter, c.partner, c.flow, c.period, c.source) == ("TKM", "TUR", "T", "2023", "TM-GOV")


def test_growth_absolute_change_with_level() -> None:
    # two figures, two claims of one frame: the change and the level it came to (the corpus's convention)
    ch, lv = extract_claims("Kazakh exports to China grew by $1.5 billion to $12.1 billion in 2022.")
    assert (ch.kind, ch.value_usd, ch.change_usd, ch.growth_base) == ("growth", None, 1.5e9, "2021")
    assert (lv.kind, lv.value_usd, lv.change_usd) == ("level", 12.1e9, None)
    assert {(c.reporter, c.partner, c.flow, c.period) for c in (ch, lv)} == {("KAZ", "CHN", "X", "2022")}


def test_growth_declined_by() -> None:
    c = _one("Trade between Kazakhstan and Uzbekistan declined by 5.6 percent to nearly $700 million in 2022.")
    assert (c.reporter, c.partner, c.flow, c.growth_pct, c.qualifier) == ("KAZ", "UZB", "T", -5.6, "near_upper")


def test_growth_more_than_doubled() -> None:
    c = _one("Sino-Kazakh trade more than doubled to $31.5 billion in 2023.")
    assert (c.reporter, c.partner, c.flow) == ("CHN", "KAZ", "T")
    assert c.growth_pct == 100.0 and c.growth_low == 100.0 and c.growth_high == float("inf")


# ---- shares and differences --------------------------------------------------------------------
def test_share_a_third_of_its_foreign_trade() -> None:
    c = _one("China now accounts for a third of its foreign trade, the Kyrgyz government said in 2024.")
    assert c.kind == "share" and c.value_usd is None
    assert (c.reporter, c.partner, c.flow, c.source) == ("KGZ", "CHN", "T", "KG-GOV")
    assert c.share_pct == pytest.approx(100 / 3) and c.share_of == "foreign trade"


def test_share_percent_of_the_total() -> None:
    c = _one("China accounted for 18% of the total, Kazakhstan's statistics bureau said of the country's trade in 2024.")
    assert (c.reporter, c.partner, c.share_pct, c.share_low, c.share_high, c.source) == (
        "KAZ", "CHN", 18.0, 17.5, 18.5, "KZ-BNS")


def test_share_more_than_a_fifth_of_exports() -> None:
    c = _one("Russia took more than a fifth of Kazakhstan's total exports in 2023.")
    assert (c.reporter, c.partner, c.flow, c.qualifier, c.share_low) == ("KAZ", "RUS", "X", "lower", 20.0)


def test_difference_gap() -> None:
    c = _one("The gap of $2 billion between Chinese exports to Kazakhstan and Kazakh imports in 2023 is unexplained.")
    assert c.kind == "difference" and c.difference_usd == 2e9 and c.value_usd is None
    assert c.period == "2023"


def test_balance_surplus_and_deficit() -> None:
    s = _one("Russia's trade surplus with Kazakhstan reached $10.2 billion in 2023.")
    assert (s.reporter, s.partner, s.flow, s.value_usd) == ("RUS", "KAZ", "B", 10.2e9)
    d = _one("Kazakhstan posted a trade deficit with China of $3 billion in 2024, Kazakh official data show.")
    assert (d.reporter, d.partner, d.flow, d.value_usd, d.source) == ("KAZ", "CHN", "B", -3e9, "KZ-BNS")
    assert d.value_low == pytest.approx(-3.5e9) and d.value_high == pytest.approx(-2.5e9)


# ---- periods -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Kazakh exports to China were $4.6bn in 2025.", "2025"),
        ("Kazakh exports to China were $4.6bn in the first nine months of 2024.", "2024-01/2024-09"),
        ("Kazakh exports to China were $4.6bn in Q3 2022.", "2022-Q3"),
        ("Kazakh exports to China were $4.6bn in 3Q22.", "2022-Q3"),
        ("Kazakh exports to China were $4.6bn in January–September 2021.", "2021-01/2021-09"),
        ("Kazakh exports to China were $4.6bn in the first half of 2023.", "2023-H1"),
        ("Kazakh exports to China were $4.6bn in March 2024.", "2024-03"),
        ("In Jan-Nov 2023 Kazakh exports to China were $4.6bn.", "2023-01/2023-11"),
    ],
)
def test_period_patterns(sentence: str, period: str) -> None:
    c = _one(sentence)
    assert c.period == period
    Period.parse(c.period)


def test_last_year_relative_to_article_date() -> None:
    text = "Kazakh exports to China were $4.6bn last year."
    assert _one(text, article_date=date(2024, 2, 1)).period == "2023"
    assert _one(text, article_date=date(2026, 2, 1)).period == "2025"


def test_last_year_without_date_uses_the_text() -> None:
    # the latest year mentioned (2025, as a whole year) is the year "last year" names
    text = "Trade grew in 2025. Kazakh exports to China were $4.6bn last year, up from $4.1bn in 2024."
    claims = extract_claims(text)
    assert [(c.period, c.value_usd) for c in claims] == [("2025", 4.6e9), ("2024", 4.1e9)]
    # a year mentioned only by a part of it: the article is written in that year
    text = "In the first half of 2025 Kazakh exports to China were $2.1bn, against $4.0bn for all of last year."
    claims = extract_claims(text)
    assert [c.period for c in claims] == ["2025-H1", "2024"]


# ---- reporters and parties ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "reporter", "partner", "flow", "source"),
    [
        ("According to China's General Administration of Customs, Kazakh imports from China were $2bn in 2023.",
         "CHN", "KAZ", "X", "CN-GACC"),
        ("Chinese customs data show Kyrgyz exports to China of $1.1bn in 2023.", "CHN", "KGZ", "M", "CN-GACC"),
        ("Beijing's numbers show $3bn in exports to Tajikistan in 2023.", "CHN", "TJK", "X", "CN-GACC"),
        ("Uzbekistan's government statistical agency put exports to China at $2.5bn in 2023.", "UZB", "CHN", "X", "UZ-STAT"),
        ("Tajikistan's customs agency put imports from China at $2.3bn in 2023.", "TJK", "CHN", "M", "TJ-CUSTOMS"),
        ("The Kazakh embassy in Beijing said Kazakh exports to China reached $15bn in 2023.", "KAZ", "CHN", "X", "KZ-EMBASSY"),
        ("Kyrgyzstan's Accounts Chamber said imports from China were $9bn in 2023.", "KGZ", "CHN", "M", "KG-AUDIT"),
        ("Astana's exports to Beijing reached $15bn in 2023, Kazakh official data show.", "KAZ", "CHN", "X", "KZ-BNS"),
        ("Tashkent bought $9bn of goods from the PRC in 2023.", "UZB", "CHN", "M", None),
        ("Ashgabat sold $8bn of goods to China in 2023, according to Chinese customs.", "CHN", "TKM", "M", "CN-GACC"),
        ("Dushanbe's imports from Moscow were $1.5bn in 2023.", "TJK", "RUS", "M", None),
        ("Chinese exports to the five Central Asian countries were $70bn in 2024, according to GACC.",
         "CHN", "CA5", "X", "CN-GACC"),
        ("Trade turnover between Uzbekistan and Kazakhstan amounted to $4.3 billion in 2023.", "UZB", "KAZ", "T", None),
        ("Kyrgyzstan imported $35mn worth of Chinese goods in Q3 2022, the National Statistical Committee said.",
         "KGZ", "CHN", "M", "KG-NSC"),
        ("Kazakhstan's foreign trade reached $140 billion in 2024.", "KAZ", "WLD", "T", None),
    ],
)
def test_reporters_and_parties(sentence: str, reporter: str, partner: str, flow: str, source: str | None) -> None:
    c = _one(sentence)
    assert (c.reporter, c.partner, c.flow, c.source) == (reporter, partner, flow, source)


def test_paragraph_source_carries_to_following_sentences() -> None:
    text = (
        "Kazakhstan's statistics bureau published its annual figures. Exports to China were $15bn in 2023. "
        "Imports from China reached $16bn.\n\nChinese exports to Kazakhstan were $24.7bn in 2023."
    )
    claims = extract_claims(text)
    assert [(c.reporter, c.partner, c.flow, c.source, c.period) for c in claims] == [
        ("KAZ", "CHN", "X", "KZ-BNS", "2023"),
        ("KAZ", "CHN", "M", "KZ-BNS", "2023"),
        # a new paragraph falls back to the article's first source, Kazakhstan's bureau, seen from KAZ
        ("KAZ", "CHN", "M", "KZ-BNS", "2023"),
    ]


# ---- negative cases ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "The company's revenue rose 12 percent in 2025 to $4 billion, on page 12 of its 2025 report.",
        "Unemployment fell 3 percent in 2024 and about 40% of the population is under 30.",
        "Kazakh Invest and a Chinese group are moving ahead with a $1.1 billion investment project in Kazakhstan.",
        "Kyrgyzstan's entire GDP in 2025 was under $22 billion.",
        "The number of Chinese companies in Kazakhstan grew by nearly 50 percent to 9,252 in 2025.",
        "See page 17 for the 2024 figures on Chinese trade with Kazakhstan.",
        "Chinese and Uzbek entities signed a $10-million deal to create a laboratory in Uzbekistan.",
        "Trade between China and Kazakhstan was 2.1 trillion tenge in 2023.",
        "China signed a $500 million trade finance facility with Kazakhstan in 2024.",
    ],
)
def test_non_trade_figures_are_not_claims(sentence: str) -> None:
    assert extract_claims(sentence) == []


def test_seed_non_trade_sections_give_no_claims() -> None:
    # everything after the trade paragraphs (investments, companies, tourists) is not a trade claim
    cut = SEED_000.index("Latest News & Breaking Stories")
    assert all(c.start < cut for c in extract_claims(SEED_000))


# ---- the same number in different styles --------------------------------------------------------
def _styles(units: int, tenths: int) -> list[str]:
    whole = f"{units}.{tenths}" if tenths else f"{units}"
    millions = f"{units * 1000 + tenths * 100:,}"
    return [
        f"${whole} billion",
        f"US$ {whole} bn",
        f"USD {whole}bn",
        f"{millions} million dollars",
        f"${millions}mn",
        f"{whole} billion US dollars",
    ]


@settings(deadline=None)  # eleven extractions an example: a loaded CI machine is slow, not wrong
@given(units=st.integers(min_value=1, max_value=250), tenths=st.integers(min_value=0, max_value=9))
def test_same_number_in_different_styles_gives_same_value(units: int, tenths: int) -> None:
    values = set()
    expected = units * 1e9 + tenths * 1e8
    for style in _styles(units, tenths):
        c = _one(f"Kazakh exports to China reached {style} in 2023.")
        assert c.value_usd == pytest.approx(expected, rel=1e-12), style
        assert c.value_low <= expected <= c.value_high
        values.add(round(c.value_usd))
    assert len(values) == 1


# ---- news style beyond the seeds ------------------------------------------------------------------
def test_wire_story_with_world_totals_and_share() -> None:
    text = (
        "In January-October 2023, Kyrgyzstan's foreign trade turnover amounted to $10.9 billion, of which exports "
        "accounted for $2.0 billion and imports $8.9 billion, the National Statistical Committee reported. China "
        "remained the main trading partner with a 34.5 percent share."
    )
    rows = [(c.kind, c.reporter, c.partner, c.flow, c.period, c.value_usd, c.share_pct, c.source)
            for c in extract_claims(text)]
    p = "2023-01/2023-10"
    assert rows == [
        ("level", "KGZ", "WLD", "T", p, 10.9e9, None, "KG-NSC"),
        ("level", "KGZ", "WLD", "X", p, 2.0e9, None, "KG-NSC"),
        ("level", "KGZ", "WLD", "M", p, 8.9e9, None, "KG-NSC"),
        ("share", "KGZ", "CHN", "T", p, None, 34.5, "KG-NSC"),
    ]


def test_wire_story_dollars_spelled_out_and_customs_after() -> None:
    text = ("Chinese exports to Russia rose 46.9% to $110.97 billion in 2023, while imports from Russia rose 12.7% "
            "to $129.14 billion, Chinese customs data showed on Friday.")
    rows = [(c.reporter, c.partner, c.flow, c.value_usd, c.growth_pct, c.source) for c in extract_claims(text)]
    assert rows == [("CHN", "RUS", "X", 110.97e9, 46.9, "CN-GACC"), ("CHN", "RUS", "M", 129.14e9, 12.7, "CN-GACC")]
    c = _one("ASTANA, March 5 (Xinhua) -- Trade between China and Kazakhstan reached 43.8 billion U.S. dollars in "
             "2024, up 6.8 percent year on year, according to the Kazakh Bureau of National Statistics.")
    assert (c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct, c.source) == (
        "KAZ", "CHN", "T", "2024", 43.8e9, 6.8, "KZ-BNS")


def test_growth_then_reached() -> None:
    c = _one("Uzbekistan's trade turnover with Russia grew by 20% and reached $9.8 billion in 2024.")
    assert (c.reporter, c.partner, c.flow, c.value_usd, c.growth_pct) == ("UZB", "RUS", "T", 9.8e9, 20.0)


def test_deficit_half_year() -> None:
    c = _one("Tajikistan's trade deficit with China widened to $1.9 billion in the first half of 2024.")
    assert (c.reporter, c.partner, c.flow, c.period, c.value_usd) == ("TJK", "CHN", "B", "2024-H1", -1.9e9)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries aim to raise bilateral trade to $10 billion by 2030.",
        "Leaders agreed to boost trade turnover to $5 billion in the coming years.",
        "Trade between Kazakhstan and China could reach $20 billion next year, the minister said.",
        "Uzbekistan plans to bring its exports to China to $5 billion.",
    ],
)
def test_targets_and_forecasts_are_not_claims(sentence: str) -> None:
    assert extract_claims(sentence) == []


_FRAGMENTS = st.sampled_from([
    "China", "Kazakh", "exports", "imports", "trade", "turnover", "to", "from", "with", "$1.2 billion", "$35mn",
    "3,200 million dollars", "in 2024", "last year", "Q3 2022", "the first nine months of 2023", "rose", "fell by",
    "12 percent", "a fifth of", "nearly", "more than", "just under", "according to Chinese customs", "Tashkent's",
    ".", ",", ";", "\n\n", "Uzbekistan's statistics agency said", "the region", "Central Asia", "surplus", "gap of",
    "up", "(", ")", "Kyrgyz-Chinese", "2025's total", "year on year", "deficit", "share", "of the total",
    "the country's", "the Central Asian country's",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=60))
def test_any_text_gives_well_formed_claims(parts: list[str]) -> None:
    text = " ".join(parts)
    claims = extract_claims(text)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    for c in claims:
        assert text[c.start:c.end] == c.text and c.text in c.quote and c.quote in text
        assert c.kind in ("level", "growth", "share", "difference")
        assert c.reporter not in ("TOPIC", "SUBJ") and c.partner not in ("TOPIC", "SUBJ")
        if c.period is not None:
            Period.parse(c.period)
        if c.value_usd is not None:
            assert c.value_low <= c.value_usd <= c.value_high
        json.dumps(c.to_json(), allow_nan=False)


ARTICLE_KAZ_RUS = """Russia remains Kazakhstan's key trade partner despite sanctions

ASTANA — Trade between Kazakhstan and Russia fell 3.5% in the first nine months of 2023 to $19.2 billion, according \
to Kazakhstan's Bureau of National Statistics.

Kazakh exports to Russia declined by a fifth to $6.4 billion, while imports from Russia edged up 2% to $12.8 billion. \
Russia accounted for 18% of Kazakhstan's total foreign trade, down from 21% a year earlier.

Russian data tell a different story. According to Russia's Federal Customs Service, Russian exports to Kazakhstan in \
January–September 2023 were about $13.9 billion, a gap of $1.1 billion from the Kazakh figure.

Meanwhile, trade with China grew. Kazakhstan's turnover with China reached $31.5 billion in 2023, up 29.8 percent. \
The two governments aim to raise bilateral trade to $40 billion by 2030.
"""


def test_article_of_my_own_kazakhstan_russia() -> None:
    rows = [(c.kind, c.reporter, c.partner, c.flow, c.period, c.value_usd, c.qualifier, c.growth_pct, c.share_pct,
             c.difference_usd, c.source) for c in extract_claims(ARTICLE_KAZ_RUS)]
    p = "2023-01/2023-09"
    assert rows == [
        ("level", "KAZ", "RUS", "T", p, 19.2e9, "exact", -3.5, None, None, "KZ-BNS"),
        # the next paragraph has no period of its own: the article's figures so far are for Jan-Sep 2023
        ("level", "KAZ", "RUS", "X", p, 6.4e9, "exact", -20.0, None, None, "KZ-BNS"),
        ("level", "KAZ", "RUS", "M", p, 12.8e9, "exact", 2.0, None, None, "KZ-BNS"),
        # "down from 21% a year earlier" is the earlier share, not a growth rate
        ("share", "KAZ", "RUS", "T", p, None, "exact", None, 18.0, None, "KZ-BNS"),
        ("level", "RUS", "KAZ", "X", p, 13.9e9, "approx", None, None, None, "RU-CUSTOMS"),
        ("difference", "RUS", "KAZ", "X", p, None, "exact", None, None, 1.1e9, "RU-CUSTOMS"),
        ("level", "KAZ", "CHN", "T", "2023", 31.5e9, "exact", 29.8, None, None, "KZ-BNS"),
    ]


def test_article_of_my_own_quarters_and_base_levels() -> None:
    text = (
        "Turkmen gas sales to China slump\n\n"
        "Chinese customs figures show that imports from Turkmenistan dropped to $1.9bn in Q3 2024 from $2.6bn in "
        "3Q23, a decline of 27 percent.\n\n"
        "For the first half of the year, Beijing bought $4.1 billion of Turkmen goods. China's exports to "
        "Turkmenistan were just $480mn in H1 2024.\n\n"
        "Ashgabat's trade surplus with Beijing therefore narrowed to about $3.6 billion in the first six months."
    )
    rows = [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct, c.growth_base)
            for c in extract_claims(text)]
    assert rows == [
        # "a decline of 27 percent" belongs to $1.9bn, not to the base level "from $2.6bn"
        ("CHN", "TKM", "M", "2024-Q3", 1.9e9, -27.0, "2023-Q3"),
        ("CHN", "TKM", "M", "2023-Q3", 2.6e9, None, None),
        ("CHN", "TKM", "M", "2024-H1", 4.1e9, None, None),
        ("CHN", "TKM", "X", "2024-H1", 480e6, None, None),
        # Turkmenistan's surplus with China, as China's customs report it: China's balance is negative
        ("CHN", "TKM", "B", "2024-H1", -3.6e9, None, None),
    ]


def test_goods_of_origin_and_dateline() -> None:
    c = _one("Kazakhstan's imports of Chinese goods reached $15bn in 2023.")
    assert (c.reporter, c.partner, c.flow) == ("KAZ", "CHN", "M")
    c = _one("Exports of Kazakh goods to China were $300mn in 2023.")
    assert (c.reporter, c.partner, c.flow, c.value_usd) == ("KAZ", "CHN", "X", 300e6)
    # one product's exports ("Kazakh wheat") are no claim about total trade (issue 16, kind 6)
    assert extract_claims("Exports of Kazakh wheat to China were $300mn in 2023.") == []
    # an undated text with a dateline: "last year" is the year before the dateline's
    c = _one("BEIJING, Jan. 13, 2026 (Xinhua) -- China's exports to Kazakhstan rose 5 percent to $26.4 billion last year.")
    assert (c.reporter, c.partner, c.flow, c.period, c.growth_pct) == ("CHN", "KAZ", "X", "2025", 5.0)
    c = _one("Kazakhstan–China trade reached $44bn in 2024, according to Kazakhstan's statistics bureau.")
    assert (c.reporter, c.partner, c.flow, c.source) == ("KAZ", "CHN", "T", "KZ-BNS")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kazakhstan's exports to China amounted to $14.5 billion in 2023, or 18% of its total exports.",
         [("level", "KAZ", "CHN", "X", 14.5e9, None), ("share", "KAZ", "CHN", "X", None, 18.0)]),
        ("Tajikistan imported goods worth $1.3bn from Russia in H1 2024, or 28.1% of total imports.",
         [("level", "TJK", "RUS", "M", 1.3e9, None), ("share", "TJK", "RUS", "M", None, 28.1)]),
        ("Imports from China made up 35 percent of Tajikistan's total imports in 2023.",
         [("share", "TJK", "CHN", "M", None, 35.0)]),
        ("Kyrgyzstan recorded a trade deficit of $8.2 billion in 2023.", [("level", "KGZ", "WLD", "B", -8.2e9, None)]),
        ("Chinese firms invested $2 billion in Kazakhstan last year, while bilateral trade hit $41 billion in 2024.",
         [("level", "CHN", "KAZ", "T", 41e9, None)]),
    ],
)
def test_more_news_sentences(sentence: str, expected: list[tuple]) -> None:
    got = [(c.kind, c.reporter, c.partner, c.flow, c.value_usd, c.share_pct) for c in extract_claims(sentence)]
    assert got == expected


def test_numbers_in_words() -> None:
    # number words are read with text2num: "twenty-five percent", "two billion dollars"
    c = _one("Kazakh exports to China rose twenty-five percent to two billion dollars in 2023.")
    assert (c.value_usd, c.value_low, c.value_high, c.growth_pct) == (2e9, 1.5e9, 2.5e9, 25.0)
    c = _one("Trade with Russia fell nine per cent in 2023, Kazakh official data show.")
    assert (c.kind, c.reporter, c.partner, c.growth_pct, c.source) == ("growth", "KAZ", "RUS", -9.0, "KZ-BNS")
    c = _one("Uzbek imports from Kazakhstan were half a billion dollars in 2022.")
    assert c.value_usd == 0.5e9


def test_crlf_and_odd_spaces_change_nothing() -> None:
    rows = _rows(extract_claims(SEED_000.replace("\n", "\r\n")))
    assert [r[1:] for r in rows] == [r[1:] for r in EXPECTED_000]
    assert _one("Kazakh exports to China were $71.3\u00a0billion in 2023.").value_usd == 71.3e9
    # a euro figure is read in dollars at its period's ECB reference rates (2023: 1.0469-1.1255 USD per EUR,
    # data/eur_usd_monthly.csv), over the printed figure's rounding (EUR 1.15-1.25 billion)
    c = _one("Kazakh exports to China were €1.2 billion in 2023.")
    assert (c.value_low, c.value_high) == pytest.approx((1.15e9 * 1.0469, 1.25e9 * 1.1255))


def test_ranges_and_from_to() -> None:
    c = _one("Kazakh exports to China were between $1.2 and $1.5 billion in 2023.")
    assert (c.value_usd, c.value_low, c.value_high) == pytest.approx((1.35e9, 1.15e9, 1.55e9))
    rows = [(c.value_usd, c.period) for c in extract_claims("Kazakh exports to China rose from $1.2 to $1.5 billion in 2023.")]
    # "from $1.2" takes the scale of "$1.5 billion" and is the level of the year before
    assert rows == [(1.2e9, "2022"), (1.5e9, "2023")]


def test_international_databases_keep_the_subject_as_reporter() -> None:
    c = _one("According to UN Comtrade data, Kazakhstan's exports to China were $12.3 billion in 2022.")
    assert (c.reporter, c.partner, c.flow, c.source) == ("KAZ", "CHN", "X", "UN-COMTRADE")
    c = _one("IMF figures show Chinese imports from Kyrgyzstan of $80 million in 2023.")
    assert (c.reporter, c.partner, c.flow, c.source) == ("CHN", "KGZ", "M", "IMF-IMTS")


def test_us_dollars_is_no_country() -> None:
    c = _one("Kazakhstan's exports reached 5.1 billion U.S. dollars in 2023.")
    assert (c.reporter, c.partner, c.flow, c.value_usd) == ("KAZ", "WLD", "X", 5.1e9)
    c = _one("Kazakhstan's exports to the United States reached 5.1 billion U.S. dollars in 2023.")
    assert (c.reporter, c.partner) == ("KAZ", "USA")


def test_growth_spellings() -> None:
    c = _one("China-Central Asia trade reached $94.8 billion in 2024, a 5-percent increase, Chinese customs said.")
    assert (c.reporter, c.partner, c.flow, c.growth_pct, c.source) == ("CHN", "CA5", "T", 5.0, "CN-GACC")
    c = _one("Kazakh exports to China were $5bn in 2024, 12% higher than a year earlier.")
    assert (c.growth_pct, c.growth_base) == (12.0, "2023")
