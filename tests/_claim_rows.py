"""The claims of a text read surely, as rows (figure, kind, reporter, partner, flow, period): what several claims
tests compare with their expectations."""

from __future__ import annotations

from mirrortrade.claims import extract_claims


def surely_read_rows(text: str) -> list[tuple]:
    """The claims read surely, a level's own rate ("$2.4 billion, up 15 percent") as a growth row of its own."""
    rows = []
    for c in extract_claims(text):
        if c.missing:
            continue
        rows.append((c.text, c.kind, c.reporter, c.partner, c.flow, c.period))
        if c.kind == "level" and c.growth_pct is not None:
            rows.append((c.growth_pct, "growth", c.reporter, c.partner, c.flow, c.period))
    return rows
