"""How far a flow word reaches (issue 16, kind 2): "Imports from China were $84.1 billion, up 11.5 percent" (that
"from" names the partner, not a base level: the rate is the level's), and "Russia came second with $6.6 billion, of
which Uzbek exports made up $2.4 billion" (the part's flow word is not the total's). Sentences written for these
tests (invented figures; no store, no network)."""

from __future__ import annotations

from mirrortrade.claims import extract_claims

LEAD = ("HANOI, January 17, 2021. Trade between Vietnam and China rose in 2020, according to the General "
        "Department of Vietnam Customs. ")


def test_from_naming_the_partner_is_no_base_level() -> None:
    (c,) = extract_claims(LEAD + "Imports from China were $80.2 billion, up 10.5 percent.")
    assert (c.flow, c.partner, c.value_usd, c.growth_pct) == ("M", "CHN", 80.2e9, 10.5)


def test_from_before_a_figure_is_still_a_base() -> None:
    cs = extract_claims(LEAD + "Imports from China rose to $80.2 billion from $71.9 billion, up 11.5 percent.")
    base = next(c for c in cs if c.value_usd == 71.9e9)
    assert base.growth_pct is None


def test_a_parts_flow_word_does_not_reach_back_to_the_total() -> None:
    text = ("TASHKENT, February 3, 2020. Uzbekistan's trade with China reached $7.2 billion in 2019, the State "
            "Statistics Committee reports. Russia came second with $6.3 billion, of which Uzbek exports made up "
            "$2.1 billion.")
    rows = [(c.text, c.partner, c.flow) for c in extract_claims(text)]
    assert rows == [("$7.2 billion", "CHN", "T"), ("$6.3 billion", "RUS", "T"), ("$2.1 billion", "RUS", "X")]
