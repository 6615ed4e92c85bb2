"""Throughput, start-up and peak memory of extraction over the real corpus, against a bare pass.

The bare pass (NFKC and ``re.findall(r"\w+")``) is what reading the bytes costs; every other pass
is reported as a multiple of it, timed in interleaved rounds of one run and in CPU time (the wall-clock
rate beside it), so the figures and ratios hold on a busy or slower machine: normalise + tokenise,
``Doc()`` (with sentences), the whole pipeline (articles with and without events apart), the CLI's own
work (reading the input and writing the events, in process), ``marsad extract`` and ``marsad ingest
--workers 1`` as processes (CPU time of the whole process), and the
start-up of whole processes (``marsad extract`` on one article and ``marsad --help``, median wall and
CPU time, beside a bare interpreter and ``import numpy``; ``benchmarks/startup.py`` splits it by step).
The processes run on marsad's compiled bytecode, as after an install (``compile_bytecode``).

    .venv/bin/python benchmarks/extract_throughput.py [--limit 5000] [--rounds 3] [--stream] [--workers]
    .venv/bin/python benchmarks/extract_throughput.py --startup-only [--startup-runs 7]

``--stream`` runs the CLI on 2,000 and 20,000 articles and prints the peak memory of each (flat
means memory does not grow with the input); ``--workers`` times ``marsad ingest`` and ``marsad
extract`` with 1 and 2 worker processes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
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


def rate(n: int, secs: float) -> str:
    return f"{n / secs:>9,.0f} articles/s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per pass (the median is shown)")
    ap.add_argument("--stream", action="store_true",
                    help="also run the CLI on 2,000 and 20,000 articles and compare peak memory")
    ap.add_argument("--workers", action="store_true",
                    help="also time `marsad ingest` and `marsad extract` with --workers 1 and 2 on the slice")
    ap.add_argument("--startup-only", action="store_true", help="only time the start-up of whole processes")
    ap.add_argument("--startup-runs", type=int, default=7, help="processes timed per start-up figure (the median is shown)")
    args = ap.parse_args()
    if args.startup_only:
        startup(args.startup_runs)
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    import re
    import statistics
    import unicodedata

    import marsad
    from marsad.doc import Doc
    from marsad.text.normalise import normalise
    from marsad.text.segment import tokenise

    # warm up: load every data file once (counted separately)
    t0 = time.perf_counter()
    marsad.extract("قصفت قوات النظام مدينة الرقة أمس", published="2017-10-12")
    load_s = time.perf_counter() - t0

    # each record as ``marsad extract`` passes it on: the title too, which the relevance step reads (without it
    # fewer articles are read through, and the pipeline's figure is not the CLI's work)
    texts = [(a["id"], a["text"], a.get("published"), a.get("source"), a.get("title"), a.get("url"))
             for a in articles(args.corpus, args.limit)]
    n = len(texts)
    chars = sum(len(t[1]) for t in texts)
    rss_before = peak_rss_mb()
    words = re.compile(r"\w+")

    def bare() -> None:
        for _id, text, *_ in texts:
            words.findall(unicodedata.normalize("NFKC", text))

    def norm_tok() -> None:
        for _id, text, *_ in texts:
            tokenise(normalise(text))

    def docs() -> None:
        for _id, text, *_ in texts:
            Doc(text).sentences  # the text layers are built on first use

    per_article: list[tuple[float, int, bool]] = []
    events: list = []  # the last round's events, which the CLI's own work below writes out

    def pipeline() -> None:
        per_article.clear()
        events.clear()
        clock = time.process_time
        for art_id, text, pub, src, title, url in texts:
            t = clock()
            doc = marsad.extract_doc(text, published=pub, source=src, article_id=art_id, title=title, url=url)
            per_article.append((clock() - t, len(doc.events), bool(doc.layers.get("stop"))))
            events.extend(doc.events)

    # rounds interleave the passes, so a busy machine slows them alike and the ratios hold; each pass is
    # timed in wall and in CPU time (``time.process_time``: what this process spent, the figure that holds
    # on a machine other work shares, as the rates and ratios below are given)
    passes = {"bare": bare, "norm": norm_tok, "doc": docs, "full": pipeline}
    walls: dict[str, list[float]] = {k: [] for k in passes}
    secs: dict[str, list[float]] = {k: [] for k in passes}
    for _ in range(args.rounds):
        for k, fn in passes.items():
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            secs[k].append(time.process_time() - c0)
            walls[k].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in secs.items()}
    wall = {k: statistics.median(v) for k, v in walls.items()}
    with_ev = [t for t, k, _ in per_article if k]
    without = [t for t, k, _ in per_article if not k]
    stopped = [t for t, _, stop in per_article if stop]
    read = [t for t, _, stop in per_article if not stop]

    print(f"articles: {n} ({chars / n:.0f} chars on average), {len(with_ev)} with events; "
          f"median of {args.rounds} interleaved rounds, per CPU-second (wall-clock rate in brackets)")
    print(f"data load (first call): {load_s * 1000:.0f} ms")
    print(f"bare pass (NFKC + re.findall(r'\\w+')):  {rate(n, med['bare'])}   x1.0   ({n / wall['bare']:,.0f}/s)")
    for key, label in (("norm", "normalise + tokenise"), ("doc", "Doc() (with sentences)"),
                       ("full", "whole pipeline (marsad.extract)")):
        print(f"{label:<38} {rate(n, med[key])}   x{med[key] / med['bare']:.1f} the bare pass   "
              f"({n / wall[key]:,.0f}/s)")
    # later rounds meet words the per-word caches (clitic forms, first-word plans) already hold: the first
    # round is what one pass over new articles, as the CLI makes, costs
    print(f"{'  first round only (cold word caches)':<38} {rate(n, secs['full'][0])}   "
          f"x{secs['full'][0] / med['bare']:.1f} the bare pass   ({n / walls['full'][0]:,.0f}/s)")
    if with_ev and without:
        print(f"  of which articles with events:    {rate(len(with_ev), sum(with_ev))}")
        print(f"  of which articles without events: {rate(len(without), sum(without))}")
    if stopped and read:
        print(f"  articles the relevance step stops: {rate(len(stopped), sum(stopped))}  ({len(stopped)} of {n})")
        print(f"  articles read through:             {rate(len(read), sum(read))}  ({len(read)} of {n})")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (texts held in memory for timing: {rss_before:.0f} MB before the run)")
    cli_own_work(args.corpus, n, med["bare"], events, args.rounds)
    compile_bytecode()  # the processes below start as an installed marsad does
    cli_end_to_end(args.corpus, n, med["bare"])
    ingest_end_to_end(args.corpus, n, med["bare"])
    startup(args.startup_runs)
    if args.stream:
        stream_memory(args.corpus, (2000, 20000))
    if args.workers:
        workers_scaling(args.corpus, n)
    return 0


def _slice(corpus: Path, n: int, folder: str) -> Path:
    path = Path(folder) / f"slice-{n}.jsonl.gz"
    if not path.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(path, "wt", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
    return path


def _marsad() -> list[str]:
    return [sys.executable, "-m", "marsad"]


def cli_own_work(corpus: Path, n: int, bare_s: float, events: list, rounds: int) -> None:
    """What ``marsad extract`` does besides the pipeline, in this process: reading the slice as it does
    (``read_inputs`` on the .jsonl.gz: inflating, decoding, JSON, checking each record) and writing the
    pipeline's events at the default confidence floor as JSONL; median CPU time of ``rounds``. With the
    start-up below and the pipeline's first round, it makes up the process's time."""
    import io
    import statistics
    import tempfile

    from marsad.ingest.readers import read_inputs
    from marsad.models.floor import DEFAULT_MIN_CONFIDENCE
    from marsad.output import EventWriter

    kept = [e for e in events if e.confidence >= DEFAULT_MIN_CONFIDENCE]
    reads, writes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = _slice(corpus, n, tmp)
        for _ in range(rounds):
            c0 = time.process_time()
            for _item in read_inputs([str(path)]):
                pass
            c1 = time.process_time()
            writer = EventWriter(io.StringIO(), "jsonl")
            for e in kept:
                writer.write(e)
            writer.close()
            writes.append(time.process_time() - c1)
            reads.append(c1 - c0)
    read_s, write_s = statistics.median(reads), statistics.median(writes)
    print(f"{'CLI own work: reading the input':<38} {rate(n, read_s)}   x{read_s / bare_s:.1f} the bare pass   "
          f"(CPU {read_s:.2f} s)")
    print(f"{'CLI own work: writing the events':<38} {rate(n, write_s)}   x{write_s / bare_s:.1f} the bare pass   "
          f"(CPU {write_s:.3f} s for {len(kept)} events)")


def cli_end_to_end(corpus: Path, n: int, bare_s: float) -> None:
    """``marsad extract`` as a process on the slice, start-up and data load included: wall time, and CPU time
    (what one core spends, the figure that holds on a machine other work shares)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = _slice(corpus, n, tmp)
        secs, cpu = _process(_marsad() + ["extract", str(path), "-o", "/dev/null", "-q"])
    print(f"{'marsad extract as a process':<38} {rate(n, cpu)}   x{cpu / bare_s:.1f} the bare pass   "
          f"(CPU {cpu:.2f} s; wall {n / secs:,.0f}/s)")


def ingest_end_to_end(corpus: Path, n: int, bare_s: float) -> None:
    """``marsad ingest --workers 1`` as a process on the slice, into a fresh database: CPU time (start-up,
    data load and the database's writes included) as for ``marsad extract``."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = _slice(corpus, n, tmp)
        secs, cpu = _process(_marsad() + ["ingest", str(path), "--db", str(Path(tmp) / "i.db"), "--no-progress",
                                          "--workers", "1"])
    print(f"{'marsad ingest --workers 1 as a process':<38} {rate(n, cpu)}   x{cpu / bare_s:.1f} the bare pass   "
          f"(CPU {cpu:.2f} s; wall {n / secs:,.0f}/s)")


def _process(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a whole process and the processes it started (a worker pool's included)."""
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    secs = _timed(subprocess.run, argv, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return secs, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def startup(runs: int = 7) -> None:
    """Wall and CPU time of whole processes: ``marsad extract`` on one article (the shipped example, else a
    one-line one), ``marsad --help``, and for scale a bare interpreter and ``import numpy`` (which the
    models need); median of ``runs`` interleaved rounds. ``benchmarks/startup.py`` splits the first."""
    import statistics
    import subprocess
    import tempfile

    note = compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        one = HERE.parent / "examples" / "seed-mayadeen-afp.jsonl"
        if not one.exists():
            one = Path(tmp) / "one.jsonl"
            one.write_text(json.dumps({"id": "x", "text": "قصفت قوات النظام مدينة الرقة أمس", "published": "2017-10-12"},
                                      ensure_ascii=False) + "\n", encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import numpy'": [sys.executable, "-c", "import numpy"],
            "marsad --help": _marsad() + ["--help"],
            f"marsad extract {one.name} (one article)": _marsad() + ["extract", str(one), "-q", "-o", os.devnull],
        }
        wall: dict[str, list[float]] = {k: [] for k in commands}
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(runs):
            for label, argv in commands.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                wall[label].append(_timed(subprocess.run, argv, capture_output=True, check=True))
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[label].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"start-up, whole process, median of {runs} (wall / CPU; min wall; {note}):")
    for label in commands:
        print(f"  {label:<52} {statistics.median(wall[label]):5.2f} s / {statistics.median(cpu[label]):5.2f} s"
              f"   (min {min(wall[label]):.2f} s)")


def compile_bytecode() -> str:
    """Compile marsad's modules to bytecode where Python looks for it, as installing a package does.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some containers) and no ``__pycache__`` beside the
    sources, every process compiles every marsad module from source: about 0.3 s of each start that
    an installed package never pays. The files written are Python's own cache (ignored by git)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("marsad")
    if spec is None or not spec.submodule_search_locations:
        return "bytecode as found"
    folder = list(spec.submodule_search_locations)[0]
    ok = compileall.compile_dir(folder, quiet=1)
    return "bytecode compiled, as an install does" if ok else "bytecode partly compiled"


def _timed(fn, *a, **kw) -> float:
    t0 = time.perf_counter()
    fn(*a, **kw)
    return time.perf_counter() - t0


def workers_scaling(corpus: Path, n: int) -> None:
    """``marsad ingest`` (into fresh databases) and ``marsad extract`` on the slice with one and two worker
    processes: wall time, and the CPU time of all the processes (what more workers cost in all: each loads
    the data and warms its word caches). On a machine whose cores other work keeps busy, the wall-time
    ratio cannot exceed what the free cores allow."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = _slice(corpus, n, tmp)
        for command in ("ingest", "extract"):
            walls = {}
            for w in (1, 2):
                if command == "ingest":
                    argv = _marsad() + ["ingest", str(path), "--db", str(Path(tmp) / f"w{w}.db"), "--no-progress"]
                else:
                    argv = _marsad() + ["extract", str(path), "-o", os.devnull, "-q"]
                secs, cpu = _process(argv + ["--workers", str(w)])
                walls[w] = secs
                print(f"marsad {command} --workers {w}: {n / secs:,.0f} articles/s end to end "
                      f"(CPU of all processes {cpu:.2f} s)")
            print(f"  {command}: scaling from 1 to 2 workers x{walls[1] / walls[2]:.2f} in wall time "
                  f"(cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})")


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
