"""``marsad extract``: articles in, events out (stateless)."""
from __future__ import annotations

import argparse
import gc
import sys
from contextlib import nullcontext
from typing import IO

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
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar with rate on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    collecting = gc.isenabled()
    gc.disable()  # importing builds only long-lived objects (numpy, the models' modules): no collection meanwhile
    try:
        from .. import extract_doc
        from ..ingest import InputProblem
        from ..ingest.readers import read_inputs
        from ..lexicon import DataFileError
        from ..models import use_model_dir
        from ..models.gate import explained
        from ..output import EventWriter
    finally:
        if collecting:
            gc.enable()

    fmt = args.format or "jsonl"
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
            for art in stream:
                try:
                    doc = extract_doc(art.text, art.published, art.source, art.id, title=art.title, url=art.url)
                except DataFileError:
                    raise
                except Exception as exc:  # an extractor bug on one article must not stop the batch
                    n_problems += 1
                    print(f"marsad: article {art.id}: extraction failed ({type(exc).__name__}: {exc}); skipped",
                          file=sys.stderr)
                    continue
                n_articles += 1
                for e in doc.events:
                    if e.confidence < min_conf:
                        continue
                    writer.write(explained(doc, e) if args.explain else e)
                    n_events += 1
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
