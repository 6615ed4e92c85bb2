#!/usr/bin/env python3
"""Load test of ``marsad serve`` on loopback: requests/s and p50/p99 latency per endpoint.

    python benchmarks/serve_load.py                       # builds /tmp/marsad-load.db (50,000 events) once
    python benchmarks/serve_load.py --db big.db --requests 1000 --concurrency 4

The database: an existing one with enough fused events is used as is; otherwise it is synthesised
through the Store's write API by perturbing real coded events (date, point, place, actors) taken from
``--from`` (a Marsad database; default: the test sample of real articles in tests/serve/sample_db.py).
The server runs as ``python -m marsad serve`` in its own process on 127.0.0.1 and a free port; every
scenario sends a bounded number of requests and stops after ``--max-seconds`` at the latest.
Target: p99 under 200 ms for a filtered page of 100 events.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.ingest import Article  # noqa: E402
from marsad.store import Store  # noqa: E402

COUNTRIES_SEEN: list[str] = []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def source_events(src: Path | None) -> list[tuple[Article, dict[str, Any]]]:
    """Real coded events with their articles, from a database or the test sample."""
    if src is None:
        spec = importlib.util.spec_from_file_location("sample_db", ROOT / "tests" / "serve" / "sample_db.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return [(a, evs[0]) for a, evs in mod.coded_events(mod.load_articles()) if not a.id.startswith("hostile")]
    out = []
    with Store(src, readonly=True) as st:
        rows = st.conn.execute(
            "SELECT a.article_id, a.text, a.published, a.source, a.title, e.data FROM events e "
            "JOIN articles a USING (article_id) WHERE e.latitude IS NOT NULL").fetchall()
        for aid, text, pub, source, title, data in rows:
            d = json.loads(data)
            out.append((Article(id=aid, text=text, published=pub, source=source, title=title), d))
    if not out:
        sys.exit(f"serve_load: no geocoded events in {src}")
    return out


def synthesise(db: Path, n: int, src: Path | None, seed: int = 7) -> None:
    """Write perturbed copies of real events as separate articles (batches of 1,000) until the
    database holds ``n`` fused events (fusion merges a few copies that land close together)."""
    base = source_events(src)
    t0 = time.perf_counter()
    actors = sorted({d.get(k) for _, d in base for k in ("actor1", "actor2") if d.get(k)})
    with Store(db) as st:
        done = st.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        rng = random.Random(seed + done)
        batch: list[tuple[Article, list[dict[str, Any]]]] = []
        i = done - 1
        while True:
            i += 1
            if i >= n and i % 1000 == 0:
                if batch:
                    st.add_articles(batch)
                    batch.clear()
                if st.count_events() >= n:
                    break
            art, d = rng.choice(base)
            e = dict(d)
            day = rng.randrange(0, 5 * 365)
            date = time.strftime("%Y-%m-%d", time.gmtime(1356998400 + day * 86400))  # from 2013-01-01
            e["event_date"] = e["event_date_end"] = date
            e["latitude"] = round(d["latitude"] + rng.uniform(-2.5, 2.5), 4)
            e["longitude"] = round(d["longitude"] + rng.uniform(-2.5, 2.5), 4)
            e["location_id"] = f"{d.get('location_id') or d.get('location')}:{i % 3000}"
            e["location"] = f"{d.get('location')} {i % 3000}"
            if rng.random() < 0.3:
                e["actor2"] = rng.choice(actors)
            e["fatalities"] = rng.choice((0, 0, 0, 1, 2, 3, 5, 10))
            e.pop("event_id", None)
            a = Article(id=f"synth-{i:06d}", text=art.text, published=date, source=art.source, title=art.title)
            batch.append((a, [e]))
            if len(batch) >= 1000:
                st.add_articles(batch)
                batch.clear()
                print(f"  synthesised {i + 1:,} articles ({time.perf_counter() - t0:.0f}s)", file=sys.stderr, end="\r")
        if batch:
            st.add_articles(batch)
        st.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        st.conn.execute("ANALYZE")
    print(f"\n  database ready in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def run_scenario(name: str, make_url: Callable[[random.Random], str], base: str, requests: int,
                 concurrency: int, max_seconds: float) -> dict[str, Any]:
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + max_seconds
    per_worker = max(1, requests // concurrency)

    def worker(k: int) -> None:
        nonlocal errors
        rng = random.Random(k)
        with httpx.Client(base_url=base, timeout=30) as c:
            for _ in range(per_worker):
                if time.monotonic() > stop_at:
                    return
                url = make_url(rng)
                t = time.perf_counter()
                r = c.get(url)
                dt_ = time.perf_counter() - t
                with lock:
                    lat.append(dt_)
                    if r.status_code != 200:
                        errors += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as ex:
        list(ex.map(worker, range(concurrency)))
    wall = time.perf_counter() - t0
    lat.sort()
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [lat[0]] * 99
    return {"scenario": name, "concurrency": concurrency, "requests": len(lat), "errors": errors,
            "rps": len(lat) / wall, "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000, "max_ms": lat[-1] * 1000}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/marsad-load.db"))
    ap.add_argument("--events", type=int, default=50_000, help="fused events the database must hold")
    ap.add_argument("--from", dest="src", type=Path, default=None, help="database of real events to perturb")
    ap.add_argument("--requests", type=int, default=600, help="requests per scenario")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--max-seconds", type=float, default=30.0, help="time limit per scenario")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)

    have = 0
    if args.db.exists():
        with Store(args.db, readonly=True) as st:
            have = st.count_events()
    if have < args.events:
        print(f"building {args.db} with {args.events:,} events (has {have:,})", file=sys.stderr)
        synthesise(args.db, args.events, args.src)
    with Store(args.db, readonly=True) as st:
        total = st.count_events()
        countries = [r[0] for r in st.conn.execute(
            "SELECT country FROM fused_events WHERE country IS NOT NULL GROUP BY country")]
        types = [r[0] for r in st.conn.execute("SELECT DISTINCT event_type FROM fused_events")]
        ids = [r[0] for r in st.conn.execute("SELECT fused_id FROM fused_events ORDER BY random() LIMIT 500")]
        dmin, dmax = st.conn.execute("SELECT MIN(event_date), MAX(event_date) FROM fused_events").fetchone()
    years = list(range(int(dmin[:4]), int(dmax[:4]) + 1))
    print(f"database: {args.db} ({total:,} fused events, {args.db.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)

    def filtered_page(rng: random.Random) -> str:
        y = rng.choice(years)
        return (f"/api/events?limit=100&country={rng.choice(countries)}&since={y}-01-01&until={y}-12-31"
                f"&offset={rng.choice((0, 0, 100, 200))}")

    def typed_page(rng: random.Random) -> str:
        return f"/api/events?limit=100&event_type={rng.choice(types)}&offset={rng.randrange(0, 2000, 100)}"

    def first_page(rng: random.Random) -> str:
        return "/api/events?limit=100"

    def geojson_month(rng: random.Random) -> str:
        y, m = rng.choice(years), rng.randrange(1, 13)
        return f"/api/events.geojson?limit=1000&since={y}-{m:02d}-01&until={y}-{m:02d}-28"

    def geojson_bbox(rng: random.Random) -> str:
        lon, lat = rng.uniform(34, 44), rng.uniform(30, 37)
        return f"/api/events.geojson?limit=1000&bbox={lon:.2f},{lat:.2f},{lon + 3:.2f},{lat + 3:.2f}"

    def detail(rng: random.Random) -> str:
        return f"/api/events/{rng.choice(ids)}"

    def counts(rng: random.Random) -> str:
        return f"/api/counts?period=day&country={rng.choice(countries)}"

    scenarios = [("events: filtered page of 100 (country+year)", filtered_page),
                 ("events: page of 100 by type, deep offsets", typed_page),
                 ("events: first page of 100, no filter", first_page),
                 ("geojson: 1000 points, one month", geojson_month),
                 ("geojson: 1000 points, 3x3 degree bbox", geojson_bbox),
                 ("event detail", detail),
                 ("counts per day, one country", counts)]

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, MARSAD_TOKEN="", PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(args.db), "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    results = []
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/api/meta", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    sys.exit("serve_load: server did not start: " + proc.stderr.read().decode()[-2000:])
                time.sleep(0.1)
        for name, fn in scenarios:
            for conc in args.concurrency:
                run_scenario(name, fn, base, 20, 1, 10)  # warm-up
                res = run_scenario(name, fn, base, args.requests, conc, args.max_seconds)
                results.append(res)
                if not args.json:
                    print(f"{name:48s} c={conc}  {res['requests']:5d} req  {res['rps']:7.1f} req/s  "
                          f"p50 {res['p50_ms']:6.1f} ms  p99 {res['p99_ms']:6.1f} ms  errors {res['errors']}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if args.json:
        print(json.dumps({"db": str(args.db), "events": total, "results": results}, indent=2))
    target = [r for r in results if r["scenario"].startswith("events: filtered page") and r["concurrency"] == 1]
    ok = all(r["p99_ms"] < 200 and r["errors"] == 0 for r in target)
    print(f"target p99 < 200 ms for a filtered page of 100 (one client): {'met' if ok else 'NOT met'}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
