"""A turnover and its parts each with its own flow noun after it ("$41 billion of trade with Kazakhstan, with $24.7
billion of Chinese exports and $16.3 billion of imports from Kazakhstan"): the flow word before a part is the figure
before's own noun ("of trade", "of Chinese exports"), never the part's; each part takes the noun after it, a
nationality adjective between "of" and the noun included.

Figures: General Department of Vietnam Customs, January-May 2023 (WTO Center, 2023-07-05): Vietnam-China trade $61.51bn,
exports to China $20.32bn, imports from China $41.19bn; China's customs, 2023: China-Kazakhstan trade $41bn, Chinese
exports $24.7bn, imports from Kazakhstan $16.3bn (the store's CN-GACC figures, as in heldout15/03)."""

from __future__ import annotations

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.extract import extract_claims


def _read(text: str) -> dict[str, Claim]:
    return {c.text: c for c in extract_claims(text)}


def test_each_part_takes_the_flow_noun_after_it() -> None:
    got = _read("Vietnam's customs department reported on the first five months of 2023.\n\n"
                "By the end of May it had recorded $61.51 billion of trade with China, with $20.32 billion of Vietnamese "
                "exports and $41.19 billion of imports from China.")
    assert [(got[f].reporter, got[f].partner, got[f].flow) for f in ("$61.51 billion", "$20.32 billion", "$41.19 billion")] \
        == [("VNM", "CHN", "T"), ("VNM", "CHN", "X"), ("VNM", "CHN", "M")]


def test_a_partners_exports_seen_from_the_reporters_side() -> None:
    got = _read("China's customs published its 2023 figures.\n\n"
                "Beijing recorded $41 billion of trade with Kazakhstan for 2023, with $24.7 billion of Chinese exports and "
                "$16.3 billion of imports from Kazakhstan.")
    assert (got["$24.7 billion"].reporter, got["$24.7 billion"].partner, got["$24.7 billion"].flow) == ("CHN", "KAZ", "X")
    assert (got["$16.3 billion"].reporter, got["$16.3 billion"].partner, got["$16.3 billion"].flow) == ("CHN", "KAZ", "M")
