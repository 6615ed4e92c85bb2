"""Where people come from is not where their event happened; an institution "بتونس" stands in the capital
(marsad.events.placing and marsad.mentions.places, on real corpus sentences outside dev and train)."""
import marsad
from marsad.doc import Doc
from marsad.events.placing import homes_of_people
from marsad.mentions.places import find_places


def test_fighters_named_with_their_home_town_died_at_the_front():
    # snn-aawsat-ef7fc25fff44: Hezbollah fighters from Tripoli's Jabal Mohsen, killed at Zabadani
    events = marsad.extract("ونقلت الشبكة عن مصادر ميدانية أن «ثمانية عناصر من حزب الله بينهم علويون من جبل محسن في "
                            "طرابلس قُتلوا خلال المواجهات العنيفة الدائرة مع المعارضة على أطراف مدينة الزبداني».",
                            published="2015-07-09")
    assert events and {e.location for e in events} == {"Az Zabadānī"}


def test_the_home_of_a_group_is_found_after_min():
    doc = Doc("بينهم علويون من جبل محسن في طرابلس قتلوا على أطراف مدينة الزبداني")
    find_places(doc)
    places = doc.mentions_of("place")
    homes = homes_of_people(doc, places)
    assert [p.text for p in places if id(p) in homes] == ["طرابلس"]


def places_in(text):
    doc = Doc(text)
    find_places(doc)
    return [(m.text, m.value.place.kind, m.value.place.country_code) for m in doc.mentions_of("place")]


def test_a_faculty_or_a_court_in_tunis_is_in_the_city():
    # ant-JA-localNews-269-16102016, ant-JA-localNews-1037-20170209 (corpus, outside dev/train)
    assert places_in("أعلن الناطق الرسمي باسم المحكمة الإبتدائية بتونس والقطب القضائي لمكافحة الإرهاب عشية اليوم "
                     "الأحد عن كشف الوحدات المختصة") == [("تونس", "city", "TN")]
    # a visit to the country stays the country (snn-aawsat-08074acc43dd)
    assert ("تونس", "country", "TN") in places_in("وقام ساركوزي بزيارة إلى تونس مرفوقا بوفد مكون من أعضاء في مجلس "
                                                  "الشيوخ والجمعية الوطنية الفرنسية والبرلمان الأوروبي.")
