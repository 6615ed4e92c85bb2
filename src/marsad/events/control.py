"""Explicit statements of who holds a town ("الخاضعة لسيطرة الحوثيين"), dated at publication.

This stage reads the statements (``control_statements``: every sentence's, ``doc.layers
["control_candidates"]``) and keeps one per place and holder (``one_per_claim``) in ``doc.layers
["control"]``. In the learned pipeline the gate (``models.gate``) then keeps only statements whose
sentence the status model judges an event report, as it does for events, so that a control clause
inside a sentence about a visit, a meeting or an opinion ("وصل ماورر إلى صنعاء التي يسيطر عليها
الحوثيون") gives no claim. The rule-only pipeline keeps its statements unjudged, as it keeps its drafts.
"""
from __future__ import annotations

from typing import Any

from ..doc import Doc
from ..mentions.places import REFERENCE_NOUNS, REFERENCE_SENTENCES
from ..text.normalise import fold
from .index import MARKERS, MentionIndex, is_event_place, is_marked, precision_of
from .model import ControlStatement
from .roles import parties

PAST = MARKERS["past"]

CONTROL_REACH = 3  # tokens between a control phrase and its place ("يسيطر على مدينة الرقة")

RESUMPTIVE = frozenset({"عليها", "عليه", "عليهما", "عليهم"})

CONTROL_KINDS = frozenset({"state", "rebel", "militia", "identity", "external"})


AREA_WORDS = frozenset(fold(w) for w in ("محافظة", "محافظات", "ولاية", "ولايات", "إقليم", "أقاليم", "ريف"))


def _in_an_area(doc: Doc, phrase, place) -> bool:
    """Is the place named as (or inside) a governorate or countryside ("محافظات عدن ولحج", "ريف حلب")?"""
    lo, hi = sorted((phrase.token_end, place.token_start))
    return any(t.norm in AREA_WORDS or (t.forms and t.forms[-1] in AREA_WORDS) for t in doc.tokens[lo:hi])


# Right before a place named before a control phrase: the place is a landmark of the area held, not the
# area itself ("منطقة العلم … والمحاذي لعدن تحت سيطرة ميليشيات الحوثي": al-Alam is held, not Aden).
NEAR_WORDS = frozenset(fold(w) for w in (
    "المحاذي", "المحاذية", "محاذي", "محاذية", "المتاخم", "المتاخمة", "متاخم", "متاخمة", "المجاور", "المجاورة",
    "مجاور", "مجاورة", "القريب", "القريبة", "قريب", "قريبة", "قرب", "بالقرب", "مقابل", "قبالة", "المطل", "المطلة"))


def _referenced_town(doc: Doc, idx: MentionIndex, s: int, phrase) -> Any:
    """The town a reference noun right after the control phrase stands for ("يسيطر على البلدة"): the last
    town of that kind named (precision 1, not the dateline) in this sentence before the phrase or in the
    two sentences before; None when the phrase is not followed by such a noun or no such town was named.

    The place stage reads "في البلدة" the same way (``marsad.mentions.places._references``) but leaves a
    reference followed by an adjective to the reader; after a control phrase the noun can only be its
    object, whatever follows it."""
    toks = doc.tokens
    i = phrase.token_end
    if i >= doc.sentences[s].token_end:
        return None
    kinds = next((REFERENCE_NOUNS[f] for f in toks[i].forms[:2] if f in REFERENCE_NOUNS), None)
    if kinds is None:
        return None
    prior = [p for k in range(max(0, s - REFERENCE_SENTENCES), s + 1) for p in idx.get(k, "place")
             if (k < s or p.token_end <= phrase.token_start) and is_event_place(idx, p, origin_ok=True) and precision_of(p) == 1
             and getattr(getattr(p.value, "place", None), "kind", "") in kinds]
    return max(prior, key=lambda p: p.start, default=None)


def _is_reference_noun(doc: Doc, place) -> bool:
    """Is the place mention a reference noun ("البلدة", resolved by the place stage to the town before)?"""
    return any(f in REFERENCE_NOUNS for f in doc.tokens[place.token_start].forms[:2])


def _near(doc: Doc, place) -> bool:
    """Is the place named as a landmark ("المحاذي لعدن", "القريبة من حلب")?"""
    k = place.token_start - 1
    if k < 0 or doc.tokens[k].sentence != doc.tokens[place.token_start].sentence:
        return False
    t = doc.tokens[k]
    return _near_word(t) or (k >= 1 and fold(t.norm) in {"من", "ل"} and _near_word(doc.tokens[k - 1]))


def _near_word(t) -> bool:
    return any(f in NEAR_WORDS for f in (t.norm, *t.forms))


def _resumptive(phrase: str) -> bool:
    """Does the phrase end in a pronoun that points back to a noun before it ("يسيطرون عليها")?"""
    words = fold(phrase).split()
    last = words[-1] if words else ""
    return last in RESUMPTIVE


def control_statements(doc: Doc, idx: MentionIndex) -> list[ControlStatement]:
    """Who holds which town, as the article states it (dated at publication).

    "X يسيطر على Y" / "Y الخاضعة لسيطرة X": X a named armed actor (not a generic noun), Y a town
    (precision 1 or 2). Past ("كانت تحت سيطرة") and negated ("لم يعد يسيطر") statements are skipped.
    """
    if doc.published is None:
        return []
    out: list[ControlStatement] = []
    seen: set[tuple[str, str, int]] = set()
    for s in range(len(doc.sentences)):
        for m in idx.get(s, "control"):
            before = doc.tokens[max(doc.sentences[s].token_start, m.token_start - 3):m.token_start]
            if any(is_marked(t, PAST) for t in before):
                continue
            clause = idx.clause(m)
            if any(b.value == "negation" and b.token_end <= m.token_start and idx.clause(b) == clause
                   for b in idx.get(s, "blocker")):
                continue  # "لم يعد التنظيم يسيطر على …"
            actors = [a for a in parties(idx, s, clause) if getattr(a.value, "kind", "") in CONTROL_KINDS
                      and not a.meta.get("template")]
            # a whole town (not "الأحياء الغربية من حلب"), named right next to the phrase
            places = [p for p in idx.in_clause(s, "place", clause) if is_event_place(idx, p, origin_ok=True) and precision_of(p) == 1]
            if m.value == "holder_after":
                holder = min((a for a in actors if a.start >= m.end), key=lambda a: a.start, default=None)
                place = max((p for p in places if 0 <= m.token_start - p.token_end <= CONTROL_REACH),
                            key=lambda p: p.end, default=None)
            elif _resumptive(m.text):
                # "مدينة المكلا التي يسيطرون عليها": the pronoun points back to the place; the holder is
                # named after the phrase, or is the nearest armed actor before the place
                place = max((p for p in places if 0 <= m.token_start - p.token_end <= CONTROL_REACH),
                            key=lambda p: p.end, default=None)
                holder = min((a for a in actors if a.start >= m.end and a.token_start - m.token_end <= 1),
                             key=lambda a: a.start, default=None)
                if holder is None and place is not None:
                    holder = max((a for a in actors if a.end <= place.start), key=lambda a: a.end, default=None)
            else:
                holder = max((a for a in actors if a.end <= m.start), key=lambda a: a.end, default=None)
                if holder is None:  # "يسيطر التنظيم على …": the subject right after the verb
                    holder = min((a for a in actors if a.start >= m.end and a.token_start - m.token_end <= 1),
                                 key=lambda a: a.start, default=None)
                place = min((p for p in places if 0 <= p.token_start - m.token_end <= CONTROL_REACH),
                            key=lambda p: p.start, default=None)
                if place is None or place.token_start > m.token_end or _is_reference_noun(doc, place):
                    # "يسيطر على البلدة": the statement names the town the noun stands for
                    place = _referenced_town(doc, idx, s, m) or place
            if place is not None and place.token_end <= m.token_start and _near(doc, place):
                continue  # "المحاذي لعدن تحت سيطرة …": Aden is the landmark, not the place held
            gp = getattr(place.value, "place", None) if place is not None else None
            if place is not None and _in_an_area(doc, m, place):
                continue  # "تسيطر على محافظات عدن ولحج": governorates, not the towns
            if holder is None or gp is None or (gp.id, holder.value.name, s) in seen:
                continue
            seen.add((gp.id, holder.value.name, s))
            sent = doc.sentences[s]
            out.append(ControlStatement(
                article_id=doc.id, place_id=gp.id, place=gp.name_en, place_ar=place.text, actor=holder.value.name,
                actor_ar=holder.text, date=doc.published.isoformat(), evidence=doc.text[sent.start:sent.end],
                ev_start=sent.start, ev_end=sent.end,
            ))
    return out


def one_per_claim(statements: list[ControlStatement]) -> list[ControlStatement]:
    """The first statement of each (place, holder): an article states a holding once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for st in statements:
        if (st.place_id, st.actor) not in seen:
            seen.add((st.place_id, st.actor))
            out.append(st)
    return out
