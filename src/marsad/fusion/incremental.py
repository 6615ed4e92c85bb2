"""Incremental fusion inside the store: each new per-article event joins the best existing fused event
it is compatible with (with every member of it), or founds a new one.

Candidates are blocked with an index on ``(family, win_start)`` plus the place (location id, a small
lat/lon box, or the admin area), so the work per event depends on how many events of that type happen
around that day, not on the size of the database: fusion is near-linear in the number of events.
"""
from __future__ import annotations

import datetime as dt
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


def candidates(conn: sqlite3.Connection, e: Mapping[str, Any]) -> list[str]:
    """Fused events in the same block: same family, overlapping date window, same or nearby place."""
    w = rules.window(e)
    if w is None:
        return []
    lo = (w[0] - dt.timedelta(days=rules.SLACK_DAYS + rules.MAX_SPAN_DAYS)).isoformat()
    hi = (w[1] + dt.timedelta(days=rules.SLACK_DAYS)).isoformat()
    start = (w[0] - dt.timedelta(days=rules.SLACK_DAYS)).isoformat()
    place_sql, params = [], []
    if e.get("location_id"):
        place_sql.append("location_id = ?")
        params.append(e["location_id"])
    if e.get("latitude") is not None and e.get("longitude") is not None and not rules.is_area(e):
        place_sql.append("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)")
        params += [e["latitude"] - _DEG, e["latitude"] + _DEG, e["longitude"] - 1.5 * _DEG, e["longitude"] + 1.5 * _DEG]
    if e.get("admin1"):
        place_sql.append("admin1 = ?")  # one of the two may be an admin-area event
        params.append(e["admin1"])
    if not place_sql:
        return []
    sql = ("SELECT fused_id FROM fused_events INDEXED BY fused_block WHERE family = ? AND win_start BETWEEN ? AND ? "
           f"AND win_end >= ? AND ({' OR '.join(place_sql)}) ORDER BY first_seq")
    return [r[0] for r in conn.execute(sql, [rules.family(e), lo, hi, start, *params])]


def best_match(conn: sqlite3.Connection, e: Mapping[str, Any]) -> tuple[str, str, float, list[str]] | None:
    """(fused_id, matched member event_id, score, reasons) of the best compatible fused event, or None."""
    best = None
    for fid in candidates(conn, e):
        members = member_rows(conn, fid)
        ok = True
        top: tuple[float, dict, list[str]] | None = None
        for m in members:
            good, why = rules.compatible(e, m)
            if not good:
                ok = False
                break
            s = rules.closeness(e, m)
            if top is None or s > top[0]:
                top = (s, m, why)
        if not ok or top is None:
            continue
        if best is None or top[0] > best[2]:
            best = (fid, top[1]["event_id"], top[0], top[2] + [f"compatible with all {len(members)} report(s) of {fid}"])
    return best


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
        " ".join(ev.get("text", "") for m in members for ev in (m.get("evidence") or [])[:1]),
    ) if x))
    row = {k: f.get(k) for k in FUSED_FIELDS}
    row.update(fused_id=fused_id, family=rules.family(members[0]), cell=cell(f.get("latitude"), f.get("longitude")),
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
        why = rules.window(e) is None and "undated or vague date: kept on its own" or "no compatible earlier report: founds the event"
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
