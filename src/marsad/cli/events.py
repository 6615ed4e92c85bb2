"""``marsad events``: export fused events from the database, or explain one."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Iterator

from ..models.floor import DEFAULT_MIN_CONFIDENCE

FORMATS = ("jsonl", "acled-csv", "geojson", "parquet", "pretty")
FORMAT_HELP = ("jsonl: one JSON object per fused event, with evidence (default); acled-csv: ACLED's columns "
               "(events without a date, country or point are left out, as ACLED would not publish them); geojson: a "
               "FeatureCollection of the events with a point (the count without one is in 'without_point'); "
               "parquet: typed columns, needs -o; pretty: readable text")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("events", help="export fused events from the database (or --explain one)",
                              description="Export fused events (one per real event, with every article and "
                                          "source reporting it) from an ingested database.",
                              epilog="Exit status: 0 written; 1 no such event (--explain); 2 bad arguments or "
                                     "no database.")
    p.add_argument("--db", default="marsad.db", help="database file (default: ./marsad.db)")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help=FORMAT_HELP)
    p.add_argument("-o", "--output", default=None, help="output file (default: stdout; required for parquet)")
    p.add_argument("--since", help="first event date, ISO (inclusive)")
    p.add_argument("--until", help="last event date, ISO (inclusive)")
    p.add_argument("--country", help="country, in English (Syria), Arabic (سوريا) or as an ISO code (SY, SYR)")
    p.add_argument("--admin1", help="first-level region as the events carry it (e.g. Aleppo), case-insensitive")
    p.add_argument("--bbox", help="minlon,minlat,maxlon,maxlat")
    p.add_argument("--type", dest="event_type", help="event type or sub-event type")
    p.add_argument("--actor", help="actor name (English or Arabic, substring)")
    p.add_argument("--source", help="reporting source or outlet (substring)")
    p.add_argument("--text", help="free text in place, actors, notes, evidence")
    p.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
                   help=f"only events with confidence >= P (default {DEFAULT_MIN_CONFIDENCE}; 0 for all)")
    p.add_argument("--limit", type=int, default=None, help="at most this many events")
    p.add_argument("--explain", metavar="ID", help="show which reports were merged into fused event ID, and why")
    p.set_defaults(func=run)


class BadArgument(ValueError):
    """A command-line value that cannot be used (exit status 2, like argparse's own errors)."""


def _valid_date(s: str | None, name: str) -> str | None:
    import datetime as dt

    if s is None:
        return None
    try:
        return dt.date.fromisoformat(s.strip()[:10]).isoformat()
    except ValueError:
        raise BadArgument(f"--{name} must be an ISO date (YYYY-MM-DD), got {s!r}") from None


def _for_output(e: dict[str, Any]) -> dict[str, Any]:
    e = dict(e)
    e["source"] = e.get("sources")
    return e


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    from ..output.acled import country_name
    from ..store import _bbox

    if args.limit is not None and args.limit < 0:
        raise BadArgument(f"--limit must be 0 or more, got {args.limit}")
    try:
        _bbox(args.bbox)
    except ValueError as exc:
        raise BadArgument(f"--bbox: {exc}") from None
    since, until = _valid_date(args.since, "since"), _valid_date(args.until, "until")
    if since and until and since > until:
        raise BadArgument(f"--since {since} is after --until {until}")
    return dict(since=since, until=until, bbox=args.bbox,
                country=country_name(args.country) if args.country else None, admin1=args.admin1,
                event_type=args.event_type, actor=args.actor, source=args.source, text=args.text,
                min_confidence=args.min_confidence)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..serve.queries import add_ingest_times
    from ..store import Store

    if not Path(args.db).exists():
        print(f"error: no database at {args.db} (run `marsad ingest INPUT --db {args.db}` first)", file=sys.stderr)
        return 2
    try:
        filters = _filters(args)
    except BadArgument as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.format == "parquet" and not args.output and not args.explain:
        print("error: --format parquet needs -o FILE", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        if filters.get("actor"):
            from ..serve.queries import canonical_actor

            filters["actor"] = canonical_actor(store, filters["actor"])
        if args.explain:
            return explain(store, args.explain, as_json=args.format == "jsonl" and args.output is not None, out=args.output)

        def events() -> Iterator[dict[str, Any]]:
            n, page = 0, []
            for e in store.iter_events(with_evidence=True, **filters):
                if args.limit is not None and n >= args.limit:
                    break
                n += 1
                page.append(_for_output(e))
                if len(page) >= 1000:
                    yield from add_ingest_times(store, page)
                    page = []
            yield from add_ingest_times(store, page)

        if args.format == "parquet":
            from ..output.parquet import write_parquet

            n = write_parquet(events(), args.output)
            summary = f"{n} written"
        else:
            from ..output import EventWriter

            fh = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
            try:
                writer = EventWriter(fh, args.format)
                for e in events():
                    writer.write(e)
                writer.close()
            finally:
                if args.output:
                    fh.close()
            summary = writer.summary()
    print(f"fused events: {summary}", file=sys.stderr)
    return 0


def explain(store: Any, fused_id: str, as_json: bool = False, out: str | None = None) -> int:
    """Print why the reports of a fused event were merged."""
    ev = store.get_event(fused_id)
    if ev is None:
        print(f"error: no fused event {fused_id!r} in {store.path}", file=sys.stderr)
        return 1
    links = store.explain(fused_id)
    if as_json:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"event": {k: v for k, v in ev.items() if k != "articles"}, "reports": links},
                                ensure_ascii=False, indent=1) + "\n")
        return 0
    w = sys.stdout.write
    w(f"{ev['fused_id']}: {ev['sub_event_type']} at {ev.get('location') or ev.get('location_ar')} "
      f"on {ev.get('event_date')}; {ev.get('actor1') or '?'} / {ev.get('actor2') or '?'}; "
      f"fatalities {ev['fatalities']}\n")
    w(f"  {ev['n_articles']} article(s), sources: {ev.get('sources') or '-'}\n")
    if ev.get("conflicts"):
        for field, c in ev["conflicts"].items():
            figs = ", ".join(f"{r.get('source') or r['article_id']}: {r.get(field)}" for r in c["reports"])
            w(f"  {field} differs ({figs}); rule: {c['rule']}\n")
    for r in links:
        head = "founded the event" if r["matched_event_id"] is None else f"merged (matched {r['matched_event_id']}, score {r['score']})"
        w(f"- {r['article_id']} [{r['outlet'] or '-'}] event {r['event_id']}: {r['sub_event_type']}, "
          f"{r['location']}, {r['event_date']}, fatalities {r['fatalities']}: {head}\n")
        for reason in r["reasons"]:
            w(f"    · {reason}\n")
    for a in ev["articles"]:
        for e in a["events"]:
            for x in e["evidence"]:
                w(f"  evidence {a['article_id']} [{x['start']}:{x['end']}]: {x['text']}\n")
    return 0
