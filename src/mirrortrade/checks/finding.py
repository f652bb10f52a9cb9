"""The finding record every rule returns, the rule descriptor, and plain-number formatting."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high")
STATUSES: tuple[str, ...] = ("consistent", "conflict", "implausible", "notable")
#: a finding is a problem (listed by ``mirrortrade flags`` by default) unless it is info
PROBLEM_SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


@dataclass
class Finding:
    """One result of one rule for one reporter/partner/flow/period.

    ``message`` is a plain sentence with the numbers; ``evidence`` holds the arithmetic
    (intervals, ratios, slack, the band used and where it came from); ``figure_ids`` are the
    store figures it rests on. ``id`` is a stable hash of rule, key and figure ids.
    """

    rule: str
    severity: str
    status: str
    reporter: str
    partner: str
    flow: str
    period: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    figure_ids: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity {self.severity!r} not in {SEVERITIES}")
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} not in {STATUSES}")
        self.figure_ids = list(dict.fromkeys(str(f) for f in self.figure_ids if f))
        self.evidence = _jsonable(self.evidence)
        if not self.id:
            key = "|".join([self.rule, self.reporter, self.partner, self.flow, self.period,
                            str(self.evidence.get("key", "")), *sorted(self.figure_ids)])
            self.id = hashlib.md5(key.encode()).hexdigest()[:16]

    @property
    def is_problem(self) -> bool:
        return self.severity in PROBLEM_SEVERITIES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Rule:
    """A rule: id, default severity, message template, what it checks, and its function."""

    id: str
    severity: str
    template: str
    description: str
    check: Callable[..., list[Finding]]


def severity_rank(s: str) -> int:
    return SEVERITIES.index(s)


def _jsonable(x: Any) -> Any:
    """Evidence as plain JSON: floats stay floats, ∞ becomes None, tuples become lists."""
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str | int):
        return x
    if isinstance(x, float):
        return None if math.isinf(x) or math.isnan(x) else x
    if hasattr(x, "item"):  # numpy scalar
        return _jsonable(x.item())
    return json.loads(json.dumps(x, default=str))


# ---- plain formatting (checks sit before report/ in the data flow, so they format their own) ----

_QUAL_WORDS = {
    "exact": "", "approx": "about ", "upper": "under ", "lower": "more than ",
    "near_upper": "just under ", "near_lower": "just over ",
}


def money(value: float | None, qualifier: str = "exact", digits: int | None = None) -> str:
    """22e9 → '$22.0bn'; 5.6e8 → '$560M'; with the published qualifier's words.

    ``digits`` fixes the decimals (of bn or M); by default 1 for bn and 0 for M."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if math.isinf(value):
        return "unbounded"
    sign = "-" if value < 0 else ""
    v = abs(value)
    if v >= 1e9:
        body = f"{v / 1e9:.{1 if digits is None else max(digits, 1)}f}bn"
    elif v >= 1e6:
        body = f"{v / 1e6:.{0 if digits is None else digits}f}M"
    elif v >= 1e3:
        body = f"{v / 1e3:.0f}k"
    else:
        body = f"{v:.0f}"
    return f"{_QUAL_WORDS.get(qualifier, '')}{sign}${body}"


def money_range(iv: tuple[float, float]) -> str:
    """'$48.15bn–$49.25bn': bounds that interval arithmetic gives exactly are written exactly (at most
    3 decimals); others with as many decimals as it takes to tell the ends apart."""
    lo, hi = iv
    if math.isnan(lo) or math.isnan(hi):
        return "—"
    if math.isinf(hi):
        return UNBOUNDED if lo <= 0 else f"at least {money_exact(lo)}"
    if lo <= 0:
        return f"at most {money_exact(hi)}"
    if _exact_digits(lo) is not None and _exact_digits(hi) is not None:
        return f"{money_exact(lo)}–{money_exact(hi)}"
    for d in (None, 2, 3):
        a, b = money(lo, digits=d), money(hi, digits=d)
        if a != b:
            return f"{a}–{b}"
    return f"{money(lo, digits=3)}–{money(hi, digits=3)}"


def _unit(value: float) -> float:
    v = abs(value)
    return 1e9 if v >= 1e9 else (1e6 if v >= 1e6 else (1e3 if v >= 1e3 else 1.0))


def _exact_digits(value: float) -> int | None:
    if math.isinf(value) or math.isnan(value):
        return None
    x = abs(value) / _unit(value)
    for d in range(0, 4):
        if abs(round(x, d) - x) < 1e-9 * max(1.0, x):
            return d
    return None


def money_exact(value: float) -> str:
    """A bound as interval arithmetic gives it: 71.25e9 → '$71.25bn' (≤ 3 decimals, else rounded)."""
    d = _exact_digits(value)
    if d is None:
        return money(value, digits=3)
    base = 1 if abs(value) >= 1e9 else 0
    return money(value, digits=max(d, base))


#: how every view writes an interval end that has no bound ("more than $22bn" has no upper end)
UNBOUNDED = "unbounded"


def pct(x: float | None, digits: int = 0, *, signed: bool = False) -> str:
    """A percentage for people: 61.2 → '61%'; '—' when missing, 'unbounded' when infinite."""
    if x is None or math.isnan(x):
        return "—"
    if math.isinf(x):
        return UNBOUNDED
    return f"{x:+.{digits}f}%" if signed else f"{x:.{digits}f}%"


def pct_range(lo: float | None, hi: float | None, digits: int = 0, *, signed: bool = False) -> str:
    """An interval of percentages: (60.2, 64.4) → '60%–64%' (one figure when both ends print the same);
    an open end is said in words: 'at least 100%', 'at most 5%', 'unbounded'. Never 'inf' or 'nan'."""
    lo = -math.inf if lo is None else lo
    hi = math.inf if hi is None else hi
    if math.isnan(lo) or math.isnan(hi):
        return "—"
    if math.isinf(lo) and math.isinf(hi):
        return UNBOUNDED
    if math.isinf(hi):
        return f"at least {pct(lo, digits, signed=signed)}"
    if math.isinf(lo):
        return f"at most {pct(hi, digits, signed=signed)}"
    a, b = pct(lo, digits, signed=signed), pct(hi, digits, signed=signed)
    return a if a == b else (f"{a} to {b}" if signed else f"{a}–{b}")


def share_range(lo: float | None, hi: float | None, digits: int = 0) -> str:
    """Ratios as percentages: (0.6, 0.644) → '60%–64%'; (1.0, ∞) → 'at least 100%'."""
    return pct_range(None if lo is None else 100 * lo, None if hi is None else 100 * hi, digits)


def number(x: float | None, max_decimals: int = 4, *, signed: bool = False) -> str:
    """A plain decimal as printed ('14', '-5.6', '0.0001'), never in exponent notation; '—' when missing,
    'unbounded' when infinite."""
    if x is None or math.isnan(x):
        return "—"
    if math.isinf(x):
        return UNBOUNDED
    t = f"{x:.{max_decimals}f}".rstrip("0").rstrip(".")
    t = "0" if t in ("-0", "") else t
    return f"+{t}" if signed and not t.startswith("-") and t != "0" else t


def gap_text(a: float | None, b: float | None, a_name: str, b_name: str) -> str:
    """The one notation for a gap between two reporters' figures in every view: ``A − B`` with its sign, and the
    percent of A's figure (the first named is always the base): 'CHN − TJK = +$1.4bn (+38% of CHN's)'.
    A missing figure gives '—'; a zero or unbounded base leaves the percent out."""
    if a is None or b is None or math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
        return "—"
    d = a - b
    dollars = ("+" if d > 0 else "") + money(d)
    rel = f" ({pct(100 * d / a, signed=True)} of {a_name}'s)" if a > 0 else ""
    return f"{a_name} − {b_name} = {dollars}{rel}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 figure', '2 figures' (``many`` for irregular plurals)."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
