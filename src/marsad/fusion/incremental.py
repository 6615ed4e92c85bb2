"""Incremental fusion inside the store: each new per-article event joins the best existing fused event
it is compatible with (with every member of it), or founds a new one.

Candidates are blocked with an index on ``(family, win_start)`` plus the place (location id, a small
lat/lon box, or the admin area), so the work per event depends on how many events of that type happen
around that day, not on the size of the database: fusion is near-linear in the number of events.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Mapping

from ..text.normalise import fold
from . import rules

# Fields of a fused_events row that come from reconcile().
FUSED_FIELDS = (
    "event_type", "sub_event_type", "event_date", "event_date_end", "win_start", "win_end", "time_precision",
    "actor1", "actor1_ar", "assoc_actor_1", "inter1", "actor2", "actor2_ar", "assoc_actor_2", "inter2",
    "interaction", "location", "location_ar", "latitude", "longitude", "geo_precision", "location_id",
    "country", "admin1", "admin2", "admin3", "fatalities", "sources", "n_articles", "n_events", "notes",
    "confidence",
)
_DEG = rules.PLACE_KM / 100.0  # a box a little larger than PLACE_KM, in degrees (1° ≥ ~80 km here)


def cell(lat: float | None, lon: float | None) -> str | None:
    """0.5-degree grid cell of a point (a coarse place key for maps and blocking)."""
    if lat is None or lon is None:
        return None
    return f"{int((lat + 90) * 2)}:{int((lon + 180) * 2)}"


def member_rows(conn: sqlite3.Connection, fused_id: str) -> list[dict[str, Any]]:
    """The members of a fused event, as event dicts plus ``outlet``, in ingestion order."""
    rows = conn.execute(
        "SELECT e.data, a.source AS outlet FROM events e JOIN articles a USING (article_id) "
        "WHERE e.fused_id = ? ORDER BY a.ingest_seq, e.rowid", (fused_id,)).fetchall()
    out = []
    for data, outlet in rows:
        d = json.loads(data)
        d["outlet"] = outlet
        out.append(d)
    return out


def cells_around(lat: float, lon: float, dlat: float, dlon: float) -> list[str]:
    """Grid cells overlapping a box around a point."""
    out = []
    for la in (lat - dlat, lat + dlat):
        for lo in (lon - dlon, lon + dlon):
            c = cell(la, lo)
            if c not in out:
                out.append(c)
    return out


def candidates(conn: sqlite3.Connection, e: Mapping[str, Any]) -> list[str]:
    """Fused events in the same block: same family, overlapping date window, and the same place id,
    a nearby point (grid cells around it, then a lat/lon box) or the same admin area (when either is an
    area-level event). Each query is an index range scan, so the cost does not grow with the database."""
    bounds = rules.search_bounds(e)
    if bounds is None:
        return []
    lo, hi, start, fam = bounds
    found: dict[str, int] = {}

    def add(sql: str, params: list[Any]) -> None:
        for fid, seq in conn.execute(sql, params):
            found[fid] = seq

    if e.get("location_id"):
        add("SELECT fused_id, first_seq FROM fused_events INDEXED BY fused_block_place WHERE location_id = ? "
            "AND family = ? AND win_start BETWEEN ? AND ? AND win_end >= ?", [e["location_id"], fam, lo, hi, start])
    area = rules.is_area(e)
    if e.get("latitude") is not None and e.get("longitude") is not None and not area:
        lat, lon = e["latitude"], e["longitude"]
        dlat, dlon = _DEG, 1.5 * _DEG
        for c in cells_around(lat, lon, dlat, dlon):
            add("SELECT fused_id, first_seq FROM fused_events INDEXED BY fused_block_cell WHERE family = ? AND cell = ? "
                "AND win_start BETWEEN ? AND ? AND win_end >= ? AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
                [fam, c, lo, hi, start, lat - dlat, lat + dlat, lon - dlon, lon + dlon])
    if e.get("admin1"):  # one of the two is an admin-area event containing the other
        add("SELECT fused_id, first_seq FROM fused_events INDEXED BY fused_block_admin WHERE family = ? AND admin1 = ? "
            f"AND area IN ({'0, 1' if area else '1'}) AND win_start BETWEEN ? AND ? AND win_end >= ?",
            [fam, e["admin1"], lo, hi, start])
    return sorted(found, key=lambda f: found[f])


def best_match(conn: sqlite3.Connection, e: Mapping[str, Any]) -> tuple[str, str, float, list[str]] | None:
    """(fused_id, matched member event_id, score, reasons) of the best compatible fused event, or None."""
    return rules.best_cluster(e, ((fid, member_rows(conn, fid)) for fid in candidates(conn, e)))


def write_fused(conn: sqlite3.Connection, fused_id: str, first_seq: int | None = None) -> None:
    """Recompute a fused event's row, sources and actors from its members (delete it when none left)."""
    members = member_rows(conn, fused_id)
    conn.execute("DELETE FROM fused_sources WHERE fused_id = ?", (fused_id,))
    conn.execute("DELETE FROM fused_actors WHERE fused_id = ?", (fused_id,))
    if not members:
        conn.execute("DELETE FROM fused_events WHERE fused_id = ?", (fused_id,))
        return
    f = rules.reconcile(members)
    search = fold(" ".join(str(x) for x in (
        f.get("location"), f.get("location_ar"), f.get("actor1"), f.get("actor1_ar"), f.get("actor2"),
        f.get("actor2_ar"), f.get("notes"), f.get("sub_event_type"), f.get("sources"),
        " ".join(t for (t,) in conn.execute(
            "SELECT v.text FROM evidence v JOIN events e ON e.event_id = v.event_id "
            "WHERE e.fused_id = ? AND v.kind = 'evidence' ORDER BY v.id LIMIT 5", (fused_id,))),
    ) if x))
    row = {k: f.get(k) for k in FUSED_FIELDS}
    row.update(fused_id=fused_id, family=rules.family(members[0]), cell=cell(f.get("latitude"), f.get("longitude")),
               area=1 if rules.is_area(f) else 0,
               conflicts=json.dumps(f["conflicts"], ensure_ascii=False) if f.get("conflicts") else None,
               article_ids=json.dumps(f["article_ids"], ensure_ascii=False), search=search)
    if first_seq is None:
        first_seq = conn.execute(
            "SELECT MIN(a.ingest_seq) FROM events e JOIN articles a USING (article_id) WHERE e.fused_id = ?",
            (fused_id,)).fetchone()[0]
    row["first_seq"] = first_seq
    cols = list(row)
    conn.execute(
        f"INSERT INTO fused_events ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
        f"ON CONFLICT(fused_id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols if c != 'fused_id')}",
        [row[c] for c in cols])
    conn.executemany("INSERT OR IGNORE INTO fused_sources (fused_id, source, kind) VALUES (?, ?, ?)",
                     [(fused_id, s, "reported_by") for s in f["reported_by"]]
                     + [(fused_id, s, "outlet") for s in f["outlets"]])
    conn.executemany("INSERT OR IGNORE INTO fused_actors (fused_id, actor, actor_ar, role) VALUES (?, ?, ?, ?)",
                     [(fused_id, a, ar, role) for a, ar, role in rules.actor_rows(members, f)])


def fuse_event(conn: sqlite3.Connection, e: Mapping[str, Any], seq: int) -> str:
    """Fuse one stored per-article event (already in ``events``); returns its fused_id."""
    match = best_match(conn, e)
    if match is None:
        fused_id = "F" + e["event_id"]
        why = rules.founding_reason(e)
        conn.execute("UPDATE events SET fused_id = ? WHERE event_id = ?", (fused_id, e["event_id"]))
        conn.execute("INSERT OR REPLACE INTO fusion_links (event_id, fused_id, article_id, matched_event_id, score, reasons) "
                     "VALUES (?, ?, ?, NULL, NULL, ?)", (e["event_id"], fused_id, e["article_id"], json.dumps([why])))
        write_fused(conn, fused_id, first_seq=seq)
        return fused_id
    fused_id, matched, score, reasons = match
    conn.execute("UPDATE events SET fused_id = ? WHERE event_id = ?", (fused_id, e["event_id"]))
    conn.execute("INSERT OR REPLACE INTO fusion_links (event_id, fused_id, article_id, matched_event_id, score, reasons) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (e["event_id"], fused_id, e["article_id"], matched, score, json.dumps(reasons, ensure_ascii=False)))
    write_fused(conn, fused_id)
    return fused_id
