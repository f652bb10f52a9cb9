"""Tables out: ``show`` and ``export`` in table, CSV, JSON, Parquet and Excel form."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from mirrortrade.errors import MirrortradeError
from mirrortrade.report.excel import new_workbook, save_workbook, write_sheet
from mirrortrade.report.fmt import fmt_usd

SHOW_COLUMNS = ("figure_id", "reporter", "partner", "flow", "period", "value_usd", "qualifier", "valuation",
                "growth_pct", "source_id", "publisher", "vintage")


#: rows ``mirrortrade show`` prints unless told otherwise (--limit N, --limit 0 or --all for every row)
DEFAULT_SHOW_LIMIT = 100
#: rows read from the store at a time when every row is shown (so a store of millions is streamed)
SHOW_PAGE = 10_000
SHOW_FORMATS = ("table", "csv", "json", "parquet")


def show_store(store: object, fmt: str, out: Path | None = None, *, limit: int | None = None, show_all: bool = False,
               **filters: object) -> tuple[int, int]:
    """``mirrortrade show``: at most ``limit`` rows (default :data:`DEFAULT_SHOW_LIMIT`; 0 or ``show_all``: every
    row, read and written a page at a time). Returns ``(shown, total)`` and says "showing N of M" on stderr."""
    fmt = fmt.lower()
    if fmt not in SHOW_FORMATS:
        raise MirrortradeError(f"unknown --format {fmt!r} (expected {', '.join(SHOW_FORMATS)})")
    if limit is not None and limit < 0:
        raise MirrortradeError(f"--limit must be 0 (every row) or more, not {limit}")
    everything = show_all or limit == 0
    page = SHOW_PAGE if everything else (limit or DEFAULT_SHOW_LIMIT)
    shown, offset, total, sink = 0, 0, 0, _Sink(fmt, out)
    try:
        while True:
            df, total = store.observations_page(limit=page, offset=offset, **filters)  # type: ignore[attr-defined]
            sink.write(df)
            shown += len(df)
            offset += len(df)
            if not everything or len(df) < page or shown >= total:
                break
    finally:
        sink.close()
    more = "" if shown >= total else " (--limit N for more, --all for every one)"
    print(f"showing {shown} of {total} {'figure' if total == 1 else 'figures'}{more}", file=sys.stderr)
    return shown, total


class _Sink:
    """Writes pages of rows as one table/CSV/JSON array/Parquet file."""

    def __init__(self, fmt: str, out: Path | None) -> None:
        if fmt == "parquet" and out is None:
            raise MirrortradeError("--format parquet needs --out FILE")
        self.fmt, self.out, self.n = fmt, out, 0
        self.fh = open(out, "w", encoding="utf-8") if out and fmt != "parquet" else sys.stdout  # noqa: SIM115
        self.pq = None

    def write(self, df: pd.DataFrame) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            t = pa.Table.from_pandas(df, preserve_index=False)
            if self.pq is None:
                self.pq = pq.ParquetWriter(str(self.out), t.schema)
            self.pq.write_table(t.cast(self.pq.schema))
        elif self.fmt == "csv":
            self.fh.write(df.to_csv(index=False, header=self.n == 0))
        elif self.fmt == "json":
            body = df.to_json(orient="records", date_format="iso", force_ascii=False)
            if len(df):
                self.fh.write(("[" if self.n == 0 else ",") + body[1:-1])
        elif len(df) or self.n == 0:
            _print_table(df, self.fh)
        self.n += len(df)

    def close(self) -> None:
        if self.fmt == "json":
            self.fh.write(("[" if self.n == 0 else "") + "]\n")
        if self.pq is not None:
            self.pq.close()
        elif self.fmt == "parquet" and self.out is not None and self.n == 0:
            pd.DataFrame(columns=list(SHOW_COLUMNS)).to_parquet(self.out, index=False)
        if self.fh is not sys.stdout:
            self.fh.close()
        else:
            self.fh.flush()


def _print_table(df: pd.DataFrame, fh: object) -> None:
    from rich.console import Console
    from rich.table import Table


    table = Table(header_style="bold")
    cols = [c for c in SHOW_COLUMNS if c in df.columns]
    for c in cols:
        table.add_column(c, justify="right" if c in ("value_usd", "growth_pct") else "left")
    for r in df.itertuples(index=False):
        cells = []
        for c in cols:
            v = getattr(r, c)
            if c == "value_usd":
                cells.append(fmt_usd(v, r.qualifier))
            elif c == "vintage":
                cells.append(str(v)[:10])
            elif isinstance(v, float) and pd.isna(v):
                cells.append("")
            else:
                cells.append(str(v))
        table.add_row(*cells)
    Console(width=200, file=fh).print(table)  # type: ignore[arg-type]


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
        if out:
            with open(out, "w", encoding="utf-8") as fh:
                _print_table(df, fh)
        else:
            _print_table(df, None)
        if not out:
            print(f"{len(df)} {'figure' if len(df) == 1 else 'figures'}", file=sys.stderr)
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
        book = new_workbook()
        write_sheet(book, "observations", obs)
        write_sheet(book, "indicators", ind)
        save_workbook(book, out)
    else:
        raise MirrortradeError(f"unknown export format {fmt!r} (expected csv, parquet or xlsx)")
    return len(obs)
