"""The whole path on Spark: archive files in, per-article events and fused events out, as Parquet.

    marsad ingest s3a://bucket/cc-news/2016/ --engine spark --master yarn --out s3a://bucket/marsad/

Nothing passes through the driver but file names and a few counts:

1. **plan** (driver): list the input files (local folders, or any URL pyarrow can open: s3://,
   s3a://, hdfs://, gs://) and cut each into ``stripes`` splits, so that a single big file still
   feeds every core;
2. **extract** (executors, ``mapPartitions``): each task streams its split of its file (JSONL(.gz),
   Parquet, WARC(.gz)), keeps its stripe of the records and runs the ordinary one-article pipeline.
   The language data is loaded once per Python worker and reused by every task that worker runs
   (``spark.python.worker.reuse``). A bad record or an article whose extraction fails becomes a row of
   the ``errors`` dataset, never a failed job;
3. **write**: ``articles/`` (by month), ``events/`` (by country and month of the event), ``errors/``
   (by month), ``control/`` (explicit control statements);
4. **fuse** (executors): events are grouped by fusion block (type family × date segment, see
   ``spark_fusion``), each block fused by the store's own rules in the canonical order, and written to
   ``fused/`` (by country and month) and ``links/`` (why each report sits in its fused event).

Every dataset is written with ``mode("overwrite")`` under a fixed path, each (country, month) by one
task, through Spark's output committer: a retried task or a re-run replaces, never appends, so there
are no duplicates and no gaps. ``_marsad.json`` records the run (inputs, counts, seconds).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..fusion import rules
from ..ingest import Article, InputProblem
from . import Result
from .spark_fusion import article_order, block_key, fuse_block, prepare_events, segment_starts

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json", ".parquet", ".warc", ".warc.gz", ".txt", ".html", ".htm")
DATASETS = ("articles", "events", "errors", "control", "fused", "links")


@dataclass(frozen=True)
class Split:
    """One task's share of one input file: the records whose index is ``stripe`` modulo ``stripes``."""

    file_index: int
    path: str
    stripe: int = 0
    stripes: int = 1


@dataclass
class JobReport:
    out: str
    files: int = 0
    splits: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    duplicates: int = 0
    fused: int = 0
    blocks: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # consecutive phases: extract, write and fuse
    step_seconds: dict[str, float] = field(default_factory=dict)  # each concurrent write/fusion step, overlapping

    def summary(self) -> str:
        total = sum(self.seconds.values())
        rate = self.articles / total if total else 0.0
        return (f"{self.articles} articles from {self.files} file(s) in {total:.1f}s ({rate:.1f}/s): {self.events} events, "
                f"{self.fused} fused events in {self.blocks} fusion blocks, {self.errors} error(s), "
                f"{self.duplicates} duplicate article(s) replaced; written to {self.out}")


# ---- inputs -------------------------------------------------------------------------------------------

def _is_url(spec: str) -> bool:
    return "://" in spec and not spec.startswith("file://")


def _filesystem(url: str) -> tuple[Any, str]:
    """A pyarrow filesystem and the path in it, for s3://, s3a://, hdfs://, gs:// … URLs."""
    from pyarrow import fs

    if url.startswith(("s3a://", "s3n://")):
        url = "s3://" + url.split("://", 1)[1]
    return fs.FileSystem.from_uri(url)


def list_inputs(inputs: Sequence[str]) -> list[str]:
    """Input files, in a stable order: each spec as given, folders expanded recursively (sorted)."""
    files: list[str] = []
    for spec in inputs:
        if _is_url(spec):
            from pyarrow import fs

            filesystem, path = _filesystem(spec)
            info = filesystem.get_file_info(path)
            scheme = spec.split("://", 1)[0]
            if info.type == fs.FileType.Directory:
                found = filesystem.get_file_info(fs.FileSelector(path, recursive=True))
                files += sorted(f"{scheme}://{i.path}" for i in found
                                if i.type == fs.FileType.File and i.path.lower().endswith(SUFFIXES))
            elif info.type == fs.FileType.File:
                files.append(spec)
            else:
                raise FileNotFoundError(spec)
            continue
        p = Path(spec[len("file://"):] if spec.startswith("file://") else spec)
        if p.is_dir():
            files += [str(x) for x in sorted(p.rglob("*")) if x.is_file() and x.name.lower().endswith(SUFFIXES)]
        elif p.exists():
            files.append(str(p))
        else:
            raise FileNotFoundError(spec)
    return files


def plan(files: Sequence[str], parallelism: int, stripes: int | None = None) -> list[Split]:
    """Cut the files into splits: ``stripes`` per file, by default enough for two tasks per core."""
    if stripes is None:
        stripes = max(1, math.ceil(2 * parallelism / max(1, len(files))))
    out = []
    for i, f in enumerate(files):
        n = 1 if f.lower().endswith((".txt", ".html", ".htm")) else stripes
        out += [Split(i, f, s, n) for s in range(n)]
    return out


def _open(path: str):
    if _is_url(path):
        filesystem, p = _filesystem(path)
        return filesystem.open_input_stream(p)
    return open(path[len("file://"):] if path.startswith("file://") else path, "rb")


def read_split(split: Split) -> Iterator[tuple[int, Article | InputProblem]]:
    """``(record number, article or problem)`` of a split, streamed from its file by the executor."""
    from ..ingest.readers import read_jsonl, read_path

    name = split.path.lower()
    mine = lambda i: i % split.stripes == split.stripe  # noqa: E731
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json")):
        import gzip

        with _open(split.path) as raw:
            fh = gzip.GzipFile(fileobj=raw) if name.endswith(".gz") else raw
            for i, line in enumerate(fh):
                if mine(i):  # other stripes' lines are not even parsed
                    for item in read_jsonl([line], split.path):
                        if isinstance(item, InputProblem):
                            item.where = f"{split.path}:{i + 1}"
                        yield i + 1, item
        return
    if name.endswith((".warc", ".warc.gz")):
        from ..ingest.warc import iter_warc

        with _open(split.path) as fh:
            yield from iter_warc(fh, split.path, (split.stripe, split.stripes))
        return
    if name.endswith(".parquet"):
        from ..ingest.parquet import read_parquet

        with _open(split.path) as fh:
            for i, item in enumerate(read_parquet(fh, split.path)):
                if mine(i):
                    yield i, item
        return
    for item in read_path(Path(split.path)):  # .txt/.html: one article per (local) file
        yield 0, item


# ---- extraction (executors) ---------------------------------------------------------------------------

def _month(date: str | None) -> str:
    return date[:7] if date and len(date) >= 7 and date[4] == "-" else "unknown"


def _content_hash(a: Article) -> str:
    from ..store import content_hash

    return content_hash(a)


def extract_split(split: Split, extract_fn: Callable[[Article], Result] | None = None) -> Iterator[tuple]:
    """Rows ``(kind, article_id, (file, record), row)`` of one split: one ``article`` row per article,
    an ``event`` row per event, a ``control`` row per control statement, an ``error`` row per problem."""
    from . import extract_one

    fn = extract_fn or extract_one
    for recno, item in read_split(split):
        src = (split.file_index, recno)
        if isinstance(item, InputProblem):
            yield "error", item.article_id, src, (item.where, item.article_id, "input", item.message, "unknown")
            continue
        art, records, err = fn(item)
        if err is not None:
            yield "error", art.id, src, (f"{split.path}#{src[1]}", art.id, "extraction", err, _month(art.published))
            continue
        order = article_order(art.published, art.id)
        events = prepare_events(art.id, art.source, records or [])
        yield "article", art.id, src, (art.id, order, art.published, art.source, art.url, art.title, art.text,
                                       _content_hash(art), len(events), split.path, src[1], _month(art.published))
        for pos, d in enumerate(events):
            w = rules.window(d)
            yield "event", art.id, src, (
                d["event_id"], art.id, order, pos, rules.family(d), w[0].isoformat() if w else None,
                w[1].isoformat() if w else None, d.get("event_type"), d.get("sub_event_type"), d.get("event_date"),
                d.get("location"), d.get("admin1"), d.get("latitude"), d.get("longitude"), int(d.get("fatalities") or 0),
                d.get("country") or "unknown", _month(d.get("event_date")),
                json.dumps(d, ensure_ascii=False, default=str))
        for r in records or []:
            if r.get("record") == "control":
                yield "control", art.id, src, (art.id, order, r.get("place_id"), r.get("actor"), r.get("date"),
                                               json.dumps(r, ensure_ascii=False, default=str))


def _schemas() -> dict[str, Any]:
    from pyspark.sql.types import (DoubleType, IntegerType, LongType, StringType, StructField, StructType)

    s, i, l, d = StringType(), IntegerType(), LongType(), DoubleType()

    def schema(*cols: tuple[str, Any]) -> StructType:
        return StructType([StructField(n, t, True) for n, t in cols])

    return {
        "articles": schema(("article_id", s), ("order", s), ("published", s), ("source", s), ("url", s), ("title", s),
                           ("text", s), ("content_hash", s), ("n_events", i), ("file", s), ("record", l), ("month", s)),
        "events": schema(("event_id", s), ("article_id", s), ("order", s), ("pos", i), ("family", s), ("win_start", s),
                         ("win_end", s), ("event_type", s), ("sub_event_type", s), ("event_date", s), ("location", s),
                         ("admin1", s), ("latitude", d), ("longitude", d), ("fatalities", i), ("country", s),
                         ("month", s), ("data", s)),
        "errors": schema(("where", s), ("article_id", s), ("stage", s), ("message", s), ("month", s)),
        "control": schema(("article_id", s), ("order", s), ("place_id", s), ("actor", s), ("date", s), ("data", s)),
        "fused": schema(("fused_id", s), ("first_order", s), ("family", s), ("event_type", s), ("sub_event_type", s),
                        ("event_date", s), ("location", s), ("admin1", s), ("latitude", d), ("longitude", d),
                        ("fatalities", i), ("n_articles", i), ("n_events", i), ("country", s), ("month", s),
                        ("data", s)),
        "links": schema(("event_id", s), ("fused_id", s), ("article_id", s), ("matched_event_id", s), ("score", d),
                        ("reasons", s)),
    }


# ---- fusion (executors) -------------------------------------------------------------------------------

def _fuse_group(item: tuple[tuple[str, str], Iterable[tuple[str, int, str]]]) -> Iterator[tuple[str, tuple]]:
    _, members = item
    rows, links = fuse_block((order, pos, json.loads(data)) for order, pos, data in members)
    for r in rows:
        yield "fused", (r["fused_id"], r["first_order"], r["family"], r["event_type"], r["sub_event_type"],
                        r["event_date"], r["location"], r["admin1"], r["latitude"], r["longitude"],
                        int(r["fatalities"] or 0), r["n_articles"], r["n_events"], r["country"] or "unknown",
                        _month(r["event_date"]), json.dumps(r, ensure_ascii=False, default=str))
    for k in links:
        yield "link", (k["event_id"], k["fused_id"], k["article_id"], k["matched_event_id"], k["score"],
                       json.dumps(k["reasons"], ensure_ascii=False))


@dataclass
class _Census:
    counts: dict[str, int]  # rows of each kind
    ids: dict[str, list[tuple[tuple[int, int], int]]]  # article id seen more than once -> [(source, events)]
    days: dict[tuple[str, str], str]  # (family, first day or "undated") -> latest last day: a small table


def _census_part(rows: Iterable[tuple]) -> Iterator[tuple[tuple[str, Any], Any]]:
    """One partition's share of the census, pre-aggregated: ``(("n", kind), count)``, ``(("id", article
    id), [(source, events)])`` and ``(("day", (family, day)), latest end)``."""
    counts: dict[str, int] = {}
    days: dict[tuple[str, str], str] = {}
    for kind, aid, src, row in rows:
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "article":
            yield ("id", aid), [(tuple(src), row[8])]
        elif kind == "event":
            k = (row[4], row[5] or "undated")
            days[k] = max(days.get(k, ""), row[6] or "")
    for kind, n in counts.items():
        yield ("n", kind), n
    for k, end in days.items():
        yield ("day", k), end


def _merge(a: Any, b: Any) -> Any:
    if isinstance(a, list):
        return a + b
    return a + b if isinstance(a, int) else max(a, b)


def _census(rows: Any, partitions: int) -> _Census:
    found = (rows.mapPartitions(_census_part).reduceByKey(_merge, partitions)
             .filter(lambda kv: kv[0][0] != "id" or len(kv[1]) > 1).collect())
    c = _Census({}, {}, {})
    for (what, key), value in found:
        {"n": c.counts, "id": c.ids, "day": c.days}[what][key] = value
    return c


def _days(rows: Any) -> dict[tuple[str, str], str]:
    return dict(rows.filter(lambda r: r[0] == "event").map(lambda r: ((r[3][4], r[3][5] or "undated"), r[3][6] or ""))
                .reduceByKey(max).collect())


# ---- the job ------------------------------------------------------------------------------------------

class _Progress(threading.Thread):
    """A driver-side progress bar: tasks done in the running stage (from Spark's status tracker)."""

    def __init__(self, sc: Any) -> None:
        super().__init__(daemon=True)
        from tqdm import tqdm

        self.sc, self.stop_flag, self.stage, self.label = sc, threading.Event(), -1, "spark"
        self.bar = tqdm(total=0, unit="task", file=sys.stderr, dynamic_ncols=True, desc="spark")

    def run(self) -> None:
        while not self.stop_flag.wait(0.5):
            try:
                st = self.sc.statusTracker()
                stages = [st.getStageInfo(s) for s in st.getActiveStageIds()]
                stages = [s for s in stages if s is not None]
                if stages:
                    s = stages[0]
                    if s.stageId != self.stage:  # a new stage: a fresh bar (its own count and rate)
                        self.stage = s.stageId
                        self.bar.reset(total=s.numTasks)
                        self.bar.set_description(f"{self.label} (stage {s.stageId})")
                    self.bar.n = s.numCompletedTasks
                    self.bar.refresh()
            except Exception:  # the tracker is best-effort; never let the bar break the job
                pass

    def close(self) -> None:
        self.stop_flag.set()
        self.join(timeout=2)
        self.bar.close()


# A local master runs the whole job (driver and executor) in one JVM whose data work is small (tens of
# MB of rows), next to the Python workers that do the real work on the same cores. HotSpot's C2
# compiler and G1's concurrent threads would spend more CPU than the job itself (measured: 27 s of
# JIT-compiler CPU against 34 s of extraction on 10,000 articles), taking it from the workers. C1 only
# and the serial collector cut that; a cluster's executors keep the JVM defaults.
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def local_defaults(master: str | None) -> dict[str, str]:
    """Settings for a JVM this process starts with a local master: the JVM options above. (Spark's 200
    default shuffle partitions never apply: every shuffle of the job sets its own count.)"""
    if master is not None and not master.startswith("local"):
        return {}
    if os.environ.get("PYSPARK_GATEWAY_PORT"):  # under spark-submit or an existing JVM: options are set
        return {}
    return {"spark.driver.extraJavaOptions": LOCAL_JVM_OPTIONS}


def spark_session(master: str | None = None, app_name: str = "marsad", conf: dict[str, str] | None = None) -> Any:
    """A SparkSession (the existing one under spark-submit; ``local[*]`` when nothing says otherwise)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers: this interpreter
    b = SparkSession.builder.appName(app_name)
    if master:
        b = b.master(master)
    defaults = {"spark.python.worker.reuse": "true", "spark.sql.sources.partitionOverwriteMode": "static",
                "spark.ui.showConsoleProgress": "false", **local_defaults(master)}
    for k, v in {**defaults, **(conf or {})}.items():
        b = b.config(k, v)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _join(out: str, name: str) -> str:
    return out.rstrip("/") + "/" + name


def run_job(inputs: Sequence[str], out: str, spark: Any = None, master: str | None = None,
            stripes: int | None = None, extract_fn: Callable[[Article], Result] | None = None,
            progress: bool = False, say: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> JobReport:
    """Extract and fuse every article of ``inputs`` on Spark; write the datasets under ``out``."""
    from pyspark import StorageLevel

    own = spark is None
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    rep = JobReport(out=out)
    bar = _Progress(sc) if progress else None
    if sc.uiWebUrl:
        say(f"Spark UI: {sc.uiWebUrl}")
    if bar:
        bar.start()
    schemas = _schemas()

    def phase(name: str) -> None:  # names the Spark jobs (UI) and the progress bar
        sc.setJobDescription(name)
        if bar:
            bar.label = name

    try:
        t = time.perf_counter()
        files = list_inputs(inputs)
        splits = plan(files, sc.defaultParallelism, stripes)
        rep.files, rep.splits = len(files), len(splits)
        phase("extract")
        rows = (sc.parallelize(splits, max(1, len(splits)))
                .mapPartitions(lambda it: (r for s in it for r in extract_split(s, extract_fn)))
                .persist(StorageLevel.DISK_ONLY))  # memory stays flat: the corpus is never held
        # One pass over the rows (the one that computes them) gives the counts, the duplicate ids and the
        # fusion blocks' day table, instead of a job for each.
        census = _census(rows, max(1, sc.defaultParallelism))
        # the same article id twice: the later record wins, as a re-ingested article replaces the stored one
        losers = {(aid, src) for aid, srcs in census.ids.items() for src, _ in sorted(srcs)[:-1]}
        rep.duplicates = len(losers)
        rep.articles = census.counts.get("article", 0) - len(losers)
        rep.events = census.counts.get("event", 0) - sum(n for srcs in census.ids.values() for _, n in sorted(srcs)[:-1])
        rep.errors = census.counts.get("error", 0)
        days = census.days
        if losers:
            gone = sc.broadcast(losers)
            rows = rows.filter(lambda r: r[0] == "error" or (r[1], tuple(r[2])) not in gone.value)
            days = _days(rows)  # the replaced articles' events leave the day table too (rare: recomputed)
        rep.seconds["extract"] = round(time.perf_counter() - t, 2)

        def frame(kind: str, name: str) -> Any:
            if not census.counts.get(kind):  # nothing of this kind (often: errors): no pass over the rows
                return spark.createDataFrame([], schemas[name])
            return spark.createDataFrame(rows.filter(lambda r: r[0] == kind).map(lambda r: r[3]), schemas[name])

        def write(df: Any, name: str, parts: Sequence[str], sort: Sequence[str]) -> None:
            sc.setJobDescription(f"write {name}")  # per thread: the writes run concurrently (below)
            n = max(1, 2 * sc.defaultParallelism)
            w = df.repartition(n, *parts) if parts else df.coalesce(n)  # one task (one file) per partition dir
            w.sortWithinPartitions(*sort).write.mode("overwrite").partitionBy(*parts).parquet(_join(out, name))

        def fuse() -> int:
            sc.setJobDescription("fuse")
            events = rows.filter(lambda r: r[0] == "event").map(lambda r: r[3])
            fused = (events.map(lambda e: (block_key({"event_type": e[7], "sub_event_type": e[8], "event_date": e[5],
                                                      "event_date_end": e[6], "event_id": e[0]}, segments.value),
                                           (e[2], e[3], e[17])))
                     .groupByKey(max(1, sc.defaultParallelism * 2))
                     .flatMap(_fuse_group)
                     .persist(StorageLevel.DISK_ONLY))  # memory stays flat: the corpus is never held
            try:
                write(spark.createDataFrame(fused.filter(lambda r: r[0] == "fused").map(lambda r: r[1]), schemas["fused"]),
                      "fused", ["country", "month"], ["first_order", "fused_id"])
                write(spark.createDataFrame(fused.filter(lambda r: r[0] == "link").map(lambda r: r[1]), schemas["links"]),
                      "links", [], ["fused_id", "event_id"])
                sc.setJobDescription("fuse")
                return fused.filter(lambda r: r[0] == "fused").count()
            finally:
                fused.unpersist()

        segments = sc.broadcast(segment_starts((f, d, end) for (f, d), end in days.items() if d != "undated"))
        rep.blocks = sum(len(v) for v in segments.value.values()) + len({f for (f, d) in days if d == "undated"})
        # The writes and the fusion read the persisted rows and nothing of each other: they run as
        # concurrent Spark jobs (one driver thread each), so that one job's planning, commit and last
        # straggling task overlap with another's tasks instead of leaving cores idle between small jobs.
        t = time.perf_counter()
        phase("write and fuse")
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("fuse", fuse),
            ("articles", lambda: write(frame("article", "articles"), "articles", ["month"], ["order"])),
            ("events", lambda: write(frame("event", "events"), "events", ["country", "month"], ["order", "pos"])),
            ("control", lambda: write(frame("control", "control"), "control", [], ["order", "place_id"])),
            ("errors", lambda: write(frame("error", "errors"), "errors", ["month"], ["where"])),
        ]
        done = _concurrently(steps)
        rep.fused = done["fuse"][0]
        rep.seconds["write and fuse"] = round(time.perf_counter() - t, 2)
        rep.step_seconds = {name: secs for name, (_, secs) in done.items()}
        rows.unpersist()
        _write_manifest(sc, out, dict(asdict(rep), inputs=list(inputs), spark=spark.version,
                                  master=sc.master, finished=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    finally:
        if bar:
            bar.close()
        if own:
            spark.stop()
    return rep


def _concurrently(steps: Sequence[tuple[str, Callable[[], Any]]]) -> dict[str, tuple[Any, float]]:
    """Run each step in its own thread (each submits its own Spark jobs); ``{name: (result, seconds)}``.
    The first failure is raised once every step has ended."""
    from concurrent.futures import ThreadPoolExecutor

    def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
        t = time.perf_counter()
        return fn(), round(time.perf_counter() - t, 2)

    with ThreadPoolExecutor(max_workers=len(steps), thread_name_prefix="marsad-step") as pool:
        futures = {name: pool.submit(timed, fn) for name, fn in steps}
        return {name: f.result() for name, f in futures.items()}


def _write_manifest(sc: Any, out: str, info: dict[str, Any]) -> None:
    """``_marsad.json`` beside the datasets (through Hadoop's filesystem for URLs: s3a://, hdfs://, dbfs:/)."""
    text = json.dumps(info, ensure_ascii=False, indent=1)
    if _is_url(out) or out.startswith("dbfs:"):
        path = sc._jvm.org.apache.hadoop.fs.Path(_join(out, "_marsad.json"))
        stream = path.getFileSystem(sc._jsc.hadoopConfiguration()).create(path, True)
        stream.write(bytearray(text.encode("utf-8")))
        stream.close()
    else:
        Path(out[len("file://"):] if out.startswith("file://") else out, "_marsad.json").write_text(text, encoding="utf-8")


def cli_run(args: Any) -> int:
    """``marsad ingest INPUT... --engine spark [--master URL] --out DIR`` (see ``cli/ingest.py``)."""
    if args.engine != "spark":
        print("error: --out writes a Spark result; use it with --engine spark", file=sys.stderr)
        return 2
    if "-" in args.inputs:
        print("error: the Spark engine reads files (local paths or URLs), not stdin", file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        from .spark import INSTALL_HINT

        print(f"error: {INSTALL_HINT}", file=sys.stderr)
        return 2
    try:
        progress = sys.stderr.isatty() if getattr(args, "progress", None) is None else args.progress
        rep = run_job(args.inputs, args.out, master=args.spark_master, progress=progress)
    except FileNotFoundError as exc:
        print(f"error: no such file or folder: {exc}", file=sys.stderr)
        return 2
    print(rep.summary(), file=sys.stderr)
    print(f"next: marsad load {args.out} --db marsad.db [--country C --since D --until D]", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``spark-submit``: the master and resources come from spark-submit's options.

        spark-submit [options] path/to/marsad/engines/spark_job.py INPUT... --out DIR [--stripes N]
    """
    import argparse

    ap = argparse.ArgumentParser(prog="spark_job.py", description="marsad on a Spark cluster (see docs/spark.md)")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders: local paths or s3a://, hdfs:// URLs")
    ap.add_argument("--out", required=True, metavar="DIR", help="where the Parquet datasets go")
    ap.add_argument("--stripes", type=int, default=None, help="tasks per input file (default: 2 per core overall)")
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args(argv)
    rep = run_job(args.inputs, args.out, stripes=args.stripes, progress=not args.no_progress)
    print(rep.summary(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
