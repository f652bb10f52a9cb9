"""Do two versions of the reconcile engine give the same outputs? (issue 17: speed work must not change them)

Runs ``reconcile()`` + ``write()`` of a git revision (default ``main``: its ``src/`` taken with ``git archive``)
and of this checkout on the same synthetic worlds, each in its own interpreter, and compares every column of
estimates, reliability and findings: the same rows (by key), text columns equal, numbers equal to a relative
tolerance (default 1e-9; missing values in the same places).

    python benchmarks/reconcile_equal.py [--against main] [--shape realistic] [--sizes 1e6,5e6] [--work DIR]
                                         [--rtol 1e-9]

Exit 0 when every world's outputs are equal, 1 otherwise (the differing columns are printed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PYTHON, ROOT, synth_world  # noqa: E402

#: the rows of each output, by these columns (those present)
KEYS = {
    "estimates": ["exporter", "importer", "year", "product"],
    "reliability": ["country", "role"],
    "findings": ["rule", "exporter", "importer", "year", "product"],
}
SEED, COUNTRIES, YEARS = 11, 150, 5  # as benchmarks/scale.py: the same worlds

CHILD = """
import sys, warnings
warnings.simplefilter("ignore")
from mirrortrade.reconcile import reconcile
reconcile(sys.argv[1]).write(sys.argv[2])
"""


def compare_outputs(a: Path, b: Path, rtol: float = 1e-9) -> list[str]:
    """The differences between the outputs in directories ``a`` and ``b`` (empty when equal)."""
    diffs: list[str] = []
    for name, keys in KEYS.items():
        x, y = pd.read_parquet(a / f"{name}.parquet"), pd.read_parquet(b / f"{name}.parquet")
        if list(x.columns) != list(y.columns):
            diffs.append(f"{name}: columns {list(x.columns)} vs {list(y.columns)}")
            continue
        if len(x) != len(y):
            diffs.append(f"{name}: {len(x):,} vs {len(y):,} rows")
            continue
        order = [k for k in keys if k in x.columns]
        x, y = _sorted(x, order), _sorted(y, order)
        for c in x.columns:
            xc, yc = x[c], y[c]
            if pd.api.types.is_numeric_dtype(xc) and not pd.api.types.is_bool_dtype(xc):
                u, v = xc.to_numpy(dtype=float), yc.to_numpy(dtype=float)
                if not np.array_equal(np.isnan(u), np.isnan(v)):
                    diffs.append(f"{name}.{c}: missing values in different rows")
                elif not np.allclose(u, v, rtol=rtol, atol=0.0, equal_nan=True):
                    ok = ~np.isnan(u)
                    worst = float(np.max(np.abs(u[ok] - v[ok]) / np.maximum(np.abs(u[ok]), 1e-300)))
                    diffs.append(f"{name}.{c}: relative difference up to {worst:.1e} (> {rtol:g})")
            elif not (_text(xc) == _text(yc)).all():
                diffs.append(f"{name}.{c}: values differ")
    return diffs


def _text(s: pd.Series) -> np.ndarray:
    """A column as text, a missing value as the empty string (NaN is never equal to itself)."""
    return s.astype(object).where(s.notna(), "").astype(str).to_numpy(dtype=str)


def _sorted(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return df.iloc[np.lexsort([_text(df[k]) for k in reversed(keys)])].reset_index(drop=True)


def export_src(rev: str, into: Path) -> Path:
    """``src/`` of git revision ``rev`` under ``into``."""
    blob = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_engine(src: Path, declarations: Path, out: Path) -> None:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    p = subprocess.run([PYTHON, "-c", CHILD, str(declarations), str(out)], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"reconcile with {src} failed: {p.stderr.strip().splitlines()[-1:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", default="main", help="git revision whose engine is the reference (default main)")
    ap.add_argument("--shape", default="realistic", help="world shape (mirrortrade synth --shape)")
    ap.add_argument("--sizes", default="1e6,5e6", help="world sizes in declarations, comma-separated")
    ap.add_argument("--work", type=Path, help="keep worlds here (re-used between runs)")
    ap.add_argument("--rtol", type=float, default=1e-9)
    args = ap.parse_args(argv)
    sizes = [int(float(v)) for v in args.sizes.split(",") if v]
    equal = True
    with tempfile.TemporaryDirectory(prefix="mt-equal-") as tmp:
        base = Path(tmp)
        work = args.work or base
        ref_src = export_src(args.against, base / "ref")
        for rows in sizes:
            name = f"world-{args.shape}-{rows / 1e6:g}M" if rows >= 1_000_000 else f"world-{args.shape}-{rows}"
            world = synth_world(work / name, rows=rows, seed=SEED, countries=COUNTRIES, years=YEARS, shape=args.shape)
            decl = world / "declarations.parquet"
            ref_out, new_out = base / f"ref-{rows}", base / f"new-{rows}"
            run_engine(ref_src, decl, ref_out)
            run_engine(ROOT / "src", decl, new_out)
            diffs = compare_outputs(ref_out, new_out, args.rtol)
            n = len(pd.read_parquet(decl, columns=["flow"]))
            verdict = "equal" if not diffs else "DIFFERENT: " + "; ".join(diffs)
            print(f"{args.shape} {rows:,} ({n:,} declarations), {args.against} vs this checkout: {verdict}", flush=True)
            equal = equal and not diffs
    return 0 if equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
