"""Bases, camps, crossings and mountains conflict news names (places_overrides.yaml ``bases`` and
``regions``), each with every form news gives it (scripts/build_gazetteer.py ``facility_keys``).
Sentences are quoted from corpus articles outside the dev and training sets."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from marsad.doc import Doc
from marsad.mentions.places import find_places

ROOT = Path(__file__).resolve().parents[2]


def places(text: str) -> dict:
    doc = Doc(text)
    find_places(doc)
    return {m.text: m.value for m in doc.mentions_of("place")}


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_facility_keys_give_each_base_and_crossing_its_other_forms():
    keys = _build_script().facility_keys
    assert {"مطار العند", "قاعده العند", "قاعده العند الجويه", "مطار العند العسكري"} <= keys("قاعدة العند الجوية")
    assert {"معبر الوديعه", "منفذ الوديعه البري"} <= keys("منفذ الوديعة البري")
    assert keys("مطار الكويت الدولي") == set()  # a civil airport is no "قاعدة الكويت"
    assert keys("قاعدة الملك خالد الجوية") == set()  # no "مطار الملك خالد": that is Riyadh's airport
    assert keys("جبل سمامة") == set()
    assert "مطار الثعله العسكري" in keys("مطار الثعلة", military=True)  # the overrides list military bases


def test_al_anad_air_base():
    by = places("وتقدمت قوات اللواء حزم واحد من الجهة الغربية لقاعدة العند واقتحمت أول موقع تابع للدفاعات الجوية "
                "للقاعدة وأصبحت على مقربة من مدرج المطار")
    assert by["قاعدة العند"].place.id == "user:al-anad-base" and by["قاعدة العند"].precision == 2
    by = places("وكانت المقاومة الشعبية والجيش الوطني تمكنا من تحرير قاعدة العند الجوية الاستراتيجية بمحافظة لحج")
    assert by["قاعدة العند الجوية"].place.admin1 == "Laḩij"


def test_syrian_air_bases_named_as_airports():
    by = places("وتعرضت مناطق في تل اشهيب شرقي مطار خلخلة لقصف جوي ولم ترد أنباء عن خسائر بشرية")
    assert by["مطار خلخلة"].place.id == "user:khalkhalah-base"
    by = places("أعلنت كتائب وتشكيلات الجيش الأول التابع للجيش الحر استهداف مقرات قوات النظام في مدن خان أرنبة والبعث "
                "براجمات الصواريخ، تزامنا مع إطلاق قذائف هاون على مطار الثعلة العسكري")
    assert by["مطار الثعلة العسكري"].place.admin1 == "As-Suwayda"


def test_camps_and_mountains_are_placed_in_their_governorate():
    by = places("سيطرت قوات الجيش الموالي للشرعية والمسنود بمسلحي المقاومة الشعبية الخميس على معسكر لبوزة في محافظة لحج")
    assert by["معسكر لبوزة"].place.admin1 == "Laḩij" and by["معسكر لبوزة"].precision == 3
    by = places("اندلعت اشتباكات بين قوات الجيش الوطني وعناصر إرهابية في جبل سمامة من ولاية القصرين")
    assert by["جبل سمامة"].place.country_code == "TN" and by["جبل سمامة"].precision == 3
    by = places("كما أحكمت المقاومة سيطرتها على مبنى المحافظة في منطقة سناح بعد فرار جماعي للحوثيين وقوات صالح.")
    assert by["سناح"].place.admin1 == "Aḑ Ḑāli‘"


def test_spellings_news_gives_towns_of_the_sources():
    # aliases of GeoNames towns, and towns Who's On First has without an Arabic name (overrides ``places``)
    cases = [
        ("هجوم انتحاري نسب إلى تنظيم داعش وضرب مدينة سوروج بالقرب من الحدود السورية", "سوروج", "Suruç"),
        ("في ساعة متأخرة ليلة أول من أمس في مدينة كويتا عاصمة إقليم بلوشستان جنوب شرقي باكستان.", "كويتا", "Quetta"),
        ("انتحاريًا اقتحم بجرار مفخخ باكرا صباح اليوم، مركزا للدرك في محيط مدينة دوغوبيازيد في شرق البلاد.",
         "دوغوبيازيد", "Doğubayazıt"),
        ("وصلوا على متن دراجات نارية وهاجموا ثلاثة فنادق على الأقل في بلدة سيفاري, مشيرًا إلى أنه تم نشر جنود",
         "سيفاري", "Sévaré"),
        ("وأوضحت المصادر أن الاشتباكات اندلعت في قرية الجنادبة بعد مهاجمة الحوثيين القرية لتنفيذ حملة اختطاف",
         "الجنادبة", "Al Janadibah (Arhab)"),
    ]
    for text, name, english in cases:
        assert places(text)[name].place.name_en == english, text


def test_kuweires_air_base_is_east_of_aleppo_not_the_idlib_village():
    # snn-aljazirah-5d597ee44d57: the besieged base is beside Kuwayris Sharqi; the only bare "كويرس" of the
    # sources is a village in Idlib, 100 km away
    by = places("كما فتح الطيران الحربي نيران رشاشاته الثقيلة بعد منتصف ليل أمس الأول على مناطق بمحيط مطار كويرس "
                "العسكري، الذي يحاصره تنظيم «داعش» بريف حلب الشرقي.")
    base = by["مطار كويرس العسكري"]
    assert (base.place.kind, base.place.admin1, base.precision) == ("camp", "Aleppo", 2)
