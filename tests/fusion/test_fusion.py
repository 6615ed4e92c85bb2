"""Fusion in the store: reports of one battle from AFP and SANA become one event; different events stay apart."""
from __future__ import annotations

import dataclasses

import pytest
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fusion_reports import BUKAMAL, DEIR_EZZOR_GOV, IS2, MAYADIN, REGIME, afp, ariha, ev, sana  # noqa: E402

from marsad.ingest import Article
from marsad.store import Store


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        yield s


def fused_of(store: Store, article_id: str, sub: str) -> str:
    return store.conn.execute("SELECT fused_id FROM events WHERE article_id = ? AND sub_event_type = ?",
                              (article_id, sub)).fetchone()[0]


def test_afp_and_sana_report_one_battle(store):
    store.add_articles([afp()])
    st = store.add_articles([sana()])  # a later run: incremental fusion into the existing event
    assert st.fused_joined == 1 and st.fused_new == 0
    fid = fused_of(store, "sana-mayadin-2017-10-12", "Government regains territory")
    assert fid == fused_of(store, "afp-mayadin-2017-10-12", "Government regains territory")
    e = store.get_event(fid)
    assert e["n_articles"] == 2 and e["article_ids"] == ["afp-mayadin-2017-10-12", "sana-mayadin-2017-10-12"]
    assert set(e["sources"].split("; ")) == {"Syrian Observatory for Human Rights", "SANA", "AFP"}
    assert e["location"] == "Al Mayadin" and e["event_date"] == "2017-10-12"
    assert e["assoc_actor_1"] == "Military Forces of Russia"  # the richer AFP report
    # every article keeps its own evidence, with offsets into its own text
    for art in e["articles"]:
        for x in art["events"][0]["evidence"]:
            assert art["text"][x["start"]:x["end"]] == x["text"]
    assert "الجيش العربي السوري" in e["articles"][1]["events"][0]["evidence"][0]["text"]


def test_fatalities_lower_figure_with_conflict_recorded(store):
    a, events = afp()
    events[0].fatalities = 30  # a report with a higher figure than SANA's 25
    store.add_articles([(a, events), sana()])
    e = store.get_event(fused_of(store, a.id, "Government regains territory"))
    assert e["fatalities"] == 25
    figs = {r["article_id"]: r["fatalities"] for r in e["conflicts"]["fatalities"]["reports"]}
    assert figs == {a.id: 30, "sana-mayadin-2017-10-12": 25}


def test_report_without_a_count_does_not_lower_the_figure(store):
    store.add_articles([afp(), sana()])  # AFP gives no count (0), SANA 25
    e = store.get_event(fused_of(store, "sana-mayadin-2017-10-12", "Government regains territory"))
    assert e["fatalities"] == 25 and not (e["conflicts"] or {}).get("fatalities")


def test_airstrike_and_territory_change_at_the_same_place_and_day_stay_apart(store):
    store.add_articles([afp(), sana()])
    a = afp()[0].id
    assert fused_of(store, a, "Air/drone strike") != fused_of(store, a, "Government regains territory")
    assert store.count_events() == 2


def test_same_place_different_day_is_another_event(store):
    text = ("وكانت قوات النظام قد وصلت الى الأطراف الغربية للميادين الاثنين الماضي قبل أن يبعدها التنظيم "
            "الأحد إثر اشتباكات عنيفة.")
    a = Article("later-report", text, "2017-10-09", "Al-Hayat")
    e = ev(a, "قبل أن يبعدها التنظيم الأحد إثر اشتباكات عنيفة", "Armed clash", "2017-10-08", MAYADIN, **REGIME, **IS2)
    store.add_articles([afp(), (a, [e])])
    assert fused_of(store, a.id, "Armed clash") != fused_of(store, afp()[0].id, "Government regains territory")
    why = store.explain(fused_of(store, a.id, "Armed clash"))[0]["reasons"]
    assert why == ["no compatible earlier report: founds the event"]


def test_same_day_different_town_is_another_event(store):
    text = "وسيطرت قوات النظام الخميس على أحياء في مدينة البوكمال الحدودية مع العراق بعد معارك مع تنظيم داعش."
    a = Article("bukamal", text, "2017-10-12", "Reuters")
    e = ev(a, text, "Government regains territory", "2017-10-12", BUKAMAL, **REGIME, **IS2)
    store.add_articles([afp(), (a, [e])])
    assert fused_of(store, "bukamal", "Government regains territory") != fused_of(store, afp()[0].id, "Government regains territory")


def test_governorate_level_report_joins_the_town_inside_it(store):
    text = "ودارت اشتباكات الخميس بين قوات النظام وتنظيم الدولة الاسلامية في ريف دير الزور الشرقي."
    a = Article("rif", text, "2017-10-12", "Al-Hayat")
    e = ev(a, text, "Armed clash", "2017-10-12", DEIR_EZZOR_GOV, **REGIME, **IS2)
    store.add_articles([afp(), (a, [e])])
    fid = fused_of(store, "rif", "Armed clash")
    assert fid == fused_of(store, afp()[0].id, "Government regains territory")
    got = store.get_event(fid)
    assert got["location"] == "Al Mayadin" and got["sub_event_type"] == "Government regains territory"
    reasons = store.explain(fid)[1]["reasons"]
    assert "Al Mayadin lies in Deir ez-Zor" in reasons


def test_conflicting_named_actors_stay_apart(store):
    text = "وسيطرت قوات سوريا الديموقراطية الخميس على أحياء من الميادين بعد معارك مع تنظيم الدولة الاسلامية."
    a = Article("sdf", text, "2017-10-12", "Reuters")
    e = ev(a, text, "Non-state actor overtakes territory", "2017-10-12", MAYADIN,
           actor1="Syrian Democratic Forces", actor1_ar="قوات سوريا الديموقراطية", **IS2)
    store.add_articles([afp(), (a, [e])])
    assert store.count_events(event_type="Battles") == 2


def test_wire_story_reprinted_by_three_papers_is_one_event(store):
    store.add_articles(ariha())
    rows = store.query_events(country="Syria")
    assert len(rows) == 1
    r = rows[0]
    assert r["n_articles"] == 3 and r["fatalities"] == 12 and r["conflicts"] is None
    assert {"Al-Eqtisadiya", "Al-Weeam", "Al-Jazirah", "Syrian Observatory for Human Rights"} <= set(r["sources"].split("; "))


def test_ingesting_again_changes_nothing(store):
    items = [afp(), sana(), *ariha()]
    store.add_articles(items)
    before = store.stats(), store.query_events(limit=None)
    st = store.add_articles(items)
    assert st.articles_skipped == len(items) and st.events_added == 0
    assert (store.stats(), store.query_events(limit=None)) == before


def test_changed_article_is_replaced_and_its_fused_event_recomputed(store):
    store.add_articles([afp(), sana()])
    a, events = sana()
    a = dataclasses.replace(a, text=a.text + "\nالتعليقات")
    events[0].fatalities = 20
    st = store.add_articles([(a, events)])
    assert st.articles_replaced == 1
    e = store.get_event(fused_of(store, a.id, "Government regains territory"))
    assert e["n_articles"] == 2 and e["fatalities"] == 20
    assert store.stats()["events"] == 3
