"""Build coded events from mentions: typing, roles, place, date, fatalities and the ACLED unit.

Reads the mention layers (cue, blocker, clause_break, actor, support, place, date, number,
source) and writes ``doc.events`` (a list of ``Event``). The unit of coding is one event per
type, place, day and pair of actors: a clause naming two towns yields two events, and the same
event told twice in an article is merged with both pieces of evidence kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..doc import Doc, Mention
from ..lexicon.cues import load_cues
from ..text.normalise import fold
from .model import SUB_TO_TYPE, ControlStatement, Event, Evidence, Span

# Word lists live in data/cues.yaml ("markers"); bound once when the builder is first imported.
_MARKERS = load_cues().markers

# Words right before an actor that mark it as the one acted on ("على مواقع التنظيم").
_TARGET_MARKERS = _MARKERS["target"]
_CLAUSE_PUNCT = set(",،;؛:—–()[]")
_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_PUNCT))) + "]")
_AIR_WORDS = _MARKERS["air"]
# Words before an actor that make it the speaker, not a party ("مصدر في قوات البيشمركة").
_BENEFICIARY_MARKERS = _MARKERS["beneficiary"]
# Titles before a name make it a person, not a place ("الكولونيل توكور جوساو").
_PERSON_TITLES = _MARKERS["person_title"]
_SPEAKER_MARKERS = _MARKERS["speaker"]
# Words before a place that make it a direction or a road's end, not where the event happened.
_DIRECTION_MARKERS = _MARKERS["direction"]

# Event types told as a series (a generic "استهداف" right after them is one more of the same).
_CAMPAIGN_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_FAMILY_OF_SIDE = {1: "state", 8: "state", 2: "armed", 3: "armed", 4: "armed", 5: "crowd", 6: "crowd", 7: "civ"}


def _side(actor: Any) -> str:
    return _FAMILY_OF_SIDE.get(getattr(actor, "inter", None) or 0, "armed")


@dataclass
class _Draft:
    cue: Mention
    sub: str
    sentence: int
    clause: int
    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: Mention | None = None
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


class _Index:
    """Mentions grouped by sentence and kind, and each token's clause number."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_sent: list[dict[str, list[Mention]]] = [dict() for _ in doc.sentences]
        for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
            if 0 <= m.sentence < len(self.by_sent):
                self.by_sent[m.sentence].setdefault(m.kind, []).append(m)
        self.clause_of = self._clauses(doc)
        self.direction: set[int] = set()  # places that are not where an event happened
        self.in_name: set[int] = set()  # place words inside an actor's or source's name
        actor_spans = [(m.start, m.end) for m in doc.mentions if m.kind in ("actor", "support", "source")]
        for p in doc.mentions:
            if p.kind == "place" and any(a <= p.start and p.end <= b and (a, b) != (p.start, p.end)
                                         for a, b in actor_spans):
                self.in_name.add(id(p))  # "قوات سوريا الديموقراطية": part of a name, not a place
        prev = None
        for p in sorted((m for m in doc.mentions if m.kind == "place"), key=lambda m: m.start):
            before = doc.tokens[max(0, p.token_start - 2):p.token_start]
            marked = any(t.norm in _DIRECTION_MARKERS or t.forms[-1] in _DIRECTION_MARKERS
                         or t.norm in _PERSON_TITLES or t.forms[-1] in _PERSON_TITLES for t in before)
            if marked or (prev is not None and id(prev) in self.direction and _coordinated(doc, prev, p)):
                self.direction.add(id(p))  # "الطرق المؤدية إلى حلب وحماة": both are destinations
            prev = p
        self.recent: list[_Draft] = []  # drafts built so far, for actors carried over
        self.anchor: tuple[dt.date, dt.date, int] | None = None  # the article's main date
        self.placeless = False  # the text names no usable place at all
        self.victims: set[int] = set()
        for s in range(len(doc.sentences)):
            self.victims |= _victims(self, s)

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
                if i > sent.token_start and (i in breaks or _PUNCT_RE.search(text, tokens[i - 1].end, tokens[i].start)):
                    clause += 1
                clause_of[i] = clause
        return clause_of

    def get(self, sentence: int, kind: str) -> list[Mention]:
        return self.by_sent[sentence].get(kind, [])

    def clause(self, m: Mention) -> int:
        return self.clause_of[m.token_start]

    def in_clause(self, sentence: int, kind: str, clause: int) -> list[Mention]:
        return [m for m in self.get(sentence, kind) if self.clause_of[m.token_start] == clause]


# ---------------------------------------------------------------------------------------------
def build_events(doc: Doc) -> None:
    """Pipeline stage: fill ``doc.events`` from the mention layers."""
    lex = load_cues()
    idx = _Index(doc)
    idx.anchor = _anchor_date(doc, idx)
    # a sentence or two naming no town (a labelled sentence, a brief): events stand without coordinates;
    # a longer text naming no place is rarely a report of events
    idx.placeless = len(doc.sentences) <= PLACELESS_MAX_SENTENCES and not any(
        _usable(idx, p) for p in doc.mentions if p.kind == "place")
    drafts: list[_Draft] = []
    # Where the story is when a sentence names no place: the places of the last event told,
    # else the first place the article names.
    context_places: list[Mention] = _lead_places(doc, idx)
    for s in range(len(doc.sentences)):
        if _skip_sentence(doc, s):
            continue
        if idx.get(s, "topic_shift"):
            idx.recent.clear()  # "وفي جانب آخر": another story, nothing carries over
            context_places = []
        typed = [c for c in idx.get(s, "cue") if c.value.sub not in ("kill", "wound") and not _inside_actor(idx, s, c)]
        kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
        by_clause: dict[int, list[Mention]] = {}
        for c in typed:
            by_clause.setdefault(idx.clause(c), []).append(c)
        if not by_clause and kills:
            # a death with no other cue: an attack when the dead and an armed attacker are both named
            # ("مقتل شرطي … إثر إطلاق مسلحين مجهولين النار")
            actors = _actors(idx, s, None)
            dead = [a for a in actors if id(a) in idx.victims]
            armed = [a for a in actors if id(a) not in idx.victims and _side(a.value) in ("armed", "state")]
            if dead and armed:
                by_clause[idx.clause(kills[0])] = [kills[0]]
        sent_drafts: list[_Draft] = []
        # background told in an earlier clause ("منذ أسابيع") governs later clauses with no date of their own
        background = [idx.clause(m) for m in idx.get(s, "date") if m.meta.get("background")]
        for clause in sorted(by_clause):
            cues = by_clause[clause]
            own_dates = [m for m in idx.in_clause(s, "date", clause) if not m.meta.get("background")]
            cues = _unblocked(idx, s, clause, cues)
            if not cues or (not own_dates and any(b < clause for b in background)):
                continue
            sent_drafts.extend(_drafts_for_clause(doc, idx, s, clause, cues, lex))
        if not sent_drafts:
            continue
        _assign_fatalities(doc, idx, s, sent_drafts, lex)
        split = [nd for d in sent_drafts for nd in _placed(doc, idx, s, d, context_places)]
        for d in split:
            _assign_sources(doc, idx, s, d)
        split = [d for d in split if not _history(doc, d)]
        placed = [d.place for d in split if d.place is not None and not d.place_fallback]
        if placed:
            context_places = _dedupe_places(placed)
        drafts.extend(split)
    events = [_to_event(doc, d, lex) for d in _merge(drafts) if d.place is not None or idx.placeless]
    doc.events = events
    doc.layers["control"] = _control_statements(doc, idx)


def _placed(doc: Doc, idx: _Index, s: int, d: _Draft, context_places: list[Mention]) -> list[_Draft]:
    """The draft once per place it happened at (two towns listed: two events), or none when it
    cannot be placed; an unplaced sentence continuing the story takes the story's place."""
    places = _places_for(idx, s, d)
    if not places and idx.placeless:
        # the text names no town or area at all (a single sentence, a short wire): the event stands
        # without coordinates, with the country when one is named
        if d.cue.value.needs_actor and not (d.actor1 is not None and d.actor1.text):
            return []
        countries = [p for p in _named_places(idx, s) if _place_kind(p) == "country"]
        d.country = getattr(getattr(countries[0].value, "place", None), "country", None) if countries else None
        return [d]
    if not places:
        named = _named_places(idx, s)
        if named and not any(_usable(idx, p) for p in named) and not _home_country_only(doc, idx, s):
            return []  # told at the scale of foreign countries ("في سوريا والعراق"): no place to code
        if d.cue.value.needs_actor and not named:
            return []  # a weak cue with no place of its own is too vague to code
        if not (d.actor1 is not None and d.actor1.text) and not _continues_story(idx, d):
            return []  # an unplaced, unattributed mention ("الانتحاري") is not a report
        places = list(context_places)
        d.place_fallback = True
    out = []
    for k, p in enumerate(places):
        nd = d if k == 0 else _copy(d)
        nd.place = p
        if k > 0:
            nd.fatalities = None  # a toll told once is not repeated for each town
        out.append(nd)
    return out


def _named_places(idx: _Index, s: int) -> list[Mention]:
    """Place mentions of a sentence that are places, not words inside an actor's name."""
    return [p for p in idx.get(s, "place") if id(p) not in idx.in_name]


def _home_country_only(doc: Doc, idx: _Index, s: int) -> bool:
    """The sentence names only the article's own country ("في جنوب شرق تركيا" in a Turkish story),
    whose town the story names next."""
    focus = doc.layers.get("country")
    countries = {getattr(getattr(p.value, "place", None), "country_code", None)
                 for p in _named_places(idx, s) if _place_kind(p) == "country"}
    return bool(focus) and countries == {focus}


def _continues_story(idx: _Index, d: _Draft) -> bool:
    """Was an event told in this or the previous sentence (so an unplaced one continues it)?"""
    return any(p is not d and d.sentence - p.sentence <= 1 for p in idx.recent)


HISTORY_DAYS = 60
PLACELESS_MAX_SENTENCES = 2


def _history(doc: Doc, d: _Draft) -> bool:
    """Told with a date long before publication ("عام 2008"): background, not a report."""
    if doc.published is None or d.date is None or d.date_mention is None:
        return False
    return (doc.published - d.date[1]).days > HISTORY_DAYS


_PAST = _MARKERS["past"]
_CONTROL_REACH = 3  # tokens between a control phrase and its place ("يسيطر على مدينة الرقة")
_CONTROL_KINDS = frozenset({"state", "rebel", "militia", "identity", "external"})


def _control_statements(doc: Doc, idx: _Index) -> list[ControlStatement]:
    """Who holds which town, as the article states it (dated at publication).

    "X يسيطر على Y" / "Y الخاضعة لسيطرة X": X a named armed actor (not a generic noun), Y a town
    (precision 1 or 2). Past ("كانت تحت سيطرة") and negated ("لم يعد يسيطر") statements are skipped.
    """
    if doc.published is None:
        return []
    out: list[ControlStatement] = []
    seen: set[tuple[str, str]] = set()
    for s in range(len(doc.sentences)):
        for m in idx.get(s, "control"):
            before = doc.tokens[max(doc.sentences[s].token_start, m.token_start - 3):m.token_start]
            if any(t.norm in _PAST or t.forms[-1] in _PAST for t in before):
                continue
            clause = idx.clause(m)
            if any(b.value == "negation" and b.token_end <= m.token_start and idx.clause(b) == clause
                   for b in idx.get(s, "blocker")):
                continue  # "لم يعد التنظيم يسيطر على …"
            actors = [a for a in _actors(idx, s, clause) if getattr(a.value, "kind", "") in _CONTROL_KINDS
                      and not a.meta.get("template")]
            # a whole town (not "الأحياء الغربية من حلب"), named right next to the phrase
            places = [p for p in idx.in_clause(s, "place", clause) if _usable(idx, p) and _precision(p) == 1]
            if m.value == "holder_after":
                holder = min((a for a in actors if a.start >= m.end), key=lambda a: a.start, default=None)
                place = max((p for p in places if 0 <= m.token_start - p.token_end <= _CONTROL_REACH),
                            key=lambda p: p.end, default=None)
            else:
                holder = max((a for a in actors if a.end <= m.start), key=lambda a: a.end, default=None)
                if holder is None:  # "يسيطر التنظيم على …"
                    holder = min((a for a in actors if a.start >= m.end), key=lambda a: a.start, default=None)
                place = min((p for p in places if 0 <= p.token_start - m.token_end <= _CONTROL_REACH),
                            key=lambda p: p.start, default=None)
            gp = getattr(place.value, "place", None) if place is not None else None
            if holder is None or gp is None or (gp.id, holder.value.name) in seen:
                continue
            seen.add((gp.id, holder.value.name))
            sent = doc.sentences[s]
            out.append(ControlStatement(
                article_id=doc.id, place_id=gp.id, place=gp.name_en, place_ar=place.text, actor=holder.value.name,
                actor_ar=holder.text, date=doc.published.isoformat(), evidence=doc.text[sent.start:sent.end],
                ev_start=sent.start, ev_end=sent.end,
            ))
    return out


def _inside_actor(idx: _Index, s: int, cue: Mention) -> bool:
    """A cue word inside an actor's name ("منسقي الاعتصامات") is not an event; air forces are both
    (الطيران الحربي)."""
    if cue.value.sub == "Air/drone strike":
        return False
    return any(a.start <= cue.start and cue.end <= a.end and (a.start, a.end) != (cue.start, cue.end)
               for a in idx.get(s, "actor"))


def _lead_places(doc: Doc, idx: _Index) -> list[Mention]:
    for s in range(len(doc.sentences)):
        places = [p for p in idx.get(s, "place") if _usable(idx, p)]
        if places:
            return _best_places(places)[:1]
    return []


def _dedupe_places(places: list[Mention], by_name: bool = False) -> list[Mention]:
    seen: dict[Any, Mention] = {}
    for p in places:
        seen.setdefault(_mention_place_key(p) if not by_name else fold(p.text), p)
    return list(seen.values())


def _mention_place_key(p: Mention) -> Any:
    """Same place: same gazetteer entry, except villages known only by their enclosing area,
    which stay apart by name (الزوية and الصكرة both resolve to Haditha district)."""
    if _qualifier(p) == "enclosing":
        return fold(p.text)
    return getattr(getattr(p.value, "place", None), "id", None) or fold(p.text)


# ------------------------------------------------------------------------------- sentence logic
def _skip_sentence(doc: Doc, s: int) -> bool:
    """Link lines, tag lists, comment boxes and a headline (retold by the body) are not reports."""
    text = doc.sentence_text(s).strip()
    if text.startswith(("رابط", "سمات", "http", "التعليقات", "اقرأ أيضا", "اقرأ ايضا")):
        return True
    sent = doc.sentences[s]
    return (s == 0 and len(doc.sentences) >= 3 and sent.token_end - sent.token_start < 15
            and text[-1:] not in ".!?؟:" and doc.text[sent.end:sent.end + 1] == "\n")


def _unblocked(idx: _Index, s: int, clause: int, cues: list[Mention]) -> list[Mention]:
    """The cues of a clause not governed by a plan, threat, denial, guess or background marker.

    A blocker governs the cues after it in its clause (negation only the next few words); a
    background date anywhere in the clause governs all of them.
    """
    if any(d.meta.get("background") for d in idx.in_clause(s, "date", clause)):
        return []
    blockers = idx.in_clause(s, "blocker", clause)
    out = []
    for c in cues:
        governed = False
        for b in blockers:
            if b.token_start > c.token_start:
                continue
            if b.value in ("negation", "hypothetical") and c.token_start - b.token_end > 2:
                continue
            governed = True
            break
        if not governed:
            out.append(c)
    return out


def _family(cue: Mention) -> str:
    sub = cue.value.sub
    return "Battles" if sub == "territory" else SUB_TO_TYPE.get(sub, sub)  # "attack" is its own family


def _drafts_for_clause(doc: Doc, idx: _Index, s: int, clause: int, cues: list[Mention], lex: Any) -> list[_Draft]:
    """One draft per event type cued in the clause ("غارات ... مع استمرار الاشتباكات" is two events)."""
    families: dict[str, list[Mention]] = {}
    for c in cues:
        families.setdefault(_family(c), []).append(c)
    if len(families) > 1:
        families.pop("attack", None)  # "هجوم انتحاري", "هجوم بسيارة مفخخة": the specific cue types it
    if any(not c.value.needs_actor for g in families.values() for c in g):
        # a vague verb (استهدفت، قصف) beside a clear cue of another type describes that event
        families = {f: g for f, g in families.items() if any(not c.value.needs_actor for c in g)}
    drafts = []
    for group in families.values():
        d = _draft_for_cues(doc, idx, s, clause, group)
        if d is not None:
            drafts.append(d)
            idx.recent.append(d)
    return drafts


def _draft_for_cues(doc: Doc, idx: _Index, s: int, clause: int, cues: list[Mention]) -> _Draft | None:
    clause_actors = _actors(idx, s, clause)
    sent_actors = _actors(idx, s, None)
    # The strongest cue types the event; the others are evidence for it.
    cues = sorted(cues, key=lambda c: -c.value.priority)
    main = cues[0]
    sub = main.value.sub
    # Air power named in the clause turns a generic bombardment into an air strike.
    if sub == "Shelling/artillery/missile attack" and (
        any(c.value.sub == "Air/drone strike" for c in cues) or any(_is_air(a) for a in clause_actors)
    ):
        sub = "Air/drone strike"
    if sub == "Remote explosive/landmine/IED" and any(c.value.sub == "Suicide bomb" for c in cues):
        sub = "Suicide bomb"
    if all(c.value.needs_actor for c in cues) and not clause_actors and not (sub != "territory" and sent_actors):
        return None
    d = _Draft(main, sub, s, clause, cues=list(cues))
    _assign_date(doc, idx, s, d, idx.anchor)
    _assign_roles(doc, idx, s, d, clause_actors, sent_actors)
    if d.sub == "territory":
        if d.actor1 is None:
            return None
        d.sub = "Government regains territory" if _side(d.actor1.value) == "state" else "Non-state actor overtakes territory"
    if d.sub == "kill":
        # a killing: of civilians it is an attack on them, of armed men or police a battle
        d.sub = "Attack" if d.actor2 is not None and _side(d.actor2.value) == "civ" else "Armed clash"
    if d.sub not in SUB_TO_TYPE:
        return None
    s0 = doc.sentences[s]
    d.evidence.append((s0.start, s0.end))
    return d


def _actors(idx: _Index, s: int, clause: int | None) -> list[Mention]:
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
        if _speaker(doc, a) or _adjectival(doc, a) or _apposed(doc, a, actors):
            continue
        out.append(a)
    return out


_SPEAKER_LINKS = _MARKERS["speaker_link"]


def _speaker(doc: Doc, a: Mention) -> bool:
    """'مصدر في قوات البيشمركة', 'المتحدث باسم الجيش': the actor speaks, it does not act here."""
    def is_marker(t) -> bool:
        return t.norm in _SPEAKER_MARKERS or t.forms[-1] in _SPEAKER_MARKERS

    i = a.token_start
    if i >= 1 and is_marker(doc.tokens[i - 1]):
        return True
    return i >= 2 and doc.tokens[i - 1].norm in _SPEAKER_LINKS and is_marker(doc.tokens[i - 2])


# Words that name an actor as a noun ("قتل عسكري") but are mostly adjectives after a noun
# ("موقع أومان العسكري", "المصدر الأمني").
_ADJECTIVE_LIKE = _MARKERS["adjective_like"]


def _adjectival(doc: Doc, a: Mention) -> bool:
    if fold(a.text) not in _ADJECTIVE_LIKE or a.token_start == 0:
        return False
    prev = doc.tokens[a.token_start - 1]
    # after a word (not a number, not a verb of killing): an adjective of that word
    return not prev.norm.isdigit() and prev.sentence == doc.tokens[a.token_start].sentence and not any(
        f in _NOUN_OPENERS for f in prev.forms)


_NOUN_OPENERS = _MARKERS["noun_opener"]


def _apposed(doc: Doc, a: Mention, actors: list[Mention]) -> bool:
    """'13 مسلحا من ميليشيات الحوثي': a generic noun followed by 'من' and a named group is that group."""
    if not a.meta.get("template"):
        return False
    for b in actors:
        if b is not a and not b.meta.get("template") and 0 <= b.token_start - a.token_end <= 2:
            between = doc.tokens[a.token_end:b.token_start]
            if any(t.norm == "من" for t in between) or doc.tokens[b.token_start].forms[0].startswith("من"):
                return True
    return False


def _victims(idx: _Index, s: int) -> set[int]:
    """Actors named as the dead: 'مقتل 11 من داعش', 'قتل جندي تركي', 'مقتل 18 من عناصر البيشمركة'."""
    out: set[int] = set()
    kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
    doc = idx.doc
    for a in idx.get(s, "actor"):
        for k in kills:
            if 0 <= a.token_start - k.token_end <= 4 and idx.clause(a) == idx.clause(k):
                out.add(id(a))
            elif 0 <= k.token_start - a.token_end <= 3 and any(
                    t.norm in _RELATIVES for t in doc.tokens[a.token_end:k.token_start]):
                out.add(id(a))  # "أفراد قوة تأمين الكنيسة الذين قتلوا في التفجير"
    return out


_RELATIVES = _MARKERS["relative"]


def _is_air(m: Mention) -> bool:
    v = m.value
    if getattr(v, "air", False) or "air" in (getattr(v, "tags", None) or ()):
        return True
    text = fold(m.text)
    return any(w in text for w in _AIR_WORDS)


def _is_target(idx: _Index, m: Mention) -> bool:
    """The side acted on: named as the dead, or right after 'على/ضد/مواقع …'."""
    if id(m) in idx.victims:
        return True
    doc = idx.doc
    toks = doc.tokens[max(0, m.token_start - 2):m.token_start]
    return any(t.norm in _TARGET_MARKERS or (t.forms and t.forms[-1] in _TARGET_MARKERS) for t in toks)


def _between_pair(doc: Doc, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """'بين X و Y' / 'بين X من جهة و Y من جهة أخرى': the two sides of a battle."""
    for i, a in enumerate(actors):
        toks = doc.tokens[max(0, a.token_start - 1):a.token_start]
        if any(t.norm == "بين" for t in toks):
            for b in actors[i + 1:]:
                if b.value is not None and getattr(b.value, "name", None) != getattr(a.value, "name", None):
                    return a, b
    return None


def _assign_roles(doc: Doc, idx: _Index, s: int, d: _Draft, actors: list[Mention], sent_actors: list[Mention]) -> None:
    """actor1 acts, actor2 is acted on; battles accept either order ('بين X و Y')."""
    family = SUB_TO_TYPE.get(d.sub, "Battles" if d.sub in ("territory", "attack") else "")
    named = [a for a in actors if a.value is not None]
    pair = _between_pair(doc, named) if family == "Battles" else None
    if pair:
        d.actor1, d.actor2 = pair
    elif d.sub == "Arrests":
        # the state arrests; whoever else is named is the one arrested
        state = [a for a in named + [x for x in sent_actors if x.value is not None] if _side(a.value) == "state"]
        d.actor1 = state[0] if state else _default_actor(doc, d, "police")
        others = [a for a in named if d.actor1 is None or getattr(a.value, "name", None) != d.actor1.value.name]
        d.actor2 = others[0] if others else None
    elif family == "Protests" or d.sub in ("Violent demonstration", "Mob violence"):
        crowd = [a for a in named if _side(a.value) == "crowd"]
        d.actor1 = crowd[0] if crowd else _default_actor(doc, d, "protesters")
        others = [a for a in named if _side(a.value) in ("state", "armed")]
        d.actor2 = others[0] if others and d.sub != "Peaceful protest" else None
    else:
        # the acting side: named in the clause, else carried over from the event told just
        # before, else named elsewhere in the sentence
        d.actor1 = _subject(idx, d, named)
        if d.actor1 is None:
            d.actor1, prev = _inherit_actor(idx, d)
            if d.sub == "attack" and prev is not None and prev.sub in _CAMPAIGN_SUBS:
                d.sub = prev.sub  # "مقتل 11 من داعش جراء استهداف مبنى" continues the air strikes told before
        if d.actor1 is None:
            d.actor1 = _subject(idx, d, [a for a in sent_actors if a.value is not None])
        if d.actor1 is None and family == "Violence against civilians":
            d.actor1 = _default_actor(doc, d, "unidentified")
        name1 = getattr(getattr(d.actor1, "value", None), "name", None)
        rest = [a for a in named if a is not d.actor1 and getattr(a.value, "name", None) != name1]
        if family == "Violence against civilians":
            civ = [a for a in rest if _side(a.value) == "civ"]
            d.actor2 = civ[0] if civ else _default_actor(doc, d, "civilians")
        elif d.actor1 is not None:
            side1 = _side(d.actor1.value)
            opp = [a for a in rest if _side(a.value) != side1 and not _ally(d.actor1, a)]
            if not opp:
                # a battle has two sides: the other may be named elsewhere in the sentence; an air
                # strike or shelling takes a target only from the clause beside it ("معارك بين قوات
                # النظام والتنظيم، تتزامن مع غارات روسية"), else it is coded without actor2
                near = sent_actors if (family == "Battles" or d.sub in ("attack", "kill")) else [
                    a for a in sent_actors if abs(idx.clause(a) - d.clause) <= 1]
                opp = [a for a in near if getattr(a.value, "name", None) != name1 and _side(a.value) != side1
                       and not _ally(d.actor1, a)]
            victims = [a for a in opp if _is_target(idx, a)]
            d.actor2 = (victims or opp or [None])[0]
        elif rest:
            d.actor2 = rest[0]
    if d.sub == "attack":
        # a generic "هجوم": on civilians it is violence against civilians, on armed men a battle
        d.sub = "Attack" if d.actor2 is not None and _side(d.actor2.value) == "civ" else "Armed clash"
        if d.sub == "Attack" and d.actor1 is None:
            d.actor1 = _default_actor(doc, d, "unidentified")
    # associated actor: a supporter named right after actor1 ("قوات النظام بدعم روسي")
    if d.actor1 is not None and d.actor1.text:
        for sp in idx.get(s, "support"):
            if sp.start >= d.actor1.end and sp.token_start - d.actor1.token_end <= 4:
                d.assoc1 = sp
                break


def _beneficiary(idx: _Index, m: Mention) -> bool:
    """'دعما لقوات النظام': the side helped, not the one acting."""
    before = idx.doc.tokens[max(0, m.token_start - 2):m.token_start]
    return any(t.norm in _BENEFICIARY_MARKERS or t.forms[-1] in _BENEFICIARY_MARKERS for t in before)


def _subject(idx: _Index, d: _Draft, named: list[Mention]) -> Mention | None:
    named = [a for a in named if not _beneficiary(idx, a)]
    if d.sub == "Air/drone strike":
        # only states fly air forces: an air actor, else a backer named in the sentence ("وتشرف
        # القوات الروسية … وتنفذ غارات كثيفة دعما لقوات النظام"), else a state actor
        air = [a for a in named if _is_air(a) and _side(a.value) == "state"]
        backers = [b for b in idx.get(d.sentence, "support") if _side(b.value) == "state"]
        state = [a for a in named if _side(a.value) == "state" and not _is_target(idx, a)]
        return (air or backers or state or [None])[0]
    subjects = [a for a in named if not _is_target(idx, a) and _side(a.value) != "civ"]
    if d.sub in _BOMB_SUBS:
        subjects = [a for a in subjects if _side(a.value) != "state"]  # state forces are the bombs' targets
    return subjects[0] if subjects else None


_BOMB_SUBS = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _inherit_actor(idx: _Index, d: _Draft) -> tuple[Mention | None, _Draft | None]:
    """An unnamed attacker continues the last event of the same type told just before
    (a generic attack continues the last battle or explosion)."""
    for prev in reversed(idx.recent):
        if d.sentence - prev.sentence > 2:
            break
        if prev.actor1 is None or not prev.actor1.text:
            continue
        if prev.date is not None and d.date is not None and prev.date[0] != d.date[0]:
            continue  # another day, another event ("منذ الهجوم الانتحاري في 20 يوليو")
        same = _family_of_sub(prev.sub) == _family_of_sub(d.sub) or (
            d.sub == "attack" and _family_of_sub(prev.sub) in ("Battles", "Explosions/Remote violence"))
        if same:
            if d.sub == "Air/drone strike" and _side(prev.actor1.value) != "state":
                continue
            return prev.actor1, prev
    return None, None


def _family_of_sub(sub: str) -> str:
    return "Battles" if sub in ("territory", "attack") else SUB_TO_TYPE.get(sub, sub)


def _default_actor(doc: Doc, d: _Draft, template: str) -> Mention | None:
    """Unnamed crowds, gunmen and victims take the article country's generic actor (no Arabic mention)."""
    from ..lexicon.actors import actor_lexicon

    actor = actor_lexicon().fill(template, doc.layers.get("country"))
    if actor is None:
        return None
    return Mention("actor", d.cue.start, d.cue.start, "", d.sentence, d.cue.token_start, d.cue.token_start,
                   actor, {"default": True})


def _ally(a: Mention, b: Mention) -> bool:
    """Same side: both state forces of the same country, or one supports the other by lexicon."""
    va, vb = a.value, b.value
    if getattr(va, "name", None) == getattr(vb, "name", None):
        return True
    allies = set(getattr(va, "allies", None) or ()) | set(getattr(vb, "allies", None) or ())
    return getattr(va, "key", None) in allies or getattr(vb, "key", None) in allies


# --------------------------------------------------------------------------------- places
def _is_dateline(m: Mention) -> bool:
    return bool(getattr(m.value, "is_dateline", False) or m.meta.get("dateline"))


def _precision(m: Mention) -> int:
    return int(getattr(m.value, "precision", 3) or 3)


def _place_kind(m: Mention) -> str:
    place = getattr(m.value, "place", None)
    return getattr(place, "kind", "") or ""


# Among areas (precision 3), the smaller kind wins: a named region before its governorate.
_KIND_RANK = {"neighbourhood": 0, "village": 0, "city": 0, "subdistrict": 1, "region": 1, "district": 2,
              "governorate": 3, "country": 4}


def _best_places(places: list[Mention]) -> list[Mention]:
    """Smallest named place first: towns before admin areas before countries."""
    return sorted(places, key=lambda p: (_place_kind(p) == "country", _precision(p),
                                         _KIND_RANK.get(_place_kind(p), 2), p.start))


_LIST_WORDS = _MARKERS["list_word"]


def _coordinated(doc: Doc, a: Mention, b: Mention) -> bool:
    """Two places in one list: 'الحولة وتلبيسة', 'بغداد ومدن أخرى، منها البصرة والنجف'."""
    gap = doc.text[a.end:b.start]
    if len(gap) > 30:
        return False
    words = fold(gap).replace(",", " ").split()
    if not words:
        # adjacent: a list only when the second name carries the conjunction (وتلبيسة) or a comma
        return doc.text[b.start - 1:b.start] == "و" or "," in fold(gap)
    return all(w in _LIST_WORDS or (w.startswith("و") and w[1:] in _LIST_WORDS) for w in words)


def _qualifier(m: Mention) -> str | None:
    return getattr(m.value, "qualifier", None) or m.meta.get("qualifier")


def _usable(idx: _Index, p: Mention) -> bool:
    """A place an event can be at: not the dateline, not a whole country, not a road's destination."""
    return (not _is_dateline(p) and _place_kind(p) != "country" and id(p) not in idx.direction
            and id(p) not in idx.in_name)


_LOCATIVES = _MARKERS["locative"]


def _locative_start(idx: _Index, clause: int) -> bool:
    """Does the clause open with a place phrase ("في محيط …", "قرب …", "بريف …")?"""
    for i, c in enumerate(idx.clause_of):
        if c == clause:
            return any(f in _LOCATIVES for f in idx.doc.tokens[i].forms)
    return False


def _places_for(idx: _Index, s: int, d: _Draft) -> list[Mention]:
    """The event's place(s): the smallest place named in its clause, with the places listed beside it.

    A clause naming no place takes the places of the nearest earlier clause of the sentence
    ("وترافق ذلك مع قصف الطيران على مناطق الاشتباك"), else of the nearest later one.
    """
    doc = idx.doc
    usable = [p for p in idx.get(s, "place") if _usable(idx, p)]
    cands = [p for p in usable if idx.clause(p) == d.clause]
    if not cands and usable:
        before = [p for p in usable if idx.clause(p) < d.clause]
        after = [p for p in usable if idx.clause(p) > d.clause]
        nxt = [p for p in after if d.clause < idx.clause(p) <= d.clause + 2]
        if nxt and _locative_start(idx, d.clause + 1):
            before = []  # "دارت اشتباكات …، في محيط مطار كويرس": the place follows after a comma
            after = [p for p in nxt if idx.clause(p) == min(idx.clause(q) for q in nxt)]
        if before:
            c = max(idx.clause(p) for p in before)
            cands = [p for p in before if idx.clause(p) == c]
        else:
            c = min(idx.clause(p) for p in after)
            cands = [p for p in after if idx.clause(p) == c]
    if not cands:
        return []
    runs: list[list[Mention]] = []
    for p in sorted(usable, key=lambda p: p.start):  # a list may run on past a comma ("، منها البصرة")
        if runs and _coordinated(doc, runs[-1][-1], p):
            runs[-1].append(p)
        else:
            runs.append([p])
    best = min(cands, key=lambda p: (_precision(p), _KIND_RANK.get(_place_kind(p), 2),
                                     0 if p.start >= d.cue.start else 1, abs(p.start - d.cue.start)))
    run = next(r for r in runs if best in r)
    if len(run) == 1:
        return run
    towns = [p for p in run if _qualifier(p) not in ("rural", "admin")]
    return _dedupe_places(towns or [best], by_name=True)


def _copy(d: _Draft) -> _Draft:
    return _Draft(**{k: (list(v) if isinstance(v, list) else v) for k, v in d.__dict__.items()})


# ---------------------------------------------------------------------------------- dates
def _resolve(doc: Doc, m: Mention) -> tuple[dt.date, dt.date, int] | None:
    from ..dates.resolve import resolve

    r = resolve(m.value, doc.published)
    if r is None:
        return None
    return r.start, r.end, int(r.precision)


def _anchor_date(doc: Doc, idx: _Index) -> tuple[dt.date, dt.date, int] | None:
    """The article's main date: the first dated statement of its lead, else around publication."""
    for s in range(min(3, len(doc.sentences))):
        for m in idx.get(s, "date"):
            if m.meta.get("background"):
                continue
            r = _resolve(doc, m)
            if r is not None:
                return r
    if doc.published is None:
        return None
    from ..dates.resolve import default_date

    r = default_date(doc.published)
    return (r.start, r.end, int(r.precision)) if r is not None else None


def _event_date_mention(m: Mention) -> bool:
    """A date that can date an event: not background, not the start of a span ("منذ الأسبوع الماضي")."""
    if m.meta.get("background"):
        return False
    return not (m.meta.get("since") and getattr(m.value, "kind", None) in ("window", "month", "year"))


def _assign_date(doc: Doc, idx: _Index, s: int, d: _Draft, anchor: tuple[dt.date, dt.date, int] | None) -> None:
    dates = [m for m in idx.in_clause(s, "date", d.clause) if _event_date_mention(m)]
    if not dates:
        dates = [m for m in idx.get(s, "date") if _event_date_mention(m)]
    dates.sort(key=lambda m: abs(m.token_start - d.cue.token_start))
    for m in dates:
        r = _resolve(doc, m)
        if r is not None:
            d.date, d.date_mention = r, m
            return
    d.date = anchor


# ---------------------------------------------------------------------------- fatalities
def _victim_count(doc: Doc, i: int, lex: Any) -> int | None:
    """1 for a singular victim noun at token i, 2 for its dual form."""
    tok = doc.tokens[i]
    for f in tok.forms:
        if f in lex.victims:
            return 1
        for suffix in ("ين", "ان"):
            if f.endswith(suffix) and f[: -len(suffix)] in lex.victims:
                return 2
            if f.endswith(suffix) and (f[: -len(suffix)] + "ه") in lex.victims:
                return 2
    return None


# A toll noun can sit far from its number: "ارتفع إلى 9 … عدد القتلى الذين قضوا".
_TOLL_NOUNS = _MARKERS["toll_noun"]
_TOLL_WINDOW = 14


def _assign_fatalities(doc: Doc, idx: _Index, s: int, drafts: list[_Draft], lex: Any) -> None:
    kills = [c for c in idx.get(s, "cue") if c.value.sub == "kill"]
    if not kills:
        return
    wounds = [c for c in idx.get(s, "cue") if c.value.sub == "wound"]
    numbers = [n for n in idx.get(s, "number") if n.meta.get("role") != "year" and isinstance(n.value, int)]
    used: set[int] = set()
    for kill in kills:
        clause = idx.clause(kill)
        best: tuple[int, Mention] | None = None
        for n in numbers:
            if id(n) in used or idx.clause(n) != clause:
                continue
            dist = n.token_start - kill.token_end if n.start >= kill.end else kill.token_start - n.token_end
            if dist > (_TOLL_WINDOW if kill.text and fold(kill.text) in _TOLL_NOUNS else 5):
                continue
            wdist = min((abs(n.token_start - w.token_start) for w in wounds), default=99)
            if wdist < dist:
                continue
            if best is None or dist < best[0]:
                best = (dist, n)
        count: int | None = None
        spans: list[Mention] = []
        end_tok = kill.token_end
        if best is not None:
            count = best[1].value
            spans.append(best[1])
            used.add(id(best[1]))
            end_tok = max(end_tok, best[1].token_end)
        else:
            for i in list(range(kill.token_end, min(kill.token_end + 2, len(doc.tokens)))) + list(
                    range(max(0, kill.token_start - 2), kill.token_start)):
                if idx.clause_of[i] != clause:
                    continue
                v = _victim_count(doc, i, lex)
                if v:
                    count = v
                    end_tok = max(end_tok, i + 1)
                    break
        if count is None:
            continue
        # "قتل 3 من أفراد الشرطة ومدني": each further victim noun joined by و adds one
        for i in range(end_tok, min(end_tok + 6, len(doc.tokens))):
            tok = doc.tokens[i]
            if idx.clause_of[i] != clause:
                break
            if tok.norm in lex.another or (tok.norm.startswith("و") and _victim_count(doc, i, lex) == 1 and tok.norm[1:] in lex.victims):
                count += 1
        target = _draft_for(idx, drafts, kill)
        if target is not None:
            target.fatalities = (target.fatalities or 0) + count
            target.fatality_spans.extend(spans or [kill])


def _draft_for(idx: _Index, drafts: list[_Draft], m: Mention) -> _Draft | None:
    clause = idx.clause(m)
    same = [d for d in drafts if d.clause == clause]
    if same:
        return same[0]
    return min(drafts, key=lambda d: abs(d.cue.token_start - m.token_start)) if drafts else None


# -------------------------------------------------------------------------------- sources
def _assign_sources(doc: Doc, idx: _Index, s: int, d: _Draft) -> None:
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
    return getattr(m.value, "name", None) if m is not None and m.value is not None else None


def _place_key(d: _Draft) -> Any:
    return _mention_place_key(d.place) if d.place is not None else None


def _nested(a: _Draft, b: _Draft) -> _Draft | None:
    """When one draft is at an admin area and the other at a place inside it ("وسط قطاع غزة" and
    "قرب مخيم النصيرات وسط قطاع غزة"), the inner draft; else None."""
    if a.place is None or b.place is None or _place_key(a) == _place_key(b):
        return None
    for outer, inner in ((a, b), (b, a)):
        # a village placed in its area, and that area itself ("مخيم المغازي" / "قطاع غزة")
        if (_qualifier(inner.place) == "enclosing" and _qualifier(outer.place) != "enclosing"
                and getattr(getattr(outer.place.value, "place", None), "id", None)
                == getattr(getattr(inner.place.value, "place", None), "id", None)):
            return inner
        if _precision(outer.place) == 3 and _precision(inner.place) < 3 and _qualifier(outer.place) != "enclosing":
            op = getattr(outer.place.value, "place", None)
            ip = getattr(inner.place.value, "place", None)
            if op is None or ip is None or op.country != ip.country:
                continue
            if op.name_en in (ip.admin1, ip.admin2, getattr(ip, "admin3", None)):
                return inner
    return None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per type, place, day and actor pair; a territory change absorbs the fighting."""
    out: list[_Draft] = []
    for d in drafts:
        merged = False
        for e in out:
            if (e.date or (None,))[0] != (d.date or (None,))[0]:
                continue
            nested = _nested(e, d)
            if _place_key(e) != _place_key(d) and nested is None:
                continue
            same_sub = e.sub == d.sub
            battle_pair = SUB_TO_TYPE.get(e.sub) == "Battles" and SUB_TO_TYPE.get(d.sub) == "Battles"
            a1, a2 = _actor_name(d.actor1), _actor_name(d.actor2)
            b1, b2 = _actor_name(e.actor1), _actor_name(e.actor2)
            ok = (_compatible(a1, b1) and _compatible(a2, b2)) or (battle_pair and _compatible(a1, b2) and _compatible(a2, b1))
            if not ok or not (same_sub or battle_pair):
                continue
            if battle_pair and not same_sub and d.sub not in ("Armed clash",) and e.sub == "Armed clash":
                e.sub = d.sub  # the territory change is the event; the clash is part of it
                e.actor1, e.actor2 = d.actor1 or e.actor1, d.actor2 or e.actor2
            if nested is d:
                e.place, e.place_fallback = d.place, d.place_fallback  # the smallest named place wins
            e.actor1 = e.actor1 or d.actor1
            e.actor2 = e.actor2 or d.actor2
            e.assoc1 = e.assoc1 or d.assoc1
            if d.fatalities is not None:
                # one article retelling an event: its fullest count ("قتل جندي تركي وآخر" then "وقتل
                # عسكري تركي"); two counts in one sentence add up. (Across sources, fusion keeps the lower.)
                if e.fatalities is None:
                    e.fatalities = d.fatalities
                elif e.sentence == d.sentence:
                    e.fatalities += d.fatalities
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


def _to_event(doc: Doc, d: _Draft, lex: Any) -> Event:
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
        v1 = _localised(a1, place_cc, getattr(place, "country", None))
        ev.actor1, ev.actor1_ar, ev.inter1 = v1.name, a1.text or None, getattr(v1, "inter", None)
    if a2 is not None:
        v2 = _localised(a2, place_cc, getattr(place, "country", None))
        ev.actor2, ev.actor2_ar, ev.inter2 = v2.name, a2.text or None, getattr(v2, "inter", None)
    if d.assoc1 is not None:
        ev.assoc_actor_1 = getattr(d.assoc1.value, "name", None)
    if ev.inter1:
        from ..output import interaction_code

        ev.interaction = interaction_code(ev.inter1, ev.inter2)
    if place is not None:
        ev.location = place.name_en
        ev.location_ar = d.place.text
        ev.latitude, ev.longitude = _point(place, _precision(d.place))
        ev.geo_precision = _precision(d.place)
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
    for role, m in (("actor1", a1), ("actor2", a2), ("assoc_actor_1", d.assoc1), ("location", d.place),
                    ("date", d.date_mention)):
        if m is not None and m.text:
            spans.append(Span(role, m.start, m.end, m.text))
    spans += [Span("fatalities", m.start, m.end, m.text) for m in d.fatality_spans]
    spans += [Span("source", m.start, m.end, m.text) for m in d.source_mentions]
    ev.spans = sorted({(s.start, s.end, s.role): s for s in spans}.values(), key=lambda s: s.start)
    ev.confidence = _confidence(d)
    ev.notes = _note(ev, lex)
    ev.event_id = ev.compute_id()
    return ev


def _point(place: Any, precision: int) -> tuple[float, float]:
    """Coordinates of the event: the place's point, or for an area its seat town (ACLED's convention
    for events known only by their governorate or district)."""
    if precision == 3 and getattr(place, "kind", "") in ("governorate", "district"):
        from ..geo.gazetteer import load_gazetteer

        seat = load_gazetteer().seat_of(place)
        if seat is not None:
            return seat.lat, seat.lon
    return place.lat, place.lon


_LOCAL_TEMPLATES = ("civilians", "protesters", "rioters", "unidentified")


def _localised(m: Mention, country: str | None, country_name: str | None = None) -> Any:
    """Generic actors (civilians, protesters, gunmen) belong to the country where the event is,
    not the one the article is mostly about; named actors and armies keep their own."""
    v = m.value
    key = getattr(v, "key", "") or ""
    base = key.split(":", 1)[0]
    if not country or base not in _LOCAL_TEMPLATES or m.meta.get("adjective") or key == f"{base}:{country}":
        return v
    from ..lexicon.actors import actor_lexicon

    lex = actor_lexicon()
    if country in lex.countries:
        return lex.fill(base, country) or v
    template = lex.actors.get(base)
    if template is None or not country_name:
        return v
    name = template.name.format(country=country_name, of_country=country_name)
    return _GenericActor(name, template.inter)


@dataclass(frozen=True)
class _GenericActor:
    """A generic actor filled for a country the actor table does not describe."""

    name: str
    inter: int


def _confidence(d: _Draft) -> float:
    c = 0.35
    c += 0.15 if d.actor1 is not None else 0
    c += 0.1 if d.actor2 is not None else 0
    c += 0.15 if d.place is not None and _precision(d.place) == 1 else 0.05
    c += 0.1 if d.date_mention is not None else 0
    c += 0.1 if d.sources else 0
    c -= 0.15 if d.place_fallback else 0
    return round(max(0.05, min(0.95, c)), 2)


def _note(ev: Event, lex: Any) -> str:
    template = lex.notes.get(ev.sub_event_type, "{actor1}: " + ev.sub_event_type + " in {location} on {date}.")
    text = template.format(
        actor1=ev.actor1 or "Unidentified forces", actor2=ev.actor2 or "others",
        location=", ".join(x for x in (ev.location, ev.admin1, ev.country) if x) or "an unnamed place",
        date=ev.event_date or "an unknown date", fatalities=ev.fatalities,
    )
    if ev.fatalities:
        text += f" {ev.fatalities} reported killed."
    if ev.source:
        text += f" Reported by {ev.source}."
    return text
