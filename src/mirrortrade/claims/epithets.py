"""A country named by its state form alone ("the Islamic Republic" in an article about China and Iran, "the
Kingdom", "the Sultanate"): the one country of the article's pair whose state has that form. With none of the pair's
countries of that form, or more than one, the words name no country we can tell (the flow's party stays unknown)."""

from __future__ import annotations

import re

from mirrortrade.claims.lexicon import BLOCS, NOT_A_COUNTRY, CountryRef, find_countries

#: the countries whose state bears each form (their formal names: "the Islamic Republic of Pakistan", "the Kingdom
#: of Thailand", "the Sultanate of Oman")
STATE_FORMS: dict[str, tuple[str, ...]] = {
    "islamic republic": ("IRN", "AFG", "PAK", "MRT"),
    "people's republic": ("CHN", "BGD", "DZA", "LAO", "PRK"),
    "kingdom": ("SAU", "GBR", "JOR", "MAR", "BHR", "THA", "NLD", "BEL", "ESP", "SWE", "NOR", "DNK", "KHM", "BTN",
                "LSO", "SWZ", "TON"),
    "sultanate": ("OMN", "BRN"),
    "emirate": ("QAT", "KWT"),
    "grand duchy": ("LUX",),
    "principality": ("MCO", "LIE", "AND"),
    "confederation": ("CHE",),
}

#: "the Islamic Republic", "the Kingdom's": a capitalised state form after "the", not the head of a formal name
#: ("the Kingdom of Thailand"), nor of an institution's ("the Kingdom Holding Company")
_FORM_RE = re.compile(r"\b[Tt]he\s+(Islamic\s+Republic|People['’]s\s+Republic|Kingdom|Sultanate|Emirate|Grand\s+Duchy|"
                      r"Principality|Confederation)\b(?!\s+of\b|\s+[A-Z]|-)")


def epithet_refs(text: str, pair: tuple[str, ...], refs: list[CountryRef]) -> list[CountryRef]:
    """The references of ``text`` with each state form that fits exactly one country of ``pair`` added as that
    country (in text order)."""
    out = list(refs)
    for m in _FORM_RE.finditer(text):
        form = re.sub(r"\s+", " ", m.group(1).replace("’", "'")).lower()
        fits = [c for c in pair if c in STATE_FORMS.get(form, ())]
        if len(fits) != 1 or any(r.start < m.end() and m.start(1) < r.end for r in refs):
            continue
        poss = text[m.end():m.end() + 2] in ("'s", "’s")
        out.append(CountryRef(fits[0], m.start(1), m.end(), m.group(1), poss))
    return sorted(out, key=lambda r: r.start)


#: "Russia slid to second place. Trade with it grew by 5.3%": "it" as the party a trade noun goes with
_PARTY_PRONOUN = re.compile(r"\b(?:trade|turnover|commerce)\s+with\s+(it)\b", re.I)


def pronoun_party_refs(text: str, prev_text: str | None, refs: list[CountryRef]) -> list[CountryRef]:
    """``refs`` with the "it" of "trade with it" added as the country the paragraph's previous sentence is about: that
    sentence names one country and no other, as its subject (its first words, not a possessive), and this sentence
    names none before the pronoun. Else ``refs`` as they are (the party stays as the sentence gives it)."""
    m = _PARTY_PRONOUN.search(text)
    if m is None or not prev_text or any(r.start < m.start(1) for r in refs):
        return refs
    prev = find_countries(prev_text)
    if not prev or len({r.code for r in prev}) != 1 or prev[0].code in (*NOT_A_COUNTRY, *BLOCS) \
            or prev[0].possessive or prev_text[prev[0].end:prev[0].end + 2] in ("'s", "’s") \
            or not re.fullmatch(r"[\W]*(?:the\s+)?", prev_text[:prev[0].start], re.I):
        return refs
    return sorted([*refs, CountryRef(prev[0].code, m.start(1), m.end(1), m.group(1), False)], key=lambda r: r.start)
