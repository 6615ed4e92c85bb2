-- Marsad store: one SQLite file, readable by any SQLite tool and by datasette.
--
--   articles ──< events ──< evidence            per-article extraction, with offsets into articles.text
--                  │
--                  └──> fusion_links >── fused_events ──< fused_sources, fused_actors
--   places                                     every place an event was coded at
--   control_statements                         explicit "X holds Y" statements (hook for the extractor)
--
-- Dates are ISO strings (YYYY-MM-DD), so they sort and compare as text.
PRAGMA foreign_keys = ON;  -- (set by the connection; left out when the script is run)

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS articles (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,           -- sha1 of the text (and title): a changed article is re-extracted
    published    TEXT,
    source       TEXT,                    -- the outlet that published the article
    url          TEXT,
    title        TEXT,
    text         TEXT NOT NULL,
    n_events     INTEGER NOT NULL DEFAULT 0,
    ingest_seq   INTEGER NOT NULL,        -- order of ingestion (fusion is incremental in this order)
    ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(ingest_seq);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);

CREATE TABLE IF NOT EXISTS events (                -- per-article events, as the extractor coded them
    event_id       TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date     TEXT,
    event_date_end TEXT,
    time_precision INTEGER,
    actor1 TEXT, actor1_ar TEXT, assoc_actor_1 TEXT, inter1 INTEGER,
    actor2 TEXT, actor2_ar TEXT, assoc_actor_2 TEXT, inter2 INTEGER,
    interaction INTEGER,
    location TEXT, location_ar TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
    location_id TEXT REFERENCES places(place_id) DEFERRABLE INITIALLY DEFERRED,  -- gazetteer id, or "ar:<folded Arabic name>" when none
    country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    fatalities INTEGER NOT NULL DEFAULT 0,
    source TEXT,                               -- who the article says reports it
    notes TEXT,
    confidence REAL,
    fused_id TEXT REFERENCES fused_events(fused_id) DEFERRABLE INITIALLY DEFERRED,  -- set by fusion
    data TEXT NOT NULL                         -- the full Event.to_dict() as JSON
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_fused ON events(fused_id);
CREATE INDEX IF NOT EXISTS events_place ON events(location_id);

CREATE TABLE IF NOT EXISTS evidence (              -- evidence sentences and highlighted spans
    id         INTEGER PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,             -- 'evidence' (a sentence) or 'span' (a field's mention)
    role       TEXT,                      -- for spans: actor1, location, date, fatalities, cue, ...
    start      INTEGER,                   -- character offsets into articles.text
    end        INTEGER,
    text       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence(event_id);

CREATE TABLE IF NOT EXISTS fused_events (          -- one row per real-world event
    fused_id       TEXT PRIMARY KEY,
    family         TEXT NOT NULL,         -- fusion block key: event type (sub-type where it splits events)
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date     TEXT,
    event_date_end TEXT,
    win_start      TEXT,                  -- union of the members' date windows (for blocking)
    win_end        TEXT,
    time_precision INTEGER,
    actor1 TEXT, actor1_ar TEXT, assoc_actor_1 TEXT, inter1 INTEGER,
    actor2 TEXT, actor2_ar TEXT, assoc_actor_2 TEXT, inter2 INTEGER,
    interaction INTEGER,
    location TEXT, location_ar TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
    location_id TEXT REFERENCES places(place_id) DEFERRABLE INITIALLY DEFERRED,
    country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    cell           TEXT,                  -- 0.5-degree grid cell of the point (blocking)
    area           INTEGER NOT NULL DEFAULT 0,  -- 1: an admin-area event (geo_precision 3), blocked by admin1
    fatalities     INTEGER NOT NULL DEFAULT 0,
    conflicts      TEXT,                  -- JSON: where members disagree, each article's figure
    sources        TEXT,                  -- "; "-joined reporting sources and outlets
    article_ids    TEXT NOT NULL,         -- JSON list, in ingestion order
    n_articles     INTEGER NOT NULL,
    n_events       INTEGER NOT NULL,
    notes          TEXT,
    confidence     REAL,
    search         TEXT,                  -- folded text for free-text filtering
    first_seq      INTEGER NOT NULL       -- ingest_seq of the first article (stable ordering)
);
CREATE INDEX IF NOT EXISTS fused_date_seq ON fused_events(event_date, first_seq);
-- fusion blocking: (type family, place | grid cell | admin area, date window start)
CREATE INDEX IF NOT EXISTS fused_block_place ON fused_events(location_id, family, win_start);
CREATE INDEX IF NOT EXISTS fused_block_cell ON fused_events(family, cell, win_start);
CREATE INDEX IF NOT EXISTS fused_block_admin ON fused_events(family, admin1, area, win_start);
CREATE INDEX IF NOT EXISTS fused_type_date ON fused_events(event_type, event_date);
CREATE INDEX IF NOT EXISTS fused_country_date ON fused_events(country, event_date);
CREATE INDEX IF NOT EXISTS fused_admin1_date ON fused_events(admin1, event_date);
CREATE INDEX IF NOT EXISTS fused_place ON fused_events(location_id);
CREATE INDEX IF NOT EXISTS fused_lat ON fused_events(latitude, longitude);
CREATE INDEX IF NOT EXISTS fused_fatalities ON fused_events(fatalities);

CREATE TABLE IF NOT EXISTS fusion_links (          -- why each per-article event sits in its fused event
    event_id   TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    fused_id   TEXT NOT NULL REFERENCES fused_events(fused_id) DEFERRABLE INITIALLY DEFERRED,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    matched_event_id TEXT,                -- the member it was compared with (NULL: it founded the event)
    score      REAL,
    reasons    TEXT NOT NULL              -- JSON list of human-readable reasons
);
CREATE INDEX IF NOT EXISTS links_fused ON fusion_links(fused_id);

CREATE TABLE IF NOT EXISTS fused_sources (
    fused_id TEXT NOT NULL REFERENCES fused_events(fused_id) ON DELETE CASCADE,
    source   TEXT NOT NULL,
    kind     TEXT NOT NULL,               -- 'reported_by' (named in the text) or 'outlet' (published it)
    PRIMARY KEY (fused_id, source, kind)
);
CREATE INDEX IF NOT EXISTS fused_sources_source ON fused_sources(source);

CREATE TABLE IF NOT EXISTS fused_actors (
    fused_id TEXT NOT NULL REFERENCES fused_events(fused_id) ON DELETE CASCADE,
    actor    TEXT NOT NULL,
    actor_ar TEXT NOT NULL DEFAULT '',    -- each Arabic form any report wrote ('' when none)
    role     TEXT NOT NULL,               -- actor1, actor2, assoc_actor_1, assoc_actor_2
    PRIMARY KEY (fused_id, actor, role, actor_ar)
);
CREATE INDEX IF NOT EXISTS fused_actors_actor ON fused_actors(actor);
CREATE INDEX IF NOT EXISTS fused_actors_ar ON fused_actors(actor_ar);

CREATE TABLE IF NOT EXISTS places (
    place_id  TEXT PRIMARY KEY,           -- = events.location_id
    name_en   TEXT,
    name_ar   TEXT,
    fold_en   TEXT,                       -- marsad.text.normalise.fold of the names, for lookup
    fold_ar   TEXT,
    latitude  REAL,
    longitude REAL,
    geo_precision INTEGER,
    country   TEXT,
    admin1    TEXT,
    n_events  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS places_fold_en ON places(fold_en);
CREATE INDEX IF NOT EXISTS places_fold_ar ON places(fold_ar);

CREATE TABLE IF NOT EXISTS control_statements (    -- hook: explicit control statements ("X holds Y")
    id            INTEGER PRIMARY KEY,
    place_id      TEXT NOT NULL,
    place         TEXT,
    place_ar      TEXT,
    actor         TEXT NOT NULL,          -- who holds / takes the place from `date`
    actor_ar      TEXT,
    previous_actor TEXT,                  -- who held it before, when the text says
    date          TEXT NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'holds',  -- 'holds' (state on that date) or 'takes' (change)
    article_id    TEXT REFERENCES articles(article_id) ON DELETE CASCADE,
    evidence      TEXT,
    ev_start      INTEGER,
    ev_end        INTEGER,
    UNIQUE (place_id, actor, date, kind, article_id)
);
CREATE INDEX IF NOT EXISTS control_place_date ON control_statements(place_id, date);

-- ---- schema version 2 ----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS errors (                -- what could not be read, extracted or stored, and why
    id         INTEGER PRIMARY KEY,
    run_at     TEXT NOT NULL,             -- when the run that met it started (UTC)
    stage      TEXT NOT NULL,             -- 'read', 'extract', 'store' (store includes fusion), 'warning'
    location   TEXT,                      -- file:line the article came from
    article_id TEXT,
    reason     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS errors_article ON errors(article_id);

-- Full-text search (FTS5) on evidence sentences and on notes, kept in step by triggers; datasette
-- shows a search box on evidence, events and fused_events.
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5(text, content='evidence', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS evidence_fts_ins AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS evidence_fts_del AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER IF NOT EXISTS evidence_fts_upd AFTER UPDATE OF text ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(notes, content='events', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS events_fts_ins AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, notes) VALUES (new.rowid, new.notes);
END;
CREATE TRIGGER IF NOT EXISTS events_fts_del AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
END;
CREATE TRIGGER IF NOT EXISTS events_fts_upd AFTER UPDATE OF notes ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, notes) VALUES ('delete', old.rowid, old.notes);
    INSERT INTO events_fts(rowid, notes) VALUES (new.rowid, new.notes);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS fused_fts USING fts5(notes, location, actor1, actor2,
                                                        content='fused_events', content_rowid='rowid');
CREATE TRIGGER IF NOT EXISTS fused_fts_ins AFTER INSERT ON fused_events BEGIN
    INSERT INTO fused_fts(rowid, notes, location, actor1, actor2)
    VALUES (new.rowid, new.notes, new.location, new.actor1, new.actor2);
END;
CREATE TRIGGER IF NOT EXISTS fused_fts_del AFTER DELETE ON fused_events BEGIN
    INSERT INTO fused_fts(fused_fts, rowid, notes, location, actor1, actor2)
    VALUES ('delete', old.rowid, old.notes, old.location, old.actor1, old.actor2);
END;
CREATE TRIGGER IF NOT EXISTS fused_fts_upd AFTER UPDATE OF notes, location, actor1, actor2 ON fused_events BEGIN
    INSERT INTO fused_fts(fused_fts, rowid, notes, location, actor1, actor2)
    VALUES ('delete', old.rowid, old.notes, old.location, old.actor1, old.actor2);
    INSERT INTO fused_fts(rowid, notes, location, actor1, actor2)
    VALUES (new.rowid, new.notes, new.location, new.actor1, new.actor2);
END;

-- Views for datasette and SQL users: the data without the fusion machinery's internal columns.
CREATE VIEW IF NOT EXISTS acled_events AS
SELECT fused_id AS event_id_cnty, event_date, event_date_end, time_precision,
       event_type, sub_event_type,
       actor1, actor1_ar, assoc_actor_1, inter1, actor2, actor2_ar, assoc_actor_2, inter2, interaction,
       country, admin1, admin2, admin3, location, location_ar, latitude, longitude, geo_precision,
       sources AS source, notes, fatalities, n_articles, n_events, article_ids, conflicts, confidence
FROM fused_events;

CREATE VIEW IF NOT EXISTS sources AS
SELECT s.source, s.kind, COUNT(*) AS n_events, SUM(f.fatalities) AS fatalities,
       MIN(f.event_date) AS first_event_date, MAX(f.event_date) AS last_event_date
FROM fused_sources s JOIN fused_events f ON f.fused_id = s.fused_id
GROUP BY s.source, s.kind;
