"""The Markdown digest carries text from the store (article titles, quotes): HTML in it is escaped (issue 19,
item 8), so a title with <script> is inert in any Markdown viewer and in the digest's HTML page."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mirrortrade.cli import app

# a hostile article we wrote: the title line carries a script tag and a table pipe
EVIL = ("<script>alert(1)</script> China and Kyrgyzstan | trade\n\n"
        "Tourist arrivals from China to Kyrgyzstan rose to 120,000 in 2025.\n")


def test_digest_escapes_html_of_article_titles(tmp_path: Path) -> None:
    runner = CliRunner()
    art = tmp_path / "evil.txt"
    art.write_text(EVIL, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest-article", str(art), "--date", "2026-01-20", "--db", db]).exit_code == 0
    for out in ("d.md", "d.html"):
        res = runner.invoke(app, ["digest", "--period", "2025", "--out", str(tmp_path / out), "--db", db])
        assert res.exit_code == 0, res.output
        text = (tmp_path / out).read_text(encoding="utf-8")
        assert "<script>alert" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # the title is there, as text
