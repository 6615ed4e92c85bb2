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

from .gazetteer import Gazetteer, Place, haversine, is_big_town

# The cue word right before a name says what kind of place it is.
TOWN_CUES = frozenset({"مدينه", "مدينتي", "بلده", "بلدتي", "قريه", "قريتي", "بلدات", "قري", "مدن", "بلدتا", "قريتا", "مدينتا"})
CAMP_CUES = frozenset({"مخيم", "مخيمي"})
ADMIN1_CUES = frozenset({"محافظه", "محافظتي", "ولايه", "ولايتي", "محافظات", "ولايات", "اقليم"})
ADMIN2_CUES = frozenset({"قضاء", "قضائي", "مديريه", "مديريتي", "مركز", "لواء", "معتمديه", "معتمديات", "معتمديتي", "دائره"})
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
    "admin1": {"governorate", "region"},  # إقليم دارفور، إقليم كردستان: a region is the area an admin word names too
    "admin2": {"district"},
    "admin3": {"subdistrict"},
    "area": {"city", "village", "neighbourhood", "district", "subdistrict", "region", "camp",
             # "منطقة الشرق الأوسط", "منطقة الخليج", "منطقة البحر الميت": a world region or a water's shores
             "continent", "world_region", "water"},
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
    anchors: "Sequence[Place] | AnchorGrid" = ()  # places already resolved with confidence elsewhere in the article
    within: Sequence[Place] = ()  # areas named right after the mention ("بريف X", "في محافظة X", "غرب X")
    partners: Sequence[Place] = ()  # places listed with the mention ("بلدتي نبل والزهراء")


class AnchorGrid:
    """The article's anchor places bucketed by a coarse lat/lon grid, for ``rank``'s distance test.

    ``rank`` only uses the distance to the nearest anchor when it is under ``ANCHOR_RADIUS_KM``, so
    looking in the neighbouring cells gives exactly the answer of a scan over every anchor, at a cost
    that no longer grows with the number of places a (very long) article names.
    """

    CELL = 4.0  # degrees; 400 km is 3.6 degrees of latitude

    def __init__(self, places: Iterable[Place], exclude: frozenset[str] = frozenset(),
                 _cells: dict[tuple[int, int], list[Place]] | None = None,
                 _countries: tuple[dict[str, int], dict[str, str]] | None = None) -> None:
        if _cells is None:
            _cells = {}
            counts: dict[str, int] = {}
            cc_of: dict[str, str] = {}
            for a in places:
                if a.kind != "country":
                    _cells.setdefault(self._cell(a.lat, a.lon), []).append(a)
                    counts[a.country_code] = counts.get(a.country_code, 0) + 1
                    cc_of[a.id] = a.country_code
            _countries = (counts, cc_of)
        self.cells = _cells
        self.exclude = exclude
        self._countries = _countries or ({}, {})
        self._country_counts: dict[str, int] | None = None

    @classmethod
    def _cell(cls, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / cls.CELL), math.floor(lon / cls.CELL)

    def without(self, ids: Iterable[str]) -> "AnchorGrid":
        """The same anchors minus the given place ids (shares the buckets)."""
        return AnchorGrid((), frozenset(ids), self.cells, self._countries)

    def country_counts(self) -> dict[str, int]:
        """How many anchors lie in each country (the excluded ones left out), computed once."""
        if self._country_counts is None:
            counts, cc_of = self._countries
            out = dict(counts)
            for pid in self.exclude:
                cc = cc_of.get(pid)
                if cc is not None:
                    out[cc] -= 1
            self._country_counts = {cc: n for cc, n in out.items() if n > 0}
        return self._country_counts

    def __bool__(self) -> bool:
        return bool(self.cells)

    def __iter__(self):
        for bucket in self.cells.values():
            for a in bucket:
                if a.id not in self.exclude:
                    yield a

    def nearest_km(self, p: Place) -> float | None:
        """Distance to the nearest other anchor when under ``ANCHOR_RADIUS_KM``, else None."""
        reach = ANCHOR_RADIUS_KM / 6371.0 * 180 / math.pi * 1.05  # degrees of arc, with a margin
        top = abs(p.lat) + reach
        if top >= 80:  # near a pole the longitude band is everything: scan all
            pool: Iterable[Place] = self
        else:
            ci, cj = self._cell(p.lat, p.lon)
            dlon = reach / math.cos(math.radians(top))
            n_lat = math.ceil(reach / self.CELL)
            n_lon = math.ceil(dlon / self.CELL)
            wrap = round(360 / self.CELL)
            if 2 * n_lon + 1 >= wrap:
                pool = self
            else:
                pool = [a for i in range(ci - n_lat, ci + n_lat + 1) for j in range(cj - n_lon, cj + n_lon + 1)
                        for a in self.cells.get((i, (j + wrap // 2) % wrap - wrap // 2), ())
                        if a.id not in self.exclude]
        d = min((haversine(p.lat, p.lon, a.lat, a.lon) for a in pool if a.id != p.id), default=None)
        return d if d is not None and d < ANCHOR_RADIUS_KM else None


ANCHOR_RADIUS_KM = 400.0  # beyond this an anchor says nothing about a candidate (see ``rank``)


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
    candidates = list(candidates)
    # Homonym towns of comparable size in different countries (رفح in Gaza and in Sinai) are weighed by
    # the countries of the article's other places; not a hamlet against a city (أنقرة), not an area
    # against its town (الخفجي), not a country named outright (كولومبيا is no Columbia, Missouri).
    towns = [p for p in candidates if is_big_town(p)]
    top = max((p.population for p in towns), default=0)
    towns = {p.id for p in towns if 10 * p.population >= top}
    weigh = bool(ctx.anchors) and len({p.country_code for p in candidates if p.id in towns}) >= 2 and all(
        p.kind != "country" for p in candidates)
    counts = anchor_countries(ctx.anchors) if weigh else {}
    total = sum(counts.values())
    # the country most of the article's confidently placed towns lie in counts as its focus too
    local = next((cc for cc, n in counts.items() if total >= 2 and 2 * n > total), None)
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
        elif local and p.country_code == local and p.id in towns:
            s += 4.0
            why.append(f"in the country of most places in the article ({p.country_code})")
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
        d = None
        if ctx.anchors and not p.is_admin:
            if isinstance(ctx.anchors, AnchorGrid):
                d = ctx.anchors.nearest_km(p)
            else:
                d = min((haversine(p.lat, p.lon, a.lat, a.lon) for a in ctx.anchors
                         if a.id != p.id and a.kind != "country"), default=None)
                d = d if d is not None and d < ANCHOR_RADIUS_KM else None
            if d is not None:
                if d < 50:
                    s += 2.5 + (50 - d) / 50  # among same-name villages the nearest wins
                elif d < 150:
                    s += 1.5
                elif d < 400:
                    s += 0.5
                if d < 400:
                    why.append(f"{d:.0f} km from other places in the article")
        if total and counts.get(p.country_code) and p.id in towns:
            # the countries of the places the article names with confidence: a homonym (رفح in Gaza or
            # in Sinai) is taken in the country most of them lie in, even when another country is named
            s += ANCHOR_COUNTRY_WEIGHT * counts[p.country_code] / total
            why.append(f"{counts[p.country_code]} of {total} other places in the article are in {p.country_code}")
        if p.kind == "neighbourhood" and cue != "area" and not (d is not None and d <= QUARTER_SUPPORT_KM) and not any(
                a.country_code == p.country_code and a.admin1_code and a.admin1_code == p.admin1_code for a in ctx.within):
            # a city quarter is named with its city ("حي الملز في الرياض"); without it, the word is most
            # likely a town or an ordinary word (آسيا، البحر) that some quarter is named after
            s -= QUARTER_ALONE_PENALTY
            why.append("a quarter with no city of it named nearby")
        out.append(Candidate(p, round(s, 2), why))
    out.sort(key=lambda c: -c.score)
    return out


ANCHOR_COUNTRY_WEIGHT = 2.0



QUARTER_SUPPORT_KM = 20.0  # a quarter lies this close to its city's point
QUARTER_ALONE_PENALTY = 2.0


def anchor_countries(anchors: "Sequence[Place] | AnchorGrid") -> dict[str, int]:
    """How many of the article's anchor places lie in each country (countries themselves left out)."""
    if isinstance(anchors, AnchorGrid):
        return anchors.country_counts()
    counts: dict[str, int] = {}
    for a in anchors:
        if a.kind != "country":
            counts[a.country_code] = counts.get(a.country_code, 0) + 1
    return counts


def country_focus(weights: dict[str, float]) -> str | None:
    """The country with the most evidence, or None."""
    if not weights:
        return None
    cc, w = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
    return cc if w > 0 else None
