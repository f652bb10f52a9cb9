"""rerouting_signal: a partner's imports of common high-priority (CHP) goods surge together with
its exports of the same goods to a third country.

The CHP list is the 50 HS-6 codes of the Common High Priority items agreed by the EU, US, UK and
Japan (tiers 1–4; package data ``data/chp_hs6.csv``, source in ``data/SOURCES.md``). For HS-level
data (``product`` an HS code) the rule looks, per country P, CHP code and year, for a surge in
P's imports of the code (from a source country S, as P reports them or as S reports its exports
to P) in the same year as a surge in P's exports of the code to a third country T ≠ S. A surge
is at least :data:`SURGE_RATIO` times the year before, with the later value at least
:data:`PRODUCT_FLOOR`. Four-digit headings count when they contain a CHP code (said so).

With totals only, it says what data would be needed (an ``info`` finding, not an alarm).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.context import CheckContext, Fig, is_aggregate, name
from mirrortrade.checks.finding import Finding, Rule, money

ID = "rerouting_signal"
SEVERITY = "medium"
TEMPLATE = ("{country}'s imports of {code} ({tier}) from {source} rose ×{r_in} in {year} while its exports of the "
            "same goods to {third} rose ×{r_out}: a rerouting signal")
SURGE_RATIO = 2.0
PRODUCT_FLOOR = 1e6
DATA_NEEDED = (
    "HS-6 trade in the 50 common high-priority (CHP) codes for at least two consecutive years: {c}'s imports of "
    "those codes by partner (or its partners' exports to {c}), and {c}'s exports of the same codes by destination "
    "(or the destinations' imports from {c}) — UN Comtrade HS-6 by partner, with {code} as reporter or as partner "
    "of mirror reporters"
)


@lru_cache(maxsize=1)
def chp_codes() -> dict[str, str]:
    """HS-6 code → tier ('1', '2', '3A', '3B', '4A', '4B')."""
    path = resources.files("mirrortrade.data").joinpath("chp_hs6.csv")
    with path.open("r", encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str)
    return dict(zip(df["hs6"].str.strip(), df["tier"].str.strip(), strict=True))


@lru_cache(maxsize=1)
def chp_products() -> list[str]:
    """Every product code :func:`chp_match` accepts: the CHP HS-6 codes and the 4-digit headings holding them."""
    codes = list(chp_codes())
    return sorted({*codes, *(c[:4] for c in codes)})


def chp_match(product: str) -> tuple[str, str] | None:
    """(code, tier) when ``product`` is a CHP HS-6 code, or a 4-digit heading containing one."""
    p = str(product).strip()
    codes = chp_codes()
    if len(p) == 6 and p in codes:
        return p, codes[p]
    if len(p) == 4:
        tiers = sorted({t for c, t in codes.items() if c.startswith(p)})
        if tiers:
            return p, "heading containing CHP codes, tiers " + "/".join(tiers)
    return None


def _flows(ctx: CheckContext) -> pd.DataFrame:
    """CHP rows as (country, counterpart, direction in/out, product, year, low, high, value, figure_id)."""
    df = ctx.products(chp_products())
    df = df[df["period_kind"] == "year"]
    rows = []
    for r in df.to_dict("records"):
        m = chp_match(r["product"])
        if m is None or is_aggregate(r["reporter"]) or is_aggregate(r["partner"]):
            continue
        f = Fig.from_row(r)
        base = {"product": m[0], "tier": m[1], "year": f.p.year, "low": f.low, "high": f.high, "value": f.value,
                "figure_id": f.figure_id, "source_id": f.source_id}
        if f.flow == "M":  # reporter imports from partner; partner exports to reporter
            rows.append({**base, "country": f.reporter, "other": f.partner, "dir": "in", "view": "reported"})
            rows.append({**base, "country": f.partner, "other": f.reporter, "dir": "out", "view": "mirror"})
        elif f.flow == "X":
            rows.append({**base, "country": f.reporter, "other": f.partner, "dir": "out", "view": "reported"})
            rows.append({**base, "country": f.partner, "other": f.reporter, "dir": "in", "view": "mirror"})
    return pd.DataFrame(rows)


def _surges(d: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for (c, o, p, dr, view), g in d.groupby(["country", "other", "product", "dir", "view"]):
        g = g.sort_values("year").drop_duplicates("year", keep="last")
        recs = g.to_dict("records")
        for a, b in zip(recs, recs[1:], strict=False):
            if b["year"] != a["year"] + 1:
                continue
            r = iv.ratio((b["low"], b["high"]), (a["low"], a["high"]))
            if r[0] >= SURGE_RATIO and b["low"] >= PRODUCT_FLOOR:
                out.append({"country": c, "other": o, "product": p, "dir": dr, "view": view, "year": b["year"],
                            "ratio": r, "from": a, "to": b, "tier": b["tier"]})
    return out


def check(ctx: CheckContext) -> list[Finding]:
    d = _flows(ctx)
    out: list[Finding] = []
    covered: set[tuple[str, int]] = set()
    if len(d):
        for r in d.to_dict("records"):
            covered.add((r["country"], r["year"]))
        s = _surges(d)
        ins = [x for x in s if x["dir"] == "in"]
        outs = [x for x in s if x["dir"] == "out"]
        seen = set()
        for a in ins:
            for b in outs:
                if (a["country"], a["product"], a["year"]) != (b["country"], b["product"], b["year"]):
                    continue
                if a["other"] == b["other"] or (ctx.year is not None and a["year"] != ctx.year):
                    continue
                key = (a["country"], a["product"], a["year"], a["other"], b["other"])
                if key in seen:
                    continue
                seen.add(key)
                c = a["country"]
                msg = (f"{name(c)}'s imports of {a['product']} (CHP tier {a['tier']}) from {name(a['other'])} rose "
                       f"from {money(a['from']['value'])} in {a['year'] - 1} to {money(a['to']['value'])} in {a['year']} "
                       f"(×{a['ratio'][0]:.1f} at least, {a['view']} data) while its exports of the same goods to "
                       f"{name(b['other'])} rose from {money(b['from']['value'])} to {money(b['to']['value'])} "
                       f"(×{b['ratio'][0]:.1f} at least, {b['view']} data): a rerouting signal for battlefield-relevant "
                       f"goods, not proof.")
                ev = {"key": "|".join(map(str, key)), "country": c, "product": a["product"], "tier": a["tier"],
                      "source_country": a["other"], "third_country": b["other"], "year": a["year"],
                      "imports": {"ratio": list(a["ratio"]), "from": a["from"]["value"], "to": a["to"]["value"]},
                      "exports": {"ratio": list(b["ratio"]), "from": b["from"]["value"], "to": b["to"]["value"]},
                      "thresholds": {"surge_ratio": SURGE_RATIO, "product_floor_usd": PRODUCT_FLOOR}}
                ids = [a["from"]["figure_id"], a["to"]["figure_id"], b["from"]["figure_id"], b["to"]["figure_id"]]
                out.append(Finding(ID, SEVERITY, "notable", c, b["other"], "X", str(a["year"]), msg, ev, ids))
        for c, y in sorted(covered):
            if (ctx.year is None or y == ctx.year) and not any(f.reporter == c and f.period == str(y) for f in out):
                if (c, y - 1) not in covered:
                    continue
                msg = (f"{name(c)} in {y}: HS-level data on common high-priority goods are in the store and show no "
                       f"joint surge of imports and of exports of the same goods to a third country.")
                out.append(Finding(ID, "info", "consistent", c, "WLD", "X", str(y), msg,
                                   {"key": f"none:{c}:{y}", "country": c, "year": y}, []))
    # totals only: say what would be needed, once per country for its latest year in scope
    latest: dict[str, int] = {}
    for f in ctx.figs:
        if not ctx.in_scope(f.period):
            continue
        for c in (f.reporter, f.partner):
            if not is_aggregate(c):
                latest[c] = max(latest.get(c, 0), f.p.year)
    for c, y in sorted(latest.items()):
        if (c, y) in covered:
            continue
        msg = (f"Rerouting through {name(c)} cannot be tested with the totals in the store for {y}. Needed: "
               + DATA_NEEDED.format(c=name(c), code=c) + ".")
        ev = {"key": f"needs:{c}:{y}", "country": c, "year": y, "data_needed": DATA_NEEDED.format(c=name(c), code=c),
              "chp_codes": len(chp_codes())}
        out.append(Finding(ID, "info", "notable", c, "WLD", "X", str(y), msg, ev, []))
    return out


RULE = Rule(ID, SEVERITY, TEMPLATE, "a surge in imports of CHP goods with a surge of their exports to a third country", check)
