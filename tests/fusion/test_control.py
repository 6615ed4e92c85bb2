"""Territorial control (marsad.fusion.control): which sentences carry a change of hands, which holders
are plausible where, and how claims become periods (expiry, contest, one change a day)."""
from __future__ import annotations

import pytest

from marsad.fusion.control import covers, take_reading
from marsad.fusion.families import families
from marsad.ingest import Article
from marsad.store import Store


def reading(sentence: str, place: str) -> str | None:
    i = sentence.index(place)
    return take_reading(sentence, i, i + len(place))[0]


# ---- does the sentence say the place was taken? (real corpus sentences, none from the dev set) --------

def test_a_take_verb_governing_the_place_is_a_change():
    assert reading("إلى ذلك سيطرت قوات الجيش ومسلحو المقاومة على مدينة جعار ثاني أكبر مدن محافظة أبين في جنوب شرق "
                   "اليمن.", "جعار") == "full"
    assert reading("قال المرصد السوري لحقوق الإنسان إن وحدات حماية الشعب الكردية انتزعت اليوم الاثنين السيطرة على "
                   "بلدة صرين في شمال سوريا من يد مقاتلي تنظيم داعش", "صرين") == "full"
    assert reading("واكد مصدر محلي لوكالة فرانس برس ان “المقاومة سيطرت على منطقتي السدة وحزم العديد واجزاء من منطقة "
                   "الرضمة”.", "السدة") == "full"


def test_part_of_a_town_is_a_partial_take():
    assert reading("وتفيد تقارير أن المقاتلين الموالين للحكومة اليمنية سيطروا على عدة أحياء في مدينة زنجبار مركز "
                   "محافظة أبين.", "زنجبار") == "partial"
    assert reading("واستعاد المقاتلون بدعم عسكري من دول خليجية السيطرة على مطار عدن يوم 17 يوليو تموز", "عدن") == "partial"


def test_wanted_planned_or_background_takes_are_not_changes():
    # intent: "لتحرير"
    assert reading("وأوضح أن جبهة صبر حررت مديريتي مشرعة وحدنان وتم تطهيرهما بشكل كامل ويجري التنسيق لتحرير بقية "
                   "مديريات صبر", "صبر") is None
    # a take told as background, dated months before the article
    assert reading("وخطف ثلاثة مقنعين في مايو الأب جاك مراد رئيس دير مار إليان في المدينة، بعد أن استولى التنظيم على "
                   "مدينة تدمر الأثرية.", "تدمر") is None
    # the place is not the object: aid "sent to Aden before its liberation"
    assert reading("كشفت الجهة المسؤولة عن تقديم الإغاثة للشعب اليمني أنه سبق للحوثيين أن سيطروا على بعض المعونات "
                   "الإغاثية التي كانت ترسلها السعودية إلى عدن قبل تحريرها", "عدن") is None
    # another place was taken, inside the town
    assert reading("أفاد مصدر من المقاومة الشعبية اليمنية، أمس الأربعاء بأن المقاومة سيطرت على وادي عقان في مدينة لحج "
                   "جنوبي البلاد", "لحج") is None
    # a common word read as a town: Egypt's streets and squares
    assert reading("عمت الفرحة أنحاء مصر أمس ابتهاجا بافتتاح قناة السويس الجديدة حيث تزينت الشوارع والميادين "
                   "بالأعلام المصرية", "الميادين") is None


def test_the_holder_must_be_the_subject_of_the_take():
    s = "وقالت مصادر محلية إن المقاومة في مديرية مشرعة وحدنان تمكنت من تحرير منطقة الكشار"
    i = s.index("الكشار")
    j = s.index("المقاومة")
    assert take_reading(s, i, i + 6, actor_spans=[(j, j + 8)])[0] == "full"
    k = s.index("مصادر")  # a holder coded on another word than the subject
    assert take_reading(s, i, i + 6, actor_spans=[(0, 5)])[0] is None and k > 0


# ---- families, palette, theatres -------------------------------------------------------------------------

def test_families_and_theatres():
    f = families()
    assert f.family_of("Islamic State") == "islamic_state"
    assert f.family_of("YPG: People's Protection Units") == "kurdish"
    assert f.family_of("Military Forces of Syria", "Syria") == "state"
    assert f.family_of("Military Forces of Turkey", "Syria") == "foreign_forces"
    assert f.family_of("Al Qaeda", "Yemen") == "aqap"
    assert f.plausible("Houthi Movement", "Yemen") and not f.plausible("Houthi Movement", "Syria")
    assert not f.plausible("Islamic State", "Russia")           # no "IS holds Moscow"
    assert not f.plausible("Military Forces of Egypt", "Syria")  # a state's forces stay home ...
    assert not f.plausible("Military Forces of Saudi Arabia", "United Arab Emirates")
    assert f.plausible("Military Forces of Turkey", "Syria")     # ... unless it is a known intervention
    assert f.plausible("Military Forces of the United Arab Emirates", "Yemen")
    assert not f.holds_places("Unidentified Armed Group (Syria)") and not f.holds_places("Civilians (Yemen)")


def test_every_family_actor_is_a_lexicon_actor_and_the_palette_is_stable():
    from marsad.lexicon.actors import actor_lexicon

    names = {a.name for a in actor_lexicon().actors.values()}
    f = families()
    assert set(f.by_actor) <= names, set(f.by_actor) - names
    pal = {p["family"]: p["colour"] for p in f.palette()}
    assert pal["islamic_state"] == "#000000" and pal["kurdish"] == "#F0E442" and pal["contested"] == "#E41A1C"
    assert len(set(pal.values())) == len(pal)  # one colour per family


# ---- periods: expiry, contest, same-day changes, old claims -----------------------------------------------

MUKALLA = "geonames:78754"    # a town: claims hold 180 days
ZINJIBAR = "geonames:69426"


def _store(tmp_path, statements=(), events=()) -> Store:
    s = Store(tmp_path / "c.db")
    s.add_articles([(Article(id="a", text="نص", published="2015-08-01", source="T"), [])])
    for pid, actor, date in statements:
        s.add_control_statement(pid, actor, date, article_id="a", evidence=f"{actor} holds it")
    return s


def test_a_claim_expires_after_its_horizon(tmp_path):
    with _store(tmp_path, [(MUKALLA, "AQAP: Al Qaeda in the Arabian Peninsula", "2015-08-01")]) as s:
        (p,) = s.control_timeline(MUKALLA)
        assert p["family"] == "aqap" and p["from"] == "2015-08-01" and p["to"] is None
        assert p["valid_until"] == "2016-01-28" and p["ended_by"] == "expiry"
        assert covers(p, "2015-12-01") and not covers(p, "2016-03-01")
        assert s.control_at("2016-03-01") == []


def test_contradicting_claims_are_contested_with_both_sides(tmp_path):
    with _store(tmp_path, [(MUKALLA, "AQAP: Al Qaeda in the Arabian Peninsula", "2015-08-01"),
                           (MUKALLA, "Houthi Movement", "2015-08-10")]) as s:
        ps = s.control_timeline(MUKALLA)
        assert [(p["status"], p["from"], p["to"]) for p in ps] == [
            ("held", "2015-08-01", "2015-08-10"), ("contested", "2015-08-10", "2016-01-28"),
            ("held", "2016-01-28", None)]
        assert {x["family"] for x in ps[1]["sides"]} == {"aqap", "houthis"}
        assert ps[1]["colour"] == families().contested["colour"]


def test_allies_do_not_contest_a_town(tmp_path):
    with _store(tmp_path, [(ZINJIBAR, "Military Forces of Yemen (Hadi faction)", "2015-08-09"),
                           (ZINJIBAR, "Popular Resistance", "2015-08-10")]) as s:
        assert [p["status"] for p in s.control_timeline(ZINJIBAR)] == ["held"]


def test_implausible_holders_and_places_make_no_period(tmp_path):
    with _store(tmp_path, [("geonames:524901", "Islamic State", "2015-08-01"),        # Moscow
                           (MUKALLA, "Military Forces of Egypt", "2015-08-01"),        # Egypt's army in Yemen
                           ("geonames:163843", "Islamic State", "2015-08-01")]) as s:  # Syria, a country
        assert s.control_at("2015-08-05") == []


def test_two_changes_on_one_day_are_never_ordered(tmp_path):
    with _store(tmp_path) as s:
        s.add_control_statement(ZINJIBAR, "Houthi Movement", "2015-08-06", kind="takes", article_id="a")
        s.add_control_statement(ZINJIBAR, "Popular Resistance", "2015-08-06", kind="takes", article_id="a")
        s.add_control_statement(ZINJIBAR, "Popular Resistance", "2015-08-08", kind="takes", article_id="a",
                                previous_actor="Houthi Movement")
        ps = s.control_timeline(ZINJIBAR)
        assert [(p["status"], p["from"], p["to"]) for p in ps] == [
            ("contested", "2015-08-06", "2015-08-08"), ("held", "2015-08-08", None)]
        assert ps[1]["family"] == "pro_government"


def _territory_event(article: Article, sentence: str, date: str, precision: int, place: dict, **actors):
    from marsad.events.model import Event, Evidence, Span

    i = article.text.index(sentence)
    j = article.text.index(place["location_ar"], i)
    return Event(article.id, "Strategic developments", "Non-state actor overtakes territory", date, date, precision,
                 evidence=[Evidence(sentence, i, i + len(sentence))],
                 spans=[Span("location", j, j + len(place["location_ar"]), place["location_ar"])], **place, **actors)


SARIN = dict(location="Sarin", location_ar="صرين", latitude=36.57, longitude=38.3, geo_precision=1,
             location_id="ocha:C2074", country="Syria", admin1="Aleppo")


def test_a_take_dated_long_before_its_article_sets_no_start(tmp_path):
    text = ("قال المرصد السوري لحقوق الإنسان إن وحدات حماية الشعب الكردية انتزعت اليوم الاثنين السيطرة على بلدة صرين "
            "في شمال سوريا من يد مقاتلي تنظيم داعش")
    ypg = dict(actor1="YPG: People's Protection Units", actor2="Islamic State")
    fresh = Article(id="fresh", text=text, published="2015-07-27", source="T")
    stale = Article(id="stale", text=text, published="2016-07-27", source="T")  # same words, a year later, month only
    with Store(tmp_path / "t.db") as s:
        s.add_articles([(stale, [_territory_event(stale, text, "2015-07-01", 3, SARIN, **ypg)])])
        assert s.control_timeline("ocha:C2074") == []
        s.add_articles([(fresh, [_territory_event(fresh, text, "2015-07-27", 1, SARIN, **ypg)])])
        ps = s.control_timeline("ocha:C2074")
        assert [(p["actor"], p["from"], p["to"]) for p in ps] == [
            ("Islamic State", None, "2015-07-27"), ("YPG: People's Protection Units", "2015-07-27", None)]
        assert ps[1]["family"] == "kurdish" and ps[1]["evidence"][0]["article_id"] == "fresh"
