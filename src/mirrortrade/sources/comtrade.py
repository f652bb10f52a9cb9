"""UN Comtrade data API v1 (goods, HS): check -> build -> fetch -> parse.

* With a subscription key (``COMTRADE_API_KEY``, or ``[comtrade] api_key`` in
  ``user_config_dir("mirrortrade")/config.toml``) queries go to
  ``https://comtradeapi.un.org/data/v1/get/C/{freq}/HS`` (up to 250,000 rows per call);
  without one to the public preview endpoint ``.../public/v1/preview/C/{freq}/HS`` (500 rows).
  The key travels in the ``Ocp-Apim-Subscription-Key`` header and is never cached or logged.
* The row cap: a query is split up front into calls of at most 12 periods (the API's limit)
  whose estimated row count fits the cap, and any response that comes back holding exactly
  the cap is split again (by period, then partner, then flow) and refetched. Each split is
  announced in :attr:`Plan.notes`.
* Comtrade's own country codes are mapped with the reference lists shipped in
  ``mirrortrade/data`` (``reference_Reporters.json`` is the authority; see SOURCES.md there):
  USA 842, FRA 251, NOR 579, CHE 757, IND 699; 490 "Other Asia, nes" (alpha-3 ``S19``) is
  Taiwan -> TWN; partner 0 (World) -> WLD; 97 (EU) -> EUU. Areas ("nes", bunkers, free zones)
  are never turned into bilateral rows: they are dropped and counted.
* Values: ``primaryValue``, and ``cifvalue``/``fobvalue`` matched case-insensitively (the
  field dictionary spells them ``cifValue``/``fobValue``). Imports are CIF, exports FOB.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from mirrortrade.data import data_path
from mirrortrade.errors import CodeError, SourceError
from mirrortrade.model import Citation, Observation, check_code, is_country
from mirrortrade.sources.http import Fetcher, Raw, Request
from mirrortrade.sources.http import fetch as fetch  # the shared fetch step, re-exported

SOURCE_ID = "UN-COMTRADE"
BASE = "https://comtradeapi.un.org"
DATA_PATH = "/data/v1/get/C/{freq}/HS"
PREVIEW_PATH = "/public/v1/preview/C/{freq}/HS"
KEY_HEADER = "Ocp-Apim-Subscription-Key"

ROW_CAP_DATA = 250_000
ROW_CAP_PREVIEW = 500
MAX_PERIODS = 12
FLOWS = ("X", "M", "RX", "RM")
#: rows per reporter x partner x flow x period for each product level (HS2022 code counts
#: from datasets/harmonized-system: 97 chapters, 1,229 headings, 5,613 subheadings)
PRODUCT_ROWS = {"TOTAL": 1, "AG2": 97, "AG4": 1229, "AG6": 5613}

PUBLISHER = "United Nations Statistics Division, UN Comtrade"
TITLE = "UN Comtrade database, goods trade by partner (HS), data API v1"

#: Comtrade codes whose alpha-3 in the reference lists is not the ISO3 we store
CODE_EXCEPTIONS: dict[int, str] = {
    0: "WLD",  # World
    97: "EUU",  # European Union (a group: kept as an aggregate partner, never as a country)
    490: "TWN",  # "Other Asia, nes", alpha-3 S19: Taiwan as reported by Comtrade
    412: "XKX",  # Kosovo, alpha-3 _KS
}
#: ISO3 -> the code to query with, where the reference lists hold several current codes
ISO3_EXCEPTIONS: dict[str, int] = {"TWN": 490, "WLD": 0, "EUU": 97}


# --------------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------------


def _data_file(name: str) -> str:
    return data_path(name)


@lru_cache(maxsize=1)
def _reference() -> tuple[dict[int, str | None], dict[str, int]]:
    """(code -> ISO3 or None for areas/groups, ISO3 -> current code) from the reference lists."""
    code_to: dict[int, str | None] = {}
    iso_to: dict[str, int] = {}
    with open(_data_file("reference_Reporters.json"), encoding="utf-8") as f:
        reporters = json.load(f)["results"]
    for r in reporters:
        code = int(r["reporterCode"])
        a3 = (r.get("reporterCodeIsoAlpha3") or "").strip()
        code_to[code] = a3 if is_country(a3) and not r.get("isGroup") else None
        if code_to[code] and not r.get("entryExpiredDate"):
            iso_to.setdefault(a3, code)
    with open(_data_file("reference_Partners_comtradr.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = int(r["id"])
            a3 = (r.get("iso_3") or "").strip()
            if code not in code_to:
                code_to[code] = a3 if is_country(a3) and r.get("group") != "true" else None
            if code_to.get(code) and not r.get("exit_year"):
                iso_to.setdefault(a3, code)
    for code, iso in CODE_EXCEPTIONS.items():
        code_to[code] = iso
    iso_to.update(ISO3_EXCEPTIONS)
    return code_to, iso_to


def code_to_iso3(code: int | str) -> str | None:
    """ISO3 (or WLD/EUU) for a Comtrade reporter/partner code; None for areas that are not partners."""
    try:
        c = int(code)
    except (TypeError, ValueError):
        return None
    return _reference()[0].get(c)


def iso3_to_code(iso3: str) -> int:
    """The Comtrade code to query for an ISO3 code (USA -> 842, TWN -> 490, WLD -> 0)."""
    iso = iso3.strip().upper()
    code = _reference()[1].get(iso)
    if code is None:
        raise CodeError(f"no UN Comtrade code for {iso3!r}", column="partner")
    return code


# --------------------------------------------------------------------------------------------
# Query
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComtradeQuery:
    reporters: tuple[str, ...]
    partners: tuple[str, ...] = ("WLD",)
    years: tuple[int, ...] = ()
    freq: str = "A"  # A | M
    flows: tuple[str, ...] = FLOWS
    hs: int | None = None  # None: TOTAL; 2/4/6: all codes at that HS level
    products: tuple[str, ...] = ()  # explicit HS codes instead of a level
    api_key: str | None = field(default=None, repr=False)
    base: str = BASE

    @property
    def cmd_code(self) -> str:
        if self.products:
            return ",".join(self.products)
        return f"AG{self.hs}" if self.hs else "TOTAL"

    @property
    def rows_per_cell(self) -> int:
        if self.products:
            return len(self.products)
        return PRODUCT_ROWS[self.cmd_code]

    @property
    def periods(self) -> list[str]:
        if self.freq == "A":
            return [str(y) for y in self.years]
        return [f"{y}{m:02d}" for y in self.years for m in range(1, 13)]

    @property
    def row_cap(self) -> int:
        return ROW_CAP_DATA if self.api_key else ROW_CAP_PREVIEW


def api_key() -> str | None:
    """``$COMTRADE_API_KEY``, else ``api_key`` under ``[comtrade]`` in the user config file."""
    env = os.environ.get("COMTRADE_API_KEY")
    if env and env.strip():
        return env.strip()
    p = config_file()
    if p.is_file():
        import tomllib

        try:
            cfg = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise SourceError(f"{p}: cannot read the config file: {e}") from None
        key = (cfg.get("comtrade") or {}).get("api_key")
        if isinstance(key, str) and key.strip():
            return key.strip()
    return None


def config_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("mirrortrade", appauthor=False)) / "config.toml"


def check(query: ComtradeQuery) -> ComtradeQuery:
    """Validate a query (codes, years, freq, flows, product level); returns it normalised."""
    if not query.reporters:
        raise CodeError("no reporter given", column="reporter")
    reps = tuple(check_code(r, field_name="reporter", allow_aggregate=False) for r in query.reporters)
    parts = tuple(check_code(p, field_name="partner") for p in (query.partners or ("WLD",)))
    for c in reps + parts:
        iso3_to_code(c)
    if query.freq not in ("A", "M"):
        raise CodeError(f"freq {query.freq!r}: Comtrade has A (annual) and M (monthly)", column="freq")
    if not query.years:
        raise CodeError("no years given", column="period")
    for y in query.years:
        if not 1962 <= int(y) <= 2100:
            raise CodeError(f"year {y} outside 1962..2100", column="period")
    flows = tuple(f.upper() for f in query.flows)
    bad = [f for f in flows if f not in FLOWS]
    if bad:
        raise CodeError(f"flow(s) {bad}: Comtrade flows are X, M, RX, RM", column="flow")
    if query.hs not in (None, 2, 4, 6):
        raise CodeError(f"--hs {query.hs}: HS level must be 2, 4 or 6", column="product")
    for p in query.products:
        if not (p.isdigit() and len(p) in (2, 4, 6)):
            raise CodeError(f"HS code {p!r}: expected 2, 4 or 6 digits", column="product")
    if not query.api_key and query.rows_per_cell > query.row_cap:
        raise SourceError(
            f"the public preview endpoint returns at most {ROW_CAP_PREVIEW} rows and {query.cmd_code} has "
            f"{query.rows_per_cell} rows for a single reporter, partner, flow and period: set COMTRADE_API_KEY"
        )
    return replace(query, reporters=reps, partners=parts, flows=flows,
                   years=tuple(sorted({int(y) for y in query.years})))


@dataclass
class Plan:
    requests: list[Request]
    notes: list[str]


def _request(query: ComtradeQuery, *, reporters: Sequence[str], partners: Sequence[str], flows: Sequence[str],
             periods: Sequence[str]) -> Request:
    path = (DATA_PATH if query.api_key else PREVIEW_PATH).format(freq=query.freq)
    params: list[tuple[str, str]] = [
        ("cmdCode", query.cmd_code),
        ("flowCode", ",".join(flows)),
        ("partnerCode", ",".join(str(iso3_to_code(p)) for p in partners)),
        ("reporterCode", ",".join(str(iso3_to_code(r)) for r in reporters)),
        ("period", ",".join(periods)),
        ("motCode", "0"),
        ("partner2Code", "0"),
        ("customsCode", "C00"),
        ("includeDesc", "TRUE"),
    ]
    secret = ((KEY_HEADER, query.api_key),) if query.api_key else ()
    return Request(SOURCE_ID, query.base + path, tuple(params), expect="json", accept="application/json",
                   secret_headers=secret, label=f"Comtrade {'/'.join(reporters)} {periods[0]}..{periods[-1]}")


def _chunks(seq: Sequence[str], n: int) -> list[list[str]]:
    return [list(seq[i : i + n]) for i in range(0, len(seq), n)]


def build(query: ComtradeQuery) -> Plan:
    """The requests for a query, split so each fits the row cap and the 12-period limit."""
    q = check(query)
    notes: list[str] = []
    cap = q.row_cap
    periods = q.periods
    period_groups = _chunks(periods, MAX_PERIODS)
    if len(period_groups) > 1:
        notes.append(f"split by period: {len(periods)} periods in {len(period_groups)} calls (at most {MAX_PERIODS} per call)")
    reqs: list[Request] = []
    for rep in q.reporters:
        for group in period_groups:
            cell = q.rows_per_cell
            est = len(q.partners) * len(q.flows) * len(group) * cell
            if est <= cap:
                reqs.append(_request(q, reporters=[rep], partners=q.partners, flows=q.flows, periods=group))
                continue
            # largest slices that fit: periods first, then partners, then flows
            per_period = len(q.partners) * len(q.flows) * cell
            if per_period <= cap:
                n = max(1, cap // per_period)
                for g in _chunks(group, n):
                    reqs.append(_request(q, reporters=[rep], partners=q.partners, flows=q.flows, periods=g))
                notes.append(f"split {rep} {group[0]}..{group[-1]} by period: about {est:,} rows > row cap {cap:,}")
                continue
            per_partner = len(q.flows) * cell
            n = max(1, cap // per_partner)
            for per in group:
                for ps in _chunks(q.partners, n):
                    if len(ps) * per_partner <= cap:
                        reqs.append(_request(q, reporters=[rep], partners=ps, flows=q.flows, periods=[per]))
                    else:
                        for fl in q.flows:
                            reqs.append(_request(q, reporters=[rep], partners=ps, flows=[fl], periods=[per]))
            notes.append(f"split {rep} {group[0]}..{group[-1]} by period and partner: about {est:,} rows > row cap {cap:,}")
    return Plan(reqs, notes)


def split_request(request: Request) -> list[Request] | None:
    """Halve a request along its longest list: period, then partnerCode, then flowCode. None if atomic."""
    params = dict(request.params)
    for name in ("period", "partnerCode", "flowCode"):
        values = params[name].split(",")
        if len(values) > 1:
            half = (len(values) + 1) // 2
            out = []
            for part in (values[:half], values[half:]):
                p = tuple((k, ",".join(part) if k == name else v) for k, v in request.params)
                out.append(replace(request, params=p))
            return out
    return None


def row_count(raw: Raw) -> int:
    doc = raw.json()
    if isinstance(doc, dict):
        if isinstance(doc.get("count"), int):
            return int(doc["count"])
        return len(doc.get("data") or [])
    return 0


def fetch_all(
    plan: Plan, fetcher: Fetcher, *, cap: int, on_done: Callable[[Request, Raw], None] | None = None
) -> list[Raw]:
    """Fetch every request of a plan; a response that hits the row cap is split and refetched."""
    out: list[Raw] = []
    queue = list(plan.requests)
    while queue:
        req = queue.pop(0)
        raw = fetcher.fetch(req)
        if row_count(raw) >= cap:
            parts = split_request(req)
            if parts is None:
                raise SourceError(
                    f"{req.full_url}: {row_count(raw)} rows = the row cap {cap} for a single reporter, partner, flow and "
                    "period; the result is truncated (use a subscription key or fewer products)"
                )
            plan.notes.append(f"response hit the row cap ({cap:,} rows): split {req.label or req.full_url} into 2 calls")
            queue[:0] = parts
            continue
        out.append(raw)
        if on_done:
            on_done(req, raw)
    return out


# --------------------------------------------------------------------------------------------
# Parse
# --------------------------------------------------------------------------------------------


@dataclass
class ParseReport:
    observations: list[Observation]
    dropped_areas: int = 0
    dropped_other: int = 0
    notes: list[str] = field(default_factory=list)


def _ci(rec: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in rec.items()}


def _period(freq: str, period: object) -> str:
    p = str(period).strip()
    if freq == "M" or (len(p) == 6 and p.isdigit()):
        return f"{p[:4]}-{p[4:6]}"
    return p[:4]


def parse_report(raw: Raw | str | os.PathLike[str]) -> ParseReport:
    """Records -> Observations; aggregates and areas are counted, never mixed in as bilateral rows."""
    if isinstance(raw, Raw):
        doc, url, retrieved = raw.json(), raw.url, raw.retrieved_at
    else:
        p = Path(raw)
        doc, url, retrieved = json.loads(p.read_bytes()), "", ""
    if not isinstance(doc, dict) or "data" not in doc:
        raise SourceError(f"{url or raw}: not a Comtrade data response (no 'data' list)")
    cit = Citation(publisher=PUBLISHER, title=TITLE, url=url)
    rep = ParseReport([])
    seen: dict[tuple[str, ...], Observation] = {}
    for rec in doc.get("data") or []:
        r = _ci(rec)
        flow = str(r.get("flowcode", "")).upper()
        if flow not in FLOWS:
            rep.dropped_other += 1
            continue
        if str(r.get("partner2code", 0)) not in ("0", "None") or str(r.get("motcode", 0)) not in ("0", "None"):
            rep.dropped_other += 1  # a mode-of-transport or second-partner breakdown, not the total
            continue
        reporter = code_to_iso3(r.get("reportercode"))
        partner = code_to_iso3(r.get("partnercode"))
        if reporter is None or not is_country(reporter):
            rep.dropped_areas += 1
            continue
        if partner is None:
            rep.dropped_areas += 1
            continue
        if reporter == partner:
            rep.dropped_other += 1
            continue
        cif, fob, primary = r.get("cifvalue"), r.get("fobvalue"), r.get("primaryvalue")
        if flow in ("M", "RM"):
            value, valuation = (cif, "CIF") if cif is not None else ((fob, "FOB") if fob is not None else (primary, "CIF"))
        else:
            value, valuation = (fob, "FOB") if fob is not None else ((cif, "CIF") if cif is not None else (primary, "FOB"))
        if value is None:
            rep.dropped_other += 1
            continue
        product = str(r.get("cmdcode") or "TOTAL").upper()
        obs = Observation(
            reporter=reporter, partner=partner, flow=flow, period=_period(str(r.get("freqcode", "A")), r.get("period")),
            value_usd=float(value), source_id=SOURCE_ID, product=product,
            product_rev=str(r.get("classificationcode") or ""), valuation=valuation, citation=cit,
            retrieved_at=retrieved, vintage=retrieved[:10] if retrieved else "",
            note=_note(r, partner),
        )
        key = (obs.reporter, obs.partner, obs.flow, obs.period, obs.product)
        if key in seen and seen[key].value_usd != obs.value_usd:
            raise SourceError(
                f"{url}: two different values for {'/'.join(key)}: {seen[key].value_usd} and {obs.value_usd}"
            )
        seen[key] = obs
    rep.observations = list(seen.values())
    if rep.dropped_areas:
        rep.notes.append(f"{rep.dropped_areas} rows with area/group codes dropped (not bilateral)")
    return rep


def _note(r: dict[str, Any], partner: str) -> str:
    bits = []
    if partner == "TWN" and int(r.get("partnercode") or 0) == 490:
        bits.append('partner 490 "Other Asia, nes" = Taiwan')
    if r.get("isreported") is False:
        bits.append("estimated by UN Comtrade (isReported false)")
    return "; ".join(bits)


def parse(raw: Raw | str | os.PathLike[str]) -> list[Observation]:
    return parse_report(raw).observations


# --------------------------------------------------------------------------------------------
# Bulk files (a second pipeline: listing -> files; the listing needs a key)
# --------------------------------------------------------------------------------------------

BULK_LIST_PATH = "/bulk/v1/get/C/{freq}/HS"
BULK_FILE_PATH = "/bulk/v1/file/{reporter}/{file}"


@dataclass(frozen=True)
class BulkFile:
    reporter: str | None
    reporter_code: int
    period: str
    freq: str
    classification: str
    file_hash: str
    file_size: str
    published: str


def build_bulk_listing(query: ComtradeQuery) -> list[Request]:
    if not query.api_key:
        raise SourceError("UN Comtrade bulk files need a subscription key: set COMTRADE_API_KEY")
    q = check(query)
    out = []
    for rep in q.reporters:
        for group in _chunks(q.periods, MAX_PERIODS):
            params = (("reporterCode", str(iso3_to_code(rep))), ("period", ",".join(group)))
            out.append(Request(SOURCE_ID, q.base + BULK_LIST_PATH.format(freq=q.freq), params,
                               secret_headers=((KEY_HEADER, query.api_key),), label=f"bulk listing {rep}"))
    return out


def parse_bulk_listing(raw: Raw | str | os.PathLike[str]) -> list[BulkFile]:
    doc = raw.json() if isinstance(raw, Raw) else json.loads(Path(raw).read_bytes())
    if not isinstance(doc, dict) or "data" not in doc:
        raise SourceError(f"{getattr(raw, 'url', raw)}: not a Comtrade bulk listing")
    out = []
    for rec in doc["data"] or []:
        r = _ci(rec)
        out.append(BulkFile(
            reporter=code_to_iso3(r["reportercode"]), reporter_code=int(r["reportercode"]), period=str(r["period"]),
            freq=str(r.get("freqcode", "")), classification=str(r.get("classificationcode", "")),
            file_hash=str(r["fileurl"]), file_size=str(r.get("filesize", "")), published=str(r.get("publicationdate", "")),
        ))
    return out


def bulk_file_request(f: BulkFile, key: str, *, base: str = BASE) -> Request:
    """The request that downloads one bulk file (tab-separated, as comtradr ``ct_get_bulk`` fetches it)."""
    url = base + BULK_FILE_PATH.format(reporter=f.reporter_code, file=f.file_hash)
    return Request(SOURCE_ID, url, (("format", "json"),), expect="csv", accept="*/*",
                   secret_headers=((KEY_HEADER, key),), label=f"bulk file {f.reporter} {f.period}")
