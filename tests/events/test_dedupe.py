"""One event per ACLED unit within a sentence, after the learned steps may have retyped a draft."""
import datetime as dt

from marsad.doc import Doc
from marsad.events.dedupe import merge_sentence_duplicates
from marsad.events.model import Event, Evidence, Span
from marsad.pipeline import DEFAULT_STAGES, run

WHOLE_PIPELINE = DEFAULT_STAGES  # taken before the rules-only fixture narrows the default

TEXT = "ألقت قوات الأمن اللبناني القبض على أربعة أشخاص في بعلبك، وتم تسليم الموقوفين إلى المراجع المختصة."


def _arrest(actor2: str | None, cue: str, fatalities: int = 0, place_ar: str = "بعلبك") -> Event:
    start = TEXT.index(cue)
    return Event("a1", "Strategic developments", "Arrests", event_date="2015-08-07",
                 actor1="Military Forces of Lebanon", actor2=actor2, location="Baalbek", location_ar=place_ar,
                 location_id="geonames:276781", fatalities=fatalities, confidence=0.6 if actor2 else 0.8,
                 evidence=[Evidence(TEXT, 0, len(TEXT))], spans=[Span("cue", start, start + len(cue), cue)])


def test_a_retyped_draft_of_the_same_sentence_joins_the_event_it_repeats():
    doc = Doc(TEXT, id="a1")
    doc.events = [_arrest("Civilians (Lebanon)", "القبض على"), _arrest(None, "تسليم", fatalities=1)]
    merge_sentence_duplicates(doc)
    assert len(doc.events) == 1
    e = doc.events[0]
    # (an arrest kills no one: a toll told beside it is another event's, so the merged arrest keeps none)
    assert (e.actor2, e.fatalities, e.confidence) == ("Civilians (Lebanon)", 0, 0.8)
    assert "reported killed" not in e.notes and "arrested" in e.notes
    assert sorted(sp.text for sp in e.spans) == ["القبض على", "تسليم"]


def test_other_targets_or_other_places_written_stay_separate_events():
    doc = Doc(TEXT, id="a1")
    doc.events = [_arrest("Civilians (Lebanon)", "القبض على"), _arrest("Islamic State", "تسليم")]
    merge_sentence_duplicates(doc)
    assert len(doc.events) == 2
    # two villages of a list placed at the same area: one event each
    doc.events = [_arrest(None, "القبض على", place_ar="الزويك"), _arrest(None, "تسليم", place_ar="الدويركة")]
    merge_sentence_duplicates(doc)
    assert len(doc.events) == 2


def test_the_toll_of_a_repelled_attack_told_with_no_attacker_is_that_battle_not_a_second_one():
    text = ("من ناحية ثانية، تمكنت قوات البيشمركة في ساعة متأخرة من الليلة قبل الماضية من صد هجوم لمسلحي «داعش» على "
            "مواقعها في قرية خراب دليل التابعة لمحور بعشيقة، وقتل خلال الهجوم 15 مسلحا، فيما دمرت قوات البيشمركة "
            "ثلاث عجلات همر استخدمها التنظيم في الهجوم.")
    doc = run(Doc(text, published=dt.date(2016, 10, 20)), names=WHOLE_PIPELINE)
    clashes = [e for e in doc.events if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1
    assert {clashes[0].actor1, clashes[0].actor2} == {"Peshmerga", "Islamic State"}
    assert clashes[0].fatalities == 15


def test_an_unnamed_attack_on_a_side_that_is_the_attacker_elsewhere_is_kept_apart_outside_battles():
    doc = Doc(TEXT, id="a1")
    named = _arrest(None, "القبض على")
    unnamed = _arrest("Military Forces of Lebanon", "تسليم")
    unnamed.actor1 = "Unidentified Armed Group (Lebanon)"
    doc.events = [named, unnamed]
    merge_sentence_duplicates(doc)
    assert len(doc.events) == 2 and doc.events[0].actor2 is None


def test_a_battle_whose_sides_are_named_in_both_orders_in_one_sentence_is_one_fight():
    # snn-aawsat-ab4f8caeb0fa (corpus, outside dev/train): the downed drone and the clashes beside it
    text = ("بدورها أعلنت «الفرقة الأولى الساحلية»، أمس، عن «إسقاط طائرة استطلاع تابعة لقوات الأسد بعد استهدافها "
            "بالمضادات الأرضيّة في منطقة مركشيلة في قمة النبي يونس بالساحل السوري، بالتزامن مع مواجهات بين المعارضة "
            "والقوات النظامية على عدة محاور في بيت عوان بجبل التركمان».")
    doc = run(Doc(text, published=dt.date(2015, 8, 7)), names=WHOLE_PIPELINE)
    clashes = [e for e in doc.events if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1
    assert {clashes[0].actor1, clashes[0].actor2} == {"Opposition Rebels (Syria)", "Military Forces of Syria"}


def test_ground_retaken_by_allies_and_retold_with_one_of_them_is_one_event():
    # snn-alriyadh-e13d712051ee: the army and the resistance took al-Houta; the resistance's taking it is told again
    text = ("تمكن الجيش الوطني اليمني والمقاومة الشعبية من استعادة السيطرة، الثلاثاء، على مدينة الحوطة مركز محافظة "
            "لحج بعد تطهير الطريق الرئيسي الذي يربط بين الحوطة وعدن.\nاذ تمكنت المقاومة الشعبية من السيطرة على "
            "المدينة الخضراء والحوطة مركز محافظة لحج، بعد طرد الحوثيين ومرتزقة علي عبدالله صالح منه.")
    doc = run(Doc(text, id="a", published=dt.date(2015, 8, 6)), WHOLE_PIPELINE)
    events = [e for e in doc.events
              if e.sub_event_type == "Government regains territory" and e.location_ar == "الحوطة"]
    assert len(events) == 1 and len(events[0].evidence) == 2


def test_talk_of_battles_naming_no_side_and_no_dead_is_no_event():
    # a Yemeni paper on officers refusing to fight: "عمليات القتال في عدن ولحج ومأرب" names no side that fought
    text = ("أكدت عدة تقارير صحفية رفض عدد كبير من ضباط الحرس الجمهوري اليمني الموالي للمخلوع علي عبدالله صالح، "
            "المشاركة في عمليات القتال في عدن ولحج ومأرب، وسط أنباء عن انشقاقات كبيرة.")
    doc = run(Doc(text, published=dt.date(2015, 8, 4), id="a1"), WHOLE_PIPELINE)
    assert [e for e in doc.events if e.event_type == "Battles"] == []


def test_a_battle_whose_dead_are_told_stays_though_no_side_is_named():
    doc = Doc(TEXT, id="a1")
    clash = Event("a1", "Battles", "Armed clash", event_date="2015-08-04", location="Al Hawtah", fatalities=56,
                  evidence=[Evidence(TEXT, 0, len(TEXT))])
    sideless = Event("a1", "Battles", "Armed clash", event_date="2015-08-04", location="Aden", fatalities=None,
                     evidence=[Evidence(TEXT, 0, len(TEXT))])
    doc.events = [clash, sideless]
    merge_sentence_duplicates(doc)
    assert [e.location for e in doc.events] == ["Al Hawtah"]


def test_the_clash_for_a_town_taken_that_day_is_the_takeover():
    doc = Doc(TEXT, id="a1")

    def battle(sub: str, actor1: str | None, fatalities: int) -> Event:
        return Event("a1", "Battles", sub, event_date="2015-08-03", location="Taiz", location_id="geonames:70225",
                     actor1=actor1, actor2="Houthi Movement", fatalities=fatalities,
                     evidence=[Evidence(TEXT, 0, len(TEXT))])

    taken = battle("Government regains territory", "Military Forces of Yemen (Hadi faction)", 0)
    taken.assoc_actor_1 = "Popular Resistance"
    doc.events = [taken, battle("Armed clash", "Popular Resistance", 15), battle("Armed clash", "Islamic State", 2)]
    merge_sentence_duplicates(doc)
    # the fight between the takeover's sides joins it with its toll; a clash with another side stays apart
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Government regains territory", 15),
                                                                        ("Armed clash", 2)]


BOMBING = ("فجر انتحاري نفسه، اليوم (الخميس)، في مسجد تابع لقوات الطوارئ السعودية في منطقة عسير جنوب المملكة. "
           "وقالت وزارة الداخلية إن اثنين من رجال الأمن المصابين في حادثة استهداف مسجد قوات الطوارئ بمنطقة عسير "
           "انتقلا إلى رحمة الله. وانفجرت عبوة ناسفة قرب مقر قوات الطوارئ بمنطقة عسير.")  # snn-aawsat-e4a68d6d4887, adapted


def _bomb(sub: str, cue: str, actor1: str | None, fatalities: int = 0) -> Event:
    start = BOMBING.index(cue)
    return Event("b1", "Explosions/Remote violence", sub, event_date="2015-08-06", actor1=actor1,
                 location="'Asir Region", location_ar="عسير", location_id="geonames:108179", fatalities=fatalities,
                 confidence=0.7, evidence=[Evidence(BOMBING, start, start + 40)],
                 spans=[Span("cue", start, start + len(cue), cue)])


def test_a_bombing_told_again_without_its_device_joins_the_suicide_bombing_of_its_place_and_day():
    doc = Doc(BOMBING, id="b1")
    doc.events = [_bomb("Suicide bomb", "فجر انتحاري", "Unidentified Armed Group (Saudi Arabia)"),
                  _bomb("Remote explosive/landmine/IED", "استهداف", None, fatalities=2)]
    merge_sentence_duplicates(doc)
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Suicide bomb", 2)]
    # a device named is a second bomb
    doc.events = [_bomb("Suicide bomb", "فجر انتحاري", "Unidentified Armed Group (Saudi Arabia)"),
                  _bomb("Remote explosive/landmine/IED", "عبوة ناسفة", None)]
    merge_sentence_duplicates(doc)
    assert len(doc.events) == 2
