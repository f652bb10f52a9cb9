"""The monitor (issue 11): ingest both seeds, then a digest that carries every item of seed 000's
country sections with its numbers and citation, the relative statements verified, nothing invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TESTS_DATA, seed_text
from mirrortrade.cli import app

runner = CliRunner()
SECTIONS = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")


def seed_sections() -> dict[str, list[str]]:
    """Seed 000's country sections: heading line -> its paragraphs (boilerplate and photo credits left out)."""
    out: dict[str, list[str]] = {}
    current = None
    for line in seed_text("000").splitlines():
        s = line.strip()
        if s in SECTIONS:
            current = s
            out[current] = []
        elif s.startswith("Related news"):
            current = None
        elif current and s and not s.lower().startswith(("photo", "latest news")):
            out[current].append(s)
    return out


@pytest.fixture(scope="module")
def digest_md(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("dg") / "s.duckdb"
    seeds = sorted((TESTS_DATA / "seeds").glob("*.txt"))
    res = runner.invoke(app, ["ingest-article", *map(str, seeds), "--db", str(db)])
    assert res.exit_code == 0, res.output
    out = db.parent / "digest.md"
    res = runner.invoke(app, ["digest", "--period", "2025", "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def test_every_item_of_the_country_sections(digest_md: str) -> None:
    sections = seed_sections()
    assert set(sections) == set(SECTIONS)
    for country, paragraphs in sections.items():
        part = digest_md.split(f"## {country}", 1)[1].split("\n## ", 1)[0]
        for para in paragraphs:
            sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para) if s]
            assert any(s in part for s in sentences), f"{country}: no item for {para[:80]!r}"
            for number in re.findall(r"\$?\d[\d,.]*\d|\$?\d", para):
                assert number.rstrip(".,") in part, f"{country}: {number} of {para[:60]!r} missing"
        assert "China’s Trade Grip on Central Asia Grows" in part  # the citation


def test_relative_statements_verified(digest_md: str) -> None:
    for words in ("grew by nearly 50 percent", "nearly quadrupled", "nearly tripled"):
        line = next(x for x in digest_md.splitlines() if f"“{words}” means a ratio" in x)
        assert line.count(": consistent") == 1 and "NOT consistent" not in line
    largest = next(x for x in digest_md.splitlines() if "largest trade partner in Central Asia" in x)
    assert largest.endswith(": consistent")


def test_nothing_that_is_not_in_the_text(digest_md: str) -> None:
    text = seed_text("000") + seed_text("004")
    quotes = re.findall(r"“([^”]+)”(?=: |\)| —|\.? Source)", digest_md)
    # every quoted sentence of the news and indicators is verbatim from the seeds or a seed title
    for q in quotes:
        if q.startswith(("nearly", "grew by")):
            continue
        assert q in text, q[:100]


def test_digest_html_has_charts(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    res = runner.invoke(app, ["digest", "--country", "KGZ", "--out", str(tmp_path / "d.html"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "d.html").read_text()
    assert "<h2>Kyrgyzstan</h2>" in page and "<svg" in page and "exceeds_gdp" in page
    assert "<script" not in page.split("<svg", 1)[0]


def test_digest_rejects_partial_period(tmp_path: Path) -> None:
    res = runner.invoke(app, ["digest", "--period", "2025-H1", "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code != 0 and "whole year" in res.output
