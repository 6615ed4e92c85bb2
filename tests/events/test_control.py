"""Explicit control statements read from real news sentences (marsad.events.control)."""
import marsad


def control(text: str, published: str = "2015-08-04"):
    return [(c.actor, c.place_ar) for c in marsad.extract_doc(text, published=published).layers["control"]]


def test_explicit_control_statements_are_read():
    assert control("اعتصم العشرات من الأطباء والممرضين العاملين في المستشفى العسكري بمدينة الحديدة الواقعة غرب اليمن "
                   "والخاضعة لسيطرة الحوثيين، أمس، أمام مبنى المحافظة.") == [("Houthi Movement", "الحديدة")]
    assert control("كما ألقى الطيران المروحي برميلين متفجرين على أماكن في منطقة الشدادي التي يسيطر عليها تنظيم داعش "
                   "في ريف الحسكة الجنوبي.") == [("Islamic State", "الشدادي")]


def test_past_negated_and_partial_control_are_not_statements():
    assert control("سيطرت المقاومة الشعبية على حي التواهي آخر أحياء عدن التي كانت تحت سيطرة الحوثيين.") == []
    assert control("لم يعد تنظيم داعش يسيطر على مدينة تدمر.") == []
    # a part of a town is not the town
    assert ("Military Forces of Syria", "حلب") not in control(
        "وفي حين تسيطر الفصائل المقاتلة على الأحياء الشرقية، تسيطر قوات النظام على الأحياء الغربية من حلب.")


def test_a_place_the_pronoun_points_back_to():
    # "the city of Mukalla, which they control": the holder is the armed actor named before the town
    assert control("وأوضح المسؤول أن «الغارة دمرت سيارة تابعة لعناصر القاعدة قادمة من مدينة المكلا التي يسيطرون "
                   "عليها عند وصولها إلى وادي ضيقة بلدة المحفد محافظة أبين».", "2015-07-31") == [
        ("AQAP: Al Qaeda in the Arabian Peninsula", "المكلا")]


def test_governorates_and_far_subjects_are_not_town_statements():
    # "controls the governorates of Aden and Lahij": areas, not towns; and the Houthis named later
    # in the sentence ("… التي لا يزال الحوثيون يسيطرون فيها على لودر") do not hold them
    assert control("وعمليا، باتت قوات هادي التي تقاتل باسلحة حديثة زودتها بها دول التحالف العربي، تسيطر على محافظات "
                   "عدن ولحج والضالع وغالبية ابين التي لا يزال الحوثيون يسيطرون فيها على لودر، ثاني اكبر مدنها.",
                   "2015-08-09") == []


def test_the_town_a_reference_noun_stands_for():
    # "التي تسيطر على البلدة الواقعة على الحدود": the town is Kobani, named in the sentence before
    assert control("من جهة اخرى وقع انفجار في بلدة كوباني الحدودية السورية امس الاثنين. وقال المرصد السوري لحقوق "
                   "الإنسان إن سبب الانفجار سيارة ملغومة استهدفت نقطة تفتيش تابعة لوحدات حماية الشعب الكردية التي "
                   "تسيطر على البلدة الواقعة على الحدود مع تركيا والتي تعرف أيضا باسم عين العرب.", "2015-07-21") == [
        ("YPG: People's Protection Units", "كوباني")]


def test_a_landmark_is_not_the_place_held():
    # al-Alam, "adjacent to Aden", is under Houthi control; Aden is not
    text = ("وقصفت ميليشيات الحوثي أمس أحياء سكنية في دار سعد بصواريخ الكاتيوشا ما أدى إلى مقتل 43 مدنيا، ولا تزال {} "
            "تحت سيطرة ميليشيات الحوثي.")
    assert control(text.format("منطقة العلم من جهة أبين والمحاذي لعدن"), "2015-07-21") == []
    assert control(text.format("مدينة عدن"), "2015-07-21") == [("Houthi Movement", "عدن")]
