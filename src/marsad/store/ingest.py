"""The ingest loop: read inputs, skip what is stored, extract the rest, store a batch per transaction.

Used by ``marsad ingest`` and the benchmarks. A run killed at any point leaves only whole batches
(each batch's articles, events and fusion are one transaction), and the next run skips every stored
article by id and content hash, so it resumes where the last one stopped: no duplicates, none lost.
"""
from __future__ import annotations

import gzip
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..ingest import Article, InputProblem
from . import IngestStats, Store


@dataclass
class IngestReport:
    stats: IngestStats = field(default_factory=IngestStats)
    articles_read: int = 0
    problems: int = 0
    extraction_errors: int = 0
    seconds: float = 0.0
    skipped_known: int = 0  # stored by an earlier run: not even extracted

    def summary(self) -> str:
        s = self.stats
        rate = self.articles_read / self.seconds if self.seconds else 0.0
        return (f"{self.articles_read} articles read in {self.seconds:.1f}s ({rate:.1f}/s): {s.articles_added} added, "
                f"{s.articles_replaced} replaced, {s.articles_skipped + self.skipped_known} already stored; "
                f"{s.events_added} events, {s.fused_new} new fused events, {s.fused_joined} merged into existing ones; "
                f"{self.problems} bad input(s), {self.extraction_errors} extraction error(s)")



def count_articles(paths: Sequence[str]) -> int | None:
    """A quick article count for the progress bar (JSONL lines, other files one each); None for stdin."""
    total = 0
    for spec in paths:
        if spec == "-":
            return None
        p = Path(spec)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            name = f.name.lower()
            try:
                if name.endswith(".jsonl.gz"):
                    with gzip.open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif name.endswith((".jsonl", ".ndjson", ".json")):
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif name.endswith((".txt", ".html", ".htm")):
                    total += 1
            except OSError:
                continue
    return total


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def ingest(store: Store, items: Iterable[Article | InputProblem], engine: Callable[[Sequence[Article]], Iterable[Any]],
           batch_size: int = 100, progress: Any = None, report: Callable[[str], None] = _say) -> IngestReport:
    """Store every article of ``items`` with its events; ``engine`` extracts a list of articles.

    ``progress`` is a tqdm-like object (``update(n)``) or None; ``report`` receives one line per
    bad input or failed article (naming file, line and article).
    """
    rep = IngestReport()
    t0 = time.perf_counter()
    batch: list[Article] = []

    def flush() -> None:
        if not batch:
            return
        need = store.needs(batch)
        todo = [a for a, n in zip(batch, need) if n]
        rep.skipped_known += len(batch) - len(todo)
        good = []
        for article, events, err in engine(todo):
            if err is not None:
                rep.extraction_errors += 1
                report(f"article {article.id}: {err}; skipped (will be retried on the next run)")
                continue
            good.append((article, events))
        if good:
            rep.stats += store.add_articles(good)
        if progress is not None:
            progress.update(len(batch))
        batch.clear()

    for item in items:
        if isinstance(item, InputProblem):
            rep.problems += 1
            report(f"bad input: {item}; skipped")
            continue
        rep.articles_read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    rep.seconds = time.perf_counter() - t0
    return rep
