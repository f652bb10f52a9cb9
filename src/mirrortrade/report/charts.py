"""Altair charts of a country pair: both sides over time, each side's published turnover, the gap
against the normal CIF band, and trade as a share of GDP; plus the overview chart of the seeds' story.

Charts are plain Vega-Lite specs (``chart.to_dict()``); :func:`vega_bundle` gives the Vega,
Vega-Lite and vega-embed JavaScript from vl-convert so pages and reports embed them with no CDN,
and :func:`to_png` / :func:`to_svg` render static images for Excel and print.
"""

from __future__ import annotations

import json
import math
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from mirrortrade.model import country_name
from mirrortrade.report.derived import CIF_BAND
from mirrortrade.report.fmt import fmt_usd
from mirrortrade.report.pair import PairData

WIDTH = 560
HEIGHT = 220
#: colour per side of a flow; the estimate is black
SIDE_COLORS = {"exporter": "#1f77b4", "importer": "#d62728"}



def _qualifier_shape() -> Any:
    """Point shapes by how a figure was published: a bound points the way it bounds."""
    return alt.Shape("qualifier:N", title="as published",
                     scale=alt.Scale(domain=["exact", "approx", "upper", "lower", "near_upper", "near_lower"],
                                     range=["circle", "diamond", "triangle-down", "triangle-up",
                                            "triangle-down", "triangle-up"]),
                     legend=None)

def _usd_axis(title: str = "US$") -> alt.Axis:
    return alt.Axis(title=title, format="$.2s", labelExpr="replace(datum.label, 'G', 'bn')")


def _year_axis() -> alt.Axis:
    return alt.Axis(title=None, format="d", tickMinStep=1, labelAngle=0)


def series_chart(data: PairData) -> alt.VConcatChart:
    """Per direction: the exporter's and the importer's figure per year, the reconciled estimate and
    its interval (shaded), with a tooltip naming each figure's id and source."""
    charts = []
    domain = [data.years[0] - 0.4, data.years[1] + 0.4]
    for direction in data.directions:
        s = data.sides[data.sides.direction == direction]
        exporter, importer = direction.split(" → ")
        names = {
            "exporter": f"{exporter} reports exports (FOB)",
            "importer": f"{importer} reports imports (CIF)",
        }
        pts = s.assign(series=s.side.map(names), value_text=[_interval_text(r) for r in s.itertuples()])
        sel = alt.selection_point(fields=["series"], bind="legend", name=f"pick_{len(charts)}")
        est = data.estimates[data.estimates.direction == direction] if data.estimates is not None else None
        has_est = est is not None and len(est) > 0
        color = alt.Color("series:N", title=None,
                          scale=alt.Scale(domain=[names["exporter"], names["importer"]] + (["reconciled estimate"] if has_est else []),
                                          range=[SIDE_COLORS["exporter"], SIDE_COLORS["importer"], "#222222"]),
                          legend=alt.Legend(orient="top", labelLimit=260))
        x = alt.X("year:Q", axis=_year_axis(), scale=alt.Scale(domain=domain, nice=False))
        base = alt.Chart(pts).encode(
            x=x, y=alt.Y("value:Q", axis=_usd_axis()), color=color,
            opacity=alt.condition(sel, alt.value(1.0), alt.value(0.15)),
        )
        tooltip = [alt.Tooltip("series:N", title="series"), alt.Tooltip("year:Q", title="year", format="d"),
                   alt.Tooltip("value_text:N", title="value"), alt.Tooltip("source_id:N", title="source"),
                   alt.Tooltip("figure_id:N", title="figure id")]
        layers: list[alt.Chart] = []
        if has_est:
            e = est.assign(series="reconciled estimate")
            eb = alt.Chart(e).encode(x=x)
            layers.append(eb.mark_area(opacity=0.15, color="#444444").encode(
                y=alt.Y("estimate_low:Q", axis=_usd_axis()), y2="estimate_high:Q"))
            # the interval as a bar too, so a year standing alone shows its interval
            layers.append(eb.mark_rule(strokeWidth=5, opacity=0.35, color="#444444").encode(
                y="estimate_low:Q", y2="estimate_high:Q"))
            layers.append(eb.mark_line(strokeDash=[6, 3], point=True).encode(
                y="estimate:Q", color=color,
                tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("estimate:Q", format="$,.0f"),
                         alt.Tooltip("estimate_low:Q", format="$,.0f", title="90% low"),
                         alt.Tooltip("estimate_high:Q", format="$,.0f", title="90% high")]))
        if pts.empty:
            layers.append(_no_data_text("no figures published for this direction"))
            charts.append(alt.layer(*layers).properties(width=WIDTH, height=80,
                                                        title=f"{country_name(exporter)} → {country_name(importer)}"))
            continue
        layers.append(base.mark_line(strokeWidth=2).encode(detail="series:N"))
        layers.extend(_bound_labels(pts, x, "value_text", dy=-12))
        layers.append(base.mark_point(filled=True, size=70).encode(
            shape=_qualifier_shape(),
            tooltip=tooltip, href=alt.value(None)).add_params(sel))
        title = f"{country_name(exporter)} → {country_name(importer)}: what each side publishes"
        charts.append(alt.layer(*layers).properties(width=WIDTH, height=HEIGHT, title=title))
    return alt.vconcat(*charts).resolve_scale(color="independent")


def turnover_chart(data: PairData) -> alt.LayerChart:
    """Each side's published turnover (exports plus imports) per year, as printed: the years a side
    publishes only a total are drawn here, beside nothing derived from them. One colour per reporting
    side; the tooltip names each figure's id, source and publisher."""
    domain = [data.years[0] - 0.4, data.years[1] + 0.4]
    x = alt.X("year:Q", axis=_year_axis(), scale=alt.Scale(domain=domain, nice=False))
    title = (f"{country_name(data.country)} × {country_name(data.partner)}: turnover as each side publishes it "
             f"(exports + imports)")
    t = data.turnover
    if t.empty:
        return alt.layer(_no_data_text("no turnover figure published in these years")).properties(
            width=WIDTH, height=80, title=title)
    pts = t.assign(value_text=[_interval_text(r) for r in t.itertuples()], run=_runs(t))
    colors = dict(zip((f"{c} reports turnover (exports + imports)" for c in (data.partner, data.country)),
                      ("#9467bd", "#ff7f0e"), strict=True))
    names = [n for n in colors if n in set(pts.series)]
    color = alt.Color("series:N", title=None, scale=alt.Scale(domain=names, range=[colors[n] for n in names]),
                      legend=alt.Legend(orient="top", labelLimit=320))
    base = alt.Chart(pts).encode(x=x, y=alt.Y("value:Q", axis=_usd_axis()), color=color)
    tooltip = [alt.Tooltip("series:N", title="series"), alt.Tooltip("year:Q", title="year", format="d"),
               alt.Tooltip("value_text:N", title="value"), alt.Tooltip("source_id:N", title="source"),
               alt.Tooltip("publisher:N", title="published by"), alt.Tooltip("figure_id:N", title="figure id")]
    # lines join consecutive years only: a year no one published stays a gap, not a slope
    layers: list[alt.Chart] = [base.mark_line(strokeWidth=2, opacity=0.6).encode(detail="run:N")]
    layers.extend(_bound_labels(pts, x, "value_text", dy=-12))
    layers.append(base.mark_point(filled=True, size=70).encode(
        shape=_qualifier_shape(),
        tooltip=tooltip))
    return alt.layer(*layers).properties(width=WIDTH, height=HEIGHT, title=title)


def gap_chart(data: PairData) -> alt.LayerChart:
    """The importer's figure over the exporter's, in % of the exporter's, per year and direction, with
    the normal CIF margin band shaded (imports valued CIF run a little above exports valued FOB); beside
    them the two sides' turnover (the country's over the partner's), which reaches the years where one side
    publishes only totals."""
    lo, hi = CIF_BAND
    band = pd.DataFrame({"lo": [100 * lo], "hi": [100 * hi], "label": [f"normal CIF margin {100 * lo:.0f}–{100 * hi:.0f}%"]})
    pts = gap_points(data)
    domain = [data.years[0] - 0.4, data.years[1] + 0.4]
    x = alt.X("year:Q", axis=_year_axis(), scale=alt.Scale(domain=domain, nice=False))
    shade = alt.Chart(band).mark_rect(color="#2ca02c", opacity=0.15).encode(
        y=alt.Y("lo:Q", title="one side's figure vs the other's (%)"), y2="hi:Q",
        tooltip=alt.Tooltip("label:N", title="band"))
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888888").encode(y="y:Q")
    layers: list[alt.Chart] = [shade, zero]
    if len(pts):
        layers.append(alt.Chart(pts).mark_line(point=alt.OverlayMarkDef(filled=True, size=70)).encode(
            x=x, y=alt.Y("gap_pct:Q"), color=alt.Color("series:N", title=None, legend=alt.Legend(orient="top")),
            detail="run:N",
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("year:Q", format="d"),
                     alt.Tooltip("gap_text:N", title="gap"), alt.Tooltip("how:N", title="figures"),
                     alt.Tooltip("figure_ids:N", title="figure ids")]))
    else:
        layers.append(_no_data_text("no year has both sides published"))
    return alt.layer(*layers).properties(
        width=WIDTH, height=HEIGHT, title="Gap between the two sides, % of the exporter's (turnover: the partner's) figure")


def gap_points(data: PairData) -> pd.DataFrame:
    """One row per plotted gap: each direction (importer over exporter) and the turnover (country over partner),
    with the figure ids behind it; lines join consecutive years only."""
    cols = ["series", "year", "gap_pct", "gap_text", "how", "figure_ids", "run"]
    rows = [{"series": f"{g.direction} (importer vs exporter)", "year": int(g.year), "gap_pct": float(g.gap_pct),
             "gap_text": g.gap, "how": "importer's imports vs exporter's exports",
             "figure_ids": f"{g.exporter_figure_id}, {g.importer_figure_id}"} for g in data.gaps.itertuples()]
    rows += [{"series": f"turnover, {data.country} vs {data.partner}", "year": int(t.year),
              "gap_pct": float(t.gap_pct), "gap_text": t.gap,
              "how": f"{data.country}: {t.country_how}; {data.partner}: {t.partner_how}",
              "figure_ids": f"{t.country_figure_ids}; {t.partner_figure_ids}"} for t in data.turnover_gaps.itertuples()]
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows).sort_values(["series", "year"]).reset_index(drop=True)
    df["run"] = _runs(df)
    return df[cols]


def gdp_chart(data: PairData) -> alt.VConcatChart:
    """Top: the country's GDP (line) beside what flows in and out of it; bottom: each flow as a share of
    that GDP. A flow above the GDP line is a flow larger than the whole economy."""
    c = data.country
    domain = [data.years[0] - 0.4, data.years[1] + 0.4]
    x = alt.X("year:Q", axis=_year_axis(), scale=alt.Scale(domain=domain, nice=False))
    gdp = data.gdp.assign(value_text=[_interval_text(r) for r in data.gdp.itertuples()])
    gdp_line = alt.Chart(gdp).mark_line(color="#000000", strokeWidth=3, point=alt.OverlayMarkDef(color="#000000")).encode(
        x=x, y=alt.Y("value:Q", axis=_usd_axis()), detail="source_id:N",
        tooltip=[alt.Tooltip("series:N", title="series"), alt.Tooltip("year:Q", format="d"),
                 alt.Tooltip("value_text:N", title="GDP"), alt.Tooltip("figure_id:N", title="figure id")])
    sides = data.sides.assign(value_text=[_interval_text(r) for r in data.sides.itertuples()])
    sides = sides.assign(flow=[f"{d}, {x}" for d, x in zip(sides.direction, sides.series, strict=True)])
    flows = alt.Chart(sides).mark_line(point=True, strokeDash=[4, 2]).encode(
        x=x, y="value:Q", color=alt.Color("flow:N", title=None, legend=alt.Legend(orient="top", labelLimit=320, columns=1)),
        tooltip=[alt.Tooltip("flow:N"), alt.Tooltip("year:Q", format="d"), alt.Tooltip("value_text:N", title="value"),
                 alt.Tooltip("figure_id:N", title="figure id")])
    gdp_lab = gdp.assign(value_text=[f"GDP {v} ({src})" for v, src in zip(gdp.value_text, gdp.source_id, strict=True)])
    top_layers = ([gdp_line] if len(gdp) else []) + ([flows] if len(sides) else [])
    top_layers += _bound_labels(gdp_lab, x, "value_text", dy=16) + _bound_labels(sides, x, "value_text", dy=-12)
    top = alt.layer(*(top_layers or [_no_data_text("no GDP and no trade figures in this window")])).properties(
        width=WIDTH, height=HEIGHT, title=f"{country_name(c)}'s GDP (black) and its trade with {country_name(data.partner)}")
    sh = data.shares.assign(flow=[f"{d}, {x}" for d, x in zip(data.shares.direction, data.shares.series, strict=True)],
                            share_text=[_share_text(r) for r in data.shares.itertuples()])
    hundred = alt.Chart(pd.DataFrame({"y": [100.0], "label": ["= the whole GDP"]})).mark_rule(
        color="#000000", strokeDash=[2, 2]).encode(y="y:Q", tooltip="label:N")
    bars = alt.Chart(sh).mark_line(point=alt.OverlayMarkDef(filled=True, size=60)).encode(
        x=x, y=alt.Y("share_pct:Q", title=f"% of {c} GDP"), color=alt.Color("flow:N", title=None),
        tooltip=[alt.Tooltip("flow:N"), alt.Tooltip("year:Q", format="d"), alt.Tooltip("share_text:N", title="share of GDP"),
                 alt.Tooltip("gdp_year:Q", title="GDP of", format="d"), alt.Tooltip("gdp_source:N", title="GDP source"),
                 alt.Tooltip("figure_id:N", title="figure id"), alt.Tooltip("gdp_figure_id:N", title="GDP figure id")])
    bottom = alt.layer(hundred, *([bars] if len(sh) else [_no_data_text("no GDP figure for the years with trade figures")])).properties(
        width=WIDTH, height=160, title=f"Trade as a share of {country_name(c)}'s GDP")
    return alt.vconcat(top, bottom).resolve_scale(color="shared")


def overview_chart(rows: list[Any]) -> alt.LayerChart:
    """China's reported exports to each state as a share of that state's GDP (latest year): the bar
    for a state whose published GDP is below China's export figure reaches the 100% line."""
    recs = []
    for r in rows:
        if r.partner == "CA5" or not r.label.startswith("China →") or r.gdp_share is None:
            continue
        lo, hi = r.gdp_share
        f, g = r.china[0], r.gdp
        if math.isinf(hi):
            text = f"at least {lo:.0f}%"
        else:
            text = f"{(lo + hi) / 2:.0f}%"
        recs.append({"state": country_name(r.partner), "share": lo if math.isinf(hi) else (lo + hi) / 2,
                     "text": text, "exports": _fig_text(f), "gdp": f"{_fig_text(g)} ({r.gdp_note})",
                     "figure_id": f.figure_id, "gdp_figure_id": g.figure_id})
    df = pd.DataFrame(recs, columns=["state", "share", "text", "exports", "gdp", "figure_id", "gdp_figure_id"])
    y = alt.Y("state:N", title=None, sort=None)
    bars = alt.Chart(df).mark_bar(color=SIDE_COLORS["exporter"]).encode(
        y=y, x=alt.X("share:Q", title="China's reported exports to the state, % of the state's GDP",
                     scale=alt.Scale(domain=[0, max(110.0, float(df.share.max()) if len(df) else 0.0)])),
        tooltip=[alt.Tooltip("state:N"), alt.Tooltip("text:N", title="share of GDP"),
                 alt.Tooltip("exports:N", title="China's exports"), alt.Tooltip("gdp:N", title="GDP"),
                 alt.Tooltip("figure_id:N", title="figure id"), alt.Tooltip("gdp_figure_id:N", title="GDP figure id")])
    labels = alt.Chart(df).mark_text(align="left", dx=4, fontWeight="bold").encode(y=y, x="share:Q", text="text:N")
    rule = alt.Chart(pd.DataFrame({"x": [100.0], "label": ["the whole GDP"]})).mark_rule(
        color="#d62728", strokeDash=[4, 3], strokeWidth=2).encode(x="x:Q", tooltip="label:N")
    return alt.layer(bars, labels, rule).properties(
        width=WIDTH, height=200, title="China's exports to each state as a share of its GDP (latest figures)")


def pair_charts(data: PairData) -> dict[str, alt.TopLevelMixin]:
    """The report's four charts by name."""
    return {"series": series_chart(data), "turnover": turnover_chart(data), "gap": gap_chart(data),
            "gdp": gdp_chart(data)}


# ---- rendering ------------------------------------------------------------------------------


def vl_version() -> str:
    """The Vega-Lite version Altair writes (``"6.4"``), for vl-convert."""
    v = alt.SCHEMA_VERSION.lstrip("v").split(".")
    return f"{v[0]}.{v[1]}"


_BUNDLE_LOCK = threading.Lock()


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (globals ``vega``, ``vegaLite``, ``vegaEmbed``), from
    vl-convert: nothing is fetched from a CDN. About 0.9 MB; built once per process and kept in the
    cache directory (``$MIRRORTRADE_CACHE`` or the user cache dir) keyed by the library versions."""
    with _BUNDLE_LOCK:  # one build at a time: a second caller waits for the first one's result
        return _vega_bundle()


@lru_cache(maxsize=1)
def _vega_bundle() -> str:
    import vl_convert as vlc

    name = f"vega-bundle-{vlc.get_vega_version()}-{vlc.get_vega_embed_version()}-vl{vl_version()}.js"
    path = _cache_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
        if "vegaEmbed" in text:
            return text
    except OSError:
        pass
    try:
        text = vlc.javascript_bundle(vl_version=vl_version())
    except ValueError:
        text = vlc.javascript_bundle()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache directory only costs the rebuild next time
    return text


def _cache_dir() -> Path:
    env = os.environ.get("MIRRORTRADE_CACHE")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("mirrortrade", appauthor=False))


def spec_json(chart: alt.TopLevelMixin | dict[str, Any]) -> str:
    """A chart's Vega-Lite spec as JSON that is safe inside an HTML ``<script>`` element."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    text = json.dumps(spec, ensure_ascii=False, allow_nan=False, default=str)
    return script_safe(text)


def script_safe(text: str) -> str:
    """Escape ``<``, ``>`` and ``&`` (and the JS line separators) so text can sit in a script element."""
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_png(chart: alt.TopLevelMixin, scale: float = 1.5) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(chart.to_dict(validate=False), vl_version=vl_version(), scale=scale)


def to_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict(validate=False), vl_version=vl_version())


# ---- helpers --------------------------------------------------------------------------------


def _bound_labels(df: pd.DataFrame, x: alt.X, text: str, *, dy: int) -> list[alt.Chart]:
    """Text beside figures published as bounds ("over $22bn", "under $22bn") so the words are seen."""
    bounded = df[df["qualifier"] != "exact"] if len(df) else df
    if bounded.empty:
        return []
    return [alt.Chart(bounded).mark_text(align="right", dx=-8, dy=dy, fontSize=11, fontWeight="bold").encode(
        x=x, y="value:Q", text=f"{text}:N")]


def _runs(df: pd.DataFrame) -> list[str]:
    """A label per row naming its run of consecutive years within its series (one publication per year
    and series is joined; a missing year starts a new run)."""
    out: list[str] = []
    last: dict[str, int] = {}
    run: dict[str, int] = {}
    for series, year in zip(df["series"], df["year"], strict=True):
        if series not in last or year - last[series] > 1:
            run[series] = run.get(series, -1) + 1
        last[series] = year
        out.append(f"{series} #{run[series]}")
    return out


def _no_data_text(text: str) -> alt.Chart:
    return alt.Chart(pd.DataFrame({"text": [text]})).mark_text(fontSize=13, color="#666666").encode(
        text="text:N")


def _interval_text(r: Any) -> str:
    return fmt_usd(float(r.value), getattr(r, "qualifier", "exact"))


def _share_text(r: Any) -> str:
    if math.isinf(r.share_high):
        return f"at least {r.share_low:.1f}%"
    if abs(r.share_high - r.share_low) < 0.05 * max(abs(r.share_pct), 1e-9):
        return f"{r.share_pct:.1f}%"
    return f"{r.share_pct:.1f}% ({r.share_low:.1f}–{r.share_high:.1f}%)"


def _fig_text(f: Any) -> str:
    return fmt_usd(f.value, f.qualifier)
