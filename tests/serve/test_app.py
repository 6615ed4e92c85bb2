"""The REST API over real HTTP (uvicorn on loopback, httpx): every endpoint, filters, pages, errors, token."""
from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from conftest import TOKEN
from sample_db import HOSTILE_ID, N_EVENTS


@pytest.fixture(scope="module")
def api(live):
    with httpx.Client(base_url=live.url, timeout=10) as c:
        yield c


def ids(resp) -> list[str]:
    return [e["fused_id"] for e in resp.json()["items"]]


# ---- meta, pages, docs --------------------------------------------------------------------------------

def test_meta_describes_the_database(api):
    m = api.get("/api/meta").json()
    assert m["events"] == N_EVENTS
    assert (m["date_min"], m["date_max"]) == ("2015-07-23", "2017-10-12")
    assert {c["name"] for c in m["countries"]} == {"Syria", "Turkey", "Yemen", "Palestine", "Tunisia", "Iraq"}
    assert "Government regains territory" in m["event_types"]["Battles"]
    assert m["ingest_enabled"] is False and m["max_page"] == 1000


def test_map_page_docs_and_openapi_are_served_with_a_strict_policy(api):
    r = api.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert 'src="static/vendor/leaflet/leaflet.js"' in r.text and "http" not in r.text.split("<body>")[1]
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    spec = api.get("/openapi.json").json()
    for path in ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/events/{fused_id}", "/api/counts",
                 "/api/places", "/api/places/{place}/control", "/api/control", "/api/actors", "/api/ingest"):
        assert path in spec["paths"], path
    assert api.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert api.get("/static/vendor/basemap/admin1-mena.geojson").json()["type"] == "FeatureCollection"


# ---- events: filters ----------------------------------------------------------------------------------

def test_list_events_newest_first_with_total(api):
    r = api.get("/api/events").json()
    assert r["total"] == N_EVENTS and r["returned"] == N_EVENTS
    dates = [e["event_date"] for e in r["items"]]
    assert dates == sorted(dates, reverse=True)
    seed = r["items"][0]
    assert seed["location_ar"] == "الميادين" and seed["article_ids"] == ["seed-mayadeen-afp"]


@pytest.mark.parametrize("params, expected", [
    ({"since": "2016-01-01"}, 4),
    ({"until": "2015-07-31"}, 2),
    ({"since": "2015-08-01", "until": "2015-08-09"}, 3),
    ({"bbox": "35,30,42,38"}, 4),            # Mayadeen, Kilis, Aleppo, Cinar (Gaza lies west of 35°E)
    ({"country": "Tunisia"}, 2),
    ({"country": "tunisia"}, 2),             # case does not matter
    ({"admin1": "Deir ez-Zor"}, 1),
    ({"event_type": "Battles"}, 4),
    ({"event_type": "Air/drone strike"}, 1),  # a sub-event type works too
    ({"actor": "Islamic State"}, 2),
    ({"actor": "قوات النظام"}, 2),            # Arabic actor name
    ({"source": "AFP"}, 1),
    ({"text": "الميادين"}, 1),                # free text in Arabic ...
    ({"text": "Mayadin"}, 1),                 # ... and in English
    ({"country": "Syria", "event_type": "Battles"}, 1),
    ({"country": "Atlantis"}, 0),
])
def test_filters(api, params, expected):
    r = api.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == expected and body["returned"] == expected
    assert api.get("/api/events.geojson", params=params).json()["total"] == expected


def test_pages_are_stable_and_cover_everything(api):
    seen = []
    for offset in range(0, N_EVENTS, 2):
        page = api.get("/api/events", params={"limit": 2, "offset": offset, "order": "date_asc"}).json()
        assert page["total"] == N_EVENTS and page["limit"] == 2 and page["offset"] == offset
        seen += [e["fused_id"] for e in page["items"]]
    assert len(seen) == N_EVENTS == len(set(seen))
    assert ids(api.get("/api/events", params={"limit": 1000, "order": "date_asc"})) == seen
    assert api.get("/api/events", params={"offset": 100}).json()["items"] == []
    by_deaths = api.get("/api/events", params={"order": "fatalities"}).json()["items"]
    assert [e["fatalities"] for e in by_deaths][:2] == [13, 4]


@pytest.mark.parametrize("params, status, words", [
    ({"limit": 1001}, 422, "less than or equal to 1000"),
    ({"limit": 0}, 422, "greater than or equal to 1"),
    ({"limit": "ten"}, 422, "valid integer"),
    ({"offset": -1}, 422, "greater than or equal to 0"),
    ({"since": "2017-02-30"}, 422, "since"),
    ({"until": "yesterday"}, 422, "until"),
    ({"since": "2017-01-02", "until": "2017-01-01"}, 422, "is after until"),
    ({"bbox": "1,2,3"}, 422, "four numbers"),
    ({"bbox": "a,b,c,d"}, 422, "four numbers"),
    ({"bbox": "40,30,35,38"}, 422, "min <= max"),
    ({"bbox": "0,0,200,10"}, 422, "out of range"),
    ({"event_type": "Battle"}, 422, "unknown event_type"),
    ({"order": "random"}, 422, "order"),
    ({"contry": "Syria"}, 400, "unknown query parameter(s): contry"),
    ({"text": "x" * 300}, 422, "at most 200 characters"),
])
def test_bad_parameters_get_a_clear_4xx(api, params, status, words):
    for path in ("/api/events", "/api/events.geojson"):
        r = api.get(path, params=params)
        assert r.status_code == status, (path, r.text)
        assert words in r.text, r.text


def test_sql_text_in_a_filter_is_just_text(api):
    r = api.get("/api/events", params={"country": "Syria' OR '1'='1", "text": "%' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert api.get("/api/events", params={"actor": "%", "source": "_"}).status_code == 200


# ---- GeoJSON, CSV, one event ----------------------------------------------------------------------------

def test_geojson_layer(api):
    r = api.get("/api/events.geojson", params={"country": "Syria"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 2 and len(fc["features"]) == 2
    f = next(f for f in fc["features"] if f["properties"]["location_ar"] == "الميادين")
    assert f["geometry"] == {"type": "Point", "coordinates": [40.45, 35.02]}
    assert f["id"] == f["properties"]["fused_id"]
    assert "articles" not in f["properties"]
    full = api.get("/api/events.geojson", params={"country": "Syria", "full": "true"}).json()
    assert "article_ids" in full["features"][0]["properties"]


def test_acled_csv_download(api):
    r = api.get("/api/events.csv", params={"country": "Turkey"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2
    assert rows[0]["event_date"] <= rows[1]["event_date"]  # oldest first for a download
    assert {r_["actor1"] for r_ in rows} == {"Military Forces of Turkey", "PKK: Kurdistan Workers Party"}
    assert rows[0]["disorder_type"] == "Political violence" and rows[0]["latitude"]
    assert len(list(csv.DictReader(io.StringIO(api.get("/api/events.csv").text)))) == N_EVENTS
    assert len(list(csv.DictReader(io.StringIO(api.get("/api/events.csv", params={"limit": 3}).text)))) == 3
    assert api.get("/api/events.csv", params={"limit": 0}).status_code == 422


def test_csv_neutralises_spreadsheet_formulas(api):
    rows = list(csv.DictReader(io.StringIO(api.get("/api/events.csv", params={"country": "Syria"}).text)))
    hostile = next(r for r in rows if r["location"].startswith("Aleppo"))
    assert hostile["notes"] == "<script>window.__pwned=2</script>"  # text stays text
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_one_event_with_articles_and_evidence_offsets(api):
    fid = next(e["fused_id"] for e in api.get("/api/events").json()["items"] if e["article_id"] == "seed-mayadeen-afp")
    ev = api.get(f"/api/events/{fid}").json()
    assert ev["fused_id"] == fid and ev["sub_event_type"] == "Government regains territory"
    (art,) = ev["articles"]
    assert art["source"] == "AFP" and art["published"] == "2017-10-12"
    (sentence,) = art["evidence"]
    assert art["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert sentence["text"].startswith("بيروت: سيطرت قوات النظام")
    for sp in art["spans"]:
        assert art["text"][sp["start"]:sp["end"]] == sp["text"], sp
    assert {"actor1", "location", "date"} <= {sp["role"] for sp in art["spans"]}


def test_unknown_or_malformed_event_id(api):
    r = api.get("/api/events/F0000000000000000")
    assert r.status_code == 404 and "no event" in r.json()["detail"]
    assert api.get("/api/events/bad%20id%3Cscript%3E").status_code == 422


# ---- counts, places, control, actors --------------------------------------------------------------------

def test_counts_per_day_and_week(api):
    day = api.get("/api/counts", params={"period": "day"}).json()
    assert day["total"] == N_EVENTS
    assert {"period": "2017-10-12", "events": 1, "by_type": {"Battles": 1}} in day["counts"]
    week = api.get("/api/counts", params={"period": "week", "until": "2015-08-31"}).json()
    assert [c["period"] for c in week["counts"]] == ["2015-07-20", "2015-07-27", "2015-08-03"]  # Mondays
    assert sum(c["events"] for c in week["counts"]) == 5
    assert api.get("/api/counts", params={"period": "hour"}).status_code == 422


def test_places_and_their_control_timeline(api):
    places = api.get("/api/places", params={"q": "الميادين"}).json()["items"]
    assert [p["place_id"] for p in places] == ["test:mayadin"]
    assert api.get("/api/places", params={"q": "Kilis"}).json()["items"][0]["country"] == "Turkey"
    assert api.get("/api/places", params={"limit": 5}).json()["returned"] == 5
    tl = api.get("/api/places/test:mayadin/control").json()["periods"]
    assert [(p["actor"], p["from"], p["to"]) for p in tl] == [
        ("Islamic State", None, "2017-10-12"), ("Military Forces of Syria", "2017-10-12", None)]
    assert tl[1]["evidence"][0]["text"].startswith("بيروت: سيطرت")
    assert api.get("/api/places/الميادين/control").json()["periods"] == tl  # by Arabic name
    assert api.get("/api/places/test:kilis/control").json()["periods"] == []  # known place, no control record
    assert api.get("/api/places/Atlantis/control").status_code == 404


def test_control_on_a_date_as_json_and_geojson(api):
    before = api.get("/api/control", params={"date": "2017-10-01"}).json()["items"]
    after = api.get("/api/control", params={"date": "2017-10-12"}).json()["items"]
    assert [p["actor"] for p in before] == ["Islamic State"]
    assert [p["actor"] for p in after] == ["Military Forces of Syria"]
    fc = api.get("/api/control", params={"date": "2017-11-01", "format": "geojson"}).json()
    (f,) = fc["features"]
    assert f["geometry"]["coordinates"] == [40.45, 35.02] and f["properties"]["since"] == "2017-10-12"
    assert api.get("/api/control").status_code == 422
    assert api.get("/api/control", params={"date": "12/10/2017"}).status_code == 422


def test_actors(api):
    items = api.get("/api/actors", params={"limit": 100}).json()["items"]
    top = items[0]
    assert (top["actor"], top["n_events"]) in {("Military Forces of Syria", 2), ("Islamic State", 2)}
    assert [a["actor"] for a in api.get("/api/actors", params={"q": "حزب العمال"}).json()["items"]] == \
        ["PKK: Kurdistan Workers Party"]
    assert api.get("/api/actors", params={"limit": 5000}).status_code == 422


# ---- ingest and the token rule -------------------------------------------------------------------------

ARTICLE = {"id": "post-1", "published": "2017-10-13", "source": "AFP",
           "text": "دمشق: قتل خمسة مدنيين في قصف على مدينة دوما في الغوطة الشرقية يوم الخميس <script>alert(1)</script>"}


def test_ingest_is_disabled_without_a_token(api):
    r = api.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "disabled" in r.json()["detail"]
    assert api.get("/api/events", params={"limit": 1}).json()["total"] == N_EVENTS


def test_ingest_needs_the_right_token(live_token):
    with httpx.Client(base_url=live_token.url, timeout=60) as c:
        assert c.get("/api/meta").json()["ingest_enabled"] is True
        r = c.post("/api/ingest", json=ARTICLE)
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        assert c.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Basic abc"}).status_code == 401
        r = c.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 403 and r.json()["detail"] == "wrong token"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = c.post("/api/ingest", json=ARTICLE, headers=auth)
        assert r.status_code == 200, r.text
        rep = r.json()
        assert rep["articles_read"] == 1 and rep["bad_input"] == 0
        assert rep["articles_added"] + rep["extraction_errors"] == 1
        # the same article again changes nothing (when it was stored)
        if rep["articles_added"]:
            again = c.post("/api/ingest", json=ARTICLE, headers=auth).json()
            assert again["articles_unchanged"] == 1 and again["articles_added"] == 0
        # JSONL body: one bad line is reported, the good one read
        body = json.dumps(dict(ARTICLE, id="post-2"), ensure_ascii=False) + "\n{not json\n"
        rep = c.post("/api/ingest", content=body.encode(), headers=dict(auth, **{"Content-Type": "application/x-ndjson"})).json()
        assert rep["articles_read"] == 1 and rep["bad_input"] == 1 and "request:2" in rep["messages"][0]


@pytest.mark.parametrize("body, ctype, status, words", [
    (b"", "application/json", 400, "empty body"),
    (b"{bad", "application/json", 400, "malformed JSON"),
    (b"42", "application/json", 400, "article object"),
    (b"<xml/>", "application/xml", 415, "unsupported content type"),
    (b"\xff\xfe", "application/json", 400, "UTF-8"),
])
def test_ingest_bad_bodies(live_token, body, ctype, status, words):
    r = httpx.post(live_token.url + "/api/ingest", content=body,
                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": ctype})
    assert r.status_code == status and words in r.json()["detail"], r.text


def test_read_only_server_refuses_writes_at_the_database(api, sample_db_path):
    """Reads use read-only connections: even a bug could not write through them."""
    import sqlite3

    from marsad.store import Store

    with Store(sample_db_path, readonly=True) as st:
        with pytest.raises(sqlite3.OperationalError):
            st.conn.execute("DELETE FROM fused_events")
    assert api.get("/api/meta").json()["events"] == N_EVENTS


def test_hostile_event_comes_back_verbatim_as_json(api):
    ev = next(e for e in api.get("/api/events").json()["items"] if e["article_id"] == HOSTILE_ID)
    detail = api.get(f"/api/events/{ev['fused_id']}").json()
    assert "<img src=x onerror=alert(1)>" in detail["articles"][0]["text"]
    assert detail["articles"][0]["url"] == "javascript:alert(4)"  # data is data; the page decides what to link


def test_a_token_with_stray_spaces_is_a_different_token(sample_db_path, tmp_path):
    """Compared exactly: "Bearer <token>  " or "Bearer  <token>" is refused (in-process, so nothing trims it)."""
    from starlette.testclient import TestClient

    from marsad.serve import create_app

    with TestClient(create_app(sample_db_path, token=TOKEN)) as c:
        for auth in (f"Bearer {TOKEN}  ", f"Bearer  {TOKEN}", f"Bearer {TOKEN}\t"):
            r = c.post("/api/ingest", json=ARTICLE, headers={"Authorization": auth})
            assert r.status_code == 403 and r.json()["detail"] == "wrong token", auth
    with pytest.raises(ValueError, match="spaces"):
        create_app(sample_db_path, token=TOKEN + "\n")


def test_ingest_body_limit_is_the_largest_article_and_documented(live_token, api):
    from marsad.serve.app import MAX_ARTICLE_BYTES, MAX_INGEST_BYTES

    assert MAX_INGEST_BYTES == MAX_ARTICLE_BYTES == 2 * 1024 * 1024
    body = json.dumps(dict(ARTICLE, text="ا" * (MAX_INGEST_BYTES // 2 + 10)), ensure_ascii=False).encode()
    r = httpx.post(live_token.url + "/api/ingest", content=body, timeout=30,
                   headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413 and "2 MB" in r.json()["detail"]
    doc = api.get("/openapi.json").json()["paths"]["/api/ingest"]["post"]
    assert "2 MB" in doc["description"] and "413" in doc["responses"]


def test_an_arabic_actor_name_finds_every_event_of_its_actor(api):
    """"قوات النظام" belongs to one actor only: the filter finds that actor's events whatever spelling
    their articles used, the same as its English name."""
    english = api.get("/api/events", params={"actor": "Military Forces of Syria"}).json()["total"]
    arabic = api.get("/api/events", params={"actor": "قوات النظام"}).json()["total"]
    assert arabic == english >= 2
    assert api.get("/api/counts", params={"actor": "قوات النظام"}).json()["total"] == english


def test_meta_counts_what_a_map_cannot_show_and_where_the_timeline_starts(api):
    m = api.get("/api/meta").json()
    assert (m["undated"], m["before_1990"], m["without_point"]) == (0, 0, 0)
    # HISTORY_DAYS before the first article, unless the events start later
    assert m["timeline_start"] == m["date_min"] == "2015-07-23"
    syria = next(c for c in m["countries"] if c["name"] == "Syria")
    lon0, lat0, lon1, lat1 = syria["bbox"]
    assert lon0 <= 40.45 <= lon1 and lat0 <= 35.02 <= lat1 and syria["undated"] == 0


def test_min_confidence_is_one_floor_for_lists_counts_and_meta(live_real):
    """On the seed and dev articles through the real pipeline, whose events have calibrated confidences."""
    api = httpx.Client(base_url=live_real.url, timeout=10)
    every = api.get("/api/events", params={"min_confidence": 0, "limit": 1000}).json()
    confidences = sorted(e["confidence"] for e in every["items"])
    assert len(set(confidences)) > 1, "the sample needs events of different confidence"
    floor = confidences[len(confidences) // 2]
    kept = [e for e in every["items"] if e["confidence"] >= floor]
    assert 0 < len(kept) < every["total"]
    assert api.get("/api/events", params={"min_confidence": floor}).json()["total"] == len(kept)
    assert api.get("/api/meta", params={"min_confidence": floor}).json()["events"] == len(kept)
    counted = api.get("/api/counts", params={"min_confidence": floor}).json()["total"]
    assert counted == sum(1 for e in kept if e["event_date"])
    assert api.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
    api.close()
