"""Loader for ``data/calendar.yaml``: month, weekday and relative-day vocabulary in matching form."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..text.normalise import fold
from . import DataFileError, load_yaml

FILE = "calendar.yaml"


@dataclass(frozen=True)
class Calendar:
    """Every key is the folded (matching) form of a phrase; see ``data/calendar.yaml`` for sources."""

    gregorian_months: dict[str, int]   # "تشرين الاول" → 10
    hijri_months: dict[str, int]       # "شوال" → 10
    weekdays: dict[str, int]           # "الخميس" → 3 (date.weekday(): Monday = 0)
    relative_days: dict[str, int]      # "اول من امس" → -2
    day_parts: dict[str, str]          # "مساء" → "evening"
    today_not_after: frozenset[str]
    today_not_before: frozenset[str]
    windows: dict[str, str]            # "الاسبوع الماضي" → "previous_week"
    window_closers: frozenset[str]
    background_phrases: tuple[str, ...]
    background_since: tuple[str, ...]
    month_past: frozenset[str]
    month_current: frozenset[str]
    month_next: frozenset[str]
    month_parts: dict[str, tuple[int, int]]
    bare_month_unsafe: frozenset[str]  # month names never read alone ("في إب" is the governorate Ibb)
    year_words: frozenset[str]
    bare_year_followers: frozenset[str]  # words after "في 2001" that show the number is a year
    hijri_era: frozenset[str]
    gregorian_era: frozenset[str]
    twin_links: tuple[str, ...]


def _words(data: dict[str, Any], key: str) -> list[str]:
    v = data.get(key, [])
    if not isinstance(v, list):
        raise DataFileError(f"{FILE}: '{key}' should be a list")
    return [fold(str(w)) for w in v]


def _numbered(data: dict[str, Any], key: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for n, words in (data.get(key) or {}).items():
        for w in words:
            out.setdefault(fold(str(w)), int(n))
    return out


@lru_cache(maxsize=None)
def calendar() -> Calendar:
    """The calendar lexicon, loaded and folded once per process."""
    d = load_yaml(FILE)
    try:
        windows = {fold(w): name for name, ws in d["windows"].items() for w in ws}
        return Calendar(
            gregorian_months=_numbered(d, "gregorian_months"),
            hijri_months=_numbered(d, "hijri_months"),
            weekdays=_numbered(d, "weekdays"),
            relative_days={fold(k): int(v) for k, v in d["relative_days"].items()},
            day_parts={fold(k): str(v) for k, v in d["day_parts"].items()},
            today_not_after=frozenset(_words(d, "today_not_after")),
            today_not_before=frozenset(_words(d, "today_not_before")),
            windows=windows,
            window_closers=frozenset(_words(d, "window_closers")),
            background_phrases=tuple(fold(w) for w in d["background"]["phrases"]),
            background_since=tuple(fold(w) for w in d["background"]["since"]),
            month_past=frozenset(_words(d, "month_past")),
            month_current=frozenset(_words(d, "month_current")),
            month_next=frozenset(_words(d, "month_next")),
            month_parts={fold(k): (int(v[0]), int(v[1])) for k, v in d["month_parts"].items()},
            bare_month_unsafe=frozenset(_words(d, "bare_month_unsafe")),
            year_words=frozenset(_words(d, "year_words")),
            bare_year_followers=frozenset(_words(d, "bare_year_followers")),
            hijri_era=frozenset(_words(d, "hijri_era")),
            gregorian_era=frozenset(_words(d, "gregorian_era")),
            twin_links=tuple(_words(d, "twin_links")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"{FILE}: unexpected structure ({exc!r}); rebuild with scripts/build_lexicons.py") from None
