"""The vocabulary of trade sentences: flow words, change and share phrases, targets, clause breaks."""

from __future__ import annotations

import re

from mirrortrade.claims.fiscal import MON

#: the goods a sum was spent on, from a country ("on goods from Turkey", "for imports made in Chile"), and the
#: words allowed between the verb and that phrase (the figure)
_GAP_TO_GOODS = r"(?:[^.;]|\.\d){0,50}?\b"
_GOODS_FROM = (r"(?:(?:foreign|imported)\s+)?(?:goods|products|merchandise|commodities|imports|purchases)\s+"
               r"(?:(?:made|produced)\s+in|from|originating\s+(?:from|in))\b")
_FLOW_RE = re.compile(
    # "imports and exports", "import and export trade", "export-import": two-way trade, read before either word alone (but
    # "exports and imports came to $5.1 billion and $7.8 billion respectively" is two flows)
    r"(?P<T>\b(?:imports?\s+and\s+exports?|exports?\s+and\s+imports?|import\s+and\s+export|export\s+and\s+import|exports?[-–/]imports?|imports?[-–/]exports?)"
    r"(?:\s+trade)?\b(?!(?:[^.;]|\.\d)*\brespectively\b)|\b(?:trade|traded|turnover|trading|commerce)\b(?!\s+(?:fair|fairs|mission|missions|show|Organization|"
    r"deal|deals|agreement|agreements|zone|zones|center|centre|house|war|wars|route|routes|corridors?|surplus(?:es)?|"
    r"deficits?|balance|structure|policy|representative|office|ministry|minister|talks|union|bloc|hub|partners?hip|"
    # "the UK's trade in goods deficit with China": the balance, its "trade in goods" only what it is a balance of
    r"in\s+goods\s+(?:surplus(?:es)?|deficits?|balance))\b))"
    # "the deficit in trade with China": the balance, the trade after it only its complement
    r"|(?P<B>\b(?:trade\s+(?:in\s+goods\s+)?)?(?:surplus(?:es)?|deficits?)(?:\s+(?:in|on)\s+(?:goods\s+)?trade)?\b"
    r"|\bbalance of trade\b|\btrade (?:in goods )?balance\b)"
    # the verbs of selling and buying in every tense a report uses ("sells", "buying $11.5 billion from it", "took in")
    r"|(?P<X>\bexport(?:s|ed|ing)?\b|\bshipments?\b|\bshipped\b|\bsent\b|\bsold\b|\bsells\b|\bselling\b|\bsales\b"
    r"|\bsupplie[sd]\b|\bdeliveries\b|\boutbound\b|\bre-exports?\b"
    # "delivered goods worth $1.2 billion to Turkey": delivering is selling only of goods (never "delivered a speech")
    r"|\bdeliver(?:ed|s|ing)\b(?=(?:[^.;]|\.\d){0,60}?\b(?:goods|products|merchandise|commodities)\b))"
    r"|(?P<M>\bimport(?:s|ed|ing)?\b|\bpurchases\b|\bpurchased\b|\bbought\b|\bbuys\b|\bbuying\b|\bsourced\b"
    r"|\b(?:took|takes|taking)\s+in\b|\binbound\b"
    # "spent $2.3 billion on goods from Turkey", "paid $1 billion for imports from Chile": spending is imports only
    # in this frame, never alone (budgets, tourism, "spent $2 billion on cars")
    r"|\bspen(?:t|ds?)\b(?=" + _GAP_TO_GOODS + r"on\s+" + _GOODS_FROM + r")"
    r"|\bpa(?:id|ys)\b(?=" + _GAP_TO_GOODS + r"for\s+" + _GOODS_FROM + r"))",
    re.IGNORECASE,
)
#: the rest of an institution's name after a capitalised flow word: "Export-Import Bank", "Export Credit Agency",
#: "Trade Promotion Council" (the flow word names the institution, no flow of a figure)
_INSTITUTION_AFTER = re.compile(
    r"(?:[\s-]+[A-Z][A-Za-z&]*){0,3}?\s+(?:Bank|Agency|Authority|Council|Board|Bureau|Corporation|Fund|Association|"
    r"Chamber|Institute|Centre|Center|Insurance)\b")


def institution_name(text: str, start: int, end: int) -> bool:
    """Whether the flow word at ``text[start:end]`` is a capitalised part of an institution's name ("the
    Export-Import Bank of China is owed $1.66 billion")."""
    return text[start:start + 1].isupper() and _INSTITUTION_AFTER.match(text, end) is not None


#: a rate printed inside a stretch of text ("..., and in 2016 it grew by 2.2 percent to "): a figure past it is that rate's
_RATE_IN = re.compile(r"\d(?:[.,]\d+)?\s*(?:%|percent\b|per\s*cent\b)", re.I)

_VERB_FLOW = re.compile(r"^(?:sent|sold|sells|selling|shipped|supplied|exported|imported|bought|buys|buying|purchased|"
                        r"sourced|spent|spends?|paid|pays|delivered|delivers|delivering|(?:took|takes|taking)\s+in)$", re.I)
_NONTRADE_RE = re.compile(
    r"\b(?:invest\w*|projects?|deals?|loans?|credit|grants?|GDP|gross domestic product|budget|revenues?|profits?|"
    r"capital|funds?|funding|valuation|market cap\w*|reserves|debt|aid|contracts?|prices?|costs?|salar\w+|wages?|"
    r"remittances|income|spending|financing|stake|acquisition|bonds?|tax(?:es)?|fines?|assets|plant|facility|"
    r"laboratory|lab|port|bridge|railway|construction|capitalization|tourism|visitors|tourists|companies)\b",
    re.IGNORECASE,
)
_UP = (r"rose|risen|rise|rises|rising|grew|grown|grow|grows|growing|growth|increase[sd]?|increasing|up|jump\w*|"
       r"surg\w*|climb\w*|gain\w*|expand\w*|boost\w*|higher|advanc\w*|soar\w*|spik\w*|rebound\w*|widen\w*|"
       r"accelerat\w*|add(?:ed|ing)?|more")
_DOWN = (r"fell|fall|falls|falling|fallen|cut|cuts|cutting|slash\w*|declin\w*|decreas\w*|drop\w*|shr[iau]nk\w*|contract\w*|down|lower|"
         r"slump\w*|plung\w*|slid|slide|slides|sliding|dip|dipped|dips|reduc\w*|narrow\w*|lost|los(?:s|es|ing)|"
         r"tumbl\w*|sank|sink\w*|eased|less|negative\s+growth|"
         # the falling verbs the product reader already takes for a predicate of change (products._PREDICATE_VERB)
         r"slip|slips|slipped|slipping|plummet\w*")
#: a change word before a rate with no other figure between: "%", "$" and a spelled "percent" end its reach ("down
#: 45.6 percent, while its imports rose 3.2 percent": the second rate is a rise)
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b(?:(?!percent|per\s+cent)[^$%]){0,40}$", re.I)
#: "above"/"below" only before what a rate is compared with ("12 percent above the $4.1 billion of 2021", "below
#: last year's", "above a year earlier", "above March 2023"), never alone ("a share above 10 percent", "kept 5 percent
#: above target")
_COMPARED_AFTER = (r"(?=\s+(?:(?:the|its|their|that|those|last|a\s+year|(?:19|20)\d\d|" + MON + r"\s+(?:19|20)\d\d)\b|[$€£¥]|"
                   r"(?:[A-Z][\w’'-]+\s+){0,2}?\w+(?:'s|’s)\s))(?![^.;,]{0,30}?\b(?:target|goal|plan|forecasts?|"
                   r"projections?|expectations?|threshold|mark|estimates?)\b)")
#: "smaller"/"larger" after a rate are a change only against an earlier time of the same figure ("16.4 percent smaller
#: than a year before", "9.4% larger than in 2024"), never against another party or source ("30 percent smaller than
#: China's", "smaller than the figure Kazakhstan gives")
_THAN_BEFORE = (r"(?=\s+(?:than\s+(?:(?:in|during|for)\s+)?(?:a\s+year|last\s+year|the\s+(?:previous|prior|preceding|"
                r"same|corresponding)\b|(?:19|20)\d\d\b(?!['’]s)|" + MON + r"\b)|year[\s-]on[\s-]year\b))")
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:year[\s-]on[\s-]year|y/y|yoy|annually|on the year)\s+)?(?:(?P<up>increase|rise|jump|growth|gain|"
    r"higher|more|up|surge|expansion|above" + _COMPARED_AFTER + r"|(?:larger|bigger)" + _THAN_BEFORE + r")|(?P<down>"
    r"decrease|decline|drop|fall|contraction|lower|less|down|slump|reduction|below" + _COMPARED_AFTER + r"|smaller"
    + _THAN_BEFORE + r"))\b",
    re.I,
)
_CHANGE_MONEY_BEFORE = re.compile(
    r"(?:\b(?P<up>(?<!made )(?<!make )(?<!makes )(?<!making )(?<!add )(?<!adds )(?<!added )(?<!adding )up|rose|grew|increased|jumped|climbed|gained|added(?!\s+up\b)|expanded|surged|rising|growing|increasing)"
    r"|\b(?P<down>down|fell|declined|dropped|decreased|shrank|lost|contracted|slid|falling|declining|shrinking))"
    # "rose by just $120m", "fell by a mere $5m": a word that plays the change down is no level's
    r"(?:\s+by)?\s+(?:(?:just|only|merely|a\s+mere|a\s+modest)\s+)?"
    r"(?:(?:nearly|almost|about|around|roughly|some|more than|over|just over|just under|under|less than)\s+)?$"
    r"|\b(?:an?\s+)?(?:(?P<up2>increase|rise|gain|jump|growth|expansion)|(?P<down2>decrease|decline|drop|fall|contraction|reduction))s?"
    r"\s+of\s+(?:(?:nearly|almost|about|around|roughly|some|more than|over|just over|just under|under|less than)\s+)?$"
    # a signed figure in a list: "Kazakhstan (+$2.8 billion)", "Tajikistan (−$65 million)"
    r"|(?:^|[(\s])(?:(?P<up3>\+)|(?P<down3>[−-]))$",
    re.I,
)
#: a change list with its verb left out: "trade with Kazakhstan grew by $2.8 billion, with Kyrgyzstan by $2.9 billion
#: and with Turkmenistan by $57 million": "with <country> by" before a figure repeats the change before it
_GAPPED_CHANGE = re.compile(
    r"^[\s,;]*(?:(?:and|while|but|whereas)\s+)?(?:(?:trade|turnover)\s+)?with\s+(?:the\s+)?"
    r"(?P<party>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+by\s+$")
#: a rate list with its verb left out: "trade with Kazakhstan rose 9 percent, and with Uzbekistan by 4 percent",
#: "Kenya's trade grew 8% to $2 billion, and Ghana's by 5% to $1 billion", "exports to Chile rose 6%, imports from Chile
#: by 2%": the coordinated clause names only its own party (or its own flow) before "by" and the rate
_GAPPED_RATE = re.compile(
    # the first clause's period: "in 2024", "last year", "year on year", "over the five months", "in the first half"
    r"^(?:\s+(?:in\s+(?:19|20)\d\d|(?:last|this)\s+year|year[\s-]on[\s-]year|(?:in|over|during|for)\s+the\s+"
    r"(?:[\w-]+\s+){0,2}(?:months?|period|quarter|half|year)(?:\s+of\s+(?:the\s+year|(?:19|20)\d\d))?))?"
    r"[\s,;]*(?:(?:and|while|but|whereas)\s+)?(?:"
    r"(?:(?:trade|turnover)\s+)?with\s+(?:the\s+)?(?P<party>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
    r"|(?:the\s+)?(?P<poss>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})['’]s"
    r"|(?P<flow>exports?|imports?)\s+(?P<dir>to|from)\s+(?:the\s+)?(?P<fparty>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
    r")\s+by\s+$")
#: "$4.7 billion more than a year earlier", "$300 million lower than in 2023": a change, not a level
_CHANGE_MONEY_AFTER = re.compile(
    # "$12 million more than in September 2018", "around $2 billion higher in 2023 than in 2022", "... lower."
    # "$123 million, or 19.8%, more than in the same period": the change with its rate in apposition
    r"^(?:\s*,\s*or\s+(?:(?:about|around|nearly|almost|roughly|some|over|more\s+than|less\s+than)\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s+cent\b)\s*,)?"
    r"\s+(?:(?P<up>more|higher|up|above)|(?P<down>less|lower|down|below))"
    # "$300 million above the 2021 level": "above"/"below" before what the amount is compared with
    r"(?:(?:\s+(?:in|for|during|over)\s+[^,.;:()]{1,30}?)?\s+(?:than|on|from|compared|over|year)\b"
    r"|(?<=above|below)" + _COMPARED_AFTER + r")"
    r"|^\s+(?:(?P<up_end>higher)|(?P<down_end>lower))\s*(?:[.;]|$)",
    re.I,
)
#: a figure that is a goal or a forecast, not a statement of what was traded
_TARGET_BEFORE = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|target(?:s|ed|ing)?|goal|plan(?:s|ned|ning)?|seek(?:s|ing)?|intend(?:s|ed)?|hope(?:s|d)?|"
    r"expect(?:s|ed)?|forecast(?:s|ed)?|projected|projection|could|would|will|(?-i:may)(?!\s+\d)|might|potential|ambition|pledg\w*|"
    # a verb of wanting governs the figure as its object ("Uzbekistan wants $20 billion of trade") or an infinitive
    r"vow\w*|want(?:s|ed)?|(?:agreed|agree|strive|striving) to|set (?:a|the) (?:target|goal)|estimated to)\b",
    re.I,
)
_TARGET_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:by|until|in the coming|over the next|in the next)\s+(?:the\s+)?"
                           r"(?:end of\s+)?(?:(?:19|20)\d\d|years|decade|coming)", re.I)
#: a clause whose predicate, after the figure, says it could be reached, not that it was: "a turnover of $45 billion
#: is quite achievable", "$10 billion looks realistic", "$5 billion would be possible"
_TARGET_PREDICATE = re.compile(
    r"^[^.;:!?]{0,80}?\b(?:is|are|was|were|be|seems?|seemed|looks?|looked|remains?|appears?)\s+(?:\w+ly\s+|not\s+|"
    r"still\s+|quite\s+|very\s+|entirely\s+|well\s+|also\s+)*(?:achievable|attainable|realistic|feasible|possible|"
    r"reachable|doable|within\s+reach|in\s+sight|unrealistic|impossible|out\s+of\s+reach)\b", re.I)
_DIFF_BEFORE = re.compile(
    r"\b(?:gap|difference|discrepancy|shortfall|mismatch|divergence)\s+of\s+(?:(?:nearly|almost|about|around|roughly|"
    r"some|more than|over|just over|just under|under|less than)\s+)?$|\bdiffer(?:ed|s|ing)?\s+by\s+\S*\s*$",
    re.I,
)
_DIFF_AFTER = re.compile(r"^\s*(?:-\s*)?(?:gap|difference|discrepancy|shortfall|mismatch)\b", re.I)
#: an amount more or less than another statement of the same figure, not than another period: "$17.2 billion, roughly $1
#: billion more than the Chinese number", "$300 million below the figure the customs gave", "$2 billion higher than
#: Beijing's data". The compared phrase names a figure (number, figure, data, estimate, statistics ...) and no period
#: ("$1 billion more than the 2024 figure", "than a year earlier", "than last year's number" are changes over time)
_DIFF_THAN = re.compile(
    r"^\s+(?:more|less|higher|lower|above|below|greater|smaller)(?:\s+than)?\s+"
    r"(?P<cmp>(?:the|its|their|that|those|this|[A-Z][\w’'-]*(?:'s|’s)?)\s[^.;:!?()]{0,60}?"
    r"\b(?:numbers?|figures?|data|estimates?|statistics|tally|tallies|count|reading|calculations?|records?)\b)"
    r"(?:\s+(?:of|from|by|in|released|published|reported|given)\b[^.;:!?()]{0,40})?",
    re.I,
)
#: a period inside what an amount is compared with: then it is a change over time, never a difference of sources
_PERIOD_WORD = re.compile(r"\b(?:(?:19|20)\d\d|year|years|month|months|quarter|half|period|earlier|before|previous|"
                          r"prior|ago|last)\b|\b" + MON, re.I)


def difference_of_sources(after: str) -> bool:
    """Is the text right after an amount ("$1 billion| more than the Chinese number") a comparison with another
    statement of the same figure (a difference between sources) rather than with another period (a change)?"""
    m = _DIFF_THAN.match(after)
    return m is not None and _PERIOD_WORD.search(m.group(0)) is None
_SHARE_BEFORE = re.compile(
    r"\b(?:account(?:ed|ing|s)? for|made up|making up|makes up|represent(?:ed|ing|s)?|comprising|comprised|"
    r"share of|constitut\w+|amount(?:ed|ing|s)? to)\s+(?:(?:nearly|almost|about|around|roughly|some|more than|over|"
    r"just over|just under|under|less than)\s+)?$",
    re.I,
)
_SHARE_OF = re.compile(r"^\s+of\s+(?P<phrase>[^.;:!?]{1,120})")
#: a flow named by another noun in a share's whole: "30.9 percent of the country's purchases" (imports), "17% of the
#: goods the republic sold abroad", "of its sales abroad" (exports); not "purchases of gas" (a product)
_SHARE_FLOW_NOUN = re.compile(
    r"\b(?P<M>purchases(?!\s+of\b)(?:\s+(?:from\s+)?abroad)?)"
    r"|\b(?P<X>(?:sales|goods\s+(?:\w+\s+){0,3}sold)\s+abroad)\b", re.I)
#: a share's whole said as a free relative: "36.8 percent of what Mongolia bought abroad", "21.3% of everything the EU
#: imported from outside the bloc" (the relative's subject is the whole's country, its verb the flow)
_RELATIVE_WHOLE = re.compile(
    r"(?:what|everything|all\s+that)\s+(?:the\s+)?(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})\s+"
    r"(?:(?:has|had)\s+)?(?:(?P<M>bought|imported|purchased)|(?P<X>sold|exported))\b(?P<rest>[^,;()]*)")
_TRADE_WORDS = re.compile(r"\b(?:trade|trading|turnover|exports?|imports?|commerce|total)\b", re.I)
_CLAUSE_BREAK = re.compile(r";|\s+while\s+|\s+whereas\s+|,\s+but\s+|\s+although\s+|\s+though\s+|\s+—\s+|\s+-\s+")
#: "ALMATY, March 3, 2025 – ", "Beijing, Mar 8 (2019): ": the place and date an article was written
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:(?:19|20)\d\d|\((?:19|20)\d\d\))"
    r"\s*[–—:-]\s*")
_WORLD_HINT = re.compile(r"\b(?:foreign|external|global|world|worldwide)\s+(?:trade|turnover)\b", re.I)
_COMPOUND_SEP = re.compile(r"^\s*[-–—/]\s*$")
_STOP_FILLER = {
    "to", "from", "with", "and", "by", "was", "were", "is", "are", "has", "have", "had", "while", "but", "as",
    "in", "that", "which", "for", "at", "on", "show", "shows", "showed", "said", "says", "set", "reached",
}
#: a physical quantity a rate right after it trails ("18.3 million tonnes of gas ..., 11.2 percent more", "12.6 million
#: tonnes of goods to China, an increase of 35%")
_QUANTITY_BEFORE = re.compile(r"\d\s*(?:(?:thousand|million|billion|mln|bln)\s+)?(?:tonnes|tons|barrels|cubic\s+met(?:re|er)s"
                              r"|bcm|units|vehicles|head)\b[^$€£¥%;.]{0,70},\s*(?:(?:or|up|down|a|an)\s+)?"
                              r"(?:(?:year-on-year\s+)?(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall)\s+of\s+)?$",
                              re.I)
#: a physical quantity a rate leads to ("exports by rail grew 21 percent to 4.5 million tonnes"): the quantity's rate
_QUANTITY_AFTER = re.compile(r"\s*(?:to|at|reaching|totall?ing)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?"
                             r"\d[\d.,]*\s*(?:(?:thousand|million|billion|mln|bln)\s+)?(?:tonnes|tons|barrels|"
                             r"cubic\s+met(?:re|er)s|bcm|units|vehicles|head)\b", re.I)
#: an aside between a pair of dashes or in brackets ("$41 billion – 46% of the region's trade – and it was ...")
_ASIDE = re.compile(r"\s[–—]\s[^–—;]{1,120}?\s[–—](?=\s)|\s\([^()]{1,120}\)")
#: an attribution set off by commas between a level and its rate ("$240 billion in 2023, Chinese customs data showed on
#: Friday, an increase of 26.3 percent"): no part of the clause that ties the rate to the level
_ATTRIBUTION = re.compile(r",\s+[^,;$%]{0,60}?\b(?:said|says|showed|shows|reported|reports|announced|announces|"
                          r"published|indicated|indicates)\b[^,;$%]{0,30},(?=\s)", re.I)
