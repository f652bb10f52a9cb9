"""Excel sheets that read back as they were written: every number with its exact value, dates as dates.

openpyxl writes a float with 16 significant digits (``"%.16g"``), which is not always the same double:
11143739729.189999 comes back as 11143739729.19. While :func:`exact_numbers` is active (every sheet this
module writes), a float is written as its shortest exact text (``float.__repr__``), which every reader
(python-calamine, Excel, LibreOffice) parses back to the same double. A column of ISO dates
(``YYYY-MM-DD``, the store's vintages) is written as Excel dates; a text that starts with ``=`` stays text
(never a formula). What Excel cannot hold is said here, not lost silently: it has no infinity, so an
unbounded end (``[22e9, ∞)``) is a blank cell; its times hold milliseconds, so a timestamp is written
rounded to the millisecond (as UTC, without its time zone); a blank text is a blank cell.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOCK = threading.Lock()


def excel_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` as the cells of a sheet: ±∞ blank, timestamps in UTC to the millisecond, ISO date texts as dates."""
    df = df.copy()
    for c in df.columns:
        col = df[c]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            col = col.dt.tz_convert("UTC").dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(col):
            df[c] = col.dt.round("ms")
        elif pd.api.types.is_float_dtype(col):
            df[c] = col.where(~col.isin([math.inf, -math.inf]))
        elif _is_date_column(col):
            df[c] = pd.Series([_date(v) for v in col], index=col.index, dtype=object)
    return df


def _is_date_column(col: pd.Series) -> bool:
    """A text column whose every non-blank cell is an ISO date (and which has one)."""
    if not (pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)):
        return False
    seen = False
    for v in col:
        if _blank(v):
            continue
        if isinstance(v, dt.datetime) or not isinstance(v, str | dt.date):
            return False
        if isinstance(v, str) and not (_ISO_DATE.fullmatch(v) and _parses(v)):
            return False
        seen = True
    return seen


def _parses(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _blank(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)) or v == ""


def _date(v: object) -> dt.date | None:
    if _blank(v):
        return None
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def cell_value(v: Any) -> Any:
    """One cell as openpyxl takes it: Python scalars, None for a blank (NaN, NA, NaT, ±∞)."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, pd.Timestamp):
        v = v.to_pydatetime()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def write_sheet(book: Any, name: str, df: pd.DataFrame) -> Any:
    """Add ``df`` to the openpyxl workbook ``book`` as sheet ``name`` (header row, then one row per record)."""
    ws = book.create_sheet(name)
    cells = excel_frame(df)
    ws.append([str(c) for c in cells.columns])
    for row in cells.itertuples(index=False, name=None):
        ws.append([cell_value(v) for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # a text that starts with "=": text, never a formula
                cell.data_type = "s"
    return ws


def _exact(value: Any, _orig: Any) -> str:
    if isinstance(value, float | np.floating) and math.isfinite(value):
        return float.__repr__(float(value))
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return str(int(value))
    return str(_orig(value))


@contextmanager
def exact_numbers() -> Iterator[None]:
    """While active, openpyxl writes numbers exactly (see the module's docstring). One writer at a time."""
    from openpyxl.cell import _writer

    with _LOCK:
        orig = _writer.safe_string
        _writer.safe_string = lambda value: _exact(value, orig)
        try:
            yield
        finally:
            _writer.safe_string = orig


def new_workbook() -> Any:
    """An openpyxl workbook with no sheet yet (:func:`write_sheet` adds them)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def save_workbook(book: Any, out: str | Path) -> None:
    """Save ``book`` to ``out`` with every number written exactly (:func:`exact_numbers`)."""
    with exact_numbers():
        book.save(out)
