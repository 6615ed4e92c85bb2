"""Date expressions: ``Mention(kind="date", value=DateExpr)``.

Finds weekdays (الخميس, مساء الأربعاء, فجر يوم الجمعة), relative days (أمس, أول من أمس, اليوم,
الليلة الماضية), "أمس الجمعة" / "اليوم (الاثنين)" as one expression, windows (الأسبوع الماضي,
خلال الأيام الثلاثة الأخيرة), explicit Gregorian dates in every month family (20 يوليو,
3 تشرين الأول (أكتوبر) 2017, 26/07/2015), Hijri dates with their Gregorian twin (the Gregorian
is taken), months and years, and background spans (منذ العام 2014, خلال الأشهر الماضية, منذ أسابيع,
من سبتمبر إلى يناير)
which carry ``meta["background"] = True``.

Matching runs a handful of regexes, compiled once per process from ``data/calendar.yaml``, over
``doc.norm.text``; offsets map back through ``doc.norm``. Mention ``meta``: ``background`` (bool),
``part`` (part of day), ``hijri`` ((y, m, d) when a Hijri twin was read), ``since`` (the expression
follows منذ), ``future`` (غدا, المقبل).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from typing import Any, Iterable, Iterator, Sequence

from ..dates import DateExpr
from ..doc import Doc, Mention
from ..lexicon.calendar import Calendar, calendar
from ..lexicon.numbers import numbers, with_clitics
from ..text.segment import Token

SCAN_LAYER = "dates.scan"  # cached scan, shared with marsad.mentions.numbers (skip digits inside dates)


class DateHit:
    """A date expression over ``doc.norm.text[nstart:nend]`` (a slots record written out: a dataclass's
    methods are compiled at every start-up)."""

    __slots__ = ("nstart", "nend", "expr", "meta", "priority")
    __match_args__ = __slots__
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, nstart: int, nend: int, expr: DateExpr, meta: dict[str, Any] | None = None,
                 priority: int = 0) -> None:
        self.nstart = nstart
        self.nend = nend
        self.expr = expr
        self.meta = {} if meta is None else meta
        self.priority = priority

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return ((self.nstart, self.nend, self.expr, self.meta, self.priority)
                == (other.nstart, other.nend, other.expr, other.meta, other.priority))  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(nstart={self.nstart!r}, nend={self.nend!r}, expr={self.expr!r}, "
                f"meta={self.meta!r}, priority={self.priority!r})")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any run of spaces."""
    uniq = sorted(set(w for w in words if w), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in uniq) + ")"


# A preposition right before a bare month name makes it a month ("في يوليو", "خلال آب", "منذ مارس").
_MONTH_PREP = re.compile(r"(?<!\w)[وف]?(?:في|خلال|منذ|حتي|مطلع|اواخر|اوائل|منتصف)\s+$")

_B = r"(?<!\w)"   # left word boundary (\w covers Arabic letters and digits)
_E = r"(?!\w)"    # right word boundary
_PFX = r"(?:[وف])?(?:ب)?"  # proclitics allowed on the first word: وأمس, وبالأمس, فجر→ no (handled as word)


class _Rx:
    """The date patterns, each compiled on first use, and the anchor words that say which to run where.

    Compiling all of them takes ~10 ms, a tenth of a one-article run's extraction, and an article's
    anchor words call for a few (``_windows``): the rest are never compiled in a short run. A pattern,
    once compiled, is a plain attribute (``__getattr__`` is asked only for a name not yet set)."""

    greg_date: re.Pattern[str]
    hijri_date: re.Pattern[str]
    numeric: re.Pattern[str]
    month: re.Pattern[str]
    month_span: re.Pattern[str]
    year: re.Pattern[str]
    bare_year: re.Pattern[str]
    relative: re.Pattern[str]
    weekday: re.Pattern[str]
    window: re.Pattern[str]
    num_window: re.Pattern[str]
    ago: re.Pattern[str]
    background: re.Pattern[str]
    link_gap: re.Pattern[str]
    since_before: re.Pattern[str]

    def __init__(self, sources: dict[str, str], num_words: dict[str, int], anchors: dict[str, frozenset[str]],
                 anchor_surface: frozenset[str]) -> None:
        self.sources = sources  # pattern name → regex source
        self.num_words = num_words
        self.anchors = anchors  # token form → names of the patterns that can match near it
        self.anchor_surface = anchor_surface  # anchors with every proclitic spelling, for a set intersection

    def __getattr__(self, name: str) -> re.Pattern[str]:
        source = self.__dict__.get("sources", {}).get(name)
        if source is None:
            raise AttributeError(name)
        pattern = re.compile(source)
        setattr(self, name, pattern)
        return pattern


@lru_cache(maxsize=None)
def _rx() -> _Rx:
    cal = calendar()
    lex = numbers()
    gm = _alt(cal.gregorian_months)
    hm = _alt(cal.hijri_months)
    wd = _alt(cal.weekdays)
    parts = _alt(cal.day_parts)
    ords = _alt(w for w, n in lex.ordinals.items() if n <= 31)
    yw = _alt(cal.year_words)
    hera = _alt(cal.hijri_era)
    gera = _alt(cal.gregorian_era)
    mrel = _alt(cal.month_past | cal.month_current | cal.month_next)
    mparts = _alt(cal.month_parts)
    rel = _alt(cal.relative_days)
    wins = _alt(cal.windows)
    closers = _alt(cal.window_closers)
    # number words usable in "الأيام الثلاثة الأخيرة": cardinals up to 30, with or without the article
    num_words: dict[str, int] = {}
    for w, n in lex.cardinals.items():
        if 2 <= n <= 30 and " " not in w:
            num_words.setdefault(w, n)
            num_words.setdefault("ال" + w, n)
    nw = _alt(num_words)

    month2 = rf"(?:\s*[(/\-]\s*{gm}\s*\)?)?"
    year_tail = rf"(?:\s*,?\s*(?:{yw}\s*)?(?P<year>\d{{4}})(?:\s*{gera}{_E})?)?"
    anchors: dict[str, set[str]] = {}

    def anchor(words: Iterable[str], *names: str, every_word: bool = False) -> None:
        for phrase in words:
            ws = phrase.split()
            for w in (ws if every_word else ws[:1]):
                if w not in ("في", "خلال", "هذا", "من", "يوم"):
                    anchors.setdefault(w, set()).update(names)

    anchor(cal.gregorian_months, "greg_date", "month", "month_span")
    anchor(cal.hijri_months, "hijri_date")
    anchor(list(cal.year_words) + ["منذ"], "year")
    anchor(cal.relative_days, "relative", every_word=True)
    anchor(cal.weekdays, "weekday")
    anchor(cal.windows, "window", every_word=True)
    anchor(["اليومين", "الاسبوعين", "الشهرين", "ساعه", "يوما", "يوم", "ايام", "اسابيع", "اسبوعا", "الايام",
            "الساعات", "الاسابيع", "الاشهر", "الشهور"], "num_window")
    anchor(["منذ", "قبل", "مرور"], "ago")
    anchor(cal.background_phrases, "background", every_word=True)
    sources = dict(
        greg_date=(
            rf"{_B}(?P<day>\d{{1,2}}|{ords})(?:\s+من)?(?:\s+شهر)?\s*(?P<mon>{gm}){_E}{month2}{year_tail}"
        ),
        hijri_date=(
            rf"{_B}(?P<day>\d{{1,2}}|{ords})(?:\s+من)?(?:\s+شهر)?\s*(?P<mon>{hm}){_E}"
            rf"(?:\s*,?\s*(?:{yw}\s*)?(?P<year>\d{{4}}))?(?:\s*(?P<era>{hera}){_E})?"
        ),
        numeric=(
            r"(?<![\d/.\-])(?:(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
            r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2})"
            # spaced slashes, as Saudi outlets write Hijri dates ("8/ 2/ 1433هـ", "26 / 9 / 1436هـ")
            r"|(?P<d3>\d{1,2}) ?/ ?(?P<m3>\d{1,2}) ?/ ?(?P<y3>\d{4}))(?![\d/.\-]\d)"
            rf"(?:\s*(?P<era>{hera}|{gera}){_E})?"
        ),
        month=(
            rf"{_B}(?:(?P<mpart>{mparts})\s+)?(?P<shahr>شهر\s+)?(?P<mon>{gm}){_E}{month2}"
            rf"(?:\s+(?P<rel>{mrel}){_E}|\s*,?\s*(?:{yw}\s*)?(?P<year>\d{{4}})(?!\d))?"
        ),
        # "من سبتمبر إلى يناير الماضيين", "خلال شهري يونيو ويوليو": a stretch of months, no event's date
        month_span=(
            rf"{_B}و?(?:من|بين|خلال|في|طيله|طوال)\s+(?:شهري?\s+)?(?P<m1>{gm}){_E}(?:\s*,?\s*\d{{4}})?"
            rf"\s+(?:الي|حتي|و)\s*(?:شهر\s+)?(?P<m2>{gm}){_E}"
            rf"(?:\s*,?\s*(?:{yw}\s*)?\d{{4}}(?!\d)|\s+(?:الماضيين|الماضيان|{mrel}){_E})?"
        ),
        year=rf"{_B}(?:{yw})\s*(?P<year>\d{{4}})(?!\d)|{_B}(?<=منذ )(?P<year2>\d{{4}})(?!\d)",
        # "في 2001" then a clause end or a function word (scanned over the whole text: في is no anchor)
        bare_year=(
            rf"{_B}و?في\s+(?P<year>(?:19|20)\d\d)(?![\d/]|[.,]\d)(?:\s*(?:{gera}){_E})?"
            rf"(?=\s*(?:[،,.؛:)»\"\]]|$|(?:{_alt(cal.bare_year_followers)}){_E}))"
        ),
        relative=(
            rf"{_B}{_PFX}(?:(?P<part>{parts})\s+(?:يوم\s+)?)?(?:يوم\s+)?(?P<rel>{rel}){_E}"
            rf"(?:[\s,()\-]*(?P<wd>{wd}){_E}\)?)?"
        ),
        weekday=(
            rf"{_B}{_PFX}(?:(?P<part>{parts})\s+)?(?:(?:يوم|نهار)\s+)?(?P<wd>{wd}){_E}"
            rf"(?:\s*(?:[-–/]|و|الي)?\s*(?P<wd2>{wd}){_E})?"
            rf"(?:\s+(?:(?P<rel>{mrel})|(?P<before_last>قبل\s+الماضيه?)){_E})?"
        ),
        window=rf"{_B}(?:و?(?:خلال|في|طيله|طوال)\s+)?(?P<win>{wins}){_E}",
        num_window=(
            rf"{_B}(?:و?(?:خلال|في|طيله|طوال|مدي)\s+)?و?"
            rf"(?:(?P<dual>اليومين|الاسبوعين|الشهرين)"
            rf"|(?:ال\s*)?(?P<n>\d{{1,3}})\s*(?P<unit1>ساعه|يوما|يوم|ايام|اسابيع|اسبوعا)"
            rf"|(?P<unit2>الايام|الساعات|الاسابيع|الاشهر|الشهور)\s+(?P<nw>{nw}))"
            rf"(?:\s+القليله)?\s+(?P<close>{closers}){_E}"
        ),
        ago=(
            # "منذ 3 سنوات", "قبل / بعد مرور [نحو، أكثر من] 3 سنوات": the time elapsed since the event told
            # ("منذ نحو 24 عاما" qualifies an ongoing state more often than an event: not widened)
            rf"{_B}و?(?:(?P<since>منذ)|(?:قبل|بعد\s+مرور)(?:\s+(?:نحو|قرابه|حوالي|زهاء|اكثر من|ما يقارب))?)\s+"
            rf"(?:(?P<n>\d{{1,3}}|{nw})\s+|(?:عده|بضعه|بضع)\s+)?"  # "قبل عدة أشهر": a few, no number
            rf"(?P<unit>يومين|ايام|يوما|يوم|اسبوعين|اسابيع|اسبوع|شهرين|اشهر|شهور|شهرا|شهر|سنتين|سنوات|سنه|عامين|اعوام|عاما|عام|عقود|عقد){_E}"
        ),
        background=rf"{_B}و?{_alt(cal.background_phrases)}{_E}",
        link_gap=rf"^[\s,()\-–/]*(?:(?:{_alt(cal.twin_links)}|{hera}|{gera}|ل|في)[\s,()\-–/]*)*$",
        since_before=rf"(?:{_alt(cal.background_since)})\s*$",
    )
    return _Rx(sources, num_words, {w: frozenset(n) for w, n in anchors.items()}, with_clitics(anchors))


def _num(s: str | None, rx: _Rx) -> int | None:
    if not s:
        return None
    s = " ".join(s.split())
    if s.isdigit():
        return int(s)
    if s in rx.num_words:
        return rx.num_words[s]
    return numbers().ordinals.get(s)


def _year_ok(y: int | None) -> bool:
    return y is None or 1900 <= y <= 2100


_WORD = re.compile(r"\w+")
_NUMERIC_HINT = re.compile(r"\d[/.\-]\d|\d ?/ ?\d")
_BARE_YEAR_HINT = re.compile(r"في\s+(?:19|20)\d\d")  # in every match of _Rx.bare_year


def _windows(text: str, tokens: Sequence[Token] | None, rx: _Rx, norms: Sequence[str] | None = None
             ) -> dict[str, list[tuple[int, int]]] | None:
    """Per pattern, the merged text windows around anchor words (None: scan the whole text).
    ``norms``: the tokens' matching forms when already at hand (``Doc.token_norms``)."""
    if tokens is None:
        return None
    spans: dict[str, list[tuple[int, int]]] = {}
    anchors = rx.anchors
    if norms is None:
        norms = [t.norm for t in tokens]
    found = rx.anchor_surface.intersection(norms)
    numeric = _NUMERIC_HINT.search(text) is not None
    if not found and not numeric:
        return {}
    n = len(text)
    # the anchor tokens, found in C: a membership test per token, no Python step for the others
    for tok in map(tokens.__getitem__, compress(range(len(norms)), map(found.__contains__, norms)) if found else ()):
        for f in tok.forms:
            names = anchors.get(f)
            if names:
                lo = max(0, tok.norm_start - 35)
                hi = min(n, tok.norm_start + len(tok.norm) + 55)
                while hi < n and text[hi].isalnum():
                    hi += 1
                for name in names:
                    spans.setdefault(name, []).append((lo, hi))
                break
    out: dict[str, list[tuple[int, int]]] = {}
    for name, ws in spans.items():
        merged: list[tuple[int, int]] = []
        for lo, hi in ws:  # tokens come in text order, so windows are sorted by lo
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        out[name] = merged
    if numeric:
        out["numeric"] = [(0, n)]
    return out


def _scan_text(text: str, cal: Calendar, rx: _Rx, tokens: Sequence[Token] | None = None,
               norms: Sequence[str] | None = None) -> list[DateHit]:
    hits: list[DateHit] = []
    add = hits.append
    wins = _windows(text, tokens, rx, norms)

    def finditer(name: str) -> Iterator[re.Match[str]]:
        if wins is None:
            yield from getattr(rx, name).finditer(text)
            return
        spans = wins.get(name)
        if spans:  # the pattern is compiled only when an anchor word calls for it
            pat: re.Pattern[str] = getattr(rx, name)
            for lo, hi in spans:
                yield from pat.finditer(text, lo, hi)

    for m in finditer("hijri_date"):
        day = _num(m["day"], rx)
        year = int(m["year"]) if m["year"] else None
        if not day or day > 30 or (year is not None and not 1300 <= year <= 1500):
            continue
        add(DateHit(m.start(), m.end(), DateExpr("explicit", day=day, month=cal.hijri_months[" ".join(m["mon"].split())],
                                                 year=year, calendar="hijri"), priority=3))

    for m in finditer("greg_date"):
        day = _num(m["day"], rx)
        year = int(m["year"]) if m["year"] else None
        if not day or day > 31 or not _year_ok(year):
            continue
        add(DateHit(m.start(), m.end(), DateExpr("explicit", day=day, month=cal.gregorian_months[" ".join(m["mon"].split())],
                                                 year=year), priority=3))

    for m in finditer("numeric"):
        if m["d"]:
            d, mo, y = int(m["d"]), int(m["m"]), m["y"]
        elif m["d3"]:
            d, mo, y = int(m["d3"]), int(m["m3"]), m["y3"]
        else:
            d, mo, y = int(m["d2"]), int(m["m2"]), m["y2"]
        year = int(y) + (2000 if len(y) == 2 else 0)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        if 1300 <= year <= 1500:
            add(DateHit(m.start(), m.end(), DateExpr("explicit", day=d, month=mo, year=year, calendar="hijri"), priority=3))
        elif _year_ok(year):
            add(DateHit(m.start(), m.end(), DateExpr("explicit", day=d, month=mo, year=year), priority=3))

    for m in finditer("month"):
        if not (m["mpart"] or m["shahr"] or m["rel"] or m["year"]) and (
                " ".join(m["mon"].split()) in cal.bare_month_unsafe
                or not _MONTH_PREP.search(text, max(0, m.start() - 14), m.start())):
            continue  # a bare month name (مارس is also a verb, آب a noun), unless "في/خلال/منذ يوليو"
        year = int(m["year"]) if m["year"] else None
        if not _year_ok(year):
            continue
        r = m["rel"]
        month_rel = None
        if r:
            r = " ".join(r.split())
            month_rel = -1 if r in cal.month_past else 1 if r in cal.month_next else 0
        part = cal.month_parts.get(" ".join(m["mpart"].split())) if m["mpart"] else None
        add(DateHit(m.start(), m.end(), DateExpr("month", month=cal.gregorian_months[" ".join(m["mon"].split())],
                                                 year=year, month_rel=month_rel, month_part=part,
                                                 future=month_rel == 1), priority=2))

    for m in finditer("month_span"):
        if m["m1"] != m["m2"]:
            add(DateHit(m.start(), m.end(), DateExpr("background", background=True), {"background": True}, priority=3))

    for m in finditer("year"):
        year = int(m["year"] or m["year2"])
        if 1900 <= year <= 2100:
            add(DateHit(m.start(), m.end(), DateExpr("year", year=year), priority=1))
    # every bare-year match holds "في" + spaces + a year: the first such stretch (found by a pattern that
    # starts with a literal, which the regex engine skips to) says where matching can begin; one char
    # earlier for a leading و (the pattern's look-behind still sees the text before that position)
    first = _BARE_YEAR_HINT.search(text)
    if first is not None:
        for m in rx.bare_year.finditer(text, max(0, first.start() - 1)):
            add(DateHit(m.start("year"), m.end(), DateExpr("year", year=int(m["year"])), priority=1))

    for m in finditer("relative"):
        rel = " ".join(m["rel"].split())
        offset = cal.relative_days[rel]
        part = cal.day_parts.get(" ".join(m["part"].split())) if m["part"] else None
        if rel == "اليوم" and not m["wd"] and not part:
            before = _WORD.findall(text, max(0, m.start() - 14), m.start())
            after = _WORD.findall(text, m.end(), m.end() + 20)
            if (before and (before[-1] in cal.today_not_before or before[-1][1:] in cal.today_not_before)) or (after and after[0] in cal.today_not_after):
                continue
        meta: dict[str, Any] = {}
        if part:
            meta["part"] = part
        if m["wd"]:
            expr = DateExpr("weekday", offset=offset, weekday=cal.weekdays[m["wd"]], part=part, future=offset > 0)
        else:
            expr = DateExpr("relative", offset=offset, part=part, future=offset > 0)
        if offset > 0:
            meta["future"] = True
        add(DateHit(m.start(), m.end(), expr, meta, priority=2))

    for m in finditer("weekday"):
        part = cal.day_parts.get(" ".join(m["part"].split())) if m["part"] else None
        r = " ".join(m["rel"].split()) if m["rel"] else None
        future = bool(r and r in cal.month_next)
        offset = -1 if (r and r in cal.month_past) else 0
        if m["before_last"]:
            offset = -8  # "الجمعة قبل الماضية": the one a week before last Friday
        meta = {"part": part} if part else {}
        if future:
            meta["future"] = True
        add(DateHit(m.start(), m.end(), DateExpr("weekday", offset=offset, weekday=cal.weekdays[m["wd"]],
                                                 weekday_end=cal.weekdays[m["wd2"]] if m["wd2"] else None,
                                                 part=part, future=future), meta, priority=1))

    for m in finditer("window"):
        name = cal.windows[" ".join(m["win"].split())]
        if name == "recent_days":
            expr = DateExpr("window", window="last_days", days=6)
        else:
            expr = DateExpr("window", window=name)
        add(DateHit(m.start(), m.end(), expr, priority=2))

    for m in finditer("num_window"):
        if m["dual"]:
            unit, n = m["dual"][2:], 2
            unit = {"يومين": "day", "اسبوعين": "week", "شهرين": "month"}[unit]
        elif m["n"]:
            n, u = int(m["n"]), m["unit1"]
            unit = "hour" if u == "ساعه" else "week" if u.startswith("اسب") else "day"
        else:
            n, u = rx.num_words[" ".join(m["nw"].split())], m["unit2"]
            unit = {"الايام": "day", "الساعات": "hour", "الاسابيع": "week"}.get(u, "month")
        if unit == "month":
            add(DateHit(m.start(), m.end(), DateExpr("background", background=True), {"background": True}, priority=2))
            continue
        days = n if unit == "day" else n * 7 if unit == "week" else max(1, -(-n // 24))
        add(DateHit(m.start(), m.end(), DateExpr("window", window="last_days", days=days), priority=2))

    for m in finditer("ago"):
        u = m["unit"]
        n = _num(m["n"], rx) if m["n"] else None
        if u in ("يومين", "اسبوعين", "شهرين", "سنتين", "عامين"):
            n = 2
        meta = {"since": True} if m["since"] == "منذ" else {}
        if u == "يوم" and n is None:
            continue  # "منذ يوم أمس", "منذ يوم الخميس": since that day, which the day's own name dates
        if u in ("يومين", "ايام", "يوما", "يوم"):
            if n is None:  # "منذ أيام": some days ago → the last week
                add(DateHit(m.start(), m.end(), DateExpr("window", window="last_days", days=6), meta, priority=2))
            elif n <= 31:
                add(DateHit(m.start(), m.end(), DateExpr("relative", offset=-n), meta, priority=2))
        elif u in ("اسبوع", "اسبوعين") and n is not None and n <= 2 or u == "اسبوع" and n is None:
            n = n or 1
            add(DateHit(m.start(), m.end(), DateExpr("window", window="last_days", days=7 * n), meta, priority=2))
        else:
            add(DateHit(m.start(), m.end(), DateExpr("background", background=True), {**meta, "background": True}, priority=2))

    for m in finditer("background"):
        add(DateHit(m.start(), m.end(), DateExpr("background", background=True), {"background": True}, priority=2))

    return _select(text, hits, rx)


def _select(text: str, hits: list[DateHit], rx: _Rx) -> list[DateHit]:
    """Keep the longest non-overlapping hits, then merge Hijri+Gregorian twins and weekday+date."""
    hits.sort(key=lambda h: (h.nstart, -(h.nend - h.nstart), -h.priority))
    chosen: list[DateHit] = []
    end = -1
    for h in hits:
        if h.nstart >= end:
            chosen.append(h)
            end = h.nend
    out: list[DateHit] = []
    for h in chosen:
        prev = out[-1] if out else None
        gap = text[prev.nend:h.nstart] if prev else ""
        if prev and len(gap) <= 40 and rx.link_gap.match(gap):
            pe, he = prev.expr, h.expr
            # "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م": keep the Gregorian twin
            if pe.calendar == "hijri" and pe.kind == "explicit" and he.kind == "explicit" and he.calendar == "gregorian":
                out[-1] = DateHit(prev.nstart, h.nend, he, {**h.meta, "hijri": (pe.year, pe.month, pe.day)}, 3)
                continue
            if he.calendar == "hijri" and he.kind == "explicit" and pe.kind == "explicit" and pe.calendar == "gregorian":
                out[-1] = DateHit(prev.nstart, h.nend, pe, {**prev.meta, "hijri": (he.year, he.month, he.day)}, 3)
                continue
            # "الأحد 20 يوليو", "يوم الخميس 12 أكتوبر": the explicit date, weekday kept in meta
            if pe.kind == "weekday" and he.kind == "explicit" and pe.offset == 0:
                out[-1] = DateHit(prev.nstart, h.nend, replace(he, part=pe.part), {**h.meta, **prev.meta, "weekday": pe.weekday}, 3)
                continue
        out.append(h)
    for h in out:
        before = text[max(0, h.nstart - 16):h.nstart]
        if rx.since_before.search(before) or text[h.nstart:h.nstart + 4] == "منذ ":
            h.meta["since"] = True
            if h.expr.kind in ("month", "year"):
                h.expr = replace(h.expr, background=True)
                h.meta["background"] = True
    return out


def scan(doc: Doc) -> list[DateHit]:
    """Date hits over ``doc.norm.text`` (cached on the doc; used by numbers and dates stages)."""
    hits = doc.layers.get(SCAN_LAYER)
    if hits is None:
        hits = _scan_text(doc.norm.text, calendar(), _rx(), doc.tokens, doc.token_norms())
        doc.layers[SCAN_LAYER] = hits
    return hits


def _token_span(doc: Doc, nstart: int, nend: int) -> tuple[int, int]:
    starts = doc.layers.get("dates.token_starts")
    if starts is None:
        starts = doc.layers["dates.token_starts"] = [t.norm_start for t in doc.tokens]
    t0 = max(0, bisect_right(starts, nstart) - 1)
    if t0 < len(doc.tokens) and doc.tokens[t0].norm_start + len(doc.tokens[t0].norm) <= nstart:
        t0 += 1
    t1 = bisect_left(starts, nend)
    return t0, max(t1, t0 + 1)


def find_dates(doc: Doc) -> None:
    """Pipeline stage: add one ``date`` mention per date expression (value: DateExpr)."""
    for h in scan(doc):
        # trim leading spaces/punctuation the regex may have consumed
        ns, ne = h.nstart, h.nend
        t = doc.norm.text
        while ns < ne and not t[ns].isalnum():
            ns += 1
        if t[ns] == "و" and ne - ns > 2 and t[ns + 1].isalpha():
            ns += 1  # the conjunction is not part of the expression
        while ne > ns and not t[ne - 1].isalnum() and not (t[ne - 1] == ")" and "(" in t[ns:ne]):
            ne -= 1
        start, end = doc.norm.orig_span(ns, ne)
        t0, t1 = _token_span(doc, ns, ne)
        sent = doc.tokens[t0].sentence if t0 < len(doc.tokens) else 0
        meta = dict(h.meta)
        meta.setdefault("background", h.expr.background)
        doc.add(Mention("date", start, end, doc.text[start:end], sent, t0, t1, h.expr, meta))
