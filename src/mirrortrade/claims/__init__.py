"""The claim checker's reading side: trade claims, bilateral indicators and news items from
plain English news text, and the checks of an article's claims against each other.

    from mirrortrade.claims import extract_claims, Claim
    claims = extract_claims(text, article_date=None)          # trade figures, from the reporter's view
    figures = extract_indicators(text, article_date=None)     # tourists, companies, investments, GDP ...
    events = extract_events(text, article_date=None)          # news items, each one verbatim sentence
    check_internal(claims, figures)                           # balance, change, share, gap, "nearly quadrupled"
    mirrortrade.claims.verify.check_article(text, store)      # all checks, claims with statuses

:class:`Claim` fields: ``id`` ("c1", ... in text order), ``quote`` (the sentence), ``start``/``end``
(offsets of the figure in ``text``), ``text`` (the figure as printed), ``kind`` (level, growth, share,
difference), ``reporter``, ``partner`` (ISO3, ``CA5``, ``WLD``; ``GRP`` for a part of a group, "the other
four", which no statistics hold: always unresolved), ``flow`` (X, M, T, B from the reporter's
view; None only for a difference whose flow is not said), ``period`` (a model.Period string or None),
``value_usd``/``value_low``/``value_high``, ``precision_usd``, ``qualifier`` (model.QUALIFIERS),
``growth_pct``/``growth_low``/``growth_high``/``growth_base``, ``change_usd``/``change_low``/``change_high``
("up $1.5 billion"), ``share_pct``/``share_low``/``share_high``/``share_of``,
``difference_usd``/``difference_low``/``difference_high``, ``source`` (e.g. CN-GACC or None),
``status`` ("unverifiable" until checked), ``paragraph``, ``findings``. ``Claim.to_json()`` gives the
``check --json`` claim shape (``share_pct`` / ``difference_usd`` added only when set, ``growth_base`` beside a
``growth_pct``). A ``mirror_gap`` finding lists in ``about_claims`` the claims it is about: a gap between two
reporters is a finding beside those claims, never a conflict of their statuses.
"""

from mirrortrade.claims.events import NewsEvent, extract_events
from mirrortrade.claims.extract import Claim, extract_claims
from mirrortrade.claims.indicators import IndicatorFigure, extract_indicators
from mirrortrade.claims.internal import check_internal

__all__ = [
    "Claim",
    "IndicatorFigure",
    "NewsEvent",
    "check_internal",
    "extract_claims",
    "extract_events",
    "extract_indicators",
]
