"""``marsad load DIR --db PATH [--country C] [--since D] [--until D]``: a Spark result into the database."""
from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "load", help="load a Spark result (or a country/period slice of it) into the event database",
        description="Bring the Parquet datasets written by 'marsad ingest --engine spark --out DIR' into an "
                    "SQLite database for 'marsad serve', datasette and the other commands. The store re-fuses "
                    "the events in the Spark job's order and the command checks the fused events agree.")
    p.add_argument("result", metavar="DIR", help="the --out folder of a Spark ingest")
    p.add_argument("--db", default="marsad.db", help="database file (default: ./marsad.db)")
    p.add_argument("--country", default=None, help="only events in this country (as coded, e.g. Syria)")
    p.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="only events dated on or after this day")
    p.add_argument("--until", default=None, metavar="YYYY-MM-DD", help="only events dated on or before this day")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engines.spark_load import load
    from ..store import Store

    bar = None
    if not args.no_progress:
        from tqdm import tqdm

        bar = tqdm(unit="art", file=sys.stderr, dynamic_ncols=True, desc="load")
    try:
        with Store(args.db) as store:
            rep = load(args.result, store, country=args.country, since=args.since, until=args.until,
                       progress=bar.update if bar is not None else None)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    print(rep.summary(), file=sys.stderr)
    if rep.differing:
        print(f"warning: {len(rep.differing)} fused event(s) differ from the Spark result (e.g. {rep.differing[0]}); "
              "fused events crossing the slice's edges are fused from the slice's reports only", file=sys.stderr)
    return 0
