"""A failed joint identity of growth rates (turnover, exports and imports each "up N percent") marks only the rates
it cannot clear: a turnover whose level restates its own source's stored figure and whose rate those stored levels
confirm is quoted correctly, and the error lies among the other rates (issue 16, the cascade: a wrong import figure
made the correct total look wrong). The figures are invented, in a year no embedded source covers."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.verify import check_article

FLAGS = ("conflict", "implausible")

# stored (invented, CN-GACC): 2030 exports 5.0, imports 4.09; 2031 exports 6.0, imports 4.0 (turnover 9.09 -> 10.0,
# +10%); the article prints the imports wrong ($3.5bn, up 5 percent)
ARTICLE = ("China's customs said trade with Mongolia reached $10.0 billion in 2031, up 10 percent. Exports to Mongolia "
           "rose 20 percent to $6.0 billion, while imports from Mongolia grew 5 percent to $3.5 billion.")


def _stored(store) -> None:  # type: ignore[no-untyped-def]
    rows = [{"reporter": "CHN", "partner": "MNG", "flow": f, "period": p, "value_usd": v, "precision_usd": 1e7,
             "source_id": "CN-GACC", "publisher": "GACC", "title": "invented release", "vintage": "2032-01-20",
             "qualifier": "exact"}
            for f, p, v in (("X", "2030", 5.0e9), ("M", "2030", 4.09e9), ("T", "2030", 9.09e9),
                            ("X", "2031", 6.0e9), ("M", "2031", 4.0e9), ("T", "2031", 10.0e9))]
    store.ingest_frame(pd.DataFrame(rows))


def test_a_confirmed_total_is_not_blamed_for_a_wrong_part(store) -> None:  # type: ignore[no-untyped-def]
    _stored(store)
    res = check_article(ARTICLE, store)
    by_value = {c["value_usd"]: c for c in res["claims"] if c["kind"] == "level"}
    total, exports, imports = by_value[10.0e9], by_value[6.0e9], by_value[3.5e9]
    assert (total["flow"], exports["flow"], imports["flow"]) == ("T", "X", "M")
    # the identity does fail, and is reported beside the claims
    joint = [f for f in res["findings"] if f["rule"] == "growth_consistency" and f["status"] == "conflict"
             and str(f["evidence"].get("key", "")).startswith("joint:")]
    assert joint and total["id"] in joint[0]["claims"]
    # but only the misquoted imports are marked wrong
    assert imports["status"] in FLAGS
    assert total["status"] == "consistent"
    assert exports["status"] == "consistent"


def test_an_unconfirmed_total_is_still_marked(store) -> None:  # type: ignore[no-untyped-def]
    """Without the stored levels nothing clears the total: the failed identity marks it, as before."""
    res = check_article(ARTICLE, store)
    (total,) = [c for c in res["claims"] if c["value_usd"] == 10.0e9]
    assert total["status"] == "conflict"



# stored (invented, KG-NSC): 2033 trade with Mongolia $80M -20.0%, exports $50M -25.0%, imports $30M -10.0%, each
# level published with its rate and no 2032 level stored; the article prints the export rate wrong ("down 35 percent")
RATES_ARTICLE = ("Kyrgyzstan's National Statistical Committee said trade with Mongolia fell 20 percent in 2033 to "
                 "$80 million. Exports to Mongolia were $50 million, down 35 percent, while imports from Mongolia fell "
                 "10 percent to $30 million.")


def _stored_with_rates(store) -> None:  # type: ignore[no-untyped-def]
    rows = [{"reporter": "KGZ", "partner": "MNG", "flow": f, "period": "2033", "value_usd": v, "precision_usd": 1e6,
             "growth_pct": g, "growth_precision": 0.1, "source_id": "KG-NSC", "publisher": "NSC",
             "title": "invented release with rates", "vintage": "2034-02-20", "qualifier": "exact"}
            for f, v, g in (("T", 80e6, -20.0), ("X", 50e6, -25.0), ("M", 30e6, -10.0))]
    store.ingest_frame(pd.DataFrame(rows))


def test_rates_restating_stored_rates_are_not_blamed(store) -> None:  # type: ignore[no-untyped-def]
    """A level and rate that both restate a stored figure of their statistics are quoted correctly: the failed joint
    identity is the misquoted export rate's alone (heldout15/01, dev/440)."""
    _stored_with_rates(store)
    res = check_article(RATES_ARTICLE, store)
    by_value = {c["value_usd"]: c for c in res["claims"] if c["kind"] == "level"}
    total, exports, imports = by_value[80e6], by_value[50e6], by_value[30e6]
    assert (total["flow"], exports["flow"], imports["flow"]) == ("T", "X", "M")
    assert (total["growth_pct"], exports["growth_pct"], imports["growth_pct"]) == (-20.0, -35.0, -10.0)
    joint = [f for f in res["findings"] if f["rule"] == "growth_consistency" and f["status"] == "conflict"
             and str(f["evidence"].get("key", "")).startswith("joint:")]
    assert joint and total["id"] in joint[0]["claims"]
    assert exports["status"] in FLAGS  # its rate is not the stored one
    assert total["status"] == "consistent"
    assert imports["status"] == "consistent"


def test_a_rate_off_its_stored_rate_is_still_marked(store) -> None:  # type: ignore[no-untyped-def]
    """The turnover's rate printed 2 points off its stored rate (beyond rounding and a revision) clears nothing."""
    _stored_with_rates(store)
    res = check_article(RATES_ARTICLE.replace("fell 20 percent", "fell 22 percent"), store)
    (total,) = [c for c in res["claims"] if c["value_usd"] == 80e6]
    assert total["status"] == "conflict"
