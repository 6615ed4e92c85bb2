"""Property tests (hypothesis) of the layers behind the reader: the text stages and the whole
extractor on random Unicode, date resolution against any publication day, and the store on any
article it may be handed (also through the API, which does not go through the reader)."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import PUBLISHED_RANGE
from marsad.dates import DateExpr, resolve
from marsad.doc import Doc
from marsad.engines import extract_one
from marsad.ingest import Article
from marsad.store import Store

# Arabic news words with the digits, punctuation and date words the stages react to, mixed with any character
WORDS = ["قتل", "الجيش", "في", "حلب", "أمس", "الخميس", "غارة", "على", "مدينة", "الرقة", "عام", "يوم", "قبل",
         "منذ", "2017", "9999", "0001", "١٤٣٨", "رمضان", "تشرين", "الأول", "31", "/", ".", "،", "\n\n", "ـ", "ًٌٍ"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6),
                          st.characters(categories=["Cs"])), max_size=60).map(" ".join)
DAYS = st.dates(min_value=PUBLISHED_RANGE[0], max_value=PUBLISHED_RANGE[1])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_text_stages_keep_offsets_inside_the_text(text):
    doc = Doc(text)
    for t in doc.tokens:
        assert 0 <= t.start <= t.end <= len(text)
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(text)


@SETTINGS
@given(TEXT, st.one_of(st.none(), DAYS.map(str), st.text(max_size=12),
                       st.sampled_from(["0001-01-01", "9999-12-31", "2100-12-31", "1900-01-01"])))
def test_extraction_never_raises_and_offsets_point_into_the_text(text, published):
    article, records, err = extract_one(Article("p", text, published))
    assert err is None, err
    for r in records:
        for ev in (r.get("evidence") or []) + (r.get("spans") or []):
            assert text[ev["start"]:ev["end"]] == ev["text"]


def _month_parts() -> list[tuple[int, int]]:
    from marsad.lexicon.calendar import calendar

    return sorted(set(calendar().month_parts.values()))


# every field in the range the date finder (mentions/dates.py) can give it; the counts it reads
# from digits ("خلال 99999999 يوما الماضية") are unbounded
EXPRS = st.builds(
    DateExpr, kind=st.sampled_from(["relative", "weekday", "explicit", "month", "year", "window", "background"]),
    offset=st.one_of(st.none(), st.integers(-31, 2)), weekday=st.one_of(st.none(), st.integers(0, 6)),
    weekday_end=st.one_of(st.none(), st.integers(0, 6)), day=st.one_of(st.none(), st.integers(1, 31)),
    month=st.one_of(st.none(), st.integers(1, 12)), year=st.one_of(st.none(), st.integers(1000, 9999)),
    month_rel=st.one_of(st.none(), st.integers(-1, 1)),
    month_part=st.one_of(st.none(), st.sampled_from(_month_parts())),
    window=st.one_of(st.none(), st.sampled_from(["previous_week", "current_week", "previous_month", "current_month",
                                                 "last_days", "recent_hours"])),
    days=st.one_of(st.none(), st.integers(1, 10**12)), calendar=st.sampled_from(["gregorian", "hijri"]),
    future=st.booleans())


@settings(max_examples=400, deadline=None)
@given(EXPRS, st.one_of(st.none(), DAYS))
def test_date_resolution_never_raises_within_the_publication_range(expr, published):
    """Whatever numbers the text holds ("قبل 1000000 يوم", "العام 20000", "32 رمضان"), resolving
    against any publication day the reader lets through gives a window or nothing, never an error."""
    r = resolve(expr, published, future=expr.future)
    if r is not None:
        assert r.start <= r.end


IDS = st.one_of(st.text(min_size=1, max_size=20), st.characters(categories=["Cs"]), st.integers().map(str))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(IDS, TEXT.filter(str.strip), st.one_of(st.none(), st.text(max_size=12)),
                          st.one_of(st.none(), st.text(max_size=8))), max_size=8))
def test_the_store_takes_any_article_or_reports_it(tmp_path_factory, rows):
    db = tmp_path_factory.mktemp("p") / "p.db"
    with Store(db) as store:
        arts = [Article(i, t, p, s) for i, t, p, s in rows]
        stats = store.add_articles((a, []) for a in arts)
        failed = {id(a) for a, _ in stats.failed}

        def storable(a: Article) -> bool:
            try:
                for v in (a.id, a.text, a.published, a.source):
                    (v or "").encode("utf-8")
                return True
            except UnicodeEncodeError:
                return False

        assert {id(a) for a in arts if not storable(a)} <= failed
        stored = {r[0] for r in store.conn.execute("SELECT article_id FROM articles")}
        assert stored == {a.id for a in arts if id(a) not in failed}
        assert stats.articles_added == len(stored)  # a fresh database: every stored id was added once
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
