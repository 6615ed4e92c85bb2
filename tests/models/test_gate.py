"""Events only where the news tells one: sentences that mention violence without reporting a specific
recent event give no event; reports still do. Real corpus sentences (none from the dev articles)."""
from __future__ import annotations

import pytest

import marsad

NOT_EVENTS = {
    "past": [
        "وفي عام 2013 قتل أربعة مسلحين من حركة الشباب 67 شخصا على الأقل في هجوم على مركز «ويست غيت» في العاصمة نيروبي.",
        "- عام 2004 تفجير إرهابي بسيارة مفخخة يقودها انتحاري استهدف مبنى وزارة الداخلية، وتزامن في الوقت نفسه تفجير سيارة مفخخة يقودها انتحاري استهدفت مبنى قوات الطوارئ شرق العاصمة الرياض.",
    ],
    "future": [
        "وأشار الكاتب إلى أن الولايات المتحدة حذرت نظام الرئيس السوري بشار الأسد من أنها ستقوم بصد أي هجوم يستهدف أي قوات تتجمع لمواجهة داعش.",
        "إسرائيل من أكثر الدول التي تهدد بهجوم عسكري ضد طهران، بالمقابل نفس اللغة يطلقها المتنفذون في السلطة الإيرانية ضد إسرائيل.",
    ],
    "negated": [
        "الى ذلك نفى الجيش التركي امس مزاعم بأنه قصف مدنيين في قرية زركله بشمالي العراق خلال ضربات جوية هناك.",
        "هذا ونفى ذات المصدر خبر تعرض المغازة الى هجوم مسلح.",
    ],
    "general": [
        "وأنفقت الصين نحو 480 مليار دولار على خطط إصلاح التأمين الصحي منذ عام 2009، لكنها تواجه مشكلات مثل قلة أعداد الأطباء، وهجوم المرضى على الطاقم الطبي.",
    ],
    "figurative": [
        "أكد رئيس الحكومة يوسف الشاهد أن حكومته ستخوض الحرب على الفساد إلى نهايتها دون هوادة.",
        "لكن فينجر نفى تنازله عن فكره الهجومي بعد أن أحبط الكثير من جماهير آرسنال لسنوات.",
        "وأوضح منظمو المعرض أن ما يزيد على 70 في المائة من السيارات المعروضة هذا العام تم تسعيرها بأقل من أسعار السوق، ما يشير إلى حرب الأسعار.",
    ],
}


@pytest.mark.parametrize("kind,sentence", [(k, s) for k, ss in NOT_EVENTS.items() for s in ss])
def test_sentence_that_reports_no_recent_event_gives_none(kind: str, sentence: str) -> None:
    assert marsad.extract(sentence, published="2015-08-05") == [], kind


def test_a_report_still_gives_its_event_with_a_calibrated_confidence() -> None:
    text = ("قتل اليوم القيادي ابو يحي الحوثي في منطقة العلم بعدن، بعد هجوم كاسح للمقاومة الشعبية اليمنية.")
    events = marsad.extract(text, published="2015-08-01")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)


def test_explain_carries_the_scores_behind_an_event() -> None:
    from marsad.models.gate import explained

    doc = marsad.extract_doc("شنت طائرات التحالف غارات على مواقع للحوثيين في صعدة أمس، ما أدى إلى مقتل خمسة مسلحين.",
                             published="2015-08-05")
    assert doc.events
    why = explained(doc, doc.events[0])["explain"]
    assert why["relevance"] is not None and why["sentence"] >= doc.layers["sentence_status"][0].threshold


def test_an_article_judged_not_relevant_stops_before_the_lexicons() -> None:
    doc = marsad.extract_doc("حقق مانشستر يونايتد بداية صعبة في سعيه لاستعادة لقب الدوري الانكليزي لكرة القدم "
                             "بعد فوزه على ضيفه توتنهام 1-صفر أمس في افتتاح المرحلة الاولى.", published="2015-08-09")
    assert not doc.layers["relevance"].relevant and doc.layers["stop"]
    assert doc.events == [] and doc.mentions == []
