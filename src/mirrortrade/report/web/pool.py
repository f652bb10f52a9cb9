"""A bounded pool of worker processes for the dashboard's CPU-bound work, and single flight.

Claim checks, the findings, uncached pair pages and the overview run in worker *processes*, never
on the server's event loop or in its threads: a long computation cannot delay ``/healthz`` (no
shared GIL) and can be stopped. Each job has a time limit; a job over it is abandoned by killing
its worker (a thread cannot be stopped, a process can), and a fresh worker takes its place. At
most ``size`` jobs run at once and at most ``queue`` wait; beyond that :class:`PoolFull` is raised
at once (the app answers 503 with ``Retry-After``). Jobs are named ``"module:function"`` and run
with pickled arguments; workers are started with ``spawn`` (the server has threads, so ``fork``
is unsafe) and ignore SIGINT, so Ctrl-C reaches the server alone, which kills them on shutdown.

:class:`SingleFlight` runs one computation per key however many requests ask at once: the others
await the same result.
"""

from __future__ import annotations

import asyncio
import collections
import importlib
import multiprocessing
import pickle
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

#: worker processes (the machine this runs on has two cores)
DEFAULT_WORKERS = 2
#: jobs that may wait for a worker before new ones are refused
DEFAULT_QUEUE = 8
#: seconds one job may run before it is abandoned
DEFAULT_TIMEOUT = 60.0
#: seconds a new worker may take to start (not counted in a job's time limit)
STARTUP_TIMEOUT = 120.0
#: the ``Retry-After`` seconds suggested when the pool is full
RETRY_AFTER = 5


class PoolFull(Exception):
    """Every worker is busy and the queue is full."""

    def __init__(self, retry_after: int = RETRY_AFTER) -> None:
        super().__init__(f"the server is busy (all workers and the queue are taken); retry in {retry_after} s")
        self.retry_after = retry_after


class JobTimeout(Exception):
    """A job ran over its time limit and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the computation took longer than {seconds:g} s and was stopped")
        self.seconds = seconds


class WorkerDied(Exception):
    """The worker process ended without an answer (killed, out of memory)."""


def resolve(job: str) -> Callable[..., Any]:
    """The function named ``"package.module:function"``."""
    mod, _, name = job.partition(":")
    fn = getattr(importlib.import_module(mod), name)
    if not callable(fn):
        raise TypeError(f"{job} is not a function")
    return fn  # type: ignore[no-any-return]


def _worker_main(conn: Connection, preload: tuple[str, ...]) -> None:
    """A worker's loop: receive ``(job, args, kwargs)``, answer ``("ok", result)`` or ``("err", exception)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for mod in preload:
        try:
            importlib.import_module(mod)
        except ImportError:
            pass  # an optional part (checks, claims) that is not installed: its jobs answer that
    try:
        conn.send(("ready", None))
    except OSError:
        return  # the server is gone (a broken pipe)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return  # the server is gone
        if msg is None:
            return
        job, args, kwargs = msg
        try:
            answer: tuple[str, Any] = ("ok", resolve(job)(*args, **kwargs))
        except Exception as e:  # sent back and raised in the server
            try:
                pickle.dumps(e)
                answer = ("err", e)
            except Exception:
                answer = ("err", RuntimeError(f"{type(e).__name__}: {e}"))
        try:
            conn.send(answer)
        except OSError:
            return  # the server is gone (a broken pipe): nobody waits for the answer
        except Exception as e:  # an unpicklable result
            try:
                conn.send(("err", RuntimeError(f"result of {job} cannot be sent: {type(e).__name__}")))
            except OSError:
                return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    loop: asyncio.AbstractEventLoop | None = None  # the event loop of the job it runs


class WorkerPool:
    """``size`` worker processes, ``queue`` waiting places, ``timeout`` seconds per job (see module doc)."""

    def __init__(self, size: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE, timeout: float = DEFAULT_TIMEOUT,
                 preload: tuple[str, ...] = ()) -> None:
        if size < 1 or queue < 0 or timeout <= 0:
            raise ValueError("a pool needs at least one worker, a queue of 0 or more and a positive time limit")
        self.size, self.queue, self.timeout, self.preload = size, queue, timeout, preload
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._waiters: collections.deque[asyncio.Future[_Worker]] = collections.deque()
        self._workers: list[_Worker] = []
        self._closed = False
        self.started = 0  # jobs started
        self.timed_out = 0
        self.refused = 0

    # ---- lifecycle ----
    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, self.preload), name="mirrortrade-worker",
                                 daemon=True)
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._workers.append(w)
        return w

    def start(self) -> None:
        """Start the workers now (they import what their jobs need while the server starts); after
        :meth:`close`, start fresh ones (an app may be started again, as in-process test clients do)."""
        if not self._workers:
            self._closed = False
            self._idle = [self._spawn() for _ in range(self.size)]

    def _release(self, w: _Worker) -> None:
        """Hand ``w`` to the first waiting job (of a loop still running), else make it idle."""
        while self._waiters:
            f = self._waiters.popleft()
            if not f.done() and not f.get_loop().is_closed():
                f.set_result(w)
                return
        self._idle.append(w)

    def _reclaim(self) -> None:
        """Replace the busy workers whose job's event loop has ended (in-process test clients run a loop per
        request and may drop one mid-job; the server's single loop never ends while it serves)."""
        for w in [w for w in self._workers if w not in self._idle]:
            if w.loop is not None and (w.loop.is_closed() or not w.loop.is_running()):
                self._discard(w)
                self._idle.append(self._spawn())

    async def _acquire(self) -> _Worker:
        self.start()
        if not self._idle:
            self._reclaim()
        if self._idle:
            return self._idle.pop()
        if len(self._waiters) >= self.queue:
            self.refused += 1
            raise PoolFull()
        fut: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            return await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():
                self._release(fut.result())  # handed over just as the request went away
            elif fut in self._waiters:
                self._waiters.remove(fut)
            raise

    def _discard(self, w: _Worker) -> None:
        if w in self._workers:
            self._workers.remove(w)
        if w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=2)
        w.conn.close()

    def close(self) -> None:
        """Stop every worker at once (a running job is abandoned, a waiting one refused)."""
        self._closed = True
        for w in list(self._workers):
            self._discard(w)
        self._idle.clear()
        while self._waiters:
            f = self._waiters.popleft()
            if not f.done() and not f.get_loop().is_closed():
                f.set_exception(PoolFull())

    @property
    def busy(self) -> int:
        """Workers running a job now."""
        return len(self._workers) - len(self._idle)

    @property
    def waiting(self) -> int:
        """Jobs waiting for a worker."""
        return sum(not f.done() for f in self._waiters)

    # ---- running a job ----
    async def run(self, job: str, *args: Any, timeout: float | None = None, **kwargs: Any) -> Any:
        """Run ``job(*args, **kwargs)`` in a worker; its result, or the exception it raised. Raises
        :class:`PoolFull` when nothing is free and the queue is full, :class:`JobTimeout` past the limit."""
        w = await self._acquire()
        w.loop = asyncio.get_running_loop()
        limit = self.timeout if timeout is None else timeout
        healthy = False
        try:
            if not w.ready:  # a new worker still importing: its start-up does not count against the job
                try:
                    await self._receive(w, STARTUP_TIMEOUT)
                except TimeoutError:
                    raise WorkerDied(f"a worker did not start in {STARTUP_TIMEOUT:g} s") from None
                w.ready = True
            self.started += 1
            w.conn.send((job, args, kwargs))
            try:
                kind, value = await self._receive(w, limit)
            except TimeoutError:
                self.timed_out += 1
                raise JobTimeout(limit) from None
            healthy = True
        finally:
            if healthy and not self._closed:
                self._release(w)
            else:  # over time, cancelled or dead: kill it (abandons the job) and start a fresh one
                self._discard(w)
                if not self._closed:
                    self._release(self._spawn())
        if kind == "err":
            raise value
        return value


    async def _receive(self, w: _Worker, limit: float) -> tuple[str, Any]:
        """The worker's next message, waited for on the event loop (no thread), at most ``limit`` seconds."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[tuple[str, Any]] = loop.create_future()
        fd = w.conn.fileno()

        def readable() -> None:
            loop.remove_reader(fd)
            if fut.done():
                return
            try:
                fut.set_result(w.conn.recv())
            except Exception as e:  # EOF: the worker died
                fut.set_exception(WorkerDied(f"a worker process ended without an answer ({type(e).__name__})"))

        loop.add_reader(fd, readable)
        try:
            return await asyncio.wait_for(fut, limit)
        finally:
            loop.remove_reader(fd)


class SingleFlight:
    """One computation per key at a time; concurrent callers of the same key await the same result."""

    def __init__(self) -> None:
        self._running: dict[Any, asyncio.Task[Any]] = {}
        self.computations: dict[str, int] = {}

    async def run(self, key: Any, kind: str, compute: Callable[[], Awaitable[Any]]) -> Any:
        """``await compute()`` unless the same ``key`` is being computed; either way, its result. The
        computation is its own task: a caller that goes away does not cancel it for the others."""
        task = self._running.get(key)
        if task is not None and task.get_loop() is not asyncio.get_running_loop():
            task = None  # left by an event loop that has ended (in-process test clients run one per request)
        if task is None:
            self.computations[kind] = self.computations.get(kind, 0) + 1

            async def go() -> Any:
                try:
                    return await compute()
                finally:
                    if self._running.get(key) is task:
                        del self._running[key]

            task = asyncio.ensure_future(go())
            self._running[key] = task
        return await asyncio.shield(task)
