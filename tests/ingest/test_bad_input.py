"""One bad article never stops a batch: every way a record can be wrong is reported with its file,
line and id, and the rest of the batch is read (issue 12)."""
from __future__ import annotations

import io
import json

import pytest

from marsad import parse_published
from marsad.ingest import MAX_ARTICLE_CHARS, Article, InputProblem, limit_text
from marsad.ingest.readers import date_from_url, read_inputs, read_jsonl

# real reports from the corpus (not the dev set)
BAGHDAD = ("انفجرت سيارة ملغومة اليوم الأربعاء في سوق مكتظة بالناس في حي الشرطة بالعاصمة العراقية بغداد. "
           "وكشفت مصادر أمنية وطبية أن الانفجار أدى إلى مقتل 20 شخصا على الأقل وإصابة 48 آخرين.")
ASIR = ("أطلق مريض نفسي النار عشوائياً من سلاح رشاش؛ ما أسفر عن مقتل شخصَيْن، وإصابة ثلاثة آخرين، "
        "وذلك بخيبر الجنوب شرق منطقة عسير.")


def lines(*records: object) -> io.StringIO:
    return io.StringIO("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                               for r in records))


def split(items):
    items = list(items)
    arts = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, InputProblem) and i.skipped]
    warned = [i for i in items if isinstance(i, InputProblem) and not i.skipped]
    return arts, skipped, warned


@pytest.mark.parametrize("placeholder", ["0001-01-01", "9999-12-31", "1970-01-01", "0000-00-00"])
def test_placeholder_dates_are_dropped_with_a_warning(placeholder):
    arts, skipped, warned = split(read_jsonl(lines({"id": "b1", "text": BAGHDAD, "published": placeholder}), "f"))
    assert [a.published for a in arts] == [None] and not skipped
    (w,) = warned
    assert w.where == "f:1" and w.article_id == "b1" and "without a date" in w.message


@pytest.mark.parametrize("value", ["2017-13-01", "2017-02-30", "20171012", "12/10/2017", "yesterday",
                                   "2017-10-12garbage", "2017-10-12T25:00", "2017", 20171012, ["2017-10-12"],
                                   {"date": "2017-10-12"}, True])
def test_malformed_published_values_warn_and_keep_the_article(value):
    arts, skipped, warned = split(read_jsonl(lines({"id": "b1", "text": BAGHDAD, "published": value}), "f"))
    assert len(arts) == 1 and arts[0].published is None and not skipped and len(warned) == 1


@pytest.mark.parametrize("value, day", [("2017-10-12", "2017-10-12"), ("2017-10-12T08:30:00+03:00", "2017-10-12"),
                                        ("2017-10-12 08:30", "2017-10-12"), ("2017-10-12T23:59:59.123Z", "2017-10-12"),
                                        ("Thu, 12 Oct 2017 08:30:00 +0300", "2017-10-12")])
def test_real_dates_in_common_forms_are_read(value, day):
    (art,) = read_jsonl(lines({"id": "b1", "text": BAGHDAD, "published": value}), "f")
    assert art.published == value and parse_published(art.published).isoformat() == day


def test_lone_surrogates_are_replaced_in_place_so_offsets_do_not_move():
    raw = '{"id": "a\\ud800", "text": "%s \\udc00 %s", "source": "\\ud83d"}' % (BAGHDAD, ASIR)
    arts, skipped, warned = split(read_jsonl(io.StringIO(raw + "\n"), "f"))
    (art,) = arts
    assert art.id == "a\ufffd" and art.source == "\ufffd"
    assert art.text == f"{BAGHDAD} \ufffd {ASIR}" and len(warned) == 2
    art.text.encode("utf-8")  # storable: no UnicodeEncodeError downstream


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDC00", "\\udB7F"])
def test_lone_surrogates_are_found_in_lines_read_as_bytes_in_any_hex_case(escape):
    """Lines read from a file arrive as bytes: the surrogate check is skipped only when no escape could make one."""
    raw = '{"id": "b1", "text": "%s %s", "source": "X"}\n' % (BAGHDAD, escape)
    emoji = '{"id": "b2", "text": "%s \\ud83d\\ude00"}\n' % ASIR  # a pair: one character, nothing to mend
    plain = json.dumps({"id": "b3", "text": BAGHDAD}, ensure_ascii=False) + "\n"
    arts, skipped, warned = split(read_jsonl([raw.encode(), emoji.encode(), plain.encode()], "f"))
    assert [a.text for a in arts] == [f"{BAGHDAD} \ufffd", f"{ASIR} \U0001F600", BAGHDAD] and not skipped
    assert [(w.article_id, "surrogate" in w.message) for w in warned] == [("b1", True)]


def test_deep_json_and_huge_numbers_are_one_bad_line_each():
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"id": 1%s, "text": "x"}' % ("0" * 5000)
    arts, skipped, _ = split(read_jsonl(lines(deep, {"id": "ok", "text": ASIR}, huge), "f"))
    assert [a.id for a in arts] == ["ok"]
    assert [p.where for p in skipped] == ["f:1", "f:3"]
    assert "too deeply" in skipped[0].message or "not a JSON object" in skipped[0].message


def test_ids_must_be_text_or_whole_numbers():
    arts, skipped, _ = split(read_jsonl(lines({"id": 17, "text": ASIR}, {"id": [1, 2], "text": ASIR},
                                              {"id": 1.5, "text": ASIR}, {"id": True, "text": ASIR},
                                              {"id": {"a": 1}, "text": ASIR}, {"id": "x" * 600, "text": ASIR}), "f"))
    assert [a.id for a in arts] == ["17"]  # not "17.0", not a Python repr
    assert [p.where for p in skipped] == ["f:2", "f:3", "f:4", "f:5", "f:6"]
    assert "must be text or a whole number" in skipped[0].message


def test_wrong_types_of_optional_fields_are_dropped_not_fatal():
    arts, skipped, warned = split(read_jsonl(lines({"id": "a", "text": ASIR, "source": {"n": 1}, "url": 5,
                                                    "title": 2017}), "f"))
    (art,) = arts
    assert (art.source, art.url, art.title) == (None, None, "2017") and len(warned) == 2 and not skipped


def test_non_utf8_stdin_is_a_reported_line_not_a_crash():
    data = (json.dumps({"id": "a", "text": ASIR}, ensure_ascii=False).encode("utf-8") + b"\n"
            + json.dumps({"id": "b", "text": "x"}).encode()[:-2] + b"\xe9\"}\n"
            + json.dumps({"id": "c", "text": BAGHDAD}, ensure_ascii=False).encode("utf-8") + b"\n")
    arts, skipped, _ = split(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [a.id for a in arts] == ["a", "c"] and skipped[0].where == "<stdin>:2"
    (bad,) = read_inputs(["-"], stdin=io.BytesIO(BAGHDAD.encode("cp1256")))
    assert isinstance(bad, InputProblem) and "not UTF-8" in bad.message


def test_an_overlong_article_is_cut_at_a_paragraph_break_with_a_warning():
    para = BAGHDAD + "\n\n"
    text = para * (MAX_ARTICLE_CHARS // len(para) + 50)
    arts, _, warned = split(read_jsonl(lines({"id": "long", "text": text}), "f"))
    (art,) = arts
    assert len(art.text) <= MAX_ARTICLE_CHARS and art.text.endswith("آخرين.") and text.startswith(art.text)
    assert "cut to" in warned[0].message
    assert limit_text(ASIR) == (ASIR, False)


@pytest.mark.parametrize("url, day", [
    ("https://www.alriyadh.com/2017/10/12/article-1", "2017-10-12"),
    ("https://aawsat.com/home/article/20171012/حلب", "2017-10-12"),
    ("https://example.com/news/2015-07-24-syria", "2015-07-24"),
    ("https://2017.example.com/news/123456", None),         # a host name is not a date
    ("https://example.com/news/20171399/", None),           # not a real day
    ("https://example.com/item/12345678901", None),
    (None, None),
])
def test_dates_written_in_urls(url, day):
    assert date_from_url(url) == day


def test_published_from_url_dates_only_undated_articles(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        {"id": "a", "text": ASIR, "url": "https://sabq.org/2016/03/05/x"},
        {"id": "b", "text": ASIR, "url": "https://sabq.org/2016/03/05/y", "published": "2016-03-06"},
        {"id": "c", "text": ASIR, "url": "https://sabq.org/x"})), encoding="utf-8")
    arts = [i for i in read_inputs([str(path)], published_from=["url"]) if isinstance(i, Article)]
    assert [a.published for a in arts] == ["2016-03-05", "2016-03-06", None]
    plain = [i for i in read_inputs([str(path)]) if isinstance(i, Article)]
    assert plain[0].published is None  # only when asked


def test_articles_remember_where_they_were_read(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": ASIR}, ensure_ascii=False) for i in ("a", "b")) + "\n",
                    encoding="utf-8")
    assert [a.where for a in read_inputs([str(path)])] == [f"{path}:1", f"{path}:2"]


def test_published_from_a_field_of_the_record(tmp_path):
    """SaudiNewsNet records carry no date but say which day's crawl they come from."""
    path = tmp_path / "snn.jsonl"
    prov = "parallelfold/SaudiNewsNet:dataset/2015-07-21.zip (zip member 2015-07-21.json, item 0)"
    path.write_text(json.dumps({"id": "s", "text": ASIR, "provenance": prov}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "t", "text": ASIR, "provenance": "no date here"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    arts = [i for i in read_inputs([str(path)], published_from=["field:provenance"]) if isinstance(i, Article)]
    assert [a.published for a in arts] == ["2015-07-21", None]
