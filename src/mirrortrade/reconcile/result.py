"""What :func:`mirrortrade.reconcile.reconcile` returns, and writing it to Parquet (streamed from the
backend, never through pandas for the big tables)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from mirrortrade.errors import MirrortradeError
from mirrortrade.reconcile import stages

ESTIMATE_COLUMNS = (
    "exporter", "importer", "year", "product", "value_exporter", "value_importer", "cif_rate",
    "weight_exporter", "estimate", "estimate_low", "estimate_high", "method",
)


class StageError(MirrortradeError):
    """A reconciliation stage failed in the backend; the message names the stage."""


@dataclass
class ReconcileResult:
    """What :func:`reconcile` produced. ``estimates`` and ``pairs`` are computed in the backend and
    fetched on first access; :meth:`write` streams them to Parquet without going through pandas
    (``pairs`` only when asked for)."""

    backend: str
    con: Any
    estimates_expr: Any
    pairs_expr: Any
    reliability: pd.DataFrame
    findings: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _cache: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    #: backend tables the expressions read (the cached mirror pairs): kept alive with the result
    _tables: list[Any] = field(default_factory=list, repr=False)
    #: the columns of estimates and pairs together: both files are written from one scan of it
    rows_expr: Any = None
    #: the big tables' files already written (by :func:`reconcile` with ``output``, or by :meth:`write`)
    _written: set[Path] = field(default_factory=set, repr=False)

    @property
    def estimates(self) -> pd.DataFrame:
        return self._fetch("estimates", self.estimates_expr)

    @property
    def pairs(self) -> pd.DataFrame:
        return self._fetch("pairs", self.pairs_expr)

    def _fetch(self, name: str, expr: Any) -> pd.DataFrame:
        if name not in self._cache:
            try:
                df = expr.to_pandas()
            except Exception as e:
                first = (str(e).strip().splitlines() or [type(e).__name__])[0]
                raise StageError(f"reconcile stage 'best_estimate' failed fetching {name}: {first}") from e
            df = df.sort_values(list(stages.PAIR_KEY), kind="stable").reset_index(drop=True)
            self._cache[name] = df
        return self._cache[name]

    def write(self, directory: str | os.PathLike[str], *, pairs: bool = False) -> dict[str, Path]:
        """Write ``estimates``, ``reliability`` and ``findings`` as Parquet files into ``directory``,
        and ``pairs`` (both sides, gap, ratio, log ratio, CIF rate used; about as large as
        ``estimates``) when ``pairs`` is true. Returns the paths written, by table name.

        The tables stream from the backend as Arrow batches to pyarrow's writer (never through pandas); with
        ``pairs``, both files are written from one scan of the estimate rows. A big table that
        :func:`reconcile` already wrote to the same path (its ``output``) is not written again.
        """
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        names = ("estimates", "reliability", "findings", "pairs") if pairs else ("estimates", "reliability", "findings")
        paths = {name: out / f"{name}.parquet" for name in names}
        for name, path in paths.items():
            if name in self._cache and (path not in self._written or not path.exists()):
                self._cache[name].to_parquet(path, index=False)
                self._written.add(path)
        for expr, outputs in write_jobs(
            out, pairs=pairs, estimates_expr=self.estimates_expr, pairs_expr=self.pairs_expr, rows_expr=self.rows_expr
        ):
            todo = {name: o for name, o in outputs.items() if o[1] not in self._written or not o[1].exists()}
            if todo:
                _write_split(expr, todo)
                self._written.update(o[1] for o in todo.values())
        self.reliability.to_parquet(paths["reliability"], index=False)
        self.findings.to_parquet(paths["findings"], index=False)
        return paths

    def counts(self) -> dict[str, int]:
        """Estimates by method and findings by rule (from :attr:`summary`)."""
        return {**self.summary.get("methods", {}), **self.summary.get("rules", {})}


#: record batches waiting for a Parquet writer (each holds about a million rows)
_WRITE_QUEUE = 2

#: one scan of an expression and the files written from it: name → (columns, path)
WriteJob = tuple[Any, dict[str, tuple[list[str], Path]]]


def write_jobs(
    directory: Path, *, pairs: bool, estimates_expr: Any, pairs_expr: Any, rows_expr: Any = None
) -> list[WriteJob]:
    """The scans that write the big tables (``estimates``, and ``pairs`` when asked for) into ``directory``:
    one scan of ``rows_expr`` for both when it is given, else one per table. Each table streams as Arrow
    batches to pyarrow's writer (dictionary-encoded strings, plain doubles), on DuckDB too: its COPY encodes
    strings and doubles at a higher cost (realistic 20M, 11M rows: see benchmarks/RESULTS.md, branch
    i17-speed2, session 7)."""
    big = {"estimates": estimates_expr, "pairs": pairs_expr} if pairs else {"estimates": estimates_expr}
    paths = {name: directory / f"{name}.parquet" for name in big}
    if len(big) > 1 and rows_expr is not None:
        return [(rows_expr, {name: (list(expr.columns), paths[name]) for name, expr in big.items()})]
    return [(expr, {name: (list(expr.columns), paths[name])}) for name, expr in big.items()]


class BackgroundWrite:
    """The big tables written by a thread while the caller goes on with work that needs no backend (the
    findings, in NumPy and pandas): the backend streams the rows and pyarrow encodes them, both releasing
    the GIL. :meth:`join` waits and raises the writer's error; :meth:`cancel` stops it at the next batch.
    Either way no half-written file is left (each file is written under a temporary name, then renamed)."""

    def __init__(self, jobs: list[WriteJob]) -> None:
        import threading

        self.paths = [path for _, outputs in jobs for _, path in outputs.values()]
        self._jobs = jobs
        self._cancel = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mirrortrade-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for expr, outputs in self._jobs:
                _write_split(expr, outputs, cancel=self._cancel, commit=False)
        except BaseException as e:  # raised in the caller's thread by join()
            self._error = e

    def join(self) -> None:
        """Wait for the write; then the files take their names (only now: a reconcile that failed after
        the write had finished leaves no file)."""
        self._thread.join()
        if self._error is not None:
            self._discard()
            raise self._error
        for path in self.paths:
            os.replace(_part(path), path)

    def cancel(self) -> None:
        self._cancel.set()
        self._thread.join()
        self._discard()

    def _discard(self) -> None:
        for path in self.paths:
            _part(path).unlink(missing_ok=True)


def _part(path: Path) -> Path:
    """The name a file is written under until it is complete."""
    return path.with_name(path.name + ".part")


class _Cancelled(Exception):
    """The caller stopped a background write (its own work failed)."""


def _write_split(
    expr: Any, outputs: dict[str, tuple[list[str], Path]], cancel: Any = None, *, commit: bool = True
) -> None:
    """Write several Parquet files, each a selection of ``expr``'s columns, from one scan of it.

    The backend computes the rows once and streams them as Arrow record batches; each file gets
    its own writer thread (Parquet encoding releases the GIL), so the files are encoded in
    parallel while the backend produces the next batch. Memory stays at a few batches. ``cancel`` (a
    ``threading.Event``): when set, the write stops at the next batch and leaves no file. Each file is
    written under a temporary name (:func:`_part`) and renamed at the end, or left so named without
    ``commit`` (for the caller to rename).
    """
    import queue
    import threading

    import pyarrow.parquet as pq

    tmps = {name: _part(path) for name, (_, path) in outputs.items()}
    queues: dict[str, queue.Queue[Any]] = {name: queue.Queue(maxsize=_WRITE_QUEUE) for name in outputs}
    errors: list[BaseException] = []

    def writer(name: str, schema: Any) -> None:
        strings = [f.name for f in schema if str(f.type) in ("string", "large_string")]
        try:
            with pq.ParquetWriter(tmps[name], schema, compression="snappy", use_dictionary=strings) as w:
                while (batch := queues[name].get()) is not None:
                    w.write_batch(batch)
        except BaseException as e:  # reported by the producer below
            errors.append(e)
            while queues[name].get() is not None:  # let the producer finish
                pass

    threads: list[threading.Thread] = []
    try:
        batches = expr.to_pyarrow_batches()
        for name, (cols, _) in outputs.items():
            t = threading.Thread(
                target=writer, args=(name, _select_schema(batches.schema, cols)), name=f"mirrortrade-write-{name}",
                daemon=True,
            )
            t.start()
            threads.append(t)
        try:
            for batch in batches:
                if cancel is not None and cancel.is_set():
                    raise _Cancelled("write cancelled")
                for name, (cols, _) in outputs.items():
                    queues[name].put(batch.select(cols))
                if errors:
                    break
        finally:
            for name in outputs:
                queues[name].put(None)
            for t in threads:
                t.join()
        if errors:
            raise errors[0]
        if commit:
            for name, (_, path) in outputs.items():
                os.replace(tmps[name], path)
    except Exception as e:
        for tmp in tmps.values():
            if tmp.exists():
                tmp.unlink()
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        names = ", ".join(path.name for _, path in outputs.values())
        raise StageError(f"reconcile stage 'best_estimate' failed writing {names}: {first}") from e


def _select_schema(schema: Any, cols: list[str]) -> Any:
    import pyarrow as pa

    return pa.schema([schema.field(c) for c in cols])
