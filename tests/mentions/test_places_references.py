"""A place given by reference ("في المحافظة") is the last place of that kind named before it; the paper a
source spoke to (ل"الرياض") and a name followed by an age ("(22 عاما)") are no place."""
from __future__ import annotations


def test_the_governorate_is_the_one_named_before(places):
    # ant-JA-internationalNews-993-20170526
    found = places("قال محافظ المنيا في مصر عصام البديوي إن 24 شخصا قتلوا وأصيب 27 آخرون في حصيلة أولية للهجوم "
                   "بالرصاص اليوم الجمعة على أقباط في المحافظة الواقعة في جنوب مصر.")
    ref = found["المحافظة"]
    assert (ref.place.kind, ref.place.country_code, ref.precision) == ("governorate", "EG", 3)
    assert "Minya" in ref.place.name_en


def test_a_governorate_seat_named_before_stands_for_its_governorate(places):
    # snn-alriyadh-e13d712051ee
    found = places("وفي مأرب، شن طيران التحالف العربي لدعم الشرعية غارات جوية على مواقع للحوثيين وقوات صالح في المحافظة.")
    assert found["المحافظة"].place.kind == "governorate" and found["المحافظة"].place.country_code == "YE"
    assert found["المحافظة"].place.admin1_code == found["مأرب"].place.admin1_code


def test_no_reference_across_a_governorate_the_gazetteer_lacks(places):
    # snn-alyaum-384bbb5c5781: "محافظة إب" is not read, so "المحافظة" after it is not Taiz named earlier
    found = places("وقصف الحوثيون أحياء في تعز. ودفعت جماعة الحوثي بتعزيزات عسكرية كبيرة الى محافظة إب لوقف تقدم رجال "
                   "المقاومة الشعبية نحو مدن المحافظة.")
    assert "المحافظة" not in found


def test_the_paper_a_source_spoke_to_is_no_place(places):
    # snn-alriyadh-a48db0360214: Al-Riyadh is the newspaper, the strikes were in Amran
    found = places('وقال سكان محليون ل"الرياض" إن غارات استهدفت مقراً حكومياً اتخذه الحوثيون سجناً لهم، '
                   'ونقطة تفتيش للحوثيين بمديرية المدان بعمران.')
    assert "الرياض" not in found and found["المدان"].place.country_code == "YE"
    assert places("وأكد مسؤول أن الرياض تدعم الحكومة الشرعية في اليمن.")["الرياض"].place.country_code == "SA"


def test_a_name_followed_by_an_age_is_a_person(places):
    # snn-alwatan-92060d8b4e72, snn-aawsat-f006f3d933ce
    found = places("ووفقًا لمصادر، فإن الإرهابيين أطلقوا قذيفة صاروخية باتجاه سيارة مصفحة تابعة للشرطة، ما أدى إلى مقتل "
                   "الشرطي صالح حسين بارجه (22 عاما)، وإصابة شرطيين آخرين بجراح طفيفة في منطقة جزرة.")
    assert "صالح حسين" not in found and "جزرة" in found
    assert "عبد الله محمد" not in places("وهما: مهدي صباح عبد المحسن محمد (30 عامًا)، وعباس عبد الحسين عبد الله محمد (30 عامًا).")


def test_the_airport_is_the_base_named_before(places):
    # snn-aljazirah-5d597ee44d57: "على محيط المطار" is the Kuweires base of the sentence before
    found = places("كما فتح الطيران الحربي نيران رشاشاته الثقيلة بعد منتصف ليل أمس الأول على مناطق بمحيط مطار كويرس "
                   "العسكري، الذي يحاصره تنظيم «داعش» بريف حلب الشرقي، تبعه القاء الطيران المروحي اربعة براميل "
                   "متفجرة على محيط المطار، دون معلومات عن حجم الخسائر البشرية.")
    assert found["المطار"].place.id == found["مطار كويرس العسكري"].place.id
    # an airport no gazetteer entry names as a facility leaves the word to the reader
    assert "المطار" not in places("وكان في استقباله في المطار رئيس مجلس إدارة نادي الجيل أحمد الغنيم.")
