"""Canonical records with their provenance: a trade figure (Observation), an indicator, a news item,
the citation they carry, and the columns of a trade-figure file."""

from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from mirrortrade.errors import CodeError, ParseError
from mirrortrade.model.codes import check_code
from mirrortrade.model.rules import INDICATOR, OBSERVATION, RecordSpec, check_record
from mirrortrade.model.values import check_qualifier, value_interval


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
        _checked(OBSERVATION, self)

    @property
    def interval(self) -> tuple[float, float]:
        if self.value_usd is None:
            return (math.nan, math.nan)
        return value_interval(self.value_usd, self.precision_usd, self.qualifier,
                              nonnegative=self.flow not in OBSERVATION.value.signed_flows)

    @property
    def key_id(self) -> str:
        return key_id(
            self.source_id, self.citation.publisher, self.citation.title, self.reporter, self.partner,
            self.flow, self.period, self.product,
        )

    def to_row(self) -> dict[str, object]:
        """A flat dict in the canonical column layout (see :data:`CANONICAL_COLUMNS`)."""
        return _flat_row(self)


def _checked(spec: RecordSpec, record: Observation | Indicator) -> None:
    """Check ``record`` against ``spec`` (its fields normalised in place), then stamp it (:func:`_stamp`)."""
    for column, value in check_record(spec, record).items():
        object.__setattr__(record, column, value)
    _stamp(record)


def _stamp(record: Observation | Indicator) -> None:
    """Default the retrieval time to now and the vintage to the publication date, else the retrieval date."""
    if not record.retrieved_at:
        object.__setattr__(record, "retrieved_at", _now().isoformat())
    if not record.vintage:
        object.__setattr__(record, "vintage", record.citation.date or record.retrieved_at[:10])


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
        _checked(INDICATOR, self)

    @property
    def interval(self) -> tuple[float, float]:
        """An indicator is a level (GDP, a count, a share, an amount): its interval stops at 0 (a record with
        a negative value, which the record allows, keeps its interval as printed)."""
        return value_interval(self.value, self.precision, self.qualifier, nonnegative=True)

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
        lo, hi = (value_interval(self.amount_usd, self.amount_precision, self.amount_qualifier, nonnegative=True)
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
#: the columns a trade-figure file must have (from :data:`mirrortrade.model.rules.OBSERVATION`)
REQUIRED_COLUMNS: tuple[str, ...] = OBSERVATION.required
