"""Check several articles together: each against the store and the claims of the others."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.claims.io import MAX_ARTICLE_BYTES, read_article_file, validate_article_text
from mirrortrade.claims.reading import Reading, read_article
from mirrortrade.claims.verify import _claim_rows, _Overlay, _title_of, check_reading
from mirrortrade.store import IND_COLUMNS, OBS_COLUMNS


def read_input(name: str) -> str:
    """An article from a file, or standard input for '-' (validated the same way)."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        return validate_article_text(data, "<stdin>")
    return read_article_file(name)


def check_texts(
    texts: list[tuple[str, str]], store: Any | None = None, *, article_date: date | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """``[(name, text)]`` -> ``[(name, result)]``; with one text this is :func:`check_article`. Each article is
    read once (:func:`mirrortrade.claims.reading.read_article`): its claims are checked and offered to the others."""
    readings: list[tuple[str, Reading]] = [(name, read_article(text, article_date)) for name, text in texts]
    base_obs = store.observations() if store is not None else None
    base_ind = store.indicators() if store is not None else None
    out = []
    for i, (name, reading) in enumerate(readings):
        others = []
        for j, (oname, other) in enumerate(readings):
            if j == i:
                continue
            rows = _claim_rows(other.claims, _title_of(other.text), (article_date or date.today()).isoformat())
            if len(rows):
                # the other article's claims are one more publication, ids prefixed by its position
                rows["figure_id"] = [f"a{j + 1}:{fid}" for fid in rows["figure_id"]]
                rows["publisher"] = f"article {oname}"
                others.append(rows)
        ctx_store = store
        if others:
            obs = base_obs if base_obs is not None else pd.DataFrame(columns=[*OBS_COLUMNS, "ingest_id", "ingested_at"])
            ind = base_ind if base_ind is not None else pd.DataFrame(columns=list(IND_COLUMNS))
            frames = [f for f in (obs, *others) if len(f)]
            ctx_store = _Overlay(pd.concat(frames, ignore_index=True), ind)
        out.append((name, check_reading(reading, ctx_store)))
    return out


def check_files(
    names: list[str], store: Any | None = None, *, article_date: date | None = None
) -> list[tuple[str, dict[str, Any]]]:
    return check_texts([(n, read_input(n)) for n in names], store, article_date=article_date)
