"""A deterministic stand-in extractor for store benchmarks and the resume test.

It codes an event wherever a sentence holds an event cue and one of a few dozen towns, dated by a
hash of that sentence (so wire stories reprinted by several papers give the same event on the same
day and exercise fusion). It is not Marsad's extractor: it exists so that store, fusion and resume can
be measured and tested on real corpus text independently of the extractor's state and speed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Iterator, Sequence

from marsad.events.model import Event, Evidence
from marsad.ingest import Article

CUES = (("غارات", "Air/drone strike"), ("غارة", "Air/drone strike"), ("قصف", "Shelling/artillery/missile attack"),
        ("اشتباكات", "Armed clash"), ("معارك", "Armed clash"), ("سيطر", "Government regains territory"),
        ("انتحاري", "Suicide bomb"), ("مظاهرة", "Peaceful protest"), ("اعتقال", "Arrests"))
TOWNS = {  # name: (lat, lon, country, admin1)
    "الميادين": (35.0207, 40.4528, "Syria", "Deir ez-Zor"), "البوكمال": (34.4537, 40.9365, "Syria", "Deir ez-Zor"),
    "دير الزور": (35.3359, 40.1408, "Syria", "Deir ez-Zor"), "الرقة": (35.9594, 39.0079, "Syria", "Ar-Raqqa"),
    "حلب": (36.2021, 37.1343, "Syria", "Aleppo"), "إدلب": (35.9306, 36.6339, "Syria", "Idlib"),
    "أريحا": (35.8126, 36.6107, "Syria", "Idlib"), "حمص": (34.7324, 36.7137, "Syria", "Homs"),
    "تدمر": (34.5601, 38.2676, "Syria", "Homs"), "درعا": (32.6189, 36.1021, "Syria", "Dara'a"),
    "دمشق": (33.5102, 36.2913, "Syria", "Damascus"), "دوما": (33.5711, 36.4019, "Syria", "Rural Damascus"),
    "الحسكة": (36.5024, 40.7477, "Syria", "Al-Hasakeh"), "كوباني": (36.8909, 38.3537, "Syria", "Aleppo"),
    "الموصل": (36.335, 43.1189, "Iraq", "Ninewa"), "الرمادي": (33.4258, 43.2999, "Iraq", "Al-Anbar"),
    "الفلوجة": (33.3496, 43.7858, "Iraq", "Al-Anbar"), "تكريت": (34.6071, 43.6782, "Iraq", "Salah al-Din"),
    "بغداد": (33.3406, 44.4009, "Iraq", "Baghdad"), "كركوك": (35.4681, 44.3922, "Iraq", "Kirkuk"),
    "عدن": (12.7797, 45.0367, "Yemen", "Aden"), "تعز": (13.5795, 44.0209, "Yemen", "Taizz"),
    "صنعاء": (15.3547, 44.2067, "Yemen", "Amanat al Asimah"), "مأرب": (15.4627, 45.3253, "Yemen", "Marib"),
    "صعدة": (16.9402, 43.7639, "Yemen", "Sadah"), "لحج": (13.0567, 44.8819, "Yemen", "Lahij"),
    "بنغازي": (32.1167, 20.0667, "Libya", "Benghazi"), "سرت": (31.2089, 16.5887, "Libya", "Sirte"),
    "العريش": (31.1321, 33.8033, "Egypt", "North Sinai"), "رفح": (31.2969, 34.2436, "Palestine", "Gaza Strip"),
}
_SENT = re.compile(r"[^.!?؟\n]+")
_BASE = dt.date(2015, 1, 1)


def extract(article: Article) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    for m in _SENT.finditer(article.text):
        s = m.group(0)
        cue = next((sub for c, sub in CUES if c in s), None)
        town = next((t for t in TOWNS if t in s), None)
        if not cue or not town:
            continue
        h = int(hashlib.sha1(s.strip()[:60].encode()).hexdigest(), 16)
        date = (_BASE + dt.timedelta(days=h % 730)).isoformat()
        if (cue, town, date) in seen:
            continue
        seen.add((cue, town, date))
        lat, lon, country, admin1 = TOWNS[town]
        from marsad.events.model import SUB_TO_TYPE
        deaths = re.search(r"مقتل (\d+)", s)
        events.append(Event(
            article.id, SUB_TO_TYPE[cue], cue, date, date, 1, location=town, location_ar=town, latitude=lat,
            longitude=lon, geo_precision=1, location_id=f"syn:{town}", country=country, admin1=admin1,
            actor1=("Military Forces of Syria" if cue == "Government regains territory" else None),
            fatalities=int(deaths.group(1)) if deaths else 0, source=article.source,
            evidence=[Evidence(s.strip(), m.start() + (len(s) - len(s.lstrip())), m.end() - (len(s) - len(s.rstrip())))]))
    return events


def engine(articles: Sequence[Article]) -> Iterator[tuple[Article, list[dict], None]]:
    """Same interface as ``marsad.engines`` engines."""
    for a in articles:
        yield a, [e.to_dict() for e in extract(a)], None
