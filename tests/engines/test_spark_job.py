"""The Spark job (``marsad ingest --engine spark --out DIR``) on a slice of real corpus articles:
the same per-article and fused events as the local engine, whatever the files, partitions or order;
a task that fails once leaves no duplicate and no gap; WARC archives in; ``marsad load`` back out."""
from __future__ import annotations

import io
import json
import random
import sys

import pytest

from marsad.engines import extract_one
from marsad.engines.spark_fusion import article_order
from marsad.engines.spark_job import run_job
from marsad.fusion.incremental import FUSED_FIELDS
from marsad.ingest import Article
from marsad.store import Store
from marsad.store.ingest import ingest

pytest.importorskip("pyspark")
ds = pytest.importorskip("pyarrow.dataset")


@pytest.fixture(scope="module", autouse=True)
def _ship_this_module():
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def read(out, name):
    return ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table().to_pylist()


def spark_result(out):
    """(events by id, fused events by id, event -> fused id) of a Spark result folder."""
    events = {r["event_id"]: json.loads(r["data"]) for r in read(out, "events")}
    fused = {}
    for r in read(out, "fused"):
        d = json.loads(r["data"])
        fused[r["fused_id"]] = {k: d.get(k) for k in (*FUSED_FIELDS, "article_ids", "conflicts")}
    links = {r["event_id"]: r["fused_id"] for r in read(out, "links")}
    return events, fused, links


def local_result(db):
    """The same three from a local store."""
    conn = Store(db).conn
    events, links, fused = {}, {}, {}
    for eid, fid, data in conn.execute("SELECT event_id, fused_id, data FROM events"):
        events[eid], links[eid] = json.loads(data), fid
    cols = (*FUSED_FIELDS, "article_ids", "conflicts")
    for row in conn.execute(f"SELECT fused_id, {', '.join(cols)} FROM fused_events"):
        d = dict(zip(cols, row[1:]))
        d["article_ids"] = json.loads(d["article_ids"])
        d["conflicts"] = json.loads(d["conflicts"]) if d["conflicts"] else None
        fused[row[0]] = d
    return events, fused, links


@pytest.fixture(scope="module")
def first_run(spark, slice_rows, tmp_path_factory):
    """The slice over two files, in file order, default splits."""
    tmp = tmp_path_factory.mktemp("spark")
    files = [write_jsonl(tmp / "a.jsonl", slice_rows[:60]), write_jsonl(tmp / "b.jsonl", slice_rows[60:])]
    out = tmp / "out"
    rep = run_job(files, str(out), spark=spark)
    return rep, out


def test_events_and_fused_events_equal_the_local_engine(first_run, slice_rows, tmp_path):
    rep, out = first_run
    arts = sorted((Article(r["id"], r["text"], r["published"], r["source"], r["url"], r["title"]) for r in slice_rows),
                  key=lambda a: article_order(a.published, a.id))  # the canonical order the Spark fusion uses
    with Store(tmp_path / "local.db") as s:
        ingest(s, iter(arts), extract_one_batch, batch_size=50)
    l_events, l_fused, l_links = local_result(tmp_path / "local.db")
    s_events, s_fused, s_links = spark_result(out)
    assert rep.articles == len(slice_rows) and rep.errors == 0
    assert set(s_events) == set(l_events) and len(s_events) == rep.events
    for eid, d in l_events.items():
        assert {k: v for k, v in s_events[eid].items() if k not in ("evidence", "spans", "outlet")} == d
    assert s_links == l_links
    assert s_fused == l_fused
    assert sum(1 for f in s_fused.values() if f["n_articles"] > 1) >= 10  # the slice really exercises fusion (18 merged)


def extract_one_batch(articles):
    return (extract_one(a) for a in articles)


@pytest.fixture(scope="module")
def second_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("spark2") / "out"


def test_same_result_whatever_the_files_partitions_and_order(first_run, spark, slice_rows, tmp_path, second_folder):
    _, out1 = first_run
    rows = list(slice_rows)
    random.Random(7).shuffle(rows)
    files = [write_jsonl(tmp_path / f"part{i}.jsonl", rows[i::3]) for i in range(3)]
    out2 = second_folder
    run_job(files[::-1], str(out2), spark=spark, stripes=3)
    assert spark_result(out2) == spark_result(out1)
    assert sorted(r["article_id"] for r in read(out2, "articles")) == sorted(r["id"] for r in slice_rows)


FAIL_ID = FAILED_MARK = None


def fails_once(article):
    """The pipeline, except that the task holding FAIL_ID dies on its first attempt, mid-partition."""
    from pyspark import TaskContext

    if article.id == FAIL_ID and TaskContext.get().attemptNumber() == 0:
        FAILED_MARK.write_text(f"attempt 0 of partition {TaskContext.get().partitionId()} failed")
        raise RuntimeError("executor lost (injected)")
    return extract_one(article)


def test_a_task_failing_once_leaves_no_duplicate_and_no_gap(first_run, spark, slice_rows, tmp_path, second_folder):
    global FAIL_ID, FAILED_MARK
    _, out1 = first_run
    FAIL_ID = slice_rows[30]["id"]  # not the first article of its split: rows were already produced
    FAILED_MARK = tmp_path / "failed-once"
    files = [write_jsonl(tmp_path / "all.jsonl", slice_rows)]
    out2 = second_folder  # written by the previous test: the job's writes replace, never append
    assert out2.exists()
    run_job(files, str(out2), spark=spark, extract_fn=fails_once, stripes=2)
    assert FAILED_MARK.exists()  # the task did fail, and was retried
    arts = read(out2, "articles")
    assert len(arts) == len({a["article_id"] for a in arts}) == len(slice_rows)
    assert len(read(out2, "events")) == len(read(out1, "events"))
    assert spark_result(out2) == spark_result(out1)


def warc_bytes(rows, extra_pages=()):
    """A gzipped WARC, as a crawler writes it: each article wrapped in a news page, with a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    pages = [(f"https://www.example-news.sa/article/{r['id']}", page(r), "2015-07-21") for r in rows]
    for url, html, day in [*pages, *extra_pages]:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                            http_headers=http, warc_headers_dict={"WARC-Date": f"{day}T06:00:00Z"}))
    return buf.getvalue()


def page(r):
    paras = "".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())
    return (f'<html lang="ar" dir="rtl"><head><title>{r["title"]}</title>'
            f'<meta property="article:published_time" content="2015-07-20T09:30:00+03:00"></head><body>'
            f'<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav><article><h1>{r["title"]}</h1>'
            f'{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>')


ENGLISH = ("https://www.example-news.com/world", "<html><body><article>" + "<p>The ministry said on Monday that talks "
           "would resume next week in Geneva, according to officials familiar with the matter.</p>" * 4
           + "</article></body></html>", "2015-07-21")


def test_warc_archives_in_and_bad_input_to_the_errors_dataset(spark, slice_rows, tmp_path):
    from marsad.ingest.readers import read_inputs

    rows = [r for r in slice_rows[:63] if r["title"]][:12]
    f = tmp_path / "CC-NEWS-20150721.warc.gz"
    f.write_bytes(warc_bytes(rows, [ENGLISH]))
    # the single-process reader: one article per Arabic page, the English page passed over
    arts = [a for a in read_inputs([str(f)]) if isinstance(a, Article)]
    assert len(arts) == len(rows) and all(a.published == "2015-07-20" and a.source == "example-news.sa" for a in arts)
    for a, r in zip(arts, rows):
        assert a.text.split() == (r["title"] + "\n" + r["text"]).split()
    # beside it, JSONL with a malformed line, an article without text and one the extractor fails on
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n" + json.dumps({"id": "empty", "text": " "}) + "\n"
                   + json.dumps({"id": "broken", "text": "نص"}) + "\n", encoding="utf-8")
    rep = run_job([str(f), str(bad)], str(tmp_path / "out"), spark=spark, stripes=2,
                  extract_fn=lambda a: (a, None, "extraction failed: boom") if a.id == "broken" else extract_one(a))
    assert rep.articles == len(rows) and rep.errors == 3
    errors = sorted((e["where"], e["stage"], e["article_id"]) for e in read(tmp_path / "out", "errors"))
    assert errors == [(f"{bad}#3", "extraction", "broken"), (f"{bad}:1", "input", None), (f"{bad}:2", "input", "empty")]
    events = {r["event_id"]: json.loads(r["data"]) for r in read(tmp_path / "out", "events")}
    want = {d["event_id"]: d for a in arts for d in (extract_one(a)[1] or []) if d.get("record") != "control"}
    assert set(events) == set(want) and len(want) >= 5
    for eid, d in want.items():
        assert events[eid]["evidence"] == d["evidence"] and events[eid]["event_date"] == d["event_date"]


def test_load_brings_the_result_and_a_country_slice_into_the_store(first_run, tmp_path):
    from marsad.cli import main

    _, out = first_run
    assert main(["load", str(out), "--db", str(tmp_path / "all.db"), "--no-progress"]) == 0
    _, s_fused, _ = spark_result(out)
    _, l_fused, _ = local_result(tmp_path / "all.db")
    assert l_fused == s_fused
    assert main(["load", str(out), "--db", str(tmp_path / "all.db"), "--no-progress"]) == 0  # again: nothing added
    assert len(local_result(tmp_path / "all.db")[1]) == len(s_fused)

    from marsad.engines.spark_load import load

    with Store(tmp_path / "syria.db") as s:
        rep = load(out, s, country="Syria")
        countries = {c for (c,) in s.conn.execute("SELECT DISTINCT country FROM fused_events")}
    assert countries == {"Syria"} and rep.fused_same == rep.fused_in_slice > 0


def test_a_duplicate_article_id_keeps_the_later_record_and_the_counts_agree(spark, slice_rows, tmp_path):
    rows = [r for r in slice_rows[:40]]
    with_events = [r for r in rows[:20] if extract_one(Article(r["id"], r["text"], r["published"], r["source"]))[1]][:3]
    assert len(with_events) == 3
    first = write_jsonl(tmp_path / "a.jsonl", rows[:20])
    later = write_jsonl(tmp_path / "b.jsonl", with_events + rows[20:])  # the same three ids again, later
    rep = run_job([first, later], str(tmp_path / "out"), spark=spark, stripes=2)
    distinct = {r["id"]: r for r in rows}
    assert rep.duplicates == 3 and rep.articles == len(distinct)
    arts = read(tmp_path / "out", "articles")
    assert sorted(a["article_id"] for a in arts) == sorted(distinct)
    assert {a["article_id"]: a["file"] for a in arts if a["article_id"] in {r["id"] for r in with_events}} == {
        r["id"]: later for r in with_events}
    events = read(tmp_path / "out", "events")
    assert len(events) == len({e["event_id"] for e in events}) == rep.events
    assert rep.events == sum(1 for r in distinct.values() for d in (extract_one(
        Article(r["id"], r["text"], r["published"], r["source"], r["url"], r["title"]))[1] or []) if d.get("record") != "control")
