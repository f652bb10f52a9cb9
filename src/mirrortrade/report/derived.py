"""Results computed by other layers (reconciliation tables, checks, the claim checker), read safely.

The report and the dashboard show what has been computed and say clearly what has not: a
missing ``estimates`` table is "not computed yet: run mirrortrade reconcile", not a crash.
Everything here only reads the store.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks import explain, run_checks
from mirrortrade.claims.reading import read_article
from mirrortrade.claims.verify import check_reading
from mirrortrade.reconcile.reliability import CIF_BAND as _CIF_BAND

#: derived tables written by ``mirrortrade reconcile``
RECONCILE_TABLES = ("pairs", "estimates", "reliability")
NOT_RECONCILED = "not computed yet: run mirrortrade reconcile"

#: the normal CIF margin band (importer's CIF figure above the exporter's FOB figure), owned by reconcile
CIF_BAND: tuple[float, float] = (float(_CIF_BAND[0]), float(_CIF_BAND[1]))


def read_derived(store: Any, name: str) -> pd.DataFrame | None:
    """A derived table as a frame, or ``None`` when it has not been computed."""
    if not store.has_table(name):
        return None
    return store.read_table(name)


def jsonable(value: Any) -> Any:
    """A value JSON can carry: NaN/inf -> None, numpy scalars -> Python, dates -> ISO strings."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str | bytes):
        return jsonable(value.tolist())
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a frame as JSON-safe dicts."""
    return [jsonable(r) for r in df.to_dict(orient="records")]


# ---- checks ---------------------------------------------------------------------------------


def finding_dict(f: Any) -> dict[str, Any]:
    """A finding (dataclass, object or mapping) as a plain dict with the documented fields."""
    if isinstance(f, dict):
        d = dict(f)
    elif dataclasses.is_dataclass(f) and not isinstance(f, type):
        d = dataclasses.asdict(f)
    else:
        d = {k: getattr(f, k) for k in dir(f) if not k.startswith("_") and not callable(getattr(f, k))}
    out = {k: d.get(k) for k in ("rule", "severity", "reporter", "partner", "flow", "period", "message",
                                 "evidence", "figure_ids", "status")}
    out.update({k: v for k, v in d.items() if k not in out})
    ids = out.get("figure_ids")
    if ids is None:
        out["figure_ids"] = []
    elif isinstance(ids, str):
        out["figure_ids"] = [i for i in ids.replace(";", ",").split(",") if i.strip()]
    else:
        out["figure_ids"] = [str(i) for i in ids]
    return jsonable(out)


def run_findings_raw(store: Any) -> list[Any]:
    """The checks' :class:`Finding` objects over the whole store."""
    return list(run_checks(store))


def run_findings(store: Any, raw: list[Any] | None = None) -> list[dict[str, Any]]:
    """Every finding of the plausibility checks as dicts (of ``raw`` when given, else over ``store``)."""
    raw = run_findings_raw(store) if raw is None else raw
    return [finding_dict(f) for f in raw]


def is_problem(f: dict[str, Any]) -> bool:
    """A finding worth flagging: anything but the consistent results (severity ``info``)."""
    sev = str(f.get("severity") or "")
    if sev:
        return sev != "info"
    return f.get("status") not in (None, "", "consistent")


def explain_text(store: Any, reporter: str, partner: str, year: int, raw: list[Any] | None = None) -> str | None:
    """The checks' plain-language explanation of a pair-year, or ``None`` when it says nothing."""
    res = explain(store, reporter, partner, year, findings=raw) if raw is not None else explain(
        store, reporter, partner, year)
    text = res.text() if hasattr(res, "text") else str(res)
    return text or None


# ---- claims ---------------------------------------------------------------------------------


def check_article_json(text: str, store: Any, article_date: date | None = None) -> dict[str, Any]:
    """The claim checker's JSON for an article: ``{"claims": [...], "findings": [...], "mode": "check"}``."""
    # the article is read once (one paragraph walk); its claims give the verdicts and the offsets below
    reading = read_article(text, article_date)
    extracted = reading.claims
    res = check_reading(reading, store)
    out = jsonable(res if isinstance(res, dict) else dataclasses.asdict(res))
    out.setdefault("claims", [])
    out.setdefault("findings", [])
    out["claims"] = [c if isinstance(c, dict) else _claim_dict(c) for c in out["claims"]]
    out["findings"] = [f if isinstance(f, dict) else finding_dict(f) for f in out["findings"]]
    out["mode"] = "check"
    _add_offsets(extracted, out["claims"])
    return out


def _add_offsets(extracted: list[Any], claims: list[dict[str, Any]]) -> None:
    """Give each claim the character span of its figure in the text when the checker's JSON lacks it:
    the extractor's claims (``extracted``, from the same reading) carry ``start``/``end`` and the same ids and
    quotes."""
    if not claims or all(isinstance(c.get("start"), int) for c in claims):
        return
    spans = {(c.id, c.quote): (c.start, c.end) for c in extracted}
    for c in claims:
        span = spans.get((c.get("id"), c.get("quote")))
        if span is not None and not isinstance(c.get("start"), int):
            c["start"], c["end"] = int(span[0]), int(span[1])


def _claim_dict(c: Any) -> dict[str, Any]:
    if isinstance(c, dict):
        return jsonable(c)
    if hasattr(c, "to_dict"):
        return jsonable(c.to_dict())
    if dataclasses.is_dataclass(c) and not isinstance(c, type):
        return jsonable(dataclasses.asdict(c))
    return jsonable(vars(c))


def highlight_segments(text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split ``text`` into plain and claim segments by the claims' ``start``/``end`` offsets.

    Claims without offsets are placed by finding their quote in the text. Overlapping or
    out-of-range spans are skipped; the segments' texts concatenate to ``text``.
    Each claim segment carries the claim's index, id and status. The caller escapes the texts.
    """
    spans = []
    for i, c in enumerate(claims):
        s, e = c.get("start"), c.get("end")
        if not (isinstance(s, int) and isinstance(e, int)):
            quote = c.get("quote") or ""
            s = text.find(quote) if quote else -1
            e = s + len(quote) if s >= 0 else None
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
            spans.append((s, e, i, c))
    spans.sort(key=lambda t: (t[0], -t[1]))
    out: list[dict[str, Any]] = []
    pos = 0
    for s, e, i, c in spans:
        if s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "claim": None})
        out.append({"text": text[s:e], "claim": i, "id": c.get("id"), "status": c.get("status") or "claim"})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "claim": None})
    return out
