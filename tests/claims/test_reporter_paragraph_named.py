"""A pair named in no order ("trade between Kyrgyzstan and Mongolia") whose paragraph gives, for another figure of
the same two countries, whose statistics it is (a share "of Mongolia's total foreign trade", a quoted official's
figure): the figure takes that side (provenance ``paragraph-named``, :mod:`mirrortrade.claims.whose`), read as
resolved but never flaggable. The sentences, the countries' figures and the years are invented for the test."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.verify import check_article

_SHARE = ("Trade between Kyrgyzstan and Mongolia reached $412.6 million in 2019, accounting for 4.1 percent of "
          "Mongolia's total foreign trade.")


def _level(res: dict) -> dict:
    (c,) = [c for c in res["claims"] if c.get("value_usd")]
    return c


def test_a_share_of_one_sides_total_gives_the_pairs_figure_that_side(store) -> None:  # type: ignore[no-untyped-def]
    c = _level(check_article(_SHARE, store))
    assert (c["reporter"], c["partner"], c["flow"]) == ("MNG", "KGZ", "T")
    assert c["provenance"]["reporter"] == "paragraph-named"
    assert c["status"] != "unresolved" and 0.5 <= c["slots"]["reporter"] < 0.8


def test_a_side_taken_from_the_paragraph_is_never_flagged(store) -> None:  # type: ignore[no-untyped-def]
    store.ingest_frame(pd.DataFrame([
        {"reporter": "MNG", "partner": "KGZ", "flow": "T", "period": "2019", "value_usd": 530.0e6,
         "source_id": "MN-NSO", "publisher": "MN-NSO", "pub_date": "2020-02-01"}]), file="test-paragraph-named")
    res = check_article(_SHARE, store)
    c = _level(res)
    assert c["reporter"] == "MNG" and c["status"] not in ("conflict", "implausible")
    assert not [f for f in res["findings"] if f.get("status") in ("conflict", "implausible")]


def test_a_figure_of_the_pair_in_another_paragraph_settles_nothing(store) -> None:  # type: ignore[no-untyped-def]
    text = ("Trade between Kyrgyzstan and Mongolia reached $412.6 million in 2019.\n\n"
            "Kyrgyzstan accounted for 4.1 percent of Mongolia's total foreign trade in 2019.")
    c = _level(check_article(text, store))
    assert c["status"] == "unresolved" and "reporter" in c["missing"]
