"""Continents, world regions, seas and straits are places (places_world.yaml), but no event's place; the
names of competitions, clubs, parties and agencies that contain a place are no place. Real corpus sentences,
none from the dev or train articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.doc import Doc
from marsad.mentions.places import WORLD_KINDS, find_places

# (article, sentence, name, expected kind or country code)
WORLD = [
    ("snn-aawsat-28fbc0aa6fd0", "أبدى المهاجرون من ركابه بعض المقاومة لشعورهم بخيبة الأمل لعجزهم عن الوصول إلى أوروبا.",
     "أوروبا", "continent"),
    ("snn-aawsat-59ee12ea7945", "أعلنت شركة «هوندا موتور» اليابانية أنها بدأت الإنتاج في أول مصانعها لتجميع السيارات في "
     "القارة الأفريقية في نيجيريا، في إطار جهود الشركة الساعية لتعزيز وجودها في الأسواق النامية.",
     "القارة الأفريقية", "continent"),
    ("snn-aawsat-b03ee584b8e7", "وتأتي هذه التطورات بعد تعرّض «داعش» لهزيمة كبيرة في معقله الذي عرف به منذ البداية في مدينة "
     "درنة الواقعة على البحر المتوسط.", "البحر المتوسط", "water"),
    ("ant-JA-internationalNews-373-20170226", "ونقلت وسائل إعلام حكومية عن الأميرال حبيب الله سياري قوله إن المناورات "
     "البحرية الإيرانية السنوية ستجرى في مضيق هرمز وخليج عمان وباب المندب والأجزاء الشمالية من المحيط الهندي للتدريب "
     "على محاربة الإرهاب والقرصنة.", "مضيق هرمز", "water"),
    ("ant-JA-internationalNews-373-20170226", "ونقلت وسائل إعلام حكومية عن الأميرال حبيب الله سياري قوله إن المناورات "
     "البحرية الإيرانية السنوية ستجرى في مضيق هرمز وخليج عمان وباب المندب والأجزاء الشمالية من المحيط الهندي للتدريب "
     "على محاربة الإرهاب والقرصنة.", "المحيط الهندي", "water"),
    ("snn-aawsat-77bd4feb8e31", "وبذلك تكون باريس قد استفادت من «تراجع» الدور الأميركي وسعي دول الخليج لتوفير شركاء آخرين.",
     "الخليج", "world_region"),
    ("snn-alwatan-325b1b1e0979", "والفضلي كان على ما يبدو زعيم مجموعة خراسان التي تضم مقاتلين سابقين في تنظيم القاعدة، "
     "انتقلوا من آسيا الوسطى ومناطق أخرى من الشرق الأوسط إلى سورية للتخطيط لاعتداءات ضد الولايات المتحدة.",
     "آسيا الوسطى", "world_region"),
    ("snn-alwatan-325b1b1e0979", "والفضلي كان على ما يبدو زعيم مجموعة خراسان التي تضم مقاتلين سابقين في تنظيم القاعدة، "
     "انتقلوا من آسيا الوسطى ومناطق أخرى من الشرق الأوسط إلى سورية للتخطيط لاعتداءات ضد الولايات المتحدة.",
     "الشرق الأوسط", "world_region"),
    ("snn-3alyoum-c4fc2584e3a4", "نشر نشطاء إيرانيون على موقع التواصل الاجتماعي “يوتيوب” عدة فيديوهات تظهر انهيار بنايات "
     "سكنية بالكامل إثر فيضانات اجتاحت مناطق بشمال إيران بالقرب من بحر قزوين.", "بحر قزوين", "water"),  # not Qazvin
    # named beside places of one country, a world region is still no lone foreign town
    ("snn-aleqtisadiya-cee94010340f", "وجاء القرار انطلاقا من حرصه على تطوير قطاع المعارض والمؤتمرات في منطقة الرياض لتحقيق الرؤية "
     "بأن تكون المنطقة وجهة رئيسية ومستدامة للمعارض والمؤتمرات في الشرق الأوسط، مؤكدا حرصه على متابعته سير عمل القطاع في "
     "منطقة الرياض.", "الشرق الأوسط", "world_region"),
]

# countries, regions and cities in the press's spelling
NAMED = [
    ("snn-aljazirah-281cb00fa8ab", "وأعلنت وزارة المالية الأميركية أن السلطات الأميركية فرضت عقوبات على 11 شخصاً و15 شركة في "
     "روسيا وشبه جزيرة القرم على خلفية الأحداث في أوكرانيا.", "شبه جزيرة القرم", "UA"),
    ("snn-alriyadh-3a028daa2731", "أعلن مسؤول امس الأربعاء أن محكمة في ميانمار قضت بسجن 153 من الرعايا الصينيين مدى الحياة بعد "
     "إدانتهم بتهمة قطع الأشجار بصورة غير قانونية في ولاية كاشين بشمال البلاد.", "ميانمار", "MM"),
    ("snn-alriyadh-e74bc6bb3e35", "أعلن مطار الملك خالد الدولي عن عودة رحلة الخطوط الكورية رقم (٩٦٢) من نوع إيرباص (٣٣٠) "
     "والمتجهة إلى سيئول بعد إقلاعها بحوالي ثلاثين دقيقة من المطار لوجود خلل فني في أحد محركاتها .", "سيئول", "KR"),
]

# a place name inside the name of something else
NOT_PLACES = [
    ("snn-alwatan-8714f9e2972f", "وصلت بعثة المنتخب السعودي للشباب لكرة القدم صباح أمس إلى مدينة فالنسسيا الإسبانية لإقامة "
     "معسكر إعدادي لمدة 18 يوما، وذلك استعدادا لخوض التصفيات المؤهلة إلى كأس آسيا التي ستقام في البحرين.", "آسيا"),
    ("snn-aawsat-82e85e029d42", "ويدير المباراة طاقم حكام صربي بقيادة ميلوراد مازيتش الذي أدار الكثير من اللقاءات المهمة منها "
     "مباراة ريال مدريد وأتليتكو مدريد في دور الثمانية لدوري أبطال أوروبا الموسم الماضي.", "أوروبا"),
    ("snn-okaz-9d34c62ae071", "وما زالت وزارة الصحة تواجه حتى الآن فيروس كورونا «متلازمة الشرق الأوسط» وتبحث بين فترة وأخرى "
     "علاجا أو عقاقير تهدئ من انتشار هذا الفيروس في جميع مناطق ومدن المملكة.", "الشرق الأوسط"),
    ("snn-aawsat-97d07bb36b07", "* ولم تبرز حملة مساندة قوية لوزير الخارجية التونسي الطيب البكوش ونائب رئيس حزب نداء تونس من "
     "داخل حزبه ولا الفريق الحاكم في قصري قرطاج والقصبة.", "تونس"),
    ("snn-alriyadh-87a97975dc24", "من جهة أخرى تلقى المهاجم التونسي وزوريخ السويسري ياسين الشيخاوي عرضا هاما من نادي أهلي جدة "
     "لضمه الى صفوفه حسب أحد المقربين من اللاعب.", "جدة"),
    ("snn-alyaum-da3ed5c9daf9", "وعبرت الحكومة اليمنية عن تقديرها لجهود دول مجلس التعاون لدول الخليج العربية والمملكة الأردنية "
     "لما قدموه من خدمات طبية للجرحى والمصابين.", "الخليج"),
    ("snn-almadina-c312bf58ad4d", "من أفضل الثنائيات في الكرة الأوروبية خلال النصف الثاني من حقبة الثمانينات بالقرن الماضي، حيث "
     "حققا العديد من البطولات المحلية والقارية مع فريق ستيوا بوخارست، أبرزها دوري أبطال أوروبا 1986.", "بوخارست"),
    ("snn-almadina-c312bf58ad4d", "من أفضل الثنائيات في الكرة الأوروبية خلال النصف الثاني من حقبة الثمانينات بالقرن الماضي، حيث "
     "حققا العديد من البطولات المحلية والقارية مع فريق ستيوا بوخارست، أبرزها دوري أبطال أوروبا 1986.", "بالقرن"),
    ("snn-alriyadh-c32271789962", "ويضيف العثمان: إن ما يثلج الصدر أن بعض دول الخليج بدأت بتطبيق القانون الخاص بحقائب "
     "المسافرين.", "الصدر"),  # no village placed in the Gulf region named next to it
    ("snn-aawsat-0786a5f4b480", "في غضون ذلك، أكد مصدر أمني لـ«الشرق الأوسط»، أن حادثة إطلاق النار وسرعة العمل الأمني في "
     "البحث عن المجهول الذي أطلق النار، ساعدت في الحيلولة دون وصوله بسيارته إلى سجن الحائر.", "الشرق الأوسط"),
    ("snn-aawsat-1d616f48fc6e", "وذكر القرني خلال اتصال هاتفي مع «الشرق الأوسط» أن «طبيبين سعوديين ذهبا إلى عدن بتخصصات جراحة "
     "المخ والأعصاب، والتجميل»، مشيرًا إلى أن خدمات الهيئة كافة ستقدم في محافظتي مأرب وعدن.", "الشرق الأوسط"),
    ("snn-aawsat-ef75b9a0d243", "وتم اختيار 23 لاعبًا هم أحمد البخيت، وموفق المطيري، وصالح الدوسري، وأحمد العبد الواحد، وحمزة "
     "الزبيدي.", "أحمد العبد"),
]


def places(sentence: str):
    doc = Doc(sentence)
    find_places(doc)
    return doc.mentions_of("place")


def covering(sentence: str, name: str):
    start = sentence.index(name)
    end = start + len(name)
    return [m for m in places(sentence) if m.start < end and start < m.end]


@pytest.mark.parametrize("article,sentence,name,kind", WORLD, ids=[w[2] for w in WORLD])
def test_continents_regions_and_seas_are_places(article, sentence, name, kind):
    found = covering(sentence, name)
    assert found and found[0].text == name and found[0].value.place.kind == kind, [(m.text, m.value.place.name_en) for m in found]


@pytest.mark.parametrize("article,sentence,name,kind", WORLD, ids=[w[2] for w in WORLD])
def test_a_world_place_is_a_mention_of_its_own_kind_not_a_dateline(article, sentence, name, kind):
    """Its kind is what keeps it from being an event's place (events.index.NO_EVENT_KINDS)."""
    from marsad.events.index import NO_EVENT_KINDS

    m = covering(sentence, name)[0]
    assert not m.meta["dateline"] and not m.value.is_dateline and m.value.precision == 3
    assert m.value.place.kind in NO_EVENT_KINDS


def test_a_world_place_is_no_evidence_of_a_country():
    doc = Doc(WORLD[0][1])
    find_places(doc)
    assert doc.layers["country"] is None


@pytest.mark.parametrize("article,sentence,name,cc", NAMED, ids=[n[2] for n in NAMED])
def test_press_spellings_of_countries_regions_and_capitals(article, sentence, name, cc):
    found = covering(sentence, name)
    assert found and found[0].value.place.country_code == cc, [(m.text, m.value.place.name_en) for m in found]


@pytest.mark.parametrize("article,sentence,name", NOT_PLACES, ids=[n[2] for n in NOT_PLACES])
def test_names_of_competitions_clubs_parties_and_people_are_no_places(article, sentence, name):
    assert not covering(sentence, name)


def test_the_other_places_of_those_sentences_are_still_found():
    assert [m.text for m in places(NOT_PLACES[0][1])] == ["البحرين"]  # after "كأس آسيا"
    assert "المملكة الأردنية" in [m.text for m in places(NOT_PLACES[5][1])]  # after the GCC's name


def test_a_country_in_a_partys_name_still_says_the_story_is_about_it():
    doc = Doc("من جانبه اكد النائب عن نداء تونس بالجهة، أولاد جبريل، الحالة الحرجة للمضرب عن الطعام.")
    find_places(doc)
    assert not doc.mentions_of("place") and doc.layers["country"] == "TN"


WORLD_CASES = [json.loads(line) for line in (Path(__file__).parent.parent / "geo" / "place_word_sentences.jsonl")
               .read_text("utf-8").splitlines() if line.strip() and '"kind": "world"' in line]


@pytest.mark.parametrize("case", WORLD_CASES, ids=[c["place"] for c in WORLD_CASES])
def test_former_word_cases_that_name_a_continent_or_sea(case):
    """Sentences of the common-word set where the name is a continent or a sea ("في آسيا", "في البحر الأبيض
    المتوسط"): no village or quarter named so, but the continent or the sea itself."""
    found = covering(case["sentence"], case["word"])
    assert found and found[0].value.place.kind in WORLD_KINDS
