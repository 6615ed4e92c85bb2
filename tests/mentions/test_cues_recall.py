"""Cues for ways news tells an event that the lexicon once missed (real corpus sentences, outside dev)."""
import marsad
from marsad.doc import Doc
from marsad.mentions.cues import find_cues


def cues(text: str) -> list[tuple[str, str]]:
    doc = Doc(text)
    find_cues(doc)
    return [(m.text, m.value.sub) for m in doc.mentions if m.kind == "cue"]


def blockers(text: str) -> list[tuple[str, str]]:
    doc = Doc(text)
    find_cues(doc)
    return [(m.text, m.value) for m in doc.mentions if m.kind == "blocker"]


def test_a_cell_uncovered_is_an_arrest_but_a_trafficking_ring_is_not():
    assert ("الكشف عن خلية", "Arrests") in cues(
        "تمكنت فرقة الأبحاث والتفتيش للحرس الوطني بالنفيضة من ولاية سوسة أمس من الكشف عن خلية إرهابيّة بمدينة هرقلة "
        "تتكوّن من 13 عنصرا تتراوح أعمارهم بين 22 و43 سنة.")
    assert not [c for c in cues("تمكنت الفرقة المركزية لمكافحة المخدرات من تفكيك شبكة مختصة في ترويج المخدرات")
                if c[1] == "Arrests"]


def test_a_hunger_strike_is_a_protest():
    assert ("إضراب جوع", "Peaceful protest") in cues(
        "دخل عدد من أعوان الديوانة بسليانة في إضراب جوع منذ مساء أمس الأحد وذلك في إطار تحركات احتجاجية")
    assert ("إضرابا عن الطعام", "Peaceful protest") in cues(
        "على اثر خوض أكثر من 1600 أسير فلسطيني في سجون الكيان الصهيوني لليوم الثامن على التوالي، إضرابا عن الطعام")


def test_weapons_seized_are_disrupted_weapons_use_but_hunting_rifles_are_not():
    assert ("حجز سلاح", "Disrupted weapons use") in cues(
        "وأضاف العقيد الوسلاتي في هذا الخصوص أنه تم حجز سلاح \"كلاشنيكوف\" وذخيرة وحزام ناسف.")
    assert ("حجز أسلحة", "Disrupted weapons use") in cues(
        "تم القضاء على 10 إرهابيين على الأقل وإلقاء القبض على إرهابيين مصابين وحجز أسلحة مختلفة")
    assert not [c for c in cues("تمكّن أعوان فرقة الحرس الوطني بسليانة من حجز 5 بنادق صيد غير مرخصة")
                if c[1] == "Disrupted weapons use"]


def test_an_air_attack_is_an_air_strike_not_a_generic_attack():
    assert cues("أعلنت القوات الأمريكية في أفغانستان أنها مسؤولة عن الهجوم الجوي على نقطة تفتيش أفغانية") == [
        ("الهجوم الجوي", "Air/drone strike")]


def test_an_announced_intention_blocks_what_follows():
    assert ("عزمها", "plan") in blockers(
        "أعلنت الأجهزة الأمنية الفلسطينية مساء الجمعة عزمها على «ملاحقة» المستوطنين المسؤولين عن هجمات على فلسطينيين")


def test_a_seized_terrorist_network_is_an_arrest():
    assert ("ضبط شبكة إرهابية", "Arrests") in cues(
        "كشفت وزارة الداخلية الكويتية أمس عن ضبط شبكة إرهابية لتنظيم داعش الإرهابي تضم 5 مواطنين كويتيين")


def test_a_habit_blocks_the_cues_after_it_but_repeated_telling_does_not():
    assert ("يوميًا", "habitual") in blockers(
        "من جهته ينفذ الطيران التركي يوميًا غارات مكثفة على مواقع للمتمردين في جبال شمال العراق")
    assert ("بين فترة وأخرى", "habitual") in blockers(
        "وتشن مقاومة تهامة بين فترة وأخرى هجمات مسلحة على تجمعات وآليات تابعة للحوثيين")
    assert blockers("وتمت الإشارة مرارا إلى وجود جنود من دول التحالف العربي في عدن منذ أن استعادت القوات "
                    "الموالية للرئيس عبد ربه منصور هادي السيطرة عليها") == [("منذ", "since")]


def test_a_daily_air_campaign_gives_no_event():
    events = marsad.extract("وردًا على مقتل عناصر من الشرطة، يشن الجيش التركي يوميًّا غارات جوية كثيفة على مواقع "
                            "حزب العمال الكردستاني في شمال العراق.", published="2015-08-05")
    assert not [e for e in events if e.sub_event_type == "Air/drone strike"]


def test_burning_tyres_to_block_a_road_is_a_violent_demonstration():
    assert ("حرق العجلات المطاطية", "Violent demonstration") in cues(
        "عمد عدد من المحتجين اليوم في سبيطة من ولاية القصرين إلى حرق العجلات المطاطية وقطع الطريق أمام مقر المعتمدية")
    assert ("إشعال الإطارات", "Violent demonstration") in cues(
        "قام مساء اليوم الاثنين، عدد من المحتجين بغلق المعبر الحدودي بحزوة من ولاية توزر و إشعال الإطارات المطاطية.")


ARTICLE_TITLE = "هرقلة : الكشف عن خلية إرهابية تتكون من 13 عنصرا"
ARTICLE_TEXT = (
    "تمكنت فرقة الأبحاث والتفتيش للحرس الوطني بالنفيضة من ولاية سوسة أمس من الكشف عن خلية إرهابيّة بمدينة هرقلة "
    "تتكوّن من 13 عنصرا تتراوح أعمارهم بين 22 و43 سنة.\n"
    "و أكدت وزارة الداخلية في بلاغ لها أنهم إعترفوا عند التحري معهم بعقدهم إجتماعات سرّية بأحد المساجد بالمدينة "
    "وقيامهم بتسفير حوالي 12 شابا جميعهم أصيلي مدينة هرقلة إلى بؤر التوتر للإنضمام إلى الجماعات الإرهابيّة.")


def test_the_uncovered_cell_gives_an_arrest_event():
    doc = marsad.extract_doc(ARTICLE_TEXT, published="2017-01-04", title=ARTICLE_TITLE)
    assert [(e.sub_event_type, e.country, e.event_date) for e in doc.events] == [("Arrests", "Tunisia", "2017-01-03")]
    assert "الكشف عن خلية" in doc.events[0].evidence[0].text
