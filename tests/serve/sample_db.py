"""A small real-text database for the server tests, written through the Store's write API.

The articles are real (the seed AFP report in ``examples/`` and a few dev articles from
``../shared/corpus``); the events are coded here by hand from phrases found in each text, so that
evidence offsets point at the real Arabic. One extra article is hostile: its text and title carry
HTML/script that the page must show as text and never run.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.ingest import Article
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-mayadeen-afp.jsonl"
DEV = ROOT.parent / "shared" / "corpus" / "dev-articles.jsonl"

HOSTILE_ID = "hostile-xss"
HOSTILE_TEXT = (
    "حلب: قصفت قوات النظام حي الشعار في مدينة حلب يوم الأربعاء <img src=x onerror=alert(1)> "
    "وفق ما ذكر ناشطون <script>window.__pwned = 1; alert('xss')</script> في بيان.\n"
    "وقالت مصادر محلية إن القصف أدى إلى مقتل ثلاثة مدنيين."
)


def _span(text: str, phrase: str, role: str, after: int = 0) -> dict[str, Any]:
    """The phrase's first occurrence from ``after`` on (from the start if none after)."""
    i = text.find(phrase, after)
    if i < 0:
        i = text.find(phrase)
    if i < 0:
        raise ValueError(f"phrase {phrase!r} not in the article")
    return {"role": role, "start": i, "end": i + len(phrase), "text": phrase}


def _sentence(text: str, phrase: str) -> dict[str, Any]:
    """The sentence (line, or up to a full stop) holding ``phrase``, with its offsets."""
    i = text.index(phrase)
    start = max(text.rfind("\n", 0, i), text.rfind(". ", 0, i) + 1, 0)
    while start < len(text) and text[start] in "\n ":
        start += 1
    ends = [j for j in (text.find("\n", i), text.find(". ", i)) if j >= 0]
    end = min(ends) + (1 if ends and text[min(ends)] == "." else 0) if ends else len(text)
    return {"text": text[start:end], "start": start, "end": end}


# (article id, event fields, evidence phrase, [(span phrase, role)])
CODED: list[tuple[str, dict[str, Any], str, list[tuple[str, str]]]] = [
    ("seed-mayadeen-afp", dict(
        event_type="Battles", sub_event_type="Government regains territory", event_date="2017-10-12",
        time_precision=1, actor1="Military Forces of Syria", actor1_ar="قوات النظام",
        assoc_actor_1="Military Forces of Russia", actor2="Islamic State", actor2_ar="تنظيم الدولة الاسلامية",
        location="Al Mayadin", location_ar="الميادين", latitude=35.02, longitude=40.45, geo_precision=1,
        location_id="test:mayadin", country="Syria", admin1="Deir ez-Zor", fatalities=0,
        source="Syrian Observatory for Human Rights; AFP"),
     "سيطرت قوات النظام بدعم روسي الخميس",
     [("سيطرت", "cue"), ("قوات النظام", "actor1"), ("الخميس", "date"), ("الميادين", "location"),
      ("تنظيم الدولة الاسلامية", "actor2"), ("المرصد السوري لحقوق الانسان", "source")]),
    ("snn-okaz-c5533a69caf9", dict(
        event_type="Battles", sub_event_type="Armed clash", event_date="2015-07-23", time_precision=1,
        actor1="Military Forces of Turkey", actor1_ar="الجيش التركي", actor2="Islamic State", actor2_ar="داعش",
        location="Kilis", location_ar="كيليس", latitude=36.72, longitude=37.12, geo_precision=2,
        location_id="test:kilis", country="Turkey", admin1="Kilis", fatalities=2, source="Turkish General Staff"),
     "وقتل عسكري تركي وجرح اثنان آخران قرب كيليس",
     [("وقتل", "cue"), ("كيليس", "location"), ("تنظيم داعش", "actor2")]),
    ("snn-alweeam-3be57f472f0d", dict(
        event_type="Battles", sub_event_type="Armed clash", event_date="2015-08-02", time_precision=1,
        actor1="Houthi Movement", actor1_ar="الحوثي", actor2="Popular Resistance", location="Marib",
        location_ar="مأرب", latitude=15.46, longitude=45.32, geo_precision=3, location_id="test:marib",
        country="Yemen", admin1="Marib", fatalities=13, source="Local sources"),
     "قتل 13 مسلحا من ميليشات الحوثي",
     [("قتل 13 مسلحا", "fatalities"), ("الحوثي", "actor1"), ("مأرب", "location")]),
    ("snn-aljazirah-4b3beecd1a66", dict(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", event_date="2015-08-07",
        time_precision=1, actor1="Military Forces of Israel", actor1_ar="الطيران الحربي الاسرائيلي",
        actor2="Hamas", location="Nuseirat Camp", location_ar="مخيم النصيرات", latitude=31.45, longitude=34.39,
        geo_precision=2, location_id="test:nuseirat", country="Palestine", admin1="Gaza Strip", fatalities=0,
        source="Al-Jazirah"),
     "أُصيب مساء أمس الجمعة اربعة فلسطينيين",
     [("غارة", "cue"), ("الطيران الحربي الاسرائيلي", "actor1"), ("أمس الجمعة", "date")]),
    ("ant-JA-localNews-1149-20161222", dict(
        event_type="Strategic developments", sub_event_type="Arrests", event_date="2016-12-22", time_precision=2,
        actor1="Police Forces of Tunisia", actor1_ar="للحرس الوطني", location="Sidi Bouzid",
        location_ar="سيدي بوزيد", latitude=35.04, longitude=9.48, geo_precision=1, location_id="test:sidibouzid",
        country="Tunisia", admin1="Sidi Bouzid", fatalities=0, source="Ministry of Interior of Tunisia"),
     "تمكّنت فرقة الأبحاث والتفتيش للحرس الوطني",
     [("تفكيك خليّة إرهابيّة", "cue"), ("للحرس الوطني", "actor1"), ("سيدي بوزيد", "location")]),
    ("ant-JA-localNews-3412-20170413", dict(
        event_type="Protests", sub_event_type="Peaceful protest", event_date="2017-04-12", time_precision=1,
        actor1="Protesters (Tunisia)", actor1_ar="منسقو الاعتصامات", location="Tataouine", location_ar="تطاوين",
        latitude=32.93, longitude=10.45, geo_precision=1, location_id="test:tataouine", country="Tunisia",
        admin1="Tataouine", fatalities=0, source="TAP"),
     "قرر منسقو الاعتصامات في تطاوين",
     [("منسقو الاعتصامات", "actor1"), ("تطاوين", "location"), ("مساء أمس الأربعاء", "date")]),
    ("snn-3alyoum-3f4f0914de03", dict(
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        event_date="2015-08-09", time_precision=1, actor1="Unidentified Armed Group (Iraq)",
        actor2="Civilians (Iraq)", location="Baghdad", location_ar="بغداد", latitude=33.34, longitude=44.40,
        geo_precision=2, location_id="test:baghdad", country="Iraq", admin1="Baghdad", fatalities=2,
        source="Security source"),
     "وأفاد مصدر أمني عراقي أن شخصين قتلا",
     [("شخصين قتلا", "fatalities"), ("انفجارعبوة ناسفة", "cue"), ("بغداد", "location")]),
    ("snn-okaz-cbed484ebaa2", dict(
        event_type="Battles", sub_event_type="Armed clash", event_date="2015-07-30", time_precision=1,
        actor1="PKK: Kurdistan Workers Party", actor1_ar="حزب العمال الكردستاني", actor2="Police Forces of Turkey",
        actor2_ar="الشرطة التركية", location="Cinar", location_ar="تشينار", latitude=37.72, longitude=40.41,
        geo_precision=1, location_id="test:cinar", country="Turkey", admin1="Diyarbakir", fatalities=4,
        source="Anadolu; Dogan"),
     "قتل 3 من أفراد الشرطة التركية ومدني",
     [("الشرطة التركية", "actor2"), ("أمس", "date")]),
    (HOSTILE_ID, dict(
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        event_date="2016-06-01", time_precision=1, actor1="Military Forces of Syria", actor1_ar="قوات النظام",
        actor2="Civilians (Syria)", location="Aleppo <b>bold</b>", location_ar="حلب", latitude=36.20,
        longitude=37.16, geo_precision=1, location_id="test:aleppo", country="Syria", admin1="Aleppo",
        fatalities=3, source="<img src=x onerror=alert(2)>", notes="<script>window.__pwned=2</script>"),
     "قصفت قوات النظام",
     [("قصفت", "cue"), ("قوات النظام", "actor1"), ("<img src=x onerror=alert(1)>", "cue"),
      ("<script>window.__pwned = 1; alert('xss')</script>", "source")]),
]
N_EVENTS = len(CODED)


def load_articles() -> dict[str, Article]:
    """The real articles the sample codes, by id."""
    out: dict[str, Article] = {}
    wanted = {c[0] for c in CODED}
    for path in (SEED, DEV):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["id"] in wanted:
                    out[d["id"]] = Article(id=d["id"], text=d["text"], published=d.get("published"),
                                           source=d.get("source"), url=d.get("url"), title=d.get("title"))
    out[HOSTILE_ID] = Article(id=HOSTILE_ID, text=HOSTILE_TEXT, published="2016-06-02",
                              source="<script>alert(3)</script>", url="javascript:alert(4)",
                              title="<img src=x onerror=alert(5)> عنوان")
    return out


def coded_events(articles: dict[str, Article]) -> list[tuple[Article, list[dict[str, Any]]]]:
    """Each article with its hand-coded event, evidence and spans located in the real text."""
    items = []
    for aid, fields, ev_phrase, spans in CODED:
        art = articles[aid]
        ev = _sentence(art.text, ev_phrase)
        d = dict(fields, article_id=aid, confidence=0.8,
                 evidence=[ev], spans=[_span(art.text, p, r, ev["start"]) for p, r in spans])
        items.append((art, [d]))
    return items


def build(path: str | Path) -> Path:
    """Write the sample database at ``path`` (replacing it) and return the path."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with Store(path) as store:
        store.add_articles(coded_events(load_articles()))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


if __name__ == "__main__":
    import sys

    print(build(sys.argv[1] if len(sys.argv) > 1 else "sample.db"))
