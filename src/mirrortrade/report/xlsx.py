"""The report as an Excel workbook: one sheet per table, the charts as PNG images (via vl-convert).

Sheets per pair (prefixed with the country when the workbook holds several pairs): ``sides``
(every published figure of both directions), ``turnover``, ``gaps``, ``turnover_gaps``, ``gdp``, ``gdp_share``, ``estimates``,
``findings``, ``figures`` (every figure used with its source) and ``charts`` (the report's
charts as images). A ``summary`` sheet comes first.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from mirrortrade.report.charts import pair_charts, to_png
from mirrortrade.report.derived import NOT_RECONCILED, run_findings, run_findings_raw
from mirrortrade.report.excel import new_workbook, save_workbook, write_sheet
from mirrortrade.report.pair import PairData, pair_data
from mirrortrade.report.story import pair_lede

#: the table sheets of one pair, in order
PAIR_TABLES = ("sides", "turnover", "gaps", "turnover_gaps", "gdp", "gdp_share", "estimates", "findings", "figures")


def pair_tables(data: PairData) -> dict[str, pd.DataFrame]:
    """The pair's tables as frames, by sheet name."""
    est = data.estimates if data.estimates is not None else pd.DataFrame({"note": [NOT_RECONCILED]})
    if data.findings is None:
        findings = pd.DataFrame({"note": ["checks are not available in this installation"]})
    else:
        findings = pd.DataFrame([
            {**{k: f.get(k) for k in ("rule", "severity", "reporter", "partner", "flow", "period", "message", "status")},
             "evidence": json.dumps(f.get("evidence"), ensure_ascii=False, default=str) if f.get("evidence") is not None else "",
             "figure_ids": ", ".join(f.get("figure_ids") or [])}
            for f in data.findings
        ], columns=["rule", "severity", "reporter", "partner", "flow", "period", "message", "status", "evidence",
                    "figure_ids"])
    return {
        "sides": data.sides.drop(columns=["series"]),
        "turnover": data.turnover.drop(columns=["series"]),
        "gaps": data.gaps.rename(columns={"gap_pct": "gap_pct (importer vs exporter, % of exporter's)"}),
        "turnover_gaps": data.turnover_gaps.rename(
            columns={"gap_pct": f"gap_pct ({data.country} vs {data.partner}, % of {data.partner}'s)"}),
        "gdp": data.gdp.drop(columns=["series"]),
        "gdp_share": data.shares,
        "estimates": est,
        "findings": findings,
        "figures": data.figures,
    }


def _sheet(prefix: str, name: str) -> str:
    return f"{prefix}{name}"[:31]


def write_workbook(store: Any, out: str | Path, pairs: list[tuple[str, str]], years: tuple[int, int]) -> Path:
    """Write the workbook for ``pairs`` over ``years``."""
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    out = Path(out)
    raw = run_findings_raw(store)
    findings = run_findings(store, raw)
    datas = [pair_data(store, c, p, years, findings=findings, raw_findings=raw) for c, p in pairs]
    summary = pd.DataFrame([{
        "country": d.country, "partner": d.partner, "years": f"{years[0]}-{years[1]}", "summary": pair_lede(d),
        "figures": len(d.figures), "findings": None if d.findings is None else len(d.findings),
        "notes": " ".join(d.notes),
    } for d in datas])
    book = new_workbook()
    write_sheet(book, "summary", summary)
    for d in datas:
        prefix = f"{d.country} " if len(datas) > 1 else ""
        for name, df in pair_tables(d).items():
            write_sheet(book, _sheet(prefix, name), df)
        ws = book.create_sheet(_sheet(prefix, "charts"))
        ws["A1"] = d.title
        ws["A1"].font = Font(bold=True, size=14)
        row = 3
        for name, chart in pair_charts(d).items():
            png = to_png(chart, scale=1.0)
            img = Image(io.BytesIO(png))
            ws.cell(row=row, column=1, value=name).font = Font(bold=True)
            ws.add_image(img, f"A{row + 1}")
            row += int(img.height / 20) + 4
    for ws in book.worksheets:
        for col in ws.columns:
            width = max((len(str(c.value)) for c in col[:200] if c.value is not None), default=8)
            ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 8), 60)
    save_workbook(book, out)
    return out
