"""The seeds' story as a table: China-reported figures beside the partners' own, with gaps and GDP shares.

Used by ``mirrortrade demo`` and the dashboard's overview. Every number keeps the ids of the
figures it came from (``*_ids`` fields).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from mirrortrade.checks.context import CheckContext
from mirrortrade.model import CENTRAL_ASIA, Period, country_name
from mirrortrade.report.fmt import fmt_pct
from mirrortrade.report.pair import PairData

#: (label, China's flow, the partner's mirror flow)
MIRRORS = (
    ("China → {p}", "X", "M"),
    ("{p} → China", "M", "X"),
    ("turnover", "T", "T"),
)


@dataclass
class Figure:
    value: float
    low: float
    high: float
    qualifier: str
    source_id: str
    publisher: str
    figure_id: str
    period: str
    title: str = ""

    @classmethod
    def from_row(cls, r: pd.Series) -> Figure:
        return cls(float(r.value_usd), float(r.value_low), float(r.value_high), r.qualifier, r.source_id,
                   r.publisher or "", r.figure_id, r.period, r.title or "")


@dataclass
class StoryRow:
    partner: str
    label: str
    china: list[Figure] = field(default_factory=list)
    other: list[Figure] = field(default_factory=list)
    gdp: Figure | None = None
    gdp_note: str = ""

    @property
    def gap(self) -> float | None:
        """China's figure minus the partner's own (first publication of each)."""
        if self.china and self.other:
            return self.china[0].value - self.other[0].value
        return None

    @property
    def gap_pct(self) -> float | None:
        if self.china and self.other and self.other[0].value:
            return 100.0 * (self.china[0].value - self.other[0].value) / self.other[0].value
        return None

    @property
    def gdp_share(self) -> tuple[float, float] | None:
        """China's exports as a share of the partner's GDP: interval [low, high] in percent."""
        if not (self.gdp and self.china):
            return None
        x = self.china[0]
        hi = 100.0 * x.high / self.gdp.low if self.gdp.low > 0 else math.inf
        lo = 100.0 * x.low / self.gdp.high
        return (lo, hi)

    @property
    def figure_ids(self) -> list[str]:
        ids = [f.figure_id for f in self.china + self.other]
        if self.gdp:
            ids.append(self.gdp.figure_id)
        return ids


def gdp_for(store: object, country: str, year: int) -> tuple[Figure | None, str]:
    """GDP for ``year``, else the latest earlier year (with a note): the checks' choice, so the demo, the
    dashboard and ``flags`` always divide by the same GDP figure."""
    g, note = CheckContext(store).gdp_for(country, year)
    if g is None:
        return None, note
    return Figure(g.value, g.low, g.high, g.qualifier, g.source_id, g.publisher, g.figure_id, g.period, g.title), note


def story_rows(store: object, year: int = 2025, partners: tuple[str, ...] = (*CENTRAL_ASIA, "CA5")) -> list[StoryRow]:
    period = str(year)
    china = store.observations(reporter="CHN", period=period, product="TOTAL")
    own = store.observations(partner="CHN", period=period, product="TOTAL")
    rows: list[StoryRow] = []
    for p in partners:
        gdp, note = gdp_for(store, p, year) if p != "CA5" else (None, "")
        for label, fc, fp in MIRRORS:
            c = china[(china.partner == p) & (china.flow == fc)]
            o = own[(own.reporter == p) & (own.flow == fp)]
            row = StoryRow(
                partner=p,
                label=label.format(p=p),
                china=[Figure.from_row(r) for _, r in c.iterrows() if not math.isnan(r.value_usd)],
                other=[Figure.from_row(r) for _, r in o.iterrows() if not math.isnan(r.value_usd)],
            )
            if fc == "X":
                row.gdp, row.gdp_note = gdp, note
            rows.append(row)
    return rows


def latest_own_periods(own: pd.DataFrame) -> dict[str, str]:
    """Each reporter's latest period: the one that ends last, a whole year before a part of it
    (``2024`` over ``2024-Q1``; a string maximum would pick ``2024-Q1``)."""
    if own.empty:
        return {}
    return {rep: max(g, key=lambda p: (Period.parse(p).end, Period.parse(p).n_months))
            for rep, g in own.groupby("reporter")["period"]}


def pair_lede(data: PairData) -> str:
    """One or two sentences: how many figures, and the largest share of GDP published."""
    n = len(data.sides)
    parts = [f"{n} published trade figures between {country_name(data.country)} and {country_name(data.partner)} "
             f"in {data.years[0]}–{data.years[1]}"]
    if len(data.gaps):
        worst = data.gaps.loc[data.gaps.gap_pct.abs().idxmax()]
        parts.append(f"the widest gap between the two sides is {fmt_pct(worst.gap_pct, 0, signed=True)} "
                     f"({worst.direction}, {int(worst.year)})")
    if len(data.shares):
        top = data.shares.loc[data.shares.share_low.idxmax()]
        word = "at least " if math.isinf(top.share_high) else ""
        parts.append(f"the largest figure is {word}{top.share_low if word else top.share_pct:.0f}% of "
                     f"{country_name(data.country)}'s GDP ({top.series}, {top.direction}, {int(top.year)})")
    return "; ".join(parts) + "."
