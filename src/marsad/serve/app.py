"""The REST API and the web map, over one Marsad SQLite database.

    app = create_app("marsad.db")                 # read-only
    app = create_app("marsad.db", token="s3cret") # POST /api/ingest enabled, needs the bearer token

Reads go through :class:`marsad.store.Store` (one read-only connection per worker thread); the few
queries its API lacks are in :mod:`marsad.serve.queries`. Every query is parameterised.
"""
from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
import sqlite3
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Literal

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from ..events.model import EVENT_TYPES
from ..models.floor import DEFAULT_MIN_CONFIDENCE
from ..output import CSV_COLUMNS, acled_publishable, acled_row, csv_safe
from ..store import Store
from . import queries

MAX_PAGE = 1000
# The largest article Marsad extracts in reasonable time is about 2 MB of text; one request carries at
# most that much (a batch of ordinary articles, or one long one). Larger bodies get a 413.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_INGEST_BYTES = MAX_ARTICLE_BYTES
MAX_INGEST_ARTICLES = 2000
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# bbox: four numbers, longitudes within ±180 and latitudes within ±90 (min <= max is checked in code)
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
BBOX = f"^{_LON},{_LAT},{_LON},{_LAT}$"
DATE_DOC = {"format": "date"}  # with the pattern: "0" or "2017-02-30" are not dates
# Every event type and sub-event type, the values `event_type` accepts (an enum in the OpenAPI document).
EVENT_TYPE_VALUES = tuple(dict.fromkeys([*EVENT_TYPES, *(s for subs in EVENT_TYPES.values() for s in subs)]))
EventTypeValue = Literal[EVENT_TYPE_VALUES]  # type: ignore[valid-type]
STATIC_DIR = Path(str(resources.files("marsad.serve").joinpath("static")))

Order = Literal["date", "-date", "date_asc", "fatalities", "articles"]

# What the map needs per point (the full record is one click away).
MAP_FIELDS = ("fused_id", "event_type", "sub_event_type", "event_date", "location", "location_ar",
              "actor1", "actor2", "fatalities", "n_articles", "country", "admin1")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

API_DESCRIPTION = """\
Fused conflict events coded from Arabic news (ACLED taxonomy), with the Arabic evidence behind each.

- Filters shared by the event endpoints: `since`, `until` (ISO dates, inclusive), `bbox`
  (`minlon,minlat,maxlon,maxlat`), `country`, `admin1`, `event_type` (a type or a sub-event type),
  `actor` (part of an English or Arabic actor name), `source`, `text` (free text, Arabic or English),
  `min_confidence` (default 0.25, as `marsad events`: events below it are stored but not served; 0 for all).
- Pages: `limit` (1 to 1000, default 100), `offset`; the order is stable (ties broken by ingestion order).
- Every error is `{"detail": "message"}`: 422 for a bad value (the message names the parameter), 400 for
  an unknown parameter name, 404 for an unknown event or place, 503 when there is no database yet.
- Events without a date are counted by `/api/meta` (`undated`) and returned by `/api/events` unless
  `since`/`until` is given; the ACLED CSV leaves out events without a date, country or point.
- `POST /api/ingest` is disabled unless the server was started with a token (`--token` or `MARSAD_TOKEN`);
  a request body is at most 2 MB (the largest article Marsad extracts), else 413.
"""


class ApiError(HTTPException):
    """An HTTP error whose body is ``{"detail": message}``."""


# The body of every error response (written out, not a model: FastAPI would file a model's schema under
# the route's own media type, text/csv or application/geo+json, though errors are always JSON).
ERROR_SCHEMA = {"title": "Error", "type": "object", "required": ["detail"],
                "properties": {"detail": {"type": "string", "description": "what was wrong, naming the parameter"}}}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can answer with (all ``{"detail": str}``)."""
    words = {400: "unknown query parameter, or a malformed body", 401: "no bearer token",
             403: "wrong token, or ingest disabled", 404: "no such event or place",
             413: "body too large", 415: "unsupported content type",
             422: "a parameter with a bad value (the message names it)", 503: "no database yet"}
    return {c: {"description": words[c], "content": {"application/json": {"schema": ERROR_SCHEMA}}} for c in codes}


READ_ERRORS = _errors(400, 422, 503)


class GeoJSONResponse(JSONResponse):
    media_type = "application/geo+json"


class CSVResponse(StreamingResponse):
    media_type = "text/csv"


# ---------------------------------------------------------------------------------------------------------
# Database access: one read-only Store per thread (the Store serialises calls on its one connection).
# ---------------------------------------------------------------------------------------------------------

class Database:
    """Thread-local read-only stores and one writer (for ingest) over the same file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._writer: Store | None = None
        self._write_lock = threading.Lock()
        self._stores: list[Store] = []
        self._stores_lock = threading.Lock()
        self._generation = 0  # bumped by close(): a thread's store from before is not reused

    def reader(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is not None and getattr(self._local, "generation", -1) != self._generation:
            st = None
        if st is None:
            if not self.path.exists():
                raise ApiError(503, f"no database at {self.path}: ingest articles first")
            st = Store(self.path, readonly=True)
            st.conn.execute("PRAGMA query_only = ON")
            self._local.store = st
            self._local.generation = self._generation
            with self._stores_lock:
                self._stores.append(st)
        return st

    def writer(self) -> Store:
        if self._writer is None:
            self._writer = Store(self.path)
        return self._writer

    def close(self) -> None:
        with self._stores_lock:
            self._generation += 1
            for st in self._stores:
                try:
                    st.close()
                except sqlite3.Error:
                    pass
            self._stores.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None


# ---------------------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------------------

@dataclass
class EventFilters:
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    text: str | None = None
    min_confidence: float = 0.0

    def as_kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


def _parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None or raw.strip() == "":
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise ApiError(422, "bbox must be four numbers: minlon,minlat,maxlon,maxlat")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ApiError(422, "bbox must be four numbers: minlon,minlat,maxlon,maxlat") from None
    if not all(-180 <= x <= 180 for x in (minlon, maxlon)) or not all(-90 <= y <= 90 for y in (minlat, maxlat)):
        raise ApiError(422, "bbox out of range: longitudes within -180..180, latitudes within -90..90")
    if minlon > maxlon or minlat > maxlat:
        raise ApiError(422, "bbox must be minlon,minlat,maxlon,maxlat with min <= max")
    return minlon, minlat, maxlon, maxlat


def _iso_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def event_filters(
    since: str | None = Query(None, pattern=ISO_DATE, description="first event date, ISO (YYYY-MM-DD), inclusive",
                              examples=["2017-01-01"], json_schema_extra=DATE_DOC),
    until: str | None = Query(None, pattern=ISO_DATE, description="last event date, ISO (YYYY-MM-DD), inclusive",
                              examples=["2017-12-31"], json_schema_extra=DATE_DOC),
    bbox: str | None = Query(None, max_length=200, pattern=BBOX,
                             description="minlon,minlat,maxlon,maxlat (decimal degrees, min <= max)",
                             examples=["35.5,32,42.5,37.5"]),
    country: str | None = Query(None, max_length=100, description="country (English), exact"),
    admin1: str | None = Query(None, max_length=100, description="first-level region (English), exact"),
    event_type: EventTypeValue | None = Query(None, description="an ACLED event type or sub-event type, spelled exactly"),
    actor: str | None = Query(None, max_length=200, description="part of an actor name, English or Arabic"),
    source: str | None = Query(None, max_length=200, description="part of a source or outlet name"),
    text: str | None = Query(None, max_length=200, description="free text, Arabic or English"),
    min_confidence: float = Query(DEFAULT_MIN_CONFIDENCE, ge=0.0, le=1.0,
                                  description="only events with confidence >= this calibrated probability "
                                              f"(default {DEFAULT_MIN_CONFIDENCE}; 0 for every stored event)"),
) -> EventFilters:
    since, until = _iso_date(since, "since"), _iso_date(until, "until")
    if since and until and since > until:
        raise ApiError(422, f"since ({since}) is after until ({until})")
    return EventFilters(
        since=since, until=until,
        bbox=_parse_bbox(bbox), country=(country or "").strip() or None, admin1=(admin1 or "").strip() or None,
        event_type=event_type or None, actor=(actor or "").strip() or None, source=(source or "").strip() or None,
        text=(text or "").strip() or None, min_confidence=min_confidence)


@dataclass
class PageParams:
    limit: int
    offset: int
    order: str


def page_params(
    limit: int = Query(100, ge=1, le=MAX_PAGE, description=f"page size, 1 to {MAX_PAGE}"),
    offset: int = Query(0, ge=0, le=10_000_000, description="events to skip"),
    order: Order = Query("date", description="date (newest first), date_asc, fatalities, articles; "
                                             "ties keep ingestion order"),
) -> PageParams:
    return PageParams(limit=limit, offset=offset, order="date" if order == "-date" else order)


def reject_unknown_params(request: Request) -> None:
    """A misspelt filter (``contry=Syria``) is an error, not a silently unfiltered answer."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known: set[str] = set()
    stack = [route.dependant]
    while stack:
        d = stack.pop()
        known.update(p.alias for p in d.query_params)
        stack.extend(d.dependencies)
    unknown = sorted(set(request.query_params.keys()) - known)
    if unknown:
        raise ApiError(400, f"unknown query parameter(s): {', '.join(unknown)}; "
                            f"allowed: {', '.join(sorted(known)) or 'none'}")


def _resolved(store: Store, f: EventFilters) -> dict[str, Any]:
    """The filters as store arguments, an Arabic actor name resolved to its actor (see canonical_actor)."""
    kw = f.as_kwargs()
    if kw.get("actor"):
        kw["actor"] = queries.canonical_actor(store, kw["actor"])
    return kw


# ---------------------------------------------------------------------------------------------------------
# Shaping responses
# ---------------------------------------------------------------------------------------------------------

def _feature(e: dict[str, Any], fields: tuple[str, ...] | None = None) -> dict[str, Any] | None:
    if e.get("latitude") is None or e.get("longitude") is None:
        return None
    props = {k: e.get(k) for k in fields} if fields else \
        {k: v for k, v in e.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": e["fused_id"],
            "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
            "properties": props}


def _detail(e: dict[str, Any]) -> dict[str, Any]:
    """The fused event for the side panel: its fields, and per article the evidence and spans."""
    out = {k: v for k, v in e.items() if k != "articles"}
    arts = []
    for a in e.get("articles") or []:
        evidence: list[dict[str, Any]] = []
        spans: list[dict[str, Any]] = []
        for ev in a.get("events") or []:
            for x in ev.get("evidence") or []:
                if x not in evidence:
                    evidence.append(x)
            for x in ev.get("spans") or []:
                if x not in spans:
                    spans.append(x)
        arts.append({
            "article_id": a.get("article_id"), "source": a.get("source"), "published": a.get("published"),
            "title": a.get("title"), "url": a.get("url"), "text": a.get("text"),
            "evidence": evidence, "spans": spans,
            "events": [{"event_id": ev.get("event_id"), "sub_event_type": ev.get("sub_event_type"),
                        "event_date": ev.get("event_date"), "location": ev.get("location"),
                        "fatalities": ev.get("fatalities"), "source": ev.get("source"),
                        "link": ev.get("link")} for ev in a.get("events") or []],
        })
    out["articles"] = arts
    return out


_PATTERN_WORDS = {
    "bbox": "bbox must be four numbers: minlon,minlat,maxlon,maxlat (out of range: longitudes within "
            "-180..180, latitudes within -90..90)",
    "since": "not a date (YYYY-MM-DD)", "until": "not a date (YYYY-MM-DD)", "date": "not a date (YYYY-MM-DD)",
}


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of validation errors as one sentence that names each parameter."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        if name == "event_type" and err.get("type") == "literal_error":
            parts.append(f"unknown event_type {err.get('input')!r}; use one of: " + ", ".join(EVENT_TYPES)
                         + " (or a sub-event type)")
        elif err.get("type") == "string_pattern_mismatch" and name in _PATTERN_WORDS:
            parts.append(f"{name}: {err.get('input')!r}: {_PATTERN_WORDS[name]}")
        else:
            parts.append(f"{name}: {err.get('msg')}")
    return "; ".join(parts) or "invalid request"


# ---------------------------------------------------------------------------------------------------------
# The application
# ---------------------------------------------------------------------------------------------------------

def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The FastAPI app serving ``/api/*``, ``/docs``, ``/openapi.json`` and the map at ``/``."""
    from .. import __version__

    db = Database(db_path)
    if token is not None and not token.strip():
        token = None
    if token is not None and token != token.strip():
        raise ValueError("the ingest token starts or ends with spaces; a client could never send it "
                         "(HTTP trims header values): remove them")
    if token and not db.path.exists():
        db.writer()  # create the schema so that the first ingest has somewhere to go
    if not db.path.exists():
        raise FileNotFoundError(f"no database at {db.path}")
    with Store(db.path, readonly=True) as probe:  # fail early on a file that is not a Marsad database
        probe.conn.execute("SELECT 1 FROM fused_events LIMIT 1").fetchall()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        db.close()

    app = FastAPI(title="Marsad API", version=__version__, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.db = db
    app.state.token = token
    ingest_lock = threading.Lock()
    deps = [Depends(reject_unknown_params)]

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    # ---- pages -----------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # ---- API -------------------------------------------------------------------------------------------

    @app.get("/api/meta", tags=["meta"], dependencies=deps, summary="Totals, date range, countries, taxonomy",
             responses=_errors(400, 503))
    def meta(min_confidence: float = Query(DEFAULT_MIN_CONFIDENCE, ge=0.0, le=1.0,
                                           description="count events with confidence >= this, as the event "
                                                       "endpoints do (default "
                                                       f"{DEFAULT_MIN_CONFIDENCE})")) -> dict[str, Any]:
        st = db.reader()
        with st._lock:
            out = queries.overview(st.conn, min_confidence)
            boxes = queries.country_bboxes(st.conn)
        for c in out["countries"]:
            c["bbox"] = boxes.get(c["name"])
        out["event_types"] = {t: list(subs) for t, subs in EVENT_TYPES.items()}
        out["ingest_enabled"] = bool(token)
        out["max_page"] = MAX_PAGE
        return out

    @app.get("/api/events", tags=["events"], dependencies=deps, summary="List fused events (filtered, paged)",
             responses=READ_ERRORS)
    def list_events(f: EventFilters = Depends(event_filters), p: PageParams = Depends(page_params)) -> dict[str, Any]:
        st = db.reader()
        kw = _resolved(db.reader(), f)
        items = st.query_events(limit=p.limit, offset=p.offset, order=p.order, **kw)
        total = st.count_events(**kw)
        return {"total": total, "limit": p.limit, "offset": p.offset, "order": p.order,
                "returned": len(items), "items": items}

    @app.get("/api/events.geojson", tags=["events"], dependencies=deps, response_class=GeoJSONResponse,
             summary="Fused events as a GeoJSON FeatureCollection (a page; for map layers)",
             description="A page of events as GeoJSON. `total` counts every matching event, `returned` the "
                         "events of this page, `without_point` those of the page with no point (not in "
                         "`features`).",
             responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}, **READ_ERRORS})
    def events_geojson(f: EventFilters = Depends(event_filters), p: PageParams = Depends(page_params),
                       full: bool = Query(False, description="all fields in properties (default: what a map needs)")
                       ) -> JSONResponse:
        st = db.reader()
        kw = _resolved(db.reader(), f)
        items = st.query_events(limit=p.limit, offset=p.offset, order=p.order, **kw)
        total = st.count_events(**kw)
        feats = [x for x in (_feature(e, None if full else MAP_FIELDS) for e in items) if x]
        body = {"type": "FeatureCollection", "total": total, "limit": p.limit, "offset": p.offset,
                "returned": len(items), "without_point": len(items) - len(feats), "features": feats}
        return GeoJSONResponse(body)

    @app.get("/api/events.csv", tags=["events"], dependencies=deps,
             summary="Download the filtered events as ACLED-style CSV",
             description="ACLED's columns, then `location_gazetteer` and `marsad_id`. Events without a date, "
                         "country or point are left out, as ACLED would not publish them.",
             response_class=CSVResponse,
             responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                              "description": "ACLED columns, one row per fused event"}, **READ_ERRORS})
    def events_csv(f: EventFilters = Depends(event_filters),
                   limit: int | None = Query(None, ge=1, le=1_000_000, description="at most this many rows"),
                   order: Order = Query("date_asc", description="as for /api/events")) -> StreamingResponse:
        kw = _resolved(db.reader(), f)
        order_ = "date" if order == "-date" else order
        db.reader()  # 503 now rather than mid-stream

        def rows() -> Iterator[str]:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            w.writeheader()
            sent, offset = 0, 0
            while True:
                want = MAX_PAGE if limit is None else min(MAX_PAGE, limit - sent)
                if want <= 0:
                    break
                st = db.reader()
                page = queries.add_ingest_times(st, st.query_events(limit=want, offset=offset, order=order_, **kw))
                for e in page:
                    if not e.get("source"):
                        e["source"] = e.get("sources")
                    if acled_publishable(e) is None:
                        w.writerow(csv_safe(acled_row(e)))
                sent += len(page)
                offset += len(page)
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
                if len(page) < want:
                    break
            rest = buf.getvalue()
            if rest:
                yield rest

        return CSVResponse(rows(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'})

    @app.get("/api/events/{fused_id}", tags=["events"], dependencies=deps,
             summary="One fused event with its articles, evidence and highlighted spans",
             responses=_errors(400, 404, 422, 503))
    def get_event(fused_id: str = PathParam(..., min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")
                  ) -> dict[str, Any]:
        e = db.reader().get_event(fused_id)
        if e is None:
            raise ApiError(404, f"no event with id {fused_id!r}")
        return _detail(e)

    @app.get("/api/counts", tags=["events"], dependencies=deps, summary="Events per day, week or month (for charts)",
             responses=READ_ERRORS)
    def counts(f: EventFilters = Depends(event_filters),
               period: Literal["day", "week", "month"] = Query("day", description="day, week (from Monday) or month"),
               ) -> dict[str, Any]:
        st = db.reader()
        rows = st.counts_by_period(period=period, **_resolved(st, f))
        out: dict[str, dict[str, Any]] = {}
        for p, t, n in rows:
            c = out.setdefault(p, {"period": p, "events": 0, "by_type": {}})
            c["events"] += n
            c["by_type"][t] = n
        return {"period": period, "total": sum(c["events"] for c in out.values()), "counts": list(out.values())}

    @app.get("/api/places", tags=["places"], dependencies=deps, summary="Places events were coded at",
             responses=READ_ERRORS)
    def places(q: str | None = Query(None, max_length=100, description="start of a name, English or Arabic"),
               limit: int = Query(20, ge=1, le=MAX_PAGE)) -> dict[str, Any]:
        items = db.reader().places(q=(q or "").strip() or None, limit=limit)
        return {"returned": len(items), "items": items}

    @app.get("/api/places/{place}/control", tags=["places"], dependencies=deps,
             summary="Who held the place from when to when, with the evidence",
             responses=_errors(400, 404, 422, 503))
    def place_control(place: str = PathParam(..., min_length=1, max_length=200,
                                             description="a place id, or its English or Arabic name")
                      ) -> dict[str, Any]:
        st = db.reader()
        periods = st.control_timeline(place)
        if not periods:
            with st._lock:
                known = queries.place_exists(st.conn, place)
            if not known and not st.places(q=place, limit=1):
                raise ApiError(404, f"no place {place!r}")
        return {"place": place, "periods": periods}

    @app.get("/api/control", tags=["places"], dependencies=deps,
             summary="Who holds each place on a date (JSON list or GeoJSON for a map layer)",
             responses={200: {"content": {"application/json": {"schema": {"type": "object"}},
                                          "application/geo+json": {"schema": {"type": "object"}}}},
                        **READ_ERRORS})
    def control(date: str = Query(..., pattern=ISO_DATE, description="ISO date (YYYY-MM-DD)",
                                  examples=["2017-10-12"], json_schema_extra=DATE_DOC),
                format: Literal["json", "geojson"] = Query("json")) -> Any:
        day = _iso_date(date, "date")
        rows = db.reader().control_at(day)
        if format == "json":
            return {"date": day, "items": rows}
        feats = []
        for r in rows:
            if r.get("latitude") is None or r.get("longitude") is None:
                continue
            feats.append({"type": "Feature", "id": r.get("place_id"),
                          "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                          "properties": {"place_id": r.get("place_id"), "place": r.get("place"),
                                         "place_ar": r.get("place_ar"), "actor": r.get("actor"),
                                         "actor_ar": r.get("actor_ar"), "since": r.get("from"),
                                         "until": r.get("to"), "basis": r.get("basis"),
                                         "evidence": len(r.get("evidence") or [])}})
        return GeoJSONResponse({"type": "FeatureCollection", "date": day, "features": feats})

    @app.get("/api/actors", tags=["actors"], dependencies=deps, summary="Actors, most frequent first",
             responses=READ_ERRORS)
    def actors(q: str | None = Query(None, max_length=100, description="part of a name, English or Arabic"),
               limit: int = Query(20, ge=1, le=MAX_PAGE)) -> dict[str, Any]:
        items = db.reader().actors(q=(q or "").strip() or None, limit=limit)
        return {"returned": len(items), "items": items}

    # ---- ingest (only with a token) ----------------------------------------------------------------------

    @app.post("/api/ingest", tags=["ingest"], summary="Extract and store articles (needs the bearer token)",
              description=f"Articles as a JSON object, a list of them, `{{\"articles\": [...]}}`, or JSONL. A body "
                          f"is at most {MAX_INGEST_BYTES // (1024 * 1024)} MB (the largest article Marsad extracts) "
                          f"and {MAX_INGEST_ARTICLES} articles; send larger collections in several requests.",
              responses=_errors(400, 401, 403, 413, 415, 503),
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"oneOf": [{"type": "object"}, {"type": "array"}]},
                                       "example": {"id": "a1", "text": "…", "published": "2017-10-12", "source": "AFP"}},
                  "application/x-ndjson": {"schema": {"type": "string"}}}}})
    async def ingest_endpoint(request: Request) -> dict[str, Any]:
        if not token:
            raise ApiError(403, "ingest is disabled on this server (start it with --token or MARSAD_TOKEN)")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise HTTPException(401, "missing bearer token (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": 'Bearer realm="marsad"'})
        # compared exactly: a token with stray spaces is a different token
        if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            raise ApiError(403, "wrong token")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_INGEST_BYTES:
            raise ApiError(413, f"body larger than {MAX_INGEST_BYTES} bytes (2 MB); send smaller batches")
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_INGEST_BYTES:
                raise ApiError(413, f"body larger than {MAX_INGEST_BYTES} bytes (2 MB); send smaller batches")
        ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        lines = _ingest_lines(bytes(raw), ctype)
        from starlette.concurrency import run_in_threadpool
        return await run_in_threadpool(_run_ingest, lines)

    def _run_ingest(lines: list[str]) -> dict[str, Any]:
        from ..engines import get_engine
        from ..ingest.readers import read_jsonl
        from ..store.ingest import ingest

        messages: list[str] = []
        items = list(read_jsonl(io.StringIO("\n".join(lines)), "request"))
        with ingest_lock:
            rep = ingest(db.writer(), items, get_engine("local"), batch_size=100, report=messages.append)
        s = rep.stats
        return {"articles_read": rep.articles_read, "articles_added": s.articles_added,
                "articles_replaced": s.articles_replaced,
                "articles_unchanged": s.articles_skipped + rep.skipped_known,
                "events_added": s.events_added, "fused_new": s.fused_new, "fused_joined": s.fused_joined,
                "bad_input": rep.problems, "extraction_errors": rep.extraction_errors, "messages": messages[:100]}

    return app


def _ingest_lines(raw: bytes, ctype: str) -> list[str]:
    """The request body as JSONL lines (one article object each)."""
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "body is not UTF-8") from None
    if not body.strip():
        raise ApiError(400, "empty body: send an article object, a list of them, or JSONL")
    if ctype in ("application/json", "text/json"):
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list):
            raise ApiError(400, "JSON body must be an article object, a list of them, or {\"articles\": [...]}")
        lines = [json.dumps(x, ensure_ascii=False) for x in data]
    elif ctype in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "text/plain"):
        lines = [ln for ln in body.splitlines() if ln.strip()]
    else:
        raise ApiError(415, f"unsupported content type {ctype!r}: use application/json or application/x-ndjson")
    if len(lines) > MAX_INGEST_ARTICLES:
        raise ApiError(413, f"more than {MAX_INGEST_ARTICLES} articles in one request; send smaller batches")
    return lines
