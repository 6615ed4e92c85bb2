"""Where the start-up of ``marsad extract`` on one article goes: imports, each data loader, each stage.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--article examples/seed-mayadeen-afp.jsonl] [--wall]

Each run is a fresh process that does what ``marsad extract`` does for one article, step by step:
import the command line, load each piece of data the pipeline uses (in the order it asks for them),
then run the stages on the article (a stage's line is its own work plus any loading left to it) and
write the events. The median over the runs is printed per step, in CPU time by default (steadier
than wall time on a shared machine; ``--wall`` for wall time). ``extract_throughput.py`` times the
whole process, ``--help`` and a bare ``import numpy`` beside it.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ARTICLE = HERE.parent / "examples" / "seed-mayadeen-afp.jsonl"

PROBE = r'''
import json, sys, time
clock = time.process_time if sys.argv[2] == "cpu" else time.perf_counter
t0 = last = clock()
steps = []
def step(label):
    global last
    now = clock()
    steps.append((label, now - last))
    last = now

import marsad.cli
marsad.cli.build_parser()
getattr(marsad.cli, "limit_blas_threads", lambda command: None)("extract")  # as main() does for the command
step("import the command line (all subcommands' modules)")
import numpy
step("import numpy (the models need it)")
from marsad.pipeline import DEFAULT_STAGES, stages
run_stages = stages()
step("import the pipeline's stage modules")
from marsad.models import load_models
load_models()
step("load the models")
from marsad.models.vectors import load_word_vectors
load_word_vectors()
step("load the word vectors")
from marsad.lexicon.numbers import numbers
from marsad.lexicon.calendar import calendar
numbers(); calendar()
step("load the number and calendar lexicons")
from marsad.geo.gazetteer import load_gazetteer
load_gazetteer()
step("load the gazetteer")
from marsad.mentions.places import place_index
place_index()
step("build the place index")
from marsad.lexicon.actors import actor_lexicon
actor_lexicon()
step("load the actor lexicon")
from marsad.lexicon.sources import source_lexicon
source_lexicon()
step("load the source lexicon")
from marsad.lexicon.cues import load_cues
load_cues()
step("load the cue lexicon")
from marsad import parse_published
from marsad.doc import Doc
from marsad.ingest import Article
from marsad.ingest.readers import read_inputs
art = next(a for a in read_inputs([sys.argv[1]]) if isinstance(a, Article))
doc = Doc(art.text, id=art.id, published=parse_published(art.published), source=art.source)
doc.sentences
step("read the article, Doc and sentences")
for name, fn in zip(DEFAULT_STAGES, run_stages):
    fn(doc)
    step("stage " + name.rpartition(":")[2])
    if doc.layers.get("stop"):
        break
import io
from marsad.output import EventWriter
writer = EventWriter(io.StringIO(), "jsonl")
for e in doc.events:
    writer.write(e)
writer.close()
step("write the events")
steps.append(("total in process", clock() - t0))
print(json.dumps(steps))
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--article", type=Path, default=DEFAULT_ARTICLE, help="a JSONL file; its first article is read")
    ap.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    args = ap.parse_args()
    clock = "wall" if args.wall else "cpu"
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.py"
        probe.write_text(PROBE, encoding="utf-8")
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, str(probe), str(args.article), clock], capture_output=True, text=True,
                                 check=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    print(f"start-up of `marsad extract` on one article ({args.article.name}), step by step: "
          f"median {clock} time of {args.runs} fresh processes (min in brackets)")
    for i, (label, _) in enumerate(runs[0]):
        values = [r[i][1] * 1000 for r in runs]
        print(f"{statistics.median(values):7.0f} ms  ({min(values):4.0f})  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
