"""A ranking that hands out places in a semicolon list ("The top two places went to China, with $x of trade (y%);
Russia, $z (w%)"): each member takes the figures after it, even where the sentence's own reading gave a later
member's figure to the first member named (the list gives each member at most one level and one share).

Figures: Uzbekistan's State Statistics Agency, January-November 2023, as reported by bne IntelliNews: China $12.23bn
(21.3% of Uzbek trade), Russia $8.86bn (15.5%); Uzbek foreign trade in January-November 2023 $57.3bn is a world
total written for the test's lead; Kazakhstan's $3.9bn, -2%, 6.8% in the second test are invented for its structure."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims

LEAD = "Uzbekistan's foreign trade turnover reached $57.3 billion in January-November 2023, the Statistics Agency said.\n\n"


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def test_places_went_to_each_member_its_own_level_and_share() -> None:
    got = _read(LEAD + "The top two places among partners went to China, with $12.23 billion of trade (21.3 percent); "
                       "and Russia, about $8.86 billion (15.5 percent).")
    for fig, partner, kind in (("$12.23 billion", "CHN", "level"), ("21.3 percent", "CHN", "share"),
                               ("$8.86 billion", "RUS", "level"), ("15.5 percent", "RUS", "share")):
        c = got[fig]
        assert (c.reporter, c.partner, c.flow, c.kind) == ("UZB", partner, "T", kind), fig
        assert not c.missing, fig
    assert got["$8.86 billion"].qualifier == "approx"


def test_a_second_level_of_the_first_member_is_read_by_its_place_in_the_list() -> None:
    # the later member's level carries its own fall, which goes with it to that member
    got = _read(LEAD + "The second and third places went to Russia, with $8.86 billion of trade (a 15.5 percent share); "
                       "and Kazakhstan, $3.9 billion (down 2 percent, 6.8 percent).")
    kaz = got["$3.9 billion"]
    assert (kaz.reporter, kaz.partner, kaz.flow) == ("UZB", "KAZ", "T")
    assert kaz.growth_pct == -2.0
    assert (got["$8.86 billion"].partner, got["6.8 percent"].partner) == ("RUS", "KAZ")


def test_a_list_not_of_places_keeps_its_own_reading() -> None:
    # no ranking words: a pair's trade and its parts, not a list of members
    got = _read(LEAD + "Trade with China came to $12.23 billion, of which exports were $2.27 billion.")
    assert (got["$12.23 billion"].partner, got["$2.27 billion"].partner) == ("CHN", "CHN")


def test_members_after_a_colon_not_the_country_ranked_before_it() -> None:
    # China's customs, 2019: ASEAN $642.7bn (asiarisingtv.com, from the GAC); the EU's $705.1bn is invented here
    got = _read("China's foreign trade grew 3.4 percent in 2019, according to the General Administration of Customs."
                "\n\nAmong China's other trading partners, the United States slipped to third: the EU came first with "
                "$705.1 billion and ASEAN second with $642.7 billion.")
    assert (got["$705.1 billion"].reporter, got["$705.1 billion"].partner) == ("CHN", "EUU")
    assert (got["$642.7 billion"].reporter, got["$642.7 billion"].partner) == ("CHN", "ASN")
