"""Marsad: Arabic news in, ACLED-coded conflict events with Arabic evidence out.

    >>> import marsad
    >>> events = marsad.extract(text, published="2017-10-12", source="AFP")

Extraction is a pure function of one article plus the shipped data files.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from .doc import Doc
from .events.model import Event
from .ingest import Article

__all__ = ["extract", "extract_doc", "extract_articles", "Event", "Article", "Doc", "parse_published"]
__version__ = "0.1.0"


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """Accept ``2017-10-12``, a full ISO timestamp, or a date; None when absent or unreadable."""
    if value is None or isinstance(value, dt.date):
        return value
    value = str(value).strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_doc(text: str, published: str | dt.date | None = None, source: str | None = None,
                article_id: str = "", title: str | None = None, url: str | None = None) -> Doc:
    """Run the whole pipeline and return the Doc with every layer (mentions, events)."""
    from .pipeline import run

    doc = Doc(text, id=article_id, published=parse_published(published), source=source, title=title, url=url)
    return run(doc)


def extract(text: str, published: str | dt.date | None = None, source: str | None = None,
            article_id: str = "") -> list[Event]:
    """Events of one article, each with its Arabic evidence and character offsets."""
    return extract_doc(text, published, source, article_id).events


def extract_articles(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Stream events over many articles; memory does not grow with their number."""
    for art in articles:
        yield art, extract_doc(art.text, art.published, art.source, art.id, title=art.title, url=art.url).events
