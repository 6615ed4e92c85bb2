"""Read articles from Parquet files: one row per article, columns ``id``, ``text`` and optionally
``published``, ``source``, ``url``, ``title`` (the JSONL fields), as outlets' archives and data
lakes export them. Streamed by row group, so memory does not grow with the file; a row without text
is reported (file, row number, id) and skipped."""
from __future__ import annotations

import hashlib
from typing import Any, Iterator, Union

from . import Article, InputProblem

Item = Union[Article, InputProblem]
FIELDS = ("id", "text", "published", "source", "url", "title")


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if hasattr(v, "isoformat"):  # a date or timestamp column
        return v.isoformat()
    return str(v)


def read_parquet(source: Any, where: str, batch_rows: int = 1024) -> Iterator[Item]:
    """Articles of one Parquet file (a path or an open binary file)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
    except Exception as exc:  # not Parquet, truncated
        yield InputProblem(where, None, f"cannot read Parquet file: {exc}")
        return
    cols = [c for c in FIELDS if c in pf.schema_arrow.names]
    if "text" not in cols:
        yield InputProblem(where, None, f"no 'text' column (columns: {', '.join(pf.schema_arrow.names)}); file skipped")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=batch_rows, columns=cols):
        for rec in batch.to_pylist():
            row += 1
            art_id = _str(rec.get("id"))
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                yield InputProblem(f"{where}:row {row}", art_id, "article has no text; skipped")
                continue
            if art_id is None:
                art_id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            yield Article(id=art_id, text=text, published=_str(rec.get("published")), source=_str(rec.get("source")),
                          url=_str(rec.get("url")), title=_str(rec.get("title")))
