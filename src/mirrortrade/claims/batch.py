"""Check several articles together: each against the store and the claims of the others."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.claims.extract import Claim, extract_claims
from mirrortrade.claims.indicators import extract_indicators
from mirrortrade.claims.io import MAX_ARTICLE_BYTES, read_article, validate_article_text
from mirrortrade.claims.periods import reference_date
from mirrortrade.claims.verify import _claim_rows, _Overlay, _title_of, check_claims
from mirrortrade.store import IND_COLUMNS, OBS_COLUMNS


def read_input(name: str) -> str:
    """An article from a file, or standard input for '-' (validated the same way)."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        return validate_article_text(data, "<stdin>")
    return read_article(name)


def check_texts(
    texts: list[tuple[str, str]], store: Any | None = None, *, article_date: date | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """``[(name, text)]`` -> ``[(name, result)]``; with one text this is :func:`check_article`."""
    extracted: list[tuple[str, str, list[Claim]]] = [
        (name, text, extract_claims(text, article_date=article_date)) for name, text in texts
    ]
    base_obs = store.observations() if store is not None else None
    base_ind = store.indicators() if store is not None else None
    out = []
    for i, (name, text, claims) in enumerate(extracted):
        others = []
        for j, (oname, otext, oclaims) in enumerate(extracted):
            if j == i:
                continue
            rows = _claim_rows(oclaims, _title_of(otext), (article_date or date.today()).isoformat())
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
        out.append((name, check_claims(claims, ctx_store, title=_title_of(text), article_date=article_date,
                                       indicators=extract_indicators(text, article_date=article_date),
                                       published=reference_date(text, article_date))))
    return out


def check_files(
    names: list[str], store: Any | None = None, *, article_date: date | None = None
) -> list[tuple[str, dict[str, Any]]]:
    return check_texts([(n, read_input(n)) for n in names], store, article_date=article_date)
