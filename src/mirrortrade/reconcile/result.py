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
        ``pairs``, both files are written from one scan of the estimate rows.
        """
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        names = ("estimates", "reliability", "findings", "pairs") if pairs else ("estimates", "reliability", "findings")
        paths = {name: out / f"{name}.parquet" for name in names}
        big = {"estimates": self.estimates_expr, "pairs": self.pairs_expr} if pairs else {"estimates": self.estimates_expr}
        if len(big) > 1 and self.rows_expr is not None and not any(name in self._cache for name in big):
            _write_split(self.rows_expr, {name: (list(expr.columns), paths[name]) for name, expr in big.items()})
        else:
            # each table streamed as Arrow batches to pyarrow's writer (dictionary-encoded strings, plain doubles),
            # on DuckDB too: its COPY encodes strings and doubles at a higher cost (realistic 20M, 11M rows: see
            # benchmarks/RESULTS.md, branch i17-speed2, session 7)
            for name, expr in big.items():
                if name in self._cache:
                    self._cache[name].to_parquet(paths[name], index=False)
                else:
                    _write_split(expr, {name: (list(expr.columns), paths[name])})
        self.reliability.to_parquet(paths["reliability"], index=False)
        self.findings.to_parquet(paths["findings"], index=False)
        return paths

    def counts(self) -> dict[str, int]:
        """Estimates by method and findings by rule (from :attr:`summary`)."""
        return {**self.summary.get("methods", {}), **self.summary.get("rules", {})}


#: record batches waiting for a Parquet writer (each holds about a million rows)
_WRITE_QUEUE = 2


def _write_split(expr: Any, outputs: dict[str, tuple[list[str], Path]]) -> None:
    """Write several Parquet files, each a selection of ``expr``'s columns, from one scan of it.

    The backend computes the rows once and streams them as Arrow record batches; each file gets
    its own writer thread (Parquet encoding releases the GIL), so the files are encoded in
    parallel while the backend produces the next batch. Memory stays at a few batches.
    """
    import queue
    import threading

    import pyarrow.parquet as pq

    tmps = {name: path.with_name(path.name + ".part") for name, (_, path) in outputs.items()}
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
