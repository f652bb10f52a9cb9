"""A growth rate whose reporter the text does not name (only the flow's subject orders the two countries) is settled
by the store as a level is (:mod:`mirrortrade.claims.whose`): each side's rate is computed from its stored levels of
the period and the same span a year before (or read from a rate it published), and the claim takes the one side
whose rate its printed rounding overlaps. Countries, years and figures are invented for the test (no embedded source
covers 2033-2034); a settled rate restates the store and is never flagged."""

from __future__ import annotations

from datetime import date

import pandas as pd

from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")
_AGENCY = {"KGZ": "KG-NSC", "MNG": "MN-NSO", "TJK": "TJ-STAT", "CHN": "CN-GACC"}


def _ingest(store, rows: list[tuple], growth: dict | None = None) -> None:  # type: ignore[no-untyped-def]
    """``rows`` of (reporter, partner, flow, period, USD); ``growth`` the published rates by reporter."""
    store.ingest_frame(pd.DataFrame([
        {"reporter": r, "partner": p, "flow": f, "period": per, "value_usd": v, "precision_usd": 1e6,
         "source_id": _AGENCY[r], "publisher": _AGENCY[r], "pub_date": "2035-02-01",
         **({"growth_pct": (growth or {})[r], "growth_precision": 0.1} if r in (growth or {}) else {})}
        for r, p, f, per, v in rows]), file="test-whose-rates")


def _rates(res: dict) -> list[dict]:
    return [c for c in res["claims"] if c.get("growth_pct") is not None]


def _no_flags(res: dict) -> bool:
    return not [f for f in res["findings"] if f.get("status") in FLAGS] and \
        not [c for c in res["claims"] if c["status"] in FLAGS]


def test_a_rate_alone_takes_the_side_whose_stored_levels_give_it(store) -> None:  # type: ignore[no-untyped-def]
    # Mongolia's side: 400 -> 480 (+20%); Kyrgyzstan's side: 350 -> 371 (+6%)
    _ingest(store, [("MNG", "KGZ", "T", "2033", 400e6), ("MNG", "KGZ", "T", "2034", 480e6),
                    ("KGZ", "MNG", "T", "2033", 350e6), ("KGZ", "MNG", "T", "2034", 371e6)])
    res = check_article("Trade between Kyrgyzstan and Mongolia grew 20 percent in 2034, analysts noted.", store,
                        article_date=date(2035, 3, 1))
    (c,) = _rates(res)
    assert (c["reporter"], c["partner"], c["flow"]) == ("MNG", "KGZ", "T")
    assert c["provenance"]["reporter"] == "store-match"
    assert c["status"] != "unresolved"
    assert _no_flags(res)


def test_a_rate_beside_a_wrong_level_is_settled_but_never_flagged(store) -> None:  # type: ignore[no-untyped-def]
    # the level ($9.9 billion) is nobody's; the rate (+25%) is Tajikistan's exports + imports, 2033 -> 2034
    _ingest(store, [("TJK", "CHN", "X", "2033", 300e6), ("TJK", "CHN", "M", "2033", 1500e6),
                    ("TJK", "CHN", "X", "2034", 350e6), ("TJK", "CHN", "M", "2034", 1900e6),
                    ("CHN", "TJK", "T", "2033", 2000e6), ("CHN", "TJK", "T", "2034", 2100e6)])
    res = check_article("In 2034 China–Tajikistan trade amounted to $9.9 billion, up 25 percent on the year before.",
                        store, article_date=date(2035, 3, 1))
    (c,) = _rates(res)
    assert (c["reporter"], c["partner"]) == ("TJK", "CHN")
    assert c["provenance"]["reporter"] == "store-match"
    assert _no_flags(res)


def test_a_published_rate_settles_a_falling_trade(store) -> None:  # type: ignore[no-untyped-def]
    # only China publishes a rate (-7.4%) and no level of 2033; Kyrgyzstan's levels fall 2%
    _ingest(store, [("CHN", "KGZ", "T", "2034", 5000e6), ("KGZ", "CHN", "T", "2033", 2000e6),
                    ("KGZ", "CHN", "T", "2034", 1960e6)], growth={"CHN": -7.4})
    res = check_article("Kyrgyzstan–China trade fell 7.4% in 2034.", store, article_date=date(2035, 3, 1))
    (c,) = _rates(res)
    assert (c["reporter"], c["partner"]) == ("CHN", "KGZ")


def test_a_rate_both_sides_give_stays_unresolved(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store, [("MNG", "KGZ", "T", "2033", 400e6), ("MNG", "KGZ", "T", "2034", 440e6),
                    ("KGZ", "MNG", "T", "2033", 300e6), ("KGZ", "MNG", "T", "2034", 331e6)])
    res = check_article("Kyrgyz-Mongolian trade increased by about 10 percent in 2034.", store,
                        article_date=date(2035, 3, 1))
    (c,) = _rates(res)
    assert c["status"] == "unresolved" and "reporter" in c["missing"]


def test_a_rate_neither_side_gives_stays_unresolved_and_unflagged(store) -> None:  # type: ignore[no-untyped-def]
    _ingest(store, [("MNG", "KGZ", "T", "2033", 400e6), ("MNG", "KGZ", "T", "2034", 440e6),
                    ("KGZ", "MNG", "T", "2033", 300e6), ("KGZ", "MNG", "T", "2034", 390e6)])
    res = check_article("Trade between Mongolia and Kyrgyzstan jumped 63.5 percent in 2034.", store,
                        article_date=date(2035, 3, 1))
    (c,) = _rates(res)
    assert c["status"] == "unresolved" and "reporter" in c["missing"]
    assert _no_flags(res)
