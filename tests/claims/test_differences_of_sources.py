"""An amount more or less than another statement of the same figure is a difference between sources, not a change
over time (issue 16, "the two sets of data differ by $x" read as levels): it is checked against the two levels it
lies between, never against the store as a change.

Figures, by source: Uzbekistan's trade with China in 2024, $13.0 billion by Uzbekistan's statistics agency and $13.8
billion by China's General Administration of Customs (both in the embedded store; the agency's release of 2025-01-20
and GACC's country table for December 2024)."""

from __future__ import annotations

from mirrortrade.claims.verify import check_article
from mirrortrade.claims.vocab import difference_of_sources

FLAGS = ("conflict", "implausible")


def test_more_than_another_source_s_number_is_a_difference() -> None:
    text = ("China's customs put its trade with Uzbekistan in 2024 at $13.8 billion. Uzbekistan's statistics agency "
            "put the same trade at $13.0 billion, some $800 million less than the Chinese figure.")
    res = check_article(text, None)
    (d_claim,) = [c for c in res["claims"] if c["kind"] == "difference"]
    assert (d_claim["partner"], d_claim["flow"], d_claim["period"]) in (("UZB", "T", "2024"), ("CHN", "T", "2024"))
    assert not [c for c in res["claims"] if c["kind"] == "change"]
    assert all(c["status"] not in FLAGS for c in res["claims"])
    (d,) = [f for f in res["findings"] if f["rule"] == "difference_vs_levels"]
    assert d["status"] == "consistent"


def test_a_compared_figure_of_another_period_is_a_change() -> None:
    assert difference_of_sources(" more than the Chinese number, the committee said")
    assert difference_of_sources(" below Beijing's figures for the same flows")
    assert not difference_of_sources(" more than the 2023 figure")
    assert not difference_of_sources(" less than last year's number")
    assert not difference_of_sources(" more than in 2023")
    assert not difference_of_sources(" higher than a year earlier")
