"""Tables out: ``show`` and ``export`` in table, CSV, JSON, Parquet and Excel form."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from mirrortrade.errors import MirrortradeError

SHOW_COLUMNS = ("figure_id", "reporter", "partner", "flow", "period", "value_usd", "qualifier", "valuation",
                "growth_pct", "source_id", "publisher", "vintage")


def show_observations(df: pd.DataFrame, fmt: str, out: Path | None = None) -> None:
    fmt = fmt.lower()
    if fmt not in ("table", "csv", "json", "parquet"):
        raise MirrortradeError(f"unknown --format {fmt!r} (expected table, csv, json or parquet)")
    if fmt == "parquet":
        if out is None:
            raise MirrortradeError("--format parquet needs --out FILE")
        df.to_parquet(out, index=False)
        return
    if fmt == "csv":
        text = df.to_csv(index=False)
    elif fmt == "json":
        text = df.to_json(orient="records", date_format="iso", force_ascii=False, indent=1)
    else:
        from rich.console import Console
        from rich.table import Table

        from mirrortrade.report.fmt import fmt_usd

        table = Table(header_style="bold")
        cols = [c for c in SHOW_COLUMNS if c in df.columns]
        for c in cols:
            table.add_column(c, justify="right" if c in ("value_usd", "growth_pct") else "left")
        for _, r in df.iterrows():
            cells = []
            for c in cols:
                v = r[c]
                if c == "value_usd":
                    cells.append(fmt_usd(v, r["qualifier"]))
                elif c == "vintage":
                    cells.append(str(v)[:10])
                elif isinstance(v, float) and pd.isna(v):
                    cells.append("")
                else:
                    cells.append(str(v))
            table.add_row(*cells)
        Console(width=200, file=open(out, "w") if out else None).print(table)  # noqa: SIM115
        if not out:
            print(f"{len(df)} figures", file=sys.stderr)
        return
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")


def export_store(store: object, out: Path, fmt: str | None = None, *, all_vintages: bool = False) -> int:
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    obs = store.observations(all_vintages=all_vintages)
    ind = store.indicators(all_vintages=all_vintages)
    if fmt == "csv":
        obs.to_csv(out, index=False)
        if len(ind):
            ind.to_csv(out.with_name(out.stem + "_indicators.csv"), index=False)
    elif fmt == "parquet":
        obs.to_parquet(out, index=False)
        if len(ind):
            ind.to_parquet(out.with_name(out.stem + "_indicators.parquet"), index=False)
    elif fmt == "xlsx":
        with pd.ExcelWriter(out, engine="openpyxl") as xw:
            _excel_safe(obs).to_excel(xw, sheet_name="observations", index=False)
            _excel_safe(ind).to_excel(xw, sheet_name="indicators", index=False)
    else:
        raise MirrortradeError(f"unknown export format {fmt!r} (expected csv, parquet or xlsx)")
    return len(obs)


def _excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Excel has no timezone-aware datetimes and no infinities."""
    df = df.copy()
    for c in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[c]):
            df[c] = df[c].astype(str)
        elif pd.api.types.is_float_dtype(df[c]):
            df[c] = df[c].where(~df[c].isin([float("inf"), float("-inf")]))
    return df
