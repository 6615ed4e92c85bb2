"""The relevance model's fast path scores an article exactly as its features and vector do."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.models.features import LEAD_CHARS, article_input, lead_tokens
from marsad.models.relevance import article_raw, article_words
from marsad.models.linear import WordWeights, load_models

LEAD = ("سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء على الأقل من مدينة الميادين التي تعد أحد آخر "
        "أبرز معاقل تنظيم الدولة الاسلامية في سوريا، وفق ما ذكر المرصد السوري لحقوق الانسان. ")
OTHER = "فاز الفريق الأهلي على ضيفه الزمالك بهدفين نظيفين في المباراة التي جرت مساء الجمعة على ملعب القاهرة."


@pytest.mark.parametrize("text, title", [
    (LEAD, "قوات النظام تسيطر على أحياء في الميادين"),  # a short article: the lead is the whole text
    (LEAD * 12, "قوات النظام تسيطر على أحياء في الميادين"),  # a long one: only an opening is read
    (OTHER * 9, None),  # no title
    ("وقُتل 12 مدنيّاً في قصفٍ للطائرات الحربيّة على الرقـــة", ""),  # marks and tatweel dropped
])
def test_article_raw_is_the_raw_score_of_the_articles_features(text: str, title: str | None) -> None:
    model = load_models().relevance
    for segmented in (False, True):
        doc = Doc(text, title=title)
        if segmented:
            assert doc.tokens
        raw = article_raw(doc, model)
        assert raw == model.raw(*article_input(Doc(text, title=title)))  # the same float, not merely close
    title_words, lead = article_words(Doc(text, title=title))
    assert lead == [t.norm for t in lead_tokens(Doc(text))]
    assert all(len(w) > 0 for w in title_words)


def test_a_long_article_is_scored_from_its_lead_without_segmenting_it():
    doc = Doc(LEAD * 12)
    _, lead = article_words(doc)
    assert not doc.is_segmented
    assert lead and lead[-1] in LEAD and len(" ".join(lead)) < LEAD_CHARS + 50


def test_word_weights_split_the_features_by_kind():
    ww = WordWeights.of({"s:وقصفت": 1.0, "w:قصف": 2.0, "b:قصف طيران": 3.0, "b:odd": 4.0, "cue:attack": 5.0})
    assert ww.surface == {"وقصفت": 1.0}
    assert ww.stem == {"قصف": 2.0}
    assert ww.bigram == {("قصف", "طيران"): 3.0}


def test_the_first_articles_are_scored_by_their_features_the_later_ones_by_their_words():
    from marsad.models.linear import LinearModel
    from marsad.models.relevance import WARM_UP_ARTICLES, article_score

    shipped = load_models().relevance
    model = LinearModel(shipped.name, shipped.classes, shipped.vocab, shipped.weights, shipped.intercept,
                        shipped.calibration, shipped.threshold)
    texts = [(LEAD, "قوات النظام تسيطر على أحياء في الميادين"), (OTHER * 9, None)]
    first = [article_score(Doc(t, title=h), model) for t, h in texts]
    for _ in range(WARM_UP_ARTICLES - len(texts)):
        article_score(Doc(OTHER), model)
    assert "_relevance_entries" not in model.__dict__  # no table built yet
    assert [article_score(Doc(t, title=h), model) for t, h in texts] == first
    assert "_relevance_entries" in model.__dict__
    assert first[0].relevant and not first[1].relevant


def test_a_full_word_table_scores_the_same(monkeypatch):
    """Once the word table is full (``_ENTRIES_MAX``: ~12,000 corpus articles), an article's new words are
    scored from entries computed for it alone: the same float as from the table."""
    from marsad.models import relevance
    from marsad.models.linear import LinearModel

    shipped = load_models().relevance
    texts = [(LEAD, "قوات النظام تسيطر على أحياء في الميادين"), (OTHER * 9, None), (LEAD * 12, ""), (OTHER + LEAD, "x")]
    raws = []
    for limit in (100_000, 40, 0):
        monkeypatch.setattr(relevance, "_ENTRIES_MAX", limit)
        model = LinearModel(shipped.name, shipped.classes, shipped.vocab, shipped.weights, shipped.intercept,
                            shipped.calibration, shipped.threshold)
        raws.append([article_raw(Doc(t, title=h), model) for t, h in texts * 2])
        assert len(model.__dict__["_relevance_entries"]) <= limit
    assert raws[0] == raws[1] == raws[2]
    assert raws[0][:4] == [model.raw(*article_input(Doc(t, title=h))) for t, h in texts]
