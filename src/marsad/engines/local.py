"""The local engine: extract in this process, in input order."""
from __future__ import annotations

from typing import Iterator, Sequence

from ..ingest import Article
from . import Result, iter_results


def extract_batch(articles: Sequence[Article]) -> Iterator[Result]:
    """``(article, event dicts, error)`` for each article, in order."""
    return iter_results(articles)
