"""find_actors: Arabic actor phrases → ACLED-style actors (sentences from the shared corpus/seed)."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.mentions.actors import ActorRef, find_actors


def actors(text: str, country: str | None = None) -> Doc:
    doc = Doc(text)
    doc.layers["country"] = country
    find_actors(doc)
    return doc


def names(doc: Doc, kind: str = "actor") -> list[tuple[str, str]]:
    return [(m.text, m.value.name) for m in doc.mentions if m.kind == kind]


def test_regime_forces_with_clitic_and_russian_support():
    doc = actors("بيروت: سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء على الأقل من مدينة الميادين", "SY")
    (actor,) = doc.mentions_of("actor")
    assert actor.text == "قوات النظام"
    assert actor.value == ActorRef("Military Forces of Syria", 1, "SY", "state", False, "military:SY")
    (sup,) = doc.mentions_of("support")
    assert sup.text == "بدعم روسي"
    assert sup.value.name == "Military Forces of Russia"
    assert sup.value.inter == 8 and sup.value.kind == "external"  # a foreign state force in Syria
    assert doc.mentions[sup.meta["supported"]] is actor
    assert actor.meta["supported_by"] == [sup.value]


def test_span_excludes_proclitics():
    doc = actors("وتدور معارك طاحنة بين قوات النظام وداعش داخل المدينة", "SY")
    assert [m.text for m in doc.mentions_of("actor")] == ["قوات النظام", "داعش"]
    doc = actors("وتمكنت قوات النظام من قطع كافة الطرق", "SY")
    assert doc.mentions[0].text == "قوات النظام" and doc.mentions[0].start == 7


def test_backref_tanzim_resolves_to_islamic_state():
    doc = actors("أحد آخر أبرز معاقل تنظيم الدولة الاسلامية في سوريا. وتعد المدينتان آخر أبرز معقلين متبقيين "
                 "للتنظيم في سوريا", "SY")
    first, second = doc.mentions_of("actor")
    assert first.value.name == second.value.name == "Islamic State"
    assert not first.value.backref and second.value.backref
    assert second.meta["resolved_from"] == doc.mentions.index(first)


def test_backref_without_antecedent_is_dropped():
    doc = actors("أعلنت الحكومة خطة لإعادة هيكلة التنظيم الإداري", "EG")
    assert doc.mentions_of("actor") == []


def test_supported_by_washington_and_led_by_russian_forces():
    doc = actors("أما الهجوم الثاني، فتنفذه الفصائل الكردية والعربية المنضوية في اطار قوات سوريا الديموقراطية "
                 "المدعومة من واشنطن في الريفين الشمالي والشمالي الشرقي", "SY")
    (sup,) = doc.mentions_of("support")
    assert sup.value.name == "Military Forces of the United States"
    assert doc.mentions[sup.meta["supported"]].value.name == "Syrian Democratic Forces"
    doc = actors('"تمكنت قوات النظام بقيادة القوات الروسية الموجودة على الأرض من السيطرة على أربعة أحياء"', "SY")
    (sup,) = doc.mentions_of("support")
    assert sup.text == "بقيادة القوات الروسية" and sup.value.key == "military:RU"


def test_a_backer_whose_name_opens_with_a_filler_word_is_the_support():
    # snn-aawsat (corpus, outside dev/train): "مقاتلي" is both a filler before a backer and the start of
    # the tribal fighters' own name; they back the army, they are not the side it attacks
    doc = actors("إن القطعات العسكرية المدعومة بمقاتلي العشائر شرعت بشن عدة هجمات مباغتة في مناطق جزيرة الخالدية", "IQ")
    assert not [m for m in doc.mentions_of("actor") if m.value.name == "Tribal Mobilization Forces (Iraq)"]
    doc = actors("وشنت قوات الجيش العراقي المدعومة بمقاتلي العشائر هجمات على مواقع تنظيم داعش في الخالدية", "IQ")
    (sup,) = doc.mentions_of("support")
    assert sup.value.name == "Tribal Mobilization Forces (Iraq)" and "مقاتلي العشائر" in sup.text
    assert doc.mentions[sup.meta["supported"]].value.name == "Military Forces of Iraq"


def test_coalition_led_by_saudi_is_not_a_support_relation():
    doc = actors("وتمكنت القوات الموالية للرئيس هادي بدعم من طائرات التحالف الذي تقوده السعودية من استعادة "
                 "السيطرة على معظم المدينة", "YE")
    assert names(doc) == [("القوات الموالية للرئيس هادي", "Military Forces of Yemen (Hadi faction)")]
    (sup,) = doc.mentions_of("support")
    assert sup.value.name == "Military Forces of Saudi Arabia"


def test_coalition_depends_on_article_country():
    text = "وشن طيران التحالف غارات على مواقع"
    assert names(actors(text, "YE")) == [("طيران التحالف", "Military Forces of Saudi Arabia")]
    assert names(actors(text, "SY")) == [("طيران التحالف", "Global Coalition Against Daesh")]


def test_international_coalition_over_yemen_is_the_saudi_led_one():
    text = "وفي محافظة الضالع شمال عدن، شن طيران التحالف الدولي سلسلة غارات على مواقع للحوثيين وصالح"
    assert names(actors(text, "YE"))[0] == ("طيران التحالف الدولي", "Military Forces of Saudi Arabia")
    assert names(actors(text, "IQ"))[0] == ("طيران التحالف الدولي", "Global Coalition Against Daesh")


def test_houthi_saleh_militias_and_popular_resistance():
    doc = actors("واندلعت اشتباكات عنيفة بين المقاومة الشعبية وميليشيات الحوثي وصالح في تعز", "YE")
    assert names(doc) == [("المقاومة الشعبية", "Popular Resistance"), ("ميليشيات الحوثي وصالح", "Houthi Movement")]
    assert [m.value.inter for m in doc.mentions_of("actor")] == [3, 2]


def test_spelling_variant_milishiat():
    doc = actors("قصفت مليشيات الحوثي الأحياء السكنية", "YE")
    assert names(doc)[0] == ("مليشيات الحوثي", "Houthi Movement")


def test_nationality_adjective_sets_the_country():
    doc = actors("شهدت الحدود التركية - السورية أمس أول اشتباك من نوعه، بين جنود أتراك وعناصر من تنظيم داعش", None)
    assert names(doc) == [("جنود أتراك", "Military Forces of Turkey"), ("تنظيم داعش", "Islamic State")]
    doc = actors("وقال الجيش التركي في بيان إن تنظيم حزب العمال الكردستاني المحظور قتل ثلاثة جنود أتراك", "TR")
    assert names(doc) == [("الجيش التركي", "Military Forces of Turkey"),
                          ("حزب العمال الكردستاني", "PKK: Kurdistan Workers Party"),
                          ("جنود أتراك", "Military Forces of Turkey")]
    assert doc.mentions[0].value.inter == 1  # at home: state forces, not external


def test_bare_adjectival_head_needs_an_adjective():
    assert names(actors("تتزامن مع غارات روسية كثيفة", "SY")) == [("غارات روسية", "Military Forces of Russia")]
    assert names(actors("تتزامن مع غارات كثيفة", "SY")) == []


def test_generic_templates_take_the_article_country():
    doc = actors("ولقي مدرس وزوجته مصرعهما بنيران مسلحين مجهولين في منطقة الجعارة", "IQ")
    assert ("مسلحين مجهولين", "Unidentified Armed Group (Iraq)") in names(doc)
    assert ("مدرس", "Civilians (Iraq)") in names(doc)
    doc = actors("أعلنت وزارة الداخلية المصرية مقتل شرطي إثر إطلاق مسلحين مجهولين النار", "EG")
    assert names(doc) == [("شرطي", "Police Forces of Egypt"), ("مسلحين مجهولين", "Unidentified Armed Group (Egypt)")]


def test_template_without_country_has_a_plain_name():
    doc = actors("وتجمع المحتجون أمام مقر الحكومة", None)
    (m,) = doc.mentions_of("actor")
    assert m.value.name == "Protesters" and m.value.inter == 6 and m.value.country is None


def test_tunisian_national_guard_is_police():
    doc = actors("وتمكنت فرقة الأبحاث والتفتيش للحرس الوطني بسيدي بوزيد من إيقاف شخص", "TN")
    # the squad and the guard it belongs to (ل+ال written لل) are both the Tunisian police
    assert names(doc)[:2] == [("فرقة الأبحاث والتفتيش", "Police Forces of Tunisia"),
                              ("حرس الوطني", "Police Forces of Tunisia")]
    assert names(actors("وانتشر الحرس الوطني في المدينة", "SA"))[0][1] == "Military Forces of Saudi Arabia"


def test_generic_gunmen_before_a_named_group_are_that_group():
    doc = actors("بعد يوم من قيام مسلحين من بوكو حرام بعبور الحدود من نيجيريا", "NE")
    assert names(doc) == [("بوكو حرام", "Boko Haram")]


def test_militants_backref_resolves_to_last_armed_group():
    doc = actors("هاجم مسلحو طالبان نقطة تفتيش لقوات الأمن الأفغانية. وقال المتحدث إن المتشددين قتلوا ثلاثة جنود",
                 "AF")
    assert names(doc) == [("مسلحو طالبان", "Taliban"), ("قوات الأمن الأفغانية", "Military Forces of Afghanistan"),
                          ("المتشددين", "Taliban"), ("جنود", "Military Forces of Afghanistan")]
    doc = actors("قتل ثلاثة أشخاص في هجوم شنه المسلحون على سوق شعبي", "SO")
    assert ("المسلحون", "Unidentified Armed Group (Somalia)") in names(doc)


def test_al_shabaab_context_word():
    assert names(actors("ومباشرة بعد ذلك سخرت حركة الشباب من كينيا", "SO")) == [("حركة الشباب", "Al-Shabaab")]
    assert names(actors("شارك الشباب في الماراثون", "EG")) == []


def test_israeli_air_force_in_gaza():
    doc = actors("شن الطيران الحربي الإسرائيلي غارة على موقع لكتائب القسام", "PS")
    assert names(doc) == [("الطيران الحربي الإسرائيلي", "Military Forces of Israel"), ("كتائب القسام", "Hamas")]
    assert doc.mentions[0].value.inter == 8


def test_air_strikes_named_by_a_nationality_adjective_are_that_country_s_forces():
    doc = actors("بل هناك قضية التونسي علي عاني الحرزي الذي لقي حتفه مؤخرًا في إحدى الضربات الجوية الأمريكية على "
                 "العراق بينما كان يقاتل في صفوف التنظيم", "TN")
    assert ("الضربات الجوية الأمريكية", "Military Forces of the United States") in names(doc)


def test_a_troop_carrier_or_a_military_thing_is_no_actor():
    # snn-3alyoum-305b3a5e175b: coalition strikes hit "ناقلة جنود مدرعة" (an armoured troop carrier)
    doc = actors("إن خمس غارات قرب الرمادي قصفت وحدات تكتيكية ودبابات وناقلة جنود مدرعة تابعة للتنظيم", "IQ")
    assert names(doc) == []
    # "رتلا عسكريا": a military convoy, described; the Houthis are its actor
    doc = actors("ونفذت خلالها هجوما استهدف رتلا عسكريا تابعا لميليشيات الحوثي", "YE")
    assert names(doc) == [("ميليشيات الحوثي", "Houthi Movement")]
    # soldiers counted are still an actor
    doc = actors("أعلن الجيش المالي مقتل 13 عسكريا في وسط مالي وشمالها", "ML")
    assert ("عسكريا", "Military Forces of Mali") in names(doc)


def test_the_family_of_the_dead_is_no_party():
    # snn-alriyadh-860356b113c5: mourners come to the soldier's home "to console the martyr's family"
    doc = actors("والذي استشهد أمس الأول إثر تعرضه لشظايا قذيفة هاون من أجل تقديم واجب المواساة والعزاء إلى أسرة الشهيد", "SA")
    assert names(doc) == []


def test_a_force_named_bare_after_its_nationality_keeps_that_nationality():
    # in an article about Syria, "قوة من الجيش" right after "قيادة الجيش اللبناني" is the Lebanese army
    doc = Doc("قصفت قوات النظام السوري مدينة الزبداني. وقال بيان صادر عن قيادة الجيش اللبناني: "
              "إن قوة من الجيش أوقفت في محلة تعنايل 23 شخصا.")
    doc.layers["country"] = "SY"
    find_actors(doc)
    names = [m.value.name for m in doc.mentions if m.kind == "actor" and "الجيش" in m.text]
    assert names == ["Military Forces of Lebanon", "Military Forces of Lebanon"]


def test_the_press_as_an_adjective_is_no_journalist():
    doc = actors("وأوضح مصدر في الخلية في بيان صحفي أن الغارات الجوية أسفرت عن مقتل 52 من عناصر داعش", "IQ")
    assert "بيان صحفي" not in [m.text for m in doc.mentions_of("actor")]
    assert all(m.value.name != "Civilians (Iraq)" for m in doc.mentions_of("actor") if m.value)
    doc = actors("قتل صحفي ليبي أمس برصاص مسلحين مجهولين في مدينة بنغازي", "LY")
    assert any(m.text.startswith("صحفي") for m in doc.mentions_of("actor"))


def test_the_houthi_adjective_names_the_houthis_after_any_group_noun():
    # "ميليشيات الحوثية" alone has 420 uses in the corpus
    for text in ("قصفت ميليشيات الحوثية حي الروضة في تعز", "اعتقال قيادات حوثية كبيرة في عدن",
                 "مقتل قيادي حوثي في غارة", "سقوط قتلى في صفوف عناصر المليشيا الحوثية"):
        assert [name for _, name in names(actors(text, "YE"))] == ["Houthi Movement"], text


def test_syrian_rebel_formations_are_named():
    text = "بينما قتل قائد عسكري وأحد العناصر في فيلق الشام خلال اشتباكات مع قوات النظام"
    assert ("فيلق الشام", "Faylaq al-Sham") in names(actors(text, "SY"))
    assert names(actors("وتسليم جميع مقراتها في مدينة أعزاز لـ«الجبهة الشامية»", "SY"))[0][1] == "Levant Front"


def test_the_international_coalition_told_as_al_itilaf():
    text = "نفذ الائتلاف الدولي بقيادة اميركية الجمعة غارات جوية على جسرين استراتيجيين في محافظة دير الزور"
    assert names(actors(text, "SY"))[0] == ("الائتلاف الدولي", "Global Coalition Against Daesh")


def test_the_coalitions_warships_off_yemen():
    text = "قصفت البارجات البحرية تجمعات للحوثيين في مديرية الدريهمي"
    assert names(actors(text, "YE"))[0] == ("البارجات البحرية", "Military Forces of Saudi Arabia")


def test_al_hayaa_alone_is_no_group_unless_one_was_named():
    # "الهيئة" is a commission or an authority far more often than Hayat Tahrir al-Sham (formed in 2017)
    assert names(actors("وقالت الهيئة العامة للثورة السورية إن قوات النظام قصفت المدينة", "SY"))[0][1] != "Hayat Tahrir al-Sham"


# --- actors11: country fallback from adjectives, Saudi emergency forces, Yemen fronts, Jerusalemites ---

def test_an_article_without_places_takes_its_country_from_its_adjectives():
    # no place resolves in this Jawhara FM brief: the Prime Minister's adjective says whose police it is
    text = ('قالت رئيسة الوزراء البريطانية تيريزا ماي صباح اليوم الثلاثاء إن الشرطة تمكنت من تحديد هوية منفذ '
            'هجوم "مانشتير أرينا" الذي جد مساء أمس بقاعة للحفلات وأودى بحياة 22 شخصا .')
    assert ("الشرطة", "Police Forces of the United Kingdom") in names(actors(text))
    # the places' country, when there is one, still wins
    assert ("الشرطة", "Police Forces of Turkey") in names(actors(text, "TR"))


def test_adjective_focus_needs_a_leading_country():
    from marsad.lexicon.actors import actor_lexicon
    from marsad.mentions.actors import adjective_focus

    lex = actor_lexicon()
    tie = "وطالبت يوروتانل بتعويضات من الحكومتين الفرنسية والبريطانية قيمتها 9.7 مليون يورو"
    assert adjective_focus(Doc(tie), lex) is None
    assert adjective_focus(Doc("وقالت الشرطة البريطانية إنها عثرت على عبد الرحمن هارون"), lex) == "GB"
    # المالية is "financial" far more often than "Malian"
    assert adjective_focus(Doc("إلا أن تفاقم الأزمة المالية اليونانية قد يجعل هذا الاتجاه الإيجابي تحت ضغط"), lex) == "GR"


def test_saudi_special_emergency_forces_are_police():
    text = ("وقد زار صاحب السمو الملكي الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير المصابين من منسوبي "
            "قوات الطوارئ الخاصة، الذين يتلقون العلاج في مستشفى عسير المركزي.")
    assert ("قوات الطوارئ الخاصة", "Police Forces of Saudi Arabia") in names(actors(text, "SA"))


def test_the_mosque_named_after_the_emergency_forces_is_a_place():
    text = ("الجريمة تستهدف بيتاً من بيوت الله، في مسجد قوات الطوارئ الخاصة بمنطقة عسير، راح ضحيتها 15 شهيداً "
            "من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع")
    found = [m for m in actors(text, "SA").mentions_of("actor") if m.value.name == "Police Forces of Saudi Arabia"]
    assert len(found) == 1 and text[found[0].start - 7:found[0].start] == "منسوبي "


def test_yemen_resistance_fronts_are_the_popular_resistance():
    text = "وتعد هذه هي العملية الثانية التي تستهدف تعزيزات في طريقها إلى مأرب، كما هاجمت مقاومة آزال دورية في صنعاء"
    assert names(actors(text, "YE")) == [("مقاومة آزال", "Popular Resistance")]


def test_jerusalemites_are_palestinian_civilians_wherever_the_event_is_placed():
    text = ("وذكر المركز الاعلامي لشؤون القدس والاقصى ان قوات الاحتلال اعتقلت خمسة شبان ومواطنتين مقدسيتين، "
            "واصابت احدى حارسات المسجد الأقصى وامرأة اخرى في رأسها")
    found = names(actors(text, "IL"))
    assert ("مواطنتين مقدسيتين", "Civilians (Palestine)") in found
    assert ("حارسات المسجد الأقصى", "Civilians (Palestine)") in found


def test_soldiers_stationed_on_the_border_are_not_al_mourabitoune():
    text = "مؤكدا ان الهدف من المشروع تعزيز الولاء للملك والانتماء للوطن، وتقدير جهود جنودنا البواسل المرابطين على الحدود."
    assert all(name != "Al Mourabitoune Battalion" for _, name in names(actors(text, "SA")))
    claim = 'وأعلنت جماعة "المرابطون" المتطرفة مسؤوليتها عن الهجوم.'
    assert [name for _, name in names(actors(claim, "ML"))] == ["Al Mourabitoune Battalion"]


def test_saudi_security_men_are_police_and_iraqi_ones_stay_military():
    text = ("أعربت دولة الكويت عن إدانتها واستنكارها الشديدين لحادث التفجير الإرهابي الذي استهدف مسجداً لقوات "
            "الطوارئ في منطقة عسير أمس وأدى إلى مقتل وإصابة عدد من رجال الأمن.")
    assert ("رجال الأمن", "Police Forces of Saudi Arabia") in names(actors(text, "SA"))
    assert ("رجال الأمن", "Military Forces of Iraq") in names(actors(text, "IQ"))


def test_a_tunisian_security_agent_is_the_police():
    # ant-JA-society-44-20170125 (corpus, outside dev/train)
    doc = actors("تعرّض عون أمن أمس الثلاثاء، بجهة باب سعدون من ولاية تونس إلى الاعتداء بواسطة آلة حادّة.", "TN")
    assert ("عون أمن", "Police Forces of Tunisia") in names(doc)


def test_the_security_apparatus_is_the_police():
    # snn-alriyadh-37daf5cdc2f8 (corpus, outside dev/train): an Interior Ministry statement on arrests
    doc = actors("أسفرت جهود الأجهزة الأمنية بتاريخ أمس السبت عن ضبط 24 من تلك العناصر.", "EG")
    assert ("الأجهزة الأمنية", "Police Forces of Egypt") in names(doc)


def test_indefinite_forms_of_an_islamic_state_member_name_the_group():
    doc = actors("وأسفرت العملية عن قتل 12 داعشيا بينهم قيادي في منطقة البوحياة.", "IQ")
    assert ("داعشيا", "Islamic State") in names(doc)
