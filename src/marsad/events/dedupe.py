"""Pipeline stage: one event for one unit told twice in the same sentence, or in two sentences with all of
its fields the same.

The rule builder merges its drafts, but later steps may retype one (the learned sub-type correction
turns a "تسليم" or an "إطلاق النار" of an arrest report into a second arrest): two events of one
sentence with the same sub-type, day, place and acting side are then the same ACLED unit, written
once with the evidence of both. Events of different sentences are merged only when sub-type, days, place
and both actors agree (the ACLED unit); anything looser is left to fusion, which sees dates and wording
across articles. A battle with no side and no dead named is dropped here, on its final sub-type.
"""
from __future__ import annotations

from ..doc import Doc
from ..text.normalise import fold
from .index import MARKERS
from .model import Event, write_note

DEVICE_WORDS = frozenset(fold(w) for w in MARKERS["device"])


def _unit(e: Event) -> tuple:
    first = e.evidence[0].start if e.evidence else None
    # the place as written too: villages of a list found only as the area around them ("قرى الزويك
    # والدويركة بجبل الأكراد") share coordinates but are one event each
    return (first, e.sub_event_type, e.event_date, e.location_id or e.location, e.location_ar, e.actor1)


def merge_sentence_duplicates(doc: Doc) -> None:
    """Merge events of one sentence that share sub-type, date, place (as resolved and as written) and
    actor1 and whose actor2 agree (equal, or named in only one of them)."""
    kept: list[Event] = []
    by_unit: dict[tuple, list[Event]] = {}
    for e in doc.events:
        told = by_unit.setdefault(_unit(e), [])
        same = next((k for k in told if k.actor2 is None or e.actor2 is None or k.actor2 == e.actor2), None)
        if same is None and e.event_type == "Battles" and e.actor1 is not None and e.actor2 is not None:
            # a battle may name its sides in either order: "مواجهات بين المعارضة والقوات النظامية"
            # told beside a clause where the army is named first is the same fight
            same = next((k for k in by_unit.get(_unit(e)[:-1] + (e.actor2,), [])
                         if k.actor2 == e.actor1), None)
        if same is None:
            told.append(e)
            kept.append(e)
            continue
        _absorb(same, e)
    events = _one_bombing(_fights_of_takeovers(_merge_article_units(_merge_unnamed_retellings(kept))))
    doc.events = [_without_toll_if_non_violent(e) for e in events if not _sideless_talk_of_battle(e)]
    for e in doc.events:
        # the learned correction may have retyped an event and the merges changed its toll or sides since the
        # rules wrote its notes: they tell the event as it is written out
        e.notes = write_note(e)


def _without_toll_if_non_violent(e: Event) -> Event:
    """A strategic development (an arrest, a weapons seizure, an agreement) kills no one: deaths told beside it
    ("القضاء على ثلاثة إرهابيين وإلقاء القبض على ثلاثة آخرين") are another event's toll, not this one's.
    Judged on the final sub-type, after the learned correction."""
    if e.event_type == "Strategic developments" and e.fatalities:
        e.fatalities = 0
        e.spans = [sp for sp in e.spans if sp.role != "fatalities"]
    return e


TAKEOVERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _fights_of_takeovers(events: list[Event]) -> list[Event]:
    """A clash told at the place and on the days of a territory change the article tells, between its sides
    (or sides left unnamed), is the fight for it: GUIDELINES, "regime forces taking a town while fighting
    there is one event (the territory change), not two". The clash's evidence and toll join the takeover."""
    takeovers = [e for e in events if e.sub_event_type in TAKEOVERS and (e.location_id or e.location)]
    if not takeovers:
        return events
    dropped: set[int] = set()
    for e in events:
        if e.sub_event_type != "Armed clash" or not (e.location_id or e.location):
            continue
        for t in takeovers:
            if (t.location_id or t.location) != (e.location_id or e.location) \
                    or (t.event_date, t.event_date_end) != (e.event_date, e.event_date_end):
                continue
            sides = {t.actor1, t.actor2, t.assoc_actor_1, t.assoc_actor_2} - {None}
            if all(a is None or a in sides for a in (e.actor1, e.actor2)):
                _absorb(t, e)
                dropped.add(id(e))
                break
    return [e for e in events if id(e) not in dropped]


def _names_a_device(e: Event) -> bool:
    return any(sp.role == "cue" and any(w.lstrip("وبل") in DEVICE_WORDS or w in DEVICE_WORDS
                                        for w in fold(sp.text).split()) for sp in e.spans)


def _one_bombing(events: list[Event]) -> list[Event]:
    """A roadside-bomb event naming no device and no bomber ("إن اثنين من رجال الأمن المصابين في حادثة
    استهداف مسجد قوات الطوارئ … انتقلا إلى رحمة الله", typed a bombing by the sub-type model) at the place and
    on the day of a suicide bombing the article tells is that bombing told again: its evidence and toll join it."""
    suicides = [e for e in events if e.sub_event_type == "Suicide bomb" and (e.location_id or e.location)]
    if not suicides:
        return events
    dropped: set[int] = set()
    for e in events:
        if e.sub_event_type != "Remote explosive/landmine/IED" or not _unnamed(e.actor1) or _names_a_device(e):
            continue
        into = next((s for s in suicides if (s.location_id or s.location) == (e.location_id or e.location)
                     and (s.event_date, s.event_date_end) == (e.event_date, e.event_date_end)), None)
        if into is not None:
            _absorb(into, e)
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _sideless_talk_of_battle(e: Event) -> bool:
    """A battle naming no side and no dead ("وعدم الانجرار إلى معارك جانبية", "حوصر المدنيون وسط المعارك",
    "رفض ضباط … المشاركة في عمليات القتال في عدن") is mostly talk about fighting, not a report of one; ACLED
    codes no battle without the side acting. One with its dead told ("قتل 39 متمردا … في المعارك العنيفة في
    الحوطة") is kept. Judged on the final sub-type, after the learned correction."""
    return e.event_type == "Battles" and e.actor1 is None and e.actor2 is None and not e.fatalities


def _article_unit(e: Event) -> tuple:
    # the place as written too: villages of a list found only as the area around them share its point
    return (e.sub_event_type, e.event_date, e.event_date_end, e.location_id or e.location, e.location_ar, e.actor1,
            e.actor2)


def _merge_article_units(events: list[Event]) -> list[Event]:
    """Events of one article with the same sub-type, days, place and both actors are one ACLED unit told in
    two sentences (a lead and its retelling, "تمكنت المقاومة من السيطرة على الحوطة" then "اذ تمكنت المقاومة من
    السيطرة على … والحوطة"): written once, with the evidence of both and the larger toll (a retelling repeats
    the toll, it does not add to it)."""
    first: dict[tuple, Event] = {}
    kept: list[Event] = []
    for e in events:
        key = _article_unit(e)
        if key[3] is None:  # no place: nothing says the two are the same incident
            kept.append(e)
            continue
        into = first.get(key)
        if into is None:
            # allies told in another order ("تمكن الجيش الوطني والمقاومة الشعبية من استعادة السيطرة على الحوطة",
            # then "تمكنت المقاومة الشعبية من السيطرة على … الحوطة"): the side named with its ally
            into = next((k for k in kept if _article_unit(k)[:5] == key[:5]  # all but the two actors
                         and (k.actor2 == e.actor2 or k.actor2 is None or e.actor2 is None)
                         and e.actor1 is not None and k.actor1 is not None
                         and (e.actor1 == k.assoc_actor_1 or k.actor1 == e.assoc_actor_1)), None)
        if into is None:
            first[key] = e
            kept.append(e)
        else:
            _absorb(into, e)
    return kept


def _unnamed(actor: str | None) -> bool:
    return actor is None or actor.startswith("Unidentified Armed Group")


def _retells(weak: Event, strong: Event) -> bool:
    """``weak`` names no attacker and no side that ``strong`` does not name: the same incident told
    again in its sentence ("صدت البيشمركة هجوما لداعش …، وقتل خلال الهجوم 15 مسلحا")."""
    if not _unnamed(weak.actor1) or _unnamed(strong.actor1):
        return False
    if weak.actor2 is None or weak.actor2 == strong.actor2:
        return True
    # in a battle either side may be named first: the side that lost men is one of the two
    return strong.event_type == "Battles" and weak.actor2 == strong.actor1


def _merge_unnamed_retellings(events: list[Event]) -> list[Event]:
    """An event of a sentence with an unnamed attacker, at the same place, day and sub-type as one
    whose sides are named, is that event told again (its toll, a detail), not a second unit."""
    by_place: dict[tuple, list[Event]] = {}
    for e in events:
        by_place.setdefault(_unit(e)[:-1], []).append(e)  # the unit but for actor1
    dropped: set[int] = set()
    for group in by_place.values():
        if len(group) < 2:
            continue
        for weak in group:
            strong = next((k for k in group if k is not weak and id(k) not in dropped and _retells(weak, k)), None)
            if strong is not None:
                _absorb(strong, weak)
                dropped.add(id(weak))
    return [e for e in events if id(e) not in dropped]


def _absorb(into: Event, other: Event) -> None:
    if into.actor2 is None and other.actor2 is not None and other.actor2 != into.actor1:
        into.actor2, into.actor2_ar, into.assoc_actor_2, into.inter2 = (
            other.actor2, other.actor2_ar, other.assoc_actor_2, other.inter2)
        into.interaction = other.interaction
    into.fatalities = max(into.fatalities, other.fatalities)
    into.confidence = max(into.confidence, other.confidence)
    seen = {(ev.start, ev.end) for ev in into.evidence}
    into.evidence.extend(ev for ev in other.evidence if (ev.start, ev.end) not in seen)
    spans = {(sp.role, sp.start, sp.end) for sp in into.spans}
    into.spans.extend(sp for sp in other.spans if (sp.role, sp.start, sp.end) not in spans)
