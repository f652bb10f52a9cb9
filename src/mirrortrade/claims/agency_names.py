"""Agencies whose name alone tells their country among the article's two (issue 16, the reporter slot on unseen text).

An article about two countries names an agency by its proper name and no country: "the National Statistical
Committee reported" in a story about Kyrgyzstan and Kazakhstan, "the Statistics Agency" in an Astana dispatch about
Uzbekistan's trade with Kazakhstan, "the General Department of Customs" in one about Vietnam and China. The name is
that of one country's body: Kyrgyzstan's statistics office is the National Statistical Committee, Kazakhstan's the
Bureau of National Statistics; China publishes its trade through the General Administration of Customs, Vietnam
through the General Department of Customs. When exactly one of the article's two countries has a body of that name,
the agency is that country's, whatever the dateline, the sentence's first country or its possessive say (the writer
of an Astana dispatch quoting Tashkent's figures names Kazakhstan first). A name two of the countries share (a
"State Committee on Statistics" in an article about Uzbekistan and Turkmenistan), or one no country of the pair has,
tells nothing: the sentence's own rules apply (:func:`mirrortrade.claims.sources._agency_country`).

The names are the bodies' official English names and the forms the English-language press uses for them, written
with capitals, as far as an agency named without its country is read at all (``lexicon.SOURCE_NO_COUNTRY``: a
statistics body, a customs service or committee, a ministry or department of trade, commerce, customs or the economy;
China's General Administration of Customs and the offices known by a short name such as Rosstat are placed
elsewhere): a description in lower case ("the statistics agency") is no proper name (Russia's Rosstat is "the
statistics agency" as much as Uzbekistan's is).

    name_country(words, among) -> ISO3 code or None
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: country -> the proper names of its bodies that publish trade figures, without the country
_NAMES: dict[str, re.Pattern[str]] = {code: re.compile(rx) for code, rx in {
    "KGZ": r"\bNational\s+Statistic(?:s|al)\s+Committee\b|\bState\s+Customs\s+Service\b",
    "KAZ": r"\bBureau\s+of\s+National\s+Statistics\b|\bMinistry\s+of\s+Trade\s+and\s+Integration\b|"
           r"\bMinistry\s+of\s+National\s+Economy\b",
    "UZB": r"\bStatistics\s+Agency\b|\bAgency\s+of\s+Statistics\b|\bState\s+(?:Committee\s+on\s+Statistics|"
           r"Statistics\s+Committee)\b|\bState\s+Customs\s+Committee\b|\bMinistry\s+of\s+Investments\s+and\s+Foreign\s+Trade\b",
    "TJK": r"\bAgency\s+on\s+Statistics\b|\bStatistics\s+Agency\b",
    "TKM": r"\bState\s+(?:Committee\s+on\s+Statistics|Statistics\s+Committee)\b",
    "RUS": r"\bFederal\s+Customs\s+Service\b",
    "MNG": r"\bNational\s+Statistic(?:s|al)\s+Office\b",
    "VNM": r"\bGeneral\s+Department\s+of\s+(?:Vietnam\s+)?Customs\b",
    "BLR": r"\bNational\s+Statistic(?:s|al)\s+Committee\b",
    "AZE": r"\bState\s+Statistic(?:s|al)\s+Committee\b|\bState\s+Customs\s+Committee\b",
}.items()}


def name_country(words: str, among: Iterable[str]) -> str | None:
    """The one country of ``among`` (the article's pair) that has a body named ``words``, or None (see module doc)."""
    hits = {code for code in set(among) if code in _NAMES and _NAMES[code].search(words)}
    return hits.pop() if len(hits) == 1 else None
