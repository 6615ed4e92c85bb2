from marsad.doc import Doc
from marsad.text.segment import clitic_forms


def test_clitics_stack_conjunction_preposition_article():
    assert "الميادين" in clitic_forms("وبالميادين")
    assert "ميادين" in clitic_forms("وبالميادين")
    assert "التنظيم" in clitic_forms("للتنظيم")
    assert "القوات" in clitic_forms("فالقوات")
    # short words are not over-stripped
    assert clitic_forms("وصل") == ("وصل",)


def test_sentences_split_on_full_stops_and_lines_but_not_numbers():
    doc = Doc("قتل 3.5 شخص في الميادين. وتدور معارك طاحنة.\nبيروت: سيطرت قوات النظام")
    texts = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert texts == ["قتل 3.5 شخص في الميادين.", "وتدور معارك طاحنة.", "بيروت: سيطرت قوات النظام"]


def test_tokens_carry_original_offsets():
    text = "وتمكّنت قوات النظام من قطع الطرق"
    doc = Doc(text)
    first = doc.tokens[0]
    assert text[first.start:first.end] == "وتمكّنت"
    assert first.norm == "وتمكنت"


def test_lead_words_are_the_norms_of_the_tokens_that_start_before_the_limit():
    """The opening's words without building tokens: the same words as tokenise, cut on original offsets,
    also when diacritics and tatweel (dropped by normalising) shift the two texts apart."""
    from marsad.text.normalise import normalise
    from marsad.text.segment import lead_words, tokenise

    text = "قصفت الطائرات الحربيّة مدينة الرقـــة، وقُتل 12 مدنيا في حي المشلب"
    norm = normalise(text)
    for limit in (0, 1, 5, 20, 30, 31, 32, 40, len(text), 10_000):
        for most in (None, 0, 2, 100):
            expected = [t.norm for t in tokenise(norm)[:most] if t.start < limit]
            assert lead_words(norm, limit, most) == expected, (limit, most)
    assert lead_words(norm, text.index("مدينة")) == ["قصفت", "الطايرات", "الحربيه"]
    assert lead_words(norm, text.index("وقُتل") + 1, 6) == ["قصفت", "الطايرات", "الحربيه", "مدينه", "الرقه", "وقتل"]


def _by_the_map(text: str) -> list[tuple[int, int, str]]:
    """Tokens as the specification reads them: every run of word characters of the normalised text,
    mapped to the original through the offset map character by character."""
    import re

    from marsad.text.normalise import normalise

    norm = normalise(text)
    return [(norm.to_orig[m.start()], norm.to_orig[m.end() - 1] + 1, m.group())
            for m in re.finditer(r"[^\W_]+", norm.text)]


def test_token_offsets_with_few_and_many_dropped_marks():
    """A few harakat or a tatweel shift the words after them ('أيضاً', 'الـمدينة'); a fully vowelled
    text drops a mark in every word. Either way each token spans its word in the original text."""
    from marsad.text.normalise import normalise
    from marsad.text.segment import tokenise

    few = "وقال أيضاً إن الـمدينة شهدت قصفاً عنيفاً، وقُتل ثلاثة مدنيين"
    many = "وَقَالَ المُتَحَدِّثُ إِنَّ القُوَّاتِ دَخَلَتِ المَدِينَةَ " * 12
    for text in (few, many):
        tokens = tokenise(normalise(text))
        assert [(t.start, t.end, t.norm) for t in tokens] == _by_the_map(text)
    assert [few[t.start:t.end] for t in tokenise(normalise(few))][1:4] == ["أيضا", "إن", "الـمدينة"]


def test_words_of_any_script_split_as_the_unicode_word_class_says():
    """Arabic news text is split with a class spelled out over its blocks; a text with letters of other
    scripts (Devanagari, Chinese, mathematical letters) splits as ``[^\\W_]+`` says all the same."""
    from marsad.text.normalise import normalise
    from marsad.text.segment import tokenise

    for text in ("قال مودي (मोदी) في بكين 北京 إن 𝐀𝐁 ٣ قتلى_جرحى", "قصف على حلب، ومقتل 3 أشخاص"):
        assert [(t.start, t.end, t.norm) for t in tokenise(normalise(text))] == _by_the_map(text)


def test_words_are_the_norms_of_the_tokens():
    from marsad.text.normalise import normalise
    from marsad.text.segment import tokenise, words

    for text in ("قصفت الطائرات الحربيّة مدينة الرقـــة، وقُتل 12 مدنيا", "", "  ...  ", "ﻻ تقدم في Raqqa"):
        norm = normalise(text)
        assert words(norm) == [t.norm for t in tokenise(norm)]
    assert words(normalise("قوات النظام تسيطر")) == ["قوات", "النظام", "تسيطر"]


def test_form_cache_gives_the_clitic_forms_also_for_words_it_answers_without_peeling():
    from marsad.text.segment import _FormCache

    cache = _FormCache()
    for word in ("قصف", "مدينه", "وبالميادين", "للتنظيم", "فالقوات", "الرقه", "كتيبه", "بيروت", "ا", "", "isis"):
        assert cache[word] == (clitic_forms(word) if not word.isascii() else (word,)), word
    assert cache["قصف"] == ("قصف",) and cache["وبالميادين"][-1] == "ميادين"


def test_stems_are_the_last_clitic_forms_of_every_proclitic_stack():
    from itertools import product

    from marsad.text.segment import stems, word_forms

    # every stack of up to five proclitic letters before stems of every length that the rules test
    words = ["".join(p) + s for k in range(6) for p in product("وفبلكا", repeat=k)
             for s in ("", "ا", "ل", "و", "لا", "ال", "لل", "اب", "قصف", "الم", "لال", "ميادين", "Raqqa")]
    words = [w for w in dict.fromkeys(words) if w]
    assert stems(words) == [word_forms(w)[-1] for w in words]
    assert stems(["وبالميادين", "للتنظيم", "قصف"]) == ["ميادين", "تنظيم", "قصف"]
    assert stems([]) == []
