"""Figures as news prints them: money with scale and currency, percentages, fraction and
multiple words ("a fifth", "nearly quadrupled"), and counts.

Each figure keeps the text it was printed as, so its interval follows the printed precision
(:func:`mirrortrade.model.precision_of`): "$71.3 billion" -> 71.3e9 with precision 1e8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from mirrortrade.model import precision_of

_SCALE = r"trillion|trn|tn|billion|bln|bn|b|million|mln|mil|mn|m|thousand|k"
#: a decimal comma ("4,7 billion", "17,9 percent") is read only before a scale word or a percent sign, and only
#: with one or two digits after the comma ("1,496" stays one thousand four hundred and ninety-six), or after four or
#: more digits, which no thousands group can be ("$1861,702 million" is 1,861.702 million)
DEC_COMMA = (r"(?:\d+,\d{1,2}|\d{4,},\d+)(?![\d.])(?=[\s-]?(?:(?:" + _SCALE + r")(?![A-Za-z])|%|per\s?cent\b|pct\b|percentage\b))")
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|" + DEC_COMMA + r"|\d+(?:\.\d+)?"
SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "mil": 1e6,
    "thousand": 1e3, "k": 1e3,
}
_CUR_PRE = r"(?:U\.?S\.?\s?\$|USD\s?|\$)"
_CUR_POST = r"(?:(?:U\.?S\.?\s+|American\s+)?dollars?|USD|US\$)"
#: the letters of another dollar right before a "$" ("HK", "A", "C", "NT", "S", "NZ", "R", "MOP"): not US dollars
_OTHER_DOLLAR = re.compile(r"(?<![A-Za-z])(?!US$|U\.S\.$)[A-Z]{1,3}$")
_UNITS = (r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
#: a number written in words: "seventy-three", "twenty five", "one hundred and five", "two thousand"
SPELLED = (r"(?:(?:" + _UNITS + r")(?:[\s-]+(?:and[\s-]+)?(?:" + _UNITS + r"|hundred|thousand))*"
           r"|(?:a|one)\s+hundred(?:[\s-]+(?:and[\s-]+)?(?:" + _UNITS + r"))*)")


def spelled_value(words: str) -> float:
    """The value of a number written in words (``text2num``): "seventy-three" -> 73, "a hundred" -> 100."""
    from text_to_num import text2num

    w = re.sub(r"^a\s+", "one ", words.strip().lower()).replace("-", " ")
    if w == "half a":
        return 0.5
    return float(text2num(w, "en"))


MONEY_RE = re.compile(
    # $71.3 billion, US$ 1.2 bn, $10-million, $35mn, USD 1.2 billion, $1.2-1.5 billion
    r"(?P<pre>" + _CUR_PRE + r")\s?(?P<num>" + NUM + r")(?:\s?[-–]\s?(?P<num2>" + NUM + r"))?"
    r"(?:[\s-]?(?P<scale>" + _SCALE + r")(?![A-Za-z]))?(?:\s+" + _CUR_POST + r"(?![A-Za-z]))?"
    # 3,200 million dollars, 1.2 billion US dollars, 1.2 bn USD
    r"|(?<![\w.,$])(?P<num_b>" + NUM + r")[\s-]?(?P<scale_b>" + _SCALE + r")\s+(?:of\s+)?" + _CUR_POST + r"(?![A-Za-z])"
    # 500,000 dollars
    r"|(?<![\w.,$])(?P<num_c>" + NUM + r")\s+" + _CUR_POST + r"(?![A-Za-z])"
    # half a billion dollars, two billion dollars
    r"|\b(?P<word>half a|a|" + SPELLED + r")\s+(?P<scale_w>billion|million|trillion)\s+"
    + _CUR_POST + r"(?![A-Za-z])",
    re.IGNORECASE,
)

#: an amount written in two scales, as Russian and Central Asian releases print it: "3 billion 678 million dollars",
#: "$1 billion 402.8 million", "1 billion 80 million US dollars" (one figure, never its last part alone)
COMPOUND_RE = re.compile(
    r"(?:(?P<pre>" + _CUR_PRE + r")\s?)?(?<![\w.,])(?P<a>\d{1,3})\s+(?P<sa>trillion|billion)\s+(?:and\s+)?"
    r"(?P<b>\d{1,3}(?:[.,]\d+)?)\s+(?P<sb>billion|million|thousand)(?![A-Za-z])(?P<post>\s+(?:of\s+)?" + _CUR_POST +
    r"(?![A-Za-z]))?",
    re.IGNORECASE,
)

#: yuan amounts: "286.42 billion yuan", "CNY286.4 billion", "RMB 1.2 bn", "50 billion renminbi"
YUAN_RE = re.compile(
    r"(?<![A-Za-z])(?P<pre>CNY|RMB|¥)\s?(?P<num>" + NUM + r")(?:[\s-]?(?P<scale>" + _SCALE + r")(?![A-Za-z]))?"
    r"|(?<![\w.,$])(?P<num_b>" + NUM + r")[\s-]?(?:(?P<scale_b>" + _SCALE + r")\s+)?(?:of\s+)?"
    r"(?:yuan|renminbi|RMB|CNY)(?![A-Za-z])",
    re.IGNORECASE,
)
#: euro amounts, always with a scale word (a bare "EUR 99.59" is an exchange rate, not a trade value): "EUR 83 billion",
#: "€586bn", "EUR83bn", "245.4 billion euros", "12 bn EUR"
EURO_RE = re.compile(
    r"(?<![A-Za-z])(?P<pre>EUR|€)\s?(?P<num>" + NUM + r")[\s-]?(?P<scale>" + _SCALE + r")(?![A-Za-z])"
    r"|(?<![\w.,$€])(?P<num_b>" + NUM + r")[\s-]?(?P<scale_b>" + _SCALE + r")\s+(?:of\s+)?(?:euros?|EUR)(?![A-Za-z])",
    re.IGNORECASE,
)
#: the opening of a bracket right after an amount in dollars, before the same amount in other currencies:
#: "$709bn (€586bn, £511bn)" — the bracket restates the dollars, it states no figure of its own
_RESTATED_AFTER = re.compile(r"\s*\(\s*(?:[^()\d]{0,12}[\d.,]+\s*\w*\s*[,;]\s*)*(?:or\s+|about\s+|around\s+|some\s+)?$")
#: the dollar equivalent printed beside a yuan amount: "286.42 billion yuan (about 39.88 billion U.S. dollars)"
_EQUIV_GAP = re.compile(r"\s*[(,]\s*(?:or\s+|about\s+|around\s+|approximately\s+|roughly\s+|some\s+|nearly\s+|"
                        r"almost\s+|equivalent to\s+|worth\s+)*$", re.I)

PERCENT_RE = re.compile(
    r"(?P<num>[-+−]?(?:" + NUM + r")|\b" + SPELLED + r")(?:\s|-)?(?P<unit>%|per\s?cent\b|pct\b|percentage points?\b|pp\b)",
    re.IGNORECASE,
)

#: fraction words -> percent; printed loosely, so their precision is 20 % of the value (+/- 10 %)
FRACTIONS: dict[str, float] = {
    "half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0, "fifth": 20.0,
    "fifths": 20.0, "sixth": 100 / 6, "seventh": 100 / 7, "eighth": 12.5, "tenth": 10.0, "tenths": 10.0,
}
_FRAC_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9, "seven": 7}
FRACTION_RE = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|seven|nine)[\s-](?P<f>half|thirds?|quarters?|fifths?|sixth|seventh|eighth|tenths?)"
    r"|(?P<half>half))\b",
    re.IGNORECASE,
)

#: multiplicative change words -> ratio new/old
MULTIPLES: dict[str, float] = {
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "quadrupled": 4.0,
    "quadrupling": 4.0, "quintupled": 5.0, "halved": 0.5, "halving": 0.5,
}
MULTIPLE_RE = re.compile(
    r"\b(?:(?P<q>nearly|almost|more than|over|just over|roughly|about|close to|just under|less than)\s+)?"
    r"(?P<w>doubled|doubling|tripled|trebled|tripling|quadrupled|quadrupling|quintupled|halved|halving)\b"
    r"|\b(?:(?P<q2>nearly|almost|more than|over|roughly|about|close to|less than)\s+)?(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)"
    r"[\s-]?(?:fold|times)\b",
    re.IGNORECASE,
)

#: "more than double the previous year", "almost triple the year-earlier level": a multiple put as a comparison with the
#: year before (the adjective alone, "double-digit", "a double tax treaty", is none)
_MULTIPLE_OF_YEAR_RE = re.compile(
    r"\b(?:(?P<q>nearly|almost|more than|over|just over|roughly|about|close to|just under|less than)\s+)?"
    r"(?P<w>double|triple|quadruple|twice)\s+(?=(?:that\s+of\s+|the\s+(?:level|figure|total|value|amount)\s+(?:of|in)\s+)?"
    r"(?:the\s+)?(?:(?:previous|prior|preceding|last)\s+year\b|year-?earlier\b|(?:a\s+)?year\s+(?:earlier|before|ago)\b))",
    re.IGNORECASE,
)
_ADJ_MULTIPLES = {"double": 2.0, "twice": 2.0, "triple": 3.0, "quadruple": 4.0}

COUNT_RE = re.compile(r"(?<![\w.$,])(?P<num>" + NUM + r")(?![\w%]|\.\d|,\d)")


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    text: str
    value: float
    precision: float
    high: float | None = None  # for a printed range "$1.2-1.5 billion"
    scaled: bool = True  # printed with a scale word (billion, mn, ...)
    currency: str = "USD"  # "CNY", "EUR": ``value``/``precision``/``high`` are in that currency, converted for a period
    value_cny: float | None = None  # a yuan amount printed with its dollar equivalent (the Money is the dollars)
    cny_precision: float = 0.0  # the printed precision of ``value_cny`` (yuan)


@dataclass(frozen=True)
class Percent:
    start: int
    end: int
    text: str
    value: float
    precision: float
    points: bool = False  # percentage points
    word: bool = False  # a fraction word rather than digits


def plain(num: str) -> str:
    """A printed number as a plain decimal: a decimal comma ("4,7") becomes a point; thousands commas go."""
    num = num.replace("−", "-")
    if re.fullmatch(r"[-+]?\d+,\d{1,2}|[-+]?\d{4,},\d+", num):
        return num.replace(",", ".")
    return num.replace(",", "")


def to_float(num: str) -> float:
    return float(plain(num))


def scaled(num: str, scale: float) -> float:
    """``num`` times ``scale`` without binary rounding noise: "16.1" x 1e9 = 16_100_000_000.0."""
    return float(Decimal(plain(num)) * Decimal(repr(scale)))


_CLEAR_DEC_COMMA = re.compile(DEC_COMMA)


@lru_cache(maxsize=64)
def uses_decimal_comma(text: str) -> bool:
    """The text writes decimals with a comma: some amount or percentage has a comma and one or two digits
    ("$22,71 billion", "17,9 percent"), which no thousands separator can be."""
    return _CLEAR_DEC_COMMA.search(text) is not None


def _house_style(num: str, scale_word: str | None, decimal_comma: bool) -> str:
    """In a text that writes decimal commas, "$19,863 billion" is 19.863 billion (three decimals), not
    19,863 billion: a comma before a scale word is its decimal mark."""
    if decimal_comma and scale_word and re.fullmatch(r"\d{1,3},\d{3}", num):
        return num.replace(",", ".")
    return num


def find_money(text: str, *, yuan: bool = False, decimal_comma: bool = False) -> list[Money]:
    """Every US-dollar amount in ``text`` with its value and printed precision; with ``yuan``, yuan and euro amounts
    too (``currency="CNY"``, ``"EUR"``), and such an amount printed with its dollar equivalent is one figure: the
    dollars, spanning both, with the yuan in ``value_cny``; a euro amount in a bracket that restates the dollars
    before it ("$709bn (€586bn)") is no figure of its own. ``decimal_comma``: the text around writes decimal
    commas (:func:`uses_decimal_comma`), so "19,863 billion" is 19.863 billion."""
    usd = _find_usd(text, decimal_comma)
    if not yuan:
        return usd
    out: list[Money] = []
    taken: set[int] = set()
    found = [(m, "CNY") for m in YUAN_RE.finditer(text)] + [(m, "EUR") for m in EURO_RE.finditer(text)]
    for m, cur in sorted(found, key=lambda x: x[0].start()):
        if any(u.start <= m.start() < u.end for u in usd) or any(o.start <= m.start() < o.end for o in out):
            continue
        if cur == "EUR" and any(0 <= m.start() - u.end < 40 and _RESTATED_AFTER.fullmatch(text, u.end, m.start())
                                for u in usd):
            continue  # "$709bn (€586bn, £511bn)": the dollars restated
        num = m.group("num") or m.group("num_b")
        scale_word = m.group("scale") or m.group("scale_b")
        scale = SCALES[scale_word.lower()] if scale_word else 1.0
        num = _house_style(num, scale_word, decimal_comma)
        amount = scaled(num, scale)
        nxt = next((u for u in usd if u.start >= m.end()), None)
        if nxt is not None and nxt.start - m.end() < 40 and _EQUIV_GAP.fullmatch(text[m.end():nxt.start]):
            end = nxt.end + 1 if text[nxt.end:nxt.end + 1] == ")" else nxt.end
            out.append(Money(m.start(), end, text[m.start():end], nxt.value, nxt.precision, nxt.high, nxt.scaled,
                             "USD", amount if cur == "CNY" else None,
                             precision_of(plain(num), scale) if cur == "CNY" else 0.0))
            taken.add(nxt.start)
            continue
        out.append(Money(m.start(), m.end(), m.group(0), amount, precision_of(plain(num), scale), None,
                         bool(scale_word), cur))
    out.extend(u for u in usd if u.start not in taken)
    out.sort(key=lambda x: x.start)
    return out


def _compounds(text: str) -> list[Money]:
    """Amounts in two scales with a dollar sign or word (:data:`COMPOUND_RE`): the sum, as precise as its last part."""
    out = []
    for m in COMPOUND_RE.finditer(text):
        sa, sb = SCALES[m.group("sa").lower()], SCALES[m.group("sb").lower()]
        if not (m.group("pre") or m.group("post")) or sb >= sa or float(plain(m.group("b"))) * sb >= sa:
            continue
        value = float(Decimal(m.group("a")) * Decimal(repr(sa)) + Decimal(plain(m.group("b"))) * Decimal(repr(sb)))
        out.append(Money(m.start(), m.end(), m.group(0), value, precision_of(plain(m.group("b")), sb)))
    return out


def _find_usd(text: str, decimal_comma: bool = False) -> list[Money]:
    compounds = _compounds(text)
    out: list[Money] = list(compounds)
    for m in MONEY_RE.finditer(text):
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in compounds):
            continue
        if m.group("pre") == "$" and _OTHER_DOLLAR.search(text, 0, m.start()):
            continue  # "HK$828.8 billion", "A$12 billion", "NT$1.2 trillion": another country's dollars, not US
        if m.group("word"):
            w = m.group("word").lower()
            scale = SCALES[m.group("scale_w").lower()]
            v = spelled_value(w) * scale
            out.append(Money(m.start(), m.end(), m.group(0), v, scale if w != "half a" else scale / 10))
            continue
        num = m.group("num") or m.group("num_b") or m.group("num_c")
        scale_word = m.group("scale") or m.group("scale_b")
        scale = SCALES[scale_word.lower()] if scale_word else 1.0
        num = _house_style(num, scale_word, decimal_comma)
        value = scaled(num, scale)
        prec = precision_of(plain(num), scale)
        high = None
        if m.group("num2"):
            high = scaled(m.group("num2"), scale)
            if high < value:
                high = None
        out.append(Money(m.start(), m.end(), m.group(0), value, prec, high, scaled=bool(scale_word)))
    out.sort(key=lambda x: x.start)
    # "between $1.2 and $1.5 billion", "$1.2 to $1.5 billion": the first figure takes the scale of the second;
    # a range (not "from $1.2 to $1.5 billion", which is a change) becomes one figure
    merged: list[Money] = []
    for i, a in enumerate(out):
        b = out[i + 1] if i + 1 < len(out) else None
        if merged and merged[-1].end > a.start:
            continue  # taken into the range before
        joiner = text[a.end:b.start] if b else ""
        if b is not None and a.scaled and b.scaled and a.high is None and b.high is None and a.value < b.value \
                and re.fullmatch(r"\s*and\s*", joiner) and re.search(
                    r"(?<!difference )(?<!gap )\bbetween\s+$", text[max(0, a.start - 24):a.start], re.I):
            # "moved between $2 billion and $3 billion": one range, each end with its own scale
            merged.append(Money(a.start, b.end, text[a.start:b.end], a.value, min(a.precision, b.precision), b.value, True))
            continue
        if b is not None and not a.scaled and b.scaled and a.high is None and b.high is None and re.fullmatch(
            r"\s*(?:and|to|or|-|–)\s*", joiner
        ):
            m = MONEY_RE.match(text, a.start)
            num = m.group("num") if m else None
            if num:
                scale = _scale_of(b.text)
                lo = Money(a.start, a.end, a.text, scaled(num, scale), precision_of(plain(num), scale), None, True)
                before = text[max(0, a.start - 12):a.start].lower()
                is_range = "from" not in before and (joiner.strip() in ("-", "–", "or") or "between" in before
                                                      or joiner.strip() == "to")
                if is_range and lo.value < b.value:
                    merged.append(Money(a.start, b.end, text[a.start:b.end], lo.value, lo.precision, b.value, True))
                    continue
                merged.append(lo)
                continue
        merged.append(a)
    return merged


def _scale_of(text: str) -> float:
    m = re.search(r"(" + _SCALE + r")(?![A-Za-z])", text.replace("$", " "), re.I)
    return SCALES[m.group(1).lower()] if m else 1.0


def find_percents(text: str) -> list[Percent]:
    out: list[Percent] = []
    for m in PERCENT_RE.finditer(text):
        raw = m.group("num")
        if raw[:1].isalpha():
            v, prec = spelled_value(raw), 1.0
        else:
            v, prec = to_float(raw), precision_of(plain(raw))
        unit = m.group("unit").lower()
        out.append(Percent(m.start(), m.end(), m.group(0), v, prec, points=unit.startswith(("percentage", "pp"))))
    return out


def find_fractions(text: str) -> list[Percent]:
    """Fraction words as percentages: "a fifth" = 20 with precision 4 (so [18, 22])."""
    out: list[Percent] = []
    for m in FRACTION_RE.finditer(text):
        if m.group("half"):
            v = 50.0
        else:
            v = _FRAC_COUNT[m.group("n").lower()] * FRACTIONS[m.group("f").lower()]
            if m.group("n").lower() in ("two", "three", "four", "seven", "nine") and not m.group("f").lower().endswith("s"):
                # "two third" is not a fraction we trust
                continue
        out.append(Percent(m.start(), m.end(), m.group(0), v, 0.2 * v, word=True))
    return out


#: documented ratio ranges for multiplicative words (new / old)
def multiple_range(ratio: float, qualifier: str) -> tuple[float, float]:
    """Ratio range a multiplicative word allows.

    * plain ("doubled", "quadrupled", "3 times"): ratio +/- 5 %  -> doubled = [1.9, 2.1]
    * nearly / almost / close to / just under: [7/8 of N, N]     -> nearly quadrupled = [3.5, 4.0],
      nearly tripled = [2.625, 3.0], nearly doubled = [1.75, 2.0]
    * more than / over / just over: [N, +inf)                    -> more than doubled = [2.0, inf)
    * about / roughly: ratio +/- 10 %
    * less than: (0, N]
    For shrinking words (halved = 0.5) the same shares of N apply: nearly halved = [0.5, 0.5 * 8/7].
    """
    n = ratio
    if n < 1:
        if qualifier in ("near_upper",):
            return (n, n * 8 / 7)
        if qualifier == "lower":
            return (0.0, n)
    if qualifier == "near_upper":
        return (n * 7 / 8, n)
    if qualifier in ("lower", "near_lower"):
        return (n, float("inf")) if qualifier == "lower" else (n, n * 1.1)
    if qualifier == "approx":
        return (n * 0.9, n * 1.1)
    if qualifier == "upper":
        return (0.0, n)
    return (n * 0.95, n * 1.05)


_MULT_QUAL = {
    "nearly": "near_upper", "almost": "near_upper", "close to": "near_upper", "just under": "near_upper",
    "more than": "lower", "over": "lower", "just over": "near_lower", "roughly": "approx", "about": "approx",
    "less than": "upper",
}


@dataclass(frozen=True)
class Multiple:
    start: int
    end: int
    text: str
    ratio: float
    qualifier: str
    low: float
    high: float


def find_multiples(text: str) -> list[Multiple]:
    out: list[Multiple] = []
    for m in MULTIPLE_RE.finditer(text):
        if m.group("w"):
            ratio = MULTIPLES[m.group("w").lower()]
            q = _MULT_QUAL.get((m.group("q") or "").lower(), "exact")
        else:
            n = m.group("n").lower()
            ratio = spelled_value(n) if n[:1].isalpha() else to_float(n)
            q = _MULT_QUAL.get((m.group("q2") or "").lower(), "exact")
        lo, hi = multiple_range(ratio, q)
        out.append(Multiple(m.start(), m.end(), m.group(0), ratio, q, lo, hi))
    for m in _MULTIPLE_OF_YEAR_RE.finditer(text):
        ratio = _ADJ_MULTIPLES[m.group("w").lower()]
        q = _MULT_QUAL.get((m.group("q") or "").lower(), "exact")
        lo, hi = multiple_range(ratio, q)
        out.append(Multiple(m.start(), m.end(), m.group(0).rstrip(), ratio, q, lo, hi))
    out.sort(key=lambda x: x.start)
    return out


#: a multiple that is a fall: a verb of falling before it ("fell 4.1-fold", "decreased by 2 times", "was down 2.9
#: times") or a noun or comparative of falling after it ("a 4.1-fold drop", "three times lower")
_FALL_BEFORE = re.compile(
    r"\b(?:fell|fall(?:s|ing)?|dropped|drop(?:s|ping)?|declined|declin(?:es|ing)|decreased|decreas(?:es|ing)|shrank|"
    r"shrunk|shrink(?:s|ing)?|contracted|contract(?:s|ing)|plunged|plummeted|slumped|collapsed|tumbled|sank|slid|"
    r"reduced|cut|down|lower)\s+(?:by\s+)?(?:(?:a|an|some|about|around|roughly|nearly|almost|over|more\s+than|"
    r"close\s+to|just\s+over|just\s+under|less\s+than)\s+)?$", re.I)
_FALL_AFTER = re.compile(
    r"^\s+(?:(?:drop|fall|decline|decrease|reduction|contraction|slump|plunge|cut|collapse)s?|lower|less|smaller|fewer)\b",
    re.I)


def multiple_rate(mu: Multiple, text: str) -> tuple[float, float, float]:
    """The rate of change (percent) a multiple states, with its bounds: a rise to N times is (N - 1) x 100 ("grew
    threefold": +200%); a fall of N times is a fall to 1/N of the level before ("fell 4.1-fold", "a 4.1-fold drop":
    (1/4.1 - 1) x 100 = -75.6%), never a rise."""
    if mu.ratio > 1 and (_FALL_BEFORE.search(text, max(0, mu.start - 40), mu.start)
                         or _FALL_AFTER.match(text[mu.end:mu.end + 20])):
        return (1 / mu.ratio - 1) * 100, (1 / mu.high - 1) * 100, (1 / mu.low - 1) * 100
    return (mu.ratio - 1) * 100, (mu.low - 1) * 100, (mu.high - 1) * 100


_SPELLED_RE = re.compile(r"\b(?:" + SPELLED + r")\b", re.I)


def find_counts(text: str) -> list[tuple[int, int, str, float, float]]:
    """Plain numbers (counts): (start, end, text, value, precision). Numbers written in words count
    from ten up ("seventy-three scholarships"); "one", "two" are too often no count."""
    out = []
    for m in COUNT_RE.finditer(text):
        num = m.group("num")
        out.append((m.start(), m.end(), num, to_float(num), precision_of(num)))
    for m in _SPELLED_RE.finditer(text):
        try:
            v = spelled_value(m.group(0))
        except ValueError:
            continue
        if v >= 10:
            out.append((m.start(), m.end(), m.group(0), v, 1.0))
    out.sort()
    return out
