"""Bring a Spark result (``marsad ingest --engine spark --out DIR``), or a country/period slice of it,
into the embedded SQLite store, for ``marsad serve``, datasette and the other commands.

The articles of the slice are added to the store with their per-article events in the canonical
fusion order (``spark_fusion.article_order``), so the store's own incremental fusion rebuilds its
fusion links, sources and actors, and reaches the fused events the Spark job wrote; :func:`load`
checks that and says how many agree. Articles already in the store are skipped (by id and content
hash), so loading twice, or loading overlapping slices, adds nothing twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from ..ingest import Article


@dataclass
class LoadReport:
    articles: int = 0
    events: int = 0
    already: int = 0
    fused_in_slice: int = 0
    fused_same: int = 0
    differing: list[str] = field(default_factory=list)

    def summary(self) -> str:
        agree = (f"{self.fused_same} of {self.fused_in_slice} fused events of the slice identical to the Spark result"
                 if self.fused_in_slice else "no fused events in the slice")
        return (f"{self.articles} articles loaded ({self.already} already stored), {self.events} events; {agree}")


def _filter(country: str | None, since: str | None, until: str | None) -> Any:
    import pyarrow.dataset as ds

    cond = None

    def both(c: Any) -> None:
        nonlocal cond
        cond = c if cond is None else cond & c

    if country:
        both(ds.field("country") == country)
    if since:
        both(ds.field("event_date") >= since)
        both(ds.field("month") >= since[:7])
    if until:
        both(ds.field("event_date") <= until)
        both(ds.field("month") <= until[:7])
    return cond


def _dataset(root: Path, name: str) -> Any:
    import pyarrow.dataset as ds

    return ds.dataset(str(root / name), format="parquet", partitioning="hive")


def load(out_dir: str | Path, store: Any, country: str | None = None, since: str | None = None,
         until: str | None = None, batch: int = 500, progress: Callable[[int], None] | None = None) -> LoadReport:
    """Load the slice (events of ``country`` dated ``since``..``until``; everything when none given)."""
    root = Path(out_dir)
    if not (root / "events").is_dir() or not (root / "articles").is_dir():
        raise FileNotFoundError(f"{root} is not a marsad Spark result (no events/ and articles/ datasets)")
    rep = LoadReport()
    cond = _filter(country, since, until)
    ev_rows = _dataset(root, "events").to_table(columns=["article_id", "order", "pos", "data"], filter=cond).to_pylist()
    by_article: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for r in ev_rows:
        by_article.setdefault(r["article_id"], []).append((r["pos"], json.loads(r["data"])))
    if not by_article:
        return rep
    import pyarrow.dataset as ds

    ids = sorted(by_article)
    arts = _dataset(root, "articles").to_table(
        columns=["article_id", "order", "published", "source", "url", "title", "text"],
        filter=ds.field("article_id").isin(ids)).to_pylist()
    control: dict[str, list[dict[str, Any]]] = {}
    if (root / "control").is_dir():
        for r in _dataset(root, "control").to_table(filter=ds.field("article_id").isin(ids)).to_pylist():
            control.setdefault(r["article_id"], []).append(json.loads(r["data"]))
    arts.sort(key=lambda a: a["order"])
    items: list[tuple[Article, list[dict[str, Any]]]] = []

    def flush() -> None:
        if items:
            st = store.add_articles(items)
            rep.articles += st.articles_added + st.articles_replaced
            rep.already += st.articles_skipped
            rep.events += st.events_added
            if progress:
                progress(len(items))
            items.clear()

    for a in arts:
        events = [{k: v for k, v in d.items() if k != "outlet"} for _, d in sorted(by_article[a["article_id"]],
                                                                                 key=lambda t: t[0])]
        art = Article(id=a["article_id"], text=a["text"], published=a["published"], source=a["source"],
                      url=a["url"], title=a["title"])
        items.append((art, events + control.get(a["article_id"], [])))
        if len(items) >= batch:
            flush()
    flush()
    _check(root, store, cond, rep)
    return rep


def _check(root: Path, store: Any, cond: Any, rep: LoadReport) -> None:
    """Compare the store's fused events with the Spark job's, for the fused events of the slice."""
    from ..fusion.incremental import FUSED_FIELDS

    fused = _dataset(root, "fused").to_table(columns=["fused_id", "data"], filter=cond).to_pylist()
    rep.fused_in_slice = len(fused)
    for r in fused:
        want = json.loads(r["data"])
        row = store.conn.execute(f"SELECT {', '.join(FUSED_FIELDS)}, article_ids FROM fused_events WHERE fused_id = ?",
                                 (r["fused_id"],)).fetchone()
        if row is None:
            rep.differing.append(r["fused_id"])
            continue
        got = dict(zip([*FUSED_FIELDS, "article_ids"], tuple(row)))
        got["article_ids"] = json.loads(got["article_ids"])
        if all(got[k] == want.get(k) for k in got):
            rep.fused_same += 1
        else:
            rep.differing.append(r["fused_id"])


def slice_names(country: str | None, since: str | None, until: str | None) -> Sequence[str]:
    """Words for the slice (for messages)."""
    return [x for x in (country, since and f"from {since}", until and f"until {until}") if x]
