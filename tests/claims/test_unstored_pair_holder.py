"""A reporter no text names, for two countries the store holds nothing of (issue 16: whose statistics a figure is
on unseen text). When the flow phrase itself holds the flow of one country ("Peru's trade deficit with China",
"Chilean exports to India"), that country is read as the reporter, shown and never flagged: nothing stored can tell
the two sides apart or contradict either. A pair named in no order ("trade between Peru and China") stays
unresolved, and so does a held guess for a pair the store does hold that no stored figure settles. The countries
and figures are invented (pairs and years the embedded data do not cover, or a figure no stored one matches)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")


def _levels(res: dict) -> list[dict]:
    return [c for c in res["claims"] if c.get("value_usd") is not None]


def test_a_held_flow_of_an_unstored_pair_is_read_and_never_flagged(store) -> None:  # type: ignore[no-untyped-def]
    text = ("Peru's trade deficit with China widened to $4.2 billion in 2021, and the country's total trade with "
            "China reached $31.6 billion.")
    res = check_article(text, store)
    got = {(c["reporter"], c["partner"], c["flow"], c["period"], c["status"], c["provenance"]["reporter"])
           for c in _levels(res)}
    assert got == {("PER", "CHN", "B", "2021", "unverifiable", "unstored-pair"),
                   ("PER", "CHN", "T", "2021", "unverifiable", "unstored-pair")}
    for c in _levels(res):
        assert 0.5 <= c["slots"]["reporter"] < 0.6  # resolved, below what may be flagged
    assert not [f for f in res["findings"] if f["status"] in FLAGS]


def test_an_exporter_named_in_the_flow_phrase_holds_it(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("Turkish exports to Brazil fell 8 percent to $2.3 billion in 2019.", store)
    got = [(c["reporter"], c["partner"], c["flow"], c["value_usd"], c["growth_pct"]) for c in res["claims"]]
    assert got == [("TUR", "BRA", "X", 2.3e9, -8.0)]
    assert res["claims"][0]["status"] not in FLAGS + ("unresolved",)


def test_a_pair_named_in_no_order_stays_unresolved(store) -> None:  # type: ignore[no-untyped-def]
    for text in ("Trade between Peru and China reached $31.6 billion in 2021.",
                 "Peru-China trade reached $31.6 billion in 2021.",
                 "In 2021 bilateral trade between the two countries, Peru and China, came to $31.6 billion."):
        (c,) = _levels(check_article(text, store))
        assert c["status"] == "unresolved" and "reporter" in c["missing"], text


def test_a_held_guess_of_a_stored_pair_is_left_to_the_store(store) -> None:  # type: ignore[no-untyped-def]
    # the store holds China's and Kazakhstan's trade with each other: a figure that matches neither side's is
    # not settled by the holder alone (the other side's statistics are as likely)
    (c,) = _levels(check_article("Kazakhstan's trade with China reached $57.3 billion in 2021.", store))
    assert c["status"] == "unresolved" and c["missing"] == ["reporter"]


def test_the_flow_holder_is_marked_by_the_reader_without_a_store() -> None:
    held = extract_claims("Turkish imports from Brazil fell to $3.1 billion in 2020.")
    unheld = extract_claims("Trade between Turkey and Brazil fell to $3.1 billion in 2020.")
    assert [c.how["reporter"] for c in held] == ["flow-holder"]
    assert [c.how["reporter"] for c in unheld] == ["flow-subject"]


def test_between_two_scaled_amounts_is_one_range() -> None:
    (c,) = extract_claims("In 2018 Turkish exports to Egypt were between $1.2 billion and $1.9 billion, the "
                          "ministry of economy said.")
    assert c.text == "$1.2 billion and $1.9 billion"
    assert (c.value_low, c.value_high) == (1.15e9, 1.95e9)
    # the difference between two figures is no range
    texts = [c.text for c in extract_claims(
        "The difference between $4.4 billion and $5.2 billion in Turkish exports to Egypt in 2018 is freight, "
        "the ministry of economy said.")]
    assert "$4.4 billion and $5.2 billion" not in texts


def test_a_product_modifier_after_a_party_or_a_scope_word_names_a_product() -> None:
    # "Turkey's citrus exports", "total textile imports": the word before the modifier opens the noun phrase
    for text in ("Turkey's citrus exports to Brazil reached $0.4 billion in 2021.",
                 "Last year total textile imports from Brazil reached $0.4 billion, Turkey's statistics office said."):
        assert extract_claims(text) == [], text
    # a scope word after the party is no product: the total
    (c,) = extract_claims("Turkey's total exports to Brazil reached $1.9 billion in 2021.")
    assert (c.reporter, c.partner, c.flow, c.value_usd) == ("TUR", "BRA", "X", 1.9e9)


def test_statistics_named_before_their_country_are_that_country_s() -> None:
    # "the customs statistics of X", "the official statistics of X": X's statistics, like "X's customs statistics"
    for text, rep in (("In 2014 trade between Turkey and Brazil reached $3.9 billion, according to the customs "
                       "statistics of Brazil.", "BRA"),
                      ("According to the official statistics of Turkey, trade with Brazil reached $3.9 billion in "
                       "2014.", "TUR")):
        (c,) = extract_claims(text)
        assert (c.reporter, c.how["reporter"], c.missing) == (rep, "sentence" if text.startswith("According")
                                                              else "sentence-after", []), text
