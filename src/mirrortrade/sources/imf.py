"""IMF International Trade in Goods by partner country (IMTS, the successor of DOTS), SDMX 3.0.

``GET https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/{key}`` with the key
``COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY`` (``+`` joins several values), answered
as SDMX-ML 3.0 StructureSpecificData.

* Indicators: ``XG_FOB_USD`` exports FOB, ``MG_CIF_USD`` imports CIF.
* Codes are ISO3 for countries; ``G001`` (World) -> WLD, ``G998`` (EU) -> EUU; other area
  codes (G…, GX…, TX…) are groups and are skipped, never stored as bilateral rows.
* ``OBS_VALUE`` is in plain US dollars although the series carry ``SCALE="6"``: USA->G001
  2023 is 2019551635133, which the legacy DOT API gives as 2019551.635133 million (see the
  fixtures' SOURCES.md). SCALE is a display hint and is not applied.
* Reading: sdmx1 (2.28) reads these SDMX-ML 3.0 messages without the DSD. Without the DSD it
  cannot tell dimensions from series attributes, so ``OVERLAP`` and ``SCALE`` appear in the
  series key; the values are therefore taken by dimension id, never by position.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from mirrortrade.errors import CodeError, SourceError
from mirrortrade.model import Citation, Observation, check_code, is_country
from mirrortrade.sources.http import Raw, Request
from mirrortrade.sources.http import fetch as fetch  # the shared fetch step, re-exported

SOURCE_ID = "IMF-IMTS"
BASE = "https://api.imf.org/external/sdmx/3.0"
DATA_PATH = "/data/dataflow/IMF.STA/IMTS/+/{key}"
PUBLISHER = "International Monetary Fund"
TITLE = "International Trade in Goods (by partner country) (IMTS), IMF.STA:IMTS"

INDICATORS: dict[str, tuple[str, str]] = {  # flow -> (indicator, valuation)
    "X": ("XG_FOB_USD", "FOB"),
    "M": ("MG_CIF_USD", "CIF"),
}
FLOW_OF: dict[str, tuple[str, str]] = {
    "XG_FOB_USD": ("X", "FOB"),
    "MG_CIF_USD": ("M", "CIF"),
    "MG_FOB_USD": ("M", "FOB"),
}
AREAS_TO_ISO: dict[str, str] = {"G001": "WLD", "G998": "EUU"}
ISO_TO_AREA: dict[str, str] = {v: k for k, v in AREAS_TO_ISO.items()}


@dataclass(frozen=True)
class ImfQuery:
    countries: tuple[str, ...]
    partners: tuple[str, ...] = ("WLD",)
    years: tuple[int, ...] = ()
    freq: str = "A"  # A | Q | M
    flows: tuple[str, ...] = ("X", "M")
    base: str = BASE


def check(query: ImfQuery) -> ImfQuery:
    if not query.countries:
        raise CodeError("no country given", column="reporter")
    cs = tuple(check_code(c, field_name="country", allow_aggregate=False) for c in query.countries)
    ps = tuple(check_code(p, field_name="partner") for p in (query.partners or ("WLD",)))
    for p in ps:
        if not is_country(p) and p not in ISO_TO_AREA:
            raise CodeError(f"partner {p!r} has no IMF IMTS code (WLD, EUU or a country)", column="partner")
    if query.freq not in ("A", "Q", "M"):
        raise CodeError(f"freq {query.freq!r}: IMTS has A, Q and M", column="freq")
    flows = tuple(f.upper() for f in query.flows)
    if any(f not in INDICATORS for f in flows):
        raise CodeError(f"flows {flows}: IMTS has X (exports FOB) and M (imports CIF)", column="flow")
    if not query.years:
        raise CodeError("no years given", column="period")
    return replace(query, countries=cs, partners=ps, flows=flows, years=tuple(sorted({int(y) for y in query.years})))


def _imf_code(iso: str) -> str:
    return ISO_TO_AREA.get(iso, iso)


def build(query: ImfQuery) -> list[Request]:
    """One request for the whole query (the key joins values with '+')."""
    q = check(query)
    key = ".".join([
        "+".join(q.countries),
        "+".join(INDICATORS[f][0] for f in q.flows),
        "+".join(_imf_code(p) for p in q.partners),
        q.freq,
    ])
    y0, y1 = min(q.years), max(q.years)
    params = (
        ("c[TIME_PERIOD]", f"ge:{y0}-01-01+le:{y1}-12-31"),
        ("dimensionAtObservation", "TIME_PERIOD"),
        ("detail", "full"),
        ("includeHistory", "false"),
    )
    return [Request(SOURCE_ID, q.base + DATA_PATH.format(key=key), params, expect="xml", accept="application/xml",
                    label=f"IMF IMTS {key}")]


_RE_Q = re.compile(r"^(\d{4})-?Q([1-4])$")
_RE_M = re.compile(r"^(\d{4})-?M?(\d{2})$")


def period_of(freq: str, time_period: str) -> str:
    """SDMX TIME_PERIOD -> model period: 2023 / 2023-Q1 / 2023-M01 or 2023-01."""
    t = time_period.strip().upper()
    if freq == "A" or re.fullmatch(r"\d{4}", t):
        return t[:4]
    if freq == "Q" and (m := _RE_Q.match(t)):
        return f"{m[1]}-Q{m[2]}"
    if freq == "M" and (m := _RE_M.match(t)):
        return f"{m[1]}-{m[2]}"
    raise SourceError(f"IMF TIME_PERIOD {time_period!r} not understood for frequency {freq}")


@dataclass
class ParseReport:
    observations: list[Observation]
    skipped_series: list[str]


def parse_report(raw: Raw | str | os.PathLike[str]) -> ParseReport:
    import sdmx

    # sdmx1 2.28: reading an SDMX-ML 2.1 message registers its namespaces globally, and the 3.0 reader,
    # imported lazily on the first 3.0 message, then fails at import ("ValueError: urn:..."). Importing
    # it up front avoids that order dependence.
    import sdmx.reader.xml.v30  # noqa: F401

    path = raw.path if isinstance(raw, Raw) else Path(raw)
    url = raw.url if isinstance(raw, Raw) else ""
    retrieved = raw.retrieved_at if isinstance(raw, Raw) else ""
    log = logging.getLogger("sdmx")
    level = log.level
    log.setLevel(logging.ERROR)  # "got no structure= argument" is expected: see module docstring
    try:
        with open(path, "rb") as f:  # sdmx1 leaves a file it opens itself unclosed
            msg = sdmx.read_sdmx(f)
    except OSError as e:
        raise SourceError(f"{url or path}: cannot open the SDMX message: {e.strerror}") from None
    except Exception as e:  # the reader raises many types; each becomes one line naming the URL/file
        raise SourceError(f"{url or path}: cannot read the SDMX message: {str(e).splitlines()[0][:200]}") from None
    finally:
        log.setLevel(level)
    data = getattr(msg, "data", None)
    if data is None:
        raise SourceError(f"{url or path}: not an SDMX data message ({type(msg).__name__})")
    cit = Citation(publisher=PUBLISHER, title=TITLE, url=url)
    out: list[Observation] = []
    skipped: list[str] = []
    for ds in data:
        for skey, observations in ds.series.items():
            dims = {k: str(v.value) for k, v in skey.values.items()}
            lacking = [d for d in ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY") if d not in dims]
            if lacking:
                raise SourceError(
                    f"{url or path}: not an IMF IMTS message: series key {'.'.join(dims.values()) or '(empty)'} "
                    f"has no {', '.join(lacking)} (dimensions {', '.join(dims) or 'none'})"
                )
            country, ind, cp, freq = (dims.get(k, "") for k in ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY"))
            label = f"{country}.{ind}.{cp}.{freq}"
            if ind not in FLOW_OF:
                skipped.append(f"{label}: indicator not a trade flow")
                continue
            partner = AREAS_TO_ISO.get(cp, cp)
            if not is_country(country):
                skipped.append(f"{label}: reporter is not a country")
                continue
            if not (is_country(partner) or partner in ("WLD", "EUU")):
                skipped.append(f"{label}: counterpart is an area, not a partner country")
                continue
            flow, valuation = FLOW_OF[ind]
            for o in observations:
                if o.value is None or str(o.value).strip() in ("", "NaN"):
                    continue
                t = str(o.dimension.values["TIME_PERIOD"].value)
                out.append(Observation(
                    reporter=country, partner=partner, flow=flow, period=period_of(freq, t),
                    value_usd=float(o.value), source_id=SOURCE_ID, valuation=valuation, citation=cit,
                    retrieved_at=retrieved, vintage=retrieved[:10] if retrieved else "",
                    note=f"IMF series {label}" + (f"; SCALE={dims['SCALE']} not applied (values are in USD)" if "SCALE" in dims else ""),
                ))
    return ParseReport(out, skipped)


def parse(raw: Raw | str | os.PathLike[str]) -> list[Observation]:
    return parse_report(raw).observations
