"""The embedded event store: one SQLite file (WAL mode) holding articles, per-article events with their
evidence spans, fused events with the reasons for each merge, and territorial control.

    >>> with Store("marsad.db") as store:
    ...     store.add_articles([(article, events)])          # one transaction, idempotent
    ...     page = store.query_events(country="Syria", since="2017-10-01", limit=100)

Writes are idempotent: an article already stored with the same content hash is skipped; one whose
content changed is replaced (its events leave their fused events, the new ones are fused again).
Each ``add_articles`` call is one transaction that includes the article rows, so a run killed at any
point leaves whole batches only, and a re-run resumes after the last committed one.

All SQL is parameterised; user input never becomes SQL text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import re
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass, field, is_dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..fusion import control as _control
from ..fusion import incremental as _fusion
from ..text.normalise import fold

SCHEMA_VERSION = 3
"""1: the first schema (with the ``area`` column added in place); 2: an ``errors`` table, full-text
indexes on evidence and notes, the datasette views ``acled_events`` and ``sources``; 3: foreign keys
throughout (events, evidence and fusion links to articles, fused events and places)."""

__all__ = ["Store", "StoreError", "IngestStats", "content_hash", "SCHEMA_VERSION"]


def _to_v1(conn: sqlite3.Connection) -> None:
    """Databases from before the area-level blocking index get the ``area`` column."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(fused_events)")}
    if cols and "area" not in cols:
        conn.execute("ALTER TABLE fused_events ADD COLUMN area INTEGER NOT NULL DEFAULT 0")
        conn.execute("UPDATE fused_events SET area = 1 WHERE geo_precision >= 3")
        conn.execute("DROP INDEX IF EXISTS fused_block")


def _rebuild_search(conn: sqlite3.Connection) -> None:
    """Fill the full-text indexes from the rows already stored (they are kept in step by triggers)."""
    for t in ("evidence_fts", "events_fts", "fused_fts"):
        conn.execute(f"INSERT INTO {t}({t}) VALUES ('rebuild')")  # fixed table names


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a script (triggers' bodies kept whole), PRAGMAs left out."""
    buf: list[str] = []
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf.append(line)
        stmt = "".join(buf)
        if sqlite3.complete_statement(stmt):
            buf = []
            if not stmt.lstrip().upper().startswith("PRAGMA"):
                yield stmt


_REBUILT = ("fused_events", "events", "evidence", "fusion_links")  # tables that gained foreign keys in 3


def _to_v3(conn: sqlite3.Connection, schema: str) -> None:
    """Rebuild the tables that gained foreign keys (SQLite cannot add them in place), keeping every
    row and rowid (the full-text indexes point at rowids). Runs with foreign-key enforcement off."""
    creates = {}
    for stmt in _statements(schema):
        m = re.match(r"\s*CREATE TABLE IF NOT EXISTS (\w+) \(", stmt)
        if m and m[1] in _REBUILT:
            creates[m[1]] = stmt
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger')").fetchall():
        conn.execute(f'DROP {kind.upper()} "{name}"')  # recreated by the schema; they would block the renames
    for t in _REBUILT:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
        if not cols:
            continue
        conn.execute(creates[t].replace(f"CREATE TABLE IF NOT EXISTS {t} (", f"CREATE TABLE _new_{t} (", 1))
        new_cols = {r[1] for r in conn.execute(f"PRAGMA table_info(_new_{t})")}
        keep = ", ".join(c for c in cols if c in new_cols)
        conn.execute(f"INSERT INTO _new_{t} (rowid, {keep}) SELECT rowid, {keep} FROM {t}")
        conn.execute(f"DROP TABLE {t}")
        conn.execute(f"ALTER TABLE _new_{t} RENAME TO {t}")


_MIGRATIONS = {1: _to_v1, 2: lambda conn: None}  # version -> the step to the next one (3: see _migrate)  # version -> the step to the next one (the rest is schema.sql, idempotent)

_EVENT_COLUMNS = (
    "event_id", "article_id", "event_type", "sub_event_type", "event_date", "event_date_end", "time_precision",
    "actor1", "actor1_ar", "assoc_actor_1", "inter1", "actor2", "actor2_ar", "assoc_actor_2", "inter2",
    "interaction", "location", "location_ar", "latitude", "longitude", "geo_precision", "location_id",
    "country", "admin1", "admin2", "admin3", "fatalities", "source", "notes", "confidence",
)
_FUSED_OUT = (
    "fused_id", "event_type", "sub_event_type", "event_date", "event_date_end", "time_precision",
    "actor1", "actor1_ar", "assoc_actor_1", "inter1", "actor2", "actor2_ar", "assoc_actor_2", "inter2",
    "interaction", "location", "location_ar", "latitude", "longitude", "geo_precision", "location_id",
    "country", "admin1", "admin2", "admin3", "fatalities", "conflicts", "sources", "article_ids",
    "n_articles", "n_events", "notes", "confidence",
)
_EVENTS_INSERT = f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}, data) VALUES "
_EVIDENCE_INSERT = "INSERT INTO evidence (event_id, article_id, kind, role, start, end, text) VALUES "
_VALUES_PER_INSERT = 999  # bound values per statement: SQLite's limit before 3.32 (32,766 since), so any build takes it


def _insert_rows(conn: sqlite3.Connection, head: str, rows: Sequence[Sequence[Any]]) -> None:
    """``head`` ("INSERT INTO t (cols) VALUES ") for each of ``rows`` in order, as multi-row statements."""
    if not rows:
        return
    width = len(rows[0])
    marks = "(" + ", ".join("?" * width) + ")"
    per = max(1, _VALUES_PER_INSERT // width)
    for i in range(0, len(rows), per):
        chunk = rows[i:i + per]
        conn.execute(head + ", ".join([marks] * len(chunk)), [v for row in chunk for v in row])


_ORDERS = {  # SQLite sorts NULL lowest: undated events come last newest-first, first oldest-first
    "date": "event_date DESC, first_seq DESC",
    "-date": "event_date DESC, first_seq DESC",
    "date_asc": "event_date ASC, first_seq ASC",
    "fatalities": "fatalities DESC, event_date DESC, first_seq DESC",
    "articles": "n_articles DESC, event_date DESC, first_seq DESC",
}


def content_hash(article: Any) -> str:
    """sha1 over what extraction reads: text, title, publication date and source.

    Ingesting asks it of each article three times (duplicate ids in the input, whether the store holds it
    already, the row written): the digest is remembered on the article with the very values it was made
    of, and made again when any of them was replaced since."""
    parts = (article.text, article.title, article.published, article.source)
    memo = getattr(article, "_content_hash", None)
    if memo is not None and all(map(_same, memo[0], parts)):
        return memo[1]
    h = hashlib.sha1()
    for part in parts:
        h.update((part or "").encode("utf-8"))
        h.update(b"\x00")
    digest = h.hexdigest()
    try:
        article._content_hash = (parts, digest)
    except AttributeError:  # an article type without an instance dict
        pass
    return digest


_same = operator.is_


def _utc_now_iso() -> str:
    """``datetime.now(timezone.utc).isoformat(timespec="seconds")``, made once a second (every stored
    article carries it: the datetime and its formatting cost more than storing an article without events)."""
    global _now_iso
    second = int(time.time())
    if _now_iso[0] != second:
        _now_iso = (second, dt.datetime.fromtimestamp(second, dt.timezone.utc).isoformat(timespec="seconds"))
    return _now_iso[1]


_now_iso: tuple[int, str] = (-1, "")


@dataclass
class IngestStats:
    """What one ``add_articles`` call did."""

    articles_added: int = 0
    articles_replaced: int = 0
    articles_skipped: int = 0
    events_added: int = 0
    fused_new: int = 0
    fused_joined: int = 0

    failed: list = field(default_factory=list)  # (article, reason) for each article rolled back
    pending: dict = field(default_factory=dict, repr=False)  # counts added by the article being stored

    def count(self, name: str, n: int = 1) -> None:
        setattr(self, name, getattr(self, name) + n)
        self.pending[name] = self.pending.get(name, 0) + n

    def __iadd__(self, other: "IngestStats") -> "IngestStats":
        for k in ("articles_added", "articles_replaced", "articles_skipped", "events_added", "fused_new",
                  "fused_joined"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.failed += other.failed
        return self


def _is_transient(exc: sqlite3.OperationalError) -> bool:
    """Errors of the database, not of one article: the batch stops and is resumed later."""
    msg = str(exc).lower()
    return any(w in msg for w in ("locked", "busy", "disk", "full", "readonly", "read-only", "i/o", "interrupted"))


def _event_dict(ev: Any) -> dict[str, Any]:
    if hasattr(ev, "to_dict"):
        return ev.to_dict()
    if is_dataclass(ev):
        return asdict(ev)
    return dict(ev)


def _bbox(bbox: Any) -> tuple[float, float, float, float] | None:
    if bbox is None or bbox == "":
        return None
    if isinstance(bbox, str):
        parts = [p for p in bbox.split(",")]
    else:
        parts = list(bbox)
    if len(parts) != 4:
        raise ValueError("bbox must be minlon,minlat,maxlon,maxlat")
    minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    return minlon, minlat, maxlon, maxlat


class _DeferredViolation(Exception):
    """COMMIT refused: a deferred foreign key left broken by the batch (the transaction is rolled back)."""


class StoreError(Exception):
    """The database cannot be used: not a database, damaged, a folder, or from a newer Marsad.

    Raised before anything is written; the message says which file and what to do.
    """


_SQLITE_HEADER = b"SQLite format 3\x00"
_checked: set[tuple[str, int, int]] = set()  # (path, size, mtime) that passed quick_check in this process


def _wal_state(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
        wal = path.with_name(path.name + "-wal")
        w = wal.stat().st_mtime_ns if wal.exists() else 0
        return st.st_size, max(st.st_mtime_ns, w)
    except OSError:
        return -1, -1


class Store:
    """A Marsad database. Use as a context manager; safe to share between threads (calls are serialised).

    Opening checks the file (``PRAGMA quick_check``, once per process for an unchanged file) and
    brings an older schema up to ``SCHEMA_VERSION``; a file that cannot be used raises ``StoreError``
    without writing to it.
    """

    def __init__(self, path: str | Path = "marsad.db", readonly: bool = False, check: bool = True) -> None:
        self.path = str(path)
        self.readonly = readonly
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file (give a file name, e.g. {p / 'marsad.db'})")
        if readonly and not p.exists():
            raise StoreError(f"no database at {self.path} (create one with `marsad ingest INPUT --db {self.path}`)")
        if not readonly and not p.parent.exists():
            raise StoreError(f"cannot create {self.path}: the folder {p.parent} does not exist")
        if p.exists() and p.stat().st_size > 0:
            try:
                with open(p, "rb") as fh:
                    head = fh.read(16)
            except OSError as exc:
                raise StoreError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
            if head != _SQLITE_HEADER:
                raise StoreError(f"{self.path} is not an SQLite database (it starts with {head[:8]!r}); "
                                 "give another --db path")
        try:
            if readonly:
                uri = p.resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self._lock = threading.RLock()
        try:
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if check:
                self._check()
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                # Each stored article is a savepoint (and each statement with a trigger a statement savepoint):
                # SQLite keeps the pages they change in a sub-journal, spilled past 64 KiB to a temporary
                # file, about 28 writes to it per article (x1.6 the CPU of storing a batch). In memory, the
                # sub-journal holds one article's pages (emptied at its RELEASE); the database is the same.
                self.conn.execute("PRAGMA temp_store = MEMORY")
                self.conn.execute("PRAGMA foreign_keys = ON")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path} cannot be used as a Marsad database: {exc}") from exc
        except StoreError:
            self.conn.close()
            raise

    # ---- lifecycle ------------------------------------------------------------------------------------

    def _check(self) -> None:
        """``PRAGMA quick_check``: refuse a damaged file before any write (each file once per process)."""
        where = str(Path(self.path).resolve())
        key = (where, *_wal_state(Path(self.path)))
        if key in _checked or (self.readonly and (where, -1, -1) in _checked):
            return  # readers (a server opens one per thread) check a file once per process
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:  # too damaged to even list its problems
            rows = [str(exc)]
        if rows != ["ok"]:
            raise StoreError(
                f"{self.path} is damaged ({'; '.join(map(str, rows))[:300]}); nothing was written to it. "
                f"Restore a copy, or recover what is readable with: sqlite3 {self.path} .recover | sqlite3 recovered.db")
        _checked.add(key)
        if self.readonly:
            _checked.add((where, -1, -1))

    def schema_version(self) -> int | None:
        """The schema version stored in the file (None: not a Marsad database yet)."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            return 1 if "articles" in tables else None
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else (1 if "articles" in tables else None)
        except (TypeError, ValueError):
            raise StoreError(f"{self.path}: schema version {row[0]!r} is not a number") from None

    def _check_version(self) -> None:
        v = self.schema_version()
        if v is not None and v > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {v}, newer than this Marsad ({SCHEMA_VERSION}): "
                             "upgrade Marsad to use it")

    def _migrate(self) -> None:
        """Create the schema, or bring an older one up to date (each step once, in one transaction)."""
        sql = resources.files("marsad.store").joinpath("schema.sql").read_text(encoding="utf-8")
        with self._lock:
            self._check_version()
            v = self.schema_version()
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if v == SCHEMA_VERSION and {"errors", "evidence_fts"} <= tables:
                return
            if v is None and "articles" not in tables and tables - {"meta"}:
                raise StoreError(f"{self.path} is an SQLite database of another program (tables: "
                                 f"{', '.join(sorted(tables)[:5])}); give another --db path")
            rebuild = v is not None and v < 3
            if rebuild:  # dropping a table must not cascade into its children: enforcement off meanwhile
                self.conn.execute("PRAGMA foreign_keys = OFF")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if v is not None:
                    for step in range(v, SCHEMA_VERSION):
                        _MIGRATIONS[step](self.conn)
                if rebuild:
                    _to_v3(self.conn, sql)
                for stmt in _statements(sql):  # not executescript: it would commit this transaction
                    self.conn.execute(stmt)
                if v is not None and v < 2:
                    _rebuild_search(self.conn)
                self.conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(SCHEMA_VERSION),))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            finally:
                self.conn.execute("PRAGMA foreign_keys = ON")

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---- writing --------------------------------------------------------------------------------------

    def known(self, article_ids: Sequence[str]) -> dict[str, str]:
        """``{article_id: content_hash}`` for the given ids already stored."""
        out: dict[str, str] = {}
        ids = list(article_ids)
        with self._lock:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                out.update(self.conn.execute(
                    f"SELECT article_id, content_hash FROM articles WHERE article_id IN ({', '.join('?' for _ in chunk)})",
                    chunk).fetchall())
        return out

    def needs(self, articles: Sequence[Any]) -> list[bool]:
        """For each article: must it be (re-)extracted? False when stored with the same content."""
        have = self.known([a.id for a in articles])
        return [have.get(a.id) != content_hash(a) for a in articles]

    def add_articles(self, items: Iterable[tuple[Any, Sequence[Any]]]) -> IngestStats:
        """Store articles with their per-article events and fuse the events, in one transaction.

        ``items`` are ``(Article, [Event or event dict, ...])`` as ``marsad.extract_articles`` yields.
        Idempotent by article id and content hash. Each article is its own savepoint: one that fails
        to store or fuse is rolled back alone and listed in ``stats.failed`` ``(article, reason)``;
        the others are committed.
        """
        items = list(items)
        try:
            return self._add_batch(items)
        except _DeferredViolation:
            # a foreign key broken by some article (checked at commit): store them one by one instead
            stats = IngestStats()
            for item in items:
                try:
                    stats += self._add_batch([item])
                except _DeferredViolation as exc:
                    stats.failed.append((item[0], f"IntegrityError: {exc}"))
            return stats

    def _add_batch(self, items: Sequence[tuple[Any, Sequence[Any]]]) -> IngestStats:
        stats = IngestStats()
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for article, events in items:
                    self.conn.execute("SAVEPOINT article")
                    try:
                        self._add_one(article, events, stats)
                    except (sqlite3.OperationalError, KeyboardInterrupt, SystemExit, MemoryError) as exc:
                        if isinstance(exc, sqlite3.OperationalError) and not _is_transient(exc):
                            self._fail_one(article, exc, stats)
                            continue
                        raise  # disk full, locked, interrupted: the whole batch, to be resumed
                    except Exception as exc:  # noqa: BLE001 - one article's data must not sink the batch
                        self._fail_one(article, exc, stats)
                        continue
                    self.conn.execute("RELEASE article")
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.IntegrityError as exc:  # deferred foreign keys are checked here
                    raise _DeferredViolation(str(exc)) from exc
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        return stats

    def _fail_one(self, article: Any, exc: BaseException, stats: IngestStats) -> None:
        self.conn.execute("ROLLBACK TO article")
        self.conn.execute("RELEASE article")
        for k, v in stats.pending.items():  # counts of the article rolled back
            setattr(stats, k, getattr(stats, k) - v)
        stats.pending.clear()
        stats.failed.append((article, f"{type(exc).__name__}: {exc}"))

    def record_errors(self, rows: Iterable[tuple[str, str | None, str | None, str]], run_at: str | None = None) -> int:
        """Add ``(stage, location, article_id, reason)`` rows to the ``errors`` table; returns how many."""
        run_at = run_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        rows = [(run_at, st, loc, aid, reason) for st, loc, aid, reason in rows]
        if not rows or self.readonly:
            return 0
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("INSERT INTO errors (run_at, stage, location, article_id, reason) "
                                      "VALUES (?, ?, ?, ?, ?)", rows)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return len(rows)

    def errors(self, article_id: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Recorded problems, newest first: ``{run_at, stage, location, article_id, reason}``."""
        sql = "SELECT run_at, stage, location, article_id, reason FROM errors"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(int(limit))
        with self._lock:
            keys = ("run_at", "stage", "location", "article_id", "reason")
            return [dict(zip(keys, r)) for r in self.conn.execute(sql, params)]

    def _add_one(self, article: Any, events: Sequence[Any], stats: IngestStats) -> None:
        c = self.conn
        stats.pending.clear()
        h = content_hash(article)
        old = c.execute("SELECT content_hash FROM articles WHERE article_id = ?", (article.id,)).fetchone()
        if old is not None:
            if old[0] == h:
                stats.count("articles_skipped")
                return
            self._remove_article(article.id)
            stats.count("articles_replaced")
        else:
            stats.count("articles_added")
        seq = (c.execute("SELECT MAX(ingest_seq) FROM articles").fetchone()[0] or 0) + 1  # indexed
        # the extractor's records: event dicts, and control statements marked record="control"
        statements = [r for r in events if isinstance(r, Mapping) and r.get("record") == "control"]
        dicts = [_event_dict(e) for e in events if not (isinstance(e, Mapping) and e.get("record") == "control")]
        c.execute(
            "INSERT INTO articles (article_id, content_hash, published, source, url, title, text, n_events, "
            "ingest_seq, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, h, article.published, article.source, article.url, article.title, article.text,
             len(dicts), seq, _utc_now_iso()))
        seen: set[str] = set()
        event_rows: list[list[Any]] = []
        evidence_rows: list[tuple[Any, ...]] = []
        for d in dicts:
            d["article_id"] = article.id
            if not d.get("location_id"):
                key = _control.place_key(d.get("location_ar")) or _control.place_key(d.get("location"))
                d["location_id"] = f"name:{key}" if key else None
            base = d.get("event_id") or hashlib.sha1(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()[:16]
            eid, n = base, 1
            # (the article's own events are not stored yet: ``seen`` holds them)
            while eid in seen or c.execute("SELECT 1 FROM events WHERE event_id = ?", (eid,)).fetchone():
                n += 1
                eid = f"{base}-{n}"
            seen.add(eid)
            d["event_id"] = eid
            event_rows.append(
                [d.get(k) if k != "fatalities" else int(d.get(k) or 0) for k in _EVENT_COLUMNS]
                + [json.dumps({k: v for k, v in d.items() if k not in ("evidence", "spans")},  # those: table evidence
                              ensure_ascii=False, default=str)])
            evidence_rows += [(eid, article.id, "evidence", None, ev.get("start"), ev.get("end"), ev.get("text") or "")
                              for ev in (d.get("evidence") or [])]
            evidence_rows += [(eid, article.id, "span", sp.get("role"), sp.get("start"), sp.get("end"), sp.get("text") or "")
                              for sp in (d.get("spans") or [])]
        # The article's events, then their evidence, each in as few statements as can be: every statement that
        # fires a full-text trigger inside the transaction makes SQLite's FTS5 write what the statement before it
        # indexed as a segment of its own (one per evidence row with one INSERT a row, merged again later). The
        # rows, their order and so their ids are those of one INSERT a row.
        _insert_rows(c, _EVENTS_INSERT, event_rows)
        _insert_rows(c, _EVIDENCE_INSERT, evidence_rows)
        for d in dicts:
            if d.get("location_id"):
                self._upsert_place(d)
            stats.count("events_added")
        for st in statements:
            self._insert_control_statement(dict(st, article_id=article.id))
        for d in dicts:
            d["outlet"] = article.source
            fid = _fusion.fuse_event(c, d, seq)
            if fid == "F" + d["event_id"]:
                stats.count("fused_new")
            else:
                stats.count("fused_joined")

    def _upsert_place(self, d: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO places (place_id, name_en, name_ar, fold_en, fold_ar, latitude, longitude, geo_precision, "
            "country, admin1, n_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT(place_id) DO UPDATE SET "
            "n_events = n_events + 1, name_en = COALESCE(name_en, excluded.name_en), "
            "name_ar = COALESCE(name_ar, excluded.name_ar), fold_en = COALESCE(fold_en, excluded.fold_en), "
            "fold_ar = COALESCE(fold_ar, excluded.fold_ar), latitude = COALESCE(latitude, excluded.latitude), "
            "longitude = COALESCE(longitude, excluded.longitude), country = COALESCE(country, excluded.country), "
            "admin1 = COALESCE(admin1, excluded.admin1)",
            (d["location_id"], d.get("location"), d.get("location_ar"), _control.place_key(d.get("location")),
             _control.place_key(d.get("location_ar")), d.get("latitude"), d.get("longitude"), d.get("geo_precision"),
             d.get("country"), d.get("admin1")))

    def _remove_article(self, article_id: str) -> None:
        """Take an article and its events out (their fused events are recomputed)."""
        c = self.conn
        rows = c.execute("SELECT event_id, fused_id, location_id FROM events WHERE article_id = ?", (article_id,)).fetchall()
        fused = {r[1] for r in rows if r[1]}
        for _, _, pid in rows:
            if pid:
                c.execute("UPDATE places SET n_events = MAX(0, n_events - 1) WHERE place_id = ?", (pid,))
        c.execute("DELETE FROM fusion_links WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM evidence WHERE article_id = ?", (article_id,))
        c.execute("UPDATE events SET fused_id = NULL WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM control_statements WHERE article_id = ?", (article_id,))
        c.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
        for fid in fused:
            _fusion.write_fused(c, fid)

    def add_control_statement(self, place_id: str, actor: str, date: str, *, place: str | None = None,
                              place_ar: str | None = None, actor_ar: str | None = None,
                              previous_actor: str | None = None, kind: str = "holds",
                              article_id: str | None = None, evidence: str | None = None,
                              ev_start: int | None = None, ev_end: int | None = None) -> None:
        """Record an explicit control statement (the extractor's hook): ``actor`` holds (or took) the place on ``date``."""
        if kind not in ("holds", "takes"):
            raise ValueError("kind must be 'holds' or 'takes'")
        with self._lock:
            self._insert_control_statement(dict(
                place_id=place_id, place=place, place_ar=place_ar, actor=actor, actor_ar=actor_ar,
                previous_actor=previous_actor, date=date, kind=kind, article_id=article_id, evidence=evidence,
                ev_start=ev_start, ev_end=ev_end))

    def _insert_control_statement(self, st: Mapping[str, Any]) -> None:
        """Insert one statement (the caller holds the lock and the transaction)."""
        cols = ("place_id", "place", "place_ar", "actor", "actor_ar", "previous_actor", "date", "kind", "article_id",
                "evidence", "ev_start", "ev_end")
        row = dict(st)
        row.setdefault("kind", "holds")
        self.conn.execute(
            f"INSERT OR IGNORE INTO control_statements ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [row.get(k) for k in cols])

    # ---- reading: fused events --------------------------------------------------------------------------

    def _where(self, since: str | None = None, until: str | None = None, bbox: Any = None,
               country: str | None = None, admin1: str | None = None, event_type: str | None = None,
               actor: str | None = None, source: str | None = None, text: str | None = None,
               min_confidence: float | None = None) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if min_confidence:
            conds.append("confidence >= ?")
            params.append(float(min_confidence))
        if since:
            conds.append("event_date >= ?")
            params.append(str(since)[:10])
        if until:
            conds.append("event_date <= ?")
            params.append(str(until)[:10])
        b = _bbox(bbox)
        if b:
            conds.append("latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
            params += [b[1], b[3], b[0], b[2]]
        if country:
            conds.append("country = ? COLLATE NOCASE")
            params.append(country)
        if admin1:
            conds.append("admin1 = ? COLLATE NOCASE")
            params.append(admin1)
        if event_type:
            conds.append("(event_type = ? OR sub_event_type = ?)")
            params += [event_type, event_type]
        if actor:  # the few matching names first, then an indexed lookup per candidate event
            q = actor.casefold()
            names = [n for n in self._actor_names() if q in n.casefold()]
            conds.append("EXISTS (SELECT 1 FROM fused_actors fa WHERE fa.fused_id = fused_events.fused_id AND "
                         f"(fa.actor IN ({', '.join('?' for _ in names) or 'NULL'}) OR "
                         f"fa.actor_ar IN ({', '.join('?' for _ in names) or 'NULL'})))")
            params += names + names
        if source:
            conds.append("fused_id IN (SELECT fused_id FROM fused_sources WHERE source LIKE ?)")
            params.append(f"%{source}%")
        if text:
            conds.append("search LIKE ?")
            params.append(f"%{fold(text)}%")
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def _actor_names(self) -> list[str]:
        """Every distinct actor name and Arabic form (cached until the database changes, by any process)."""
        with self._lock:
            version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
            if getattr(self, "_names_version", None) != version:
                self._names = [r[0] for r in self.conn.execute(
                    "SELECT actor FROM fused_actors UNION SELECT actor_ar FROM fused_actors WHERE actor_ar != ''")]
                self._names_version = version
            return self._names

    @staticmethod
    def _fused_row(row: sqlite3.Row | tuple) -> dict[str, Any]:
        d = dict(zip(_FUSED_OUT, row))
        d["conflicts"] = json.loads(d["conflicts"]) if d["conflicts"] else None
        d["article_ids"] = json.loads(d["article_ids"]) if d["article_ids"] else []
        d["article_id"] = d["article_ids"][0] if d["article_ids"] else None  # FORMAT.md: the first id
        d["event_id"] = d["fused_id"]
        return d

    def query_events(self, since: str | None = None, until: str | None = None, bbox: Any = None,
                     country: str | None = None, admin1: str | None = None, event_type: str | None = None,
                     actor: str | None = None, source: str | None = None, text: str | None = None,
                     limit: int | None = 100, offset: int = 0, order: str = "date",
                     min_confidence: float | None = None) -> list[dict[str, Any]]:
        """A page of fused events matching every given filter.

        Filters: ``since``/``until`` (ISO dates, inclusive, on event_date), ``bbox`` (minlon, minlat,
        maxlon, maxlat as a tuple or "a,b,c,d"), ``country``/``admin1`` (exact, case-insensitive),
        ``event_type`` (an event type or a sub-event type), ``actor`` (substring of any actor's English
        or Arabic name), ``source`` (substring of a reporting source or outlet), ``text`` (free text,
        folded), ``min_confidence`` (the fused event's confidence). ``order``: "date" (newest first),
        "date_asc", "fatalities", "articles".
        Each dict has the ACLED fields plus fused_id, article_ids, n_articles, n_events, sources, conflicts.
        """
        where, params = self._where(since, until, bbox, country, admin1, event_type, actor, source, text,
                                    min_confidence)
        order_sql = _ORDERS.get(order)
        if order_sql is None:
            raise ValueError(f"order must be one of {', '.join(_ORDERS)}")
        sql = f"SELECT {', '.join(_FUSED_OUT)} FROM fused_events{where} ORDER BY {order_sql}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        with self._lock:
            return [self._fused_row(r) for r in self.conn.execute(sql, params)]

    def iter_events(self, with_evidence: bool = False, **filters: Any) -> Iterator[dict[str, Any]]:
        """All fused events matching the filters (as ``query_events``), streamed in pages, oldest first.

        ``with_evidence`` adds ``evidence``: every member's evidence sentences with article id and offsets.
        """
        offset, page = 0, 2000
        filters.setdefault("order", "date_asc")
        while True:
            rows = self.query_events(limit=page, offset=offset, **filters)
            if with_evidence and rows:
                ev = self.evidence_for([r["fused_id"] for r in rows])
                for r in rows:
                    r["evidence"] = ev.get(r["fused_id"], [])
            yield from rows
            if len(rows) < page:
                return
            offset += page

    def evidence_for(self, fused_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """``{fused_id: [{article_id, text, start, end}, ...]}``: the evidence sentences of each member."""
        out: dict[str, list[dict[str, Any]]] = {}
        ids = list(fused_ids)
        with self._lock:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for fid, aid, t, s, e in self.conn.execute(
                        "SELECT e.fused_id, v.article_id, v.text, v.start, v.end FROM events e JOIN evidence v "
                        "ON v.event_id = e.event_id AND v.kind = 'evidence' "
                        f"WHERE e.fused_id IN ({', '.join('?' for _ in chunk)}) ORDER BY v.id", chunk):
                    out.setdefault(fid, []).append({"article_id": aid, "text": t, "start": s, "end": e})
        return out

    def count_events(self, since: str | None = None, until: str | None = None, bbox: Any = None,
                     country: str | None = None, admin1: str | None = None, event_type: str | None = None,
                     actor: str | None = None, source: str | None = None, text: str | None = None,
                     min_confidence: float | None = None) -> int:
        """How many fused events match the filters (same filters as ``query_events``)."""
        where, params = self._where(since, until, bbox, country, admin1, event_type, actor, source, text,
                                    min_confidence)
        with self._lock:
            return self.conn.execute(f"SELECT COUNT(*) FROM fused_events{where}", params).fetchone()[0]

    def get_event(self, fused_id: str) -> dict[str, Any] | None:
        """One fused event with everything behind it, or None.

        Adds ``articles``: each ``{article_id, source, published, title, url, text, events}`` where each
        per-article event carries ``evidence`` and ``spans`` (character offsets into ``text``) and
        ``link`` (why it was merged: ``reasons``, ``matched_event_id``, ``score``).
        """
        with self._lock:
            row = self.conn.execute(f"SELECT {', '.join(_FUSED_OUT)} FROM fused_events WHERE fused_id = ?",
                                    (fused_id,)).fetchone()
            if row is None:
                return None
            out = self._fused_row(row)
            evs = self.conn.execute(
                "SELECT e.event_id, e.article_id, e.data, l.matched_event_id, l.score, l.reasons FROM events e "
                "JOIN articles a USING (article_id) LEFT JOIN fusion_links l ON l.event_id = e.event_id "
                "WHERE e.fused_id = ? ORDER BY a.ingest_seq, e.rowid", (fused_id,)).fetchall()
            spans: dict[str, list[tuple]] = {}
            for eid, kind, role, s, e, t in self.conn.execute(
                    "SELECT v.event_id, v.kind, v.role, v.start, v.end, v.text FROM evidence v JOIN events e "
                    "ON e.event_id = v.event_id WHERE e.fused_id = ? ORDER BY v.id", (fused_id,)):
                spans.setdefault(eid, []).append((kind, role, s, e, t))
            articles: dict[str, dict[str, Any]] = {}
            for eid, aid, data, matched, score, reasons in evs:
                if aid not in articles:
                    a = self.conn.execute("SELECT article_id, source, published, title, url, text FROM articles "
                                          "WHERE article_id = ?", (aid,)).fetchone()
                    articles[aid] = dict(zip(("article_id", "source", "published", "title", "url", "text"), a),
                                         events=[])
                ev = json.loads(data)
                ev["evidence"] = [{"text": t, "start": s, "end": e} for k, _, s, e, t in spans.get(eid, []) if k == "evidence"]
                ev["spans"] = [{"role": r, "text": t, "start": s, "end": e} for k, r, s, e, t in spans.get(eid, []) if k == "span"]
                ev["link"] = {"matched_event_id": matched, "score": score,
                              "reasons": json.loads(reasons) if reasons else []}
                articles[aid]["events"].append(ev)
            out["articles"] = list(articles.values())
        return out

    def explain(self, fused_id: str) -> list[dict[str, Any]]:
        """Why each report sits in the fused event: ``{event_id, article_id, source, matched_event_id, score, reasons}``."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT l.event_id, l.article_id, a.source, e.source, e.event_date, e.location, e.sub_event_type, "
                "e.fatalities, l.matched_event_id, l.score, l.reasons FROM fusion_links l JOIN events e USING (event_id) "
                "JOIN articles a ON a.article_id = l.article_id WHERE l.fused_id = ? ORDER BY a.ingest_seq, e.rowid",
                (fused_id,)).fetchall()
        keys = ("event_id", "article_id", "outlet", "reported_by", "event_date", "location", "sub_event_type",
                "fatalities", "matched_event_id", "score", "reasons")
        out = [dict(zip(keys, r)) for r in rows]
        for d in out:
            d["reasons"] = json.loads(d["reasons"])
        return out

    def counts_by_period(self, period: str = "day", since: str | None = None, until: str | None = None,
                         bbox: Any = None, country: str | None = None, admin1: str | None = None,
                         event_type: str | None = None, actor: str | None = None, source: str | None = None,
                         text: str | None = None, min_confidence: float | None = None) -> list[tuple[str, str, int]]:
        """``[(period_start, event_type, count)]`` of dated fused events; weeks start on Monday."""
        if period == "day":
            bucket = "event_date"
        elif period == "week":
            bucket = "date(event_date, 'weekday 0', '-6 days')"
        elif period == "month":
            bucket = "strftime('%Y-%m-01', event_date)"
        else:
            raise ValueError("period must be 'day', 'week' or 'month'")
        where, params = self._where(since, until, bbox, country, admin1, event_type, actor, source, text,
                                    min_confidence)
        where = (where + " AND" if where else " WHERE") + " event_date IS NOT NULL"
        sql = f"SELECT {bucket} AS p, event_type, COUNT(*) FROM fused_events{where} GROUP BY p, event_type ORDER BY p, event_type"
        with self._lock:
            return [(p, t, n) for p, t, n in self.conn.execute(sql, params)]

    # ---- reading: places, actors, control ---------------------------------------------------------------

    def places(self, q: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Places events were coded at, most reported first; ``q`` matches English or Arabic names (folded, prefix)."""
        cols = ("place_id", "name_en", "name_ar", "latitude", "longitude", "geo_precision", "country", "admin1", "n_events")
        sql = f"SELECT {', '.join(cols)} FROM places"
        params: list[Any] = []
        key = _control.place_key(q) if q else None
        if key:
            sql += " WHERE fold_en LIKE ? OR fold_ar LIKE ?"
            params += [f"{key}%", f"{key}%"]
        sql += " ORDER BY n_events DESC, place_id LIMIT ?"
        params.append(int(limit))
        with self._lock:
            return [dict(zip(cols, r)) for r in self.conn.execute(sql, params)]

    def actors(self, q: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Actors of fused events, most frequent first: ``{actor, actor_ar, n_events}``; ``q`` is a substring."""
        sql = "SELECT actor, NULLIF(MAX(actor_ar), ''), COUNT(DISTINCT fused_id) AS n FROM fused_actors"
        params: list[Any] = []
        if q:
            sql += " WHERE actor LIKE ? OR actor_ar LIKE ?"
            params += [f"%{q}%", f"%{q}%"]
        sql += " GROUP BY actor ORDER BY n DESC, actor LIMIT ?"
        params.append(int(limit))
        with self._lock:
            return [{"actor": a, "actor_ar": ar, "n_events": n} for a, ar, n in self.conn.execute(sql, params)]

    def control_timeline(self, place: str) -> list[dict[str, Any]]:
        """Who controlled the place (id, or English/Arabic name) from when to when, oldest first.

        Each period: ``{place_id, place, place_ar, latitude, longitude, actor, actor_ar, from, to, basis,
        evidence: [{article_id, outlet, text, start, end, fused_id}], fused_ids}``; ``from`` None means
        "since before the first record", ``to`` None "still holds it as far as we know".
        """
        with self._lock:
            return _control.timeline(self.conn, place)

    def control_at(self, date: str) -> list[dict[str, Any]]:
        """The control period in force on ``date`` (ISO) for every place with a control record."""
        with self._lock:
            return _control.at(self.conn, str(date)[:10])

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self._lock:
            return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # fixed table names
                    for t in ("articles", "events", "evidence", "fused_events", "fusion_links", "places", "control_statements")}
