"""Whose statistics a figure is when the article names no agency, source or official anywhere (the reporter slot on
unseen text, :mod:`mirrortrade.claims.whose`). The sentences, countries' figures and years are invented for the test:
the order a writer names two countries in ("trade between Kyrgyzstan and Mongolia") is no evidence of whose figure
it is, so the reporter is settled by the one side's stored series the figure matches, or left unresolved."""

from __future__ import annotations

from datetime import date

import pandas as pd

from mirrortrade.claims.verify import check_article

_TURNOVER = "Trade between Kyrgyzstan and Mongolia reached $412.6 million in 2019, officials in both capitals noted."


def _ingest(store, rows: list[tuple[str, str, str, float]]) -> None:  # type: ignore[no-untyped-def]
    agency = {"KGZ": "KG-NSC", "MNG": "MN-NSO"}
    store.ingest_frame(pd.DataFrame([
        {"reporter": r, "partner": p, "flow": f, "period": "2019", "value_usd": v, "source_id": agency[r],
         "publisher": agency[r], "pub_date": "2020-02-01"} for r, p, f, v in rows]), file="test-unnamed")


def _levels(res: dict) -> list[dict]:
    return [c for c in res["claims"] if c.get("value_usd")]


def test_the_side_whose_stored_series_the_figure_matches_is_the_reporter(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store, [("MNG", "KGZ", "T", 412.6e6), ("KGZ", "MNG", "T", 371.0e6)])
    (c,) = _levels(check_article(_TURNOVER, store))
    assert (c["reporter"], c["partner"], c["flow"]) == ("MNG", "KGZ", "T")
    assert c["provenance"]["reporter"] == "store-match"
    assert c["status"] == "consistent"


def test_a_turnover_matches_the_same_statistics_exports_plus_imports(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store, [("MNG", "KGZ", "X", 150.1e6), ("MNG", "KGZ", "M", 262.5e6), ("KGZ", "MNG", "T", 371.0e6)])
    (c,) = _levels(check_article(_TURNOVER, store))
    assert (c["reporter"], c["partner"]) == ("MNG", "KGZ")


def test_no_side_stored_leaves_the_reporter_unresolved(store) -> None:  # type: ignore[no-untyped-def]
    (c,) = _levels(check_article(_TURNOVER, store))
    assert c["status"] == "unresolved" and "reporter" in c["missing"]


def test_a_figure_matching_neither_side_is_never_flagged(store) -> None:  # type: ignore[no-untyped-def]
    # the subject's side (Kyrgyzstan) has another figure: reading it as Kyrgyzstan's would flag a figure that may
    # well be correct in statistics the article does not name
    _ingest(store, [("KGZ", "MNG", "T", 500.0e6), ("MNG", "KGZ", "T", 530.0e6)])
    res = check_article(_TURNOVER, store)
    (c,) = _levels(res)
    assert c["status"] == "unresolved" and "reporter" in c["missing"]
    assert not [f for f in res["findings"] if f.get("status") in ("conflict", "implausible")]


def test_the_paragraphs_other_figures_of_the_pair_follow_the_settled_one(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store, [("MNG", "KGZ", "T", 412.6e6)])
    text = ("Trade between Kyrgyzstan and Mongolia reached $412.6 million in 2019. In January–March 2020 trade "
            "between the two countries rose 12 percent to $130.1 million.")
    claims = _levels(check_article(text, store, article_date=date(2020, 5, 1)))
    assert [(c["reporter"], c["partner"]) for c in claims] == [("MNG", "KGZ"), ("MNG", "KGZ")]
    assert claims[1]["provenance"]["reporter"] == "paragraph-settled"


def test_an_exporter_named_in_the_flow_phrase_stays_the_reporter(store) -> None:  # type: ignore[no-untyped-def]
    (c,) = _levels(check_article("Kyrgyz exports to Mongolia rose to $98.4 million in 2019.", store))
    assert (c["reporter"], c["partner"], c["flow"]) == ("KGZ", "MNG", "X")
    assert c["status"] != "unresolved"


def test_a_countrys_trade_with_the_region_is_the_countrys(store) -> None:  # type: ignore[no-untyped-def]
    text = ("China's trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan came to $91.2 billion "
            "in 2019.")
    (c,) = _levels(check_article(text, store))
    assert (c["reporter"], c["partner"]) == ("CHN", "CA5") and c["status"] != "unresolved"
