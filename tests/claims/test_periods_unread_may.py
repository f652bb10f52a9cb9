"""A sentence that names May after a preposition ("$11.0 billion in May", "In May imports from Japan ..."): the period reader
leaves "May" unread (the verb "may" shares its word), so the figure's own month is not sure; no period carried from
before or guessed stands in for it (unresolved). Sentences invented for the test; figures from Reuters' breakdown of
China's customs data for 2009 (dev/370)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.extract import extract_claims


def test_a_sentence_naming_may_carries_no_other_period() -> None:
    # Reuters' breakdown of China's customs data for 2009: exports to the U.S. $17.3 billion in January; the surplus
    # with the United States $11.0 billion in May against $10.6 billion in April; exports to Japan -19.9% in May
    text = ("BEIJING, June 11, 2009 - China's exports to the U.S. dropped 9.8 percent in January to $17.3 billion.\n\n"
            "China's surplus with the United States was $11.0 billion in May, against $10.6 billion in April.\n\n"
            "In May imports from Japan were 28.1 percent lower at $8.9 billion, and exports to Japan fell 19.9 percent "
            "to $6.9 billion.")
    claims = extract_claims(text, article_date=date(2009, 6, 11))
    surplus = next(c for c in claims if c.value_usd == 11.0e9)
    assert surplus.period is None
    japan = [c for c in claims if c.partner == "JPN"]
    assert japan and all(c.period in (None, "2009-05") for c in japan)
    # the month of the sentence before is still read where it is printed
    assert next(c for c in claims if c.value_usd == 10.6e9).period == "2009-04"
