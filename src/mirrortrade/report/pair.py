"""Everything the report and the dashboard show for one country pair, gathered from the store.

For a pair (country C, partner P) each direction of trade (P → C and C → P) has two published
sides: the exporter's figure (its flow X, valued FOB) and the importer's figure (its flow M,
valued CIF). :func:`pair_data` collects both sides per year, each side's published turnover (exports
plus imports, as printed: many years are published only as a total), the reconciled estimate with its
interval (when ``mirrortrade reconcile`` has run), the gap between the sides, C's GDP and each
direction's value as a share of it, the checks' findings, and every figure used with its source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from mirrortrade.errors import MirrortradeError
from mirrortrade.model import check_code, country_name
from mirrortrade.report.derived import (
    CIF_BAND,
    NOT_RECONCILED,
    explain_text,
    read_derived,
    run_findings,
    run_findings_raw,
)
from mirrortrade.report.fmt import fmt_gap_pct

TURNOVER_COLUMNS = ("reported_by", "partner", "year", "series", "value", "low", "high", "qualifier", "source_id",
                    "publisher", "figure_id", "vintage")
TURNOVER_GAP_COLUMNS = ("year", "country_value", "partner_value", "gap_usd", "gap_pct", "gap", "country_how",
                        "partner_how", "country_figure_ids", "partner_figure_ids")
#: what a direction's gap is, for table headers: ``gap_pct`` and its words ``gap`` (:func:`fmt_gap_pct`)
GAP_HEADER = "Gap: importer's figure vs exporter's, % of the exporter's"


def turnover_gap_header(country: str, partner: str) -> str:
    """What a turnover gap is, for table headers (the country's total against the partner's)."""
    return f"Gap: {country}'s turnover vs {partner}'s, % of {partner}'s"
FIGURE_COLUMNS = ("figure_id", "what", "period", "value", "unit", "qualifier", "low", "high", "source_id", "publisher",
                  "title", "pub_date", "url", "quote", "vintage")


@dataclass
class PairData:
    country: str
    partner: str
    years: tuple[int, int]
    #: one row per published figure: direction, exporter, importer, year, side (exporter|importer),
    #: reported_by, series, value, low, high, qualifier, source_id, figure_id
    sides: pd.DataFrame
    #: reconciled estimates (None when not computed)
    estimates: pd.DataFrame | None
    #: per direction-year with both sides: exporter value, importer value, gap_pct (importer over exporter − 1,
    #: in %) and ``gap``, the same in words (:data:`GAP_HEADER`)
    gaps: pd.DataFrame
    #: GDP of the country per year and source: year, value, low, high, qualifier, source_id, figure_id
    gdp: pd.DataFrame
    #: direction value as % of the country's GDP: direction, series, year, share_pct, gdp_year, figure ids
    shares: pd.DataFrame
    findings: list[dict[str, Any]] | None
    explanation: str | None
    figures: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    #: one row per published annual turnover figure (flow T, exports plus imports, as printed): reported_by,
    #: year, series, value, low, high, qualifier, source_id, publisher, figure_id, vintage. Nothing is derived.
    turnover: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(TURNOVER_COLUMNS)))
    #: per year with both sides' turnover: the country's figure against the partner's, gap_pct = country over
    #: partner − 1; a side that publishes exports and imports but no total counts as their sum (``how``)
    turnover_gaps: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(TURNOVER_GAP_COLUMNS)))

    @property
    def title(self) -> str:
        return f"{country_name(self.country)} × {country_name(self.partner)}, {self.years[0]}–{self.years[1]}"

    @property
    def directions(self) -> list[str]:
        return [direction_label(self.partner, self.country), direction_label(self.country, self.partner)]

    @property
    def reconciled(self) -> bool:
        return self.estimates is not None


def direction_label(exporter: str, importer: str) -> str:
    return f"{exporter} → {importer}"


def parse_years(text: str | None, default: tuple[int, int] = (2015, 2025)) -> tuple[int, int]:
    """``"2015-2025"`` -> (2015, 2025); ``"2025"`` -> (2025, 2025)."""
    if text is None or not str(text).strip():
        return default
    s = str(text).strip().replace("–", "-")
    parts = s.split("-")
    try:
        if len(parts) == 1:
            a = b = int(parts[0])
        elif len(parts) == 2:
            a, b = int(parts[0]), int(parts[1])
        else:
            raise ValueError(s)
    except ValueError:
        raise MirrortradeError(f"--years {text!r} not understood (expected e.g. 2015-2025 or 2025)") from None
    if not (1900 <= a <= 2100 and 1900 <= b <= 2100) or b < a:
        raise MirrortradeError(f"--years {text!r}: expected two years between 1900 and 2100, first ≤ last")
    return a, b


def _side_rows(obs: pd.DataFrame, country: str, partner: str) -> pd.DataFrame:
    rows = []
    for r in obs.itertuples(index=False):
        if r.flow == "X":
            exporter, importer, side = r.reporter, r.partner, "exporter"
        else:
            exporter, importer, side = r.partner, r.reporter, "importer"
        what = "exports, FOB" if side == "exporter" else "imports, CIF"
        rows.append({
            "direction": direction_label(exporter, importer), "exporter": exporter, "importer": importer,
            "year": int(str(r.period)[:4]), "side": side, "reported_by": r.reporter,
            "series": f"{r.reporter} reports ({what})",
            "value": float(r.value_usd), "low": float(r.value_low), "high": float(r.value_high),
            "qualifier": r.qualifier, "source_id": r.source_id, "publisher": r.publisher or "",
            "figure_id": r.figure_id, "vintage": str(r.vintage)[:10],
        })
    cols = ["direction", "exporter", "importer", "year", "side", "reported_by", "series", "value", "low", "high",
            "qualifier", "source_id", "publisher", "figure_id", "vintage"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["direction", "side", "year", "vintage"]).reset_index(drop=True)


def _turnover_rows(obs: pd.DataFrame) -> pd.DataFrame:
    """The published annual turnover figures (flow T) of either side, one row each, as stored."""
    rows = [{
        "reported_by": r.reporter, "partner": r.partner, "year": int(str(r.period)[:4]),
        "series": f"{r.reporter} reports turnover (exports + imports)",
        "value": float(r.value_usd), "low": float(r.value_low), "high": float(r.value_high),
        "qualifier": r.qualifier, "source_id": r.source_id, "publisher": r.publisher or "",
        "figure_id": r.figure_id, "vintage": str(r.vintage)[:10],
    } for r in obs.itertuples(index=False)]
    df = pd.DataFrame(rows, columns=list(TURNOVER_COLUMNS))
    return df.sort_values(["reported_by", "year", "vintage", "figure_id"]).reset_index(drop=True)


def _first_per_year(sides: pd.DataFrame) -> pd.DataFrame:
    """One figure per direction, side and year: the latest publication (ties: first stored)."""
    if sides.empty:
        return sides
    return sides.sort_values(["vintage", "figure_id"]).groupby(["direction", "side", "year"], as_index=False).last()


def _gaps(sides: pd.DataFrame) -> pd.DataFrame:
    one = _first_per_year(sides)
    cols = ["direction", "year", "exporter_value", "importer_value", "gap_usd", "gap_pct", "gap", "gap_low_pct",
            "gap_high_pct", "in_cif_band",
            "exporter_figure_id", "importer_figure_id"]
    if one.empty:
        return pd.DataFrame(columns=cols)
    x = one[one.side == "exporter"]
    m = one[one.side == "importer"]
    both = x.merge(m, on=["direction", "year"], how="inner", suffixes=("_x", "_m"))
    rows = []
    lo, hi = CIF_BAND
    for _, r in both.iterrows():
        direction, year = r.direction, r.year
        if not r.value_x:
            continue
        pct = 100.0 * (r.value_m / r.value_x - 1.0)
        # the gap the published intervals allow (rounding, "over", "about"): normal if it meets the band
        g_lo = 100.0 * (r.low_m / r.high_x - 1.0) if r.high_x > 0 and math.isfinite(r.high_x) else -100.0
        g_hi = 100.0 * (r.high_m / r.low_x - 1.0) if r.low_x > 0 else math.inf
        rows.append({
            "direction": direction, "year": int(year), "exporter_value": r.value_x, "importer_value": r.value_m,
            "gap_usd": r.value_m - r.value_x, "gap_pct": pct, "gap": fmt_gap_pct(pct, r.importer_x, r.exporter_x),
            "gap_low_pct": g_lo, "gap_high_pct": g_hi,
            "in_cif_band": bool(g_lo <= 100 * hi and g_hi >= 100 * lo),
            "exporter_figure_id": r.figure_id_x, "importer_figure_id": r.figure_id_m,
        })
    return pd.DataFrame(rows, columns=cols).sort_values(["direction", "year"]).reset_index(drop=True)


def _side_turnover(turnover: pd.DataFrame, sides: pd.DataFrame, reporter: str) -> dict[int, tuple[float, str, str]]:
    """year -> (value, how, figure ids) of one side's turnover: its latest published total, else the sum of its
    own exports and imports of that year (both published)."""
    out: dict[int, tuple[float, str, str]] = {}
    own = sides[sides.reported_by == reporter]
    one = _first_per_year(own)
    for year, g in one.groupby("year"):
        if set(g.side) == {"exporter", "importer"}:
            out[int(year)] = (float(g.value.sum()), "exports + imports", ", ".join(g.figure_id))
    t = turnover[turnover.reported_by == reporter]
    if len(t):
        t = t.sort_values(["vintage", "figure_id"]).groupby("year", as_index=False).last()
        for r in t.itertuples(index=False):
            out[int(r.year)] = (float(r.value), "published total", str(r.figure_id))
    return out


def _turnover_gaps(turnover: pd.DataFrame, sides: pd.DataFrame, country: str, partner: str) -> pd.DataFrame:
    a = _side_turnover(turnover, sides, country)
    b = _side_turnover(turnover, sides, partner)
    rows = []
    for year in sorted(set(a) & set(b)):
        (va, how_a, ids_a), (vb, how_b, ids_b) = a[year], b[year]
        if vb <= 0:
            continue
        gap_pct = 100.0 * (va / vb - 1.0)
        rows.append({"year": year, "country_value": va, "partner_value": vb, "gap_usd": va - vb,
                     "gap_pct": gap_pct, "gap": fmt_gap_pct(gap_pct, country, partner, what="turnover"),
                     "country_how": how_a, "partner_how": how_b,
                     "country_figure_ids": ids_a, "partner_figure_ids": ids_b})
    return pd.DataFrame(rows, columns=list(TURNOVER_GAP_COLUMNS))


def _gdp(store: Any, country: str, years: tuple[int, int]) -> pd.DataFrame:
    ind = store.indicators(country=country, indicator="gdp_usd")
    cols = ["year", "value", "low", "high", "qualifier", "source_id", "publisher", "figure_id", "series"]
    if ind.empty:
        return pd.DataFrame(columns=cols)
    ind = ind[ind["period_kind"] == "year"].copy()
    ind["year"] = ind["period"].str[:4].astype(int)
    # one year before the window so the latest GDP before the first flow is at hand
    ind = ind[(ind["year"] >= years[0] - 3) & (ind["year"] <= years[1])]
    out = pd.DataFrame({
        "year": ind["year"], "value": ind["value"].astype(float), "low": ind["value_low"].astype(float),
        "high": ind["value_high"].astype(float), "qualifier": ind["qualifier"], "source_id": ind["source_id"],
        "publisher": ind["publisher"].fillna(""), "figure_id": ind["figure_id"],
    })
    out["series"] = [f"{country} GDP ({src})" for src in out["source_id"]]
    return out.sort_values(["year", "source_id", "figure_id"]).reset_index(drop=True)[cols]


def _gdp_for_year(gdp: pd.DataFrame, year: int) -> pd.Series | None:
    """The GDP figure for ``year`` (a national figure before WDI when both exist), else the latest of
    the three years before."""
    same = gdp[gdp.year == year]
    if len(same):
        return same.sort_values("source_id", key=lambda s: s.eq("WB-WDI"), kind="stable").iloc[0]
    earlier = gdp[(gdp.year < year) & (gdp.year >= year - 3)]
    if len(earlier):
        return earlier.sort_values("year").iloc[-1]
    return None


def _shares(sides: pd.DataFrame, gdp: pd.DataFrame, years: tuple[int, int]) -> pd.DataFrame:
    cols = ["direction", "series", "year", "value", "share_pct", "share_low", "share_high", "gdp_year",
            "gdp_value", "gdp_source", "figure_id", "gdp_figure_id"]
    rows = []
    for r in sides.itertuples(index=False):
        if not (years[0] <= r.year <= years[1]):
            continue
        g = _gdp_for_year(gdp, r.year)
        if g is None or not g.value:
            continue
        hi = 100.0 * r.high / g.low if g.low > 0 else math.inf
        rows.append({
            "direction": r.direction, "series": r.series, "year": r.year, "value": r.value,
            "share_pct": 100.0 * r.value / g.value, "share_low": 100.0 * r.low / g.high,
            "share_high": hi, "gdp_year": int(g.year), "gdp_value": float(g.value), "gdp_source": g.source_id,
            "figure_id": r.figure_id, "gdp_figure_id": g.figure_id,
        })
    return pd.DataFrame(rows, columns=cols)


def _estimates(store: Any, country: str, partner: str, years: tuple[int, int]) -> pd.DataFrame | None:
    est = read_derived(store, "estimates")
    if est is None:
        return None
    if not {"exporter", "importer", "year", "estimate"} <= set(est.columns):
        return None
    keep = (est.exporter.isin([country, partner]) & est.importer.isin([country, partner])
            & (est.exporter != est.importer) & est.year.between(years[0], years[1]))
    if "product" in est.columns:
        keep &= est["product"].astype(str).isin(["TOTAL", "total", "ALL", "TOTAL_ALL"])
    est = est[keep].copy()
    est["direction"] = [direction_label(e, i) for e, i in zip(est.exporter, est.importer, strict=True)]
    est["year"] = est["year"].astype(int)
    for c in ("estimate_low", "estimate_high"):
        if c not in est.columns:
            est[c] = est["estimate"]
    return est.sort_values(["direction", "year"]).reset_index(drop=True)


def _figures(store: Any, ids: list[str]) -> pd.DataFrame:
    ids = list(dict.fromkeys(i for i in ids if isinstance(i, str) and i))
    if not ids:
        return pd.DataFrame(columns=list(FIGURE_COLUMNS))
    obs = store.observations(figure_id=ids, all_vintages=True)
    ind = store.indicators(all_vintages=True)
    ind = ind[ind.figure_id.isin(ids)]
    rows = []
    for r in obs.itertuples(index=False):
        rows.append({"figure_id": r.figure_id,
                     "what": f"{r.reporter} {r.flow} {r.partner}" + ("" if r.product == "TOTAL" else f" {r.product}"),
                     "period": r.period, "value": r.value_usd, "unit": "USD", "qualifier": r.qualifier, "low": r.value_low,
                     "high": r.value_high, "source_id": r.source_id, "publisher": r.publisher, "title": r.title,
                     "pub_date": r.pub_date, "url": r.url, "quote": r.quote, "vintage": str(r.vintage)[:10]})
    for r in ind.itertuples(index=False):
        rows.append({"figure_id": r.figure_id, "what": f"{r.country} {r.indicator}" + (f" {r.partner}" if r.partner else ""),
                     "period": r.period, "value": r.value, "unit": r.unit, "qualifier": r.qualifier, "low": r.value_low,
                     "high": r.value_high, "source_id": r.source_id, "publisher": r.publisher, "title": r.title,
                     "pub_date": r.pub_date, "url": r.url, "quote": r.quote, "vintage": str(r.vintage)[:10]})
    order = {fid: i for i, fid in enumerate(ids)}
    df = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    df = df.drop_duplicates("figure_id")
    return df.sort_values("figure_id", key=lambda s: s.map(order)).reset_index(drop=True)


def pair_data(
    store: Any, country: str, partner: str, years: tuple[int, int] = (2015, 2025),
    *, findings: list[dict[str, Any]] | None = None, raw_findings: list[Any] | None = None,
    with_findings: bool = True,
) -> PairData:
    """Gather the pair's figures. ``findings`` (all of the store's, as dicts) may be passed in when the
    caller already has them; otherwise the checks run here (when available)."""
    country = check_code(country, field_name="country", allow_aggregate=False)
    partner = check_code(partner, field_name="partner", allow_aggregate=False)
    if country == partner:
        raise MirrortradeError(f"country and partner are both {country}: a pair needs two countries")
    lo, hi = years
    obs = store.observations(reporter=[country, partner], partner=[country, partner], flow=["X", "M", "T"],
                             product="TOTAL")
    obs = obs[(obs.reporter != obs.partner) & (obs.period_kind == "year") & obs.value_usd.notna()]
    obs = obs[obs.period.str[:4].astype(int).between(lo, hi)]
    sides = _side_rows(obs[obs.flow != "T"], country, partner)
    turnover = _turnover_rows(obs[obs.flow == "T"])
    gdp = _gdp(store, country, years)
    shares = _shares(sides, gdp, years)
    estimates = _estimates(store, country, partner, years)
    notes = []
    if estimates is None:
        notes.append(f"Reconciled estimates: {NOT_RECONCILED}.")
    if findings is None and with_findings:
        raw_findings = run_findings_raw(store)
        findings = run_findings(store, raw_findings)
    pair_findings = None
    if findings is not None:
        pair = {country, partner}
        pair_findings = [
            f for f in findings
            if ({f.get("reporter"), f.get("partner")} == pair
                or (f.get("reporter") in pair and f.get("partner") == "WLD"))
            and _in_years(f.get("period"), years)
        ]
    last_year = int(sides.year.max()) if len(sides) else hi
    explanation = explain_text(store, country, partner, last_year, raw_findings) if findings is not None else None
    ids = list(sides.figure_id) + list(turnover.figure_id) + list(gdp.figure_id)
    if estimates is not None:
        for col in ("figure_ids", "figure_id_exporter", "figure_id_importer"):
            if col in estimates.columns:
                for v in estimates[col]:
                    ids.extend(_id_list(v))
    for f in pair_findings or []:
        ids.extend(f.get("figure_ids") or [])
    figures = _figures(store, ids)
    return PairData(country, partner, years, sides, estimates, _gaps(sides), gdp[gdp.year >= lo].reset_index(drop=True),
                    shares, pair_findings, explanation, figures, notes, turnover,
                    _turnover_gaps(turnover, sides, country, partner))


def _id_list(v: Any) -> list[str]:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return []
    if isinstance(v, str):
        return [i.strip() for i in v.replace(";", ",").split(",") if i.strip()]
    try:
        return [str(i) for i in v]
    except TypeError:
        return []


def _in_years(period: Any, years: tuple[int, int]) -> bool:
    if not period:
        return True
    try:
        y = int(str(period)[:4])
    except ValueError:
        return True
    return years[0] <= y <= years[1]
