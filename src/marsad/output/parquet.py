"""Parquet export of (fused) events with pyarrow: typed columns, list columns kept as lists."""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

# Column → Arrow type; anything else an event carries is written as a JSON string column.
SCHEMA = pa.schema([
    ("event_id", pa.string()), ("fused_id", pa.string()), ("article_id", pa.string()),
    ("article_ids", pa.list_(pa.string())), ("n_articles", pa.int32()), ("n_events", pa.int32()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("event_date", pa.string()), ("event_date_end", pa.string()), ("time_precision", pa.int8()),
    ("actor1", pa.string()), ("actor1_ar", pa.string()), ("assoc_actor_1", pa.string()), ("inter1", pa.int8()),
    ("actor2", pa.string()), ("actor2_ar", pa.string()), ("assoc_actor_2", pa.string()), ("inter2", pa.int8()),
    ("interaction", pa.int16()),
    ("location", pa.string()), ("location_ar", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geo_precision", pa.int8()), ("location_id", pa.string()),
    ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()), ("admin3", pa.string()),
    ("fatalities", pa.int32()), ("source", pa.string()), ("sources", pa.string()), ("notes", pa.string()),
    ("confidence", pa.float64()), ("conflicts", pa.string()), ("evidence", pa.string()),
])
_JSON_COLS = {"conflicts", "evidence"}


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _JSON_COLS:
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if name == "article_ids":
        return [str(v) for v in value]
    return value


def write_parquet(events: Iterable[Mapping[str, Any]], fh: BinaryIO | str, batch_rows: int = 10000) -> int:
    """Write events to Parquet (a path or a binary file object); returns how many were written."""
    n = 0
    with pq.ParquetWriter(fh, SCHEMA, compression="zstd") as writer:
        rows: list[Mapping[str, Any]] = []

        def flush() -> None:
            if rows:
                cols = {f.name: [_cell(f.name, r.get(f.name)) for r in rows] for f in SCHEMA}
                if all(v is None for v in cols["sources"]):
                    cols["sources"] = [r.get("source") for r in rows]
                writer.write_table(pa.table(cols, schema=SCHEMA))
                rows.clear()

        for e in events:
            rows.append(e.to_dict() if hasattr(e, "to_dict") else e)
            n += 1
            if len(rows) >= batch_rows:
                flush()
        flush()
    return n
