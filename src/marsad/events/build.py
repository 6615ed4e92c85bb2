"""Build coded events from mentions: typing, roles, place, date, fatalities and the ACLED unit.

Reads the mention layers (cue, blocker, clause_break, actor, support, place, date, number,
source) and writes ``doc.events`` (a list of ``Event``). The unit of coding is one event per
type, place, day and pair of actors: a clause naming two towns yields two events, and the same
event told twice in an article is merged with both pieces of evidence kept.

The steps live beside this module: ``index`` (drafts and the mention index), ``roles``,
``placing``, ``timing``, ``fatalities`` and ``control`` (explicit control statements).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..doc import Doc, Mention
from ..lexicon.cues import Cue, load_cues
from ..text.normalise import fold
from .control import control_statements, one_per_claim
from .fatalities import assign_fatalities, carried_toll, is_tally, other_source
from .index import (
    MARKERS,
    RELATIVES,
    Draft,
    MentionIndex,
    dedupe_places,
    draft_place_key,
    is_event_place,
    is_marked,
    named_places_in,
    place_kind,
    precision_of,
    purpose_cue,
    purpose_lam,
    side_of,
)
from .model import SUB_TO_TYPE, Event, Evidence, Span, interaction_code, write_note
from .placing import (
    PLACELESS_MAX_SENTENCES,
    event_point,
    lead_places,
    nested_draft,
    place_country,
    place_draft,
)
from .roles import (BOMB_SUBS, CLAIM_REACH, apply_claims, are_allies, assign_roles, can_be_fought, default_actor,
                    family_of_sub, is_air, is_opponent, is_pro_government, is_target, localised_actor, parties)
from .timing import anchor_date, assign_date, is_history, is_reference, points_back


# ---------------------------------------------------------------------------------------------
def build_events(doc: Doc) -> None:
    """Pipeline stage: fill ``doc.events`` from the mention layers."""
    lex = load_cues()
    idx = MentionIndex(doc)
    idx.anchor = anchor_date(doc, idx)
    # a sentence or two naming no town (a labelled sentence, a brief): events stand without coordinates;
    # a longer text naming no place is rarely a report of events
    idx.placeless = len(doc.sentences) <= PLACELESS_MAX_SENTENCES and not any(
        is_event_place(idx, p) for p in doc.mentions if p.kind == "place")
    drafts: list[Draft] = []
    # Where the story is when a sentence names no place: the places of the last event told,
    # else the first place the article names.
    context_places: list[Mention] = lead_places(doc, idx)
    for s in range(len(doc.sentences)):
        if _skip_sentence(doc, s):
            continue
        if idx.get(s, "topic_shift"):
            idx.recent.clear()  # "وفي جانب آخر": another story, nothing carries over
            context_places = []
            idx.story_start = s
        if idx.get(s, "summary"):
            # a roundup ("في حوادث أمنية منفصلة") or a figure over a long period ("منذ بداية العام"):
            # its tolls are totals, the incidents themselves are told elsewhere
            continue
        typed = [c for c in idx.get(s, "cue") if c.value.sub not in ("kill", "wound") and not _inside_actor(idx, s, c)]
        if idx.get(s, "fireworks"):
            # "إنقاذ أطفال من الألعاب النارية، فيما انفجرت إحداها": a firework exploded, no bomb
            typed = [c for c in typed if c.value.sub != "Remote explosive/landmine/IED"]
        kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
        by_clause: dict[int, list[Mention]] = {}
        for c in typed:
            by_clause.setdefault(idx.clause(c), []).append(c)
        if not by_clause and kills and not idx.get(s, "accident"):
            # a death with no other cue: an attack when the dead and an armed attacker are both named
            # ("مقتل شرطي … إثر إطلاق مسلحين مجهولين النار")
            actors = parties(idx, s, None)
            dead = [a for a in actors if id(a) in idx.victims]
            armed = [a for a in actors if id(a) not in idx.victims and side_of(a.value) in ("armed", "state")
                     and not any(are_allies(a, x) for x in dead)]  # "طائرة تابعة للجيش … مقتل خمسة جنود": its own
            if dead and armed:
                by_clause[idx.clause(kills[0])] = [kills[0]]
        sent_drafts: list[Draft] = []
        referring: list[Mention] = []  # event nouns of the sentence that point back ("تلك الغارات")
        # background told in an earlier clause ("منذ أسابيع") governs later clauses with no date of their own
        background = [idx.clause(m) for m in idx.get(s, "date") if m.meta.get("background")]
        for clause in sorted(by_clause):
            cues = by_clause[clause]
            own_dates = [m for m in idx.in_clause(s, "date", clause) if not m.meta.get("background")]
            cues = [c for c in _unblocked(idx, s, clause, cues) if not _takeover_told_as_past(doc, idx, s, c)]
            if not cues or (not own_dates and any(b < clause for b in background)):
                continue
            # "وتأتي تلك الغارات مع …", "أحصوا ثمانية قتلى في هذا الهجوم": the event told before, not a
            # new one (its toll is carried to it); another event word of the clause still tells its own
            # ("وقبل 24 ساعة على هذا الهجوم دمر انفجار شاحنة مفخخة حيا سكنيا")
            back = [c for c in cues if points_back(doc, c)]
            if back:
                referring.extend(back)
                cues = [c for c in cues if c not in back]
                if all(c.value.sub in ("kill", "wound") for c in cues):
                    continue
            sent_drafts.extend(_drafts_for_clause(doc, idx, s, clause, cues, lex))
        sent_drafts = _one_seizure(sent_drafts)
        crimes = idx.get(s, "crime")
        if crimes and not idx.get(s, "militancy"):
            # "تمكنت وحدات الحرس الوطني من إيقاف مرتكب جريمة قتل": police work on ordinary crime; and the
            # crime itself ("عصابة مختصة في سرقة الأغنام") is no looting
            crime_spans = {(m.start, m.end) for m in crimes}
            sent_drafts = [d for d in sent_drafts if d.sub != "Arrests"
                           and not all((c.start, c.end) in crime_spans for c in d.cues)]
        if idx.get(s, "claim") and any(0 < s - d.sentence <= CLAIM_REACH for d in drafts):
            # "وتبنى تنظيم داعش الهجوم": the vague noun names the attack already told, not a new one
            sent_drafts = [d for d in sent_drafts if not all(c.value.needs_actor for c in d.cues)]
        if not sent_drafts:
            _carry_toll(doc, idx, s, drafts, lex)
            if referring:
                _refer_back(doc, idx, s, drafts, referring[0])
            continue
        assign_fatalities(doc, idx, s, sent_drafts, lex)
        split = [nd for d in sent_drafts for nd in place_draft(doc, idx, s, d, context_places)]
        for d in split:
            _assign_sources(doc, idx, s, d)
        split = [d for d in split if not is_history(doc, d) and not is_tally(doc, idx, d)]
        if not split:
            _carry_toll(doc, idx, s, drafts, lex)
            continue
        # (not the place of an earlier incident the sentence is timed by: "بعد الهجوم الانتحاري الذي وقع … في سوروتش")
        placed = [d.place for d in split if d.place is not None and not d.place_fallback and not d.timing_incident]
        if placed:
            context_places = dedupe_places(placed)
        if idx.get(s, "distinct"):
            for d in split:
                d.distinct = True
        drafts.extend(split)
    apply_claims(doc, idx, drafts)
    merged = _merge(drafts, doc)
    _implied_other_side(doc, idx, merged)
    for d in merged:
        if d.actor1 is None and d.sub in BOMB_SUBS:
            # ACLED codes a bombing whose author the text does not name to the country's
            # "Unidentified Armed Group"
            d.actor1 = default_actor(doc, d, "unidentified")
    events = [_to_event(doc, d, lex) for d in merged if d.place is not None or idx.placeless]
    doc.events = events
    doc.layers["control_candidates"] = candidates = control_statements(doc, idx)
    doc.layers["control"] = one_per_claim(candidates)


# State forces, rebels and political militias hold fronts; identity militias (settlers, tribes) and
# crowds are named in a story for other reasons
SIDES_THAT_FIGHT = frozenset({1, 2, 3, 8})
SIDE_REACH = 2  # sentences around a one-sided clash where its other side may be named


BOTH_SIDES = frozenset(MARKERS["both_sides"])


def _both_sides_told(doc: Doc, s: int) -> bool:
    """Does the sentence speak of "the two sides" ("سقط عدد من القتلى من الطرفين", "بين الطرفين")?"""
    sent = doc.sentences[s]
    toks = doc.tokens[sent.token_start:sent.token_end]

    def both(t: Any) -> bool:
        return bool(t.forms) and t.forms[-1] in BOTH_SIDES or t.norm in BOTH_SIDES

    if any(t.norm == "بين" and not (k + 1 < len(toks) and both(toks[k + 1])) for k, t in enumerate(toks)):
        return False  # "بين فصائل طالبان المؤيدة للزعيم الجديد ومعارضين له": the pair is told here, one unknown
    return any(both(t) for t in toks)


def _implied_other_side(doc: Doc, idx: MentionIndex, drafts: list[Draft]) -> None:
    """A clash (a clash word, not a vague attack) told with one side named and "the two sides" ("وفي تعز سقط
    عدد من القتلى والجرحى من الطرفين في معارك عنيفة"), when the only possible other side on the ground is
    named in the sentences around it ("الذي تحاصره المقاومة الشعبية"): that side, as a reader takes it.
    Several possible sides: left unnamed."""
    shifts = [s for s in range(len(doc.sentences)) if idx.get(s, "topic_shift")]
    for d in drafts:
        if d.cue.value.sub != "Armed clash" or d.sub != "Armed clash" or (d.actor1 is None) == (d.actor2 is None):
            continue
        one = d.actor1 or d.actor2
        if one is None or not one.text or not _both_sides_told(doc, d.sentence):
            continue
        first = max([d.sentence - SIDE_REACH, *[s for s in shifts if s <= d.sentence]], default=0)
        last = min([d.sentence + SIDE_REACH, *[s - 1 for s in shifts if s > d.sentence]])
        ground: dict[str, Mention] = {}
        for s in range(max(0, first), min(len(doc.sentences) - 1, last) + 1):
            for a in parties(idx, s, None):
                if a.value is not None and a.text and getattr(a.value, "inter", None) in SIDES_THAT_FIGHT \
                        and not is_air(a):
                    ground.setdefault(getattr(a.value, "name", ""), a)
        others = [a for a in ground.values() if is_opponent(one, a, side_of(one.value)) and can_be_fought(d, a)]
        if not others or not all(are_allies(others[0], b) for b in others[1:]):
            continue
        if d.actor1 is None:
            d.actor1 = others[0]
        else:
            d.actor2 = others[0]


def _inside_actor(idx: MentionIndex, s: int, cue: Mention) -> bool:
    """A cue word inside an actor's name ("منسقي الاعتصامات") is not an event; air forces are both
    (الطيران الحربي)."""
    if cue.value.sub == "Air/drone strike":
        return False
    return any(a.start <= cue.start and cue.end <= a.end and (a.start, a.end) != (cue.start, cue.end)
               for a in idx.get(s, "actor"))


# ------------------------------------------------------------------------------- sentence logic
HEADLINE_LIST_COLONS = 2  # spaced colons in one sentence: "place : headline" items run together


def _skip_sentence(doc: Doc, s: int) -> bool:
    """Link lines, tag lists, comment boxes, lists of other headlines and a headline (retold by the body) are
    not reports."""
    text = doc.sentence_text(s).strip()
    if text.startswith(("رابط", "سمات", "http", "التعليقات", "اقرأ أيضا", "اقرأ ايضا")):
        return True
    if text.count(" : ") >= HEADLINE_LIST_COLONS:
        return True  # "قبلي : القبض على الإرهابي الرابع … القلعة الكبرى : عنصر متشدد يكسر ساق مواطن": a list of
        # the site's other headlines, or a schedule, run together without full stops
    sent = doc.sentences[s]
    return (s == 0 and len(doc.sentences) >= 3 and sent.token_end - sent.token_start < 15
            and text[-1:] not in ".!?؟:" and doc.text[sent.end:sent.end + 1] == "\n")


# Blockers that govern only the next word or two: "منذ تحرير"، "سلسلة تفجيرات استهدفت" (the series and
# the verb that tells it), not a later cue of the clause ("بعد سلسلة هجمات … من السيطرة على مواقع").
SHORT_BLOCKERS = {"since": 1, "since_start": 3, "series": 2, "front": 1, "stop": 1, "possession": 5}


# Cues the ل of purpose does not make an aim: a death or a wound is told as such, and people gather
# "للاحتجاج" or "للتظاهر" when they protest.
PURPOSE_FREE = frozenset({"kill", "wound", "Peaceful protest", "Protest with intervention", "Violent demonstration",
                          "Mob violence", "Excessive force against protesters"})


AFTER_OR_SINCE = MARKERS["after"] | MARKERS["since_word"]
TAKEOVER_LINKS = MARKERS["takeover_link"]  # "بعد أن طردت", "بعدما", "بعد أن تم دحرها"
OWN_DAY_REACH = 6  # words after a takeover word (or its clause) within which a date of its own dates it
# expelling, a battle's word, is a takeover told as past after "بعد" too ("بعد طرد ميليشيات الحوثي منها")
EXPULSION_WORDS = MARKERS["expulsion"]


def _takeover_told_as_past(doc: Doc, idx: MentionIndex, s: int, cue: Mention) -> bool:
    """A takeover named after "بعد/عقب/إثر/منذ" is the earlier event the sentence is dated from ("لتطهير مدينة عدن
    من الألغام بعد تحريرها", "بعد تحرير عدن والحوطة ولودر وزنجبار", "منذ أن استعادت القوات"), told as past
    unless a day of its own follows it ("إثر تحرير المقاومة، أمس، مديرية عتمة", "بعد سيطرتها أول من أمس على").
    Expelling ("بعد طرد ميليشيات الحوثي منها") is told so too."""
    if cue.value.sub != "territory" and fold(cue.text).split()[0] not in EXPULSION_WORDS:
        return False
    toks = doc.tokens
    i = cue.token_start - 1
    while i >= 0 and toks[i].sentence == cue.sentence and toks[i].norm in TAKEOVER_LINKS:
        i -= 1
    if i < 0 or toks[i].sentence != cue.sentence or not is_marked(toks[i], AFTER_OR_SINCE):
        return False
    clause = idx.clause(cue)
    return not any(not m.meta.get("background") and cue.token_end <= m.token_start
                   and (m.token_start <= cue.token_end + OWN_DAY_REACH or idx.clause(m) == clause)
                   for m in idx.get(s, "date"))


def _named_after_a_time_word(doc: Doc, cue: Mention) -> bool:
    """Is the cue a definite event noun with a relative clause ("الهجوم الانتحاري الذي وقع …") right after
    "بعد/عقب/إثر/منذ": the incident the sentence is timed by, not one of its own acts?"""
    toks = doc.tokens
    i = cue.token_start - 1
    if i >= 1 and toks[i].norm.startswith("ال") and not is_marked(toks[i], AFTER_OR_SINCE):
        i -= 1  # the cue is the adjective of the noun after the time word ("بعد الهجوم الانتحاري")
    if i < 0 or toks[i].sentence != cue.sentence or not is_marked(toks[i], AFTER_OR_SINCE):
        return False
    # the noun and one adjective ("الهجوم الانتحاري الذي"): a relative pronoun within three words
    end = min(doc.sentences[cue.sentence].token_end, cue.token_end + 2)
    return toks[i + 1].norm.lstrip("وب").startswith("ال") and any(
        toks[k].norm in RELATIVES for k in range(cue.token_end, end))


EVENT_REFS = MARKERS["event_ref"]


def _done_by_the_incident(doc: Doc, cue: Mention) -> bool:
    """Is the cue the verb of a relative clause whose antecedent is an incident noun ("… تزامنت مع الحادث
    الإرهابي الغاشم، الذي استهدف المصلين")? Then the incident is what acts: no actor named before the noun is
    its author (the emergency forces who returned to their camp did not attack the worshippers)."""
    toks = doc.tokens
    i = cue.token_start - 1
    if i < 1 or toks[i].sentence != cue.sentence or toks[i].norm not in RELATIVES:
        return False
    for k in range(i - 1, max(-1, i - 4), -1):  # the noun and up to two adjectives ("الحادث الإرهابي الغاشم")
        if toks[k].sentence != cue.sentence:
            return False
        if is_marked(toks[k], EVENT_REFS):
            return True
        if not toks[k].norm.startswith("ال"):
            return False
    return False


def _unblocked(idx: MentionIndex, s: int, clause: int, cues: list[Mention]) -> list[Mention]:
    """The cues of a clause not governed by a plan, threat, denial, guess or background marker.

    A blocker governs the cues after it in its clause (negation only the next few words, منذ and سلسلة
    only the next word or two); a background date anywhere in the clause governs all of them.
    """
    dates = idx.in_clause(s, "date", clause)
    backgrounds = [d for d in dates if d.meta.get("background")]
    if backgrounds:
        own = [d for d in dates if not d.meta.get("background")]
        # the clause's own day told first, the background later ("بدأ شاب إضراب جوع منذ يوم أمس الاثنين احتجاجا
        # على منعه من التدريس منذ سنة 2005"): the background is of what follows it, the cues before it are news
        first_background = min(d.token_start for d in backgrounds)
        if not own or min(d.token_start for d in own) > first_background:
            return []
        cues = [c for c in cues if c.token_start < first_background]
    blockers = idx.in_clause(s, "blocker", clause)
    if any(b.value == "habitual" for b in blockers):
        return []  # a habit told after its cue too ("يشن الطيران غارات على مواقعهم يوميا")
    series = [b for b in idx.get(s, "blocker") if b.value == "series"]
    own_date = any(not d.meta.get("background") for d in idx.in_clause(s, "date", clause))
    out = []
    for c in cues:
        if c.value.sub == "territory" and not own_date and c.token_start > 0 and \
                idx.doc.tokens[c.token_start - 1].norm in RELATIVES:
            continue  # "المتمردين الحوثيين الذين سيطروا على مناطق واسعة": who they are, no new takeover
        if _plural_incidents(c) and any(b.token_end <= c.token_start for b in series):
            continue  # the series named again by a plural later in the sentence ("… في هجمات تبنى بعضها")
        if c.value.sub not in PURPOSE_FREE and purpose_cue(idx.doc, c):
            continue  # "لاستهداف", "لتحرير": an aim
        governed = False
        for b in blockers:
            if b.token_start > c.token_start:
                continue
            if b.value in ("negation", "hypothetical", "absence") and c.token_start - b.token_end > 2:
                continue
            if b.value in SHORT_BLOCKERS and c.token_start - b.token_end >= SHORT_BLOCKERS[b.value]:
                continue
            if b.value == "possession" and SUB_TO_TYPE.get(c.value.sub) != "Explosions/Remote violence":
                continue  # a device made or seized: no explosion, whatever else the clause tells
            if b.value == "stop" and c.token_start < b.token_end:
                continue  # the phrase it opens is the cue ("وقف إطلاق النار")
            if b.value == "charge" and is_reference(idx.doc, c):
                continue  # "المتهم بالوقوف خلف العملية الانتحارية التي وقعت في سروج": an incident told
            governed = True
            break
        if not governed:
            out.append(c)
    return out


def _burning(cue: Mention) -> bool:
    """Is the riot word one of setting fire ("أضرموا النار", "أحرقوا"), which armed men do too, unlike
    throwing stones, which only a crowd does?"""
    text = fold(cue.text)
    return any(w in text for w in BURNING_WORDS)


def _plural_incidents(cue: Mention) -> bool:
    """Is the cue a plural of incidents (هجمات، تفجيرات، انفجارات), not of fighting (اشتباكات، معارك)?"""
    words = fold(cue.text).split()
    return bool(words) and words[0].endswith("ات") and SUB_TO_TYPE.get(cue.value.sub) != "Battles"


def _one_seizure(drafts: list[Draft]) -> list[Draft]:
    """An abduction by an armed group and an arrest cue of the same sentence are one seizure told
    twice ("قامت داعش بخطف 170 … وذلك خلال عملية مداهمة لمدينة القريتين"): who seizes decides, and a
    non-state group abducts; the raid's arrest draft would give the seizure to some state named nearby."""
    abducting = [d for d in drafts if d.sub == "Abduction/forced disappearance" and d.actor1 is not None
                 and d.actor1.text and side_of(d.actor1.value) != "state"]
    if not abducting:
        return drafts
    kept = []
    for d in drafts:
        if d.sub == "Arrests":
            abducting[0].cues.extend(d.cues)
            continue
        kept.append(d)
    return kept


# How far after a defusing or seizing word ("أبطلت مفعول ست عبوات ناسفة") the device it names may stand.
DEFUSED_REACH = 4


def _defused(families: dict[str, list[Mention]]) -> bool:
    """Are all the explosion cues of a clause the devices a defusing or seizing word before them names
    ("وأبطلت مفعول ست عبوات ناسفة تم زرعها على جانبي الطريق")? Then nothing exploded: the clause tells
    a disrupted weapons use, not a bombing beside it."""
    disrupting = [c for c in families.get("Strategic developments", ()) if c.value.sub == "Disrupted weapons use"]
    return bool(disrupting) and all(
        any(0 < c.token_start - w.token_end + 1 <= DEFUSED_REACH for w in disrupting)
        for c in families["Explosions/Remote violence"])


def _family(cue: Mention) -> str:
    sub = cue.value.sub
    return "Battles" if sub == "territory" else SUB_TO_TYPE.get(sub, sub)  # "attack" is its own family


# Explosion words that name no device: what exploded is told elsewhere in the sentence, if at all.
BARE_BLASTS = MARKERS["bare_blast"]
STORM_WORDS = MARKERS["storm"]


def _drafts_for_clause(doc: Doc, idx: MentionIndex, s: int, clause: int, cues: list[Mention], lex: Any) -> list[Draft]:
    """One draft per event type cued in the clause ("غارات ... مع استمرار الاشتباكات" is two events)."""
    families: dict[str, list[Mention]] = {}
    for c in cues:
        families.setdefault(_family(c), []).append(c)
    if "attack" in families and all(c.value.sub == "Other" for f, g in families.items() if f != "attack" for c in g):
        # a build-up word beside an attack is its target: "إطلاق نار على حشد انتخابي" is a shooting at a
        # crowd, "استهدف طيران التحالف تعزيزات" an air strike on reinforcements, no troop build-up
        families = {"attack": families["attack"]}
    if len(families) > 1:
        families.pop("attack", None)  # "هجوم انتحاري", "هجوم بسيارة مفخخة": the specific cue types it
    riot = None
    if "Protests" in families and "Battles" in families and all(c.value.sub == "Armed clash" for c in families["Battles"]) \
            and _sides(parties(idx, s, clause)) & {"crowd", "armed"} == {"crowd"}:
        # "اندلعت مواجهات بين قوات الأمن التركية ومتظاهرين", "اشتباكات بين المتظاهرين وقوات الأمن": a
        # fight between protesters and the police is a violent demonstration, not a battle beside a protest
        families["Riots"] = families.pop("Riots", []) + families.pop("Battles") + families.pop("Protests")
        riot = "Violent demonstration"
    if "Explosions/Remote violence" in families and _defused(families):
        families.pop("Explosions/Remote violence")
    if any(not c.value.needs_actor for g in families.values() for c in g):
        # a vague verb (استهدفت، قصف) beside a clear cue of another type describes that event
        families = {f: g for f, g in families.items() if any(not c.value.needs_actor for c in g)}
    if "Riots" in families and "Protests" not in families and riot is None and all(_burning(c) for c in families["Riots"]) \
            and _sides(a for a in parties(idx, s, None) if id(a) not in idx.victims) & {"crowd", "armed"} == {"armed"}:
        # armed men who burn ("أن الإرهابيين قاموا بقتل 13 شخصا … كما أضرموا النار في منازل عدة"): no crowd
        # riots; with killing it is their attack, else the burning of property
        kills = any(c.value.sub == "kill" for c in idx.get(s, "cue"))
        riot = "Attack" if kills else "Looting/property destruction"
    if "Protests" in families and "Riots" in families:
        # protesters who burn or throw stones ("تظاهر … وأحرقوا العلم"): one violent demonstration
        families["Riots"] = families.pop("Riots") + families.pop("Protests")
    if len(families) > 1 and "Battles" in families and all(fold(c.text) in STORM_WORDS for c in families["Battles"]) \
            and any(f in ("Violence against civilians", "Strategic developments") for f in families):
        # storming a place to abduct, arrest or kill there ("اقتحموا مقر وزارة المالية … واختطفوا مدير ادارة
        # الميزانية") is the means of that event, not a battle beside it
        families.pop("Battles")
    if len(families) > 1:
        # the weapon of an event ("قصفت … بصاروخ", "هاجم … بقذائف") is evidence of it, not a second event
        tools = [f for f, g in families.items() if all(_instrument(doc, c) for c in g)]
        if len(tools) < len(families):
            for f in tools:
                main = max((k for k in families if k not in tools), key=lambda k: max(c.value.priority for c in families[k]))
                families[main] = families[main] + families.pop(f)
    drafts = []
    for family, group in families.items():
        d = _draft_for_cues(doc, idx, s, clause, group, riot if family == "Riots" else None)
        if d is not None and family == "Riots" and riot in ("Attack", "Looting/property destruction"):
            # the armed men named before the burning did it ("أن الإرهابيين قاموا بقتل … كما أضرموا النار"),
            # not a force named after it in its clause ("واتهمونا بأننا أخبرنا الجنود")
            armed = [a for a in parties(idx, s, None) if a.value is not None and id(a) not in idx.victims
                     and side_of(a.value) == "armed" and a.token_start < d.cue.token_start]
            if armed and (d.actor1 is None or side_of(d.actor1.value) != "armed"):
                d.actor1 = armed[-1]
        if d is not None:
            drafts.append(d)
            idx.recent.append(d)
    return drafts


def _sides(actors: Iterable[Mention]) -> set[str]:
    """The kinds of side (armed, crowd, state …) of the named actors."""
    return {side_of(a.value) for a in actors if a.value is not None}


def _deadly_attack(idx: MentionIndex, s: int, sub: str) -> bool:
    """An attack told with its dead or wounded and no one named ("شهد وسط باريس … عدة عمليات إطلاق نار …
    مما أسفر عن سقوط 40 قتيلا"): an attack by unidentified men, unless the sentence reacts to it."""
    return (sub == "attack" and any(c.value.sub in ("kill", "wound") for c in idx.get(s, "cue"))
            and not any(b.value in _REACTION_BLOCKERS for b in idx.get(s, "blocker")))


# a reaction retells an attack told elsewhere: "أدان … العمل الإرهابي الآثم، الذي استهدف مسجداً"
_REACTION_BLOCKERS = frozenset({"condemn", "background"})


def _subject_before(doc: Doc, idx: MentionIndex, s: int, cue: Mention, sent_actors: list[Mention]) -> list[Mention]:
    """The last armed or state actor named before a cue in its sentence, when none is named after it.

    Only for a dated report: the noun alone (تحرير تعز، بمناسبة تحرير) is as often a topic or an aim
    as an act, and with ل it is a purpose ("لتحريرها", "لاستعادة السيطرة")."""
    if any(a.token_start > cue.token_start for a in sent_actors) or not idx.get(s, "date"):
        return []
    if purpose_lam(doc, cue):
        return []  # the preposition ل, not the article's ل ("التحرير")
    before = [a for a in sent_actors if a.value is not None and a.token_end <= cue.token_start
              and side_of(a.value) in ("state", "armed") and not is_target(idx, a)]
    return before[-1:]


def _instrument(doc: Doc, cue: Mention) -> bool:
    """A cue told as the means of another act: with the preposition ب ("بصاروخ", "بقذائف الهاون",
    "بسيارة مفخخة")."""
    tok = doc.tokens[cue.token_start]
    return cue.start > tok.start and doc.text[tok.start:cue.start].endswith("ب")


def _only_suicide_bombs_told(doc: Doc) -> bool:
    """Does the article tell a suicide bombing and name no other explosive device (عبوة، لغم، سيارة مفخخة …
    not driven by a bomber)? Then its bare "التفجير" is that bombing told again. Cached on the doc."""
    known = doc.layers.get("only_suicide_bombs")
    if known is None:
        subs = [(c.value.sub, fold(c.text)) for c in doc.mentions if c.kind == "cue"]
        known = any(sub == "Suicide bomb" for sub, _ in subs) and not any(
            sub == "Remote explosive/landmine/IED" and text not in BARE_BLASTS for sub, text in subs)
        doc.layers["only_suicide_bombs"] = known
    return known


def _draft_for_cues(doc: Doc, idx: MentionIndex, s: int, clause: int, cues: list[Mention],
                    sub: str | None = None) -> Draft | None:
    """The draft of one event cued in a clause; ``sub`` types it when the cues together decide (a riot)."""
    clause_actors = parties(idx, s, clause)
    sent_actors = parties(idx, s, None)
    # The strongest cue types the event; the others are evidence for it.
    cues = sorted(cues, key=lambda c: -c.value.priority)
    main = cues[0]
    sub = sub or main.value.sub
    # Air power named in the clause turns a generic bombardment into an air strike.
    if sub == "Shelling/artillery/missile attack" and (
        any(c.value.sub == "Air/drone strike" for c in cues) or any(is_air(a) for a in clause_actors)
        or _by_aircraft(doc, idx, s, clause)
    ):
        sub = "Air/drone strike"
    if sub == "Remote explosive/landmine/IED" and any(c.value.sub == "Suicide bomb" for c in cues):
        sub = "Suicide bomb"
    elif sub == "Remote explosive/landmine/IED" and all(fold(c.text) in BARE_BLASTS for c in cues if c.value.sub == sub) \
            and (any(c.value.sub == "Suicide bomb" for c in idx.get(s, "cue")) or _only_suicide_bombs_told(doc)):
        # a bare "تفجير" whose sentence tells the bomber or his belt ("…، كما عثر في الموقع على أشلاء يعتقد
        # أنها ناتجة عن تفجير بأحزمة ناسفة"), or in an article whose only bombs are suicide bombers' ("أدان …
        # التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ" beside "الانتحاري الذي فجر نفسه"): a suicide bombing
        sub = "Suicide bomb"
    if all(c.value.needs_actor for c in cues) and not clause_actors:
        if sub != "territory":
            if not sent_actors and not (_deadly_attack(idx, s, sub) and not is_reference(doc, main)):
                return None
        else:
            # who took ground is the subject named before the verb, commas apart ("حققت المقاومة
            # الشعبية، أمس، نصرًا جديدًا، إذ سيطرت على مدينة صبر"), never an actor told after it
            clause_actors = _subject_before(doc, idx, s, main, sent_actors)
            if not clause_actors:
                return None
    first_cue = min(cues, key=lambda c: c.start)
    timing_incident = _named_after_a_time_word(doc, first_cue)
    if timing_incident or _done_by_the_incident(doc, first_cue):
        # "فرقت الشرطة … المتظاهرين الذين كانوا يدينون تنظيم داعش بعد الهجوم الانتحاري الذي وقع مطلع الأسبوع في
        # سوروتش": the earlier incident a sentence is timed by has none of its actors; only those told after it.
        # So for an incident that acts in a relative clause ("الحادث الإرهابي، الذي استهدف المصلين")
        clause_actors = [a for a in clause_actors if a.start > main.start]
        sent_actors = [a for a in sent_actors if a.start > main.start]
    d = Draft(main, sub, s, clause, cues=list(cues), timing_incident=timing_incident)
    assign_date(doc, idx, s, d, idx.anchor)
    assign_roles(doc, idx, s, d, clause_actors, sent_actors)
    if d.actor1 is None and not sent_actors and sub == "attack":
        d.actor1 = default_actor(doc, d, "unidentified")  # "عدة عمليات إطلاق نار … مما أسفر عن سقوط 40 قتيلا"
    if d.sub == "Shelling/artillery/missile attack" and all(c.value.needs_actor for c in cues):
        _air_bombardment(doc, idx, s, d)
    if d.sub == "territory":
        if d.actor1 is None:
            return None
        gov = side_of(d.actor1.value) == "state" or is_pro_government(d.actor1)
        d.sub = "Government regains territory" if gov else "Non-state actor overtakes territory"
    if d.sub == "kill" and d.actor1 is not None and d.actor1.text and is_air(d.actor1):
        # "نفذت الطائرات التركية ثلاث ضربات … ما تسبب في مقتل تسعة": killed by aircraft, an air strike
        d.sub = "Air/drone strike"
    if d.sub == "kill":
        # a killing: of civilians it is an attack on them, of armed men or police a battle
        d.sub = "Attack" if d.actor2 is not None and side_of(d.actor2.value) == "civ" else "Armed clash"
    if d.sub not in SUB_TO_TYPE:
        return None
    s0 = doc.sentences[s]
    d.evidence.append((s0.start, s0.end))
    return d


AIR_INSTRUMENTS = MARKERS["air_instrument"]
BURNING_WORDS = MARKERS["burning"]


def _by_aircraft(doc: Doc, idx: MentionIndex, s: int, clause: int) -> bool:
    """Does the clause say the bombardment was made with aircraft ("قصف الجيش بطائرات هليكوبتر")?"""
    sent = doc.sentences[s]
    return any(idx.clause_of[i] == clause and t.norm.startswith("ب") and t.forms[-1] in AIR_INSTRUMENTS
               for i, t in enumerate(doc.tokens[sent.token_start:sent.token_end], start=sent.token_start))


def _carry_toll(doc: Doc, idx: MentionIndex, s: int, drafts: list[Draft], lex: Any) -> None:
    """A sentence telling no event of its own but a death toll of the one just told ("وقال الجيش
    إن الهجوم أسفر عن مقتل 25 شخصا"): the toll is that event's, the fuller count winning."""
    if not drafts or s < idx.story_start:
        return
    last = drafts[-1]
    if last.sentence < idx.story_start or not 0 < s - last.sentence <= 2:
        return
    count, spans = carried_toll(doc, idx, s, last, lex)
    if count is None:
        return
    for d in drafts:
        if d.sentence == last.sentence and d.cue is last.cue:  # a toll told once, on the event's first place
            d.fatalities = max(d.fatalities or 0, count)
            d.fatality_spans.extend(spans)
            sent = doc.sentences[s]
            if (sent.start, sent.end) not in d.evidence:
                d.evidence.append((sent.start, sent.end))
            break


REFER_REACH = 3  # sentences back from "تلك الغارات" to the strikes it names


def _refer_back(doc: Doc, idx: MentionIndex, s: int, drafts: list[Draft], noun: Mention) -> None:
    """A sentence about an event told just before ("وقتل 260 مقاتلا في هذه الغارات", "وتأتي تلك الغارات
    مع …") is more evidence of that event, not an event of its own: the last draft of the same family
    within a few sentences of the story. Kept aside (``doc.layers["reference_sentences"]``, by the
    draft's cue) and joined to the published event after the learned gate, which judges an event by
    the sentences that tell it, not by those that mention it again (``events.references``)."""
    if not _tells_something(idx, s):
        return  # "وأن هذه القذائف الغادرة لن تزيدهم إلا ثباتا": the event only named, nothing told of it
    family = family_of_sub(noun.value.sub)
    for d in reversed(drafts):
        if s - d.sentence > REFER_REACH or d.sentence < idx.story_start:
            return
        if family_of_sub(d.sub) == family or noun.value.sub == "attack":
            sent = doc.sentences[s]
            refs = doc.layers.setdefault("reference_sentences", {}).setdefault((d.cue.start, d.cue.end), [])
            if (sent.start, sent.end) not in refs:
                refs.append((sent.start, sent.end))
            return


def _tells_something(idx: MentionIndex, s: int) -> bool:
    """Does a sentence naming an event again tell something concrete of it: its dead or wounded, a
    place or a day? A reaction that only names it ("هذا العمل الإرهابي الجبان") tells nothing."""
    return bool(idx.get(s, "place") or any(not d.meta.get("background") for d in idx.get(s, "date"))
                or any(c.value.sub in ("kill", "wound") for c in idx.get(s, "cue")))


def _air_bombardment(doc: Doc, idx: MentionIndex, s: int, d: Draft) -> None:
    """A bare "قصف" by the air force is an air strike: its subject flies, or it continues, with no
    subject of its own, the air strikes told just before ("شن طيران التحالف 6 غارات …، وقصف أهدافا
    أخرى", "دمر طيران التحالف … في غارة … . وقصف في وقت سابق موقع …")."""
    sent = doc.sentences[s]
    if d.actor1 is not None and d.actor1.text and is_air(d.actor1):
        d.sub = "Air/drone strike"
        return
    after = d.cue.token_end
    if after < sent.token_end and doc.tokens[after].forms[-1] in AIR_INSTRUMENTS:
        d.sub = "Air/drone strike"  # "قصفت الطائرات المقاتلة التابعة للتحالف العربي مواقع": the aircraft bomb
        return
    if d.actor1 is not None and d.actor1.text and idx.clause(d.actor1) == d.clause:
        return  # "فيما قصفت قوات النظام الحولة": its own subject, on the ground
    subjectless = not any(a.token_start < d.cue.token_start for a in idx.get(s, "actor"))
    earlier_air = [c for c in idx.get(s, "cue") if c.value.sub == "Air/drone strike" and c.start < d.cue.start]
    prev = [p for p in idx.recent if p is not d and p.sentence in (s, s - 1) and p.sub == "Air/drone strike"]
    if earlier_air and prev and prev[-1].sentence == s:
        d.sub = "Air/drone strike"
        d.actor1 = prev[-1].actor1 or d.actor1
    elif subjectless and d.cue.token_start - sent.token_start <= 1 and prev:
        d.sub = "Air/drone strike"
        d.actor1 = prev[-1].actor1 or d.actor1
    else:
        return
    if d.actor2 is not None and d.actor1 is not None and side_of(d.actor2.value) == side_of(d.actor1.value):
        d.actor2 = None


# -------------------------------------------------------------------------------- sources
def _assign_sources(doc: Doc, idx: MentionIndex, s: int, d: Draft) -> None:
    names: list[str] = []
    mentions = idx.get(s, "source")
    if not mentions:
        for t in (s - 1, s + 1):
            if 0 <= t < len(doc.sentences):
                mentions = idx.get(t, "source")
                if mentions:
                    break
    for m in mentions:
        name = getattr(m.value, "name", None) or str(m.value)
        if name not in names:
            names.append(name)
    d.sources = names
    d.source_mentions = list(mentions)


# ---------------------------------------------------------------------------- the unit
def _actor_name(m: Mention | None) -> str | None:
    """The actor's name for comparing retellings; a default actor (no words in the text) is unknown."""
    if m is None or m.value is None or m.meta.get("default"):
        return None
    return getattr(m.value, "name", None)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _victim_groups(a: Mention | None, b: Mention | None) -> bool:
    """Two named sides hit by one explosion: civilians and a force (or civilians told twice)."""
    return a is not None and b is not None and "civ" in (side_of(a.value), side_of(b.value))


def _is_series(d: Draft) -> bool:
    """Is the draft told as several incidents in one ("سلسلة تفجيرات", "هجمات", "انفجارات")? Its count is
    a total over them. (Battles are told in the plural, "اشتباكات", even when they are one.)"""
    if SUB_TO_TYPE.get(d.sub) == "Battles" or not d.cue.text:
        return False
    return fold(d.cue.text).split()[0].endswith("ات")


def _attack_told_again(a: Draft, b: Draft) -> bool:
    """Is one of two drafts (of different sentences) a generic attack ("الاعتداء", "الهجوم", a killing) by
    an unnamed hand that retells the other, a bombing or a fight? ("قتل خمسة مدنيين في عملية انتحارية" then "إن الاعتداء أدى
    إلى مقتل خمسة مدنيين"). A fight's sides are armed: an attack on civilians is not its retelling."""
    if a.sub == b.sub or "Attack" not in (a.sub, b.sub):
        return False
    attack, other = (a, b) if a.sub == "Attack" else (b, a)
    if _actor_name(attack.actor1) is not None or attack.distinct:
        return False
    family = SUB_TO_TYPE.get(other.sub)
    if family == "Battles":
        return attack.actor2 is None or side_of(attack.actor2.value) != "civ"
    return family == "Explosions/Remote violence"


def _vague(d: Draft) -> bool:
    """Is the draft cued only by words that need an actor to mean an event (مجزرة، اقتحمت، استهدفت)?"""
    return all(c.value.needs_actor for c in d.cues or [d.cue])


def _framed_in_sentence(a: Draft, b: Draft) -> bool:
    """Does one clause of a sentence name, in a vague word, the event another clause tells with its weapon?
    ("ارتكبت الميليشيات الحوثية مجزرة في مدينة عدن، بعدما أمطرت ضاحية دار سعد بصواريخ الكاتيوشا …
    مما أدى إلى مقتل 43 مدنيا"): one event by one named hand, typed by the clear cue."""
    if a.sentence != b.sentence or a.clause == b.clause or a.distinct or b.distinct:
        return False
    vague, clear = (a, b) if _vague(a) else (b, a)
    if vague.sub != "Attack" or _vague(clear) or SUB_TO_TYPE.get(clear.sub) != "Explosions/Remote violence":
        return False  # a massacre told by its shelling or bombing; other pairs are merged by type
    v1, c1 = _actor_name(vague.actor1), _actor_name(clear.actor1)
    if v1 is not None:
        return v1 == c1
    # an unnamed hand "targeted" the place where the clause after tells a car bomb went off ("واستهدف أكثر
    # الهجمات دموية منطقة بغداد الجديدة، حيث أدى تفجير سيارة مفخخة إلى مقتل 19 شخصا")
    return all(c.value.sub == "attack" for c in vague.cues or [vague.cue])


def _merge(drafts: list[Draft], doc: Doc | None = None) -> list[Draft]:
    """One event per type, place, day and actor pair; a territory change absorbs the fighting."""
    out: list[Draft] = []
    for d in drafts:
        merged = False
        for e in out:
            if (e.date or (None,))[0] != (d.date or (None,))[0]:
                continue
            nested = nested_draft(e, d, doc)
            if nested is not None and e.sentence == d.sentence and e.clause != d.clause:
                nested = None  # "6 غارات … بمحافظة الجوف، وقصف أهدافا أخرى في … الحزم": two targets
            if draft_place_key(e) != draft_place_key(d) and nested is None:
                continue
            if d.distinct and d.sentence != e.sentence:
                continue  # told as another incident ("في وقت سابق")
            same_sub = e.sub == d.sub
            battle_pair = SUB_TO_TYPE.get(e.sub) == "Battles" and SUB_TO_TYPE.get(d.sub) == "Battles"
            a1, a2 = _actor_name(d.actor1), _actor_name(d.actor2)
            b1, b2 = _actor_name(e.actor1), _actor_name(e.actor2)
            straight = _compatible(a1, b1) and _compatible(a2, b2)
            crossed = battle_pair and _compatible(a1, b2) and _compatible(a2, b1)
            bombs = e.sub in BOMB_SUBS and d.sub in BOMB_SUBS
            victims = bombs and not straight and _compatible(a1, b1) and _victim_groups(e.actor2, d.actor2)
            if not (straight or crossed or victims):
                continue
            told_again = straight and e.sentence != d.sentence and _attack_told_again(e, d)
            framed = straight and not same_sub and _framed_in_sentence(e, d)
            if not (same_sub or battle_pair or bombs or told_again or framed):
                continue
            if told_again and e.sub == "Attack":
                e.sub = d.sub  # "الاعتداء" first, the suicide bombing it was told after: the bombing
            if framed and _vague(e):
                e.sub, e.cue = d.sub, d.cue  # the clear cue types the event
            # the other telling's sides, in this telling's order (a battle may name them either way)
            d1, d2 = (d.actor1, d.actor2) if straight else (d.actor2, d.actor1)
            if bombs and d.sub == "Suicide bomb":
                e.sub = d.sub  # "تفجير" retold as "تفجير انتحاري": one suicide bombing
            if battle_pair and not same_sub and d.sub not in ("Armed clash",) and e.sub == "Armed clash":
                e.sub = d.sub  # the territory change is the event; the clash is part of it
                e.actor1, e.actor2 = d.actor1 or e.actor1, d.actor2 or e.actor2
                d1, d2 = d.actor1, d.actor2
            if victims:
                # "انفجار عبوة ناسفة … أصيب شرطيان" then "… إصابة مدني تصادف مروره": one explosion
                # with two groups hit. The first telling (most often the lead's) keeps its side; the
                # other group hit stands beside it
                e.assoc2 = e.assoc2 or d.actor2
                d1, d2 = d.actor1, None
            if nested is d:
                e.place, e.place_fallback = d.place, d.place_fallback  # the smallest named place wins
            # a default side (no words name it: the unidentified attacker of an attack) gives way
            if e.actor1 is None or (_actor_name(e.actor1) is None and _actor_name(d1) is not None):
                e.actor1 = d1 or e.actor1
            if e.actor2 is None or (_actor_name(e.actor2) is None and _actor_name(d2) is not None):
                e.actor2 = d2 or e.actor2
            if _actor_name(e.actor1) is not None and _actor_name(e.actor1) == _actor_name(e.actor2):
                e.actor2 = None  # one side told twice is not both sides
            ds1, ds2 = (d.assoc1, d.assoc2) if straight else (d.assoc2, d.assoc1)
            if e.actor1 is d.actor1 or e.actor2 is d.actor2:
                ds1, ds2 = d.assoc1, d.assoc2  # the territory change's sides were taken as they are
            e.assoc1 = e.assoc1 or ds1
            e.assoc2 = e.assoc2 or ds2
            for side in ("assoc1", "assoc2"):
                a = getattr(e, side)
                if a is not None and _actor_name(a) in (_actor_name(e.actor1), _actor_name(e.actor2)):
                    setattr(e, side, None)
            if e.assoc1 is not None and e.assoc2 is not None and _actor_name(e.assoc1) == _actor_name(e.assoc2):
                e.assoc2 = None
            if d.fatalities is not None:
                # one article retelling an event: its fullest count ("قتل جندي تركي وآخر" then "وقتل
                # عسكري تركي"); two counts in one sentence add up. (Across sources, fusion keeps the lower.)
                if e.fatalities is None:
                    e.fatalities = d.fatalities
                elif e.sentence == d.sentence and e.fatality_spans and d.fatality_spans and other_source(
                        doc, e.fatality_spans[-1], d.fatality_spans[0]):
                    e.fatalities = min(e.fatalities, d.fatalities)  # two sources' figures: the lower
                elif e.sentence == d.sentence and {(m.start, m.end) for m in e.fatality_spans} & {
                        (m.start, m.end) for m in d.fatality_spans}:
                    pass  # one toll read by both tellings of the sentence
                elif e.sentence == d.sentence:
                    e.fatalities += d.fatalities
                elif nested is not None and _is_series(e if nested is d else d):
                    # "قتل 30 شخصا في سلسلة تفجيرات استهدفت مناطق مختلفة في العراق" then "أدى تفجير سيارة
                    # مفخخة في بغداد الجديدة إلى مقتل 19": the lead's total is not the one bombing's toll
                    e.fatalities = d.fatalities if nested is d else e.fatalities
                else:
                    e.fatalities = max(e.fatalities, d.fatalities)
            for ev in d.evidence:
                if ev not in e.evidence:
                    e.evidence.append(ev)
            e.cues.extend(d.cues)
            e.fatality_spans.extend(d.fatality_spans)
            for n in d.sources:
                if n not in e.sources:
                    e.sources.append(n)
            merged = True
            break
        if not merged:
            out.append(d)
    return out


def _to_event(doc: Doc, d: Draft, lex: Any) -> Event:
    rp = d.place.value if d.place is not None else None
    place = getattr(rp, "place", None)
    a1, a2 = d.actor1, d.actor2
    ev = Event(article_id=doc.id, event_type=SUB_TO_TYPE[d.sub], sub_event_type=d.sub)
    if d.date is not None:
        start, end, precision = d.date
        ev.event_date = start.isoformat()
        ev.event_date_end = end.isoformat()
        ev.time_precision = precision
    place_cc = getattr(place, "country_code", None)
    if a1 is not None:
        v1 = localised_actor(a1, place_cc, getattr(place, "country", None))
        ev.actor1, ev.actor1_ar, ev.inter1 = v1.name, a1.text or None, getattr(v1, "inter", None)
    if a2 is not None:
        v2 = localised_actor(a2, place_cc, getattr(place, "country", None))
        ev.actor2, ev.actor2_ar, ev.inter2 = v2.name, a2.text or None, getattr(v2, "inter", None)
    if d.assoc1 is not None:
        ev.assoc_actor_1 = getattr(localised_actor(d.assoc1, place_cc, getattr(place, "country", None)), "name", None)
    if d.assoc2 is not None:
        ev.assoc_actor_2 = getattr(localised_actor(d.assoc2, place_cc, getattr(place, "country", None)), "name", None)
    if ev.actor2 is not None and ev.actor2 == ev.actor1:
        ev.actor2 = ev.actor2_ar = ev.inter2 = None  # one side named twice ("الإرهابيين" by the bombers)
        a2 = None
    if ev.assoc_actor_1 in (ev.actor1, ev.actor2):
        ev.assoc_actor_1 = None  # an ally is not one of the two sides
    if ev.assoc_actor_2 in (ev.actor1, ev.actor2, ev.assoc_actor_1):
        ev.assoc_actor_2 = None
    if ev.inter1:
        ev.interaction = interaction_code(ev.inter1, ev.inter2)
    if place is not None:
        ev.location = place.name_en
        ev.location_ar = d.place.text
        ev.latitude, ev.longitude = event_point(place, precision_of(d.place))
        ev.geo_precision = precision_of(d.place)
        ev.location_id = place.id
        ev.country = place.country
        ev.admin1, ev.admin2 = getattr(place, "admin1", None), getattr(place, "admin2", None)
        ev.admin3 = getattr(place, "admin3", None)
    if place is None and d.country:
        ev.country = d.country
    ev.fatalities = d.fatalities or 0
    sources = list(d.sources)
    if doc.source and doc.source not in sources:
        sources.append(doc.source)
    ev.source = "; ".join(sources) or None
    ev.evidence = [Evidence(doc.text[a:b], a, b) for a, b in d.evidence]
    spans: list[Span] = [Span("cue", c.start, c.end, c.text) for c in d.cues]
    for role, m in (("actor1", a1), ("actor2", a2), ("assoc_actor_1", d.assoc1), ("assoc_actor_2", d.assoc2),
                    ("location", d.place),
                    ("date", d.date_mention)):
        if m is not None and m.text:
            spans.append(Span(role, m.start, m.end, m.text))
    spans += [Span("fatalities", m.start, m.end, m.text) for m in d.fatality_spans]
    spans += [Span("source", m.start, m.end, m.text) for m in d.source_mentions]
    ev.spans = sorted({(s.start, s.end, s.role): s for s in spans}.values(), key=lambda s: s.start)
    ev.confidence = _confidence(d)
    ev.notes = write_note(ev, lex)
    ev.event_id = ev.compute_id()
    return ev


def _confidence(d: Draft) -> float:
    c = 0.35
    c += 0.15 if d.actor1 is not None else 0
    c += 0.1 if d.actor2 is not None else 0
    c += 0.15 if d.place is not None and precision_of(d.place) == 1 else 0.05
    c += 0.1 if d.date_mention is not None else 0
    c += 0.1 if d.sources else 0
    c -= 0.15 if d.place_fallback else 0
    return round(max(0.05, min(0.95, c)), 2)


# ---------------------------------------------------------------------------- an event typed elsewhere
def event_for_sentence(doc: Doc, s: int, sub: str, token: int) -> Event | None:
    """The event of ACLED sub-type ``sub`` that sentence ``s`` tells, its sub-type decided by another
    step (the learned sentence model), with ``token`` as the word that shows it.

    Roles, place, date, toll and sources come from the same rules as for a lexicon cue; None when the
    sentence gives no place to code it at, or the date makes it history.
    """
    if sub not in SUB_TO_TYPE or not 0 <= s < len(doc.sentences):
        return None
    lex = load_cues()
    idx = MentionIndex(doc)
    idx.anchor = anchor_date(doc, idx)
    idx.placeless = False  # a learned guess needs a place to stand on
    tok = doc.tokens[token]
    cue = Mention("cue", tok.start, tok.end, doc.text[tok.start:tok.end], s, token, token + 1,
                  Cue(sub, 0, needs_actor=False), {"model": True})
    clause = idx.clause(cue)
    d = Draft(cue, sub, s, clause, cues=[cue])
    assign_date(doc, idx, s, d, idx.anchor)
    assign_roles(doc, idx, s, d, parties(idx, s, clause), parties(idx, s, None))
    assign_fatalities(doc, idx, s, [d], lex)
    placed = [p for p in place_draft(doc, idx, s, d, lead_places(doc, idx)) if p.place is not None]
    if not placed:
        # the sentence names no town but the country the article is about ("مقتل ثلاثة جنود إماراتيين
        # أثناء مشاركتهم في عملية إعادة الأمل في اليمن"): the event is coded at that country (precision 3)
        focus = doc.layers.get("country")
        country = [p for p in named_places_in(idx, s) if place_kind(p) == "country" and place_country(p) == focus]
        if not focus or not country:
            return None
        d.place = country[0]
        placed = [d]
    d = placed[0]
    _assign_sources(doc, idx, s, d)
    if is_history(doc, d):
        return None
    if d.actor1 is None and d.sub in BOMB_SUBS:
        d.actor1 = default_actor(doc, d, "unidentified")
    s0 = doc.sentences[s]
    d.evidence = [(s0.start, s0.end)]
    return _to_event(doc, d, lex)
