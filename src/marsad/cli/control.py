"""``marsad control PLACE [--at DATE]``: who held a place, and when, with the evidence and a confidence;
``--geojson --at DATE`` the map layer coloured by actor family; ``--summary`` the whole database."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TextIO


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("control", help="territorial control: who held a place from when to when",
                              description="Control timeline of a place (English or Arabic name, or place id), "
                                          "or control of every known place on a date. Docs: docs/control.md.")
    p.add_argument("place", nargs="?", help="place name (English or Arabic) or id; omit with --geojson/--summary")
    p.add_argument("--at", help="a date (YYYY-MM-DD): who held it then ('unknown' when nothing supports an answer)")
    p.add_argument("--db", default="marsad.db", help="database file (default: ./marsad.db)")
    p.add_argument("--geojson", action="store_true", help="GeoJSON of control of every place at --at")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--summary", action="store_true",
                   help="how many periods, places and holders the database yields, and why claims were turned down")
    p.add_argument("--palette", action="store_true", help="the actor families and their map colours (JSON)")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..store import Store

    if args.palette:
        from ..fusion.families import families
        _write(args, json.dumps(families().palette(), ensure_ascii=False, indent=1) + "\n")
        return 0
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
            if args.summary:
                from ..fusion import control as _control
                with store._lock:
                    s = summary(_control, store.conn)
                out.write(json.dumps(s, ensure_ascii=False, indent=1) + "\n" if args.json else _summary_text(s))
                return 0
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
                print("error: give a PLACE (or --geojson --at DATE, or --summary)", file=sys.stderr)
                return 2
            periods = store.control_timeline(args.place)
            if not periods:
                if args.at:  # nothing supports an answer: say so (exit 1: nothing is known of the place)
                    out.write(json.dumps({"place": args.place, "date": args.at, "status": "unknown"}) + "\n"
                              if args.json else f"{args.place} on {args.at}: unknown (no control record)\n")
                    return 1
                print(f"no control record for {args.place!r} in {args.db}", file=sys.stderr)
                return 1
            if args.at:
                periods = [p for p in periods if p["valid_from"] <= args.at < p["valid_until"]]
            if args.json:
                out.write(json.dumps(periods if not args.at else (periods[0] if periods else
                          {"place": args.place, "date": args.at, "status": "unknown"}), ensure_ascii=False, indent=1) + "\n")
            elif args.at:
                if not periods:
                    out.write(f"{args.place} on {args.at}: unknown (no claim in force that day)\n")
                for p in periods:
                    out.write(f"{p['place'] or p['place_ar']} on {args.at}: {_holder(p)}\n"
                              f"  period {p['from'] or 'before the first record'} → {p['to'] or 'no later change known'}"
                              f" (answers until {p['valid_until']}); {p['basis']}; confidence {p['confidence']}\n")
                    _evidence(out, p)
            else:
                for p in periods:
                    until = p["to"] or f"unknown from {p['valid_until']}"
                    out.write(f"{p['from'] or '…':>10} → {until:<22} {_holder(p)}  [{p['family_label']}]  "
                              f"({p['basis']}; confidence {p['confidence']})\n")
                    _evidence(out, p)
    finally:
        if args.output:
            out.close()
    return 0


def _write(args: argparse.Namespace, text: str) -> None:
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


def _holder(p: dict[str, Any]) -> str:
    if p["status"] == "contested":
        return "contested: " + " vs ".join(f"{s['actor']} ({s['confidence']})" for s in p["sides"])
    return p["actor"]


def _evidence(out: TextIO, p: dict[str, Any], n: int = 4) -> None:
    for ev in p["evidence"][:n]:
        text = " ".join((ev.get("text") or "").split())
        out.write(f"      {ev.get('claim_date', '')} {ev.get('claim', '')}: {ev.get('article_id')} "
                  f"[{ev.get('outlet') or '-'}] {text[:220]}\n")
    if len(p["evidence"]) > n:
        out.write(f"      … and {len(p['evidence']) - n} more\n")


def summary(control: Any, conn: Any) -> dict[str, Any]:
    """Periods, places and holders in the database, by status and family, and the rejected claims."""
    rejected: dict[str, int] = {}
    allp = control.all_periods(conn, rejected)
    ps = [p for v in allp.values() for p in v]
    holders: dict[str, int] = {}
    fams: dict[str, int] = {}
    for p in ps:
        for s in (p["sides"] or [p]):
            holders[s["actor"]] = holders.get(s["actor"], 0) + 1
        fams[p["family"]] = fams.get(p["family"], 0) + 1
    return {"periods": len(ps), "places": len(allp), "holders": len(holders),
            "contested": sum(p["status"] == "contested" for p in ps),
            "by_family": dict(sorted(fams.items(), key=lambda x: -x[1])),
            "by_holder": dict(sorted(holders.items(), key=lambda x: -x[1])),
            "rejected": dict(sorted(rejected.items(), key=lambda x: -x[1]))}


def _summary_text(s: dict[str, Any]) -> str:
    lines = [f"{s['periods']} control periods at {s['places']} places, {s['holders']} holders "
             f"({s['contested']} contested periods)", "by family:"]
    lines += [f"  {k:<16} {v}" for k, v in s["by_family"].items()]
    lines.append("by holder:")
    lines += [f"  {v:>4}  {k}" for k, v in s["by_holder"].items()]
    lines.append("claims turned down:")
    lines += [f"  {v:>5}  {k}" for k, v in s["rejected"].items()]
    return "\n".join(lines) + "\n"


def to_geojson(rows: list[dict], date: str) -> dict:
    """A FeatureCollection: one point per place with a claim in force on ``date``, its holder (or the
    contesting sides), the holder's family and colour (docs/control.md), confidence and evidence."""
    from ..fusion.families import families

    feats = []
    for p in rows:
        if p.get("latitude") is None or p.get("longitude") is None:
            continue
        props = {k: p.get(k) for k in ("place_id", "place", "place_ar", "country", "status", "actor", "actor_ar",
                                       "family", "family_label", "colour", "from", "to", "valid_until", "basis",
                                       "confidence", "sources", "fused_ids")}
        props["date"] = date
        props["sides"] = [{k: s.get(k) for k in ("actor", "actor_ar", "family", "colour", "confidence")}
                          for s in p.get("sides") or []]
        props["evidence"] = [{k: e.get(k) for k in ("article_id", "outlet", "text", "start", "end", "claim_date")}
                             for e in p["evidence"][:5]]
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["longitude"], p["latitude"]]},
                      "properties": props})
    return {"type": "FeatureCollection", "date": date, "palette": families().palette(), "features": feats}
