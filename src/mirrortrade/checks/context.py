"""What the rules read from the store: figures as intervals with their citations, GDP, mirrors.

:class:`CheckContext` loads the store once (latest vintage per figure, plus all vintages for
the unit rule) so every rule works on the same snapshot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from mirrortrade.checks import intervals as iv
from mirrortrade.checks.band import BandEstimator, stored_reconciliation
from mirrortrade.checks.finding import money, money_range
from mirrortrade.model import AGGREGATES, Period, country_name


@dataclass(frozen=True)
class Fig:
    """One stored figure as the rules see it."""

    figure_id: str
    reporter: str
    partner: str
    flow: str
    period: str
    value: float
    low: float
    high: float
    qualifier: str = "exact"
    precision: float = 0.0
    source_id: str = ""
    publisher: str = ""
    title: str = ""
    quote: str = ""
    product: str = "TOTAL"
    valuation: str = "UNKNOWN"
    growth_pct: float | None = None
    growth_precision: float = 0.0
    vintage: str = ""
    key_id: str = ""
    ids: tuple[str, ...] = ()  # figure ids a derived figure rests on
    derivation: str = ""  # how a derived figure was computed ("" = as published)

    @classmethod
    def from_row(cls, r: Any) -> Fig:
        g = r.get("growth_pct")
        g = None if g is None or (isinstance(g, float) and math.isnan(g)) else float(g)
        return cls(
            figure_id=str(r["figure_id"]), reporter=r["reporter"], partner=r["partner"], flow=r["flow"],
            period=str(r["period"]), value=float(r["value_usd"]), low=float(r["value_low"]),
            high=float(r["value_high"]), qualifier=str(r["qualifier"]), precision=float(r["precision_usd"] or 0.0),
            source_id=str(r["source_id"]), publisher=str(r.get("publisher") or ""), title=str(r.get("title") or ""),
            quote=str(r.get("quote") or ""), product=str(r.get("product") or "TOTAL"),
            valuation=str(r.get("valuation") or "UNKNOWN"), growth_pct=g,
            growth_precision=float(r.get("growth_precision") or 0.0), vintage=str(r.get("vintage") or ""),
            key_id=str(r.get("key_id") or ""),
        )

    @property
    def interval(self) -> tuple[float, float]:
        return (self.low, self.high)

    @property
    def all_ids(self) -> list[str]:
        return list(self.ids) if self.ids else [self.figure_id]

    @property
    def p(self) -> Period:
        return Period.parse(self.period)

    @property
    def publication(self) -> tuple[str, str, str]:
        return (self.source_id, self.publisher, self.title)

    def text(self) -> str:
        """'$3.7bn' / 'more than $22.0bn' / '$14.6bn–$14.8bn (implied)'."""
        if self.derivation:
            return money_range(self.interval)
        return money(self.value, self.qualifier)

    def cite(self) -> str:
        """'CN-GACC, in “China’s Trade Grip…” (The Caspian Post, via Eurasianet) [2bdeda26]'."""
        bits = self.source_id
        if self.title:
            bits += f", in “{self.title}”"
        if self.publisher and not self.publisher.startswith("("):
            bits += f" ({self.publisher})"
        return f"{bits} [{', '.join(self.all_ids)}]"

    def evidence(self) -> dict[str, Any]:
        d = {"figure_ids": self.all_ids, "value": self.value, "interval": [iv._j(self.low), iv._j(self.high)],
             "qualifier": self.qualifier, "source_id": self.source_id, "period": self.period}
        if self.derivation:
            d["derivation"] = self.derivation
        return d


def name(code: str) -> str:
    return country_name(code)


def flow_phrase(reporter: str, partner: str, flow: str) -> str:
    """'China's exports to Kyrgyzstan', 'Tajikistan's imports from China', 'China's trade with Uzbekistan'."""
    r, p = name(reporter), name(partner)
    if p == "Central Asia (KAZ, KGZ, TJK, TKM, UZB)":
        p = "Central Asia"
    return {
        "X": f"{r}'s exports to {p}", "M": f"{r}'s imports from {p}", "T": f"{r}'s trade with {p}",
        "RX": f"{r}'s re-exports to {p}", "RM": f"{r}'s re-imports from {p}", "B": f"{r}'s balance with {p}",
    }[flow]


@dataclass
class CheckContext:
    """A snapshot of the store for one run of the rules."""

    store: Any
    year: int | None = None
    notes: list[str] = field(default_factory=list)

    @staticmethod
    def _frame(df: pd.DataFrame) -> pd.DataFrame:
        df = df[df["value_usd"].notna()].copy()
        df["year"] = df["period"].str[:4].astype(int)
        return df.reset_index(drop=True)

    @cached_property
    def totals(self) -> pd.DataFrame:
        """Total-trade figures (product ``TOTAL``), the latest vintage of each: what most rules read. Read
        from the store with the product filter, so a store of millions of HS-level rows is not loaded."""
        return self._frame(self.store.observations(product="TOTAL"))

    def products(self, codes: list[str]) -> pd.DataFrame:
        """Product-level figures (latest vintages) for the given product codes only."""
        if not codes:  # no filter would mean every product
            return self.totals.iloc[0:0]
        return self._frame(self.store.observations(product=codes))

    @cached_property
    def obs_all_vintages(self) -> pd.DataFrame:
        """Every vintage of the total-trade figures."""
        df = self.store.observations(all_vintages=True, product="TOTAL")
        return df[df["value_usd"].notna()].reset_index(drop=True)

    @cached_property
    def figs(self) -> list[Fig]:
        """The total-trade figures the rules can compute with; a stored figure whose interval says nothing
        (NaN, inverted, or unbounded on both sides) is left out with a note, never a crash."""
        out = []
        for r in self.totals.to_dict("records"):
            f = Fig.from_row(r)
            if iv.usable(f.interval) and math.isfinite(f.value):
                out.append(f)
            else:
                self.skip("all rules", f, f"its interval {list(f.interval)} cannot be computed with")
        return out

    def skip(self, rule: str, f: Fig, why: str) -> None:
        """Record that ``rule`` left figure ``f`` out, and why (shown with the findings)."""
        self.notes.append(f"{rule}: figure {f.figure_id} ({f.reporter}→{f.partner} {f.flow} {f.period}, "
                          f"{f.source_id}) skipped: {why}.")

    @cached_property
    def gdp(self) -> pd.DataFrame:
        ind = self.store.indicators(indicator="gdp_usd")
        if len(ind):
            ind = ind.assign(year=ind["period"].str[:4].astype(int))
        return ind

    @cached_property
    def bands(self) -> Any:
        """The mirror-gap band estimator (from the store's reconciliation, else the engine run once when it can help)."""
        b = BandEstimator(self.totals, stored_reconciliation(self.store))
        self.notes.extend(b.notes)
        return b

    def in_scope(self, period: str) -> bool:
        return self.year is None or Period.parse(period).year == self.year

    @cached_property
    def _indexes(self) -> dict[tuple[str, ...], dict[tuple[Any, ...], list[Fig]]]:
        return {}

    def find(self, **kw: Any) -> list[Fig]:
        """Total-level figures matching exact field values (reporter=..., flow=..., period=...);
        one hash index per combination of fields, built on first use."""
        keys = tuple(sorted(kw))
        idx = self._indexes.get(keys)
        if idx is None:
            idx = {}
            for f in self.figs:
                idx.setdefault(tuple(getattr(f, k) for k in keys), []).append(f)
            self._indexes[keys] = idx
        return list(idx.get(tuple(kw[k] for k in keys), ()))

    @cached_property
    def _gdp_memo(self) -> dict[tuple[str, int], tuple[Fig | None, str]]:
        return {}

    def gdp_for(self, country: str, year: int) -> tuple[Fig | None, str]:
        """GDP of ``country`` for ``year`` (a same-year figure from any source, the newest vintage),
        else the latest earlier year, with a note saying which was used."""
        key = (country, int(year))
        if key not in self._gdp_memo:
            self._gdp_memo[key] = self._gdp_for(country, int(year))
        return self._gdp_memo[key]

    @cached_property
    def _gdp_by_country(self) -> dict[str, list[Any]]:
        g = self.gdp
        if g is None or g.empty:
            return {}
        g = g[g["partner"].fillna("") == ""]
        # a GDP a share cannot be taken of (zero, NaN, inverted or unbounded above) is passed over, with a note
        ok = (g["value_high"] > 0) & (g["value_low"] <= g["value_high"]) & (g["value_high"] < math.inf)
        for r in g[~ok].itertuples():
            self.notes.append(f"GDP figure {r.figure_id} ({r.country} {r.period}, {r.source_id}) skipped: "
                              f"its interval [{r.value_low}, {r.value_high}] cannot be divided by.")
        out: dict[str, list[Any]] = {}
        for r in g[ok].itertuples(index=False):
            out.setdefault(str(r.country), []).append(r)
        return out

    def gdp_rows(self, country: str) -> list[Any]:
        """The GDP rows of one country (grouped once, so that many look-ups stay linear in the figures)."""
        return self._gdp_by_country.get(country, [])

    def _gdp_for(self, country: str, year: int) -> tuple[Fig | None, str]:
        g = self.gdp
        if g is None or g.empty:
            return None, "no GDP figure in the store"
        rows = self.gdp_rows(country)
        same = [r for r in rows if r.year == year]
        if same:
            r = max(same, key=_gdp_preference)
            note = f"GDP for {year} ({r.source_id})"
        else:
            earlier = [r for r in rows if r.year < year]
            if not earlier:
                return None, f"no GDP figure for {year} or earlier"
            r = max(earlier, key=lambda x: (x.year, *_gdp_preference(x)))
            note = f"no GDP figure for {year}: used {r.year}, the latest earlier year ({r.source_id})"
        fig = Fig(figure_id=str(r.figure_id), reporter=country, partner="", flow="GDP", period=str(r.period),
                  value=float(r.value), low=float(r.value_low), high=float(r.value_high), qualifier=str(r.qualifier),
                  precision=float(r.precision or 0.0), source_id=str(r.source_id), publisher=str(r.publisher or ""),
                  title=str(r.title or ""), quote=str(r.quote or ""), vintage=str(r.vintage))
        return fig, note

    def tightened(self, f: Fig) -> Fig:
        """A one-sided figure ("more than $22bn") narrowed by the identity T = X + M of the same
        publication, when the publication prints the other two; otherwise ``f`` unchanged."""
        if not (math.isinf(f.high) or f.low <= 0) or f.flow not in ("X", "M", "T"):
            return f
        same = [g for g in self.find(reporter=f.reporter, partner=f.partner, period=f.period)
                if g.publication == f.publication and g.figure_id != f.figure_id]
        by = {g.flow: g for g in same}
        if f.flow in ("X", "M"):
            other = "M" if f.flow == "X" else "X"
            if "T" not in by or other not in by:
                return f
            implied = iv.sub(by["T"].interval, by[other].interval)
            how = f"{f.flow} = T − {other}: {by['T'].text()} − {by[other].text()}"
            ids = (f.figure_id, by["T"].figure_id, by[other].figure_id)
        else:
            if "X" not in by or "M" not in by:
                return f
            implied = iv.add([by["X"].interval, by["M"].interval])
            how = f"T = X + M: {by['X'].text()} + {by['M'].text()}"
            ids = (f.figure_id, by["X"].figure_id, by["M"].figure_id)
        both = iv.intersect(f.interval, implied)
        if both is None:
            return f
        return Fig(**{**f.__dict__, "low": both[0], "high": both[1], "ids": ids,
                      "derivation": f"published {f.text()}, narrowed by {how}"})

    def implied(self, reporter: str, partner: str, flow: str, period: str) -> list[Fig]:
        """A flow a publication does not print but implies: X = T − M or M = T − X."""
        if flow not in ("X", "M"):
            return []
        other = "M" if flow == "X" else "X"
        out = []
        pubs = {f.publication for f in self.find(reporter=reporter, partner=partner, period=period)}
        for pub in sorted(pubs):
            by = {g.flow: g for g in self.find(reporter=reporter, partner=partner, period=period) if g.publication == pub}
            if flow in by or "T" not in by or other not in by:
                continue
            t, o = by["T"], by[other]
            lo, hi = iv.sub(t.interval, o.interval)
            lo = max(lo, 0.0)
            out.append(Fig(
                figure_id=t.figure_id, reporter=reporter, partner=partner, flow=flow, period=period,
                value=t.value - o.value, low=lo, high=hi, qualifier="exact", source_id=t.source_id,
                publisher=t.publisher, title=t.title, quote=t.quote, valuation="CIF" if flow == "M" else "FOB",
                ids=(t.figure_id, o.figure_id),
                derivation=f"implied: turnover {t.text()} − {'exports' if other == 'X' else 'imports'} {o.text()}",
            ))
        return out


def is_aggregate(code: str) -> bool:
    return code in AGGREGATES


def _gdp_preference(r: Any) -> tuple[str, float, str]:
    """Which of several GDP figures for one year to use: the newest vintage, then the narrowest interval (two
    publications of the same vintage, e.g. $114.96bn and "approximately $115 billion"), then the figure id, so
    that the choice never depends on the order the store returns rows in."""
    return str(r.vintage), -(float(r.value_high) - float(r.value_low)), str(r.figure_id)
