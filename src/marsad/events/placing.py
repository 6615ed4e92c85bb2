"""Where an event happened: the smallest place of its clause, places listed together, the story's
place for an unplaced sentence, nested areas, and the point an area-level event takes."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..doc import Doc, Mention
from .index import (
    MARKERS,
    Draft,
    MentionIndex,
    coordinated_places,
    copy_draft,
    dedupe_places,
    draft_place_key,
    is_event_place,
    named_places_in,
    place_kind,
    precision_of,
    qualifier_of,
)
from ..text.normalise import fold
from .model import SUB_TO_TYPE


def place_draft(doc: Doc, idx: MentionIndex, s: int, d: Draft, context_places: list[Mention]) -> list[Draft]:
    """The draft once per place it happened at (two towns listed: two events), or none when it
    cannot be placed; an unplaced sentence continuing the story takes the story's place."""
    places = places_for(idx, s, d)
    if places and all(is_country_part(p) and place_country(p) == doc.layers.get("country") for p in places) \
            and any(place_country(p) == place_country(places[0]) and not is_country_part(p) for p in context_places):
        places = []  # "في جنوب شرق تركيا" in a Turkish story: the story's town, named before or next
    if not places and idx.placeless:
        # the text names no town or area at all (a single sentence, a short wire): the event stands
        # without coordinates, with the country when one is named
        if d.cue.value.needs_actor and not (d.actor1 is not None and d.actor1.text):
            return []
        countries = [p for p in named_places_in(idx, s) if place_kind(p) == "country"]
        d.country = getattr(getattr(countries[0].value, "place", None), "country", None) if countries else None
        home = None if countries else home_force_country(doc, d)
        if home is not None:
            d.place, d.place_fallback = home, True  # "اعتقلت قوات الأمن التركية …": at the forces' country
        return [d]
    if not places:
        named = named_places_in(idx, s)
        if named and not any(is_event_place(idx, p) and id(p) not in idx.venue for p in named) \
                and not home_country_only(doc, idx, s):
            # told at the scale of foreign countries ("في سوريا والعراق"), or only where it was said ("في تصريح
            # لدى مغادرته الرياض"): no place to code, and not the story's either
            return []
        if d.cue.value.needs_actor and not named:
            home = home_force_country(doc, d)
            if home is None:
                return []  # a weak cue with no place of its own is too vague to code
            d.place = home  # "اعتقلت السلطات السورية …": the forces at home, coded at their country
            d.place_fallback = True  # never the story's place for the sentences after it
            return [d]
        if not (d.actor1 is not None and d.actor1.text) and not continues_story(idx, d):
            return []  # an unplaced, unattributed mention ("الانتحاري") is not a report
        places = list(context_places)
        if foreign_to_both_sides(d, places):
            return []
        d.place_fallback = True
    out = []
    for k, p in enumerate(places):
        nd = d if k == 0 else copy_draft(d)
        nd.place = p
        if k > 0:
            nd.fatalities = None  # a toll told once is not repeated for each town
        out.append(nd)
    return out


# What a country's own forces do at home: arrest, face protests. Told with no place at all ("اعتقلت السلطات
# السورية اليوم الاثنين سليمان هلال الأسد"), such an event is coded at the country (precision 3).
DOMESTIC_SUBS = frozenset({"Arrests", "Protest with intervention", "Excessive force against protesters"})


def home_force_country(doc: Doc, d: Draft) -> Mention | None:
    """The country, as a place at country precision, of an event its own state forces carry out at home
    when the article names no place for it: the acting force's country is the article's country."""
    a = d.actor1
    focus = doc.layers.get("country")
    if d.sub not in DOMESTIC_SUBS or a is None or not a.text or getattr(a.value, "inter", None) != 1:
        return None
    code = getattr(a.value, "country", None)
    if not code or code != focus:
        return None
    from ..geo.gazetteer import load_gazetteer
    from ..geo.resolve import ResolvedPlace

    country = load_gazetteer().country_of(code)
    if country is None:
        return None
    rp = ResolvedPlace(country, 3, reasons=[f"no place named: the country of {a.value.name}, acting at home"],
                       qualifier="admin")
    return Mention("place", a.start, a.end, a.text, a.sentence, a.token_start, a.token_end, rp,
                   {"from_actor": True})


def home_country_only(doc: Doc, idx: MentionIndex, s: int) -> bool:
    """The sentence names only the article's own country ("في جنوب شرق تركيا" in a Turkish story),
    whose town the story names next."""
    focus = doc.layers.get("country")
    countries = {place_country(p) for p in named_places_in(idx, s) if place_kind(p) == "country"}
    return bool(focus) and countries == {focus}


def place_country(p: Mention) -> str | None:
    """The ISO2 code of the country a place mention resolved to."""
    return getattr(getattr(p.value, "place", None), "country_code", None)


def foreign_to_both_sides(d: Draft, places: list[Mention]) -> bool:
    """Both sides are named groups or forces of one country, and the story's places are all in
    countries that neither are it nor border it: a roundup's sentence about Syria ("المعارك بين قوات
    النظام وقوات المعارضة") is not in Yemen, while Turkish strikes on the PKK may be in Iraq."""
    from .roles import LOCAL_TEMPLATES

    sides = (d.actor1, d.actor2)
    if any(a is None or not a.text for a in sides):
        return False
    if any((getattr(a.value, "key", "") or "").split(":", 1)[0] in LOCAL_TEMPLATES for a in sides):
        return False  # unnamed gunmen and civilians are of wherever the event is
    homes = {getattr(a.value, "country", None) for a in sides}
    if len(homes) != 1 or None in homes or not places:
        return False
    (home,) = homes
    near = {home, *country_neighbours(home)}
    return not any(place_country(p) in near for p in places)


@lru_cache(maxsize=None)
def country_neighbours(code: str) -> frozenset[str]:
    """The countries bordering ``code`` by land (GeoNames country info, via ``countries.yaml``)."""
    from ..lexicon import load_yaml

    rec = (load_yaml("countries.yaml").get("countries") or {}).get(code) or {}
    return frozenset(rec.get("neighbours") or ())


def continues_story(idx: MentionIndex, d: Draft) -> bool:
    """Was an event told in this or the previous sentence (so an unplaced one continues it)?"""
    return any(p is not d and d.sentence - p.sentence <= 1 for p in idx.recent)

PLACELESS_MAX_SENTENCES = 2


def lead_places(doc: Doc, idx: MentionIndex) -> list[Mention]:
    """The story's place: the smallest of the first sentence naming one (a part of a country, "في
    جنوب شرق تركيا", is no story's place: an unplaced sentence is not told at that scale)."""
    for s in range(len(doc.sentences)):
        places = [p for p in idx.get(s, "place") if is_event_place(idx, p) and not is_country_part(p)]
        if places:
            return best_places(places)[:1]
    return []

# Among areas (precision 3), the smaller kind wins: a named region before its governorate.
KIND_RANK = {"neighbourhood": 0, "village": 0, "city": 0, "subdistrict": 1, "region": 1, "district": 2,
              "governorate": 3, "country": 4, "water": 5, "world_region": 6, "continent": 7}


# A compass part of a country ("شمال العراق") comes after every named area, before the country.
PART_RANK = 3.5


def area_rank(p: Mention) -> float:
    """How large an area the place is, among places of one precision (``KIND_RANK``)."""
    if is_country_part(p):
        return PART_RANK
    return KIND_RANK.get(place_kind(p), 2)


def is_country_part(p: Mention) -> bool:
    """A compass part of a country ("في شمال العراق", places.country_part)."""
    return getattr(getattr(p.value, "place", None), "feature_code", "") == "PART"


def best_places(places: list[Mention]) -> list[Mention]:
    """Smallest named place first: towns before admin areas before countries."""
    return sorted(places, key=lambda p: (place_kind(p) == "country", precision_of(p), area_rank(p), p.start))

LOCATIVES = MARKERS["locative"]


def locative_start(idx: MentionIndex, clause: int) -> bool:
    """Does the clause open with a place phrase ("في محيط …", "قرب …", "بريف …")?"""
    first = getattr(idx, "_clause_first", None)
    if first is None:  # each clause's first token, found once per article (was a scan per call)
        first = {}
        for i, c in enumerate(idx.clause_of):
            first.setdefault(c, i)
        idx._clause_first = first
    i = first.get(clause)
    return i is not None and any(f in LOCATIVES for f in idx.doc.tokens[i].forms)


def places_for(idx: MentionIndex, s: int, d: Draft) -> list[Mention]:
    """The event's place(s): the smallest place named in its clause, with the places listed beside it.

    A clause naming no place takes the places of the nearest earlier clause of the sentence
    ("وترافق ذلك مع قصف الطيران على مناطق الاشتباك"), else of the nearest later one.
    """
    doc = idx.doc
    protest = SUB_TO_TYPE.get(d.sub) in ("Protests", "Riots")
    # where a statement was made is no event's place, except a protest's at it (a shoe thrown at a press conference)
    usable = outside_named_area(doc, [p for p in idx.get(s, "place") if is_event_place(idx, p)
                                      and (protest or id(p) not in idx.venue)])
    # the place of an earlier incident named as a time reference after the cue ("شنت مقاتلات تركية … غارات على
    # مواقع للتنظيم في سورية وذلك بعد اربعة ايام على تفجير سوروتش") is not this event's place
    refs = [b for b in idx.get(s, "blocker") if b.value == "reference" and b.token_start > d.cue.token_end]
    if refs:
        usable = [p for p in usable if not any(b.token_end <= p.token_start and idx.clause(b) == idx.clause(p)
                                                for b in refs)]
    focus = doc.layers.get("country")
    if any(not is_country_part(p) for p in usable):
        # "هجوم في جنوب شرق تركيا، …" in a Turkish story: a part of the story's own country yields to
        # the towns the sentence names
        usable = [p for p in usable if not (is_country_part(p) and place_country(p) == focus)]
    cands = [p for p in usable if idx.clause(p) == d.clause]
    if not cands and usable:
        before = [p for p in usable if idx.clause(p) < d.clause]
        after = [p for p in usable if idx.clause(p) > d.clause]
        nxt = [p for p in after if d.clause < idx.clause(p) <= d.clause + 2]
        if nxt and locative_start(idx, d.clause + 1):
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
    own = _named_with_noun(doc, d.cue, cands)
    if own:
        # "استشهدا في حادث التفجير الغاشم بمسجد قوة الطوارئ بعسير": the place told with the event noun is
        # its place, not a town named before it (where the mourners live, where the news was told)
        cands = own
    pairs = _located_pairs(doc, usable)
    located = {id(p) for _, p in pairs}
    if located and any(id(p) not in located for p in cands):
        cands = [p for p in cands if id(p) not in located]  # "قاعدة العند شمال عدن": at al-Anad, not Aden
    elif located:
        # only the locator is in the nearest clause ("وفي محافظة مأرب، شرق صنعاء، شنت طائرات التحالف …"):
        # the place it locates
        ids = {id(p) for p in cands}
        cands = [q for q, p in pairs if id(p) in ids] or cands
    homes = homes_of_people(doc, usable)
    ends = road_ends(doc, usable) | homes
    home = [p for p in cands if id(p) not in ends and place_country(p) == focus]
    if ends and home:
        cands = home  # a place of the story's country, not a homonym abroad
    elif homes and all(id(p) in homes for p in cands):
        # "اقتحم عدد من أهالي المكناسي ...، مقر ولاية سيدي بوزيد": the people's home in this clause, the place
        # they acted at in the next
        there = [p for p in usable if id(p) not in ends and place_country(p) == focus]
        if there:
            cands = there
    runs: list[list[Mention]] = []
    for p in sorted(usable, key=lambda p: p.start):  # a list may run on past a comma ("، منها البصرة")
        if runs and coordinated_places(doc, runs[-1][-1], p):
            runs[-1].append(p)
        else:
            runs.append([p])
    best = min(cands, key=lambda p: (precision_of(p), area_rank(p),
                                     0 if p.start >= d.cue.start else 1, abs(p.start - d.cue.start)))
    run = next(r for r in runs if best in r)
    if len(run) == 1:
        return run
    towns = [p for p in run if qualifier_of(p) not in ("rural", "admin")]
    # governorates listed as peers ("وتشهد محافظات كربلاء والنجف والبصرة والحلة … مظاهرات") are places of
    # their own; one that holds a town of the list only locates it ("في مدينة الرمادي ومحافظة الأنبار")
    # A longer list of governorates ("في محافظات دمشق وريف دمشق وحلب والحسكة …") sums up a campaign or a
    # count over months, no event in each.
    areas = [p for p in run if qualifier_of(p) == "admin" and not any(_holds(p, t) for t in towns)]
    if len(areas) > MOST_LISTED_AREAS or _between(doc, run[0]):
        areas = []  # "على الحدود بين محافظتي تعز ولحج", "الرابطة بين ولاية قفصة وصفاقس": the ends, not the places
    return dedupe_places(sorted(towns + areas, key=lambda p: p.start) or [best], by_name=True)


MOST_LISTED_AREAS = 3
NOUN_PLACE_REACH = 6  # words from a definite event noun to the place told with it


def _named_with_noun(doc: Doc, cue: Mention, cands: list[Mention]) -> list[Mention]:
    """The places told right after a definite event noun ("التفجير … بعسير"), in its phrase (no
    punctuation between), when the clause names a place before the noun too; else []."""
    toks = doc.tokens
    if not toks[cue.token_start].norm.lstrip("وفبل").startswith("ال") or all(p.start >= cue.end for p in cands):
        return []
    out = []
    for p in cands:
        if p.start >= cue.end and p.token_start - cue.token_end <= NOUN_PLACE_REACH and \
                not any(ch in doc.text[cue.end:p.start] for ch in "،,.:;؛()«»\""):
            out.append(p)
    return out


def _between(doc: Doc, first: Mention) -> bool:
    """Does "بين" stand just before the list (its admin word apart: "بين محافظتي", "بين ولاية")?"""
    words = fold(doc.text[max(0, first.start - 24):first.start]).split()[-2:]
    return "بين" in words


def _holds(area: Mention, town: Mention) -> bool:
    """Does the admin area hold the town (same country and governorate, or the same district)?"""
    a, t = getattr(area.value, "place", None), getattr(town.value, "place", None)
    if a is None or t is None or a.country_code != t.country_code:
        return False
    if a.kind == "governorate":
        return bool(a.admin1_code) and a.admin1_code == t.admin1_code
    return bool(a.admin2_code) and a.admin2_code == t.admin2_code or a.name_en in (t.admin2, t.admin3)


def road_ends(doc: Doc, places: list[Mention]) -> set[int]:
    """ids of the places named as the two ends of a road or line ("الطريق الرابطة بين قفصة وصفاقس على مستوى
    معتمدية المكناسي"): "بين" right before the first, the second listed after it. Where the clause names
    another place, that one is where it happened, not the towns the road joins."""
    toks = doc.tokens
    ordered = sorted(places, key=lambda p: p.start)
    out: set[int] = set()
    for k, p in enumerate(ordered[:-1]):
        i = p.token_start
        if i == 0 or toks[i - 1].sentence != p.sentence or toks[i - 1].norm != "بين":
            continue
        q = ordered[k + 1]
        if q.sentence == p.sentence and coordinated_places(doc, p, q):
            out.update((id(p), id(q)))
    return out


# Place nouns that may stand between a near word and the name it locates by ("قرب مدينة درعا")
LOCATOR_NOUNS = MARKERS["locator_noun"]


def _located_pairs(doc: Doc, places: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(place, the place that locates it): the second only locates the first, a direction or "near" word (and a
    place noun) between ("قاعدة العند شمال عدن", "تدمر شرق حمص", "بلدة X قرب مدينة Y"): the event is at the
    first. Not a reference to a town named before ("ضاحية دار سعد شمال المدينة" after "مجزرة في مدينة عدن"):
    the sentence told its event there first."""
    from ..geo.resolve import NEAR_CUES
    from ..mentions.places import REFERENCE_NOUNS
    from ..text.normalise import fold

    ordered = sorted(places, key=lambda p: p.start)
    out = []
    for q, p in zip(ordered, ordered[1:]):
        if q.sentence != p.sentence or getattr(p.value, "name", "") in REFERENCE_NOUNS:
            continue
        # punctuation does not count ("وفي محافظة مأرب، شرق صنعاء، شنت طائرات التحالف غارات")
        gap = [w for w in fold(doc.text[q.end:p.start]).split() if any(ch.isalpha() for ch in w)]
        # a place noun may stand before the second name ("في منطقة غرز قرب مدينة درعا"): a near word is needed
        near = [w for w in gap if w not in LOCATOR_NOUNS]
        if 1 <= len(near) <= 2 and len(gap) - len(near) <= 1 and \
                all(w in NEAR_CUES or w[:1] in "بو" and w[1:] in NEAR_CUES for w in near):
            out.append((q, p))
    return out


# "أهالي المكناسي"، "سكان القرية"، "أبناء المنطقة": the people of a place
PEOPLE_OF = frozenset({"اهالي", "سكان", "ابناء"})


ORIGIN_WINDOW = 4  # words between "من" and a place that locates the home named after it ("من جبل محسن في طرابلس")


def homes_of_people(doc: Doc, places: list[Mention]) -> set[int]:
    """ids of the places named as where people are from ("اقتحم عدد من أهالي المكناسي ... مقر ولاية سيدي
    بوزيد"): the protest was at the governorate's seat; the residents came from Meknassy. Also a group of
    people "من" a place ("عناصر من حزب الله بينهم علويون من جبل محسن في طرابلس قتلوا ... على أطراف مدينة
    الزبداني": the fighters' home, not where they died): ``origin_people`` of places_context.yaml before من,
    the place within a few words after it, no punctuation between."""
    from ..mentions.places import place_context

    origin = place_context().origin_people
    toks = doc.tokens
    out: set[int] = set()
    for p in places:
        i = p.token_start
        if i > 0 and toks[i - 1].sentence == p.sentence and not PEOPLE_OF.isdisjoint(toks[i - 1].forms[:2]):
            out.add(id(p))
            continue
        for k in range(i - 1, max(0, i - 1 - ORIGIN_WINDOW), -1):
            if k < 1 or toks[k].sentence != p.sentence or any(c in doc.text[toks[k].end:toks[k + 1].start] for c in "،,.:؛;«»\"()"):
                break
            if toks[k].norm == "من":
                if not origin.isdisjoint(toks[k - 1].forms[:2]) and toks[k - 1].sentence == p.sentence:
                    out.add(id(p))
                break
    return out


AREA_KINDS = frozenset({"governorate", "district", "region", "subdistrict"})
LOCAL_KINDS = frozenset({"village", "city", "neighbourhood"})


def outside_named_area(doc: Doc, places: list[Mention]) -> list[Mention]:
    """Drop a town or village resolved abroad when the sentence names an area of the article's own
    country ("… بمناطق متفرقة من ولاية القصرين … بمنطقة الشرايع": not Cheraia in Algeria): the
    homonym abroad is the resolver's guess; the event stays at the area the sentence names."""
    focus = doc.layers.get("country")
    areas = {place_country(p) for p in places if place_kind(p) in AREA_KINDS}
    if not focus or areas != {focus}:
        return places
    return [p for p in places if not (place_kind(p) in LOCAL_KINDS and place_country(p) not in (None, focus))]


def nested_draft(a: Draft, b: Draft, doc: Doc | None = None) -> Draft | None:
    """When one draft is at an admin area and the other at a place inside it ("وسط قطاع غزة" and
    "قرب مخيم النصيرات وسط قطاع غزة"), the inner draft; else None. Two towns listed together
    ("قريتي نبل والزهراء", a ``doc`` given) are peers, however close, not a city and its quarter."""
    if a.place is None or b.place is None or draft_place_key(a) == draft_place_key(b):
        return None
    for outer, inner in ((a, b), (b, a)):
        # a village placed in its area, and that area itself ("مخيم المغازي" / "قطاع غزة")
        if (qualifier_of(inner.place) == "enclosing" and qualifier_of(outer.place) != "enclosing"
                and getattr(getattr(outer.place.value, "place", None), "id", None)
                == getattr(getattr(inner.place.value, "place", None), "id", None)):
            return inner
        if precision_of(outer.place) == 3 and precision_of(inner.place) < 3 and qualifier_of(outer.place) != "enclosing":
            op = getattr(outer.place.value, "place", None)
            ip = getattr(inner.place.value, "place", None)
            if op is None or ip is None or op.country != ip.country:
                continue
            if op.name_en in (ip.admin1, ip.admin2, getattr(ip, "admin3", None)):
                return inner
        if _quarter_of(getattr(inner.place.value, "place", None), getattr(outer.place.value, "place", None)) \
                and not (doc is not None and _listed_together(doc, inner.place, outer.place)):
            return inner  # "في حي الجراف" and "في صنعاء": a city's quarter and the city
    return None


def _listed_together(doc: Doc, a: Any, b: Any) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    return coordinated_places(doc, first, second)


# A named quarter lies within this distance of its city's point; a gazetteer "village" this close to a
# city's point is a suburb the city has grown over (حي الجراف in Sanaa is a village in GeoNames).
QUARTER_RADIUS_KM = {"neighbourhood": 15.0, "village": 8.0}


def _quarter_of(inner: Any, outer: Any) -> bool:
    """Whether ``inner`` is a quarter of the city ``outer`` (same country and governorate, near)."""
    radius = QUARTER_RADIUS_KM.get(getattr(inner, "kind", ""))
    if radius is None or outer is None or getattr(outer, "kind", "") != "city":
        return False
    if inner.country != outer.country or inner.admin1 != outer.admin1:
        return False
    from ..geo.gazetteer import haversine

    return haversine(inner.lat, inner.lon, outer.lat, outer.lon) <= radius


def event_point(place: Any, precision: int) -> tuple[float, float]:
    """Coordinates of the event: the place's point, or for an area its seat town (ACLED's convention
    for events known only by their governorate or district)."""
    if precision == 3 and getattr(place, "kind", "") in ("governorate", "district"):
        from ..geo.gazetteer import load_gazetteer

        seat = load_gazetteer().seat_of(place)
        if seat is not None:
            return seat.lat, seat.lon
    return place.lat, place.lon
