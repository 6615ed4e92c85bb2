"""Read-only queries the web server needs that the Store's read API does not offer.

All SQL here is fixed text with ``?`` parameters; user input never becomes SQL.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from ..events.timing import HISTORY_DAYS


# Dates before this are not ACLED-era events: the timeline starts at the first event from then on.
TIMELINE_START = "1990-01-01"


def overview(conn: sqlite3.Connection, min_confidence: float = 0.0) -> dict[str, Any]:
    """What the map needs to start: totals, date range, the events' bounding box, countries, counting the
    events at or above ``min_confidence`` (as the event endpoints do: at 0, every event, even one stored
    without a confidence).

    ``date_min``/``date_max`` span the dated events from 1990 on (older dates are misreadings more
    often than events), ``timeline_start`` is where a timeline should begin; ``undated``, ``before_1990`` and ``without_point`` count what a map or a
    date filter cannot show, so the interface can say so.
    """
    n, undated, early, no_point = conn.execute(
        "SELECT COUNT(*), SUM(event_date IS NULL), SUM(event_date < ?), SUM(latitude IS NULL OR longitude IS NULL) "
        "FROM fused_events WHERE COALESCE(confidence, 0) >= ?", (TIMELINE_START, min_confidence)).fetchone()
    n = n or 0
    dmin, dmax = conn.execute("SELECT MIN(event_date), MAX(event_date) FROM fused_events WHERE event_date >= ? "
                              "AND COALESCE(confidence, 0) >= ?", (TIMELINE_START, min_confidence)).fetchone()
    dated = n - (undated or 0) - (early or 0)
    # where the timeline starts: the period the articles cover (from HISTORY_DAYS before the first one
    # was published: extraction takes older dates for background, "since the 2003 invasion"), and without the first 1 % of
    # dated events, so that a few stray old dates do not squeeze every real event into one spike. The
    # map says how many events are before it.
    row = conn.execute("SELECT event_date FROM fused_events WHERE event_date >= ? AND COALESCE(confidence, 0) >= ? "
                       "ORDER BY event_date LIMIT 1 OFFSET ?", (TIMELINE_START, min_confidence, dated // 100)).fetchone()
    first_pub = conn.execute("SELECT date(MIN(substr(published, 1, 10)), ?) FROM articles "
                             "WHERE published >= ?", (f"-{HISTORY_DAYS} days", TIMELINE_START)).fetchone()[0]
    start = max(x for x in (row[0] if row else None, first_pub, dmin) if x) if (row or dmin) else None
    if start and dmax and start > dmax:
        start = dmin
    lat0, lat1, lon0, lon1 = conn.execute(
        "SELECT MIN(latitude), MAX(latitude), MIN(longitude), MAX(longitude) FROM fused_events "
        "WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND COALESCE(confidence, 0) >= ?", (min_confidence,)).fetchone()
    countries = [{"name": c, "events": k, "undated": u} for c, k, u in conn.execute(
        "SELECT country, COUNT(*) AS k, SUM(event_date IS NULL) FROM fused_events "
        "WHERE country IS NOT NULL AND country != '' AND COALESCE(confidence, 0) >= ? GROUP BY country ORDER BY k DESC, country",
        (min_confidence,))]
    n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return {
        "events": n,
        "min_confidence": min_confidence,
        "undated": undated or 0,
        "before_1990": early or 0,
        "without_point": no_point or 0,
        "articles": n_articles,
        "date_min": dmin,
        "date_max": dmax,
        "timeline_start": start,
        "bbox": None if lat0 is None else [lon0, lat0, lon1, lat1],
        "countries": countries,
    }


def country_bboxes(conn: sqlite3.Connection) -> dict[str, list[float]]:
    """``{country: [minlon, minlat, maxlon, maxlat]}`` of the events' points (for "zoom to country")."""
    return {c: [a, b, x, y] for c, a, b, x, y in conn.execute(
        "SELECT country, MIN(longitude), MIN(latitude), MAX(longitude), MAX(latitude) FROM fused_events "
        "WHERE country IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY country")}


def place_exists(conn: sqlite3.Connection, place: str) -> bool:
    """Is ``place`` a known place id, or the name of one (English or Arabic, as stored)?"""
    return conn.execute(
        "SELECT 1 FROM places WHERE place_id = ? OR name_en = ? COLLATE NOCASE OR name_ar = ? "
        "UNION ALL SELECT 1 FROM control_statements WHERE place_id = ? OR place = ? OR place_ar = ? LIMIT 1",
        (place, place, place, place, place, place)).fetchone() is not None


def ingested_at(conn: sqlite3.Connection, fused_ids: list[str]) -> dict[str, str]:
    """``{fused_id: ISO time}``: when the last article of each fused event was ingested (ACLED's timestamp)."""
    out: dict[str, str] = {}
    for i in range(0, len(fused_ids), 500):
        chunk = fused_ids[i:i + 500]
        out.update(conn.execute(
            "SELECT l.fused_id, MAX(a.ingested_at) FROM fusion_links l JOIN articles a USING (article_id) "
            f"WHERE l.fused_id IN ({', '.join('?' for _ in chunk)}) GROUP BY l.fused_id", chunk).fetchall())
    return out


def add_ingest_times(store: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set ``ingested_at`` on each fused event of a page (from the store's connection, under its lock)."""
    if events:
        with store._lock:
            times = ingested_at(store.conn, [e["fused_id"] for e in events])
        for e in events:
            e["ingested_at"] = times.get(e["fused_id"])
    return events


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def canonical_actor(store: Any, query: str) -> str:
    """The actor filter for ``query``: an Arabic name that belongs to one actor only becomes that actor's
    English name, so that "الحوثي" finds every Houthi Movement event, not just those whose article used
    that spelling. Anything else (English, or Arabic shared by several actors) is kept as typed."""
    if not query or not _is_arabic(query):
        return query
    names = {a["actor"] for a in store.actors(q=query.strip(), limit=50)}
    return names.pop() if len(names) == 1 else query
