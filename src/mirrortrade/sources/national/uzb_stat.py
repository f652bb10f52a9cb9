"""Uzbekistan, statistics agency (stat.uz) SDMX CSV export: UTF-8 with a BOM.

Columns: ``Code`` (ISO 3166 numeric, as text), names in Uzbek, Russian and English, then one
column per year. No total row, no unit and no flow in the file: the unit is thousand USD (the
publisher's dataset description) and the flow comes from the dataset number in the file name,
``1105`` = exports, ``1176`` = imports (the source repository converts 1176 into its import
table), or from ``flow=``. Code 0 "Other countries" is trade without an allocated partner and
is excluded.
"""

from __future__ import annotations

import csv
import os
import re

from mirrortrade.errors import ParseError
from mirrortrade.model import Observation, is_country
from mirrortrade.sources.http import Raw
from mirrortrade.sources.names import has_no_iso3, name_to_iso3
from mirrortrade.sources.national.common import ParseReport, as_raw, citation, dedupe, source_id, today

COUNTRY = "UZB"
SCALE = 1e3
DATASETS = {"1105": "X", "1176": "M"}


def _flow(name: str, flow: str | None) -> str:
    if flow:
        return flow.upper()
    for ds, f in DATASETS.items():
        if re.search(rf"(^|\D){ds}(\D|$)", name):
            return f
    raise ParseError("cannot tell exports from imports: the file name has no dataset 1105/1176; pass --flow X or M",
                     file=name)


def _iso_numeric(code: str) -> str | None:
    import pycountry

    c = code.strip()
    if not c.isdigit():
        return None
    hit = pycountry.countries.get(numeric=c.zfill(3))
    return hit.alpha_3 if hit is not None and is_country(hit.alpha_3) else None


def parse_report(raw: Raw | str | os.PathLike[str], *, flow: str | None = None, vintage: str = "") -> ParseReport:
    raw = as_raw(raw, COUNTRY)
    file = str(raw.path)
    flow_code = _flow(os.path.basename(file), flow)
    cit = citation(COUNTRY, raw)
    sid = source_id(COUNTRY)
    rep = ParseReport([], notes=["flow inferred: file 1105 = exports, 1176 = imports"] if not flow else [])
    pub = vintage or today()
    try:
        text = raw.path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ParseError(f"not UTF-8 text (byte {e.start})", file=file) from None
    reader = csv.DictReader(text.splitlines())
    fields = reader.fieldnames or []
    if "Code" not in fields:
        raise ParseError(f"no 'Code' column (found {fields[:5]})", file=file, column="Code")
    years = [f for f in fields if re.fullmatch(r"(19|20)\d{2}", f.strip())]
    if not years:
        raise ParseError("no year columns", file=file)
    for i, r in enumerate(reader, start=1):
        code = (r.get("Code") or "").strip()
        if code in ("0", "000"):
            rep.skipped.append(f"Code {code} {r.get('Klassifikator_en', '')}".strip())
            continue
        partner = _iso_numeric(code) or name_to_iso3(r.get("Klassifikator_en", ""), r.get("Klassifikator_ru", ""))
        if partner is None and (has_no_iso3(r.get("Klassifikator_en", "")) or has_no_iso3(r.get("Klassifikator_ru", ""))):
            rep.skipped.append(f"Code {code} {r.get('Klassifikator_en', '')} (no current ISO 3166 code)")
            continue
        if partner is None:
            raise ParseError(f"unknown partner code {code!r} ({r.get('Klassifikator_en', '')})", file=file, row=i,
                             column="Code")
        for y in years:
            v = (r.get(y) or "").strip()
            if v in ("", "-"):
                continue
            try:
                value = float(v)
            except ValueError:
                raise ParseError(f"{v!r} is not a number", file=file, row=i, column=y) from None
            rep.observations.append(Observation(
                reporter=COUNTRY, partner=partner, flow=flow_code, period=y.strip(), value_usd=value * SCALE,
                source_id=sid, valuation="FOB" if flow_code == "X" else "CIF", citation=cit, vintage=pub,
                retrieved_at=raw.retrieved_at,
                note="flow inferred: file 1105 = exports, 1176 = imports" if not flow else "",
            ))
    rep.observations = dedupe(rep.observations, file)
    return rep


def parse(raw: Raw | str | os.PathLike[str]) -> list[Observation]:
    return parse_report(raw).observations
