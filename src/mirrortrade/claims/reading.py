"""One reading of an article: one paragraph walk shared by claims, indicators and events.

:func:`read_article` segments the text once (:func:`mirrortrade.claims.text.segment`) and hands the same
paragraphs and sentences to the three extractors, in this order:

1. the trade claims (:func:`mirrortrade.claims.extract.claims_of`);
2. the indicator figures (:func:`mirrortrade.claims.indicators.indicators_of`);
3. the news items (:func:`mirrortrade.claims.events.events_of`), which leave out the paragraphs that hold trade
   claims and the sentences that hold indicator figures, so they take the two lists above.

Every entry point that reads an article (``check`` alone or in a batch, ``ingest-article``, the web check job)
goes through :func:`read_article`, so each article is segmented and extracted exactly once. The public
``extract_claims`` / ``extract_indicators`` / ``extract_events`` stay as thin wrappers for callers that want one
kind only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.events import NewsEvent, events_of
from mirrortrade.claims.extract import claims_of
from mirrortrade.claims.indicators import IndicatorFigure, indicators_of
from mirrortrade.claims.text import Paragraph, segment


@dataclass(frozen=True)
class Reading:
    """An article read once: its text, its paragraphs (with sentences) and what was extracted from them."""

    text: str
    article_date: date | None
    paragraphs: list[Paragraph]
    claims: list[Claim]
    indicators: list[IndicatorFigure]
    events: list[NewsEvent]


def read_article(text: str, article_date: date | None = None) -> Reading:
    """Segment ``text`` once and extract its trade claims, indicator figures and news items from that walk."""
    paras = segment(text)
    claims = claims_of(text, paras, article_date)
    indicators = indicators_of(text, paras, article_date)
    events = events_of(text, paras, claims, indicators, article_date)
    return Reading(text, article_date, paras, claims, indicators, events)
