"""``mirrortrade digest``: a monitor-style page per country — trade from both sides with its flags, then
bilateral indicators (with their relative statements checked) and news items, each with its citation.

Everything printed comes from the store; every number carries the id of the figure it came from.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks import run_checks
from mirrortrade.checks.relative import check_largest, check_relative, parse_relative, says_largest
from mirrortrade.model import CENTRAL_ASIA, Period, country_name
from mirrortrade.report.fmt import fmt_gap, fmt_usd
from mirrortrade.report.story import story_rows

INDICATOR_LABELS = {
    "tourist_arrivals": "visitors",
    "registered_companies": "companies and joint ventures",
    "scholarships": "scholarships",
    "students": "students",
    "investment_announced": "announced investment",
    "trade_partner_share_pct": "share of foreign trade",
    "migrant_workers": "migrant workers",
    "flights_weekly": "weekly flights",
}


@dataclass
class IndicatorLine:
    country: str
    partner: str
    indicator: str
    period: str
    value: float
    unit: str
    qualifier: str
    figure_id: str
    source_id: str
    publisher: str
    title: str
    quote: str
    previous: dict[str, Any] | None = None
    relations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CountrySection:
    country: str
    trade: list[Any]
    flags: list[Any]
    indicators: list[IndicatorLine]
    news: list[dict[str, Any]]


@dataclass
class Digest:
    period: str
    sections: list[CountrySection]
    made: str
    #: relative statements about the region's trade ("the largest trade partner", "a fifth of its trade")
    statements: list[dict[str, Any]] = field(default_factory=list)


def _trade_statements(store: Any, year: int) -> list[dict[str, Any]]:
    """'X was China's largest trade partner' against the other states' turnover; shares of total trade."""
    out: list[dict[str, Any]] = []
    obs = store.observations(reporter="CHN", period=str(year), flow="T")
    members = obs[obs["partner"].isin(CENTRAL_ASIA)]
    for _, r in members.iterrows():
        if not says_largest(r.quote or ""):
            continue
        same_pub = members[(members["publisher"] == r.publisher) & (members["title"] == r.title)]
        others = {o.partner: (float(o.value_low), float(o.value_high)) for _, o in same_pub.iterrows()
                  if o.partner != r.partner}
        ok, rivals = check_largest((float(r.value_low), float(r.value_high)), others)
        parts = ", ".join(f"{country_name(k)} {fmt_usd(v[0] / 2 + v[1] / 2)}" for k, v in sorted(others.items(), key=lambda kv: -kv[1][1]))
        verdict = "consistent" if ok else f"NOT consistent: {', '.join(map(country_name, rivals))} could be as large"
        out.append({
            "statement": f"{country_name(r.partner)} is China's largest trade partner in Central Asia",
            "quote": r.quote, "figure_ids": [r.figure_id, *same_pub["figure_id"].tolist()],
            "result": (f"{country_name(r.partner)} {fmt_usd(r.value_usd)} [{r.figure_id}] against {parts} "
                       f"({len(others)} other states, same publication): {verdict}"),
            "consistent": ok,
        })
    shares = store.indicators(indicator="trade_partner_share_pct", period=str(year))
    for _, r in shares.iterrows():
        total = store.observations(reporter=r.country, partner="WLD", flow="T", period=str(year))
        bilateral = store.observations(reporter=r.country, partner=r.partner, flow="T", period=str(year))
        words = ", ".join(st.words for st in parse_relative(r.quote or "")) or f"{r.value:g}%"
        if len(total) and len(bilateral):
            t, b = total.iloc[0], bilateral.iloc[0]
            lo, hi = b.value_low / t.value_high, b.value_high / t.value_low
            ok = hi * 100 >= r.value_low and lo * 100 <= r.value_high
            res = (f"{fmt_usd(b.value_usd)} [{b.figure_id}] of {fmt_usd(t.value_usd)} [{t.figure_id}] is "
                   f"{100 * lo:.1f}–{100 * hi:.1f}%: {'consistent' if ok else 'NOT consistent'}")
        else:
            ok = None
            res = (f"unverifiable: the store has no figure of {country_name(r.country)}'s total foreign trade "
                   f"in {year} (partner WLD, flow T) to divide by")
        out.append({"statement": f"{country_name(r.partner)}'s share of {country_name(r.country)}'s trade: {words}",
                    "quote": r.quote, "figure_ids": [r.figure_id], "result": res, "consistent": ok})
    return out


def _value_text(v: float, unit: str, qualifier: str = "exact") -> str:
    if unit in ("USD", "usd"):
        return fmt_usd(v, qualifier)
    if unit == "percent":
        words = {"lower": "more than ", "upper": "less than "}.get(qualifier, "")
        return f"{words}{v:g}%"
    return f"{v:,.0f}"


def _indicator_lines(store: Any, country: str, year: int) -> list[IndicatorLine]:
    ind = pd.concat([store.indicators(country=country), store.indicators(partner=country)], ignore_index=True)
    if ind.empty:
        return []
    ind = ind[ind["indicator"] != "gdp_usd"].drop_duplicates("figure_id")
    ind = ind.assign(year=ind["period"].str[:4].astype(int))
    out = []
    for _, r in ind[ind["year"] == year].sort_values(["indicator", "country", "partner"]).iterrows():
        prev = ind[(ind["country"] == r.country) & (ind["partner"] == r.partner) & (ind["indicator"] == r.indicator)
                   & (ind["year"] == year - 1) & (ind["source_id"] == r.source_id)]
        line = IndicatorLine(r.country, r.partner, r.indicator, r.period, float(r.value), r.unit, r.qualifier,
                             r.figure_id, r.source_id, r.publisher or "", r.title or "", r.quote or "")
        if len(prev):
            p = prev.iloc[0]
            line.previous = {"period": p.period, "value": float(p.value), "figure_id": p.figure_id}
            for st in parse_relative(r.quote or ""):
                if st.kind == "share":
                    continue
                res = check_relative(st, (float(r.value_low), float(r.value_high)), (float(p.value_low), float(p.value_high)))
                line.relations.append({
                    "words": st.words, "allowed": [st.low, st.high], "ratio": [res.ratio_low, res.ratio_high],
                    "consistent": res.consistent,
                })
        out.append(line)
    return out


def build_digest(store: Any, period: str = "2025", countries: list[str] | None = None) -> Digest:
    """The digest's content for ``period`` (a year) and the given countries (default: the five states)."""
    year = Period.parse(period).year
    countries = countries or list(CENTRAL_ASIA)
    findings = [f for f in run_checks(store, year=year) if f.is_problem]
    sections = []
    for c in countries:
        trade = story_rows(store, year, partners=(c,))
        flags = [f for f in findings if c in (f.reporter, f.partner)]
        news = store.events(country=c)
        sections.append(CountrySection(
            country=c, trade=trade, flags=flags, indicators=_indicator_lines(store, c, year),
            news=news.to_dict("records"),
        ))
    return Digest(period=str(year), sections=sections, made=date.today().isoformat(),
                  statements=_trade_statements(store, year))


def _cite(publisher: str, title: str) -> str:
    bits = [b for b in (publisher, f"“{title}”" if title else "") if b]
    return ", ".join(bits)


def _fig_cell(figs: list[Any]) -> str:
    if not figs:
        return "—"
    return " / ".join(f"{fmt_usd(f.value, f.qualifier)} [{f.figure_id}]" for f in figs) + f" ({figs[0].source_id})"


def _relation_text(rel: dict[str, Any]) -> str:
    lo, hi = rel["allowed"]
    rng = f"[{lo:.3g}, {'∞' if math.isinf(hi) else f'{hi:.3g}'}]"
    verdict = "consistent" if rel["consistent"] else "NOT consistent"
    return (f"“{rel['words']}” means a ratio in {rng}; the two levels give "
            f"{rel['ratio'][0]:.3f}–{rel['ratio'][1]:.3f}: {verdict}")


def _indicator_text(line: IndicatorLine) -> str:
    base = line.indicator.removesuffix("_change")
    label = INDICATOR_LABELS.get(base, base.replace("_", " "))
    if line.indicator.endswith("_change"):
        label = f"change in {label}"
    who = f"{country_name(line.country)}" + (f" ← {country_name(line.partner)}" if line.partner else "")
    s = f"{label.capitalize()} ({who}): {_value_text(line.value, line.unit, line.qualifier)} in {line.period} [{line.figure_id}]"
    if line.previous:
        s += f", from {_value_text(line.previous['value'], line.unit)} in {line.previous['period']} [{line.previous['figure_id']}]"
    for rel in line.relations:
        s += f"; {_relation_text(rel)}"
    return s


def _md(text: object) -> str:
    """Text from the store (titles, quotes, messages) made inert in Markdown: HTML escaped (a title with
    ``<script>`` prints as text in any Markdown viewer), table pipes and line breaks neutralised."""
    return " ".join(html.escape(str(text), quote=False).replace("|", "\\|").split())


def render_markdown(d: Digest) -> str:
    out = [f"# China–Central Asia monitor: {d.period}", "",
           f"_Made by mirrortrade on {d.made} from the figures in its store. Each number carries the id of the "
           f"figure it came from (`mirrortrade show --format json` gives its source and sentence)._", ""]
    if d.statements:
        out += ["## The region", "", "### Relative statements about trade", ""]
        out += [f"- {_md(st['statement'])} (“{_md(st['quote'])}”): {_md(st['result'])}" for st in d.statements]
        out.append("")
    for s in d.sections:
        name = country_name(s.country)
        out += [f"## {name}", "", f"### Trade with China, {d.period}", "",
                f"| flow | China reports | {name} reports | gap (China − {name}, % of China's) |", "|---|---|---|---|"]
        for r in s.trade:
            gap = "" if r.gap is None else fmt_gap(r.china[0].value, r.other[0].value, "CHN", s.country)
            out.append(f"| {r.label} | {_md(_fig_cell(r.china))} | {_md(_fig_cell(r.other))} | {gap} |")
        out.append("")
        if s.flags:
            out += ["**What does not add up**", ""]
            out += [f"- **{f.severity}** {f.rule}: {_md(f.message)}" for f in s.flags]
            out.append("")
        else:
            out += ["No flags for this year.", ""]
        if s.indicators:
            out += ["### Indicators", ""]
            for line in s.indicators:
                out.append(f"- {_md(_indicator_text(line))}. Source: {_md(line.source_id)}, "
                           f"{_md(_cite(line.publisher, line.title))}: “{_md(line.quote)}”")
            out.append("")
        if s.news:
            out += ["### News", ""]
            for n in s.news:
                amount = ""
                if n.get("amount_usd") is not None and not pd.isna(n.get("amount_usd")):
                    amount = f" ({fmt_usd(n['amount_usd'], n.get('amount_qualifier') or 'exact')})"
                when = f" {n['date']}" if n.get("date") else ""
                more = f" “{n['note']}”" if n.get("note") else ""
                out.append(f"- **{_md(n['kind'])}**{amount}{_md(when)}: “{_md(n['quote'])}”{_md(more)} — "
                           f"{_md(_cite(n.get('publisher') or '', n.get('title') or ''))}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_html(d: Digest, store: Any | None = None) -> str:
    """The digest as one self-contained HTML page, with each country's trade chart as inline SVG."""
    md = render_markdown(d)
    charts: dict[str, str] = {}
    if store is not None:
        try:
            from mirrortrade.report.charts import series_chart, to_svg
            from mirrortrade.report.pair import pair_data

            y = int(d.period)
            for s in d.sections:
                charts[s.country] = to_svg(series_chart(pair_data(store, s.country, "CHN", (y - 10, y))))
        except ImportError as e:  # the chart stack is a dependency; say clearly if it is broken
            raise RuntimeError(f"cannot draw the digest's charts: {e}") from e
    body = []
    for line in md.splitlines():
        esc = html.escape(html.unescape(line if line.startswith("|") else line.replace("\\|", "|")))
        if line.startswith("# "):
            body.append(f"<h1>{esc[2:]}</h1>")
        elif line.startswith("## "):
            code = next((s.country for s in d.sections if country_name(s.country) == line[3:]), None)
            body.append(f"<h2>{esc[3:]}</h2>")
            if code in charts:
                body.append(f'<div class="chart">{charts[code]}</div>')
        elif line.startswith("### "):
            body.append(f"<h3>{esc[4:]}</h3>")
        elif line.startswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if all(set(c) <= {"-"} for c in cells):
                continue
            body.append("<tr>" + "".join(f"<td>{html.escape(html.unescape(c))}</td>" for c in cells) + "</tr>")
        elif line.startswith("- "):
            body.append(f"<li>{_md_inline(esc[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{_md_inline(esc)}</p>")
    out = _wrap_runs(body)
    css = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45;color:#222}"
           "table{border-collapse:collapse;margin:.5rem 0}td{border:1px solid #ccc;padding:.25rem .5rem}"
           "tr:first-child td{font-weight:600;background:#f3f3f3}.chart{margin:.5rem 0}h2{margin-top:2.5rem}")
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>China–Central Asia monitor "
            f"{html.escape(d.period)}</title><style>{css}</style></head><body>{''.join(out)}</body></html>\n")


#: runs of consecutive elements that a container wraps: the element's opening tag -> the container
_RUNS = (("<tr>", "table"), ("<li>", "ul"))


def _wrap_runs(body: list[str]) -> list[str]:
    """``body`` with each run of table rows in ``<table>`` and each run of list items in ``<ul>`` (a run closes
    before the next element opens, so a list followed by a table nests correctly)."""
    out: list[str] = []
    open_tag: str | None = None
    for b in body:
        tag = next((c for item, c in _RUNS if b.startswith(item)), None)
        if open_tag and tag != open_tag:
            out.append(f"</{open_tag}>")
            open_tag = None
        if tag and tag != open_tag:
            out.append(f"<{tag}>")
            open_tag = tag
        out.append(b)
    if open_tag:
        out.append(f"</{open_tag}>")
    return out


def _md_inline(esc: str) -> str:
    """**bold** and _italic_ of already-escaped text."""
    import re

    esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
    return re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"<em>\1</em>", esc)
