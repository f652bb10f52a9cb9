"""Kyrgyzstan, National Statistical Committee: tables 4.03.00.18 (exports) and 4.03.00.20 (imports), .xlsx.

Layout: the title row names the table in Kyrgyz | Russian | English; a unit row "(thousand US
dollars)"; a header row with the years across the columns (1994 ... 2023), where a footnote
mark makes a year text: "2023 1" with the footnote "1 Preliminary data". Rows: Kyrgyz | Russian |
English name, then one value per year; "-" means no data. Totals and groups (Total, EU, CIS,
SCO, EAEU, continents, "Undefined country") are mixed in with countries and are excluded.
"""

from __future__ import annotations

import os
import re

from mirrortrade.errors import ParseError
from mirrortrade.model import Observation
from mirrortrade.sources.http import Raw
from mirrortrade.sources.names import has_no_iso3, is_aggregate_name, name_to_iso3
from mirrortrade.sources.national.common import (
    ParseReport,
    as_raw,
    citation,
    dedupe,
    read_sheets,
    source_id,
    today,
)

COUNTRY = "KGZ"
SCALE = 1e3
TABLES = {"4.03.00.18": "X", "4.03.00.20": "M"}


def _flow(rows: list[list[object]], file: str, flow: str | None) -> str:
    text = " ".join(str(c) for r in rows[:3] for c in r).lower()
    for code, f in TABLES.items():
        if code in text:
            return f
    if "export" in text or "экспорт" in text:
        return "X"
    if "import" in text or "импорт" in text:
        return "M"
    if flow:
        return flow.upper()
    raise ParseError("cannot tell exports from imports (no table 4.03.00.18/20 in the title)", file=file)


def _year_row(rows: list[list[object]]) -> int | None:
    for i, r in enumerate(rows[:10]):
        years = [c for c in r[3:] if re.fullmatch(r"(19|20)\d{2}(\.0)?(\s*\S{1,2})?", str(c).strip())]
        if len(years) >= 3:
            return i
    return None


def parse_report(raw: Raw | str | os.PathLike[str], *, flow: str | None = None, vintage: str = "") -> ParseReport:
    raw = as_raw(raw, COUNTRY)
    file = str(raw.path)
    sheets = read_sheets(file)
    sheet = next((s for s, rows in sheets.items() if _year_row(rows) is not None), None)
    if sheet is None:
        raise ParseError("no sheet with a row of years (1994 ... 2023)", file=file)
    rows = sheets[sheet]
    where = f"{file}#sheet={sheet}"
    flow_code = _flow(rows, where, flow)
    head = " ".join(str(c) for r in rows[:4] for c in r).lower()
    if "thousand us dollars" not in head and "тыс. долларов сша" not in head:
        raise ParseError("unit row '(thousand US dollars)' not found", file=where)
    yr = _year_row(rows)
    assert yr is not None
    columns: list[tuple[int, str, bool]] = []  # (column, year, preliminary)
    for j, c in enumerate(rows[yr]):
        s = str(c).strip()
        m = re.fullmatch(r"((?:19|20)\d{2})(?:\.0)?(\s*\S{1,2})?", s) if j >= 3 else None
        if m:
            columns.append((j, m.group(1), bool(m.group(2))))
    footnote = " ".join(str(r[2] if len(r) > 2 else "") for r in rows[yr + 1 :]).lower()
    prelim_text = "preliminary" in footnote or "рreliminary" in footnote or "предварительн" in " ".join(
        str(r[1] if len(r) > 1 else "") for r in rows[yr + 1 :]
    ).lower()
    cit = citation(COUNTRY, raw)
    sid = source_id(COUNTRY)
    rep = ParseReport([])
    pub = vintage or today()
    for i, r in enumerate(rows[yr + 1 :], start=yr + 2):
        ru, en = (str(r[1]) if len(r) > 1 else ""), (str(r[2]) if len(r) > 2 else "")
        values = [r[j] for j, _, _ in columns if j < len(r)]
        if not any(str(v).strip() not in ("", "-") for v in values):
            continue  # blank separator or footnote row
        if is_aggregate_name(en) or is_aggregate_name(ru):
            rep.skipped.append(en.strip() or ru.strip())
            continue
        partner = name_to_iso3(en, ru)
        if partner is None:
            if has_no_iso3(en) or has_no_iso3(ru):
                rep.skipped.append(en.strip() or ru.strip())
                continue
            raise ParseError(f"unknown partner name {en.strip()!r} / {ru.strip()!r}", file=where, row=i, column="C")
        for j, year, prelim in columns:
            v = r[j] if j < len(r) else ""
            if isinstance(v, str):
                if v.strip() in ("", "-"):
                    continue
                try:
                    v = float(v.replace(",", ".").replace(" ", ""))
                except ValueError:
                    raise ParseError(f"{v!r} is not a number", file=where, row=i, column=str(j)) from None
            note = "preliminary (NSC marks the 2023 import column '2023 ¹ = preliminary data')" if (
                prelim and prelim_text and year == "2023" and flow_code == "M"
            ) else ("preliminary data (footnote on the year column)" if prelim and prelim_text else "")
            rep.observations.append(Observation(
                reporter=COUNTRY, partner=partner, flow=flow_code, period=year, value_usd=float(v) * SCALE,
                source_id=sid, valuation="FOB" if flow_code == "X" else "CIF", citation=cit, vintage=pub,
                retrieved_at=raw.retrieved_at, note=note,
            ))
    prelim_years = sorted({y for _, y, p in columns if p})
    if prelim_years:
        rep.notes.append(f"preliminary: {', '.join(prelim_years)} ({'exports' if flow_code == 'X' else 'imports'})")
    rep.observations = dedupe(rep.observations, file)
    return rep


def parse(raw: Raw | str | os.PathLike[str]) -> list[Observation]:
    return parse_report(raw).observations
