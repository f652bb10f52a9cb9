"""Correct figures the verifier used to flag (issue 16: "a checker that tells a reader a correct figure is wrong is worse
than no checker"), one kind per test, each beside the true flag of the same shape that must stay.

Figures, by source: Pakistan's balance with China, July 2018–January 2019 (State Bank of Pakistan as reported by
Pakistani media: exports $1,038.023 million, imports $5,941.554 million, deficit $4,903.536 million); Vietnam's trade
with China, January 2024 (Vietnam's General Department of Customs: $16.43 billion, +48.4%; exports more than $4.55
billion, +17.28%; imports $11.88 billion, +63.64%); China's trade with Russia, 2024 (China's customs via Reuters,
2025-01-13: 1.74 trillion yuan, "$237 billion" at the day's 7.3317 yuan per dollar, and $244.8 billion in dollar
terms); Kazakhstan's imports from China (Kazakhstan's Bureau of National Statistics via Kazinform: $8.2 billion in
2021, $15.3 billion in 2024, as the embedded store holds them)."""

from __future__ import annotations

from typing import Any

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.collisions import set_aside_collisions
from mirrortrade.claims.fx import with_yuan
from mirrortrade.claims.printed_bases import attach_printed_bases, printed_base
from mirrortrade.claims.reading import read_article
from mirrortrade.claims.verify import check_claims
from mirrortrade.claims.vintages import BAND

FLAGS = ("conflict", "implausible")


def _level(cid: str, flow: str, value: float, prec: float, *, rep: str = "PAK", par: str = "CHN",
           period: str = "2018-07/2019-01", src: str = "PK-SBP", growth: float | None = None,
           gprec: float = 0.01, qual: str = "exact", quote: str | None = None) -> Claim:
    c = Claim(id=cid, quote=quote or f"quote {cid}", start=0, end=5, reporter=rep, partner=par, flow=flow,
              period=period, source=src, text=f"${value / 1e6:,.3f} million", qualifier=qual)
    lo, hi = value - prec / 2, value + prec / 2
    if qual == "lower":
        hi = float("inf")
    c.value_usd, c.value_low, c.value_high, c.precision_usd = value, lo, hi, prec
    if growth is not None:
        c.growth_pct, c.growth_low, c.growth_high = growth, growth - gprec / 2, growth + gprec / 2
    return c


def _flags(res: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [f for f in res["findings"] if f["rule"] == rule and f["status"] in FLAGS]


# ---- a miss within a revision -----------------------------------------------------------------------------------
def test_a_balance_a_few_thousand_dollars_off_its_parts_is_no_flag() -> None:
    # -4903.536 against 1038.023 - 5941.554 = -4903.531: $5 thousand beyond the printed digits, 0.0001%
    claims = [_level("c1", "B", -4903.536e6, 1e3), _level("c2", "X", 1038.023e6, 1e3), _level("c3", "M", 5941.554e6, 1e3)]
    res = check_claims(claims, None)
    assert not _flags(res, "balance_sum")
    (note,) = [f for f in res["findings"] if f["rule"] == "balance_sum"]
    assert note["status"] == "notable" and "revision" in note["message"]
    assert all(c["status"] not in FLAGS for c in res["claims"])


def test_a_balance_off_its_parts_by_more_than_a_revision_is_still_flagged() -> None:
    # the deficit printed 5% too large: far beyond the band a revision moves each level in
    assert 0.05 > 4 * BAND
    claims = [_level("c1", "B", -5148.7e6, 1e5), _level("c2", "X", 1038.023e6, 1e3), _level("c3", "M", 5941.554e6, 1e3)]
    res = check_claims(claims, None)
    assert _flags(res, "balance_sum")


def _vietnam(export_growth: float) -> list[Claim]:
    kw: dict[str, Any] = {"rep": "VNM", "par": "CHN", "period": "2024-01", "src": "VN-CUSTOMS"}
    return [_level("c1", "T", 16.43e9, 1e7, growth=48.4, gprec=0.1, **kw),
            _level("c2", "X", 4.55e9, 1e7, growth=export_growth, qual="lower", **kw),
            _level("c3", "M", 11.88e9, 1e7, growth=63.64, **kw)]


def test_three_rates_whose_bases_miss_by_half_a_percent_are_no_flag() -> None:
    # the implied January 2023 exports + imports ($11.14bn) miss the implied turnover ($11.07bn) by $57 million:
    # rates computed against bases of different releases
    res = check_claims(_vietnam(17.28), None)
    joint = [f for f in res["findings"] if f["rule"] == "growth_consistency"
             and str(f["evidence"].get("key", "")).startswith("joint:")]
    assert joint and all(f["status"] not in FLAGS for f in joint)
    assert all(c["status"] not in FLAGS for c in res["claims"])


def test_three_rates_that_miss_by_more_than_a_revision_are_still_flagged() -> None:
    # an export rate of 7.28% instead of 17.28%: the implied bases miss by $0.4 billion, 4% of the turnover
    res = check_claims(_vietnam(7.28), None)
    assert [f for f in _flags(res, "growth_consistency") if f["evidence"]["key"].startswith("joint:")]


# ---- a rate whose base its sentence prints ------------------------------------------------------------------------
def _kazakh(base_period: str, *, growth: float = 86.0) -> list[Claim]:
    q = "from 2021 to 2024 Kazakhstan's imports from China increased from $8.2 billion to $15.3 billion, an increase of 86%"
    kw: dict[str, Any] = {"rep": "KAZ", "par": "CHN", "src": "KZ-BNS", "quote": q}
    return [_level("c1", "M", 8.2e9, 1e8, period=base_period, **kw),
            _level("c2", "M", 15.3e9, 1e8, period="2024", growth=growth, gprec=1.0, **kw)]


def test_a_rate_over_three_years_is_not_checked_against_the_year_before(store) -> None:  # type: ignore[no-untyped-def]
    res = check_claims(_kazakh("2021"), store)
    (rate,) = [c for c in res["claims"] if c.get("growth_pct") == 86.0]
    assert rate["growth_base"] == "2021"
    assert not _flags(res, "growth_consistency")
    assert all(c["status"] not in FLAGS for c in res["claims"])


def test_the_printed_base_is_the_level_whose_ratio_the_rate_is() -> None:
    q = "imports increased from $8.2 billion to $15.3 billion, an increase of 86%"
    kw: dict[str, Any] = {"rep": "KAZ", "par": "CHN", "src": "KZ-BNS", "quote": q}
    old = _level("c1", "M", 8.2e9, 1e8, period="2021", **kw)
    new = _level("c2", "M", 15.3e9, 1e8, period="2024", growth=86.0, gprec=1.0, **kw)
    assert printed_base(new, [old, new]) is old
    assert attach_printed_bases([old, new], [new]) == {"c2": "c1"} and new.growth_base == "2021"
    # a rate that is not the ratio of the two (+20%) has no printed base: it stays year-on-year
    other = _level("c3", "M", 15.3e9, 1e8, period="2024", growth=20.0, gprec=1.0, **kw)
    assert printed_base(other, [old, other]) is None


def test_a_misdated_printed_base_read_unsurely_keeps_the_rate_from_flagging(store) -> None:  # type: ignore[no-untyped-def]
    # the base level misread as 2023 (the year before): the rate is still its ratio to that level, so a flag on
    # the rate needs the base read surely; it is not
    q = "Kazakhstan's imports from China increased from $8.2 billion to $15.3 billion, an increase of 86%"
    kw: dict[str, Any] = {"rep": "KAZ", "par": "CHN", "src": "KZ-BNS", "quote": q}
    old = _level("c1", "M", 8.2e9, 1e8, period="2023", **kw)
    old.cap_slot("reporter", 0.45)
    old.missing = ["reporter"]
    new = _level("c2", "M", 15.3e9, 1e8, period="2024", growth=86.0, gprec=1.0, **kw)
    res = check_claims([old, new], store)
    assert not _flags(res, "growth_consistency")
    # the same rate with no printed base in its sentence is flagged against the stored 2023 level
    alone = _level("c2", "M", 15.3e9, 1e8, period="2024", growth=86.0, gprec=1.0, rep="KAZ", par="CHN", src="KZ-BNS")
    assert _flags(check_claims([alone], store), "growth_consistency")


# ---- yuan with its dollar equivalent ----------------------------------------------------------------------------
def test_a_dollar_equivalent_of_yuan_spans_the_yuan_at_the_periods_rates() -> None:
    lo, hi = with_yuan(236.5e9, 237.5e9, 1.74e12, 1e10, "2024")
    assert lo <= 236.5e9 and hi >= 244.85e9  # GACC's own dollar figure is inside
    text = ("BEIJING, Jan 13, 2025 (Reuters) - The value of China's trade with Russia reached a record 1.74 trillion "
            "yuan ($237 billion) in 2024, Chinese customs data showed on Monday.")
    (c,) = [c for c in read_article(text, None).claims if c.value_cny]
    assert c.value_usd == 237e9 and c.value_low <= 237e9 - 5e8 and c.value_high >= 244.85e9


def test_the_dollar_equivalent_and_the_agencys_dollars_are_one_statistic() -> None:
    kw: dict[str, Any] = {"rep": "CHN", "par": "RUS", "period": "2024", "src": "CN-GACC"}
    yuan = _level("c1", "T", 237e9, 1e9, **kw)
    yuan.value_cny = 1.74e12
    yuan.value_low, yuan.value_high = with_yuan(236.5e9, 237.5e9, 1.74e12, 1e10, "2024")
    dollars = _level("c2", "T", 244.8e9, 1e8, **kw)
    assert not _flags(check_claims([yuan, dollars], None), "source_conflict")
    # without the yuan, $237 billion against $244.8 billion is two versions of one statistic
    plain = _level("c1", "T", 237e9, 1e9, **kw)
    assert _flags(check_claims([plain, _level("c2", "T", 244.8e9, 1e8, **kw)], None), "source_conflict")


# ---- the cascade: the article's readings compared only with each other -----------------------------------------
def test_two_readings_that_disagree_flag_only_when_both_are_read_with_full_confidence() -> None:
    kw: dict[str, Any] = {"rep": "CHN", "par": "RUS", "period": "2024", "src": "CN-GACC"}
    a, b = _level("c1", "T", 237e9, 1e9, **kw), _level("c2", "T", 244.8e9, 1e8, **kw)
    assert _flags(check_claims([a, b], None), "source_conflict")
    a, b = _level("c1", "T", 237e9, 1e9, **kw), _level("c2", "T", 244.8e9, 1e8, **kw)
    b.cap_slot("period", 0.8)  # the period carried from the paragraph: resolved and flaggable, not certain
    res = check_claims([a, b], None)
    assert not _flags(res, "source_conflict") and all(c["status"] not in FLAGS for c in res["claims"])


# ---- the rest of the article: its arithmetic as a witness and as the judge of a collision ---------------------------
# Pakistan's trade with China, July–February 2018-19 and 2017-18 (State Bank of Pakistan, as Pakistani media reported
# it): turnover $7.778 billion, of which exports $1.15 billion and imports $6.628 billion; a year before exports $1.106
# billion and imports $7.32 billion. India's exports to China, April 2024–January 2025 (India's commerce ministry):
# $11.48 billion, down 14.85% from $13.48 billion; its imports from China $95.01 billion.
def _pakistan(turnover_period: str) -> list[Claim]:
    kw: dict[str, Any] = {"rep": "PAK", "par": "CHN", "src": "PK-CB"}
    return [_level("c1", "T", 7.778e9, 1e6, period=turnover_period, **kw),
            _level("c2", "X", 1.15e9, 1e7, period="2018-07/2019-02", **kw),
            _level("c3", "M", 6.628e9, 1e6, period="2018-07/2019-02", **kw),
            _level("c4", "X", 1.106e9, 1e6, period="2017-07/2018-02", **kw),
            _level("c5", "M", 7.32e9, 1e7, period="2017-07/2018-02", **kw)]


def test_a_total_that_is_the_sum_of_another_periods_parts_is_that_periods_misread() -> None:
    res = check_claims(_pakistan("2017-07/2018-02"), None)  # the turnover's period misread as the year before
    assert not _flags(res, "sum_consistency")
    (t,) = [c for c in res["claims"] if c["id"] == "c1"]
    assert t["status"] == "unresolved" and "c2+c3" in (t.get("explanation") or "")
    # read in its own period the turnover is the sum of its parts; a turnover no parts give still conflicts
    assert all(c["status"] not in FLAGS for c in check_claims(_pakistan("2018-07/2019-02"), None)["claims"])
    wrong = _pakistan("2017-07/2018-02")
    wrong[0].value_usd, wrong[0].value_low, wrong[0].value_high = 7.9e9, 7.8995e9, 7.9005e9
    assert _flags(check_claims(wrong, None), "sum_consistency")


def test_a_collision_goes_to_the_reading_the_articles_arithmetic_holds_up() -> None:
    kw: dict[str, Any] = {"rep": "IND", "par": "CHN", "src": "IN-GOV"}
    q = "Exports to China shrank 14.85 percent to $11.48 billion in April 2024-January 2025, from $13.48 billion"
    misread = _level("c1", "X", 95.01e9, 1e7, period="2024-04/2025-01", growth=10.6, gprec=0.1, **kw)
    exports = _level("c2", "X", 11.48e9, 1e7, period="2024-04/2025-01", growth=-14.85, quote=q, **kw)
    exports.cap_slot("flow", 0.9)
    base = _level("c3", "X", 13.48e9, 1e7, period="2023-04/2024-01", quote=q, **kw)
    res = check_claims([misread, exports, base], None)
    status = {c["id"]: c["status"] for c in res["claims"]}
    assert status["c1"] == "unresolved" and status["c2"] not in (*FLAGS, "unresolved")
    assert not any(f["status"] in FLAGS for f in res["findings"])


# ---- a bound far off another statement of its statistic -----------------------------------------------------------
# Kazakhstan's trade with China in 2022 (Kazakhstan's Bureau of National Statistics: about $24 billion), and the
# president's "mutual agricultural trade alone stood at over $780mln" (Kazinform, 2023-05-18).
def test_a_bound_far_below_the_stated_figure_is_of_another_figure() -> None:
    kw: dict[str, Any] = {"rep": "KAZ", "par": "CHN", "period": "2022", "src": "KZ-BNS"}
    total = _level("c1", "T", 24e9, 1e9, qual="approx", **kw)
    part = _level("c2", "T", 780e6, 1e7, qual="lower", **kw)
    set_aside_collisions([total, part])
    assert part.missing == ["kind"] and "c1" in (part.explanation or "") and not total.missing
    # "passed $100 billion" beside $106.3 billion bounds that very figure: both stand
    kw = {"rep": "CHN", "par": "CA5", "period": "2025", "src": "CN-GACC"}
    exact, bound = _level("c1", "T", 106.3e9, 1e8, **kw), _level("c2", "T", 100e9, 1e9, qual="lower", **kw)
    set_aside_collisions([exact, bound])
    assert not exact.missing and not bound.missing


def test_a_rate_whose_printed_base_is_two_years_back_settles_no_collision() -> None:
    # China's customs (bne IntelliNews, January 2025): $190bn in 2022, $240.11bn in 2023 (+26.3%), $244.81bn in
    # 2024 (+1.9%). The 2023 figure misread as 2024's: its rate is still the ratio to 2022's $190bn, which confirms
    # no reading of 2024; the surer 2024 reading keeps its place
    kw: dict[str, Any] = {"rep": "CHN", "par": "RUS", "src": "CN-GACC"}
    q = "Bilateral trade had grown by 29.3% in 2022, to $190bn, and accelerated further in 2023, rising 26.3% to $240.11bn"
    right = _level("c1", "T", 244.81e9, 1e7, period="2024", growth=1.9, gprec=0.1, **kw)
    base = _level("c2", "T", 190e9, 1e9, period="2022", quote=q, **kw)
    misread = _level("c3", "T", 240.11e9, 1e7, period="2024", growth=26.3, gprec=0.1, quote=q, **kw)
    misread.cap_slot("flow", 0.8)
    set_aside_collisions([right, base, misread])
    assert misread.missing and not right.missing
