"""What was traded: a dollar figure or a rate whose flow word names a product ("honey exports", "exports of
machinery", "sold gas worth $8 billion", "$3 billion of oil") speaks of that product, not of the total trade the
rules check. The sentence reader asks these before it makes a claim of a figure (levels, percents, anaphora)."""

from __future__ import annotations

import re

from mirrortrade.claims.numbers import Money
from mirrortrade.claims.vocab import _VERB_FLOW

#: a flow noun ("exports", not "exported") can be modified by what was traded ("honey exports")
_FLOW_NOUN = re.compile(r"(?:re-)?(?:exports?|imports?|shipments?|deliveries|sales|purchases|supplies)", re.I)
_OPENS_PHRASE = re.compile(
    r"(?:the|a|an|its|their|our|his|her|whose|this|that|these|those|such|some|of|and|or|in|with|while|whereas|"
    r"but|as|for|from|by|on|at|than|to|into|also|including|like|mostly|mainly|largely|only)", re.I)
#: closed-class words that may stand before a flow noun without naming a product: determiners, scope and
#: period adjectives, and the generic nouns of total trade
_SCOPE_WORD = re.compile(
    r"(?:the|a|an|its|their|our|his|her|whose|which|what|who|it|they|we|there|where|when|not|no|more|less|each|"
    r"every|any|many|much|most|some|only|also|this|that|these|those|such|of|and|or|in|with|while|whereas|but|as|"
    r"for|to|from|by|on|at|than|total|overall|combined|aggregate|bilateral|mutual|foreign|external|national|"
    r"domestic|regional|annual|yearly|monthly|quarterly|cumulative|combined|record|net|gross|main|key|major|outbound|inbound|"
    r"goods|merchandise|commodity|non-commodity|trade|services|country|region|republic|nation|state|world|"
    r"global|chinese|whole|first|second|third|fourth|half|quarter|year|month|period|both|all|other|total|"
    # a month names the figure's period, not a product ("September exports were $207.92 million"), as does a span
    # looked back to ("the $877.444 million of the same months of 2022-23")
    r"January|February|March|April|June|July|August|September|October|November|December|same|corresponding|"
    r"comparable|months|quarters|previous|preceding|prior|fiscal|calendar)",
    re.I,
)

#: the nouns of trade itself: "$5 billion of exports", "of bilateral turnover"
_FLOW_WORDS = re.compile(r"(?:(?:re-)?exports?|imports?|shipments?|deliveries|sales|purchases|supplies|turnover|"
                         r"trade|volume|value|figure|amount|sum|deficit|surplus|balance|which|them|it|these|those)",
                         re.I)

#: words that may stand between a flow verb and its figure without naming a product ("sold goods and services worth
#: about", "bought a total of", "shipped to Russia goods worth")
_GENERIC_OBJECT = re.compile(
    r"(?:goods|products|merchandise|commodities|items|services|wares|and|worth|of|a|an|the|total|some|about|nearly|"
    r"almost|around|over|more|than|just|only|its|their|his|her|roughly|approximately|estimated|value|valued|at|with|"
    r"in|for|all|kinds|various|mostly|mainly|to|from|it|them|us|dollars?|just|less|under|up|exceeding|surpassing|"
    r"topping|US|U|S|USD|times|as|much|twice|thrice|half|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozen|out|abroad|overseas|\d+(?:[.,]\d+)?)",
    re.I,
)

#: the verb that ends the subject "exports of X": a verb of change or of amount ("purchases of Chinese goods jumped 55
#: percent", "went up", "totalled"); what follows it is no longer what was traded
_PREDICATE_VERB = re.compile(
    r"(?:rose|rises|grew|grows|increases|jump(?:ed|s)|climb(?:ed|s)|surg(?:ed|es)|soar(?:ed|s)|gain(?:ed|s)|"
    r"expand(?:ed|s)|advanced|rebounded|falls|declin(?:ed|es)|decreases|drop(?:ped|s)|shrank|shrunk|contracted|slid|"
    r"slipped|slumped|plunged|plummeted|tumbled|sank|eased|dipped|went|goes|stood|stands|amounted|totall?ed|topped|"
    r"exceeded|surpassed|doubled|tripled|halved|edged|inched|remained|stayed|is|are|has|have|had|accounted|made)",
    re.I)

#: the nouns a flow word modifies when it names a part of trade by product or one side of it: "the main export
#: item", "on the import side", "export commodities"
_ITEM_HEAD = re.compile(r"\s+(?:items?|side|commodit(?:y|ies)|categor(?:y|ies)|structure|basket|mix|lines?|"
                        r"positions?)\b", re.I)



#: a currency or a unit of value after "in": the total expressed in it ("trade in euros", "exports in national
#: currencies" is left whole too: unsure between a measure and a settlement share)
_CURRENCY_WORD = re.compile(r"(?:yuan|renminbi|RMB|CNY|euros?|EUR|rubles?|roubles?|RUB|tenge|KZT|soms?|somoni|sums?|"
                            r"manats?|rupees?|dollars?|USD|currenc(?:y|ies)|value|volume)", re.I)
#: the nouns of trade as a whole that a part can follow ("trade in farm products")
_TRADE_NOUN = re.compile(r"(?:trade|turnover|commerce)", re.I)
#: a determiner or a word of time opens a place or a span after "in", never what was traded ("trade in the region",
#: "trade in recent years")
_DETERMINER = re.compile(r"(?:the|a|an|this|that|these|those|its|their|our|his|her|each|every|recent|past|coming|"
                         r"next|last|early|late|mid)", re.I)

#: a part of trade as the subject of a share, its head noun right before the verb of sharing: a mode of transport,
#: a category of goods (its modifier is checked), payments or settlements ("Road transport carried", "Intermediate
#: goods made up", "Payments in rubles accounted for")
_PART_SUBJECT = re.compile(
    r"(?P<mod>[A-Za-z][\w'’-]*)\s+(?P<head>transport|freight|shipping|haulage|pipelines?|goods|products|commodities|"
    r"payments|settlements|e-commerce)(?:\s+in\s+[a-z]+)?\s+(?:now\s+|still\s+|also\s+)?"
    r"(?:carri(?:ed|es)|handl(?:ed|es)|made\s+up|make\s+up|makes\s+up|account(?:ed|s)?\s+for|represent(?:ed|s)?|"
    r"compris(?:ed|es)|constitut(?:ed|es)|t(?:ook|akes)\s+up)\s+(?:(?:nearly|almost|about|around|roughly|some|over|"
    r"just|close\s+to|more\s+than|less\s+than|under)\s+)*$",
    re.I)

#: words before a flow noun that make it the whole of trade again after a product's figure ("total exports")
_WHOLE = re.compile(r"(?:total|overall|entire|whole|all|aggregate|combined|general|bilateral|mutual|foreign)", re.I)


class ProductsMixin:
    """Methods of the sentence reader that tell a product's figure from total trade."""

    def _product_figure(self, mo: Money, kw: re.Match[str] | None) -> bool:
        """Any of the tests below: the figure speaks of what was traded, not of total trade."""
        if kw is not None and (self._product_modifier(kw) or self._product_object(kw, mo) or self._product_of(kw)
                               or self._product_head(kw, mo.start) or self._product_ranked(kw)):
            return True
        return self._product_after(mo) or self._product_source(mo)

    def _part_of_product(self, mo: Money, kw: re.Match[str] | None, products: list[Money]) -> bool:
        """"Vietnam exported $2.2 billion worth of durians, and exports to China alone accounted for $2.1 billion": a
        bare flow noun after a product's figure in the same sentence goes on speaking of that product when its figure
        is no larger than the product's (a part of it: one market's share); total trade to that partner would be
        larger than one product's whole. A flow noun made whole again ("total exports") or a larger figure is not."""
        if not products or kw is None or not _FLOW_NOUN.fullmatch(kw.group(0)):
            return False  # no product's figure before it in the sentence: nothing to be a part of (most figures)
        before = re.search(r"([A-Za-z][\w'’-]*)\s+$", self.t[max(0, kw.start() - 30):kw.start()])  # type: ignore[attr-defined]
        if before is not None and _WHOLE.fullmatch(before.group(1)):
            return False
        return any(p.end <= kw.start() and p.currency == mo.currency and mo.value <= p.value for p in products)

    def _product_head(self, kw: re.Match[str], fig_start: int) -> bool:
        """"Manufactured goods were again the main export item: ... they brought in $2.13bn", "On the import side heavy
        industry led with $6.43bn": a flow word that modifies an item noun speaks of goods, not of a partner; the
        figure after it, no country named between, is a product's (its subject a product or a sector), never a
        country's total with the partner in context."""
        if kw.end() > fig_start or not _ITEM_HEAD.match(self.t[kw.end():fig_start]):  # type: ignore[attr-defined]
            return False
        return not any(kw.end() <= r.start and r.end <= fig_start for r in self.refs)  # type: ignore[attr-defined]

    def _rate_object(self, kw: re.Match[str], pc_start: int, pc_end: int) -> bool:
        """"Kazakhstan bought 45% more plastics and rubber from China, 23.4% more textiles": a rate of a flow verb
        followed by what was traded ("more" and a noun beyond goods, products and the like) is a product's growth."""
        if not _VERB_FLOW.match(kw.group(0)) or kw.end() > pc_start:
            return False
        m = re.match(r"\s*(?:more|less|fewer)\s+([A-Za-z][\w'’-]*)", self.t[pc_end:pc_end + 40])  # type: ignore[attr-defined]
        if m is None or any(r.start == pc_end + m.start(1) for r in self.refs):  # type: ignore[attr-defined]
            return False
        return not (_GENERIC_OBJECT.fullmatch(m.group(1)) or _FLOW_WORDS.fullmatch(m.group(1)))

    def _product_object(self, kw: re.Match[str], mo: Money) -> bool:
        """"China bought farm products worth 4.36 billion yuan", "Turkmenistan sold gas worth $8 billion": a flow verb
        whose object names what was traded (any word beyond goods, products, services and the like) is a product's
        figure, not total trade."""
        if not _VERB_FLOW.match(kw.group(0)) or kw.end() > mo.start:
            return False
        prep = re.match(r"\s+(?:to|from|into)\s+(?P<the>the\s+)?", self.t[kw.end():])
        # the party's name may take in its article ("to the five states") or not ("to the United States")
        heads = (kw.end() + prep.start("the"), kw.end() + prep.end()) if prep and prep.group("the") else \
            (kw.end() + prep.end(),) if prep else ()
        if prep and re.search(r"\b(?:goods|products|merchandise|commodities|wares)\s+$",
                              self.t[max(0, kw.start() - 20):kw.start()], re.I) \
                and any(r.start in heads for r in self.refs):  # type: ignore[attr-defined]
            return False  # "Chinese goods shipped to Uzbekistan made up $4.32bn": a participle; its object came first
        gap = self.t[kw.end():mo.start]
        for r in self.refs:
            if kw.end() <= r.start and r.end <= mo.start:
                gap = gap.replace(r.text, " ")
        words = re.findall(r"[A-Za-z][\w'’-]*", gap)
        return any(not _GENERIC_OBJECT.fullmatch(w) for w in words)

    def _product_after(self, mo: Money) -> bool:
        """"China bought 44.62 billion yuan of Vietnamese farm products", "4.36 billion yuan worth of
        agricultural products", "$3 billion of oil", "sold 34.31 billion yuan
        of its own": a figure whose "of" phrase names what was traded (any word beyond goods, products, the parties,
        the flow nouns and words of scope) is a product's figure, not total trade."""
        m = re.match(r"\s+(?:worth\s+)?of\s+((?:[\w'’-]+\s*){1,6})", self.t[mo.end:mo.end + 80])
        if m is None:
            return False
        a = mo.end + m.start(1)
        words = []
        for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(1)):
            if any(r.start <= a + w.start() < r.end for r in self.refs):
                continue
            if any(pm.start <= a + w.start() < pm.end for pm in self.periods):
                break  # "the $167.9 million of September 2022": a period, not what was traded
            if re.fullmatch(r"(?:worth|totall?ing|amounting|reached|rose|grew|fell|were|was|came|increased|decreased|"
                            r"in|from|to|with|by|during|over|at|on|which|whom|than|against|compared|and|or|while|"
                            r"last|this|next|a|an|the|its|their)", w.group(0), re.I) and words:
                break
            words.append(w.group(0))
        return _names_goods(words)

    def _product_source(self, mo: Money) -> bool:
        """"Uzbekistan earned $75.27 million from natural gas shipped to China": a figure earned "from" what a flow
        participle after it says was traded (any word beyond goods, products, the parties and words of scope) is that
        product's figure, not total trade."""
        m = re.match(r"\s+from\s+((?:[A-Za-z][\w'’-]*\s+){1,4}?)(?:shipped|sold|exported|delivered|supplied|sent|"
                     r"imported|bought)\b", self.t[mo.end:mo.end + 80])
        if m is None:
            return False
        a = mo.end + m.start(1)
        words = [w.group(0) for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(1))
                 if not any(r.start <= a + w.start() < r.end for r in self.refs)]
        return _names_goods(words)

    def _product_ranked(self, kw: re.Match[str]) -> bool:
        """"Electronics and machinery topped the import list at $1.33 billion", "minerals led exports": what tops a
        flow is, unless it is a country (a partner ranking: "China topped the import list"), a product."""
        ca, _ = self.clause_of(kw.start())  # type: ignore[attr-defined]
        m = re.search(r"\b(?:led|leads|topped|tops|headed|heads|dominated|dominates)\s+(?:the\s+)?(?:country['’]s\s+)?$",
                      self.t[max(ca, kw.start() - 40):kw.start()])  # type: ignore[attr-defined]
        if m is None:
            return False
        subj = self.t[ca:max(ca, kw.start() - 40) + m.start()]  # type: ignore[attr-defined]
        if not re.search(r"[A-Za-z]", subj):
            return False
        a = ca
        return not any(a <= r.start and r.end <= a + len(subj) for r in self.refs)  # type: ignore[attr-defined]

    def _product_of(self, kw: re.Match[str]) -> bool:
        """"Exports of machinery and electrical products grew 68.3 percent", "imports of Kazakh flaxseed": a flow noun
        followed by what was traded (beyond goods, products and the like, and countries) is a product's figure."""
        if self._part_in(kw):
            return True
        if not _FLOW_NOUN.fullmatch(kw.group(0)):
            return False
        at = self._past_direction(kw.end())
        m = re.match(r"\s+of\s+((?:[\w'’-]+\s*){1,6})", self.t[at:at + 80])
        if m is None:
            return False
        a = at + m.start(1)
        words = []
        for w in re.finditer(r"[A-Za-z][\w'’-]*", m.group(1)):
            if any(r.start <= a + w.start() < r.end for r in self.refs):
                continue
            # a preposition ends what was traded ("imports of Russian goods into China": the direction, no product)
            if re.fullmatch(r"(?:worth|totall?ing|amounting|reached|rose|grew|fell|were|was|came|increased|decreased|"
                            r"in|into|from|to|with|by|during|over|at|on)", w.group(0), re.I) or _PREDICATE_VERB.fullmatch(w.group(0)):
                break
            words.append(w.group(0))
        return any(not _GENERIC_OBJECT.fullmatch(w) for w in words)

    def _past_direction(self, at: int) -> int:
        """Where what was traded may begin after a flow noun ending at ``at``: past a direction that names a place
        the text refers to ("shipments to Africa| of new energy vehicles", "purchases from Russia| of crude"), else
        ``at`` itself."""
        d = re.match(r"\s+(?:to|from|into)\s+(?:the\s+)?", self.t[at:at + 20])
        if d is None:
            return at
        ref = next((r for r in self.refs if r.start == at + d.end()), None)  # type: ignore[attr-defined]
        return ref.end if ref is not None and re.match(r"\s+of\s", self.t[ref.end:ref.end + 5]) else at

    def _part_in(self, kw: re.Match[str]) -> bool:
        """"Mutual trade in agricultural products grew by 5.8 percent", "trade through cross-border e-commerce soared
        95 percent", "exports via the Khorgos gateway": trade (or a flow noun) followed by "in" or "through" and a bare
        noun phrase (no determiner: that is a place or a span, "trade in the first half") or by "via" names a part
        of the trade, by product, currency or channel, not the total the rules check. The parties, periods, words of
        scope ("trade in goods", "in both directions") and a measure ("in value terms", "in current prices") leave
        it whole."""
        if not (_FLOW_NOUN.fullmatch(kw.group(0)) or _TRADE_NOUN.fullmatch(kw.group(0))):
            return False
        if re.search(r"(?:\b[A-Za-z]-|\w-?borne\s+)$", self.t[max(0, kw.start() - 12):kw.start()]):  # type: ignore[attr-defined]
            return True  # "e-commerce", "road-borne trade", "seaborne imports": a channel or a mode of trade
        m = re.match(r"\s+(in|through|via)\s+((?:[\w'’-]+\s*){1,6})", self.t[kw.end():kw.end() + 80])  # type: ignore[attr-defined]
        if m is None:
            return False
        a = kw.end() + m.start(2)
        words: list[str] = []
        for w in re.finditer(r"[A-Za-z0-9][\w'’-]*", m.group(2)):
            pos = a + w.start()
            if any(pm.start <= pos < pm.end for pm in self.periods) or re.search(r"\d", w.group(0)):  # type: ignore[attr-defined]
                break  # "trade in 2024", "through September": a period
            if any(r.start <= pos < r.end for r in self.refs):  # type: ignore[attr-defined]
                if not words:
                    return False  # "trade in Kazakhstan", "exports through China": a place
                continue
            if re.fullmatch(r"(?:between|with|from|to|into|by|during|over|at|on|for|of|against|compared|than|while)",
                            w.group(0), re.I) or _PREDICATE_VERB.fullmatch(w.group(0)):
                break
            words.append(w.group(0))
        if not words or words[-1].lower() in ("terms", "prices", "price", "basis") or any(
                _CURRENCY_WORD.fullmatch(w) for w in words):
            return False  # "trade in value terms", "exports in euros": the total in a measure or a currency
        if m.group(1).lower() != "via" and _DETERMINER.fullmatch(words[0]):
            return False
        return _names_goods(words, _WHOLE)

    def _part_share(self, pc_start: int) -> bool:
        """"Road transport carried 51.8 percent of the trade", "Intermediate goods made up 69.8 percent of the
        total", "payments in rubles accounted for 9 percent": a share whose sentence names no party before it, and
        whose clause's subject, right before the verb of sharing, ends in the head noun of a part of trade (a mode of
        transport, a category of goods with a modifier of its own, payments) is that part's share, never a partner's.
        Any other subject ("It", "Its largest trading partner", "the northern neighbour") is let be."""
        if any(r.end <= pc_start for r in self.refs):  # type: ignore[attr-defined]
            return False
        ca, _ = self.clause_of(pc_start)  # type: ignore[attr-defined]
        m = _PART_SUBJECT.search(self.t[ca:pc_start])  # type: ignore[attr-defined]
        if m is None:
            return False
        mod = m.group("mod")
        return m.group("head").lower() not in ("goods", "products", "commodities") or not (
            _GENERIC_OBJECT.fullmatch(mod) or _SCOPE_WORD.fullmatch(mod) or _WHOLE.fullmatch(mod) or mod.endswith(
                ("'s", "’s")) or mod[:1].isupper() and any(r.start <= ca + m.start("mod") < r.end for r in self.refs))  # type: ignore[attr-defined]

    def _product_modifier(self, kw: re.Match[str]) -> bool:
        """"Honey exports reached $776,000", "oil imports": a flow noun whose modifier is neither a party (a
        country, a demonym, a possessive), nor a word of scope (total, bilateral, its, goods ...) names what was
        traded, a product, not the total trade the rules check."""
        if not _FLOW_NOUN.fullmatch(kw.group(0)):
            return False
        m = re.search(r"([A-Za-z][\w'’-]*)\s+$", self.t[max(0, kw.start() - 40):kw.start()])
        if m is None:
            return False
        start = kw.start() - (len(self.t[max(0, kw.start() - 40):kw.start()]) - m.start(1))
        if any(r.start <= start < r.end for r in self.refs):
            return False
        word = m.group(1)
        # the modifier opens its noun phrase: at the sentence's (or a quotation's) start, or after a determiner, a
        # preposition, a conjunction, a party or a word of scope ("Kazakhstan's agricultural exports", "mutual farm
        # trade"); after any other word it is a verb ("the agency put exports at ...")
        lead = self.t[max(0, start - 30):start]
        pm = re.search(r"([A-Za-z][\w'’-]*)[\s,]+$", lead)
        if pm is not None and not (_OPENS_PHRASE.fullmatch(pm.group(1)) or _SCOPE_WORD.fullmatch(pm.group(1)) or any(
                r.start <= start - len(lead) + pm.start(1) < r.end for r in self.refs)):
            return False
        # a verb before its object ("outpaced exports"), a possessive ("Uzbekistan's exports"), an acronym
        # ("EU exports") is no product
        return not (_SCOPE_WORD.fullmatch(word) or word.endswith(("'s", "’s", "s'", "ed")) or word.isupper())


def _names_goods(words: list[str], *more: re.Pattern[str]) -> bool:
    """Whether ``words`` name something traded: a word beyond goods and products (``_GENERIC_OBJECT``), words of scope,
    the flow nouns and any class in ``more``."""
    classes = (_GENERIC_OBJECT, _SCOPE_WORD, _FLOW_WORDS, *more)
    return any(not any(c.fullmatch(w) for c in classes) for w in words)
