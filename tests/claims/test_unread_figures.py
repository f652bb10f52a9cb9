"""Figures the checker used not to read at all (issue 16, branch i19-unread): a rate after a falling verb the product
reader already knew ("slipped 12.5 percent"); "imports of American goods into China" (the direction ends what was
traded: no product); a flow word inside an aside between a subject and its predicate ("Russia's trade surplus, built
mostly on oil sales, shrank ..."); a rate of an elliptic flow ("while those from China grew 25.4%"); a second predicate's rate with its own period
("... to $190.3 billion and rose by a further 26.3 percent in 2023"); "it" as the object of a verb whose result is an amount ("the pandemic pulled it down
to $107.76 billion"); and, the other way, a percent a change verb goes "to" is a rate's new level, not a rate of change.

Sentences are ours; the figures are China's customs (GACC) annual country figures: China-US 2019 (exports $418.5
billion, -12.5%; imports $122.7 billion, -20.9%), China-Russia 2019 ($110.75 billion) and 2020 ($107.76 billion),
China-Russia 2024 (imports $129.32 billion, exports $115.49 billion, balance $13.83 billion), China-Kazakhstan 2021
($25.25 billion, +17.6%); Russia's trade with Kazakhstan in 2023 (46% of its Asian CIS trade, almost 50% in 2022) as
RIA Novosti reported it; India's commerce department for January-June 2022 (world imports $361.1 billion, +39.6%;
imports from China +25.4%); China's customs for June 2020 (exports to the US +1%, imports from the US +10.6%, as the
Associated Press reported them); China-Russia trade 2022 ($190.3 billion, +29.3%) and 2023 (+26.3%), GACC."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims

US_2019 = ("BEIJING, Jan 14, 2020 – China's General Administration of Customs released its annual figures on "
           "Tuesday.\n\nChinese exports to the US slipped 12.5 percent to $418.5 billion in 2019, while imports of "
           "American goods into China dropped 20.9 percent to $122.7 billion.")


def _levels(text: str) -> list[tuple[str | None, str | None, str | None, str | None, float | None, float | None]]:
    return [(c.reporter, c.partner, c.flow, c.period, c.value_usd, c.growth_pct) for c in extract_claims(text)
            if c.kind == "level" and not c.missing]


def test_slipped_is_a_fall_of_the_rate() -> None:
    assert ("CHN", "USA", "X", "2019", 418.5e9, -12.5) in _levels(US_2019)


def test_imports_of_goods_into_a_country_are_no_product() -> None:
    assert ("CHN", "USA", "M", "2019", 122.7e9, -20.9) in _levels(US_2019)


def test_flow_word_inside_an_aside_before_the_predicate_is_the_asides() -> None:
    t = ("MOSCOW, Jan 14, 2025 – China's customs said trade with Russia hit a record in 2024.\n\n"
         "China's imports from Russia were virtually flat at $129.32bn, while its exports to Russia rose 4.1% to "
         "$115.49bn. Russia's trade surplus, built mostly on oil sales, shrank 23.8% to $13.83bn.")
    bal = [c for c in extract_claims(t) if c.flow == "B" and not c.missing]
    assert [(c.reporter, c.partner, c.period, c.value_usd) for c in bal] == [("CHN", "RUS", "2024", -13.83e9)]


def test_the_subjects_flow_through_an_aside_of_another_flow_word() -> None:
    t = ("China's trade with Kazakhstan, driven by shipments of oil and copper, rose 17.6 percent to $25.25 billion "
         "in 2021, China's customs said.")
    assert ("CHN", "KAZ", "T", "2021", 25.25e9, 17.6) in _levels(t)


def test_an_aside_opened_by_a_conjunction_is_no_aside() -> None:
    # "and exports of copper" is a coordinated subject of its own, a product's: nothing to read as total trade
    t = "China's trade with Kazakhstan, and exports of copper, rose 17.6 percent to $25.25 billion in 2021."
    assert _levels(t) == []


def test_it_as_the_object_of_a_verb_to_an_amount_is_the_figure_before() -> None:
    t = ("Trade between China and Russia came to $110.75 billion in 2019, China's customs said. In 2020 the "
         "pandemic pulled it down to $107.76 billion.")
    assert ("CHN", "RUS", "T", "2020", 107.76e9, None) in _levels(t)


def test_it_before_to_a_party_is_no_figure() -> None:
    t = ("Trade between China and Russia came to $110.75 billion in 2019, China's customs said. Russia sold it to "
         "China for years.")
    assert [c.value_usd for c in extract_claims(t)] == [110.75e9]


def test_a_percent_a_change_verb_goes_to_is_a_level_not_a_rate() -> None:
    t = ("Russia's trade with Kazakhstan stayed at $26 billion in 2023, RIA Novosti reported, though Kazakhstan's "
         "share slipped to 46% from almost 50% a year earlier.")
    assert all(c.growth_pct is None for c in extract_claims(t))


def _rates(text: str) -> list[tuple[str | None, str | None, str | None, str | None, float | None]]:
    return [(c.reporter, c.partner, c.flow, c.period, c.growth_pct) for c in extract_claims(text)
            if c.kind == "growth" and not c.missing]


def test_a_rate_of_those_from_a_country_is_that_countrys_flow() -> None:
    t = ("India's imports from the world grew 39.6% to $361.1 billion in January-June 2022, the commerce ministry "
         "said, while those from China grew 25.4%.")
    assert _rates(t) == [("IND", "CHN", "M", "2022-H1", 25.4)]


def test_those_to_a_country_after_exports() -> None:
    t = ("China's exports to the world edged up 0.4% in June 2020, China's customs said, while those to the United "
         "States rose 1%.")
    assert ("CHN", "USA", "X", "2020-06", 1.0) in _rates(t)


def test_those_from_after_exports_is_no_elliptic_rate() -> None:
    # "those from" cannot stand for exports: no rate is read for China
    t = ("India's exports to the world grew 39.6% to $361.1 billion in January-June 2022, the commerce ministry "
         "said, while those from China grew 25.4%.")
    assert all(p != "CHN" for _, p, _, _, _ in _rates(t))


def test_a_turned_view_is_no_elliptic_rate() -> None:
    # the first figure is China's exports (Indian imports from China, by China's customs): "those from" would be
    # another reporter's imports, not China's
    t = ("China's customs said Indian imports from China grew 25.4% to $57.5 billion in January-June 2022, while "
         "those from Russia grew 39.6%.")
    assert all(p != "RUS" for _, p, _, _, _ in _rates(t))


RUS_2023 = ("Trade with Russia jumped 29.3 percent in 2022 to $190.3 billion and rose by a further 26.3 percent in 2023, "
            "China's customs said.")


def test_a_second_predicates_rate_is_the_flows_rate_for_its_own_period() -> None:
    assert ("CHN", "RUS", "T", "2023", 26.3) in _rates(RUS_2023)
    assert ("CHN", "RUS", "T", "2022", 190.3e9, 29.3) in _levels(RUS_2023)


def test_a_second_predicate_without_a_period_of_its_own_is_left_unread() -> None:
    t = ("Trade with Russia jumped 29.3 percent in 2022 to $190.3 billion and rose by a further 26.3 percent, "
         "China's customs said.")
    assert all(g != 26.3 for *_, g in _rates(t))


def test_a_second_predicate_naming_a_party_is_no_coordinated_rate() -> None:
    t = ("Trade with Russia jumped 29.3 percent in 2022 to $190.3 billion and Kazakhstan rose by 26.3 percent in 2023, "
         "China's customs said.")
    assert ("CHN", "RUS", "T", "2023", 26.3) not in _rates(t)
