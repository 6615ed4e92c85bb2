"""The proposal step: one event for a sure article whose event the cue lexicon does not catch."""
from __future__ import annotations

import dataclasses

import marsad
from marsad.models import load_models
from marsad.models.linear import ModelBundle
from marsad.models.propose import proposal_sentences, propose, proposed_event

# A reaction that tells the bombing's place and day (coders code it: see ../shared/train/README.md);
# the rules read "أدانت" as a reaction and write nothing.
CONDEMNATION = dict(
    title="الخارجية الأمريكية تدين التفجير الإرهابي بعسير",
    text=("أدانت وزارة الخارجية الأمريكية التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها أمس وأسفر عن "
          "استشهاد وإصابة عدد من قوات الأمن والعاملين.\nوقال المتحدث باسم وزارة الخارجية الأمريكية مارك تونر "
          "في الإيجاز الصحفي اليومي: إن الولايات المتحدة الأمريكية تستنكر هذا العمل الإجرامي، معربة عن خالص "
          "التعازي وصادق المواساة لأسر الضحايا و ذويهم."),
    published="2015-08-07",
)


def _doc(**article):
    return marsad.extract_doc(article["text"], article["published"], title=article["title"])


def test_a_sure_article_without_rule_events_gets_one_proposed_event():
    doc = _doc(**CONDEMNATION)
    (ev,) = doc.events
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.location == "Abha" and ev.event_date == "2015-08-06"
    assert ev.evidence[0].text.startswith("أدانت وزارة الخارجية")
    why = doc.layers["scores"][id(ev)]
    assert "proposed" in why.reason and 0 < ev.confidence < 1


def test_an_article_judged_not_relevant_gets_nothing():
    doc = _doc(title="«اليونايتد» يتغلب على توتنهام في افتتاح ال«برميرليغ»",
               text="تغلب مانشستر يونايتد على ضيفه توتنهام هوتسبير بهدف دون رد في افتتاح الدوري الإنجليزي الممتاز "
                    "لكرة القدم أمس السبت على ملعب أولد ترافورد.",
               published="2015-08-09")
    assert doc.events == []


def test_a_model_folder_without_proposal_thresholds_proposes_nothing():
    models = load_models()
    bare = dataclasses.replace(models.status, meta={k: v for k, v in models.status.meta.items()
                                                    if not k.startswith("propose_")})
    doc = _doc(**CONDEMNATION)
    assert propose(doc, doc.layers["relevance"], ModelBundle(models.folder, models.relevance, bare,
                                                             models.subtype, models.confidence)) is None


def test_a_road_accident_told_in_the_opening_gets_no_proposed_event():
    # ant-JA-society-1026-20170609 (corpus, outside dev/train): the toll of a bus crash, no violence
    doc = _doc(title="4 قتلى و 19 جريحا في حادث بئر علي بن خليفة (حصيلة جديدة)",
               text=("أعلنت وزارة الداخلية في بلاغ لها ارتفاع حصيلة حادث المرور الذي جد ظهر اليوم بمنطقة سيدي "
                     "الظاهر بمعتمدية بئر علي بن خليفة من ولاية صفاقس إلى 19 جريحا.\nوتتمثل صورة الحادث في "
                     "إصطدام حافلة تابعة للشركة الوطنية للنقل بين المدن كانت متجهة نحو تونس و قادمة من جربة "
                     "بسيارة خفيفة.\nوكان الحادث قد أسفر في حصيلة أولية عن وفاة 4 أشخاص (03 من ركاب الحافلة وسائق "
                     "السيارة) وإصابة 15 آخرين بجروح متفاوتة الخطورة."),
               published="2017-06-09")
    assert doc.events == []


def test_no_proposed_event_without_any_side_named():
    # ant-JA-localNews-4580-20160211 (corpus, outside dev/train): a camp found empty; "مكسر" (broken)
    # also reads as a village; the sentence model likes the combat words, but nobody fought
    doc = _doc(title="حبوب منع حمل وبقايا شعر لحية في مخيم تحصنت به عناصر إرهابية بجبل المغيلة",
               text=("وقد تم العثور، وفق ذات البلاغ، على مواضع قتالية محصنة، مؤونة، كمية كبيرة من بقايا شعر لحية، "
                     "هاتف جوال مكسر، منظار بندقية، أدوية ومعدات طبية تمت سرقتها من مستوصف السبية."),
               published="2016-02-11")
    assert doc.events == []


# snn-aawsat-f1326fd47fd3 (corpus, outside dev/train): the surest sentence (the spokesman's toll) names
# no place; the one before it gives the city
ABHA = dict(
    title="طوارئ سعودية قديمة",
    text=("ليست المرة الأولى التي يهاجم فيها القتلة الإرهابيون قوات الطوارئ السعودية التابعة لوزارة الداخلية، "
          "كما أنها ليست المرة الأولى التي يهتك فيها القتلة الإرهابيون حرمة المساجد والجوامع.\n"
          "أمس فجر مجرم داعشي نفسه في المصلين بمسجد تابع لقوات الطوارئ في مدينة أبها جنوب السعودية.\n"
          "حسب المتحدث باسم الداخلية السعودية اللواء منصور التركي فإنه وأثناء أداء صلاة الظهر بمسجد تابع لقوات "
          "الطوارئ حدث تفجير نتج «عنه (استشهاد) عشرة من منسوبي القوات، إضافة إلى ثلاثة من العاملين في الموقع، "
          "وإصابة تسعة آخرين»."),
    published="2015-08-07",
)


def test_a_sure_sentence_that_gives_no_event_leaves_the_next_sure_one_its_chance():
    doc = _doc(**ABHA)
    models = load_models()
    read = proposal_sentences(doc, doc.layers["relevance"], models)
    assert [i for _, i, _ in read][:2] == [2, 1]  # surest first
    assert proposed_event(doc, doc.layers["relevance"], models, *read[0]) is None  # no place named
    (ev,) = doc.events
    assert ev.location == "Abha" and ev.evidence[0].text.startswith("أمس فجر")


def test_the_training_replays_the_proposal_order_under_stricter_thresholds():
    from marsad.models.train import proposal_writes

    strict = {"propose_relevance": 0.8, "propose_sentence": 0.7, "propose_subtype": 0.5}
    # the surest sentence gives no event; the next one does, and passes the floor
    read = (0.9, [(0.95, 0.9, False, False), (0.75, 0.6, True, True)])
    assert proposal_writes(read, strict)
    # the next one's sub-type is too unsure under these thresholds: nothing
    assert not proposal_writes((0.9, [(0.95, 0.9, False, False), (0.75, 0.4, True, True)]), strict)
    # an event under the confidence floor ends the step (it is proposed, not written)
    assert not proposal_writes((0.9, [(0.95, 0.9, True, False), (0.75, 0.6, True, True)]), strict)
    # an article not relevant enough, or never read
    assert not proposal_writes((0.7, read[1]), strict) and not proposal_writes(None, strict)


def test_a_habit_or_a_plan_is_never_proposed():
    """The proposal step reads no incident in a sentence whose cues a habit or plan governs, however sure
    the sentence model is ("يشن الجيش التركي يوميًّا غارات جوية" is a campaign, not a strike)."""
    import marsad
    from marsad.models.propose import _told_as_not_done
    from marsad.models.features import mentions_by_sentence

    def not_done(text: str) -> bool:
        doc = marsad.extract_doc(text, published="2015-08-05")
        return _told_as_not_done(mentions_by_sentence(doc).get(0, ()))

    assert not_done("وردًا على مقتل عناصر من الشرطة، يشن الجيش التركي يوميًّا غارات جوية كثيفة على مواقع "
                    "حزب العمال الكردستاني في شمال العراق.")
    # a condemnation that tells the attack is still an incident to propose
    assert not not_done("دانت منظمة التعاون الإسلامي الهجوم الذي نفذه إرهابيون على مسجد في مدينة كيبيك الكندية، "
                        "والذي أسفر عن استشهاد ما لا يقل عن ستة مصليين أبرياء.")


def test_a_sure_event_told_in_the_country_the_article_is_about_is_coded_at_that_country():
    # snn-okaz-0dba7bb4bc06 (corpus, outside dev/train): soldiers of the coalition killed "in Yemen"
    doc = _doc(title="استشهاد ثلاثة جنود إماراتيين في اليمن",
               text=("أعلنت قيادة القوات المشتركة لتحالف دعم الشرعية في اليمن في بيان أمس عن استشهاد العريف أول جمعة "
                     "جوهر جمعة الحمادي والعريف أول خالد محمد عبدالله الشحي أثناء أدائهم الواجب في الدفاع عن الشعب "
                     "اليمني."),
               published="2015-08-09")
    (ev,) = doc.events
    assert (ev.location, ev.country, ev.geo_precision) == ("Yemen", "Yemen", 3)
    assert ev.latitude is not None


def test_a_warplane_that_crashes_into_a_market_is_an_accident_not_a_proposed_battle():
    # snn-3alyoum-ff73c1d78e0c (corpus, outside dev/train): the rules write nothing; the lead is an accident
    doc = _doc(title="مقتل 27 شخصا في تحطم طائرة حربية سورية في أريحا",
               text=("قال سكان وشهود إن 27 شخصاً على الأقل قتلوا وأصيب عشرات بجروح عندما تحطمت طائرة حربية تابعة "
                     "للجيش السوري في سوق مزدحم في بلدة أريحة التي يسيطر عليها المعارضون المسلحون في شمال غرب "
                     "سوريا اليوم الاثنين."),
               published="2015-08-03")
    assert doc.events == []
