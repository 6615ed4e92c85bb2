"""What every step of the event builder reads: the draft event, the mentions indexed by sentence
and clause, and accessors of mention values (place precision, kind, qualifier ...)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..doc import Doc, Mention, Token
from ..lexicon.cues import load_cues
from ..text.normalise import fold

# Word lists live in data/cues.yaml ("markers"); bound once when the builder is first imported.
MARKERS = load_cues().markers

CLAUSE_PUNCT = set(",،;؛:—–()[]")

PUNCT_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_PUNCT))) + "]")

def is_marked(tok: Token, words: frozenset[str]) -> bool:
    """Is the word one of a marker list, as written (folded) or without its clitics ("ونقلت" → "نقلت")?"""
    return tok.norm in words or tok.forms[-1] in words


# A square or a street named after a place ("بساحة المغرب العربي الكبير", "شارع بغداد"): its name, not the place.
STREET_NOUNS = MARKERS["street"]

# Titles before a name make it a person, not a place ("الكولونيل توكور جوساو").
PERSON_TITLES = MARKERS["person_title"]

# Words before a place that make it a direction or a road's end, not where the event happened.
DIRECTION_MARKERS = MARKERS["direction"]
# Words before "من" + a place that make it the origin of an attack or a convoy.
ORIGIN_MARKERS = MARKERS["origin"]
# Adjectives that may stand between an origin word and "من" ("تعزيزات عسكرية من").
ADJECTIVE_LIKE = MARKERS["adjective_like"]

# "من جهة، و…": the comma between the two sides of a fight
SIDE_NOUNS = MARKERS["side_noun"]

FAMILY_OF_SIDE = {1: "state", 8: "state", 2: "armed", 3: "armed", 4: "armed", 5: "crowd", 6: "crowd", 7: "civ"}


def side_of(actor: Any) -> str:
    return FAMILY_OF_SIDE.get(getattr(actor, "inter", None) or 0, "armed")


@dataclass
class Draft:
    """An event being built: its cue and sub-type, then roles, place, date, toll and sources as the
    steps fill them in; the builder turns it into an ``Event`` at the end."""

    cue: Mention
    sub: str
    sentence: int
    clause: int
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: Mention | None = None
    assoc2: Mention | None = None
    place: Mention | None = None
    place_fallback: bool = False
    date: tuple[dt.date, dt.date, int] | None = None
    date_mention: Mention | None = None
    fatalities: int | None = None
    fatality_spans: list[Mention] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_mentions: list[Mention] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    cues: list[Mention] = field(default_factory=list)
    country: str | None = None  # for an event placed nowhere more precise than its country
    distinct: bool = False  # told as another incident ("في وقت سابق", "في هجوم آخر"): never merged back
    timing_incident: bool = False  # the earlier incident its sentence is timed by ("بعد الهجوم الانتحاري الذي …")


def sides_joined(tokens: list, i: int, first: int) -> bool:
    """Is the mark before token ``i`` the comma of "بين X من جهة، وY من جهة أخرى" (one fight's two sides)?"""
    return (i - 2 >= first and tokens[i].norm.startswith("و") and tokens[i - 2].norm == "من"
            and tokens[i - 1].norm in SIDE_NOUNS)


class MentionIndex:
    """Mentions grouped by sentence and kind, and each token's clause number."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_sent: list[dict[str, list[Mention]]] = [dict() for _ in doc.sentences]
        inside = _inside_names(doc.mentions, ("place", "cue"))
        in_place = _inside_names(doc.mentions, ("actor",), names=("place",))
        for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
            if m.kind == "cue" and id(m) in inside and m.value.sub in ("kill", "wound"):
                continue  # "كتائب الشهيد عز الدين القسام": a word of a name, no report of a death
            if id(m) in in_place:
                continue  # "في حي الشرطة": a word of a place's name, not the police
            if 0 <= m.sentence < len(self.by_sent):
                self.by_sent[m.sentence].setdefault(m.kind, []).append(m)
        self.clause_of = self._clauses(doc)
        self.direction: set[int] = set()  # places that are not where an event happened
        self.origin: set[int] = set()  # where an attack or convoy came from (still a place one can hold)
        self.venue: set[int] = set()  # where a statement was made (a protest there is still at it)
        # place words inside an actor's or source's name
        self.in_name: set[int] = inside & {id(m) for m in doc.mentions if m.kind == "place"}
        prev = None
        for p in sorted((m for m in doc.mentions if m.kind == "place"), key=lambda m: m.start):
            before = doc.tokens[max(0, p.token_start - 2):p.token_start]
            marked = any(is_marked(t, DIRECTION_MARKERS) or is_marked(t, PERSON_TITLES) for t in before) \
                or _road_between(doc, p.token_start) or _after_given_name(doc, p.token_start)
            if _after_origin(doc, p.token_start) or (
                    prev is not None and id(prev) in self.origin and coordinated_places(doc, prev, p)):
                self.origin.add(id(p))  # "تعزيزات من محافظتي عدن ولحج": both are where they came from
            marked = marked or _after_transfer(doc, p.token_start) or _far_reference(doc, p.token_start)
            if marked or (prev is not None and id(prev) in self.direction and coordinated_places(doc, prev, p)):
                self.direction.add(id(p))  # "الطرق المؤدية إلى حلب وحماة": both are destinations
            if _at_venue(doc, p.token_start):
                self.venue.add(id(p))  # "وقال في مؤتمر صحافي في أنقرة": where it was said
            if any(t.sentence == p.sentence and is_marked(t, ANNIVERSARY)
                   for t in doc.tokens[max(0, p.token_start - ANNIVERSARY_REACH):p.token_start]):
                self.in_name.add(id(p))  # "بمناسبة الذكرى الأولى لملحمة بن قردان": a past event's name
            if p.token_start > 0 and doc.tokens[p.token_start - 1].sentence == p.sentence and \
                    doc.tokens[p.token_start - 1].forms[-1] in STREET_NOUNS and \
                    doc.tokens[p.token_start].forms[-1] not in STREET_NOUNS:  # "ساحة ميدان تقسيم" is the square
                self.in_name.add(id(p))  # "تجمع المحتجون بساحة المغرب العربي", "شارع بغداد": a square's or a street's name
            prev = p
        self.recent: list[Draft] = []  # drafts built so far, for actors carried over
        self.anchor: tuple[dt.date, dt.date, int] | None = None  # the article's main date
        self.anchor_default = False  # no date told in the lead: the anchor is publication's default
        self.placeless = False  # the text names no usable place at all
        self.story_start = 0  # the sentence the current story starts at (after "من جهة أخرى")
        self.period_cache: dict[int, set[int]] = {}  # sentence -> clauses naming a long period (fatalities)
        self.victims: set[int] = set()
        for s in range(len(doc.sentences)):
            self.victims |= find_victims(self, s)

    def _clauses(self, doc: Doc) -> list[int]:
        """Clause number of every token: a new clause at each sentence, clause-break word and
        punctuation mark between words. Only sentences with cues or control statements need the split."""
        breaks = {m.token_start for m in doc.mentions if m.kind == "clause_break"}
        cue_sents = {m.sentence for m in doc.mentions if m.kind in ("cue", "control")}
        clause_of = [0] * len(doc.tokens)
        clause = 0
        text, tokens = doc.text, doc.tokens
        for si, sent in enumerate(doc.sentences):
            clause += 1
            if si not in cue_sents:
                for i in range(sent.token_start, sent.token_end):
                    clause_of[i] = clause
                continue
            for i in range(sent.token_start, sent.token_end):
                if i > sent.token_start and (i in breaks or (PUNCT_RE.search(text, tokens[i - 1].end, tokens[i].start)
                                                             and not sides_joined(tokens, i, sent.token_start))):
                    clause += 1
                clause_of[i] = clause
        return clause_of

    def get(self, sentence: int, kind: str) -> list[Mention]:
        return self.by_sent[sentence].get(kind, [])

    def clause(self, m: Mention) -> int:
        return self.clause_of[m.token_start]

    def in_clause(self, sentence: int, kind: str, clause: int) -> list[Mention]:
        return [m for m in self.get(sentence, kind) if self.clause_of[m.token_start] == clause]


PURPOSE_REAL = MARKERS["purpose_real"]
EXPOSED = MARKERS["exposed"]
PURPOSE_NEVER = MARKERS["purpose_never"]
# verbal nouns of condemnation, with or without their owner ("إدانته", "استنكارها"): ل after them is "of"
REACTION_STEMS = tuple(sorted({w[:-1] if w.endswith("ه") else w for w in MARKERS["reaction_noun"]}))
# how far before an event word "تعرض" may stand ("تعرض موكب … في منطقة … لإطلاق نار")
EXPOSED_REACH = 20


def purpose_lam(doc: Doc, cue: Mention) -> bool:
    """Does the cue word carry the preposition ل, not the article's ل ("لتحريرها", "للهجوم على", but
    "التحرير" matched as تحرير)?"""
    tok = doc.tokens[cue.token_start]
    proclitics = doc.text[tok.start:cue.start]
    return proclitics.endswith("ل") and not proclitics.endswith("ال")


def purpose_cue(doc: Doc, cue: Mention) -> bool:
    """An event word with the ل of purpose: an aim, not a report ("حشدت قواتها لاستهداف", "تستعد
    لتحرير"). Not when it names what someone suffered or did: the word right before tells an outcome
    ("ضحية لهجوم", "نتيجة لقصف", "عمدت لاختطاف") or "تعرض" comes shortly before ("تعرضت دورية … لإطلاق
    نار"); nor after a definite word or a picture, where ل is "of" ("الأسبوع الثالث للمعارك", "صورا لقصف
    جوي"), nor on a weapon ("قصف مكثف للمدفعية")."""
    if not purpose_lam(doc, cue) or fold(cue.text).split()[0] in PURPOSE_NEVER:
        return False
    toks = doc.tokens
    k = cue.token_start
    if k > 0 and toks[k - 1].sentence == toks[k].sentence:
        prev = toks[k - 1]
        if is_marked(prev, PURPOSE_REAL):
            return False
        if prev.norm.startswith("ال"):
            return False  # "of" after a definite word: "الأسبوع الثالث للمعارك", "منفذ العملية" -> "المنفذ للهجوم"
        if prev.norm.lstrip("و").startswith(REACTION_STEMS):
            return False  # the object of a condemnation ("استنكاره للتفجير"): the reaction rules judge it
    for j in range(max(0, k - EXPOSED_REACH), k):
        if toks[j].sentence == toks[k].sentence and any(f in EXPOSED for f in toks[j].forms):
            return False
    return True


def named_places_in(idx: MentionIndex, s: int) -> list[Mention]:
    """Place mentions of a sentence that are places, not words inside an actor's name."""
    return [p for p in idx.get(s, "place") if id(p) not in idx.in_name]


def dedupe_places(places: list[Mention], by_name: bool = False) -> list[Mention]:
    seen: dict[Any, Mention] = {}
    for p in places:
        seen.setdefault(mention_place_key(p) if not by_name else fold(p.text), p)
    return list(seen.values())


def mention_place_key(p: Mention) -> Any:
    """Same place: same gazetteer entry, except villages known only by their enclosing area,
    which stay apart by name (الزوية and الصكرة both resolve to Haditha district)."""
    if qualifier_of(p) == "enclosing":
        return fold(p.text)
    return getattr(getattr(p.value, "place", None), "id", None) or fold(p.text)


def find_victims(idx: MentionIndex, s: int) -> set[int]:
    """Actors named as the dead: 'مقتل 11 من داعش', 'قتل جندي تركي', 'مقتل 18 من عناصر البيشمركة'."""
    out: set[int] = set()
    kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
    acts = [c.token_start for c in idx.get(s, "cue") if c.value.sub not in ("kill", "wound")]
    doc = idx.doc
    actors = idx.get(s, "actor")
    for a in actors:
        if by_hand(doc, a):
            continue  # "قتل ثلاثة جنود على يد مسلحين مجهولين": by their hand, the killers
        if any(0 <= k.token_start - a.token_end <= 8 and idx.clause(a) == idx.clause(k)
               and fold(k.text).split()[0] in DIED | KILLED_VERBS and any(
                by_hand(doc, b) and b.token_start > k.token_end and idx.clause(b) == idx.clause(k) for b in actors)
               for k in kills):
            out.add(id(a))  # "ستة حوثيين … قتلوا امس على يد عناصر المقاومة": killed by the ones named after
            continue
        for k in kills:
            if 0 <= a.token_start - k.token_end <= 4 and idx.clause(a) == idx.clause(k):
                if any(k.token_end <= t < a.token_start for t in acts):
                    continue  # "قتلوا لدى قصف التحالف": the one who shells, not the dead
                if any(t.forms[-1] in DEATH_CAUSES or t.norm in DEATH_CAUSES
                       for t in doc.tokens[k.token_end:a.token_start]):
                    continue  # "حتفهم جراء ضربات صاروخية نفذها التحالف": the cause of the deaths, not the dead
                out.add(id(a))
            elif 0 <= k.token_start - a.token_end <= 3 and any(
                    t.norm in RELATIVES for t in doc.tokens[a.token_end:k.token_start]):
                out.add(id(a))  # "أفراد قوة تأمين الكنيسة الذين قتلوا في التفجير"
            elif 0 <= k.token_start - a.token_end <= 1 and fold(k.text).split()[0] in DIED:
                out.add(id(a))  # "إن المتشددين لقوا حتفهم عندما قصف الجيش": they died, the army shelled
    return out

RELATIVES = MARKERS["relative"]
DEATH_CAUSES = MARKERS["death_cause"]
BY_HAND = MARKERS["by_hand"]


def _after_given_name(doc: Doc, i: int) -> bool:
    """A name right after a compound given name of the عبد- kind ("وزير التعليم المهني عبدالرزاق الاشول") is
    a family name, not where anything happened."""
    if i == 0 or doc.tokens[i - 1].sentence != doc.tokens[i].sentence:
        return False
    prev = doc.tokens[i - 1].forms[-1]
    return prev.startswith("عبد") and len(prev) >= 6


def by_hand(doc: Doc, m: Mention) -> bool:
    """Is the actor named after "على يد / على أيدي" (by the hand of): the side that acted?"""
    i = m.token_start
    return i >= 2 and doc.tokens[i - 1].norm in BY_HAND and doc.tokens[i - 2].norm == "علي"
# verbs that only mean "died": the actor named right before them is the dead, never the killer
DIED = MARKERS["died"]
# the verb "were killed" (passive when the killers are named after "على يد")
KILLED_VERBS = MARKERS["killed_verb"]


# --------------------------------------------------------------------------------- places


def is_dateline(m: Mention) -> bool:
    return bool(getattr(m.value, "is_dateline", False) or m.meta.get("dateline"))


def precision_of(m: Mention) -> int:
    return int(getattr(m.value, "precision", 3) or 3)


def place_kind(m: Mention) -> str:
    place = getattr(m.value, "place", None)
    return getattr(place, "kind", "") or ""

LIST_WORDS = MARKERS["list_word"]


def _road_between(doc: Doc, tok0: int) -> bool:
    """"الطريق الرابطة بين معتمديات النفيضة وسيدي بوعلي": the places a road links, after a linking word,
    بين and at most one place noun, are its ends, not where something happened on it."""
    toks = doc.tokens
    for k in (tok0 - 1, tok0 - 2):
        if k >= 1 and toks[k].norm == "بين":
            prev = toks[k - 1]
            return is_marked(prev, DIRECTION_MARKERS)
    return False


def coordinated_places(doc: Doc, a: Mention, b: Mention) -> bool:
    """Two places in one list: 'الحولة وتلبيسة', 'بغداد ومدن أخرى، منها البصرة والنجف'."""
    gap = doc.text[a.end:b.start]
    if len(gap) > 30:
        return False
    words = fold(gap).replace(",", " ").split()
    if not words:
        # adjacent: a list only when the second name carries the conjunction (وتلبيسة) or a comma
        return doc.text[b.start - 1:b.start] == "و" or "," in fold(gap)
    return all(w in LIST_WORDS or (w.startswith("و") and w[1:] in LIST_WORDS) for w in words)


def qualifier_of(m: Mention) -> str | None:
    return getattr(m.value, "qualifier", None) or m.meta.get("qualifier")


def _after_origin(doc: Doc, tok0: int) -> bool:
    """The place follows "انطلاقا من" / "قادمة من" (with at most a place word between, two words when the
    place is hung on them by ب, and an adjective such as عسكرية before من): where an attack or convoy came
    from ("سيارة قادمة من مدينة المكلا", "تعزيزات عسكرية من محافظة عدن", "القادمين من كليات الطب بتونس")."""
    toks = doc.tokens
    # "القادمين من كليات الطب بتونس": a noun of two words between, the place hung on it by ب
    reach = (tok0 - 1, tok0 - 2, tok0 - 3) if toks[tok0].norm[:1] == "ب" else (tok0 - 1, tok0 - 2)
    for k in reach:
        if k >= 1 and toks[k].norm == "من":
            prev = toks[k - 1]
            if k >= 2 and is_marked(prev, ADJECTIVE_LIKE):
                prev = toks[k - 2]
            return is_marked(prev, ORIGIN_MARKERS)
    return False


VENUE = MARKERS["venue"]
VENUE_REACH = 4  # words from "مؤتمر صحافي", "كلمة" to the place it was held at


def _at_venue(doc: Doc, tok0: int) -> bool:
    """Is the place where a statement was made ("في مؤتمر صحافي في أنقرة"): a venue word within four words
    before it, in its sentence, with no comma between?"""
    toks = doc.tokens
    for k in range(tok0 - 1, max(-1, tok0 - 1 - VENUE_REACH), -1):
        if toks[k].sentence != toks[tok0].sentence or any(ch in doc.text[toks[k].end:toks[k + 1].start] for ch in "،,.:"):
            return False
        if is_marked(toks[k], VENUE):
            return True
    return False


KM_WORDS = MARKERS["km"]
FAR_REFERENCE_KM = 100  # "على بعد 180 كيلومترا شرق مدينة سرت": a city that far is a landmark, not the place


def _far_reference(doc: Doc, tok0: int) -> bool:
    """Is the place the landmark of a distance ("التي تبعد حوالي 180 كم شرق مدينة سرت", "على بعد 160 كيلومترا
    جنوب طرابلس"): a number of kilometres of at least ``FAR_REFERENCE_KM`` within four words before it?"""
    toks = doc.tokens
    for k in range(tok0 - 1, max(0, tok0 - 5), -1):
        if toks[k].sentence != toks[tok0].sentence:
            return False
        if toks[k].norm in KM_WORDS:
            n = toks[k - 1].norm if k >= 1 else ""
            return n.isdigit() and int(n) >= FAR_REFERENCE_KM
    return False


ANNIVERSARY = MARKERS["anniversary"]
ANNIVERSARY_REACH = 4  # words from "الذكرى" to the place in the remembered event's name
TRANSFER_MARKERS = MARKERS["transfer"]
CARRY_MARKERS = MARKERS["transfer_carry"]
CASUALTY_NOUNS = MARKERS["casualty"]
TRANSFER_REACH = 10  # tokens from the transfer word to "إلى"


def _after_transfer(doc: Doc, tok0: int) -> bool:
    """The place follows "إلى" (at most two words between, a hospital or a place word) in a sentence that
    moves people there: "نقل المصابين إلى مستشفى مدينة X", "نقل جثمانه …، من عسير إلى الطائف" (a bare carrying word
    needs the wounded or the dead named after it: "نقل المعركة إلى أبين" moved the battle there). Where the
    wounded, the dead or the displaced were taken is not where the event happened."""
    toks = doc.tokens
    s = toks[tok0].sentence
    for k in (tok0 - 1, tok0 - 2, tok0 - 3):
        if k < 1 or toks[k].sentence != s:
            return False
        if toks[k].norm in ("الي", "والي"):
            casualty = False
            for j in range(k - 1, max(-1, k - 1 - TRANSFER_REACH), -1):
                if toks[j].sentence != s:
                    return False
                if is_marked(toks[j], TRANSFER_MARKERS):
                    return True
                casualty = casualty or is_marked(toks[j], CASUALTY_NOUNS)
                if casualty and is_marked(toks[j], CARRY_MARKERS):
                    return True
            return False
    return False


# Places no event is coded at: a whole country (its parts are), a continent, a world region, a sea or a
# river ("في منطقة الخليج", "البحر الأحمر" in a base's description)
NO_EVENT_KINDS = frozenset({"country", "continent", "world_region", "water"})


def is_event_place(idx: MentionIndex, p: Mention, origin_ok: bool = False) -> bool:
    """A place an event can be at: not the dateline, not a whole country or continent or sea, not a road's
    destination, not where the attack came from (unless ``origin_ok``: a control statement may name it)."""
    return (not is_dateline(p) and place_kind(p) not in NO_EVENT_KINDS and id(p) not in idx.direction
            and id(p) not in idx.in_name and (origin_ok or id(p) not in idx.origin))


def copy_draft(d: Draft) -> Draft:
    return Draft(**{k: (list(v) if isinstance(v, list) else v) for k, v in d.__dict__.items()})


def draft_place_key(d: Draft) -> Any:
    return mention_place_key(d.place) if d.place is not None else None


def _inside_names(mentions: list[Mention], kinds: tuple[str, ...] = ("place",),
                  names: tuple[str, ...] = ("actor", "support", "source")) -> set[int]:
    """ids of mentions of the given kinds lying inside a name of the ``names`` kinds: inside an actor's,
    supporter's or source's name ("قوات سوريا الديموقراطية": part of a name, not a place; "كتائب
    الشهيد": not a death), or an actor inside a place's name ("حي الشرطة": not the police).

    A sweep over the name spans sorted by start, keeping the furthest end seen so far: linear in the
    number of mentions after sorting, where testing every place against every name grew with the
    square of the article's length."""
    spans = sorted({(m.start, m.end) for m in mentions if m.kind in names})
    starts = [a for a, _ in spans]
    reach: list[tuple[int, int]] = []  # per prefix of spans: (furthest end, its start)
    best = (-1, -1)
    for a, b in spans:
        if b > best[0]:
            best = (b, a)
        reach.append(best)
    out: set[int] = set()
    for p in mentions:
        if p.kind not in kinds:
            continue
        k = bisect.bisect_right(starts, p.start)  # spans starting at or before the place
        if k == 0:
            continue
        end, start = reach[k - 1]
        if end < p.end:
            continue
        # the first span reaching furthest: when it is the place's own span, no other contains it
        if (start, end) != (p.start, p.end):
            out.add(id(p))
    return out
