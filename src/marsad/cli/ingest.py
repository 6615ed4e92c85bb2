"""``marsad ingest INPUT... [--db PATH]``: extract articles and store them, fused, in the database.

Exit status (docs/errors.md): 0 everything landed; 3 some inputs or articles failed (each reported
with file, line and id, and kept in the database's ``errors`` table) while the rest landed; 1 nothing
could be read, or the database cannot be used; 2 bad arguments.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Iterable, Iterator

from ..models.floor import DEFAULT_MIN_CONFIDENCE

# Batches a worker pool is handed ahead of the one being stored: enough that the workers never wait
# for the writer, few enough that memory holds only a few hundred articles.
POOL_READ_AHEAD = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest", help="extract articles into the event database (idempotent, resumable)",
        description="Extract events from articles and store them, fused across articles, in an SQLite "
                    "database. Re-running on the same input changes nothing; a killed run resumes. "
                    "A bad article is reported and skipped, never stopping the run. Exit status: 0 all "
                    "stored, 3 some failed (see the errors table), 1 nothing read or unusable database, "
                    "2 bad arguments.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL(.gz), .txt, .html files, folders, or - for stdin")
    p.add_argument("--db", default="marsad.db", help="database file (default: ./marsad.db)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="articles per transaction (default 100; 2000 with --engine spark)")
    p.add_argument("--engine", choices=("local", "spark"), default="local", help="where extraction runs")
    p.add_argument("--spark-master", "--master", dest="spark_master", default=None,
                   help="Spark master URL (default: local[*] or spark-submit's)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="with --engine spark: write Parquet datasets to DIR (local path or hdfs://, s3a:// URL) "
                        "instead of a database; then 'marsad load DIR' (see docs/spark.md)")
    p.add_argument("--published", default=None, help="publication date (YYYY-MM-DD) for .txt/.html inputs")
    p.add_argument("--published-from", default=None, metavar="WHERE[,WHERE]",
                   help="date articles that have no publication date from: url (a date in the article's URL, "
                        "e.g. /2017/10/12/), html (the page's published-time metadata), mtime (the file's "
                        "modification day, i.e. when it was crawled), field:NAME (the first YYYY-MM-DD in the "
                        "JSONL record's field NAME, e.g. field:crawled); several, comma-separated")
    p.add_argument("--source", default=None, help="outlet name for .txt/.html inputs")
    p.add_argument("--errors", default=None, metavar="FILE",
                   help="also write every problem as a JSON line (stage, location, article_id, reason) to FILE")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--model", metavar="DIR", help="model folder from `marsad train` (default: $MARSAD_MODEL, "
                   "else the models shipped with Marsad)")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="P",
                   help="store only events with confidence >= P (default 0: store every published event and "
                        "choose at export, where `marsad events` and the API default to "
                        f"{DEFAULT_MIN_CONFIDENCE})")
    p.add_argument("--workers", type=int, default=None,
                   help="extraction processes for --engine local (default: one per CPU core)")
    p.set_defaults(func=run)


def with_confidence_floor(engine: Any, floor: float) -> Any:
    """Wrap an engine so that event records below ``floor`` are not stored (control records are kept)."""
    def kept(results: Iterable[Any]) -> Iterator[Any]:
        for article, records, error in results:
            if records is not None:
                records = [r for r in records if r.get("record") == "control" or (r.get("confidence") or 0) >= floor]
            yield article, records, error

    def run_batch(articles: Any) -> Iterator[Any]:
        return kept(engine(articles))  # the engine is called now: a pool starts on the batch at once
    run_batch.close = getattr(engine, "close", lambda: None)  # type: ignore[attr-defined]
    return run_batch


def _usage(msg: str) -> int:
    print(f"marsad ingest: error: {msg}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if args.out is not None:  # the distributed path: nothing passes through this process (engines/spark_job.py)
        from ..engines.spark_job import cli_run
        return cli_run(args)
    from .. import parse_published
    from ..engines import get_engine
    from ..ingest.readers import PUBLISHED_FROM, read_inputs
    from ..store import Store
    from ..store.ingest import count_articles, ingest

    batch = args.batch_size or (2000 if args.engine == "spark" else 100)
    if batch < 1:
        return _usage("--batch-size must be at least 1")
    if args.workers is not None and args.workers < 1:
        return _usage("--workers must be at least 1")
    if args.published:
        try:
            parse_published(args.published, strict=True)
        except ValueError as exc:
            return _usage(f"--published {args.published!r}: {exc}")
    published_from = [w.strip() for w in (args.published_from or "").split(",") if w.strip()]
    bad = [w for w in published_from if w not in PUBLISHED_FROM and not (w.startswith("field:") and len(w) > 6)]
    if bad:
        return _usage(f"--published-from {','.join(bad)}: choose from {', '.join(PUBLISHED_FROM)}")
    errors_fh = None
    if args.errors:
        try:
            errors_fh = open(args.errors, "a", encoding="utf-8")
        except OSError as exc:
            print(f"marsad ingest: cannot write {args.errors}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    try:
        engine = get_engine(args.engine, master=args.spark_master) if args.engine == "spark" else get_engine("local", workers=args.workers)
    except RuntimeError as exc:  # SparkUnavailable
        print(f"marsad ingest: error: {exc}", file=sys.stderr)
        return 2
    # a pool extracts the next batches while this process stores one (a process or Spark: one at a time)
    read_ahead = POOL_READ_AHEAD if getattr(engine, "workers", 1) > 1 else 0
    if args.min_confidence:
        engine = with_confidence_floor(engine, args.min_confidence)
    if args.model:
        from ..lexicon import DataFileError
        from ..models import use_model_dir

        try:
            use_model_dir(args.model)
        except DataFileError as exc:
            return _usage(str(exc))
    bar = None
    show = sys.stderr.isatty() if args.progress is None else args.progress
    if show:
        from tqdm import tqdm

        bar = tqdm(total=count_articles(args.inputs), unit="art", file=sys.stderr, dynamic_ncols=True,
                   desc="ingest", smoothing=0.1)
    try:
        with Store(args.db) as store:  # StoreError: reported by the dispatcher, exit 1
            rep = ingest(store, read_inputs(args.inputs, published=args.published, source=args.source,
                                            published_from=published_from),
                         engine, batch_size=batch, progress=bar, errors_file=errors_fh, read_ahead=read_ahead,
                         report=(bar.write if bar is not None else lambda m: print(f"marsad: {m}", file=sys.stderr)))
    finally:
        if bar is not None:
            bar.close()
        if hasattr(engine, "close"):
            engine.close()
        if errors_fh is not None:
            errors_fh.close()
    warning = rep.undated_warning()
    if warning:
        print(f"marsad: {warning}", file=sys.stderr)
    print(rep.summary(), file=sys.stderr)
    if rep.exit_status == 3:
        print(f"marsad: {rep.failed} input(s) or article(s) failed and were skipped; the rest is stored "
              f"(see the errors table: sqlite3 {args.db} 'SELECT * FROM errors ORDER BY id DESC')", file=sys.stderr)
    elif rep.exit_status == 1:
        print("marsad: nothing could be read", file=sys.stderr)
    return rep.exit_status
