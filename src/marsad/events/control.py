"""Explicit statements of who holds a town ("الخاضعة لسيطرة الحوثيين"), dated at publication."""
from __future__ import annotations

from ..doc import Doc
from ..text.normalise import fold
from .index import MARKERS, MentionIndex, is_event_place, precision_of
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
    seen: set[tuple[str, str]] = set()
    for s in range(len(doc.sentences)):
        for m in idx.get(s, "control"):
            before = doc.tokens[max(doc.sentences[s].token_start, m.token_start - 3):m.token_start]
            if any(t.norm in PAST or t.forms[-1] in PAST for t in before):
                continue
            clause = idx.clause(m)
            if any(b.value == "negation" and b.token_end <= m.token_start and idx.clause(b) == clause
                   for b in idx.get(s, "blocker")):
                continue  # "لم يعد التنظيم يسيطر على …"
            actors = [a for a in parties(idx, s, clause) if getattr(a.value, "kind", "") in CONTROL_KINDS
                      and not a.meta.get("template")]
            # a whole town (not "الأحياء الغربية من حلب"), named right next to the phrase
            places = [p for p in idx.in_clause(s, "place", clause) if is_event_place(idx, p) and precision_of(p) == 1]
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
            gp = getattr(place.value, "place", None) if place is not None else None
            if place is not None and _in_an_area(doc, m, place):
                continue  # "تسيطر على محافظات عدن ولحج": governorates, not the towns
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
