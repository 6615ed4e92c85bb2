"""The store's read API (what the web server calls) and territorial control, on real Arabic reports."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import IS2, MAYADIN, REGIME, SANA_TEXT, afp, ariha, ev, sana  # noqa: E402

from marsad.ingest import Article  # noqa: E402
from marsad.store import Store  # noqa: E402


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        s.add_articles([afp(), sana(), *ariha()])
        yield s


def test_query_filters(store):
    assert store.count_events() == 3
    assert [e["event_date"] for e in store.query_events(order="date")] == ["2017-10-12", "2017-10-12", "2015-08-03"]
    assert store.count_events(since="2017-01-01") == 2 and store.count_events(until="2016-01-01") == 1
    assert store.count_events(bbox="40,34,41,36") == 2            # Deir ez-Zor, not Idlib
    assert store.count_events(bbox=(36, 35, 37, 36)) == 1
    assert store.count_events(event_type="Battles") == 1
    assert store.count_events(event_type="Air/drone strike") == 1
    assert store.count_events(actor="Russia") == 2                # airstrike actor1, assoc of the battle
    assert store.count_events(actor="داعش") == 1                  # Arabic as written by SANA
    assert store.count_events(source="SANA") == 1
    assert store.count_events(source="Al-Weeam") == 1             # an outlet
    assert store.count_events(text="الميادين") == 2
    assert store.count_events(country="syria", admin1="Idlib") == 1
    page = store.query_events(limit=1, offset=1, order="date_asc")
    assert len(page) == 1 and page[0]["event_date"] == "2017-10-12"
    with pytest.raises(ValueError):
        store.query_events(order="event_date; DROP TABLE articles")


def test_user_input_is_never_sql(store):
    assert store.count_events(actor="x' OR '1'='1") == 0
    assert store.count_events(country="Syria' --") == 0
    assert store.places("'; DROP TABLE places; --") == []
    assert store.stats()["places"] > 0


def test_get_event_has_articles_events_and_offsets(store):
    fid = store.query_events(event_type="Battles")[0]["fused_id"]
    e = store.get_event(fid)
    assert [a["source"] for a in e["articles"]] == ["AFP", "SANA"]
    for a in e["articles"]:
        for x in a["events"][0]["evidence"] + a["events"][0]["spans"]:
            assert a["text"][x["start"]:x["end"]] == x["text"]
    assert e["articles"][1]["events"][0]["link"]["matched_event_id"] == e["articles"][0]["events"][0]["event_id"]
    assert store.get_event("no-such-id") is None


def test_counts_places_actors(store):
    assert store.counts_by_period("week") == [
        ("2015-08-03", "Strategic developments", 1),
        ("2017-10-09", "Battles", 1), ("2017-10-09", "Explosions/Remote violence", 1)]
    assert store.counts_by_period("day", event_type="Battles") == [("2017-10-12", "Battles", 1)]
    assert store.places("الميادين")[0]["place_id"] == "geonames:173480"
    assert store.places("al-mayadin")[0]["name_ar"] == "الميادين"
    assert store.places("ميادين")[0]["n_events"] == 3
    counts = {a["actor"]: a["n_events"] for a in store.actors()}
    assert counts == {"Islamic State": 2, "Military Forces of Russia": 2, "Military Forces of Syria": 2}
    assert [a["actor"] for a in store.actors("Russia")] == ["Military Forces of Russia"]


def test_who_held_al_mayadin(store):
    periods = store.control_timeline("Al Mayadin")
    assert [(p["actor"], p["from"], p["to"]) for p in periods] == [
        ("Islamic State", None, "2017-10-12"), ("Military Forces of Syria", "2017-10-12", None)]
    assert store.control_timeline("الميادين") == periods
    assert {x["article_id"] for x in periods[1]["evidence"]} == {"afp-mayadin-2017-10-12", "sana-mayadin-2017-10-12"}
    on = {p["place_id"]: p["actor"] for p in store.control_at("2017-10-15")}
    assert on == {"geonames:173480": "Military Forces of Syria"}
    assert store.control_at("2017-10-01")[0]["actor"] == "Islamic State"
    assert store.control_timeline("Atlantis") == []


def test_islamic_state_takes_it_back_and_statements_hook(store):
    text = "واستعاد تنظيم الدولة الاسلامية السيطرة على مدينة الميادين السبت بعد هجوم معاكس على قوات النظام."
    a = Article("is-back", text, "2017-10-21", "AFP")
    e = ev(a, text, "Non-state actor overtakes territory", "2017-10-21", MAYADIN, actor1="Islamic State",
           actor2="Military Forces of Syria")
    store.add_articles([(a, [e])])
    store.add_control_statement("geonames:173480", "Islamic State", "2017-10-25", place="Al Mayadin",
                                evidence="ولا يزال التنظيم يسيطر على الميادين", article_id="is-back")
    periods = store.control_timeline("geonames:173480")
    assert [(p["actor"], p["from"], p["to"]) for p in periods] == [
        ("Islamic State", None, "2017-10-12"), ("Military Forces of Syria", "2017-10-12", "2017-10-21"),
        ("Islamic State", "2017-10-21", None)]
    assert periods[2]["evidence"][-1]["text"] == "ولا يزال التنظيم يسيطر على الميادين"


def test_filtered_page_is_fast_on_many_events(tmp_path):
    """A filtered page of 100 on 5,000 fused events answers in well under 100 ms."""
    items = []
    for i in range(5000):
        text = f"قصفت طائرات حربية بلدة رقم {i} في ريف إدلب"
        art = Article(f"a{i}", text, "2016-01-01", "Test")
        place = dict(MAYADIN, location_id=f"p{i}", latitude=33 + (i % 50) * 0.1, longitude=36 + (i // 50) * 0.05)
        items.append((art, [ev(art, text, "Air/drone strike", f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}", place,
                               actor1="Military Forces of Russia")]))
    with Store(tmp_path / "big.db") as s:
        s.add_articles(items)
        t0 = time.perf_counter()
        page = s.query_events(bbox="36,33,37,36", since="2016-03-01", actor="Russia", limit=100)
        n = s.count_events(bbox="36,33,37,36", since="2016-03-01", actor="Russia")
        dt = time.perf_counter() - t0
    assert len(page) == 100 and n > 100
    assert dt < 0.1


def test_control_statements_from_the_extractor_reach_the_timeline(tmp_path):
    from marsad.engines import extract_one
    from marsad.ingest import Article
    from marsad.store import Store

    art = Article(id="ariha", published="2015-08-03", source="Al-Riyadh",
                  text="قال المرصد السوري لحقوق الانسان إن 12 شخصا على الأقل قتلوا حينما سقطت مقاتلة سورية على سوق "
                       "مزدحم في بلدة أريحا التي تسيطر عليها الفصائل المقاتلة في محافظة إدلب.")
    _, records, err = extract_one(art)
    assert err is None and any(r.get("record") == "control" for r in records)
    with Store(str(tmp_path / "m.db")) as store:
        store.add_articles([(art, records)])
        timeline = store.control_timeline("أريحا")
        assert timeline and timeline[-1]["actor"] == "Opposition Rebels (Syria)"
        # statements are not events
        assert all(e.get("record") is None for e in store.query_events(limit=50))
        # re-ingesting a changed article replaces its statements
        store.add_articles([(Article(id="ariha", published="2015-08-03", text="خبر آخر لا يذكر أي سيطرة."), [])])
        assert store.control_timeline("أريحا") == []


def test_content_hash_is_remembered_until_the_article_changes():
    """Ingest asks an article's content hash three times: the digest is made once, and made again when a
    field it covers is replaced (a reader dating an undated article, say)."""
    import hashlib

    from marsad.store import content_hash

    art = Article(id="a1", text="قصفت طائرات حربية مدينة الميادين", published=None, source="SANA")
    expected = hashlib.sha1("قصفت طائرات حربية مدينة الميادين\0\0\0SANA\0".encode()).hexdigest()
    assert content_hash(art) == expected and content_hash(art) == expected
    art.published = "2017-10-12"
    dated = hashlib.sha1("قصفت طائرات حربية مدينة الميادين\0\0002017-10-12\0SANA\0".encode()).hexdigest()
    assert content_hash(art) == dated
    assert art == Article(id="a1", text=art.text, published="2017-10-12", source="SANA")  # the memo is no field


def test_many_events_of_one_article_keep_their_order_ids_and_evidence(tmp_path):
    """An article's events and their evidence go in as multi-row INSERTs (a few statements, not one a row):
    40 events, more than one statement holds, land in order with their evidence after them, the one told
    twice under its id with "-2", each quote at its offsets and in the full-text index."""
    import datetime as dt

    a = Article("sana-many", SANA_TEXT, "2017-10-12", "SANA")
    sentence = "أحكمت وحدات من الجيش العربي السوري الخميس سيطرتها على أحياء في الجهة الغربية من مدينة الميادين"
    days = [(dt.date(2017, 9, 1) + dt.timedelta(days=k)).isoformat() for k in range(39)]
    events = [ev(a, sentence, "Armed clash", day, MAYADIN, source="SANA", **REGIME, **IS2) for day in days + days[:1]]
    with Store(tmp_path / "many.db") as store:
        stats = store.add_articles([(a, events)])
        assert stats.events_added == 40 and not stats.failed
        rows = store.conn.execute("SELECT event_id, event_date FROM events ORDER BY rowid").fetchall()
        assert [d for _, d in rows] == days + days[:1]
        ids = [i for i, _ in rows]
        assert ids[-1] == ids[0] + "-2" and len(set(ids)) == 40
        quoted = store.conn.execute("SELECT event_id, kind, start, end, text FROM evidence ORDER BY id").fetchall()
        assert list(dict.fromkeys(e for e, *_ in quoted)) == ids  # each event's evidence, in the events' order
        assert [k for _, k, *_ in quoted] == ["evidence", "span"] * 40
        assert all(a.text[s:e] == t for _, _, s, e, t in quoted)
        found = store.conn.execute("SELECT COUNT(*) FROM evidence_fts WHERE evidence_fts MATCH 'الميادين'").fetchone()
        assert found[0] == 80
