"""The claim checker's reading side: trade claims, bilateral indicators and news items from
plain English news text, and the checks of an article's claims against each other.

    from mirrortrade.claims import extract_claims, Claim
    claims = extract_claims(text, article_date=None)
"""

from mirrortrade.claims.extract import Claim, extract_claims

__all__ = ["Claim", "extract_claims"]
