"""Issue 16: each slot fill records where it came from (``Claim.how``, ``provenance`` in ``check --json``), what the
calibration of slot confidence (benchmarks/_calibration.py) is measured on. Sentences are invented for their shape; the
figures are invented."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.provenance import LABELS


def _one(text: str) -> Claim:
    got = [c for c in extract_claims(text) if c.kind == "level"]
    assert len(got) == 1, got
    return got[0]


def _at(text: str, figure: str) -> Claim:
    return next(c for c in extract_claims(text) if c.text == figure)


def test_clause_fills_are_labelled_clause() -> None:
    c = _one("According to China's customs, China's exports to Kazakhstan reached $24.1 billion in 2023.")
    assert c.how["reporter"] == "sentence" and c.how["partner"] == "clause" and c.how["period"] == "clause-after"
    assert c.how["flow"] == "flow-noun"
    assert (c.reporter, c.partner, c.flow, c.period) == ("CHN", "KAZ", "X", "2023")
    assert not c.missing and c.resolved


def test_reporter_with_no_statistics_named_is_the_flow_subject() -> None:
    # the exporter the flow phrase names holds the flow ("flow-holder"); a pair named in no order is the subject's
    c = _one("Kazakhstan's exports to Mongolia rose to $120 million in 2023.")
    assert c.how["reporter"] == "flow-holder" and c.reporter == "KAZ"
    c = _one("Trade between Kazakhstan and Mongolia rose to $120 million in 2023.")
    assert c.how["reporter"] == "flow-subject" and c.reporter == "KAZ"


def test_provenance_in_check_json_beside_the_existing_keys() -> None:
    d = _one("According to China's customs, China's exports to Kazakhstan reached $24.1 billion in 2023.").to_json()
    assert d["provenance"]["reporter"] == "sentence" and set(d["provenance"]) == set(d["slots"])
    assert {"reporter", "partner", "flow", "period", "slots", "status"} <= set(d)


def test_period_and_source_carried_from_the_paragraph_before_are_labelled() -> None:
    text = ("In 2023, according to China's customs, trade between China and Kazakhstan reached $41 billion.\n\n"
            "China's exports to Kazakhstan came to $24.1 billion.")
    c = _at(text, "$24.1 billion")
    assert c.how["period"] == "previous-paragraph" and c.how["reporter"] == "previous-paragraph"
    assert c.period == "2023" and c.resolved
    first = _at(text, "$41 billion")
    assert first.how["reporter"] == "sentence" and first.how["period"] == "clause-before"


def test_elliptic_party_is_labelled_apart_from_a_list_member() -> None:
    # "and with <country> to <figure>": the flow word is left out, the partner is the gapped clause's country
    text = ("According to Kazakhstan's statistics bureau, turnover with Kyrgyzstan came to $903 million in 2023, "
            "and with Afghanistan to $777 million.")
    c = _at(text, "$777 million")
    assert (c.reporter, c.partner) == ("KAZ", "AFG")
    assert c.how["partner"] == "elliptic-party" and c.how["flow"] == "previous-figure"
    lst = _at("According to Kazakhstan's statistics bureau, trade grew in 2023 with Kyrgyzstan (+$2.8 billion), "
              "Uzbekistan (+$2.9 billion) and Tajikistan (+$1.1 billion).", "$2.9 billion")
    assert lst.partner == "UZB" and lst.how["partner"] == "list-member"


def test_cap_slot_takes_the_new_provenance_only_when_it_lowers_the_confidence() -> None:
    c = Claim(id="c1", quote="", start=0, end=0, reporter="KAZ", partner="MNG", flow="X", period="2023")
    c.how = {"reporter": "sentence"}
    c.cap_slot("reporter", 0.4, "rival-count")
    assert c.how["reporter"] == "rival-count" and c.missing == ["reporter"]
    c.cap_slot("reporter", 0.9, "province")  # not lower: the old way stays
    assert c.how["reporter"] == "rival-count" and c.slots["reporter"] == 0.4


def test_every_label_the_extractor_gives_is_in_the_documented_vocabulary() -> None:
    # one sentence of each of many shapes (lists, rankings, "this figure", comparison bases, shares, a dateline)
    text = ("ASTANA, March 3 - According to Kazakhstan's statistics bureau, trade with China reached $41 billion "
            "in 2023, up 32% from $31.2 billion a year earlier. Exports to China came to $15.1 billion and imports "
            "from China to $25.9 billion.\n\n"
            "China ranked first with $41 billion, followed by Russia ($27 billion) and Italy ($17 billion).\n\n"
            "This figure was 20% higher than in 2022. Uzbekistan's trade with China was $13.7 billion and with "
            "Russia $9.8 billion, respectively. China's share in Kazakhstan's trade was 29.7 percent.")
    claims = extract_claims(text)
    assert len(claims) >= 8
    for c in claims:
        assert set(c.how) <= set(LABELS), c.how
        for slot, how in c.how.items():
            assert how in LABELS[slot], (slot, how, c.text)

