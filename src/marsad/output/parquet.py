"""Parquet export of (fused) events with pyarrow, typed as an analyst expects.

Dates are ``date32``, counts and codes integers, lists are lists (``article_ids``, ``sources``), the
evidence is a list of structs ``{article_id, text, start, end}`` and the fusion conflicts a list of
structs ``{field, rule, reports: [{article_id, source, value}]}``. The ACLED-only columns (``iso``,
``region``, ``source_scale``, ``event_id_cnty``, ``timestamp``) are filled as in the ACLED CSV.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, BinaryIO, Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from .acled import country, event_id_cnty, plain_spelling, source_scale, unix_timestamp

EVIDENCE = pa.struct([("article_id", pa.string()), ("text", pa.string()), ("start", pa.int32()),
                      ("end", pa.int32())])
REPORT = pa.struct([("article_id", pa.string()), ("source", pa.string()), ("value", pa.string())])
CONFLICT = pa.struct([("field", pa.string()), ("rule", pa.string()), ("reports", pa.list_(REPORT))])

SCHEMA = pa.schema([
    ("event_id", pa.string()), ("fused_id", pa.string()), ("event_id_cnty", pa.string()),
    ("article_id", pa.string()), ("article_ids", pa.list_(pa.string())),
    ("n_articles", pa.int32()), ("n_events", pa.int32()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("event_date", pa.date32()), ("event_date_end", pa.date32()), ("time_precision", pa.int8()),
    ("actor1", pa.string()), ("actor1_ar", pa.string()), ("assoc_actor_1", pa.string()), ("inter1", pa.int8()),
    ("actor2", pa.string()), ("actor2_ar", pa.string()), ("assoc_actor_2", pa.string()), ("inter2", pa.int8()),
    ("interaction", pa.int16()),
    ("location", pa.string()), ("location_gazetteer", pa.string()), ("location_ar", pa.string()),
    ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geo_precision", pa.int8()), ("location_id", pa.string()),
    ("iso", pa.int16()), ("region", pa.string()),
    ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()), ("admin3", pa.string()),
    ("fatalities", pa.int32()), ("sources", pa.list_(pa.string())), ("source_scale", pa.string()),
    ("notes", pa.string()), ("confidence", pa.float64()),
    ("timestamp", pa.timestamp("s", tz="UTC")),
    ("conflicts", pa.list_(CONFLICT)), ("evidence", pa.list_(EVIDENCE)),
])


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _sources(e: Mapping[str, Any]) -> list[str] | None:
    raw = e.get("sources") or e.get("source")
    if raw is None:
        return None
    if isinstance(raw, (list, tuple)):
        return [str(s) for s in raw]
    return [s.strip() for s in str(raw).split(";") if s.strip()]


def _conflicts(value: Any) -> list[dict[str, Any]] | None:
    if not value:
        return None
    if isinstance(value, str):
        value = json.loads(value)
    out = []
    for field, c in value.items():
        reports = [{"article_id": r.get("article_id"), "source": r.get("source"),
                    "value": None if r.get(field) is None else str(r.get(field))} for r in c.get("reports") or []]
        out.append({"field": field, "rule": c.get("rule"), "reports": reports})
    return out


def _evidence(value: Any, article_id: str | None) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = json.loads(value)
    out = []
    for x in value:
        x = x.to_dict() if hasattr(x, "to_dict") else dict(x)
        out.append({"article_id": x.get("article_id") or article_id, "text": x.get("text"),
                    "start": x.get("start"), "end": x.get("end")})
    return out


def parquet_row(e: Mapping[str, Any]) -> dict[str, Any]:
    """One event as a row of :data:`SCHEMA` (Python values pyarrow converts)."""
    row = {f.name: e.get(f.name) for f in SCHEMA}
    c = country(e.get("country"))
    fid = e.get("fused_id") or e.get("event_id")
    stamp = e.get("timestamp") if isinstance(e.get("timestamp"), int) else unix_timestamp(e.get("ingested_at"))
    ids = e.get("article_ids")
    row.update({
        "article_ids": [str(v) for v in ids] if ids else ([e["article_id"]] if e.get("article_id") else None),
        "event_id_cnty": event_id_cnty(fid, c["iso3"] if c else None),
        "event_date": _date(e.get("event_date")), "event_date_end": _date(e.get("event_date_end")),
        "location": plain_spelling(e.get("location")) or None, "location_gazetteer": e.get("location"),
        "iso": c["iso"] if c else None, "region": c["region"] if c else None,
        "sources": _sources(e), "source_scale": source_scale(e.get("sources") or e.get("source")) or None,
        "timestamp": None if stamp is None else dt.datetime.fromtimestamp(stamp, dt.timezone.utc),
        "conflicts": _conflicts(e.get("conflicts")),
        "evidence": _evidence(e.get("evidence"), e.get("article_id")),
    })
    return row


def write_parquet(events: Iterable[Mapping[str, Any]], fh: BinaryIO | str, batch_rows: int = 10000) -> int:
    """Write events to Parquet (a path or a binary file object); returns how many were written."""
    n = 0
    with pq.ParquetWriter(fh, SCHEMA, compression="zstd") as writer:
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                rows.clear()

        for e in events:
            rows.append(parquet_row(e.to_dict() if hasattr(e, "to_dict") else e))
            n += 1
            if len(rows) >= batch_rows:
                flush()
        flush()
    return n
