"""A control statement is a claim only in a sentence the status model judges an event report
(the full pipeline: relevance, rules, status; marsad.models.gate.judge_statements)."""
import datetime as dt

import marsad
from marsad.doc import Doc
from marsad.pipeline import RULE_STAGES, run


def control(text: str, published: str):
    return [(c.actor, c.place_ar) for c in marsad.extract_doc(text, published=published).layers["control"]]


def test_a_statement_needs_a_sentence_judged_an_event_report():
    # a visit to the Houthis' capital is no event report: the article is relevant (its air strike is), the
    # control clause of the visit sentence gives no claim
    assert control("قتل 12 مدنيا في غارة جوية شنتها طائرات التحالف على سوق في مدينة صعدة أمس. ووصل بيتر ماور الى "
                   "صنعاء التي يسيطر عليها المتمردون الحوثيون الذين استقبلوه في المطار.", "2015-08-09") == []
    # an event report carries its statement, with the status model's probability for the sentence
    doc = marsad.extract_doc("اعتصم العشرات من الأطباء والممرضين العاملين في المستشفى العسكري بمدينة الحديدة الواقعة "
                             "غرب اليمن والخاضعة لسيطرة الحوثيين، أمس، أمام مبنى المحافظة.", published="2015-08-02")
    (st,) = doc.layers["control"]
    assert st.sentence_p is not None and st.sentence_p >= doc.layers["sentence_status"][0].threshold


def test_the_rules_alone_keep_statements_unjudged():
    doc = run(Doc("ووصل بيتر ماور الى صنعاء التي يسيطر عليها المتمردون الحوثيون الذين استقبلوه في المطار.",
                  published=dt.date(2015, 8, 9)), RULE_STAGES)
    assert [(c.actor, c.place_ar, c.sentence_p) for c in doc.layers["control"]] == [("Houthi Movement", "صنعاء", None)]

