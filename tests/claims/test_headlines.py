"""Headlines (issue 16): a headline restates the story's main figure, rounded; the claim a user expects is one,
the body's. A headline figure the body does not repeat stays a claim. Sentences written for these tests
(invented figures; no store, no network)."""

from __future__ import annotations

from _corpus_bench import cs
from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow, c.period, c.kind) for c in extract_claims(text)]


def test_headline_restating_the_body_is_the_bodys_claim() -> None:
    text = ("Kyrgyz-Chinese trade tops $12.4 billion in 2024\n\n"
            "BEIJING, January 20, 2025. Trade between Kyrgyzstan and China reached $12.43 billion in 2024, "
            "China's customs said.")
    assert _rows(text) == [("$12.43 billion", "CHN", "KGZ", "T", "2024", "level")]


def test_headline_growth_rounded_is_merged_with_the_bodys_rate() -> None:
    text = ("China-Kazakhstan trade falls by a quarter\n\n"
            "BEIJING, May 12, 2016. Trade between China and Kazakhstan fell 25.9 percent to $4.1 billion in the "
            "first quarter of 2016, the General Administration of Customs said.")
    assert [r[0] for r in _rows(text)] == ["$4.1 billion"]


def test_headline_figure_the_body_does_not_repeat_stays_a_claim() -> None:
    text = ("China-Kazakhstan trade reached $9 billion in the first half\n\n"
            "BEIJING, July 12, 2016. Exports to Kazakhstan came to $5.1 billion in the first half of 2016, the "
            "General Administration of Customs said.")
    texts = [r[0] for r in _rows(text)]
    assert "$9 billion" in texts and "$5.1 billion" in texts


def test_scorer_merges_an_annotated_headline_restatement_the_same_way() -> None:
    text = "Trade tops $100bn\n\nTrade between China and the region surpassed $100 billion in 2025."
    head = {"sentence": "Trade tops $100bn", "reporter": "CHN", "partner": "CA5", "flow": "T", "period": "2025",
            "kind": "level", "value": 100e9}
    body = dict(head, sentence="surpassed $100 billion in 2025")
    other = dict(head, sentence="Trade tops $100bn", kind="growth", value=12.0)
    assert cs.headline_lines(text) == ["Trade tops $100bn"]
    assert cs.merge_headline_claims(text, [head, body, other]) == [body, other]
