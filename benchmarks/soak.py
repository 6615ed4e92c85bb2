#!/usr/bin/env python3
"""Soak test, bounded and on loopback only: mixed API load on ``marsad serve`` while ``marsad ingest``
writes 10,000 corpus articles into the same database (issue 12).

    nice python benchmarks/soak.py                          # 10,000 articles, at most 600 s
    nice python benchmarks/soak.py --articles 2000 --seconds 120 --json soak.json

The database starts with the first 200 articles (so the API has events to serve); then the ingest of
the next ``--articles`` runs in its own process while ``--clients`` threads send a mix of requests
(overview, filtered pages, GeoJSON, CSV, counts, places, actors, event details, control) to the
server in another process. Load stops when the ingest ends or after ``--seconds``, whichever comes
first. Reported: latency percentiles per endpoint and overall, the HTTP errors (any 5xx fails the
run), the ingest's exit status and rate, and the server's resident memory at start, every 15 s,
and at the end (it should stay flat but for the caches that grow with the data). A run cut by
``--seconds`` reports how many articles the ingest stored meanwhile.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _slice(start: int, n: int, out: Path) -> Path:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for i, line in enumerate(fh):
            if i >= start + n:
                break
            if i >= start:
                w.write(line)
    return out


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


class Load:
    """Client threads sending a fixed mix of read requests; latencies kept per endpoint."""

    def __init__(self, base: str, clients: int, seed: int = 7) -> None:
        self.base, self.clients = base, clients
        self.lat: dict[str, list[float]] = {}
        self.status: dict[int, int] = {}
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.rng = random.Random(seed)
        self.ids: list[str] = []
        self.lock = threading.Lock()

    def requests(self, rng: random.Random) -> tuple[str, str, dict]:
        k = rng.random()
        if k < 0.10:
            return "meta", "/api/meta", {}
        if k < 0.40:
            p = rng.choice([{}, {"country": "Syria"}, {"event_type": "Battles"}, {"since": "2016-01-01"},
                            {"text": "حلب"}, {"actor": "قوات"}, {"bbox": "35,32,42,37"}, {"order": "fatalities"}])
            return "events", "/api/events", dict(p, limit=100)
        if k < 0.50:
            return "geojson", "/api/events.geojson", {"limit": 500}
        if k < 0.55:
            return "csv", "/api/events.csv", {"limit": 200}
        if k < 0.65:
            return "counts", "/api/counts", {"period": rng.choice(["day", "week", "month"])}
        if k < 0.72:
            return "places", "/api/places", {"q": rng.choice(["حل", "دم", "Al", "ال", "Ra"])}
        if k < 0.78:
            return "actors", "/api/actors", {"q": rng.choice(["Islamic", "قوات", "Houthi", ""])}
        if k < 0.83:
            return "control", "/api/control", {"date": "2017-10-15"}
        with self.lock:
            fid = rng.choice(self.ids) if self.ids else None
        return ("event", f"/api/events/{fid}", {}) if fid else ("meta", "/api/meta", {})

    def worker(self, n: int) -> None:
        rng = random.Random(self.rng.random() + n)
        with httpx.Client(base_url=self.base, timeout=60) as c:
            while not self.stop.is_set():
                name, path, params = self.requests(rng)
                t = time.perf_counter()
                try:
                    r = c.get(path, params=params)
                    code = r.status_code
                    if name == "events" and code == 200:
                        with self.lock:
                            self.ids = [e["fused_id"] for e in r.json()["items"][:50]] or self.ids
                except httpx.HTTPError as exc:
                    code = -1
                    self.errors.append(f"{name}: {type(exc).__name__}: {exc}")
                dt = (time.perf_counter() - t) * 1000
                with self.lock:
                    self.lat.setdefault(name, []).append(dt)
                    self.status[code] = self.status.get(code, 0) + 1
                    if code >= 500:
                        self.errors.append(f"{name} {path} {params}: HTTP {code}")

    def start(self) -> list[threading.Thread]:
        ts = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(self.clients)]
        for t in ts:
            t.start()
        return ts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000, help="articles ingested under load (default 10,000)")
    ap.add_argument("--seconds", type=float, default=600, help="upper bound on the load phase (default 600)")
    ap.add_argument("--clients", type=int, default=4, help="concurrent API clients (default 4)")
    ap.add_argument("--json", default=None, help="write the figures here")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="marsad-soak-"))
    db = work / "soak.db"
    seed = _slice(0, 200, work / "seed.jsonl")
    batch = _slice(200, args.articles, work / "batch.jsonl")
    py = [sys.executable, "-m", "marsad"]
    subprocess.run(py + ["ingest", str(seed), "--db", str(db), "--no-progress"], env=ENV, check=False,
                   stderr=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen(py + ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
                                    "--log-level", "warning"], env=ENV, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(base + "/api/meta", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        server.kill()
        print("server did not start:", server.stderr.read() if server.stderr else "", file=sys.stderr)
        return 1
    memory = [(0.0, _rss_mb(server.pid))]
    load = Load(base, args.clients)
    t0 = time.perf_counter()
    threads = load.start()
    ingest = subprocess.Popen(py + ["ingest", str(batch), "--db", str(db), "--no-progress"], env=ENV,
                              stderr=subprocess.PIPE, text=True)
    next_sample = 15.0
    try:
        while ingest.poll() is None and time.perf_counter() - t0 < args.seconds:
            time.sleep(0.5)
            if time.perf_counter() - t0 >= next_sample:
                memory.append((round(time.perf_counter() - t0), _rss_mb(server.pid)))
                next_sample += 15
    finally:
        load.stop.set()
        for t in threads:
            t.join(timeout=70)
        elapsed = time.perf_counter() - t0
        memory.append((round(elapsed), _rss_mb(server.pid)))
        finished = ingest.poll() is not None
        if not finished:
            ingest.terminate()
        ingest_err = ingest.communicate(timeout=60)[1] or ""
        server.terminate()
        server.wait(timeout=30)
    summary = [line for line in ingest_err.splitlines() if " articles read in " in line]
    import sqlite3

    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] - 200  # minus the seed
    all_lat = [x for xs in load.lat.values() for x in xs]
    out = {
        "articles_requested": args.articles, "ingest_finished": finished, "ingest_exit": ingest.returncode,
        "ingest_summary": summary[-1] if summary else None, "articles_stored_under_load": stored,
        "ingest_rate_per_s": round(stored / elapsed, 1), "seconds": round(elapsed, 1),
        "requests": len(all_lat), "status": load.status, "errors": load.errors[:20],
        "latency_ms": {name: {"n": len(xs), "p50": round(_pct(xs, .5), 1), "p95": round(_pct(xs, .95), 1),
                              "p99": round(_pct(xs, .99), 1), "max": round(max(xs), 1)}
                       for name, xs in sorted(load.lat.items())},
        "overall_ms": {"p50": round(_pct(all_lat, .5), 1), "p95": round(_pct(all_lat, .95), 1),
                       "p99": round(_pct(all_lat, .99), 1), "mean": round(statistics.fmean(all_lat), 1) if all_lat else None},
        "server_rss_mb": [(t, round(m, 1) if m else None) for t, m in memory],
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    bad = any(code >= 500 or code < 0 for code in load.status)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
