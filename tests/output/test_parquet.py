"""Parquet export: dates as dates, lists as lists, evidence and conflicts as structs."""
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.output.parquet import SCHEMA, write_parquet


def _fused(**kw) -> dict:
    e = {"fused_id": "Ff57f98b6ff393ce1", "event_id": "Ff57f98b6ff393ce1", "article_ids": ["a1", "a2"],
         "article_id": "a1", "n_articles": 2, "n_events": 2, "event_type": "Battles",
         "sub_event_type": "Armed clash", "event_date": "2015-04-03", "time_precision": 1,
         "actor1": "Houthi Movement", "inter1": 3, "location": "At Tawāhī", "location_ar": "التواهي",
         "latitude": 12.78, "longitude": 44.97, "geo_precision": 1, "country": "Yemen", "admin1": "Aden",
         "fatalities": 4, "sources": "Al-Sharq Al-Awsat; AFP", "ingested_at": "2026-12-03T09:35:26+00:00",
         "conflicts": {"fatalities": {"rule": "highest reported", "reports": [
             {"article_id": "a1", "source": "AFP", "fatalities": 4},
             {"article_id": "a2", "source": "Al-Sharq Al-Awsat", "fatalities": 3}]}},
         "evidence": [{"article_id": "a1", "text": "قتل أربعة في اشتباكات بمديرية التواهي في عدن", "start": 10,
                       "end": 55}]}
    e.update(kw)
    return e


def test_parquet_columns_are_typed(tmp_path):
    path = tmp_path / "ev.parquet"
    assert write_parquet([_fused(), _fused(fused_id="F1", event_date=None, conflicts=None, country=None)], str(path)) == 2
    t = pq.read_table(path)
    assert t.schema.names == SCHEMA.names
    assert t.schema.field("event_date").type == pa.date32()
    assert t.schema.field("sources").type == pa.list_(pa.string())
    rows = t.to_pylist()
    first = rows[0]
    assert first["event_date"] == dt.date(2015, 4, 3) and first["sources"] == ["Al-Sharq Al-Awsat", "AFP"]
    assert first["evidence"][0]["start"] == 10 and first["evidence"][0]["text"].startswith("قتل")
    assert first["conflicts"] == [{"field": "fatalities", "rule": "highest reported", "reports": [
        {"article_id": "a1", "source": "AFP", "value": "4"}, {"article_id": "a2", "source": "Al-Sharq Al-Awsat",
                                                             "value": "3"}]}]
    assert first["iso"] == 887 and first["region"] == "Middle East" and first["location"] == "At Tawahi"
    assert first["location_gazetteer"] == "At Tawāhī" and first["event_id_cnty"].startswith("YEM")
    assert first["timestamp"] == dt.datetime(2026, 12, 3, 9, 35, 26, tzinfo=dt.timezone.utc)
    assert rows[1]["event_date"] is None and rows[1]["iso"] is None and rows[1]["event_id_cnty"].startswith("XXX")
