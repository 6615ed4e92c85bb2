"""Fusion without a database: the store's incremental fusion replayed in memory over one block of events.

The Spark engine groups per-article events by fusion block and runs :func:`fuse_block` on each group.
It is the store's algorithm (``marsad.fusion.incremental``) step for step: the same candidate
blocking (same type family; overlapping date window; same place id, a point in a nearby grid cell
or the same admin area), the same choice of fused event (``rules.best_cluster``) and the same
reconciled fields (``rules.reconcile``). Only the index differs: dicts here, SQL indexes there.

Order independence: the store fuses in the order articles arrive. Here events are fused in a
*canonical* order, :func:`article_order` (publication date, then article id; an article's events
in extraction order), which depends on the articles only, not on files, partitions or task timing.
The store reaches the same fused events when it receives the articles in that order, which is what
``marsad load`` does.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from collections import defaultdict
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..fusion import rules
from ..fusion.control import place_key
from ..fusion.incremental import FUSED_FIELDS, _DEG, cell, cells_around

Ev = dict[str, Any]
# Two date windows further apart than this cannot meet in any fused event (``rules.dates_compatible``).
_GAP_DAYS = rules.SLACK_DAYS
UNDATED_BUCKETS = 64  # undated events never fuse: any split of them is exact


def article_order(published: str | None, article_id: str) -> str:
    """The canonical fusion order of an article: a sortable string (publication day, then id)."""
    return f"{(published or '')[:10]:<10}\x1f{article_id}"


def prepare_events(article_id: str, outlet: str | None, records: Sequence[Mapping[str, Any]]) -> list[Ev]:
    """The article's event dicts as the store keeps them (``Store._add_one``): article id set, a
    ``name:`` place id for places outside the gazetteer, event ids unique within the article, and the
    outlet for fusion. Control statements (``record: "control"``) are left out."""
    out: list[Ev] = []
    seen: set[str] = set()
    for r in records:
        if r.get("record") == "control":
            continue
        d = dict(r)
        d["article_id"] = article_id
        if not d.get("location_id"):
            key = place_key(d.get("location_ar")) or place_key(d.get("location"))
            d["location_id"] = f"name:{key}" if key else None
        base = d.get("event_id") or hashlib.sha1(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()[:16]
        eid, n = base, 1
        while eid in seen:
            n += 1
            eid = f"{base}-{n}"
        seen.add(eid)
        d["event_id"] = eid
        d["outlet"] = outlet
        out.append(d)
    return out


def _keys(f: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Index keys of a fused event (what the store's three blocking indexes hold)."""
    keys: list[tuple[str, Any]] = []
    if f.get("location_id"):
        keys.append(("place", f["location_id"]))
    c = cell(f.get("latitude"), f.get("longitude"))
    if c is not None:
        keys.append(("cell", c))
    if f.get("admin1"):
        keys.append(("admin", f["admin1"]))
    return keys


class _Block:
    """Fused events of one block, indexed like the store's ``fused_events`` table."""

    def __init__(self) -> None:
        self.members: dict[str, list[Ev]] = {}
        self.row: dict[str, dict[str, Any]] = {}
        self.first: dict[str, str] = {}  # fused_id -> canonical order of its first article
        self.index: dict[tuple[str, Any], set[str]] = defaultdict(set)
        self.keys: dict[str, list[tuple[str, Any]]] = {}
        self.created: dict[str, int] = {}  # creation rank (the store's rowid order)

    def candidates(self, e: Mapping[str, Any]) -> list[str]:
        """As ``incremental.candidates``: fused events of the family whose window and place could match."""
        bounds = rules.search_bounds(e)
        if bounds is None:
            return []
        lo, hi, start, fam = bounds
        # Same candidates in the same order as the store's three index scans: each scan by (window
        # start, creation), place then grid cells then admin area (area 0 before 1); the first
        # sighting of a fused event fixes its place, then a stable sort by first article.
        found: dict[str, str] = {}

        def timely(fid: str) -> bool:
            r = self.row[fid]
            return (r["family"] == fam and r.get("win_start") is not None and lo <= r["win_start"] <= hi
                    and r["win_end"] >= start)

        def scan(fids: Iterable[str]) -> None:
            for f in sorted(fids, key=lambda f: (self.row[f]["win_start"], self.created[f])):
                found.setdefault(f, self.first[f])

        if e.get("location_id"):
            scan(f for f in self.index.get(("place", e["location_id"]), ()) if timely(f))
        area = rules.is_area(e)
        if e.get("latitude") is not None and e.get("longitude") is not None and not area:
            lat, lon = e["latitude"], e["longitude"]
            dlat, dlon = _DEG, 1.5 * _DEG
            for c in cells_around(lat, lon, dlat, dlon):
                hits = []
                for f in self.index.get(("cell", c), ()):
                    r = self.row[f]
                    if (timely(f) and r.get("latitude") is not None and lat - dlat <= r["latitude"] <= lat + dlat
                            and lon - dlon <= r["longitude"] <= lon + dlon):
                        hits.append(f)
                scan(hits)
        if e.get("admin1"):
            for a in ((0, 1) if area else (1,)):
                scan(f for f in self.index.get(("admin", e["admin1"]), ()) if timely(f) and self.row[f]["area"] == a)
        return sorted(found, key=lambda f: found[f])

    def write(self, fid: str) -> None:
        """Recompute a fused event from its members and re-index it (``incremental.write_fused``)."""
        f = rules.reconcile(self.members[fid])
        row = {k: f.get(k) for k in FUSED_FIELDS}
        row.update(fused_id=fid, family=rules.family(self.members[fid][0]), area=1 if rules.is_area(f) else 0,
                   cell=cell(f.get("latitude"), f.get("longitude")), conflicts=f.get("conflicts"),
                   article_ids=f["article_ids"], reported_by=f["reported_by"], outlets=f["outlets"],
                   actors=[list(a) for a in rules.actor_rows(self.members[fid], f)])
        for k in self.keys.get(fid, ()):
            self.index[k].discard(fid)
        self.keys[fid] = _keys(row)
        for k in self.keys[fid]:
            self.index[k].add(fid)
        self.row[fid] = row

    def add(self, e: Ev, order: str) -> dict[str, Any]:
        """Fuse one event (``incremental.fuse_event``); returns its fusion link."""
        match = rules.best_cluster(e, ((fid, self.members[fid]) for fid in self.candidates(e)))
        if match is None:
            fid = "F" + e["event_id"]
            self.members[fid] = [e]
            self.first[fid] = order
            self.created[fid] = len(self.created)
            self.write(fid)
            return {"event_id": e["event_id"], "fused_id": fid, "article_id": e["article_id"],
                    "matched_event_id": None, "score": None, "reasons": [rules.founding_reason(e)]}
        fid, matched, score, reasons = match
        self.members[fid].append(e)
        self.write(fid)
        return {"event_id": e["event_id"], "fused_id": fid, "article_id": e["article_id"],
                "matched_event_id": matched, "score": score, "reasons": reasons}


def fuse_block(events: Iterable[tuple[str, int, Ev]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fuse one block's events, given as ``(article order, position in article, event dict)`` in any order.

    Returns ``(fused rows, links)``: each fused row has the store's ``fused_events`` fields plus
    ``first_order``, ``reported_by``, ``outlets``, ``actors`` and ``member_ids`` (event ids in fusion order).
    """
    block = _Block()
    links = []
    for order, _, e in sorted(events, key=lambda t: (t[0], t[1])):
        links.append(block.add(e, order))
    rows = []
    for fid, row in block.row.items():
        row = dict(row, first_order=block.first[fid], member_ids=[m["event_id"] for m in block.members[fid]])
        rows.append(row)
    return rows, links


def block_key(e: Mapping[str, Any], segments: Mapping[str, Sequence[str]]) -> tuple[str, str]:
    """The independent fusion group of an event: its type family and its date segment.

    ``segments`` maps a family to the sorted first days of its segments (:func:`segment_starts`).
    Undated events are never fused: they are spread over ``UNDATED_BUCKETS`` groups by event id.
    """
    fam = rules.family(e)
    w = rules.window(e)
    if w is None:
        return fam, f"undated:{zlib.crc32(str(e.get('event_id')).encode('utf-8')) % UNDATED_BUCKETS}"
    starts = segments.get(fam) or [""]
    day = w[0].isoformat()
    lo, hi = 0, len(starts)
    while hi - lo > 1:  # the last segment start <= day
        mid = (lo + hi) // 2
        if starts[mid] <= day:
            lo = mid
        else:
            hi = mid
    return fam, starts[lo]


def segment_starts(windows: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Cut each family's timeline where no date window reaches across: ``windows`` are ``(family,
    start day, latest end day of windows starting that day)``. Events on either side of a cut are more
    than a day apart, so ``rules.dates_compatible`` rejects every pair across it: the segments fuse
    independently and the result is the same as fusing the whole family at once."""
    by_fam: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fam, start, end in windows:
        by_fam[fam].append((start, end))
    out: dict[str, list[str]] = {}
    for fam, ws in by_fam.items():
        ws.sort()
        starts = [ws[0][0]]
        reach = dt.date.fromisoformat(ws[0][1])
        for s, e in ws[1:]:
            d = dt.date.fromisoformat(s)
            if d > reach + dt.timedelta(days=_GAP_DAYS):
                starts.append(s)
            reach = max(reach, dt.date.fromisoformat(e))
        out[fam] = starts
    return out
