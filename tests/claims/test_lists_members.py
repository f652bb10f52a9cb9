"""List members each followed by their own figure (issue 16, branch i16-members): "A ($x), B ($y) and C ($z)",
"A with $x, B with $y", "A: $x; B: $y" — each figure's partner is the member right before it, never an earlier
member carried on, also when the statistics agency is named (the reporter read surely). Every sentence here is
invented for the test (no store, no network)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, float | None]]:
    return [(c.reporter, c.partner, c.flow, c.value_usd) for c in extract_claims(text)
            if c.kind == "level" and not c.missing]


def test_balance_members_in_brackets_each_take_their_own_partner() -> None:
    t = ("ASTANA, March 9, 2024 – Kazakhstan posted trade surpluses with five partners in 2023, the Bureau of "
         "National Statistics of Kazakhstan reported: Italy ($3.9 billion), the Netherlands ($2.6 billion), France "
         "($1.4 billion), Spain ($0.6 billion) and Greece ($0.2 billion).")
    assert _levels(t) == [("KAZ", "ITA", "B", 3.9e9), ("KAZ", "NLD", "B", 2.6e9), ("KAZ", "FRA", "B", 1.4e9),
                          ("KAZ", "ESP", "B", 0.6e9), ("KAZ", "GRC", "B", 0.2e9)]


def test_balance_with_its_holder_named_changes_partner_along_the_list() -> None:
    t = ("HANOI, January 15, 2024 – Vietnam's General Statistics Office said Vietnam's trade surplus in 2023 was "
         "spread over several markets: the United States ($83.0 billion), the Netherlands ($10.1 billion) and India "
         "($5.2 billion).")
    assert [p for _, p, _, _ in _levels(t)] == ["USA", "NLD", "IND"]
    assert {r for r, _, _, _ in _levels(t)} == {"VNM"}


def test_balance_members_with_with_keep_the_reporter_not_the_first_member() -> None:
    """"surpluses with Italy with $x, the Netherlands with $y": the pair's party that stays is the holder, not the
    member the first figure had."""
    t = ("ASTANA, March 9, 2024 – According to Kazakhstan's Bureau of National Statistics, Kazakhstan had its "
         "largest trade surpluses in 2023 with Italy with $3.9 billion, the Netherlands with $2.6 billion and France "
         "with $1.4 billion.")
    assert _levels(t) == [("KAZ", "ITA", "B", 3.9e9), ("KAZ", "NLD", "B", 2.6e9), ("KAZ", "FRA", "B", 1.4e9)]


def test_balance_members_after_colons_and_semicolons() -> None:
    t = ("TASHKENT, June 1, 2023 – According to Uzbekistan's State Committee on Statistics, Uzbekistan's trade "
         "deficits in 2022 were largest with China: $3.2 billion; Russia: $2.7 billion; Korea: $1.1 billion.")
    got = _levels(t)
    assert [p for _, p, _, _ in got] == ["CHN", "RUS", "KOR"]
    assert [v for _, _, _, v in got] == [-3.2e9, -2.7e9, -1.1e9]


def test_unnamed_balance_holder_list_after_colon() -> None:
    t = ("DUSHANBE, February 20, 2024 – Tajikistan's Agency on Statistics said the country ran trade deficits in "
         "2023 with three neighbours: Kazakhstan: $610 million; Uzbekistan: $240 million; Kyrgyzstan: $35 million.")
    got = [(p, v) for _, p, f, v in _levels(t) if f == "B"]
    # never one member's figure given to another: each resolved figure is its own member's
    assert got == [("KAZ", -6.1e8), ("UZB", -2.4e8), ("KGZ", -3.5e7)]


def test_turnover_members_in_brackets() -> None:
    t = ("HANOI, January 15, 2024 – Vietnam's General Statistics Office said Vietnam's trade in 2023 was led by "
         "three partners: China ($171.2 billion), the United States ($110.8 billion) and South Korea ($76.1 "
         "billion).")
    assert _levels(t) == [("VNM", "CHN", "T", 171.2e9), ("VNM", "USA", "T", 110.8e9), ("VNM", "KOR", "T", 76.1e9)]


def test_export_members_with_with_and_dashes() -> None:
    t = ("BISHKEK, May 5, 2023 – According to Kyrgyzstan's National Statistical Committee, in 2022 Kyrgyzstan's "
         "exports went mainly to Kazakhstan with $512 million, Russia with $388 million and Turkey with $121 million.")
    assert _levels(t) == [("KGZ", "KAZ", "X", 5.12e8), ("KGZ", "RUS", "X", 3.88e8), ("KGZ", "TUR", "X", 1.21e8)]
    t2 = ("BISHKEK, May 5, 2023 – According to Kyrgyzstan's National Statistical Committee, Kyrgyzstan's imports in "
          "2022 came mainly from China – $2.1 billion, Russia – $1.9 billion, and Kazakhstan – $0.8 billion.")
    assert [p for _, p, _, _ in _levels(t2)] == ["CHN", "RUS", "KAZ"]
