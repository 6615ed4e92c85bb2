from marsad.text.normalise import fold, normalise


def test_fold_spelling_variants_of_idlib_and_mayadeen():
    assert fold("إدلب") == fold("ادلب")
    assert fold("الميادينَ") == fold("الميادين")
    assert fold("مكتبةٌ") == fold("مكتبه")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("مسؤول") == fold("مسوول")


def test_tatweel_diacritics_and_eastern_digits_are_folded():
    assert fold("إدلـــب") == "ادلب"
    assert fold("قُتِلَ ١٢ شخصاً") == "قتل 12 شخصا"


def test_offset_map_points_back_to_the_original_text():
    text = "سيطرت قوّاتُ النظام على ١٢ حيّاً"
    n = normalise(text)
    i = n.text.index("قوات")
    start, end = n.orig_span(i, i + len("قوات"))
    assert text[start:end] == "قوّاتُ"[:-1] or text[start:end].startswith("قوّات")
    j = n.text.index("12")
    s2, e2 = n.orig_span(j, j + 2)
    assert text[s2:e2] == "١٢"
