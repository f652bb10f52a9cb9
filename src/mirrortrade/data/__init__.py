"""The embedded dataset: published China–Central Asia figures with citations (see SOURCES.md here).

Loaded into a new store automatically by :func:`open_store` (the layer that opens a store for a command), rebuilt by
``mirrortrade init``. Nothing here needs the network or files outside the package.
"""

from __future__ import annotations

import os
from importlib import resources

import pandas as pd

from mirrortrade.model import Citation, Indicator
from mirrortrade.store import Store
from mirrortrade.store.files import read_canonical_file

EMBEDDED_FILES = (
    "seed_figures.csv", "national_ca_china.csv", "published_figures.csv", "gdp_wdi.csv", "seed_indicators.csv",
    "gdp_published.csv",
)
#: published_figures.csv: the number exactly as printed in ``quote`` (checked by tests/test_data_citations.py);
#: not a canonical column, so the loader drops it
PRINTED_COLUMN = "printed"

NATIONAL_SOURCES = {
    "KAZ": ("KZ-BNS", "Bureau of National Statistics of Kazakhstan",
            "Основные показатели внешней торговли Республики Казахстан (main foreign trade indicators)"),
    "KGZ": ("KG-NSC", "National Statistical Committee of the Kyrgyz Republic",
            "Tables 4.03.00.18 / 4.03.00.20: geographic distribution of exports / imports of goods"),
    "UZB": ("UZ-STAT", "Statistics Agency of Uzbekistan (stat.uz)",
            "SDMX exports 1105 / imports 1176 by country"),
}
NATIONAL_URL = "https://github.com/mary-lev/eu-export-sanctions (commit 4b6a5dfc)"
#: the fixture files were retrieved from that repository at its 2025-01-09 commit; the 2023
#: Kazakh publication states its own publication date
NATIONAL_VINTAGE = "2025-01-09"
KAZ_2023_PUBLISHED = "2024-07-25"


def data_path(name: str) -> str:
    return str(resources.files("mirrortrade.data").joinpath(name))


def seed_figures() -> pd.DataFrame:
    """The figures in the two seed articles, in the canonical columns."""
    return read_canonical_file(data_path("seed_figures.csv"))


def published_figures() -> pd.DataFrame:
    """Both sides' published figures, 2015–2025, each with its publication and quoted sentence, canonical columns."""
    return read_canonical_file(data_path("published_figures.csv")).drop(columns=[PRINTED_COLUMN])


def national_figures() -> pd.DataFrame:
    """Central Asian states' own reported trade with China (KZ-BNS, KG-NSC, UZ-STAT), canonical columns."""
    raw = pd.read_csv(data_path("national_ca_china.csv"), dtype=str)
    raw = raw[raw["value"].str.strip().ne("-") & raw["value"].notna()]
    out = pd.DataFrame()
    out["reporter"] = raw["reporter_iso3"]
    out["partner"] = raw["partner_iso3"]
    out["flow"] = raw["flow"].map({"export": "X", "import": "M"})
    out["period"] = raw["period"]
    out["value"] = raw["value"]
    out["unit"] = "thousand USD"
    out["valuation"] = out["flow"].map({"X": "FOB", "M": "CIF"})
    out["source_id"] = raw["reporter_iso3"].map(lambda c: NATIONAL_SOURCES[c][0])
    out["publisher"] = raw["reporter_iso3"].map(lambda c: NATIONAL_SOURCES[c][1])
    out["title"] = raw["reporter_iso3"].map(lambda c: NATIONAL_SOURCES[c][2])
    out["url"] = NATIONAL_URL
    out["quote"] = [f"cell from {s}: {v}" for s, v in zip(raw["source_file"], raw["value"], strict=True)]
    out["vintage"] = [
        KAZ_2023_PUBLISHED if (r == "KAZ" and p == "2023") else NATIONAL_VINTAGE
        for r, p in zip(raw["reporter_iso3"], raw["period"], strict=True)
    ]
    out["note"] = [
        "preliminary (NSC marks the 2023 import column '2023 ¹ = preliminary data')" if (r == "KGZ" and p == "2023" and f == "import")
        else ("flow inferred: file 1105 = exports, 1176 = imports" if r == "UZB" else "")
        for r, p, f in zip(raw["reporter_iso3"], raw["period"], raw["flow"], strict=True)
    ]
    return out.reset_index(drop=True)


def gdp_indicators() -> list[Indicator]:
    """GDP in current USD (World Bank WDI NY.GDP.MKTP.CD) for China, the five states and Russia."""
    df = pd.read_csv(data_path("gdp_wdi.csv"), dtype=str)

    def cit(country: str, year: str, value: str) -> Citation:
        return Citation(
            publisher="World Bank, World Development Indicators",
            title="GDP (current US$), NY.GDP.MKTP.CD, via datasets/gdp",
            date="2026-03-20",
            url="https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
            quote=f"data/gdp.csv (datasets/gdp @ 822019c8), {country} {year}: {value}",
        )

    return [
        Indicator(country=r.country, indicator="gdp_usd", period=str(int(r.year)), value=float(r.value_usd),
                  unit="USD", source_id="WB-WDI", citation=cit(r.country, r.year, r.value_usd), vintage="2026-03-20")
        for r in df.itertuples()
    ]


def seed_indicators() -> list[Indicator]:
    """Non-trade figures the seeds state about trade: Kyrgyz GDP under $22bn, China's share of Uzbek trade."""
    df = pd.read_csv(data_path("seed_indicators.csv"), dtype=str, keep_default_na=False)
    return [
        Indicator(
            country=r["country"], partner=r["partner"], indicator=r["indicator"], period=r["period"],
            value=float(r["value"]), unit=r["unit"], precision=float(r["precision"]), qualifier=r["qualifier"],
            source_id=r["source_id"], citation=Citation(r["publisher"], r["title"], "", "", r["quote"]),
            vintage=r["vintage"], note=r["note"],
        )
        for _, r in df.iterrows()
    ]


def published_gdp() -> list[Indicator]:
    """GDP in current USD as the national agencies or governments published it, for years WDI does not cover yet."""
    df = pd.read_csv(data_path("gdp_published.csv"), dtype=str, keep_default_na=False)
    return [
        Indicator(
            country=r["country"], indicator=r["indicator"], period=r["period"], value=float(r["value"]),
            unit=r["unit"], precision=float(r["precision"]), qualifier=r["qualifier"], source_id=r["source_id"],
            citation=Citation(r["publisher"], r["title"], r["pub_date"], r["url"], r["quote"]),
            vintage=r["vintage"], note=r["note"],
        )
        for _, r in df.iterrows()
    ]


def load_embedded(store: Store) -> dict[str, int]:
    """Ingest the embedded dataset into ``store`` (idempotent). Returns rows added per part."""
    added = {
        "seed_figures": store.ingest_frame(seed_figures(), file="embedded:seed_figures.csv", kind="embedded").added,
        "national": store.ingest_frame(national_figures(), file="embedded:national_ca_china.csv", kind="embedded").added,
        "published": store.ingest_frame(published_figures(), file="embedded:published_figures.csv",
                                        kind="embedded").added,
        "gdp": store.ingest_indicators(gdp_indicators(), file="embedded:gdp_wdi.csv", kind="embedded").added,
        "seed_indicators": store.ingest_indicators(seed_indicators(), file="embedded:seed_indicators.csv", kind="embedded").added,
        "gdp_published": store.ingest_indicators(published_gdp(), file="embedded:gdp_published.csv",
                                                 kind="embedded").added,
    }
    store.set_meta("embedded_loaded", "1")
    return added


def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0) -> Store:
    """Open the store; a new (empty) store is filled with the embedded dataset first.

    ``wait`` seconds are spent retrying while another process holds the file (serialised writers)."""
    store = Store(path, read_only=read_only, wait=wait)
    if not read_only and store.get_meta("embedded_loaded") is None:
        load_embedded(store)
    return store
