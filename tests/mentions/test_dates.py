"""Date expressions in real news sentences (short quotes from ../shared/corpus and the seed)."""
import datetime as dt
from pathlib import Path

import pytest

from marsad.dates import resolve
from marsad.doc import Doc
from marsad.mentions.dates import find_dates

THU = dt.date(2017, 10, 12)


def dates(text: str, published: dt.date | None = THU):
    doc = Doc(text, published=published)
    find_dates(doc)
    return [(m.text, m.value, m.meta, resolve(m.value, published)) for m in doc.mentions_of("date")]


def one(text: str, published: dt.date | None = THU):
    found = dates(text, published)
    assert len(found) == 1, found
    return found[0]


def test_weekday_in_the_seed_sentence():
    text, expr, meta, r = one("سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء")
    assert text == "الخميس" and expr.kind == "weekday" and r.start == THU and r.precision == 1
    _, _, _, r = one("قبل أن يبعدها التنظيم الأحد.")
    assert r.start == dt.date(2017, 10, 8)


@pytest.mark.parametrize("phrase, part", [("يوم الأحد", None), ("مساء الأربعاء", "evening"), ("فجر الجمعة", "dawn")])
def test_weekday_with_day_and_part_of_day(phrase, part):
    text, expr, meta, r = one(f"وقال مسؤول {phrase} إن القصف توقف")
    assert text == phrase and expr.part == part and r.precision == 1


def test_yesterday_named_by_its_weekday_is_one_expression():
    text, expr, _, r = one("ثلاثة صواريخ أطلقت بعد ظهر أمس الجمعة من مخيم المغازي", dt.date(2015, 8, 8))
    assert text == "بعد ظهر أمس الجمعة" and r.start == dt.date(2015, 8, 7) and expr.part == "afternoon"


def test_today_with_weekday_in_brackets():
    text, _, _, r = one("حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية", dt.date(2015, 7, 20))
    assert text == "اليوم (الاثنين)" and r.start == dt.date(2015, 7, 20)


@pytest.mark.parametrize("phrase, delta", [
    ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("أول أمس", -2), ("أول من أمس", -2), ("أمس الأول", -2),
    ("اليوم", 0), ("فجر اليوم", 0), ("صباح اليوم", 0), ("الليلة الماضية", -1), ("الليلة قبل الماضية", -2),
])
def test_relative_days(phrase, delta):
    text, expr, _, r = one(f"وكان المتظاهرون في ساحة التحرير وسط بغداد {phrase} طالبوا بتولي رئيس الوزراء")
    assert text == phrase and r.start == THU + dt.timedelta(days=delta) and r.precision == 1


@pytest.mark.parametrize("phrase, day", [
    ("الخميس الماضي", dt.date(2017, 10, 5)), ("الخميس قبل الماضي", dt.date(2017, 9, 28)),
    ("الجمعة قبل الماضية", dt.date(2017, 9, 29)),
])
def test_weekday_before_last_is_a_week_before_last_weeks(phrase, day):
    text, _, _, r = one(f"وأعلنت الشرطة أنها اعتقلت {phrase} ثلاثة أشخاص يشتبه في انتمائهم إلى التنظيم")
    assert text == phrase and r.start == day


def test_hijri_date_written_with_spaced_slashes():
    # Saudi outlets write "8/ 2/ 1433هـ" and "26 / 9 / 1436هـ" (about 570 corpus articles)
    _, expr, _, r = one("حيث أعلنت وزارة الداخلية بتاريخ 8/ 2/ 1433هـ، قائمة بأسماء (23) مطلوباً")
    assert expr.calendar == "hijri" and (expr.year, expr.month, expr.day) == (1433, 2, 8)
    assert abs((r.start - dt.date(2012, 1, 2)).days) <= 1


def test_today_that_is_not_the_publication_day():
    assert dates("وقال مراسل روسيا اليوم إن القصف استمر حتى اليوم التالي") == []


def test_windows_from_the_seed():
    _, expr, _, r = one("بعدما تمكنت الاسبوع الماضي من الوصول الى الأطراف الغربية للميادين")
    assert (r.start, r.end, r.precision) == (dt.date(2017, 10, 1), dt.date(2017, 10, 7), 2)
    text, expr, _, r = one("واستقدم التنظيم خلال الأيام الثلاثة الأخيرة من العراق نحو ألف مقاتل")
    assert text == "خلال الأيام الثلاثة الأخيرة" and expr.days == 3
    assert (r.start, r.end) == (dt.date(2017, 10, 9), THU)
    _, expr, _, r = one("وشهدت المنطقة خلال الأيام الماضية معارك عنيفة")
    assert expr.kind == "window" and r.precision == 2 and r.end == THU


@pytest.mark.parametrize("sentence, expected", [
    ("الهجوم الانتحاري في 20 يوليو في سوروتش في جنوب البلاد", dt.date(2017, 7, 20)),
    ("وفي 3 تشرين الأول 2017 قتل", dt.date(2017, 10, 3)),
    ("في 3 تشرين الأول (أكتوبر) 2016 قتل", dt.date(2016, 10, 3)),
    ("وقع الهجوم في 5 جويلية 2015 بولاية القصرين", dt.date(2015, 7, 5)),
    ("بتاريخ 26/07/2015 أعلنت الوزارة", dt.date(2015, 7, 26)),
    ("في الأول من آب 2015 بدأ", dt.date(2015, 8, 1)),
])
def test_explicit_gregorian_dates_in_every_month_family(sentence, expected):
    _, expr, _, r = one(sentence)
    assert expr.kind == "explicit" and r.start == expected and r.precision == 1


def test_hijri_date_with_gregorian_twin_takes_the_gregorian():
    text, expr, meta, r = one("بغداد 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس أعلنت")
    assert text.startswith("26 شوال") and text.endswith("2015 م")
    assert r.start == dt.date(2015, 8, 11) and meta["hijri"] == (1436, 10, 26)


@pytest.mark.parametrize("sentence", [
    "للمرة الأولى منذ العام 2014",
    "وشهدت البلدة خلال الأشهر الماضية معارك",
    "وتشكل دير الزور منذ أسابيع مسرحاً لهجومين منفصلين",
    # a stretch of months (snn-okaz-c6d04b0cc5a7): the battle of Kobani, told as background
    "جراء المعركة التي دارت بين داعش ووحدات حماية الشعب الكردية السورية من سبتمبر إلى يناير الماضيين.",
    "وقتل المئات خلال شهري يونيو ويوليو الماضيين في المحافظة",
])
def test_background_spans_are_flagged(sentence):
    _, expr, meta, _ = one(sentence)
    assert meta["background"] is True and expr.background


def test_event_dates_are_not_background():
    _, _, meta, r = one("ارتفع عدد الغارات منذ صباح أمس في مدينة درعا", dt.date(2015, 7, 26))
    assert meta["background"] is False and r.start == dt.date(2015, 7, 25)


def test_the_seed_article_offsets_point_into_the_original_text():
    seed = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-mayadeen-afp.txt"
    if not seed.exists():
        pytest.skip("../shared not available")
    doc = Doc(seed.read_text(encoding="utf-8"), published=THU)
    find_dates(doc)
    for m in doc.mentions_of("date"):
        assert doc.text[m.start:m.end] == m.text
    kinds = [m.value.kind for m in doc.mentions_of("date")]
    assert kinds.count("weekday") == 3 and "window" in kinds and "background" in kinds


def test_no_publication_date_leaves_relative_dates_unresolved():
    _, expr, _, r = one("قتل 3 من أفراد الشرطة التركية أمس", None)
    assert expr.kind == "relative" and r is None


def test_today_followed_by_punctuation_and_the_next_day():
    assert dates("ما يريد الكاتب أن يقول في اليوم التالي.. هل تريد") == []


def test_closing_bracket_is_kept_only_when_opened():
    text, _, _, r = one("اعلن ترشحه في 15 حزيران/يونيو). دونالد ترامب", dt.date(2015, 7, 1))
    assert text == "15 حزيران/يونيو" and r.start == dt.date(2015, 6, 15)


def test_a_month_after_a_preposition_is_a_month_window():
    text, value, _, r = one("ودعا قاسم الريمي الزعيم الجديد لفرع القاعدة – والذي تولى القيادة بعد مقتل سلفه في ضربة "
                            "لطائرة امريكية بلا طيار في يونيو حزيران – إلى شن هجمات", dt.date(2015, 8, 5))
    assert value.kind == "month" and (r.start, r.end, r.precision) == (dt.date(2015, 6, 1), dt.date(2015, 6, 30), 3)


def test_a_bare_month_word_without_a_preposition_is_not_a_date():
    # مارس is also the verb "practised"
    assert dates("لكن من يعرف الملك سلمان جيداً، لا يستغرب هذا الأداء فقد مارس أكثر اشكال الإدارة تعقيداً",
                 dt.date(2015, 8, 5)) == []


def test_weekday_and_month_ranges_read_the_folded_preposition():
    # "إلى" and "حتى" fold to الي and حتي: a range of weekdays, and a month after حتى
    text, expr, _, _ = one("استمرت الاشتباكات من الخميس إلى السبت")
    assert text == "الخميس إلى السبت" and expr.weekday_end == 5
    text, expr, _, _ = one("وتستمر المهلة حتى يوليو")
    assert text == "يوليو" and expr.kind == "month"


@pytest.mark.parametrize("sentence, day", [
    # "منذ يوم أمس": since yesterday, not "some days ago" (corpus: a Tunisian hunger strike)
    ("بدأ شاب تونسي يدعى لطفي فريد إضراب جوع منذ يوم أمس الاثنين احتجاجا على منعه من التدريس",
     dt.date(2015, 11, 2)),
    ("وتتواصل الاشتباكات بين الطرفين منذ يوم الجمعة في ريف إدلب", dt.date(2015, 10, 30)),
])
def test_since_the_day_of_is_that_day(sentence, day):
    text, expr, meta, r = one(sentence, dt.date(2015, 11, 3))
    assert r.start == r.end == day and meta.get("since")


def test_a_season_before_a_year_dates_the_year():
    text, expr, _, r = one("وسيطر تنظيم داعش على مجمل محافظة دير الزور في صيف 2014 بما فيها مدينة البوكمال",
                           dt.date(2015, 7, 31))
    assert text == "صيف 2014" and expr.kind == "year" and r.start == dt.date(2014, 1, 1)
    _, expr, meta, _ = one("وكانت القوات قد انسحبت من المدينة في ربيع العام الماضي", dt.date(2015, 7, 31))
    assert meta.get("background")


@pytest.mark.parametrize("phrase, background", [("قبل عدة أشهر", True), ("منذ بضعة أشهر", True), ("قبل عدة أيام", False)])
def test_a_few_months_or_days_ago_without_a_number(phrase, background):
    text, expr, meta, _ = one(f"استولى عليه الحوثيون والقوات الموالية للمخلوع {phrase} وفق مصادر محلية",
                              dt.date(2015, 8, 8))
    assert text == phrase and bool(meta.get("background")) == background
