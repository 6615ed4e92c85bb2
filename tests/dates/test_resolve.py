"""Resolving date expressions against the publication date (GUIDELINES.md, Dates)."""
import datetime as dt

from marsad.dates import DateExpr, ResolvedDate, default_date, hijri_to_gregorian, resolve

THU = dt.date(2017, 10, 12)  # the seed article: published Thursday 2017-10-12


def test_weekday_is_the_most_recent_on_or_before_publication():
    assert resolve(DateExpr("weekday", weekday=3), THU) == ResolvedDate(THU, THU, 1)  # الخميس
    assert resolve(DateExpr("weekday", weekday=6), THU) == ResolvedDate(dt.date(2017, 10, 8), dt.date(2017, 10, 8), 1)  # الأحد


def test_weekday_with_future_verb_looks_forward():
    assert resolve(DateExpr("weekday", weekday=6), THU, future=True).start == dt.date(2017, 10, 15)


def test_yesterday_and_yesterday_named_by_weekday():
    assert resolve(DateExpr("relative", offset=-1), THU).start == dt.date(2017, 10, 11)
    fri = dt.date(2015, 8, 8)  # Saturday paper: "أمس الجمعة" = Friday 7th
    assert resolve(DateExpr("weekday", offset=-1, weekday=4), fri) == ResolvedDate(dt.date(2015, 8, 7), dt.date(2015, 8, 7), 1)


def test_last_week_is_the_previous_sunday_to_saturday_window():
    assert resolve(DateExpr("window", window="previous_week"), THU) == ResolvedDate(dt.date(2017, 10, 1), dt.date(2017, 10, 7), 2)


def test_last_three_days():
    assert resolve(DateExpr("window", window="last_days", days=3), THU) == ResolvedDate(dt.date(2017, 10, 9), THU, 2)


def test_explicit_date_without_year_takes_the_year_before_publication():
    assert resolve(DateExpr("explicit", day=20, month=7), dt.date(2015, 7, 31)).start == dt.date(2015, 7, 20)
    assert resolve(DateExpr("explicit", day=20, month=12), dt.date(2016, 1, 5)).start == dt.date(2015, 12, 20)
    assert resolve(DateExpr("explicit", day=3, month=10, year=2017), None) == ResolvedDate(dt.date(2017, 10, 3), dt.date(2017, 10, 3), 1)


def test_month_past_and_month_part():
    r = resolve(DateExpr("month", month=9, month_rel=-1), THU)
    assert (r.start, r.end, r.precision) == (dt.date(2017, 9, 1), dt.date(2017, 9, 30), 3)
    r = resolve(DateExpr("month", month=10, month_rel=-1), THU)  # "تشرين الأول الماضي" in October = last year
    assert r.start == dt.date(2016, 10, 1)
    r = resolve(DateExpr("month", month=7, year=2015, month_part=(21, 0)), None)
    assert (r.start, r.end) == (dt.date(2015, 7, 21), dt.date(2015, 7, 31))


def test_no_publication_date_and_no_explicit_date_is_unknown():
    assert resolve(DateExpr("weekday", weekday=3), None) is None
    assert resolve(DateExpr("relative", offset=-1), None) is None
    assert resolve(DateExpr("explicit", day=20, month=7), None) is None
    assert default_date(None) is None


def test_background_without_a_year_does_not_resolve():
    assert resolve(DateExpr("background", background=True), THU) is None


def test_hijri_conversion_is_within_a_day_of_the_printed_twin():
    # "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م"
    assert abs((hijri_to_gregorian(1436, 10, 26) - dt.date(2015, 8, 11)).days) <= 1
    r = resolve(DateExpr("explicit", day=26, month=10, year=1436, calendar="hijri"), None)
    assert r.start <= dt.date(2015, 8, 11) <= r.end and r.precision == 2


def test_default_date_is_the_day_before_and_of_publication():
    assert default_date(dt.date(2015, 7, 26)) == ResolvedDate(dt.date(2015, 7, 25), dt.date(2015, 7, 26), 2)
    assert default_date(dt.datetime(2015, 7, 26, 9, 30)).end == dt.date(2015, 7, 26)


def test_hijri_day_and_month_without_a_year_is_the_most_recent_one():
    # "يوم 12 محرم" in an article of 2017-10-12: 12 Muharram 1439 (2 October 2017, ±1 day)
    r = resolve(DateExpr("explicit", day=12, month=1, calendar="hijri"), dt.date(2017, 10, 12))
    assert r.start <= dt.date(2017, 10, 2) <= r.end and r.precision == 2
    # "العاشر من محرم" in an article of 2015-08-08 is Ashura 1436 (3 November 2014), not a future one
    r = resolve(DateExpr("explicit", day=10, month=1, calendar="hijri"), dt.date(2015, 8, 8))
    assert r.start <= dt.date(2014, 11, 3) <= r.end
