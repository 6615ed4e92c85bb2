"""Rank the gazetteer candidates of a place mention using its context, and say why.

A candidate's score adds up small, named pieces of evidence (each becomes a reason string):
the place's importance (population, admin seat), whether its kind fits the word before the name
(مدينة / قرية / محافظة / ناحية ...), whether it lies in the article's country, near the other
places the article names, or inside the area named right after it ("... بريف الرقة الغربي").
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .gazetteer import Gazetteer, Place, haversine

# The cue word right before a name says what kind of place it is.
TOWN_CUES = frozenset({"مدينه", "مدينتي", "بلده", "بلدتي", "قريه", "قريتي", "بلدات", "قري", "مدن", "بلدتا", "قريتا", "مدينتا"})
CAMP_CUES = frozenset({"مخيم", "مخيمي"})
ADMIN1_CUES = frozenset({"محافظه", "محافظتي", "ولايه", "ولايتي", "محافظات", "ولايات", "اقليم"})
ADMIN2_CUES = frozenset({"قضاء", "قضائي", "مديريه", "مديريتي", "مركز", "لواء", "معتمديه", "دائره"})
ADMIN3_CUES = frozenset({"ناحيه", "ناحيتي"})
AREA_CUES = frozenset({"منطقه", "منطقتي", "مناطق"})
PART_CUES = frozenset({"حي", "احياء", "حيي", "اطراف", "ضواحي", "داخل", "وسط", "مركز", "شوارع", "سوق", "الاطراف", "احد"})
NEAR_CUES = frozenset({
    "قرب", "بالقرب", "مقربه", "محيط", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
    "مشارف", "تخوم", "اطراف", "ضواحي", "جوار", "حول", "مداخل", "مدخل",
})
DIRECTION_ADJ = frozenset({"الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقيه", "الغربيه", "الشماليه", "الجنوبيه", "الاوسط"})

KIND_FIT = {
    "town": {"city", "village", "neighbourhood", "camp"},
    "camp": {"city", "village", "neighbourhood", "camp"},
    "admin1": {"governorate"},
    "admin2": {"district"},
    "admin3": {"subdistrict"},
    "area": {"city", "village", "neighbourhood", "district", "subdistrict", "region", "camp"},
}


@dataclass(slots=True)
class Candidate:
    place: Place
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ResolvedPlace:
    """The gazetteer entry a mention was resolved to, with ACLED geo precision and the evidence."""

    place: Place
    precision: int  # 1 the town itself, 2 near / part of the town, 3 an administrative area
    candidates: list[Candidate] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    qualifier: str | None = None  # rural | part_of | near | admin | enclosing
    is_dateline: bool = False
    name: str = ""  # the folded name that matched

    def to_dict(self) -> dict:
        d = self.place.to_dict()
        d.update(precision=self.precision, qualifier=self.qualifier, is_dateline=self.is_dateline, reasons=list(self.reasons))
        return d


@dataclass(slots=True)
class Context:
    """What the rest of the article says about where it is."""

    focus: str | None = None  # ISO2 code of the article's main country
    countries: dict[str, float] = field(default_factory=dict)  # country code -> weight of evidence
    anchors: Sequence[Place] = ()  # places already resolved with confidence elsewhere in the article
    within: Sequence[Place] = ()  # areas named right after the mention ("بريف X", "في محافظة X", "غرب X")
    partners: Sequence[Place] = ()  # places listed with the mention ("بلدتي نبل والزهراء")


def importance(p: Place) -> tuple[float, list[str]]:
    """Prior of a place before any context: population and administrative rank."""
    s = math.log10(p.population + 10) * 0.5
    why = []
    if p.population:
        why.append(f"population {p.population:,}")
    bonus = {"PPLC": 2.0, "PPLA": 1.5, "PPLA2": 1.0, "PPLA3": 0.5, "PCLI": 3.0}.get(p.feature_code, 0.0)
    if bonus:
        s += bonus
        why.append({"PCLI": "country", "PPLC": "capital", "PPLA": "governorate seat", "PPLA2": "district seat",
                    "PPLA3": "sub-district seat"}[p.feature_code])
    if p.feature_code in ("RGN", "USER", "BASE"):
        s += 3.0  # the user's overrides win over a same-name source entry
        why.append("user override")
    if p.feature_code in ("ADM4C", "ADM3C"):
        s -= 0.5  # OCHA community (sub-district centroid) or OSM commune: a coarser point
    return s, why


def rank(gaz: Gazetteer, candidates: Iterable[Place], cue: str | None, ctx: Context) -> list[Candidate]:
    """Score each candidate of one mention; best first."""
    out = []
    for p in candidates:
        s, why = importance(p)
        if cue:
            fit = KIND_FIT.get(cue)
            if fit is not None:
                if p.kind in fit:
                    s += 3.0 if cue.startswith("admin") else 1.0
                    why.append(f"kind {p.kind} fits cue")
                else:
                    s -= 6.0
                    why.append(f"kind {p.kind} does not fit cue")
        elif p.kind in ("governorate", "district", "subdistrict"):
            s -= 2.5  # a bare name is the town, not the area of the same name
            why.append("bare name: town preferred over area")
        s += {"governorate": 1.0, "district": 0.5}.get(p.kind, 0.0)  # same-name areas: the larger one
        if ctx.focus and p.country_code == ctx.focus:
            s += 4.0
            why.append(f"in the article's country ({p.country_code})")
        elif ctx.countries.get(p.country_code):
            s += 1.5
            why.append(f"country {p.country_code} named in the article")
        elif ctx.focus and p.kind != "country":
            s -= 1.5
            why.append(f"country {p.country_code} not named in the article")
        for area in ctx.within:
            if area.country_code == p.country_code and area.admin1_code and area.admin1_code == p.admin1_code:
                s += 4.0
                why.append(f"inside {area.name_en} named next to it")
                break
            if area.kind == "country":
                # "منطقة الرقة في الكويت": the country named right after the name outweighs the article's focus
                s += 5.0 if area.country_code == p.country_code else -2.0
                why.append(f"{'inside' if area.country_code == p.country_code else 'not in'} {area.name_en} named next to it")
                break
        if ctx.partners and not p.is_admin:
            d = min(haversine(p.lat, p.lon, a.lat, a.lon) for a in ctx.partners)
            if d < 30:
                s += 3.0
                why.append(f"{d:.0f} km from the place listed with it")
        if ctx.anchors and not p.is_admin:
            d = min((haversine(p.lat, p.lon, a.lat, a.lon) for a in ctx.anchors if a.id != p.id and a.kind != "country"),
                    default=None)
            if d is not None:
                if d < 50:
                    s += 2.5 + (50 - d) / 50  # among same-name villages the nearest wins
                elif d < 150:
                    s += 1.5
                elif d < 400:
                    s += 0.5
                if d < 400:
                    why.append(f"{d:.0f} km from other places in the article")
        out.append(Candidate(p, round(s, 2), why))
    out.sort(key=lambda c: -c.score)
    return out


def country_focus(weights: dict[str, float]) -> str | None:
    """The country with the most evidence, or None."""
    if not weights:
        return None
    cc, w = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
    return cc if w > 0 else None
