"""One country's trade with several partners, compiled "from national statistics" by someone who is no statistics
office: each figure is the partner's own statistics (provenance ``partner-statistics``,
:mod:`mirrortrade.claims.partner_statistics`), read as resolved but never flaggable. The sentences are written for
the test; the 2023 figures (Armenia $7.3 billion, Kyrgyzstan $2.9 billion, down 17%, Tajikistan $1.7 billion) are
RIA Novosti's calculations from the partner countries' national statistics (March 2024); Russia's 2023 trade with
Africa, $24.5 billion, is Foreign Minister Sergei Lavrov's figure (Russia-Africa Partnership Forum, November 2024)."""

from __future__ import annotations

import pandas as pd
import pytest

from mirrortrade.claims.partner_statistics import compiled_from_national
from mirrortrade.claims.verify import check_article

_LEAD = ("Russia's trade with its Asian neighbours reached a record in 2023, according to RIA Novosti calculations "
         "based on national statistics.\n\n")
_BODY = ("Trade between Russia and Armenia rose to $7.3 billion in 2023. "
         "Trade between Kyrgyzstan and Russia fell 17% to $2.9 billion in 2023. "
         "Trade between Tajikistan and Russia reached $1.7 billion in 2023.")


def _levels(res: dict) -> dict[float, dict]:
    return {c["value_usd"]: c for c in res["claims"] if c.get("value_usd")}


def test_each_partner_of_the_hub_is_read_from_its_own_statistics(store) -> None:  # type: ignore[no-untyped-def]
    got = _levels(check_article(_LEAD + _BODY, store))
    want = {7.3e9: "ARM", 2.9e9: "KGZ", 1.7e9: "TJK"}
    for value, side in want.items():
        c = got[value]
        assert (c["reporter"], c["partner"], c["flow"], c["period"]) == (side, "RUS", "T", "2023")
        assert c["provenance"]["reporter"] == "partner-statistics"
        assert c["status"] != "unresolved" and 0.5 <= c["slots"]["reporter"] < 0.6


def test_without_the_statement_the_guesses_stay_unresolved(store) -> None:  # type: ignore[no-untyped-def]
    got = _levels(check_article(_BODY, store))
    assert all(c["status"] == "unresolved" and "reporter" in c["missing"] for c in got.values())


def test_a_single_pair_says_nothing_of_whose_national_statistics(store) -> None:  # type: ignore[no-untyped-def]
    text = _LEAD + "Trade between Kyrgyzstan and Russia fell 17% to $2.9 billion in 2023."
    (c,) = _levels(check_article(text, store)).values()
    assert c["status"] == "unresolved" and "reporter" in c["missing"]


def test_a_figure_read_from_the_partners_statistics_is_never_flagged(store) -> None:  # type: ignore[no-untyped-def]
    store.ingest_frame(pd.DataFrame([
        {"reporter": "ARM", "partner": "RUS", "flow": "T", "period": "2023", "value_usd": 9.9e9,
         "source_id": "AM-STAT", "publisher": "AM-STAT", "pub_date": "2024-02-15"}]), file="test-partner-statistics")
    res = check_article(_LEAD + _BODY, store)
    c = _levels(res)[7.3e9]
    assert c["reporter"] == "ARM" and c["status"] not in ("conflict", "implausible")
    assert not [f for f in res["findings"] if f.get("status") in ("conflict", "implausible")]


_AFRICA = "Trade between Russia and African countries reached $24.5 billion in 2023."


def test_a_bloc_has_no_national_statistics_of_its_own(store) -> None:  # type: ignore[no-untyped-def]
    # the countries are read from their own statistics; the continent is no reporter and stays the guess it was
    got = _levels(check_article(_LEAD + _BODY + " " + _AFRICA, store))
    assert [got[v]["reporter"] for v in (7.3e9, 2.9e9, 1.7e9)] == ["ARM", "KGZ", "TJK"]
    c = got[24.5e9]
    assert c["partner"] == "AFR" and c["reporter"] != "AFR"
    assert c["status"] == "unresolved" and "reporter" in c["missing"]


def test_one_country_and_a_bloc_are_a_single_pair(store) -> None:  # type: ignore[no-untyped-def]
    # a bloc is no second partner with statistics of its own: Armenia's figure alone says nothing of whose they are
    got = _levels(check_article(_LEAD + "Trade between Russia and Armenia rose to $7.3 billion in 2023. " + _AFRICA,
                                store))
    assert {c["reporter"] for c in got.values()} <= {"RUS", "ARM"} and "AFR" not in {c["reporter"] for c in got.values()}
    assert all(c["status"] == "unresolved" and "reporter" in c["missing"] for c in got.values())


@pytest.mark.parametrize(("text", "said"), [
    ("according to RIA Novosti calculations based on national statistics", True),
    ("RIA Novosti's analysis of data from national statistical services shows", True),
    ("figures compiled from the national statistics of the countries", True),
    ("according to calculations based on Kazakhstan's national statistics", False),
    ("an analysis of data from the Bureau of National Statistics", False),
    ("calculations based on national statistics of Kazakhstan", False),
    ("the national statistics committee reported", False),
])
def test_the_statement_is_national_statistics_no_country_owns(text: str, said: bool) -> None:
    assert compiled_from_national(text) is said
