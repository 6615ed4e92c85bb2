"""``marsad extract``: articles in, events out (stateless)."""
from __future__ import annotations

import argparse
import gc
import sys
from contextlib import nullcontext
from typing import IO, Any, Iterable, Iterator

from ..models.floor import DEFAULT_MIN_CONFIDENCE
from ..output import FORMATS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract events from articles (JSONL, .txt, .html, folders, '-')",
                       description="Read Arabic news articles and write one coded event per line.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="articles JSONL, .txt, .html, a folder, or - for stdin")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="jsonl (default), acled-csv, geojson, or pretty (readable)")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for .txt/.html inputs")
    p.add_argument("--source", help="outlet name for .txt/.html inputs")
    p.add_argument("--model", metavar="DIR", help="model folder from `marsad train` (default: $MARSAD_MODEL, "
                   "else the models shipped with Marsad)")
    p.add_argument("--min-confidence", type=float, default=None, metavar="P",
                   help=f"write only events with confidence >= P (default {DEFAULT_MIN_CONFIDENCE})")
    p.add_argument("--explain", action="store_true",
                   help="add to each event the article relevance, sentence and sub-type scores behind it")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extraction processes (default 1); the output is the same, in input order")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar with rate on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    collecting = gc.isenabled()
    gc.disable()  # importing builds only long-lived objects (numpy, the models' modules): no collection meanwhile
    try:
        from ..ingest import InputProblem
        from ..ingest.readers import read_inputs
        from ..lexicon import DataFileError
        from ..models import use_model_dir
        from ..output import EventWriter
    finally:
        if collecting:
            gc.enable()

    fmt = args.format or "jsonl"
    workers = args.workers
    if workers < 1:
        print("marsad extract: error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.model:
        try:
            use_model_dir(args.model)
        except DataFileError as exc:
            print(f"marsad extract: error: {exc}", file=sys.stderr)
            return 2
    min_conf = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    n_articles = n_problems = n_events = 0

    def articles():
        nonlocal n_problems
        for item in read_inputs(args.inputs, published=args.published, source=args.source):
            if isinstance(item, InputProblem):
                if item.skipped:
                    n_problems += 1
                    print(f"marsad: {item}", file=sys.stderr)
                else:  # a field dropped or mended; the article is extracted
                    print(f"marsad: warning: {item}", file=sys.stderr)
                continue
            yield item

    out_ctx: IO[str] | nullcontext = (open(args.output, "w", encoding="utf-8") if args.output
                                      else nullcontext(sys.stdout))
    try:
        with out_ctx as fh:
            writer = EventWriter(fh, fmt)
            show = sys.stderr.isatty() if args.progress is None else args.progress
            stream = articles()
            if show and not args.quiet:
                from tqdm import tqdm

                stream = tqdm(stream, unit=" articles", file=sys.stderr, dynamic_ncols=True)
            if workers > 1:
                extracted = _pooled(stream, workers, min_conf, args.explain)
            else:
                extracted = (_extract(art, min_conf, args.explain, as_dicts=False) for art in stream)
            for art, events, failure in extracted:
                if failure is not None:
                    n_problems += 1
                    print(f"marsad: article {art.id}: extraction failed ({failure}); skipped", file=sys.stderr)
                    continue
                n_articles += 1
                for e in events:
                    writer.write(e)
                n_events += len(events)
            writer.close()
    except DataFileError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"marsad: cannot write output: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"marsad: {n_articles} article(s) read, {n_events} event(s) written"
              + (f", {n_problems} input problem(s) skipped" if n_problems else ""), file=sys.stderr)
    # docs/errors.md: 0 all extracted, 3 some inputs failed (the rest written), 1 nothing could be read
    return 0 if not n_problems else 3 if n_articles else 1


def _extract(art: Any, min_conf: float, explain: bool, as_dicts: bool = True) -> tuple[Any, list[Any], str | None]:
    """``(article, the events to write, None)``, or ``(article, [], why)`` when extraction failed.

    The events are those at ``min_conf`` or above, as dicts (with their scores when ``explain``), or as
    ``Event`` objects when ``as_dicts`` is False and they need no explanation; a data file that cannot be
    read is raised, as it sinks every article. (What only a failure or ``explain`` needs is imported then:
    an import statement costs a few microseconds per article.)"""
    from .. import extract_doc

    try:
        doc = extract_doc(art.text, art.published, art.source, art.id, title=art.title, url=art.url)
    except Exception as exc:  # an extractor bug on one article must not stop the batch
        from ..lexicon import DataFileError

        if isinstance(exc, DataFileError):
            raise
        return art, [], f"{type(exc).__name__}: {exc}"
    kept = [e for e in doc.events if e.confidence >= min_conf]
    if explain:
        from ..models.gate import explained

        return art, [explained(doc, e) for e in kept], None
    return art, ([e.to_dict() for e in kept] if as_dicts else kept), None


def _in_worker(art: Any, min_conf: float, explain: bool) -> tuple[list[Any], str | None]:
    """In a worker process: ``_extract`` less the article, which the parent already holds."""
    _, events, failure = _extract(art, min_conf, explain)
    return events, failure


# Articles per batch handed to the pool, and batches handed ahead of the one being written: the workers
# never wait for the writer, and memory holds a few hundred articles whatever the input's length.
POOL_BATCH = 64
POOL_AHEAD = 2


def _pooled(articles: Iterable[Any], workers: int, min_conf: float, explain: bool) -> Iterator[tuple[Any, list[Any], str | None]]:
    """``_extract`` of each article over a pool of ``workers`` processes, in input order.

    Every worker loads the data once (as one process does); the parent reads the input and writes.
    The events come back as the dicts the writer makes of them in one process: the output is the same.
    """
    import multiprocessing
    from collections import deque
    from functools import partial
    from itertools import islice

    task = partial(_in_worker, min_conf=min_conf, explain=explain)
    stream = iter(articles)
    # spawn, not fork: the parent may run threads (a progress bar) that fork would copy mid-state
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending: deque[tuple[list[Any], Iterator[tuple[list[Any], str | None]]]] = deque()
        chunk = max(1, POOL_BATCH // (2 * workers))
        while True:
            while len(pending) <= POOL_AHEAD:
                batch = list(islice(stream, POOL_BATCH))
                if not batch:
                    break
                pending.append((batch, pool.imap(task, batch, chunksize=chunk)))
            if not pending:
                break
            batch, results = pending.popleft()
            for art, (events, failure) in zip(batch, results):
                yield art, events, failure
