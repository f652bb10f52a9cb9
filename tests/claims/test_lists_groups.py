"""Group parties, lists and rankings (issue 16, branch i16-lists): a part of a group ("the other four Central
Asian countries", "its neighbours") is no stored party, so its claim is unresolved and never one country's; a
coordinated list naming all five Central Asian states with one figure, and "the five" without a noun, are the
region. Every sentence here is invented for the test (no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.extract import extract_claims


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, float | None, bool]]:
    return [(c.reporter, c.partner, c.flow, c.value_usd, bool(c.missing)) for c in extract_claims(text)
            if c.kind == "level"]


def test_a_part_of_the_region_is_unresolved_never_one_country() -> None:
    t = ("ASHGABAT, March 3, 2022 – Turkmenistan's trade with the other four Central Asian republics reached "
         "$1.2 billion in 2021, the State Statistics Committee said.")
    got = _levels(t)
    assert len(got) == 1
    _, partner, _, value, missing = got[0]
    assert value == 1.2e9 and missing and partner not in ("CA5", "KAZ", "KGZ", "TJK", "UZB")


def test_its_neighbours_is_a_group_not_the_region() -> None:
    refs = lx.group_parties("Kyrgyzstan's trade with its neighbours grew.",
                            lx.find_countries("Kyrgyzstan's trade with its neighbours grew.", about_central_asia=True))
    assert [r.code for r in refs] == ["KGZ", "GRP"]


def test_all_five_states_listed_with_one_figure_are_the_region() -> None:
    t = ("BEIJING, July 14, 2023 – China's exports to Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
         "Uzbekistan came to $24.1 billion in the first half of 2023, the General Administration of Customs said.")
    got = [(r, p, f, v) for r, p, f, v, miss in _levels(t) if not miss]
    assert got == [("CHN", "CA5", "X", 24.1e9)]


def test_all_five_with_respectively_stay_five_countries() -> None:
    t = "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan grew 1, 2, 3, 4 and 5 percent respectively."
    refs = lx.group_parties(t, lx.find_countries(t, about_central_asia=True))
    assert [r.code for r in refs] == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_the_five_without_a_noun_is_the_region() -> None:
    t = "Exports to Central Asia rose, while imports from the five fell 3 percent."
    refs = lx.group_parties(t, lx.find_countries(t, about_central_asia=True))
    assert [r.code for r in refs] == ["CA5", "CA5"]
    t2 = "Trade grew in each of the five years to 2023."
    assert [r.code for r in lx.group_parties(t2, lx.find_countries(t2, about_central_asia=True))] == []


RANKING = ("BEIJING, January 20, 2022 – China's trade with Central Asia came to $44.6 billion in 2021, the General "
           "Administration of Customs said.\n\n"
           "Kazakhstan stayed the biggest partner in the region, with about $25.3 billion. Uzbekistan, which had "
           "overtaken Kyrgyzstan a year earlier, moved up to second place with $8 billion.")


def test_a_ranking_predicate_before_with_gives_the_figure_its_country() -> None:
    got = {(r, p, f, v) for r, p, f, v, miss in _levels(RANKING) if not miss}
    assert ("CHN", "KAZ", "T", 25.3e9) in got
    assert ("CHN", "UZB", "T", 8e9) in got
    # "the region" after "in" is the ranking's domain, never the figure's party
    assert not any(p == "CA5" and v == 25.3e9 for _, p, _, v in got)


def test_a_share_with_its_part_after_a_colon_and_the_rate_after_it() -> None:
    t = ("BEIJING, January 20, 2022 – China's trade with Central Asia came to $44.6 billion in 2021, the General "
         "Administration of Customs said. Kazakhstan accounted for more than half of the total: $25.3 billion, up "
         "17 percent.")
    lv = next(c for c in extract_claims(t) if c.kind == "level" and c.partner == "KAZ")
    assert lv.value_usd == 25.3e9 and lv.growth_pct == 17.0


def test_a_rate_before_the_next_members_figure_stays_with_its_own() -> None:
    t = ("BEIJING, January 20, 2022 – China's trade with Central Asia came to $44.6 billion in 2021, the General "
         "Administration of Customs said. Kyrgyzstan came next with $7.5 billion, an increase of 160 percent, then "
         "Tajikistan at $1.9 billion.")
    got = {c.partner: c.growth_pct for c in extract_claims(t) if c.kind == "level"}
    assert got.get("KGZ") == 160.0 and got.get("TJK") is None


def test_the_party_of_an_earlier_flow_phrase_is_not_a_later_ones() -> None:
    t = ("DUSHANBE, November 1, 2017 – In January–September 2017, according to the Statistics Agency, trade with "
         "Russia amounted to $620 million and trade with China to $510 million.")
    got = {(r, p, v) for r, p, _, v, miss in _levels(t) if not miss}
    assert got == {("TJK", "RUS", 620e6), ("TJK", "CHN", 510e6)}
