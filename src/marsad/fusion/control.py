"""Territorial control over time: who holds a place from when to when, with the evidence.

Changes come from fused territory events (Government regains territory, Non-state actor overtakes
territory, Non-violent transfer of territory: actor1 takes the place from actor2) and from the
``control_statements`` table (explicit "X holds/took Y on D" statements). Each place's changes,
in date order, cut its time into periods held by one actor.
"""
from __future__ import annotations

import re
import unicodedata
import sqlite3
from collections import defaultdict
from typing import Any, Iterable

from ..text.normalise import fold
from .rules import TERRITORY_SUB_TYPES, named

_PUNCT = re.compile(r"[\s\-'‘’`\"(),.]+")


def place_key(name: str | None) -> str | None:
    """A lookup key for a place name in English or Arabic: folded, punctuation-free, no article."""
    if not name:
        return None
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))  # Mayādīn
    k = _PUNCT.sub(" ", fold(name)).strip()
    for art in ("al ", "el ", "ال"):
        if k.startswith(art) and len(k) > len(art) + 2:
            k = k[len(art):]
            break
    return k.replace(" ", "") or None


def _changes(conn: sqlite3.Connection, place_ids: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every control change or statement, grouped by place id, in date order."""
    ph = ", ".join("?" for _ in TERRITORY_SUB_TYPES)
    params: list[Any] = list(TERRITORY_SUB_TYPES)
    sql = (f"SELECT fused_id, location_id, location, location_ar, latitude, longitude, event_date, actor1, actor1_ar, "
           f"actor2, sub_event_type, sources, n_articles FROM fused_events WHERE sub_event_type IN ({ph}) "
           f"AND event_date IS NOT NULL AND location_id IS NOT NULL")
    sql2 = ("SELECT id, place_id, place, place_ar, actor, actor_ar, previous_actor, date, kind, article_id, evidence, "
            "ev_start, ev_end FROM control_statements")
    params2: list[Any] = []
    if place_ids is not None:
        ids = list(place_ids)
        if not ids:
            return {}
        sql += f" AND location_id IN ({', '.join('?' for _ in ids)})"
        sql2 += f" WHERE place_id IN ({', '.join('?' for _ in ids)})"
        params += ids
        params2 += ids
    by_place: dict[str, list[dict[str, Any]]] = defaultdict(list)
    fused = conn.execute(sql, params).fetchall()
    ev = _evidence(conn, [r[0] for r in fused])
    for (fid, pid, loc, loc_ar, lat, lon, date, a1, a1_ar, a2, sub, sources, n_art) in fused:
        if not named(a1):
            continue
        by_place[pid].append({
            "date": date, "actor": a1, "actor_ar": a1_ar, "previous_actor": named(a2), "kind": "takes",
            "place_id": pid, "place": loc, "place_ar": loc_ar, "latitude": lat, "longitude": lon,
            "evidence": [dict(x, fused_id=fid, sub_event_type=sub) for x in ev.get(fid, [])],
            "fused_id": fid, "sources": sources,
        })
    for (sid, pid, place, place_ar, actor, actor_ar, prev, date, kind, aid, text, s, e) in conn.execute(sql2, params2):
        by_place[pid].append({
            "date": date, "actor": actor, "actor_ar": actor_ar, "previous_actor": prev, "kind": kind,
            "place_id": pid, "place": place, "place_ar": place_ar, "latitude": None, "longitude": None,
            "evidence": [{"article_id": aid, "text": text, "start": s, "end": e, "statement_id": sid}],
            "fused_id": None, "sources": None,
        })
    for lst in by_place.values():
        lst.sort(key=lambda c: (c["date"], c["kind"] != "takes"))
    return by_place


def _evidence(conn: sqlite3.Connection, fused_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(fused_ids), 500):
        chunk = fused_ids[i:i + 500]
        rows = conn.execute(
            "SELECT e.fused_id, v.article_id, a.source, v.text, v.start, v.end FROM events e "
            "JOIN evidence v ON v.event_id = e.event_id AND v.kind = 'evidence' JOIN articles a ON a.article_id = e.article_id "
            f"WHERE e.fused_id IN ({', '.join('?' for _ in chunk)}) ORDER BY a.ingest_seq, v.id", chunk)
        for fid, aid, outlet, text, s, e in rows:
            out[fid].append({"article_id": aid, "outlet": outlet, "text": text, "start": s, "end": e})
    return out


def periods(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut one place's changes into control periods ``{actor, from, to, evidence, ...}``.

    The side a place was taken from held it until then (``from`` None: since before our records).
    A statement that agrees with the current holder adds evidence; one that disagrees starts a period.
    """
    out: list[dict[str, Any]] = []
    for c in changes:
        cur = out[-1] if out else None
        if cur is None and c.get("previous_actor") and c["previous_actor"].casefold() != c["actor"].casefold():
            cur = _period(c, c["previous_actor"], None, None, basis="held until taken")
            cur["evidence"] = list(c["evidence"])
            out.append(cur)
        if cur is not None and cur["actor"].casefold() == c["actor"].casefold():
            cur["evidence"] += c["evidence"]
            if c.get("fused_id") and c["fused_id"] not in cur["fused_ids"]:
                cur["fused_ids"].append(c["fused_id"])
            continue
        if cur is not None:
            cur["to"] = c["date"]
        out.append(_period(c, c["actor"], c.get("actor_ar"), c["date"],
                           basis="took it" if c["kind"] == "takes" else "stated to hold it"))
    return out


def _period(c: dict[str, Any], actor: str, actor_ar: str | None, start: str | None, basis: str) -> dict[str, Any]:
    return {
        "place_id": c["place_id"], "place": c["place"], "place_ar": c["place_ar"],
        "latitude": c.get("latitude"), "longitude": c.get("longitude"),
        "actor": actor, "actor_ar": actor_ar, "from": start, "to": None, "basis": basis,
        "evidence": list(c["evidence"]) if start is not None else [],
        "fused_ids": [c["fused_id"]] if c.get("fused_id") and start is not None else [],
    }


def resolve_place(conn: sqlite3.Connection, place: str) -> list[str]:
    """Place ids for an id, or an English or Arabic name (folded); the most reported place first."""
    if conn.execute("SELECT 1 FROM places WHERE place_id = ?", (place,)).fetchone() or \
            conn.execute("SELECT 1 FROM control_statements WHERE place_id = ? LIMIT 1", (place,)).fetchone():
        return [place]
    key = place_key(place)
    if not key:
        return []
    ids = [r[0] for r in conn.execute(
        "SELECT place_id FROM places WHERE fold_en = ? OR fold_ar = ? ORDER BY n_events DESC, place_id", (key, key))]
    for pid, pl, par in conn.execute("SELECT DISTINCT place_id, place, place_ar FROM control_statements"):
        if pid not in ids and key in (place_key(pl), place_key(par)):
            ids.append(pid)
    return ids


def timeline(conn: sqlite3.Connection, place: str) -> list[dict[str, Any]]:
    """Control periods of the place (id or name), oldest first; empty when nothing is known."""
    ids = resolve_place(conn, place)
    by_place = _changes(conn, ids)
    for pid in ids:  # the most reported place with any control record
        if by_place.get(pid):
            return periods(by_place[pid])
    return []


def at(conn: sqlite3.Connection, date: str) -> list[dict[str, Any]]:
    """Who holds each place with a control record on ``date`` (ISO), with the period and evidence."""
    out = []
    for pid, changes in sorted(_changes(conn).items()):
        for p in periods(changes):
            if (p["from"] is None or p["from"] <= date) and (p["to"] is None or date < p["to"]):
                if p["latitude"] is None:
                    row = conn.execute("SELECT latitude, longitude FROM places WHERE place_id = ?", (pid,)).fetchone()
                    if row:
                        p["latitude"], p["longitude"] = row
                out.append(p)
                break
    return out
