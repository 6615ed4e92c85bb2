"""The Spark engine gives the same results as the local engine, in input order (skipped without pyspark)."""
from __future__ import annotations

import shutil
import sys

import pytest

from marsad.engines import extract_one, get_engine
from marsad.events.model import Evidence, Event
from marsad.ingest import Article
from marsad.store import Store
from marsad.store.ingest import ingest

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

ARTICLES = [
    Article("a1", "سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء على الأقل من مدينة الميادين.", "2017-10-12", "AFP"),
    Article("a2", "وتدور في هذه الأثناء معارك طاحنة بين قوات النظام والتنظيم داخل مدينة الميادين.", "2017-10-12", "SANA"),
    Article("a3", "قال المرصد السوري لحقوق الانسان إن 12 شخصا على الأقل قتلوا حينما سقطت مقاتلة سورية على سوق مزدحم في بلدة أريحا.", "2015-08-03", "Al-Weeam"),
    Article("a4", "خبر لا حدث فيه.", None, None),
]


def cue_extract(a: Article):
    """A tiny stand-in extractor (the pipeline is tested elsewhere): one event per 'الميادين' article."""
    if "الميادين" not in a.text:
        return a, [], None
    i = a.text.index("الميادين")
    e = Event(a.id, "Battles", "Armed clash", a.published, location="Al Mayadin", location_ar="الميادين",
              latitude=35.02, longitude=40.45, location_id="geonames:173480", geo_precision=1, country="Syria",
              evidence=[Evidence(a.text, 0, len(a.text))], fatalities=i % 7)
    return a, [e.to_dict()], None


@pytest.fixture(scope="module")
def sc(spark):
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    return spark.sparkContext


def test_spark_engine_matches_local_and_keeps_order(sc):
    spark = get_engine("spark", spark_context=sc, extract_fn=cue_extract, partitions=3)
    got = list(spark(ARTICLES))
    assert [a.id for a, _, _ in got] == ["a1", "a2", "a3", "a4"]
    assert [(ev, err) for _, ev, err in got] == [cue_extract(a)[1:] for a in ARTICLES]


def test_spark_ingest_writes_through_the_same_store_code(sc, tmp_path):
    spark = get_engine("spark", spark_context=sc, extract_fn=cue_extract)
    with Store(tmp_path / "s.db") as s:
        rep = ingest(s, iter(ARTICLES), spark, batch_size=10)
        assert rep.stats.articles_added == 4 and rep.stats.fused_joined == 1
        assert s.query_events()[0]["n_articles"] == 2
        again = ingest(s, iter(ARTICLES), spark, batch_size=10)
        assert again.skipped_known == 4 and again.stats.events_added == 0


def test_spark_runs_the_real_pipeline(sc):
    spark = get_engine("spark", spark_context=sc)
    assert list(spark(ARTICLES)) == [extract_one(a) for a in ARTICLES]
