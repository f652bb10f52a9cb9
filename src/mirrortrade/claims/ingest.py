"""``mirrortrade ingest-article``: keep what an article reports — trade figures, bilateral indicators and
news items — in the store, each with its sentence and citation.

Nothing is invented: every record holds the sentence it was read from. What the store already holds
from the same publication (the embedded seed figures are the two seed articles) is not stored twice:
a figure counts as already there when the store has the same statistic with the same number and the
article's sentence is part of the stored quote (or the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from mirrortrade.checks.finding import plural
from mirrortrade.claims.reading import read_article
from mirrortrade.claims.text import Paragraph
from mirrortrade.claims.verify import _title_of
from mirrortrade.model import AGGREGATES, Citation, Observation


@dataclass(frozen=True)
class ArticleIngest:
    """What one article added to the store."""

    trade_added: int
    trade_known: int
    indicators_added: int
    indicators_known: int
    events_added: int
    skipped: int

    def summary(self) -> str:
        return (f"{plural(self.trade_added, 'trade figure')} added ({self.trade_known} already in the store), "
                f"{plural(self.indicators_added, 'indicator')} added ({self.indicators_known} already there), "
                f"{plural(self.events_added, 'news item')} added; "
                f"{plural(self.skipped, 'figure')} without a period or parties skipped")


def _same_sentence(a: str, b: str) -> bool:
    a, b = " ".join(str(a).split()), " ".join(str(b).split())
    return bool(a and b) and (a in b or b in a)


def _known(df: pd.DataFrame, quote: str, value: float, value_col: str) -> bool:
    if df.empty:
        return False
    same_value = (df[value_col] - value).abs() <= 1e-9 * max(abs(value), 1.0)
    return any(_same_sentence(quote, q) for q in df.loc[same_value, "quote"])


def _details(paras: list[Paragraph], events: list[Any], taken: set[str]) -> dict[str, list[str]]:
    """event id -> the sentences of its paragraph that hold a number and are no item of their own."""
    import re


    quotes = {e.quote for e in events} | taken
    by_para: dict[int, list[Any]] = {}
    for e in events:
        by_para.setdefault(e.paragraph, []).append(e)
    out: dict[str, list[str]] = {}
    for p in paras:
        evs = by_para.get(p.index)
        if not evs:
            continue
        for sent in p.sentences:
            if sent.text in quotes or not re.search(r"\d", sent.text):
                continue
            before = [e for e in evs if e.start <= sent.start] or evs
            out.setdefault(before[-1].id, []).append(sent.text)
    return out


def ingest_article(
    store: Any, text: str, *, name: str = "article", publisher: str | None = None, title: str | None = None,
    url: str = "", article_date: date | None = None,
) -> ArticleIngest:
    """Extract trade claims, indicators and news items from ``text`` and store them as one batch (one
    transaction: all or nothing)."""
    title = title or _title_of(text)
    publisher = publisher or f"article file {name}"
    pub_date = article_date.isoformat() if article_date else ""

    def cite(quote: str) -> Citation:
        return Citation(publisher=publisher, title=title, date=pub_date, url=url, quote=quote)

    skipped = 0
    obs: list[Observation] = []
    known_trade = 0
    # the article is read once: one paragraph walk gives the trade figures, the indicators and the news items
    reading = read_article(text, article_date)
    claims, figures = reading.claims, reading.indicators
    for c in claims:
        if c.kind != "level" or c.value_usd is None or not (c.reporter and c.partner and c.flow and c.period):
            skipped += 1
            continue
        if c.missing:  # an unresolved slot: never stored as a figure (precision first)
            skipped += 1
            continue
        if c.reporter in AGGREGATES:
            skipped += 1
            continue
        existing = store.observations(reporter=c.reporter, partner=c.partner, flow=c.flow, period=c.period)
        if _known(existing, c.quote, float(c.value_usd), "value_usd"):
            known_trade += 1
            continue
        growth_prec = (c.growth_high - c.growth_low) if c.growth_pct is not None and c.growth_low is not None else 0.0
        obs.append(Observation(
            reporter=c.reporter, partner=c.partner, flow=c.flow, period=c.period, value_usd=float(c.value_usd),
            source_id=c.source or "PRESS", precision_usd=float(c.precision_usd or 0.0), qualifier=c.qualifier,
            valuation={"X": "FOB", "M": "CIF"}.get(c.flow, "UNKNOWN"), growth_pct=c.growth_pct,
            growth_precision=float(growth_prec or 0.0), citation=cite(c.quote), note=f"read from {name} ({c.id})",
        ))
    inds = []
    known_ind = 0
    for f in figures:
        if not f.country or not f.period:
            skipped += 1
            continue
        existing = store.indicators(country=f.country, indicator=f.indicator, period=f.period)
        if _known(existing, f.quote, float(f.value), "value"):
            known_ind += 1
            continue
        ind = f.to_indicator(source_id=f.source or "PRESS", citation=cite(f.quote))
        if f.kind == "change":
            # "the number of which grew by close to 2,500": an increase, not a level
            ind = replace(ind, indicator=f"{f.indicator}_change")
        inds.append(ind)
    events = []
    extracted = reading.events
    details = _details(reading.paragraphs, extracted, {f.quote for f in figures})
    for ev in extracted:
        item = ev.to_news_item(cite(ev.quote))
        if details.get(ev.id):
            # sentences of the same paragraph with numbers of their own ("more than 200 Chinese companies
            # attended") travel with the item, verbatim
            item = replace(item, note=" ".join(details[ev.id]))
        if ev.section and ev.section not in item.countries:
            # the country of the article's section the item stands in is one of its countries
            item = replace(item, countries=(ev.section, *item.countries))
        if item.countries:
            events.append(item)
    # one batch: the figures, indicators and news items of the article are all written or none is
    with store.batch(file=name, kind="article"):
        t = store.ingest_observations(obs, file=name, kind="article") if obs else None
        i = store.ingest_indicators(inds, file=name, kind="article") if inds else None
        e = store.ingest_events(events, file=name, kind="article") if events else None
    return ArticleIngest(
        trade_added=t.added if t else 0, trade_known=known_trade + (t.unchanged if t else 0),
        indicators_added=i.added if i else 0, indicators_known=known_ind + (i.unchanged if i else 0),
        events_added=e.added if e else 0, skipped=skipped,
    )
