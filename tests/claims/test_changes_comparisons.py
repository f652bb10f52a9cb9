"""Figures stated against another figure (issue 16): a change in dollars with its rate in apposition ("up $X, or Y%,
on the year"), a multiple put as a comparison with the year before ("almost triple the previous year"), and a total
split into its two flows ("about $24 billion, of which exports ... and imports ..."). Sentences written for these tests
(invented figures; no store, no network)."""

from __future__ import annotations

import pytest

from mirrortrade.claims import extract_claims


def _by_text(text: str) -> dict[str, object]:
    return {c.text: c for c in extract_claims(text)}


@pytest.mark.parametrize(("text", "change", "rate"), [
    ("According to Georgia's statistics office, exports to Turkey came to $612.4 million in the first half of 2023. "
     "That is $88.1 million, or 16.8 percent, more than a year earlier.", "$88.1 million", "16.8 percent"),
    ("Mongolia's imports from Japan fell to $301 million in 2021, the customs office said, down $42 million, or 12.2%, "
     "on the year.", "$42 million", "12.2%"),
    ("Chile's exports to Korea totalled $5.6 billion in 2022, according to the central bank, an increase of $0.9 "
     "billion, or about 19 percent, on the previous year.", "$0.9 billion", "19 percent"),
])
def test_a_rate_in_apposition_to_a_change_is_its_growth(text: str, change: str, rate: str) -> None:
    cs = _by_text(text)
    ch, g = cs[change], cs[rate]
    assert ch.change_usd is not None and ch.growth_pct is None  # the change stays a change claim
    assert g.kind == "growth" and g.growth_pct is not None
    assert (g.reporter, g.partner, g.flow, g.period) == (ch.reporter, ch.partner, ch.flow, ch.period)
    assert (g.growth_pct > 0) == (ch.change_usd > 0)
    assert not g.missing


def test_the_rate_of_a_fall_is_negative() -> None:
    cs = _by_text("Mongolia's imports from Japan fell to $301 million in 2021, the customs office said, down $42 "
                  "million, or 12.2%, on the year.")
    assert cs["12.2%"].growth_pct == -12.2
    assert cs["$42 million"].change_usd == -42e6


def test_a_share_after_a_change_is_no_rate_of_it() -> None:
    cs = extract_claims("Chile's exports to Korea rose by $0.9 billion in 2022, or 4 percent of all its exports.")
    assert all(c.growth_pct != 4.0 for c in cs)


@pytest.mark.parametrize(("text", "figure", "low"), [
    ("Vietnam's customs counted $9.7 billion of imports from Thailand in 2019, almost triple the previous year.",
     "$9.7 billion", 162.5),
    ("Peru's exports to India reached $3.1 billion in 2020, more than double the year before, the ministry said.",
     "$3.1 billion", 100.0),
])
def test_a_multiple_of_the_year_before_is_the_levels_growth(text: str, figure: str, low: float) -> None:
    c = _by_text(text)[figure]
    assert c.kind == "level" and c.growth_pct is not None
    assert c.growth_low == pytest.approx(low)
    assert c.growth_base is not None and c.growth_base < (c.period or "")


def test_a_double_digit_figure_is_no_multiple() -> None:
    cs = extract_claims("Peru's exports to India reached $3.1 billion in 2020, a double-digit rise, the ministry said.")
    assert all(c.growth_pct is None for c in cs)


@pytest.mark.parametrize(("text", "total", "value"), [
    ("Turkish statistics give a lower figure, roughly $31.5 billion, of which imports from China were $28.2 billion "
     "and exports to China $3.3 billion, in 2021.", "$31.5 billion", 31.5e9),
    ("Norway's statistics office has a bigger sum for 2018, $7.9 billion, of which exports to Poland made up $4.6 "
     "billion and imports from Poland $3.3 billion.", "$7.9 billion", 7.9e9),
])
def test_a_total_split_into_its_flows_is_their_turnover(text: str, total: str, value: float) -> None:
    cs = extract_claims(text)
    t = next(c for c in cs if c.text == total)
    parts = [c for c in cs if c.flow in ("X", "M")]
    assert t.flow == "T" and t.value_usd == value
    assert {(t.reporter, t.partner, t.period)} == {(c.reporter, c.partner, c.period) for c in parts}


def test_parts_that_do_not_add_up_make_no_total() -> None:
    cs = extract_claims("Norway's statistics office has a bigger sum for 2018, $9.9 billion, of which exports to Poland "
                        "made up $4.6 billion and imports from Poland $3.3 billion.")
    assert all(c.text != "$9.9 billion" for c in cs)
