import io
import json

from marsad.ingest import Article, InputProblem
from marsad.ingest.readers import read_inputs, read_jsonl


def test_malformed_line_is_reported_and_the_rest_still_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = {"id": "a1", "text": "قتل جندي تركي أمس", "published": "2015-07-24"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n"
                    + json.dumps({"id": "a3", "text": "  "}) + "\n"
                    + json.dumps({"id": "a4", "text": "اشتباكات في حلب"}, ensure_ascii=False) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    arts = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.id for a in arts] == ["a1", "a4"]
    assert arts[0].published == "2015-07-24"
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:3"]
    assert "malformed JSON" in str(problems[0])
    assert problems[1].article_id == "a3" and "no text" in problems[1].message


def test_non_utf8_file_names_the_file(tmp_path):
    path = tmp_path / "cp1256.txt"
    path.write_bytes("اشتباكات في حلب".encode("cp1256"))
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, InputProblem) and str(path) in str(item) and "UTF-8" in item.message


def test_txt_takes_published_and_source_from_arguments(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("بيروت: سيطرت قوات النظام الخميس على أحياء", encoding="utf-8")
    (art,) = list(read_inputs([str(path)], published="2017-10-12", source="AFP"))
    assert (art.id, art.published, art.source) == ("seed", "2017-10-12", "AFP")


def test_html_page_main_text_is_extracted(tmp_path):
    body = "<p>" + "سيطرت قوات النظام السوري على أربعة أحياء من مدينة الميادين شرق سوريا وفق المرصد. " * 4 + "</p>"
    html = f"<html><head><title>خبر</title></head><body><nav>الرئيسية | رياضة | اقتصاد</nav><article>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (art,) = list(read_inputs([str(path)]))
    assert isinstance(art, Article)
    assert "الميادين" in art.text and "جميع الحقوق" not in art.text


def test_html_without_article_is_a_problem(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, InputProblem) and "no article text" in item.message


def test_folder_and_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text("اشتباكات في حلب", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.jsonl")]))
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert isinstance(items[1], InputProblem) and "no such file" in items[1].message


def test_stdin_jsonl():
    stream = io.StringIO(json.dumps({"id": "x", "text": "غارات على الرقة"}, ensure_ascii=False) + "\n")
    (art,) = list(read_inputs(["-"], stdin=stream))
    assert art.id == "x"


def test_missing_id_gets_a_content_hash():
    (art,) = list(read_jsonl(io.StringIO(json.dumps({"text": "غارات على الرقة"}) + "\n"), "<t>"))
    assert art.id.startswith("sha1-")


def test_gzipped_jsonl_streams_and_reports_a_non_utf8_line(tmp_path):
    import gzip

    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write((json.dumps({"id": "a", "text": "غارات على الرقة"}, ensure_ascii=False) + "\n").encode("utf-8"))
        fh.write(json.dumps({"id": "b", "text": "x"}).encode("ascii")[:-2] + "\xe9\"}\n".encode("latin-1"))
        fh.write((json.dumps({"id": "c", "text": "اشتباكات في حلب"}, ensure_ascii=False) + "\n").encode("utf-8"))
    items = list(read_inputs([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]
    (bad,) = [i for i in items if isinstance(i, InputProblem)]
    assert bad.where == f"{path}:2" and "not UTF-8" in bad.message


def test_truncated_gzip_is_reported_after_the_readable_articles(tmp_path):
    import gzip

    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress("".join(json.dumps({"id": f"a{i}", "text": "غارات على الرقة " * 20}, ensure_ascii=False) + "\n"
                                 for i in range(200)).encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    assert any(isinstance(i, Article) for i in items)
    assert isinstance(items[-1], InputProblem) and "cannot read file" in items[-1].message
