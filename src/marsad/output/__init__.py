"""Event writers: JSONL (the FORMAT.md contract), ACLED CSV, GeoJSON and a readable text form."""
from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Any, Iterable, Mapping

from ..events.model import interaction_code
from .acled import country, event_id_cnty, plain_spelling, source_scale, unix_timestamp

FORMATS = ("jsonl", "acled-csv", "geojson", "pretty")

# ACLED's export columns, in ACLED's order, so existing ACLED scripts read the file unchanged.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# Marsad's own columns after ACLED's: the gazetteer's spelling of the place (ACLED's plain spelling is
# in `location`) and the fused event's id (for `marsad events --explain` and the API).
EXTRA_COLUMNS = ("location_gazetteer", "marsad_id")
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
# Columns ACLED types as numbers; every other column is text.
NUMERIC_COLUMNS = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
                             "longitude", "geo_precision", "fatalities", "timestamp"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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


def acled_row(e: Mapping[str, Any], timestamp: int | None = None) -> dict[str, Any]:
    """One event as an ACLED export row: columns Marsad has are copied, the rest derived or blank.

    ``iso``/``region`` and the ``event_id_cnty`` prefix come from the country; ``timestamp`` is the
    event's ``timestamp`` (Unix seconds) or ``ingested_at`` (ISO), else the ``timestamp`` given;
    places are in ACLED's plain spelling (the gazetteer's is in ``location_gazetteer``).
    """
    date = e.get("event_date") or ""
    disorder = _DISORDER.get(e.get("event_type", ""), "")
    if e.get("sub_event_type") == "Excessive force against protesters":
        disorder = "Political violence; Demonstrations"
    elif e.get("sub_event_type") == "Mob violence":
        disorder = "Political violence"
    c = country(e.get("country"))
    stamp = e.get("timestamp")
    if not isinstance(stamp, int):
        stamp = unix_timestamp(e.get("ingested_at")) or timestamp
    inter2 = e.get("inter2") or 0
    row = {col: e.get(col) or "" for col in CSV_COLUMNS}
    row.update({
        "event_id_cnty": event_id_cnty(e.get("fused_id") or e.get("event_id"), c["iso3"] if c else None),
        "year": date[:4],
        "time_precision": e.get("time_precision") or (3 if date else ""),
        "disorder_type": disorder,
        "inter1": e.get("inter1") or 0,
        "inter2": inter2,
        "interaction": e.get("interaction") or interaction_code(e.get("inter1"), e.get("inter2") or None) or 0,
        "civilian_targeting": "Civilian targeting" if str(e.get("actor2") or "").startswith("Civilians") else "",
        "iso": c["iso"] if c else "",
        "region": c["region"] if c else "",
        "country": c["name"] if c else (e.get("country") or ""),
        "location": plain_spelling(e.get("location")),
        "admin1": plain_spelling(e.get("admin1")),
        "admin2": plain_spelling(e.get("admin2")),
        "admin3": plain_spelling(e.get("admin3")),
        "latitude": "" if e.get("latitude") is None else e["latitude"],
        "longitude": "" if e.get("longitude") is None else e["longitude"],
        "source": e.get("source") or e.get("sources") or "",
        "source_scale": source_scale(e.get("sources") or e.get("source")),
        "fatalities": e.get("fatalities") or 0,
        "timestamp": "" if stamp is None else stamp,
        "location_gazetteer": e.get("location") or "",
        "marsad_id": e.get("fused_id") or e.get("event_id") or "",
    })
    return row


def csv_safe(row: dict[str, Any]) -> dict[str, Any]:
    """Neutralise spreadsheet formulas in text cells (a news page's text can start with '=')."""
    for k, v in row.items():
        if k not in NUMERIC_COLUMNS and isinstance(v, str) and v.startswith(_FORMULA_START):
            row[k] = "'" + v
    return row


def acled_publishable(e: Mapping[str, Any]) -> str | None:
    """Why ACLED would not publish this event (no date, country or point), or None when it would."""
    if not e.get("event_date"):
        return "undated"
    if country(e.get("country")) is None:
        return "no country"
    if e.get("latitude") is None or e.get("longitude") is None:
        return "no point"
    return None


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
        # why events were left out: GeoJSON "no point"; ACLED CSV "undated", "no country"
        self.left_out: dict[str, int] = {}
        self.now = int(dt.datetime.now(dt.timezone.utc).timestamp())  # timestamp of events never ingested
        self._csv: csv.DictWriter | None = None
        if fmt == "acled-csv":
            self._csv = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            self._csv.writeheader()
        elif fmt == "geojson":
            fh.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, event: Any) -> None:
        e = _as_dict(event)
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        elif self.fmt == "acled-csv":
            assert self._csv is not None
            why = acled_publishable(e)
            if why:
                self._leave_out(why)
                return
            self._csv.writerow(csv_safe(acled_row(e, self.now)))
        elif self.fmt == "geojson":
            feat = geojson_feature(e)
            if feat is None:
                self._leave_out("no point")
                return
            self.fh.write((",\n" if self.count else "") + json.dumps(feat, ensure_ascii=False))
        else:
            self.fh.write(pretty(e) + "\n\n")
        self.count += 1

    def _leave_out(self, why: str) -> None:
        self.skipped += 1
        self.left_out[why] = self.left_out.get(why, 0) + 1

    def summary(self) -> str:
        """What to tell the user at the end: "1448 written; 15 left out (15 no point)"."""
        msg = f"{self.count} written"
        if self.left_out:
            msg += f"; {self.skipped} left out (" + ", ".join(f"{n} {w}" for w, n in sorted(self.left_out.items())) + ")"
        return msg

    def close(self) -> None:
        if self.fmt == "geojson":
            # GeoJSON allows extra members: say how many events had no point instead of hiding them
            self.fh.write("\n], \"events\": %d, \"without_point\": %d}\n"
                          % (self.count + self.skipped, self.left_out.get("no point", 0)))
        self.fh.flush()


def write_events(events: Iterable[Any], fh: IO[str], fmt: str = "jsonl") -> int:
    """Write all events in one format; returns how many were written."""
    w = EventWriter(fh, fmt)
    for e in events:
        w.write(e)
    w.close()
    return w.count
