"""Where the per-record work runs: in this process, a local process pool, or Ray.

Every engine has the same contract: ``map(fn, batches)`` yields ``fn(batch)`` for each batch **in
input order**, with a bounded number of batches in flight (so memory stays flat on any crawl).
Ordered results are what make a run deterministic and resumable: the store always holds a
prefix of the input.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dateline.errors import DatelineError

ENGINES = ("local", "ray")
TASK_TIMEOUT = 600.0  # seconds one batch may take before its worker is presumed hung


class WorkerLost(DatelineError):
    """A worker died (crash, out of memory) or hung while running a task."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        super().__init__(detail)


class InlineEngine:
    """Runs everything in the calling process (``--workers 0``; handy for debugging)."""

    workers = 1
    name = "inline"

    def map(self, fn: Callable, batches: Iterable, fallback: Callable | None = None) -> Iterator[Any]:
        """``fn`` over the batches, in order (no isolation: ``fallback`` is never needed)."""
        for batch in batches:
            yield fn(batch)

    def run_one(self, fn: Callable, batch: Any) -> Any:
        """``fn(batch)`` here."""
        return fn(batch)

    def close(self) -> None:
        """Nothing to release."""


class LocalEngine:
    """A pool of worker processes on this machine (spawned, so no state leaks from the parent)."""

    name = "local"

    def __init__(self, workers: int, window: int = 4) -> None:
        self.workers = workers
        self.window = window * workers
        self.pool = None

    def start(self) -> None:
        """Start the worker processes (each imports dateline and loads the model once)."""
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=warm_worker)

    def map(self, fn: Callable, batches: Iterable, fallback: Callable | None = None) -> Iterator[Any]:
        """``fn`` over the batches in the pool, results in input order.

        When a worker dies or hangs, the pool is restarted and every batch that was in flight
        gets its result from ``fallback(batch)`` (which can run records one at a time with
        ``run_one``, so the record that kills a worker is found); with no fallback the error is
        raised.
        """
        if self.pool is None:
            self.start()
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self.pool.submit(fn, batch)))
            if len(pending) >= self.window:
                yield self._collect(fn, pending, fallback)
        while pending:
            yield self._collect(fn, pending, fallback)

    def _collect(self, fn: Callable, pending: deque, fallback: Callable | None) -> Any:
        batch, future = pending.popleft()
        if future is None:  # in flight when a worker died: isolated, record by record
            return fallback(batch)
        try:
            return self._wait(future)
        except WorkerLost:
            if fallback is None:
                raise
            for i, (other, _) in enumerate(pending):
                pending[i] = (other, None)
            return fallback(batch)

    def run_one(self, fn: Callable, batch: Any) -> Any:
        """``fn(batch)`` in the pool; raises ``WorkerLost`` when its worker dies or hangs."""
        if self.pool is None:
            self.start()
        return self._wait(self.pool.submit(fn, batch))

    def _wait(self, future) -> Any:
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result(timeout=TASK_TIMEOUT)
        except BrokenProcessPool as exc:
            self.restart()
            raise WorkerLost("worker-crash", f"a worker process died: {exc}") from exc
        except FutureTimeout as exc:
            self.restart()
            raise WorkerLost("timeout", f"no result after {TASK_TIMEOUT:.0f} s") from exc

    def restart(self) -> None:
        """Kill the workers (crashed, hung or not) and start a fresh pool."""
        if self.pool is not None:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.kill()
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.start()

    def close(self) -> None:
        """Stop the worker processes."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class RayEngine:
    """Ray tasks: a local Ray instance, or the cluster named by ``RAY_ADDRESS``.

    The driver reads the input and writes the store; tasks extract batches.
    """

    name = "ray"

    def __init__(self, workers: int, window: int = 4) -> None:
        try:
            import ray
        except ImportError as exc:
            raise DatelineError("--engine ray needs Ray: pip install 'dateline[ray]'") from exc
        self.ray = ray
        self.workers = workers
        self.window = window * workers
        if not ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS")
            kwargs = {} if address else {"num_cpus": workers, "include_dashboard": False}
            ray.init(address=address, log_to_driver=False, configure_logging=False, **kwargs)
        self._task = ray.remote(_ray_batch)

    def map(self, fn: Callable, batches: Iterable, fallback: Callable | None = None) -> Iterator[Any]:
        """``fn`` over the batches as Ray tasks, results in input order (``fallback`` as for
        ``LocalEngine.map``; Ray itself replaces dead workers)."""
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self._task.remote(fn, batch)))
            if len(pending) >= self.window:
                yield self._collect(pending.popleft(), fallback)
        while pending:
            yield self._collect(pending.popleft(), fallback)

    def _collect(self, item: tuple, fallback: Callable | None) -> Any:
        batch, ref = item
        try:
            return self._wait(ref)
        except WorkerLost:
            if fallback is None:
                raise
            return fallback(batch)

    def run_one(self, fn: Callable, batch: Any) -> Any:
        """``fn(batch)`` as one Ray task; raises ``WorkerLost`` when it dies or hangs."""
        return self._wait(self._task.remote(fn, batch))

    def _wait(self, ref) -> Any:
        from ray.exceptions import GetTimeoutError, RayError

        try:
            return self.ray.get(ref, timeout=TASK_TIMEOUT)
        except GetTimeoutError as exc:
            self.ray.cancel(ref, force=True)
            raise WorkerLost("timeout", f"no result after {TASK_TIMEOUT:.0f} s") from exc
        except RayError as exc:
            raise WorkerLost("worker-crash", f"the Ray task failed: {exc}"[:300]) from exc

    def close(self) -> None:
        """Leave Ray running for the process (a later run reuses it); nothing to release."""


def _ray_batch(fn: Callable, batch: Any) -> Any:
    return fn(batch)


def warm_worker() -> None:
    """Load the labeller in a new worker before its first task, and make the worker end when
    the process that started it does (``exit_with_parent``)."""
    from dateline.labeller import load_author_model, load_models

    exit_with_parent()
    load_models()
    load_author_model()


def exit_with_parent() -> None:
    """End this worker process as soon as its parent is gone. A pool's worker waits on a queue
    whose write end it holds itself, so a parent killed with SIGKILL (which never tells its
    workers to stop) would leave it waiting for ever."""
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def make_engine(name: str, workers: int):
    """The engine called ``name`` with ``workers`` workers (0: run inline)."""
    if name not in ENGINES:
        raise DatelineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if name == "ray":
        return RayEngine(max(1, workers))
    return InlineEngine() if workers == 0 else LocalEngine(workers)
