"""Event writers: JSONL (the FORMAT.md contract), ACLED CSV, GeoJSON and a readable text form."""
from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Mapping

from ..events.model import interaction_code

FORMATS = ("jsonl", "acled-csv", "geojson", "pretty")

# ACLED's export columns, in ACLED's order, so existing ACLED scripts read the file unchanged.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _as_dict(event: Any) -> dict[str, Any]:
    return event.to_dict() if hasattr(event, "to_dict") else dict(event)


def acled_row(e: Mapping[str, Any]) -> dict[str, Any]:
    """One event as an ACLED export row: columns Marsad has are copied, the rest derived or blank."""
    date = e.get("event_date") or ""
    disorder = _DISORDER.get(e.get("event_type", ""), "")
    if e.get("sub_event_type") == "Excessive force against protesters":
        disorder = "Political violence; Demonstrations"
    elif e.get("sub_event_type") == "Mob violence":
        disorder = "Political violence"
    row = {col: e.get(col) or "" for col in ACLED_COLUMNS}
    row.update({
        "event_id_cnty": e.get("event_id") or e.get("fused_id") or "",
        "year": date[:4],
        "disorder_type": disorder,
        "interaction": e.get("interaction") or interaction_code(e.get("inter1"), e.get("inter2")) or "",
        "civilian_targeting": "Civilian targeting" if str(e.get("actor2") or "").startswith("Civilians") else "",
        "latitude": "" if e.get("latitude") is None else e["latitude"],
        "longitude": "" if e.get("longitude") is None else e["longitude"],
        "fatalities": e.get("fatalities") or 0,
    })
    return row


def geojson_feature(e: Mapping[str, Any]) -> dict[str, Any] | None:
    if e.get("latitude") is None or e.get("longitude") is None:
        return None
    props = {k: v for k, v in e.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
        "properties": props,
    }


def pretty(e: Mapping[str, Any]) -> str:
    """A few readable lines per event for terminals."""
    actors = e.get("actor1") or "?"
    if e.get("assoc_actor_1"):
        actors += f" (with {e['assoc_actor_1']})"
    if e.get("actor2"):
        actors += f" vs {e['actor2']}"
    place = e.get("location") or "?"
    if e.get("location_ar"):
        place += f" / {e['location_ar']}"
    if e.get("admin1"):
        place += f", {e['admin1']}"
    if e.get("country"):
        place += f", {e['country']}"
    lines = [
        f"● {e.get('event_date') or 'date unknown'}  {e.get('event_type')} — {e.get('sub_event_type')}",
        f"    actors:     {actors}",
        f"    place:      {place}"
        + (f"  ({e['latitude']:.4f}, {e['longitude']:.4f}, precision {e.get('geo_precision')})" if e.get("latitude") is not None else ""),
        f"    fatalities: {e.get('fatalities', 0)}    source: {e.get('source') or '-'}    confidence: {e.get('confidence')}",
    ]
    if e.get("notes"):
        lines.append(f"    notes:      {e['notes']}")
    if e.get("explain"):
        x = e["explain"]
        lines.append(f"    why:        article relevance {x.get('relevance')}, sentence event {x.get('sentence')}, "
                     f"model sub-type {x.get('model_subtype')} ({x.get('model_subtype_p')})"
                     + (f"; {x['reason']}" if x.get("reason") else ""))
    for ev in e.get("evidence") or []:
        lines.append(f"    evidence [{ev['start']}:{ev['end']}]: {ev['text']}")
    return "\n".join(lines)


class EventWriter:
    """Streaming writer: ``write(event)`` per event, ``close()`` at the end (GeoJSON needs it)."""

    def __init__(self, fh: IO[str], fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fh, self.fmt, self.count, self.skipped = fh, fmt, 0, 0
        self._csv: csv.DictWriter | None = None
        if fmt == "acled-csv":
            self._csv = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
            self._csv.writeheader()
        elif fmt == "geojson":
            fh.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, event: Any) -> None:
        e = _as_dict(event)
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            assert self._csv is not None
            self._csv.writerow(acled_row(e))
        elif self.fmt == "geojson":
            feat = geojson_feature(e)
            if feat is None:
                self.skipped += 1
                return
            self.fh.write((",\n" if self.count else "") + json.dumps(feat, ensure_ascii=False))
        else:
            self.fh.write(pretty(e) + "\n\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "geojson":
            self.fh.write("\n]}\n")
        self.fh.flush()


def write_events(events: Iterable[Any], fh: IO[str], fmt: str = "jsonl") -> int:
    """Write all events in one format; returns how many were written."""
    w = EventWriter(fh, fmt)
    for e in events:
        w.write(e)
    w.close()
    return w.count
