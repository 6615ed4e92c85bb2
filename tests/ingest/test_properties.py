"""Property tests (hypothesis): whatever a line of input holds — random Unicode with lone
surrogates, wrong field types, deep nesting, extreme dates — the reader yields well-formed articles
or reported problems, and no exception escapes."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import parse_published
from marsad.ingest import MAX_ARTICLE_CHARS, Article, InputProblem
from marsad.ingest.readers import date_from_url, read_inputs, read_jsonl

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]), ARABIC)  # Cs: lone surrogates
TEXT = st.text(ANY_CHAR, max_size=80)
DATES = st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()),
                  st.sampled_from(["0001-01-01", "9999-12-31", "1970-01-01", "0000-00-00", "2017-02-30", ""]), TEXT)
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT)
VALUES = st.recursive(JSON_SCALARS, lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                           st.dictionaries(TEXT, kids, max_size=3)), max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={"id": VALUES, "text": st.one_of(TEXT, VALUES), "published": st.one_of(DATES, VALUES),
                                              "source": VALUES, "url": VALUES, "title": VALUES})
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _line(rec: dict) -> str:
    return json.dumps(rec, allow_nan=True)  # ensure_ascii: lone surrogates travel as \\udXXX escapes


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, Article):
            for v in (item.id, item.text, item.source, item.url, item.title, item.published):
                assert v is None or isinstance(v, str)
                if v is not None:
                    v.encode("utf-8")  # storable: no lone surrogate left
            assert item.id and item.text.strip() and len(item.text) <= MAX_ARTICLE_CHARS
            assert item.published is None or parse_published(item.published) is not None
        else:
            str(item).encode("utf-8", "replace")


@SETTINGS
@given(st.lists(RECORDS, max_size=6))
def test_any_jsonl_record_gives_an_article_or_a_reported_problem(records):
    items = list(read_jsonl(io.StringIO("".join(_line(r) + "\n" for r in records)), "t.jsonl"))
    _check(items)
    lines_with_article = {int(i.where.rsplit(":", 1)[1]) for i in items if isinstance(i, Article)}
    skipped = {int(i.where.rsplit(":", 1)[1]) for i in items if isinstance(i, InputProblem) and i.skipped}
    assert lines_with_article | skipped == set(range(1, len(records) + 1))  # every line accounted for
    assert not lines_with_article & skipped


@SETTINGS
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=3000))
def test_any_bytes_on_stdin_or_any_nesting_depth(raw, depth):
    data = raw + b"\n" + b"[" * depth + b"]" * depth + b"\n" + b'{"id": "a", "text": "\\u0642\\u062a\\u0644"}\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(b"{" + data)))
    _check(items)
    assert any(isinstance(i, Article) and i.id == "a" for i in items)  # the good line still read


@SETTINGS
@given(st.one_of(DATES, st.dates(), st.datetimes()))
def test_parse_published_is_total_and_bounded(value):
    day = parse_published(value)
    assert day is None or 1900 <= day.year <= 2100


@SETTINGS
@given(st.one_of(st.none(), TEXT, st.builds(lambda y, m, d, s: f"https://x.com/{y}/{m:02d}/{d:02d}/{s}",
                                            st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), TEXT)))
def test_date_from_url_is_total(url):
    day = date_from_url(url)
    assert day is None or parse_published(day) is not None
