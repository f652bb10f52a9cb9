"""Relative statements against two levels (issue 11): the seeds' four statements, and inconsistent variants."""

from __future__ import annotations

import pytest

from mirrortrade.checks.relative import check_relative, parse_relative
from mirrortrade.model import value_interval

# seed 000, Uzbekistan and Kazakhstan sections
SEED_CASES = [
    # (sentence, new level, its precision, old level, its precision)
    ("The number of Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 278,900 in 2025 "
     "from 74,300 in 2024.", 278_900, 100, 74_300, 100),
    ("Meanwhile, the number of Uzbeks vacationing in China nearly tripled to 52,600 from 18,347, according "
     "to Uzbek official statistics.", 52_600, 100, 18_347, 1),
    ("The number of Chinese companies and Chinese-Kazakh joint ventures operating in Kazakhstan grew by nearly "
     "50 percent to 9,252 in 2025, up from 6,227 in 2024.", 9_252, 1, 6_227, 1),
]


@pytest.mark.parametrize(("sentence", "new", "pn", "old", "po"), SEED_CASES)
def test_seed_relative_statements_are_consistent(sentence: str, new: float, pn: float, old: float, po: float) -> None:
    (st,) = parse_relative(sentence)
    res = check_relative(st, value_interval(new, pn), value_interval(old, po))
    assert res.consistent, res.message("seed")


def test_nearly_quadrupled_range_is_documented_one() -> None:
    (st,) = parse_relative("visitors nearly quadrupled")
    assert (st.low, st.high) == (3.5, 4.0)


@pytest.mark.parametrize(
    ("sentence", "new", "old"),
    [
        # hand-made inconsistent variants of the seed sentences: 278,900 / 90,000 = 3.10 is not "nearly quadrupled"
        ("visits nearly quadrupled to 278,900 from 90,000", 278_900, 90_000),
        # 52,600 / 30,000 = 1.75 is not "more than doubled"
        ("the number more than doubled to 52,600 from 30,000", 52_600, 30_000),
        # 9,252 / 6,227 = 1.486: not "grew by nearly 30 percent"
        ("companies grew by nearly 30 percent to 9,252, up from 6,227", 9_252, 6_227),
        # 9,252 / 8,000 = 1.157: a fall of 5 percent it is not
        ("fell by 5 percent to 9,252 from 8,000", 9_252, 8_000),
    ],
)
def test_inconsistent_variants_are_caught(sentence: str, new: float, old: float) -> None:
    (st,) = parse_relative(sentence)
    assert not check_relative(st, value_interval(new, 1), value_interval(old, 1)).consistent


def test_share_words() -> None:
    # seed 000: China accounts for "more than a fifth" of Uzbekistan's foreign trade
    (st,) = parse_relative("accounting for more than a fifth of the Central Asian country’s total foreign trade")
    assert st.kind == "share" and st.low == pytest.approx(0.2) and st.high == 1.0
    # seed 000's TKM sentence: "declined by 5.6 percent" -> ratio [0.9435, 0.9445]
    (st,) = parse_relative("bilateral trade actually declined by 5.6 percent in 2025 to $10 billion")
    assert (st.low, st.high) == pytest.approx((1 - 0.0565, 1 - 0.0555))


def test_largest_partner() -> None:
    from mirrortrade.checks.relative import check_largest, says_largest

    # seed 000: "Kazakhstan was China’s largest individual state trade partner" with turnover $48.7bn against
    # Kyrgyzstan $27.2bn, Uzbekistan $16.1bn, Turkmenistan $10bn and Tajikistan $4.3bn
    assert says_largest("Kazakhstan was China’s largest individual state trade partner, with bilateral turnover")
    assert not says_largest("Kazakhstan's trade with China grew")
    others = {"KGZ": value_interval(27.2e9, 1e8), "UZB": value_interval(16.1e9, 1e8),
              "TKM": value_interval(10e9, 1e9), "TJK": value_interval(4.3e9, 1e8)}
    ok, rivals = check_largest(value_interval(48.7e9, 1e8), others)
    assert ok and rivals == []
    # an inconsistent variant: Uzbekistan called the largest
    rest = {k: v for k, v in others.items() if k != "UZB"}
    ok, rivals = check_largest(value_interval(16.1e9, 1e8), {**rest, "KAZ": value_interval(48.7e9, 1e8)})
    assert not ok and set(rivals) == {"KGZ", "KAZ"}
