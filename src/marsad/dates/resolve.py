"""Resolve a ``DateExpr`` against the article's publication date (GUIDELINES.md, "Dates").

Rules:
- a weekday is the most recent one on or before publication (the next one when ``future``);
- أمس is the day before publication; "أمس الجمعة" is the most recent Friday on or before that day;
- الأسبوع الماضي is the previous Sunday-to-Saturday week (precision 2);
- "الأيام الثلاثة الأخيرة" is [published - 3, published] (precision 2);
- an explicit date without a year takes the year that puts it on or before publication;
- with no publication date, only expressions carrying their own year resolve; others give None.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import math

from . import DateExpr, ResolvedDate

_ONE = dt.timedelta(days=1)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular (arithmetic) Islamic calendar to Gregorian; may differ from the sighted calendar by 1-2 days."""
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439.5 - 1
    return dt.date.fromordinal(int(jd - 1721424.5))


def _nearest_hijri(month: int, day: int, published: dt.date, future: bool) -> dt.date:
    """A Hijri day and month without a year ("العاشر من محرم"): the most recent one on or before
    publication (the next one on or after it when ``future``), like a Gregorian date without a year."""
    approx = round((published.year - 621.57) * 365.2425 / 354.367)  # the Hijri year of the publication
    dates = [hijri_to_gregorian(y, month, day) for y in range(approx - 2, approx + 3)]
    if future:
        return min(d for d in dates if d >= published)
    return max(d for d in dates if d <= published)


def _days(start: dt.date, end: dt.date) -> int:
    span = (end - start).days + 1
    return 1 if span <= 1 else 2 if span <= 7 else 3


def _win(start: dt.date, end: dt.date) -> ResolvedDate:
    return ResolvedDate(start, end, _days(start, end))


def _month_last(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def _weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def _week_start(d: dt.date) -> dt.date:
    """The Sunday starting d's week (the week of Arab news: Sunday to Saturday)."""
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(expr: DateExpr, published: dt.date | None, future: bool = False) -> ResolvedDate | None:
    """The date window ``expr`` names for an article published on ``published``; None if unknown.

    A window reaching past the calendar's ends (``published`` near year 1 or 9999) is unknown too.
    """
    try:
        return _resolve(expr, published, future)
    except OverflowError:
        return None


def _resolve(expr: DateExpr, published: dt.date | None, future: bool = False) -> ResolvedDate | None:
    if isinstance(published, dt.datetime):
        published = published.date()
    future = future or expr.future
    k = expr.kind

    if k == "explicit" and expr.month and expr.day:
        if expr.calendar == "hijri":
            try:
                if expr.year:
                    g = hijri_to_gregorian(expr.year, expr.month, expr.day)
                elif published is not None:
                    g = _nearest_hijri(expr.month, expr.day, published, future)
                else:
                    return None
            except (ValueError, OverflowError):
                return None
            return ResolvedDate(g - _ONE, g + _ONE, 2)  # tabular conversion is ±1 day
        year = expr.year
        if year is None:
            if published is None:
                return None
            year = published.year
            d = _safe_date(year, expr.month, expr.day)
            if d is None:
                return None
            if not future and d > published:
                year -= 1
            elif future and d < published:
                year += 1
        d = _safe_date(year, expr.month, expr.day)
        return ResolvedDate(d, d, 1) if d else None

    if k == "month" and expr.month:
        year = expr.year
        if year is None:
            if published is None:
                return None
            year = published.year
            rel = expr.month_rel
            if rel == -1 or (rel is None and not future):
                # the most recent such month: before this month for "الماضي", on or before otherwise
                if expr.month > published.month or (rel == -1 and expr.month == published.month):
                    year -= 1
            elif rel == 1 or future:
                if expr.month < published.month or (rel == 1 and expr.month == published.month):
                    year += 1
        last = _month_last(year, expr.month)
        a, b = expr.month_part or (1, last)
        b = last if b == 0 else min(b, last)
        start, end = dt.date(year, expr.month, a), dt.date(year, expr.month, b)
        if published is not None and start <= published < end and not future:
            end = published  # "this month" so far
        return ResolvedDate(start, end, 3)

    if k == "year" and expr.year:
        return ResolvedDate(dt.date(expr.year, 1, 1), dt.date(expr.year, 12, 31), 3)

    if published is None:
        return None

    if k == "relative":
        d = published + dt.timedelta(days=expr.offset or 0)
        return ResolvedDate(d, d, 1)

    if k == "weekday" and expr.weekday is not None:
        anchor = published + dt.timedelta(days=expr.offset or 0)
        if future:
            start = _weekday_on_or_after(anchor, expr.weekday)
        else:
            start = _weekday_on_or_before(anchor, expr.weekday)
        if expr.weekday_end is not None and expr.part not in ("night", "midnight"):
            end = start + dt.timedelta(days=(expr.weekday_end - expr.weekday) % 7)
            if not future and end > published:  # "الخميس والجمعة" read back from publication
                shift = dt.timedelta(days=7)
                start, end = start - shift, end - shift
            return _win(start, end)
        return ResolvedDate(start, start, 1)

    if k == "window":
        w = expr.window
        if w == "previous_week":
            start = _week_start(published) - dt.timedelta(days=7)
            return ResolvedDate(start, start + dt.timedelta(days=6), 2)
        if w == "current_week":
            return ResolvedDate(_week_start(published), published, 2)
        if w == "previous_month":
            last = published.replace(day=1) - _ONE
            return ResolvedDate(last.replace(day=1), last, 3)
        if w == "current_month":
            return ResolvedDate(published.replace(day=1), published, 3)
        if w == "recent_hours":
            return ResolvedDate(published - _ONE, published, 2)
        if w == "last_days" and expr.days:
            return _win(published - dt.timedelta(days=expr.days), published)
        return None

    return None  # background spans without a year, unknown kinds


def default_date(published: dt.date | None) -> ResolvedDate | None:
    """The date of an event whose sentence names none: [published - 1, published], precision 2.

    Daily papers and agencies report what happened the day before or the same day; ACLED coders
    of such reports take that span rather than guessing one of the two days, and the dev gold
    codes undated events of a daily report the same way. Without a publication date: None.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is None:
        return None
    return ResolvedDate(published - _ONE, published, 2)
