"""Throughput and memory: the single-process engine vs Spark local[1] and local[2], whole process.

    python benchmarks/spark_scaling.py [--corpus ../shared/corpus/articles.jsonl.gz] [--sizes 10000 39730]

For each size N (the first N corpus articles) it runs, each as its own process:

- ``marsad ingest SLICE --db X.db`` (the single-process engine: read, extract, store, fuse);
- ``marsad ingest SLICE --engine spark --master local[1] --out DIR`` and the same with ``local[2]``
  (read by the executors, extract, write Parquet, fuse),

and reports articles/s (wall clock of the whole command, Spark start-up included), the scaling
efficiency ``rate(local[2]) / (2 × rate(local[1]))``, and peak resident memory sampled every 0.2 s from
/proc: the driver's Python process, the JVM (driver and executor in local mode) and the executors'
Python workers (largest one, and all of them together). A flat driver line across sizes is the point:
the driver never holds the corpus. Results go to stdout as a table and to ``--json``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARSAD = [str(Path(sys.executable).parent / "marsad")]  # the console script of this environment


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def run_measured(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``cmd``; wall seconds and peak RSS (MB) of the driver, the JVM and the Python workers."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = {"driver_mb": 0.0, "jvm_mb": 0.0, "worker_max_mb": 0.0, "workers_total_mb": 0.0}
    while p.poll() is None:
        tree, todo = [], [p.pid]
        while todo:
            x = todo.pop()
            tree.append(x)
            todo += children(x)
        jvm = sum(rss_kb(x) for x in tree if "java" in cmdline(x).split(" ")[0])
        workers = [rss_kb(x) for x in tree if x != p.pid and "pyspark" in cmdline(x) and "java" not in cmdline(x).split(" ")[0]]
        peak["driver_mb"] = max(peak["driver_mb"], rss_kb(p.pid) / 1024)
        peak["jvm_mb"] = max(peak["jvm_mb"], jvm / 1024)
        peak["worker_max_mb"] = max(peak["worker_max_mb"], max(workers, default=0) / 1024)
        peak["workers_total_mb"] = max(peak["workers_total_mb"], sum(workers) / 1024)
        time.sleep(0.2)
    err = p.stderr.read()
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    peak = {k: round(v, 1) for k, v in peak.items()}
    return dict(peak, seconds=round(time.perf_counter() - t0, 1), log=err.strip().splitlines()[-2:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 39730])
    ap.add_argument("--modes", nargs="+", default=["local", "local[1]", "local[2]"])
    ap.add_argument("--json", default=None, help="also write the results here")
    args = ap.parse_args()
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    tmp = Path(tempfile.mkdtemp(prefix="marsad-scaling-"))
    results = []
    try:
        lines = []
        with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                lines.append(line)
                if len(lines) >= max(args.sizes):
                    break
        for n in args.sizes:
            src = tmp / f"slice-{n}.jsonl.gz"
            with gzip.open(src, "wt", encoding="utf-8") as out:
                out.writelines(lines[:n])
            n = min(n, len(lines))
            for mode in args.modes:
                if mode == "local":
                    cmd = [*MARSAD, "ingest", str(src), "--db", str(tmp / f"{n}.db"), "--no-progress"]
                else:
                    cmd = [*MARSAD, "ingest", str(src), "--engine", "spark", "--master", mode,
                           "--out", str(tmp / f"out-{n}-{mode}"), "--no-progress"]
                r = run_measured(cmd, env)
                r.update(articles=n, mode=mode, rate=round(n / r["seconds"], 1))
                if mode != "local":
                    man = json.loads((tmp / f"out-{n}-{mode}" / "_marsad.json").read_text())
                    r["stages"] = man["seconds"]
                    r["events"], r["fused"] = man["events"], man["fused"]
                results.append(r)
                print(json.dumps({k: v for k, v in r.items() if k != "log"}), flush=True)
                shutil.rmtree(tmp / f"out-{n}-{mode}", ignore_errors=True)
                (tmp / f"{n}.db").unlink(missing_ok=True)
        print("\n  N      engine     s      art/s  driver MB  JVM MB  worker MB (max/total)")
        for r in results:
            print(f"{r['articles']:>6}  {r['mode']:<9} {r['seconds']:>6} {r['rate']:>8}  {r['driver_mb']:>9}  "
                  f"{r['jvm_mb']:>6}  {r['worker_max_mb']}/{r['workers_total_mb']}")
        for n in args.sizes:
            one = next((r for r in results if r["articles"] == min(n, len(lines)) and r["mode"] == "local[1]"), None)
            two = next((r for r in results if r["articles"] == min(n, len(lines)) and r["mode"] == "local[2]"), None)
            if one and two:
                print(f"scaling efficiency at {n}: {two['rate'] / (2 * one['rate']):.2f}")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
