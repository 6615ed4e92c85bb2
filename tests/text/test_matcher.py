from marsad.doc import Doc
from marsad.text.matcher import PhraseMatcher


def test_longest_match_with_clitics_on_the_first_word():
    matcher = PhraseMatcher([("قوات النظام", "SYR"), ("قوات", "generic"), ("الميادين", "MAY"),
                             ("تنظيم الدولة الإسلامية", "IS")])
    doc = Doc("وقوات النظام تتقدم داخل الميادين، أحد آخر معاقل تنظيم الدولة الاسلامية وبالميادين")
    found = [(m.payload, doc.text[m.start:m.end]) for m in doc.match(matcher)]
    assert found == [("SYR", "قوات النظام"), ("MAY", "الميادين"), ("IS", "تنظيم الدولة الاسلامية"),
                     ("MAY", "الميادين")]


def test_matches_never_cross_sentences():
    matcher = PhraseMatcher([("دير الزور", "DEZ")])
    doc = Doc("وصلت التعزيزات إلى دير.\nالزور مدينة")
    assert list(doc.match(matcher)) == []


def test_offsets_skip_a_diacritised_proclitic():
    matcher = PhraseMatcher([("الميادين", "MAY")])
    doc = Doc("وَبِالميادين")
    (m,) = doc.match(matcher)
    assert doc.text[m.start:m.end] == "الميادين"
