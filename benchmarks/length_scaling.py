"""Extraction cost against article length, 10 KB to 5 MB: it must grow linearly (issue 12).

Each size is a text made of consecutive corpus articles (outside the dev set) joined by blank lines,
cut to the size, and read through every stage but the relevance decision (which would stop most
such texts after the lead) in a fresh process (so each figure has its own
peak memory). The reader cuts anything longer than ``marsad.ingest.MAX_ARTICLE_CHARS`` before
extraction; this benchmark calls the extractor directly to show the curve past that limit.

    nice .venv/bin/python benchmarks/length_scaling.py [--sizes 10000,100000,1000000] [--json out.json]

Prints, per size: wall and CPU seconds, CPU microseconds per character, peak RSS. Linear means a
flat µs/char column (CPU time, so that other load on the machine does not bend the curve); exits 1
when the largest size costs more than twice per character what the 100 KB one does.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"
DEV = HERE.parent.parent / "shared" / "corpus" / "dev-articles.jsonl"
SIZES = (10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000)

CHILD = r"""
import datetime, json, resource, sys, time
import marsad
from marsad.doc import Doc
from marsad.pipeline import DEFAULT_STAGES, run
# every stage but the relevance decision: the worst case, an article read through to the end
STAGES = tuple(n for n in DEFAULT_STAGES if not n.endswith(":score_relevance"))
text = open(sys.argv[1], encoding="utf-8").read()
run(Doc("قتل جندي في حلب أمس", published=datetime.date(2017, 10, 12)), STAGES)  # load the data first
t, c = time.perf_counter(), time.process_time()
events = run(Doc(text, published=datetime.date(2017, 10, 12)), STAGES).events
secs, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"seconds": secs, "cpu_seconds": cpu, "events": len(events),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def corpus_text(n: int) -> str:
    dev = set()
    if DEV.exists():
        for line in DEV.open(encoding="utf-8"):
            rec = json.loads(line)
            dev.add(rec.get("id") or rec.get("article_id"))
    parts, total = [], 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in dev:
                continue
            parts.append(a["text"].strip())
            total += len(parts[-1]) + 2
            if total >= n:
                break
    return "\n\n".join(parts)[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="characters, comma-separated")
    ap.add_argument("--json", default=None, help="write the figures here")
    ap.add_argument("--tmp", default="/tmp", help="where the size texts are written")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    full = corpus_text(max(sizes))
    rows = []
    print(f"{'chars':>10} {'wall s':>9} {'CPU s':>9} {'us/char':>8} {'events':>7} {'peak MB':>8}")
    for n in sizes:
        path = Path(args.tmp) / f"marsad-length-{n}.txt"
        path.write_text(full[:n], encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r.update(chars=n, us_per_char=r["cpu_seconds"] / n * 1e6)
        rows.append(r)
        print(f"{n:>10,} {r['seconds']:>9.2f} {r['cpu_seconds']:>9.2f} {r['us_per_char']:>8.1f} {r['events']:>7} {r['peak_rss_mb']:>8.0f}",
              flush=True)
        path.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    ref = next((r for r in rows if r["chars"] >= 100_000), rows[0])
    worst = rows[-1]["us_per_char"] / ref["us_per_char"]
    print(f"largest / 100 KB cost per character: {worst:.2f} ({'linear' if worst <= 2 else 'NOT linear'})")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
