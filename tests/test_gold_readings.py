"""benchmarks/gold_readings.py: the annotated slots given to the figures the extractor reads (the verifier alone)."""

from __future__ import annotations

from _corpus_bench import load_benchmark
from mirrortrade.claims.reading import read_article

# invented text: one figure read with its own slots, one figure the annotation gives another reporter, one
# percent of another kind than annotated, and a number that is no figure of trade
TEXT = ("Uzbekistan's imports from China reached $9.4 billion in 2024, the statistics agency said. "
        "Exports to China were $2.1 billion in 2024. Some 40,000 tonnes of cotton were shipped.")


def _bench():  # type: ignore[no-untyped-def]
    return load_benchmark("gold_readings")


def _exp(sentence: str, figure: str, rep: str, par: str, flow: str, value: float, kind: str = "level") -> dict:
    return {"sentence": sentence, "figure": figure, "reporter": rep, "partner": par, "flow": flow, "period": "2024",
            "kind": kind, "value": value, "value_cny": None, "qualifier": "exact", "correct": True,
            "expect_flag": None}


def test_matched_figures_take_every_annotated_slot_resolved_and_unmatched_ones_are_counted() -> None:
    reading = read_article(TEXT)
    expected = [
        _exp("Uzbekistan's imports from China reached $9.4 billion in 2024", "$9.4 billion", "UZB", "CHN", "M", 9.4e9),
        # annotated as China's imports from Uzbekistan (a reading the extractor need not make): the slots follow
        _exp("Exports to China were $2.1 billion in 2024", "$2.1 billion", "CHN", "UZB", "M", 2.1e9),
        # a figure the text does not hold at this value: nothing carries it
        _exp("Exports to China were $2.1 billion in 2024", "$2.1 billion", "UZB", "CHN", "X", 3.3e9),
        # the right value, annotated as another kind: left with the figures not read
        _exp("Exports to China were $2.1 billion in 2024", "$2.1 billion", "UZB", "CHN", "X", 2.1e9, kind="change"),
    ]
    before = [(c.reporter, c.partner, c.flow, c.period, tuple(c.missing)) for c in reading.claims]
    gold, not_read = _bench().gold_claims(TEXT, reading.claims, expected)
    assert not_read == 2
    assert [(c.reporter, c.partner, c.flow, c.period) for c in gold] == [("UZB", "CHN", "M", "2024"),
                                                                         ("CHN", "UZB", "M", "2024")]
    assert all(not c.missing and set(c.slots.values()) == {1.0} for c in gold)
    assert gold[1].how["reporter"] == "annotation"
    # a reporter changed by the annotation drops the source the extractor attached to the figure
    assert gold[1].source is None
    # the extracted claims themselves are not changed
    assert [(c.reporter, c.partner, c.flow, c.period, tuple(c.missing)) for c in reading.claims] == before
    assert all(g is not c for g in gold for c in reading.claims)
    assert {c.value_usd for c in gold} == {9.4e9, 2.1e9}


def test_the_seed_articles_are_perfect_with_their_annotated_slots() -> None:
    scores = _bench().run_sets(["seeds"])
    s = scores["seeds"]
    assert s["false_flags"] == 0
    assert s["expected_flags_caught"] == "11/11"
    assert s["verdict_accuracy"] == 1.0
