"""The local engine: extract on this machine, in input order, in this process or a process pool.

With ``workers`` > 1 the articles of each batch are spread over a pool of worker processes (each
loads the data once) and the results come back in input order to the caller, the single writer;
the output is the same as with one worker.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, Iterator, Sequence

from ..ingest import Article
from . import Result, extract_one, iter_results

# Batches smaller than this are extracted in this process: starting the pool would cost more.
MIN_POOL_BATCH = 16


def extract_batch(articles: Sequence[Article]) -> Iterator[Result]:
    """``(article, event dicts, error)`` for each article, in order."""
    return iter_results(articles)


def _records(article: Article) -> tuple[Any, str | None]:
    """In a worker: the records and error of one article (the article itself is not sent back)."""
    _, records, err = extract_one(article)
    return records, err


class PoolEngine:
    """``(articles) -> results`` over ``workers`` processes, started on the first large batch."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Any = None

    def __call__(self, articles: Sequence[Article]) -> Iterator[Result]:
        if len(articles) < MIN_POOL_BATCH:
            return iter_results(articles)
        if self._pool is None:
            # spawn, not fork: the parent may run threads (a progress bar) that fork would copy mid-state
            self._pool = multiprocessing.get_context("spawn").Pool(self.workers)
        chunk = max(1, len(articles) // (self.workers * 4))
        results = self._pool.imap(_records, articles, chunksize=chunk)
        return ((a, records, err) for a, (records, err) in zip(articles, results))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def local_engine(workers: int | None = None) -> Callable[[Sequence[Article]], Iterator[Result]]:
    """The local engine with ``workers`` processes (None: one per CPU core; 1: this process only)."""
    n = workers if workers is not None else (os.cpu_count() or 1)
    if n < 1:
        raise ValueError("workers must be at least 1")
    return extract_batch if n == 1 else PoolEngine(n)
