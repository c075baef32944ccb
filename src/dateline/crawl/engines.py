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


class InlineEngine:
    """Runs everything in the calling process (``--workers 0``; handy for debugging)."""

    workers = 1
    name = "inline"

    def map(self, fn: Callable, batches: Iterable) -> Iterator[Any]:
        """``fn`` over the batches, in order."""
        for batch in batches:
            yield fn(batch)

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

    def map(self, fn: Callable, batches: Iterable) -> Iterator[Any]:
        """``fn`` over the batches in the pool, results in input order."""
        if self.pool is None:
            self.start()
        pending: deque = deque()
        for batch in batches:
            pending.append(self.pool.submit(fn, batch))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

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

    def map(self, fn: Callable, batches: Iterable) -> Iterator[Any]:
        """``fn`` over the batches as Ray tasks, results in input order."""
        pending: deque = deque()
        for batch in batches:
            pending.append(self._task.remote(fn, batch))
            if len(pending) >= self.window:
                yield self.ray.get(pending.popleft())
        while pending:
            yield self.ray.get(pending.popleft())

    def close(self) -> None:
        """Leave Ray running for the process (a later run reuses it); nothing to release."""


def _ray_batch(fn: Callable, batch: Any) -> Any:
    return fn(batch)


def warm_worker() -> None:
    """Load the labeller in a new worker before its first task."""
    from dateline.labeller import load_models

    load_models()


def make_engine(name: str, workers: int):
    """The engine called ``name`` with ``workers`` workers (0: run inline)."""
    if name not in ENGINES:
        raise DatelineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if name == "ray":
        return RayEngine(max(1, workers))
    return InlineEngine() if workers == 0 else LocalEngine(workers)
