"""Verification robust to misreadings (issue 16: false flags from the checker comparing its own misread claims with
each other or with the store). Invented numbers throughout, of the shapes the issue's false flags had."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.neighbours import misreading, witnesses


def _claim(cid: str, value: float, *, rep: str = "CHN", par: str = "KGZ", flow: str = "T", when: str = "2024",
           text: str | None = None, prec: float = 1e8, source: str | None = "CN-GACC", **conf: float) -> Claim:
    c = Claim(id=cid, quote=f"quote {cid}", start=int(cid[1:]) * 10, end=int(cid[1:]) * 10 + 5, reporter=rep,
              partner=par, flow=flow, period=when, value_usd=value, value_low=value - prec / 2,
              value_high=value + prec / 2, precision_usd=prec, source=source,
              text=text or f"${value / 1e9:.1f} billion")
    c.slots.update(conf)
    return c


def _store(*rows: tuple[str, str, str, str, float, float], title: str = "another report") -> pd.DataFrame:
    return pd.DataFrame([{"figure_id": f"s{i}", "reporter": r, "partner": p, "flow": f, "period": per,
                          "value_usd": v, "precision_usd": pr, "source_id": "CN-GACC", "product": "TOTAL",
                          "title": title}
                         for i, (r, p, f, per, v, pr) in enumerate(rows)])


def test_a_coarse_stored_figure_does_not_confirm_what_the_finer_one_contradicts() -> None:
    # 2023 stored as "$5.1 billion" (one report) and as $5,147 million (the agency); 2024 as $5.06 billion
    store = _store(("CHN", "KGZ", "T", "2023", 5.1e9, 1e8), ("CHN", "KGZ", "T", "2023", 5.147e9, 1e6),
                   ("CHN", "KGZ", "T", "2024", 5.06e9, 1e7))
    # "$5.06 billion" read as 2023: inside the rounding of $5.1bn, but not $5,147 million; it is 2024's figure
    c = _claim("c1", 5.06e9, when="2023", prec=1e7, text="$5.06 billion")
    m = misreading(c, witnesses(store, [c]))
    assert m is not None and m.relation == "period" and m.witness == "s2"
    # read as 2024 it is confirmed by the finest 2024 figure and stands
    assert misreading(_claim("c1", 5.06e9, when="2024", prec=1e7, text="$5.06 billion"), witnesses(store, [c])) is None
    # a coarse figure alone still confirms: "$5.1 billion" read as 2023 stands
    coarse = _claim("c2", 5.1e9, when="2023", text="$5.1 billion")
    assert misreading(coarse, witnesses(store, [coarse])) is None


FLAGS = ("conflict", "implausible")


def _by_id(res: dict) -> dict:
    return {c["id"]: c for c in res["claims"]}


def _flagging(res: dict) -> list[dict]:
    return [f for f in res["findings"] if f["status"] in FLAGS]


def _stored(store, value: float, *, flow: str = "X", title: str = "an outlet's report") -> None:
    store.ingest_frame(pd.DataFrame([{
        "reporter": "UZB", "partner": "CHN", "flow": flow, "period": "2031", "value_usd": value,
        "precision_usd": 1e8, "source_id": "UZ-STAT", "publisher": title, "title": title,
        "vintage": "2032-01-20", "qualifier": "exact"}]))


def _uzb(cid: str, value: float, flow: str, quote: str, **conf: float) -> Claim:
    c = _claim(cid, value, rep="UZB", par="CHN", flow=flow, when="2031", source="UZ-STAT", **conf)
    c.quote = quote
    return c


SENTENCE = "Of this, $2.6 billion were exports and the remaining $5.7 billion imports."


def test_a_number_read_as_a_statistic_whose_stored_figure_the_same_sentence_prints_is_set_aside(store) -> None:
    from mirrortrade.claims.verify import check_claims

    _stored(store, 2.6e9)  # the exports, stored at $2.6bn; nothing else of the pair in 2031
    # "$5.7 billion" read as the exports (the flow misread), "$2.6 billion" left unresolved (its reporter unsure)
    misread = _uzb("c2", 5.7e9, "X", SENTENCE)
    other = _uzb("c1", 2.6e9, "T", SENTENCE)
    other.missing = ["reporter"]
    res = check_claims([other, misread], store)
    c2 = _by_id(res)["c2"]
    assert c2["status"] == "unresolved" and "same sentence (c1)" in c2["explanation"]
    assert not _flagging(res)
    # the same number alone in its sentence conflicts with the stored exports: a misquotation, flagged
    alone = _uzb("c2", 5.7e9, "X", "Exports to China came to $5.7 billion.")
    res = check_claims([_uzb("c1", 2.6e9, "T", SENTENCE), alone], store)
    assert _by_id(res)["c2"]["status"] == "conflict"


def test_a_conflict_with_only_the_articles_own_stored_copy_is_two_readings_not_an_error(store) -> None:
    from mirrortrade.claims.verify import check_claims

    title = "Uzbekistan's trade with China in 2031"
    _stored(store, 1.2e9, title=title)  # this article's own stored copy reads the exports as $1.2bn
    res = check_claims([_uzb("c1", 3.4e9, "X", "Exports reached $3.4 billion.")], store, title=title)
    c1 = _by_id(res)["c1"]
    assert c1["status"] == "unresolved" and "own stored copy" in c1["explanation"]
    assert not _flagging(res)
    # the same stored figure from another report: the article misquotes it
    res = check_claims([_uzb("c1", 3.4e9, "X", "Exports reached $3.4 billion.")], store, title="Another article")
    assert _by_id(res)["c1"]["status"] == "conflict"


def _india(cid: str, value: float, flow: str, text: str) -> Claim:
    return _claim(cid, value, par="IND", flow=flow, when="2031", prec=1e7 if "." in text else 1e9, text=text)


def test_a_balance_that_fits_with_the_other_sign_is_a_misread_side() -> None:
    from mirrortrade.claims.verify import check_claims

    # exports 41.25 − imports 9.13 = +32.12: "leaving India with a deficit of $32 billion" read as China's −32
    parts = [_india("c1", 41.25e9, "X", "$41.25 billion"), _india("c2", 9.13e9, "M", "$9.13 billion")]
    res = check_claims([*parts, _india("c3", -32e9, "B", "$32 billion")])
    c3 = _by_id(res)["c3"]
    assert c3["status"] == "unresolved" and c3["missing"] == ["reporter"] and "other sign" in c3["explanation"]
    assert not _flagging(res)
    # a balance that fits neither sign is still flagged
    parts = [_india("c1", 41.25e9, "X", "$41.25 billion"), _india("c2", 9.13e9, "M", "$9.13 billion")]
    res = check_claims([*parts, _india("c3", -25e9, "B", "$25 billion")])
    assert _by_id(res)["c3"]["status"] == "conflict"


def test_a_total_in_whole_units_may_be_cut_from_its_parts_sum() -> None:
    from mirrortrade.claims.verify import check_claims

    def total(value: float, text: str, x: float = 124.31e9, m: float = 33.37e9) -> list[Claim]:
        return [_india("c1", value, "T", text), _india("c2", x, "X", f"${x / 1e9:.2f} billion"),
                _india("c3", m, "M", f"${m / 1e9:.2f} billion")]

    # exports 124.31 + imports 33.37 = 157.68: "trade touched $157 billion" is the sum cut to whole billions
    res = check_claims(total(157e9, "$157 billion"))
    assert _by_id(res)["c1"]["status"] not in FLAGS and not _flagging(res)
    # "$156 billion" is neither the sum rounded nor cut
    assert _by_id(check_claims(total(156e9, "$156 billion")))["c1"]["status"] == "conflict"
    # a round number of two digits stays rounded: 44.51 + 13.37 = 57.88 is no "$57 billion" (0.65% beyond rounding,
    # more than a revision moves a total: vintages.SUM_BAND)
    assert _by_id(check_claims(total(57e9, "$57 billion", 44.51e9, 13.37e9)))["c1"]["status"] == "conflict"


def test_a_total_below_one_of_its_own_parts_is_another_statistics_number() -> None:
    from mirrortrade.claims.verify import check_claims

    def trade(value: float, text: str) -> list[Claim]:
        return [_claim("c1", value, prec=1e7, text=text), _claim("c2", 3.42e9, flow="X", prec=1e7, text="$3.42 billion"),
                _claim("c3", 0.37e9, flow="M", prec=1e7, text="$0.37 billion")]

    # a turnover of $1.90bn under its own exports of $3.42bn: no slip of a digit does that, a misread number does
    res = check_claims(trade(1.9e9, "$1.90 billion"))
    c1 = _by_id(res)["c1"]
    assert c1["status"] == "unresolved" and "out of order" in c1["explanation"]
    assert not _flagging(res)
    # $3.50bn is above each part but short of their sum $3.79bn: a sum that does not add up, flagged
    assert _by_id(check_claims(trade(3.5e9, "$3.50 billion")))["c1"]["status"] == "conflict"


def test_a_figure_for_a_period_not_over_when_the_article_appeared_is_never_flagged(store) -> None:
    from datetime import date

    from mirrortrade.claims.verify import check_claims

    _stored(store, 4.1e9)  # the agency's exports for 2031, published after the year
    claim = _uzb("c1", 5.2e9, "X", "Exports to China will reach $5.2 billion.")
    res = check_claims([claim], store, published=date(2031, 6, 30))
    c1 = _by_id(res)["c1"]
    assert c1["status"] == "unresolved" and c1["missing"] == ["period"] and "had not ended" in c1["explanation"]
    assert not _flagging(res)
    # the same figure in an article written after the year: a misquotation
    claim = _uzb("c1", 5.2e9, "X", "Exports to China reached $5.2 billion.")
    assert _by_id(check_claims([claim], store, published=date(2032, 2, 1)))["c1"]["status"] == "conflict"
