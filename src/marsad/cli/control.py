"""``marsad control PLACE [--at DATE]``: who held a place, and when; ``--geojson --at DATE`` for the map."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("control", help="territorial control: who held a place from when to when",
                              description="Control timeline of a place (English or Arabic name, or place id), "
                                          "or control of every known place on a date.")
    p.add_argument("place", nargs="?", help="place name (English or Arabic) or id; omit with --geojson")
    p.add_argument("--at", help="a date (YYYY-MM-DD): who held it then")
    p.add_argument("--db", default="marsad.db", help="database file (default: ./marsad.db)")
    p.add_argument("--geojson", action="store_true", help="GeoJSON of control of every place at --at")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..store import Store

    if args.at:
        try:
            args.at = dt.date.fromisoformat(args.at[:10]).isoformat()
        except ValueError:
            print(f"error: --at must be an ISO date (YYYY-MM-DD), got {args.at!r}", file=sys.stderr)
            return 2
    if not Path(args.db).exists():
        print(f"error: no database at {args.db} (run `marsad ingest INPUT --db {args.db}` first)", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        with Store(args.db) as store:
            if args.geojson:
                if not args.at:
                    print("error: --geojson needs --at DATE", file=sys.stderr)
                    return 2
                rows = store.control_at(args.at)
                if args.place:
                    ids = {p["place_id"] for p in store.places(args.place, limit=50)}
                    rows = [r for r in rows if r["place_id"] in ids]
                out.write(json.dumps(to_geojson(rows, args.at), ensure_ascii=False) + "\n")
                return 0
            if not args.place:
                print("error: give a PLACE (or --geojson --at DATE)", file=sys.stderr)
                return 2
            periods = store.control_timeline(args.place)
            if not periods:
                print(f"no control record for {args.place!r} in {args.db}", file=sys.stderr)
                return 1
            if args.at:
                periods = [p for p in periods if (p["from"] is None or p["from"] <= args.at)
                           and (p["to"] is None or args.at < p["to"])]
            if args.json:
                out.write(json.dumps(periods, ensure_ascii=False, indent=1) + "\n")
            elif args.at:
                if not periods:
                    out.write(f"{args.place}: no known holder on {args.at}\n")
                for p in periods:
                    out.write(f"{p['place'] or p['place_ar']} on {args.at}: {p['actor']} "
                              f"(from {p['from'] or 'before the first record'} to {p['to'] or 'now'}; {p['basis']})\n")
                    _evidence(out, p)
            else:
                for p in periods:
                    out.write(f"{p['from'] or '…':>10} → {p['to'] or 'now':<10}  {p['actor']}  ({p['basis']})\n")
                    _evidence(out, p)
    finally:
        if args.output:
            out.close()
    return 0


def _evidence(out, p) -> None:
    for ev in p["evidence"][:5]:
        out.write(f"      {ev.get('article_id')} [{ev.get('outlet') or '-'}]: {ev.get('text')}\n")


def to_geojson(rows: list[dict], date: str) -> dict:
    """A FeatureCollection: one point per place, with its holder on ``date``."""
    feats = []
    for p in rows:
        if p.get("latitude") is None or p.get("longitude") is None:
            continue
        props = {k: p[k] for k in ("place_id", "place", "place_ar", "actor", "actor_ar", "from", "to", "basis", "fused_ids")}
        props["date"] = date
        props["evidence"] = [{k: e.get(k) for k in ("article_id", "outlet", "text", "start", "end")} for e in p["evidence"][:5]]
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["longitude"], p["latitude"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "features": feats}
