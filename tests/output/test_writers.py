import csv
import io
import json

from marsad.events.model import Event, Evidence
from marsad.output import ACLED_COLUMNS, CSV_COLUMNS, EventWriter, interaction_code, write_events


def _event(**kw) -> Event:
    base = dict(article_id="seed", event_type="Battles", sub_event_type="Government regains territory",
                event_date="2017-10-12", time_precision=1, actor1="Military Forces of Syria", actor1_ar="قوات النظام",
                inter1=1, actor2="Islamic State", actor2_ar="تنظيم الدولة الاسلامية", inter2=2,
                location="Al Mayadin", location_ar="الميادين", latitude=35.0198, longitude=40.4515,
                geo_precision=1, country="Syria", admin1="Deir ez-Zor",
                evidence=[Evidence("سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء", 7, 56)])
    base.update(kw)
    return Event(**base)


def test_jsonl_keeps_arabic_and_offsets():
    buf = io.StringIO()
    write_events([_event()], buf, "jsonl")
    rec = json.loads(buf.getvalue())
    assert rec["location_ar"] == "الميادين"
    assert rec["evidence"][0]["start"] == 7
    assert rec["event_id"]


def test_acled_csv_has_acled_columns_in_order():
    buf = io.StringIO()
    write_events([_event(), _event(event_type="Violence against civilians", sub_event_type="Attack",
                                   actor2="Civilians (Syria)", inter2=7)], buf, "acled-csv")
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0][:len(ACLED_COLUMNS)]) == ACLED_COLUMNS and tuple(rows[0]) == CSV_COLUMNS
    first = dict(zip(rows[0], rows[1]))
    assert first["year"] == "2017" and first["interaction"] == "12" and first["disorder_type"] == "Political violence"
    second = dict(zip(rows[0], rows[2]))
    assert second["civilian_targeting"] == "Civilian targeting" and second["interaction"] == "17"


def test_geojson_is_a_feature_collection_and_skips_unplaced_events():
    buf = io.StringIO()
    w = EventWriter(buf, "geojson")
    w.write(_event())
    w.write(_event(latitude=None, longitude=None))
    w.close()
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["features"][0]["geometry"]["coordinates"] == [40.4515, 35.0198]
    assert w.skipped == 1 and fc["events"] == 2 and fc["without_point"] == 1
    assert w.summary() == "1 written; 1 left out (1 no point)"


def test_interaction_codes():
    assert interaction_code(2, 1) == 12
    assert interaction_code(6, None) == 60
    assert interaction_code(None, 1) is None
