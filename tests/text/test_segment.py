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
