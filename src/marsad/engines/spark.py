"""The Spark engine behind ``marsad ingest --engine spark --db X.db``: extraction with ``mapPartitions``,
results collected in input order and written by the same store code as the local engine (one
transaction per batch, so resume and idempotence are the same).

    marsad ingest corpus.jsonl.gz --engine spark --spark-master local[4]

Every article passes through the driver here, and one SQLite file is the single writer: fine for a
machine's worth of articles. For archives that outgrow a machine, ``--out DIR`` runs the whole path
on the executors instead (``engines/spark_job.py``, docs/spark.md).

Needs ``pip install 'marsad[spark]'`` (pyspark) and Java 17 on the machine.
"""
from __future__ import annotations

import dataclasses
import os
import sys
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..ingest import Article
from . import Result

INSTALL_HINT = ("the spark engine needs pyspark: pip install 'marsad[spark]' (or pip install pyspark), "
                "and a Java runtime (17) on the machine")


class SparkUnavailable(RuntimeError):
    """pyspark is not installed (the message says how to install it)."""


def _partitioner(extract_fn: Callable[[Article], Result] | None):
    def run(rows: Iterable[tuple[int, dict[str, Any]]]) -> Iterator[tuple[int, list[dict[str, Any]] | None, str | None]]:
        from . import extract_one

        fn = extract_fn or extract_one
        for idx, art in rows:
            _, events, err = fn(Article(**art))
            yield idx, events, err
    return run


class SparkEngine:
    """Callable engine: ``engine(articles) -> Iterator[(article, event dicts, error)]`` in input order."""

    def __init__(self, master: str | None = None, partitions: int | None = None, app_name: str = "marsad-ingest",
                 spark_context: Any = None, extract_fn: Callable[[Article], Result] | None = None) -> None:
        try:
            import pyspark  # noqa: F401
        except ImportError as exc:
            raise SparkUnavailable(INSTALL_HINT) from exc
        self.master = master
        self.partitions = partitions
        self.app_name = app_name
        self._sc = spark_context
        self._own = spark_context is None
        self.extract_fn = extract_fn  # (article) -> (article, event dicts, error); default marsad's pipeline

    @property
    def sc(self) -> Any:
        if self._sc is None:
            from pyspark import SparkConf, SparkContext

            # local workers run this interpreter (the one marsad is installed in) unless told otherwise
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            conf = SparkConf().setAppName(self.app_name)
            if self.master:
                conf = conf.setMaster(self.master)
            elif not conf.contains("spark.master"):
                conf = conf.setMaster("local[*]")
            self._sc = SparkContext.getOrCreate(conf)
            self._sc.setLogLevel("ERROR")
        return self._sc

    def __call__(self, articles: Sequence[Article]) -> Iterator[Result]:
        arts = list(articles)
        if not arts:
            return iter(())
        n = self.partitions or max(1, min(len(arts), self.sc.defaultParallelism * 2))
        rdd = self.sc.parallelize([(i, dataclasses.asdict(a)) for i, a in enumerate(arts)], n)
        out = sorted(rdd.mapPartitions(_partitioner(self.extract_fn)).collect(), key=lambda r: r[0])
        return iter([(arts[i], events, err) for i, events, err in out])

    def close(self) -> None:
        if self._own and self._sc is not None:
            self._sc.stop()
            self._sc = None
