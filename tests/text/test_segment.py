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
