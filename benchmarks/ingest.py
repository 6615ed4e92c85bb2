"""Ingest throughput, database size per 10,000 articles, fusion time as the database grows, query latency.

    python benchmarks/ingest.py [--articles 10000] [--engine real|synthetic] [--fusion-events 100000]

1. Ingest ``--articles`` corpus articles (../shared/corpus/articles.jsonl.gz) with the real extractor
   (or the stand-in of ingest_synthetic.py): articles/s and database bytes per 10,000 articles.
2. Fusion scaling: feed ``--fusion-events`` generated per-article events (many reports of fewer real
   events over 3 years and 2,000 places) in steps of 10,000 and time each step: a flat time per step
   means fusion is linear in the number of events (blocked, never all-pairs).
3. Query latency of a filtered page of 100 fused events at the end.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CORPUS = HERE.parent / ".." / "shared" / "corpus" / "articles.jsonl.gz"


def db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def bench_ingest(n: int, engine_name: str, workdir: Path) -> None:
    from marsad.engines import get_engine
    from marsad.ingest.readers import read_inputs
    from marsad.store import Store
    from marsad.store.ingest import ingest

    inp = workdir / "articles.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(inp, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    if engine_name == "synthetic":
        from ingest_synthetic import engine
    else:
        engine = get_engine("local")
    db = workdir / "ingest.db"
    with Store(db) as store:
        rep = ingest(store, read_inputs([str(inp)]), engine, batch_size=100, report=lambda m: None)
        st = store.stats()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_bytes(db)
    print(f"ingest ({engine_name} extractor): {rep.articles_read} articles in {rep.seconds:.1f}s = "
          f"{rep.articles_read / rep.seconds:.1f} articles/s")
    print(f"  rows: {st}")
    print(f"  database: {size / 1e6:.1f} MB = {size / 1e6 * 10000 / max(1, rep.articles_read):.1f} MB per 10,000 articles "
          f"(the article texts themselves: {inp.stat().st_size / 1e6 * 10000 / max(1, rep.articles_read):.1f} MB per 10,000)")
    # the same input again: idempotent and fast
    with Store(db) as store:
        again = ingest(store, read_inputs([str(inp)]), engine, batch_size=100, report=lambda m: None)
        assert store.stats() == st
    print(f"  re-run on the same input: {again.seconds:.1f}s, {again.skipped_known} skipped, nothing changed")


def synthetic_items(n: int, seed: int = 7):
    """``n`` per-article events: ~n/3 real events over 2,000 places and 3 years, each told 1-5 times."""
    from marsad.events.model import Evidence, Event
    from marsad.ingest import Article

    rnd = random.Random(seed)
    subs = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Protests", "Peaceful protest"),
            ("Battles", "Government regains territory")]
    places = [(f"p{i}", 32 + rnd.random() * 5, 36 + rnd.random() * 6) for i in range(2000)]
    actors = ["Military Forces of Syria", "Islamic State", "Syrian Democratic Forces", "Hayat Tahrir al-Sham"]
    base = dt.date(2015, 1, 1)
    made = 0
    k = 0
    while made < n:
        et, sub = rnd.choice(subs)
        pid, lat, lon = rnd.choice(places)
        date = base + dt.timedelta(days=rnd.randrange(1095))
        a1, a2 = rnd.sample(actors, 2)
        for r in range(rnd.randint(1, 5)):
            if made >= n:
                break
            d = date + dt.timedelta(days=rnd.choice((0, 0, 0, 1)))
            text = f"تقرير {k}-{r}: اشتباكات في البلدة {pid}"
            art = Article(f"s{k}-{r}", text, d.isoformat(), rnd.choice(("AFP", "SANA", "Reuters", "SOHR")))
            yield art, [Event(art.id, et, sub, d.isoformat(), d.isoformat(), 1, actor1=a1, actor2=a2 if r % 2 else None,
                              location=pid, location_ar=pid, latitude=lat, longitude=lon, geo_precision=1,
                              location_id=pid, country="Syria", admin1=f"adm{pid[-1]}", fatalities=rnd.choice((0, 0, 3, 5)),
                              evidence=[Evidence(text, 0, len(text))])]
            made += 1
        k += 1


def bench_fusion(n: int, workdir: Path) -> None:
    from marsad.store import Store

    step = 10000
    db = workdir / "fusion.db"
    items = synthetic_items(n)
    print(f"fusion scaling ({n} generated per-article events, steps of {step}):")
    print(f"  {'events in db':>12}  {'fused':>7}  {'s/step':>7}  {'µs/event':>8}")
    with Store(db) as store:
        done = 0
        while done < n:
            chunk = [next(items) for _ in range(min(step, n - done))]
            t0 = time.perf_counter()
            for i in range(0, len(chunk), 500):  # transactions of 500 articles, as ingest does
                store.add_articles(chunk[i:i + 500])
            secs = time.perf_counter() - t0
            done += len(chunk)
            fused = store.count_events()
            print(f"  {done:>12}  {fused:>7}  {secs:>7.2f}  {secs / len(chunk) * 1e6:>8.0f}")
        t0 = time.perf_counter()
        reps = 20
        for _ in range(reps):
            page = store.query_events(bbox="36,32,39,35", since="2016-01-01", until="2016-12-31", actor="Islamic",
                                      event_type="Battles", limit=100)
            count = store.count_events(bbox="36,32,39,35", since="2016-01-01", until="2016-12-31", actor="Islamic",
                                       event_type="Battles")
        ms = (time.perf_counter() - t0) / reps * 1000
        t0 = time.perf_counter()
        for _ in range(reps):
            store.query_events(limit=100)
        ms_plain = (time.perf_counter() - t0) / reps * 1000
        t0 = time.perf_counter()
        store.counts_by_period("week", country="Syria")
        ms_counts = (time.perf_counter() - t0) * 1000
    print(f"query on {fused} fused events: filtered page of {len(page)} + count ({count}) {ms:.1f} ms; "
          f"first page unfiltered {ms_plain:.1f} ms; weekly counts {ms_counts:.0f} ms; db {db_bytes(db) / 1e6:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--engine", choices=("real", "synthetic"), default="real")
    ap.add_argument("--fusion-events", type=int, default=100000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        if args.articles:
            bench_ingest(args.articles, args.engine, Path(d))
        if args.fusion_events:
            bench_fusion(args.fusion_events, Path(d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
