"""A rate against a previous level the article prints as a statement of its own (issue 16, precision first).

The agency computes a rate on the previous period's base as revised since its first release; an article that prints
that previous level in another sentence, as it was first published, leaves the rate a little off its two levels. That
is a matter of releases, not a misquoted rate; a rate several points off still is one, and so is a rate off the base
printed in its own sentence ("fell 0.9% from $57.51 billion": one release).

Figures, by source: China's exports to India, January–June 2023, $56.53 billion, down 0.9 % year on year, and
January–June 2022, $57.51 billion (China's General Administration of Customs, as reported by PTI/The Hindu, 2023-07-13
and 2022-07-14)."""

from __future__ import annotations

from typing import Any

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.verify import check_article
from mirrortrade.claims.vintages import PRIOR_RELEASE_BAND, revised_base_explains

FLAGS = ("conflict", "implausible")


def _growth_findings(res: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in res["findings"] if f["rule"] == "growth_consistency" and f["status"] != "consistent"]


def _article(rate: str, *, apart: bool = True) -> str:
    lead = "China's customs administration said on Thursday that its shipments to India"
    if apart:
        return (f"{lead} fell {rate} to $56.53 billion in the first half of 2023. In January-June 2022, by the same "
                "agency's count at the time, those shipments had come to $57.51 billion.")
    return f"{lead} fell {rate} to $56.53 billion in the first half of 2023, from $57.51 billion in January-June 2022."


def test_a_previous_level_stated_apart_may_be_an_earlier_release() -> None:
    res = check_article(_article("0.9%"), None)
    # 56.53 / 57.51 - 1 = -1.70 %; a base revised down by 0.82 % gives -0.9 %: within PRIOR_RELEASE_BAND
    assert abs(57.51 / (56.53 / (1 - 0.009)) - 1) <= PRIOR_RELEASE_BAND
    assert _growth_findings(res) == []
    (x,) = [c for c in res["claims"] if c["period"] == "2023-H1" and c["flow"] == "X"]
    assert (x["reporter"], x["partner"], x["growth_pct"]) == ("CHN", "IND", -0.9)
    assert all(c["status"] not in FLAGS for c in res["claims"])


def test_a_rate_points_off_a_previous_level_stated_apart_is_still_flagged() -> None:
    # -4.9% against levels that allow -1.7%: no revision of a half-year's base moves it 3 points
    res = check_article(_article("4.9%"), None)
    assert [f["status"] for f in _growth_findings(res)] == ["conflict"]


def test_a_base_in_the_rate_s_own_sentence_is_one_release() -> None:
    """The conflict of -0.9% against $57.51 billion and $56.53 billion: explained by an earlier release when the
    previous level is stated apart, not when it is printed in the rate's own sentence."""
    rate_q = "China's shipments to India fell 0.9% to $56.53 billion in the first half of 2023."
    prev_q = "In January-June 2022 those shipments had come to $57.51 billion."
    rate = Claim("c1", rate_q, 0, 10, "CHN", "IND", "X", "2023-H1", value_usd=56.53e9, growth_pct=-0.9)
    prev = Claim("c2", prev_q, 20, 30, "CHN", "IND", "X", "2022-H1", value_usd=57.51e9)
    finding = {"rule": "growth_consistency", "status": "conflict", "claims": ["c1", "c2"],
               "evidence": {"published": [-0.95, -0.85],
                            "current": {"interval": [56.525e9, 56.535e9], "figure_ids": ["c1"]},
                            "previous": {"interval": [57.505e9, 57.515e9], "figure_ids": ["c2"]}}}
    assert revised_base_explains(finding, {"c1": rate, "c2": prev})
    prev.quote = rate.quote  # "... fell 0.9% to $56.53 billion, from $57.51 billion in January-June 2022."
    assert not revised_base_explains(finding, {"c1": rate, "c2": prev})
    # a rate three points off is no revision, apart or not
    prev.quote = prev_q
    assert not revised_base_explains({**finding, "evidence": {**finding["evidence"], "published": [-4.95, -4.85]}},
                                     {"c1": rate, "c2": prev})
