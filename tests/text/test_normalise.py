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


def test_offset_map_built_from_dropped_marks_reads_like_the_per_character_one():
    """With only marks dropped, the map is kept as where they were dropped (``ShiftedOffsets``): every
    way of reading it (an offset, a negative one, a slice, iteration, bisection) gives what the map built
    character by character gives."""
    from bisect import bisect_left

    import pytest

    from marsad.text.normalise import ShiftedOffsets, _normalise_slow

    text = "قالَ مصدرٌ إنّ الـقصفَ استهدفَ حيّاً في ٢٠ مدينةً"
    fast, slow = normalise(text), _normalise_slow(text)
    assert isinstance(fast.to_orig, ShiftedOffsets)
    expected = list(slow.to_orig)
    assert [fast.to_orig[i] for i in range(len(fast.text))] == expected == list(fast.to_orig)
    assert fast.to_orig[-1] == expected[-1] and fast.to_orig[3:9] == expected[3:9]
    assert fast.to_orig == expected and len(fast.to_orig) == len(fast.text)
    assert [bisect_left(fast.to_orig, k) for k in range(len(text))] == [bisect_left(expected, k) for k in range(len(text))]
    offsets = range(-2, len(text) + 3)
    assert [fast.to_orig.bisect_left(k) for k in offsets] == [bisect_left(expected, k) for k in offsets]
    with pytest.raises(IndexError):
        fast.to_orig[len(fast.text)]
    assert normalise("قصف على حلب").to_orig == range(len("قصف على حلب"))  # nothing dropped: the identity


def test_fold_remembers_short_texts_only():
    """The stages fold the same words again and again: a short text's folded form is remembered (the
    same answer), a long one is folded each time, so memory stays bounded."""
    from marsad.text import normalise as nm

    word, long_text = "المُقاوَمة", "قصفت الطائرات الحربية " * 10
    assert fold(word) == fold(word) == "المقاومه" and nm._FOLDED[word] == "المقاومه"
    assert fold(long_text) == nm._fold(long_text) == ("قصفت الطايرات الحربيه " * 10).strip()
    assert long_text not in nm._FOLDED
