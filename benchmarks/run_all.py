"""Run every benchmark and write benchmarks/RESULTS.md (machine, date, sizes, ratios, memory).

    python benchmarks/run_all.py            # default sizes (1M and 5M rows; accuracy on 3 seeds)
    python benchmarks/run_all.py --full     # the issue-9 sizes (1M, 5M, 20M rows)
    python benchmarks/run_all.py --smoke    # 100k rows, seconds; what CI runs

Each benchmark is a module in this directory with ``run(mode, work) -> _common.Section``; add new
ones to :data:`BENCHMARKS` (a dashboard or claim-check benchmark drops in the same way).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import Section, machine  # noqa: E402

#: benchmark modules (in benchmarks/), run in this order; each exposes run(mode, work) -> Section
BENCHMARKS: list[str] = ["accuracy", "scale", "bench_claims", "bench_dashboard", "bench_server"]


def kept_sections(old: str, replaced: set[str]) -> list[Section]:
    """The sections of an earlier results file that this run did not redo, each noting the run it came from."""
    import re

    first = old.splitlines()[2] if len(old.splitlines()) > 2 else ""
    when = re.search(r"on (\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC)", first)
    origin = f"(kept from the run of {when[1]})" if when else "(kept from an earlier run)"
    out = []
    for block in re.split(r"^(?=## )", old, flags=re.M)[1:]:
        title = block.splitlines()[0][3:].strip()
        if title in replaced:
            continue
        targets = [(m[1], m[3] == "met", m[2]) for m in re.finditer(r"^\| (.+?) \| (.+?) \| (met|\*\*missed\*\*) \|$",
                                                                    block, flags=re.M)]
        body = block.split("\n", 1)[1].strip()
        sec = Section(title=title, how=f"{origin}\n\n{body}", header=[])
        sec.targets = targets
        sec.markdown = (lambda b=block.rstrip(), o=origin: b.replace("\n", f"\n\n{o}\n", 1))  # type: ignore[method-assign]
        out.append(sec)
    return out


def results_markdown(mode: str, sections: list[Section], seconds: float, command: str) -> str:
    m = machine()
    lines = [
        "# mirrortrade benchmark results",
        "",
        f"Produced by `{command}` ({mode} mode) on {m['date']}, in {seconds / 60:.1f} min. "
        "Every time is reported beside a baseline measured in the same run; ratios are to that baseline.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in m.items()],
        "",
    ]
    missed = [(s.title, t) for s in sections for t in s.targets if t[1] is False]
    lines.append(
        f"**Targets:** {sum(1 for s in sections for t in s.targets if t[1])} met, {len(missed)} missed"
        + (": " + "; ".join(f"{name} ({measured})" for _, (name, _, measured) in missed) if missed else "")
        + "."
    )
    lines.append("")
    for s in sections:
        lines.append(s.markdown())
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run all mirrortrade benchmarks and write RESULTS.md.")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--smoke", action="store_true", help="100k rows, seconds (CI)")
    g.add_argument("--full", action="store_true", help="1M, 5M and 20M rows")
    ap.add_argument("--only", help="comma-separated benchmark modules (default: all)")
    ap.add_argument("--work", type=Path, help="keep synthetic worlds and outputs here (re-used between runs)")
    ap.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="results file (default benchmarks/RESULTS.md)")
    ap.add_argument("--keep", action="store_true",
                    help="with --only: keep the other sections of an existing results file (marked with their run)")
    args = ap.parse_args(argv)
    mode = "smoke" if args.smoke else "full" if args.full else "default"
    names = args.only.split(",") if args.only else BENCHMARKS
    command = "python benchmarks/run_all.py" + ("" if mode == "default" else f" --{mode}")
    t0 = time.perf_counter()
    sections: list[Section] = []
    failed = False
    for name in names:
        print(f"== {name} ({mode}) ==", flush=True)
        mod = importlib.import_module(name)
        work = args.work / name if args.work else None
        try:
            sections.append(mod.run(mode, work))
        except Exception as e:  # one broken benchmark must not hide the others' results
            failed = True
            traceback.print_exc()
            sec = Section(title=f"{name}: failed", how=f"`{name}.run({mode!r})` raised {type(e).__name__}: {e}",
                          header=[])
            sections.append(sec)
    if args.keep and args.output.exists():
        sections += kept_sections(args.output.read_text(), {s.title for s in sections})
    text = results_markdown(mode, sections, time.perf_counter() - t0, command)
    args.output.write_text(text)
    print(f"wrote {args.output}")
    missed = any(t[1] is False for s in sections for t in s.targets)
    return 2 if failed else (1 if missed else 0)


if __name__ == "__main__":
    raise SystemExit(main())
