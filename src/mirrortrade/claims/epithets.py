"""A country named by its state form alone ("the Islamic Republic" in an article about China and Iran, "the
Kingdom", "the Sultanate"): the one country of the article's pair whose state has that form. With none of the pair's
countries of that form, or more than one, the words name no country we can tell (the flow's party stays unknown)."""

from __future__ import annotations

import re

from mirrortrade.claims.lexicon import CountryRef

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
