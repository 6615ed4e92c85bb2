"""Kill -9 an ingest mid-run, re-run it, and check the database equals an uninterrupted run's.

    python benchmarks/ingest_resume.py [--articles 5000] [--engine real|synthetic] [--kill-after 8]

``real`` runs ``marsad ingest`` (the real extractor); ``synthetic`` runs the same store code with the
stand-in extractor of ``ingest_synthetic.py`` (fast; independent of the extractor). The comparison
covers articles, per-article events, evidence, fused events, fusion links, sources, actors and places.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / ".." / "shared" / "corpus" / "articles.jsonl.gz"
TABLES = {  # table: columns compared (volatile ones left out: ingested_at)
    "articles": "article_id, content_hash, ingest_seq, n_events",
    "events": "*",
    "evidence": "event_id, kind, role, start, end, text",
    "fused_events": "*",
    "fusion_links": "*",
    "fused_sources": "*",
    "fused_actors": "*",
    "places": "*",
}


def sample(n: int, out: Path) -> Path:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
        dst.write('{"id": "broken", "text": \n')  # a bad line: reported, never loses the batch
    return out


def command(db: Path, inp: Path, engine: str, batch: int) -> list[str]:
    if engine == "real":
        return [sys.executable, "-m", "marsad", "ingest", str(inp), "--db", str(db), "--batch-size", str(batch),
                "--no-progress"]
    return [sys.executable, str(HERE / "ingest_resume.py"), "--worker", str(db), str(inp), "--batch", str(batch)]


def worker(db: str, inp: str, batch: int) -> None:
    sys.path.insert(0, str(HERE))
    from ingest_synthetic import engine

    from marsad.ingest.readers import read_inputs
    from marsad.store import Store
    from marsad.store.ingest import ingest

    delay = float(os.environ.get("MARSAD_RESUME_DELAY", "0"))  # tests slow the worker down to kill it mid-run

    def slow(articles):
        time.sleep(delay)
        return engine(articles)

    with Store(db) as store:
        rep = ingest(store, read_inputs([inp]), slow if delay else engine, batch_size=batch)
    print(rep.summary(), file=sys.stderr)


def fingerprint(db: Path) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(db)
    out = {}
    for t, cols in TABLES.items():
        rows = sorted(repr(r) for r in conn.execute(f"SELECT {cols} FROM {t}"))
        out[t] = (len(rows), hashlib.sha1("\n".join(rows).encode()).hexdigest())
    conn.close()
    return out


def stored(db: Path) -> int:
    """Articles committed so far (0 before the database exists)."""
    try:
        conn = sqlite3.connect(db)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run(n: int, engine: str, kill_after: float, batch: int, workdir: Path, quiet: bool = False) -> dict:
    inp = sample(n, workdir / "articles.jsonl")
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    ref, killed = workdir / "ref.db", workdir / "killed.db"
    t0 = time.perf_counter()
    subprocess.run(command(ref, inp, engine, batch), check=True, env=env, stderr=subprocess.DEVNULL)
    t_ref = time.perf_counter() - t0
    # the interrupted run: SIGKILL while it is mid-way, then a plain re-run
    p = subprocess.Popen(command(killed, inp, engine, batch), env=env, stderr=subprocess.DEVNULL)
    deadline = time.perf_counter() + kill_after
    while time.perf_counter() < deadline and p.poll() is None and stored(killed) < n // 2:
        time.sleep(0.05)
    was_running = p.poll() is None
    if was_running:
        os.kill(p.pid, signal.SIGKILL)
    p.wait()
    conn = sqlite3.connect(killed)
    stored_at_kill = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    subprocess.run(command(killed, inp, engine, batch), check=True, env=env, stderr=subprocess.DEVNULL)
    subprocess.run(command(killed, inp, engine, batch), check=True, env=env, stderr=subprocess.DEVNULL)  # idempotent
    a, b = fingerprint(ref), fingerprint(killed)
    res = {"articles": n, "engine": engine, "uninterrupted_seconds": round(t_ref, 1), "killed_mid_run": was_running,
           "articles_stored_at_kill": stored_at_kill, "identical": a == b,
           "rows": {t: v[0] for t, v in a.items()}, "differs": [t for t in a if a[t] != b[t]]}
    if not quiet:
        for k, v in res.items():
            print(f"{k:>24}: {v}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--engine", choices=("real", "synthetic"), default="real")
    ap.add_argument("--kill-after", type=float, default=None, help="seconds before SIGKILL (default: when half is stored)")
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--worker", nargs=2, metavar=("DB", "INPUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.batch)
        return 0
    with tempfile.TemporaryDirectory() as d:
        # SIGKILL once half the articles are committed (or after --kill-after seconds)
        res = run(args.articles, args.engine, args.kill_after or 1e9, args.batch, Path(d))
    return 0 if res["identical"] and res["killed_mid_run"] else 1


if __name__ == "__main__":
    sys.exit(main())
