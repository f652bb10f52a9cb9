"""Whose statistics a figure is: the attribution scope of the paragraph walk.

An agency named in a sentence governs the figures after it, across sentences and paragraphs, until another agency
or country of statistics is named (:mod:`mirrortrade.claims.extract` carries it). Three rules here keep that scope
honest:

* an agency whose country nothing tells ("a commerce department official said", in an article naming two
  countries' statistics) still ends the scope of the agency named before it: the figures after it have no
  reporter (left unresolved, never guessed) — :func:`unplaced`;
* the reporter's view of a flow whose partner is not named: "Russia supplied $878.9 million" in Kyrgyz statistics
  is Kyrgyzstan's imports from Russia; "Turnover with China reached $13.7 billion ...: imports came to $11.2
  billion" in Uzbek statistics is Uzbekistan's imports from China (the party a turnover leaves unnamed is the
  reporter) — :func:`implied_parties`;
* an agency nothing else places, in an article about one country's trade with many partners ("Tajik exports went
  mainly to Switzerland ..., the ministry said"), is that country's: a partner reports only its own trade with it,
  never a list of its partners — :func:`trade_owner`, used by :func:`place_agencies`;
* a country's total with the world is not its trade with the partner in context: an import or export figure whose
  partner is not named and that exceeds the two countries' turnover already stated for the same period ("Uzbek-Chinese
  trade reached $13.7 billion ... Uzbekistan's imports reached $38.2 billion") is with the world, and a world total
  is never a claim about China — :func:`beyond_bilateral`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mirrortrade.claims import lexicon as lx
from mirrortrade.claims.claim import PLACEHOLDERS, Claim
from mirrortrade.claims.sources import _is_trade_source, _Source

#: the extractor's placeholders and the world or Central Asia: never the country a balance is left to
_NO_HOLDER = PLACEHOLDERS | {"WLD", "CA5"}
#: parties that are groups or the world, never the reporter's counterpart a turnover leaves unnamed
_NOT_A_COUNTRY = _NO_HOLDER | set(lx.BLOCS)


def unplaced(src: _Source | None) -> bool:
    """An agency named whose country is not known (a national body; an international database is not one)."""
    return src is not None and not src.reporter and src.kind != "intl"


def implied_parties(parties: Iterable[str], world: bool, reporter: str | None) -> list[str]:
    """The two parties a flow goes on about after a turnover or balance: the turnover's own, the world for "foreign
    trade" with one country, else the reporter for the side a turnover with one country leaves unnamed ("Turnover with
    China ...: imports came to ..." in the reporter's statistics)."""
    pp = list(parties)
    if len(pp) == 1 and world:
        pp.append("WLD")
    elif len(pp) == 1 and reporter and reporter not in pp and pp[0] not in _NOT_A_COUNTRY:
        pp.insert(0, reporter)
    return pp


def beyond_bilateral(c: Claim, earlier: Iterable[Claim]) -> bool:
    """A level of one country's exports or imports, its partner not named, larger than the two countries' turnover
    the article has stated for the same period: a part cannot exceed the whole, so it is a total with the world."""
    if c.flow not in ("X", "M") or c.kind != "level" or c.value_low is None or not c.period:
        return False
    pair = {c.reporter, c.partner}
    return any(e.flow == "T" and e.kind == "level" and e.period == c.period and {e.reporter, e.partner} == pair
               and e.value_high is not None and c.value_low > e.value_high for e in earlier)


def peek_reporter(sources: list[_Source], carry: _Source | None, pos: int) -> str | None:
    """The reporter of the statistics governing position ``pos`` of a sentence (the agency named last before it,
    else the first after it, else the one carried in), without deciding the figure's reporter."""
    trade = [s for s in sources if _is_trade_source(s)]
    before = [s for s in trade if s.start <= pos]
    src = before[-1] if before else (trade[0] if trade else carry)
    return src.reporter or None if src is not None else None


#: a country named as the holder of the trade that follows: "Tajikistan's trade", "Tajik goods", "Kyrgyz exports"
_HOLDS = re.compile(r"(?:['’]s)?\s+(?:(?:foreign|total|overall|bilateral|mutual)\s+)?(?:trade|exports?|imports?|goods|"
                    r"turnover|shipments|purchases|sales\s+abroad)\b")
#: how many other countries an article about one country's trade must name: its many partners
_MANY_PARTNERS = 3


def trade_owner(text: str, refs: Iterable[lx.CountryRef]) -> str | None:
    """The one country whose trade an article is about when it lists that country's trade with many partners: the only
    country it ever names as the holder of trade ("Tajikistan's trade with Russia", "the main buyer of Tajik goods"),
    every other country (at least :data:`_MANY_PARTNERS` of them) named only as a partner. None when two countries
    hold trade ("Russian exports" beside "Tajik imports") or the article names few partners (an article about two
    countries says nothing by this of whose statistics an agency gives)."""
    owners: set[str] = set()
    others: set[str] = set()
    for r in refs:
        if r.code in _NOT_A_COUNTRY or r.code in ("TOPIC", "SUBJ", "SUB"):
            continue
        others.add(r.code)
        if _HOLDS.match(text, r.end) and (r.possessive or text[r.start:r.end][:1].isupper()):
            owners.add(r.code)
    if len(owners) != 1:
        return None
    owner = owners.pop()
    return owner if len(others - {owner}) >= _MANY_PARTNERS else None


def place_agencies(sources: list[_Source], carried: _Source | None, hub: str | None,
                   pair: tuple[str, ...] = (), owner: str | None = None) -> None:
    """Place an agency named without its country that the sentence does not place (see ``_agency_country``): the
    country of the statistics named earlier in the same paragraph ("The Indian figures do not match. According to the
    Ministry of Commerce, ..."), else, for a statistics office, the country the article is about other than China
    (China publishes its trade through customs, never through a statistics office: in an article about China and
    Uzbekistan, "the State Statistics Committee" is Uzbekistan's). A ministry or a customs service that neither
    tells (either country has one) stays unplaced, unless its portfolio is one China never publishes its trade through
    (neither commerce nor customs: "the Ministry of Industry and Trade"): beside China, it is the other country's.
    ``owner`` is the article's one holder of trade with many partners (:func:`trade_owner`) when the agency's own
    sentence names it: the agency is its (China's only for customs or commerce, the portfolios it publishes through)."""
    others = [c for c in ([hub] if hub else []) + list(pair) if c and c != "CHN"]
    beside_china = [c for c in pair if c != "CHN"] if "CHN" in pair else []  # the article's one other country
    one_other = len(set(pair) - {"CHN"}) == 1
    for s in sources:
        if not unplaced(s) or (s.short_name and "CHN" not in pair):
            continue  # "according to Geostat" in an article about Armenia and Georgia: either side's name, not said
        stats = s.kind in ("stat", "agency")
        if carried is not None and carried.reporter and (not stats or carried.reporter != "CHN"):
            s.reporter = carried.reporter
        elif owner and not s.short_name and (owner != "CHN" or s.kind in ("customs", "commerce") and not s.not_chinese):
            s.reporter = owner
        elif stats and others and (hub != "CHN" or one_other):
            s.reporter = others[0]
        elif s.not_chinese and beside_china and one_other:
            s.reporter = beside_china[0]  # "the Ministry of Industry and Trade" beside China
        else:
            continue
        s.sid = lx.source_id(s.reporter, s.kind)


#: a verb whose subject holds the balance that is its object: "Germany has the largest trade surplus with China",
#: "Peru posted a trade deficit", "Vietnam recorded a surplus" (with at most three words between)
_HOLDS_BALANCE = re.compile(r"\s+(?:has|had|have|holds|held|posts|posted|records|recorded|registers|registered|runs|ran|"
                            r"run)\s+(?:(?:an?|the|its|their)\s+)?(?:[a-z-]+\s+){0,3}")


_BALANCE_WITH = re.compile(r"(?:trade\s+)?(?:surplus(?:es)?|deficits?|balance)\s+with\s", re.I)


def balance_holder(text: str, refs: list[lx.CountryRef], ks: int, clause_start: int) -> list[str]:
    """The country a balance belongs to when it is the object of the verb before it: "..., leaving India with a
    huge trade deficit of $76 billion", "giving Kazakhstan a surplus of $2 billion" (the deficit is India's, whoever
    reports it), or the subject of a verb of having it ("Germany has the largest trade surplus with China"). Empty
    when the clause does not say so."""
    for r in reversed([r for r in refs if clause_start <= r.start and r.end <= ks]):
        if r.code in _NO_HOLDER:
            continue
        head, gap = text[max(0, r.start - 16):r.start], text[r.end:ks]
        if re.search(r"\b(?:leaving|left|leaves|leave|giving|gave|gives|give)\s+(?:the\s+)?$", head) and re.fullmatch(
                r"\s+(?:with\s+)?(?:an?\s+)?(?:[a-z-]+\s+){0,3}", gap):
            return [r.code]
        # the subject of the clause, no preposition's object ("trade with Peru had a deficit" is no Peru's), of a
        # balance that names its partner ("had the largest deficit" alone leaves the partner to guess: no holder)
        if not r.possessive and _HOLDS_BALANCE.fullmatch(gap) and _BALANCE_WITH.match(text, ks) and not re.search(
                r"\b(?:to|from|with|into|of|and|between|than|by)\s+(?:the\s+)?$", head, re.I):
            return [r.code]
        return []
    return []


#: what follows the holder of a flow named after it: its partner ("with China", "and Russia"), or the end of the flow
#: phrase (a verb, a comma): never a noun ("trade of Chinese goods" names the goods' origin)
_AFTER_HOLDER = re.compile(r"\s*[,;.]|\s+(?:with|and|amounted|reached|totall?ed|stood|came|grew|rose|fell|increased|"
                           r"decreased|declined|was|were|is|has|had|exceeded|hit|topped)\b")


def holder_after(text: str, refs: list[lx.CountryRef], ke: int, limit: int) -> str | None:
    """The country whose trade a flow noun names by "of" right after it: "the foreign trade turnover of the Republic of
    Tajikistan with the People's Republic of China", "the trade deficit of Vietnam with China" (the flow's subject, as
    "Tajikistan's trade turnover" would be). None when the flow word is not followed so."""
    r = next((r for r in refs if ke <= r.start and r.end <= limit), None)
    if r is None or r.code in _NO_HOLDER or r.possessive:
        return None
    if not re.fullmatch(r"\s+of\s+(?:the\s+)?", text[ke:r.start]) or not _AFTER_HOLDER.match(text[r.end:]):
        return None
    return r.code
