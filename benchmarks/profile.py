"""Where extraction time goes: the top functions by self time, and the time of each stage.

    .venv/bin/python benchmarks/profile.py [--limit 2000] [--top 30] [--skip 0]

After a warm-up (data loaded), times two passes of the whole pipeline over corpus articles in CPU
time: the first with cold word caches (as one run of ``marsad extract`` meets them), the second with
warm ones, and the share of each pipeline stage and of building the ``Doc``; then profiles a third
pass and prints the self time by module and the functions with the most self time (time spent in
their own code, not their callees).
"""
from __future__ import annotations

import os
import sys

# This file shares its name with the standard library's ``profile``, which cProfile imports: run as
# a script, its own folder heads sys.path and would shadow it.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import gzip  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"


def load(path: Path, limit: int, skip: int) -> list[dict]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def stage_times(arts: list[dict]) -> list[tuple[str, float]]:
    """Seconds spent building the Doc and in each pipeline stage over ``arts``.

    A stage that stops the run (``doc.layers["stop"]``, as the relevance model does) ends the article
    here too, as in ``pipeline.run``: later stages are timed only on the articles they really see.
    """
    from marsad import parse_published
    from marsad.doc import Doc
    from marsad.pipeline import DEFAULT_STAGES, stages

    names = ["Doc()"] + [n.rpartition(":")[2] for n in DEFAULT_STAGES]
    steps = stages()
    totals = [0.0] * len(names)
    clock = time.process_time  # CPU time: what the stages cost, whatever else the machine runs
    for a in arts:
        t = clock()
        doc = Doc(a["text"], id=a["id"], published=parse_published(a.get("published")), source=a.get("source"),
                  title=a.get("title"), url=a.get("url"))  # as marsad extract reads a record: the title counts
        t2 = clock()
        totals[0] += t2 - t
        for k, step in enumerate(steps, 1):
            step(doc)
            t3 = clock()
            totals[k] += t3 - t2
            t2 = t3
            if doc.layers.get("stop"):
                break
    return list(zip(names, totals))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--skip", type=int, default=0, help="start after this many articles")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    import marsad

    marsad.extract("قصفت قوات النظام مدينة الرقة أمس", published="2017-10-12")  # load the data first
    arts = load(args.corpus, args.limit, args.skip)

    # the first pass meets every word for the first time (per-word caches: clitic forms, first-word plans,
    # the relevance model's word entries, the gazetteer's names), as one run of ``marsad extract`` does;
    # the second pass is what the same articles cost once those caches hold them
    cold = stage_times(arts)
    times = stage_times(arts)
    total, cold_total = sum(t for _, t in times), sum(t for _, t in cold)
    print(f"{len(arts)} articles, without the profiler, per CPU-second: {len(arts) / cold_total:,.0f} articles/s "
          f"on the first pass (cold word caches), {len(arts) / total:,.0f} on the second")
    print("CPU time by stage (second pass; first pass beside):")
    for (name, t), (_, c) in sorted(zip(times, cold), key=lambda x: -x[0][1]):
        print(f"  {name:<26} {t / total:6.1%}  {t * 1000 / len(arts):.3f} ms/article   (first pass {c * 1000 / len(arts):.3f})")

    prof = cProfile.Profile(time.process_time)
    prof.enable()
    for a in arts:
        marsad.extract_doc(a["text"], a.get("published"), a.get("source"), a["id"], title=a.get("title"), url=a.get("url"))
    prof.disable()
    stats = pstats.Stats(prof)
    by_module: dict[str, float] = {}
    for (path, _, _), (_, _, self_time, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        module = path.split("/src/marsad/")[1] if "/src/marsad/" in path else "(builtins, stdlib, numpy)"
        by_module[module] = by_module.get(module, 0.0) + self_time
    all_self = sum(by_module.values()) or 1.0
    print("\nself time by module (profiled third pass; builtins counted apart):")
    for module, t in sorted(by_module.items(), key=lambda x: -x[1])[:15]:
        print(f"  {t / all_self:6.1%}  {module}")
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.strip_dirs().sort_stats("tottime").print_stats(args.top)
    print(f"\ntop {args.top} functions by self time (cProfile inflates call-heavy code):")
    lines = buf.getvalue().splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
    print("\n".join(lines[start:]).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
