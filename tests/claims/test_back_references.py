"""Back-references (issue 16, kinds 1 and 7): parties named by reference ("sold ... to its neighbour", "bought ...
from it"), the parts of a total whose parties came from the article ("of which Vietnam's exports ... and its
imports"), a bare balance after the pair's flows, and the pronoun "it" standing for the figure just given ("a year
earlier it amounted to", "data put it at"). Sentences written for these tests (invented figures; no store, no
network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.reporter, c.partner, c.flow, c.period) for c in extract_claims(text)]


LEAD = ("Vietnam-China trade slows\n\n"
        "HANOI, May 12, 2009. Trade between Vietnam and China reached $5.2 billion in the first four months of 2009, "
        "the Ministry of Industry and Trade said.\n\n")


def test_partner_named_by_reference_is_the_pairs_other_country() -> None:
    text = LEAD + ("Vietnam sold $1.2 billion of goods to its neighbour over the four months and bought $4 billion "
                   "from it. The trade deficit came to $2.8 billion.")
    assert _rows(text)[1:] == [
        ("$1.2 billion", "VNM", "CHN", "X", "2009-01/2009-04"),
        ("$4 billion", "VNM", "CHN", "M", "2009-01/2009-04"),
        ("$2.8 billion", "VNM", "CHN", "B", "2009-01/2009-04"),
    ]


def test_a_reference_to_a_third_country_is_not_the_pair() -> None:
    # the subject is no member of the article's pair: "its neighbour" is not resolved by the pair
    text = LEAD + "Laos sold $40 million of goods to its neighbour Thailand in April 2009."
    rows = _rows(text)
    assert ("$40 million", "VNM", "CHN", "X", "2009-04") not in rows


def test_parts_of_a_total_take_the_totals_parties() -> None:
    text = LEAD + ("In April the two-way trade stood at $1.4 billion, of which Vietnam's exports were $350 million "
                   "and its imports $1.05 billion.")
    assert _rows(text)[1:] == [
        ("$1.4 billion", "VNM", "CHN", "T", "2009-04"),
        ("$350 million", "VNM", "CHN", "X", "2009-04"),
        ("$1.05 billion", "VNM", "CHN", "M", "2009-04"),
    ]


def test_it_after_a_figure_is_that_figure() -> None:
    text = ("TASHKENT, February 3, 2020. Uzbekistan's trade with China reached $7.1 billion in 2019, the State "
            "Statistics Committee reports. In comparison, a year earlier it amounted to $6.2 billion.")
    assert _rows(text) == [("$7.1 billion", "UZB", "CHN", "T", "2019"), ("$6.2 billion", "UZB", "CHN", "T", "2018")]


def test_it_after_another_number_or_a_preposition_is_not_the_figure() -> None:
    # a number between the figure and "it" (the tourists) breaks the reference; "with it" names a party
    text = ("TASHKENT, February 3, 2020. Uzbekistan's trade with China reached $7.1 billion in 2019, the State "
            "Statistics Committee reports. Some 300,000 tourists came, and it amounted to $1.2 billion.")
    assert [r[0] for r in _rows(text)] == ["$7.1 billion"]


def test_this_figure_in_a_paragraph_naming_only_the_figures_countries() -> None:
    text = ("TASHKENT, April 21, 2024. Uzbekistan's trade with China amounted to $2.3 billion in January–February "
            "2024.\n\n"
            "According to the Statistics Agency, this figure is 40.5 percent higher than in the same period of the "
            "previous year ($1.6 billion). China ranks first among Uzbekistan's partners.")
    cs = extract_claims(text)
    growth = [c for c in cs if c.kind == "growth"]
    assert [(c.growth_pct, c.reporter, c.partner, c.period) for c in growth] == [
        (40.5, "UZB", "CHN", "2024-01/2024-02")]
    # the bracketed base is no second reading of "this figure"
    assert all(c.value_usd != 1.6e9 or c.period != "2024-01/2024-02" for c in cs)
