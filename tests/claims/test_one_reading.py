"""Each article is read once (issue 16, item 2): one segmentation, one claims walk, one indicators walk and one
events walk per article, whichever entry point reads it (check, a batch check, ingest-article, the web check job,
extract_events), and the shared walk gives what the separate extractors give."""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TESTS_DATA, seed_text
from mirrortrade.claims import events, extract, indicators, text
from mirrortrade.claims.reading import read_article
from mirrortrade.cli import app

runner = CliRunner()
SEEDS = sorted((TESTS_DATA / "seeds").glob("*.txt"))
#: the walks counted: the segmentation and the three extractors' entry points taking its paragraphs
WALKS: dict[str, Callable[..., Any]] = {
    "segment": text.segment, "claims": extract.claims_of, "indicators": indicators.indicators_of,
    "events": events.events_of,
}


@pytest.fixture()
def walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts every call of the walks, wherever a module imported them (``from ... import segment``)."""
    calls: Counter[str] = Counter()

    def counting(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            calls[name] += 1
            return fn(*a, **k)
        return wrapper

    for name, fn in WALKS.items():
        wrapped = counting(name, fn)
        for mod in [m for m in list(sys.modules.values()) if getattr(m, "__name__", "").startswith("mirrortrade")]:
            for attr, val in list(vars(mod).items()):
                if val is fn:
                    monkeypatch.setattr(mod, attr, wrapped)
    yield calls


def test_the_counter_sees_every_walk(walks: Counter[str]) -> None:
    # the public wrappers segment once each; the counter must notice them (else the tests below prove nothing)
    extract.extract_claims(seed_text("004"))
    indicators.extract_indicators(seed_text("004"))
    assert walks == Counter(segment=2, claims=1, indicators=1)


def test_read_article_walks_once(walks: Counter[str]) -> None:
    r = read_article(seed_text("000"))
    assert walks == Counter(segment=1, claims=1, indicators=1, events=1)
    assert r.claims and r.indicators and r.events and r.paragraphs


def test_extract_events_reads_once(walks: Counter[str]) -> None:
    events.extract_events(seed_text("000"))
    assert walks == Counter(segment=1, claims=1, indicators=1, events=1)


def test_check_reads_each_article_once(walks: Counter[str]) -> None:
    res = runner.invoke(app, ["check", *map(str, SEEDS), "--no-store", "--json"])
    assert res.exit_code == 0, res.output
    n = len(SEEDS)
    assert n == 2
    assert walks == Counter(segment=n, claims=n, indicators=n, events=n)


def test_ingest_article_reads_each_article_once(walks: Counter[str], tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest-article", *map(str, SEEDS), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output
    n = len(SEEDS)
    assert walks == Counter(segment=n, claims=n, indicators=n, events=n)


def test_web_check_job_reads_once(walks: Counter[str]) -> None:
    from mirrortrade.report import derived

    out = derived.check_article_json(seed_text("000"), None)
    assert walks == Counter(segment=1, claims=1, indicators=1, events=1)
    # the offsets come from the same reading
    assert out["claims"] and all(isinstance(c["start"], int) for c in out["claims"])


@pytest.mark.parametrize("seed", ["000", "004"])
def test_one_walk_gives_what_the_separate_extractors_give(seed: str) -> None:
    t = seed_text(seed)
    r = read_article(t)
    assert [c.to_json() for c in r.claims] == [c.to_json() for c in extract.extract_claims(t)]
    assert [dataclasses.asdict(f) for f in r.indicators] == [
        dataclasses.asdict(f) for f in indicators.extract_indicators(t)]
    assert [dataclasses.asdict(e) for e in r.events] == [dataclasses.asdict(e) for e in events.extract_events(t)]
    assert [p.text for p in r.paragraphs] == [p.text for p in text.segment(t)]
