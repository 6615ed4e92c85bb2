#!/usr/bin/env python3
"""An analyst's check of Marsad's exports on real articles (issue 14's "Done when").

    python benchmarks/analyst_check.py                    # 5,000 corpus articles into a temporary db
    python benchmarks/analyst_check.py -n 500 --db /tmp/a.db --keep

Ingests the first N articles of ``../shared/corpus/articles.jsonl.gz`` (or ``--input``), exports them
with ``marsad events`` and checks what an analyst who lives in ACLED exports, pandas, QGIS and
datasette relies on:

- the ACLED CSV opens in pandas with ACLED's dtypes (codes, counts, iso and timestamp as integers,
  coordinates as floats, dates parseable) and no empty ``iso``/``region``/``timestamp``;
- the Parquet file is typed: dates as dates, lists as lists, evidence and conflicts as structs;
- the GeoJSON is valid (every geometry through shapely) and says how many events had no point,
  and features + ``without_point`` = every exported event;
- no event date before 1990 or after its article's publication;
- datasette serves the database's views and full-text search (on loopback), when the database has
  them and datasette is installed; otherwise the check says why it was skipped.

Prints one line per check (OK / FAIL / SKIP, with figures) and exits 1 if any check failed.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"

INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
               "timestamp")
FLOAT_COLUMNS = ("latitude", "longitude")
NOT_EMPTY = ("event_id_cnty", "event_date", "iso", "region", "country", "timestamp")
EARLIEST = "1990-01-01"


class Report:
    def __init__(self) -> None:
        self.failed = 0

    def line(self, status: str, name: str, detail: str) -> None:
        if status == "FAIL":
            self.failed += 1
        print(f"{status:4}  {name}: {detail}", flush=True)


def marsad(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "marsad", *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def ingest(input_path: Path, n: int, db: Path) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        opener = gzip.open if input_path.suffix == ".gz" else open
        with opener(input_path, "rt", encoding="utf-8") as fh:
            for line in itertools.islice(fh, n):
                tmp.write(line)
    t0 = time.monotonic()
    try:
        r = marsad("ingest", tmp.name, "--db", str(db), "--no-progress")
    finally:
        os.unlink(tmp.name)
    if r.returncode not in (0,):
        print(r.stderr, file=sys.stderr)
        raise SystemExit(f"ingest failed with status {r.returncode}")
    return time.monotonic() - t0


def export(db: Path, fmt: str, out: Path) -> str:
    # every fused event, whatever its confidence: the checks count against the whole table
    r = marsad("events", "--db", str(db), "--format", fmt, "-o", str(out), "--min-confidence", "0")
    if r.returncode != 0:
        raise SystemExit(f"marsad events --format {fmt} failed ({r.returncode}): {r.stderr.strip()}")
    return r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""


def check_csv(rep: Report, path: Path, message: str) -> None:
    import pandas as pd

    from marsad.output import CSV_COLUMNS, NUMERIC_COLUMNS

    text_cols = {c: str for c in CSV_COLUMNS if c not in NUMERIC_COLUMNS}
    df = pd.read_csv(path, dtype=text_cols, keep_default_na=False, na_values={c: [""] for c in NUMERIC_COLUMNS})
    problems = []
    for c in INT_COLUMNS:
        if not pd.api.types.is_integer_dtype(df[c]):
            problems.append(f"{c} is {df[c].dtype}")
    for c in FLOAT_COLUMNS:
        if not pd.api.types.is_float_dtype(df[c]):
            problems.append(f"{c} is {df[c].dtype}")
    try:
        pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    except (ValueError, TypeError) as exc:
        problems.append(f"event_date does not parse: {exc}")
    empty = {c: int((df[c].astype(str).str.strip() == "").sum() + df[c].isna().sum()) for c in NOT_EMPTY}
    empty = {c: k for c, k in empty.items() if k}
    if empty:
        problems.append("empty cells: " + ", ".join(f"{c} {k}" for c, k in empty.items()))
    filled = {c: int((df[c].astype(str).str.strip() != "").sum()) for c in ("source_scale", "admin1", "actor2", "tags")}
    ascii_places = int(df["location"].map(lambda s: s.isascii()).sum())
    detail = (f"{len(df)} rows ({message}); ACLED dtypes; location ASCII in {ascii_places}/{len(df)}; filled: "
              + ", ".join(f"{c} {k}" for c, k in filled.items()))
    rep.line("FAIL" if problems else "OK", "ACLED CSV in pandas", "; ".join(problems) or detail)


def check_parquet(rep: Report, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    s = t.schema
    want = {"event_date": pa.types.is_date32, "time_precision": pa.types.is_integer, "fatalities": pa.types.is_integer,
            "latitude": pa.types.is_floating, "article_ids": pa.types.is_list, "sources": pa.types.is_list,
            "evidence": lambda ty: pa.types.is_list(ty) and pa.types.is_struct(ty.value_type),
            "conflicts": lambda ty: pa.types.is_list(ty) and pa.types.is_struct(ty.value_type),
            "timestamp": pa.types.is_timestamp, "iso": pa.types.is_integer}
    problems = [f"{c} is {s.field(c).type}" for c, ok in want.items() if c not in s.names or not ok(s.field(c).type)]
    n_ev = sum(1 for v in t.column("evidence").to_pylist() if v)
    rep.line("FAIL" if problems else "OK", "Parquet types",
             "; ".join(problems) or f"{t.num_rows} rows; dates date32, lists and structs typed; {n_ev} with evidence")


def check_geojson(rep: Report, path: Path, n_events: int) -> None:
    from shapely.geometry import shape

    fc = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    if fc.get("type") != "FeatureCollection":
        problems.append("not a FeatureCollection")
    bad = 0
    for f in fc.get("features", []):
        g = shape(f["geometry"])
        if not g.is_valid or g.geom_type != "Point" or not (-180 <= g.x <= 180 and -90 <= g.y <= 90):
            bad += 1
    if bad:
        problems.append(f"{bad} invalid geometries")
    n_feat, missing = len(fc.get("features", [])), fc.get("without_point")
    if missing is None:
        problems.append("no without_point count")
    elif n_feat + missing != n_events:
        problems.append(f"{n_feat} features + {missing} without point != {n_events} events")
    rep.line("FAIL" if problems else "OK", "GeoJSON", "; ".join(problems)
             or f"{n_feat} valid points (shapely), {missing} events without a point reported, of {n_events}")


def check_dates(rep: Report, db: Path) -> None:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        n, undated = conn.execute("SELECT COUNT(*), SUM(event_date IS NULL) FROM fused_events").fetchone()
        early = conn.execute("SELECT COUNT(*), MIN(event_date) FROM fused_events WHERE event_date < ?",
                             (EARLIEST,)).fetchone()
        late = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT e.fused_id) FROM events e JOIN articles a USING (article_id) "
            "WHERE e.event_date IS NOT NULL AND a.published IS NOT NULL AND e.event_date > substr(a.published, 1, 10)"
        ).fetchone()
        examples = conn.execute(
            "SELECT e.article_id, e.event_date, substr(a.published, 1, 10) FROM events e JOIN articles a USING (article_id) "
            "WHERE (e.event_date < ?) OR (a.published IS NOT NULL AND e.event_date > substr(a.published, 1, 10)) LIMIT 3",
            (EARLIEST,)).fetchall()
        unpublished = conn.execute("SELECT COUNT(*) FROM articles WHERE published IS NULL OR published = ''").fetchone()[0]
        n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    detail = (f"{n} fused events, {undated or 0} undated ({(undated or 0) / max(n, 1):.0%}); {early[0]} before 1990"
              f"{' (earliest ' + early[1] + ')' if early[0] else ''}; {late[0]} per-article events dated after "
              f"their article's publication; {unpublished} of {n_articles} articles without a publication date")
    if examples:
        detail += "; e.g. " + ", ".join(f"{a} {d} (published {p})" for a, d, p in examples)
    rep.line("FAIL" if early[0] or late[0] else "OK", "event dates", detail)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_datasette(rep: Report, db: Path) -> None:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        fts = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")]
    wanted = {"acled_events", "sources"}
    if not wanted <= views or not fts:
        rep.line("SKIP", "datasette", f"the database has no {'/'.join(sorted(wanted - views)) or 'full-text'} "
                                      "view(s)/index yet (the store's datasette work adds them)")
        return
    try:
        import datasette  # noqa: F401
    except ImportError:
        rep.line("SKIP", "datasette", "datasette is not installed (pip install datasette)")
        return
    port = free_port()
    meta = db.with_name("metadata.json")
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "-h", "127.0.0.1", "-p", str(port)]
    if meta.exists():
        cmd += ["-m", str(meta)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base, name = f"http://127.0.0.1:{port}", db.stem
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        problems, got = [], {}
        for v in sorted(wanted):
            rows = json.load(urllib.request.urlopen(f"{base}/{name}/{v}.json?_shape=array&_size=5", timeout=30))
            got[v] = len(rows)
            if not rows:
                problems.append(f"view {v} is empty")
        word = "قصف"
        sql = f"SELECT COUNT(*) AS n FROM [{fts[0]}] WHERE [{fts[0]}] MATCH :q"
        url = f"{base}/{name}.json?" + urllib.parse.urlencode({"sql": sql, "q": word, "_shape": "array"})
        hits = json.load(urllib.request.urlopen(url, timeout=30))[0]["n"]
        if not hits:
            problems.append(f"search for {word} in {fts[0]} found nothing")
        rep.line("FAIL" if problems else "OK", "datasette", "; ".join(problems)
                 or f"views {', '.join(f'{v} ({k} rows shown)' for v, k in got.items())}; {fts[0]} search "
                    f"'{word}': {hits} hits")
    except OSError as exc:
        rep.line("FAIL", "datasette", f"cannot query it on loopback: {exc}")
    finally:
        proc.terminate()
        proc.wait(10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", type=Path, default=CORPUS, help="articles JSONL(.gz) (default: the shared corpus)")
    ap.add_argument("-n", type=int, default=5000, help="articles to ingest (default 5000)")
    ap.add_argument("--db", type=Path, default=None, help="database (default: a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="use --db as it is, without ingesting")
    ap.add_argument("--keep", action="store_true", help="keep the exports beside the database")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="marsad-analyst-"))
    db = args.db or work / "analyst.db"
    if args.reuse:
        if not db.exists():
            raise SystemExit(f"--reuse: no database at {db}")
        print(f"using {db} as it is", flush=True)
    else:
        if db.exists():
            raise SystemExit(f"{db} exists: pass --reuse to check it as it is, or another --db")
        secs = ingest(args.input, args.n, db)
        print(f"ingested {args.n} articles of {args.input.name} in {secs:.0f}s into {db}", flush=True)
    out = db.parent if args.keep else work
    rep = Report()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        n_events = conn.execute("SELECT COUNT(*) FROM fused_events").fetchone()[0]
    csv_msg = export(db, "acled-csv", out / "events.csv")
    export(db, "parquet", out / "events.parquet")
    export(db, "geojson", out / "events.geojson")
    check_csv(rep, out / "events.csv", csv_msg)
    check_parquet(rep, out / "events.parquet")
    check_geojson(rep, out / "events.geojson", n_events)
    check_dates(rep, db)
    check_datasette(rep, db)
    print(f"{rep.failed} check(s) failed" if rep.failed else "all checks passed", flush=True)
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
