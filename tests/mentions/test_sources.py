"""find_sources: who reports (agencies, monitors, officials), with attribution triggers."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.mentions.actors import find_actors
from marsad.mentions.sources import SourceRef, find_sources


def sources(text: str, country: str | None = None) -> Doc:
    doc = Doc(text)
    doc.layers["country"] = country
    find_actors(doc)
    find_sources(doc)
    return doc


def found(doc: Doc) -> list[tuple[str, str]]:
    return [(m.text, m.value.name) for m in doc.mentions_of("source")]


def test_observatory_and_afp_in_the_seed():
    doc = sources("سيطرت قوات النظام على أربعة أحياء، وفق ما ذكر المرصد السوري لحقوق الانسان.\n"
                  "وقال مدير المرصد رامي عبد الرحمن لوكالة فرانس برس إن القوات تقدمت.", "SY")
    got = doc.mentions_of("source")
    assert got[0].value == SourceRef("Syrian Observatory for Human Rights", "monitor", "sohr")
    assert got[0].meta["attributed"] and got[0].meta["trigger"] == "ذكر"
    assert ("مدير المرصد", "Syrian Observatory for Human Rights") in found(doc)
    assert ("وكالة فرانس برس", "AFP") in found(doc)


def test_observatory_backref_needs_a_named_monitor():
    doc = sources("وباتت قوات النظام، بحسب المرصد السوري، تحاصر المدينة. وتدور، وفق المرصد، معارك طاحنة", "SY")
    first, second = doc.mentions_of("source")
    assert second.text == "المرصد" and second.value.key == "sohr"
    assert doc.mentions[second.meta["resolved_from"]] is first
    assert found(sources("وصل الزوار إلى المرصد الفلكي", "JO")) == []


def test_sana_and_dateline_agency():
    doc = sources('دمشق - (ا ف ب) - وأوردت وكالة الأنباء السورية الرسمية "سانا" أن "وحدات من الجيش كثفت عملياتها"',
                  "SY")
    got = doc.mentions_of("source")
    assert got[0].value.name == "AFP" and got[0].meta["dateline"] and not got[0].meta["attributed"]
    assert {m.value.name for m in got[1:]} == {"SANA"}


def test_weak_alias_needs_a_trigger():
    assert found(sources("وسيطرت الفصائل على قرى في منطقة الجزيرة السورية", "SY")) == []
    assert found(sources("حسبما أفادت الجزيرة، قتل عشرة أشخاص", "SY")) == [("الجزيرة", "Al Jazeera")]
    assert found(sources("وانتشرت القوات الفرنسية في المنطقة", "ML")) == []


def test_security_source_told_afp():
    doc = sources('وقال مصدر أمني سوري لفرانس برس الاسبوع الماضي إن التنظيم يتخذ الميادين "عاصمة أمنية وعسكرية" له',
                  "SY")
    assert found(doc) == [("مصدر أمني سوري", "Security source"), ("فرانس برس", "AFP")]
    assert doc.mentions_of("source")[1].meta["attributed"]  # ل on the agency: "told AFP"


def test_ministry_takes_the_adjective_country_and_actor_statements():
    doc = sources("وأعلن الجيش التركي في بيان مقتل جنديين، وقالت وزارة الدفاع الروسية إن طائراتها لم تشارك", "TR")
    assert found(doc) == [("الجيش التركي", "Military Forces of Turkey"),
                          ("وزارة الدفاع الروسية", "Ministry of Defence of Russia")]
    assert doc.mentions_of("source")[0].value.kind == "actor"
