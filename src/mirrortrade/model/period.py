"""Periods: years, halves, quarters, months, cumulative year-to-date spans and spans across a year end (a fiscal
year, "April 2024–January 2025")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from mirrortrade.errors import PeriodError

_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_HALF = re.compile(r"^(\d{4})-H(\d)$")
_RE_QUARTER = re.compile(r"^(\d{4})-Q(\d)$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_CUM = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A span of whole calendar months: ``2025``, ``2025-H1``, ``2025-Q1``, ``2025-03``,
    or a cumulative span ``2024-01/2024-11`` (January–November), or a span of at most twelve months across one year
    end ``2023-07/2024-06`` (a fiscal year July–June, kind ``span``): never the calendar year it overlaps.

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
        if (y2 - y) * 12 + m2 - m1 + 1 > 12:
            raise PeriodError(f"period {text!r}: a span across a year end covers at most twelve months", column="period")
        return cls(y, m1, y2, m2)

    @classmethod
    def year_of(cls, year: int) -> Period:
        return cls(year, 1, year, 12)

    # ---- properties ---------------------------------------------------------------------
    @property
    def kind(self) -> str:
        m1, m2 = self.start_month, self.end_month
        if self.end_year != self.year:
            return "span"
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
        return (self.end_year - self.year) * 12 + self.end_month - self.start_month + 1

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
        if k == "span":
            return f"{calendar.month_abbr[self.start_month]} {self.year}–{calendar.month_abbr[self.end_month]} {self.end_year}"
        return f"{calendar.month_abbr[self.start_month]}–{calendar.month_abbr[self.end_month]} {self.year}"

    # ---- comparison rules ---------------------------------------------------------------
    def comparable(self, other: Period) -> bool:
        """Same calendar months (possibly of another year): a fair level or growth comparison.

        2025 vs 2024: yes. 2025-H1 vs 2024-H1: yes. 2024-01/2024-11 vs 2024: no (11 months vs 12).
        2025-Q1 vs 2025-03: no. A fiscal year July 2023–June 2024 vs July 2022–June 2023: yes; vs 2024: no.
        """
        return (self.start_month, self.end_month, self.n_months) == (other.start_month, other.end_month, other.n_months)

    def shifted(self, years: int) -> Period:
        """The same months ``years`` later (earlier when negative)."""
        return Period(self.year + years, self.start_month, self.end_year + years, self.end_month)

    def same_span_previous_year(self) -> Period:
        return self.shifted(-1)

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def check_period(text: object) -> str:
    """Validate and return the canonical period string."""
    return str(Period.parse(text))

