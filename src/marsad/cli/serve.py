"""``marsad serve``: the REST API and the web map over one SQLite store."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve", help="serve the REST API and the web map",
        description="Serve the REST API (/api, docs at /docs) and the web map (/) from a Marsad database. "
                    "Read-only unless an ingest token is set with --token or MARSAD_TOKEN.")
    p.add_argument("--db", default=os.environ.get("MARSAD_DB", "marsad.db"),
                   help="SQLite database written by `marsad ingest` (default: marsad.db, or $MARSAD_DB)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--token", default=None,
                   help="enable POST /api/ingest, guarded by this bearer token (default: $MARSAD_TOKEN; "
                        "without one ingest is disabled)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    db = Path(args.db)
    token = args.token or os.environ.get("MARSAD_TOKEN") or None
    if not db.exists() and not token:
        print(f"marsad serve: no database at {db} (create one with `marsad ingest INPUT --db {db}`)",
              file=sys.stderr)
        return 2
    if token and token != token.strip():
        print("marsad serve: the token starts or ends with spaces (from a file with a newline?); remove them",
              file=sys.stderr)
        return 2
    if not (0 < args.port < 65536):
        print(f"marsad serve: bad port {args.port}", file=sys.stderr)
        return 2
    import uvicorn

    from ..serve import create_app

    try:
        app = create_app(db, token=token)
    except Exception as exc:  # unreadable / not a Marsad database
        print(f"marsad serve: cannot open {db}: {exc}", file=sys.stderr)
        return 2
    where = "read-only" if not token else "ingest enabled (POST /api/ingest needs the token)"
    print(f"marsad serve: {db} on http://{args.host}:{args.port}/  ({where}; API docs at /docs)",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
