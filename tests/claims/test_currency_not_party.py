"""A currency written before an amount ("US$12.8 billion", "USD 12.8 billion") is no trading party (issue 16; found by
benchmarks/house_styles.py's us-dollar and usd-code styles): "imports to US$12.8 billion" read "US" as a named party
that is no known country and left the partner unresolved, where "imports to $12.8 billion" takes the partner of the
exports before it. A named bloc ("with the Eurasian Economic Union") still does. The sentences are invented."""

from __future__ import annotations

import pytest

from mirrortrade.claims.verify import check_article

_TEXT = ("According to the national statistics committee, Uzbekistan's trade with China reached {c}14.6 billion in "
         "January–November 2025. Exports to China amounted to {c}1.9 billion and imports to {c}12.8 billion.")


@pytest.mark.parametrize("currency", ["$", "US$", "USD "])
def test_an_elliptic_flow_keeps_its_partner_whatever_the_dollar_is_spelled(store, currency: str) -> None:  # type: ignore[no-untyped-def]
    res = check_article(_TEXT.format(c=currency), store)
    imports = [c for c in res["claims"] if c.get("flow") == "M" and c.get("value_usd")]
    assert len(imports) == 1, res["claims"]
    assert (imports[0]["reporter"], imports[0]["partner"]) == ("UZB", "CHN")
    assert "partner" not in (imports[0].get("missing") or [])


def test_a_named_bloc_is_still_a_party_no_country_stands_for(store) -> None:  # type: ignore[no-untyped-def]
    res = check_article("According to Kazakhstan's statistics bureau, trade with the Eurasian Economic Union reached "
                        "$28 billion in 2023.", store)
    (c,) = [c for c in res["claims"] if c.get("value_usd")]
    assert c["partner"] != "WLD" or "partner" in (c.get("missing") or [])
    assert c["status"] == "unresolved"
