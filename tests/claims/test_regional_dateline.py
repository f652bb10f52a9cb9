"""A dateline that names a region, not a country (issue 16, heldout14/10 retired: "CENTRAL ASIA, February 1, 2026 -
Karavan Info news agency."): the region is where the news comes from, never the home of an agency or an official,
so an agency named without its country is placed by its sentence as under no dateline. The sentences are our own;
the figures are Uzbekistan's Statistics Agency's as Trend reported them on 2024-06-30 (trade with Russia, January-May
2024: $4.7 billion, exports $1.3 billion, imports $3.4 billion)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims
from mirrortrade.claims.sources import dateline_country


def test_region_dateline_is_no_home() -> None:
    assert dateline_country("CENTRAL ASIA, June 30, 2024 – Trade rose.") is None
    assert dateline_country("Headline\n\nAFRICA, June 30, 2024 – Trade rose.") is None
    assert dateline_country("TASHKENT, June 30, 2024 – Trade rose.") == "UZB"  # a city still names its country


def test_agency_without_country_under_region_dateline_is_the_sentences() -> None:
    text = ("CENTRAL ASIA, June 30, 2024 – Uzbekistan and Russia traded goods worth $4.7 billion from January "
            "through May 2024, the statistics agency said.\n\n"
            "Exports to Russia came to $1.3 billion and imports from Russia to $3.4 billion, the agency added.")
    rows = [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.resolved) for c in extract_claims(text)]
    assert rows == [
        ("UZB", "RUS", "T", "2024-01/2024-05", 4.7e9, True),
        ("UZB", "RUS", "X", "2024-01/2024-05", 1.3e9, True),
        ("UZB", "RUS", "M", "2024-01/2024-05", 3.4e9, True),
    ]
    # the region never stands in for the reporter
    assert all(c.reporter != "CA5" for c in extract_claims(text))
