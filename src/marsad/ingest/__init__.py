"""Readers that turn files into Articles, reporting bad input without losing the batch."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Article:
    id: str
    text: str
    published: str | None = None  # ISO date or timestamp, as given
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class InputProblem:
    """Bad input, reported and skipped: where it is and what is wrong."""

    where: str  # file[:line]
    article_id: str | None
    message: str

    def __str__(self) -> str:
        art = f" (article {self.article_id})" if self.article_id else ""
        return f"{self.where}{art}: {self.message}"
