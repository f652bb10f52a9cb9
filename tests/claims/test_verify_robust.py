"""Verification robust to misreadings (issue 16: false flags from the checker comparing its own misread claims with
each other or with the store). Invented numbers throughout, of the shapes the issue's false flags had."""

from __future__ import annotations

import pandas as pd

from mirrortrade.claims.claim import Claim
from mirrortrade.claims.neighbours import misreading, witnesses


def _claim(cid: str, value: float, *, rep: str = "CHN", par: str = "KGZ", flow: str = "T", when: str = "2024",
           text: str | None = None, prec: float = 1e8, source: str | None = "CN-GACC", **conf: float) -> Claim:
    c = Claim(id=cid, quote=f"quote {cid}", start=int(cid[1:]) * 10, end=int(cid[1:]) * 10 + 5, reporter=rep,
              partner=par, flow=flow, period=when, value_usd=value, value_low=value - prec / 2,
              value_high=value + prec / 2, precision_usd=prec, source=source,
              text=text or f"${value / 1e9:.1f} billion")
    c.slots.update(conf)
    return c


def _store(*rows: tuple[str, str, str, str, float, float], title: str = "another report") -> pd.DataFrame:
    return pd.DataFrame([{"figure_id": f"s{i}", "reporter": r, "partner": p, "flow": f, "period": per,
                          "value_usd": v, "precision_usd": pr, "source_id": "CN-GACC", "product": "TOTAL",
                          "title": title}
                         for i, (r, p, f, per, v, pr) in enumerate(rows)])


def test_a_coarse_stored_figure_does_not_confirm_what_the_finer_one_contradicts() -> None:
    # 2023 stored as "$5.1 billion" (one report) and as $5,147 million (the agency); 2024 as $5.06 billion
    store = _store(("CHN", "KGZ", "T", "2023", 5.1e9, 1e8), ("CHN", "KGZ", "T", "2023", 5.147e9, 1e6),
                   ("CHN", "KGZ", "T", "2024", 5.06e9, 1e7))
    # "$5.06 billion" read as 2023: inside the rounding of $5.1bn, but not $5,147 million; it is 2024's figure
    c = _claim("c1", 5.06e9, when="2023", prec=1e7, text="$5.06 billion")
    m = misreading(c, witnesses(store, [c]))
    assert m is not None and m.relation == "period" and m.witness == "s2"
    # read as 2024 it is confirmed by the finest 2024 figure and stands
    assert misreading(_claim("c1", 5.06e9, when="2024", prec=1e7, text="$5.06 billion"), witnesses(store, [c])) is None
    # a coarse figure alone still confirms: "$5.1 billion" read as 2023 stands
    coarse = _claim("c2", 5.1e9, when="2023", text="$5.1 billion")
    assert misreading(coarse, witnesses(store, [coarse])) is None
