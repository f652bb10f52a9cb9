"""The claim checker's reading side: trade claims, bilateral indicators and news items from
plain English news text, and the checks of an article's claims against each other.

    from mirrortrade.claims import extract_claims, Claim
    claims = extract_claims(text, article_date=None)          # trade figures, from the reporter's view
    figures = extract_indicators(text, article_date=None)     # tourists, companies, investments, GDP ...
    events = extract_events(text, article_date=None)          # news items, each one verbatim sentence
    findings = check_internal(claims, figures)                # sums, growth vs levels, relative words
"""

from mirrortrade.claims.events import NewsEvent, extract_events
from mirrortrade.claims.extract import Claim, extract_claims
from mirrortrade.claims.indicators import IndicatorFigure, extract_indicators

__all__ = ["Claim", "IndicatorFigure", "NewsEvent", "extract_claims", "extract_events", "extract_indicators"]
