"""Words of news style that name countries, statistical sources and qualifiers.

Country references are matched case-sensitively (names are capitalised in news text) and
resolve to ISO3 codes: names, short forms, adjectives, demonyms and capitals ("Kazakh",
"Astana", "the PRC", "Beijing"), plus the regional aggregate ``CA5`` ("Central Asia",
"the five Central Asian countries"). Every other country name that :mod:`pycountry` knows
is matched by its name too, so articles about other country pairs resolve as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mirrortrade.model import AGGREGATES, CENTRAL_ASIA

CENTRAL_ASIA_CODES: tuple[str, ...] = CENTRAL_ASIA

#: hand-kept references: ISO3 -> names, adjectives, demonyms, capitals and metonyms
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "CHN": (
        "China", "People's Republic of China", "People’s Republic of China", "the PRC", "PRC",
        "Chinese", "Sino", "Beijing", "Peking", "Celestial Empire", "Middle Kingdom",
    ),
    "KAZ": ("Kazakhstan", "Kazakstan", "Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis", "Astana", "Nur-Sultan"),
    "KGZ": ("Kyrgyzstan", "Kyrgyz Republic", "Kyrgyz", "Kirghiz", "Kirgiz", "Kyrgyzstani", "Bishkek"),
    "TJK": ("Tajikistan", "Tajik", "Tajiks", "Tajikistani", "Dushanbe"),
    "TKM": ("Turkmenistan", "Turkmen", "Turkmens", "Ashgabat", "Ashkhabad"),
    "UZB": ("Uzbekistan", "Uzbek", "Uzbeks", "Uzbekistani", "Tashkent"),
    "RUS": ("Russia", "Russian Federation", "Russian", "Russians", "Russo", "Moscow", "Kremlin"),
    "USA": (
        "United States", "the US", "the U.S.", "U.S.", "USA", "America", "American", "Americans", "Washington",
    ),
    "GBR": ("United Kingdom", "Britain", "Great Britain", "the UK", "U.K.", "British", "London"),
    "DEU": ("Germany", "German", "Germans", "Berlin"),
    "FRA": ("France", "French", "Paris"),
    "ITA": ("Italy", "Italian", "Rome"),
    "TUR": ("Turkey", "Türkiye", "Turkiye", "Turkish", "Ankara"),
    "IRN": ("Iran", "Iranian", "Iranians", "Tehran"),
    "AFG": ("Afghanistan", "Afghan", "Afghans", "Kabul"),
    "PAK": ("Pakistan", "Pakistani", "Islamabad"),
    "IND": ("India", "Indian", "New Delhi"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "KOR": ("South Korea", "Republic of Korea", "Korea", "South Korean", "Korean", "Seoul"),
    "PRK": ("North Korea", "North Korean", "Pyongyang"),
    "MNG": ("Mongolia", "Mongolian", "Ulaanbaatar"),
    "AZE": ("Azerbaijan", "Azerbaijani", "Azeri", "Baku"),
    "GEO": ("Georgia", "Georgian", "Tbilisi"),
    "ARM": ("Armenia", "Armenian", "Yerevan"),
    "BLR": ("Belarus", "Belarusian", "Minsk"),
    "UKR": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "VNM": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi"),
    "IDN": ("Indonesia", "Indonesian", "Jakarta"),
    "MYS": ("Malaysia", "Malaysian", "Kuala Lumpur"),
    "THA": ("Thailand", "Thai", "Bangkok"),
    "SAU": ("Saudi Arabia", "Saudi", "Riyadh"),
    "ARE": ("United Arab Emirates", "the UAE", "UAE", "the Emirates", "Emirati", "Abu Dhabi"),
    "CZE": ("Czech Republic", "Czechia", "Czech", "Prague"),
    "BRA": ("Brazil", "Brazilian", "Brasilia"),
    "MEX": ("Mexico", "Mexican"),
    "CAN": ("Canada", "Canadian", "Ottawa"),
    "AUS": ("Australia", "Australian", "Canberra"),
    "POL": ("Poland", "Polish", "Warsaw"),
    "NLD": ("Netherlands", "Dutch"),
    "ESP": ("Spain", "Spanish", "Madrid"),
    "CHE": ("Switzerland", "Swiss"),
    # Eurostat names the Union by its membership: "EU27", "EU-28"
    "EUU": ("European Union", "the EU", "EU", "EU27", "EU-27", "EU28", "EU-28", "Brussels"),
    "ZAF": ("South Africa", "South African", "Pretoria"),
    # blocs and continents named as a party ("China-Africa trade", "trade with ASEAN"): partners, never countries
    "AFR": ("Africa", "African countries", "African nations", "African states", "the African continent"),
    "ASN": ("ASEAN", "the Association of Southeast Asian Nations", "Association of Southeast Asian Nations",
            "ASEAN countries", "ASEAN members", "ASEAN member states", "ASEAN nations"),
    "LAC": ("Latin America", "Latin America and the Caribbean", "Latin American countries",
            "Latin American and Caribbean countries"),
    "SCO": ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO", "SCO countries",
            "SCO member states", "SCO members"),
    "WLD": ("the world", "the rest of the world", "the whole world", "the entire world"),
}

#: references to the five Central Asian states together
CA5_WORDS: tuple[str, ...] = (
    "Central Asia", "Central Asian region", "Central Asian countries", "Central Asian states",
    "Central Asian nations", "Central Asian republics", "Central Asian economies", "C5", "C5+1",
)
#: a single Central Asian state referred to by its region: the paragraph's country
CA_SINGULAR = re.compile(r"\bCentral Asian (?:country|nation|state|republic)\b(?!s)")
#: "Central Asian" as the second member of a compound adjective after a country ("Sino–Central Asian")
_COMPOUND_REGION = re.compile(r"\s*[-–—/]\s*(Central Asian)\b")
#: "the country's", "the nation's": the country the sentence has just named (resolved by the caller)
SUBJ_RE = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his) (?:country|nation|republic)['’]s\b")
#: "the region" means CA5 when the article is about Central Asia
REGION_RE = re.compile(r"\b(?:the|that|this) region\b(?!['’]s)")
#: "the region's trade with China", "the region's exports": the region as the possessor of a flow is CA5 too (its other
#: possessives, "the region's largest economy", "the region's countries", name no flow and stay unread)
REGION_FLOW_POSS_RE = re.compile(
    r"\b(?:the|that|this) region['’]s(?=\s+(?:(?:total|overall|combined|foreign|bilateral|mutual)\s+)?"
    r"(?:trade|turnover|exports?|imports?|purchases|sales|shipments|deliveries)\b)")
#: "the five countries", "all five republics": the Central Asian five, in an article about Central Asia
FIVE_RE = re.compile(r"\b(?:the|all|these|those)\s+five\s+(?:countries|republics|states|nations|economies)\b")

#: a part of a group that is no stored party: "the other four Central Asian countries", "the remaining three
#: republics", "its Central Asian neighbours" -> ``GRP`` (a claim about it is unresolved, never one country's)
PART_GROUP_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:other|remaining)\s+(?:two|three|four|five|six)(?:\s+(?:Central Asian\s+)?(?:countries|"
    r"states|republics|nations|economies|neighbou?rs))?|(?:its|their|the)\s+(?:other\s+)?(?:Central Asian\s+)?"
    r"neighbou?rs|neighbou?ring\s+(?:Central Asian\s+)?(?:countries|states|republics|nations)|other\s+Central Asian\s+"
    r"(?:countries|states|republics|nations|economies))\b"
)
#: reference codes that name no single country: the region, the world, a topic or subject placeholder
NOT_A_COUNTRY: tuple[str, ...] = ("CA5", "WLD", "TOPIC", "SUBJ", "SUB")
#: blocs and continents other than Central Asia (the model's aggregates): a party, never a country or a reporter
BLOCS: tuple[str, ...] = tuple(c for c in AGGREGATES if c not in ("WLD", "CA5"))
#: codes that are no single country: the placeholders, the region, the world and the blocs
NO_COUNTRY: tuple[str, ...] = (*NOT_A_COUNTRY, *BLOCS)
#: a bloc referred back to: "the bloc", "the grouping", "the continent" (Africa only), "the union" (the EU only),
#: "the association" (ASEAN only); its possessive ("the bloc's biggest partner") names no party of a figure
BLOC_ANAPHOR_RE = re.compile(r"\b(?:the|that|this)\s+(bloc|grouping|continent|union|association)\b(?!['’])", re.I)
_BLOC_NOUN = {"continent": "AFR", "union": "EUU", "association": "ASN"}


def article_bloc(refs: list[CountryRef]) -> str | None:
    """The one bloc an article names (none when it names two or more: "the bloc" would be ambiguous)."""
    codes = {r.code for r in refs if r.code in BLOCS}
    return codes.pop() if len(codes) == 1 else None


def bloc_anaphors(text: str, refs: list[CountryRef], bloc: str | None) -> list[CountryRef]:
    """"China's exports to the bloc", "imports from the continent": the article's one bloc, where the noun fits it."""
    if bloc is None:
        return refs
    out = list(refs)
    for m in BLOC_ANAPHOR_RE.finditer(text):
        fits = _BLOC_NOUN.get(m.group(1).lower(), bloc)
        if fits != bloc or any(r.start < m.end() and m.start() < r.end for r in out):
            continue
        out.append(CountryRef(bloc, m.start(), m.end(), m.group(0), False))
    out.sort(key=lambda r: r.start)
    return out


#: a part of a continent is not the continent: "North Africa", "sub-Saharan Africa"
_PART_OF_CONTINENT = re.compile(r"(?:North|South|East|West|Central|Southern|Northern|Eastern|Western|Saharan|"
                                r"Horn of)\s*-?\s*$", re.I)
#: the world named as a class of parties, not by the word "world": "all (its) foreign partners", "all trading
#: partners", "all countries", "the outside world", "foreign countries" -> ``WLD`` (a total with them is never
#: bilateral; "its main partners", "other countries" are no whole and stay unnamed)
WORLD_PARTY_RE = re.compile(
    r"\b(?:all\s+(?:of\s+)?(?:(?:its|their|the\s+country['’]s|the)\s+)?"
    r"(?:(?:foreign|external|overseas|international|trading|trade)\s+){0,2}(?:partners|partner\s+countries|countries"
    r"|nations|economies)|(?:its|their)\s+(?:foreign|external|overseas)\s+(?:trading\s+|trade\s+)?partners"
    r"|foreign\s+(?:countries|partners|trading\s+partners)|the\s+outside\s+world)\b"
)
#: the five named without a noun: "imports from the five rose 21 percent"
FIVE_BARE_RE = re.compile(r"\b(?:the|all)\s+five\b(?=\s*[,.;:)]|\s+(?:and|or|in|from|to|with|was|were|is|are|rose|fell|"
                          r"grew|came|reached|totall?ed|amounted|increased|decreased|declined|jumped|dropped|combined)\b)")

_RANKING_DOMAIN = re.compile(
    r"\b(?:only|largest|biggest|main|leading|top|first|second|third|fourth|fifth|smallest|most|least)\b[\w\s'’-]{0,30}?"
    r"\b(?:in|among|of|across|within)\s+(?:the\s+|all\s+)?$")


def group_parties(text: str, refs: list[CountryRef]) -> list[CountryRef]:
    """Parties that are groups: a part of a group (:data:`PART_GROUP_RE`) becomes one ``GRP`` reference in place of
    the country words inside it; a coordinated list naming all five Central Asian states ("exports to Kazakhstan,
    Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan came to ...") is the region, ``CA5``, unless the sentence
    pairs its members with figures ("respectively")."""
    out = list(refs)
    for m in PART_GROUP_RE.finditer(text):
        out = [r for r in out if not (m.start() <= r.start and r.end <= m.end())]
        out.append(CountryRef("GRP", m.start(), m.end(), m.group(0), False))
    for m in FIVE_BARE_RE.finditer(text):
        if not any(r.start <= m.start() < r.end for r in out):
            out.append(CountryRef("CA5", m.start(), m.end(), m.group(0), False))
    # "the only state in the region with a surplus", "China's largest partner in Central Asia": the region is the
    # domain a ranking is drawn in, not a party of the figure
    out = [r for r in out if not (r.code == "CA5" and _RANKING_DOMAIN.search(text[max(0, r.start - 60):r.start]))]
    out.sort(key=lambda r: r.start)
    if re.search(r"\brespectively\b", text):
        return out
    runs: list[list[CountryRef]] = []
    for r in out:
        if runs and r.code in CENTRAL_ASIA_CODES and runs[-1][-1].code in CENTRAL_ASIA_CODES and re.fullmatch(
                r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", text[runs[-1][-1].end:r.start]):
            runs[-1].append(r)
        else:
            runs.append([r])
    merged: list[CountryRef] = []
    for run in runs:
        if len(run) == len(CENTRAL_ASIA_CODES) and {r.code for r in run} == set(CENTRAL_ASIA_CODES) \
                and not run[-1].possessive:
            merged.append(CountryRef("CA5", run[0].start, run[-1].end, text[run[0].start:run[-1].end], False))
        else:
            merged.extend(run)
    return merged


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

#: China's provinces and autonomous regions that trade across its borders: a province's trade is no national statistic
SUBNATIONAL_RE = re.compile(
    r"\b(?:Inner Mongolia|Xinjiang|Heilongjiang|Jilin|Liaoning|Yunnan|Guangxi|Tibet|Xizang|Gansu|Guangdong|Zhejiang|"
    r"Jiangsu|Shandong|Fujian|Sichuan|Shaanxi|Henan|Hebei|Hubei|Hunan|Anhui|Jiangxi|Shanxi|Ningxia|Qinghai|Hainan|"
    r"Guizhou|Chongqing|Shanghai|Tianjin)\b(?:\s+(?:Uygur|Uyghur|Zhuang|Hui)?\s*Autonomous Region|\s+[Pp]rovince)?"
)

#: capitalised words that are never country references even though they start like one
_STOP_AFTER = re.compile(r"^\s*(?:Ocean|Sea)\b")


@dataclass(frozen=True)
class CountryRef:
    """One mention of a country (or CA5) in the text."""

    code: str
    start: int
    end: int
    text: str
    possessive: bool = False  # "China's", "Beijing's"


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    import pycountry

    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name and "," not in name and "(" not in name:
                table.setdefault(name, c.alpha_3)
    # names that are too ambiguous in news text (a person, a verb, a colour)
    for bad in ("Chad", "Jordan", "Georgia", "Niger", "Guinea", "Turkey", "Mali", "Oman", "Cuba"):
        table.pop(bad, None)
    for code, words in COUNTRY_WORDS.items():
        for w in words:
            table[w] = code
            if w.startswith("the ") and code != "WLD":
                table.setdefault("The " + w[4:], code)  # "The US remained Vietnam's biggest buyer": a sentence's start
    table["Georgia"] = "GEO"
    table["Turkey"] = "TUR"
    for w in CA5_WORDS:
        table[w] = "CA5"
    return table


@lru_cache(maxsize=1)
def country_regex() -> re.Pattern[str]:
    names = sorted(_alias_table(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    # "the five Central Asian countries", "all five Central Asian states"
    return re.compile(
        r"(?<![\w])(?:(?:the |all )?five )?(" + alt + r")(?![\w])(['’]s?)?"
    )


#: the words of a state's formal name before its short name: "Republic of", "Islamic Republic of", "Kingdom of"
_FORMAL_BEFORE = re.compile(r"\b(?:(?:Islamic|Socialist|Federal|Federative|Democratic|People['’]s|United|Arab|Bolivarian)\s+)"
                            r"{0,2}(?:Republic|Kingdom|Sultanate|State|Commonwealth)\s+of\s+$")


def find_countries(
    text: str, *, about_central_asia: bool | None = None, region_as_ca5: bool = True, provinces: bool = False
) -> list[CountryRef]:
    """Every country reference in ``text`` in order (CA5 for the region words; with ``provinces``, ``SUB`` for a
    Chinese province or region named as a party, "Inner Mongolia")."""
    table = _alias_table()
    refs: list[CountryRef] = []
    for m in country_regex().finditer(text):
        name = m.group(1)
        code = table[name]
        if name in ("Georgia",) and re.match(r"\s*(?:State|Tech)\b", text[m.end():]):
            continue
        if _STOP_AFTER.match(text[m.end():]):
            continue
        if code == "AFR" and _PART_OF_CONTINENT.search(text[max(0, m.start(1) - 20):m.start(1)]):
            continue
        if code == "USA" and re.match(r"\s*(?:dollars?|\$)", text[m.end():], re.I):
            continue  # "43.8 billion U.S. dollars" names a currency, not a country
        # "Chinese-Kazakh" counts both; "Kazakh Invest" is still Kazakh; "U.S." ends with a dot
        poss = bool(m.group(2))
        start = m.start(1)
        formal = _FORMAL_BEFORE.search(text[max(0, start - 60):start])
        if formal:
            # "the Republic of Tajikistan", "the Islamic Republic of Iran": the state's formal name is the country
            start -= len(formal.group(0))
        refs.append(CountryRef(code, start, m.end(1), text[start:m.end(1)], poss))
    for m in SUBNATIONAL_RE.finditer(text):
        # "Inner Mongolia" is not Mongolia: a province, marked so the caller can tell its trade from the nation's
        refs = [r for r in refs if not (m.start() <= r.start < m.end())]
        if provinces:
            refs.append(CountryRef("SUB", m.start(), m.end(), m.group(0),
                                   text[m.end():m.end() + 2] in ("'s", "’s")))
    if about_central_asia is None:
        about_central_asia = "Central Asia" in text
    for m in _COMPOUND_REGION.finditer(text):
        # "Sino–Central Asian trade", "Russian-Central Asian trade": the region is the compound's other member
        a = m.start(1)
        if any(r.end == m.start() for r in refs) and not any(r.start < m.end(1) and a < r.end for r in refs):
            refs.append(CountryRef("CA5", a, m.end(1), m.group(1), False))
    for m in CA_SINGULAR.finditer(text):
        # mark as the paragraph's own country; resolved by the caller
        refs = [r for r in refs if not (r.start >= m.start() and r.end <= m.end())]
        refs.append(CountryRef("TOPIC", m.start(), m.end(), m.group(0), text[m.end():m.end() + 2] in ("'s", "’s")))
    for m in SUBJ_RE.finditer(text):
        refs.append(CountryRef("SUBJ", m.start(), m.end() - 2, m.group(0)[:-2], True))
    if region_as_ca5 and about_central_asia:
        for m in REGION_RE.finditer(text):
            refs.append(CountryRef("CA5", m.start(), m.end(), m.group(0), False))
        for m in REGION_FLOW_POSS_RE.finditer(text):
            refs.append(CountryRef("CA5", m.start(), m.end() - 2, m.group(0)[:-2], True))
    for m in WORLD_PARTY_RE.finditer(text):
        if not any(r.start < m.end() and m.start() < r.end for r in refs):
            refs.append(CountryRef("WLD", m.start(), m.end(), m.group(0), False))
    if about_central_asia:
        for m in FIVE_RE.finditer(text):
            if not any(r.start <= m.start() < r.end for r in refs):
                refs.append(CountryRef("CA5", m.start(), m.end(), m.group(0), False))
    refs.sort(key=lambda r: r.start)
    return refs


def resolve_refs(refs: list[CountryRef], topic: str | None, fallback: str | None = None,
                 text: str | None = None) -> list[CountryRef]:
    """Replace the placeholders: ``TOPIC`` ("the Central Asian country") by the paragraph's country,
    ``SUBJ`` ("the country's") by the country named just before it (else the topic, else ``fallback``);
    placeholders that cannot be resolved are dropped. With the sentence's ``text``, a country named only as the
    object of a preposition ("Trade with China accounted for 30.6 percent of the country's total trade") is the
    partner, not the country spoken of: the paragraph's topic is."""
    out: list[CountryRef] = []
    for r in refs:
        code: str | None = r.code
        if r.code == "TOPIC":
            code = topic
        elif r.code == "SUBJ":
            named = [x for x in out if x.code not in ("CA5", "WLD", *BLOCS)]
            poss = [x for x in named if x.possessive]
            # the nearest possessive before it ("Uzbekistan's trade ... the country's statistics agency"),
            # else the sentence's subject
            prev = poss[-1].code if poss else (named[0].code if named else None)
            objs = {x.code for x in named}
            if text is not None and named and not poss and all(re.search(
                    r"\b(?:with|to|from|into)\s+(?:the\s+)?$", text[max(0, x.start - 12):x.start], re.I) for x in named):
                prev = next((c for c in (topic, fallback) if c and c not in objs), prev)
            code = prev or topic or fallback
        if code:
            out.append(r if code == r.code else CountryRef(code, r.start, r.end, r.text, r.possessive))
    return out


# --------------------------------------------------------------------------------------------
# Statistical sources
# --------------------------------------------------------------------------------------------

#: (reporter, kind) -> source id; kinds: customs, stat, data, gov, commerce, embassy, audit
_SOURCE_IDS: dict[tuple[str, str], str] = {
    ("CHN", "customs"): "CN-GACC",
    ("CHN", "stat"): "CN-GACC",
    ("CHN", "data"): "CN-GACC",
    ("CHN", "gov"): "CN-GACC",
    ("CHN", "commerce"): "CN-MOFCOM",
    ("KAZ", "stat"): "KZ-BNS",
    ("KAZ", "data"): "KZ-BNS",
    ("KGZ", "stat"): "KG-NSC",
    ("KGZ", "agency"): "KG-NSC",
    ("KAZ", "agency"): "KZ-BNS",
    ("KGZ", "data"): "KG-NSC",
    ("KGZ", "gov"): "KG-GOV",
    ("UZB", "stat"): "UZ-STAT",
    ("UZB", "data"): "UZ-STAT",
    ("UZB", "agency"): "UZ-STAT",
    ("TJK", "customs"): "TJ-CUSTOMS",
    ("TJK", "data"): "TJ-CUSTOMS",
    ("TJK", "agency"): "TJ-CUSTOMS",
    ("TKM", "gov"): "TM-GOV",
    ("TKM", "data"): "TM-GOV",
    ("TKM", "stat"): "TM-GOV",
}

_KIND_SUFFIX = {
    "customs": "CUSTOMS", "stat": "STAT", "data": "STAT", "agency": "STAT", "gov": "GOV",
    "commerce": "GOV", "embassy": "EMBASSY", "audit": "AUDIT", "bank": "CB",
}


def source_id(reporter: str, kind: str) -> str:
    """The source id for a reporter's statistics of one kind ("Chinese customs" -> CN-GACC)."""
    if (reporter, kind) in _SOURCE_IDS:
        return _SOURCE_IDS[(reporter, kind)]
    import pycountry

    c = pycountry.countries.get(alpha_3=reporter)
    a2 = c.alpha_2 if c else reporter[:2]
    return f"{a2}-{_KIND_SUFFIX.get(kind, 'GOV')}"


#: named agencies that identify the reporter by themselves
NAMED_SOURCES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"General Administration of Customs|\bGACC\b|China Customs|China['’]s customs"), "CHN", "customs"),
    (re.compile(r"Ministry of Commerce of China|China['’]s Ministry of Commerce|\bMOFCOM\b"), "CHN", "commerce"),
    (re.compile(r"Bureau of National Statistics|\bBNS\b|Kazakhstan['’]s State Revenue Committee"), "KAZ", "stat"),
    (re.compile(r"National Statistical Committee of (?:the )?Kyrgyz|\bNSC\b"), "KGZ", "stat"),
    (re.compile(r"\bUzstat\b|Statistics Agency under the President of (?:the Republic of )?Uzbekistan"), "UZB", "stat"),
    (re.compile(r"Customs Service (?:under the Government )?of (?:the Republic of )?Tajikistan"), "TJK", "customs"),
    (re.compile(r"\bTajstat\b|\bTajStat\b|Agency on Statistics under the President of (?:the Republic of )?Tajikistan"),
     "TJK", "stat"),
    # international databases: no reporter of their own (empty), the source id stands in the kind's place
    (re.compile(r"\bUN Comtrade\b|\bComtrade\b"), "", "UN-COMTRADE"),
    (re.compile(r"\bIMF\b(?:['’]s)?(?:\s+(?:data|figures|statistics|Direction of Trade))?|International Monetary Fund|"
                r"Direction of Trade Statistics"), "", "IMF-IMTS"),
    (re.compile(r"\bWITS\b"), "", "WITS"),
)

#: an agency named without its country ("the National Statistical Committee said"): the sentence's country
SOURCE_NO_COUNTRY = re.compile(
    # a ministry named by its portfolio first, with or without an article ("according to commerce ministry data")
    r"\b(?:[Cc]ommerce|[Tt]rade)\s+(?:[Mm]inistry|[Dd]epartment)\b|"
    r"\bthe\s+(?:(?:National|State|Federal|national|state)\s+)?(?:(?:[Ss]tatistic(?:s|al)|[Ss]tat)\s+(?:[Aa]gency|[Cc]ommittee|[Bb]ureau|[Oo]ffice|[Ss]ervice)"
    r"|(?:[Aa]gency|[Cc]ommittee|[Bb]ureau|[Oo]ffice)\s+(?:of|on|for)\s+(?:[Nn]ational\s+)?[Ss]tatistics"
    r"|[Cc]ustoms\s+(?:[Ss]ervice|[Aa]gency|[Cc]ommittee|[Aa]dministration|[Aa]uthorit(?:y|ies))"
    # a government body named by its portfolio, without its country: "the Ministry of Commerce", "the Ministry of
    # Industry and Trade", "the General Department of Customs" (the country: see sources._agency_country)
    r"|(?:General\s+)?(?:Ministry|Department)\s+of\s+(?:(?:[A-Z][a-z]+|and|of)\s+){0,4}"
    r"(?:Commerce|Trade|Customs|Economy|Economic\s+Development(?:\s+and\s+Trade)?|Statistics))\b"
)

_SRC_NOUN = (
    r"customs(?:\s+(?:agency|service|authorit(?:y|ies)|office|committee|administration|data|statistics|figures))?"
    r"|statistic(?:s|al)(?:\s+(?:agency|committee|bureau|office|service|authorit(?:y|ies)|data))?"
    r"|(?:official\s+)?(?:data|figures|numbers|statistics)"
    r"|stat(?:s)?\s+(?:agency|office|committee|bureau)"
    r"|(?:central|state|national|reserve)\s+bank"
    r"|government|authorities|officials?|ministry(?:\s+of\s+\w+(?:\s+\w+)?)?|embassy|consulate|ambassador|envoy"
    r"|(?:audit|accounts)\s+chamber|agency|bureau|side"
)
_SRC_MOD = (
    r"(?:official|government|state|national|federal|statistical|customs|trade|own|latest|new|main|chief|"
    r"preliminary|provisional|foreign|economy|finance|commerce|general|revenue|planning|economic|"
    r"affairs|the|of|and|published|released|reported)"
)
#: "Uzbekistan's government statistical agency", "Chinese customs statistics", "Beijing's numbers"
SOURCE_AFTER_COUNTRY = re.compile(
    r"^(?:['’]s)?\s+(?:" + _SRC_MOD + r"\s+){0,3}(" + _SRC_NOUN + r")\b", re.IGNORECASE
)
#: "the customs service of Tajikistan", "the customs statistics of China", "the official statistics of Mongolia",
#: "data published by Beijing"
SOURCE_BEFORE_COUNTRY = re.compile(
    r"(?:(?:customs\s+(?:service|agency|committee|administration|statistics|data|figures)"
    r"|statistic(?:s|al)\s+(?:agency|committee|bureau|office)|(?:official\s+)?statistics"
    r"|(?:agency|committee|bureau|office)\s+(?:of|on|for)\s+(?:national\s+)?statistics"
    r"|embassy|ministry\s+of\s+\w+(?:\s+\w+)?|(?:audit|accounts)\s+chamber"
    # a ministry's full name, its portfolio in capitals before its country: "the Ministry of Investments and Foreign
    # Trade of Uzbekistan", "the Ministry of Economic Development and Trade of the Republic of Tajikistan"
    r"|(?-i:Ministry\s+of\s+[A-Z][a-z]+(?:\s+(?:(?:and|of|for)\s+)?[A-Z][a-z]+){0,5})"
    # a central bank named with its country after it: "the State Bank of Pakistan", "the Central Bank of Russia"
    r"|(?:state|central|national|reserve)\s+bank)"
    r"(?:\s+under\s+the\s+(?:president|government|cabinet(?:\s+of\s+ministers)?))?\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?"
    r"|(?:data|figures|numbers|statistics)\s+(?:published|released|reported|provided)\s+by\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def source_kind(noun_phrase: str) -> str:
    p = noun_phrase.lower()
    if "customs" in p:
        return "customs"
    if "commerce" in p:
        return "commerce"
    if "statist" in p or re.search(r"\bstats?\b", p):
        return "stat"
    if "embassy" in p or "consulate" in p or "ambassador" in p or "envoy" in p:
        return "embassy"
    if "chamber" in p:
        return "audit"
    if re.search(r"\bbank\b", p):
        return "bank"  # a central bank's figures (balance-of-payments basis) are its own, not the statistics office's
    if "agency" in p or "bureau" in p:
        return "agency"
    if re.search(r"government|authorit|officials|ministry|side", p):
        return "gov"
    return "data"


# --------------------------------------------------------------------------------------------
# Qualifiers
# --------------------------------------------------------------------------------------------

def _verb_forms(stem: str) -> tuple[str, ...]:
    """A regular verb's forms: "pass" -> pass, passes, passed, passing; "top" -> top, tops, topped, topping."""
    double = stem + stem[-1] if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", stem) else stem
    third = stem + "es" if stem.endswith(("s", "sh", "ch", "x")) else stem + "s"
    return stem, third, double + "ed", double + "ing"


#: words just before a figure -> model.QUALIFIERS key (longest phrases first)
QUALIFIER_WORDS: tuple[tuple[str, str], ...] = (
    ("just under", "near_upper"), ("just below", "near_upper"), ("just shy of", "near_upper"),
    ("slightly under", "near_upper"), ("slightly below", "near_upper"), ("slightly less than", "near_upper"),
    ("a little under", "near_upper"), ("a little less than", "near_upper"), ("not quite", "near_upper"),
    ("nearly", "near_upper"), ("almost", "near_upper"), ("close to", "near_upper"), ("approaching", "near_upper"),
    ("just over", "near_lower"), ("just above", "near_lower"), ("slightly over", "near_lower"),
    ("slightly above", "near_lower"), ("slightly more than", "near_lower"), ("a little over", "near_lower"),
    ("a little more than", "near_lower"), ("just more than", "near_lower"),
    # a milestone passed ("tops", "passes", "crossed"): every tense of the verb; with "the" ("crossed the $50
    # billion mark") the figure is only a lower bound
    *((form, "near_lower") for stem in ("top", "pass", "cross") for form in _verb_forms(stem)),
    *((f"{form} the", "lower") for stem in ("pass", "cross", "top") for form in _verb_forms(stem)),
    ("more than", "lower"), ("over", "lower"), ("above", "lower"),
    # "carried it past $107 billion", "went past $50 billion": a bound passed (a preposition, unlike "passed")
    ("past", "lower"), ("beyond", "lower"),
    *((form, "lower") for stem in ("exceed", "surpass") for form in _verb_forms(stem)),
    ("in excess of", "lower"), ("at least", "lower"), ("upwards of", "lower"), ("upward of", "lower"),
    ("broke through the", "lower"), ("north of", "lower"), ("no less than", "lower"), ("not less than", "lower"),
    ("under", "upper"), ("below", "upper"), ("less than", "upper"), ("fewer than", "upper"), ("up to", "upper"),
    ("at most", "upper"), ("no more than", "upper"), ("not more than", "upper"), ("a maximum of", "upper"),
    ("about", "approx"), ("around", "approx"), ("roughly", "approx"), ("approximately", "approx"),
    ("approx.", "approx"), ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("circa", "approx"), ("ca.", "approx"), ("~", "approx"), ("an approximate", "approx"),
)
_QUAL_RE = re.compile(
    r"(?:^|[\s(,])(" + "|".join(re.escape(w) for w, _ in QUALIFIER_WORDS) + r")\s*(?:a\s+)?$", re.IGNORECASE
)
_QUAL_MAP = {w.lower(): q for w, q in QUALIFIER_WORDS}
#: "moving up to $2.8 billion" is a movement, not a cap
_MOVE_BEFORE_UP_TO = re.compile(
    r"\b(?:mov\w*|went|go(?:es|ing)?|gone|rose|risen|ris\w*|climb\w*|jump\w*|shot|edg\w*|crept|creep\w*|"
    r"grew|grow\w*|increas\w*|soar\w*|surg\w*|rais\w*|ramp\w*|push\w*|boost\w*|bring\w*|brought|trade[sd]?|"
    # "added up to $70.2 billion": a total, not a cap
    r"add(?:s|ed|ing)?)\s*$",
    re.IGNORECASE,
)
#: a qualifier that follows the figure: "$2 billion or so", "$2 billion-plus"
_QUAL_AFTER = re.compile(r"^(?:\s+or so\b|\s*-?plus\b|\s+or more\b|\s+or less\b|\s+at most\b|\s+at least\b)", re.I)


#: a negation before a bound's verb turns the bound round: "has not crossed the $100 billion mark", "did not exceed
#: $5 billion", "has yet to top $2 billion" are upper bounds ("not only exceeded" is no negation)
_NEGATED = re.compile(
    r"(?:\bnot|\Bn['’]t|\bnever|\byet\s+to|\bfail(?:s|ed)?\s+to)\s+(?:(?!only\b)[a-z]+\s+){0,2}$", re.IGNORECASE)
_TURNED = {"lower": "upper", "near_lower": "upper", "upper": "lower", "near_upper": "lower"}


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier printed just before position ``start`` and where it begins (or exact, start); a negated bound
    (:data:`_NEGATED`) is turned round."""
    q, at = _qualifier_before(text, start)
    if q in _TURNED and _NEGATED.search(text[max(0, at - 30):at]):
        return _TURNED[q], at
    return q, at


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    before = text[max(0, start - 40):start]
    m = _QUAL_RE.search(before)
    if not m:
        return "exact", start
    word = m.group(1).lower()
    q = _QUAL_MAP[word]
    abs_start = start - len(before) + m.start(1)
    if word == "up to" and _MOVE_BEFORE_UP_TO.search(text[max(0, abs_start - 30):abs_start]):
        return "exact", start
    # "down from over $5bn", "rose over $1bn" are no bounds of the figure; "came to over $224 million" is one
    if word in ("over", "above", "under", "below") and re.search(
        r"\b(?:from|rose|fell)\s*$", text[max(0, abs_start - 12):abs_start], re.I
    ):
        return "exact", start
    return q, abs_start


def qualifier_after(text: str, end: int) -> str | None:
    m = _QUAL_AFTER.match(text[end:end + 15])
    if not m:
        return None
    w = m.group(0).strip().lower().lstrip("-")
    return {"or so": "approx", "plus": "lower", "or more": "lower", "at least": "lower",
            "or less": "upper", "at most": "upper"}.get(w)
