"""The relevance step's fast path against the features it stands for, on corpus articles, in one process.

    .venv/bin/python benchmarks/relevance_speed.py [--limit 3000] [--skip 0] [--rounds 8]

``models.relevance.article_score`` scores an article from its words (``article_raw``); the model was
trained on ``features.article_input`` (a Token and a feature string per word). This checks that both give
the same raw score, bit for bit, on every article, then times the two in interleaved rounds (CPU time of
this process, fresh ``Doc`` objects each round, caches warm), so the ratio holds on a busy machine.
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "articles.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()

    from marsad.doc import Doc
    from marsad.models.features import article_input
    from marsad.models.linear import load_models
    from marsad.models.relevance import article_raw, article_score

    arts = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < args.skip:
                continue
            if len(arts) >= args.limit:
                break
            arts.append(json.loads(line))
    model = load_models().relevance

    def docs() -> list:
        return [Doc(a.get("text") or "", title=a.get("title")) for a in arts]

    different = [a.get("id") for a, d1, d2 in zip(arts, docs(), docs())
                 if article_raw(d1, model).hex() != model.raw(*article_input(d2)).hex()]
    print(f"{len(arts)} articles: raw score differs on {len(different)} {different[:5]}")

    def features_path(d: Doc) -> float:
        return round(model.probability(*article_input(d)), 4)

    def fast_path(d: Doc) -> float:
        return article_score(d, model).probability

    paths = {"features": features_path, "fast": fast_path}
    gc.collect()
    gc.freeze()
    times: dict[str, list[float]] = {name: [] for name in paths}
    for r in range(args.rounds):
        for name in (list(paths) if r % 2 == 0 else list(paths)[::-1]):
            batch = docs()
            t = time.process_time()
            for d in batch:
                paths[name](d)
            times[name].append((time.process_time() - t) / len(batch) * 1e3)
    for name, ts in times.items():
        print(f"{name:9s} min {min(ts):.3f}  median {statistics.median(ts):.3f} ms/article")
    print(f"fast/features: x{min(times['fast']) / min(times['features']):.2f} (min), "
          f"x{statistics.median(times['fast']) / statistics.median(times['features']):.2f} (median)")
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main())
