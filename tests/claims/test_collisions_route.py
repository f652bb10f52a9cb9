"""Collisions (two levels of one statistic that cannot both be true): the side read by a weaker route is set aside,
the other kept but never flagged; equally sure sides are both set aside."""

from __future__ import annotations

from mirrortrade.claims.claim import FLAGGABLE, RESOLVED, Claim
from mirrortrade.claims.collisions import SURVIVOR, set_aside_collisions
from mirrortrade.claims.reading import read_article
from mirrortrade.claims.verify import check_claims


def _claim(cid: str, quote: str, text: str, value: float, *, partner_how: str = "clause",
           flow_how: str = "flow-noun", period: float = 0.8, reporter: float = 1.0) -> Claim:
    c = Claim(id=cid, quote=quote, start=0, end=len(quote), reporter="GEO", partner="ARM", flow="X", period="2023",
              value_usd=value, value_low=value, value_high=value, text=text)
    c.slots.update(period=period, reporter=reporter)
    c.how.update(partner=partner_how, flow=flow_how, period="previous-paragraph")
    return c


def test_borrowed_partner_side_is_set_aside_and_the_other_kept_unflaggable() -> None:
    own = _claim("c1", "Georgia sold goods worth $640 million to Armenia.", "$640 million", 640e6, flow_how="flow-verb")
    borrowed = _claim("c2", "Georgia sold goods worth $640 million to Armenia and bought $410 million.",
                      "$410 million", 410e6, partner_how="reporter-partner", flow_how="flow-verb")
    set_aside_collisions([own, borrowed])
    assert borrowed.missing and not own.missing
    assert RESOLVED <= own.confidence <= SURVIVOR < FLAGGABLE


def test_flow_taken_from_the_figure_before_is_the_weaker_side() -> None:
    own = _claim("c1", "Exports of Georgia to Armenia stood at $1.3 billion.", "$1.3 billion", 1.3e9)
    prev = _claim("c2", "Shipments to Armenia came to $1.3 billion, against $0.9 billion.", "$0.9 billion", 0.9e9,
                  flow_how="previous-figure")
    set_aside_collisions([prev, own])
    assert prev.missing and not own.missing


def test_change_read_as_a_level_is_the_weaker_side() -> None:
    level = _claim("c1", "Georgia's exports to Armenia reached $2.7 billion.", "$2.7 billion", 2.7e9)
    change = _claim("c2", "A $350 million drop in exports to Armenia worried traders.", "$350 million", 350e6)
    set_aside_collisions([level, change])
    assert change.missing and not level.missing


def test_product_figure_is_the_weaker_side() -> None:
    level = _claim("c1", "Georgia's exports to Armenia totalled $2.1 billion in 2023.", "$2.1 billion", 2.1e9)
    product = _claim("c2", "Exports of wine and spirits to Armenia reached $95 million.", "$95 million", 95e6)
    set_aside_collisions([product, level])
    assert product.missing and not level.missing


def test_equally_sure_sides_are_both_set_aside() -> None:
    a = _claim("c1", "Georgia's exports to Armenia were $780 million.", "$780 million", 780e6)
    b = _claim("c2", "Sales to Armenia amounted to $515 million.", "$515 million", 515e6)
    set_aside_collisions([a, b])
    assert a.missing and b.missing


def test_full_confidence_sides_stay_for_the_flags() -> None:
    a = _claim("c1", "Georgia's exports to Armenia were $780 million.", "$780 million", 780e6, period=1.0)
    b = _claim("c2", "Exports to Armenia came to $510 million.", "$510 million", 510e6, period=1.0,
               partner_how="previous-figure")
    set_aside_collisions([a, b])
    assert not a.missing and not b.missing


def test_second_verb_misread_does_not_set_aside_the_first_figure() -> None:
    text = ("Kazakhstan's statistics committee published its 2022 figures on Monday.\n\n"
            "Ankara once more sold more than it bought: Kazakhstan imported $5.1 billion worth of Turkish goods "
            "and exported $2.2 billion.")
    claims = read_article(text, None).claims
    out = {c["quote"] and c["value_usd"]: c for c in check_claims(claims)["claims"]}
    first = out[5.1e9]
    assert (first["reporter"], first["partner"], first["flow"]) == ("KAZ", "TUR", "M")
    assert first["status"] != "unresolved"
    second = out[2.2e9]
    assert second["status"] == "unresolved" or second["flow"] == "X"
