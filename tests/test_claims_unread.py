"""Figures the reader used to leave unread (issue 16, session 18): a pronoun after an opening adverbial with a comma
that refers to a statistic named by a compound flow noun ("trade turnover") in the sentence before, a percent printed
with its sign as a bracket's first word (a rate of change), and a demonstrative copula right before a rate ("That is
5.7 percent more than ..."). Sentences written for these tests; figures from the sources named in each test."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.kind, c.reporter, c.partner, c.flow, c.period)


def test_it_after_comma_opener_refers_to_the_trade_turnover_named_before() -> None:
    # China's customs (GACC), 2024: China-Kazakhstan trade $43.8 billion
    text = ("China's customs says trade turnover with Kazakhstan kept growing last year. "
            "In 2024, it amounted to $43.8 billion.")
    cs = extract_claims(text)
    assert [_row(c) for c in cs] == [("level", "CHN", "KAZ", "T", "2024")]
    assert cs[0].value_usd == 43.8e9 and cs[0].resolved


def test_it_after_a_sentence_naming_two_flows_stays_unread() -> None:
    # two statistics named before the pronoun: which one "it" is cannot be told
    text = ("China's customs says exports to Kazakhstan and imports from Kazakhstan kept growing last year. "
            "In 2024, it amounted to $43.8 billion.")
    assert not [c for c in extract_claims(text) if c.resolved]


def test_signed_bracketed_percents_are_rates_of_their_flow_nouns() -> None:
    # China's customs, January-March 2018 in dollars, as reported by ForexLive (13 April 2018): exports to the US
    # +14.8 percent, imports from the US +8.9 percent
    text = ("In January–March 2018, China's exports to the US (+14.8%) grew faster than its imports from the US "
            "(+8.9%), China's customs said.")
    cs = extract_claims(text)
    assert [(_row(c), c.growth_pct) for c in cs] == [(("growth", "CHN", "USA", "X", "2018-Q1"), 14.8),
                                                     (("growth", "CHN", "USA", "M", "2018-Q1"), 8.9)]


def test_signed_bracketed_percent_after_a_level_is_its_growth() -> None:
    # China's customs, 2023: exports to Russia $110.97 billion (+46.9%), imports from Russia $129.14 billion (+12.7%)
    text = ("According to China's customs, exports to Russia reached $110.97 billion (+46.9%) in 2023, while imports "
            "from Russia were $129.14 billion (+12.7%).")
    cs = extract_claims(text)
    assert [(_row(c), c.value_usd, c.growth_pct) for c in cs] == [
        (("level", "CHN", "RUS", "X", "2023"), 110.97e9, 46.9),
        (("level", "CHN", "RUS", "M", "2023"), 129.14e9, 12.7)]


def test_negative_signed_bracketed_percent_is_a_decline() -> None:
    # China's customs gave +12.7% for 2023 imports from Russia: the sign is misprinted here on purpose, the reader
    # reads the sign printed (the checker, not the reader, is what finds it wrong)
    text = "According to China's customs, imports from Russia in 2023 were $129.14 billion (−12.7%)."
    cs = extract_claims(text)
    assert [(_row(c), c.growth_pct) for c in cs] == [(("level", "CHN", "RUS", "M", "2023"), -12.7)]


def test_unsigned_bracketed_percent_is_not_read_as_a_rate() -> None:
    # "(24 percent)" after a level may be a share or a rate: no sign, no rate of this rule
    text = "China's customs put its 2024 trade with Kyrgyzstan at $22.7 billion (24 percent)."
    assert all(c.growth_pct is None for c in extract_claims(text))


def test_that_is_percent_more_than_is_the_growth_of_the_figure_before() -> None:
    # State Statistics Committee of Uzbekistan via Trend (14 April 2023): 2022 trade with Turkiye $3.2 billion,
    # 5.4 percent less than in 2021
    text = ("Uzbekistan's State Statistics Committee put the country's trade with Türkiye at $3.2 billion for 2022. "
            "That was 5.4 percent less than in 2021.")
    cs = extract_claims(text)
    assert [(_row(c), c.growth_pct) for c in cs] == [(("level", "UZB", "TUR", "T", "2022"), None),
                                                     (("growth", "UZB", "TUR", "T", "2022"), -5.4)]
    assert cs[1].growth_base == "2021"


def test_earlier_rate_recorded_for_its_period_far_from_the_rate_before() -> None:
    # China's customs: China-US trade in January 2013 $43.7 billion, +23.4 percent; in 2012 +8.5 percent
    text = ("In January 2013, trade with the United States climbed 23.4 percent to $43.7 billion, China's customs "
            "said in its monthly release, far faster than the 8.5 percent recorded for the whole of 2012.")
    cs = [c for c in extract_claims(text) if c.growth_pct == 8.5]
    assert [_row(c) for c in cs] == [("growth", "CHN", "USA", "T", "2012")]
    assert cs[0].slots["kind"] < 0.6  # an unsigned rate in a comparison: shown, never flagged


def test_earlier_rate_with_no_period_printed_leaves_its_period_unread() -> None:
    text = ("In January 2013, trade with the United States climbed 23.4 percent to $43.7 billion, China's customs "
            "said in its monthly release, far faster than the 8.5 percent recorded before the holiday.")
    cs = [c for c in extract_claims(text) if c.growth_pct == 8.5]
    assert all(not c.resolved for c in cs)


def test_gapped_rate_after_a_span_phrase_and_a_party_with_its_article() -> None:
    # China's customs, January-May 2017 (as China's Vice Minister of Commerce Wang Shouwen gave them): exports to Russia
    # +22 percent, imports from Russia +30 percent; first half of 2020 (customs spokesman Li Kuiwen via Reuters): exports
    # to the US -8.1 percent, imports from the US -1.5 percent
    text = ("According to China's customs, in January–May 2017 Chinese exports to Russia rose by 22% over the five "
            "months and imports from Russia by 30%.")
    cs = extract_claims(text)
    assert [(_row(c), c.growth_pct) for c in cs] == [(("growth", "CHN", "RUS", "X", "2017-01/2017-05"), 22.0),
                                                     (("growth", "CHN", "RUS", "M", "2017-01/2017-05"), 30.0)]
    # "the US": the name found takes its article
    text = ("According to China's customs, China's exports to the United States fell by 8.1% in the first half of "
            "2020 and imports from the US by 1.5%.")
    cs = extract_claims(text)
    assert [(_row(c), c.growth_pct) for c in cs] == [(("growth", "CHN", "USA", "X", "2020-H1"), -8.1),
                                                     (("growth", "CHN", "USA", "M", "2020-H1"), -1.5)]
