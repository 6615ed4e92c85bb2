"""Extraction engines: run the one-article pipeline over many articles.

- ``local``: in this process, one article after another (``marsad.extract`` per article).
- ``spark``: over a Spark cluster (``pip install 'marsad[spark]'``), partitions extracted with
  ``mapPartitions``; results come back in input order and are written by the same store code.

Every engine yields ``(Article, records | None, error | None)``: the records are event dicts and
control statements (``record: "control"``); an article whose extraction fails is reported and left
out, never losing the rest of the batch.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..ingest import Article

Result = tuple[Article, "list[dict[str, Any]] | None", "str | None"]
ENGINES = ("local", "spark")


def get_engine(name: str, **options: Any):
    """A callable ``(articles: list[Article]) -> Iterator[Result]`` for the named engine."""
    if name == "local":
        from .local import local_engine
        return local_engine(options.get("workers", 1))
    if name == "spark":
        from .spark import SparkEngine
        return SparkEngine(**options)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


def extract_one(article: Article) -> Result:
    """Extract one article, catching extractor failures as a message.

    The records are the article's event dicts followed by its explicit control statements, each
    of those marked ``record: "control"`` (see ``marsad.events.model.ControlStatement``).
    """
    from .. import extract_doc

    try:
        doc = extract_doc(article.text, article.published, article.source, article.id, title=article.title,
                          url=article.url)
        records = [e.to_dict() for e in doc.events]
        records += [dict(c.to_dict(), record="control") for c in doc.layers.get("control", ())]
        return article, records, None
    except Exception as exc:  # an extractor bug on one article must not stop the run
        return article, None, f"extraction failed: {type(exc).__name__}: {exc}"


def iter_results(articles: Iterable[Article]) -> Iterator[Result]:
    for a in articles:
        yield extract_one(a)
