"""Rankings of one country's partners (:mod:`mirrortrade.claims.rankings`): the country whose partners are ranked is
the reporter, each listed country a partner with its own figure, the flow the list's. Texts and figures invented."""

from __future__ import annotations

from mirrortrade.claims.claim import FLAGGABLE, Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def _frame(c: Claim) -> tuple[str | None, str | None, str | None, str]:
    return c.reporter, c.partner, c.flow, c.kind


def test_share_list_of_imports_owner_from_the_lead_not_the_first_member() -> None:
    text = ("Kyrgyzstan's foreign trade grew 11 percent in 2021 to $9 billion.\n\n"
            "Most purchases came from Kazakhstan (31.2 percent of the total), followed by China (22.5 percent) and "
            "Turkey (6.1 percent).")
    got = _read(text)
    assert _frame(got["31.2 percent"]) == ("KGZ", "KAZ", "M", "share")
    assert _frame(got["22.5 percent"]) == ("KGZ", "CHN", "M", "share")
    assert _frame(got["6.1 percent"]) == ("KGZ", "TUR", "M", "share")
    assert all(not got[f].missing for f in ("31.2 percent", "22.5 percent", "6.1 percent"))


def test_export_side_ahead_of_with_each_member_its_own_share() -> None:
    text = ("Armenia's exports rose to $5.4 billion last year.\n\n"
            "On the export side, Switzerland took the largest share, 24 percent, ahead of Russia with 18.5 percent, "
            "the UAE with 9 percent and Iraq with 3.2 percent.")
    got = _read(text)
    assert [(_frame(got[f])[:3]) for f in ("24 percent", "18.5 percent", "9 percent", "3.2 percent")] == [
        ("ARM", "CHE", "X"), ("ARM", "RUS", "X"), ("ARM", "ARE", "X"), ("ARM", "IRQ", "X")]


def test_owner_named_in_the_sentence_as_its_main_partner() -> None:
    got = _read("Mongolia traded with 150 countries in 2022. On the import side, Russia was Mongolia's main partner with "
                "28 percent, followed by Japan with 8.1 percent.")
    assert _frame(got["28 percent"]) == ("MNG", "RUS", "M", "share")
    assert _frame(got["8.1 percent"]) == ("MNG", "JPN", "M", "share")


def test_levels_of_the_owners_goods_and_a_ranking_that_goes_on() -> None:
    text = ("Georgia's exports climbed to $5.6 billion in 2022.\n\n"
            "According to the exporters' association, Turkey took the most Georgian goods in 2022, $700 million. "
            "It was followed by Azerbaijan with $500 million and Armenia with $450 million.")
    got = _read(text)
    assert [_frame(got[f])[:3] for f in ("$700 million", "$500 million", "$450 million")] == [
        ("GEO", "TUR", "X"), ("GEO", "AZE", "X"), ("GEO", "ARM", "X")]
    assert all(not got[f].missing for f in ("$700 million", "$500 million", "$450 million"))


def test_balance_list_each_member_its_own_surplus() -> None:
    got = _read("Kazakhstan's foreign trade turnover reached $130 billion in 2023.\n\n"
                "Kazakhstan ran a trade surplus with four partners: Italy ($9.1 billion), the Netherlands ($5.2 billion), "
                "France ($3.3 billion) and Uzbekistan ($1.1 billion).")
    assert [(got[f].partner, got[f].flow, got[f].value_usd) for f in ("$9.1 billion", "$5.2 billion", "$1.1 billion")] == [
        ("ITA", "B", 9.1e9), ("NLD", "B", 5.2e9), ("UZB", "B", 1.1e9)]
    assert {got[f].reporter for f in got} == {"KAZ"}


def test_no_statistics_named_is_shown_and_verified_but_never_flagged() -> None:
    got = _read("Tajikistan's foreign trade grew in 2021.\n\nMost exports went to Switzerland (40 percent), "
                "followed by Turkey (15 percent).")
    c = got["40 percent"]
    assert c.reporter == "TJK" and c.resolved and c.how["reporter"] == "ranking-owner"
    assert c.confidence < FLAGGABLE


def test_owner_not_named_stays_unresolved() -> None:
    # nothing says whose partners these are: the first member is no reporter
    got = _read("Trade in the region grew fast.\n\nChina accounted for the largest share of turnover (19 percent), "
                "followed by Russia (14 percent) and Iran (5 percent).")
    assert all(c.missing for c in got.values() if c.kind == "share")


def test_partner_statistics_leave_the_ranking_alone() -> None:
    # the figures are each partner's own statistics: Russia (whose partners are ranked) is not their reporter
    got = _read("Russia's trade with the Caucasus rose in 2022, according to an agency's calculations based on national "
                "statistics.\n\nArmenia became Russia's largest partner in the region, with turnover of $5 billion.")
    assert got["$5 billion"].reporter != "RUS" or got["$5 billion"].missing


def test_a_country_compared_with_is_no_member() -> None:
    got = _read("Uzbekistan's foreign trade reached $60 billion in 2023.\n\n"
                "Kazakhstan ranked third in turnover, behind Russia, with $2.9 billion.")
    assert _frame(got["$2.9 billion"]) == ("UZB", "KAZ", "T", "level")


def test_a_member_compared_with_keeps_its_own_figure() -> None:
    got = _read("Uzbekistan's foreign trade reached $60 billion in 2023.\n\n"
                "Most exports went to Russia (21 percent), ahead of Kazakhstan (11 percent).")
    assert _frame(got["11 percent"]) == ("UZB", "KAZ", "X", "share")
