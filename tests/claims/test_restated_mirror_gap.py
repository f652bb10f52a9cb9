"""A claim that restates a stored figure of its own statistics may carry a mirror gap even when its reporter was
read only at the resolved level (issue 16: the verifier held back the gaps of figures given through an official,
though the gap is one between two stored figures). The figures are invented, in a year no embedded source covers."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")

ARTICLE = ("ASTANA, March 3, 2031 – Kazakh Prime Minister Serik Akhmetov discussed trade with Chinese Premier Li Qiang "
           "by video link on Tuesday, the prime minister's press service said.\n\n"
           "Last year, Kazakh-Chinese trade turnover rose 12 percent to $27.0 billion.")


def _stored(store, kazakh: float) -> None:  # type: ignore[no-untyped-def]
    rows = [{"reporter": r, "partner": p, "flow": "T", "period": "2030", "value_usd": v, "precision_usd": 5e7,
             "source_id": s, "publisher": s, "title": "invented release", "vintage": "2031-02-01", "qualifier": "exact"}
            for r, p, v, s in (("KAZ", "CHN", kazakh, "KZ-GOV"), ("CHN", "KAZ", 38.0e9, "CN-GACC"))]
    store.ingest_frame(pd.DataFrame(rows))


def _gaps(res: dict, cid: str) -> list[dict]:
    return [f for f in res["findings"] if f["rule"] == "mirror_gap" and f["status"] in FLAGS
            and cid in (f.get("about_claims") or f["claims"])]


def test_a_restated_figure_carries_the_gap_to_the_other_side(store) -> None:  # type: ignore[no-untyped-def]
    _stored(store, 27.0e9)
    res = check_article(ARTICLE, store)
    (c,) = [c for c in res["claims"] if c["kind"] == "level" or c.get("value_usd")]
    # read only at the resolved level (an official, not an agency): not flaggable by itself
    assert c["slots"]["reporter"] < 0.6
    assert c["status"] == "consistent"
    assert any(f["rule"] == "store_match" for f in res["findings"] if c["id"] in f["claims"])
    gaps = _gaps(res, c["id"])
    assert gaps and "CN-GACC" in gaps[0]["message"] and "KZ-GOV" in gaps[0]["message"]


def test_a_figure_that_restates_nothing_raises_no_gap(store) -> None:  # type: ignore[no-untyped-def]
    # the Kazakh statistics stored at another value: the article's figure stands for no stored figure
    _stored(store, 25.0e9)
    res = check_article(ARTICLE, store)
    (c,) = [c for c in res["claims"] if c.get("value_usd")]
    assert not _gaps(res, c["id"])
    assert c["status"] not in FLAGS
