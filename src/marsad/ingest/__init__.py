"""Readers that turn files into Articles, reporting bad input without losing the batch.

Everything an input can hold is checked here, once, so that later stages only see well-formed
articles: text with no lone surrogates and at most ``MAX_ARTICLE_CHARS`` characters, an id that is
text, a ``published`` value that is a real date or nothing (see ``marsad.parse_published``).
A value that cannot be used is reported (``InputProblem``) naming the file, line and article; the
article is then either kept without it (``skipped=False``: a warning) or left out (``skipped=True``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_ARTICLE_CHARS = 200_000
"""Longest article text extracted. Cost is linear in length (about 12 µs a character, so 2-3 s at
this size), but no news article comes near it (the corpus's longest is 34,000 characters): longer
input is a whole site or a feed pasted as one article, and is cut at the last paragraph or sentence
break before the limit, with a warning."""

MAX_ID_CHARS = 512  # an id longer than this is a mistake (a text pasted into the id field)

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Article:
    id: str
    text: str
    published: str | None = None  # ISO date or timestamp, as given
    source: str | None = None
    url: str | None = None
    title: str | None = None
    where: str | None = field(default=None, compare=False)  # file:line it was read from (for reports)


@dataclass
class InputProblem:
    """Bad input, reported: where it is and what is wrong.

    ``skipped``: the article (or line, or file) was left out; False for a warning about an article
    that was kept (e.g. an unreadable ``published`` value, dropped).
    """

    where: str  # file[:line]
    article_id: str | None
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        art = f" (article {self.article_id})" if self.article_id else ""
        return f"{self.where}{art}: {self.message}"


def clean_text(value: str) -> tuple[str, int]:
    """``value`` with each lone surrogate (``"\\ud800"``, legal in JSON, not encodable as UTF-8)
    replaced by U+FFFD, and how many were replaced. One character for one: offsets do not move."""
    if not _SURROGATE.search(value):
        return value, 0
    n = 0

    def repl(_: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return "\ufffd"

    return _SURROGATE.sub(repl, value), n


def limit_text(text: str, limit: int = MAX_ARTICLE_CHARS) -> tuple[str, bool]:
    """``text`` cut to at most ``limit`` characters at the last paragraph break (else sentence end,
    else space) in the final tenth before the limit; and whether it was cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    floor = limit - limit // 10
    for sep in ("\n\n", "\n", ". ", ".", "؟", " "):
        k = head.rfind(sep, floor)
        if k > 0:
            return head[:k + len(sep)].rstrip(), True
    return head, True


def check_published(value: Any) -> tuple[str | None, str | None]:
    """``(published, warning)``: the value kept as given when it is a usable date, else None and why."""
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"'published' is {type(value).__name__} {str(value)[:40]!r}, not a date text; kept without a date"
    from .. import parse_published

    value, _ = clean_text(value)
    try:
        day = parse_published(value, strict=True)
    except ValueError as exc:
        return None, f"'published' {value[:40]!r}: {exc}; kept without a date"
    return (value.strip() if day is not None else None), None
