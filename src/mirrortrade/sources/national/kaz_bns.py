"""Kazakhstan, Bureau of National Statistics: "Основные показатели внешней торговли" (legacy .xls).

Layout (one sheet per period; cover/legend/contents/method sheets are skipped): row 2 states
the period ("за январь-декабрь 2019 года", "2022 год", "за январь-сентябрь 2024 года"), the
unit row says "тыс. долларов США", then name | turnover | share | **export** | share |
**import** | share. Names are Russian only, countries mixed with aggregates (Всего, Страны СНГ,
Европа, Африка...). An empty cell means no trade. The cover sheet of newer files states
"Дата опубликования: 25.07.2024", used as the vintage.
"""

from __future__ import annotations

import os
import re

from mirrortrade.errors import ParseError
from mirrortrade.model import Observation, Period
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

COUNTRY = "KAZ"
SCALE = 1e3  # thousand USD

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}


def _month(word: str) -> int:
    w = word.lower()
    for stem, m in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem):
            return m
    raise ValueError(word)


def period_of(title: str) -> str:
    """'за январь-декабрь 2019 года' -> '2019'; 'январь-сентябрь 2024' -> '2024-01/2024-09'; '2022 год' -> '2022'."""
    t = " ".join(str(title).split()).lower()
    y = re.search(r"(19|20)\d{2}", t)
    if not y:
        raise ValueError(title)
    year = int(y.group(0))
    m = re.search(r"([а-я]+)\s*[-–—]\s*([а-я]+)", t)
    if m:
        m1, m2 = _month(m.group(1)), _month(m.group(2))
        return str(Period.parse(f"{year}-{m1:02d}/{year}-{m2:02d}"))
    m = re.search(r"(январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*)", t)
    if m and "год" not in t.replace("года", ""):
        mm = _month(m.group(1))
        return f"{year}-{mm:02d}"
    return str(year)


def _publication_date(sheets: dict[str, list[list[object]]]) -> str:
    for rows in sheets.values():
        for r in rows[:40]:
            for c in r:
                m = re.search(r"Дата опубликования:\s*(\d{2})\.(\d{2})\.(\d{4})", str(c))
                if m:
                    return f"{m[3]}-{m[2]}-{m[1]}"
    return ""


def _num(v: object) -> float | None:
    if v is None or (isinstance(v, str) and v.strip() in ("", "-", "–", "x", "х")):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v).replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def parse_report(raw: Raw | str | os.PathLike[str], *, flow: str | None = None, vintage: str = "") -> ParseReport:
    raw = as_raw(raw, COUNTRY)
    file = str(raw.path)
    sheets = read_sheets(file)
    published = _publication_date(sheets) or vintage or today()
    cit = citation(COUNTRY, raw)
    sid = source_id(COUNTRY)
    rep = ParseReport([])
    tables = 0
    for name, rows in sheets.items():
        header = _find_header(rows)
        if header is None:
            continue
        tables += 1
        unit = " ".join(str(c) for r in rows[: header + 1] for c in r).lower()
        if "тыс" not in unit or "доллар" not in unit:
            raise ParseError("unit row 'тыс. долларов США' not found", file=f"{file}#sheet={name}")
        title = next((str(r[0]) for r in rows[:header] if re.search(r"(19|20)\d{2}", str(r[0]))), "")
        try:
            period = period_of(title)
        except ValueError:
            raise ParseError(f"no period in the sheet title {title!r}", file=f"{file}#sheet={name}") from None
        for i, r in enumerate(rows[header + 2 :], start=header + 3):
            label = str(r[0]) if r else ""
            if is_aggregate_name(label):
                if label.strip():
                    rep.skipped.append(label.strip())
                continue
            partner = name_to_iso3(label)
            if partner is None:
                if has_no_iso3(label):
                    rep.skipped.append(label.strip())
                    continue
                raise ParseError(f"unknown partner name {label.strip()!r}", file=f"{file}#sheet={name}", row=i, column="A")
            for flow_code, col in (("X", 3), ("M", 5)):
                v = _num(r[col]) if len(r) > col else None
                if v is None:
                    continue
                rep.observations.append(Observation(
                    reporter=COUNTRY, partner=partner, flow=flow_code, period=period, value_usd=v * SCALE,
                    source_id=sid, valuation="FOB" if flow_code == "X" else "CIF", citation=cit,
                    vintage=published, retrieved_at=raw.retrieved_at, note=f"sheet {name}, row {i}",
                ))
    if tables == 0:
        raise ParseError("no BNS trade table (header 'Товарооборот | Экспорт | Импорт') in any sheet", file=file)
    rep.observations = dedupe(rep.observations, file)
    return rep


def _find_header(rows: list[list[object]]) -> int | None:
    for i, r in enumerate(rows[:12]):
        cells = [str(c).strip().lower() for c in r]
        if len(cells) >= 6 and cells[1].startswith("товарооборот") and cells[3].startswith("экспорт") and cells[5].startswith("импорт"):
            return i
    return None


def parse(raw: Raw | str | os.PathLike[str]) -> list[Observation]:
    return parse_report(raw).observations
