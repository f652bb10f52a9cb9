"""Statistical sources named in a sentence: who reports the figures that follow."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.agency_names import name_country
from mirrortrade.model import AGGREGATES


@dataclass
class _Source:
    start: int
    end: int
    reporter: str
    kind: str
    sid: str
    #: an office named by its short name ("Geostat"): placed by its own words, never by the article's country
    short_name: bool = False
    #: a government department whose portfolio is neither commerce nor customs ("the Ministry of Industry and Trade"):
    #: China publishes its trade through customs and its Ministry of Commerce only, so it is never China's
    not_chinese: bool = False



#: a place name in capitals opening an article ("BISHKEK, February 12, 2019 –", "ASTANA, Kazakhstan, Sept 1, 2023.")
#: ("ASTANA. The volume of ...": a place in capitals closed by a full stop, too)
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z .'’-]{2,30}?)\s*(?:,|:\s|\s[–—-]\s|\.\s+(?=[A-Z][a-z]))", re.M)


def dateline_country(text: str) -> str | None:
    """The country of the article's dateline city ("TASHKENT, April 21, 2024. ..." -> UZB), if it names one. A region
    ("CENTRAL ASIA, February 1, 2026 - ...") is no country: it says where the news comes from, not whose agency or
    official speaks (none is the region's), so it is no home (None)."""
    for m in _DATELINE_PLACE.finditer(text[:600]):
        place = m.group(1).strip().title()
        refs = [r for r in lx.find_countries(place, region_as_ca5=False) if r.code not in ("TOPIC", "SUBJ", "WLD")]
        if len(refs) == 1 and refs[0].start == 0 and refs[0].end == len(place):
            return None if refs[0].code in AGGREGATES else refs[0].code
    return None


#: the rest of a diplomat's title before his posting and name: "Ambassador Extraordinary and Plenipotentiary (to ...)"
_ENVOY_TITLE = r"\s+(?:(?:[A-Z][a-z]+\s+)+(?:and\s+(?:[A-Z][a-z]+\s+)+)?)??"


def _agency_country(kind: str, refs: list[lx.CountryRef], topic: str | None, home: str | None,
                    ministry: bool = False) -> str | None:
    """Whose agency is "the National Statistical Committee" named without its country: the country the sentence
    speaks of in the possessive ("Uzbekistan's main partner"), else the dateline's country, else the sentence's
    first country, else the paragraph's topic. China publishes its trade through customs (and its Ministry of
    Commerce), never through a statistics committee or agency: a statistics body without a country is never China's."""
    codes = [r for r in refs if r.code not in lx.NO_COUNTRY]
    near = [r.code for r in codes if r.possessive] + ([home] if home else []) + [r.code for r in codes]
    if ministry:
        # "Trade between Vietnam and China fell ..., the Ministry of Industry and Trade said" in a Hanoi dispatch: a
        # government department named by its portfolio alone speaks for the government of the place it is reported
        # from, when its sentence names that country; otherwise whose it is is not said (no guess)
        if home and any(r.code == home for r in codes):
            return home
        # with no dateline: "China remained Pakistan's largest trading partner ..., the Ministry of Commerce
        # reported": a ministry reports its own country's trade from its side, the one country the sentence names in
        # the possessive ("the country's" read as the article's country is no evidence; a dateline of another
        # country makes it a foreign ministry's or a local one's: not said)
        owners = {r.code for r in codes if r.possessive and r.text[:1].isupper()}
        return owners.pop() if len(owners) == 1 and home is None else None
    near += [topic] if topic else []
    if kind not in ("customs", "commerce"):
        near = [c for c in near if c != "CHN"]
    return near[0] if near else None


#: the portfolios China's trade figures come from: its customs and its Ministry of Commerce
_CHINESE_PORTFOLIO = re.compile(r"\b(?:[Cc]ommerce|[Cc]ustoms)\b")


def _not_chinese(name: str) -> bool:
    """A government department named by a portfolio that China does not publish its trade through ("the Ministry of
    Industry and Trade", "the Ministry of Economy"): whoever's it is, it is not China's."""
    return bool(re.search(r"\b(?:Ministry|Department)\s+of\b", name)) and not _CHINESE_PORTFOLIO.search(name)


#: a statistics office named by its short name, a word ending in "stat" ("Geostat", "Armstat", "TurkStat")
_STAT_NAME = re.compile(r"\b[A-Z][A-Za-z]*?[a-z][Ss]tat\b")


def _stat_name_country(text: str, m: re.Match[str], refs: list[lx.CountryRef], placed: list[_Source],
                       offset: int) -> str | None:
    """Whose statistics office a short name is, from its own words: the country before it in the possessive
    ("Georgia's Geostat", "Georgia's statistics office Geostat"), or the agency of a country it stands beside as
    another name ("the National Statistics Office of Georgia (Geostat)", "Geostat, Georgia's statistics office")."""
    for r in refs:
        if r.possessive and r.code not in lx.NO_COUNTRY and re.fullmatch(
                r"['’]s\s+(?:[a-z]+\s+){0,3}", text[r.end - offset:m.start()]):
            return r.code
    for x in placed:
        if re.fullmatch(r"\s*[(,]\s*", text[x.end - offset:m.start()]) or re.fullmatch(
                r"\s*,\s*(?:the\s+)?", text[m.end():x.start - offset]):
            return x.reporter
    return None


#: an organisation's name ending in the noun of a public body, with what follows it ("State Committee on Statistics of
#: Uzbekistan", "Turkish Exporters Assembly", "Chamber of Commerce of Mongolia")
_ORG_NAME = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){0,4}?(?:Bank|Committee|Agency|Bureau|Service|Ministry|Office|Assembly|Administration|"
    r"Department|Chamber)\b(?:\s+(?:of|on|for|under)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:(?:and|of|for|on)\s+)?"
    r"(?:the\s+)?[A-Z][\w-]*){0,5})?")
#: what the body must be about to speak for trade figures: statistics, customs, trade, the economy (a bank only a
#: central one: "the Bank of China" is a lender)
_ORG_TRADE = re.compile(r"\b(?:Statistic\w*|Stat|Customs|Trade|Commerce|Econom\w*|Exporters?|Importers?|Revenue|"
                        r"Finance|Integration)\b")
_ORG_BANK = re.compile(r"\b(?:Central|National|State|Reserve|People['’]s)\s+Bank\b")


def _org_sources(text: str, refs: list[lx.CountryRef], offset: int) -> list[_Source]:
    """Trade bodies named with their country: a capitalised name whose head is a public body ("Committee", "Agency",
    "Assembly", "Chamber", ...) about statistics, customs, trade or the economy, its country inside the name ("...
    of Uzbekistan", "Turkish Exporters Assembly") or just before it ("Uzbekistan's State Committee on Statistics",
    "the country's ..." as the sentence resolves it). Only a name with one country is placed (never a guess)."""
    out: list[_Source] = []
    for m in _ORG_NAME.finditer(text):
        name = m.group(0)
        if not (_ORG_TRADE.search(name) if not re.search(r"\bBank\b", name) else _ORG_BANK.search(name)):
            continue
        a, b = m.start(), m.end()
        codes: set[str] = set()
        for r in refs:
            ra, rb = r.start - offset, r.end - offset
            if r.code in lx.NO_COUNTRY:
                continue
            if a <= ra and rb <= b:
                codes.add(r.code)
            elif rb <= a and re.fullmatch(r"(?:['’]s)?\s+", text[rb:a]):
                codes.add(r.code)
                a = ra  # the country before the name is part of it
        if len(codes) == 1:
            code = codes.pop()
            kind = lx.source_kind(text[a:b])
            out.append(_Source(a + offset, b + offset, code, kind, lx.source_id(code, kind)))
    return out


def _find_sources(
    text: str, refs: list[lx.CountryRef], offset: int = 0, topic: str | None = None, home: str | None = None,
    unplaced: bool = False, among: tuple[str, ...] = (),
) -> list[_Source]:
    """Statistical sources named in ``text``; an agency named without its country ("the National Statistical
    Committee reported") is the sentence's country's, else the dateline's (``home``), else the paragraph's
    ``topic`` (see :func:`_agency_country`). With ``unplaced``, an agency whose country none of these tells is kept
    with an empty reporter (see :func:`mirrortrade.claims.scope.unplaced`): it still ends the scope of the agency
    named before it, and the figures after it have no reporter (never a guess)."""
    out: list[_Source] = []
    for rx, rep, kind in lx.NAMED_SOURCES:
        for m in rx.finditer(text):
            sid = kind if not rep else lx.source_id(rep, kind)
            out.append(_Source(m.start() + offset, m.end() + offset, rep, "intl" if not rep else kind, sid))
    for r in refs:
        if r.code in lx.NO_COUNTRY:
            continue
        a, b = r.start - offset, r.end - offset
        tail = text[b:b + 80]
        m = lx.SOURCE_AFTER_COUNTRY.match(tail)
        if m and re.match(r"\s+(?:news\s+)?(?:agency\s+)?[A-Z][A-Za-z]*[A-Z]", tail[m.end():m.end() + 20]) and \
                re.search(r"agency|side", m.group(0), re.I):
            m = None  # "the Russian agency TASS": a news agency reporting, not a statistics agency
        if m and re.fullmatch(r"side", m.group(1), re.I) and re.match(
                r"\s+(?:\w+\s+)?(?:bought|sold|purchased|exported|imported|shipped|supplied|delivered|received)\b",
                tail[m.end():m.end() + 40], re.I):
            m = None  # "the Turkmen side bought goods from China": a party to the trade, not whose figures they are
        if m and re.fullmatch(r"side", m.group(1), re.I) and re.match(
                r"\s+(?:\w+\s+){0,2}?(?:ran|runs|run|had|has|posted|posts|enjoyed|enjoys|recorded|registered|logged)\s+"
                r"(?:a|an|its)\s+(?:\w+\s+){0,2}?(?:surplus|deficit)\b", tail[m.end():m.end() + 60], re.I):
            m = None  # "the Chinese side thus ran a surplus of $2.2 billion": the party holding the balance
        if m and re.search(r"ambassador|envoy", m.group(1), re.I) and not (
                re.match(_ENVOY_TITLE + r"(?:(?:in|to|at)\s+(?:the\s+)?[A-Z][\w'’-]+,?\s+)?(?:[A-Z][\w'’-]+,?\s+){0,3}"
                         r"(?:said|says|told|tells|noted|stated|announced|wrote|added)\b", text[b + m.end():b + m.end() + 120])
                or re.search(r"according to\s+(?:the\s+)?$", text[max(0, a - 20):a], re.I)):
            m = None  # "at a meeting with Chinese Ambassador Zhang Xiao": a diplomat speaks for figures only as the speaker
        if m:
            kind = lx.source_kind(m.group(0))
            out.append(_Source(r.start, r.end + m.end(), r.code, kind, lx.source_id(r.code, kind)))
            continue
        own = re.match(r"['’]s\s+own\b(?=\s*[,.;)]|\s+(?:which|that)\b)", tail)
        if own and r.possessive and re.search(r"\b(?:figures|data|numbers|statistics|estimates|counts?)\b", text[:a], re.I):
            # "The figures are close to China's own, published in January, which put trade ...": the figures the
            # sentence spoke of, the country's own (an ellipsis of its data noun)
            out.append(_Source(r.start, r.end + own.end(), r.code, "data", lx.source_id(r.code, "data")))
            continue
        head = text[max(0, a - 60):a]
        m2 = lx.SOURCE_BEFORE_COUNTRY.search(head)
        if m2:
            kind = lx.source_kind(m2.group(0))
            out.append(_Source(r.start - (len(head) - m2.start()), r.end, r.code, kind, lx.source_id(r.code, kind)))
            continue
        # "according to Kazakhstan", "Kazakhstan reported", "Beijing said" (not "the embassy in Astana said")
        if re.search(r"according to\s+(?:the\s+)?$", head, re.I) or (
            re.match(r"^(?:\s*,\s*(?:however|though|for\s+its\s+part|in\s+turn|meanwhile),)?\s+(?:reported|said|says|"
                     r"announced|stated|published|released|(?:holds|maintains|insists|claims|argues|counters)\s+that)\b",
                     tail)
            and not re.search(r"\b(?:in|at|from|of)\s+$", head)
        ):
            out.append(_Source(r.start, r.end, r.code, "gov", lx.source_id(r.code, "gov")))
    for m in lx.SOURCE_NO_COUNTRY.finditer(text):
        a0, b0 = m.start() + offset, m.end() + offset
        if any(x.start < b0 and a0 < x.end for x in out):
            continue  # "the Agency of Statistics under the President of Tajikistan": named with its country
        kind = lx.source_kind(m.group(0))
        code = name_country(text[m.start():_name_end(text, m.start(), m.end())], among) or _agency_country(
            kind, refs, topic, home, ministry=bool(re.search(r"ministry|department", m.group(0), re.I)))
        if code:
            out.append(_Source(m.start() + offset, m.end() + offset, code, kind, lx.source_id(code, kind)))
        elif unplaced and kind != "intl":
            out.append(_Source(m.start() + offset, m.end() + offset, "", kind, "", not_chinese=_not_chinese(m.group(0))))
    out += [o for o in _org_sources(text, refs, offset)
            if not any(x.start <= o.start and o.end <= x.end and x.reporter for x in out)]
    for m in _STAT_NAME.finditer(text):
        a0, b0 = m.start() + offset, m.end() + offset
        if any(x.start <= a0 and b0 <= x.end for x in out):
            continue  # "Uzstat", a name the lexicon knows
        code = _stat_name_country(text, m, refs, [x for x in out if x.reporter], offset)
        if code is None and home and not any(
                r.code != home and r.code not in lx.NO_COUNTRY and not re.search(
                    r"\b(?:with|to|from|into|between|and)\s+(?:the\s+)?$", text[max(0, r.start - offset - 12):r.start - offset])
                for r in refs):
            # "Trade with Armenia reached $1.2 billion, according to Geostat" in a Tbilisi dispatch: the office of the
            # place it is reported from, when the sentence speaks of no other country than as a partner ("Armstat put
            # Armenian exports ..." in the same dispatch is not said to be Georgia's)
            code = home
        if code:
            out.append(_Source(a0, b0, code, "stat", lx.source_id(code, "stat")))
        elif unplaced:
            out.append(_Source(a0, b0, "", "stat", "", short_name=True))
    for s in out:
        s.end = _name_end(text, s.start - offset, s.end - offset) + offset
    # keep one source per span (named agencies win over the country-adjective form)
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    merged: list[_Source] = []
    for s in out:
        if merged and s.start < merged[-1].end:
            continue
        merged.append(s)
    # "the Russian agency TASS reported, citing a statement by China Customs": the source cited is the figures'
    cited = [s for s in merged if re.search(r"\bciting\b[^.;]*$", text[max(0, s.start - offset - 160):s.start - offset])]
    if cited:
        stats = [s for s in cited if s.kind in ("customs", "stat")]
        if stats:
            # "citing the press service of the Kazakh embassy in Beijing and China's customs statistics": the
            # statistics cited, not the messenger
            cited = stats
            merged = [s for s in merged if s in stats or s.kind not in ("embassy", "gov", "agency", "data")
                      or not any(c.start > s.start for c in stats)]
        merged = [s for s in merged if s in cited or not re.search(
            r"^[^.;]{0,60}\bciting\b", text[s.end - offset:cited[0].start - offset + 1])]
    return merged


#: an agency's name: a capitalised agency noun ("Ministry", "Committee", "General Administration") in the source
_NAME_NOUN = re.compile(r"\b(?:Ministry|Committee|Agency|Administration|Bureau|Office|Service|Department|Chamber)\b")
#: the rest of an agency's name after the words a source pattern took ("Ministry of Economy and | Budget Planning")
_NAME_REST = re.compile(r"(?:\s+(?:(?:and|of|for|on)\s+)?[A-Z][a-z]+)+")


def _name_end(text: str, start: int, end: int) -> int:
    """Where the name of the agency at ``text[start:end]`` ends: a source pattern reads a capitalised name only so far
    ("Kazakhstan's Ministry of Economy and" of "... and Budget Planning"); the name goes on over the capitalised words
    (joined by "and", "of", "for", "on") that follow, up to a country's name."""
    name = text[start:end]
    if not _NAME_NOUN.search(name) or not re.search(r"(?:\b(?:and|of|for|on)|[A-Z][a-z]+)$", name):
        return end
    if re.search(r"\b(?:and|of|for|on)$", name):
        m = re.match(r"\s+[A-Z][a-z]+(?:" + _NAME_REST.pattern + r")?", text[end:])
    else:
        m = _NAME_REST.match(text[end:]) if re.match(r"\s+(?:and|of|for|on)\s", text[end:]) else None
    if m is None:
        return end
    stop = end + m.end()
    for r in lx.find_countries(text[end:stop], region_as_ca5=False):
        stop = min(stop, end + r.start)
    return end + len(text[end:stop].rstrip().removesuffix(" and").removesuffix(" of").rstrip()) \
        if stop > end else end


def _is_trade_source(s: _Source) -> bool:
    return s.kind in ("customs", "stat", "data", "agency", "gov", "commerce", "embassy", "audit", "bank", "intl")


def _sid(src: _Source | None, reporter: str | None) -> str | None:
    """A national source names its own country's figures; an international database (UN Comtrade, the IMF)
    names whichever reporter's figures it carries."""
    if src is None or src.kind == "speaker":
        return None  # an official quoted speaks for his government, but names no statistics
    if not src.reporter or src.reporter == reporter:
        return src.sid or None  # an agency of no known country names no statistics
    return None


#: an official who speaks for a government: "Deputy Chairman of the Cabinet of Ministers", "Vice Minister of
#: Commerce", "China's Commerce Minister", "President", "Prime Minister" (an ambassador or envoy is a foreign
#: government's voice, handled as a source of its own, see :func:`_find_sources`)
_OFFICIAL = re.compile(
    r"\b(?:(?:First\s+)?(?:Vice|Deputy)\s+)?(?:President|Prime\s+Minister|Premier|Chairman\s+of\s+the\s+Cabinet"
    r"(?:\s+of\s+Ministers)?|(?:[A-Z][a-z]+\s+)?Minister(?:\s+of\s+[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)?)\b"
    # a title in lower case, as a description after the name or the country: "Chile's first deputy minister of
    # foreign affairs", "the deputy trade minister"
    r"|\b(?:first\s+)?(?:(?:vice|deputy)\s+)?(?:(?:prime|foreign|trade|economy|finance|commerce|economic)\s+)?"
    r"minister(?:\s+of\s+(?:foreign\s+)?[a-z]+(?:\s+and\s+[a-z]+)?)?\b"
)
_SPEECH = re.compile(r"\b(?:said|says|told|noted|stated|added|announced|stressed|emphasi[sz]ed)\b")


def speaker_verb(sentence: str) -> bool:
    """Whether the sentence reports speech with a verb of its own ("said", "told", "stressed")."""
    return _SPEECH.search(sentence) is not None


def _placed_title(text: str, m: re.Match[str]) -> bool:
    """A title as a name (capitalised: "Deputy Prime Minister") names an official; one in lower case does only with
    its country before it ("Chile's first deputy minister of foreign affairs"): "the minister said" refers back to the
    official named before, and is no official of its own."""
    if m.group(0)[:1].isupper():
        return True
    lead = text[max(0, m.start() - 25):m.start()]
    refs = lx.find_countries(lead, region_as_ca5=False)
    return bool(refs) and re.fullmatch(r"(?:['’]s)?\s*", lead[refs[-1].end:]) is not None


def _title_country(text: str, title: re.Match[str]) -> str | None:
    """The country named just before an official's title ("China's Commerce Minister", "Kyrgyz Deputy Prime
    Minister"), or None."""
    lead = text[max(0, title.start() - 25):title.start()]
    refs = [r for r in lx.find_countries(lead, region_as_ca5=False) if r.code not in lx.NOT_A_COUNTRY]
    if refs and re.fullmatch(r"(?:['’]s)?\s*", lead[refs[-1].end:]):
        return refs[-1].code
    # "Kazakhstan's Deputy Prime Minister and Foreign Minister": a second title of the same official, placed by the first
    joined = [m for m in _OFFICIAL.finditer(text[:title.start()]) if re.fullmatch(r"\s+and\s+", text[m.end():title.start()])]
    return _title_country(text, joined[-1]) if joined else None


def _last_title(text: str, refers: str | None = None) -> re.Match[str] | None:
    """The last title in ``text`` that names an official (see :func:`_placed_title`), or None; with ``refers`` (a
    title referring back: "the prime minister"), the last one it can refer to: its words end the title's, and a
    deputy's title only for a deputy ("the premier" is no "Vice Premier")."""
    titles = [m for m in _OFFICIAL.finditer(text) if _placed_title(text, m)]
    if refers is not None:
        deputy = re.compile(r"\b(?:vice|deputy)\b")
        titles = [m for m in titles if (w := " ".join(m.group(0).lower().split())).endswith(refers)
                  and bool(deputy.search(w)) == bool(deputy.search(refers))]
    return titles[-1] if titles else None


def _anaphoric_title(head: str) -> str | None:
    """The title a speech's subject refers back with ("..., the prime minister said": "prime minister"), or None."""
    m = re.search(r"\bthe\s+((?:[a-z]+\s+){0,3}?(?:minister|premier|president))[\s,”\"]*$", head)
    return " ".join(m.group(1).split()) if m else None


def official_country(text: str, home: str | None) -> str | None:
    """The country of the official named last in ``text`` (the country just before the title, else the dateline's):
    whose "the government" a later sentence speaks of ("Kazakh Prime Minister Alikhan Smailov said ... according to
    the government's press service")."""
    t = _last_title(text)
    return None if t is None else _title_country(text, t) or home


def speaker_country(before: str, sentence: str, home: str | None) -> str | None:
    """Whose figures a quoted official gives when no statistics are named: the country of the official speaking
    ("..., Deputy Chairman of the Cabinet of Ministers Bakyt Torobaev said" in a Bishkek dispatch; "..., Yan said"
    after "Vice Minister of Commerce Yan Dong told a press conference" in a Beijing one). The sentence must report
    speech (a speech verb, or a quotation); the speaker is the official named last before the speech verb in the
    sentence, else the last named in the text before it. The official's country is the country named just before
    the title ("China's Commerce Minister", "Kyrgyz Deputy Prime Minister"), else the dateline's; None when neither
    says it."""
    verb = _SPEECH.search(sentence)
    quoted = sentence.lstrip()[:1] in ('"', "“")
    if verb is None and not quoted:
        return None
    head = sentence[:verb.start()] if verb else ""
    text = before[-1500:] + " " + head
    name = re.search(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[\s,”\"]*$", head)
    if name and not any(m.end() == name.end(1) for m in _OFFICIAL.finditer(head)):
        # "..., Smailov said": the official of that name ("Kazakh Prime Minister Alikhan Smailov"), not the last
        # official named ("Chinese Premier Li Keqiang"); a name never given with a title is nobody we can place
        titled = [m for m in re.finditer("(?:" + _OFFICIAL.pattern + r")(?:\s+[A-Z][\w'’-]+){0,3}?\s+"
                                         + re.escape(name.group(1)) + r"\b", text) if _placed_title(text, m)]
        if not titled:
            return None
        t = titled[-1]
    else:
        last = _last_title(text, _anaphoric_title(head))
        if last is None:
            return None
        t = last
    placed = _title_country(text, t)
    if placed:
        return placed
    if home is None and t.start() >= len(text) - len(head):
        # "India's trade deficit with China touched $51.5 billion ..., Commerce and Industry Minister Piyush Goyal told
        # parliament" with no dateline: a minister of no country named, speaking in the sentence itself, speaks for the
        # one country the sentence names in the possessive, as a ministry does (see :func:`_agency_country`)
        owners = {r.code for r in lx.find_countries(head, region_as_ca5=False)
                  if r.possessive and r.code not in lx.NO_COUNTRY}
        return owners.pop() if len(owners) == 1 else None
    return home
