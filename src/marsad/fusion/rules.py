"""When two per-article events describe the same real event, and how their fields are reconciled.

Everything here is a pure function of event dicts (``Event.to_dict()`` plus ``outlet``, the article's
publisher), so the rules can be tested without a database. Each compatibility check returns
``(ok, reason)``: the reason is stored with the fusion link and shown by ``marsad events --explain``.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence

Ev = Mapping[str, Any]

# A place "a few km" away is the same place (neighbourhoods, outskirts, a village's two spellings).
PLACE_KM = 5.0
# Date windows longer than this (a month or more) are too vague to fuse on.
MAX_SPAN_DAYS = 31
SLACK_DAYS = 1

# Event types whose sub-types are different real events at the same place and day: airstrikes and
# shelling at the same town are two events (often by different actors); an arrest is not an agreement.
# In Battles, a clash and the territory change it produced are one event (GUIDELINES.md: "regime forces
# taking a town while fighting there is one event"); a protest and its dispersal are one protest.
SPLIT_BY_SUB_TYPE = {"Explosions/Remote violence", "Violence against civilians", "Strategic developments"}
TERRITORY_SUB_TYPES = (
    "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
)
# Actors that name no one in particular never conflict with a named actor.
_UNNAMED_PREFIXES = ("unidentified", "civilians", "unknown")


def family(e: Ev) -> str:
    """The fusion block key: the event type, or the sub-type where the type spans different events."""
    if e["event_type"] in SPLIT_BY_SUB_TYPE:
        return f"{e['event_type']}|{e['sub_event_type']}"
    return e["event_type"]


def _d(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def window(e: Ev) -> tuple[dt.date, dt.date] | None:
    """The event's date window (start, end), None when undated or too vague to fuse on."""
    start = _d(e.get("event_date"))
    if start is None:
        return None
    end = _d(e.get("event_date_end")) or start
    if end < start:
        start, end = end, start
    if (end - start).days > MAX_SPAN_DAYS:
        return None
    return start, end


def search_bounds(e: Ev) -> tuple[str, str, str, str] | None:
    """Where a fused event that could take ``e`` may lie, for both engines' candidate searches:
    (earliest window start, latest window start, the window start from which a block is timely, family);
    None for an event too vague to fuse."""
    w = window(e)
    if w is None:
        return None
    lo = (w[0] - dt.timedelta(days=SLACK_DAYS + MAX_SPAN_DAYS)).isoformat()
    hi = (w[1] + dt.timedelta(days=SLACK_DAYS)).isoformat()
    start = (w[0] - dt.timedelta(days=SLACK_DAYS)).isoformat()
    return lo, hi, start, family(e)


def dates_compatible(a: Ev, b: Ev) -> tuple[bool, str]:
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return False, "undated or vague date: not fused"
    slack = dt.timedelta(days=SLACK_DAYS)
    if wa[0] <= wb[1] + slack and wb[0] <= wa[1] + slack:
        if wa == wb:
            return True, f"same date {_fmt(wa)}"
        return True, f"dates {_fmt(wa)} and {_fmt(wb)} overlap (±{SLACK_DAYS} day)"
    return False, f"dates {_fmt(wa)} and {_fmt(wb)} are apart"


def _fmt(w: tuple[dt.date, dt.date]) -> str:
    return w[0].isoformat() if w[0] == w[1] else f"{w[0].isoformat()}..{w[1].isoformat()}"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def is_area(e: Ev) -> bool:
    """An administrative-area event (governorate or district), not a town."""
    return (e.get("geo_precision") or 0) >= 3


def _eq(x: Any, y: Any) -> bool:
    return bool(x) and bool(y) and str(x).strip().casefold() == str(y).strip().casefold()


def _inside(area: Ev, point: Ev) -> bool:
    """Is ``point`` inside ``area``'s administrative area?"""
    if area.get("country") and point.get("country") and not _eq(area["country"], point["country"]):
        return False
    name = area.get("location")
    if area.get("admin2") and _eq(area.get("admin2"), name):  # a district-level event
        return _eq(area["admin2"], point.get("admin2"))
    if area.get("admin1") and (_eq(area.get("admin1"), name) or not area.get("admin2")):
        return _eq(area["admin1"], point.get("admin1"))
    return _eq(name, point.get("admin1")) or _eq(name, point.get("admin2"))


def places_compatible(a: Ev, b: Ev) -> tuple[bool, str]:
    if a.get("country") and b.get("country") and not _eq(a["country"], b["country"]):
        return False, f"different countries ({a['country']} / {b['country']})"
    if a.get("location_id") and a.get("location_id") == b.get("location_id"):
        return True, f"same place ({a.get('location') or a.get('location_ar')}, id {a['location_id']})"
    area_a, area_b = is_area(a), is_area(b)
    if area_a and not area_b and _inside(a, b):
        return True, f"{b.get('location') or b.get('location_ar')} lies in {a.get('location') or a.get('location_ar')}"
    if area_b and not area_a and _inside(b, a):
        return True, f"{a.get('location') or a.get('location_ar')} lies in {b.get('location') or b.get('location_ar')}"
    if not area_a and not area_b and None not in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        km = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
        if km <= PLACE_KM:
            return True, f"{a.get('location')} and {b.get('location')} are {km:.1f} km apart"
        return False, f"{a.get('location')} and {b.get('location')} are {km:.0f} km apart"
    return False, f"different places ({a.get('location') or a.get('location_ar')} / {b.get('location') or b.get('location_ar')})"


def named(actor: str | None) -> str | None:
    """The actor if it names someone, None for empty and generic actors (unidentified, civilians)."""
    if not actor or not str(actor).strip():
        return None
    if str(actor).strip().casefold().startswith(_UNNAMED_PREFIXES):
        return None
    return str(actor).strip()


def actors_compatible(a: Ev, b: Ev) -> tuple[bool, str]:
    a1, a2, b1, b2 = (named(a.get("actor1")), named(a.get("actor2")), named(b.get("actor1")), named(b.get("actor2")))
    if a["event_type"] == "Battles":  # order-free: two sides at most
        sides = {x.casefold() for x in (a1, a2, b1, b2) if x}
        if len(sides) > 2:
            return False, "conflicting actors: " + ", ".join(sorted({x for x in (a1, a2, b1, b2) if x}))
    else:
        if a1 and b1 and a1.casefold() != b1.casefold():
            return False, f"conflicting actor1: {a1} / {b1}"
        if a2 and b2 and a2.casefold() != b2.casefold():
            return False, f"conflicting actor2: {a2} / {b2}"
    shown = sorted({x for x in (a1, a2, b1, b2) if x})
    return True, "no conflicting named actors" + (f" ({', '.join(shown)})" if shown else "")


def compatible(a: Ev, b: Ev) -> tuple[bool, list[str]]:
    """Do ``a`` and ``b`` describe the same real event? Returns the verdict and the reasons."""
    if a.get("article_id") and a.get("article_id") == b.get("article_id"):
        return False, ["same article: the extractor coded them as different events"]
    if family(a) != family(b):
        return False, [f"different event types ({a['sub_event_type']} / {b['sub_event_type']})"]
    reasons = [f"same event type ({a['event_type']})" if a["event_type"] not in SPLIT_BY_SUB_TYPE
               else f"same event type ({a['sub_event_type']})"]
    for check in (dates_compatible, places_compatible, actors_compatible):
        ok, why = check(a, b)
        if not ok:
            return False, [why]
        reasons.append(why)
    return True, reasons


def closeness(a: Ev, b: Ev) -> float:
    """How close two compatible events are, 0..1 (to pick the best of several candidate events)."""
    score = 0.0
    if a.get("location_id") and a.get("location_id") == b.get("location_id"):
        score += 0.4
    elif None not in (a.get("latitude"), b.get("latitude"), a.get("longitude"), b.get("longitude")):
        score += 0.4 * max(0.0, 1 - haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"]) / (2 * PLACE_KM))
    if a.get("event_date") == b.get("event_date"):
        score += 0.3
    if a.get("sub_event_type") == b.get("sub_event_type"):
        score += 0.15
    shared = {named(a.get("actor1")), named(a.get("actor2"))} & {named(b.get("actor1")), named(b.get("actor2"))} - {None}
    score += 0.075 * len(shared)
    return round(score, 3)


def best_cluster(e: Ev, clusters: Iterable[tuple[str, Sequence[Ev]]]) -> tuple[str, str, float, list[str]] | None:
    """The fused event ``e`` joins: ``(fused_id, matched member event_id, score, reasons)``, or None.

    ``clusters`` are the candidate fused events with their members (in ingestion order), in the
    candidates' order (first article first). ``e`` must be compatible with every member; among the
    compatible events the closest member wins, ties going to the earlier event. Both engines call
    this: the store with candidates from its SQL blocking, the Spark fusion from its in-memory index.
    """
    best = None
    for fid, members in clusters:
        top: tuple[float, Ev, list[str]] | None = None
        for m in members:
            good, why = compatible(e, m)
            if not good:
                top = None
                break
            s = closeness(e, m)
            if top is None or s > top[0]:
                top = (s, m, why)
        if top is None:
            continue
        if best is None or top[0] > best[2]:
            best = (fid, top[1]["event_id"], top[0], top[2] + [f"compatible with all {len(members)} report(s) of {fid}"])
    return best


def founding_reason(e: Ev) -> str:
    """Why an event founds its own fused event (stored with its fusion link)."""
    return "undated or vague date: kept on its own" if window(e) is None else "no compatible earlier report: founds the event"


# ---- reconciliation -------------------------------------------------------------------------------

def _split_sources(s: str | None) -> list[str]:
    return [p.strip() for p in (s or "").replace("،", ";").split(";") if p.strip()]


def _richness(e: Ev) -> tuple:
    w = window(e)
    return (
        sum(1 for k in ("actor1", "actor2") if named(e.get(k))),
        -(e.get("geo_precision") or 9),
        -((w[1] - w[0]).days if w else 99),
        -(e.get("time_precision") or 9),
        e.get("confidence") or 0,
    )


def reconcile(members: Sequence[Ev]) -> dict[str, Any]:
    """The fused event's fields from its members (in ingestion order), following GUIDELINES.md.

    - sub-event type: in Battles the territory change wins over the clash it came with; else the most
      reported one;
    - date and place: the most precise report, ties broken by the most reported value, then the first;
    - actors: from the richest report, a missing side filled from the others;
    - fatalities: the lower figure when sources differ (reports without a count are left out);
      ``conflicts`` keeps each source's figure.
    """
    first = members[0]
    subs = Counter(m["sub_event_type"] for m in members)
    territorial = [s for s in subs if s in TERRITORY_SUB_TYPES]
    sub = max(territorial, key=lambda s: subs[s]) if territorial else max(subs, key=lambda s: (subs[s], -list(subs).index(s)))
    best = max(members, key=_richness)  # max() keeps the first of equals
    out: dict[str, Any] = {"event_type": first["event_type"], "sub_event_type": sub}

    dates = Counter(m.get("event_date") for m in members if window(m))
    dated = [m for m in members if window(m)]
    if dated:
        prec = min((m.get("time_precision") or 9) for m in dated)
        cands = [m for m in dated if (m.get("time_precision") or 9) == prec]
        d = max(cands, key=lambda m: dates[m.get("event_date")])  # first of the most reported
        out.update(event_date=d.get("event_date"), event_date_end=d.get("event_date_end") or d.get("event_date"),
                   time_precision=d.get("time_precision"))
        out["win_start"] = min(window(m)[0] for m in dated).isoformat()
        out["win_end"] = max(window(m)[1] for m in dated).isoformat()
    else:
        out.update(event_date=first.get("event_date"), event_date_end=first.get("event_date_end"),
                   time_precision=first.get("time_precision"), win_start=None, win_end=None)

    places = Counter(m.get("location_id") for m in members)
    loc = min(members, key=lambda m: ((m.get("geo_precision") or 9) if (m.get("location") or m.get("location_ar")) else 99,
                                      -places[m.get("location_id")]))
    for k in ("location", "location_ar", "latitude", "longitude", "geo_precision", "location_id",
              "country", "admin1", "admin2", "admin3"):
        out[k] = loc.get(k)

    for k in ("actor1", "actor1_ar", "assoc_actor_1", "inter1", "actor2", "actor2_ar", "assoc_actor_2", "inter2",
              "interaction", "notes"):
        out[k] = best.get(k)
    have = {x.casefold() for x in (named(out["actor1"]), named(out["actor2"])) if x}
    for side in ("actor1", "actor2"):
        if named(out[side]):
            continue
        for m in members:
            for k in ("actor2", "actor1") if side == "actor2" else ("actor1", "actor2"):
                cand = named(m.get(k))
                if cand and cand.casefold() not in have and (first["event_type"] == "Battles" or k == side):
                    out[side], out[f"{side}_ar"] = cand, m.get(f"{k}_ar")
                    out["inter1" if side == "actor1" else "inter2"] = m.get("inter1" if k == "actor1" else "inter2")
                    have.add(cand.casefold())
                    break
            if named(out[side]):
                break

    figures = [(m, int(m.get("fatalities") or 0)) for m in members]
    counted = [f for _, f in figures if f > 0]
    out["fatalities"] = min(counted) if counted else 0
    conflicts: dict[str, Any] = {}
    if len(set(counted)) > 1:
        conflicts["fatalities"] = {
            "rule": "lower figure when sources differ",
            "reports": [{"article_id": m.get("article_id"), "source": m.get("source") or m.get("outlet"),
                         "outlet": m.get("outlet"), "fatalities": f} for m, f in figures if f > 0],
        }
    if len(dates) > 1:
        conflicts["event_date"] = {
            "rule": "most precise, then most reported date",
            "reports": [{"article_id": m.get("article_id"), "source": m.get("source") or m.get("outlet"),
                         "event_date": m.get("event_date")} for m in dated],
        }
    out["conflicts"] = conflicts or None

    reported: list[str] = []
    outlets: list[str] = []
    for m in members:
        for s in _split_sources(m.get("source")):
            if s not in reported:
                reported.append(s)
        if m.get("outlet") and m["outlet"] not in outlets:
            outlets.append(m["outlet"])
    out["reported_by"] = reported
    out["outlets"] = outlets
    out["sources"] = "; ".join(reported + [o for o in outlets if o not in reported]) or None

    art_ids: list[str] = []
    for m in members:
        if m.get("article_id") not in art_ids:
            art_ids.append(m.get("article_id"))
    out["article_ids"] = art_ids
    out["n_articles"] = len(art_ids)
    out["n_events"] = len(members)
    p = 1.0
    for m in members:
        p *= 1 - min(0.99, float(m.get("confidence") or 0.5))
    out["confidence"] = round(1 - p, 3)
    return out


def actor_rows(members: Iterable[Ev], fused: Ev) -> list[tuple[str, str, str]]:
    """(actor, arabic form or '', role) for every actor and Arabic form any member names: what the actor filter searches."""
    rows: list[tuple[str, str, str]] = []
    for src in [fused, *members]:
        for role in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
            name = src.get(role)
            if not name:
                continue
            ar = (src.get(f"{role}_ar") or "") if role in ("actor1", "actor2") else ""
            for part in [p.strip() for p in str(name).split(";") if p.strip()]:
                row = (part, ar, role)
                if row not in rows:
                    rows.append(row)
    return rows
