"""ACLED columns Marsad derives: country codes and region, ids, plain spellings, source scale, timestamp."""
import csv
import io

import pytest

from marsad.events.model import Event, Evidence
from marsad.output import EventWriter, acled_row
from marsad.output.acled import (country, country_name, event_id_cnty, plain_spelling, source_scale,
                                 unix_timestamp)


def _event(**kw) -> dict:
    base = dict(article_id="a1", event_type="Battles", sub_event_type="Armed clash", event_date="2015-04-03",
                time_precision=1, actor1="Houthi Movement", actor1_ar="الحوثيين", inter1=3,
                location="Aḑ Ḑāli‘", location_ar="الضالع", latitude=13.69, longitude=44.73, geo_precision=2,
                country="Yemen", admin1="Aḑ Ḑāli‘",
                evidence=[Evidence("اندلعت اشتباكات عنيفة بين الحوثيين ومسلحي المقاومة الشعبية في الضالع", 0, 69)])
    base.update(kw)
    d = Event(**base).to_dict()
    d.update(fused_id="F57e31c77af708d0", sources="Military source; Al-Sharq Al-Awsat; AFP",
             ingested_at="2026-12-03T09:35:26+00:00")
    return d


def test_country_by_english_arabic_or_iso_code():
    for name in ("Syria", "syria", "سوريا", "سورية", "SY", "SYR"):
        assert country_name(name) == "Syria", name
    assert country_name("اليمن") == "Yemen" and country_name("Narnia") == "Narnia"
    yem = country("Yemen")
    assert (yem["iso3"], yem["iso"], yem["region"]) == ("YEM", 887, "Middle East")
    assert country("Sudan")["region"] == "Northern Africa" and country("Norway")["iso3"] == "NOR"


@pytest.mark.parametrize("geonames, plain", [
    ("Aḑ Ḑāli‘", "Ad Dali"), ("Al Mayādīn", "Al Mayadin"), ("‘Ayn al ‘Arab", "Ayn al Arab"),
    ("Şanlıurfa", "Sanliurfa"), ("Deir ez-Zor", "Deir ez-Zor"), ("", ""),
])
def test_places_in_acleds_plain_spelling(geonames, plain):
    assert plain_spelling(geonames) == plain


def test_source_scale_joins_the_scales_of_named_sources_and_outlet():
    assert source_scale("Military source; Al-Sharq Al-Awsat; AFP") == "Regional-International"
    assert source_scale("SANA; Okaz") == "National"
    assert source_scale("Witnesses") == "" and source_scale(None) == ""


def test_event_id_is_iso3_and_a_stable_number():
    a = event_id_cnty("F57e31c77af708d0", "YEM")
    assert a.startswith("YEM") and a[3:].isdigit() and a == event_id_cnty("F57e31c77af708d0", "YEM")
    assert a != event_id_cnty("F57e31c77af708d1", "YEM")


def test_acled_row_fills_every_column_marsad_can_know():
    row = acled_row(_event())
    assert row["iso"] == 887 and row["region"] == "Middle East" and row["event_id_cnty"].startswith("YEM")
    assert row["location"] == "Ad Dali" and row["location_gazetteer"] == "Aḑ Ḑāli‘" and row["admin1"] == "Ad Dali"
    assert row["timestamp"] == unix_timestamp("2026-12-03T09:35:26+00:00") == 1796290526
    assert row["source_scale"] == "Regional-International" and row["year"] == "2015"
    assert row["inter2"] == 0 and row["interaction"] == 30 and row["marsad_id"] == "F57e31c77af708d0"


def test_acled_csv_leaves_out_what_acled_would_not_publish_and_says_so():
    buf = io.StringIO()
    w = EventWriter(buf, "acled-csv")
    for e in (_event(), _event(event_date=None), _event(country=None, location=None)):
        w.write(e)
    w.close()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 1 and w.left_out == {"undated": 1, "no country": 1}


def test_acled_csv_neutralises_spreadsheet_formulas_but_not_negative_numbers():
    buf = io.StringIO()
    w = EventWriter(buf, "acled-csv")
    w.write(_event(notes="=HYPERLINK(\"http://x\")", actor1="@SUM(A1)", longitude=-5.5))
    w.close()
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["notes"].startswith("'=") and row["actor1"] == "'@SUM(A1)" and row["longitude"] == "-5.5"


def test_countries_file_is_built_from_its_current_inputs():
    """countries.yaml records the hash of the regions supplement and of its build script."""
    import hashlib
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    data = yaml.safe_load((root / "src/marsad/data/countries.yaml").read_text(encoding="utf-8"))
    for name, path in (("acled_regions.yaml", "src/marsad/data/supplementary/acled_regions.yaml"),
                       ("build_script", "scripts/build_countries.py")):
        digest = hashlib.sha256((root / path).read_bytes()).hexdigest()
        assert data["inputs"][name] == digest, f"{path} changed: run scripts/build_countries.py"
