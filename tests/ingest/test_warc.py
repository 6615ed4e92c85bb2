"""WARC and Parquet inputs for the single-process engine: Arabic news pages in, everything else passed over."""
from __future__ import annotations

import io

import pytest

from marsad.ingest import Article, InputProblem
from marsad.ingest.readers import read_inputs

warcio = pytest.importorskip("warcio")

# short quotes from corpus articles (SaudiNewsNet, Al-Eqtisadiya and Al-Sharq Al-Awsat, 2015)
TABUK = ("أنقذت دوريات البحث والإنقاذ في قطاع ضباء التابع لحرس الحدود في منطقة تبوك أمس طفلا من الغرق أثناء ممارسته "
         "السباحة في مياه البحر الأحمر بمركز الصورة التابع لقطاع ضباء، وذلك بعد أن جرفته التيارات البحرية إلى عمق البحر.")
ADEN = ("أصدر الرئيس عبدربه منصور هادي رئيس الجمهورية اليمنية، اليوم (الاثنين)، قراراً جمهورياً بتعيين نايف البكري "
        "محافظا لعدن، وذلك بعد الانتصارات التي حققتها قوات المقاومة الشعبية في طرد المتمردين الحوثيين من المدينة.")


def warc(records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for url, body, ctype, date in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                            warc_headers_dict={"WARC-Date": date}))
    return buf.getvalue()


def html(text, meta=""):
    return (f"<html><head>{meta}</head><body><nav>الرئيسية</nav><article><p>{text}</p><p>{text}</p></article>"
            "</body></html>")


def test_arabic_pages_become_articles_dated_by_the_page_or_the_crawl(tmp_path):
    f = tmp_path / "news.warc.gz"
    f.write_bytes(warc([
        ("https://www.aleqt.com/2015/07/20/article_974815.html",
         html(TABUK, '<meta property="article:published_time" content="2015-07-20T08:00:00">').encode(),
         "text/html; charset=utf-8", "2015-07-22T01:00:00Z"),
        ("https://aawsat.com/home/article/410801", html(ADEN).encode("cp1256"), "text/html; charset=windows-1256",
         "2015-07-21T10:00:00Z"),
        ("https://example.com/en", html("Officials said talks would resume next week in Geneva. " * 8).encode(),
         "text/html", "2015-07-21T10:00:00Z"),
        ("https://example.com/logo.png", b"\x89PNG...", "image/png", "2015-07-21T10:00:00Z"),
    ]))
    items = list(read_inputs([str(f)]))
    assert [type(i) for i in items] == [Article, Article]  # the English page and the image: passed over
    tabuk, aden = items
    assert tabuk.published == "2015-07-20" and tabuk.source == "aleqt.com" and TABUK in tabuk.text
    assert aden.published == "2015-07-21" and aden.source == "aawsat.com" and ADEN in aden.text
    assert tabuk.id.startswith("warc-") and tabuk.id != aden.id


def test_a_corrupt_archive_keeps_what_was_read_and_says_where_it_stopped(tmp_path):
    data = warc([("https://aawsat.com/a", html(ADEN).encode(), "text/html", "2015-07-21T10:00:00Z")])
    f = tmp_path / "corrupt.warc.gz"
    f.write_bytes(data + b"<html>a page pasted without its WARC header</html>\r\n")
    items = list(read_inputs([str(f)]))
    assert isinstance(items[0], Article) and items[0].url == "https://aawsat.com/a"
    assert isinstance(items[1], InputProblem) and str(items[1]).startswith(f"{f}: cannot read the WARC file further")


def test_parquet_rows_are_articles_and_rows_without_text_are_reported(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    f = tmp_path / "archive.parquet"
    pq.write_table(pa.table({"id": ["a1", "a2", "a3"], "text": [TABUK, None, ADEN],
                             "published": ["2015-07-20", None, "2015-07-21"], "source": ["Al-Eqtisadiya", None, None]}), f)
    items = list(read_inputs([str(f)]))
    assert [(type(i).__name__, getattr(i, "id", None) or i.article_id) for i in items] == [
        ("Article", "a1"), ("InputProblem", "a2"), ("Article", "a3")]
    assert items[0].published == "2015-07-20" and items[0].source == "Al-Eqtisadiya" and items[2].text == ADEN
    assert str(items[1]).startswith(f"{f}:row 2")
