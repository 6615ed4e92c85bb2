"""When an event happened: its clause's date resolved against publication, else the article's main
date; events dated long before publication are background."""
from __future__ import annotations

import datetime as dt

from ..doc import Doc, Mention
from .index import Draft, MentionIndex

HISTORY_DAYS = 60


def is_history(doc: Doc, d: Draft) -> bool:
    """Told with a date long before publication ("عام 2008"): background, not a report."""
    if doc.published is None or d.date is None or d.date_mention is None:
        return False
    return (doc.published - d.date[1]).days > HISTORY_DAYS


def resolve_date(doc: Doc, m: Mention) -> tuple[dt.date, dt.date, int] | None:
    from ..dates.resolve import resolve

    r = resolve(m.value, doc.published)
    if r is None:
        return None
    return r.start, r.end, int(r.precision)


def anchor_date(doc: Doc, idx: MentionIndex) -> tuple[dt.date, dt.date, int] | None:
    """The article's main date: the first dated statement of its lead, else around publication."""
    for s in range(min(3, len(doc.sentences))):
        for m in idx.get(s, "date"):
            if m.meta.get("background"):
                continue
            r = resolve_date(doc, m)
            if r is not None:
                return r
    if doc.published is None:
        return None
    from ..dates.resolve import default_date

    r = default_date(doc.published)
    return (r.start, r.end, int(r.precision)) if r is not None else None


def is_event_date(m: Mention) -> bool:
    """A date that can date an event: not background, not the start of a span ("منذ الأسبوع الماضي")."""
    if m.meta.get("background"):
        return False
    return not (m.meta.get("since") and getattr(m.value, "kind", None) in ("window", "month", "year"))


def assign_date(doc: Doc, idx: MentionIndex, s: int, d: Draft, anchor: tuple[dt.date, dt.date, int] | None) -> None:
    dates = [m for m in idx.in_clause(s, "date", d.clause) if is_event_date(m)]
    if not dates:
        dates = [m for m in idx.get(s, "date") if is_event_date(m)]
    dates.sort(key=lambda m: abs(m.token_start - d.cue.token_start))
    for m in dates:
        r = resolve_date(doc, m)
        if r is not None:
            d.date, d.date_mention = r, m
            return
    d.date = anchor
