"""Whose statistics figures are when the article says so only after them (the reporter slot on unseen text,
:mod:`mirrortrade.claims.sourced_after`), and figures under an agency of no known country settled by the store
(:mod:`mirrortrade.claims.whose`). Figures: Uzbekistan's State Committee on Statistics for 2023 as relayed by Trend
($9.8 billion with Russia, +5.3%); President Tokayev at the China–Central Asia summit of June 2025 and China's General
Administration of Customs for 2024 ($95bn / $94.8bn with Central Asia, $44bn / $43.8bn with Kazakhstan; Qazinform);
China's Ministry of Commerce for 2025 ($71.2 billion of exports to Central Asia, +11%)."""

from __future__ import annotations

from datetime import date

from mirrortrade.claims.claim import FLAGGABLE, RESOLVED, Claim
from mirrortrade.claims.extract import extract_claims
from mirrortrade.claims.filters import may_raise
from mirrortrade.claims.sourced_after import back_reference
from mirrortrade.claims.whose import SETTLED_UNNAMED, settle_reporters

_UZB_RUS = ("Trade between Uzbekistan and Russia came to $9.8 billion in 2023, 5.3 percent more than a year earlier, "
            "the Trend news agency reported on Tuesday. The numbers were published by Uzbekistan's statistics committee.")


def _levels(claims: list) -> list:  # type: ignore[type-arg]
    return [c for c in claims if c.value_usd is not None and c.kind == "level"]


def test_the_phrase_that_names_the_figures_origin() -> None:
    assert back_reference("The President's figures are taken from China's customs statistics.") is not None
    assert back_reference("These numbers were published by the statistics committee.") is not None
    assert back_reference("The data come from the Statistics Agency.") is not None
    # a sentence about something else, or about figures to come, refers back to nothing
    assert back_reference("The committee publishes its figures every quarter.") is None
    assert back_reference("Figures for the first half are due in July.") is None


def test_statistics_named_in_the_next_sentence_govern_the_figures_before() -> None:
    (c,) = _levels(extract_claims(_UZB_RUS, article_date=date(2024, 2, 6)))
    assert (c.reporter, c.partner, c.flow, c.period) == ("UZB", "RUS", "T", "2023")
    assert c.how["reporter"] == "named-after" and not c.missing


def test_without_that_sentence_the_reporter_stays_a_guess() -> None:
    (c,) = _levels(extract_claims(_UZB_RUS.split(" The numbers")[0], article_date=date(2024, 2, 6)))
    assert "reporter" in c.missing


def test_an_officials_figure_sourced_to_the_other_side_is_turned_round() -> None:
    text = ("ASTANA, June 17, 2025. Central Asia's trade with China hit a record 95 billion US dollars last year, with "
            "Kazakhstan-China trade accounting for 44 billion US dollars, President Kassym-Jomart Tokayev told the "
            "summit on Tuesday.\n\nThe President's figures are taken from China's customs statistics.")
    got = {(c.reporter, c.partner, c.flow): c for c in _levels(extract_claims(text))}
    assert set(got) == {("CHN", "CA5", "T"), ("CHN", "KAZ", "T")}  # Kazakhstan's voice, China's statistics
    assert all(c.how["reporter"] == "named-after" and not c.missing for c in got.values())


def test_a_reporter_named_in_the_figures_own_sentence_stays() -> None:
    text = ("Trade between Uzbekistan and Russia came to $9.8 billion in 2023, Uzbekistan's statistics committee said. "
            "The figures are taken from Russia's customs statistics.")
    (c,) = _levels(extract_claims(text, article_date=date(2024, 2, 6)))
    assert c.reporter == "UZB" and c.how["reporter"] != "named-after"


def test_a_figure_of_two_other_countries_is_not_settled() -> None:
    text = ("Trade between Uzbekistan and Russia came to $9.8 billion in 2023. "
            "The figures are taken from China's customs statistics.")
    (c,) = _levels(extract_claims(text, article_date=date(2024, 2, 6)))
    assert c.reporter != "CHN" and c.how["reporter"] != "named-after"


def _unplaced(reporter: str, partner: str, how: str = "unplaced-source") -> Claim:
    c = Claim("c1", "China's exports to Central Asia came to $71.2 billion, up 11%.", 0, 60, reporter, partner, "X",
              "2025", value_usd=71.2e9, value_low=71.15e9, value_high=71.25e9)
    c.slots["reporter"] = 0.0
    c.how = {"reporter": how}
    c.missing = ["reporter"]
    return c


def test_a_figure_under_an_agency_of_no_known_country_is_settled_but_never_flaggable() -> None:
    # "..., the ministry said" where the ministry is either side's: the region as a whole publishes no statistics, so
    # China's exports to it are China's; read at the resolved level, below flaggable
    c = _unplaced("CHN", "CA5")
    assert settle_reporters([c], None) == ["c1"]
    assert c.how["reporter"] == SETTLED_UNNAMED and not c.missing and RESOLVED <= c.slots["reporter"] < FLAGGABLE


def test_figures_before_any_source_is_named_are_settled_the_same_way() -> None:
    c = _unplaced("CHN", "CA5", "none-yet")
    assert settle_reporters([c], None) == ["c1"] and c.slots["reporter"] < FLAGGABLE


def test_a_reporter_read_from_a_named_agency_is_not_the_stores_to_settle() -> None:
    c = _unplaced("CHN", "CA5", "unnamed-source")
    assert settle_reporters([c], None) == [] and c.missing == ["reporter"]


def test_a_figure_settled_so_carries_no_mirror_gap() -> None:
    # a gap between the stored figure it restates and the other side's is no finding on it: nothing says the article
    # quotes that side's statistics
    c = _unplaced("CHN", "CA5", "none-yet")
    settle_reporters([c], None)
    gap = {"rule": "mirror_gap", "status": "conflict", "claims": ["c1"]}
    assert not may_raise(gap, {"c1": c}, {"c1": ["f1"]})
    c.how["reporter"] = "store-match"  # a flow-subject guess settled by the store may carry it (session 12)
    assert may_raise(gap, {"c1": c}, {"c1": ["f1"]})
