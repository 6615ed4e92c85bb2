"""Throughput and peak memory of extraction over the real corpus, against a bare pass.

The bare pass is what every extractor must do anyway (Unicode/Arabic normalisation with offsets,
sentence split, tokens with clitic forms: building the ``Doc``). Reporting the ratio of the full
pipeline to it keeps the figure meaningful on a noisy or slower machine.

    .venv/bin/python benchmarks/extract_throughput.py [--limit 5000] [--corpus ../shared/corpus/articles.jsonl.gz]

Runs in one process on one core; memory is the peak RSS (ru_maxrss), sampled after each quarter
so growth with the number of articles would show.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"


def articles(path: Path, limit: int) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                return
            yield json.loads(line)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--stream", action="store_true",
                    help="also run the CLI on slices of limit/4 and limit articles and compare peak memory")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    import marsad
    from marsad.doc import Doc

    # warm up: load every data file once (counted separately)
    t0 = time.perf_counter()
    marsad.extract("قصفت قوات النظام مدينة الرقة أمس", published="2017-10-12")
    load_s = time.perf_counter() - t0

    texts = [(a["id"], a["text"], a.get("published"), a.get("source")) for a in articles(args.corpus, args.limit)]
    n = len(texts)
    chars = sum(len(t[1]) for t in texts)
    rss_before = peak_rss_mb()

    t0 = time.perf_counter()
    for _id, text, _pub, _src in texts:
        Doc(text)
    bare_s = time.perf_counter() - t0

    quarters = []
    n_events = 0
    t0 = time.perf_counter()
    for i, (art_id, text, pub, src) in enumerate(texts, 1):
        n_events += len(marsad.extract(text, published=pub, source=src, article_id=art_id))
        if i % max(1, n // 4) == 0:
            quarters.append((i, round(peak_rss_mb(), 1)))
    full_s = time.perf_counter() - t0

    print(f"articles: {n} ({chars / n:.0f} chars on average), events: {n_events}")
    print(f"data load (first call): {load_s * 1000:.0f} ms")
    print(f"bare pass (normalise + tokenise): {n / bare_s:,.0f} articles/s")
    print(f"marsad extract (full pipeline):   {n / full_s:,.0f} articles/s "
          f"({full_s / n * 1000:.2f} ms/article)")
    print(f"ratio full/bare time: {full_s / bare_s:.2f}x")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (texts held in memory for timing: {rss_before:.0f} MB before the run)")
    print("peak RSS after each quarter (articles, MB):", quarters)
    if args.stream:
        stream_memory(args.corpus, (args.limit // 4, args.limit))
    return 0


def stream_memory(corpus: Path, sizes: tuple[int, ...]) -> None:
    """Peak RSS of the real CLI (`marsad extract FILE -o /dev/null`) streaming slices of growing size:
    flat figures mean memory does not grow with the number of articles."""
    import subprocess
    import tempfile

    probe = ("import resource, sys\nfrom marsad.cli import main\nrc = main(sys.argv[1:])\n"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\nsys.exit(rc)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"slice-{n}.jsonl.gz"
            with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= n:
                        break
                    dst.write(line)
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-c", probe, "extract", str(path), "-o", "/dev/null", "-q"],
                               capture_output=True, text=True, check=True)
            secs = time.perf_counter() - t0
            rss_mb = int(r.stderr.strip().splitlines()[-1]) / 1024
            print(f"marsad extract streaming {n} articles: {n / secs:,.0f} articles/s end to end "
                  f"(process start and data load included), peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
