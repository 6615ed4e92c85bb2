"""Actor lexicon coverage and speed over the conflict-heavy articles of the shared corpus.

    .venv/bin/python benchmarks/actor_coverage.py [--corpus PATH] [--limit N] [--no-places] [--misses K]

A sentence is an *event sentence* when one of its words (clitics stripped) is an event cue
(قتل/مقتل/اشتباكات/غارات/قصف ...); an article is *conflict-heavy* with at least 3 event sentences.
Reports the share of event sentences with at least one actor (or support) mention, the share of
article-level actor mentions per kind, and find_actors / find_sources time per article. The article's
country comes from the places stage when it is available (``doc.layers["country"]``).
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import sys
import time
from pathlib import Path

from marsad.doc import Doc
from marsad.mentions.actors import find_actors
from marsad.mentions.sources import find_sources

CUES = {"قتل", "مقتل", "قتلي", "اشتباكات", "اشتباك", "غارات", "غاره", "قصف", "قصفت"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "articles.jsonl.gz"


def _places():
    try:
        from marsad.mentions.places import find_places
    except Exception:  # the places stage is built by someone else; coverage runs without it
        return None
    return find_places


def cue_sentences(doc: Doc) -> list[int]:
    out = []
    for i, s in enumerate(doc.sentences):
        if any(not CUES.isdisjoint(t.forms) for t in doc.tokens[s.token_start:s.token_end]):
            out.append(i)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="stop after N conflict-heavy articles")
    ap.add_argument("--no-places", action="store_true", help="do not run the places stage for the country")
    ap.add_argument("--misses", type=int, default=0, help="print K random event sentences without actors")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: corpus not found (pass --corpus)", file=sys.stderr)
        return 2
    find_places = None if args.no_places else _places()
    opener = gzip.open if args.corpus.suffix == ".gz" else open
    n_art = n_sent = n_hit = 0
    t_actors = t_sources = 0.0
    kinds: collections.Counter[str] = collections.Counter()
    misses: list[str] = []
    find_actors(Doc("تمهيد"))  # load the lexicons outside the timing
    find_sources(Doc("تمهيد"))
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            try:
                art = json.loads(line)
                text = art["text"]
            except (ValueError, KeyError, TypeError):
                print(f"{args.corpus}:{line_no}: skipped, not an article record", file=sys.stderr)
                continue
            doc = Doc(text, id=str(art.get("id", line_no)))
            cues = cue_sentences(doc)
            if len(cues) < 3:
                continue
            if find_places is not None:
                try:
                    find_places(doc)
                except Exception as exc:  # report, keep measuring actors
                    print(f"{doc.id}: places stage failed: {exc}", file=sys.stderr)
            t0 = time.perf_counter()
            find_actors(doc)
            t1 = time.perf_counter()
            find_sources(doc)
            t2 = time.perf_counter()
            t_actors += t1 - t0
            t_sources += t2 - t1
            with_actor = {m.sentence for m in doc.mentions if m.kind in ("actor", "support")}
            for i in cues:
                n_sent += 1
                if i in with_actor:
                    n_hit += 1
                elif args.misses:
                    misses.append(doc.sentence_text(i)[:300])
            kinds.update(m.value.kind for m in doc.mentions if m.kind == "actor")
            n_art += 1
            if args.limit and n_art >= args.limit:
                break
    if not n_art:
        print("no conflict-heavy articles found")
        return 1
    print(f"conflict-heavy articles: {n_art} (places stage: {'on' if find_places else 'off'})")
    print(f"event-cue sentences with >=1 actor mention: {n_hit}/{n_sent} = {n_hit / n_sent:.1%}")
    print(f"find_actors: {t_actors / n_art * 1000:.3f} ms/article; find_sources: {t_sources / n_art * 1000:.3f} ms/article")
    total = sum(kinds.values())
    print("actor mentions by kind: " + ", ".join(f"{k} {v / total:.1%}" for k, v in kinds.most_common()))
    if args.misses and misses:
        random.seed(0)
        print("\nsample of event sentences without an actor:")
        for s in random.sample(misses, min(args.misses, len(misses))):
            print(" -", s.replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
