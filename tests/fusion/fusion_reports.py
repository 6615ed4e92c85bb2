"""Real Arabic reports of the same events from different outlets, and the events a coder reads from them.

The AFP text is the seed (../shared/examples/seed-mayadeen-afp.txt); the SANA report is written in the
style of the corpus' wire copy; the Ariha reports are short quotes of three Saudi papers reprinting the
same Reuters story (../shared/corpus/articles.jsonl.gz). Events are built by hand so that fusion is
tested independently of the extractor's recall.
"""
from __future__ import annotations

from pathlib import Path

from marsad.events.model import Event, Evidence, Span
from marsad.ingest import Article

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "seed-mayadeen-afp.txt"

MAYADIN = dict(location="Al Mayadin", location_ar="الميادين", latitude=35.0207, longitude=40.4528, geo_precision=1,
               location_id="geonames:173480", country="Syria", admin1="Deir ez-Zor", admin2="Al Mayadin")
BUKAMAL = dict(location="Al Bukamal", location_ar="البوكمال", latitude=34.4537, longitude=40.9365, geo_precision=1,
               location_id="gn:172515", country="Syria", admin1="Deir ez-Zor", admin2="Al Bukamal")
DEIR_EZZOR_GOV = dict(location="Deir ez-Zor", location_ar="ريف دير الزور الشرقي", latitude=35.0, longitude=40.5,
                      geo_precision=3, location_id="adm1:SY09", country="Syria", admin1="Deir ez-Zor")
ARIHA = dict(location="Ariha", location_ar="أريحا", latitude=35.8126, longitude=36.6107, geo_precision=1,
             location_id="gn:174448", country="Syria", admin1="Idlib")
REGIME = dict(actor1="Military Forces of Syria", actor1_ar="قوات النظام")
IS2 = dict(actor2="Islamic State", actor2_ar="تنظيم الدولة الاسلامية")

SANA_TEXT = (
    "دمشق (سانا) - أحكمت وحدات من الجيش العربي السوري الخميس سيطرتها على أحياء في الجهة الغربية من مدينة "
    "الميادين بريف دير الزور الشرقي بعد معارك عنيفة مع إرهابيي تنظيم داعش، وأفاد مراسل سانا بمقتل 25 إرهابيا "
    "خلال العمليات.\nوأضاف المراسل أن وحدات الهندسة تعمل على تفكيك العبوات الناسفة التي زرعها الإرهابيون في الشوارع."
)
ARIHA_ECO = ("قال المرصد السوري لحقوق الانسان إن 12 شخصا على الأقل قتلوا حينما سقطت مقاتلة سورية على سوق مزدحم "
             "في بلدة أريحا التي تسيطر عليها المعارضة في محافظة إدلب بشمال غرب البلاد اليوم الاثنين.")
ARIHA_JAZ = ("قال المرصد السوري لحقوق الإنسان إن 12 شخصاً على الأقل قتلوا حينما سقطت مقاتلة سورية على سوق مزدحم "
             "في بلدة أريحا التي تسيطر عليها المعارضة في محافظة إدلب بشمال غرب البلاد يوم أمس الاثنين.")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def ev(article: Article, sentence: str, sub: str, date: str | None, place: dict, fatalities: int = 0,
       source: str | None = None, **fields) -> Event:
    """An event of ``article`` read from ``sentence`` (which must occur in the article text)."""
    from marsad.events.model import SUB_TO_TYPE

    i = article.text.index(sentence)
    spans = []
    if place.get("location_ar") and place["location_ar"] in sentence:
        j = article.text.index(place["location_ar"], i)
        spans.append(Span("location", j, j + len(place["location_ar"]), place["location_ar"]))
    return Event(article.id, SUB_TO_TYPE[sub], sub, date, date, 1 if date else None, fatalities=fatalities,
                 source=source, evidence=[Evidence(sentence, i, i + len(sentence))], spans=spans,
                 **{**place, **fields})


def afp() -> tuple[Article, list[Event]]:
    a = Article("afp-mayadin-2017-10-12", seed_text(), "2017-10-12", "AFP")
    return a, [
        ev(a, "سيطرت قوات النظام بدعم روسي الخميس على أربعة أحياء على الأقل من مدينة الميادين",
           "Government regains territory", "2017-10-12", MAYADIN, source="Syrian Observatory for Human Rights",
           assoc_actor_1="Military Forces of Russia", **REGIME, **IS2),
        ev(a, "وتدور في هذه الأثناء، وفق المرصد، \"معارك طاحنة\" بين قوات النظام والتنظيم داخل المدينة، تتزامن مع غارات روسية كثيفة",
           "Air/drone strike", "2017-10-12", MAYADIN, source="Syrian Observatory for Human Rights",
           actor1="Military Forces of Russia", actor1_ar="روسية", **IS2),
    ]


def sana() -> tuple[Article, list[Event]]:
    a = Article("sana-mayadin-2017-10-12", SANA_TEXT, "2017-10-12", "SANA")
    return a, [ev(a, "أحكمت وحدات من الجيش العربي السوري الخميس سيطرتها على أحياء في الجهة الغربية من مدينة الميادين",
                  "Government regains territory", "2017-10-12", MAYADIN, fatalities=25, source="SANA",
                  actor1="Military Forces of Syria", actor1_ar="الجيش العربي السوري", actor2="Islamic State",
                  actor2_ar="داعش")]


def ariha() -> list[tuple[Article, list[Event]]]:
    out = []
    for aid, outlet, text, published in (
        ("snn-aleqtisadiya-3c58075995c7", "Al-Eqtisadiya", ARIHA_ECO, "2015-08-03"),
        ("snn-alweeam-da2b5921d1b8", "Al-Weeam", ARIHA_ECO, "2015-08-03"),
        ("snn-aljazirah-a3fa7833bb9c", "Al-Jazirah", ARIHA_JAZ, "2015-08-04"),
    ):
        a = Article(aid, text, published, outlet)
        out.append((a, [ev(a, text[:text.index("في بلدة")].strip(), "Other", "2015-08-03", ARIHA, fatalities=12,
                           source="Syrian Observatory for Human Rights", actor1="Military Forces of Syria",
                           actor1_ar="مقاتلة سورية")]))
    return out
