""""The X side ran a surplus", "Russia posted a surplus" name the party holding the balance, not whose statistics the
figure is (issue 16,
heldout15/01: "The Chinese side thus ran a surplus of 2.238 billion dollars" under Uzbekistan's statistics was read
as China's own figure). Figures: Uzbekistan's Statistics Agency, January-May 2024, trade with Russia $4.7 billion,
exports $1.3 billion, imports $3.4 billion (Trend, 2024-06-30); the balance, -$2.1 billion, is their difference."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims

TEXT = ("Uzbekistan's trade with Russia reached $4.7 billion in January-May 2024, according to Uzbekistan's "
        "Statistics Agency. Uzbek exports to Russia came to $1.3 billion, while purchases from Russia were $3.4 billion. "
        "The Russian side thus posted a surplus of about $2.1 billion in the five months.")


def test_the_side_holding_a_surplus_is_not_its_source() -> None:
    (bal,) = [c for c in extract_claims(TEXT) if c.flow == "B"]
    assert bal.flow == "B"
    assert bal.reporter != "RUS" and not str(bal.source or "").startswith("RU")
    # the Russian side holds it: in Uzbek statistics, Uzbekistan's deficit with Russia
    assert (bal.reporter, bal.partner, bal.value_usd, bal.missing) == ("UZB", "RUS", -2.1e9, [])


def test_a_country_posting_a_surplus_holds_it() -> None:
    """"Russia posted a surplus" was read as Uzbekistan's surplus (a sign error); "ran" was read right."""
    for verb in ("posted", "ran", "recorded"):
        text = TEXT.replace("The Russian side thus posted", f"Russia {verb}")
        (bal,) = [c for c in extract_claims(text) if c.flow == "B"]
        assert (bal.reporter, bal.partner, bal.value_usd) == ("UZB", "RUS", -2.1e9), verb


def test_the_reporter_posting_its_own_balance_keeps_its_sign() -> None:
    for words, value in (("Uzbekistan posted a deficit", -2.1e9), ("Uzbekistan posted a surplus", 2.1e9)):
        (bal,) = [c for c in extract_claims(TEXT.replace("The Russian side thus posted a surplus", words))
                  if c.flow == "B"]
        assert (bal.reporter, bal.partner, bal.value_usd) == ("UZB", "RUS", value), words


def test_the_other_figures_stay_uzbek() -> None:
    got = {c.value_usd: c for c in extract_claims(TEXT) if c.kind == "level"}
    for v, flow in ((4.7e9, "T"), (1.3e9, "X"), (3.4e9, "M")):
        c = got[v]
        assert (c.reporter, c.partner, c.flow, c.period) == ("UZB", "RUS", flow, "2024-01/2024-05")
        assert not c.missing


def test_a_side_that_reports_is_still_a_source() -> None:
    text = "According to the Russian side, trade with Uzbekistan reached $4.7 billion in January-May 2024."
    (c,) = [c for c in extract_claims(text) if c.kind == "level"]
    assert c.reporter == "RUS"
