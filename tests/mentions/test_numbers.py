"""Numbers in real news sentences (short quotes from ../shared/corpus and GUIDELINES.md)."""
import datetime as dt

import pytest

from marsad.doc import Doc
from marsad.mentions.numbers import dual_noun, find_numbers


def numbers(text: str):
    doc = Doc(text, published=dt.date(2017, 10, 12))
    find_numbers(doc)
    return doc.mentions_of("number")


def counts(text: str):
    return [(m.value, m.meta["qualifier"]) for m in numbers(text) if m.meta["role"] == "count"]


@pytest.mark.parametrize("sentence, value", [
    ("لقي 6 أشخاص مصرعهم في الانفجار", 6),
    ("لقي ٦ أشخاص مصرعهم في الانفجار", 6),
    ("مقتل ثلاثة عناصر من الشرطة", 3),
    ("مقتل ثلاث نساء في القصف", 3),
    ("قتل عشرون شخصا", 20),
    ("اشتباكات خلفت 13 قتيلا من المتمردين", 13),
    ("قتل واحد وعشرين مدنيا", 21),
    ("قضى ثلاثة عشر مدنيا", 13),
    ("قتل مئة وخمسون شخصا", 150),
    ("نزح ثلاثة آلاف شخص", 3000),
    ("نزح 3 آلاف شخص", 3000),
])
def test_plain_counts(sentence, value):
    assert counts(sentence) == [(value, None)]


@pytest.mark.parametrize("sentence, value, qualifier", [
    ("نحو عشرين قتيلا", 20, "about"),
    ("استقدم التنظيم نحو ألف مقاتل", 1000, "about"),
    ("قرابة مائة شخص", 100, "about"),
    ("قوات النظام استهدفت البلدتين بأكثر من 1400 قذيفة", 1400, "more_than"),
    ("نفذ الطيران الحربي ما لا يقل عن 6 غارات", 6, "at_least"),
    ("مقتل 5 أشخاص على الأقل", 5, "at_least"),
    ("حوالي 3 آلاف متظاهر", 3000, "about"),
])
def test_qualified_counts(sentence, value, qualifier):
    (m,) = numbers(sentence)
    assert (m.value, m.meta["qualifier"], m.meta["approx"]) == (value, qualifier, True)


@pytest.mark.parametrize("sentence, value", [
    ("لقي عشرات الأشخاص مصرعهم في هجوم بسيارة مفخخة", 10),
    ("استهدفت العشرات من البراميل المتفجرة", 10),
    ("اعتقل مئات المحتجين", 100),
    ("خرج آلاف المتظاهرين", 1000),
    ("نزح عشرات الآلاف من السكان", 10000),
])
def test_vague_amounts_take_the_low_end(sentence, value):
    (m,) = numbers(sentence)
    assert m.value == value and m.meta["vague"] and m.meta["approx"]


@pytest.mark.parametrize("sentence, noun", [
    ("شخصين قتلا , بينما أصيب سبعة آخرون", "شخص"),
    ("مقتل جنديين في هجوم", "جندي"),
    ("مقتل عسكريين اثنين في الهجوم", "عسكري"),
    ("عثرت الشرطة على جثتين", "جثه"),
])
def test_the_dual_counts_two(sentence, noun):
    m = numbers(sentence)[0]
    assert (m.value, m.meta["form"], m.meta["noun"]) == (2, "dual", noun)


def test_sound_plural_alone_is_not_a_dual():
    assert all(m.meta["form"] != "dual" for m in numbers("قتل عسكريين في الهجوم"))


def test_dual_noun_helper():
    doc = Doc("مقتل جنديين وعسكريين اثنين ومدنيين")
    t = doc.tokens
    assert dual_noun(t[1]) == "جندي"
    assert dual_noun(t[2], t[3]) == "عسكري"
    assert dual_noun(t[4]) is None


def test_one_of_and_implicit_singulars():
    (m,) = numbers("مقتل أحد العناصر في الكمين")
    assert (m.value, m.meta["form"]) == (1, "one_of")
    assert [m.value for m in numbers("قتل جندي تركي وآخر من تنظيم داعش")] == [2]
    assert [m.value for m in numbers("أدى إلى مقتل شخص وإصابة ستة آخرين")] == [1, 6]
    assert [m.value for m in numbers("ولقي مدرس وزوجته مصرعهما")][-1] == 2


def test_years_times_and_measures_are_not_counts():
    roles = {m.text: m.meta["role"] for m in numbers("وفي 2015 على بعد ثمانين كيلومتراً الساعة 10 وبنسبة 20%")}
    # "وفي 2015" is a date mention (no number is left there), or a number in the role of a year
    assert roles.pop("2015", "year") == "year"
    assert roles == {"ثمانين": "measure", "10": "time", "20": "percent"}


def test_digits_inside_date_expressions_are_skipped():
    assert counts("في 20 يوليو قتل 25 من الطلبة") == [(25, None)]
    assert numbers("منذ العام 2014") == []
    assert numbers("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م") == []


def test_thousands_separator_and_offsets():
    ms = numbers("قتل ١٢ مدنيا و1,400 آخرين")
    assert [(m.value, m.text) for m in ms] == [(12, "١٢"), (1400, "1,400")]


def test_weekday_names_are_not_numbers():
    assert numbers("قبل أن يبعدها التنظيم الأحد ويوم الاثنين") == []


def test_nobody_and_phone_numbers_are_not_counts():
    assert numbers("ثق لا أحد يجهل التقنية") == []
    assert [m.meta["role"] for m in numbers("سليمان 0505408146")] == ["code"]


def test_a_number_in_a_street_name_is_no_count():
    # "شارع الستين" is Sixty Street in Taiz: the dead of the battle there are not sixty
    doc = Doc("وذكر المصدر أن قتلى من الحوثيين سقطوا في معارك عنيفة اندلعت في شارع الستين بمدينة تعز")
    find_numbers(doc)
    assert [(m.value, m.meta["role"]) for m in doc.mentions if m.kind == "number"] == [(60, "name")]
