"""Non-trade figures and news items from articles (issue 11): claims/indicators.py, claims/events.py.

Expected values are read off seed 000 (tests/data/seeds) by hand.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirrortrade.claims import check_internal, extract_claims, extract_events, extract_indicators
from mirrortrade.errors import PeriodError
from mirrortrade.model import EVENT_KINDS, Citation

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SEED_000 = (SEEDS / "000_2ad6b93893591dd7.txt").read_text(encoding="utf-8")
SEED_004 = (SEEDS / "004_4fa4d7f12d5750ad.txt").read_text(encoding="utf-8")

# (indicator, kind, country, partner, value, qualifier, period, relation, previous value, previous period)
EXPECTED_000 = [
    # "Kyrgyzstan's entire GDP in 2025 was under $22 billion"
    ("gdp_usd", "level", "KGZ", None, 22e9, "upper", "2025", None, None, None),
    # "Chinese companies and Chinese-Kazakh joint ventures operating in Kazakhstan grew by nearly 50 percent to 9,252
    #  in 2025, up from 6,227 in 2024"
    ("registered_companies", "level", "KAZ", "CHN", 9252, "exact", "2025", "grew by nearly 50 percent", 6227, "2024"),
    ("registered_companies", "previous", "KAZ", "CHN", 6227, "exact", "2024", None, None, None),
    # "Uzbek companies, the number of which grew by close to 2,500"
    ("registered_companies", "change", "KAZ", "UZB", 2500, "near_upper", "2025", None, None, None),
    # "a $1.1 billion investment project to develop the port of Kuryk in Kazakhstan"
    ("investment_announced", "level", "KAZ", "CHN", 1.1e9, "exact", None, None, None, None),
    # "The company intends to invest up to $150 million"
    ("investment_announced", "level", "KAZ", "CHN", 150e6, "upper", None, None, None, None),
    # "73 full-ride scholarships to Kazakh students ... for the 2026-27 academic year"
    ("scholarships", "level", "KAZ", "CHN", 73, "exact", None, None, None, None),
    # "Chinese citizens visiting Uzbekistan for tourism nearly quadrupled to 278,900 in 2025 from 74,300 in 2024"
    ("tourist_arrivals", "level", "UZB", "CHN", 278900, "exact", "2025", "nearly quadrupled", 74300, "2024"),
    ("tourist_arrivals", "previous", "UZB", "CHN", 74300, "exact", "2024", None, None, None),
    # "the number of Uzbeks vacationing in China nearly tripled to 52,600 from 18,347"
    ("tourist_arrivals", "level", "CHN", "UZB", 52600, "exact", "2025", "nearly tripled", 18347, "2024"),
    ("tourist_arrivals", "previous", "CHN", "UZB", 18347, "exact", "2024", None, None, None),
    # "signed a $10-million deal to create a laboratory in Uzbekistan"
    ("investment_announced", "level", "UZB", "CHN", 10e6, "exact", None, None, None, None),
]


def test_seed000_indicators() -> None:
    figs = extract_indicators(SEED_000)
    rows = [(f.indicator, f.kind, f.country, f.partner, f.value, f.qualifier, f.period, f.relation,
             f.previous_value, f.previous_period) for f in figs]
    assert rows == EXPECTED_000
    assert [f.id for f in figs] == [f"i{i}" for i in range(1, len(figs) + 1)]
    for f in figs:
        assert SEED_000[f.start:f.end] == f.text and f.quote in SEED_000


def test_seed000_indicator_details() -> None:
    figs = extract_indicators(SEED_000)
    tour = next(f for f in figs if f.value == 278900)
    assert (tour.relation_low, tour.relation_high) == (3.5, 4.0)
    assert tour.previous_id == next(f.id for f in figs if f.value == 74300)
    # "according to Uzbek official statistics" closes the tourism paragraph: both tourism figures are UZ-STAT's
    assert {f.source for f in figs if f.indicator == "tourist_arrivals"} == {"UZ-STAT"}
    sch = next(f for f in figs if f.indicator == "scholarships")
    assert sch.period is None and sch.period_text == "2026-27 academic year"
    with pytest.raises(PeriodError):
        sch.to_indicator()
    ind = tour.to_indicator(citation=Citation(publisher="Caspian Post", date="2026-01-30"))
    assert (ind.country, ind.partner, ind.indicator, ind.period, ind.value, ind.source_id) == (
        "UZB", "CHN", "tourist_arrivals", "2025", 278900.0, "UZ-STAT")
    assert ind.citation.quote == tour.quote and "nearly quadrupled" in ind.note
    json.dumps([f.to_json() for f in figs], allow_nan=False)


def test_seed004_has_no_indicators() -> None:
    assert extract_indicators(SEED_004) == []


def test_indicator_patterns_of_my_own() -> None:
    text = (
        "The number of Kazakh students studying in China more than doubled to 14,000 in 2024 from 6,500 in 2021, "
        "according to Kazakhstan's education ministry.\n\nAbout 1,200 Russian companies are registered in Uzbekistan."
    )
    figs = extract_indicators(text)
    rows = [(f.indicator, f.kind, f.country, f.partner, f.value, f.period, f.qualifier) for f in figs]
    assert rows == [
        ("students", "level", "CHN", "KAZ", 14000, "2024", "exact"),
        ("students", "previous", "CHN", "KAZ", 6500, "2021", "exact"),
        ("registered_companies", "level", "UZB", "RUS", 1200, None, "approx"),
    ]
    assert figs[0].relation == "more than doubled" and figs[0].relation_low == 2.0


# ---- events -------------------------------------------------------------------------------------


def test_seed000_events_are_verbatim_sentences() -> None:
    events = extract_events(SEED_000)
    assert len(events) >= 20
    for e in events:
        assert SEED_000[e.start:e.end] == e.quote
        assert e.kind in EVENT_KINDS
    # nothing from the trade paragraphs: those are claims, not news items
    first_section = SEED_000.index("\nKazakhstan\n")
    assert all(e.start > first_section for e in events)


@pytest.mark.parametrize(
    ("starts", "kind", "countries", "amount"),
    [
        ("Astana and Beijing are developing a draft agreement", "agreement", ["KAZ", "CHN"], None),
        ("Kazakh Invest National Co.", "investment", ["KAZ", "CHN"], 1.1e9),
        ("Officials have agreed to build a new bridge", "infrastructure", ["KAZ"], None),
        ("The company intends to invest up to $150 million", "investment", [], 150e6),
        ("A Kazakh consulate has opened in Guangzhou", "diplomacy", ["KAZ", "CHN"], None),
        ("China will offer another batch of 73 full-ride scholarships", "education", ["CHN", "KAZ"], None),
        ("China’s Alma Finance Bank received a commercial banking license", "licence", ["CHN", "KGZ"], None),
        ("Tajik workers at the Chinese-run Zarafshon gold mine protested", "incident", ["TJK", "CHN"], None),
        ("Turkmenistan’s ambassador to China met with", "diplomacy", ["TKM", "CHN"], None),
        ("Chinese and Uzbek government and private entities signed a $10-million deal", "investment", ["CHN", "UZB"], 10e6),
        ("The Uzbek consulate in Guangdong province teamed up", "trade_event", ["UZB"], None),
    ],
)
def test_seed000_event_items(starts: str, kind: str, countries: list[str], amount: float | None) -> None:
    e = next(e for e in extract_events(SEED_000) if e.quote.startswith(starts))
    assert (e.kind, e.countries, e.amount_usd) == (kind, countries, amount)


def test_seed000_event_details() -> None:
    events = extract_events(SEED_000)
    port = next(e for e in events if e.amount_usd == 1.1e9)
    assert port.parties == ["Kazakh Invest National Co.", "Guoyou Materials Group"]
    assert port.section == "KAZ"
    chromium = next(e for e in events if e.amount_usd == 150e6)
    assert chromium.amount_qualifier == "upper" and chromium.section == "KAZ"
    # "a meeting on January 19": the article is undated; its latest whole year is 2025, so it was written in 2026
    rail = next(e for e in events if "January 19" in e.quote)
    assert rail.date == "2026-01-19" and rail.kind == "infrastructure"
    assert next(e for e in extract_events(SEED_000, date(2026, 1, 25)) if "January 19" in e.quote).date == "2026-01-19"
    visa = next(e for e in events if e.quote.startswith("In mid-2025"))
    assert visa.date == "2025"
    item = chromium.to_news_item(Citation(publisher="Caspian Post"))
    assert item.countries == ("KAZ",) and item.amount_usd == 150e6 and item.quote == chromium.quote
    json.dumps([e.to_json() for e in events], allow_nan=False)


def test_events_never_invented() -> None:
    text = "Trade between China and Kazakhstan rose to $40 billion in 2025.\n\nThe weather was fine in Astana."
    assert extract_events(text) == []
    assert extract_events("") == []


def test_event_context_keeps_follow_up_sentences() -> None:
    events = extract_events(SEED_000)
    fair = next(e for e in events if e.kind == "trade_event" and e.quote.startswith("The Uzbek consulate"))
    assert fair.context == ["Representatives of more than 200 Chinese companies attended the event."]
    port = next(e for e in events if e.amount_usd == 1.1e9)
    assert port.context == ["The project is presently undergoing a feasibility study."]
    for e in events:
        assert all(c in SEED_000 for c in e.context)


def test_seed004_events() -> None:
    events = extract_events(SEED_004)
    # only the summit is a news item; the trade paragraphs and the site's related-posts list are not
    assert [(e.kind, e.date) for e in events] == [("diplomacy", "2025")]
    assert events[0].quote.startswith("Guo Jiakun attributed part of the trade expansion to the China Central Asia summit")

_WORDS = st.sampled_from([
    "The number of", "Chinese", "tourists", "visiting", "Uzbekistan", "nearly quadrupled", "to", "from", "278,900",
    "74,300", "in 2025", "in 2024", "signed", "an MoU", "with", "Kazakh Invest National Co.", "a $1.1 billion",
    "investment project", "in Kazakhstan", ".", "\n\n", "Kazakhstan", "\n", "GDP was under $22 billion", "on January 19",
    "protest", "scholarships", "73", "companies operating in", "grew by nearly 50 percent", "exports to China were $5bn",
    "the country's", "the Central Asian country's",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=50))
def test_any_text_gives_well_formed_indicators_and_events(parts: list[str]) -> None:
    text = " ".join(parts)
    figs = extract_indicators(text)
    for f in figs:
        assert text[f.start:f.end] == f.text and f.quote in text
        assert f.value_low <= f.value <= f.value_high or f.kind == "change"
    for e in extract_events(text):
        assert text[e.start:e.end] == e.quote and e.kind in EVENT_KINDS
        e.to_news_item()  # every country is a valid code
        assert all(c in text for c in e.context)
    for finding in check_internal(extract_claims(text), figs):
        json.dumps(finding, allow_nan=False)
