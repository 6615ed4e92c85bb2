"""Throughput and memory: the single-process engine vs Spark local[1] and local[2], whole process,
beside the machine's own two-process ceiling.

    python benchmarks/spark_scaling.py [--corpus ../shared/corpus/articles.jsonl.gz] [--sizes 10000 39730]

For each size N (the first N corpus articles) it runs, each as its own process and one at a time:

- the **machine's ceiling**: the Spark extract task's own per-article work (``spark_job.extract_split``:
  read the stripe, run the pipeline, build the rows) over the same N articles, by 1 and then by 2
  plain Python processes (``multiprocessing``, no Spark), timed from a barrier after each process has
  loaded the language data and coded one article: the machine's two-process efficiency;
- ``marsad ingest SLICE --db X.db`` (the single-process engine: read, extract, store, fuse);
- ``marsad ingest SLICE --engine spark --master local[1] --out DIR`` and the same with ``local[2]``
  (read by the executors, extract, write Parquet, fuse),

and reports articles/s (wall clock of the whole command, Spark start-up included), the scaling
efficiency ``rate(local[2]) / (2 × rate(local[1]))`` of the whole process and of the extract stage
alone (``_marsad.json``'s seconds: the extraction job, without start-up, writes or fusion), and peak
resident memory sampled every 0.2 s from /proc: the driver's Python process, the JVM (driver and
executor in local mode) and the executors' Python workers (largest one, and all of them together).
A flat driver line across sizes is the point: the driver never holds the corpus.

The machine is shared: for every run it also records the load average before and after, and the CPU
that *other* processes used while it ran (all busy CPU time in /proc/stat minus this run's own
processes) and the time the hypervisor stole. ``--quiet-below F`` waits (up to ``--wait`` seconds)
before each run until the machine's CPUs are less than F busy over 5 s.

The commands run this checkout's code (``python -m marsad`` with ``src/`` first on PYTHONPATH, for
the Spark workers too), whatever ``marsad`` the environment has installed.
Results go to stdout as a table and to ``--json``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
MARSAD = [sys.executable, "-m", "marsad"]  # this checkout's code (PYTHONPATH below), not an installed console script
HZ = os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (not of its reaped children: they are counted themselves)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            f = fh.read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / HZ
    except (OSError, IndexError, ValueError):
        return 0.0


def machine_cpu() -> tuple[float, float]:
    """(busy CPU seconds of the whole machine, stolen seconds) since boot, from /proc/stat."""
    with open("/proc/stat") as fh:
        f = [int(x) for x in fh.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (f + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / HZ, steal / HZ


def busy_fraction(seconds: float = 5.0) -> float:
    """How busy the machine's CPUs are (0..1) over ``seconds`` (this process sleeps meanwhile)."""
    b0, s0 = machine_cpu()
    t0 = time.perf_counter()
    time.sleep(seconds)
    b1, s1 = machine_cpu()
    return (b1 - b0 + s1 - s0) / ((time.perf_counter() - t0) * (os.cpu_count() or 1))


def wait_quiet(threshold: float | None, wait: float) -> float:
    """Wait until the CPUs are less than ``threshold`` busy (or ``wait`` s passed); the last reading."""
    deadline = time.monotonic() + wait
    while True:
        b = busy_fraction()
        if threshold is None or b < threshold or time.monotonic() > deadline:
            return round(b, 2)


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


def _kind(pid: int, root: int) -> str | None:
    if pid == root:
        return "driver"
    cmd = cmdline(pid)
    if not cmd:  # gone
        return None
    return "jvm" if "java" in cmd.split(" ")[0] else "workers"


def children_cpu() -> float:
    """CPU seconds of every finished child process of this one (their own descendants included)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def contention(before: tuple[float, float], own_before: float, seconds: float, sampled: float = 0.0) -> dict[str, float]:
    """CPU that other processes used during a run (cores on average) and the stolen time; called when
    the run's processes have all ended (their CPU is then in ``children_cpu``, except for processes
    nobody waited for, such as the JVM PySpark starts: ``sampled`` counts those from /proc)."""
    busy, steal = machine_cpu()
    own = max(children_cpu() + time.process_time() - own_before, sampled)
    others = max(0.0, busy - before[0] - own)
    return {"others_cores": round(others / seconds, 2), "steal_s": round(steal - before[1], 1)}


def run_measured(cmd: list[str], env: dict[str, str]) -> dict[str, object]:
    """Run ``cmd``; wall seconds, peak RSS (MB) and CPU seconds of the driver, the JVM and the Python
    workers, the load average, and what the rest of the machine did meanwhile."""
    load0 = os.getloadavg()[0]
    mach0, own0 = machine_cpu(), children_cpu() + time.process_time()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = {"driver_mb": 0.0, "jvm_mb": 0.0, "worker_max_mb": 0.0, "workers_total_mb": 0.0}
    cpu: dict[int, tuple[str, float]] = {}
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
        for x in tree:
            c = cpu_s(x)
            if c:  # the kind is looked at again each time: the JVM starts as a shell script (spark-submit)
                cpu[x] = (_kind(x, p.pid) or (cpu[x][0] if x in cpu else "workers"), c)
        time.sleep(0.2)
    seconds = time.perf_counter() - t0
    err = p.stderr.read()
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    by_kind: dict[str, float] = {}
    for kind, c in cpu.values():
        by_kind[kind] = by_kind.get(kind, 0.0) + c
    sampled = sum(by_kind.values())
    peak = {k: round(v, 1) for k, v in peak.items()}
    return dict(peak, seconds=round(seconds, 1), cpu_s={k: round(v, 1) for k, v in sorted(by_kind.items())},
                load=[round(load0, 2), round(os.getloadavg()[0], 2)], **contention(mach0, own0, seconds, sampled),
                log=err.strip().splitlines()[-2:])


# ---- the machine's ceiling: the same per-article work by 1 and by 2 plain processes ---------------------

def _ceiling_worker(path: str, stripe: int, stripes: int, barrier, results) -> None:
    from marsad.engines import extract_one
    from marsad.engines.spark_job import Split, extract_split
    from marsad.ingest import Article

    extract_one(Article("warm-up", "قتل ثلاثة أشخاص في قصف على حلب يوم الخميس", "2017-10-12", "AFP"))  # load the data
    barrier.wait()
    t0 = time.time()
    c0 = time.process_time()
    n = sum(1 for kind, *_ in extract_split(Split(0, path, stripe, stripes)) if kind == "article")
    results.put((t0, time.time(), time.process_time() - c0, n))


def ceiling(path: str, processes: int) -> dict[str, object]:
    """Seconds for ``processes`` plain processes to do the Spark extract tasks' work on ``path``."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    sys.path.insert(0, str(SRC))  # the spawned processes import this checkout's marsad
    os.environ["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])])
    load0, mach0, own0 = os.getloadavg()[0], machine_cpu(), children_cpu() + time.process_time()
    procs = [ctx.Process(target=_ceiling_worker, args=(path, i, processes, barrier, results)) for i in range(processes)]
    t_start = time.time()
    for p in procs:
        p.start()
    got = [results.get() for _ in procs]
    for p in procs:
        p.join()
    start, end = min(g[0] for g in got), max(g[1] for g in got)
    seconds, own = end - start, sum(g[2] for g in got)
    other = contention(mach0, own0, time.time() - t_start)
    return {"mode": f"plain x{processes}", "seconds": round(seconds, 1), "articles": sum(g[3] for g in got),
            "per_process_s": [round(g[1] - g[0], 1) for g in got], "cpu_s": {"workers": round(own, 1)},
            "load": [round(load0, 2), round(os.getloadavg()[0], 2)], **other}


def efficiency(one: float, two: float) -> float:
    """rate(2) / (2 × rate(1)) from the two runs' seconds for the same work."""
    return round(one / (2 * two), 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 39730])
    ap.add_argument("--modes", nargs="+", default=["local", "local[1]", "local[2]"])
    ap.add_argument("--no-ceiling", action="store_true", help="skip the plain-process (no Spark) baseline")
    ap.add_argument("--quiet-below", type=float, default=None, metavar="F",
                    help="before each run, wait until the CPUs are less than F busy (0..1) over 5 s")
    ap.add_argument("--wait", type=float, default=600, help="longest wait for --quiet-below, seconds")
    ap.add_argument("--repeat", type=int, default=1, metavar="R",
                    help="run every mode R times, interleaved; the table and efficiencies use each mode's fastest run "
                         "(the one least disturbed by the rest of the machine); every run is in --json")
    ap.add_argument("--json", default=None, help="also write the results here")
    args = ap.parse_args()
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable,
               PYTHONPATH=os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]))
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
            for rep, mode in [(k, m) for k in range(args.repeat)
                              for m in ([] if args.no_ceiling else ["plain x1", "plain x2"]) + args.modes]:
                quiet = wait_quiet(args.quiet_below, args.wait)
                if mode.startswith("plain"):
                    r = ceiling(str(src), int(mode[-1]))
                elif mode == "local":
                    cmd = [*MARSAD, "ingest", str(src), "--db", str(tmp / f"{n}.db"), "--no-progress"]
                    r = run_measured(cmd, env)
                else:
                    cmd = [*MARSAD, "ingest", str(src), "--engine", "spark", "--master", mode,
                           "--out", str(tmp / f"out-{n}-{mode}"), "--no-progress"]
                    r = run_measured(cmd, env)
                r.update(articles=n, mode=mode, run=rep + 1, rate=round(n / r["seconds"], 1), busy_before=quiet)
                if mode.startswith("local["):
                    man = json.loads((tmp / f"out-{n}-{mode}" / "_marsad.json").read_text())
                    r["stages"] = man["seconds"]
                    r["events"], r["fused"] = man["events"], man["fused"]
                results.append(r)
                print(json.dumps({k: v for k, v in r.items() if k != "log"}), flush=True)
                shutil.rmtree(tmp / f"out-{n}-{mode}", ignore_errors=True)
                (tmp / f"{n}.db").unlink(missing_ok=True)
        best: dict[tuple[int, str], dict] = {}
        for r in results:
            k = (r["articles"], r["mode"])
            if k not in best or r["seconds"] < best[k]["seconds"]:
                best[k] = r
        print(f"\n(fastest of {args.repeat} run(s) of each mode)" if args.repeat > 1 else "")
        print("\n  N      engine        s    art/s  driver MB  JVM MB  worker MB (max/total)  load before/after  "
              "other procs (cores)  stolen s")
        for r in best.values():
            print(f"{r['articles']:>6}  {r['mode']:<9} {r['seconds']:>6} {r['rate']:>8}  {r.get('driver_mb', '-'):>9}  "
                  f"{r.get('jvm_mb', '-'):>6}  {str(r.get('worker_max_mb', '-')) + '/' + str(r.get('workers_total_mb', '-')):>21}  "
                  f"{r['load'][0]:>7}/{r['load'][1]:<9}  {r['others_cores']:>19}  {r['steal_s']:>8}")
        for n in args.sizes:
            n = min(n, len(lines))
            got = {m: r for (k, m), r in best.items() if k == n}
            if "plain x1" in got and "plain x2" in got:
                print(f"machine's own two-process efficiency at {n} (plain processes, steady state): "
                      f"{efficiency(got['plain x1']['seconds'], got['plain x2']['seconds'])}")
            if "local[1]" in got and "local[2]" in got:
                one, two = got["local[1]"], got["local[2]"]
                extract = {m: min(r["stages"]["extract"] for r in results if r["articles"] == n and r["mode"] == m)
                           for m in ("local[1]", "local[2]")}
                print(f"scaling efficiency at {n}: whole process {efficiency(one['seconds'], two['seconds'])}, "
                      f"extract stage {efficiency(extract['local[1]'], extract['local[2]'])}")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
