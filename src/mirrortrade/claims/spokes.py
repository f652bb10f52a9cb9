"""Whom a figure is with when its sentence names only one party: two structures the paragraph's topic misleads.

- a ranking paragraph ("Uzbekistan became Russia's second-largest partner ... Armenia rounded out the top three, its
  trade up 1.4 times to $7.3 billion"): every sentence's subject is another partner of one hub, so the partner of a
  new subject is the hub the paragraph names, not the paragraph's first country (its topic);
- a region total ("Total turnover with the region grew by 7% to $56.2 billion"): the partner is the region, which is
  no country; unless the region is a known aggregate (Central Asia, resolved by the lexicon), it stays unresolved.
"""

from __future__ import annotations

import re

#: the figure's partner is a region named only as "the region" / "the countries of the region"
_REGION_PARTNER = re.compile(
    r"\b(?:with|from|to|and)\s+(?:the|that|this)\s+(?:whole\s+|entire\s+|wider\s+)?region\b(?!['’]s)"
    r"|\b(?:with|from|to|and)\s+the\s+(?:\w+\s+)?(?:countries|states|nations)\s+of\s+the\s+region\b", re.I)


def region_partner(text: str) -> bool:
    """Whether the sentence gives its figure's partner as an unnamed region ("turnover with the region")."""
    return bool(_REGION_PARTNER.search(text))


def ranking_hub(known: set[str], topic: str | None, hub: str | None, para_codes: list[str]) -> str | None:
    """The hub a new subject of a ranking paragraph trades with: the article's hub, named in the paragraph, when the
    paragraph's topic is another of its partners (neither the hub nor the sentence's own party)."""
    if not hub or not topic or hub in known or topic in known or topic == hub or hub not in para_codes:
        return None
    return hub
