"""Canonical records and vocabulary: one place for flows, sources, periods, codes and intervals.

Everything else in mirrortrade speaks in these terms:

* reporter / partner as ISO3 (``WLD`` = world, ``CA5`` = the five Central Asian states together),
  flow from the reporter's view as UN Comtrade does (``X`` export, ``M`` import, ``RX``/``RM``
  re-export/re-import, ``T`` turnover = X + M, ``B`` balance = X - M);
* :class:`Period` for years, halves, quarters, months and cumulative year-to-date spans;
* a published figure is an interval: "$71.3 billion" is [71.25e9, 71.35e9] (:func:`value_interval`).
"""

from __future__ import annotations

import calendar
import hashlib
import math
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from mirrortrade.errors import CodeError, ParseError, PeriodError

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

FLOWS: dict[str, str] = {
    "X": "export",
    "M": "import",
    "RX": "re-export",
    "RM": "re-import",
    "T": "turnover (X + M)",
    "B": "balance (X - M)",
}

VALUATIONS = ("FOB", "CIF", "UNKNOWN")

#: qualifier -> what the published words mean
QUALIFIERS: dict[str, str] = {
    "exact": "as printed, within rounding of the last digit",
    "approx": "about / roughly / around: within APPROX_TOLERANCE either side",
    "upper": "under / less than / below: an upper bound",
    "lower": "over / more than / above: a lower bound",
    "near_upper": "almost / nearly / just under: below the figure, within APPROX_TOLERANCE",
    "near_lower": "just over / topping: above the figure, within APPROX_TOLERANCE",
}
APPROX_TOLERANCE = 0.05

SOURCES: dict[str, str] = {
    "CN-GACC": "General Administration of Customs of the People's Republic of China",
    "KZ-BNS": "Bureau of National Statistics of Kazakhstan",
    "KG-NSC": "National Statistical Committee of the Kyrgyz Republic",
    "KG-GOV": "Government of the Kyrgyz Republic",
    "UZ-STAT": "National Statistics Committee / statistics agency of Uzbekistan",
    "TJ-CUSTOMS": "Customs Service of Tajikistan",
    "TM-GOV": "Government of Turkmenistan",
    "UN-COMTRADE": "UN Comtrade",
    "IMF-IMTS": "IMF International Trade in Goods by partner (IMTS)",
    "WB-WDI": "World Bank World Development Indicators",
    "WITS": "World Bank WITS (UN Comtrade extract)",
    "PRESS": "press report without a named statistical source",
    "USER": "a file ingested by the user",
    "SYNTH": "mirrortrade synthetic world",
}

#: ISO3 codes of the five Central Asian states (M49 sub-region "Central Asia")
CENTRAL_ASIA: tuple[str, ...] = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

#: codes that are not countries but are valid partners
AGGREGATES: dict[str, str] = {
    "WLD": "World",
    "CA5": "Central Asia (KAZ, KGZ, TJK, TKM, UZB)",
    "EUU": "European Union",
}

#: members of each aggregate we can sum over (regional total = sum of its countries)
AGGREGATE_MEMBERS: dict[str, tuple[str, ...]] = {"CA5": CENTRAL_ASIA}

NAMES: dict[str, str] = {
    "CHN": "China",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "UZB": "Uzbekistan",
    "RUS": "Russia",
    **AGGREGATES,
}


@lru_cache(maxsize=1)
def _iso3_codes() -> frozenset[str]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    # Kosovo has no ISO code but is a trade partner in Comtrade and the IMF lists
    codes |= {"XKX"}
    return frozenset(codes)


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 country code."""
    return code in _iso3_codes()


def check_code(code: object, *, field_name: str = "code", allow_aggregate: bool = True) -> str:
    """Validate a reporter/partner code and return it upper-cased, or raise :class:`CodeError`."""
    if not isinstance(code, str) or not code.strip():
        raise CodeError(f"empty {field_name}", column=field_name)
    c = code.strip().upper()
    if c.isdigit():
        raise CodeError(
            f"{field_name} {code!r} is a numeric code; ISO3 alpha codes are expected "
            "(Comtrade numeric codes are mapped by the Comtrade source)",
            column=field_name,
        )
    if is_country(c) or (allow_aggregate and c in AGGREGATES):
        return c
    raise CodeError(f"unknown {field_name} {code!r} (expected ISO3, e.g. CHN, KAZ)", column=field_name)


def country_name(code: str) -> str:
    """A short English name for an ISO3 code (falls back to the code)."""
    if code in NAMES:
        return NAMES[code]
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or (c.name if c else code)


def check_flow(flow: object) -> str:
    f = str(flow).strip().upper() if flow is not None else ""
    if f not in FLOWS:
        raise CodeError(f"unknown flow {flow!r} (expected one of {', '.join(FLOWS)})", column="flow")
    return f


def check_source(source_id: object) -> str:
    s = str(source_id).strip().upper() if source_id is not None else ""
    if not re.fullmatch(r"[A-Z]{2,}(-[A-Z0-9]+)*", s):
        raise CodeError(f"bad source id {source_id!r} (expected e.g. CN-GACC, UN-COMTRADE)", column="source_id")
    return s


# --------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------

_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_HALF = re.compile(r"^(\d{4})-H(\d)$")
_RE_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_CUM = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A span of whole calendar months: ``2025``, ``2025-H1``, ``2025-Q1``, ``2025-03``,
    or a cumulative span ``2024-01/2024-11`` (January–November).

    Spans that coincide with a year, half or quarter are normalised to that kind, so
    ``Period.parse("2025-01/2025-12") == Period.parse("2025")``.
    """

    year: int
    start_month: int
    end_year: int
    end_month: int

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def parse(cls, text: object) -> Period:
        if isinstance(text, Period):
            return text
        if isinstance(text, int) and not isinstance(text, bool):
            text = str(text)
        if isinstance(text, float) and text.is_integer():
            text = str(int(text))
        if not isinstance(text, str):
            raise PeriodError(f"period {text!r} is not a string", column="period")
        s = text.strip().upper()
        if m := _RE_YEAR.match(s):
            return cls._make(int(m[1]), 1, int(m[1]), 12, text)
        if m := _RE_HALF.match(s):
            h = int(m[2])
            if h not in (1, 2):
                raise PeriodError(f"period {text!r}: half must be H1 or H2", column="period")
            return cls._make(int(m[1]), 6 * h - 5, int(m[1]), 6 * h, text)
        if m := _RE_QUARTER.match(s):
            q = int(m[2])
            if not 1 <= q <= 4:
                raise PeriodError(f"period {text!r}: quarter must be Q1..Q4", column="period")
            return cls._make(int(m[1]), 3 * q - 2, int(m[1]), 3 * q, text)
        if m := _RE_MONTH.match(s):
            return cls._make(int(m[1]), int(m[2]), int(m[1]), int(m[2]), text)
        if m := _RE_CUM.match(s):
            return cls._make(int(m[1]), int(m[2]), int(m[3]), int(m[4]), text)
        raise PeriodError(
            f"period {text!r} not understood (expected 2025, 2025-H1, 2025-Q1, 2025-03 or 2025-01/2025-11)",
            column="period",
        )

    @classmethod
    def _make(cls, y: int, m1: int, y2: int, m2: int, text: str) -> Period:
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            raise PeriodError(f"period {text!r}: month out of range 01..12", column="period")
        if not (1900 <= y <= 2100 and 1900 <= y2 <= 2100):
            raise PeriodError(f"period {text!r}: year out of range", column="period")
        if (y2, m2) < (y, m1):
            raise PeriodError(f"period {text!r}: ends before it starts", column="period")
        if y2 != y:
            raise PeriodError(f"period {text!r}: a cumulative span must lie within one year", column="period")
        return cls(y, m1, y2, m2)

    @classmethod
    def year_of(cls, year: int) -> Period:
        return cls(year, 1, year, 12)

    # ---- properties ---------------------------------------------------------------------
    @property
    def kind(self) -> str:
        m1, m2 = self.start_month, self.end_month
        if (m1, m2) == (1, 12):
            return "year"
        if (m1, m2) in ((1, 6), (7, 12)):
            return "half"
        if m2 - m1 == 2 and m1 % 3 == 1:
            return "quarter"
        if m1 == m2:
            return "month"
        return "cumulative"

    @property
    def n_months(self) -> int:
        return self.end_month - self.start_month + 1

    @property
    def is_full_year(self) -> bool:
        return self.kind == "year"

    @property
    def start(self) -> date:
        return date(self.year, self.start_month, 1)

    @property
    def end(self) -> date:
        return date(self.end_year, self.end_month, calendar.monthrange(self.end_year, self.end_month)[1])

    def __str__(self) -> str:
        k = self.kind
        if k == "year":
            return f"{self.year}"
        if k == "half":
            return f"{self.year}-H{(self.start_month + 5) // 6}"
        if k == "quarter":
            return f"{self.year}-Q{(self.start_month + 2) // 3}"
        if k == "month":
            return f"{self.year}-{self.start_month:02d}"
        return f"{self.year}-{self.start_month:02d}/{self.end_year}-{self.end_month:02d}"

    def label(self) -> str:
        """Human label: "2025", "H1 2025", "Q3 2022", "March 2025", "Jan–Nov 2024"."""
        k = self.kind
        if k == "year":
            return str(self.year)
        if k == "half":
            return f"H{(self.start_month + 5) // 6} {self.year}"
        if k == "quarter":
            return f"Q{(self.start_month + 2) // 3} {self.year}"
        if k == "month":
            return f"{calendar.month_name[self.start_month]} {self.year}"
        return f"{calendar.month_abbr[self.start_month]}–{calendar.month_abbr[self.end_month]} {self.year}"

    # ---- comparison rules ---------------------------------------------------------------
    def comparable(self, other: Period) -> bool:
        """Same calendar months (possibly of another year): a fair level or growth comparison.

        2025 vs 2024: yes. 2025-H1 vs 2024-H1: yes. 2024-01/2024-11 vs 2024: no (11 months vs 12).
        2025-Q1 vs 2025-03: no.
        """
        return (self.start_month, self.end_month) == (other.start_month, other.end_month)

    def same_span_previous_year(self) -> Period:
        return Period(self.year - 1, self.start_month, self.end_year - 1, self.end_month)

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def check_period(text: object) -> str:
    """Validate and return the canonical period string."""
    return str(Period.parse(text))


# --------------------------------------------------------------------------------------------
# Published precision and qualifiers -> intervals
# --------------------------------------------------------------------------------------------


def precision_of(text: str, scale: float = 1.0) -> float:
    """The unit of the last printed digit of a number as written, times ``scale``.

    ``precision_of("71.3", 1e9) == 1e8``; ``precision_of("560", 1e6) == 1e6``;
    ``precision_of("22", 1e9) == 1e9``; ``precision_of("9,252") == 1``.
    """
    t = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
        raise ParseError(f"{text!r} is not a plain number")
    decimals = len(t.split(".", 1)[1]) if "." in t else 0
    return scale * 10.0 ** (-decimals)


def value_interval(value: float, precision: float = 0.0, qualifier: str = "exact") -> tuple[float, float]:
    """The closed interval of true values a published figure allows.

    ``precision`` is the unit of the last printed digit (1e8 for "$71.3 billion"); rounding
    gives +/- half of it. Qualifiers widen or bound the interval (see :data:`QUALIFIERS`).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (math.nan, math.nan)
    half = abs(precision) / 2.0
    tol = abs(value) * APPROX_TOLERANCE
    if qualifier == "exact":
        return (value - half, value + half)
    if qualifier == "approx":
        return (value - tol - half, value + tol + half)
    if qualifier == "upper":
        return (0.0 if value >= 0 else -math.inf, value)
    if qualifier == "lower":
        return (value, math.inf)
    if qualifier == "near_upper":
        return (value - tol - half, value)
    if qualifier == "near_lower":
        return (value, value + tol + half)
    raise CodeError(f"unknown qualifier {qualifier!r} (expected one of {', '.join(QUALIFIERS)})", column="qualifier")


def check_qualifier(q: object) -> str:
    s = str(q).strip().lower() if q is not None and q == q else "exact"
    if s in ("", "none", "nan"):
        return "exact"
    if s not in QUALIFIERS:
        raise CodeError(f"unknown qualifier {q!r} (expected one of {', '.join(QUALIFIERS)})", column="qualifier")
    return s


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


def user_path(env: str, kind: str, name: str) -> Path:
    """``$env`` if set, else ``name`` in the user's ``kind`` ("data" or "cache") dir for mirrortrade."""
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser()
    import platformdirs

    base = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(base("mirrortrade", appauthor=False)) / name


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Citation:
    """Where a figure was published: publisher, title, date, URL and the quoted sentence."""

    publisher: str = ""
    title: str = ""
    date: str = ""  # ISO date of publication when known
    url: str = ""
    quote: str = ""

    def short(self) -> str:
        bits = [b for b in (self.publisher, self.title, self.date) if b]
        return ", ".join(bits) or "(no citation)"


@dataclass(frozen=True)
class Observation:
    """One published trade figure, as published, with its provenance.

    ``key_id`` identifies *what* is measured by *which* publication (source + citation +
    reporter/partner/flow/period/product); ``figure_id`` identifies this value of it. The
    same key with a different value is a new vintage, never an overwrite.
    """

    reporter: str
    partner: str
    flow: str
    period: str
    value_usd: float | None
    source_id: str
    product: str = "TOTAL"
    product_rev: str = ""
    precision_usd: float = 0.0
    qualifier: str = "exact"
    valuation: str = "UNKNOWN"
    growth_pct: float | None = None
    growth_precision: float = 0.0
    citation: Citation = field(default_factory=Citation)
    vintage: str = ""  # ISO date of publication (defaults to citation.date, else retrieval date)
    retrieved_at: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reporter", check_code(self.reporter, field_name="reporter", allow_aggregate=False))
        object.__setattr__(self, "partner", check_code(self.partner, field_name="partner"))
        object.__setattr__(self, "flow", check_flow(self.flow))
        object.__setattr__(self, "period", check_period(self.period))
        object.__setattr__(self, "source_id", check_source(self.source_id))
        object.__setattr__(self, "qualifier", check_qualifier(self.qualifier))
        val = (self.valuation or "UNKNOWN").upper()
        if val not in VALUATIONS:
            raise CodeError(f"unknown valuation {self.valuation!r}", column="valuation")
        object.__setattr__(self, "valuation", val)
        if self.value_usd is None and self.growth_pct is None:
            raise ParseError("an observation needs a value or a growth rate", column="value_usd")
        if self.value_usd is not None and not math.isfinite(self.value_usd):
            raise ParseError(f"value {self.value_usd!r} is not finite", column="value_usd")
        if self.value_usd is not None and self.value_usd < 0 and self.flow != "B":
            raise ParseError(f"negative value {self.value_usd} for flow {self.flow}", column="value_usd")
        if not self.retrieved_at:
            object.__setattr__(self, "retrieved_at", _now().isoformat())
        if not self.vintage:
            object.__setattr__(self, "vintage", self.citation.date or self.retrieved_at[:10])

    @property
    def interval(self) -> tuple[float, float]:
        if self.value_usd is None:
            return (math.nan, math.nan)
        return value_interval(self.value_usd, self.precision_usd, self.qualifier)

    @property
    def key_id(self) -> str:
        return key_id(
            self.source_id, self.citation.publisher, self.citation.title, self.reporter, self.partner,
            self.flow, self.period, self.product,
        )

    def to_row(self) -> dict[str, object]:
        """A flat dict in the canonical column layout (see :data:`CANONICAL_COLUMNS`)."""
        return _flat_row(self)


def _flat_row(record: Observation | Indicator) -> dict[str, object]:
    """A record's fields with its citation spread into publisher, title, pub_date, url and quote."""
    d = asdict(record)
    c = d.pop("citation")
    d.update({"publisher": c["publisher"], "title": c["title"], "pub_date": c["date"], "url": c["url"], "quote": c["quote"]})
    return d


def key_id(*parts: object) -> str:
    """Stable id of a measured thing: md5 over its key fields, as DuckDB's ``md5(concat_ws('|', ...))``."""
    return hashlib.md5("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Indicator:
    """A figure that is not a trade flow: GDP in current USD, tourist arrivals, company counts.

    ``partner`` is empty for a country-level indicator (GDP) and an ISO3 code for a bilateral
    one (Chinese visitors to Uzbekistan: country UZB, partner CHN).
    """

    country: str
    indicator: str
    period: str
    value: float
    unit: str
    source_id: str
    partner: str = ""
    precision: float = 0.0
    qualifier: str = "exact"
    citation: Citation = field(default_factory=Citation)
    vintage: str = ""
    retrieved_at: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", check_code(self.country, field_name="country", allow_aggregate=False))
        if self.partner:
            object.__setattr__(self, "partner", check_code(self.partner, field_name="partner"))
        object.__setattr__(self, "period", check_period(self.period))
        object.__setattr__(self, "source_id", check_source(self.source_id))
        object.__setattr__(self, "qualifier", check_qualifier(self.qualifier))
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.indicator):
            raise CodeError(f"bad indicator id {self.indicator!r}", column="indicator")
        if self.value is None or not math.isfinite(self.value):
            raise ParseError(f"value {self.value!r} is not finite", column="value")
        if not self.retrieved_at:
            object.__setattr__(self, "retrieved_at", _now().isoformat())
        if not self.vintage:
            object.__setattr__(self, "vintage", self.citation.date or self.retrieved_at[:10])

    @property
    def interval(self) -> tuple[float, float]:
        return value_interval(self.value, self.precision, self.qualifier)

    def to_row(self) -> dict[str, object]:
        """A flat dict: the record's fields with the citation spread into its columns."""
        return _flat_row(self)


EVENT_KINDS: dict[str, str] = {
    "investment": "an investment or project with money attached",
    "agreement": "an agreement, MoU, deal or treaty signed or drafted",
    "licence": "a licence or permit granted",
    "infrastructure": "a road, bridge, railway, port or pipeline project",
    "incident": "a protest, attack, accident or dispute",
    "education": "scholarships, university cooperation, exchanges",
    "diplomacy": "meetings, consulates, statements of officials",
    "trade_event": "trade fairs and business missions",
}


@dataclass(frozen=True)
class NewsItem:
    """An event reported in an article. Never invented: ``quote`` is the source sentence, verbatim."""

    kind: str
    countries: tuple[str, ...]
    quote: str
    date: str = ""  # ISO date or period the event refers to, when the text gives one
    amount_usd: float | None = None
    amount_qualifier: str = "exact"
    amount_precision: float = 0.0
    parties: tuple[str, ...] = ()
    citation: Citation = field(default_factory=Citation)
    vintage: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise CodeError(f"unknown event kind {self.kind!r} (expected one of {', '.join(EVENT_KINDS)})", column="kind")
        object.__setattr__(self, "countries", tuple(check_code(c, field_name="country") for c in self.countries))
        object.__setattr__(self, "amount_qualifier", check_qualifier(self.amount_qualifier))
        if not self.quote.strip():
            raise ParseError("a news item needs its source sentence", column="quote")
        if not self.vintage:
            object.__setattr__(self, "vintage", self.citation.date or _now().date().isoformat())

    @property
    def event_id(self) -> str:
        return key_id("event", self.citation.publisher, self.citation.title, self.quote)

    def to_row(self) -> dict[str, object]:
        lo, hi = (value_interval(self.amount_usd, self.amount_precision, self.amount_qualifier)
                  if self.amount_usd is not None else (None, None))
        return {
            "event_id": self.event_id, "kind": self.kind, "countries": ",".join(self.countries),
            "date": self.date, "amount_usd": self.amount_usd, "amount_low": lo, "amount_high": hi,
            "amount_qualifier": self.amount_qualifier, "parties": "; ".join(self.parties), "quote": self.quote,
            "publisher": self.citation.publisher, "title": self.citation.title, "pub_date": self.citation.date,
            "url": self.citation.url, "vintage": self.vintage, "note": self.note,
        }


#: The canonical columns of a trade-figure file (``mirrortrade ingest``). Required first.
CANONICAL_COLUMNS: dict[str, str] = {
    "reporter": "ISO3 of the country that published the figure's statistics",
    "partner": "ISO3 of the partner, WLD for world, CA5 for the five Central Asian states",
    "flow": "X, M, RX, RM, T (turnover) or B (balance), from the reporter's view",
    "period": "2025, 2025-H1, 2025-Q1, 2025-03 or 2025-01/2025-11",
    "value_usd": "value in US dollars (or use value + unit)",
    "source_id": "publisher of the statistics, e.g. CN-GACC, KZ-BNS, UN-COMTRADE",
    # optional
    "unit": "optional: USD (default), thousand USD, million USD, billion USD; scales 'value'",
    "value": "optional: value in 'unit' instead of value_usd",
    "product": "TOTAL (default) or an HS code",
    "product_rev": "HS revision, e.g. H3",
    "precision_usd": "unit of the last published digit in USD (1e8 for '$71.3 billion'); 0 = exact",
    "qualifier": "exact, approx, upper, lower, near_upper, near_lower",
    "valuation": "FOB, CIF or UNKNOWN",
    "growth_pct": "published growth rate in percent, if printed with the figure",
    "growth_precision": "unit of the last printed digit of the growth rate",
    "publisher": "citation: who published it",
    "title": "citation: title of the publication",
    "pub_date": "citation: publication date (YYYY-MM-DD)",
    "url": "citation: URL",
    "quote": "citation: the sentence quoted",
    "vintage": "publication date of this value (defaults to pub_date, else today)",
    "note": "free text",
}
REQUIRED_COLUMNS = ("reporter", "partner", "flow", "period", "source_id")

UNIT_SCALES: dict[str, float] = {
    "usd": 1.0,
    "us$": 1.0,
    "thousand usd": 1e3,
    "usd thousand": 1e3,
    "thousand us$": 1e3,
    "million usd": 1e6,
    "usd million": 1e6,
    "billion usd": 1e9,
    "usd billion": 1e9,
}


def unit_scale(unit: object) -> float:
    u = " ".join(str(unit).strip().lower().split()) if unit is not None and unit == unit else "usd"
    if u in ("", "none", "nan"):
        return 1.0
    if u not in UNIT_SCALES:
        raise CodeError(f"unknown unit {unit!r} (expected one of {', '.join(sorted(set(UNIT_SCALES)))})", column="unit")
    return UNIT_SCALES[u]
