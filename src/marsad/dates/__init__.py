"""Date expressions read from text and their resolution against the publication date.

``DateExpr`` is what ``marsad.mentions.dates`` finds (the value of a ``kind="date"`` mention);
``resolve`` turns it into a ``ResolvedDate`` window with an ACLED time precision.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression as written, before resolution.

    kind:
      ``relative``   offset days from publication (أمس = -1, أول أمس = -2, اليوم = 0, غدا = +1)
      ``weekday``    a named weekday; ``offset`` is the anchor (0, or -1 for "أمس الجمعة")
      ``explicit``   day + month (+ year) ("20 يوليو", "3 تشرين الأول 2017", "26/07/2015")
      ``month``      a month, or part of one ("أيلول الماضي", "أواخر تموز 2015")
      ``year``       a year ("العام 2014")
      ``window``     relative to publication: ``window`` is previous_week | current_week |
                     previous_month | current_month | last_days (``days`` = N) | recent_hours
      ``background`` a long stretch with no pinnable day ("منذ أسابيع", "خلال الأشهر الماضية")
    """

    kind: str
    offset: int | None = None
    weekday: int | None = None        # date.weekday(): Monday = 0 … Sunday = 6
    weekday_end: int | None = None    # "الخميس والجمعة": the last weekday of a range
    day: int | None = None
    month: int | None = None
    year: int | None = None
    month_rel: int | None = None      # -1 "الماضي", 0 "الجاري", +1 "المقبل"
    month_part: tuple[int, int] | None = None  # (first day, last day; 0 = month end): "أواخر" = (21, 0)
    window: str | None = None
    days: int | None = None
    calendar: str = "gregorian"       # "hijri" when only a Hijri date was given
    part: str | None = None           # part of day: dawn, morning, noon, afternoon, evening, night
    future: bool = False              # the text points forward (غدا، المقبل)
    background: bool = False          # background span: not an event date


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A resolved date window. precision: 1 exact day, 2 within a week, 3 within a month (ACLED)."""

    start: dt.date
    end: dt.date
    precision: int

    @property
    def exact(self) -> bool:
        return self.start == self.end


from .resolve import default_date, hijri_to_gregorian, resolve  # noqa: E402

__all__ = ["DateExpr", "ResolvedDate", "resolve", "default_date", "hijri_to_gregorian"]
