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


def test_presentation_form_ligature_expands_and_keeps_offsets():
    text = "ﻻ تراجع"  # lam-alef ligature, as some pages encode it
    n = normalise(text)
    assert n.text.startswith("لا ")
    assert n.orig_span(0, 2) == (0, 1)


def test_fast_and_per_character_paths_agree_on_diacritised_text():
    from marsad.text.normalise import _normalise_slow

    text = "وَقُتِلَ ثلاثةُ عناصرٍ من الشُّرطة في هجومٍ على حاجزٍ قرب العريش، بحسب مصدرٍ أمنيّ"
    fast, slow = normalise(text), _normalise_slow(text)
    assert fast.text == slow.text
    assert list(fast.to_orig) == list(slow.to_orig)


def test_character_classes_written_as_ranges_hold_exactly_their_characters():
    """The normaliser's regex classes are written with ranges for runs of code points; the class holds
    exactly the characters given, regex metacharacters included."""
    import re

    from marsad.text.normalise import _class

    chars = set("abcdez-]^\\[.") | set("ًٌٍَُِّْ") | {"\u0640", "\ufeff", "\U0001f600"}
    rx = re.compile("[" + _class(chars) + "]")
    sample = "".join(map(chr, range(0x0, 0x800))) + "\ufeff\ufefe\U0001f600\U0001f601"
    assert {c for c in sample if rx.fullmatch(c)} == chars
    assert _class("xcba") == "a-cx"  # a run of consecutive code points is one range
