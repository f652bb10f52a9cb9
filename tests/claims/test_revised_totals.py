"""A total quoted from one release beside its parts from another (issue 16, precision first): the article's total
misses its parts' sum by a fraction of a percent, so the miss is a note, never a flag; a total that misses by more
than a revision can move one figure is still flagged.

Figures, by source: Vietnam's trade with China in 2023 (Vietnam's General Department of Customs): first given as
about $171.2 billion in January 2024 (vietnam-b2b.com, "In 2023, total trade between the two countries reached
approximately $171.2 billion"), later as exports of $61.2 billion and imports of $110.6 billion ("nearly $172
billion", VNA via Kazinform, 2024-04-10)."""

from __future__ import annotations

from typing import Any

from mirrortrade.claims.verify import check_article
from mirrortrade.claims.vintages import SUM_BAND

FLAGS = ("conflict", "implausible")


def _article(total: str) -> str:
    return (f"Vietnam's commerce with its northern neighbour came to {total} in 2023, Vietnam's General Department of "
            "Customs said. Shipments from Vietnam to China made up $61.2 billion of that sum, while purchases from "
            "China stood at $110.6 billion.")


def _sums(res: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in res["findings"] if f["rule"] == "sum_consistency"]


def test_a_first_release_total_beside_final_parts_is_a_note() -> None:
    res = check_article(_article("$171.2 billion"), None)
    (f,) = _sums(res)
    # 61.2 + 110.6 = 171.8 (171.7-171.9) against 171.2 (171.15-171.25): $0.45 billion beyond rounding, 0.26%
    assert -f["evidence"]["slack"] <= SUM_BAND * 171.9e9
    assert f["status"] == "notable" and "revision" in f["message"]
    (t,) = [c for c in res["claims"] if c["flow"] == "T"]
    assert (t["reporter"], t["partner"], t["period"]) == ("VNM", "CHN", "2023")
    assert all(c["status"] not in FLAGS for c in res["claims"])


def test_a_total_off_its_parts_by_more_than_a_revision_is_still_flagged() -> None:
    # $168.2 billion: 61.2 + 110.6 misses it by $3.45 billion beyond rounding, 2% of the sum
    res = check_article(_article("$168.2 billion"), None)
    assert [f["status"] for f in _sums(res)] == ["conflict"]
    (t,) = [c for c in res["claims"] if c["flow"] == "T"]
    assert t["status"] == "conflict"
