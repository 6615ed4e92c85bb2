"""Who acts and who is acted on: the parties of a clause, victims, speakers, targets, carried-over
attackers, default actors, and generic actors localised to the event's country."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..doc import Doc, Mention
from ..lexicon.alliances import load_alliances
from ..lexicon.cues import load_cues
from ..text.normalise import fold
from .fatalities import is_singular_victim
from .index import MARKERS, RELATIVES, SIDE_NOUNS, Draft, MentionIndex, by_hand, is_marked, side_of
from .model import SUB_TO_TYPE

# Words right before an actor that mark it as the one acted on ("على مواقع التنظيم").
TARGET_MARKERS = MARKERS["target"]

AIR_WORDS = MARKERS["air"]

# Right before an actor (after "من"): the agent of a passive ("من قبل قوات الشرعية").
AGENT_MARKERS = MARKERS["agent"]
HEAD_OF = MARKERS["head_of"]
BAND_NOUNS = MARKERS["band"]
MEMBERSHIP_WORDS = MARKERS["membership"]
EXECUTIONS = MARKERS["execution"]
FIGHTER_NOUNS = MARKERS["fighters"]
SECURITY_WORDS = MARKERS["security_word"]
VERBAL_NOUNS = MARKERS["verbal_noun"]
OBJECT_NOUNS = MARKERS["object_noun"]

# Words before an actor that make it the speaker, not a party ("مصدر في قوات البيشمركة").
BENEFICIARY_MARKERS = MARKERS["beneficiary"]

SPEAKER_MARKERS = MARKERS["speaker"]

# Battles are fought between organised armed sides: civilians named in a battle's sentence ("قتل 11
# شخصاً … نتيجة مواجهات", "المواقع التي تمارس منها القنص ضد المدنيين") are its toll or background,
# never the side fought or the side that lost ground (ACLED codes civilians only as victims of
# violence against civilians, explosions and protests).
ARMED_SIDES_ONLY = frozenset({"Armed clash", "territory", "Government regains territory",
                              "Non-state actor overtakes territory"})



def can_be_fought(d: Draft, a: Mention) -> bool:
    """May ``a`` be the side acted on in ``d``? Not civilians in a battle or a territory change."""
    return d.sub not in ARMED_SIDES_ONLY or side_of(a.value) != "civ"


# Event types told as a series (a generic "استهداف" right after them is one more of the same).
CAMPAIGN_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def parties(idx: MentionIndex, s: int, clause: int | None) -> list[Mention]:
    """Parties named in a clause (or sentence): not supporters, not speakers quoted as sources."""
    doc = idx.doc
    actors = idx.get(s, "actor") if clause is None else idx.in_clause(s, "actor", clause)
    supports = idx.get(s, "support")
    sources = idx.get(s, "source")
    out = []
    for a in actors:
        if any(sp.start <= a.start < sp.end for sp in supports):
            continue
        if any(src.start <= a.start < src.end and (src.start, src.end) != (a.start, a.end) for src in sources):
            continue
        if is_speaker(doc, a) or is_announcer(doc, a) or is_adjectival(doc, a) or is_apposed(doc, a, actors):
            continue
        if a.token_start > 0 and doc.tokens[a.token_start - 1].forms[-1] in FINDERS:
            continue  # "وعثرت الشرطة على جثتين": it found the dead
        if is_sentence_adverb(doc, a):
            continue  # "وعسكريًا، حققت المقاومة تقدمًا": "militarily", no soldier
        out.append(a)
    return out


def is_sentence_adverb(doc: Doc, a: Mention) -> bool:
    """A one-word accusative opening the sentence before a comma ("وعسكريًا،", "ميدانيًا،") is an adverb
    (militarily, on the ground) that sets the topic, not a person of that kind."""
    sent = doc.sentences[a.sentence]
    if a.token_start != sent.token_start or a.token_end - a.token_start != 1:
        return False
    return fold(a.text).endswith("يا") and doc.text[a.end:a.end + 2].strip()[:1] in ("،", ",")

SPEAKER_LINKS = MARKERS["speaker_link"]


def is_speaker(doc: Doc, a: Mention) -> bool:
    """'مصدر في قوات البيشمركة', 'المتحدث باسم الجيش': the actor speaks, it does not act here."""
    i = a.token_start
    if i >= 1 and is_marked(doc.tokens[i - 1], SPEAKER_MARKERS):
        return True
    return i >= 2 and doc.tokens[i - 1].norm in SPEAKER_LINKS and is_marked(doc.tokens[i - 2], SPEAKER_MARKERS)

ANNOUNCE_VERBS = MARKERS["announce"]
FINDERS = MARKERS["finder"]
COMPLEMENTIZERS = MARKERS["complementizer"]


ANNOUNCED = MARKERS["announced"]
INQUIRY_VERBS = MARKERS["inquiry"]


def is_announcer(doc: Doc, a: Mention) -> bool:
    """'أعلنت الشرطة اليوم أن …', 'وقال الجيش إن الهجوم …': the subject of a verb of saying,
    before the 'أن/إن' that opens what it reports, speaks; it is not a party. The police, which tell and
    investigate crimes, speak too before 'عن' or at the sentence's end ('أعلنت الشرطة الفرنسية عن مقتل رجل',
    '…، كما أفادت الشرطة.') and as the subject of a verb of inquiry ('تشتبه الشرطة السويدية بتورط اثنين');
    an army announcing "عن مقتل" tells of its own operation, so it stays a party."""
    toks = doc.tokens
    sent = doc.sentences[a.sentence]
    i = a.token_start
    if i - 1 < sent.token_start:
        return False
    verb = (toks[i - 1].norm, *toks[i - 1].forms)
    police = (getattr(a.value, "key", "") or "").split(":", 1)[0] == "police"
    if police and any(f in INQUIRY_VERBS for f in verb):
        return True
    if not any(f in ANNOUNCE_VERBS for f in verb):
        return False
    if police and (a.token_end == sent.token_end or doc.text[a.end:a.end + 2].strip()[:1] in (".", "،", ",")
                   or is_marked(toks[a.token_end], ANNOUNCED)):
        return True
    return any(any(f in COMPLEMENTIZERS for f in (toks[j].norm, *toks[j].forms))
               for j in range(a.token_end, min(sent.token_end, a.token_end + 4)))


# Words that name an actor as a noun ("قتل عسكري") but are mostly adjectives after a noun
# ("موقع أومان العسكري", "المصدر الأمني").
ADJECTIVE_LIKE = MARKERS["adjective_like"]


def is_adjectival(doc: Doc, a: Mention) -> bool:
    if fold(a.text) not in ADJECTIVE_LIKE or a.token_start == 0:
        return False
    prev = doc.tokens[a.token_start - 1]
    # after a word (not a number, not a verb of killing): an adjective of that word
    return not prev.norm.isdigit() and prev.sentence == doc.tokens[a.token_start].sentence and not any(
        f in NOUN_OPENERS for f in prev.forms)

NOUN_OPENERS = MARKERS["noun_opener"]


def is_apposed(doc: Doc, a: Mention, actors: list[Mention]) -> bool:
    """'13 مسلحا من ميليشيات الحوثي': a generic noun followed by 'من' and a named group is that group."""
    if not a.meta.get("template"):
        return False
    for b in actors:
        if b is not a and not b.meta.get("template") and 0 <= b.token_start - a.token_end <= 2:
            between = doc.tokens[a.token_end:b.token_start]
            if any(t.norm == "من" for t in between) or doc.tokens[b.token_start].forms[0].startswith("من"):
                return True
    return False


def is_air(m: Mention) -> bool:
    v = m.value
    if getattr(v, "air", False) or "air" in (getattr(v, "tags", None) or ()):
        return True
    text = fold(m.text)
    return any(w in text for w in AIR_WORDS)


def is_target(idx: MentionIndex, m: Mention) -> bool:
    """The side acted on: named as the dead, or right after 'على/ضد/مواقع …'."""
    if id(m) in idx.victims:
        return True
    doc = idx.doc
    toks = doc.tokens[max(0, m.token_start - 2):m.token_start]
    if toks and toks[-1].norm in AGENT_MARKERS or by_hand(doc, m):
        return False  # "من قبل قوات الشرعية", "على أيدي مستوطنين": by them, the acting side
    if len(toks) == 2 and toks[1].norm == "من" and is_marked(toks[0], BAND_NOUNS):
        return False  # "عصابة من المستوطنين هاجمت": a band of them, the acting side
    if toks and toks[-1].forms[-1] in VERBAL_NOUNS and m.token_end < len(doc.tokens) and \
            doc.tokens[m.token_end].forms[-1] in OBJECT_NOUNS:
        return False  # "جراء استهداف قوات الأسد قرية المكرمية": the forces target, the village is hit
    if toks and toks[-1].forms[-1] in HEAD_OF:
        return False  # "منذ تعيين الملا منصور على رأس طالبان": at the head of it, not hit
    return any(t.norm in TARGET_MARKERS or (t.forms and t.forms[-1] in TARGET_MARKERS) for t in toks)


def between_pair(doc: Doc, actors: list[Mention], sentence_actors: list[Mention] | None = None,
                 ) -> tuple[Mention, Mention] | None:
    """'بين X و Y' / 'بين X من جهة و Y من جهة أخرى': the two sides of a battle.

    When the first side lists allies and closes with "من جهة" ("بين الحوثيين والقوات الموالية لصالح
    من جهة، والمقاومة الشعبية من جهة أخرى"), the other side is the actor named after that marker, in
    the clause or, past a comma, later in the sentence (``sentence_actors``).
    """
    if not actors and sentence_actors:
        # the cue's clause names no side ("تصاعدت حدة المعارك، ليلة السبت، بين المقاومة … من جهة، و…"):
        # the sides are the "بين" list later in the sentence
        actors = sorted(sentence_actors, key=lambda m: m.token_start)
    for i, a in enumerate(actors):
        # "بين X", or "بين" and the fighters' noun before a group named ("بين مسلحي جماعة الحوثيين من جهة
        # وقوات صالح من جهة ثانية": allies, but named here as the two sides of a fight)
        toks = doc.tokens[max(0, a.token_start - 1):a.token_start]
        two = doc.tokens[a.token_start - 2] if a.token_start >= 2 else None
        if any(t.norm == "بين" for t in toks) or (
                two is not None and two.norm == "بين" and toks[-1].forms[-1] in FIGHTER_NOUNS):
            def other(b: Mention) -> bool:
                return b.value is not None and getattr(b.value, "name", None) != getattr(a.value, "name", None)

            rest = [b for b in actors[i + 1:] if other(b)]
            later = sorted({id(b): b for b in rest + [b for b in sentence_actors or () if b.token_start >= a.token_end
                                                      and other(b)]}.values(), key=lambda b: b.token_start)
            if not later:
                continue
            marker = _side_marker(doc, a.token_end, later[-1].token_start)
            after = [b for b in later if marker is not None and b.token_start > marker]
            if after:
                return a, after[0]
            if rest:
                return a, rest[0]
    return None


def _side_marker(doc: Doc, start: int, end: int) -> int | None:
    """Token index of the first "من جهة" / "من طرف" between two token positions."""
    for t in range(start, min(end, len(doc.tokens) - 1)):
        if doc.tokens[t].norm in ("من", "ومن") and doc.tokens[t + 1].norm in SIDE_NOUNS:
            return t + 1
    return None


def _is_nisba(norm: str) -> bool:
    """A definite relational adjective ("اليمني", "السورية", "الوطنية"): ال + stem + ي / ية."""
    return norm.startswith("ال") and len(norm) >= 5 and (norm.endswith("ي") or norm.endswith("يه"))


def _only_adjectives(doc: Doc, start: int, end: int) -> bool:
    """Nothing but up to two adjectives between two tokens ("الجيش الوطني [اليمني] والمقاومة")."""
    return 0 <= end - start <= 2 and all(_is_nisba(t.norm) for t in doc.tokens[start:end])


def joined_allies(doc: Doc, actors: list[Mention]) -> dict[int, Mention]:
    """Actors named together as one side: 'قوات الجيش والمقاومة الشعبية', 'ميليشيات الحوثي وقوات
    المخلوع صالح'. Maps id() of the second to the first; 'بين X و Y' names two sides, not one."""
    out: dict[int, Mention] = {}
    ordered = sorted(actors, key=lambda m: m.token_start)
    for a, b in zip(ordered, ordered[1:]):
        tok = doc.tokens[b.token_start]
        conj = b.text.startswith("و") or (b.start > tok.start and doc.text[tok.start] == "و")
        if a.sentence != b.sentence or not conj or not _only_adjectives(doc, a.token_end, b.token_start):
            continue
        if getattr(a.value, "name", None) == getattr(b.value, "name", None):
            continue
        head = out.get(id(a), a)
        before = doc.tokens[max(doc.sentences[a.sentence].token_start, head.token_start - 3):head.token_start]
        if any(t.norm in ("بين", "وبين") for t in before):
            continue  # "بين مقاتلي داعش وحزب الله": two sides
        if side_of(a.value) == "civ" or side_of(b.value) == "civ":
            continue  # "جنود ومدنيون": victims listed, not a fighting side
        out[id(b)] = head
    return out


def _another_person_hit(doc: Doc, idx: MentionIndex, force: Mention) -> bool:
    """Does the clause name another person noun beside the force ("قتل جنود إسرائيليون صبياً فلسطينياً
    بالرصاص": the soldiers shot, the boy died)? Then the force may be the one shooting."""
    victims = load_cues().victims
    clause = idx.clause(force)
    for i, t in enumerate(doc.tokens[doc.sentences[force.sentence].token_start:doc.sentences[force.sentence].token_end],
                          start=doc.sentences[force.sentence].token_start):
        if force.token_start <= i < force.token_end or idx.clause_of[i] != clause:
            continue
        if any(is_singular_victim(f, victims) for f in t.forms):
            return True
    return False


ARMED_MEN = frozenset(MARKERS["armed_men"])


def _after_agent_marker(doc: Doc, m: Mention) -> bool:
    """Is the actor the agent of a passive: after "من قبل" or "على يد", its fighters' noun between
    ("من قبل المسلحين الحوثيين")?"""
    k = m.token_start - 1
    if k > 0 and doc.tokens[k].forms and (doc.tokens[k].forms[-1] in FIGHTER_NOUNS
                                          or doc.tokens[k].forms[-1] in ARMED_MEN):
        k -= 1
    return by_hand(doc, m) or (k >= 0 and doc.tokens[k].norm in AGENT_MARKERS)


def _after_membership(doc: Doc, m: Mention) -> bool:
    """Is the actor named as what someone belongs to ("بتهمة الانتماء إلى تنظيم إرهابي")?"""
    toks = doc.tokens[max(0, m.token_start - 3):m.token_start]
    return any(t.norm in MEMBERSHIP_WORDS or (t.forms and t.forms[-1] in MEMBERSHIP_WORDS) for t in toks)


def assign_roles(doc: Doc, idx: MentionIndex, s: int, d: Draft, actors: list[Mention], sent_actors: list[Mention]) -> None:
    """actor1 acts, actor2 is acted on; battles accept either order ('بين X و Y'). Allies named
    together ('قوات الشرعية والمقاومة') are one side: the second is the associated actor."""
    family = SUB_TO_TYPE.get(d.sub, "Battles" if d.sub in ("territory", "attack") else "")
    named = [a for a in actors if a.value is not None]
    pair = between_pair(doc, named, [a for a in sent_actors if a.value is not None]) if family == "Battles" else None
    joined = joined_allies(doc, [a for a in sent_actors if a.value is not None])
    if not pair and joined:
        named = [a for a in named if id(a) not in joined]
        sent_actors = [a for a in sent_actors if id(a) not in joined]
    if pair:
        d.actor1, d.actor2 = pair
    elif d.sub == "Arrests":
        # the state arrests; whoever else is named is the one arrested -- unless an armed group
        # holding ground is the subject right before the arrest ("ألقت المقاومة الشعبية القبض على 72")
        # (never an air force: "قصفت المقاتلات التركية … في الوقت الذي احتجزت فيه الشرطة مئات")
        state = [a for a in named + [x for x in sent_actors if x.value is not None]
                 if side_of(a.value) == "state" and not is_air(a)]
        arrester = armed_arrester(doc, idx, d, [x for x in sent_actors if x.value is not None])
        if arrester is None:
            # the agent of a passive ("تتم ملاحقة واعتقال الصحافيين … من قبل المسلحين الحوثيين")
            arrester = next((a for a in sent_actors if a.value is not None and _after_agent_marker(doc, a)), None)
        d.actor1 = arrester or (state[0] if state else default_actor(doc, d, arresting_force(idx, s)))
        others = [a for a in named if d.actor1 is None or getattr(a.value, "name", None) != d.actor1.value.name]
        # the group those arrested belong to is the side arrested, before the person noun that counts them
        members = [a for a in named + [x for x in sent_actors if x.value is not None and x not in named]
                   if side_of(a.value) == "armed" and _after_membership(doc, a)]
        d.actor2 = (members or others or [None])[0]
    elif family == "Protests" or d.sub in ("Violent demonstration", "Mob violence"):
        crowd = [a for a in named if side_of(a.value) == "crowd"]
        d.actor1 = crowd[0] if crowd else default_actor(doc, d, "protesters")
        others = [a for a in named if side_of(a.value) in ("state", "armed")]
        d.actor2 = others[0] if others and d.sub != "Peaceful protest" else None
    else:
        # the acting side: named in the clause, else carried over from the event told just
        # before, else named elsewhere in the sentence
        d.actor1 = pick_subject(idx, d, named)
        if d.actor1 is None:
            d.actor1, prev = inherit_actor(idx, d)
            if d.sub == "attack" and prev is not None and prev.sub in CAMPAIGN_SUBS:
                d.sub = prev.sub  # "مقتل 11 من داعش جراء استهداف مبنى" continues the air strikes told before
        if d.actor1 is None:
            d.actor1 = pick_subject(idx, d, [a for a in sent_actors if a.value is not None])
        if d.actor1 is None and family == "Violence against civilians":
            d.actor1 = default_actor(doc, d, "unidentified")
        name1 = getattr(getattr(d.actor1, "value", None), "name", None)
        rest = [a for a in named if a is not d.actor1 and getattr(a.value, "name", None) != name1]
        if family == "Violence against civilians":
            civ = [a for a in rest if side_of(a.value) == "civ"]
            forces = [a for a in rest if side_of(a.value) == "state" and id(a) in idx.victims
                      and not _another_person_hit(doc, idx, a)]
            if not civ and forces and d.sub == "Attack" and not any(fold(c.text) in EXECUTIONS for c in d.cues):
                # "قتل عنصران من الشرطة التركية بالرصاص": shooting at the police or the army is a fight
                # with them (ACLED's attacks are on civilians); executing captives stays an attack
                d.sub, d.actor2 = "Armed clash", forces[0]
            else:
                d.actor2 = civ[0] if civ else default_actor(doc, d, "civilians")
        elif d.actor1 is not None:
            side1 = side_of(d.actor1.value)
            opp = [a for a in rest if is_opponent(d.actor1, a, side1)]
            if not opp:
                # a battle has two sides: the other may be named elsewhere in the sentence; an air
                # strike or shelling takes a target only from the clause beside it ("معارك بين قوات
                # النظام والتنظيم، تتزامن مع غارات روسية"), else it is coded without actor2
                near = sent_actors if (family == "Battles" or d.sub in ("attack", "kill")) else [
                    a for a in sent_actors if abs(idx.clause(a) - d.clause) <= 1]
                opp = [a for a in near if getattr(a.value, "name", None) != name1 and is_opponent(d.actor1, a, side1)]
            opp = [a for a in opp if can_be_fought(d, a)]
            victims = [a for a in opp if is_target(idx, a)]
            d.actor2 = (victims or opp or [None])[0]
        elif rest and can_be_fought(d, rest[0]):
            d.actor2 = rest[0]
        elif family in ("Explosions/Remote violence", "Battles"):
            # an unnamed attacker: the side acted on may be the dead named in another clause
            # ("وقتل 15 شخصا …، في هجوم بشاحنة مفخخة")
            dead = [a for a in sent_actors if a.value is not None and id(a) in idx.victims and can_be_fought(d, a)]
            d.actor2 = dead[0] if dead else None
    if d.sub == "attack" and d.actor1 is not None and d.actor1.value is not None and (
            is_air(d.actor1) or getattr(d.actor1.value, "coalition", False)):
        # "التحالف استهدف موقعا لتعزيزات حوثية": what an air force or an air coalition targets it strikes
        # from the air (a coalition's ground forces are named as such: "قوات التحالف البرية")
        d.sub = "Air/drone strike"
    if d.sub == "attack":
        # a generic "هجوم": on civilians it is violence against civilians, on armed men a battle
        d.sub = "Attack" if d.actor2 is not None and side_of(d.actor2.value) == "civ" else "Armed clash"
        if d.sub == "Attack" and d.actor1 is None:
            d.actor1 = default_actor(doc, d, "unidentified")
    if not pair and joined:
        for b_id, head in joined.items():
            b = next((a for a in idx.get(s, "actor") if id(a) == b_id), None)
            if b is None:
                continue
            if head is d.actor1 and d.assoc1 is None:
                d.assoc1 = b
            elif head is d.actor2 and d.assoc2 is None:
                d.assoc2 = b
    attribute_fire_from_abroad(doc, d)
    # associated actor: a supporter named right after actor1 ("قوات النظام بدعم روسي")
    if d.actor1 is not None and d.actor1.text and d.assoc1 is None:
        for sp in idx.get(s, "support"):
            if sp.start >= d.actor1.end and sp.token_start - d.actor1.token_end <= 4:
                d.assoc1 = sp
                break


# Sub-event types a claim of responsibility can name the author of.
CLAIMABLE = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
                       "Shelling/artillery/missile attack", "Abduction/forced disappearance", "Armed clash"})
CLAIM_REACH = 2  # sentences back from the claim to the attack it names


def apply_claims(doc: Doc, idx: MentionIndex, drafts: list[Draft]) -> None:
    """'وتبنى تنظيم داعش الهجوم', 'أعلنت حركة طالبان مسؤوليتها عن التفجير': the group claiming an
    attack told in that sentence or the two before (same story) is its actor1, when the attack's
    author was not named."""
    for s in range(len(doc.sentences)):
        claims = idx.get(s, "claim")
        if not claims:
            continue
        claim = claims[0]
        groups = [a for a in parties(idx, s, None) if a.value is not None and a.text
                  and side_of(a.value) == "armed" and not a.meta.get("template")]
        if not groups:
            continue
        group = min(groups, key=lambda a: abs(a.token_start - claim.token_start))
        story = getattr(idx, "story_start", 0)
        for d in reversed(drafts):
            if d.sentence > s:
                continue
            if s - d.sentence > CLAIM_REACH or d.sentence < story:
                break
            if d.sub not in CLAIMABLE:
                continue
            if d.actor1 is not None and not is_unnamed(d.actor1):
                continue  # named already (the claimant's own sentence: "الهجوم الذي تبنته …")
            if d.actor2 is not None and getattr(d.actor2.value, "name", None) == getattr(group.value, "name", None):
                continue
            d.actor1 = group
            break


def is_unnamed(m: Mention) -> bool:
    """An attacker the text does not name: a default actor or a generic 'مسلحين مجهولين', 'متشددين'."""
    key = getattr(m.value, "key", "") or ""
    return bool(m.meta.get("default") or (m.meta.get("template") and key.split(":", 1)[0] == "unidentified"))


def is_beneficiary(idx: MentionIndex, m: Mention) -> bool:
    """'دعما لقوات النظام': the side helped, not the one acting."""
    before = idx.doc.tokens[max(0, m.token_start - 2):m.token_start]
    return any(is_marked(t, BENEFICIARY_MARKERS) for t in before)


def pick_subject(idx: MentionIndex, d: Draft, named: list[Mention]) -> Mention | None:
    named = [a for a in named if not is_beneficiary(idx, a)]
    if d.sub == "Air/drone strike":
        # only states fly air forces: an air actor, else a backer named in the sentence ("وتشرف
        # القوات الروسية … وتنفذ غارات كثيفة دعما لقوات النظام"), else a state actor
        air = [a for a in named if is_air(a) and side_of(a.value) == "state"]
        backers = [b for b in idx.get(d.sentence, "support") if side_of(b.value) == "state"]
        state = [a for a in named if side_of(a.value) == "state" and not is_target(idx, a)]
        return (air or backers or state or [None])[0]
    subjects = [a for a in named if not is_target(idx, a) and side_of(a.value) != "civ"]
    if d.sub in BOMB_SUBS:
        subjects = [a for a in subjects if side_of(a.value) != "state"]  # state forces are the bombs' targets
    return subjects[0] if subjects else None

BOMB_SUBS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def inherit_actor(idx: MentionIndex, d: Draft) -> tuple[Mention | None, Draft | None]:
    """An unnamed attacker continues the last event of the same type told just before
    (a generic attack continues the last battle or explosion)."""
    if idx.get(d.sentence, "distinct"):
        return None, None  # "وقتل 15 شخصا في وقت سابق": another incident, another attacker
    for prev in reversed(idx.recent):
        if d.sentence - prev.sentence > 2:
            break
        if prev.actor1 is None or not prev.actor1.text:
            continue
        if prev.date is not None and d.date is not None and prev.date[0] != d.date[0]:
            continue  # another day, another event ("منذ الهجوم الانتحاري في 20 يوليو")
        same = family_of_sub(prev.sub) == family_of_sub(d.sub) or (
            d.sub == "attack" and family_of_sub(prev.sub) in ("Battles", "Explosions/Remote violence"))
        if same:
            if d.sub == "Air/drone strike" and side_of(prev.actor1.value) != "state":
                continue
            if d.sub in BOMB_SUBS and side_of(prev.actor1.value) == "state":
                continue  # the air force or artillery told before does not plant bombs
            return prev.actor1, prev
    if d.sub == "Air/drone strike":
        # an air campaign told through the story: unattributed strikes are by the air force that
        # conducts it, when the story names exactly one ("شن طيران التحالف … غارات" … "وفي صعدة، غارات …")
        flyers = {getattr(p.actor1.value, "name", None): p.actor1 for p in idx.recent
                  if p.sub == "Air/drone strike" and p.actor1 is not None and p.actor1.text
                  and side_of(p.actor1.value) == "state" and p.sentence >= idx.story_start}
        if len(flyers) == 1:
            return next(iter(flyers.values())), None
    return None, None


ARRESTER_REACH = 4  # tokens between an arrest cue and the group named just before it as its subject
CLAUSE_PUNCTUATION = frozenset("،,.;:؛؟?!()")
PASSIVE_AUXILIARIES = MARKERS["passive_auxiliary"]


def armed_arrester(doc: Doc, idx: MentionIndex, d: Draft, actors: list[Mention]) -> Mention | None:
    """A named non-state armed group that is the subject of the arrest: the nearest actor ending at most
    a few tokens before the cue ("المقاومة الشعبية ألقت القبض", "ألقت المقاومة القبض", "مسلحون تابعون
    للحوثيين بالقبض على"), not a target, not a generic "مسلحين". ACLED codes arrests by groups that
    control ground as theirs; a state actor there or nearer keeps the state as the arrester."""
    cue = d.cue
    before = [a for a in actors if a.sentence == cue.sentence and a.token_end <= cue.token_start
              and cue.token_start - a.token_end <= ARRESTER_REACH]
    if not before:
        return None
    nearest = max(before, key=lambda a: a.token_end)
    if side_of(nearest.value) != "armed" or nearest.meta.get("template") or nearest.meta.get("default"):
        return None
    # a clause boundary, a relative pronoun or a passive between them: the group is not the subject
    # ("ميليشيات الحوثي والتي تركت مواقعها وتم إلقاء القبض على البعض", "زعيم تنظيم داعش، وقد اوقفت")
    if any(ch in doc.text[nearest.end:cue.start] for ch in CLAUSE_PUNCTUATION):
        return None
    between = doc.tokens[nearest.token_end:cue.token_start + 1]
    if any(t.norm in RELATIVES or t.norm in PASSIVE_AUXILIARIES for t in between):
        return None
    if is_target(idx, nearest) or is_beneficiary(idx, nearest):
        return None
    return nearest


def arresting_force(idx: MentionIndex, s: int) -> str:
    """Who arrests when the text names no force: the army when a defence ministry or the army's
    spokesman tells it ("أعلنت وزارة الدفاع الجزائرية إلقاء القبض على عنصرين إرهابيين"), else the police."""
    military_sources = ("mod", "army-spokes")
    for m in idx.get(s, "source"):
        if (getattr(m.value, "key", "") or "").split(":", 1)[0] in military_sources:
            return "military"
    return "police"


def family_of_sub(sub: str) -> str:
    return "Battles" if sub in ("territory", "attack") else SUB_TO_TYPE.get(sub, sub)


def default_actor(doc: Doc, d: Draft, template: str, country: str | None = None) -> Mention | None:
    """Unnamed crowds, gunmen and victims take the generic actor (no Arabic mention) of ``country``, by default
    the article's."""
    from ..lexicon.actors import actor_lexicon

    lex = actor_lexicon()
    country = country or doc.layers.get("country")
    tdef = lex.actors.get(template)
    if tdef is not None and tdef.kind == "state":
        country = lex.forces_country(country)  # unnamed forces in a Palestinian story are Israel's
    actor = lex.fill(template, country)
    if actor is None:
        return None
    return Mention("actor", d.cue.start, d.cue.start, "", d.sentence, d.cue.token_start, d.cue.token_start,
                   actor, {"default": True})


ORIGIN_LAND = MARKERS["origin_land"]
FIRED_FROM_ABROAD = frozenset({"Shelling/artillery/missile attack"})
FIRED_FROM_REACH = 12  # words from the shelling word to the land it was fired from


def fired_from_country(doc: Doc, cue: Mention) -> str | None:
    """The country a shell was fired from, named as a land after the shelling word ("سقوط مقذوفات عسكرية من
    داخل الأراضي اليمنية"): ISO2 of the nationality word after "من (داخل) الأراضي", else None. Not a land named
    before it ("العصابات التي حاولت الاقتراب من الحدود السعودية … هربا من القصف")."""
    from ..lexicon.actors import actor_lexicon

    sent = doc.sentences[cue.sentence]
    toks = doc.tokens
    for i in range(cue.token_end, min(sent.token_end - 2, cue.token_end + FIRED_FROM_REACH)):
        if toks[i].norm != "من":
            continue
        j = i + 1
        if toks[j].norm == "داخل":
            j += 1
        if j + 1 < sent.token_end and toks[j].norm in ORIGIN_LAND:
            code = actor_lexicon().adjectives.get(toks[j + 1].norm)
            if code:
                return code
    return None


def attribute_fire_from_abroad(doc: Doc, d: Draft) -> None:
    """A shelling fired from another country's land with no shooter of that country named: an unidentified armed
    group of that country fired it, and a force of the country hit ("استشهد الجندي … إثر تعرضه لشظايا قذيفة هاون
    من داخل الأراضي اليمنية") is the side hit, not the one firing."""
    if d.sub not in FIRED_FROM_ABROAD:
        return
    code = fired_from_country(doc, d.cue)
    if code is None or (d.actor1 is not None and getattr(d.actor1.value, "country", None) == code):
        return
    unnamed = default_actor(doc, d, "unidentified", code)
    if unnamed is None:
        return
    hit, d.actor1 = d.actor1, unnamed
    if hit is not None and d.actor2 is None and side_of(hit.value) == "state":
        d.actor2 = hit


STATE_FORCES = frozenset({"military", "police"})


def _sides_of(m: Mention) -> frozenset[int]:
    """The sides of data/alliances.yaml the actor stands on (none when it is not listed)."""
    return load_alliances().get(getattr(m.value, "key", None) or "", frozenset())


def is_opponent(a: Mention, b: Mention, side_a: str) -> bool:
    """Whether ``b`` can be the side ``a`` fights: of another kind of side and not its ally, or of the
    same kind but on opposite sides of data/alliances.yaml (Hadi's army against Saleh's forces)."""
    if are_allies(a, b):
        return False
    if side_of(b.value) != side_a:
        return True
    return bool(_sides_of(a)) and bool(_sides_of(b))


def are_allies(a: Mention, b: Mention) -> bool:
    """Same side: the same actor, state forces of one country, or actors of one side in
    data/alliances.yaml."""
    va, vb = a.value, b.value
    if getattr(va, "name", None) == getattr(vb, "name", None):
        return True
    force_a, _, country_a = (getattr(va, "key", None) or "").partition(":")
    force_b, _, country_b = (getattr(vb, "key", None) or "").partition(":")
    if country_a and country_a == country_b and force_a in STATE_FORCES and force_b in STATE_FORCES:
        return True  # the army and the police of one country (not a faction named on its own: Saleh's forces)
    return bool(_sides_of(a) & _sides_of(b))

LOCAL_TEMPLATES = ("civilians", "protesters", "rioters", "unidentified")


def localised_actor(m: Mention, country: str | None, country_name: str | None = None) -> Any:
    """Generic actors (civilians, protesters, gunmen) belong to the country where the event is,
    not the one the article is mostly about; named actors and armies keep their own."""
    v = m.value
    key = getattr(v, "key", "") or ""
    base = key.split(":", 1)[0]
    # an arrest with no arresting force named is by the police of where it happens ("ألقت السلطات
    # البلجيكية القبض … في بروكسل" in an article about Paris is not by the French police)
    # ... and police named without a nationality are those of where it happens: police act at home
    # ("مقتل رجلي أمن … في مدينة العريش" in a press review filed under Libya)
    implied_police = base == "police" and (m.meta.get("default") or m.meta.get("template"))
    # ... and so do security forces named by their function alone ("رجال الأمن", "قوات الأمن", "الأجهزة
    # الأمنية"): a statement from Abu Dhabi on the Abha bombing does not make its victims Emirati
    implied_police = implied_police or (base == "military" and m.meta.get("template") and any(
        w in SECURITY_WORDS for w in fold(m.text).split()))
    from ..lexicon.actors import actor_lexicon

    lex = actor_lexicon()
    if implied_police:
        country = lex.forces_country(country)  # unnamed police in the Palestinian territories are Israel's
    if not country or (base not in LOCAL_TEMPLATES and not implied_police) or m.meta.get("adjective") \
            or key == f"{base}:{country}":
        return v
    if country in lex.countries:
        return lex.fill(base, country) or v
    template = lex.actors.get(base)
    if template is None or not country_name:
        return v
    name = template.name.format(country=country_name, of_country=country_name)
    return GenericActor(name, template.inter)


@dataclass(frozen=True)
class GenericActor:
    """A generic actor filled for a country the actor table does not describe."""

    name: str
    inter: int


def is_pro_government(m: Mention) -> bool:
    """A militia fighting for the government (the Popular Resistance in Yemen, Iraq's Popular
    Mobilization Forces), as its lexicon entry says."""
    from ..lexicon.actors import actor_lexicon

    a = actor_lexicon().actors.get(getattr(m.value, "key", "") or "")
    return bool(a is not None and a.pro_government)
