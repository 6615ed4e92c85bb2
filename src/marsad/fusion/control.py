"""Territorial control over time: who holds a place from when to when, with the evidence and a confidence.

Claims come from two kinds of evidence only:

- fused territory-change events (Government regains territory, Non-state actor overtakes territory,
  Non-violent transfer of territory: actor1 takes the place, actor2 held it until then), kept only
  when one of their evidence sentences says the place itself was taken (a take verb in the past
  before the place, no intent, negation or "the outskirts of"), dated by an article that can date
  it (not "since 2014", not a year-old background fact);
- explicit present-tense statements (``control_statements``: "… الخاضعة لسيطرة الحوثيين"), true on
  the article's date.

Both come from articles the relevance model accepts and from sentences the status model judges event
reports: a territory event is published only then (``marsad.models.gate``), and a statement is kept only
then (``marsad.events.control``; a sentence with no event cue is scored by the same model, without rule
features, and seldom passes).

Each claim must name a holder that holds places, at a settlement or district (never a governorate,
region or country) inside the holder's plausible theatre (``marsad/data/actor_families.yaml``).

A claim is in force from its date for a horizon (``marsad/data/control.yaml``: 180 days for towns,
60 for villages and districts); a take by one side ends the other sides' claims from its date. On
each day the sides with a claim in force decide the answer: one side -> it holds the place; two or
more -> ``contested`` (both sides and their evidence, never a silent flip); none -> unknown. Two
changes of hands on one day are never ordered: they leave the place contested.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ..lexicon import DataFileError, load_yaml
from ..text.normalise import fold
from .families import Families, families
from .rules import TERRITORY_SUB_TYPES, named

_PUNCT = re.compile(r"[\s\-'‘’`\"(),.]+")
_TOKEN = re.compile(r"\w+|[^\w\s]")


def place_key(name: str | None) -> str | None:
    """A lookup key for a place name in English or Arabic: folded, punctuation-free, no article."""
    if not name:
        return None
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))  # Mayādīn
    k = _PUNCT.sub(" ", fold(name)).strip()
    for art in ("al ", "el ", "ال"):
        if k.startswith(art) and len(k) > len(art) + 2:
            k = k[len(art):]
            break
    return k.replace(" ", "") or None


# ---- the rules, from control.yaml ------------------------------------------------------------------------

@dataclass(frozen=True)
class Rules:
    """control.yaml, folded and indexed."""

    horizon_town: int
    horizon_village: int
    town_population: int
    place_kinds: frozenset[str]
    reach: int
    reach_after: int
    take_verbs: frozenset[str]
    take_nouns: frozenset[str]
    done_words: frozenset[str]
    intent_words: frozenset[str]
    outside_words: frozenset[str]
    partial_words: frozenset[str]
    clause_breaks: frozenset[str]
    max_age_days: int
    max_age_days_dated: int
    background_words: frozenset[str]
    other_place_words: frozenset[str]
    foreign_preps: frozenset[str]
    governors: frozenset[str]
    classifiers: frozenset[str]
    relatives: frozenset[str] = field(default_factory=lambda: frozenset({"التي", "الذي", "اللتين", "اللذين"}))


def _words(data: dict, key: str) -> frozenset[str]:
    v = data.get(key)
    if not isinstance(v, list) or not v:
        raise DataFileError(f"control.yaml: `{key}` must be a non-empty list")
    return frozenset(fold(str(w)) for w in v)


@lru_cache(maxsize=None)
def rules() -> Rules:
    """The shipped control rules (loaded once)."""
    d = load_yaml("control.yaml")
    try:
        return Rules(
            horizon_town=int(d["horizon_days"]["town"]), horizon_village=int(d["horizon_days"]["village"]),
            town_population=int(d["town_population"]), place_kinds=frozenset(d["place_kinds"]),
            reach=int(d["reach"]), reach_after=int(d["reach_after"]),
            take_verbs=_words(d, "take_verbs"), take_nouns=_words(d, "take_nouns"), done_words=_words(d, "done_words"),
            intent_words=_words(d, "intent_words"), outside_words=_words(d, "outside_words"),
            partial_words=_words(d, "partial_words"), clause_breaks=_words(d, "clause_breaks"),
            max_age_days=int(d["max_age_days"]), max_age_days_dated=int(d["max_age_days_dated"]),
            background_words=_words(d, "background_words"), other_place_words=_words(d, "other_place_words"),
            foreign_preps=_words(d, "foreign_preps"), governors=_words(d, "governors"),
            classifiers=_words(d, "classifiers"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"control.yaml: missing or bad entry: {exc}") from None


# ---- does a sentence say the place was taken? -----------------------------------------------------------

def _strip(tok: str) -> str:
    """Drop a leading conjunction (و/ف) from a folded word."""
    return tok[1:] if len(tok) > 3 and tok[0] in "وف" else tok


def _is(tok: str, words: frozenset[str]) -> bool:
    return tok in words or _strip(tok) in words


def _wanted(tok: str, r: Rules) -> bool:
    """"لتحرير", "للسيطرة": a verbal noun after the purpose preposition ل."""
    t = _strip(tok)
    return (t.startswith("لل") and "ال" + t[2:] in r.take_nouns) or (t.startswith("ل") and t[1:] in r.take_nouns)


_PREPOSITIONS = frozenset(fold(w) for w in ("ضد", "على", "من", "عن", "مع", "إلى", "الى", "بين", "لصالح", "يد", "أيدي"))


def _object_of_preposition(sentence: str, start: int) -> bool:
    """Is the word before ``start`` a preposition ("ضد الحوثيين", "من يد التنظيم")? Then the actor there
    is acted on, not the one taking the place."""
    prev = _TOKEN.findall(sentence[max(0, start - 20):start])
    return bool(prev) and fold(prev[-1]) in _PREPOSITIONS


def take_reading(sentence: str, place_start: int, place_end: int, rules_: Rules | None = None,
                 actor_spans: list[tuple[int, int]] | None = None) -> tuple[str | None, str]:
    """Does ``sentence`` say that the place at ``[place_start, place_end)`` was taken?

    Returns ``("full" | "partial", why)`` or ``(None, why not)``. The place must be the object of a
    take: a take verb in the past before it ("سيطرت قوات النظام على مدينة الميادين"), or a verbal noun
    after a word that says it was done ("تمكنت المقاومة من السيطرة على مدينة زنجبار"), the place right
    after "على"/"من" or the verb itself (its classifier "مدينة" may stand between); or the place first
    ("المدينة التي سيطر عليها التنظيم"). Ruled out: intent, negation or a fight right before the verb
    ("محاولة السيطرة", "لم تسيطر", "لتحرير"); a take told as background ("بعد أن استولى", "التي طردت");
    another place as the object, or "the outskirts/north of" between verb and place. "Neighbourhoods
    of" makes it partial. ``actor_spans`` (offsets of the holder as the event coded it): when given, one
    must be the subject of the take (between a few words before the verb and the place).
    """
    r = rules_ or rules()
    found = [(m.start(), fold(m.group())) for m in _TOKEN.finditer(sentence[:place_start])]
    before = [t for _, t in found]
    after = [fold(t) for t in _TOKEN.findall(sentence[place_end:])]
    listed = place_start > 0 and sentence[place_start - 1] == "و"  # "منطقتي السدة وحزم العدين"
    for i in range(len(before) - 1, max(-1, len(before) - 1 - r.reach), -1):
        tok = before[i]
        if tok in r.clause_breaks:
            break
        if _wanted(tok, r):
            return None, f"a take wanted, not done ({tok})"
        verb = _is(tok, r.take_verbs)
        noun = not verb and _is(tok, r.take_nouns)
        if not (verb or noun):
            continue
        lead = before[max(0, i - 3):i]
        done = [k for k in range(max(0, i - 3), i) if _is(before[k], r.done_words)]
        if noun and not done:
            continue  # "سيطرة التنظيم على …" alone states no change
        if any(_is(t, r.intent_words) for t in lead):
            return None, f"intent or negation before the take ({' '.join(lead)})"
        if any(_is(t, r.background_words) for t in lead[-2:]):
            return None, f"a past take told as background ({' '.join(lead)})"
        if actor_spans:
            window = found[max(0, (done[0] if noun else i) - 6)][0]
            if not any(window <= s and e <= place_start and not _object_of_preposition(sentence, s)
                       for s, e in actor_spans):
                return None, "the holder is not the subject of the take"
        between = before[i + 1:]
        cut = next((k for k, t in enumerate(between) if _is(t, r.partial_words)), None)
        if any(_is(t, r.outside_words) for t in between):
            return None, "the place's surroundings, not the place, were taken"
        head = between[:-1] if between and _is(between[-1], r.classifiers) else between
        part = bool(head) and _is(head[-1], r.other_place_words)  # "مطار عدن"
        if part:
            head = head[:-1]
        if cut is not None:  # "أحياء في الجهة الغربية من مدينة الميادين": words after it describe the part
            if any(_is(t, r.foreign_preps) for t in between[:cut]):
                return None, "the place is not the object of the take"
            return "partial", f"take word {tok!r}, part of the place"
        gov = head[-1] if head else tok
        if not (not head or gov in r.governors or _is(gov, r.take_verbs | r.take_nouns) or listed):
            return None, "the place is not the object of the take"
        if any(_is(t, r.other_place_words) for t in head):
            return None, "another place was the object of the take"
        if any(_is(t, r.foreign_preps) for t in head[:-1]) and not listed:
            return None, "the place is not the object of the take"
        if part:
            return "partial", "a part of the place (its airport, base, district) was taken"
        return "full", f"take word {tok!r} before the place"
    # the place first: "… المكلا التي سيطر عليها التنظيم"
    for j, tok in enumerate(after[:r.reach_after]):
        if tok in r.clause_breaks:
            break
        if tok in r.relatives:
            rest = after[j + 1:j + 4]
            for k, t in enumerate(rest):
                if _is(t, r.take_verbs):
                    if any(_is(x, r.intent_words) for x in rest[:k]):
                        return None, "intent or negation before the take"
                    return "full", f"the place, then {t!r}"
            break
    return None, "no take word governs the place"


# ---- claims ---------------------------------------------------------------------------------------------

@dataclass
class Claim:
    """One dated piece of evidence that a side held (or took) a place."""

    date: str
    actor: str
    actor_ar: str | None
    kind: str                 # takes | holds | before (held it until a take)
    side: str
    family: str
    weight: float             # how far this one claim alone is believed (0..1)
    evidence: list[dict[str, Any]]
    partial: bool = False
    fused_id: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class PlaceInfo:
    place_id: str
    place: str | None
    place_ar: str | None
    latitude: float | None
    longitude: float | None
    country: str | None
    kind: str | None
    capital: bool
    town: bool


@lru_cache(maxsize=1)
def _gazetteer():
    from ..geo.gazetteer import load_gazetteer
    return load_gazetteer()


def _place_info(conn: sqlite3.Connection, pid: str, cache: dict[str, PlaceInfo | None]) -> PlaceInfo | None:
    """The place as control needs it: kind, country, point; from the gazetteer, else the store's places."""
    if pid in cache:
        return cache[pid]
    info = None
    gp = _gazetteer().get(pid) if pid else None
    r = rules()
    if gp is not None:
        town = gp.kind == "city" and (gp.population >= r.town_population or gp.feature_code.startswith("PPLA")
                                      or gp.feature_code == "PPLC")
        info = PlaceInfo(pid, gp.name_en, gp.name_ar, gp.lat, gp.lon, gp.country, gp.kind,
                         gp.feature_code == "PPLC", town)
    elif pid and not pid.startswith("name:"):
        row = conn.execute("SELECT name_en, name_ar, latitude, longitude, country, geo_precision FROM places "
                           "WHERE place_id = ?", (pid,)).fetchone()
        if row:
            kind = "village" if row[5] in (1, 2) else None  # a point the store knows, not an area
            info = PlaceInfo(pid, row[0], row[1], row[2], row[3], row[4], kind, False, False)
    cache[pid] = info
    return info


def _place_problem(info: PlaceInfo | None) -> str | None:
    if info is None:
        return "not a known place"
    if info.kind not in rules().place_kinds:
        return f"a {info.kind or 'area'}, not a settlement or district"
    if not info.country:
        return "no country"
    return None


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return (dt.date.fromisoformat(str(a)[:10]) - dt.date.fromisoformat(str(b)[:10])).days
    except (TypeError, ValueError):
        return None


def _event_claims(conn: sqlite3.Connection, place_ids: list[str] | None, fams: Families,
                  places: dict[str, PlaceInfo | None], rejected: dict[str, int]) -> list[tuple[str, Claim]]:
    ph = ", ".join("?" for _ in TERRITORY_SUB_TYPES)
    sql = (f"SELECT fused_id, location_id, event_date, time_precision, actor1, actor1_ar, actor2, actor2_ar, "
           f"sub_event_type, n_articles FROM fused_events WHERE sub_event_type IN ({ph}) "
           f"AND event_date IS NOT NULL AND location_id IS NOT NULL")
    params: list[Any] = list(TERRITORY_SUB_TYPES)
    if place_ids is not None:
        sql += f" AND location_id IN ({', '.join('?' for _ in place_ids)})"
        params += place_ids
    r = rules()
    out: list[tuple[str, Claim]] = []
    rows = conn.execute(sql, params).fetchall()
    members = _members(conn, [row[0] for row in rows])
    for fid, pid, date, prec, a1, a1_ar, a2, a2_ar, sub, n_art in rows:
        info = _place_info(conn, pid, places)
        why = _place_problem(info)
        if why is None and not (named(a1) and fams.holds_places(a1)):
            why = "no named holder"
        if why is None and not fams.plausible(a1, info.country):
            why = "holder outside its theatre"
        if why:
            rejected[why] = rejected.get(why, 0) + 1
            continue
        good: list[dict[str, Any]] = []
        readings: list[str] = []
        why = "no evidence sentence"
        for m in members.get(fid, []):
            age = _days(m["published"], date)
            if age is None:
                why = "undated article"
                continue
            if age < -1:
                why = "dated after its article"
                continue
            if age > (r.max_age_days_dated if prec == 1 else r.max_age_days):
                why = "a background fact older than its article"
                continue
            if not _names_place(m["text"][m["place_start"]:m["place_end"]], pid):
                why = "the sentence names another place"
                continue
            reading, why_not = take_reading(m["text"], m["place_start"], m["place_end"], actor_spans=m["actor1"])
            if reading is None:
                why = why_not
                continue
            readings.append(reading)
            good.append({k: m[k] for k in ("article_id", "outlet", "text", "start", "end", "holder", "previous")}
                        | {"fused_id": fid, "sub_event_type": sub, "reading": reading})
        if not good:
            rejected[why] = rejected.get(why, 0) + 1
            continue
        partial = "full" not in readings
        # the holder as the accepted reports coded it (fusion may have picked another member's actor1)
        votes: dict[str, int] = defaultdict(int)
        for g in good:
            if g["holder"][0]:
                votes[g["holder"][0]] += 1
        if votes and a1 not in votes:
            a1 = max(votes, key=lambda a: votes[a])
            a1_ar = next(g["holder"][1] for g in good if g["holder"][0] == a1)
            a2, a2_ar = next(g["previous"] for g in good if g["holder"][0] == a1)
            if not (named(a1) and fams.holds_places(a1) and fams.plausible(a1, info.country)):
                rejected["holder outside its theatre"] = rejected.get("holder outside its theatre", 0) + 1
                continue
        for g in good:
            g.pop("holder", None)
            g.pop("previous", None)
        n = len({g["article_id"] for g in good})
        weight = min(0.9, 0.55 + 0.1 * (n - 1)) * (0.6 if partial else 1.0)
        out.append((pid, Claim(date, a1, a1_ar, "takes", fams.side(a1, info.country), fams.family_of(a1, info.country),
                               weight, good, partial, fid)))
        if named(a2) and fams.holds_places(a2) and fams.plausible(a2, info.country) \
                and fams.side(a2, info.country) != fams.side(a1, info.country):
            out.append((pid, Claim(date, a2, a2_ar, "before", fams.side(a2, info.country),
                                   fams.family_of(a2, info.country), 0.3 * weight / 0.55, list(good), False, fid)))
    return out


_REFERENCE_NOUNS = frozenset(fold(w) for w in ("المدينة", "البلدة", "القرية"))


def _names_place(written: str, pid: str) -> bool:
    """Does the place as the sentence writes it name the claimed place (one of its gazetteer names), or
    stand for it ("المدينة": the town named before, as the place stage reads it)? A report fused into a
    place it does not name ("حصيبة الشرقية" of Ramadi read as Husaybah by al-Qa'im; "التأميم" fused into
    Az Zawayyah) says nothing of who took that place. Places outside the gazetteer are not checked."""
    gp = _gazetteer().get(pid) if pid else None
    if gp is None:
        return True
    k = place_key(written)
    if not k:
        return False
    for w in written.split():
        if fold(w).lstrip("وبل") in _REFERENCE_NOUNS or fold(w) in _REFERENCE_NOUNS:
            return True
    keys = {place_key(n) for n in (*gp.names, gp.name_ar, gp.name_en)}
    return k in keys


def _members(conn: sqlite3.Connection, fused_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each fused event, its members' evidence sentences with the place's offsets inside them."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(fused_ids), 500):
        chunk = fused_ids[i:i + 500]
        rows = conn.execute(
            "SELECT e.fused_id, e.event_id, e.location_ar, e.actor1, e.actor1_ar, e.actor2, e.actor2_ar, "
            "a.article_id, a.source, a.published, v.text, v.start, v.end, "
            "(SELECT s.start FROM evidence s WHERE s.event_id = e.event_id AND s.kind = 'span' AND s.role = 'location' "
            " AND s.start >= v.start AND s.end <= v.end ORDER BY s.id LIMIT 1), "
            "(SELECT s.end FROM evidence s WHERE s.event_id = e.event_id AND s.kind = 'span' AND s.role = 'location' "
            " AND s.start >= v.start AND s.end <= v.end ORDER BY s.id LIMIT 1) "
            "FROM events e JOIN evidence v ON v.event_id = e.event_id AND v.kind = 'evidence' "
            "JOIN articles a ON a.article_id = e.article_id "
            f"WHERE e.fused_id IN ({', '.join('?' for _ in chunk)}) ORDER BY a.ingest_seq, v.id", chunk)
        for fid, eid, loc_ar, m1, m1_ar, m2, m2_ar, aid, outlet, published, text, s, e, ls, le in rows:
            if ls is not None and s is not None:
                ps, pe = ls - s, le - s
            else:  # no location span: the place's name as written
                k = text.find(loc_ar) if loc_ar else -1
                if k < 0:
                    continue
                ps, pe = k, k + len(loc_ar)
            out[fid].append({"article_id": aid, "outlet": outlet, "published": published, "text": text,
                             "start": s, "end": e, "place_start": ps, "place_end": pe, "event_id": eid, "actor1": [],
                             "holder": (m1, m1_ar), "previous": (m2, m2_ar)})
        ids = sorted({m["event_id"] for fid in chunk for m in out.get(fid, [])})
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for j in range(0, len(ids), 500):
            sub = ids[j:j + 500]
            for eid, ss, ee in conn.execute(
                    "SELECT event_id, start, end FROM evidence WHERE kind = 'span' AND role = 'actor1' "
                    f"AND event_id IN ({', '.join('?' for _ in sub)})", sub):
                if ss is not None and ee is not None:
                    spans[eid].append((ss, ee))
        for fid in chunk:
            for m in out.get(fid, []):
                if m["start"] is not None:
                    m["actor1"] = [(a - m["start"], b - m["start"]) for a, b in spans.get(m["event_id"], [])]
    return out


def _statement_claims(conn: sqlite3.Connection, place_ids: list[str] | None, fams: Families,
                      places: dict[str, PlaceInfo | None], rejected: dict[str, int]) -> list[tuple[str, Claim]]:
    sql = ("SELECT c.id, c.place_id, c.actor, c.actor_ar, c.previous_actor, c.date, c.kind, c.article_id, c.evidence, "
           "c.ev_start, c.ev_end, a.source FROM control_statements c LEFT JOIN articles a ON a.article_id = c.article_id")
    params: list[Any] = []
    if place_ids is not None:
        sql += f" WHERE c.place_id IN ({', '.join('?' for _ in place_ids)})"
        params += place_ids
    out: list[tuple[str, Claim]] = []
    for sid, pid, actor, actor_ar, prev, date, kind, aid, text, s, e, outlet in conn.execute(sql, params):
        info = _place_info(conn, pid, places)
        why = _place_problem(info)
        if why is None and not fams.holds_places(actor):
            why = "no named holder"
        if why is None and not fams.plausible(actor, info.country):
            why = "holder outside its theatre"
        if why is None and _days(date, "2000-01-01") is None:
            why = "undated statement"
        if why:
            rejected[why] = rejected.get(why, 0) + 1
            continue
        ev = [{"article_id": aid, "outlet": outlet, "text": text, "start": s, "end": e, "statement_id": sid}]
        k = "takes" if kind == "takes" else "holds"
        out.append((pid, Claim(date, actor, actor_ar, k, fams.side(actor, info.country),
                               fams.family_of(actor, info.country), 0.55 if k == "takes" else 0.45, ev)))
        if k == "takes" and prev and fams.holds_places(prev) and fams.plausible(prev, info.country) \
                and fams.side(prev, info.country) != fams.side(actor, info.country):
            out.append((pid, Claim(date, prev, None, "before", fams.side(prev, info.country),
                                   fams.family_of(prev, info.country), 0.3, list(ev))))
    return out


def claims(conn: sqlite3.Connection, place_ids: Iterable[str] | None = None,
           rejected: dict[str, int] | None = None) -> tuple[dict[str, list[Claim]], dict[str, PlaceInfo | None]]:
    """Every accepted control claim, grouped by place id in date order; ``rejected`` counts the reasons
    claims were turned down."""
    ids = list(place_ids) if place_ids is not None else None
    if ids is not None and not ids:
        return {}, {}
    fams = families()
    places: dict[str, PlaceInfo | None] = {}
    rej = rejected if rejected is not None else {}
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for pid, c in _event_claims(conn, ids, fams, places, rej) + _statement_claims(conn, ids, fams, places, rej):
        by_place[pid].append(c)
    order = {"before": 0, "takes": 1, "holds": 2}
    for lst in by_place.values():
        lst.sort(key=lambda c: (c.date, order[c.kind]))
    return by_place, places


# ---- periods --------------------------------------------------------------------------------------------

def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s[:10])


def periods(place_claims: list[Claim], info: PlaceInfo) -> list[dict[str, Any]]:
    """Cut one place's claims into control periods, oldest first (see the module doc for the model)."""
    r = rules()
    horizon = dt.timedelta(days=r.horizon_town if info.town else r.horizon_village)
    fams = families()
    cl = [c for c in place_claims]
    takes = sorted({_d(c.date) for c in cl if c.kind == "takes"})
    for c in cl:
        d = _d(c.date)
        if c.kind == "before":  # held it until the take; not before the last earlier change of hands
            earlier = [t for t in takes if t < d]
            c.start, c.end = max(d - horizon, earlier[-1] if earlier else d - horizon), d
        else:
            c.start, c.end = d, d + horizon
    for t in cl:  # a full take ends every other side's claim from its day on (same-day takes stay: contested)
        if t.kind != "takes" or t.partial:
            continue
        d = _d(t.date)
        for c in cl:
            if c.side != t.side and c.start < d < c.end and not (c.kind == "takes" and _d(c.date) == d):
                c.end = d
    cl = [c for c in cl if c.start < c.end]
    bounds = sorted({c.start for c in cl} | {c.end for c in cl})
    runs: list[dict[str, Any]] = []
    for b0, b1 in zip(bounds, bounds[1:]):
        active = [c for c in cl if c.start <= b0 and c.end >= b1]
        strong = {c.side for c in active if c.kind != "before"}
        if strong:  # an inferred "held it until taken" never contests a claim made in the text
            active = [c for c in active if c.kind != "before" or c.side in strong]
        if not active:
            continue
        sides = frozenset(c.side for c in active)
        if runs and runs[-1]["sides"] == sides and runs[-1]["end"] == b0:
            runs[-1]["end"] = b1
            runs[-1]["claims"] += [c for c in active if c not in runs[-1]["claims"]]
        else:
            runs.append({"sides": sides, "start": b0, "end": b1, "claims": list(active)})
    out = []
    for i, run in enumerate(runs):
        prev_adjacent = i > 0 and runs[i - 1]["end"] == run["start"]
        next_adjacent = i + 1 < len(runs) and runs[i + 1]["start"] == run["end"]
        first = [c for c in run["claims"] if c.start == run["start"]]
        inferred_start = not prev_adjacent and all(c.kind == "before" for c in first)
        out.append(_period(run, info, fams, None if inferred_start else run["start"].isoformat(),
                           run["end"].isoformat() if next_adjacent else None))
    return out


def _confidence(claims_: list[Claim]) -> float:
    """1 - prod(1 - w): independent pieces of evidence add up; capped below certainty."""
    p = 1.0
    seen: set[str] = set()
    for c in claims_:
        key = f"{c.kind}:{c.fused_id or c.evidence[0].get('statement_id')}:{c.date}"
        if key in seen:
            continue
        seen.add(key)
        p *= 1 - c.weight
    return round(min(0.95, 1 - p), 2)


def _period(run: dict[str, Any], info: PlaceInfo, fams: Families, start: str | None, end: str | None) -> dict[str, Any]:
    by_side: dict[str, list[Claim]] = defaultdict(list)
    for c in sorted(run["claims"], key=lambda c: (c.date, c.kind != "before")):
        by_side[c.side].append(c)
    sides = []
    for side, cs in by_side.items():
        count: dict[str, int] = defaultdict(int)
        for c in cs:
            count[c.actor] += 2 if c.kind != "before" else 1
        actor = max(count, key=lambda a: (count[a], max(c.date for c in cs if c.actor == a)))
        actor_ar = next((c.actor_ar for c in reversed(cs) if c.actor == actor and c.actor_ar), None)
        fam = next(c.family for c in cs if c.actor == actor)
        kinds = {c.kind for c in cs}
        basis = ("took it" if any(c.kind == "takes" and c.start == run["start"] for c in cs)
                 else "stated to hold it" if "holds" in kinds else "took it" if "takes" in kinds else "held until taken")
        evidence = [dict(e, claim=c.kind, claim_date=c.date) for c in cs for e in c.evidence]
        sides.append({"actor": actor, "actor_ar": actor_ar, "actors": sorted(count), **fams.describe(fam),
                      "basis": basis, "confidence": _confidence(cs), "evidence": evidence,
                      "fused_ids": sorted({c.fused_id for c in cs if c.fused_id}),
                      "partial": all(c.partial for c in cs if c.kind == "takes") and "takes" in kinds})
    sides.sort(key=lambda s: -s["confidence"])
    contested = len(sides) > 1
    main = sides[0]
    partial = not contested and main["partial"] and not any(c.kind == "holds" for c in run["claims"])
    outlets = sorted({e.get("outlet") for s in sides for e in s["evidence"] if e.get("outlet")})
    period = {
        "place_id": info.place_id, "place": info.place, "place_ar": info.place_ar,
        "latitude": info.latitude, "longitude": info.longitude, "country": info.country,
        "status": "contested" if contested else "partial" if partial else "held",
        "actor": main["actor"], "actor_ar": main["actor_ar"],
        **(fams.describe("contested") if contested else {k: main[k] for k in ("family", "family_label", "colour")}),
        "from": start, "to": end,
        "valid_from": run["start"].isoformat(), "valid_until": run["end"].isoformat(),
        "ended_by": "change" if end else "expiry",
        "basis": "contested" if contested else main["basis"],
        "confidence": round(main["confidence"] * (0.5 if contested else 1.0), 2),
        "sides": sides if contested else [],
        "evidence": [e for s in sides for e in s["evidence"]],
        "sources": outlets,
        "fused_ids": sorted({f for s in sides for f in s["fused_ids"]}),
    }
    return period


# ---- reading ------------------------------------------------------------------------------------------

def resolve_place(conn: sqlite3.Connection, place: str) -> list[str]:
    """Place ids for an id, or an English or Arabic name (folded); the most reported place first."""
    if conn.execute("SELECT 1 FROM places WHERE place_id = ?", (place,)).fetchone() or \
            conn.execute("SELECT 1 FROM control_statements WHERE place_id = ? LIMIT 1", (place,)).fetchone() or \
            _gazetteer().get(place) is not None:
        return [place]
    key = place_key(place)
    if not key:
        return []
    ids = [r[0] for r in conn.execute(
        "SELECT place_id FROM places WHERE fold_en = ? OR fold_ar = ? ORDER BY n_events DESC, place_id", (key, key))]
    for pid, pl, par in conn.execute("SELECT DISTINCT place_id, place, place_ar FROM control_statements"):
        if pid not in ids and key in (place_key(pl), place_key(par)):
            ids.append(pid)
    for gp in _gazetteer().lookup(place):  # a place known by another spelling (كوباني / عين العرب)
        if gp.id not in ids:
            ids.append(gp.id)
    return ids


def timeline(conn: sqlite3.Connection, place: str) -> list[dict[str, Any]]:
    """Control periods of the place (id or name), oldest first; empty when nothing is known."""
    ids = resolve_place(conn, place)
    by_place, infos = claims(conn, ids)
    for pid in ids:  # the most reported place with any control record
        if by_place.get(pid):
            return periods(by_place[pid], infos[pid])
    return []


def covers(period: dict[str, Any], date: str) -> bool:
    """Does the period answer for ``date`` (inside its start and its end or expiry)?"""
    return period["valid_from"] <= date < period["valid_until"]


def all_periods(conn: sqlite3.Connection, rejected: dict[str, int] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every place's control periods (place id -> periods)."""
    by_place, infos = claims(conn, None, rejected)
    return {pid: periods(cs, infos[pid]) for pid, cs in sorted(by_place.items())}


def at(conn: sqlite3.Connection, date: str) -> list[dict[str, Any]]:
    """Who holds each place with a control record on ``date`` (ISO), with the period and evidence;
    places where no claim is in force that day are left out (unknown)."""
    out = []
    for pid, ps in all_periods(conn).items():
        for p in ps:
            if covers(p, date):
                out.append(p)
                break
    return out
