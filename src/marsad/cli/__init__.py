"""Command line: thin wrappers that parse arguments, call the API and print.

Each subcommand lives in its own module with a ``register(subparsers)`` function.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import sys

# The exit-status contract of every subcommand (docs/errors.md).
EXIT_OK = 0  # everything asked for was done
EXIT_FAILURE = 1  # nothing could be done: no input read, a database that cannot be used, output not writable
EXIT_USAGE = 2  # bad arguments (argparse uses 2 as well)
EXIT_PARTIAL = 3  # some inputs or articles failed (each reported with file, line and id); the rest was done

SUBCOMMANDS = ("extract", "ingest", "load", "events", "control", "places", "gazetteer", "serve", "train")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(prog="marsad", description="Arabic news → ACLED-coded conflict events.")
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # subcommand not part of this build
            raise
        module.register(sub)
    return parser


# Commands whose numpy work is large enough for OpenBLAS's threads to pay (fitting the models).
BLAS_THREADED = frozenset({"train"})


def limit_blas_threads(command: str) -> None:
    """One OpenBLAS thread for ``command`` unless it fits models, set before numpy is imported.

    Extraction's arithmetic is a few small dot products per article, below OpenBLAS's threading
    thresholds, yet importing numpy starts an OpenBLAS thread per core: ~70 ms of start-up. A value
    the user set is kept; worker processes inherit it."""
    if command not in BLAS_THREADED:
        import os

        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: list[str] | None = None) -> int:
    # Start-up builds only long-lived objects (modules, the parser): no cyclic collection meanwhile; each
    # one walked every object allocated so far (~2% of a one-article extract's instructions)
    collecting = gc.isenabled()
    gc.disable()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    finally:
        if collecting:
            gc.enable()
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    limit_blas_threads(args.command)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # Database errors can only come from a command that imported the store (and sqlite3): those
        # modules are not imported here, so that commands without a database start faster.
        store, sqlite3 = sys.modules.get("marsad.store"), sys.modules.get("sqlite3")
        if store is not None and isinstance(exc, store.StoreError):
            # not a database, damaged, a folder, a newer schema: nothing was written
            print(f"marsad {args.command}: error: {exc}", file=sys.stderr)
            return EXIT_FAILURE
        if sqlite3 is not None and isinstance(exc, sqlite3.DatabaseError):
            # damage found after opening (quick_check reads no index content)
            print(f"marsad {args.command}: error: database {getattr(args, 'db', '')}: {exc} "
                  "(check it with: sqlite3 FILE 'PRAGMA integrity_check')", file=sys.stderr)
            return EXIT_FAILURE
        raise


if __name__ == "__main__":
    sys.exit(main())
