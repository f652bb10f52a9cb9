"""benchmarks/claims_corpus.py loaded once as a module (``cc``), with the matching and scoring module it imports
from beside it, benchmarks/_corpus_score.py (``cs``): the scorer is tested, and its helpers used, by several test
files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NAME = "claims_corpus_bench"

if _NAME in sys.modules:
    cc = sys.modules[_NAME]
else:
    _spec = importlib.util.spec_from_file_location(_NAME, ROOT / "benchmarks" / "claims_corpus.py")
    assert _spec is not None and _spec.loader is not None
    cc = importlib.util.module_from_spec(_spec)
    sys.modules[_NAME] = cc
    _spec.loader.exec_module(cc)

#: loaded by claims_corpus.py (which puts benchmarks/ on sys.path) under its own name
cs = sys.modules["_corpus_score"]


def load_benchmark(stem: str):  # type: ignore[no-untyped-def]
    """benchmarks/<stem>.py loaded as a module of its own (its siblings importable: benchmarks/ is on sys.path)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(f"{stem}_bench", ROOT / "benchmarks" / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
