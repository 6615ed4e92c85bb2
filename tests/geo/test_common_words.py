"""Common words stay words: real corpus sentences (none from the dev articles) where a gazetteer
name is an ordinary word (زخم "momentum", دوماً "always", الميادين "the squares", نادي برشلونة, حكومة
بغداد ...) give no place there, and sentences where the same or similar names are places still find
them, in the right country. ``place_word_sentences.jsonl`` holds both sets; each word entry is a
name the gazetteer really has, so the test can fail."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.doc import Doc
from marsad.geo.gazetteer import load_gazetteer
from marsad.mentions.places import find_places, place_index
from marsad.text.segment import clitic_forms
from marsad.text.normalise import fold

CASES = [json.loads(line) for line in (Path(__file__).parent / "place_word_sentences.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
WORDS = [c for c in CASES if c["kind"] == "word"]
PLACES = [c for c in CASES if c["kind"] == "place"]
WORD_RATE_MAX = 0.05  # false places allowed on the word set
PLACE_RATE_MIN = 0.9


def places_in(sentence: str):
    doc = Doc(sentence)
    find_places(doc)
    return doc.mentions_of("place")


def false_place(case: dict):
    start = case["sentence"].index(case["word"])
    end = start + len(case["word"])
    return next((m for m in places_in(case["sentence"]) if m.start < end and start < m.end), None)


def found_place(case: dict):
    start = case["sentence"].index(case["place"])
    end = start + len(case["place"])
    return next((m for m in places_in(case["sentence"]) if m.start < end and start < m.end
                 and m.value.place.country_code == case["country"]), None)


def test_the_sets_are_big_enough_and_from_outside_dev():
    assert len(WORDS) >= 40 and len(PLACES) >= 15
    assert all(not c["article"].startswith(("seed-",)) for c in CASES)


@pytest.mark.parametrize("case", WORDS, ids=[c["word"] for c in WORDS])
def test_each_word_is_a_gazetteer_name(case):
    """Every word of the set can be matched as a place name, or follows a town word (مدينة ذكية) where
    an unknown name would be taken as a village (else the test would prove nothing)."""
    keys = set(place_index().gaz.keys())
    forms = set(clitic_forms(fold(case["word"])))
    after_cue = re.findall(r"\w+", case["sentence"][:case["sentence"].index(case["word"])])[-1:] in (
        ["مدينة"], ["بلدة"], ["قرية"])
    assert after_cue or forms & keys or any(k.startswith(f + " ") for f in forms for k in keys if k[:2] == f[:2]), \
        case["word"]


def test_ordinary_words_give_no_place():
    wrong = [(c["word"], m.value.place.name_en, m.value.reasons[:2]) for c in WORDS if (m := false_place(c))]
    rate = len(wrong) / len(WORDS)
    assert rate <= WORD_RATE_MAX, f"{len(wrong)}/{len(WORDS)} words read as places: {wrong}"


def test_the_same_kind_of_names_are_still_places():
    missed = [(c["place"], c["country"]) for c in PLACES if not found_place(c)]
    assert 1 - len(missed) / len(PLACES) >= PLACE_RATE_MIN, f"missed: {missed}"


@pytest.mark.parametrize("text, word", [
    ("ولم تتمكن حكومة بغداد من تصدير النفط بسبب الوضع الأمني في المنطقة.", "بغداد"),
    ("بدأ نادي برشلونة الأسباني اليوم الاثنين جولته الخارجية في الولايات المتحدة الأمريكية.", "برشلونة"),
    ("ووفقاً لصحيفة ديلي ميل البريطانية، فإن الطائرة تعود إلى عائلة بن لادن السعودية.", "ديلي"),
    # a parliament named by its seat (ant-JA-internationalNews-12-20170120)
    ("وقال مسؤول تابع للحكومة المؤقتة المنبثقة عن مجلس نواب طبرق لوكالة الأناضول إن السيارة انفجرت", "طبرق"),
    # a capital as the subject of a verb of saying or attributing is its government
    ("بعد 3 ايام على هجوم انتحاري دامٍ نسبته انقرة الى التنظيم المتطرف واستهدف ناشطين", "انقرة"),  # snn-almadina-69cd79708f58
    ("وقالت واشنطن يوم الثلاثاء إن هناك مؤشرات على أن مقاتلين من المعارضة اعتقلوا", "واشنطن"),  # snn-alyaum-a4bdb215e07e
    ("وأعلنت واشنطن وأنقرة هذا الأسبوع عزمهما توفير غطاء جوي لمقاتلي المعارضة السورية", "واشنطن"),  # snn-aljazirah-1d54782fe9c5
    ("كما ايدت واشنطن حق حليفتها في الحلف الاطلسي بقصف حزب العمال الكردستاني", "واشنطن"),  # snn-3alyoum-050b22bf5aff
    # a tribe named like a town (snn-okaz-b7edde3a6b92), a road's entrance (snn-alweeam-7ec0a07ef694)
    ("قال الشيخ سلطان بن منيف شيخ شمل قبائل جشم يام إن استهداف المصلين عمل إجرامي", "جشم"),
    ("وحققت قوات المقاومة الشعبية والجيش تقدما عند المدخل الغربي للمدينة الخضراء", "المدخل"),
])
def test_person_organisation_and_adverb_context_blocks_a_place(text, word):
    assert not any(m.text == word for m in places_in(text))


def test_a_capital_after_a_verb_that_takes_a_place_is_still_a_place():
    assert [m.value.place.country_code for m in places_in("وقال مسؤول في أنقرة إن الطائرات قصفت مواقع التنظيم")] == ["TR"]
    assert [m.value.place.country_code for m in places_in("وصل وزير الخارجية إلى واشنطن أمس")] == ["US"]


def test_a_name_the_corpus_never_writes_as_a_place_needs_a_place_word():
    # ant-JA-localNews-2323-20170306: "بلومه" is "by blaming" (لوم), not Lomé
    text = "فقد تدخّل أحد المواطنين الذي كان مرفوقا بإحدى قريباته بلومه لهذين الشخصين على تصرّفاتهما"
    assert places_in(text) == []


def test_usage_statistics_are_fresh_for_the_gazetteer_and_context_words():
    import hashlib

    from marsad.geo.gazetteer import ARTEFACT
    from marsad.mentions.places import place_context

    meta = load_gazetteer().usage_meta
    assert meta["gazetteer"] == hashlib.sha256(ARTEFACT.read_bytes()).hexdigest(), \
        "place-usage statistics are stale: run python scripts/build_gazetteer.py --usage-only"
    assert meta["context"] == place_context().locative_digest(), \
        "the locative word lists of places_context.yaml changed: run python scripts/build_gazetteer.py --usage-only"
    assert meta["articles"] > 30000


def test_usage_separates_places_from_words():
    gaz = load_gazetteer()
    share = {k: (loc + 1) / (n + 3) for k in ("حلب", "الرقه", "زخم", "ربك") for n, loc, _ in [gaz.usage_of(k)]}
    assert share["حلب"] > 0.3 and share["الرقه"] > 0.3
    assert share["زخم"] < 0.05 and share["ربك"] < 0.05


@pytest.mark.parametrize("text, word", [
    # "in the precincts of the mosque" (snn-was-71ad717101fe), not the Yemeni village Riḩāb
    ("باستهدافهم إخواننا وأبنائنا رجال أمن الطوارئ وهم يؤدون الصلاة في رحاب المسجد.", "رحاب"),
    # Nigeria's president Buhari (snn-aawsat-32fca641a7bc), not Bukhara
    ("ويواجه بخاري، الذي وضع في مقدم أولوياته التصدي لمتمردي جماعة «بوكو حرام»، موجة من أعمال العنف", "بخاري"),
    # the valley by al-Anad (snn-aawsat-15687ed54a8b), not El Oued (Algeria) or the Yemeni village al-Wadi
    ("بعد معارك عنيفة تمكنت خلالها المقاومة من السيطرة على الوادي وكذا التلال الجبلية المطلة على القاعدة.", "الوادي"),
    # the tell just named (snn-alyaum-37673ed3930b), not the town At Tall near Damascus
    ('حيث استهدفت قوات المعارضة بالمدفعية الثقيلة منطقة "تل القرقور" تمهيداً للاقتحام، وتبع ذلك دخول انغماسيين من '
     '"جيش الفتح" إلى عمق مناطق تواجد قوات النظام، لتسيطر المعارضة على التل وقرية "قرقور" بعد ساعتين', "التل"),
])
def test_generic_nouns_named_like_places_need_a_place_word(text, word):
    assert not any(m.text == word for m in places_in(text))


@pytest.mark.parametrize("name, place_id", [("الوادي", "geonames:2497406"), ("التل", "geonames:172349")])
def test_those_places_keep_their_names_after_a_place_word(name, place_id):
    """The names stay in the gazetteer, weak: "ولاية الوادي" is still El Oued."""
    gaz = load_gazetteer()
    cands = gaz.lookup_key(fold(name))
    assert place_id in {p.id for p in cands} and all(gaz.is_weak(fold(name), p) for p in cands)
