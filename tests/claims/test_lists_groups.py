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


def test_a_group_partner_prints_as_no_partner_in_json() -> None:
    """The group placeholder is the extractor's working code, never a partner code in ``check --json``."""
    t = ("ASHGABAT, March 3, 2022 – Turkmenistan's trade with the other four Central Asian republics reached "
         "$1.2 billion in 2021, the State Statistics Committee said.")
    (c,) = [c for c in extract_claims(t) if c.kind == "level"]
    j = c.to_json()
    assert c.partner == "GRP" and j["partner"] is None and "partner" in j["missing"]
    assert j["reporter"] == "TKM"


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


SHARES = ("TASHKENT, March 1, 2019 – Uzbekistan's foreign trade turnover came to $33.5 billion in 2018, the State "
          "Statistics Committee said.\n\n")


def _shares(text: str) -> set[tuple[str | None, str | None, str | None, float | None]]:
    return {(c.reporter, c.partner, c.flow, c.share_pct) for c in extract_claims(text)
            if c.kind == "share" and not c.missing}


def test_respectively_shares_with_their_whole_after_the_figures() -> None:
    got = _shares(SHARES + "Russia and China hold 17.9 percent and 17.7 percent of the country's total trade, "
                           "respectively.")
    assert {("UZB", "RUS", "T", 17.9), ("UZB", "CHN", "T", 17.7)} <= got


def test_shares_held_by_a_bracketed_list() -> None:
    got = _shares(SHARES + "The largest shares of the turnover were held by Russia (17.9 percent), China (17.7 "
                           "percent) and Kazakhstan (8.4 percent).")
    assert {("UZB", "RUS", "T", 17.9), ("UZB", "CHN", "T", 17.7), ("UZB", "KAZ", "T", 8.4)} <= got


def test_a_share_after_a_comma_then_a_list_of_shares_with_their_levels() -> None:
    t = SHARES + ("Russia accounted for the largest share of the turnover, 17.9 percent or $6 billion, ahead of China "
                  "with 17.7 percent ($5.9 billion).")
    cl = extract_claims(t)
    assert {("UZB", "RUS", "T", 17.9), ("UZB", "CHN", "T", 17.7)} <= _shares(t)
    lv = {c.partner: c.value_usd for c in cl if c.kind == "level" and not c.missing}
    assert lv.get("RUS") == 6e9 and lv.get("CHN") == 5.9e9


def test_a_respectively_list_after_a_bracketed_list_keeps_the_steady_party() -> None:
    t = ("BEIJING, January 20, 2022 – China's trade with Central Asia came to $44.6 billion in 2021, the General "
         "Administration of Customs said. Trade with China grew for Kazakhstan (+$3.8 billion) and Kyrgyzstan "
         "(+$4.6 billion), while Tajikistan and Turkmenistan saw declines of $0.2 billion and $0.4 billion "
         "respectively.")
    got = {(c.reporter, c.partner, c.change_usd) for c in extract_claims(t) if c.change_usd is not None and not c.missing}
    assert {("CHN", "TJK", -0.2e9), ("CHN", "TKM", -0.4e9)} <= got


def test_a_table_written_as_prose_lines_gives_each_line_its_country() -> None:
    t = ("BEIJING, July 14, 2019 – China's trade with Central Asia grew in the first half of 2019, the General "
         "Administration of Customs said.\n\n"
         "For the neighbours of Xinjiang other than Uzbekistan, the data show gains:\n"
         "Kazakhstan – turnover up 11 percent to $10.2 billion; Chinese exports $6.1 billion.\n"
         "Kyrgyzstan – turnover up 9 percent to $3.1 billion.")
    got = {(r, p, f, v) for r, p, f, v, miss in _levels(t) if not miss}
    assert {("CHN", "KAZ", "T", 10.2e9), ("CHN", "KAZ", "X", 6.1e9), ("CHN", "KGZ", "T", 3.1e9)} <= got
    assert not any(p in ("GRP", None) for _, p, _, _ in got)


def test_a_line_break_inside_a_sentence_is_no_cut() -> None:
    from mirrortrade.claims.text import split_sentences
    t = "Trade between the two countries\nreached $5 billion in 2019. It grew."
    assert len(split_sentences(t, 0, len(t))) == 2


def test_the_region_a_ranking_is_drawn_in_is_no_party() -> None:
    t = "Its trade with China grew, and it remains the only country in the region with a surplus."
    assert "CA5" not in [r.code for r in lx.group_parties(t, lx.find_countries(t, about_central_asia=True))]
    t2 = "China's trade with the five countries of Central Asia grew."
    assert "CA5" in [r.code for r in lx.group_parties(t2, lx.find_countries(t2, about_central_asia=True))]
