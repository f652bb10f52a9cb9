"""exceeds_gdp never sets a partial-year figure against a whole year's GDP: it annualises, and says so."""

from __future__ import annotations

from mirrortrade.checks import run_checks
from mirrortrade.model import Citation, Observation


def test_half_year_figure_is_annualised(store) -> None:  # type: ignore[no-untyped-def]
    # hand-made: China's exports to Kyrgyzstan of $12bn (printed to the billion) in H1 2025, against the
    # embedded Kyrgyz GDP for 2025 "under $22 billion" (seed 000). As it stands, 11.5/22 = 52% ("notable");
    # annualised (x 12/6) it is [23bn, 25bn], at least 23/22 = 105% of GDP ("implausible").
    o = Observation("CHN", "KGZ", "X", "2025-H1", 12e9, "CN-GACC", precision_usd=1e9,
                    citation=Citation("test", "half-year test"))
    store.ingest_observations([o])
    # the test's own figure only (the embedded data hold other H1 2025 figures, e.g. Kazakhstan's imports from China)
    fs = [f for f in run_checks(store, year=2025)
          if f.rule == "exceeds_gdp" and f.period == "2025-H1" and (f.reporter, f.partner) == ("CHN", "KGZ")]
    assert len(fs) == 1
    f = fs[0]
    assert f.status == "implausible"
    assert f.evidence["annualised"]["months"] == 6
    assert f.evidence["annualised"]["interval"] == [23e9, 25e9]
    assert "annualised" in f.message


def test_two_gdp_publications_of_one_year_choose_the_narrowest_whatever_the_order(store) -> None:  # type: ignore[no-untyped-def]
    # gdp_published.csv holds Uzbekistan's 2024 GDP twice, same vintage: $114.96bn (INVEXI, to the $10M) and
    # "approximately $115 billion" (Pivot): the check uses the narrower one, and the same one on every run
    from mirrortrade.checks.context import CheckContext

    picks = set()
    for _ in range(3):
        fig, note = CheckContext(store).gdp_for("UZB", 2025)
        assert fig is not None and "used 2024" in note
        picks.add((fig.figure_id, fig.value))
    assert len(picks) == 1 and picks.pop()[1] == 114.96e9
