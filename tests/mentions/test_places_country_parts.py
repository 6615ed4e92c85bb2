"""A compass word before a country names a part of it ("في شمال العراق"): an area at precision 3."""
from __future__ import annotations


def test_a_compass_word_before_a_country_names_its_part(places):
    # snn-aawsat-11ffdf777bb9 (abridged)
    found = places("قال الجيش التركي إن حزب العمال الكردستاني قتل ثلاثة جنود أتراك في هجوم بجنوب شرقي تركيا اليوم.")
    part = found["جنوب شرقي تركيا"]
    assert (part.place.kind, part.place.country_code, part.precision) == ("region", "TR", 3)
    assert part.place.id == "part:TR:south-east"


def test_the_north_of_a_country_lies_north_of_its_middle(places):
    north = places("شنت مقاتلات تركية غارات على مواقع حزب العمال الكردستاني في شمال العراق.")["شمال العراق"]
    centre = places("وقع هجوم على فندق في وسط العراق.")["وسط العراق"]
    assert north.place.lat > centre.place.lat + 1.5


def test_a_part_that_locates_the_town_before_it_stays_the_country(places):
    # snn-almadina-69cd79708f58, snn-3alyoum-931e886dd8ec
    found = places("قتل عسكري تركي قرب كيليس (جنوب تركيا) في صدام مسلح مع متطرفي داعش.")
    assert "جنوب تركيا" not in found and found["تركيا"].place.kind == "country"
    found = places("قتل 28 مدنيًا في قصف جوي لطائرات النظام على محافظة حلب شمالي سوريا اليوم.")
    assert "شمالي سوريا" not in found


def test_east_of_a_country_named_like_its_capital_is_not_read_as_a_part(places):
    # snn-alweeam-f64dd293906a: "شرق الكويت" may be east of Kuwait City
    found = places("وقع انفجار كبير ظهر اليوم بمسجد الإمام الصادق في منطقة الصوابر شرق الكويت.")
    assert not any(v.place.kind == "region" for v in found.values())
