"""The ingest loop: read inputs, skip what is stored, extract the rest, store a batch per transaction.

Used by ``marsad ingest`` and the benchmarks. A run killed at any point leaves only whole batches
(each batch's articles, events and fusion are one transaction), and the next run skips every stored
article by id and content hash, so it resumes where the last one stopped: no duplicates, none lost.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, NamedTuple, Sequence

from ..ingest import Article, InputProblem
from .. import parse_published
from . import IngestStats, Store, content_hash


@dataclass
class IngestReport:
    stats: IngestStats = field(default_factory=IngestStats)
    articles_read: int = 0
    problems: int = 0  # inputs (lines, files, articles) left out while reading
    warnings: int = 0  # articles kept with a field dropped or mended
    extraction_errors: int = 0
    store_errors: int = 0  # articles whose storing or fusion failed (rolled back alone)
    duplicates: int = 0  # an id seen earlier in this run with other content: left out
    seconds: float = 0.0
    skipped_known: int = 0  # stored by an earlier run: not even extracted
    undated: list[str] = field(default_factory=list)  # ids of stored articles with no usable date

    @property
    def failed(self) -> int:
        """Articles (or inputs) that did not land."""
        return self.problems + self.extraction_errors + self.store_errors + self.duplicates

    @property
    def exit_status(self) -> int:
        """0: everything landed; 3 (partial): some input failed, the rest landed; 1: nothing was read."""
        if self.articles_read == 0 and self.failed:
            return 1
        return 3 if self.failed else 0

    def summary(self) -> str:
        s = self.stats
        rate = self.articles_read / self.seconds if self.seconds else 0.0
        return (f"{self.articles_read} articles read in {self.seconds:.1f}s ({rate:.1f}/s): {s.articles_added} added, "
                f"{s.articles_replaced} replaced, {s.articles_skipped + self.skipped_known} already stored; "
                f"{s.events_added} events, {s.fused_new} new fused events, {s.fused_joined} merged into existing ones; "
                f"{self.problems} bad input(s), {self.extraction_errors} extraction error(s), "
                f"{self.store_errors} storing error(s), {self.duplicates} duplicate id(s), {self.warnings} warning(s)")

    def undated_warning(self, show: int = 10) -> str | None:
        """A warning naming the stored articles that have no publication date (their events are
        undated unless the text dates them), or None."""
        if not self.undated:
            return None
        n = len(self.undated)
        names = ", ".join(self.undated[:show]) + (f" and {n - show} more" if n > show else "")
        return (f"warning: {n} article(s) have no usable publication date, so events they do not date in the "
                f"text are undated: {names}. Give dates with 'published' in the JSONL, --published, or "
                "--published-from url|html|mtime|field:NAME")


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
           batch_size: int = 100, progress: Any = None, report: Callable[[str], None] = _say,
           errors_file: IO[str] | None = None, read_ahead: int = 0) -> IngestReport:
    """Store every article of ``items`` with its events; ``engine`` extracts a list of articles.

    ``progress`` is a tqdm-like object (``update(n)``) or None; ``report`` receives one line per
    bad input or failed article (naming file, line and article). Every failure is isolated to its
    article: it is written to the database's ``errors`` table (and, one JSON object a line, to
    ``errors_file``) and the rest of the batch lands.

    ``read_ahead`` batches are handed to the engine before the oldest one is stored: an engine that starts
    work when called (a process pool) extracts them while this process stores, instead of waiting for
    it. Batches are stored, and their problems reported, in input order whatever ``read_ahead`` is: a
    later batch's articles are never those of an earlier one (an id is read once per run), so whether
    the store needs one does not depend on the batches before it being stored yet.
    """
    rep = IngestReport()
    t0 = time.perf_counter()
    run_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    batch: list[Article] = []
    problems: list[tuple[str, str | None, str | None, str, str]] = []  # the batch being read's, reported with it
    seen: dict[str, tuple[str, str | None]] = {}  # id -> (content hash, where) of articles read in this run
    pending: deque[_Pending] = deque()  # batches handed to the engine, not stored yet (oldest first)

    def fail(errors: list[tuple[str, str | None, str | None, str]], stage: str, where: str | None,
             article_id: str | None, reason: str, note: str) -> None:
        errors.append((stage, where, article_id, reason))
        place = f"{where}: " if where else ""
        art = f"article {article_id}: " if article_id else ""
        report(f"{'warning' if stage == 'warning' else 'error'}: {place}{art}{reason}{note}")
        if errors_file is not None:
            errors_file.write(json.dumps({"run_at": run_at, "stage": stage, "location": where, "article_id": article_id,
                                          "reason": reason}, ensure_ascii=False) + "\n")

    def hand_over() -> None:
        """Start the batch read so far (the engine may begin at once) with the problems read alongside it."""
        if not batch and not problems:
            return
        todo: list[Article] = []
        if batch:
            need = store.needs(batch)
            todo = [a for a, n in zip(batch, need) if n]
            rep.skipped_known += len(batch) - len(todo)
        pending.append(_Pending(len(batch), list(problems), engine(todo) if todo else ()))
        batch.clear()
        problems.clear()

    def store_oldest() -> None:
        done = pending.popleft()
        errors: list[tuple[str, str | None, str | None, str]] = []
        for problem in done.problems:
            fail(errors, *problem)
        good = []
        for article, events, err in done.results:
            if err is not None:
                rep.extraction_errors += 1
                fail(errors, "extract", article.where, article.id, err, "; skipped (retried on the next run)")
                continue
            good.append((article, events))
        if good:
            st = store.add_articles(good)
            for article, reason in st.failed:
                rep.store_errors += 1
                fail(errors, "store", getattr(article, "where", None), article.id, reason,
                     "; skipped (retried on the next run)")
            failed = {id(a) for a, _ in st.failed}
            rep.undated += [a.id for a, _ in good if id(a) not in failed and parse_published(a.published) is None]
            rep.stats += st
        if errors:
            store.record_errors(errors, run_at)
        if progress is not None and done.size:
            progress.update(done.size)

    for item in items:
        if isinstance(item, InputProblem):
            if item.skipped:
                rep.problems += 1
                problems.append(("read", item.where, item.article_id, item.message, ""))
            else:
                rep.warnings += 1
                problems.append(("warning", item.where, item.article_id, item.message, ""))
            continue
        rep.articles_read += 1
        h = content_hash(item)
        first = seen.get(item.id)
        if first is not None:
            if first[0] != h:
                rep.duplicates += 1
                problems.append(("read", item.where, item.id, f"duplicate id: {first[1] or 'an earlier article'} has "
                                 "the same id and other content", "; this one skipped, the first kept"))
            else:
                rep.skipped_known += 1  # the same article twice: nothing to do
            continue
        seen[item.id] = (h, item.where)
        batch.append(item)
        if len(batch) >= batch_size:
            hand_over()
            while len(pending) > read_ahead:
                store_oldest()
    hand_over()
    while pending:
        store_oldest()
    rep.seconds = time.perf_counter() - t0
    return rep


class _Pending(NamedTuple):
    """A batch handed to the engine: how many articles it read, the problems read with it, its results."""

    size: int
    problems: list[tuple[str, str | None, str | None, str, str]]
    results: Iterable[Any]
