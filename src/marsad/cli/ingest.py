"""``marsad ingest INPUT... [--db PATH]``: extract articles and store them, fused, in the database."""
from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest", help="extract articles into the event database (idempotent, resumable)",
        description="Extract events from articles and store them, fused across articles, in an SQLite "
                    "database. Re-running on the same input changes nothing; a killed run resumes.")
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
    p.add_argument("--published", default=None, help="publication date for .txt/.html inputs")
    p.add_argument("--source", default=None, help="outlet name for .txt/.html inputs")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.out is not None:  # the distributed path: nothing passes through this process (engines/spark_job.py)
        from ..engines.spark_job import cli_run
        return cli_run(args)
    from ..engines import get_engine
    from ..ingest.readers import read_inputs
    from ..store import Store
    from ..store.ingest import count_articles, ingest

    batch = args.batch_size or (2000 if args.engine == "spark" else 100)
    if batch < 1:
        print("error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    try:
        engine = get_engine(args.engine, master=args.spark_master) if args.engine == "spark" else get_engine("local")
    except RuntimeError as exc:  # SparkUnavailable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    bar = None
    if not args.no_progress:
        from tqdm import tqdm

        bar = tqdm(total=count_articles(args.inputs), unit="art", file=sys.stderr, dynamic_ncols=True,
                   desc="ingest", smoothing=0.1)
    try:
        with Store(args.db) as store:
            rep = ingest(store, read_inputs(args.inputs, published=args.published, source=args.source), engine,
                         batch_size=batch, progress=bar,
                         report=(bar.write if bar is not None else lambda m: print(m, file=sys.stderr)))
    finally:
        if bar is not None:
            bar.close()
        if hasattr(engine, "close"):
            engine.close()
    print(rep.summary(), file=sys.stderr)
    return 0
