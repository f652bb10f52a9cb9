"""Relative statements ("nearly quadrupled", "more than doubled", "grew by nearly 50 percent", "a fifth of")
checked against two levels with interval arithmetic.

Words map to ranges of the ratio new/old (or of a share), documented here and in the README:

============================  =======================================================
words                          ratio new / old
============================  =======================================================
"doubled" (N = 2)              [0.95·N, 1.05·N]; tripled N = 3, quadrupled 4, quintupled 5
"nearly/almost N-fold"         [0.875·N, N]            ("nearly quadrupled" = [3.5, 4.0])
"more than N-fold"             (N, ∞)
"grew by P percent"            1 + P/100, P within the rounding of its last digit
"grew by nearly/almost P %"    [1 + 0.9·P/100, 1 + P/100]
"grew by more than P %"        (1 + P/100, ∞)
"fell by P percent"            1 − P/100 (same qualifiers)
"a half/third/quarter/fifth"   share within ±10% of the fraction (relative); "more than a fifth" > 0.2
============================  =======================================================

A statement is consistent when the ratio interval allowed by the two published levels (each an interval
from its printed precision) overlaps the range its words allow.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "quintupled": 5, "sextupled": 6}
FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fourth": 1 / 4, "fifth": 1 / 5, "sixth": 1 / 6,
             "tenth": 1 / 10}

_RE_MULTIPLE = re.compile(
    r"\b(?P<q>nearly|almost|close to|roughly|about|more than|over|just over|less than|under)?\s*"
    r"(?P<w>doubled|tripled|trebled|quadrupled|quintupled|sextupled)\b", re.I)
_RE_PERCENT = re.compile(
    r"\b(?P<dir>grew|rose|increased|climbed|jumped|surged|up|fell|declined|dropped|decreased|shrank|down)"
    r"(?:\s+by)?\s+(?P<q>nearly|almost|close to|roughly|about|more than|over|just over|less than|under)?\s*"
    r"(?P<p>\d+(?:\.\d+)?)\s*(?:percent|per cent|%)", re.I)
_RE_FRACTION = re.compile(
    r"\b(?P<q>nearly|almost|roughly|about|more than|over|less than|under)?\s*(?:a|one)\s+"
    r"(?P<w>half|third|quarter|fourth|fifth|sixth|tenth)\b", re.I)

_NEAR = ("nearly", "almost", "close to")
_ABOUT = ("roughly", "about")
_MORE = ("more than", "over", "just over")
_LESS = ("less than", "under")


@dataclass(frozen=True)
class RelativeStatement:
    """A relative statement found in a sentence and the ratio range its words allow."""

    words: str
    kind: str  # "multiple" | "growth" | "share"
    low: float
    high: float
    doc: str = field(default="", compare=False)


def _qualified(q: str | None, base: float, *, tol: float) -> tuple[float, float, str]:
    """The ratio range of "N-fold" words: nearly = [0.875·N, N], about = ±2·tol, exact = ±tol."""
    q = (q or "").lower()
    if q in _NEAR:
        return base * 0.875, base, "nearly"
    if q in _ABOUT:
        return base * (1 - 2 * tol), base * (1 + 2 * tol), "about"
    if q in _MORE:
        return base, math.inf, "more than"
    if q in _LESS:
        return 0.0, base, "less than"
    return base * (1 - tol), base * (1 + tol), "exact"


def parse_relative(sentence: str) -> list[RelativeStatement]:
    """Every relative statement in a sentence, with the ratio range its words allow."""
    out: list[RelativeStatement] = []
    for m in _RE_MULTIPLE.finditer(sentence):
        n = MULTIPLES[m["w"].lower()]
        lo, hi, how = _qualified(m["q"], float(n), tol=0.05)
        out.append(RelativeStatement(m.group(0).strip(), "multiple", lo, hi, f"{how} ×{n}"))
    for m in _RE_PERCENT.finditer(sentence):
        p = float(m["p"])
        decimals = len(m["p"].split(".")[1]) if "." in m["p"] else 0
        half = 0.5 * 10 ** (-decimals)
        down = m["dir"].lower() in ("fell", "declined", "dropped", "decreased", "shrank", "down")
        q = (m["q"] or "").lower()
        if q in _NEAR:
            plo, phi = 0.9 * p, p + half
        elif q in _ABOUT:
            plo, phi = 0.9 * p, 1.1 * p
        elif q in _MORE:
            plo, phi = p, math.inf
        elif q in _LESS:
            plo, phi = 0.0, p
        else:
            plo, phi = p - half, p + half
        if down:
            lo, hi = 1 - min(phi, 100) / 100, 1 - plo / 100
        else:
            lo, hi = 1 + plo / 100, 1 + phi / 100
        out.append(RelativeStatement(m.group(0).strip(), "growth", lo, hi, f"ratio in [{lo:.3f}, {hi:.3f}]"))
    for m in _RE_FRACTION.finditer(sentence):
        f = FRACTIONS[m["w"].lower()]
        q = (m["q"] or "").lower()
        if q in _MORE:
            lo, hi = f, 1.0
        elif q in _LESS:
            lo, hi = 0.0, f
        elif q in _NEAR:
            lo, hi = 0.9 * f, f
        else:
            lo, hi = 0.9 * f, 1.1 * f
        out.append(RelativeStatement(m.group(0).strip(), "share", lo, hi, f"share in [{lo:.3f}, {hi:.3f}]"))
    return out


def ratio_interval(new: tuple[float, float], old: tuple[float, float]) -> tuple[float, float]:
    """[min new/old, max new/old] over the two intervals (positive levels)."""
    nlo, nhi = new
    olo, ohi = old
    lo = nlo / ohi if ohi > 0 else math.inf
    hi = nhi / olo if olo > 0 else math.inf
    return lo, hi


@dataclass(frozen=True)
class RelativeCheck:
    statement: RelativeStatement
    ratio_low: float
    ratio_high: float
    consistent: bool

    def message(self, what: str) -> str:
        verdict = "consistent" if self.consistent else "NOT consistent"
        rng = f"[{self.statement.low:.3f}, {'∞' if math.isinf(self.statement.high) else f'{self.statement.high:.3f}'}]"
        return (f"{what}: “{self.statement.words}” allows a ratio in {rng}; the two levels give "
                f"{self.ratio_low:.3f}–{self.ratio_high:.3f}: {verdict}.")


def check_relative(statement: RelativeStatement, new: tuple[float, float], old: tuple[float, float]) -> RelativeCheck:
    """Does the ratio of two levels (intervals) fit what the words allow?"""
    lo, hi = ratio_interval(new, old)
    ok = lo <= statement.high and statement.low <= hi
    return RelativeCheck(statement, lo, hi, ok)


_RE_LARGEST = re.compile(r"\b(?:the\s+)?(?P<w>largest|biggest|top|leading)\s+(?:[\w-]+\s+){0,2}(?:trade|trading)\s+partner", re.I)


def says_largest(sentence: str) -> bool:
    """Does the sentence call something the largest/biggest/top trade partner?"""
    return bool(_RE_LARGEST.search(sentence))


def check_largest(candidate: tuple[float, float], others: dict[str, tuple[float, float]]) -> tuple[bool, list[str]]:
    """Is ``candidate`` larger than each of ``others`` for every reading of the rounding intervals?

    Returns (consistent, the names of the others that could be as large or larger)."""
    rivals = [k for k, (lo, hi) in others.items() if hi >= candidate[0]]
    return (not rivals, rivals)
