"""When an event happened: its clause's date resolved against publication, else the article's main
date; events dated long before publication are background."""
from __future__ import annotations

import datetime as dt

from ..doc import Doc, Mention
from .index import MARKERS, Draft, MentionIndex, is_marked

HISTORY_DAYS = 35

# No event of a news corpus is dated before this (older dates are history told as background).
EARLIEST_EVENT = dt.date(1990, 1, 1)

ANNOUNCE_VERBS = MARKERS["announce"]
COMPLEMENTIZERS = MARKERS["complementizer"]
ATTRIBUTIONS = MARKERS["attribution"]
RELATIVES = MARKERS["relative"]
PERIOD_SPAN_OPENERS = MARKERS["period_span_opener"]
# How far back an incident told by reference ("التفجير الذي …") with no date of its own may lie.
REFERENCE_DAYS = 7


def is_history(doc: Doc, d: Draft) -> bool:
    """Told with a date long before publication ("عام 2008"), or before 1990 whatever the
    publication ("تفجيرات السفارة الأميركية عام 1984"): background, not a report."""
    if d.date is None or d.date_mention is None:
        return False
    if d.date[1] < EARLIEST_EVENT or is_span_date(doc, d.date_mention):
        return True
    if getattr(d.date_mention.value, "kind", None) == "year":
        return True  # "عقب المظاهرات الفلسطينية عام 2014": no day or week can be pinned down (GUIDELINES)
    now = doc.published if doc.published is not None else story_now(doc)
    if now is None:
        return False
    return (now - d.date[1]).days > HISTORY_DAYS


def is_span_date(doc: Doc, m: Mention) -> bool:
    """A month or year told as the stretch a total covers ("93 مدنيا قتلوا في تعز … خلال يوليو الماضي",
    "طوال عام 2014"): what it dates is a tally, not one event."""
    if getattr(m.value, "kind", None) not in ("month", "year"):
        return False
    sent = doc.sentences[m.sentence]
    before = doc.tokens[max(sent.token_start, m.token_start - 2):m.token_start]
    return any(is_marked(t, PERIOD_SPAN_OPENERS) for t in before)


def story_now(doc: Doc) -> dt.date | None:
    """For an article without a publication date: the latest day its own full dates name (a date
    with a year). An event dated well before it is background, as it would be before publication."""
    if "story_now" not in doc.layers:
        from ..dates.resolve import resolve

        latest = None
        for m in doc.mentions:
            if m.kind != "date" or getattr(m.value, "year", None) is None:
                continue
            r = resolve(m.value, None)
            if r is not None and (latest is None or r.end > latest):
                latest = r.end
        doc.layers["story_now"] = latest
    return doc.layers["story_now"]


def resolve_date(doc: Doc, m: Mention) -> tuple[dt.date, dt.date, int] | None:
    """The window a date mention names, or None when it cannot date an event: unresolvable or
    (told in the past tense) after the article's publication."""
    from ..dates.resolve import resolve

    r = resolve(m.value, doc.published)
    if r is None:
        return None
    published = _published_day(doc)
    if published is not None and r.start > published and not getattr(m.value, "future", False):
        return None
    return r.start, r.end, int(r.precision)


def _published_day(doc: Doc) -> dt.date | None:
    """The article's publication day (a datetime's date), or None."""
    return doc.published.date() if isinstance(doc.published, dt.datetime) else doc.published


def is_announcement_date(doc: Doc, m: Mention) -> bool:
    """A date that dates a statement, not what it reports: it follows a verb of saying and comes
    before that verb's "أن/إن" ("أعلن حلف الناتو اليوم (السبت)، أن جنديا … قتلوا"), or the verb follows
    "بحسب ما" ("قتل 30 شخصا … الثلاثاء، بحسب ما أفادت مصادر أمنية أمس الأربعاء")."""
    return announcement_kind(doc, m) is not None


def announcement_kind(doc: Doc, m: Mention) -> str | None:
    """How a date dates a statement (see :func:`is_announcement_date`): "stated" (before the verb's
    أن), "attributed" (after "بحسب ما" + verb: the report's day, the day of the event when the text
    gives no other), or None."""
    toks = doc.tokens
    s = doc.sentences[m.sentence]

    def is_word(i: int, words: frozenset[str]) -> bool:
        return any(f in words for f in (toks[i].norm, *toks[i].forms))

    verbs = [i for i in range(max(s.token_start, m.token_start - 5), m.token_start) if is_word(i, ANNOUNCE_VERBS)]
    if not verbs:
        return None
    if any(is_word(i, COMPLEMENTIZERS) for i in range(m.token_end, min(s.token_end, m.token_end + 3))):
        return "stated"
    if any(is_word(i, ATTRIBUTIONS) for i in range(max(s.token_start, verbs[0] - 2), verbs[0])):
        return "attributed"  # "بحسب ما أفادت مصادر أمنية أمس الأربعاء": the day of the report
    return None


ANCHOR_COARSEST = 3  # time precision (1 day, 2 week, 3 month or year) too coarse to be the story's day


def anchor_date(doc: Doc, idx: MentionIndex) -> tuple[dt.date, dt.date, int] | None:
    """The article's main date: the first dated statement of its lead, else the day its lead's report
    is attributed to ("وفق ما أفادت مصادر عسكرية اليوم"), else around publication."""
    attributed = None
    published = _published_day(doc)
    for s in range(min(3, len(doc.sentences))):
        for m in idx.get(s, "date"):
            if m.meta.get("background"):
                continue
            kind = announcement_kind(doc, m)
            if kind == "stated":
                continue
            r = resolve_date(doc, m)
            if r is not None and r[2] >= ANCHOR_COARSEST and doc.published is None:
                # undated article: "منذ الإطاحة بمعمر القذافي وقتله في 2011" is background, not the story's day
                # (with a publication date, a year long past makes the event history instead)
                continue
            if r is not None and published is not None and r[0] > published:
                continue  # "تعقد الحكومة غدا الأحد جلسة": a day to come dates no event the article reports
            if r is not None and r[1] >= EARLIEST_EVENT and not (
                    doc.published is not None and (doc.published - r[1]).days > HISTORY_DAYS):
                if kind is None:
                    return r  # (a date long past is the story's background, not its day)
                attributed = attributed or r
    if attributed is not None:
        return attributed
    idx.anchor_default = True
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
    usable = [m for m in idx.get(s, "date") if is_event_date(m) and not is_announcement_date(doc, m)
              and not _in_charge(idx, s, m)]
    dates = [m for m in usable if idx.clause(m) == d.clause]
    if not dates and is_reference(doc, d.cue):
        # "جراء التفجير الذي استهدف، الثلاثاء، محافظ قندهار": the relative clause runs past the commas
        # and dates the incident it names
        dates = [m for m in usable if m.token_start > d.cue.token_start][:1]
        if not dates and not _told_dated_before(idx, s, d):
            # "… بعد أن قدم العزاء (اليوم) في حادث التفجير الذي …": the other clauses date the reaction
            published = _published_day(doc)
            d.date = None if published is None else (published - dt.timedelta(days=REFERENCE_DAYS), published, 2)
            return
    if not dates:
        dates = list(usable)
    dates.sort(key=lambda m: abs(m.token_start - d.cue.token_start))
    for m in dates:
        r = resolve_date(doc, m)
        if r is not None:
            d.date, d.date_mention = r, m
            return
    if dates and doc.published is None:
        # "شنت الطائرات التركية أمس نحو 30 غارة" in an undated article: its day is told but cannot be
        # known; the lead's other dates are not its day (GUIDELINES: no publication date, no explicit
        # date: the date is unknown)
        d.date = None
        return
    if idx.anchor_default:
        # the lead dates nothing but statements: a statement's own day is the best date left
        # ("قال المرصد أمس الاثنين إن … قتلوا في غارة")
        for m in idx.get(s, "date"):
            if is_event_date(m) and is_announcement_date(doc, m):
                r = resolve_date(doc, m)
                if r is not None:
                    d.date, d.date_mention = r, m
                    return
    d.date = anchor


def _in_charge(idx: MentionIndex, s: int, m: Mention) -> bool:
    """A date inside the charge an arrest is for ("المطلوب بجرائم احتجاز أشخاص خلال عام 2014") dates the
    crime charged, not the arrest; after a relative pronoun ("المتهم بالوقوف خلف العملية التي وقعت في
    20 يوليو") it dates the incident told."""
    clause = idx.clause(m)
    toks = idx.doc.tokens
    return any(b.value == "charge" and b.token_start < m.token_start
               and not any(t.norm in RELATIVES for t in toks[b.token_end:m.token_start])
               for b in idx.in_clause(s, "blocker", clause))


def _told_dated_before(idx: MentionIndex, s: int, d: Draft) -> bool:
    """Does an earlier clause of the sentence tell the incident with a date ("انفجارا وقع … اليوم،
    … الانفجار الذي …")? Then the reference points back to it and takes its date."""
    for c in idx.get(s, "cue"):
        if c.start >= d.cue.start or getattr(c.value, "sub", "") in ("kill", "wound"):
            continue
        clause = idx.clause(c)
        if any(is_event_date(m) for m in idx.in_clause(s, "date", clause)):
            return True
    return False


DEMONSTRATIVES = MARKERS["demonstrative"]
SITE_NOUNS = MARKERS["site"]
SITE_PLACES = MARKERS["site_place"]
VISIT_WORDS = MARKERS["visit"]
VISIT_REACH = 3  # words from a verb of visiting to the site noun ("وقف … ظهر أمس على موقع")
PARTITIVES = MARKERS["partitive"]
AFTER_WORDS = MARKERS["after"]


def points_back(doc: Doc, cue: Mention) -> bool:
    """A definite event noun after a demonstrative ("تلك الغارات", "هذا الهجوم"), after its traces ("آثار
    التفجير") or its site visited ("تفقد موقع الهجوم"): the event already told, not a new one; "أحد هذه
    الهجمات" (one of them) tells one of its own."""
    toks = doc.tokens
    i = cue.token_start
    if i == 0 or not toks[i].norm.lstrip("وفبل").startswith("ال"):
        return False
    if toks[i - 1].norm in AFTER_WORDS and cue.value.needs_actor and toks[i - 1].sentence == toks[i].sentence:
        # "بعد الهجوم." ending the sentence: the attack told before, not one of its own
        return cue.token_end >= doc.sentences[cue.sentence].token_end
    if toks[i - 1].sentence == toks[i].sentence and is_marked(toks[i - 1], SITE_NOUNS):
        return True  # "آثار التفجير": the traces of the event already told
    if toks[i - 1].sentence == toks[i].sentence and is_marked(toks[i - 1], SITE_PLACES) \
            and any(t.sentence == toks[i].sentence and is_marked(t, VISIT_WORDS)
                    for t in toks[max(0, i - 1 - VISIT_REACH):i - 1]):
        return True  # "وقف أمير المنطقة على موقع التفجير": the site of the event already told, visited
    if toks[i - 1].norm not in DEMONSTRATIVES or toks[i - 1].sentence != toks[i].sentence:
        return False
    # "أحد هذه الهجمات", "ستا من هذه الغارات": some of them, told with their own detail
    return not (i >= 2 and (toks[i - 2].norm in PARTITIVES or toks[i - 2].norm == "من"))


def is_reference(doc: Doc, cue: Mention) -> bool:
    """A definite event noun followed (after at most one adjective) by a relative pronoun:
    "التفجير الذي …", "الهجوم الإرهابي الذي …"."""
    toks = doc.tokens
    if not toks[cue.token_start].norm.lstrip("وفب").startswith("ال"):
        return False
    end = doc.sentences[cue.sentence].token_end
    for i in range(cue.token_end, min(end, cue.token_end + 2)):
        if toks[i].norm in RELATIVES:
            return True
        if not toks[i].norm.startswith("ال"):
            return False
    return False
