"""Marsad: Arabic news in, ACLED-coded conflict events with Arabic evidence out.

    >>> import marsad
    >>> events = marsad.extract(text, published="2017-10-12", source="AFP")

Extraction is a pure function of one article plus the shipped data files.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from .doc import Doc
    from .events.model import Event
    from .ingest import Article

__all__ = ["extract", "extract_doc", "extract_articles", "Event", "Article", "Doc", "parse_published"]
__version__ = "0.1.0"
_LAZY = {"Doc": "doc", "Event": "events.model", "Article": "ingest"}


def __getattr__(name: str) -> Any:
    """``Doc``, ``Event`` and ``Article``, imported on first use: ``marsad --help`` needs none of them."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
"""Publication dates outside this range are placeholders or typing errors, never real news dates;
out-of-range values would also overflow date arithmetic (``date.max + 1 day``)."""
PLACEHOLDER_DATES = frozenset({dt.date(1970, 1, 1), dt.date(1900, 1, 1)})  # epoch zero, spreadsheet zero

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})"
                  r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def parse_published(value: str | dt.date | None, strict: bool = False) -> dt.date | None:
    """The publication day of ``value``: ``2017-10-12``, an ISO timestamp (``2017-10-12T08:30:00+03:00``,
    the day as the publisher wrote it), an RSS/e-mail date (``Thu, 12 Oct 2017 08:30:00 +0300``) or a date.

    None when absent. A value that is not one of those, not a real day, a placeholder (0001-01-01,
    9999-12-31, 1970-01-01) or outside ``PUBLISHED_RANGE`` gives None, or with ``strict`` a
    ``ValueError`` saying why.
    """
    def bad(why: str) -> None:
        if strict:
            raise ValueError(why)
        return None

    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        if not text:
            return None
        m = _ISO.fullmatch(text)
        if m:
            try:
                day = dt.date(int(m[1]), int(m[2]), int(m[3]))
                if m[4] is not None:
                    dt.time(int(m[4]), int(m[5]), int(m[6] or 0))
            except ValueError as exc:
                return bad(f"not a real date or time ({exc})")
        else:
            import email.utils

            try:
                day = email.utils.parsedate_to_datetime(text).date()
            except (TypeError, ValueError, IndexError, OverflowError):
                return bad("not a date (use YYYY-MM-DD, an ISO timestamp or an RSS date)")
    if day in PLACEHOLDER_DATES or not PUBLISHED_RANGE[0] <= day <= PUBLISHED_RANGE[1]:
        return bad(f"{day.isoformat()} is a placeholder or outside {PUBLISHED_RANGE[0].year}-{PUBLISHED_RANGE[1].year}")
    return day


def extract_doc(text: str, published: str | dt.date | None = None, source: str | None = None,
                article_id: str = "", title: str | None = None, url: str | None = None) -> Doc:
    """Run the whole pipeline and return the Doc with every layer (mentions, events)."""
    from .doc import Doc
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
