"""Read-only queries the web server needs that the Store's read API does not offer.

All SQL here is fixed text with ``?`` parameters; user input never becomes SQL.
"""
from __future__ import annotations

import sqlite3
from typing import Any


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the map needs to start: totals, date range, the events' bounding box, countries."""
    n, dmin, dmax = conn.execute(
        "SELECT COUNT(*), MIN(event_date), MAX(event_date) FROM fused_events").fetchone()
    lat0, lat1, lon0, lon1 = conn.execute(
        "SELECT MIN(latitude), MAX(latitude), MIN(longitude), MAX(longitude) FROM fused_events "
        "WHERE latitude IS NOT NULL AND longitude IS NOT NULL").fetchone()
    countries = [{"name": c, "events": k} for c, k in conn.execute(
        "SELECT country, COUNT(*) AS k FROM fused_events WHERE country IS NOT NULL AND country != '' "
        "GROUP BY country ORDER BY k DESC, country")]
    n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return {
        "events": n,
        "articles": n_articles,
        "date_min": dmin,
        "date_max": dmax,
        "bbox": None if lat0 is None else [lon0, lat0, lon1, lat1],
        "countries": countries,
    }


def place_exists(conn: sqlite3.Connection, place: str) -> bool:
    """Is ``place`` a known place id, or the name of one (English or Arabic, as stored)?"""
    return conn.execute(
        "SELECT 1 FROM places WHERE place_id = ? OR name_en = ? COLLATE NOCASE OR name_ar = ? "
        "UNION ALL SELECT 1 FROM control_statements WHERE place_id = ? OR place = ? OR place_ar = ? LIMIT 1",
        (place, place, place, place, place, place)).fetchone() is not None
