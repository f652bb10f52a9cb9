"""Flows, kinds and periods of rankings and comparison bases (issue 16, branch i16-slots): a bare percent
bracketed with a partner's level is that partner's share ("Russia was second at $230 million (19.5 percent)"),
never flaggable since its whole is not named, and no schema share when the ranking is within a region's total;
a verbless ranking continues the flow of the partner figure just given in its paragraph; the "from" level of
"fell to $A from $B" over a year or the months to date is the same span a year before. Every sentence here is
invented for the test (no store, no network)."""

from __future__ import annotations

from mirrortrade.claims.claim import FLAGGABLE
from mirrortrade.claims.extract import extract_claims

EXPORTS = ("ASTANA, May 2, 2019 – Kazakhstan's foreign trade came to $9.1 billion in January–March 2019, the "
           "Statistics Committee said.\n\n"
           "Italy was the largest buyer of Kazakh goods with $1.25 billion, or 25.3 percent of exports. China was "
           "second at $610 million (12.4 percent), followed by Russia ($455.2 million, 9.2 percent) and Turkey "
           "($88.6 million).")


def test_bracketed_percent_after_a_partner_level_is_its_share() -> None:
    shares = [(c.reporter, c.partner, c.flow, c.period, c.share_pct) for c in extract_claims(EXPORTS)
              if c.kind == "share" and not c.missing]
    assert ("KAZ", "CHN", "X", "2019-Q1", 12.4) in shares
    assert ("KAZ", "RUS", "X", "2019-Q1", 9.2) in shares


def test_bracketed_share_is_never_flaggable() -> None:
    s = next(c for c in extract_claims(EXPORTS) if c.kind == "share" and c.partner == "CHN")
    assert s.resolved and not s.flaggable and s.slots["kind"] < FLAGGABLE


def test_verbless_ranking_continues_the_partner_figure_of_its_paragraph() -> None:
    # the ranking is of exports (the figure before it), not of the turnover the lead gave
    levels = {c.partner: c.flow for c in extract_claims(EXPORTS) if c.kind == "level" and not c.missing}
    assert levels.get("CHN") == "X" and levels.get("TUR") == "X"


def test_bracketed_change_is_no_share() -> None:
    t = ("BISHKEK, May 2, 2019 – Kyrgyzstan's foreign trade came to $1.3 billion in January–March 2019, the "
         "National Statistical Committee said. Russia led with $410.2 million, followed by China ($210.5 million, "
         "+8.1 percent) and Kazakhstan ($190.3 million, 4.6 percent more).")
    assert not [c for c in extract_claims(t) if c.kind == "share"]


def test_ranking_within_a_region_total_gives_no_share() -> None:
    t = ("BEIJING, January 20, 2020 – China's trade with Central Asia reached $46.3 billion in 2019, China's "
         "customs said. Kazakhstan led with $22 billion, followed by Turkmenistan ($9.1 billion, 19.7 percent) "
         "and Uzbekistan ($7.2 billion, 15.6 percent).")
    assert not [c for c in extract_claims(t) if c.kind == "share" and c.partner in ("TKM", "UZB")]


def test_from_level_of_a_year_to_date_is_the_same_span_a_year_before() -> None:
    t = ("ISLAMABAD, July 20, 2020. In fiscal year 2019-20, Pakistan's exports to China declined to $1.51 billion "
         "from $1.74 billion, the Ministry of Commerce of Pakistan said.")
    rows = {c.text: (c.period, c.missing, c.flaggable) for c in extract_claims(t) if c.kind == "level"}
    assert rows["$1.51 billion"][:2] == ("2019-07/2020-06", [])
    # derived, not printed: shown and corroborated, never flagged
    assert rows["$1.74 billion"] == ("2018-07/2019-06", [], False)


def test_from_level_of_one_month_without_its_rate_is_unresolved() -> None:
    # a month may be compared with the month before: the "from" level's period is not said
    t = ("ISLAMABAD, August 21, 2023. Pakistan's exports to China fell to $160.5 million in July 2023 from "
         "$183.4 million, the Ministry of Commerce of Pakistan said.")
    base = next(c for c in extract_claims(t) if c.text == "$183.4 million")
    assert "period" in base.missing


def test_dateline_with_its_year_in_brackets_is_no_data_period() -> None:
    # "Beijing, Mar 8 (2019):" is when the article was written: the figure's period is the two months, and the
    # next paragraph goes on about them, not about the whole year
    t = ("Beijing, Mar 8 (2019): Trade between China and Kazakhstan rose 3.1 percent year on year to $2.21 billion "
         "in the first two months of 2019, China's customs said.\n\n"
         "Chinese exports to Kazakhstan grew 5.2 percent to $1.32 billion.")
    periods = {c.text: (c.period, c.missing) for c in extract_claims(t) if c.kind == "level"}
    assert periods["$2.21 billion"] == ("2019-01/2019-02", [])
    assert periods["$1.32 billion"] == ("2019-01/2019-02", [])
