"""The ingest loop hands batches to the engine ahead of storing (``read_ahead``), so a worker pool
extracts while the writer stores; what lands, and every problem reported, is the same as without."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterator, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fusion"))
from fusion_reports import ARIHA_ECO, ARIHA_JAZ, SANA_TEXT  # noqa: E402

from marsad.engines import iter_results  # noqa: E402
from marsad.ingest import Article, InputProblem  # noqa: E402
from marsad.store import Store  # noqa: E402
from marsad.store.ingest import ingest  # noqa: E402

TEXTS = (ARIHA_ECO, ARIHA_JAZ, SANA_TEXT)


def _items() -> list[Article | InputProblem]:
    """Articles with a bad line, a warning, a repeated id and an article the extractor fails on."""
    items: list[Article | InputProblem] = [
        Article(f"a{i}", TEXTS[i % 3], "2015-08-03", "X", where=f"in.jsonl:{i + 1}") for i in range(9)]
    items.insert(2, InputProblem("in.jsonl:3", None, "malformed JSON; line skipped"))
    items.insert(5, InputProblem("in.jsonl:6", "a3", "'url' is list, not text; dropped", skipped=False))
    items.insert(7, Article("a1", "نص آخر بالمعرف نفسه", "2015-08-03", "X", where="in.jsonl:8"))
    items.append(Article("broken", None, "2015-08-03", where="in.jsonl:12"))  # type: ignore[arg-type]
    return items


class Recording:
    """An in-process engine that notes when each batch is handed over and when its results are read."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def __call__(self, articles: Sequence[Article]) -> Iterator[Any]:
        name = ",".join(a.id for a in articles)
        self.log.append("start " + name)
        return self._results(name, articles)

    def _results(self, name: str, articles: Sequence[Article]) -> Iterator[Any]:
        yield from iter_results(articles)
        self.log.append("read " + name)


def _run(tmp_path: Path, read_ahead: int) -> tuple[list[tuple], list[str], Recording, Any]:
    engine = Recording()
    messages: list[str] = []
    db = tmp_path / f"ahead{read_ahead}.db"
    with Store(db) as store:
        rep = ingest(store, _items(), engine, batch_size=3, report=messages.append, read_ahead=read_ahead)
    conn = sqlite3.connect(db)
    tables = [conn.execute(f"SELECT {cols} FROM {table} ORDER BY rowid").fetchall() for table, cols in (
        ("articles", "article_id"), ("events", "event_id, article_id, sub_event_type"),
        ("errors", "stage, location, article_id, reason"), ("fused_events", "fused_id, sub_event_type"))]
    return tables, messages, engine, rep


def test_reading_ahead_stores_and_reports_what_one_batch_at_a_time_does(tmp_path):
    tables, messages, engine, rep = _run(tmp_path, 0)
    ahead_tables, ahead_messages, ahead_engine, ahead_rep = _run(tmp_path, 2)
    assert ahead_tables == tables
    assert ahead_messages == messages
    assert (ahead_rep.articles_read, ahead_rep.problems, ahead_rep.warnings, ahead_rep.duplicates,
            ahead_rep.extraction_errors) == (rep.articles_read, rep.problems, rep.warnings, rep.duplicates,
                                             rep.extraction_errors) == (11, 1, 1, 1, 1)
    assert [row[0] for row in tables[2]] == ["read", "warning", "read", "extract"]  # in the order read
    assert len(tables[0]) == 9 and tables[1]
    # one batch at a time: each is read before the next is handed over; ahead: two more are handed first
    assert engine.log[:3] == ["start a0,a1,a2", "read a0,a1,a2", "start a3,a4,a5"]
    assert ahead_engine.log[:4] == ["start a0,a1,a2", "start a3,a4,a5", "start a6,a7,a8", "read a0,a1,a2"]
