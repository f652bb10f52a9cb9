"""Trade and statistics bodies named with their country place the reporter (issue 16, branch i16-members): a
capitalised name whose head is a public body ("Chamber", "Assembly", "Committee", "Bank", ...) about trade,
statistics, customs or the economy, its country inside the name or just before it. A lender, a body about something
else and a name with two countries place nothing. Every sentence here is invented for the test (no store, no
network)."""

from __future__ import annotations

from mirrortrade.claims.extract import extract_claims


def _level(text: str) -> tuple[str | None, str | None, str | None, bool]:
    (c,) = [c for c in extract_claims(text) if c.kind == "level"]
    return c.reporter, c.partner, c.flow, "reporter" in c.missing


def test_chamber_of_commerce_of_a_country_is_its_reporter() -> None:
    t = ("ULAANBAATAR, April 3, 2024 – Trade between Mongolia and Russia reached $2.4 billion in 2023, according "
         "to the Chamber of Commerce of Mongolia.")
    assert _level(t) == ("MNG", "RUS", "T", False)


def test_exporters_assembly_named_by_its_adjective_places_the_exporter() -> None:
    t = "ANKARA, February 2, 2024 – Exports to Iraq climbed to $12.8 billion in 2023, the Turkish Exporters Assembly said."
    assert _level(t) == ("TUR", "IRQ", "X", False)


def test_the_body_decides_whose_figure_a_pair_is() -> None:
    """"Trade between Turkey and Georgia" names both sides: the Georgian body makes it Georgia's figure."""
    t = ("TBILISI, February 2, 2024 – Trade between Turkey and Georgia reached $2.9 billion in 2023, data from the "
         "Georgian Chamber of Commerce showed.")
    r, p, f, missing = _level(t)
    assert (r, p, f, missing) == ("GEO", "TUR", "T", False)


def test_a_commercial_bank_or_an_unrelated_body_places_nothing() -> None:
    lender = ("MINSK, May 6, 2024 – Trade between Belarus and Kazakhstan came to $1.3 billion in 2023, the Bank of "
              "China said.")
    assert _level(lender)[3]
    tourism = "ANKARA, February 2, 2024 – Exports to Iraq climbed to $12.8 billion in 2023, the Turkish Tourism Assembly said."
    assert _level(tourism)[3]


def test_a_body_named_with_two_countries_places_nothing() -> None:
    t = ("MINSK, May 6, 2024 – Trade between Belarus and Kazakhstan came to $1.3 billion in 2023, the "
         "Belarus-Kazakhstan Chamber of Commerce said.")
    assert _level(t)[3]


def test_a_central_bank_of_a_country_is_its_reporter() -> None:
    t = ("BAKU, May 6, 2024 – Trade between Azerbaijan and Kazakhstan came to $480 million in 2023, the Central "
         "Bank of Azerbaijan said.")
    assert _level(t)[:2] == ("AZE", "KAZ")
