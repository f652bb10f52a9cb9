"""The HTML report: one self-contained file (no CDN, no network) per pair or for China × the five states.

``mirrortrade report --country KGZ --partner CHN --years 2015-2025 --out report.html``. The
charts are Altair specs drawn in the browser by the Vega/Vega-Lite/vega-embed bundle that
vl-convert ships, embedded inline; the page's Content-Security-Policy forbids any fetch. The
view builders here (:func:`story_view`, :func:`pair_view`) are shared with the dashboard.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from mirrortrade.errors import MirrortradeError
from mirrortrade.model import CENTRAL_ASIA, SOURCES, country_name
from mirrortrade.report.charts import overview_chart, pair_charts, spec_json, vega_bundle, vl_version
from mirrortrade.report.derived import CIF_BAND, is_problem, run_findings, run_findings_raw
from mirrortrade.report.fmt import fmt_gap, fmt_interval, fmt_usd
from mirrortrade.report.pair import GAP_HEADER, PairData, pair_data, turnover_gap_header
from mirrortrade.report.story import StoryRow, latest_own_periods, pair_lede, story_rows

#: the gap (either way) beyond which a story row is highlighted, in percent
BIG_GAP_PCT = 10.0


def _templates_dir() -> Path:
    return Path(str(resources.files("mirrortrade.report").joinpath("templates")))


def template_env(*extra_dirs: Path) -> jinja2.Environment:
    """Jinja environment over the report templates (plus ``extra_dirs`` first); HTML autoescaped."""
    loader = jinja2.FileSystemLoader([str(d) for d in extra_dirs] + [str(_templates_dir())])
    env = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(["html", "j2", "xml"], default=True),
                             trim_blocks=False, lstrip_blocks=False, undefined=jinja2.StrictUndefined)
    return env


@lru_cache(maxsize=4)
def template_text(name: str) -> str:
    return (_templates_dir() / name).read_text(encoding="utf-8")


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mirrortrade")
    except PackageNotFoundError:
        return "dev"


def anchor_href(fid: str) -> str:
    return f"#fig-{fid}"


# ---- view models -----------------------------------------------------------------------------


def _fig_view(f: Any) -> dict[str, Any]:
    return {"figure_id": f.figure_id, "text": fmt_usd(f.value, f.qualifier), "source_id": f.source_id,
            "title": getattr(f, "title", "")}


def value_text(value: Any, unit: str = "USD", qualifier: str = "exact") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if str(unit).upper() == "USD":
        return fmt_usd(float(value), qualifier)
    words = {"upper": "under ", "lower": "over ", "approx": "about ", "near_upper": "just under ",
             "near_lower": "just over "}.get(qualifier, "")
    v = float(value)
    num = f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    return f"{words}{num} {unit}".strip()


def story_view(
    store: Any, year: int | None = None, *, findings: list[dict[str, Any]] | None = None,
    pair_href: Callable[[str], str] | None = None, findings_href: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """The overview: China × the five states and the region, latest year, both sides, gap, GDP share,
    flags per partner, and headlines naming what does not add up."""
    year = year or latest_year(store)
    rows = story_rows(store, year)
    missing_own = _latest_own(store)
    views = []
    last = None
    for r in rows:
        gap_pct = r.gap_pct
        share = r.gdp_share
        share_text, share_big = "", False
        if share is not None:
            lo, hi = share
            if r.gdp and r.gdp.qualifier == "upper" and lo >= 100:
                share_text = f"over {lo:.0f}%"
            elif math.isinf(hi):
                share_text = f"at least {lo:.0f}%"
            else:
                share_text = f"{(lo + hi) / 2:.0f}%"
            share_big = lo >= 100
        own_year = missing_own.get(r.partner)
        views.append({
            "partner": r.partner, "first": r.partner != last,
            "partner_name": "Central Asia" if r.partner == "CA5" else country_name(r.partner),
            "label": r.label.replace("China →", "China →").replace(f"{r.partner} →", f"{r.partner} →"),
            "china": [_fig_view(f) for f in r.china], "other": [_fig_view(f) for f in r.other],
            "missing_note": (("not published" if str(own_year)[:4] >= str(year) else f"none for {year} (latest: {own_year})")
                             if own_year else ("no figures of its own" if r.partner != "CA5" else "—")),
            "gap_text": "" if r.gap is None else fmt_gap(r.china[0].value, r.other[0].value, "CHN", r.partner),
            "gap_class": "gap-big" if gap_pct is not None and abs(gap_pct) > BIG_GAP_PCT else "",
            "share_text": share_text, "share_class": "share-big" if share_big else "",
            "gdp": _fig_view(r.gdp) if r.gdp and share is not None else None, "gdp_note": r.gdp_note,
            "findings_href": findings_href(r.partner) if findings_href else "",
        })
        last = r.partner
    flags: dict[str, list[dict[str, Any]]] = {}
    if findings is not None:
        rank = {"high": 0, "medium": 1, "low": 2, "info": 3}

        for f in findings:
            if not is_problem(f):
                continue
            for code in {f.get("reporter"), f.get("partner")} - {"CHN", None, ""}:
                flags.setdefault(code, []).append(f)
        for code in flags:
            flags[code].sort(key=lambda f: rank.get(str(f.get("severity")), 3))
    return {"year": year, "rows": views, "spec": spec_json(overview_chart(rows)),
            "headlines": headlines(rows, year, missing_own), "flags": flags if findings is not None else None}


def latest_year(store: Any) -> int:
    """The latest full year China reports for the region or any of the five states."""
    df = store.observations(reporter="CHN", partner=[*CENTRAL_ASIA, "CA5"], product="TOTAL")
    df = df[df.period_kind == "year"] if len(df) else df
    return int(df.period.str[:4].astype(int).max()) if len(df) else datetime.now(UTC).year - 1


def _latest_own(store: Any) -> dict[str, str]:
    return latest_own_periods(store.observations(reporter=list(CENTRAL_ASIA), partner="CHN", product="TOTAL"))


def headlines(rows: list[StoryRow], year: int, latest_own: dict[str, str]) -> list[dict[str, str]]:
    """Plain sentences for what does not add up, in the order a reader should see them."""
    out: list[dict[str, str]] = []
    for r in rows:
        s = r.gdp_share
        if s is not None and s[0] >= 100 and r.gdp:
            c = r.china[0]
            out.append({"severity": "high", "title": f"{country_name(r.partner)}: China's exports exceed its GDP.",
                        "text": f"China reports exports to {country_name(r.partner)} of {fmt_usd(c.value, c.qualifier)} in "
                                f"{year}; {r.gdp.source_id} puts the whole GDP at "
                                f"{fmt_usd(r.gdp.value, r.gdp.qualifier)} ({r.gdp_note}). "
                                "One of the two figures cannot be right.", "ids": [c.figure_id, r.gdp.figure_id]})
    for r in rows:
        if r.gap_pct is not None and abs(r.gap_pct) > BIG_GAP_PCT:
            c, o = r.china[0], r.other[0]
            out.append({"severity": "medium",
                        "title": f"{country_name(r.partner)}: the two sides differ, "
                                 f"{fmt_gap(c.value, o.value, 'CHN', r.partner)}.",
                        "text": f"{r.label}: China reports {fmt_usd(c.value, c.qualifier)}, "
                                f"{country_name(r.partner)} {fmt_usd(o.value, o.qualifier)} — beyond the "
                                "few percent that CIF/FOB valuation explains.", "ids": [c.figure_id, o.figure_id]})
    for r in rows:
        if r.partner == "CA5" and len({round(f.value) for f in r.china}) > 1:
            pubs = "; ".join(f"{fmt_usd(f.value, f.qualifier)} in “{f.title}”" for f in r.china)
            out.append({"severity": "low", "title": f"Region, {r.label}: two publications disagree.", "text": pubs + ".",
                        "ids": [f.figure_id for f in r.china]})
    missing = [c for c in CENTRAL_ASIA if not any(r.partner == c and r.other for r in rows)]
    if missing:
        bits = [f"{country_name(c)} (latest: {latest_own[c]})" if c in latest_own else f"{country_name(c)} (none)"
                for c in missing]
        out.append({"severity": "info", "title": f"No {year} figures of their own for {len(missing)} states.",
                    "text": "Only China's side is published for: " + ", ".join(bits) + ".", "ids": []})
    return out


def _estimate_rows(est: pd.DataFrame | None) -> list[dict[str, Any]] | None:
    if est is None:
        return None
    out = []
    for r in est.to_dict(orient="records"):
        def usd(k: str, r: dict[str, Any] = r) -> str:
            v = r.get(k)
            return fmt_usd(float(v)) if v is not None and not pd.isna(v) else "—"

        cif = r.get("cif_rate")
        w = r.get("weight_exporter")
        out.append({
            "direction": r["direction"], "year": int(r["year"]), "value_exporter": usd("value_exporter"),
            "value_importer": usd("value_importer"),
            "cif_rate": "—" if cif is None or pd.isna(cif) else f"{100 * float(cif):.1f}%",
            "weight_exporter": "—" if w is None or pd.isna(w) else f"{float(w):.2f}",
            "estimate": usd("estimate"), "interval": fmt_interval(float(r["estimate_low"]), float(r["estimate_high"]))
            if not pd.isna(r["estimate_low"]) else "—",
            "method": r.get("method") or "",
        })
    return out


def figure_rows(figures: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for r in figures.to_dict(orient="records"):
        unit = r.get("unit") or "USD"
        low, high = r.get("low"), r.get("high")
        if str(unit).upper() == "USD" and low is not None and not pd.isna(low):
            interval = fmt_interval(float(low), float(high))
        else:
            interval = ""
        rows.append({**{k: ("" if v is None or (isinstance(v, float) and math.isnan(v)) else v) for k, v in r.items()},
                     "value_text": value_text(r.get("value"), unit, r.get("qualifier") or "exact"),
                     "interval_text": interval, "source_name": SOURCES.get(r.get("source_id") or "", "")})
    return rows


def pair_view(data: PairData, *, key: str | None = None) -> dict[str, Any]:
    """Everything the pair section template needs, charts as Vega-Lite JSON."""
    figs = figure_rows(data.figures)
    specs = {k: spec_json(c) for k, c in pair_charts(data).items()}
    gap_rows = [{
        "direction": g.direction, "year": int(g.year), "exporter_text": fmt_usd(g.exporter_value),
        "importer_text": fmt_usd(g.importer_value), "gap_text": g.gap,
        "in_cif_band": bool(g.in_cif_band), "exporter_figure_id": g.exporter_figure_id,
        "importer_figure_id": g.importer_figure_id,
    } for g in data.gaps.itertuples()]
    turnover_gap_rows = [{
        "year": int(t.year), "country_text": fmt_usd(t.country_value), "partner_text": fmt_usd(t.partner_value),
        "country_how": t.country_how, "partner_how": t.partner_how,
        "gap_text": t.gap,
        "country_figure_ids": t.country_figure_ids.split(", "), "partner_figure_ids": t.partner_figure_ids.split(", "),
    } for t in data.turnover_gaps.itertuples()]
    return {
        "key": key or f"{data.country}-{data.partner}", "country": data.country, "partner": data.partner,
        "country_name": country_name(data.country), "partner_name": country_name(data.partner),
        "title": data.title, "lede": pair_lede(data), "notes": data.notes, "reconciled": data.reconciled,
        "specs": specs, "gap_rows": gap_rows, "turnover_gap_rows": turnover_gap_rows, "estimate_rows": _estimate_rows(data.estimates),
        "cif_band": f"{100 * CIF_BAND[0]:.0f}–{100 * CIF_BAND[1]:.0f}%",
        "gap_header": GAP_HEADER, "turnover_gap_header": turnover_gap_header(data.country, data.partner),
        "findings": None if data.findings is None else [f for f in data.findings if is_problem(f)],
        "n_consistent": 0 if data.findings is None else sum(not is_problem(f) for f in data.findings),
        "explanation": data.explanation, "figure_rows": figs,
        "figures_by_id": {f["figure_id"]: f for f in figs},
    }


# ---- the report ------------------------------------------------------------------------------


def report_pairs(country: str | None, partner: str | None, all_pairs: bool) -> list[tuple[str, str]]:
    if all_pairs:
        return [(c, "CHN") for c in CENTRAL_ASIA]

    if not country or not partner:
        raise MirrortradeError("give --country and --partner (e.g. --country KGZ --partner CHN), or --all")
    return [(country.strip().upper(), partner.strip().upper())]


def render_report(
    store: Any, pairs: list[tuple[str, str]], years: tuple[int, int], *, with_story: bool | None = None,
) -> str:
    """The whole report as one HTML string."""
    import vl_convert as vlc


    raw = run_findings_raw(store)
    findings = run_findings(store, raw)
    views = [pair_view(pair_data(store, c, p, years, findings=findings, raw_findings=raw)) for c, p in pairs]
    if with_story is None:
        with_story = len(pairs) > 1
    story = story_view(store, findings=findings) if with_story else None
    bundle = vega_bundle().replace("</script", "<\\/script")
    if len(pairs) == 1:
        title = views[0]["title"]
    else:
        title = f"China and the five Central Asian states, {years[0]}–{years[1]}"
    return template_env().get_template("report.html.j2").render(
        title=title, pairs=views, story=story, fig_href=anchor_href, css=template_text("style.css"),
        embed_js=template_text("embed.js"), bundle=bundle, version=package_version(), vl_version=vl_version(),
        vega_version=vlc.get_vega_version(), generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        n_figures=store.count("observations") + store.count("indicators"),
    )


def write_report(
    store: Any, out: str | Path, pairs: list[tuple[str, str]], years: tuple[int, int], fmt: str | None = None,
) -> Path:
    """Write the report as HTML or xlsx (``fmt`` defaults from the file's suffix). Written to a temporary
    file first and renamed, so a failed run leaves no half-written report."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "html").lower()
    if fmt not in ("html", "xlsx"):
        raise MirrortradeError(f"unknown report format {fmt!r} (expected html or xlsx)")
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        if fmt == "html":
            tmp.write_text(render_report(store, pairs, years), encoding="utf-8")
        else:
            from mirrortrade.report.xlsx import write_workbook

            write_workbook(store, tmp, pairs, years)
        tmp.replace(out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
