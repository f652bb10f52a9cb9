"""Vocabulary and codes: flows, valuations, sources, country codes (ISO3) and their names."""

from __future__ import annotations

import re
from functools import lru_cache

from mirrortrade.errors import CodeError

FLOWS: dict[str, str] = {
    "X": "export",
    "M": "import",
    "RX": "re-export",
    "RM": "re-import",
    "T": "turnover (X + M)",
    "B": "balance (X - M)",
}

#: the same trade from the partner's side: A's exports to B are B's imports from A; a turnover or a balance is the
#: partner's turnover or balance (the balance with its sign turned)
MIRROR_FLOW: dict[str, str] = {"X": "M", "M": "X", "T": "T", "B": "B", "RX": "RM", "RM": "RX"}

VALUATIONS = ("FOB", "CIF", "UNKNOWN")

SOURCES: dict[str, str] = {
    "CN-GACC": "General Administration of Customs of the People's Republic of China",
    "KZ-BNS": "Bureau of National Statistics of Kazakhstan",
    "KG-NSC": "National Statistical Committee of the Kyrgyz Republic",
    "KZ-GOV": "Government of Kazakhstan (ministries)",
    "KG-GOV": "Government of the Kyrgyz Republic",
    "UZ-STAT": "National Statistics Committee / statistics agency of Uzbekistan",
    "UZ-GOV": "Government of Uzbekistan (President, ministries)",
    "TJ-CUSTOMS": "Customs Service of Tajikistan",
    "TJ-STAT": "Agency on Statistics under the President of the Republic of Tajikistan",
    "TJ-GOV": "Government of Tajikistan (ministries)",
    "TM-GOV": "Government of Turkmenistan",
    "UN-COMTRADE": "UN Comtrade",
    "IMF-IMTS": "IMF International Trade in Goods by partner (IMTS)",
    "WB-WDI": "World Bank World Development Indicators",
    "WITS": "World Bank WITS (UN Comtrade extract)",
    "PRESS": "press report without a named statistical source",
    "USER": "a file ingested by the user",
    "SYNTH": "mirrortrade synthetic world",
}

#: ISO3 codes of the five Central Asian states (M49 sub-region "Central Asia")
CENTRAL_ASIA: tuple[str, ...] = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

#: codes that are not countries but are valid partners
AGGREGATES: dict[str, str] = {
    "WLD": "World",
    "CA5": "Central Asia (KAZ, KGZ, TJK, TKM, UZB)",
    "EUU": "European Union",
    # trading blocs and continents that trade news reports figures with (never summed from members: no member list)
    "AFR": "Africa",
    "ASN": "ASEAN",
    "LAC": "Latin America and the Caribbean",
    "SCO": "Shanghai Cooperation Organisation",
}

#: members of each aggregate we can sum over (regional total = sum of its countries)
AGGREGATE_MEMBERS: dict[str, tuple[str, ...]] = {"CA5": CENTRAL_ASIA}

NAMES: dict[str, str] = {
    "CHN": "China",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "UZB": "Uzbekistan",
    "RUS": "Russia",
    **AGGREGATES,
}


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    # Kosovo has no ISO code but is a trade partner in Comtrade and the IMF lists
    codes |= {"XKX"}
    return frozenset(codes)


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 country code."""
    return code in _iso3_codes()


def check_code(code: object, *, field_name: str = "code", allow_aggregate: bool = True) -> str:
    """Validate a reporter/partner code and return it upper-cased, or raise :class:`CodeError`."""
    if not isinstance(code, str) or not code.strip():
        raise CodeError(f"empty {field_name}", column=field_name)
    c = code.strip().upper()
    if c.isdigit():
        raise CodeError(
            f"{field_name} {code!r} is a numeric code; ISO3 alpha codes are expected "
            "(Comtrade numeric codes are mapped by the Comtrade source)",
            column=field_name,
        )
    if is_country(c) or (allow_aggregate and c in AGGREGATES):
        return c
    raise CodeError(f"unknown {field_name} {code!r} (expected ISO3, e.g. CHN, KAZ)", column=field_name)


def country_name(code: str) -> str:
    """A short English name for an ISO3 code (falls back to the code)."""
    if code in NAMES:
        return NAMES[code]
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or (c.name if c else code)


def check_flow(flow: object) -> str:
    f = str(flow).strip().upper() if flow is not None else ""
    if f not in FLOWS:
        raise CodeError(f"unknown flow {flow!r} (expected one of {', '.join(FLOWS)})", column="flow")
    return f


def check_source(source_id: object) -> str:
    s = str(source_id).strip().upper() if source_id is not None else ""
    if not re.fullmatch(r"[A-Z]{2,}(-[A-Z0-9]+)*", s):
        raise CodeError(f"bad source id {source_id!r} (expected e.g. CN-GACC, UN-COMTRADE)", column="source_id")
    return s

