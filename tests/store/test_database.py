"""The database file: checked on open, never written when damaged, upgraded from older schemas,
and readable as a datasette user expects (views without internals, full-text search)."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import afp, ariha, sana  # noqa: E402

from marsad.cli import main  # noqa: E402
from marsad.store import SCHEMA_VERSION, Store, StoreError  # noqa: E402


@pytest.fixture()
def filled(tmp_path) -> Path:
    db = tmp_path / "m.db"
    with Store(db) as s:
        s.add_articles([afp(), sana(), *ariha()])
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _damage(db: Path) -> None:
    """Overwrite pages in the middle of the file, as a crashed disk or a bad copy would."""
    data = bytearray(db.read_bytes())
    page = 4096
    for k in range(2, len(data) // page - 1, 2):
        data[k * page + 8:k * page + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))


def test_a_damaged_file_is_refused_before_any_write(filled, capsys, tmp_path):
    _damage(filled)
    before = filled.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        Store(filled)
    inp = tmp_path / "a.txt"
    inp.write_text("اشتباكات في حلب", encoding="utf-8")
    assert main(["ingest", str(inp), "--db", str(filled)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err and ".recover" in err
    assert filled.read_bytes() == before  # nothing was written into it


@pytest.mark.parametrize("content, message", [(b"hello, not a database" * 100, "not an SQLite database"),
                                              (b"SQLite format 3\x00" + b"\x00" * 84, "damaged|cannot be used")])
def test_a_file_that_is_not_a_database(tmp_path, content, message):
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store(db)
    assert main(["events", "--db", str(db)]) == 1


def test_a_folder_or_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "m.db")
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)
    inp = tmp_path / "a.txt"
    inp.write_text("اشتباكات في حلب", encoding="utf-8")
    assert main(["ingest", str(inp), "--db", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_a_database_from_a_newer_marsad_is_not_touched(filled):
    conn = sqlite3.connect(filled)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(filled)
    with pytest.raises(StoreError, match="newer"):
        Store(filled, readonly=True)


def _make_v1(db: Path) -> None:
    """A database as schema 1 left it: no errors table, no full-text index, no views, no foreign keys
    but the first few, version '1'."""
    conn = sqlite3.connect(db)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for t, cols in (("fusion_links", "event_id TEXT PRIMARY KEY, fused_id TEXT NOT NULL, article_id TEXT NOT NULL, "
                                     "matched_event_id TEXT, score REAL, reasons TEXT NOT NULL"),):
        conn.execute(f"CREATE TABLE old_{t} ({cols})")
        conn.execute(f"INSERT INTO old_{t} SELECT * FROM {t}")
        conn.execute(f"DROP TABLE {t}")
        conn.execute(f"ALTER TABLE old_{t} RENAME TO {t}")
    for (kind, name) in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE '%fts%' AND type = 'table' "
                                     "UNION ALL SELECT type, name FROM sqlite_master WHERE type = 'view'").fetchall():
        conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute("DROP TABLE errors")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_schema_1_is_upgraded_in_place_keeping_every_row(filled):
    with Store(filled) as s:
        counts = s.stats()
    _make_v1(filled)
    with Store(filled) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.stats() == counts
        # the new full-text index covers the rows stored before the upgrade
        n = s.conn.execute("SELECT COUNT(*) FROM evidence_fts WHERE evidence_fts MATCH 'الميادين'").fetchone()[0]
        assert n >= 1
        assert s.conn.execute("SELECT COUNT(*) FROM acled_events").fetchone()[0] == counts["fused_events"]
        fks = {(r[2], r[3]) for r in s.conn.execute("PRAGMA foreign_key_list(fusion_links)")}
        assert {("fused_events", "fused_id"), ("articles", "article_id"), ("events", "event_id")} <= fks
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        s.add_articles([afp()])  # still writable: the same article again changes nothing
        assert s.stats() == counts


def test_full_text_search_follows_inserts_and_replacements(tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.add_articles([afp(), sana()])

        def hits(word: str) -> tuple[int, int]:
            fts = s.conn.execute("SELECT COUNT(*) FROM evidence_fts WHERE evidence_fts MATCH ?", (word,)).fetchone()[0]
            scan = s.conn.execute("SELECT COUNT(*) FROM evidence WHERE ' ' || text || ' ' LIKE ?",
                                  (f"% {word} %",)).fetchone()[0]
            return fts, scan

        before = hits("الميادين")
        assert before[0] >= 2 and before[0] == before[1]
        a, _ = sana()
        a.text += "\nتحديث"  # the outlet corrected its copy: the article and its evidence are replaced
        s.add_articles([(a, [])])
        after = hits("الميادين")
        assert after[0] < before[0] and after[0] == after[1]
        s.conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")  # raises when out of step


def test_views_hide_the_fusion_internals(filled):
    with Store(filled) as s:
        cols = [r[1] for r in s.conn.execute("PRAGMA table_info(acled_events)")]
        assert {"event_date", "event_type", "sub_event_type", "actor1", "location", "latitude", "fatalities",
                "notes", "source"} <= set(cols)
        assert not {"family", "win_start", "win_end", "cell", "area", "search", "first_seq"} & set(cols)
        rows = s.conn.execute("SELECT source, kind, n_events FROM sources ORDER BY n_events DESC").fetchall()
        assert ("AFP", "outlet", 1) in rows or any(r[0] == "AFP" for r in rows)


def test_datasette_serves_the_views_and_search(filled):
    """datasette (in-process, no network): the views are listed, and the evidence table has search."""
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio
    import json

    metadata = Path(__file__).resolve().parents[2] / "src" / "marsad" / "store" / "metadata.json"

    db = filled.rename(filled.with_name("marsad.db"))  # the name metadata.json describes (the CLI default)

    async def go():
        ds = datasette_app.Datasette([str(db)], metadata=json.loads(metadata.read_text(encoding="utf-8")))
        await ds.invoke_startup()
        views = [v["name"] if isinstance(v, dict) else v for v in (await ds.client.get("/marsad.json")).json()["views"]]
        search = (await ds.client.get("/marsad/evidence.json", params={"_search": "الميادين", "_shape": "array"})).json()
        fts = (await ds.client.get("/marsad/evidence")).text
        view = (await ds.client.get("/marsad/acled_events.json", params={"_shape": "array"})).json()
        html = (await ds.client.get("/marsad/acled_events")).text
        return views, search, fts, view, html

    # a fresh thread: a browser test run before this one may leave an event loop running in this one
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        views, search, fts, view, html = pool.submit(asyncio.run, go()).result()
    assert "One row per real-world event" in html  # the description from metadata.json
    assert {"acled_events", "sources"} <= set(views)
    assert search and all("الميادين" in r["text"] for r in search)
    assert 'name="_search"' in fts  # the search box
    assert view and "family" not in view[0]
