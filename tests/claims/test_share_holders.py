"""A share of one country's own total is that country's statistics (:mod:`mirrortrade.claims.holders`). Figures:
Mongolia's 2011 trade with China ($6.3 billion, 56 percent of Mongolia's total foreign trade; Business Mongolia), and
Kyrgyzstan's 2018 exports to China (3.5 percent of all Kyrgyz exports; Kyrgyz Ministry of Economy via Akchabar)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _shares(text: str) -> list:  # type: ignore[type-arg]
    return [c for c in extract_claims(text) if c.kind == "share"]


def test_a_share_of_the_holders_total_is_the_holders() -> None:
    (c,) = _shares("China-Mongolia trade amounted to USD 6.3 billion in 2011, accounting for 56 percent of Mongolia's "
                   "total foreign trade.")
    assert (c.reporter, c.partner, c.flow) == ("MNG", "CHN", "T")
    assert c.how["reporter"] == "share-holder" and not c.missing and c.slots["reporter"] < 0.6  # never flaggable


def test_an_adjective_names_the_holder_too() -> None:
    (c,) = _shares("In 2018 exports to China made only 3.5% of all Kyrgyz exports.")
    assert (c.reporter, c.partner, c.flow) == ("KGZ", "CHN", "X") and not c.missing


def test_a_share_whose_holder_is_not_named_stays_unresolved() -> None:
    # "of all imports": whose imports the sentence does not say
    (c,) = _shares("In 2018 imports from China made 39.6% of all imports.")
    assert "reporter" in c.missing or c.how["reporter"] != "share-holder"
